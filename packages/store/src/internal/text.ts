/**
 * Text and numbers as every adapter treats them alike.
 *
 * @internal
 */

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * Text every database keeps exactly: no NUL (PostgreSQL refuses it in text, and the statement's error aborts the
 * transaction) and no lone surrogate (PostgreSQL and MySQL store U+FFFD instead, so two different ids would
 * collide). Stored JSON escapes both, so only what goes into columns of its own is checked.
 *
 * @internal
 */
export const storable = (s: string): boolean => !suspicious.test(s) || (!s.includes("\u0000") && !loneSurrogate.test(s))

// One scan for the common case (no NUL, no surrogate at all): ids are checked once per record of a bulk load.
const suspicious = /[\u0000\uD800-\uDFFF]/

/** Where `s` cannot be stored, in both languages (for an error's detail). */
export const unstorableDetail = (field: string, s: string): string =>
  `${field} 含有数据库无法原样保存的字符（NUL 或不成对的代理项），位置 ${firstBad(s)} / ${field} contains a character no database keeps as it is (NUL or a lone surrogate) at position ${firstBad(s)}`

const firstBad = (s: string): number => {
  const nul = s.indexOf("\u0000")
  const m = loneSurrogate.exec(s)
  return nul < 0 ? (m?.index ?? -1) : m === null ? nul : Math.min(nul, m.index)
}

const unit = (c: number) => (c >= 0xd800 ? (c <= 0xdfff ? c + 0x2000 : c - 0x800) : c)

/**
 * Orders strings by Unicode code point, as the SQL adapters do (SQLite's BINARY and PostgreSQL's "C" compare
 * UTF-8 bytes; MySQL's `_bin` collations code points) — not by UTF-16 code unit, as `<` does, which puts
 * U+1F600 before U+FF01.
 *
 * @internal
 */
export const compareCodePoints = (a: string, b: string): number => {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x !== y) return unit(x) - unit(y)
  }
  return a.length - b.length
}

/**
 * A caller's limit as every adapter reads it: absent, `Infinity` or beyond 2^53 — no limit; otherwise the whole
 * number below it, at least 0 (`NaN` is 0).
 *
 * @internal
 */
export const normalLimit = (limit: number | undefined): number | undefined =>
  limit === undefined || limit > Number.MAX_SAFE_INTEGER ? undefined : Number.isNaN(limit) ? 0 : Math.max(0, Math.floor(limit))

/** The first `limit` items (see {@link normalLimit}). */
export const take = <A>(items: ReadonlyArray<A>, limit: number | undefined): ReadonlyArray<A> => {
  const n = normalLimit(limit)
  return n === undefined ? items : items.slice(0, n)
}
