/**
 * The signature scheme (Stripe and GitHub style). Every request carries
 *
 * ```
 * Chanjiao-Signature: t=1767225600,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd
 * ```
 *
 * where `t` is the sending instant in Unix seconds and `v1` is HMAC-SHA256, keyed with the shared secret, over
 * the bytes of `"<t>." + <raw request body>`, in lower-case hex. A receiver recomputes it over the body exactly
 * as received (before any JSON parsing), compares in constant time, and refuses timestamps further than a
 * tolerance (5 minutes by default) from its clock, which stops replays of old requests. During a secret
 * rotation a receiver verifies with both secrets (`verify` takes a list).
 *
 * The `Idempotency-Key` header is not signed; the body carries the same key (`idempotencyKey`), which is. A
 * receiver deduplicates on the key from the body — `verify` returns it, and refuses a request whose header says
 * otherwise — so a request captured and replayed within the tolerance is a duplicate even with a fresh header.
 *
 * @since 0.1.0
 */
import { createHmac, timingSafeEqual } from "node:crypto"
import * as Either from "effect/Either"
import { InvalidSignature } from "./Errors.js"

/**
 * The header names the worker sends (lower case, as Node's `IncomingMessage.headers` has them).
 *
 * @since 0.1.0
 * @category constants
 */
export const headerNames = {
  /** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
  signature: "chanjiao-signature",
  /**
   * The event's idempotency key: the same on every retry and after restarts (see `Webhook.idempotencyKey`). Not
   * signed itself: it repeats the body's signed `idempotencyKey`, and `verify` refuses a header that differs.
   */
  idempotencyKey: "idempotency-key",
  /** The domain event, e.g. `AgreementSigned` or `teacher.created` (percent-encoded outside `[A-Za-z0-9._~:-]`). */
  event: "chanjiao-event",
  /** Which attempt this is, 1 for the first. */
  attempt: "chanjiao-delivery-attempt"
} as const

/**
 * The default tolerance of `verify`: 300 seconds either way.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultToleranceSeconds = 300

const bytes = (body: string | Uint8Array) => (typeof body === "string" ? Buffer.from(body, "utf8") : body)

/**
 * HMAC-SHA256 of `"<timestamp>." + body` under `secret`, in lower-case hex.
 *
 * @since 0.1.0
 * @category signing
 */
export const digest = (secret: string, body: string | Uint8Array, timestamp: number): string =>
  createHmac("sha256", secret).update(`${timestamp}.`, "utf8").update(bytes(body)).digest("hex")

/**
 * The `Chanjiao-Signature` header value for a body sent at `timestamp` (Unix seconds).
 *
 * @since 0.1.0
 * @category signing
 */
export const sign = (secret: string, body: string | Uint8Array, timestamp: number): string => `t=${timestamp},v1=${digest(secret, body, timestamp)}`

/**
 * Request headers as a receiver has them: a Fetch `Headers`, or Node's `IncomingHttpHeaders` (any case of names).
 *
 * @since 0.1.0
 * @category models
 */
export type HeadersLike = { readonly get: (name: string) => string | null } | Readonly<Record<string, string | ReadonlyArray<string> | undefined>>

const header = (headers: HeadersLike, name: string): string | undefined => {
  if (typeof (headers as { get?: unknown }).get === "function") return (headers as { get: (n: string) => string | null }).get(name) ?? undefined
  const record = headers as Readonly<Record<string, string | ReadonlyArray<string> | undefined>>
  for (const key of Object.keys(record)) {
    if (key.toLowerCase() !== name) continue
    const v = record[key]
    return typeof v === "string" ? v : v?.join(",")
  }
  return undefined
}

/**
 * A verified request: when it was signed, and the event's idempotency key (deduplicate on it) as the signed body
 * carries it — `undefined` when the body carries none (not a body of this plugin).
 *
 * @since 0.1.0
 * @category models
 */
export interface Verified {
  readonly timestamp: number
  readonly idempotencyKey: string | undefined
}

/** The `idempotencyKey` string of a JSON object body; `undefined` for anything else. */
const signedKey = (body: string | Uint8Array): string | undefined => {
  let parsed: unknown
  try {
    parsed = JSON.parse(typeof body === "string" ? body : new TextDecoder().decode(body))
  } catch {
    return undefined
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return undefined
  const key = (parsed as { readonly idempotencyKey?: unknown }).idempotencyKey
  return typeof key === "string" ? key : undefined
}

/**
 * Options of {@link verify}.
 *
 * @since 0.1.0
 * @category models
 */
export interface VerifyOptions {
  /** Seconds the signed timestamp may differ from now (default 300). */
  readonly toleranceSeconds?: number
  /** The receiver's "now" in milliseconds (default `Date.now()`). */
  readonly now?: number
}

/**
 * Checks a received webhook: the `Chanjiao-Signature` header against the raw body under the secret (or any of
 * the secrets, during a rotation), the timestamp against the tolerance, and the `Idempotency-Key` header (when
 * present) against the key in the signed body. The key returned is the signed one, so deduplicating on it cannot
 * be dodged by replaying a captured request with another header. Never throws.
 *
 * @example
 * ```ts
 * import { Signature } from "@chanjiao/plugin-webhook"
 *
 * const result = Signature.verify(process.env.WEBHOOK_SECRET!, { "chanjiao-signature": "t=1,v1=00" }, "{}")
 * if (result._tag === "Left") console.log(result.left.messageZh) // answer 401, do not process
 * ```
 *
 * @since 0.1.0
 * @category verifying
 */
export const verify = (
  secret: string | ReadonlyArray<string>,
  headers: HeadersLike,
  body: string | Uint8Array,
  options: VerifyOptions = {}
): Either.Either<Verified, InvalidSignature> => {
  const value = header(headers, headerNames.signature)
  if (value === undefined || value.trim() === "") return Either.left(new InvalidSignature({ reason: "missing-header" }))
  let timestamp: number | undefined
  const signatures: Array<Buffer> = []
  for (const part of value.split(",")) {
    const eq = part.indexOf("=")
    const key = part.slice(0, eq).trim()
    const v = part.slice(eq + 1).trim()
    if (eq < 0) return Either.left(new InvalidSignature({ reason: "malformed-header", detail: "expected key=value pairs" }))
    if (key === "t") {
      if (!/^\d{1,12}$/.test(v) || timestamp !== undefined) return Either.left(new InvalidSignature({ reason: "malformed-header", detail: "t must be one Unix timestamp in seconds" }))
      timestamp = Number(v)
    } else if (key === "v1") {
      if (!/^[0-9a-f]{64}$/i.test(v)) return Either.left(new InvalidSignature({ reason: "malformed-header", detail: "v1 must be 64 hex digits" }))
      signatures.push(Buffer.from(v.toLowerCase(), "hex"))
    }
    // Other schemes (a future v2) are ignored, as Stripe's receivers do.
  }
  if (timestamp === undefined || signatures.length === 0) return Either.left(new InvalidSignature({ reason: "malformed-header", detail: "needs t= and at least one v1=" }))
  const tolerance = options.toleranceSeconds ?? defaultToleranceSeconds
  const now = Math.floor((options.now ?? Date.now()) / 1000)
  if (Math.abs(now - timestamp) > tolerance) {
    return Either.left(new InvalidSignature({ reason: "stale-timestamp", detail: `signed at ${timestamp}, now ${now}, tolerance ${tolerance} s` }))
  }
  const secrets = typeof secret === "string" ? [secret] : secret
  for (const s of secrets) {
    const expected = Buffer.from(digest(s, body, timestamp), "hex")
    // Constant-time comparison: the time taken says nothing about how much of a forged signature was right.
    if (signatures.some((sig) => timingSafeEqual(sig, expected))) {
      // The header is not signed: the key is the body's; a header that says otherwise was changed on the way.
      const idempotencyKey = signedKey(body)
      const claimed = header(headers, headerNames.idempotencyKey)
      if (claimed !== undefined && claimed !== idempotencyKey) {
        return Either.left(
          new InvalidSignature({
            reason: "idempotency-key-mismatch",
            // Not echoed: the header is the sender's (possibly an attacker's) text.
            detail: idempotencyKey === undefined ? "the signed body carries no idempotencyKey" : "the header differs from the signed idempotencyKey"
          })
        )
      }
      return Either.right({ timestamp, idempotencyKey })
    }
  }
  return Either.left(new InvalidSignature({ reason: "mismatch" }))
}
