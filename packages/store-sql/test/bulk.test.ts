import { describe, expect, it } from "@effect/vitest"
import { Aggregates, Driver, Store } from "@chanjiao/store"
import { fixtures } from "@chanjiao/store/testing"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { Layers } from "../src/index.js"
import { createHash } from "node:crypto"

const author = { actor: "loader", at: DateTime.unsafeMake("2025-07-01T08:00:00Z") }
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) => (x === null || typeof x !== "object" || Array.isArray(x) ? x : Object.fromEntries(Object.keys(x).sort().map((k) => [k, (x as Record<string, unknown>)[k]]))))

// The bulk load's fast paths (no encoding for Schemas whose encoding is the identity, the cheaper decoder, the
// direct canonical JSON and the platform's SHA-256) store exactly what the plain road stores.
describe("createMany on SQLite stores what the Schema encodes", () => {
  it.effect("rows hold the encoded JSON, load back equal, and the audit hashes the canonical JSON", () =>
    Effect.gen(function* () {
      const store = yield* Store.Store
      const driver = yield* Driver.StoreDriver
      const batches: ReadonlyArray<readonly [Aggregates.TypeName, ReadonlyArray<unknown>]> = [
        ["school", [fixtures.school()]],
        ["enterprise", [fixtures.enterprise("e-kit", { creditCode: "91370828 ma3c4p2x1n", contacts: [{ name: "王", mobile: "+86 138-0013-8000" }] })]],
        ["teacher", [fixtures.teacher("t-1"), fixtures.teacher("t-2", "s-kit", { extensions: { "host:b": 1, "host:a": [2, { z: 1, y: null }] } })]],
        ["student", [fixtures.student("st-1")]],
        ["cooperation-agreement", [fixtures.cooperation("c-1")]],
        ["internship", [fixtures.internship("i-1")]],
        ["assessment", [fixtures.assessment("a-1", "i-1")]],
        ["school-facts", [fixtures.facts()]]
      ]
      for (const [type, values] of batches) {
        expect(yield* store.createMany(type, values, author)).toBe(values.length)
        const schema = Aggregates.types[type].schema as Schema.Schema<unknown, unknown, never>
        for (const value of values) {
          const decoded = Schema.decodeUnknownSync(schema, { errors: "all", onExcessProperty: "error" })(value)
          const encoded = Schema.encodeSync(schema)(decoded)
          const id = Aggregates.types[type].idOf(decoded as never)
          // The stored text is the canonical JSON of the encoded value (keys sorted), the text the audit hash is of.
          expect(JSON.parse((yield* driver.read(type, id))!.data)).toEqual(encoded)
          expect((yield* driver.read(type, id))?.data).toBe(canonical(encoded))
          const stored = yield* store.get(type, id)
          expect(stored.value).toEqual(decoded)
          const [entry] = yield* store.audit({ type, id })
          expect(entry?.afterHash).toBe(createHash("sha256").update(canonical(encoded), "utf8").digest("hex"))
        }
      }
    }).pipe(Effect.provide(Layers.layerSqlite({ filename: ":memory:" }))))

  it.effect("an invalid batch writes nothing and reports every invalid record with all its problems", () =>
    Effect.gen(function* () {
      const store = yield* Store.Store
      const e = yield* Effect.flip(
        store.createMany("teacher", [fixtures.teacher("t-1"), fixtures.teacher("t-2", "s-kit", { hiredOn: "2015-02-30", employment: "sometimes" }), fixtures.teacher("t-3", "s-kit", { colour: "blue" })], author)
      )
      expect(e._tag).toBe("InvalidRecords")
      const invalid = (e as { readonly invalid: ReadonlyArray<{ readonly index: number; readonly error: { readonly issues: ReadonlyArray<{ readonly path: ReadonlyArray<unknown> }> } }> }).invalid
      expect(invalid.map((i) => i.index)).toEqual([1, 2])
      expect(invalid[0]!.error.issues.length).toBeGreaterThanOrEqual(2)
      expect(invalid[1]!.error.issues.map((i) => i.path)).toEqual([["colour"]])
      expect(yield* store.list("teacher")).toEqual([])
    }).pipe(Effect.provide(Layers.layerSqlite({ filename: ":memory:" }))))
})
