/**
 * Every expected failure of `@chanjiao/core`, each with a Chinese and an English message. Decoding unknown
 * input never throws: it returns `InvalidInput` with one located issue per problem.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { IsoDate } from "./IsoDate.js"

/**
 * One problem found in input: where it is, what is wrong (zh + en), and the value that was there.
 *
 * @since 0.1.0
 * @category models
 */
export const Issue = Schema.Struct({
  path: Schema.Array(Schema.Union(Schema.String, Schema.Number)),
  zh: Schema.String,
  en: Schema.String,
  value: Schema.optional(Schema.Unknown)
}).annotations({ identifier: "Issue", title: "问题", description: "输入中的一个问题：位置、说明与原值 — one problem in the input" })

/**
 * @since 0.1.0
 * @category models
 */
export interface Issue extends Schema.Schema.Type<typeof Issue> {}

const bilingual = (zh: string, en: string) => `${zh}\n${en}`

/**
 * Input that does not decode into the expected entity. Nothing was computed or written from it.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidInput extends Schema.TaggedError<InvalidInput>("@chanjiao/core/InvalidInput")("InvalidInput", {
  /** The identifier of the schema the input was decoded with, e.g. `Teacher`. */
  entity: Schema.String,
  issues: Schema.Array(Issue)
}) {
  /** A one-paragraph Chinese summary listing every issue. */
  get messageZh(): string {
    return `${this.entity} 数据有 ${this.issues.length} 处问题：${this.issues.map((i) => `${pathOf(i.path)}：${i.zh}`).join("；")}`
  }
  /** A one-paragraph English summary listing every issue. */
  get messageEn(): string {
    return `${this.entity} input has ${this.issues.length} problem(s): ${this.issues.map((i) => `${pathOf(i.path)}: ${i.en}`).join("; ")}`
  }
  override get message(): string {
    return bilingual(this.messageZh, this.messageEn)
  }
}

const pathOf = (path: ReadonlyArray<string | number>): string =>
  path.length === 0 ? "(root)" : path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("")

/**
 * Why a definition (a parameter, an overlay, a rule, a policy) cannot be used.
 *
 * @since 0.1.0
 * @category errors
 */
export const DefinitionProblem = Schema.Literal(
  "empty-history",
  "unsorted-history",
  "invalid-value",
  "duplicate-id",
  "unknown-parameter",
  "invalid-id",
  "conflict"
)

/**
 * @since 0.1.0
 * @category errors
 */
export type DefinitionProblem = typeof DefinitionProblem.Type

/**
 * A parameter, overlay, rule or policy definition that is inconsistent: thrown when such a definition is built
 * in code (a programming error), returned when one is decoded from data.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidDefinition extends Schema.TaggedError<InvalidDefinition>("@chanjiao/core/InvalidDefinition")(
  "InvalidDefinition",
  {
    kind: Schema.Literal("parameter", "overlay", "rule", "policy"),
    id: Schema.String,
    reason: DefinitionProblem,
    zh: Schema.String,
    en: Schema.String
  }
) {
  override get message(): string {
    return bilingual(`${this.kind} ${this.id}：${this.zh}`, `${this.kind} ${this.id}: ${this.en}`)
  }
}

/**
 * A parameter asked for on a date where no value of it is in force (before its first entry, or repealed), or
 * that the policy does not know.
 *
 * @since 0.1.0
 * @category errors
 */
export class ParameterNotInForce extends Schema.TaggedError<ParameterNotInForce>("@chanjiao/core/ParameterNotInForce")(
  "ParameterNotInForce",
  {
    parameter: Schema.String,
    asOf: IsoDate,
    reason: Schema.Literal("not-yet", "repealed", "unknown")
  }
) {
  get messageZh(): string {
    return this.reason === "unknown"
      ? `政策中没有参数 ${this.parameter}`
      : this.reason === "repealed"
        ? `参数 ${this.parameter} 在 ${this.asOf} 已废止`
        : `参数 ${this.parameter} 在 ${this.asOf} 尚未生效`
  }
  get messageEn(): string {
    return this.reason === "unknown"
      ? `the policy has no parameter ${this.parameter}`
      : this.reason === "repealed"
        ? `parameter ${this.parameter} is repealed on ${this.asOf}`
        : `parameter ${this.parameter} is not yet in force on ${this.asOf}`
  }
  override get message(): string {
    return bilingual(this.messageZh, this.messageEn)
  }
}
