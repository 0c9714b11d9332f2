/**
 * Dates between spreadsheets and `YYYY-MM-DD`.
 * @internal
 */

const pad = (n: number, w = 2) => String(n).padStart(w, "0")

/** `YYYY-MM-DD` of a `Date`, read in UTC (a date has no time zone; exceljs reads and writes dates as UTC). */
export const isoDate = (d: Date): string => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`

const valid = (y: number, m: number, d: number): string | undefined => {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? `${pad(y, 4)}-${pad(m)}-${pad(d)}` : undefined
}

/**
 * An Excel serial day number (1900 date system, as Excel and WPS count: day 60 is the fictitious 1900-02-29)
 * as `YYYY-MM-DD`. The fraction (time of day) is dropped.
 */
export const fromSerial = (serial: number): string | undefined => {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return undefined
  const day = Math.floor(serial)
  // Serial 1 is 1900-01-01; from 61 on, the phantom 1900-02-29 shifts everything by a day.
  const epoch = Date.UTC(1899, 11, day >= 61 ? 30 : 31)
  return isoDate(new Date(epoch + day * 86_400_000))
}

/**
 * Dates as people type them: `2024-09-01`, `2024/9/1`, `2024.9.1`, `2024年9月1日`, `20240901`. Anything else is
 * left for the Schema to reject with its own message.
 */
export const parseDateText = (s: string): string | undefined => {
  const t = s.trim()
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t)
  if (m !== null) return valid(Number(m[1]), Number(m[2]), Number(m[3]))
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t)
  if (m !== null) return valid(Number(m[1]), Number(m[2]), Number(m[3]))
  return undefined
}
