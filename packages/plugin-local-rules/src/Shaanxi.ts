/**
 * Shaanxi (陕西, province 61): the 实施细则 under the 2021 internship provisions says internships may not cross
 * the student's 专业大类 ("不得": a `violation`) — INT-MAJOR-MATCH's local restriction, rule INT-MAJOR-MATCH-SN.
 *
 * @since 0.1.0
 */
import type { Identity, Jurisdiction, Parameter, Plugin, Rule } from "@chanjiao/core"
import * as Schema from "effect/Schema"
import { local, pack, value } from "./internal/pack.js"
import * as MajorCategory from "./MajorCategory.js"
import * as Sources from "./Sources.js"

/**
 * @since 0.1.0
 * @category constants
 */
export const scope: Jurisdiction.Scope = { level: "province", code: "61" as Identity.ProvinceCode }

/**
 * INT-MAJOR-MATCH (Shaanxi): whether a 岗位实习 may not cross the student's 专业大类.
 *
 * @since 0.1.0
 * @category parameters
 */
export const crossCategoryBan: Parameter.Parameter<boolean> = local({
  id: "shaanxi.crossMajorCategoryBan",
  title: { zh: "岗位实习不得跨专业大类（陕西）", en: "no internship across 专业大类 (Shaanxi)" },
  description: { zh: "陕西省实施细则：实习岗位不得跨专业大类", en: "the Shaanxi rules: an internship post may not cross the student's 专业大类" },
  unit: "boolean",
  ruleIds: ["INT-MAJOR-MATCH", "INT-MAJOR-MATCH-SN"],
  schema: Schema.Boolean
})

// The catalogue read the 细则 in a repost of 2023-01-04; its own date was not recorded.
const from = "2023-01-04"

/**
 * INT-MAJOR-MATCH-SN: no 岗位实习 across 专业大类 in Shaanxi (violation).
 *
 * @since 0.1.0
 * @category rules
 */
export const rule: Rule.Any = MajorCategory.rule({
  id: "INT-MAJOR-MATCH-SN",
  title: { zh: "岗位实习不得跨专业大类（陕西，INT-MAJOR-MATCH）", en: "no internship across 专业大类 (Shaanxi, INT-MAJOR-MATCH)" },
  gate: crossCategoryBan,
  severity: "violation",
  effectiveFrom: from,
  citation: Sources.shaanxiDetail("实习岗位与专业对口（不得跨专业大类）")
}) as Rule.Any

/**
 * The Shaanxi pack (instance id `shaanxi` by default).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: { readonly id?: string } = {}): Plugin.Plugin =>
  pack({
    id: options.id ?? "shaanxi",
    pack: "shaanxi",
    title: { zh: "陕西省岗位实习不得跨专业大类", en: "Shaanxi: no internship across 专业大类" },
    citation: Sources.shaanxiDetail("实习岗位与专业对口"),
    scope,
    values: [
      value(crossCategoryBan, {
        from,
        value: true,
        citation: Sources.shaanxiDetail("实习岗位与专业对口（不得跨专业大类）"),
        verified: true,
        note: { zh: "细则原文日期未记录，自转载日期起", en: "the rules' own date was not recorded: from the repost's date" }
      })
    ],
    defines: [crossCategoryBan],
    rules: [rule],
    extensions: [MajorCategory.extension]
  })
