/**
 * Decoding at the boundary: unknown input in, a typed value or an `InvalidInput` listing every problem out.
 * Nothing here throws, whatever the input.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import type * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import { InvalidInput } from "./Errors.js"
import * as Compiled from "./internal/compiled.js"
import { flatten } from "./internal/issues.js"

const parseOptions: AST.ParseOptions = { errors: "all", onExcessProperty: "error" }

const entityName = (ast: AST.AST): string => {
  const id = AST.getIdentifierAnnotation(ast)
  if (Option.isSome(id)) return id.value
  const title = AST.getTitleAnnotation(ast)
  if (Option.isSome(title)) return title.value
  if (ast._tag === "Transformation") return entityName(ast.to)
  if (ast._tag === "Refinement") return entityName(ast.from)
  return "input"
}

/**
 * Converts a `ParseError` into an `InvalidInput` with bilingual, located issues.
 *
 * @since 0.1.0
 * @category errors
 */
export const toInvalidInput = (ast: AST.AST, error: ParseResult.ParseError): InvalidInput =>
  new InvalidInput({
    entity: entityName(ast),
    issues: flatten(error.issue).map((i) => (i.value === undefined ? { path: i.path, zh: i.zh, en: i.en } : i))
  })

/**
 * Decodes unknown input. Every problem is reported (not only the first), and fields the schema does not know
 * are an error (host data belongs under `extensions`), so a typo in a column name is never silently dropped.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decode = <A, I>(schema: Schema.Schema<A, I, never>) => {
  const run = Schema.decodeUnknownEither(schema, parseOptions)
  // Valid input takes the compiled road (internal/compiled.ts): the same checks without effect's bookkeeping.
  // Anything it refuses, or cannot read, is decoded again by effect, which reports every problem.
  const compiled = Compiled.compile(schema.ast, parseOptions)
  return (input: unknown): Either.Either<A, InvalidInput> => {
    if (compiled !== undefined) {
      try {
        const fast = compiled(input)
        if (fast !== Compiled.FAIL) return Either.right(fast as A)
      } catch {
        // Unreadable input (a getter that throws, nesting too deep): effect's decoder says why below.
      }
    }
    try {
      const result = run(input)
      return Either.isRight(result) ? Either.right(result.right) : Either.left(toInvalidInput(schema.ast, result.left))
    } catch (e) {
      // Input that cannot even be read (nested thousands deep, cyclic, a getter or proxy that throws) is bad
      // input like any other: an InvalidInput, never an exception.
      return Either.left(unreadable(schema.ast, e))
    }
  }
}

const unreadable = (ast: AST.AST, e: unknown): InvalidInput => {
  const why = e instanceof RangeError ? "too-deep" : "threw"
  return new InvalidInput({
    entity: entityName(ast),
    issues: [
      why === "too-deep"
        ? { path: [], zh: "输入无法读取：嵌套过深或存在循环引用", en: "the input cannot be read: nested too deeply or cyclic" }
        : { path: [], zh: "输入无法读取：读取时出错", en: "the input cannot be read: reading it failed" }
    ]
  })
}

/**
 * {@link decode} as an Effect failing with `InvalidInput`.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeEffect = <A, I>(schema: Schema.Schema<A, I, never>) => {
  const run = decode(schema)
  return (input: unknown): Effect.Effect<A, InvalidInput> => Effect.suspend(() => run(input))
}

/**
 * Decodes many records and keeps them apart: the valid ones, and each invalid one with its index and issues.
 * What an importer needs to report every bad row at once.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeAll =
  <A, I>(schema: Schema.Schema<A, I, never>) =>
  (inputs: ReadonlyArray<unknown>): {
    readonly valid: ReadonlyArray<A>
    readonly invalid: ReadonlyArray<{ readonly index: number; readonly error: InvalidInput }>
  } => {
    const one = decode(schema)
    const valid: Array<A> = []
    const invalid: Array<{ index: number; error: InvalidInput }> = []
    inputs.forEach((input, index) => {
      const r = one(input)
      if (Either.isRight(r)) valid.push(r.right)
      else invalid.push({ index, error: r.left })
    })
    return { valid, invalid }
  }

/**
 * Encodes a value back to its JSON-compatible form.
 *
 * @since 0.1.0
 * @category encoding
 */
export const encode =
  <A, I>(schema: Schema.Schema<A, I, never>) =>
  (value: A): I =>
    Schema.encodeSync(schema)(value)
