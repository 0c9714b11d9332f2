/**
 * Dates of law and of effect as ISO `YYYY-MM-DD` strings. They compare correctly as strings, carry no time
 * zone, and all arithmetic here is pure integer arithmetic (no clock, no `Date`).
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { Diagnose, describe } from "./internal/annotations.js"
import * as internal from "./internal/date.js"

const diagnose = (u: unknown) => {
  if (typeof u !== "string") return undefined
  if (!/^\d{4}-\d{2}-\d{2}$/.test(u)) {
    return { zh: `日期“${u}”格式不对，应为 YYYY-MM-DD（如 2024-09-01）`, en: `date "${u}" must be written YYYY-MM-DD (e.g. 2024-09-01)` }
  }
  if (internal.parseCivil(u) === undefined) {
    return { zh: `日期“${u}”不存在`, en: `date "${u}" does not exist` }
  }
  return undefined
}

/**
 * A calendar date written `YYYY-MM-DD` that exists (2024-02-29 does, 2023-02-29 does not).
 *
 * @since 0.1.0
 * @category schemas
 */
export const IsoDate = Schema.String.pipe(
  Schema.filter((s) => internal.parseCivil(s) !== undefined, {
    message: (issue) => {
      const d = diagnose(issue.actual)
      return d ? `${d.zh} / ${d.en}` : "日期无效 / invalid date"
    },
    jsonSchema: { format: "date", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
    arbitrary: () => (fc) =>
      fc.integer({ min: internal.daysFromCivil(1950, 1, 1), max: internal.daysFromCivil(2060, 12, 31) })
        .map((n) => internal.formatCivil(internal.civilFromDays(n))),
    [Diagnose]: diagnose
  }),
  Schema.brand("IsoDate"),
  Schema.annotations(
    describe({
      identifier: "IsoDate",
      zh: "日期",
      en: "date",
      descriptionZh: "公历日期，格式 YYYY-MM-DD",
      descriptionEn: "a calendar date written YYYY-MM-DD",
      examples: ["2021-12-31" as never]
    })
  )
)

/**
 * @since 0.1.0
 * @category models
 */
export type IsoDate = typeof IsoDate.Type

/**
 * Whether a value is an existing date written `YYYY-MM-DD`.
 *
 * @since 0.1.0
 * @category guards
 */
export const isIsoDate: (u: unknown) => u is IsoDate = Schema.is(IsoDate)

/**
 * Makes a date from a literal you know is valid; throws an `Error` otherwise. For data, decode with `IsoDate`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const unsafeMake = (s: string): IsoDate => {
  if (internal.parseCivil(s) === undefined) {
    const d = diagnose(s)
    throw new Error(d ? `${d.zh} / ${d.en}` : `invalid date ${String(s)}`)
  }
  return s as IsoDate
}

/**
 * Makes a date from its parts, or `Left` with a bilingual reason.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromParts = (year: number, month: number, day: number): Either.Either<IsoDate, string> => {
  const s = internal.formatCivil({ y: year, m: month, d: day })
  return internal.parseCivil(s) === undefined || !Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)
    ? Either.left(`日期 ${year}-${month}-${day} 不存在 / date ${year}-${month}-${day} does not exist`)
    : Either.right(s as IsoDate)
}

// A decoded IsoDate is well formed: read its digits directly (bulk checks call these millions of times).
const civilOf = (date: IsoDate): internal.Civil => ({ y: internal.isoYear(date), m: internal.isoMonth(date), d: internal.isoDay(date) })

/**
 * Year, month (1–12) and day of a date.
 *
 * @since 0.1.0
 * @category getters
 */
export const parts = (date: IsoDate): { readonly year: number; readonly month: number; readonly day: number } => {
  const c = civilOf(date)
  return { year: c.y, month: c.m, day: c.d }
}

/**
 * Days since 1970-01-01.
 *
 * @since 0.1.0
 * @category getters
 */
export const toEpochDays = (date: IsoDate): number =>
  // A decoded IsoDate is well formed: read its digits directly (this runs millions of times in bulk checks).
  internal.daysFromCivil(internal.isoYear(date), internal.isoMonth(date), internal.isoDay(date))

/**
 * The date a number of days after 1970-01-01.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromEpochDays = (days: number): IsoDate => {
  const c = Number.isFinite(days) ? internal.civilFromDays(Math.trunc(days)) : undefined
  // Dates are written with 4-digit years: outside 0001–9999 there is no IsoDate to return.
  if (c === undefined || c.y < 1 || c.y > 9999) throw new RangeError(`日期超出 0001–9999 年范围 / date out of range 0001–9999 (${days} days from 1970-01-01)`)
  return internal.formatCivil(c) as IsoDate
}

/**
 * @since 0.1.0
 * @category combinators
 */
export const addDays = (date: IsoDate, days: number): IsoDate => fromEpochDays(toEpochDays(date) + days)

/**
 * Adds calendar months; the day is clamped to the end of a shorter month (2024-01-31 + 1 month = 2024-02-29).
 *
 * @since 0.1.0
 * @category combinators
 */
export const addMonths = (date: IsoDate, months: number): IsoDate => {
  const c = civilOf(date)
  if (!Number.isFinite(months)) throw new RangeError(`月数无效 / invalid number of months: ${months}`)
  const index = c.y * 12 + (c.m - 1) + Math.trunc(months)
  const y = Math.floor(index / 12)
  if (y < 1 || y > 9999) throw new RangeError(`日期超出 0001–9999 年范围 / date out of range 0001–9999`)
  const m = index - y * 12 + 1
  const d = Math.min(c.d, internal.daysInMonth(y, m))
  return internal.formatCivil({ y, m, d }) as IsoDate
}

/**
 * Adds calendar years; 29 February becomes 28 February in a common year.
 *
 * @since 0.1.0
 * @category combinators
 */
export const addYears = (date: IsoDate, years: number): IsoDate => addMonths(date, Math.trunc(years) * 12)

/**
 * Days from `from` to `to` (negative when `to` is earlier).
 *
 * @since 0.1.0
 * @category combinators
 */
export const diffDays = (from: IsoDate, to: IsoDate): number => toEpochDays(to) - toEpochDays(from)

/**
 * -1, 0 or 1, in calendar order.
 *
 * @since 0.1.0
 * @category combinators
 */
export const compare = (a: IsoDate, b: IsoDate): -1 | 0 | 1 => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The earlier of two dates.
 *
 * @since 0.1.0
 * @category combinators
 */
export const min = (a: IsoDate, b: IsoDate): IsoDate => (a <= b ? a : b)

/**
 * The later of two dates.
 *
 * @since 0.1.0
 * @category combinators
 */
export const max = (a: IsoDate, b: IsoDate): IsoDate => (a >= b ? a : b)

/**
 * Completed years of age on `date` of a person born on `birth`; someone born on 29 February turns a year
 * older on 1 March in a common year (the date the day after 28 February).
 *
 * @since 0.1.0
 * @category combinators
 */
export const ageAt = (birth: IsoDate, date: IsoDate): number => {
  // Field by field, no intermediate objects: every internship's age gates ask.
  const bm = internal.isoMonth(birth)
  const dm = internal.isoMonth(date)
  let age = internal.isoYear(date) - internal.isoYear(birth)
  if (dm < bm || (dm === bm && internal.isoDay(date) < internal.isoDay(birth))) age -= 1
  return age
}
