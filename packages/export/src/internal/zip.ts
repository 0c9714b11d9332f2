/**
 * Deterministic ZIP containers. An XLSX is a ZIP; exceljs stamps every entry with the time it was written, so two
 * exports of the same data differ. These helpers pin every entry's modification time.
 * @internal
 */

/** 1980-01-01 00:00:00, the first instant a ZIP (MS-DOS) timestamp can hold. */
export const DOS_EPOCH_DATE = (0 << 9) | (1 << 5) | 1
export const DOS_EPOCH_TIME = 0

/** The MS-DOS date and time words of a `Date`, read in UTC (so the bytes do not depend on the machine's zone). */
export const dosOf = (d: Date): { readonly date: number; readonly time: number } => {
  const y = d.getUTCFullYear()
  if (y < 1980) return { date: DOS_EPOCH_DATE, time: DOS_EPOCH_TIME }
  return {
    date: ((Math.min(y, 2107) - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1)
  }
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

/**
 * Rewrites the modification date and time of every entry of a ZIP, in the central directory and in each local
 * header. Only those 4 bytes per header change: CRCs cover the data, not the headers, so the archive stays valid.
 * Returns `false` (and changes nothing) when the bytes are not a ZIP it can read.
 */
export const pinTimestamps = (zip: Uint8Array, when: Date): boolean => {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  // The end-of-central-directory record is within the last 22 + 65535 bytes (its comment is at most 65535).
  let eocd = -1
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return false
  const count = view.getUint16(eocd + 10, true)
  let at = view.getUint32(eocd + 16, true)
  const { date, time } = dosOf(when)
  const patches: Array<number> = []
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== CENTRAL) return false
    const local = view.getUint32(at + 42, true)
    if (local + 30 > zip.length || view.getUint32(local, true) !== LOCAL) return false
    patches.push(at + 12, local + 10)
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
  }
  for (const p of patches) {
    view.setUint16(p, time, true)
    view.setUint16(p + 2, date, true)
  }
  return true
}
