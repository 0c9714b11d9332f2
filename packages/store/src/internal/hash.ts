/**
 * SHA-256 of a string's UTF-8 bytes, in plain TypeScript (synchronous, the same in Node and browsers), and a
 * canonical JSON (object keys sorted) so equal aggregates hash equally whatever their key order.
 */
const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
  0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
  0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
  0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
])

// UTF-8 by hand: no platform API (TextEncoder is not in the ES library types the core targets). Straight into a
// byte array sized for the worst case (3 bytes per UTF-16 unit), a lone surrogate encoded as its own code point.
const utf8 = (text: string): Uint8Array => {
  const out = new Uint8Array(text.length * 3)
  let n = 0
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i)
    if (c < 0x80) {
      out[n++] = c
      continue
    }
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1)
      if (d >= 0xdc00 && d < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00)
        i++
        out[n++] = 0xf0 | (c >> 18)
        out[n++] = 0x80 | ((c >> 12) & 63)
        out[n++] = 0x80 | ((c >> 6) & 63)
        out[n++] = 0x80 | (c & 63)
        continue
      }
    }
    if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6)
      out[n++] = 0x80 | (c & 63)
    } else {
      out[n++] = 0xe0 | (c >> 12)
      out[n++] = 0x80 | ((c >> 6) & 63)
      out[n++] = 0x80 | (c & 63)
    }
  }
  return out.subarray(0, n)
}

/** SHA-256 in plain TypeScript. */
export const plain = (text: string): string => {
  const bytes = utf8(text)
  const bitLength = bytes.length * 8
  const padded = new Uint8Array(((bytes.length + 9 + 63) >> 6) << 6)
  padded.set(bytes)
  padded[bytes.length] = 0x80
  const view = new DataView(padded.buffer)
  // The length in bits as a 64-bit big-endian integer (high word first).
  view.setUint32(padded.length - 8, Math.floor(bitLength / 0x100000000))
  view.setUint32(padded.length - 4, bitLength >>> 0)
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19])
  const w = new Uint32Array(64)
  for (let off = 0; off < padded.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4)
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!
      const b = w[i - 2]!
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3)
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10)
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0
    }
    let a = h[0]!, b = h[1]!, c = h[2]!, d = h[3]!, e = h[4]!, f = h[5]!, g = h[6]!, k = h[7]!
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))
      const ch = (e & f) ^ (~e & g)
      const t1 = (k + S1 + ch + K[i]! + w[i]!) >>> 0
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))
      const maj = (a & b) ^ (a & c) ^ (b & c)
      const t2 = (S0 + maj) >>> 0
      k = g
      g = f
      f = e
      e = (d + t1) >>> 0
      d = c
      c = b
      b = a
      a = (t1 + t2) >>> 0
    }
    h[0] = (h[0]! + a) >>> 0
    h[1] = (h[1]! + b) >>> 0
    h[2] = (h[2]! + c) >>> 0
    h[3] = (h[3]! + d) >>> 0
    h[4] = (h[4]! + e) >>> 0
    h[5] = (h[5]! + f) >>> 0
    h[6] = (h[6]! + g) >>> 0
    h[7] = (h[7]! + k) >>> 0
  }
  let out = ""
  for (let i = 0; i < 8; i++) out += h[i]!.toString(16).padStart(8, "0")
  return out
}

/** The platform's SHA-256 where there is one that answers synchronously (Node's `crypto`), else `undefined`. */
const native: ((text: string) => string) | undefined = (() => {
  try {
    const proc = (globalThis as { readonly process?: { readonly getBuiltinModule?: (id: string) => unknown } }).process
    const crypto = proc?.getBuiltinModule?.("node:crypto") as
      | {
          readonly createHash: (algorithm: string) => { update: (data: string, encoding: string) => { digest: (encoding: string) => string } }
          // One call, no Hash object (Node 20.12 and later): about twice as fast for short text.
          readonly hash?: (algorithm: string, data: string, encoding: string) => string
        }
      | undefined
    if (crypto === undefined || typeof crypto.createHash !== "function") return undefined
    const oneShot = crypto.hash
    const hash = typeof oneShot === "function" ? (text: string) => oneShot("sha256", text, "hex") : (text: string) => crypto.createHash("sha256").update(text, "utf8").digest("hex")
    // Checked against the plain implementation before it is trusted.
    return hash("abc\u00e9\u4e2d\ud83d\ude00") === plain("abc\u00e9\u4e2d\ud83d\ude00") ? hash : undefined
  } catch {
    return undefined
  }
})()

// Node hashes a lone surrogate as U+FFFD, the plain implementation as the code unit itself: only well-formed text
// goes to Node (canonical JSON always is — JSON.stringify escapes lone surrogates).
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
const wellFormed = (text: string): boolean => {
  const native = (text as { readonly isWellFormed?: () => boolean }).isWellFormed
  return typeof native === "function" ? native.call(text) : !loneSurrogate.test(text)
}

/** SHA-256 (hex) of a string's UTF-8 bytes. */
export const sha256 = (text: string): string => (native !== undefined && wellFormed(text) ? native(text) : plain(text))

/**
 * {@link sha256} of text {@link canonicalJson} wrote, which is always well-formed (JSON text escapes lone
 * surrogates): no need to look for them.
 */
export const sha256OfJson = (json: string): string => (native !== undefined ? native(json) : plain(json))

/** JSON with object keys sorted at every level (arrays keep their order): the definition. */
export const canonicalJsonReference = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v
    // No prototype: a "__proto__" key (JSON.parse makes it an own key) stays a key instead of setting one.
    const sorted: Record<string, unknown> = Object.create(null)
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k]
    return sorted
  })

class NotPlain {}
const notPlain = new NotPlain()
const arrayIndex = /^(?:0|[1-9][0-9]*)$/

/** An object's keys in the order the definition writes them, each with its JSON text. */
interface Layout {
  readonly keys: ReadonlyArray<string>
  readonly ordered: ReadonlyArray<string>
  readonly quoted: ReadonlyArray<string>
}

// Objects of one kind (a struct's decoded values) list the same keys in the same order: their layout is worked
// out once. Found by the first key, then compared key by key (cheap: equal keys are mostly the same string).
// Bounded: a flood of distinct key sets (JSON extension fields) starts the cache afresh.
const layouts = new Map<string, Array<Layout>>()
let layoutCount = 0
const maxLayouts = 4096

const sameKeys = (a: ReadonlyArray<string>, b: ReadonlyArray<string>): boolean => {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

const layoutOf = (keys: ReadonlyArray<string>): Layout => {
  const first = keys[0]!
  let bucket = layouts.get(first)
  if (bucket !== undefined) for (let i = 0; i < bucket.length; i++) if (sameKeys(bucket[i]!.keys, keys)) return bucket[i]!
  // The order the definition's rebuilt object has: array-index keys ascending (as `Object.keys` lists them
  // first), then the other keys sorted.
  let indices = 0
  while (indices < keys.length && arrayIndex.test(keys[indices]!) && Number(keys[indices]) < 4294967295) indices++
  const ordered = indices === 0 ? [...keys].sort() : keys.slice(0, indices).concat(keys.slice(indices).sort())
  const layout: Layout = { keys: [...keys], ordered, quoted: ordered.map((k) => JSON.stringify(k)) }
  if (layoutCount >= maxLayouts) {
    layouts.clear()
    layoutCount = 0
    bucket = undefined
  }
  if (bucket === undefined) layouts.set(first, (bucket = []))
  bucket.push(layout)
  layoutCount++
  return layout
}

/**
 * The JSON text of plain data (what a Schema encodes to: null, booleans, numbers, strings, arrays, plain objects)
 * written directly, `undefined` where `JSON.stringify` leaves a value out. Throws `notPlain` on anything else.
 */
const write = (v: unknown, inArray: boolean): string | undefined => {
  switch (typeof v) {
    case "string":
      return JSON.stringify(v)
    case "number":
      // For a finite number JSON's text is the number's string.
      return Number.isFinite(v) ? String(v) : "null"
    case "boolean":
      return v ? "true" : "false"
    case "undefined":
    case "function":
    case "symbol":
      return inArray ? "null" : undefined
    case "object": {
      if (v === null) return "null"
      if (Array.isArray(v)) {
        if (Object.getPrototypeOf(v) !== Array.prototype) throw notPlain
        let out = "["
        for (let i = 0; i < v.length; i++) out += (i === 0 ? "" : ",") + write(v[i], true)
        return out + "]"
      }
      const proto: unknown = Object.getPrototypeOf(v)
      if ((proto !== Object.prototype && proto !== null) || typeof (v as { toJSON?: unknown }).toJSON === "function") throw notPlain
      const keys = Object.keys(v)
      if (keys.length === 0) return "{}"
      const { ordered, quoted } = layoutOf(keys)
      let out = "{"
      let first = true
      for (let i = 0; i < ordered.length; i++) {
        const s = write((v as Record<string, unknown>)[ordered[i]!], false)
        if (s === undefined) continue
        out += (first ? "" : ",") + quoted[i]! + ":" + s
        first = false
      }
      return out + "}"
    }
    default:
      throw notPlain
  }
}

/** {@link canonicalJsonReference}, written directly for plain data (the same text, without rebuilding objects). */
export const canonicalJson = (value: unknown): string => {
  try {
    const out = write(value, false)
    if (out !== undefined) return out
  } catch (e) {
    if (!(e instanceof NotPlain)) throw e
  }
  return canonicalJsonReference(value)
}
