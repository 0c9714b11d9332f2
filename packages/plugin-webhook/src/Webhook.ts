/**
 * Delivers the store's outbox events to an HTTP endpoint. A worker claims a batch of events, POSTs each as
 * JSON with an HMAC-SHA256 signature (see `Signature`) and an idempotency key, and then
 *
 * - acknowledges it on a 2xx answer (an acknowledged event is never claimed, so never sent, again);
 * - on a failure (timeout, network error, any other status) gives it back with a retry time — exponential
 *   backoff with full jitter (see `Backoff`) — persisted in the outbox, so it survives restarts;
 * - after `maxAttempts` attempts moves it to dead-letter (outbox state `dead`), where it stays until revived.
 *   Attempts are requests begun: an event given back without being sent (too little of its lease left, or a
 *   stop before its turn) is released `unsent`, and that claim does not count.
 *
 * Delivery is at least once: an event whose answer was lost (a timeout after the receiver processed it, a
 * crash between the answer and the acknowledgement) is sent again, with the same idempotency key. Receivers
 * deduplicate on that key. Events are not delivered in order.
 *
 * The clock and the randomness are Effect's `Clock` and `Random` services (tests control them); the network
 * is the global `fetch`.
 *
 * @since 0.1.0
 */
import { Entity, Errors as CoreErrors, Validation } from "@chanjiao/core"
import type { Driver, Errors as StoreErrors } from "@chanjiao/store"
import { Store } from "@chanjiao/store"
import { randomUUID } from "node:crypto"
import * as Cause from "effect/Cause"
import * as Clock from "effect/Clock"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Queue from "effect/Queue"
import * as Ref from "effect/Ref"
import * as Schema from "effect/Schema"
import * as Scope from "effect/Scope"
import * as Backoff from "./Backoff.js"
import { DeliveryFailed, UnsupportedStore } from "./Errors.js"
import * as Http from "./internal/http.js"
import * as Signature from "./Signature.js"

// -------------------------------------------------------------------------------------------------------------
// Configuration

const int = (min: number, max: number, zh: string, en: string) => Entity.field(Schema.Int.pipe(Schema.between(min, max)), zh, en)

const HttpUrl = Schema.String.pipe(
  Schema.filter((s) => {
    let url: URL
    try {
      url = new URL(s)
    } catch {
      return "不是有效的网址 / not a valid URL"
    }
    return url.protocol === "http:" || url.protocol === "https:" ? true : "应为 http:// 或 https:// 地址 / must be an http:// or https:// URL"
  })
)

/** Headers the worker sets itself; configured headers may not replace them. */
const reserved = new Set(["content-type", "content-length", "user-agent", "host", ...Object.values(Signature.headerNames)])

const HeaderName = Schema.String.pipe(
  Schema.filter((s) =>
    !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(s)
      ? "不是有效的请求头名称 / not a valid header name"
      : reserved.has(s.toLowerCase())
        ? `请求头 ${s} 由插件自行设置，不能配置 / header ${s} is set by the plugin and cannot be configured`
        : true
  )
)
const HeaderValue = Schema.String.pipe(Schema.filter((s) => (/^[\t\x20-\x7e]*$/.test(s) ? true : "请求头的值只能包含可打印的 ASCII 字符 / a header value may hold printable ASCII only")))

/**
 * The worker's configuration. Everything but `url` and `secret` has a default.
 *
 * @since 0.1.0
 * @category models
 */
export const Config = Entity.field(
  Schema.Struct({
    url: Entity.field(HttpUrl, "接收地址", "endpoint URL"),
    secret: Entity.field(Schema.String.pipe(Schema.minLength(16)), "签名密钥", "signing secret", "HMAC-SHA256 共享密钥（建议 32 字节随机数）"),
    name: Schema.optionalWith(Entity.field(Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9._-]{1,40}$/)), "名称", "name", "投递者名称，用作领取人前缀"), {
      default: () => "webhook"
    }),
    batchSize: Schema.optionalWith(int(1, 1000, "每批领取数", "batch size"), { default: () => 50 }),
    concurrency: Schema.optionalWith(int(1, 64, "并发请求数", "concurrent requests"), { default: () => 8 }),
    maxAttempts: Schema.optionalWith(int(1, 100, "最多尝试次数", "maximum attempts"), { default: () => 10 }),
    backoff: Schema.optionalWith(
      Schema.Struct({
        baseMillis: Schema.optionalWith(int(1, 86_400_000, "退避基数（毫秒）", "backoff base (ms)"), { default: () => 1000 }),
        capMillis: Schema.optionalWith(int(1, 604_800_000, "退避上限（毫秒）", "backoff cap (ms)"), { default: () => 3_600_000 })
      }),
      { default: () => ({ baseMillis: 1000, capMillis: 3_600_000 }) }
    ),
    timeoutMillis: Schema.optionalWith(int(1, 600_000, "请求超时（毫秒）", "request timeout (ms)"), { default: () => 10_000 }),
    leaseSeconds: Schema.optionalWith(int(1, 86_400, "领取租约（秒）", "claim lease (s)"), { default: () => 300 }),
    pollMillis: Schema.optionalWith(int(1, 3_600_000, "空闲轮询间隔（毫秒）", "idle poll interval (ms)"), { default: () => 1000 }),
    idempotencyKeyPrefix: Schema.optionalWith(Entity.field(Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9._:-]{0,64}$/)), "幂等键前缀", "idempotency key prefix"), {
      default: () => ""
    }),
    headers: Schema.optionalWith(Schema.Record({ key: HeaderName, value: HeaderValue }), { default: () => ({}) })
  }).pipe(
    Schema.filter((c) => {
      // The lease must outlast one attempt plus the acknowledgement, or another worker could take the event
      // over while it is in flight and send it once more after it was acknowledged.
      if (c.leaseSeconds * 1000 < c.timeoutMillis + 2 * ackMarginMillis) {
        return `领取租约应比请求超时至少长 2 秒（租约 ${c.leaseSeconds} 秒，超时 ${c.timeoutMillis} 毫秒） / leaseSeconds must exceed timeoutMillis by at least 2 s (lease ${c.leaseSeconds} s, timeout ${c.timeoutMillis} ms)`
      }
      if (c.backoff.baseMillis > c.backoff.capMillis) return "退避基数不能大于退避上限 / backoff.baseMillis must not exceed backoff.capMillis"
      return true
    })
  ),
  "Webhook 配置",
  "webhook configuration"
).annotations({ identifier: "WebhookConfig" })

/**
 * The decoded configuration (defaults filled in).
 *
 * @since 0.1.0
 * @category models
 */
export type Config = typeof Config.Type

/**
 * The configuration as written by a host (optional fields may be left out).
 *
 * @since 0.1.0
 * @category models
 */
export type ConfigInput = typeof Config.Encoded

/** Time left on a claim for the acknowledgement after an attempt. */
const ackMarginMillis = 1000

/**
 * How many events one claim takes: no more than `concurrency` senders can start, one after another, while
 * enough of the lease is left for an attempt — `concurrency × ⌊(lease − margin) / (timeout + margin)⌋` — and at
 * most `batchSize`. (At least `concurrency`: the configuration requires lease ≥ timeout + 2 × margin.) Events
 * claimed beyond it would mostly wait out the lease and be given back unsent.
 */
const claimSize = (config: Config): number =>
  Math.max(1, Math.min(config.batchSize, config.concurrency * Math.floor((config.leaseSeconds * 1000 - ackMarginMillis) / (config.timeoutMillis + ackMarginMillis))))

/**
 * Decodes a configuration: every problem listed in an `InvalidInput` (zh + en); unknown keys are errors.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeConfig: (input: unknown) => Effect.Effect<Config, CoreErrors.InvalidInput> = Validation.decodeEffect(Config)

// -------------------------------------------------------------------------------------------------------------
// What is sent

/**
 * The idempotency key of an event: the prefix, then the outbox entry's event id (`type:id:version:n`, unique and
 * deterministic — the same on every retry and after restarts), with bytes outside `[A-Za-z0-9._~:-]`
 * percent-encoded (UTF-8) so it fits an HTTP header.
 *
 * @since 0.1.0
 * @category constructors
 */
export const idempotencyKey = (eventId: string, prefix = ""): string => {
  let out = prefix
  for (const byte of new TextEncoder().encode(eventId)) {
    const c = String.fromCharCode(byte)
    out += /[A-Za-z0-9._~:-]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`
  }
  return out
}

/**
 * The JSON body sent for an event: `{ id, idempotencyKey, seq, event, type, aggregateId, aggregateVersion, at,
 * payload }`, where `idempotencyKey` is {@link idempotencyKey} of the event id under `prefix` (the same as the
 * `Idempotency-Key` header, but covered by the signature: `Signature.verify` takes the key from here) and
 * `payload` is the event's data as the store recorded it (`{ type, id, version, event, data }`). The same bytes
 * on every attempt. `Left` when the stored payload is not JSON.
 *
 * @since 0.1.0
 * @category constructors
 */
export const requestBody = (entry: Driver.OutboxEntry, prefix = ""): Either.Either<string, string> => {
  let payload: unknown
  try {
    payload = JSON.parse(entry.payload)
  } catch (e) {
    return Either.left(e instanceof Error ? e.message : String(e))
  }
  return Either.right(
    JSON.stringify({
      id: entry.eventId,
      idempotencyKey: idempotencyKey(entry.eventId, prefix),
      seq: entry.seq,
      event: entry.event,
      type: entry.type,
      aggregateId: entry.aggregateId,
      aggregateVersion: entry.aggregateVersion,
      at: entry.at,
      payload
    })
  )
}

/**
 * What one attempt did.
 *
 * @since 0.1.0
 * @category models
 */
export type Outcome =
  | { readonly _tag: "Delivered"; readonly eventId: string; readonly attempt: number }
  | { readonly _tag: "Retried"; readonly eventId: string; readonly attempt: number; readonly error: DeliveryFailed; readonly retryAt: DateTime.Utc }
  | { readonly _tag: "DeadLettered"; readonly eventId: string; readonly attempt: number; readonly error: DeliveryFailed }
  /**
   * Not settled by this worker: too little of the claim was left for an attempt (given back unsent, the claim not
   * counted as an attempt), or the claim was lost meanwhile (another worker holds the event now; an ack, retry
   * or dead-letter found it gone).
   */
  | { readonly _tag: "Released"; readonly eventId: string; readonly attempt: number }

/**
 * Counts of what a worker (or one batch) did.
 *
 * @since 0.1.0
 * @category models
 */
export interface Stats {
  /** Events claimed. */
  readonly claimed: number
  /** Events acknowledged after a 2xx answer. */
  readonly delivered: number
  /** Failed attempts given back with a retry time. */
  readonly retried: number
  /** Events moved to dead-letter. */
  readonly deadLettered: number
  /** Events given back unsent, or whose claim was lost before they could be settled. */
  readonly released: number
}

const emptyStats: Stats = { claimed: 0, delivered: 0, retried: 0, deadLettered: 0, released: 0 }

const add = (a: Stats, b: Stats): Stats => ({
  claimed: a.claimed + b.claimed,
  delivered: a.delivered + b.delivered,
  retried: a.retried + b.retried,
  deadLettered: a.deadLettered + b.deadLettered,
  released: a.released + b.released
})

const count = (outcomes: ReadonlyArray<Outcome>, claimed: number): Stats => ({
  claimed,
  delivered: outcomes.filter((o) => o._tag === "Delivered").length,
  retried: outcomes.filter((o) => o._tag === "Retried").length,
  deadLettered: outcomes.filter((o) => o._tag === "DeadLettered").length,
  released: outcomes.filter((o) => o._tag === "Released").length
})

// -------------------------------------------------------------------------------------------------------------
// Delivery

interface Outbox {
  readonly claim: Store.Outbox["claim"]
  readonly ack: Store.Outbox["ack"]
  readonly release: Store.Outbox["release"]
  readonly retry: NonNullable<Store.Outbox["retry"]>
  readonly deadLetter: NonNullable<Store.Outbox["deadLetter"]>
}

const outboxOf = (store: Store.Service): Effect.Effect<Outbox, UnsupportedStore> => {
  const { claim, ack, release, retry, deadLetter, revive } = store.outbox
  if (retry !== undefined && deadLetter !== undefined && revive !== undefined) return Effect.succeed({ claim, ack, release, retry, deadLetter })
  const missing = (["retry", "deadLetter", "revive"] as const).filter((op) => store.outbox[op] === undefined)
  return Effect.fail(new UnsupportedStore({ adapter: store.adapter.name, missing }))
}

/**
 * What a worker holds: the events it claimed and has not settled yet (waiting for a request slot, or in flight),
 * and of those the ones whose request was begun. On a stop the others are given back unsent (their claim was no
 * attempt); an aborted request may have reached the endpoint, so its claim stays counted.
 */
interface Held {
  readonly unsettled: Set<string>
  readonly started: Set<string>
}

const makeHeld = (): Held => ({ unsettled: new Set(), started: new Set() })

const forget = (held: Held, id: string) =>
  Effect.sync(() => {
    held.unsettled.delete(id)
    held.started.delete(id)
  })

/** Gives back everything held and not settled: never-started events unsent, begun (aborted) ones as an attempt. */
const giveBack = (ctx: Context, held: Held): Effect.Effect<void> => {
  const ids = [...held.unsettled]
  const unsent = ids.filter((id) => !held.started.has(id))
  const begun = ids.filter((id) => held.started.has(id))
  return Effect.all(
    [
      unsent.length === 0 ? Effect.void : Effect.ignore(ctx.outbox.release(unsent, ctx.claimant, { unsent: true })),
      begun.length === 0 ? Effect.void : Effect.ignore(ctx.outbox.release(begun, ctx.claimant))
    ],
    { discard: true }
  )
}

interface Context {
  readonly config: Config
  readonly outbox: Outbox
  readonly claimant: string
  /** Counts what happened as it happens (a stop in the middle of a batch loses no count). */
  readonly record: (change: Partial<Stats>) => Effect.Effect<void>
}

const statOf: Record<Outcome["_tag"], keyof Stats> = { Delivered: "delivered", Retried: "retried", DeadLettered: "deadLettered", Released: "released" }

/** One attempt: the POST, its answer classified. */
const attempt = (ctx: Context, entry: Driver.OutboxEntry, body: string): Effect.Effect<void, DeliveryFailed> =>
  Effect.gen(function* () {
    const { config } = ctx
    const now = yield* Clock.currentTimeMillis
    const headers: Record<string, string> = {
      ...config.headers,
      "content-type": "application/json; charset=utf-8",
      "user-agent": "chanjiao-webhook/0.1",
      [Signature.headerNames.signature]: Signature.sign(config.secret, body, Math.floor(now / 1000)),
      [Signature.headerNames.idempotencyKey]: idempotencyKey(entry.eventId, config.idempotencyKeyPrefix),
      [Signature.headerNames.event]: idempotencyKey(entry.event),
      [Signature.headerNames.attempt]: String(entry.attempts)
    }
    const answer = yield* Effect.tryPromise({
      try: (signal) => Http.post(config.url, headers, body, config.timeoutMillis, signal),
      catch: (e) =>
        e instanceof Http.Timeout
          ? new DeliveryFailed({ eventId: entry.eventId, attempt: entry.attempts, reason: "timeout", detail: `${config.timeoutMillis} ms` })
          : new DeliveryFailed({ eventId: entry.eventId, attempt: entry.attempts, reason: "network", detail: Http.describe(e) })
    })
    if (answer.status < 200 || answer.status > 299) {
      return yield* Effect.fail(
        new DeliveryFailed({
          eventId: entry.eventId,
          attempt: entry.attempts,
          reason: "status",
          status: answer.status,
          ...(answer.retryAfterMillis === undefined ? {} : { retryAfterMillis: answer.retryAfterMillis })
        })
      )
    }
  })

/**
 * Sends one claimed entry and settles it in the outbox. The settlement (ack, retry, dead-letter) runs
 * uninterruptibly once the answer is in, so a stop never loses an answer already received.
 */
const deliver = (ctx: Context, entry: Driver.OutboxEntry, held: Held): Effect.Effect<Outcome, StoreErrors.StoreError> =>
  Effect.uninterruptibleMask((restore) =>
    Effect.gen(function* () {
      const { config, outbox, claimant } = ctx
      const id = entry.eventId
      const settled = <A extends Outcome>(o: A) => Effect.as(Effect.zipRight(forget(held, id), ctx.record({ [statOf[o._tag]]: 1 })), o)
      const released = { _tag: "Released", eventId: id, attempt: entry.attempts } as const
      const started = yield* Clock.currentTimeMillis
      const until = entry.claimedUntil === null ? Number.NaN : Date.parse(entry.claimedUntil)
      // Waiting in the batch may have used up the lease: an attempt must end (and be acknowledged) while the
      // claim holds, or another worker could send it again after our acknowledgement. Give it back unsent: this
      // claim was no attempt, so it does not count towards maxAttempts.
      if (!(started + config.timeoutMillis + ackMarginMillis <= until)) {
        yield* outbox.release([id], claimant, { unsent: true })
        return yield* settled(released)
      }
      const body = requestBody(entry, config.idempotencyKeyPrefix)
      // From here the request may reach the endpoint: if a stop aborts it, the claim stays counted.
      if (Either.isRight(body)) held.started.add(id)
      const result: Either.Either<void, DeliveryFailed> = Either.isLeft(body)
        ? Either.left(new DeliveryFailed({ eventId: id, attempt: entry.attempts, reason: "payload", detail: body.left }))
        : yield* Effect.either(restore(attempt(ctx, entry, body.right)))
      if (Either.isRight(result)) {
        const acked = yield* outbox.ack([id], claimant)
        // 0: the claim lapsed during the attempt and another worker holds the event now (it will send it again:
        // this delivery was never acknowledged, so at-least-once allows it).
        return yield* settled(acked === 1 ? ({ _tag: "Delivered", eventId: id, attempt: entry.attempts } as const) : released)
      }
      const error = result.left
      // A retry or dead-letter that changes nothing (0) found the claim lost the same way: the event is another
      // worker's now, and what happens to it is up to that worker.
      const lost = (what: string) => Effect.logDebug(`${error.messageEn}; the claim was lost before it could be ${what} (another worker holds the event now)`)
      if (error.reason === "payload" || entry.attempts >= config.maxAttempts) {
        if ((yield* outbox.deadLetter([id], claimant)) === 0) return yield* Effect.zipRight(lost("moved to dead-letter"), settled(released))
        yield* Effect.logWarning(`${error.messageZh}；已转入死信（共 ${entry.attempts} 次）/ ${error.messageEn}; moved to dead-letter after ${entry.attempts} attempt(s)`)
        return yield* settled({ _tag: "DeadLettered", eventId: id, attempt: entry.attempts, error } as const)
      }
      const jitter = yield* Backoff.delay(config.backoff, entry.attempts)
      // A Retry-After from the endpoint is honoured up to the backoff cap.
      const wait = Math.max(jitter, Math.min(error.retryAfterMillis ?? 0, config.backoff.capMillis))
      const retryAt = DateTime.unsafeMake((yield* Clock.currentTimeMillis) + wait) as DateTime.Utc
      if ((yield* outbox.retry([id], claimant, { at: retryAt })) === 0) return yield* Effect.zipRight(lost("given a retry time"), settled(released))
      yield* Effect.logDebug(`${error.messageEn}; retry at ${DateTime.formatIso(retryAt)}`)
      return yield* settled({ _tag: "Retried", eventId: id, attempt: entry.attempts, error, retryAt } as const)
    })
  )

/** Claims a batch and delivers it; on interruption gives back what is not settled yet. */
const cycle = (ctx: Context): Effect.Effect<ReadonlyArray<Outcome> & { readonly claimed: number }, StoreErrors.StoreError> =>
  Effect.gen(function* () {
    const { config, outbox, claimant } = ctx
    const held = makeHeld()
    const at = yield* DateTime.now
    // Uninterruptible up to the bookkeeping: a stop cannot leave claimed events untracked (not given back).
    const batch = yield* Effect.uninterruptible(
      Effect.tap(outbox.claim(claimSize(config), { claimant, at, leaseSeconds: config.leaseSeconds }), (batch) =>
        Effect.sync(() => {
          for (const e of batch) held.unsettled.add(e.eventId)
        })
      )
    )
    if (batch.length > 0) yield* ctx.record({ claimed: batch.length })
    const outcomes = yield* Effect.forEach(
      batch,
      (entry) =>
        deliver(ctx, entry, held).pipe(
          // The store failed while settling: the claim lapses and the event is sent again later (never lost).
          Effect.catchAll((e) =>
            Effect.as(Effect.zipRight(Effect.logWarning(`${e.messageZh} / ${e.messageEn}`), ctx.record({ released: 1 })), { _tag: "Released", eventId: entry.eventId, attempt: entry.attempts } as const)
          )
        ),
      { concurrency: config.concurrency }
    ).pipe(Effect.onInterrupt(() => giveBack(ctx, held)))
    return Object.assign(outcomes, { claimed: batch.length })
  })

const contextOf = (input: unknown, record: Context["record"]) =>
  Effect.gen(function* () {
    const config = yield* decodeConfig(input)
    const outbox = yield* outboxOf(yield* Store.Store)
    // Unique per worker (not from the Random service, which tests seed alike): acknowledgements and retries
    // apply to this worker's own claims only.
    const claimant = `${config.name}/${randomUUID()}`
    return { config, outbox, claimant, record } satisfies Context
  })

/**
 * One batch: claims up to `batchSize` events and delivers them (for hosts that schedule delivery themselves,
 * e.g. from a cron job). Fails only on bad configuration, an outbox that lacks retry or dead-letter, or a
 * claim the store could not make.
 *
 * @since 0.1.0
 * @category delivery
 */
export const deliverBatch = (config: ConfigInput): Effect.Effect<{ readonly stats: Stats; readonly outcomes: ReadonlyArray<Outcome> }, CoreErrors.InvalidInput | UnsupportedStore | StoreErrors.StoreError, Store.Store> =>
  Effect.flatMap(contextOf(config, () => Effect.void), (ctx) => Effect.map(cycle(ctx), (outcomes) => ({ stats: count(outcomes, outcomes.claimed), outcomes })))

/**
 * A running worker.
 *
 * @since 0.1.0
 * @category models
 */
export interface Worker {
  /** The claimant name of this worker in the outbox (`<name>/<uuid>`). */
  readonly claimant: string
  /** What it has done since it started. */
  readonly stats: Effect.Effect<Stats>
}

/**
 * Starts a worker in the current scope: it claims and delivers batches, sleeps `pollMillis` when a batch
 * comes back short, and keeps going through store failures (logged, then retried after `pollMillis`). Closing
 * the scope stops it: requests in flight are aborted and their events given back at once (each counted as an
 * attempt: it may have reached the endpoint); events claimed but not yet begun are given back unsent (their
 * claim is not counted). A claim takes at most `concurrency × ⌊(lease − 1 s) / (timeout + 1 s)⌋` events (and
 * at most `batchSize`): what can be sent within the lease.
 *
 * @example
 * ```ts
 * import { Webhook } from "@chanjiao/plugin-webhook"
 * import { Memory } from "@chanjiao/store"
 * import * as Effect from "effect/Effect"
 *
 * const program = Effect.scoped(
 *   Effect.gen(function* () {
 *     const worker = yield* Webhook.make({ url: "https://example.edu.cn/hooks/chanjiao", secret: "a-secret-of-16-chars-or-more" })
 *     yield* Effect.sleep("1 minute")
 *     return yield* worker.stats
 *   })
 * ).pipe(Effect.provide(Memory.layerMemory))
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (config: ConfigInput): Effect.Effect<Worker, CoreErrors.InvalidInput | UnsupportedStore, Store.Store | Scope.Scope> =>
  Effect.gen(function* () {
    const stats = yield* Ref.make(emptyStats)
    const ctx = yield* contextOf(config, (change) => Ref.update(stats, (s) => add(s, { ...emptyStats, ...change })))
    const { batchSize, concurrency, leaseSeconds, pollMillis } = ctx.config
    // Never more claimed and unsettled than can be sent within a lease.
    const size = claimSize(ctx.config)
    // Claimed and not yet settled (waiting for a request slot, or in flight).
    const held = makeHeld()
    const waiting = yield* Queue.bounded<Driver.OutboxEntry>(batchSize)
    const settledOne = yield* Queue.sliding<void>(1)
    const logStore = (e: StoreErrors.StoreError) => Effect.logWarning(`${e.messageZh} / ${e.messageEn}`)

    // `concurrency` senders take claimed events one by one: a slow endpoint answer holds up one slot, not a batch.
    const sender = Effect.forever(
      Effect.flatMap(Queue.take(waiting), (entry) =>
        deliver(ctx, entry, held).pipe(
          // The store failed while settling: the claim lapses and the event is sent again later (never lost).
          Effect.catchAll((e) => Effect.zipRight(Effect.zipRight(logStore(e), ctx.record({ released: 1 })), forget(held, entry.eventId))),
          Effect.zipRight(Queue.offer(settledOne, undefined))
        )
      )
    )
    // The claimer tops the queue up once half a batch has been settled, and polls when the outbox runs dry.
    const claimer = Effect.forever(
      Effect.gen(function* () {
        const room = size - held.unsettled.size
        if (room < Math.ceil(size / 2)) return yield* Queue.take(settledOne)
        const at = yield* DateTime.now
        // Uninterruptible up to the bookkeeping: a stop cannot leave claimed events untracked (not given back).
        const batch = yield* Effect.uninterruptible(
          Effect.tap(
            Effect.catchAll(ctx.outbox.claim(room, { claimant: ctx.claimant, at, leaseSeconds }), (e) => Effect.as(logStore(e), [])),
            (batch) =>
              Effect.sync(() => {
                for (const e of batch) held.unsettled.add(e.eventId)
              })
          )
        )
        if (batch.length > 0) yield* ctx.record({ claimed: batch.length })
        yield* Queue.offerAll(waiting, batch)
        if (batch.length < room) yield* Effect.sleep(pollMillis)
      })
    )
    // On stop (after the fibers below are interrupted): give back at once what was claimed and not settled —
    // unsent (not an attempt) what never started, as an attempt what was aborted in flight.
    yield* Effect.addFinalizer(() => giveBack(ctx, held))
    yield* Effect.forkScoped(claimer)
    for (let k = 0; k < concurrency; k++) yield* Effect.forkScoped(sender)
    return { claimant: ctx.claimant, stats: Ref.get(stats) }
  })

/**
 * A worker as a layer: started when the layer is built, stopped when it is released.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (config: ConfigInput): Layer.Layer<never, CoreErrors.InvalidInput | UnsupportedStore, Store.Store> => Layer.scopedDiscard(make(config))

/**
 * Makes dead letters pending again (attempts back to 0), e.g. after the endpoint was fixed; returns how many.
 *
 * @since 0.1.0
 * @category delivery
 */
export const redrive = (eventIds: ReadonlyArray<string>): Effect.Effect<number, UnsupportedStore | StoreErrors.StoreError, Store.Store> =>
  Effect.flatMap(Store.Store, (store): Effect.Effect<number, UnsupportedStore | StoreErrors.StoreError> => (store.outbox.revive === undefined ? Effect.fail(new UnsupportedStore({ adapter: store.adapter.name, missing: ["revive"] })) : store.outbox.revive(eventIds)))

/**
 * The dead letters, oldest first.
 *
 * @since 0.1.0
 * @category delivery
 */
export const deadLetters = (query: { readonly afterSeq?: number; readonly limit?: number } = {}): Effect.Effect<ReadonlyArray<Driver.OutboxEntry>, StoreErrors.StoreError, Store.Store> =>
  Effect.flatMap(Store.Store, (store) => store.outbox.list({ ...query, state: "dead" }))

// -------------------------------------------------------------------------------------------------------------
// Promise face

/**
 * Options of {@link start}: the configuration and the store — a layer (the worker builds and owns a runtime
 * for it) or a `ManagedRuntime` the host already has (the worker uses it and leaves it open).
 *
 * @since 0.1.0
 * @category models
 */
export type StartOptions = ConfigInput & {
  readonly store: Layer.Layer<Store.Store, unknown> | ManagedRuntime.ManagedRuntime<Store.Store, unknown>
}

/**
 * A worker started from Promise code.
 *
 * @since 0.1.0
 * @category models
 */
export interface Handle {
  readonly claimant: string
  /** What it has done so far (after `stop`, its final counts). */
  readonly stats: () => Promise<Stats>
  /**
   * Stops the worker (in-flight requests aborted, their events given back; events not yet begun given back
   * unsent, their claim not counted as an attempt); resolves when it has stopped.
   */
  readonly stop: () => Promise<void>
}

const settle = <A, E>(exit: Exit.Exit<A, E>): A => {
  if (Exit.isSuccess(exit)) return exit.value
  throw Cause.squash(exit.cause)
}

/**
 * Starts a worker for embedders that do not use Effect. Rejects with `InvalidInput` (bad configuration),
 * `UnsupportedStore`, or the store layer's own error.
 *
 * @example
 * ```ts
 * import { Webhook } from "@chanjiao/plugin-webhook"
 * import { Layers } from "@chanjiao/store-sql"
 *
 * const worker = await Webhook.start({
 *   store: Layers.layerSqlite({ filename: "chanjiao.db" }),
 *   url: "https://example.edu.cn/hooks/chanjiao",
 *   secret: process.env.CHANJIAO_WEBHOOK_SECRET!
 * })
 * process.on("SIGTERM", () => void worker.stop())
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const start = async (options: StartOptions): Promise<Handle> => {
  const { store, ...config } = options
  const owned = !ManagedRuntime.isManagedRuntime(store)
  const runtime = owned ? ManagedRuntime.make(store as Layer.Layer<Store.Store, unknown>) : (store as ManagedRuntime.ManagedRuntime<Store.Store, unknown>)
  const scope = Effect.runSync(Scope.make())
  const started = await runtime.runPromiseExit(Scope.extend(make(config), scope))
  if (Exit.isFailure(started)) {
    await Effect.runPromise(Scope.close(scope, Exit.void))
    if (owned) await runtime.dispose()
    throw Cause.squash(started.cause)
  }
  const worker = started.value
  let stopping: Promise<void> | undefined
  let final: Stats | undefined
  return {
    claimant: worker.claimant,
    stats: () => (final !== undefined ? Promise.resolve(final) : runtime.runPromiseExit(worker.stats).then(settle)),
    stop: () =>
      (stopping ??= (async () => {
        await Effect.runPromise(Scope.close(scope, Exit.void))
        final = await runtime.runPromise(worker.stats)
        if (owned) await runtime.dispose()
      })())
  }
}
