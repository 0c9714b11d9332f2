// Shared by the compiled-decoding tests: how a compiled decoder's answer is compared with effect's.
import { expect } from "@effect/vitest"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import type * as AST from "effect/SchemaAST"
import * as Compiled from "../src/internal/compiled.js"

// What Validation.decode runs effect with.
export const parseOptions: AST.ParseOptions = { errors: "all", onExcessProperty: "error" }

/** A value with its key order and its undefined-valued keys: "the same value" as far as a decoder can tell. */
export const shape = (v: unknown): unknown => {
  if (Array.isArray(v)) return ["[]", v.length, ...v.map(shape)]
  if (typeof v === "object" && v !== null) {
    const proto: unknown = Object.getPrototypeOf(v)
    // A plain object as prototype (what a "__proto__" entry can make) is compared by its contents; others by kind.
    const kind =
      proto === null ? "null-proto"
      : proto === Object.prototype || proto === Array.prototype ? "proto"
      : Object.getPrototypeOf(proto) === Object.prototype && !Object.prototype.hasOwnProperty.call(proto, "constructor") ? ["plain-proto", shape(proto)]
      : ["other-proto", Object.prototype.toString.call(proto)]
    return ["{}", kind, ...Reflect.ownKeys(v).map((k) => [typeof k === "symbol" ? k.toString() : `key:${k}`, shape((v as Record<PropertyKey, unknown>)[k])])]
  }
  if (typeof v === "number" && Object.is(v, -0)) return "-0"
  if (typeof v === "bigint") return `${v}n`
  if (typeof v === "symbol") return v.toString()
  return v
}

export const compiledOf = (schema: Schema.Schema.AnyNoContext) => {
  const compiled = Compiled.compile(schema.ast, parseOptions)
  if (compiled === undefined) throw new Error("not compiled")
  return compiled
}

/** effect's strict decode, with a throw (effect failing to build its parser) counted as a failure. */
const strictDecode = (schema: Schema.Schema.AnyNoContext, input: unknown): Either.Either<unknown, unknown> => {
  try {
    return Schema.decodeUnknownEither(schema, parseOptions)(input)
  } catch (e) {
    return Either.left(e)
  }
}

/**
 * Whenever the compiled decoder answers, effect's strict decoder succeeds with the same value, and the input is left
 * as it was. Returns whether the compiled decoder answered (false too when the Schema is not compiled).
 */
export const agrees = (schema: Schema.Schema.AnyNoContext, input: unknown): boolean => {
  const before = shape(input)
  const compiled = Compiled.compile(schema.ast, parseOptions)
  let fast: unknown = Compiled.FAIL
  if (compiled !== undefined) {
    try {
      fast = compiled(input)
    } catch {
      fast = Compiled.FAIL
    }
  }
  expect(shape(input)).toEqual(before)
  const strict = strictDecode(schema, input)
  if (fast === Compiled.FAIL) return false
  expect(Either.isRight(strict)).toBe(true)
  if (Either.isRight(strict)) expect(shape(fast)).toEqual(shape(strict.right))
  return true
}

