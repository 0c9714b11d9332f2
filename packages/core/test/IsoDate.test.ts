import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import { IsoDate, Validation } from "../src/index.js"
import { parseCivil, parseCivilReference } from "../src/internal/date.js"

// Oracle: the platform's own UTC calendar (tests may use Date; the core may not).
const oracleFromDays = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10)

describe("IsoDate", () => {
  it.prop("epoch days round-trip and agree with the UTC calendar", [fc.integer({ min: -200_000, max: 200_000 })], ([n]) => {
    const date = IsoDate.fromEpochDays(n)
    expect(date).toBe(oracleFromDays(n))
    expect(IsoDate.toEpochDays(date)).toBe(n)
  })

  it("accepts real dates and rejects impossible ones with a bilingual reason", () => {
    expect(IsoDate.isIsoDate("2024-02-29")).toBe(true)
    expect(IsoDate.isIsoDate("2023-02-29")).toBe(false)
    expect(IsoDate.isIsoDate("2023-2-1")).toBe(false)
    const r = Validation.decode(IsoDate.IsoDate)("2023-02-29")
    expect(Either.isLeft(r)).toBe(true)
    if (Either.isLeft(r)) {
      expect(r.left.issues[0]?.zh).toContain("不存在")
      expect(r.left.issues[0]?.en).toContain("does not exist")
    }
  })

  it("adds months clamping to the end of a shorter month", () => {
    expect(IsoDate.addMonths(IsoDate.unsafeMake("2024-01-31"), 1)).toBe("2024-02-29")
    expect(IsoDate.addMonths(IsoDate.unsafeMake("2023-01-31"), 1)).toBe("2023-02-28")
    expect(IsoDate.addMonths(IsoDate.unsafeMake("2023-03-31"), -1)).toBe("2023-02-28")
    expect(IsoDate.addYears(IsoDate.unsafeMake("2024-02-29"), -5)).toBe("2019-02-28")
  })

  it.prop(
    "ageAt equals counting birthdays",
    [fc.integer({ min: -10_000, max: 20_000 }), fc.integer({ min: 0, max: 40_000 })],
    ([birthDays, after]) => {
      const birth = IsoDate.fromEpochDays(birthDays)
      const on = IsoDate.fromEpochDays(birthDays + after)
      const b = IsoDate.parts(birth)
      const d = IsoDate.parts(on)
      let age = 0
      while (true) {
        // The next birthday: same month and day, or 1 March for 29 February in a common year.
        const y = b.year + age + 1
        const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
        const next = b.month === 2 && b.day === 29 && !leap ? `${y}-03-01` : `${y}-${String(b.month).padStart(2, "0")}-${String(b.day).padStart(2, "0")}`
        if (`${String(d.year).padStart(4, "0")}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}` >= next.padStart(10, "0")) age++
        else break
      }
      expect(IsoDate.ageAt(birth, on)).toBe(age)
    }
  )

  it("unsafeMake throws on an invalid literal and diffDays counts days", () => {
    expect(() => IsoDate.unsafeMake("2021-13-01")).toThrow(/不存在|YYYY/)
    expect(IsoDate.diffDays(IsoDate.unsafeMake("2021-12-31"), IsoDate.unsafeMake("2022-01-31"))).toBe(31)
    expect(Either.isLeft(IsoDate.fromParts(2023, 2, 29))).toBe(true)
    expect(IsoDate.fromParts(2024, 2, 29)).toEqual(Either.right("2024-02-29"))
  })
})

describe("parseCivil (the fast reading of YYYY-MM-DD)", () => {
  const dateLike = fc
    .tuple(fc.stringMatching(/^[0-9]{4}$/), fc.stringMatching(/^[0-9]{2}$/), fc.stringMatching(/^[0-9]{2}$/), fc.constantFrom("-", "/", "－"), fc.constantFrom("", " ", "\n", "x"))
    .map(([y, m, d, sep, tail]) => `${y}${sep}${m}-${d}${tail}`)
  const near = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`)
  const mangled = near.chain((s) => fc.tuple(fc.integer({ min: 0, max: 9 }), fc.constantFrom("٣", "a", "+", ".", " ", "\u0000", "e", "0")).map(([i, c]) => s.slice(0, i) + c + s.slice(i + 1)))
  it.prop("gives what the regular-expression definition gives", [fc.oneof(near, dateLike, mangled, fc.string({ maxLength: 12 }))], ([s]) => {
    expect(parseCivil(s)).toEqual(parseCivilReference(s))
  }, { fastCheck: { numRuns: 3000 } })
})
