/**
 * Zhejiang (浙江, province 33): apprenticeships — student apprentices train for 1 year; the subsidy is at least
 * 3,000 yuan per student apprentice and 4,000 per employee apprentice a year (APP-ZJ-STUDENT). Core has no rule
 * for these: the pack adds APP-ZJ-STUDENT as an extra guard on signing an apprenticeship agreement (a life-cycle
 * extension), so in Zhejiang a student apprenticeship shorter than a year cannot be signed; `check` runs the same
 * rule on an agreement outside a transition.
 *
 * @since 0.1.0
 */
import { Agreements, IsoDate, Plugin, Rule } from "@chanjiao/core"
import type { Agreement, Finding, Identity, Jurisdiction, Parameter, Policy } from "@chanjiao/core"
import * as Schema from "effect/Schema"
import { local, pack, value } from "./internal/pack.js"
import * as Sources from "./Sources.js"

/**
 * @since 0.1.0
 * @category constants
 */
export const scope: Jurisdiction.Scope = { level: "province", code: "33" as Identity.ProvinceCode }

const Positive = Schema.Number.pipe(Schema.positive())

/**
 * APP-ZJ-STUDENT: the training period of a student apprentice (现代学徒制), in years.
 * @since 0.1.0
 * @category parameters
 */
export const studentYears: Parameter.Parameter<number> = local({
  id: "zhejiang.studentApprenticeYears",
  title: { zh: "学生学徒培养期（浙江）", en: "student apprentice training period (Zhejiang)" },
  description: { zh: "学生学徒培养期限（年）", en: "the training period of a student apprentice (years)" },
  unit: "years",
  ruleIds: ["APP-ZJ-STUDENT"],
  schema: Positive
})

/**
 * APP-ZJ-STUDENT: the subsidy per student apprentice a year, at least.
 * @since 0.1.0
 * @category parameters
 */
export const studentMinSubsidy: Parameter.Parameter<number> = local({
  id: "zhejiang.studentApprenticeMinSubsidy",
  title: { zh: "学生学徒培训补贴下限（浙江）", en: "student apprentice subsidy, at least (Zhejiang)" },
  description: { zh: "每名学生学徒每年补贴不低于该金额", en: "at least this subsidy per student apprentice a year" },
  unit: "yuan",
  ruleIds: ["APP-ZJ-STUDENT"],
  schema: Positive
})

/**
 * APP-ZJ-STUDENT: the subsidy per employee apprentice (企业新型学徒) a year, at least.
 * @since 0.1.0
 * @category parameters
 */
export const employeeMinSubsidy: Parameter.Parameter<number> = local({
  id: "zhejiang.employeeApprenticeMinSubsidy",
  title: { zh: "企业职工学徒培训补贴下限（浙江）", en: "employee apprentice subsidy, at least (Zhejiang)" },
  description: { zh: "每名企业职工学徒每年补贴不低于该金额", en: "at least this subsidy per employee apprentice a year" },
  unit: "yuan",
  ruleIds: ["APP-ZJ-STUDENT"],
  schema: Positive
})

// The date of the Zhejiang rules was not recorded; like Tianjin's, they apply from the 2021 national opinion.
const from = "2021-06-08"
const note = { zh: "浙江规定日期未记录，自国家指导意见印发之日起", en: "the Zhejiang rules' date was not recorded: from the national opinion's date" }
const NONE: ReadonlyArray<Finding.Finding> = []

/** What the rule reads: the agreement (a sign guard's subject has more, which the rule does not need). */
interface Subject {
  readonly aggregate: Agreement.ApprenticeshipAgreement
}

/**
 * APP-ZJ-STUDENT: a student apprenticeship (`modern`) lasting less than the period is a `violation`, longer a
 * `warning` (the national 1–3 years allows it, Zhejiang's period for students is 1 year); a subsidy under the floor for its kind is a `warning` (a shortfall in what the government or enterprise
 * pays is not the school's breach).
 *
 * @since 0.1.0
 * @category rules
 */
export const rule: Rule.Rule<Subject> = Rule.make<Subject>({
  id: "APP-ZJ-STUDENT",
  area: "enterprise",
  title: { zh: "学生学徒培养期1年与学徒补贴标准（浙江）", en: "student apprentices 1 year, subsidy floors (Zhejiang)" },
  confidence: "L",
  subject: "AgreementEvent",
  versions: [
    {
      effectiveFrom: from as IsoDate.IsoDate,
      citations: [Sources.zhejiangApprenticeship("学生学徒培养期与补贴标准")],
      parameters: [studentYears, studentMinSubsidy, employeeMinSubsidy],
      check: ({ aggregate: a }, ctx) => {
        const years = ctx.policy.value(studentYears)
        if (years === undefined) return NONE
        const out: Array<Finding.Finding> = []
        if (a.kind === "modern") {
          // The term runs from its start to its end inclusive: a year from 2024-09-01 ends 2025-08-31.
          const fullEnd = IsoDate.addDays(IsoDate.addMonths(a.term.start, Math.round(years * 12)), -1)
          if (a.term.end < fullEnd) {
            out.push(
              ctx.finding({
                severity: "violation",
                message: { zh: `学生学徒培养期 ${a.term.start} 至 ${a.term.end}，不足${years}年（应至 ${fullEnd}）`, en: `a student apprenticeship ${a.term.start} to ${a.term.end}, under ${years} year(s) (to ${fullEnd})` },
                remedy: { zh: `培养期至少至 ${fullEnd}`, en: `extend the term to ${fullEnd} at least` },
                parameters: [studentYears]
              })
            )
          } else if (a.term.end > fullEnd) {
            out.push(
              ctx.finding({
                severity: "warning",
                message: { zh: `学生学徒培养期长于${years}年（至 ${a.term.end}）`, en: `a student apprenticeship longer than ${years} year(s) (to ${a.term.end})` },
                parameters: [studentYears]
              })
            )
          }
        }
        const floor = a.kind === "modern" ? ctx.policy.value(studentMinSubsidy) : ctx.policy.value(employeeMinSubsidy)
        if (floor !== undefined && a.subsidyPerYear !== undefined && a.subsidyPerYear < floor) {
          out.push(
            ctx.finding({
              severity: "warning",
              message: {
                zh: `${a.kind === "modern" ? "学生" : "企业职工"}学徒补贴每年 ${a.subsidyPerYear} 元，低于 ${floor} 元`,
                en: `${a.kind === "modern" ? "student" : "employee"} apprentice subsidy ${a.subsidyPerYear} yuan a year, under ${floor}`
              },
              measured: { value: a.subsidyPerYear, unit: "yuan" },
              threshold: { comparator: ">=", value: floor, unit: "yuan" },
              parameters: [a.kind === "modern" ? studentMinSubsidy : employeeMinSubsidy]
            })
          )
        }
        return out
      }
    }
  ]
})

/**
 * The sign guard APP-ZJ-STUDENT adds to core's apprenticeship machine.
 *
 * @since 0.1.0
 * @category machines
 */
export const machine: Plugin.MachineExtension = Plugin.extendMachine(Agreements.apprenticeship, { guards: { sign: [rule] } })

/**
 * Runs APP-ZJ-STUDENT on an agreement (outside a transition).
 *
 * @since 0.1.0
 * @category combinators
 */
export const check = (policy: Policy.Resolved, agreement: Agreement.ApprenticeshipAgreement): ReadonlyArray<Finding.Finding> =>
  Rule.check(rule, { aggregate: agreement }, { type: "ApprenticeshipAgreement", id: agreement.id }, policy)

/**
 * The Zhejiang pack (instance id `zhejiang` by default).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: { readonly id?: string } = {}): Plugin.Plugin => {
  const cite = Sources.zhejiangApprenticeship
  return pack({
    id: options.id ?? "zhejiang",
    pack: "zhejiang",
    title: { zh: "浙江省学徒制培养期与补贴", en: "Zhejiang: apprenticeship period and subsidies" },
    citation: cite("学徒制培养"),
    scope,
    values: [
      value(studentYears, { from, value: 1, citation: cite("学生学徒培养期1年"), verified: true, note }),
      value(studentMinSubsidy, { from, value: 3000, citation: cite("学生学徒每人每年补贴不低于3000元"), verified: true, note }),
      value(employeeMinSubsidy, { from, value: 4000, citation: cite("企业职工学徒每人每年补贴不低于4000元"), verified: true, note })
    ],
    defines: [studentYears, studentMinSubsidy, employeeMinSubsidy],
    machines: [machine]
  })
}
