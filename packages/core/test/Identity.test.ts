import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as fc from "effect/FastCheck"
import { Identity, Validation } from "../src/index.js"

const CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
// Characters a mutation may put in: the code's own alphabet plus characters people mistype.
const MUTATION_CHARS = `${CREDIT_CHARSET}IOZSVX-*`.split("")
const isCredit = Schema.is(Identity.CreditCode)
const decodeCredit = Validation.decode(Identity.CreditCode)
const decodeId = Validation.decode(Identity.IdNumber)

describe("CreditCode (GB 32100-2015)", () => {
  it("accepts a real-format code and normalises spaces and lower case", () => {
    expect(decodeCredit("91370828MA3C4P2X1N")).toEqual(Either.right("91370828MA3C4P2X1N"))
    expect(decodeCredit(" 91370828ma3c4p2x1n ")).toEqual(Either.right("91370828MA3C4P2X1N"))
  })

  it.prop("accepts every generated valid code", [Identity.creditCodeArbitrary(fc)], ([code]) => {
    expect(Either.isRight(decodeCredit(code))).toBe(true)
  })

  it.prop(
    "rejects every single-character substitution",
    [Identity.creditCodeArbitrary(fc), fc.integer({ min: 0, max: 17 }), fc.constantFrom(...MUTATION_CHARS)],
    ([code, position, char]) => {
      fc.pre(code.charAt(position) !== char)
      const mutated = `${code.slice(0, position)}${char}${code.slice(position + 1)}`
      expect(isCredit(mutated)).toBe(false)
      expect(Either.isLeft(decodeCredit(mutated))).toBe(true)
    }
  )

  it("rejects all 18 × 30 substitutions of one code exhaustively", () => {
    const code = "91370828MA3C4P2X1N"
    let rejected = 0
    for (let i = 0; i < 18; i++) {
      for (const c of CREDIT_CHARSET) {
        if (c === code[i]) continue
        const mutated = `${code.slice(0, i)}${c}${code.slice(i + 1)}`
        expect(isCredit(mutated), mutated).toBe(false)
        rejected++
      }
    }
    expect(rejected).toBe(18 * 30)
  })

  it("says what is wrong, in Chinese and English", () => {
    const short = decodeCredit("9137082")
    const badChar = decodeCredit("91370828MA3C4P2I1N")
    const badCheck = decodeCredit("91370828MA3C4P2X1P")
    expect(Either.isLeft(short) && short.left.issues[0]?.zh).toContain("应为18位")
    expect(Either.isLeft(badChar) && badChar.left.issues[0]?.zh).toContain("第16位字符“I”不合法")
    expect(Either.isLeft(badCheck) && badCheck.left.issues[0]?.zh).toContain("第18位应为“N”")
    expect(Either.isLeft(badCheck) && badCheck.left.issues[0]?.en).toContain('should be "N"')
  })
})

describe("IdNumber (GB 11643-1999)", () => {
  it.prop("accepts every generated valid number", [Identity.idNumberArbitrary(fc)], ([id]) => {
    expect(Either.isRight(decodeId(id))).toBe(true)
  })

  it.prop(
    "rejects every single-character substitution",
    [Identity.idNumberArbitrary(fc), fc.integer({ min: 0, max: 17 }), fc.constantFrom(..."0123456789XA ".split(""))],
    ([id, position, char]) => {
      fc.pre(id.charAt(position) !== char)
      const mutated = `${id.slice(0, position)}${char}${id.slice(position + 1)}`
      // A space is removed by normalisation, leaving 17 characters: still rejected.
      expect(Either.isLeft(decodeId(mutated))).toBe(true)
    }
  )

  it("derives birth date, sex and age, and accepts a lower-case x", () => {
    const id = Identity.IdNumber.make("370828200503010025")
    expect(Identity.birthDateOf(id)).toBe("2005-03-01")
    expect(Identity.sexOf(id)).toBe("female")
    expect(Identity.ageOf(id, "2021-02-28" as never)).toBe(15)
    expect(Identity.ageOf(id, "2021-03-01" as never)).toBe(16)
    const withX = `11010519491231002${Identity.idNumberCheck("11010519491231002")}`
    expect(withX.endsWith("X")).toBe(true)
    expect(decodeId(withX.toLowerCase())).toEqual(Either.right(withX))
  })

  it("rejects an impossible embedded birth date even with a correct check digit", () => {
    const first17 = "37082820050230002"
    const id = `${first17}${Identity.idNumberCheck(first17)}`
    const r = decodeId(id)
    expect(Either.isLeft(r) && r.left.issues[0]?.zh).toContain("出生日期")
  })

  it("masks for display", () => {
    expect(Identity.maskIdNumber("110105194912310021")).toBe("110105********0021")
    expect(Identity.maskMobile("13800138000")).toBe("138****8000")
  })
})

describe("other codes", () => {
  it("normalises mobile numbers and rejects bad ones", () => {
    const decode = Validation.decode(Identity.MobileNumber)
    expect(decode("+86 138-0013-8000")).toEqual(Either.right("13800138000"))
    expect(decode("008613800138000")).toEqual(Either.right("13800138000"))
    expect(Either.isLeft(decode("12800138000"))).toBe(true)
    expect(Either.isLeft(decode("1380013800"))).toBe(true)
  })

  it("checks division, school and major codes", () => {
    expect(Schema.is(Identity.ProvinceCode)("37")).toBe(true)
    expect(Schema.is(Identity.ProvinceCode)("38")).toBe(false)
    expect(Schema.is(Identity.CityCode)("3708")).toBe(true)
    expect(Schema.is(Identity.DivisionCode)("370828")).toBe(true)
    expect(Schema.is(Identity.SchoolCode)("3137004512")).toBe(true)
    expect(Schema.is(Identity.SchoolCode)("313700451")).toBe(false)
    expect(Schema.is(Identity.MajorCode)("710201")).toBe(true)
    expect(Schema.is(Identity.MajorCode)("910201")).toBe(false)
    expect(Schema.is(Identity.SecondaryMajorCode)("710201")).toBe(true)
    expect(Schema.is(Identity.SecondaryMajorCode)("510201")).toBe(false)
    expect(Identity.majorLevelOf("510201")).toBe("高职专科")
    expect(Identity.majorLevelOf("310201")).toBe("高职本科")
    const r = Validation.decode(Identity.SecondaryMajorCode)("510201")
    expect(Either.isLeft(r) && r.left.issues[0]?.zh).toContain("不是中职专业代码")
  })
})

describe("against published codes, and what people type", () => {
  it("accepts real unified social credit codes and the standard's own ID example", () => {
    // Public registrations (Huawei, Tencent, Xiaomi, a public institution) — not generated by this code.
    for (const code of ["914403001922038216", "9144030071526726XG", "91110108551385082Q", "91350100M000100Y43", "12100000400000624D"]) {
      expect(Either.isRight(decodeCredit(code)), code).toBe(true)
    }
    expect(Identity.idNumberCheck("11010519491231002")).toBe("X")
  })

  it("diagnoses the normalised value: spaces, lower case and full-width digits are not the problem", () => {
    const spaced = decodeCredit("9137 0828 MA3C 4P2X 1P")
    expect(Either.isLeft(spaced) && spaced.left.issues[0]?.zh).toContain("第18位应为“N”")
    const lower = decodeCredit("91370828ma3c4p2x1p")
    expect(Either.isLeft(lower) && lower.left.issues[0]?.zh).toContain("第18位应为“N”")
    expect(decodeCredit("９１370828MA3C4P2X1N")).toEqual(Either.right("91370828MA3C4P2X1N"))
    const idLower = decodeId("11010519491231003x")
    expect(Either.isLeft(idLower) && idLower.left.issues[0]?.zh).toContain("第18位应为“8”")
    const mobile = Validation.decode(Identity.MobileNumber)("+86 128 0013 8000")
    expect(Either.isLeft(mobile) && mobile.left.issues[0]?.zh).toContain("13–19 开头")
  })

  it("says a birth year before 1900 is the problem, not that the date is unreal", () => {
    const first17 = "44052418800101001"
    const r = decodeId(`${first17}${Identity.idNumberCheck(first17)}`)
    expect(Either.isLeft(r) && r.left.issues[0]?.zh).toContain("早于1900年")
  })
})
