/**
 * Jiangsu (江苏, province 32): an applicant to be a 产教融合型企业 has operated continuously for at least 5 years,
 * and is in principle above designated size or an industry leader (PEI-JS-5Y). Core has no rule for it: the
 * pack brings it, checked on a `PeiApplication` (S/L).
 *
 * @since 0.1.0
 */
import { IsoDate, Rule } from "@chanjiao/core"
import type { Finding, Identity, Jurisdiction, Parameter, Plugin } from "@chanjiao/core"
import * as Schema from "effect/Schema"
import { local, pack, value } from "./internal/pack.js"
import * as Sources from "./Sources.js"
import type { PeiApplication } from "./Subjects.js"

/**
 * @since 0.1.0
 * @category constants
 */
export const scope: Jurisdiction.Scope = { level: "province", code: "32" as Identity.ProvinceCode }

/**
 * PEI-JS-5Y: years of continuous operation an applicant needs.
 *
 * @since 0.1.0
 * @category parameters
 */
export const minOperatingYears: Parameter.Parameter<number> = local({
  id: "jiangsu.peiMinOperatingYears",
  title: { zh: "产教融合型企业申报：连续经营年限下限（江苏）", en: "产教融合型企业: years of operation, at least (Jiangsu)" },
  description: { zh: "申报企业须连续经营满该年数", en: "an applicant has operated continuously for at least this many years" },
  unit: "years",
  ruleIds: ["PEI-JS-5Y"],
  schema: Schema.Number.pipe(Schema.int(), Schema.positive())
})

// The Jiangsu conditions' date was not recorded; they implement 发改社会〔2019〕590号 (2019-04-03).
const from = "2019-04-03"
const NONE: ReadonlyArray<Finding.Finding> = []

/**
 * PEI-JS-5Y: fewer years of operation on the application date than required is a `violation` (with the date
 * the enterprise qualifies); not above designated size and not an industry leader is a `warning` (原则上); no
 * founding date an `info`.
 *
 * @since 0.1.0
 * @category rules
 */
export const rule: Rule.Rule<PeiApplication> = Rule.make<PeiApplication>({
  id: "PEI-JS-5Y",
  area: "enterprise",
  title: { zh: "产教融合型企业申报：连续经营满5年（江苏）", en: "产教融合型企业: 5 years of operation (Jiangsu)" },
  confidence: "L",
  subject: "PeiApplication",
  versions: [
    {
      effectiveFrom: from as IsoDate.IsoDate,
      citations: [Sources.jiangsuPei("申报条件")],
      parameters: [minOperatingYears],
      check: (a, ctx) => {
        const years = ctx.policy.value(minOperatingYears)
        if (years === undefined) return NONE
        const out: Array<Finding.Finding> = []
        const founded = a.enterprise.foundedOn
        if (founded === undefined) {
          out.push(ctx.finding({ severity: "info", message: { zh: "未填写企业成立日期，无法确认连续经营年限", en: "no founding date: the years of operation cannot be confirmed" }, parameters: [minOperatingYears] }))
        } else {
          // Five full years on the application date: the fifth anniversary falls on or before it.
          const qualifies = IsoDate.addYears(founded, years)
          if (qualifies > a.appliedOn) {
            out.push(
              ctx.finding({
                severity: "violation",
                message: { zh: `企业成立于 ${founded}，申报日 ${a.appliedOn} 连续经营未满${years}年`, en: `founded ${founded}: under ${years} years of operation on ${a.appliedOn}` },
                remedy: { zh: `${qualifies} 起可申报`, en: `may apply from ${qualifies}` },
                deadline: qualifies,
                measured: { value: Math.floor((IsoDate.diffDays(founded, a.appliedOn) / 365.25) * 100) / 100, unit: "years" },
                threshold: { comparator: ">=", value: years, unit: "years" },
                parameters: [minOperatingYears]
              })
            )
          }
        }
        if (a.enterprise.aboveDesignatedSize === false && a.industryLeader !== true) {
          out.push(
            ctx.finding({
              severity: "warning",
              message: { zh: "申报企业原则上应为规模以上企业或行业龙头企业", en: "an applicant is in principle above designated size or an industry leader" },
              parameters: [minOperatingYears]
            })
          )
        }
        return out
      }
    }
  ]
})

/**
 * The Jiangsu pack (instance id `jiangsu` by default).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: { readonly id?: string } = {}): Plugin.Plugin =>
  pack({
    id: options.id ?? "jiangsu",
    pack: "jiangsu",
    title: { zh: "江苏省产教融合型企业申报条件", en: "Jiangsu: 产教融合型企业 conditions" },
    citation: Sources.jiangsuPei("申报条件"),
    scope,
    values: [
      value(minOperatingYears, {
        from,
        value: 5,
        citation: Sources.jiangsuPei("连续经营5年以上"),
        verified: true,
        note: { zh: "江苏条件日期未记录，自国家实施办法印发之日起", en: "the Jiangsu conditions' date was not recorded: from the national measures' date" }
      })
    ],
    defines: [minOperatingYears],
    rules: [rule as Rule.Any]
  })
