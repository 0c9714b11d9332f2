/**
 * Where a value applies. Policies overlay each other from the nation down to one school:
 * national ← province ← city ← school. The most specific layer that has a value in force wins.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { describe } from "./internal/annotations.js"
import { CityCode, ProvinceCode, SchoolCode } from "./Identity.js"
import type { Text } from "./Text.js"

/**
 * The level of a policy layer, from the least to the most specific.
 *
 * @since 0.1.0
 * @category models
 */
export const Level = Schema.Literal("national", "province", "city", "school").annotations(
  describe({ identifier: "JurisdictionLevel", zh: "层级", en: "level", descriptionZh: "国家、省、市、学校", descriptionEn: "national, province, city, school" })
)

/**
 * @since 0.1.0
 * @category models
 */
export type Level = typeof Level.Type

/**
 * Precedence of each level: a higher number beats a lower one.
 *
 * @since 0.1.0
 * @category constants
 */
export const precedence: { readonly [K in Level]: number } = { national: 0, province: 1, city: 2, school: 3 }

/**
 * @since 0.1.0
 * @category constants
 */
export const levelLabel: { readonly [K in Level]: Text } = {
  national: { zh: "国家", en: "national" },
  province: { zh: "省级", en: "province" },
  city: { zh: "市级", en: "city" },
  school: { zh: "学校", en: "school" }
}

/**
 * The place a policy is evaluated for: a school in a city in a province. Every part is optional; `{}` is the
 * national level alone. A city code must lie in the province given.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Jurisdiction = Schema.Struct({
  province: Schema.optional(ProvinceCode),
  city: Schema.optional(CityCode),
  school: Schema.optional(SchoolCode)
}).pipe(
  Schema.filter((j) =>
    j.city !== undefined && j.province !== undefined && !j.city.startsWith(j.province)
      ? `市级代码 ${j.city} 不属于省级代码 ${j.province} / city ${j.city} is not in province ${j.province}`
      : undefined
  ),
  Schema.annotations(
    describe({
      identifier: "Jurisdiction",
      zh: "管辖范围",
      en: "jurisdiction",
      descriptionZh: "按国家、省（GB/T 2260 前两位）、市（前四位）、学校（学校标识码）逐级确定适用的政策",
      descriptionEn: "national, province (first 2 digits of GB/T 2260), city (first 4), school (school code)",
      examples: [{ province: "37", city: "3708" } as never]
    })
  )
)

/**
 * @since 0.1.0
 * @category models
 */
export interface Jurisdiction extends Schema.Schema.Type<typeof Jurisdiction> {}

/**
 * The national level alone.
 *
 * @since 0.1.0
 * @category constants
 */
export const national: Jurisdiction = {}

/**
 * The scope of one policy layer: a level and, below the national level, the code it applies to.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Scope = Schema.Union(
  Schema.Struct({ level: Schema.Literal("national") }),
  Schema.Struct({ level: Schema.Literal("province"), code: ProvinceCode }),
  Schema.Struct({ level: Schema.Literal("city"), code: CityCode }),
  Schema.Struct({ level: Schema.Literal("school"), code: SchoolCode })
).annotations(
  describe({
    identifier: "Scope",
    zh: "适用范围",
    en: "scope",
    descriptionZh: "一层政策适用的层级与代码",
    descriptionEn: "the level and code one policy layer applies to",
    examples: [{ level: "national" as const }]
  })
)

/**
 * @since 0.1.0
 * @category models
 */
export type Scope = typeof Scope.Type

/**
 * Whether a layer with this scope applies to the jurisdiction.
 *
 * @since 0.1.0
 * @category guards
 */
export const applies = (scope: Scope, j: Jurisdiction): boolean => {
  switch (scope.level) {
    case "national":
      return true
    case "province":
      return j.province === scope.code || (j.province === undefined && j.city !== undefined && j.city.startsWith(scope.code))
    case "city":
      return j.city === scope.code
    case "school":
      return j.school === scope.code
  }
}

/**
 * A short label of a scope: `省级 37`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const formatScope = (scope: Scope): Text =>
  scope.level === "national"
    ? levelLabel.national
    : { zh: `${levelLabel[scope.level].zh} ${scope.code}`, en: `${levelLabel[scope.level].en} ${scope.code}` }
