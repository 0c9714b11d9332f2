/**
 * A parameter is a dated history of values, each with its legal reference (OpenFisca's model). Looking one up
 * takes the latest entry on or before the date; a `null` value means repealed. A change in the law is a new
 * dated entry, never an `if (date > …)` in rule code.
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { Citation } from "./Citation.js"
import { InvalidDefinition } from "./Errors.js"
import { describe } from "./internal/annotations.js"
import { IsoDate } from "./IsoDate.js"
import { Text } from "./Text.js"

/**
 * The unit a parameter's value is measured in.
 *
 * @since 0.1.0
 * @category models
 */
export const Unit = Schema.Literal(
  "ratio",
  "count",
  "grade",
  "level",
  "days",
  "months",
  "years",
  "hours-per-day",
  "hours-per-week",
  "yuan",
  "yuan-per-student",
  "square-metres",
  "square-metres-per-student",
  "metres",
  "books-per-student",
  "students-per-teacher",
  "boolean",
  "category",
  "list"
).annotations(describe({ identifier: "Unit", zh: "单位", en: "unit" }))

/**
 * @since 0.1.0
 * @category models
 */
export type Unit = typeof Unit.Type

/**
 * @since 0.1.0
 * @category constants
 */
export const unitLabel: { readonly [K in Unit]: Text } = {
  ratio: { zh: "比例", en: "ratio" },
  count: { zh: "数量", en: "count" },
  grade: { zh: "年级", en: "grade" },
  level: { zh: "级", en: "level" },
  days: { zh: "天", en: "days" },
  months: { zh: "个月", en: "months" },
  years: { zh: "年", en: "years" },
  "hours-per-day": { zh: "小时/天", en: "hours per day" },
  "hours-per-week": { zh: "小时/周", en: "hours per week" },
  yuan: { zh: "元", en: "yuan" },
  "yuan-per-student": { zh: "元/生", en: "yuan per student" },
  "square-metres": { zh: "平方米", en: "m²" },
  "square-metres-per-student": { zh: "平方米/生", en: "m² per student" },
  metres: { zh: "米", en: "metres" },
  "books-per-student": { zh: "册/生", en: "books per student" },
  "students-per-teacher": { zh: "生/师", en: "students per teacher" },
  boolean: { zh: "是/否", en: "yes/no" },
  category: { zh: "类别", en: "category" },
  list: { zh: "列表", en: "list" }
}

/**
 * One dated value of a parameter.
 *
 * @since 0.1.0
 * @category models
 */
export interface Entry<A> {
  /** The first day this value applies. */
  readonly effectiveFrom: IsoDate
  /** The value, or `null` when the parameter is repealed from this date. */
  readonly value: A | null
  readonly citation: Citation
  /** `false` for values the catalogue could not confirm (confidence M): findings using them are warnings. */
  readonly verified: boolean
  readonly note?: Text | undefined
}

/**
 * A schema of a dated entry with values of `value`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Entry = <A, I>(value: Schema.Schema<A, I, never>) =>
  Schema.Struct({
    effectiveFrom: IsoDate,
    value: Schema.NullOr(value),
    citation: Citation,
    verified: Schema.Boolean,
    note: Schema.optional(Text)
  }).annotations(
    describe({
      identifier: "ParameterEntry",
      zh: "参数取值",
      en: "parameter entry",
      descriptionZh: "自某日起生效的一个取值及其依据；null 表示废止",
      descriptionEn: "a value in force from a date, with its citation; null means repealed"
    })
  )

/**
 * Any parameter, whatever the type of its values (what policies and registries hold).
 *
 * @since 0.1.0
 * @category models
 */
export interface Any {
  readonly _tag: "Parameter"
  /** A dotted id, e.g. `internship.postMinAge`. */
  readonly id: string
  readonly title: Text
  readonly description: Text
  readonly unit: Unit
  /** Catalogue rule ids whose thresholds this parameter holds, e.g. `["INT-AGE-16"]`. */
  readonly ruleIds: ReadonlyArray<string>
  /** Decodes values of this parameter given as data (overlays from JSON, plugins). */
  readonly schema: Schema.Schema.AnyNoContext
  /** Entries sorted by `effectiveFrom`, strictly increasing; empty when only a local pack gives a value. */
  readonly history: ReadonlyArray<Entry<unknown>>
  /** Labels of categorical values (`"minors"` → 未满18周岁的学生), for people and documents. */
  readonly labels?: { readonly [value: string]: Text } | undefined
}

/**
 * A parameter with values of type `A`: an id, what it means, its unit, the rules that use it, and its dated
 * history.
 *
 * @since 0.1.0
 * @category models
 */
export interface Parameter<A> extends Any {
  readonly schema: Schema.Schema<A, A, never>
  readonly history: ReadonlyArray<Entry<A>>
}

/**
 * The value type of a parameter.
 *
 * @since 0.1.0
 * @category models
 */
export type ValueOf<P> = P extends Parameter<infer A> ? A : never

const ID = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/

/**
 * Checks a history: not empty, strictly increasing dates, every value decodable by the schema.
 * @internal
 */
export const validateHistory = <A>(
  kind: "parameter" | "overlay",
  id: string,
  schema: Schema.Schema<A, A, never> | Schema.Schema.AnyNoContext,
  history: ReadonlyArray<Entry<unknown>>
): Either.Either<ReadonlyArray<Entry<A>>, InvalidDefinition> => {
  // A parameter may have no national value (a local rule a provincial pack fills in); an overlay must say something.
  if (history.length === 0 && kind === "overlay") {
    return Either.left(new InvalidDefinition({ kind, id, reason: "empty-history", zh: "没有任何取值", en: "the history is empty" }))
  }
  const is: (u: unknown) => boolean = Schema.is(schema as Schema.Schema<A, A, never>)
  const show = (v: unknown) => {
    try {
      return JSON.stringify(v) ?? String(v)
    } catch {
      return String(v)
    }
  }
  for (let i = 0; i < history.length; i++) {
    const e = history[i]!
    if (i > 0 && !(history[i - 1]!.effectiveFrom < e.effectiveFrom)) {
      return Either.left(
        new InvalidDefinition({
          kind,
          id,
          reason: "unsorted-history",
          zh: `取值须按生效日期严格递增，${e.effectiveFrom} 排在 ${history[i - 1]!.effectiveFrom} 之后`,
          en: `entries must have strictly increasing dates; ${e.effectiveFrom} follows ${history[i - 1]!.effectiveFrom}`
        })
      )
    }
    if (e.value !== null && !is(e.value)) {
      return Either.left(
        new InvalidDefinition({
          kind,
          id,
          reason: "invalid-value",
          zh: `${e.effectiveFrom} 的取值 ${show(e.value)} 不符合参数类型`,
          en: `the value ${show(e.value)} from ${e.effectiveFrom} does not fit the parameter's type`
        })
      )
    }
  }
  return Either.right(history as ReadonlyArray<Entry<A>>)
}

/**
 * Defines a parameter. Throws `InvalidDefinition` when the id or history is malformed: parameters are
 * defined in code, so that is a programming error, caught by the first test that imports the module.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <A>(def: {
  readonly id: string
  readonly title: Text
  readonly description: Text
  readonly unit: Unit
  readonly ruleIds: ReadonlyArray<string>
  readonly schema: Schema.Schema<A, A, never>
  readonly history: ReadonlyArray<Entry<NoInfer<A>>>
  readonly labels?: { readonly [value: string]: Text } | undefined
}): Parameter<A> => {
  if (!ID.test(def.id)) {
    throw new InvalidDefinition({
      kind: "parameter",
      id: def.id,
      reason: "invalid-id",
      zh: "参数编号须为点分的小驼峰名称，如 internship.postMinAge",
      en: "a parameter id is dotted camelCase, e.g. internship.postMinAge"
    })
  }
  const history = validateHistory("parameter", def.id, def.schema, def.history)
  if (Either.isLeft(history)) throw history.left
  return { _tag: "Parameter", ...def, history: history.right }
}

/**
 * The result of looking a history up on a date.
 *
 * @since 0.1.0
 * @category models
 */
export type Lookup<A> =
  | { readonly _tag: "InForce"; readonly value: A; readonly entry: Entry<A> }
  | { readonly _tag: "Repealed"; readonly entry: Entry<A> }
  | { readonly _tag: "NotYet"; readonly firstEffectiveFrom: IsoDate | undefined }

/**
 * The index of the latest entry on or before `date`, or -1 (binary search: histories are sorted).
 *
 * @since 0.1.0
 * @category combinators
 */
export const entryIndexAt = <A>(history: ReadonlyArray<Entry<A>>, date: IsoDate): number => {
  let lo = 0
  let hi = history.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    if (history[mid]!.effectiveFrom <= date) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

/**
 * Looks up a history on a date: the latest entry on or before it decides.
 *
 * @since 0.1.0
 * @category combinators
 */
export const lookup = <A>(history: ReadonlyArray<Entry<A>>, date: IsoDate): Lookup<A> => {
  const i = entryIndexAt(history, date)
  if (i < 0) return { _tag: "NotYet", firstEffectiveFrom: history[0]?.effectiveFrom }
  const entry = history[i]!
  return entry.value === null ? { _tag: "Repealed", entry } : { _tag: "InForce", value: entry.value, entry }
}

/**
 * A parameter's own (national) value on a date: the latest entry on or before it. Says when none is in force.
 *
 * @since 0.1.0
 * @category combinators
 */
export const valueAt = <A>(parameter: Parameter<A>, date: IsoDate): Lookup<A> => lookup(parameter.history, date)

/**
 * A typed dated entry (no decoding needed for values written in code).
 *
 * @since 0.1.0
 * @category constructors
 */
export const entry = <A>(e: Entry<A>): Entry<A> => e

/**
 * A value of a parameter for people: categorical values by their labels, lists joined, numbers with their
 * unit (`6 个月`, `10%`). `null` reads as repealed.
 *
 * @since 0.1.0
 * @category combinators
 */
export const formatValue = (parameter: Any, value: unknown, lang: "zh" | "en" = "zh"): string => {
  if (value === null) return lang === "zh" ? "已废止" : "repealed"
  if (value === undefined) return lang === "zh" ? "无" : "none"
  const one = (v: unknown): string => {
    if (typeof v === "string") return parameter.labels?.[v]?.[lang] ?? v
    if (typeof v === "number") {
      if (parameter.unit === "ratio") return `${Number((v * 100).toFixed(4))}%`
      const unit = unitLabel[parameter.unit][lang]
      if (parameter.unit === "grade") return lang === "zh" ? `${v}年级` : `grade ${v}`
      if (parameter.unit === "level") return lang === "zh" ? `${v}级` : `level ${v}`
      return parameter.unit === "count" || parameter.unit === "category" || parameter.unit === "list" ? String(v) : `${v} ${unit}`
    }
    if (typeof v === "boolean") return lang === "zh" ? (v ? "是" : "否") : v ? "yes" : "no"
    return JSON.stringify(v)
  }
  return Array.isArray(value) ? value.map(one).join(lang === "zh" ? "、" : ", ") : one(value)
}
