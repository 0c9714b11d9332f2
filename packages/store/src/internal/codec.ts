/**
 * Each aggregate type's Schema compiled once for the store: its decoder (`Validation.decode`: every problem
 * reported, unknown fields an error; valid input takes core's compiled road) and an encoder that is skipped
 * when encoding is the identity on decoded values.
 *
 * Why skipping the encoder is sound:
 *
 * - Encoding. For the same `plain` Schemas every transformation encodes to its input: string → string
 *   transformations that return the string they are given, and struct transformations that only fill in
 *   defaults (their encoding keeps the present value). Encoding a decoded value then gives it back, and is
 *   skipped. A test compares the stored JSON with `Schema.encodeSync` for every type.
 */
import { Validation } from "@chanjiao/core"
import type { Errors as CoreErrors } from "@chanjiao/core"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"

/** @internal */
export interface Codec {
  readonly decode: (input: unknown) => Either.Either<unknown, CoreErrors.InvalidInput>
  readonly encode: (value: unknown) => unknown
  /** Encoding is the identity on decoded values. */
  readonly plain: boolean
}

// Strings a string → string transformation must give back unchanged for its encoding to count as the identity:
// spaces, hyphens, case, full-width digits, a "+86" prefix (what the core's normalising transformations touch).
const probes = ["", "a", "A b-c", "９１３７", "+86 138-0013-8000", "91350100M000100Y43", "  x\u3000y  "]

const isString = (ast: AST.AST): boolean => (ast._tag === "Refinement" ? isString(ast.from) : ast._tag === "StringKeyword")

const sentinel = { sentinel: true }

const identityTransformation = (ast: AST.Transformation): boolean => {
  const tr = ast.transformation
  switch (tr._tag) {
    case "FinalTransformation": {
      if (!isString(AST.encodedAST(ast.from)) || !isString(AST.typeAST(ast.to))) return false
      try {
        return probes.every((s) => {
          // A synchronous success is an Either at run time.
          const r: unknown = tr.encode(s, {}, ast, s)
          return Either.isEither(r) && Either.isRight(r) && r.right === s
        })
      } catch {
        return false
      }
    }
    case "TypeLiteralTransformation":
      // Defaults (`optionalWith({ default })`): the same key on both sides; a present value is encoded as is.
      // These functions know nothing of the value, so one that returns a sentinel returns every value.
      return tr.propertySignatureTransformations.every((p) => {
        if (p.from !== p.to) return false
        const some = p.encode(Option.some(sentinel))
        return Option.isSome(some) && some.value === sentinel && Option.isNone(p.encode(Option.none()))
      })
    case "ComposeTransformation":
      return false
  }
}

// Recursive Schemas (JSON values) reach the same shapes again through `Suspend` nodes, which derived ASTs rebuild
// on every call: past a few levels of them nothing new can appear.
const maxSuspends = 4

/** Every transformation in the AST is one whose encoding gives back its input and keeps the input's shape. */
const plainAst = (ast: AST.AST, seen: Set<AST.AST> = new Set(), suspends = 0): boolean => {
  if (seen.has(ast)) return true
  seen.add(ast)
  switch (ast._tag) {
    case "Declaration":
      return false
    case "Transformation":
      return identityTransformation(ast) && plainAst(ast.from, seen, suspends) && plainAst(ast.to, seen, suspends)
    case "Refinement":
      return plainAst(ast.from, seen, suspends)
    case "Suspend":
      return suspends >= maxSuspends || plainAst(ast.f(), seen, suspends + 1)
    case "Union":
      return ast.types.every((t) => plainAst(t, seen, suspends))
    case "TupleType":
      return ast.elements.every((e) => plainAst(e.type, seen, suspends)) && ast.rest.every((e) => plainAst(e.type, seen, suspends))
    case "TypeLiteral":
      return ast.propertySignatures.every((p) => plainAst(p.type, seen, suspends)) && ast.indexSignatures.every((i) => plainAst(i.type, seen, suspends))
    default:
      return true
  }
}

/**
 * Compiles a Schema for the store.
 *
 * @internal
 */
export const make = <A, I>(schema: Schema.Schema<A, I, never>): Codec => {
  const strict = Validation.decode(schema)
  let plain: boolean
  try {
    plain = plainAst(schema.ast)
  } catch {
    plain = false
  }
  if (!plain) {
    const encode = Schema.encodeSync(schema)
    return { decode: strict, encode: (value) => encode(value as A), plain }
  }
  return { decode: strict, encode: (value) => value, plain }
}
