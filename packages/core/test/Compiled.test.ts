import { describe, expect, it } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import * as Schema from "effect/Schema"
import { Entities, Validation } from "../src/index.js"
import * as Compiled from "../src/internal/compiled.js"
import { agrees, compiledOf, parseOptions, shape } from "./compiled-support.js"

/**
 * Encoded valid input: an arbitrary value of the type, encoded (and through JSON, as entities travel; not for the
 * synthetic schemas, whose symbols and non-finite numbers JSON would lose).
 */
const validInput = <A, I>(schema: Schema.Schema<A, I, never>, json = true) =>
  Arbitrary.make(schema).map((a): unknown => {
    const encoded = Schema.encodeSync(schema)(a)
    return json ? JSON.parse(JSON.stringify(encoded)) : encoded
  })

/** Every path to a value inside a JSON value. */
const paths = (v: unknown, at: ReadonlyArray<string | number> = []): Array<ReadonlyArray<string | number>> => {
  const out: Array<ReadonlyArray<string | number>> = [at]
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])))
  else if (typeof v === "object" && v !== null) for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]))
  return out
}

type Mutation = { readonly kind: "set"; readonly value: unknown } | { readonly kind: "delete" } | { readonly kind: "add"; readonly key: string; readonly value: unknown }

/** A copy of `v` with one change at `path`. */
const mutate = (v: unknown, path: ReadonlyArray<string | number>, m: Mutation): unknown => {
  if (path.length === 0) {
    if (m.kind === "set") return m.value
    if (m.kind === "add" && typeof v === "object" && v !== null && !Array.isArray(v)) return { ...v, [m.key]: m.value }
    if (m.kind === "add" && Array.isArray(v)) return [...v, m.value]
    return v
  }
  const [head, ...rest] = path
  if (Array.isArray(v)) {
    const copy = [...v]
    if (rest.length === 0 && m.kind === "delete") copy.splice(head as number, 1)
    else copy[head as number] = mutate(v[head as number], rest, m)
    return copy
  }
  const o = v as Record<string, unknown>
  if (rest.length === 0 && m.kind === "delete") {
    const { [head as string]: _, ...others } = o
    return others
  }
  return { ...o, [head as string]: mutate(o[head as string], rest, m) }
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), value: fc.oneof(fc.jsonValue() as fc.Arbitrary<unknown>, fc.constant(undefined), fc.constantFrom("", " x ", "2024-02-30", "-1", "NaN", 0, -1, 1.5, 1e21, true, null, [], {})) }),
  fc.record({ kind: fc.constant("delete" as const) }),
  fc.record({ kind: fc.constant("add" as const), key: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("extensions", "id", "__proto__", "constructor", "toString")), value: fc.jsonValue() as fc.Arbitrary<unknown> })
)

const broken = <A, I>(schema: Schema.Schema<A, I, never>, json = true) =>
  validInput(schema, json).chain((input) => {
    const ps = paths(input)
    return fc.tuple(fc.constant(input), fc.integer({ min: 0, max: ps.length - 1 }).map((i) => ps[i]!), mutation).map(([v, path, m]) => mutate(v, path, m))
  })

const entries = Object.entries(Entities.all) as ReadonlyArray<[Entities.Name, Schema.Schema<unknown, unknown, never>]>

describe("compiled decoding (internal/compiled.ts)", () => {
  for (const [name, schema] of entries) {
    it.prop(`${name}: valid input takes the compiled road, to effect's value`, [validInput(schema)], ([input]) => {
      expect(agrees(schema, input)).toBe(true)
    }, { fastCheck: { numRuns: 40 } })

    it.prop(`${name}: input with one change decodes as effect decodes it, or goes to effect`, [broken(schema)], ([input]) => {
      agrees(schema, input)
    }, { fastCheck: { numRuns: 80 } })

    it.prop(`${name}: anything at all`, [fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true, withObjectString: true })], ([input]) => {
      agrees(schema, input)
    }, { fastCheck: { numRuns: 30 } })
  }

  // Every kind of node the compiler handles, in shapes the entities do not all have.
  const Tree: Schema.Schema<Tree, TreeI> = Schema.Struct({ label: Schema.String, children: Schema.Array(Schema.suspend(() => Tree)) })
  interface Tree {
    readonly label: string
    readonly children: ReadonlyArray<Tree>
  }
  interface TreeI {
    readonly label: string
    readonly children: ReadonlyArray<TreeI>
  }
  const sym = Symbol.for("chanjiao/test")
  enum Colour {
    Red = "red",
    Blue = 2
  }
  const synthetic: ReadonlyArray<readonly [string, Schema.Schema.AnyNoContext]> = [
    ["discriminated union", Schema.Union(Schema.Struct({ kind: Schema.Literal("a"), x: Schema.String }), Schema.Struct({ kind: Schema.Literal("b"), x: Schema.Number }), Schema.Struct({ y: Schema.String }))],
    ["union with two tags", Schema.Union(Schema.Struct({ k: Schema.Literal(1), t: Schema.Literal("x") }), Schema.Struct({ k: Schema.Literal(1), t: Schema.Literal("y"), z: Schema.optional(Schema.Boolean) }), Schema.Struct({ k: Schema.Literal(2), t: Schema.Literal("x") }))],
    ["overlapping union (first member wins)", Schema.Union(Schema.Struct({ a: Schema.optional(Schema.String) }), Schema.Struct({ a: Schema.optional(Schema.String), b: Schema.optional(Schema.Number) }))],
    ["union whose first member transforms", Schema.Union(Schema.NumberFromString, Schema.String, Schema.Null)],
    ["literals, enums, symbols", Schema.Struct({ l: Schema.Literal("x", 1, true, null), e: Schema.Enums(Colour), u: Schema.optional(Schema.Undefined), n: Schema.NullOr(Schema.Int) })],
    ["unique symbol", Schema.UniqueSymbolFromSelf(sym)],
    ["tuple: element, rest and tail", Schema.Tuple([Schema.String, Schema.Number], Schema.Boolean, Schema.String)],
    ["tuple: fixed length", Schema.Tuple(Schema.String, Schema.Number)],
    ["non-empty array", Schema.NonEmptyArray(Schema.Trim)],
    ["record with a refined key", Schema.Record({ key: Schema.String.pipe(Schema.pattern(/^[a-z]+$/)), value: Schema.Number })],
    ["struct with an index signature", Schema.Struct({ a: Schema.String, b: Schema.Number }, Schema.Record({ key: Schema.String, value: Schema.Union(Schema.String, Schema.Number) }))],
    ["transformations: trim, from string, default, key rename", Schema.Struct({ t: Schema.Trim, n: Schema.NumberFromString, d: Schema.optionalWith(Schema.Number, { default: () => 7 }), r: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("R")) })],
    ["rename", Schema.Struct({ a: Schema.String, b: Schema.Number }).pipe(Schema.rename({ a: "c" }))],
    ["refined struct", Schema.Struct({ from: Schema.Number, to: Schema.Number }).pipe(Schema.filter((r) => r.from <= r.to))],
    ["recursion", Tree],
    ["empty struct", Schema.Struct({})],
    ["unknown and any", Schema.Struct({ u: Schema.Unknown, a: Schema.Any, o: Schema.Object })],
    ["tuple: optional element", Schema.Tuple(Schema.String, Schema.optionalElement(Schema.Number))],
    // effect tries a member tagged by a literal before untagged ones, whatever the declaration order.
    ["union: a tagged member after an untagged one", Schema.Union(Schema.Struct({ kind: Schema.String, v: Schema.NumberFromString }), Schema.Struct({ kind: Schema.Literal("k"), v: Schema.String }))],
    // A declared key is decoded by its property, not by the index signature (which still checks it).
    ["struct and record: a declared key transformed", Schema.Struct({ n: Schema.NumberFromString }, Schema.Record({ key: Schema.String, value: Schema.Unknown }))],
    // Defaults: effect decodes the result again with the type side; what it would not give back is decoded again.
    ["defaults around transformations, unions and records", Schema.Struct({
      a: Schema.Trim,
      n: Schema.Struct({ x: Schema.NumberFromString, l: Schema.optionalWith(Schema.Array(Schema.String), { default: () => [] }) }),
      u: Schema.Union(Schema.Struct({ k: Schema.Literal("a"), v: Schema.NumberFromString }), Schema.Struct({ k: Schema.Literal("b"), v: Schema.String })),
      r: Schema.Record({ key: Schema.String, value: Schema.Number }),
      f: Schema.Number.pipe(Schema.filter((n) => n > 0)),
      t: Schema.Tuple(Schema.Trim, Schema.optionalElement(Schema.NumberFromString)),
      l: Schema.optionalWith(Schema.Array(Schema.Trim), { default: () => [] })
    })],
    // A union whose type side would pick another member (and so another key order) than the encoded side did.
    ["defaults around a union the type side decodes differently", Schema.Struct({
      u: Schema.Union(Schema.Struct({ b: Schema.optional(Schema.String), a: Schema.NumberFromString }), Schema.Struct({ a: Schema.Number, b: Schema.optional(Schema.String) })),
      l: Schema.optionalWith(Schema.Array(Schema.String), { default: () => [] })
    })],
    // Unions whose members take disjoint kinds of value (an optional or nullable struct, a struct or a literal):
    // the type side picks the same member again, and the value is taken as it is.
    ["defaults around optional and nullable structs", Schema.Struct({
      o: Schema.optional(Schema.Struct({ b: Schema.Unknown, a: Schema.optional(Schema.String) })),
      n: Schema.NullOr(Schema.Struct({ x: Schema.Number.pipe(Schema.int()) })),
      e: Schema.Union(Schema.Struct({ k: Schema.String }), Schema.Literal("none"), Schema.Tuple(Schema.Boolean)),
      l: Schema.optionalWith(Schema.Array(Schema.String), { default: () => [] })
    })],
    // A record whose "__proto__" entry the encoded side turns into a prototype, and the type side drops.
    ["defaults around a record", Schema.Struct({ r: Schema.Record({ key: Schema.String, value: Schema.Unknown }), l: Schema.optionalWith(Schema.Array(Schema.String), { default: () => [] }) })],
    // A default its own type side refuses: effect fails when the key is left out.
    ["a default the type side refuses", Schema.Struct({ l: Schema.optionalWith(Schema.Array(Schema.String).pipe(Schema.minItems(1)), { default: () => [] }) })],
    // A declared key the record's key refuses is not read through the record.
    ["struct and record: a declared key outside the record's keys", Schema.Struct({ A: Schema.String }, Schema.Record({ key: Schema.String.pipe(Schema.pattern(/^[a-z]+$/)), value: Schema.Number }))]
  ]
  for (const [name, schema] of synthetic) {
    it.prop(`${name}: valid input takes the compiled road, to effect's value`, [validInput(schema, false)], ([input]) => {
      expect(agrees(schema, input)).toBe(true)
    }, { fastCheck: { numRuns: 60 } })

    it.prop(`${name}: broken input decodes as effect decodes it, or goes to effect`, [broken(schema, false)], ([input]) => {
      agrees(schema, input)
    }, { fastCheck: { numRuns: 120 } })

    it.prop(`${name}: anything at all`, [fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true, withObjectString: true })], ([input]) => {
      agrees(schema, input)
    }, { fastCheck: { numRuns: 40 } })
  }

  it("hand-picked inputs where the candidate order or key handling could differ", () => {
    const overlapping = synthetic[2]![1]
    expect(agrees(overlapping, { a: "x" })).toBe(true)
    expect(agrees(overlapping, { a: "x", b: 1 })).toBe(true)
    expect(agrees(overlapping, { a: "x", c: 1 })).toBe(false)
    const tagged = synthetic[18]![1]
    expect(agrees(tagged, { kind: "k", v: "1" })).toBe(true)
    expect(shape(compiledOf(tagged)({ kind: "k", v: "1" }))).toEqual(shape({ kind: "k", v: "1" }))
    expect(shape(compiledOf(tagged)({ kind: "j", v: "1" }))).toEqual(shape({ kind: "j", v: 1 }))
    const reordering = synthetic.find(([n]) => n === "defaults around a union the type side decodes differently")![1]
    expect(agrees(reordering, { u: { a: 1, b: "x" } })).toBe(true)
    expect(Object.keys((compiledOf(reordering)({ u: { a: 1, b: "x" } }) as { u: object }).u)).toEqual(["b", "a"])
    const protoRecord = synthetic.find(([n]) => n === "defaults around a record")![1]
    agrees(protoRecord, JSON.parse('{"r":{"__proto__":{"x":1}}}'))
    const refusedDefault = synthetic.find(([n]) => n === "a default the type side refuses")![1]
    expect(agrees(refusedDefault, {})).toBe(false)
    expect(agrees(refusedDefault, { l: ["x"] })).toBe(true)
    const transforming = synthetic[3]![1]
    expect(agrees(transforming, "12")).toBe(true)
    expect(agrees(transforming, "x")).toBe(true)
    const record = synthetic[9]![1]
    // A key the key schema refuses is an excess key.
    expect(agrees(record, { abc: 1 })).toBe(true)
    expect(agrees(record, { Abc: 1 })).toBe(false)
    expect(agrees(record, { abc: 1, [sym]: 1 })).toBe(false)
    const struct = synthetic[10]![1]
    expect(agrees(struct, { a: "x", b: 1, extra: 2 })).toBe(true)
    expect(agrees(struct, { a: "x", b: "not a number" })).toBe(false)
    // JSON.parse makes "__proto__" an own key: the output then behaves as effect's does.
    expect(agrees(struct, JSON.parse('{"a":"x","b":1,"__proto__":5}'))).toBe(true)
    expect(agrees(struct, JSON.parse('{"a":"x","b":1,"__proto__":{"p":1}}'))).toBe(false)
    const plainStruct = Schema.Struct({ a: Schema.String })
    // A symbol key, a non-enumerable key, an inherited value for a required key.
    expect(agrees(plainStruct, { a: "x", [sym]: 1 })).toBe(false)
    expect(agrees(plainStruct, Object.defineProperty({ a: "x" }, "hidden", { value: 1, enumerable: false }))).toBe(false)
    expect(agrees(plainStruct, Object.create({ a: "inherited" }))).toBe(true)
    expect(agrees(Schema.Struct({ a: Schema.optional(Schema.String) }), Object.create({ a: "inherited" }))).toBe(true)
    const tuple = synthetic[6]![1]
    expect(agrees(tuple, ["a"])).toBe(false)
    expect(agrees(tuple, ["a", 1, "t"])).toBe(true)
    expect(agrees(synthetic[17]![1], ["a"])).toBe(true)
    expect(agrees(synthetic[17]![1], ["a", 1])).toBe(true)
    expect(agrees(synthetic[17]![1], ["a", 1, 2])).toBe(false)
    expect(agrees(tuple, ["a", 1, true, false, "t"])).toBe(true)
    expect(agrees(synthetic[7]![1], ["a", 1, 2])).toBe(false)
    // Sparse arrays; getters that throw (Validation.decode catches them and reports unreadable input).
    // eslint-disable-next-line no-sparse-arrays
    agrees(Schema.Array(Schema.Unknown), [1, , 3])
    const throwing = { get a(): string { throw new Error("boom") } }
    expect(() => compiledOf(plainStruct)(throwing)).toThrow("boom")
    expect(Either.isLeft(Validation.decode(plainStruct)(throwing))).toBe(true)
  })

  it("what it does not handle is left to effect, and Validation.decode still answers", () => {
    for (const schema of [Schema.DateFromSelf, Schema.TemplateLiteral("a", Schema.String), Schema.Struct({ d: Schema.Date }), Schema.Record({ key: Schema.SymbolFromSelf, value: Schema.Number })] as ReadonlyArray<Schema.Schema.AnyNoContext>) {
      expect(Compiled.compile(schema.ast, parseOptions)).toBeUndefined()
    }
    expect(Either.isRight(Validation.decode(Schema.Struct({ d: Schema.Date }))({ d: "2024-01-01" }))).toBe(true)
    expect(Either.isLeft(Validation.decode(Schema.Struct({ d: Schema.Date }))({ d: "2024-01-01", e: 1 }))).toBe(true)
    // Other parse options than Validation's are not compiled.
    expect(Compiled.compile(Schema.String.ast, { onExcessProperty: "ignore" })).toBeUndefined()
  })

  it("Validation.decode gives effect's value for valid input and effect's issues for invalid input", () => {
    const [, schema] = entries.find(([n]) => n === "Internship")!
    fc.assert(
      fc.property(fc.oneof(validInput(schema), broken(schema)), (input) => {
        const ours = Validation.decode(schema)(input)
        const theirs = Schema.decodeUnknownEither(schema, parseOptions)(input)
        expect(Either.isRight(ours)).toBe(Either.isRight(theirs))
        if (Either.isRight(ours) && Either.isRight(theirs)) expect(shape(ours.right)).toEqual(shape(theirs.right))
        if (Either.isLeft(ours) && Either.isLeft(theirs)) expect(ours.left).toEqual(Validation.toInvalidInput(schema.ast, theirs.left))
      }),
      { numRuns: 100 }
    )
  })
})
