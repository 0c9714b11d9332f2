/**
 * Shandong (山东, province 37):
 *
 * - SD-TITLE-CAP: the old 山东省中等专业学校教师职务结构比例指导标准 caps the share of senior (and intermediate)
 *   titles among full-time teachers by the school's tier (national key or provincial standardised schools
 *   29–35% senior and 40–50% intermediate; then 24–30% / 38–45%; then 18–25% / 38–45%; others ≤ 20% / ≤ 40%).
 *   Its date and whether it is still in force were not established, so its values carry `verified: false` and a
 *   breach is a `warning`.
 * - PEI-SD-SCOPE: who may apply to be a provincial 产教融合型企业 (registered and paying tax in Shandong with
 *   independent legal-person status; not a central SOE or a national mega private firm; main business not
 *   education or training, in principle; no major environmental, safety or quality accident; good credit; no
 *   tax violation), read in the 2024 Linyi notice that restates 鲁发改社会〔2019〕1016号.
 *
 * Core has no rule for either: the pack brings both, checked on a `TitleStructure` and a `PeiApplication`.
 *
 * @since 0.1.0
 */
import { Rule } from "@chanjiao/core"
import type { Finding, Identity, IsoDate, Jurisdiction, Parameter, Plugin, Text } from "@chanjiao/core"
import * as Schema from "effect/Schema"
import { atLeast, atMost, local, pack, percent, value } from "./internal/pack.js"
import * as Sources from "./Sources.js"
import type { PeiApplication, SchoolTier, TitleStructure } from "./Subjects.js"

/**
 * @since 0.1.0
 * @category constants
 */
export const provinceCode = "37" as Identity.ProvinceCode

/**
 * @since 0.1.0
 * @category constants
 */
export const scope: Jurisdiction.Scope = { level: "province", code: provinceCode }

const Share = Schema.Number.pipe(Schema.between(0, 1))
const Range = Schema.Struct({ min: Share, max: Share })
const TierCaps = Schema.Struct({ senior: Range, intermediate: Range })

/**
 * The guide ranges of one tier: senior and intermediate shares of the full-time teachers.
 *
 * @since 0.1.0
 * @category models
 */
export interface TierCaps extends Schema.Schema.Type<typeof TierCaps> {}

const Caps = Schema.Struct({ "tier-1": TierCaps, "tier-2": TierCaps, "tier-3": TierCaps, other: TierCaps })

/**
 * SD-TITLE-CAP: the guide range of senior and intermediate titles, per tier.
 *
 * @since 0.1.0
 * @category parameters
 */
export const titleCaps: Parameter.Parameter<{ readonly [K in SchoolTier]: TierCaps }> = local({
  id: "shandong.titleCaps",
  title: { zh: "教师职务结构比例（山东）", en: "title structure ranges (Shandong)" },
  description: { zh: "按学校档次的高级、中级职务占专任教师比例范围", en: "senior and intermediate title shares of full-time teachers by school tier" },
  unit: "ratio",
  ruleIds: ["SD-TITLE-CAP"],
  schema: Caps
})

/**
 * The PEI-SD-SCOPE conditions.
 *
 * @since 0.1.0
 * @category models
 */
export const Condition = Schema.Literal(
  "registered-in-province",
  "tax-in-province",
  "legal-person",
  "not-central-soe",
  "not-national-mega-private",
  "not-education-business",
  "no-major-accident",
  "good-credit",
  "no-tax-violation"
)

/**
 * @since 0.1.0
 * @category models
 */
export type Condition = typeof Condition.Type

const conditionLabel: { readonly [K in Condition]: Text.Text } = {
  "registered-in-province": { zh: "在山东省注册", en: "registered in Shandong" },
  "tax-in-province": { zh: "在山东省纳税", en: "pays tax in Shandong" },
  "legal-person": { zh: "具有独立法人资格", en: "an independent legal person" },
  "not-central-soe": { zh: "非中央企业", en: "not a central SOE" },
  "not-national-mega-private": { zh: "非全国特大型民营企业", en: "not a national mega private firm" },
  "not-education-business": { zh: "主营业务原则上不为教育培训", en: "main business not education or training (in principle)" },
  "no-major-accident": { zh: "无重大环境、安全、质量事故", en: "no major environmental, safety or quality accident" },
  "good-credit": { zh: "信用记录良好", en: "a good credit record" },
  "no-tax-violation": { zh: "无涉税违法记录", en: "no tax violation" }
}

/**
 * PEI-SD-SCOPE: the conditions an applicant must meet.
 *
 * @since 0.1.0
 * @category parameters
 */
export const peiConditions: Parameter.Parameter<ReadonlyArray<Condition>> = local({
  id: "shandong.peiConditions",
  title: { zh: "省级产教融合型企业申报条件（山东）", en: "provincial 产教融合型企业 conditions (Shandong)" },
  description: { zh: "申报省级产教融合型企业须满足的条件", en: "the conditions an applicant for provincial certification meets" },
  unit: "list",
  ruleIds: ["PEI-SD-SCOPE"],
  schema: Schema.Array(Condition),
  labels: conditionLabel
})

const NONE: ReadonlyArray<Finding.Finding> = []
const titlesFrom = "2000-01-01"
const peiFrom = "2024-01-01"

const tierLabel: { readonly [K in SchoolTier]: Text.Text } = {
  "tier-1": { zh: "国家级重点/省级规范化学校", en: "national key / provincial standardised school" },
  "tier-2": { zh: "第二档学校", en: "second-tier school" },
  "tier-3": { zh: "第三档学校", en: "third-tier school" },
  other: { zh: "其他学校", en: "other school" }
}

/**
 * SD-TITLE-CAP: more senior (or intermediate) titles than the tier's upper bound is a breach (a `warning`
 * while the standard is unverified); fewer senior titles than the lower bound an `info`.
 *
 * @since 0.1.0
 * @category rules
 */
export const titleCapRule: Rule.Rule<TitleStructure> = Rule.make<TitleStructure>({
  id: "SD-TITLE-CAP",
  area: "indicator",
  title: { zh: "教师职务结构比例（山东）", en: "title structure caps (Shandong)" },
  confidence: "L",
  subject: "TitleStructure",
  versions: [
    {
      effectiveFrom: titlesFrom as IsoDate.IsoDate,
      citations: [Sources.shandongTitles("按学校档次的职务结构比例")],
      parameters: [titleCaps],
      check: (s, ctx) => {
        const caps = ctx.policy.value(titleCaps)
        const n = s.fullTimeTeachers
        if (caps === undefined || n === 0) return NONE
        const c = caps[s.tier]
        const out: Array<Finding.Finding> = []
        const over = (count: number, range: { readonly max: number }, what: Text.Text) => {
          const allowed = atMost(range.max, n)
          if (count <= allowed) return
          out.push(
            ctx.finding({
              severity: "violation",
              message: {
                zh: `${tierLabel[s.tier].zh}${what.zh}职务 ${count} 人，占专任教师 ${n} 人的 ${percent(count / n)}，超过 ${percent(range.max)}`,
                en: `${tierLabel[s.tier].en}: ${count} ${what.en} titles, ${percent(count / n)} of ${n} full-time teachers, over ${percent(range.max)}`
              },
              remedy: { zh: `不超过 ${allowed} 人`, en: `at most ${allowed}` },
              measured: { value: Math.round((count / n) * 10000) / 10000, unit: "ratio" },
              threshold: { comparator: "<=", value: range.max, unit: "ratio" },
              parameters: [titleCaps]
            })
          )
        }
        over(s.seniorTitles, c.senior, { zh: "高级", en: "senior" })
        over(s.intermediateTitles, c.intermediate, { zh: "中级", en: "intermediate" })
        const floor = atLeast(c.senior.min, n)
        if (s.seniorTitles < floor) {
          out.push(
            ctx.finding({
              severity: "info",
              message: {
                zh: `${tierLabel[s.tier].zh}高级职务 ${s.seniorTitles} 人，低于指导比例下限 ${percent(c.senior.min)}（${floor} 人）`,
                en: `${tierLabel[s.tier].en}: ${s.seniorTitles} senior titles, under the guide's lower bound ${percent(c.senior.min)} (${floor})`
              },
              measured: { value: Math.round((s.seniorTitles / n) * 10000) / 10000, unit: "ratio" },
              threshold: { comparator: ">=", value: c.senior.min, unit: "ratio" },
              parameters: [titleCaps]
            })
          )
        }
        return out
      }
    }
  ]
})

// What the application says about each condition: met, not met, or not stated.
const judge = (a: PeiApplication, c: Condition): boolean | undefined => {
  const e = a.enterprise
  switch (c) {
    case "registered-in-province":
      return e.division === undefined ? undefined : e.division.startsWith(provinceCode)
    case "tax-in-province":
      return a.taxPaidInProvince
    case "legal-person":
      return a.independentLegalPerson
    case "not-central-soe":
      return e.centralStateOwned === undefined ? undefined : !e.centralStateOwned
    case "not-national-mega-private":
      return a.nationalMegaPrivate === undefined ? undefined : !a.nationalMegaPrivate
    case "not-education-business":
      return e.mainBusinessEducation === undefined ? undefined : !e.mainBusinessEducation
    case "no-major-accident":
      return a.majorAccident === undefined ? undefined : !a.majorAccident
    case "good-credit":
      return a.goodCredit
    case "no-tax-violation":
      return a.taxViolation === undefined ? undefined : !a.taxViolation
  }
}

/**
 * PEI-SD-SCOPE: a `violation` for each condition the application fails (a `warning` for the main business, an
 * "in principle" exclusion), and one `info` listing the conditions it does not state.
 *
 * @since 0.1.0
 * @category rules
 */
export const peiScopeRule: Rule.Rule<PeiApplication> = Rule.make<PeiApplication>({
  id: "PEI-SD-SCOPE",
  area: "enterprise",
  title: { zh: "省级产教融合型企业申报范围（山东）", en: "who may apply as a provincial 产教融合型企业 (Shandong)" },
  confidence: "L",
  subject: "PeiApplication",
  versions: [
    {
      effectiveFrom: peiFrom as IsoDate.IsoDate,
      citations: [Sources.shandongPei("申报条件")],
      parameters: [peiConditions],
      check: (a, ctx) => {
        const conditions = ctx.policy.value(peiConditions)
        if (conditions === undefined) return NONE
        const out: Array<Finding.Finding> = []
        const unstated: Array<Condition> = []
        for (const c of conditions) {
          const ok = judge(a, c)
          if (ok === undefined) unstated.push(c)
          else if (!ok) {
            out.push(
              ctx.finding({
                severity: c === "not-education-business" ? "warning" : "violation",
                message: { zh: `不符合申报条件：${conditionLabel[c].zh}`, en: `does not meet the condition: ${conditionLabel[c].en}` },
                measured: { value: c },
                parameters: [peiConditions]
              })
            )
          }
        }
        if (unstated.length > 0) {
          out.push(
            ctx.finding({
              severity: "info",
              message: {
                zh: `尚需确认的申报条件：${unstated.map((c) => conditionLabel[c].zh).join("、")}`,
                en: `conditions still to confirm: ${unstated.map((c) => conditionLabel[c].en).join(", ")}`
              },
              parameters: [peiConditions]
            })
          )
        }
        return out
      }
    }
  ]
})

/**
 * The Shandong pack (instance id `shandong` by default).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: { readonly id?: string } = {}): Plugin.Plugin =>
  pack({
    id: options.id ?? "shandong",
    pack: "shandong",
    title: { zh: "山东省教师职务结构与产教融合型企业申报条件", en: "Shandong: title structure and 产教融合型企业 conditions" },
    citation: Sources.shandongPei("申报条件"),
    scope,
    values: [
      value(titleCaps, {
        from: titlesFrom,
        value: {
          "tier-1": { senior: { min: 0.29, max: 0.35 }, intermediate: { min: 0.4, max: 0.5 } },
          "tier-2": { senior: { min: 0.24, max: 0.3 }, intermediate: { min: 0.38, max: 0.45 } },
          "tier-3": { senior: { min: 0.18, max: 0.25 }, intermediate: { min: 0.38, max: 0.45 } },
          other: { senior: { min: 0, max: 0.2 }, intermediate: { min: 0, max: 0.4 } }
        },
        citation: Sources.shandongTitles("按学校档次的职务结构比例"),
        // regulations.md §6.5: "age and validity unverified" — a standard from before 2010 that may be superseded.
        verified: false,
        note: { zh: "2010年前的指导标准，日期与现行效力未核实", en: "a guide from before 2010; its date and current force are unverified" }
      }),
      value(peiConditions, {
        from: peiFrom,
        value: ["registered-in-province", "tax-in-province", "legal-person", "not-central-soe", "not-national-mega-private", "not-education-business", "no-major-accident", "good-credit", "no-tax-violation"],
        citation: Sources.shandongPei("申报条件（转引鲁发改社会〔2019〕1016号）"),
        verified: true,
        note: { zh: "按2024年临沂通知所转述的省级条件；通知具体日期未记录", en: "the provincial conditions as the 2024 Linyi notice restates them; its day was not recorded" }
      })
    ],
    defines: [titleCaps, peiConditions],
    rules: [titleCapRule as Rule.Any, peiScopeRule as Rule.Any]
  })
