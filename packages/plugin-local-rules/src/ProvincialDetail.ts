/**
 * A provincial 实施细则 under the 2021 internship provisions, reported in the news without naming the province
 * (regulations.md §1.2, §1.9): no 岗位实习 disguised as "social practice", "teaching internship" or the like
 * (INT-DISGUISE-BAN, which core implements and this pack turns on), and internships "in principle" not across
 * the student's 专业大类 (INT-MAJOR-MATCH's restriction, rule INT-MAJOR-MATCH-PROV, a `warning`). Because the
 * catalogue does not say which province issued it, the pack applies only to the provinces you name.
 *
 * @since 0.1.0
 */
import { Identity, National, Plugin, Policy } from "@chanjiao/core"
import type { Parameter, Rule } from "@chanjiao/core"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { local, packageName, value, version } from "./internal/pack.js"
import * as MajorCategory from "./MajorCategory.js"
import * as Sources from "./Sources.js"

/**
 * INT-MAJOR-MATCH (provincial 细则): internships in principle not across the student's 专业大类.
 *
 * @since 0.1.0
 * @category parameters
 */
export const crossCategoryInPrinciple: Parameter.Parameter<boolean> = local({
  id: "provincialDetail.crossMajorCategoryInPrinciple",
  title: { zh: "岗位实习原则上不得跨专业大类（省级细则）", en: "internships in principle not across 专业大类 (provincial rules)" },
  description: { zh: "某省实施细则：实习原则上不得跨专业大类", en: "a province's rules: internships in principle do not cross 专业大类" },
  unit: "boolean",
  ruleIds: ["INT-MAJOR-MATCH", "INT-MAJOR-MATCH-PROV"],
  schema: Schema.Boolean
})

// It implements the 2021 provisions: not before they took effect. Its own date was not recorded.
const from = "2021-12-31"
const note = { zh: "细则日期未记录，自2021年实习规定施行之日起", en: "the rules' date was not recorded: from the 2021 provisions' effective date" }

/**
 * INT-MAJOR-MATCH-PROV: internships in principle not across 专业大类 (warning).
 *
 * @since 0.1.0
 * @category rules
 */
export const rule: Rule.Any = MajorCategory.rule({
  id: "INT-MAJOR-MATCH-PROV",
  title: { zh: "岗位实习原则上不得跨专业大类（省级细则，INT-MAJOR-MATCH）", en: "internships in principle not across 专业大类 (provincial rules, INT-MAJOR-MATCH)" },
  gate: crossCategoryInPrinciple,
  severity: "warning",
  effectiveFrom: from,
  citation: Sources.provincialDetail("实习岗位（原则上不得跨专业大类）")
}) as Rule.Any

const decodeProvince = Schema.decodeUnknownEither(Identity.ProvinceCode)

/**
 * The pack for the provinces given (instance id `provincial-detail` by default). Throws `InvalidPlugin` when a
 * code is not a province code or none is given: a pack is configured in code.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: { readonly provinces: ReadonlyArray<string>; readonly id?: string }): Plugin.Plugin => {
  const id = options.id ?? "provincial-detail"
  if (options.provinces.length === 0) {
    throw new Plugin.InvalidPlugin({ plugin: id, reason: "invalid-definition", zh: "须指定适用的省份代码", en: "name at least one province code" })
  }
  const overlays = options.provinces.map((code) => {
    const p = decodeProvince(code)
    if (Either.isLeft(p)) {
      throw new Plugin.InvalidPlugin({ plugin: id, reason: "invalid-definition", zh: `“${code}”不是省级行政区划代码`, en: `"${code}" is not a province code` })
    }
    return Policy.overlay({
      id: `province-${p.right}`,
      title: { zh: `省级实习管理实施细则（${p.right}）`, en: `provincial internship rules (${p.right})` },
      scope: { level: "province", code: p.right },
      source: id,
      values: [
        // INT-DISGUISE-BAN
        value(National.internshipGateDisguise, { from, value: true, citation: Sources.provincialDetail("不得以社会实践等名义变相安排岗位实习"), verified: true, note }),
        value(crossCategoryInPrinciple, { from, value: true, citation: Sources.provincialDetail("实习岗位（原则上不得跨专业大类）"), verified: true, note })
      ]
    })
  })
  return Plugin.make({
    id,
    name: `${packageName}/provincial-detail`,
    version,
    title: { zh: "省级实习管理实施细则：不得变相安排岗位实习、原则上不跨专业大类", en: "provincial internship rules: no disguised internships, in principle within 专业大类" },
    citation: Sources.provincialDetail("（新闻报道）"),
    parameters: overlays,
    defines: [crossCategoryInPrinciple],
    rules: [rule],
    extensions: [MajorCategory.extension]
  })
}
