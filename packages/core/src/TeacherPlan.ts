/**
 * 一师一方案 (PLAN-TEACHER-PLAN): every full-time teacher has a current personal development plan with goals,
 * a target 双师型 level and planned enterprise practice. Findings for a missing or expired plan, overdue goals,
 * and planned practice that cannot close the practice deficit (TCH-EP-5Y6M) in time.
 *
 * @since 0.1.0
 */
import type { IsoDate } from "./IsoDate.js"
import * as Iso from "./IsoDate.js"
import * as N from "./internal/national-parameters.js"
import * as Practice from "./Practice.js"
import * as Rule from "./Rule.js"
import type { Citation } from "./Citation.js"

const plan: Citation = {
  document: "金乡县职业中等专业学校校企合作与产教融合建设方案（一师一方案）",
  article: "实践模式：一专一名企、一师一方案、一生一专项",
  date: "2024-04-28" as IsoDate,
  confidence: "I"
}

/**
 * Days of practice a plan schedules after `from` and up to `until` (each planned period counts its `days`, or
 * every day of its span, clipped to the interval).
 *
 * @since 0.1.0
 * @category combinators
 */
export const plannedDays = (
  planned: ReadonlyArray<{ readonly start: IsoDate; readonly end: IsoDate; readonly days?: number | undefined }>,
  from: IsoDate,
  until: IsoDate
): number => {
  const spans: Array<Practice.Span> = planned.map((p, i) => {
    const start = Iso.toEpochDays(p.start)
    const end = Iso.toEpochDays(p.end)
    const length = Math.max(1, end - start + 1)
    return { start, end, share: Math.min(1, (p.days ?? length) / length), recordId: String(i) }
  })
  return Practice.servedBetween(spans, Iso.toEpochDays(from) + 1, Iso.toEpochDays(until))
}

/**
 * PLAN-TEACHER-PLAN: a full-time teacher has a current plan; its goals are kept; its planned practice closes
 * the practice deficit in time.
 *
 * @since 0.1.0
 * @category rules
 */
export const planRule = Rule.make<Practice.Subject>({
  id: "PLAN-TEACHER-PLAN",
  area: "teacher",
  title: { zh: "一师一方案", en: "one plan per teacher" },
  confidence: "I",
  subject: "Teacher",
  versions: [
    {
      effectiveFrom: "2024-04-28" as IsoDate,
      citations: [plan],
      parameters: [N.teacherPracticeMinMonths, N.teacherPracticeWindowYears, N.teacherPracticeDaysPerMonth],
      check: ({ teacher }, ctx) => {
        if (teacher.employment !== "full-time" || teacher.hiredOn > ctx.asOf || (teacher.leftOn !== undefined && teacher.leftOn <= ctx.asOf)) return []
        const p = teacher.developmentPlan
        if (p === undefined) {
          return [
            ctx.finding({
              severity: "warning",
              message: { zh: `${teacher.name}没有个人发展方案（一师一方案）`, en: `${teacher.name} has no personal development plan` },
              remedy: { zh: "制定包含发展目标、目标等级和企业实践安排的个人发展方案", en: "make a plan with goals, a target level and planned practice" }
            })
          ]
        }
        const out = []
        if (p.period.end < ctx.asOf) {
          out.push(
            ctx.finding({
              severity: "warning",
              message: { zh: `个人发展方案已于 ${p.period.end} 到期`, en: `the development plan ended on ${p.period.end}` },
              remedy: { zh: "制定新一期个人发展方案", en: "make the next plan" },
              deadline: p.period.end
            })
          )
        }
        for (const g of p.goals) {
          if (g.dueOn !== undefined && g.dueOn < ctx.asOf && g.doneOn === undefined) {
            out.push(
              ctx.finding({
                severity: "info",
                message: { zh: `发展目标“${g.text}”已逾期（期限 ${g.dueOn}）`, en: `goal "${g.text}" is overdue (due ${g.dueOn})` },
                deadline: g.dueOn
              })
            )
          }
        }
        const s = Practice.settings(ctx.policy)
        if (s !== undefined) {
          const st = Practice.evaluate(teacher, ctx.asOf, s)
          const target = st.status === "due" ? st.latestDate : st.status === "non-compliant" ? Iso.addYears(ctx.asOf, 1) : undefined
          const need = st.status === "due" ? st.deficitAtLatestDate ?? st.deficitDays : st.deficitDays
          if (target !== undefined && need > 0) {
            const planned = plannedDays(p.plannedPractice, ctx.asOf, target)
            if (planned + 1e-9 < need) {
              out.push(
                ctx.finding({
                  severity: "warning",
                  message: {
                    zh: `方案安排的企业实践（${target} 前 ${Math.round(planned)} 天）不足以补足 ${Practice.wholeDays(need)} 天的缺口`,
                    en: `the plan schedules ${Math.round(planned)} days of practice before ${target}, short of the ${Practice.wholeDays(need)} days missing`
                  },
                  remedy: {
                    zh: `在方案中再安排 ${Practice.wholeDays(need - planned)} 天企业实践，${target} 前完成`,
                    en: `plan ${Practice.wholeDays(need - planned)} more days of practice before ${target}`
                  },
                  deadline: target,
                  measured: { value: Math.round(planned), unit: "days" },
                  threshold: { comparator: ">=", value: Practice.wholeDays(need), unit: "days" },
                  parameters: [N.teacherPracticeMinMonths, N.teacherPracticeWindowYears, N.teacherPracticeDaysPerMonth]
                })
              )
            }
          }
        }
        return out
      }
    }
  ]
})

/**
 * @since 0.1.0
 * @category rules
 */
export const rules: ReadonlyArray<Rule.Any> = [planRule]
