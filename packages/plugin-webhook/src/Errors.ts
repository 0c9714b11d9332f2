/**
 * The webhook plugin's errors, each with a Chinese and an English message. Configuration that does not decode
 * is reported with `InvalidInput` of `@chanjiao/core` (every problem listed, nothing started).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

const bilingual = (zh: string, en: string) => `${zh}\n${en}`

/**
 * Why a delivery attempt failed.
 *
 * - `timeout`: no response within `timeoutMillis` (the request was aborted; the receiver may still have got it).
 * - `network`: the connection failed (refused, reset, DNS, TLS).
 * - `status`: the endpoint answered with a status other than 2xx (redirects are not followed).
 * - `payload`: the stored event is not JSON; it cannot be sent and goes to dead-letter at once.
 *
 * @since 0.1.0
 * @category models
 */
export const DeliveryFailure = Schema.Literal("timeout", "network", "status", "payload")

/**
 * @since 0.1.0
 * @category models
 */
export type DeliveryFailure = typeof DeliveryFailure.Type

const failureZh: Record<DeliveryFailure, string> = {
  timeout: "接收方在限定时间内未响应",
  network: "网络连接失败",
  status: "接收方返回了非 2xx 状态码",
  payload: "事件内容不是合法的 JSON，无法发送"
}

/**
 * One failed attempt to deliver one event. The worker retries it (backoff with full jitter) until
 * `maxAttempts`, then moves the event to dead-letter.
 *
 * @since 0.1.0
 * @category errors
 */
export class DeliveryFailed extends Schema.TaggedError<DeliveryFailed>("@chanjiao/plugin-webhook/DeliveryFailed")("DeliveryFailed", {
  eventId: Schema.String,
  /** The attempt number (1 for the first). */
  attempt: Schema.Number,
  reason: DeliveryFailure,
  /** The HTTP status, for reason `status`. */
  status: Schema.optional(Schema.Number),
  /** The endpoint's `Retry-After`, in milliseconds, when it sent one (honoured up to the backoff cap). */
  retryAfterMillis: Schema.optional(Schema.Number),
  detail: Schema.optional(Schema.String)
}) {
  /** One sentence in Chinese. */
  get messageZh(): string {
    const status = this.status === undefined ? "" : `（HTTP ${this.status}）`
    return `事件 ${this.eventId} 第 ${this.attempt} 次投递失败：${failureZh[this.reason]}${status}${this.detail === undefined ? "" : `：${this.detail}`}`
  }
  /** One sentence in English. */
  get messageEn(): string {
    const status = this.status === undefined ? "" : ` (HTTP ${this.status})`
    return `delivery attempt ${this.attempt} of event ${this.eventId} failed: ${this.reason}${status}${this.detail === undefined ? "" : ` — ${this.detail}`}`
  }
  override get message(): string {
    return bilingual(this.messageZh, this.messageEn)
  }
}

/**
 * Why a received webhook's signature does not verify.
 *
 * - `missing-header`: no `Chanjiao-Signature` header.
 * - `malformed-header`: the header is not `t=<unix seconds>,v1=<64 hex digits>[,v1=…]`.
 * - `stale-timestamp`: the signed timestamp is further from now than the tolerance (a replay, or a clock off).
 * - `mismatch`: no signature matches the body under any of the secrets.
 * - `idempotency-key-mismatch`: the signature is good, but the `Idempotency-Key` header differs from the key in
 *   the signed body (or the body carries none): the header was changed on the way, e.g. a captured request
 *   replayed with a fresh key to get past deduplication.
 *
 * @since 0.1.0
 * @category models
 */
export const SignatureProblem = Schema.Literal("missing-header", "malformed-header", "stale-timestamp", "mismatch", "idempotency-key-mismatch")

/**
 * @since 0.1.0
 * @category models
 */
export type SignatureProblem = typeof SignatureProblem.Type

const signatureZh: Record<SignatureProblem, string> = {
  "missing-header": "缺少签名请求头 Chanjiao-Signature",
  "malformed-header": "签名请求头格式不正确（应为 t=<秒级时间戳>,v1=<64 位十六进制>）",
  "stale-timestamp": "签名时间戳超出允许的误差范围（可能是重放请求或时钟不准）",
  mismatch: "签名与请求体不符（密钥错误或内容被篡改）",
  "idempotency-key-mismatch": "请求头 Idempotency-Key 与已签名请求体中的幂等键不一致（请求头被改动，可能是换了幂等键的重放请求）"
}

const signatureEn: Record<SignatureProblem, string> = {
  "missing-header": "the Chanjiao-Signature header is missing",
  "malformed-header": "the signature header is malformed (expected t=<unix seconds>,v1=<64 hex digits>)",
  "stale-timestamp": "the signed timestamp is outside the tolerance (a replayed request, or a clock that is off)",
  mismatch: "no signature matches the body (a wrong secret, or a body changed on the way)",
  "idempotency-key-mismatch": "the Idempotency-Key header differs from the idempotency key in the signed body (a header changed on the way, e.g. a replay with a fresh key)"
}

/**
 * A webhook request whose signature does not verify: answer it with 400/401 and do not process it.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidSignature extends Schema.TaggedError<InvalidSignature>("@chanjiao/plugin-webhook/InvalidSignature")("InvalidSignature", {
  reason: SignatureProblem,
  detail: Schema.optional(Schema.String)
}) {
  /** One sentence in Chinese. */
  get messageZh(): string {
    return `Webhook 签名无效：${signatureZh[this.reason]}${this.detail === undefined ? "" : `（${this.detail}）`}`
  }
  /** One sentence in English. */
  get messageEn(): string {
    return `invalid webhook signature: ${signatureEn[this.reason]}${this.detail === undefined ? "" : ` (${this.detail})`}`
  }
  override get message(): string {
    return bilingual(this.messageZh, this.messageEn)
  }
}

/**
 * The store's outbox lacks an operation the worker needs (a retry time, dead letters or revival: the
 * optional `retryOutbox` / `deadLetterOutbox` / `reviveOutbox` of the driver contract of
 * `@chanjiao/store`). The memory and SQL adapters have them all.
 *
 * @since 0.1.0
 * @category errors
 */
export class UnsupportedStore extends Schema.TaggedError<UnsupportedStore>("@chanjiao/plugin-webhook/UnsupportedStore")("UnsupportedStore", {
  adapter: Schema.String,
  missing: Schema.Array(Schema.String)
}) {
  /** One sentence in Chinese. */
  get messageZh(): string {
    return `存储适配器 ${this.adapter} 的发件箱不支持 ${this.missing.join("、")}，无法用于 Webhook 投递（请升级适配器）`
  }
  /** One sentence in English. */
  get messageEn(): string {
    return `the outbox of store adapter ${this.adapter} lacks ${this.missing.join(", ")}, which webhook delivery needs (upgrade the adapter)`
  }
  override get message(): string {
    return bilingual(this.messageZh, this.messageEn)
  }
}
