import { describe, expect, it } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as fc from "effect/FastCheck"
import * as Schema from "effect/Schema"
import * as Compiled from "../src/internal/compiled.js"
import { agrees, parseOptions } from "./compiled-support.js"

// Counterexamples found in review of internal/compiled.ts: the compiled decoder answered where effect's strict
// decoder fails, or answered with another value. Same comparison as Compiled.test.ts.
describe("compiled decoding: review counterexamples", () => {
  it("defaults around a settled union the type side decodes with an earlier member (refinement over a struct)", () => {
    // The first member refuses { b: 1 } (no own "a"), the second makes it { b: 1, a: undefined }, which the first
    // member then accepts on the type side, in its own key order.
    const First = Schema.Struct({ a: Schema.optional(Schema.Unknown), b: Schema.optional(Schema.Unknown) }).pipe(Schema.filter((o) => "a" in o))
    const Second = Schema.Struct({ b: Schema.Unknown, a: Schema.Unknown })
    const schema = Schema.Struct({ u: Schema.Union(First, Second), d: Schema.optionalWith(Schema.String, { default: () => "" }) })
    expect(agrees(schema, { u: { b: 1 } })).toBe(true)
    expect(agrees(schema, { u: { b: 1 }, d: "x" })).toBe(true)
    expect(agrees(schema, { u: { a: 1, b: 2 } })).toBe(true)
  })

  it("defaults around a settled union the type side decodes with an earlier member (prototype filter)", () => {
    const First = Schema.Struct({ b: Schema.Number, a: Schema.Object.pipe(Schema.filter((o) => Object.getPrototypeOf(o) === Object.prototype)) })
    const Second = Schema.Struct({ a: Schema.Struct({ x: Schema.optional(Schema.Unknown) }), b: Schema.Number })
    const schema = Schema.Struct({ u: Schema.Union(First, Second), d: Schema.optionalWith(Schema.String, { default: () => "" }) })
    expect(agrees(schema, { u: { a: Object.create(null), b: 1 } })).toBe(true)
    expect(agrees(schema, { u: { a: {}, b: 1 } })).toBe(true)
  })

  it("a union member tagged with the literal \"__proto__\" is never a candidate for effect", () => {
    const schema = Schema.Union(Schema.Struct({ kind: Schema.Literal("__proto__"), v: Schema.String }), Schema.Struct({ kind: Schema.Literal("b"), v: Schema.Number }))
    agrees(schema, { kind: "__proto__", v: "x" })
    agrees(schema, { kind: "b", v: 1 })
  })

  it("a union tagged on a key Object.prototype has (effect cannot build its search tree)", () => {
    for (const key of ["toString", "constructor", "valueOf", "hasOwnProperty"]) {
      const schema = Schema.Union(Schema.Struct({ [key]: Schema.Literal("a"), v: Schema.String }), Schema.Struct({ [key]: Schema.Literal("b"), v: Schema.Number }))
      agrees(schema, { [key]: "a", v: "x" })
      agrees(schema, { [key]: "b", v: 1 })
    }
  })

  // Shapes the brief names, checked on generated valid input (the compiled road must be taken and agree) and on
  // arbitrary input.
  const validInput = <A, I>(schema: Schema.Schema<A, I, never>) => Arbitrary.make(schema).map((a): unknown => Schema.encodeSync(schema)(a))
  const Base = Schema.Struct({ a: Schema.String, n: Schema.optionalWith(Schema.NumberFromString, { default: () => 1 }) })
  const shapes: ReadonlyArray<readonly [string, Schema.Schema.AnyNoContext]> = [
    ["default, nullable", Schema.Struct({ x: Schema.optionalWith(Schema.Number, { default: () => 0, nullable: true }), y: Schema.NullOr(Schema.String) })],
    ["default, exact", Schema.Struct({ x: Schema.optionalWith(Schema.Number, { default: () => 0, exact: true }), y: Schema.optionalWith(Schema.String, { exact: true }) })],
    ["nullable, exact, no default", Schema.Struct({ x: Schema.optionalWith(Schema.Number, { nullable: true, exact: true }), y: Schema.String })],
    ["tagged struct with a default", Schema.TaggedStruct("T", { x: Schema.optionalWith(Schema.Array(Schema.Number), { default: () => [] }), o: Schema.optional(Schema.Struct({ p: Schema.Trim })) })],
    ["extend with a default", Schema.extend(Base, Schema.Struct({ b: Schema.Boolean, c: Schema.optional(Schema.Literal("x", "y")) }))],
    ["extend a union with a default", Schema.extend(Base, Schema.Union(Schema.Struct({ k: Schema.Literal("p"), p: Schema.Number }), Schema.Struct({ k: Schema.Literal("q"), q: Schema.optional(Schema.String) })))],
    ["rename after a default", Base.pipe(Schema.rename({ a: "z" }))],
    ["fromKey with a default", Schema.Struct({ a: Schema.optionalWith(Schema.String, { default: () => "" }).pipe(Schema.fromKey("A")), b: Schema.Number })],
    ["refined struct with a default", Schema.Struct({ lo: Schema.Number, hi: Schema.optionalWith(Schema.Number, { default: () => 100 }) }).pipe(Schema.filter((r) => r.lo <= r.hi))],
    ["default around a refined struct and optional tuple elements", Schema.Struct({
      r: Schema.Struct({ lo: Schema.Number, hi: Schema.Number }).pipe(Schema.filter((x) => x.lo <= x.hi)),
      t: Schema.Tuple([Schema.String, Schema.optionalElement(Schema.Number)], Schema.Boolean),
      o: Schema.optional(Schema.Struct({ e: Schema.optionalWith(Schema.String, { exact: true }), u: Schema.Union(Schema.Undefined, Schema.Number) })),
      d: Schema.optionalWith(Schema.String, { default: () => "" })
    })],
    ["default around a union of structs", Schema.Struct({
      u: Schema.Union(Schema.Struct({ a: Schema.optional(Schema.Number), b: Schema.String }), Schema.Struct({ b: Schema.String, a: Schema.Number, c: Schema.optional(Schema.Boolean) })),
      d: Schema.optionalWith(Schema.String, { default: () => "" })
    })],
    ["union of struct with defaults", Schema.Union(Base, Schema.Struct({ a: Schema.Number, m: Schema.optionalWith(Schema.Boolean, { default: () => false }) }))],
    ["tuple: rest and two tail elements", Schema.Tuple([Schema.optionalElement(Schema.String)], Schema.Number)],
    ["tuple: head, rest, tail", Schema.Tuple([Schema.Literal("h")], Schema.NumberFromString, Schema.Boolean, Schema.String)],
    ["record with a refined key and declared keys", Schema.Struct({ id: Schema.String }, Schema.Record({ key: Schema.String.pipe(Schema.minLength(3)), value: Schema.NumberFromString }))]
  ]
  for (const [name, schema] of shapes) {
    it.prop(`${name}: valid input takes the compiled road, to effect's value`, [validInput(schema)], ([input]) => {
      expect(agrees(schema, input)).toBe(true)
    }, { fastCheck: { numRuns: 60 } })

    it.prop(`${name}: anything at all`, [fc.anything({ withNullPrototype: true, withObjectString: true })], ([input]) => {
      agrees(schema, input)
    }, { fastCheck: { numRuns: 60 } })
  }

  it("hand-picked inputs around defaults, inherited values and prototypes", () => {
    const [, nullable] = shapes[0]!
    expect(agrees(nullable, { x: null, y: null })).toBe(true)
    expect(agrees(nullable, { y: "s" })).toBe(true)
    agrees(nullable, { x: undefined, y: null })
    agrees(nullable, Object.create({ y: "inherited" }))
    const [, exact] = shapes[1]!
    agrees(exact, { x: undefined })
    agrees(exact, { y: undefined })
    expect(agrees(exact, {})).toBe(true)
    const [, withUnion] = shapes[10]!
    expect(agrees(withUnion, { u: { b: "x" } })).toBe(true)
    expect(agrees(withUnion, { u: { b: "x", a: 1 } })).toBe(true)
    expect(agrees(withUnion, { u: { b: "x", a: 1, c: true } })).toBe(true)
    agrees(withUnion, { u: Object.assign(Object.create({ a: 1 }), { b: "x" }) })
    const [, refined] = shapes[9]!
    agrees(refined, { r: { lo: 1, hi: 2 }, t: ["a"] })
    agrees(refined, { r: { lo: 1, hi: 2 }, t: ["a", 1, true], o: {} })
    agrees(refined, { r: Object.create({ lo: 1, hi: 2 }), t: ["a", 1] })
    const [, record] = shapes[14]!
    agrees(record, { id: "x", abc: "1" })
    agrees(record, { id: "1", ab: "1" })
    agrees(record, JSON.parse('{"id":"x","__proto__":"1"}'))
    agrees(record, JSON.parse('{"id":"x","abcd":"2","__proto__":{"id":"y"}}'))
  })

  it("what holds a declaration (Option, Class) is left to effect", () => {
    class C extends Schema.Class<C>("C")({ a: Schema.optionalWith(Schema.String, { default: () => "" }) }) {}
    for (const schema of [
      Schema.Struct({ o: Schema.optionalWith(Schema.String, { as: "Option" }) }),
      Schema.Struct({ o: Schema.optionalWith(Schema.String, { as: "Option", nullable: true }) }),
      C
    ] as ReadonlyArray<Schema.Schema.AnyNoContext>) {
      expect(Compiled.compile(schema.ast, parseOptions)).toBeUndefined()
    }
  })

  it("a union of tuples tagged by a literal element compiles (the tag key is an index, a number)", () => {
    const schema = Schema.Union(Schema.Tuple(Schema.Literal("a"), Schema.String), Schema.Tuple(Schema.Literal("b"), Schema.NumberFromString), Schema.Tuple(Schema.String, Schema.Boolean))
    expect(Compiled.compile(schema.ast, parseOptions)).toBeDefined()
    expect(agrees(schema, ["a", "x"])).toBe(true)
    expect(agrees(schema, ["b", "1"])).toBe(true)
    expect(agrees(schema, ["c", true])).toBe(true)
    expect(agrees(schema, ["b", "x"])).toBe(false)
  })

  it("union candidates keyed by an integer-like name come first, as in effect's search tree object", () => {
    const ByB = Schema.Struct({ b: Schema.Literal("x"), 1: Schema.String, c: Schema.NumberFromString })
    const ByOne = Schema.Struct({ 1: Schema.Literal("y"), b: Schema.String, c: Schema.String })
    const schema = Schema.Union(ByB, ByOne)
    expect(agrees(schema, { b: "x", 1: "y", c: "2" })).toBe(true)
    expect(agrees(schema, { b: "x", 1: "z", c: "2" })).toBe(true)
    const mixed = Schema.Union(Schema.Tuple(Schema.Literal("a"), Schema.NumberFromString), Schema.Struct({ 0: Schema.Literal("a"), 1: Schema.String }))
    expect(agrees(mixed, ["a", "1"])).toBe(true)
    expect(agrees(mixed, { 0: "a", 1: "1" })).toBe(true)
  })

  const tupleUnion = Schema.Union(Schema.Tuple(Schema.Literal("a"), Schema.String), Schema.Tuple(Schema.Literal("b"), Schema.NumberFromString), Schema.Tuple(Schema.String, Schema.Boolean))
  it.prop("a union of tagged tuples: valid input takes the compiled road", [validInput(tupleUnion)], ([input]) => {
    expect(agrees(tupleUnion, input)).toBe(true)
  }, { fastCheck: { numRuns: 60 } })
})
