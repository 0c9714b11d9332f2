/**
 * Civil-calendar arithmetic on ISO `YYYY-MM-DD` strings with plain integers (proleptic Gregorian).
 * No `Date` object and no clock: the same input gives the same output in every runtime and time zone.
 * Algorithms after Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms".
 * @internal
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

export const daysInMonth = (y: number, m: number): number =>
  m === 2 ? (isLeapYear(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31

export interface Civil {
  readonly y: number
  readonly m: number
  readonly d: number
}

/** Parses `YYYY-MM-DD`; `undefined` when the shape is wrong or the day does not exist (2023-02-29). */
export const parseCivil = (s: string): Civil | undefined => {
  // What ISO_DATE matches, read character by character (dates are checked on every decode: no regex, no match
  // array). `checkedDigit` is the value of an ASCII digit, NaN otherwise, so any other character fails the bounds.
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined
  const y = checkedDigit(s, 0) * 1000 + checkedDigit(s, 1) * 100 + checkedDigit(s, 2) * 10 + checkedDigit(s, 3)
  const m = checkedDigit(s, 5) * 10 + checkedDigit(s, 6)
  const d = checkedDigit(s, 8) * 10 + checkedDigit(s, 9)
  if (!(y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m))) return undefined
  return { y, m, d }
}

const checkedDigit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48
  return c >= 0 && c <= 9 ? c : NaN
}

/** The definition {@link parseCivil} follows, kept for the tests that compare the two. */
export const parseCivilReference = (s: string): Civil | undefined => {
  const match = ISO_DATE.exec(s)
  if (match === null) return undefined
  const y = Number(match[1])
  const m = Number(match[2])
  const d = Number(match[3])
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined
  return { y, m, d }
}

/** Days since 1970-01-01 of a civil date. */
export const daysFromCivil = (y0: number, m: number, d: number): number => {
  const y = m <= 2 ? y0 - 1 : y0
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = (m + 9) % 12
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** The civil date of a count of days since 1970-01-01. */
export const civilFromDays = (z0: number): Civil => {
  const z = z0 + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d }
}

// Fields of a well-formed `YYYY-MM-DD` read digit by digit, without validation: for decoded dates, in code that
// runs for every record of a bulk check.
const digit = (s: string, i: number): number => s.charCodeAt(i) - 48
export const isoYear = (s: string): number => digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3)
export const isoMonth = (s: string): number => digit(s, 5) * 10 + digit(s, 6)
export const isoDay = (s: string): number => digit(s, 8) * 10 + digit(s, 9)

/**
 * Days since 1970-01-01 of a well-formed `YYYY-MM-DD` plus whole calendar months, the day clamped to the end of
 * a shorter month: what `toEpochDays(addMonths(date, months))` gives, without formatting a date. `undefined`
 * where `addMonths` refuses (a year outside 0001–9999, a number of months that is not finite).
 */
export const addMonthsToDays = (s: string, months: number): number | undefined => {
  if (!Number.isFinite(months)) return undefined
  const index = isoYear(s) * 12 + (isoMonth(s) - 1) + Math.trunc(months)
  const y = Math.floor(index / 12)
  if (!(y >= 1 && y <= 9999)) return undefined
  const m = index - y * 12 + 1
  return daysFromCivil(y, m, Math.min(isoDay(s), daysInMonth(y, m)))
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0")

export const formatCivil = ({ d, m, y }: Civil): string => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`
