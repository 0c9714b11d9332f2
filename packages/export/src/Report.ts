/**
 * What a school report holds: the school, the period, every indicator value, every finding, the grades, the
 * agreements, the teachers and the internships — results the core computed, gathered by the caller (the CLI
 * builds it from the store). The HTML report and the report workbook are drawn from it.
 *
 * @since 0.1.0
 */
import type { Agreement, Enterprise, Finding, Grading, Indicators, Internship, IsoDate, School, Student, Teacher } from "@chanjiao/core"
import { Agreements as Machines } from "@chanjiao/core"
import type { Text } from "./internal/text.js"

/**
 * The agreements of the school, by kind.
 *
 * @since 0.1.0
 * @category models
 */
export interface Agreements {
  readonly cooperation: ReadonlyArray<Agreement.CooperationAgreement>
  readonly internship: ReadonlyArray<Agreement.InternshipAgreement>
  readonly apprenticeship: ReadonlyArray<Agreement.ApprenticeshipAgreement>
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Report {
  /** The report's title; 校企合作与产教融合年度报告 by default. */
  readonly title?: Text
  readonly school: School.School
  readonly period: Indicators.Period
  /** The date the rules and indicators were evaluated for (the report never reads a clock). */
  readonly asOf: IsoDate.IsoDate
  readonly indicators: ReadonlyArray<Indicators.Value>
  readonly findings: ReadonlyArray<Finding.Finding>
  readonly grades: ReadonlyArray<Grading.Result>
  readonly agreements: Agreements
  readonly teachers: ReadonlyArray<Teacher.Teacher>
  readonly internships: ReadonlyArray<Internship.Internship>
  /** Students, for the names on internship sections. */
  readonly students?: ReadonlyArray<Student.Student>
  readonly enterprises?: ReadonlyArray<Enterprise.Enterprise>
  /** Marks every page as built from synthetic data (the demo). */
  readonly synthetic?: boolean
}

/**
 * A typed report literal.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (report: Report): Report => report

/**
 * The default title.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultTitle: Text = { zh: "校企合作与产教融合报告", en: "School–enterprise cooperation report" }

/**
 * The agreement kinds, with their machines' titles.
 *
 * @since 0.1.0
 * @category models
 */
export type AgreementKind = keyof Agreements

interface StateInfo {
  readonly id: string
  readonly label: Text
  readonly terminal: boolean
}

const machines = (): { readonly [K in AgreementKind]: { readonly title: Text; readonly initial: string; readonly states: ReadonlyArray<StateInfo> } } => {
  // The tripartite machine needs a policy only to decide signatures; its states do not depend on it.
  const tripartite = Machines.tripartite(() => {
    throw new Error("not used")
  })
  return {
    cooperation: Machines.cooperation,
    internship: tripartite,
    apprenticeship: Machines.apprenticeship
  }
}

let cached: ReturnType<typeof machines> | undefined
const machine = (kind: AgreementKind) => (cached ??= machines())[kind]

/**
 * The title of an agreement kind.
 *
 * @since 0.1.0
 * @category getters
 */
export const agreementTitle = (kind: AgreementKind): Text => machine(kind).title

/**
 * How many agreements of a kind are in each state of its life cycle, in the machine's order (states with none
 * are listed with 0). An agreement without a life-cycle stamp is in the machine's initial state.
 *
 * @since 0.1.0
 * @category getters
 */
export const agreementStates = (report: Report, kind: AgreementKind): ReadonlyArray<{ readonly state: string; readonly label: Text; readonly count: number }> => {
  const m = machine(kind)
  const counts = new Map<string, number>()
  for (const a of report.agreements[kind]) {
    const s = a.lifecycle?.state ?? m.initial
    counts.set(s, (counts.get(s) ?? 0) + 1)
  }
  const known = m.states.map((s) => ({ state: s.id, label: s.label, count: counts.get(s.id) ?? 0 }))
  const unknown = [...counts.keys()].filter((s) => !m.states.some((x) => x.id === s)).sort().map((s) => ({ state: s, label: { zh: s, en: s }, count: counts.get(s) ?? 0 }))
  return [...known, ...unknown]
}

/**
 * The label of an agreement's state.
 *
 * @since 0.1.0
 * @category getters
 */
export const stateLabel = (kind: AgreementKind, state: string | undefined): Text => {
  const m = machine(kind)
  const id = state ?? m.initial
  return m.states.find((s) => s.id === id)?.label ?? { zh: id, en: id }
}

/**
 * Whether a state is terminal (expired, completed, terminated, renewed).
 *
 * @since 0.1.0
 * @category getters
 */
export const isTerminal = (kind: AgreementKind, state: string | undefined): boolean => {
  const m = machine(kind)
  return m.states.find((s) => s.id === (state ?? m.initial))?.terminal ?? false
}

/**
 * Expiry windows of the agreements still open, relative to `asOf`.
 *
 * @since 0.1.0
 * @category constants
 */
export const expiryBuckets: ReadonlyArray<{ readonly id: string; readonly label: Text; readonly upTo: number }> = [
  { id: "past", label: { zh: "已过期", en: "past end" }, upTo: -1 },
  { id: "30", label: { zh: "30天内到期", en: "within 30 days" }, upTo: 30 },
  { id: "90", label: { zh: "31–90天", en: "31–90 days" }, upTo: 90 },
  { id: "180", label: { zh: "91–180天", en: "91–180 days" }, upTo: 180 },
  { id: "365", label: { zh: "181–365天", en: "181–365 days" }, upTo: 365 },
  { id: "later", label: { zh: "一年以后", en: "after a year" }, upTo: Number.POSITIVE_INFINITY }
]

/**
 * Days from `from` to `to` (both `YYYY-MM-DD`).
 *
 * @since 0.1.0
 * @category getters
 */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)

/**
 * The open (non-terminal) agreements of every kind by expiry window.
 *
 * @since 0.1.0
 * @category getters
 */
export const expiries = (report: Report): ReadonlyArray<{ readonly id: string; readonly label: Text; readonly count: number }> => {
  const counts = expiryBuckets.map(() => 0)
  const all: ReadonlyArray<readonly [AgreementKind, { readonly term: { readonly end: string }; readonly lifecycle?: { readonly state: string } | undefined }]> = [
    ...report.agreements.cooperation.map((a) => ["cooperation", a] as const),
    ...report.agreements.internship.map((a) => ["internship", a] as const),
    ...report.agreements.apprenticeship.map((a) => ["apprenticeship", a] as const)
  ]
  for (const [kind, a] of all) {
    if (isTerminal(kind, a.lifecycle?.state)) continue
    const days = daysBetween(report.asOf, a.term.end)
    const i = expiryBuckets.findIndex((b) => days <= b.upTo)
    counts[i === -1 ? expiryBuckets.length - 1 : i]! += 1
  }
  return expiryBuckets.map((b, i) => ({ id: b.id, label: b.label, count: counts[i]! }))
}

/**
 * The findings about one record (subject type compared without case: `Teacher` and `teacher` are the same).
 *
 * @since 0.1.0
 * @category getters
 */
export const findingsAbout = (report: Report, type: string, id: string): ReadonlyArray<Finding.Finding> => {
  const t = type.toLowerCase()
  return report.findings.filter((f) => f.subject.id === id && f.subject.type.toLowerCase() === t)
}
