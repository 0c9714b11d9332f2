import { describe, expect, it } from "@effect/vitest"
import { Validation } from "@chanjiao/core"
import { Aggregates } from "@chanjiao/store"
import { fixtures } from "@chanjiao/store/testing"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import * as Schema from "effect/Schema"
import * as Codec from "../src/internal/codec.js"
import { canonicalJson, canonicalJsonReference, plain, sha256 } from "../src/internal/hash.js"

const samples: ReadonlyArray<readonly [Aggregates.TypeName, unknown]> = [
  ["school", fixtures.school()],
  ["teacher", fixtures.teacher("t-1")],
  ["student", fixtures.student("st-1")],
  ["enterprise", fixtures.enterprise()],
  // Normalised on the way in (spaces, lower case): the stored form is the decoded one.
  ["enterprise", fixtures.enterprise("e-2", { creditCode: "91370828 ma3c4p2x1n", contacts: [{ name: "王", mobile: "+86 138-0013-8000" }] })],
  ["cooperation-agreement", fixtures.cooperation("c-1")],
  ["internship", fixtures.internship("i-1")],
  ["internship", fixtures.internship("i-2", "s-kit", { extensions: { "host:tag": [1, { b: null, a: "x" }] } })],
  ["assessment", fixtures.assessment("a-1", "i-1")],
  ["school-facts", fixtures.facts()]
]

const codecOf = (type: Aggregates.TypeName) => Codec.make(Aggregates.types[type].schema as Schema.Schema<unknown, unknown, never>)

describe("store codec (the bulk-load fast paths)", () => {
  it("every aggregate type takes the cheaper road (its transformations encode to their input)", () => {
    for (const type of Object.keys(Aggregates.types) as Array<Aggregates.TypeName>) expect([type, codecOf(type).plain]).toEqual([type, true])
  })

  it("decodes valid records to what Validation.decode gives, and skipping the encoding stores the same JSON", () => {
    for (const [type, input] of samples) {
      const schema = Aggregates.types[type].schema as Schema.Schema<unknown, unknown, never>
      const strict = Validation.decode(schema)(input)
      const fast = codecOf(type).decode(input)
      expect(Either.isRight(strict)).toBe(true)
      expect(fast).toEqual(strict)
      const decoded = Either.getOrThrow(fast)
      expect(JSON.stringify(codecOf(type).encode(decoded))).toBe(JSON.stringify(Schema.encodeSync(schema)(decoded)))
    }
  })

  it("reports every problem of an invalid record, undeclared fields at any depth included, as Validation.decode does", () => {
    const bad: ReadonlyArray<readonly [Aggregates.TypeName, unknown]> = [
      ["teacher", fixtures.teacher("t-bad", "s-kit", { hiredOn: "2015-02-30", employment: "sometimes", colour: "blue" })],
      // Valid but for an undeclared field, top level and nested (inside a struct, an array, an optional union).
      ["teacher", fixtures.teacher("t-x", "s-kit", { colour: "blue" })],
      ["internship", fixtures.internship("i-x", "s-kit", { unit: { ...fixtures.internship("i").unit, extra: 1 } })],
      ["internship", fixtures.internship("i-y", "s-kit", { enterpriseMentors: [{ name: "王师傅", nickname: "老王" }] })],
      ["internship", fixtures.internship("i-z", "s-kit", { pay: { ...fixtures.internship("i").pay, bonus: 1 }, fees: "none" })],
      ["student", { ...(fixtures.student("st-x") as Record<string, unknown>), [Symbol.for("x")]: 1 }],
      ["school-facts", null],
      ["school-facts", []]
    ]
    for (const [type, input] of bad) {
      const strict = Validation.decode(Aggregates.types[type].schema as Schema.Schema<unknown, unknown, never>)(input)
      const fast = codecOf(type).decode(input)
      expect(Either.isLeft(strict)).toBe(true)
      expect(fast).toEqual(strict)
    }
    const multi = codecOf("teacher").decode(bad[0]![1])
    expect(Either.isLeft(multi) && multi.left.issues.length).toBeGreaterThanOrEqual(3)
  })

  it("input that throws while read is an InvalidInput, not an exception", () => {
    const input = new Proxy(fixtures.student("st-p"), {
      ownKeys: () => {
        throw new Error("boom")
      }
    })
    expect(Either.isLeft(codecOf("student").decode(input))).toBe(true)
  })
})

describe("store hashing", () => {
  it("canonicalJson writes the same text as its definition", () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      expect(canonicalJson(v)).toBe(canonicalJsonReference(v))
    }), { numRuns: 500 })
    for (const v of [{ b: 1, a: [undefined, () => 1], 10: "x", 9: "y", "01": 0, c: undefined }, [NaN, -0, Infinity], { d: new Date(0) }, "\ud800", undefined, null, JSON.parse('{"__proto__":{"b":1,"a":2},"z":0}'), JSON.parse('{"x":{"__proto__":[1]},"d":"d"}')]) {
      expect(canonicalJson(v)).toBe(canonicalJsonReference(v))
    }
    // Objects of one kind reuse a key layout, found by the first key: key lists that share it or would join alike, in
    // either order, and many distinct key sets (the cache starts afresh) still write the definition's text.
    for (const v of [{ "a\u0000b": 1, c: 2 }, { a: 1, "b\u0000c": 2 }, { "a\u0000b": 1, c: 2 }, { c: 1, "a\u0000b": 2 }]) expect(canonicalJson(v)).toBe(canonicalJsonReference(v))
    const many = Array.from({ length: 5000 }, (_, i) => ({ [`k${i}`]: i, [`j${i % 7}`]: [i], z: { y: i, x: null } }))
    for (const v of [...many, ...many.slice(0, 100)]) expect(canonicalJson(v)).toBe(canonicalJsonReference(v))
  })

  it("sha256 matches the plain implementation and the standard vectors", () => {
    expect(sha256("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    expect(sha256("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    expect(plain("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => {
      expect(sha256(s)).toBe(plain(s))
    }), { numRuns: 300 })
    fc.assert(fc.property(fc.string({ unit: fc.integer({ min: 0xd7f0, max: 0xe010 }).map((c) => String.fromCharCode(c)) }), (s) => {
      expect(sha256(s)).toBe(plain(s))
    }), { numRuns: 300 })
    // A lone surrogate is hashed as its own code point (3 bytes), as before.
    expect(sha256("\ud800")).toBe(plain("\ud800"))
  }, 60_000)
})
