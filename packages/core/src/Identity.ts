/**
 * Identity numbers as Schemas with clear bilingual errors: 统一社会信用代码 (GB 32100-2015), 公民身份号码
 * (GB 11643-1999), mobile numbers, administrative division codes (GB/T 2260), school codes and 2021-catalogue
 * major codes. Decoding normalises what people type (spaces, lower-case `x`) and checks the check character.
 *
 * @since 0.1.0
 */
import type { LazyArbitrary } from "effect/Arbitrary"
import * as Schema from "effect/Schema"
import type { Text } from "./Text.js"
import { Diagnose, describe, TitleEn } from "./internal/annotations.js"
import * as checksum from "./internal/checksum.js"
import * as date from "./internal/date.js"
import type { IsoDate } from "./IsoDate.js"
import * as Iso from "./IsoDate.js"

const joined = (t: Text | undefined, fallback: string) => (t ? `${t.zh} / ${t.en}` : fallback)

/**
 * The input side of an identity number: what a form may send (documented in the JSON Schema), before
 * normalisation.
 */
const input = (zh: string, en: string, description: string, jsonSchema: object) =>
  Schema.String.annotations({ title: zh, description, [TitleEn]: en, jsonSchema })

/** Removes spaces and hyphens people type inside numbers and upper-cases letters. */
const compact = (from: Schema.Schema<string>) =>
  Schema.transform(from, Schema.String, {
  strict: true,
  // NFKC folds full-width characters typed with Chinese input methods (９１３７ → 9137).
  decode: (s) => s.normalize("NFKC").replace(/[\s\u3000-]+/g, "").toUpperCase(),
  encode: (s) => s
  })

interface CheckedMeta {
  readonly zh: string
  readonly en: string
  readonly descriptionZh: string
  readonly descriptionEn: string
  readonly example: string
}

/**
 * A string schema checked by `diagnose` (which says what is wrong, or `undefined`), branded, and annotated for
 * errors, JSON Schema, property tests and documentation.
 */
const checked = <B extends string, I>(
  from: Schema.Schema<string, I, never>,
  brand: B,
  diagnose: (u: unknown) => Text | undefined,
  jsonSchema: object,
  meta: CheckedMeta,
  arbitrary?: LazyArbitrary<string>
) =>
  from.pipe(
    Schema.filter((s) => diagnose(s) === undefined, {
      message: (issue) =>
        joined(
          diagnose(issue._tag === "Refinement" && issue.kind === "Predicate" && issue.issue._tag === "Type" ? issue.issue.actual : issue.actual),
          `${meta.zh}无效 / invalid ${meta.en}`
        ),
      jsonSchema,
      ...(arbitrary === undefined ? {} : { arbitrary: () => arbitrary }),
      [Diagnose]: diagnose
    }),
    Schema.brand(brand),
    Schema.annotations(
      describe({
        identifier: brand,
        zh: meta.zh,
        en: meta.en,
        descriptionZh: meta.descriptionZh,
        descriptionEn: meta.descriptionEn,
        examples: [meta.example]
      })
    )
  )

// ---------------------------------------------------------------------------------------------------------------
// 统一社会信用代码
// ---------------------------------------------------------------------------------------------------------------

const diagnoseCreditCode = (u: unknown): Text | undefined => {
  if (typeof u !== "string") return undefined
  if (u.length !== 18) {
    return { zh: `统一社会信用代码应为18位，实际为${u.length}位`, en: `a unified social credit code has 18 characters, got ${u.length}` }
  }
  for (let i = 0; i < 18; i++) {
    const c = u.charAt(i)
    if (!checksum.CREDIT_CODE_CHARSET.includes(c)) {
      return {
        zh: `第${i + 1}位字符“${c}”不合法（只能是数字和除 I、O、Z、S、V 以外的大写字母）`,
        en: `character ${i + 1} "${c}" is not allowed (digits and capital letters except I, O, Z, S, V)`
      }
    }
  }
  if (!checksum.CREDIT_CODE_AUTHORITIES.includes(u.charAt(0))) {
    return {
      zh: `第1位登记管理部门代码“${u.charAt(0)}”不存在（应为 1–9、A、N、Y）`,
      en: `registration authority code "${u.charAt(0)}" (character 1) does not exist (1–9, A, N or Y)`
    }
  }
  if (!/^\d{6}$/.test(u.slice(2, 8))) {
    return { zh: `第3–8位应为行政区划代码（6位数字），实际为“${u.slice(2, 8)}”`, en: `characters 3–8 must be a 6-digit division code, got "${u.slice(2, 8)}"` }
  }
  const expected = checksum.creditCodeCheckChar(u.slice(0, 17))
  if (expected !== u.charAt(17)) {
    return {
      zh: `校验码不符：第18位应为“${expected}”，实际为“${u.charAt(17)}”，请核对是否抄错`,
      en: `check character mismatch: character 18 should be "${expected}", got "${u.charAt(17)}"; check for a typo`
    }
  }
  return undefined
}

/**
 * Generates valid credit codes for property tests and examples.
 * @since 0.1.0
 * @category arbitraries
 */
export const creditCodeArbitrary = (fc: Parameters<LazyArbitrary<string>>[0]) => {
  const charset = fc.constantFrom(...checksum.CREDIT_CODE_CHARSET.split(""))
  return fc
    .tuple(
      fc.constantFrom(...checksum.CREDIT_CODE_AUTHORITIES.split("")),
      charset,
      fc.stringMatching(/^\d{6}$/),
      fc.array(charset, { minLength: 9, maxLength: 9 })
    )
    .map(([a, t, area, org]) => {
      const first17 = `${a}${t}${area}${org.join("")}`
      return `${first17}${checksum.creditCodeCheckChar(first17)}`
    })
}

/**
 * 统一社会信用代码: 18 characters per GB 32100-2015 — registration authority, organisation type, 6-digit
 * division code, 9-character organisation code, and a MOD 31 check character. Spaces are removed and letters
 * upper-cased before checking.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CreditCode = checked(
  compact(
    input("统一社会信用代码", "unified social credit code", "18位，GB 32100-2015；可含空格，小写字母自动转为大写 — 18 characters; spaces allowed, letters upper-cased", {
      pattern: "^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy \\-]{18,}$"
    })
  ),
  "CreditCode",
  diagnoseCreditCode,
  { pattern: "^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$", minLength: 18, maxLength: 18 },
  {
    zh: "统一社会信用代码",
    en: "unified social credit code",
    descriptionZh: "18位，GB 32100-2015，末位为校验码",
    descriptionEn: "18 characters per GB 32100-2015, the last one a check character",
    example: "91370828MA3C4P2X1N"
  },
  creditCodeArbitrary
)

/**
 * @since 0.1.0
 * @category models
 */
export type CreditCode = typeof CreditCode.Type

/**
 * Whether a string is a valid credit code as it stands (already normalised: 18 upper-case characters).
 *
 * @since 0.1.0
 * @category guards
 */
export const isCreditCode: (u: unknown) => u is CreditCode = Schema.is(CreditCode)

/**
 * The check character (18th) the first 17 characters of a credit code call for.
 *
 * @since 0.1.0
 * @category combinators
 */
export const creditCodeCheck = (first17: string): string | undefined =>
  first17.length === 17 ? checksum.creditCodeCheckChar(first17) : undefined

// ---------------------------------------------------------------------------------------------------------------
// 公民身份号码
// ---------------------------------------------------------------------------------------------------------------

const MIN_BIRTH_YEAR = 1900

const diagnoseIdNumber = (u: unknown): Text | undefined => {
  if (typeof u !== "string") return undefined
  if (u.length !== 18) {
    return { zh: `公民身份号码应为18位，实际为${u.length}位`, en: `a resident ID number has 18 characters, got ${u.length}` }
  }
  if (!/^\d{17}[\dX]$/.test(u)) {
    return { zh: "公民身份号码前17位应为数字，第18位为数字或X", en: "the first 17 characters must be digits and the 18th a digit or X" }
  }
  if (!checksum.PROVINCE_CODES.has(u.slice(0, 2))) {
    return { zh: `前两位“${u.slice(0, 2)}”不是省级行政区划代码`, en: `"${u.slice(0, 2)}" (characters 1–2) is not a province code` }
  }
  const birth = `${u.slice(6, 10)}-${u.slice(10, 12)}-${u.slice(12, 14)}`
  const civil = date.parseCivil(birth)
  if (civil === undefined) {
    return { zh: `第7–14位出生日期“${u.slice(6, 14)}”不是有效日期`, en: `the birth date "${u.slice(6, 14)}" (characters 7–14) is not a real date` }
  }
  if (civil.y < MIN_BIRTH_YEAR) {
    return { zh: `第7–14位出生日期“${u.slice(6, 14)}”早于${MIN_BIRTH_YEAR}年，不予受理`, en: `the birth date "${u.slice(6, 14)}" is before ${MIN_BIRTH_YEAR}: not accepted` }
  }
  const expected = checksum.idNumberCheckChar(u.slice(0, 17))
  if (expected !== u.charAt(17)) {
    return {
      zh: `校验码不符：第18位应为“${expected}”，实际为“${u.charAt(17)}”，请核对是否抄错`,
      en: `check digit mismatch: character 18 should be "${expected}", got "${u.charAt(17)}"; check for a typo`
    }
  }
  return undefined
}

/**
 * Generates valid resident ID numbers for property tests and examples.
 * @since 0.1.0
 * @category arbitraries
 */
export const idNumberArbitrary = (fc: Parameters<LazyArbitrary<string>>[0]) =>
  fc
    .tuple(
      fc.constantFrom(...[...checksum.PROVINCE_CODES]),
      fc.stringMatching(/^\d{4}$/),
      fc.integer({ min: date.daysFromCivil(1950, 1, 1), max: date.daysFromCivil(2020, 12, 31) }),
      fc.stringMatching(/^\d{3}$/)
    )
    .map(([province, rest, days, seq]) => {
      const birth = date.formatCivil(date.civilFromDays(days)).replace(/-/g, "")
      const first17 = `${province}${rest}${birth}${seq}`
      return `${first17}${checksum.idNumberCheckChar(first17)}`
    })

/**
 * 公民身份号码: 18 characters per GB 11643-1999 — 6-digit address code, 8-digit birth date (a real date, from
 * 1900), 3-digit sequence (odd for men, even for women) and a MOD 11-2 check character (`X` for 10). A lower-case
 * `x` and spaces are accepted and normalised.
 *
 * @since 0.1.0
 * @category schemas
 */
export const IdNumber = checked(
  compact(
    input("公民身份号码", "resident ID number", "18位，GB 11643-1999；末位 x 自动转为 X — 18 characters; a final x becomes X", {
      pattern: "^\\d{17}[\\dXx]$"
    })
  ),
  "IdNumber",
  diagnoseIdNumber,
  { pattern: "^\\d{17}[\\dXx]$", minLength: 18, maxLength: 18 },
  {
    zh: "公民身份号码",
    en: "resident ID number",
    descriptionZh: "18位，GB 11643-1999，含出生日期与校验码",
    descriptionEn: "18 characters per GB 11643-1999, with the birth date and a check character",
    example: "370828200503010025"
  },
  idNumberArbitrary
)

/**
 * @since 0.1.0
 * @category models
 */
export type IdNumber = typeof IdNumber.Type

/**
 * Whether a string is a valid resident ID number as it stands (already normalised: upper-case `X`).
 *
 * @since 0.1.0
 * @category guards
 */
export const isIdNumber: (u: unknown) => u is IdNumber = Schema.is(IdNumber)

/**
 * The check character the first 17 digits of an ID number call for.
 *
 * @since 0.1.0
 * @category combinators
 */
export const idNumberCheck = (first17: string): string | undefined =>
  first17.length === 17 ? checksum.idNumberCheckChar(first17) : undefined

/**
 * The birth date embedded in an ID number.
 *
 * @since 0.1.0
 * @category getters
 */
export const birthDateOf = (id: IdNumber): IsoDate => `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` as IsoDate

/**
 * The sex embedded in an ID number (17th digit: odd for male, even for female).
 *
 * @since 0.1.0
 * @category getters
 */
export const sexOf = (id: IdNumber): "male" | "female" => (Number(id.charAt(16)) % 2 === 1 ? "male" : "female")

/**
 * Completed years of age on a date of the holder of an ID number.
 *
 * @since 0.1.0
 * @category getters
 */
export const ageOf = (id: IdNumber, on: IsoDate): number => Iso.ageAt(birthDateOf(id), on)

/**
 * What a person record carries that an ID number also says.
 *
 * @since 0.1.0
 * @category models
 */
export interface PersonIdentity {
  readonly idNumber?: IdNumber | undefined
  readonly birthDate?: IsoDate | undefined
  readonly sex?: "male" | "female" | undefined
}

/**
 * A person's birth date: the one given, else the one in the ID number.
 *
 * @since 0.1.0
 * @category getters
 */
export const personBirthDate = (p: PersonIdentity): IsoDate | undefined =>
  p.birthDate ?? (p.idNumber !== undefined ? birthDateOf(p.idNumber) : undefined)

/**
 * A person's sex: the one given, else the one in the ID number.
 *
 * @since 0.1.0
 * @category getters
 */
export const personSex = (p: PersonIdentity): "male" | "female" | undefined =>
  p.sex ?? (p.idNumber !== undefined ? sexOf(p.idNumber) : undefined)

/**
 * A person's completed years of age on a date, when a birth date is known.
 *
 * @since 0.1.0
 * @category getters
 */
export const personAgeAt = (p: PersonIdentity, on: IsoDate): number | undefined => {
  const b = personBirthDate(p)
  return b === undefined ? undefined : Iso.ageAt(b, on)
}

/**
 * Where a person record contradicts its own ID number (birth date, sex), as a bilingual `zh / en` message
 * for a schema filter; `undefined` when consistent.
 *
 * @since 0.1.0
 * @category combinators
 */
export const personInconsistency = (p: PersonIdentity): string | undefined => {
  if (p.idNumber === undefined) return undefined
  const fromId = birthDateOf(p.idNumber)
  if (p.birthDate !== undefined && p.birthDate !== fromId) {
    return `出生日期 ${p.birthDate} 与身份证号中的 ${fromId} 不一致 / birth date ${p.birthDate} differs from ${fromId} in the ID number`
  }
  if (p.sex !== undefined && sexOf(p.idNumber) !== p.sex) return "性别与身份证号不一致 / sex differs from the ID number"
  return undefined
}

/**
 * Masks an ID number for display and export: the first 6 and last 4 characters stay (`110105********1234`).
 *
 * @since 0.1.0
 * @category combinators
 */
export const maskIdNumber = (id: string): string => (id.length <= 10 ? "*".repeat(id.length) : `${id.slice(0, 6)}${"*".repeat(id.length - 10)}${id.slice(-4)}`)

// ---------------------------------------------------------------------------------------------------------------
// Mobile numbers
// ---------------------------------------------------------------------------------------------------------------

const diagnoseMobile = (u: unknown): Text | undefined => {
  if (typeof u !== "string") return undefined
  if (!/^\d+$/.test(u)) return { zh: `手机号码“${u}”只能包含数字`, en: `mobile number "${u}" may contain digits only` }
  if (u.length !== 11) return { zh: `手机号码应为11位，实际为${u.length}位`, en: `a mobile number has 11 digits, got ${u.length}` }
  if (!/^1[3-9]/.test(u)) return { zh: `手机号码应以 13–19 开头，实际为“${u.slice(0, 2)}”`, en: `a mobile number starts with 13–19, got "${u.slice(0, 2)}"` }
  return undefined
}

/** Strips `+86`/`0086`/`86` and separators from a mobile number. */
const MobileInput = Schema.transform(
  input("手机号码", "mobile number", "11位手机号码，可带 +86 和空格 — 11 digits, +86 and spaces allowed", { pattern: "^(\\+?(00)?86)?[ \\-]?1[3-9][0-9 \\-]{9,}$" }),
  Schema.String,
  {
  strict: true,
  decode: (s) => {
    const digits = s.normalize("NFKC").replace(/[\s\u3000()（）-]+/g, "")
    const noPlus = digits.startsWith("+") ? digits.slice(1) : digits
    if (noPlus.startsWith("0086") && noPlus.length === 15) return noPlus.slice(4)
    if (noPlus.startsWith("86") && noPlus.length === 13) return noPlus.slice(2)
    return noPlus
  },
  encode: (s) => s
})

/**
 * A mainland Chinese mobile number: 11 digits starting 13–19. `+86`, spaces and hyphens are removed.
 *
 * @since 0.1.0
 * @category schemas
 */
export const MobileNumber = checked(
  MobileInput,
  "MobileNumber",
  diagnoseMobile,
  { pattern: "^1[3-9]\\d{9}$" },
  {
    zh: "手机号码",
    en: "mobile number",
    descriptionZh: "11位中国大陆手机号码",
    descriptionEn: "an 11-digit mainland Chinese mobile number",
    example: "13800138000"
  },
  (fc) => fc.stringMatching(/^1[3-9]\d{9}$/)
)

/**
 * @since 0.1.0
 * @category models
 */
export type MobileNumber = typeof MobileNumber.Type

/**
 * Masks a mobile number for display and export: `138****8000`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const maskMobile = (m: string): string => (m.length === 11 ? `${m.slice(0, 3)}****${m.slice(7)}` : "*".repeat(m.length))

// ---------------------------------------------------------------------------------------------------------------
// Codes
// ---------------------------------------------------------------------------------------------------------------

const code = <B extends string>(brand: B, pattern: RegExp, check: (s: string) => Text | undefined, meta: CheckedMeta) =>
  checked(Schema.String, brand, (u) => (typeof u === "string" ? check(u) : undefined), { pattern: pattern.source }, meta)


const provinceCheck = (s: string): Text | undefined =>
  !/^\d{2}$/.test(s)
    ? { zh: `省级代码应为2位数字，实际为“${s}”`, en: `a province code has 2 digits, got "${s}"` }
    : !checksum.PROVINCE_CODES.has(s)
      ? { zh: `“${s}”不是省级行政区划代码`, en: `"${s}" is not a province code (GB/T 2260)` }
      : undefined

/**
 * A province-level division code: the first 2 digits of GB/T 2260 (`37` 山东).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ProvinceCode = code("ProvinceCode", /^\d{2}$/, provinceCheck, {
  zh: "省级行政区划代码",
  en: "province code",
  descriptionZh: "GB/T 2260 前两位，如 37（山东省）",
  descriptionEn: "the first 2 digits of GB/T 2260, e.g. 37 (Shandong)",
  example: "37"
})

/**
 * @since 0.1.0
 * @category models
 */
export type ProvinceCode = typeof ProvinceCode.Type

/**
 * A prefecture-level division code: the first 4 digits of GB/T 2260 (`3708` 济宁市).
 *
 * @since 0.1.0
 * @category schemas
 */
export const CityCode = code(
  "CityCode",
  /^\d{4}$/,
  (s) =>
    !/^\d{4}$/.test(s)
      ? { zh: `市级代码应为4位数字，实际为“${s}”`, en: `a city code has 4 digits, got "${s}"` }
      : provinceCheck(s.slice(0, 2)),
  {
    zh: "市级行政区划代码",
    en: "city code",
    descriptionZh: "GB/T 2260 前四位，如 3708（济宁市）",
    descriptionEn: "the first 4 digits of GB/T 2260, e.g. 3708 (Jining)",
    example: "3708"
  }
)

/**
 * @since 0.1.0
 * @category models
 */
export type CityCode = typeof CityCode.Type

/**
 * A county-level division code: 6 digits of GB/T 2260 (`370828` 金乡县).
 *
 * @since 0.1.0
 * @category schemas
 */
export const DivisionCode = code(
  "DivisionCode",
  /^\d{6}$/,
  (s) =>
    !/^\d{6}$/.test(s)
      ? { zh: `行政区划代码应为6位数字，实际为“${s}”`, en: `a division code has 6 digits, got "${s}"` }
      : provinceCheck(s.slice(0, 2)),
  {
    zh: "行政区划代码",
    en: "division code",
    descriptionZh: "GB/T 2260 六位代码，如 370828（金乡县）",
    descriptionEn: "6-digit GB/T 2260 code, e.g. 370828 (Jinxiang county)",
    example: "370828"
  }
)

/**
 * @since 0.1.0
 * @category models
 */
export type DivisionCode = typeof DivisionCode.Type

/**
 * 学校标识码: the 10-digit code the Ministry of Education assigns to every school.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SchoolCode = code(
  "SchoolCode",
  /^\d{10}$/,
  (s) => (/^\d{10}$/.test(s) ? undefined : { zh: `学校标识码应为10位数字，实际为“${s}”`, en: `a school code has 10 digits, got "${s}"` }),
  {
    zh: "学校标识码",
    en: "school code",
    descriptionZh: "教育部编制的10位学校标识码",
    descriptionEn: "the 10-digit school code issued by the Ministry of Education",
    example: "3137004512"
  }
)

/**
 * @since 0.1.0
 * @category models
 */
export type SchoolCode = typeof SchoolCode.Type

/**
 * The level of a 2021 catalogue major code, from its first two digits (专业大类): 21–39 高职本科,
 * 41–59 高职专科, 61–79 中职 (《职业教育专业目录（2021年）》).
 *
 * @since 0.1.0
 * @category models
 */
export type MajorLevel = "中职" | "高职专科" | "高职本科"

/**
 * The level a major code belongs to, or `undefined` if its 专业大类 is outside the 2021 catalogue ranges.
 *
 * @since 0.1.0
 * @category getters
 */
export const majorLevelOf = (code: string): MajorLevel | undefined => {
  const cat = Number(code.slice(0, 2))
  if (cat >= 61 && cat <= 79) return "中职"
  if (cat >= 41 && cat <= 59) return "高职专科"
  if (cat >= 21 && cat <= 39) return "高职本科"
  return undefined
}

const majorCheck = (s: string): Text | undefined =>
  !/^\d{6}$/.test(s)
    ? { zh: `专业代码应为6位数字，实际为“${s}”`, en: `a major code has 6 digits, got "${s}"` }
    : majorLevelOf(s) === undefined
      ? { zh: `专业代码“${s}”的专业大类“${s.slice(0, 2)}”不在2021年专业目录中`, en: `major code "${s}": category "${s.slice(0, 2)}" is not in the 2021 catalogue` }
      : undefined

/**
 * A major code of 《职业教育专业目录（2021年）》: 6 digits — 专业大类 (2), 专业类 (2), 专业 (2).
 *
 * @since 0.1.0
 * @category schemas
 */
export const MajorCode = code("MajorCode", /^\d{6}$/, majorCheck, {
  zh: "专业代码",
  en: "major code",
  descriptionZh: "2021年职业教育专业目录的6位专业代码",
  descriptionEn: "6-digit major code of the 2021 vocational education catalogue",
  example: "710201"
})

/**
 * @since 0.1.0
 * @category models
 */
export type MajorCode = typeof MajorCode.Type

/**
 * A 中职 major code of the 2021 catalogue: 6 digits with 专业大类 61–79 (e.g. `710201` 计算机应用).
 *
 * @since 0.1.0
 * @category schemas
 */
export const SecondaryMajorCode = code(
  "SecondaryMajorCode",
  /^(6[1-9]|7\d)\d{4}$/,
  (s) =>
    majorCheck(s) ??
    (majorLevelOf(s) === "中职"
      ? undefined
      : { zh: `“${s}”是${majorLevelOf(s)}专业代码，不是中职专业代码（61–79开头）`, en: `"${s}" is a ${majorLevelOf(s)} code, not a 中职 code (61–79)` }),
  {
    zh: "中职专业代码",
    en: "secondary vocational major code",
    descriptionZh: "2021年目录中职专业代码，61–79开头的6位数字",
    descriptionEn: "6-digit 中职 major code of the 2021 catalogue, starting 61–79",
    example: "710201"
  }
)

/**
 * @since 0.1.0
 * @category models
 */
export type SecondaryMajorCode = typeof SecondaryMajorCode.Type

/**
 * The 专业大类 (first two digits) of a major code.
 *
 * @since 0.1.0
 * @category getters
 */
export const majorCategoryOf = (code: MajorCode | SecondaryMajorCode): string => code.slice(0, 2)
