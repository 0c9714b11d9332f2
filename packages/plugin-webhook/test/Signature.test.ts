/**
 * The signature scheme (issue 9): `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, verified by
 * receivers with `Signature.verify`.
 */
import { describe, expect, it } from "@effect/vitest"
import { createHmac } from "node:crypto"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import type { Driver } from "@chanjiao/store"
import { Errors, Signature, Webhook } from "../src/index.js"

const secret = "whsec-test-0123456789abcdef"
const now = 1_767_225_600_000
const t = now / 1000

const entry = (eventId: string): Driver.OutboxEntry => ({
  eventId,
  seq: 1,
  type: "teacher",
  aggregateId: "t-1",
  aggregateVersion: 1,
  event: "teacher.created",
  payload: JSON.stringify({ type: "teacher", id: "t-1", version: 1, event: "teacher.created", data: { name: "李老师" } }),
  at: "2025-03-01T08:00:00.000Z",
  state: "claimed",
  attempts: 1,
  claimedBy: "webhook/x",
  claimedUntil: "2025-03-01T08:05:00.000Z"
})

const reasonOf = (r: Either.Either<Signature.Verified, Errors.InvalidSignature>) => (Either.isLeft(r) ? r.left.reason : "ok")

describe("Signature", () => {
  it("sign is HMAC-SHA256 over `<t>.<body>` in hex, as a receiver in any language recomputes it", () => {
    const body = '{"id":"teacher:t-1:1:0","payload":{"name":"李老师"}}'
    const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")
    expect(Signature.sign(secret, body, t)).toBe(`t=${t},v1=${expected}`)
    // The same bytes given as a Buffer sign the same.
    expect(Signature.sign(secret, Buffer.from(body, "utf8"), t)).toBe(`t=${t},v1=${expected}`)
  })

  it.prop("verify accepts what sign produced, for any body and secret, with headers in any case", [fc.string({ minLength: 1 }), fc.fullUnicodeString(), fc.integer({ min: -300, max: 300 })], ([key, body, skew]) => {
    fc.pre(!body.includes("idempotencyKey"))
    const header = Signature.sign(key, body, t + skew)
    const r = Signature.verify(key, { "Chanjiao-Signature": header }, body, { now })
    // A body that carries no idempotency key yields none.
    expect(r).toEqual(Either.right({ timestamp: t + skew, idempotencyKey: undefined }))
    // A Fetch Headers object works the same.
    expect(Either.isRight(Signature.verify(key, new Headers({ "chanjiao-signature": header }), Buffer.from(body, "utf8"), { now }))).toBe(true)
  })

  it.prop("any change to the body, or another secret, is a mismatch", [fc.fullUnicodeString(), fc.fullUnicodeString(), fc.string({ minLength: 1 })], ([body, other, otherSecret]) => {
    fc.pre(body !== other && otherSecret !== secret)
    const header = { "chanjiao-signature": Signature.sign(secret, body, t) }
    expect(reasonOf(Signature.verify(secret, header, other, { now }))).toBe("mismatch")
    expect(reasonOf(Signature.verify(otherSecret, header, body, { now }))).toBe("mismatch")
  })

  it.prop("a timestamp outside the tolerance is refused even with a good signature (replays)", [fc.integer({ min: 301, max: 10_000_000 }), fc.boolean()], ([off, late]) => {
    const ts = late ? t - off : t + off
    const header = { "chanjiao-signature": Signature.sign(secret, "{}", ts) }
    expect(reasonOf(Signature.verify(secret, header, "{}", { now }))).toBe("stale-timestamp")
    expect(reasonOf(Signature.verify(secret, header, "{}", { now, toleranceSeconds: off }))).toBe("ok")
  })

  it("during a rotation either secret verifies; a v1 per secret may be sent", () => {
    const body = '{"a":1}'
    const signed = Signature.sign("old-secret-0123456789", body, t)
    expect(reasonOf(Signature.verify(["new-secret-0123456789", "old-secret-0123456789"], { "chanjiao-signature": signed }, body, { now }))).toBe("ok")
    const both = `${Signature.sign("new-secret-0123456789", body, t)},v1=${Signature.digest("old-secret-0123456789", body, t)}`
    expect(reasonOf(Signature.verify("old-secret-0123456789", { "chanjiao-signature": both }, body, { now }))).toBe("ok")
  })

  it("missing and malformed headers are typed errors with Chinese and English messages", () => {
    const v1 = "0".repeat(64)
    const cases: ReadonlyArray<readonly [Record<string, string | undefined>, Errors.SignatureProblem]> = [
      [{}, "missing-header"],
      [{ "chanjiao-signature": " " }, "missing-header"],
      [{ "chanjiao-signature": "sha256=abc" }, "malformed-header"],
      [{ "chanjiao-signature": `v1=${v1}` }, "malformed-header"],
      [{ "chanjiao-signature": `t=${t}` }, "malformed-header"],
      [{ "chanjiao-signature": `t=soon,v1=${v1}` }, "malformed-header"],
      [{ "chanjiao-signature": `t=${t},t=${t},v1=${v1}` }, "malformed-header"],
      [{ "chanjiao-signature": `t=${t},v1=xyz` }, "malformed-header"],
      [{ "chanjiao-signature": `t=${t},v1=${v1}` }, "mismatch"]
    ]
    for (const [headers, reason] of cases) {
      const r = Signature.verify(secret, headers, "{}", { now })
      expect([headers, reasonOf(r)]).toEqual([headers, reason])
      if (Either.isLeft(r)) {
        expect(r.left).toBeInstanceOf(Errors.InvalidSignature)
        expect(r.left.messageZh).toMatch(/签名/)
        expect(r.left.messageEn).toMatch(/signature/)
      }
    }
  })

  it.prop(
    "the idempotency key verify returns is the one in the signed body; a replay whose Idempotency-Key header was changed fails (and so cannot escape deduplication)",
    [fc.fullUnicodeString({ minLength: 1 }), fc.stringMatching(/^[A-Za-z0-9._:-]{0,64}$/), fc.string({ minLength: 1 })],
    ([eventId, prefix, other]) => {
      const body = Either.getOrThrow(Webhook.requestBody(entry(eventId), prefix))
      const key = Webhook.idempotencyKey(eventId, prefix)
      fc.pre(other !== key)
      expect(JSON.parse(body)).toMatchObject({ id: eventId, idempotencyKey: key })
      const signature = Signature.sign(secret, body, t)
      // As sent: the header agrees with the body.
      expect(Signature.verify(secret, { "chanjiao-signature": signature, "idempotency-key": key }, body, { now })).toEqual(Either.right({ timestamp: t, idempotencyKey: key }))
      // Without the header the key still comes from the signed body.
      expect(Signature.verify(secret, { "chanjiao-signature": signature }, body, { now })).toEqual(Either.right({ timestamp: t, idempotencyKey: key }))
      // The captured request replayed within the tolerance with a fresh key: refused.
      const replay = Signature.verify(secret, { "chanjiao-signature": signature, "idempotency-key": other }, body, { now: now + 60_000 })
      expect(reasonOf(replay)).toBe("idempotency-key-mismatch")
    }
  )

  it("a key header on a signed body that carries no key is refused; the error is typed, in Chinese and English", () => {
    for (const body of ["{}", '{"id":"teacher:t-1:1:0"}', "not json", '{"idempotencyKey":7}']) {
      const r = Signature.verify(secret, { "chanjiao-signature": Signature.sign(secret, body, t), "idempotency-key": "teacher:t-1:1:0" }, body, { now })
      expect([body, reasonOf(r)]).toEqual([body, "idempotency-key-mismatch"])
      if (Either.isLeft(r)) {
        expect(r.left).toBeInstanceOf(Errors.InvalidSignature)
        expect(r.left.messageZh).toContain("幂等键")
        expect(r.left.messageEn).toContain("Idempotency-Key")
      }
    }
    // A bad signature is reported as such, before any look at the key.
    expect(reasonOf(Signature.verify(secret, { "chanjiao-signature": Signature.sign("another-secret-0123", "{}", t), "idempotency-key": "x" }, "{}", { now }))).toBe("mismatch")
  })

  it.prop("verify never throws, whatever the header", [fc.string(), fc.fullUnicodeString()], ([header, body]) => {
    const r = Signature.verify(secret, { "chanjiao-signature": header }, body, { now })
    expect(Either.isLeft(r) || Either.isRight(r)).toBe(true)
  })
})
