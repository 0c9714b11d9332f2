// A school's own rule (SCH-EP-20D) and indicator (SCH-DS-60), packed as a chanjiao plugin. See README.md.
import { IsoDate, National, Parameter, Plugin, Rule } from "@chanjiao/core"
import type { Citation, Indicators, Teacher } from "@chanjiao/core"
import * as Schema from "effect/Schema"

const rules: Citation.Citation = { document: "本校专业教师企业实践管理办法", docNumber: "校发〔2024〕12号", confidence: "L" }
const since = IsoDate.unsafeMake("2024-09-01")
const param = (id: string, zh: string, en: string, unit: Parameter.Unit, ruleId: string, value: number) =>
  Parameter.make({ id, title: { zh, en }, description: { zh, en }, unit, ruleIds: [ruleId], schema: Schema.Number, history: [{ effectiveFrom: since, value, citation: rules, verified: true }] })

export const minDays = param("campus.minPracticeDaysPerYear", "近一年企业实践天数下限", "practice days in the last year", "days", "SCH-EP-20D", 20)
export const dsTarget = param("campus.dualQualifiedTarget", "双师型教师比例目标", "dual-qualified share target", "ratio", "SCH-DS-60", 0.6)

/** Days of practice within the 365 days up to `asOf`; overlapping records count each day once. */
export const practiceDays = (t: Teacher.Teacher, asOf: IsoDate.IsoDate): number => {
  const last = IsoDate.toEpochDays(asOf)
  const days = new Set<number>()
  for (const p of t.practice) {
    for (let d = Math.max(IsoDate.toEpochDays(p.start), last - 364); d <= Math.min(IsoDate.toEpochDays(p.end), last); d++) days.add(d)
  }
  return days.size
}

/** SCH-EP-20D: every full-time professional-course teacher practises in an enterprise each year. */
export const yearlyPractice = Rule.make<Teacher.Teacher>({
  id: "SCH-EP-20D",
  area: "teacher", confidence: "L", subject: "Teacher",
  title: { zh: "专业课教师每年企业实践", en: "yearly enterprise practice" },
  versions: [{
    effectiveFrom: since,
    citations: [{ ...rules, article: "第三条" }],
    parameters: [minDays],
    check: (t, ctx) => {
      const min = ctx.policy.value(minDays)
      const done = practiceDays(t, ctx.asOf)
      if (min === undefined || t.employment !== "full-time" || t.courseType !== "professional" || done >= min) return []
      return [ctx.finding({
        severity: "violation",
        message: { zh: `近一年企业实践 ${done} 天，少于 ${min} 天`, en: `${done} days of practice in the last year, under ${min}` },
        remedy: { zh: `再安排 ${min - done} 天企业实践`, en: `arrange ${min - done} more days` },
        measured: { value: done, unit: "days" }, threshold: { comparator: ">=", value: min, unit: "days" }, parameters: [minDays]
      })]
    }
  }]
})

/** SCH-DS-60: dual-qualified teachers are at least 60% of professional-course teachers (national floor: 30%). */
export const dsShare: Indicators.Definition = {
  id: "SCH-DS-60",
  name: { zh: "双师型教师占专业课教师比例（校定目标）", en: "dual-qualified share (school target)" },
  scope: "school", unit: "ratio", table: "资源表",
  threshold: { parameter: dsTarget, comparator: ">=" },
  measure: (ix) => ({ numerator: { value: ix.dualHeldProfessional.size, ids: ix.dualHeldProfessional.ids() }, denominator: { value: ix.fullTimeProfessional.size, ids: ix.fullTimeProfessional.ids() } })
}

export const plugin = Plugin.make({
  id: "jinxiang-vs", version: "1.0.0", title: { zh: "金乡职专校规", en: "Jinxiang school rules" }, citation: rules,
  defines: [minDays, dsTarget], rules: [yearlyPractice], indicators: [dsShare]
})

export const bundle = Plugin.unsafeCompose(National.policy, plugin)
