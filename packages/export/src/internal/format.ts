/**
 * How results read for people: verdicts, thresholds, measured values, citations, periods — shared by the
 * tables (CSV, XLSX) and the HTML report so that every format says the same thing.
 * @internal
 */
import { Assessment, Citation, Finding, Indicators, Parameter } from "@chanjiao/core"
import type { Lang, Text } from "./text.js"

/** An indicator's verdict, or 不适用 for a figure that could not be computed. */
export type Verdict = "met" | "basically-met" | "not-met" | "not-applicable" | "none"

export const verdictLabel: { readonly [K in Verdict]: Text } = {
  met: { zh: "达标", en: "met" },
  "basically-met": { zh: "基本达标", en: "basically met" },
  "not-met": { zh: "不达标", en: "not met" },
  "not-applicable": { zh: "不适用", en: "not applicable" },
  none: { zh: "仅报告", en: "reported only" }
}

export const verdictOf = (v: Indicators.Value): Verdict => (v.status === "not-applicable" ? "not-applicable" : v.verdict ?? "none")

/** Excel's own good / neutral / bad cell styles. */
export const tones = {
  good: { fill: "FFC6EFCE", font: "FF006100" },
  neutral: { fill: "FFFFEB9C", font: "FF9C5700" },
  bad: { fill: "FFFFC7CE", font: "FF9C0006" }
} as const

export type Tone = keyof typeof tones

export const verdictTones: Readonly<Record<string, Tone>> = Object.fromEntries(
  (["zh", "en"] as const).flatMap((l) => [
    [verdictLabel.met[l], "good"],
    [verdictLabel["basically-met"][l], "neutral"],
    [verdictLabel["not-met"][l], "bad"]
  ])
)

export const severityTones: Readonly<Record<string, Tone>> = Object.fromEntries(
  (["zh", "en"] as const).flatMap((l) => [
    [Finding.severityLabel.violation[l], "bad"],
    [Finding.severityLabel.warning[l], "neutral"]
  ])
)

const comparators: Readonly<Record<string, string>> = { ">=": "≥", "<=": "≤", ">": ">", "<": "<", "==": "=", "!=": "≠", "≈": "≈", in: "∈", "not-in": "∉" }

export const comparator = (c: string): string => comparators[c] ?? c

/** A number for people: at most `digits` decimals, no trailing zeros. */
export const num = (n: number, digits = 2): string => String(Number(n.toFixed(digits)))

/** A share as a percentage: `30.5%`. */
export const percent = (n: number, digits = 1): string => `${num(n * 100, digits)}%`

/** A value in a unit: `30.5%`, `20.5 生/师`, `1200`. */
export const withUnit = (n: number, unit: Parameter.Unit | undefined, lang: Lang): string => {
  if (unit === "ratio") return percent(n)
  if (unit === undefined || unit === "count" || unit === "category" || unit === "list" || unit === "boolean") return num(n)
  return `${num(n)} ${Parameter.unitLabel[unit][lang]}`
}

const byId = new Map<string, Indicators.Definition>()
for (const d of Indicators.catalogue) byId.set(`${d.id}|${d.variant ?? ""}`, d)

/** The unit of an indicator value (the definition's; the programme figures outside the catalogue are counts or shares). */
export const unitOf = (v: Indicators.Value): Parameter.Unit =>
  byId.get(`${v.indicator}|${v.variant ?? ""}`)?.unit ?? byId.get(`${v.indicator}|`)?.unit ?? (v.indicator === "IND-DB-TARGET" ? "ratio" : "count")

export const valueText = (v: Indicators.Value, lang: Lang): string => (v.value === undefined ? "—" : withUnit(v.value, unitOf(v), lang))

export const thresholdText = (v: Indicators.Value, lang: Lang): string =>
  v.threshold === undefined ? "—" : `${comparator(v.threshold.comparator)} ${withUnit(v.threshold.value, unitOf(v), lang)}${v.threshold.verified ? "" : lang === "zh" ? "（未核实）" : " (unverified)"}`

export const citationText = (c: Citation.Citation, lang: Lang): string =>
  `${Citation.format(c)}${c.confidence === "M" ? (lang === "zh" ? "（未核实）" : " (unverified)") : ""}`

const scalar = (v: unknown, unit: Parameter.Unit | undefined, lang: Lang): string =>
  typeof v === "number" ? withUnit(v, unit, lang) : typeof v === "boolean" ? (lang === "zh" ? (v ? "是" : "否") : v ? "yes" : "no") : v === null || v === undefined ? "—" : String(v)

export const measuredText = (f: Finding.Finding, lang: Lang): string => (f.measured === undefined ? "" : scalar(f.measured.value, f.measured.unit, lang))

export const findingThresholdText = (f: Finding.Finding, lang: Lang): string => {
  const t = f.threshold
  if (t === undefined) return ""
  const v = Array.isArray(t.value) ? t.value.join(lang === "zh" ? "、" : ", ") : scalar(t.value, t.unit, lang)
  return `${comparator(t.comparator)} ${v}`
}

export const periodText = (p: { readonly start: string; readonly end: string }, lang: Lang): string => `${p.start} ${lang === "zh" ? "至" : "to"} ${p.end}`

export const gradeLabel = (g: Assessment.Grade | undefined, lang: Lang): string => (g === undefined ? (lang === "zh" ? "未评定" : "not graded") : Assessment.gradeLabel[g][lang])
