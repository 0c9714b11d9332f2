/**
 * Jiangxi (江西, province 36), 2015 cooperation measures: enterprises above designated size offer 顶岗 (now 岗位)
 * internship posts for at least 10% of their technical posts (ENT-LOCAL-JX-10) and host teacher enterprise
 * practice for at least 2% of their headcount (ENT-LOCAL-JX-2). Core has no rule for these: the pack brings
 * them, checked on an `EnterpriseContribution` (S/L: a `violation` when short).
 *
 * @since 0.1.0
 */
import { Rule } from "@chanjiao/core"
import type { Finding, Identity, IsoDate, Jurisdiction, Parameter, Plugin } from "@chanjiao/core"
import * as Schema from "effect/Schema"
import { atLeast, local, pack, percent, value } from "./internal/pack.js"
import * as Sources from "./Sources.js"
import type { EnterpriseContribution } from "./Subjects.js"

/**
 * @since 0.1.0
 * @category constants
 */
export const scope: Jurisdiction.Scope = { level: "province", code: "36" as Identity.ProvinceCode }

const Share = Schema.Number.pipe(Schema.between(0, 1))

/**
 * ENT-LOCAL-JX-10: internship posts an enterprise above designated size offers, as a share of its technical posts.
 *
 * @since 0.1.0
 * @category parameters
 */
export const internshipPostShareMin: Parameter.Parameter<number> = local({
  id: "jiangxi.internshipPostShareMin",
  title: { zh: "规模以上企业提供实习岗位占技术岗位比例下限（江西）", en: "internship posts per technical post (Jiangxi)" },
  description: { zh: "规模以上企业提供顶岗实习岗位不少于技术岗位的该比例", en: "enterprises above designated size offer at least this share of technical posts as internship posts" },
  unit: "ratio",
  ruleIds: ["ENT-LOCAL-JX-10"],
  schema: Share
})

/**
 * ENT-LOCAL-JX-2: teachers hosted for enterprise practice, as a share of the enterprise's headcount.
 *
 * @since 0.1.0
 * @category parameters
 */
export const teacherPracticeShareMin: Parameter.Parameter<number> = local({
  id: "jiangxi.teacherPracticeShareMin",
  title: { zh: "规模以上企业接收教师实践占职工总数比例下限（江西）", en: "teachers hosted per employee (Jiangxi)" },
  description: { zh: "规模以上企业接收教师企业实践不少于职工总数的该比例", en: "enterprises above designated size host teacher practice for at least this share of their headcount" },
  unit: "ratio",
  ruleIds: ["ENT-LOCAL-JX-2"],
  schema: Share
})

const from = "2015-01-01"
const note = { zh: "2015年江西省规定（具体日期未记录）", en: "Jiangxi, 2015 (day not recorded)" }
const NONE: ReadonlyArray<Finding.Finding> = []

const duty = (def: {
  readonly id: string
  readonly title: { readonly zh: string; readonly en: string }
  readonly parameter: Parameter.Parameter<number>
  readonly article: string
  readonly count: (s: EnterpriseContribution) => number
  readonly base: (s: EnterpriseContribution) => number
  readonly what: { readonly zh: string; readonly en: string }
  readonly of: { readonly zh: string; readonly en: string }
}): Rule.Rule<EnterpriseContribution> =>
  Rule.make<EnterpriseContribution>({
    id: def.id,
    area: "enterprise",
    title: def.title,
    confidence: "L",
    subject: "EnterpriseContribution",
    versions: [
      {
        effectiveFrom: from as IsoDate.IsoDate,
        citations: [Sources.jiangxi2015(def.article)],
        parameters: [def.parameter],
        check: (s, ctx) => {
          const share = ctx.policy.value(def.parameter)
          // Only enterprises above designated size carry the duty.
          if (share === undefined || !s.aboveDesignatedSize) return NONE
          const base = def.base(s)
          const need = atLeast(share, base)
          const have = def.count(s)
          if (have >= need) return NONE
          return [
            ctx.finding({
              severity: "violation",
              message: {
                zh: `${s.year}年${def.what.zh} ${have}，${def.of.zh} ${base} 的 ${percent(share)} 应不少于 ${need}`,
                en: `${s.year}: ${def.what.en} ${have}; ${percent(share)} of ${base} ${def.of.en} needs at least ${need}`
              },
              remedy: { zh: `再增加 ${need - have}`, en: `${need - have} more` },
              measured: { value: base === 0 ? null : Math.round((have / base) * 10000) / 10000, unit: "ratio" },
              threshold: { comparator: ">=", value: share, unit: "ratio" },
              parameters: [def.parameter]
            })
          ]
        }
      }
    ]
  })

/**
 * ENT-LOCAL-JX-10: internship posts ≥ 10% of technical posts (enterprises above designated size).
 *
 * @since 0.1.0
 * @category rules
 */
export const internshipPostsRule: Rule.Rule<EnterpriseContribution> = duty({
  id: "ENT-LOCAL-JX-10",
  title: { zh: "规模以上企业提供实习岗位不少于技术岗位10%（江西）", en: "internship posts ≥ 10% of technical posts (Jiangxi)" },
  parameter: internshipPostShareMin,
  article: "规模以上企业按技术岗位的10%提供顶岗实习岗位",
  count: (s) => s.internshipPosts,
  base: (s) => s.technicalPosts,
  what: { zh: "提供实习岗位", en: "internship posts offered" },
  of: { zh: "技术岗位", en: "technical posts" }
})

/**
 * ENT-LOCAL-JX-2: teacher practice places ≥ 2% of headcount (enterprises above designated size).
 *
 * @since 0.1.0
 * @category rules
 */
export const teacherPracticeRule: Rule.Rule<EnterpriseContribution> = duty({
  id: "ENT-LOCAL-JX-2",
  title: { zh: "规模以上企业接收教师实践不少于职工总数2%（江西）", en: "teacher practice ≥ 2% of headcount (Jiangxi)" },
  parameter: teacherPracticeShareMin,
  article: "规模以上企业按职工总数的2%接收教师企业实践",
  count: (s) => s.teacherPracticePlaces,
  base: (s) => s.employees,
  what: { zh: "接收教师企业实践", en: "teachers hosted for practice" },
  of: { zh: "在岗职工", en: "employees" }
})

/**
 * The Jiangxi pack (instance id `jiangxi` by default).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: { readonly id?: string } = {}): Plugin.Plugin =>
  pack({
    id: options.id ?? "jiangxi",
    pack: "jiangxi",
    title: { zh: "江西省企业参与职业教育义务（2015）", en: "Jiangxi: enterprise duties (2015)" },
    citation: Sources.jiangxi2015("企业责任"),
    scope,
    values: [
      value(internshipPostShareMin, { from, value: 0.1, citation: Sources.jiangxi2015("规模以上企业按技术岗位的10%提供顶岗实习岗位"), verified: true, note }),
      value(teacherPracticeShareMin, { from, value: 0.02, citation: Sources.jiangxi2015("规模以上企业按职工总数的2%接收教师企业实践"), verified: true, note })
    ],
    defines: [internshipPostShareMin, teacherPracticeShareMin],
    rules: [internshipPostsRule as Rule.Any, teacherPracticeRule as Rule.Any]
  })
