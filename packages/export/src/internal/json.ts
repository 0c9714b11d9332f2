/**
 * JSON with a stable key order: the same value always gives the same text, whatever order its properties were
 * built in.
 * @internal
 */
import * as DateTime from "effect/DateTime"

/** Sets an own property, `__proto__` included (a plain assignment would set the prototype instead). */
export const put = (o: Record<string, unknown>, k: string, v: unknown): void => {
  if (k === "__proto__") Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true })
  else o[k] = v
}

/**
 * A JSON-ready copy of a value: object keys sorted, dates as ISO strings, `bigint` as decimal strings, maps as
 * objects, sets as arrays, `undefined` / functions / symbols left out (`null` inside arrays, as JSON does), and
 * non-finite numbers as `null`. Objects with `toJSON` (Effect data types, errors) are read through it.
 */
export const normalise = (value: unknown): unknown => walk(value, new Set())

const walk = (v: unknown, path: Set<object>): unknown => {
  switch (typeof v) {
    case "string":
    case "boolean":
      return v
    case "number":
      return Number.isFinite(v) ? (Object.is(v, -0) ? 0 : v) : null
    case "bigint":
      return v.toString()
    case "undefined":
    case "function":
    case "symbol":
      return undefined
  }
  if (v === null) return null
  const o = v as object
  if (o instanceof Date) return Number.isNaN(o.getTime()) ? null : o.toISOString()
  if (DateTime.isDateTime(o)) return DateTime.formatIso(o)
  if (path.has(o)) throw new TypeError("cannot export a cyclic value as JSON")
  path.add(o)
  try {
    if (ArrayBuffer.isView(o) && !(o instanceof DataView)) return Array.from(o as unknown as ArrayLike<number>)
    if (Array.isArray(o)) return o.map((x) => walk(x, path) ?? null)
    if (o instanceof Map) {
      const out: Record<string, unknown> = {}
      const entries = [...o.entries()].map(([k, x]) => [String(k), x] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      for (const [k, x] of entries) {
        const y = walk(x, path)
        if (y !== undefined) put(out, k, y)
      }
      return out
    }
    if (o instanceof Set) return [...o].map((x) => walk(x, path) ?? null)
    const toJSON = (o as { toJSON?: unknown }).toJSON
    if (typeof toJSON === "function") {
      const j: unknown = toJSON.call(o)
      if (j !== o) return walk(j, path)
    }
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(o).sort()) {
      const x = walk((o as Record<string, unknown>)[k], path)
      if (x !== undefined) put(out, k, x)
    }
    return out
  } finally {
    path.delete(o)
  }
}

/** Stable JSON text. */
export const stringify = (value: unknown, space?: number): string => JSON.stringify(normalise(value) ?? null, null, space)
