/**
 * JSON of any result, and the JSON Schemas of every input.
 *
 * `stringify` / `encode` write any value as JSON with a stable key order (the same value always gives the same
 * bytes), dates as ISO strings, `bigint` as decimal strings, maps as objects and sets as arrays — nothing a JSON
 * parser cannot read back. `jsonSchemas()` gives the JSON Schema (draft-07, as `JSONSchema.make` produces it) of
 * every entity of `Entities.all` plus `Indicators.SchoolFacts`, for form builders and API gateways. They describe
 * the *encoded* side: what a form or an API sends (lists may be left out, ID numbers may carry a lower-case `x`).
 *
 * @since 0.1.0
 */
import { Entities, Indicators } from "@chanjiao/core"
import * as JSONSchema from "effect/JSONSchema"
import type * as Schema from "effect/Schema"
import * as internal from "./internal/json.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** Indentation (spaces); compact by default. */
  readonly space?: number
}

/**
 * A value as JSON text with a stable key order. Throws a `TypeError` for a cyclic value (a bug in the caller).
 *
 * @example
 * ```ts
 * import { Json } from "@chanjiao/export"
 *
 * Json.stringify({ b: 1, a: new Date(Date.UTC(2024, 8, 1)), n: 10n }) // {"a":"2024-09-01T00:00:00.000Z","b":1,"n":"10"}
 * ```
 *
 * @since 0.1.0
 * @category encoding
 */
export const stringify = (value: unknown, options: Options = {}): string => internal.stringify(value, options.space)

/**
 * A value as UTF-8 JSON bytes (no BOM), ending with a newline.
 *
 * @since 0.1.0
 * @category encoding
 */
export const encode = (value: unknown, options: Options = {}): Uint8Array => new TextEncoder().encode(`${stringify(value, options)}\n`)

/**
 * A JSON-ready copy of a value (what `stringify` writes, before it is text).
 *
 * @since 0.1.0
 * @category encoding
 */
export const normalise = (value: unknown): unknown => internal.normalise(value)

/**
 * The inputs that have a JSON Schema: every entity, and the school facts indicators read.
 *
 * @since 0.1.0
 * @category constants
 */
export const inputs: typeof Entities.all & { readonly SchoolFacts: typeof Indicators.SchoolFacts } = { ...Entities.all, SchoolFacts: Indicators.SchoolFacts }

/**
 * @since 0.1.0
 * @category models
 */
export type InputName = keyof typeof inputs

/**
 * The JSON Schema of one input.
 *
 * @since 0.1.0
 * @category encoding
 */
export const jsonSchema = (name: InputName): JSONSchema.JsonSchema7Root => JSONSchema.make(inputs[name] as Schema.Schema.Any)

/**
 * The JSON Schemas of every input, by name.
 *
 * @example
 * ```ts
 * import { Json } from "@chanjiao/export"
 *
 * const schemas = Json.jsonSchemas()
 * schemas.Teacher.$schema // "http://json-schema.org/draft-07/schema#"
 * ```
 *
 * @since 0.1.0
 * @category encoding
 */
export const jsonSchemas = (): { readonly [K in InputName]: JSONSchema.JsonSchema7Root } => {
  const out = {} as { [K in InputName]: JSONSchema.JsonSchema7Root }
  for (const name of Object.keys(inputs) as ReadonlyArray<InputName>) out[name] = jsonSchema(name)
  return out
}
