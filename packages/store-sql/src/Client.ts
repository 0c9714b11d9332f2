/**
 * A Promise client for hosts that do not use Effect: `createClient({ url })` picks the database from the url,
 * migrates, and returns the store's methods as Promises. It runs on one `ManagedRuntime` that `close()`
 * disposes (closing the connections). A failed call rejects with the store's own error — `StoreError`,
 * `Conflict`, `TransitionRefused`, `UnknownType`, or the core's `InvalidInput` — never a wrapper.
 *
 * @since 0.1.0
 */
import type { Aggregates, Driver, Store } from "@chanjiao/store"
import { Errors, Memory, Store as StoreModule } from "@chanjiao/store"
import type { Indicators, Lifecycle, Policy } from "@chanjiao/core"
import { Errors as CoreErrors } from "@chanjiao/core"
import * as Cause from "effect/Cause"
import * as DateTime from "effect/DateTime"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import type * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Option from "effect/Option"
import { finiteMillis } from "./internal/duration.js"
import * as Layers from "./Layers.js"

type TypeName = Aggregates.TypeName
type WithLifecycle = Aggregates.WithLifecycle
type Of<K extends TypeName> = Aggregates.Of<K>

/**
 * @since 0.1.0
 * @category models
 */
export interface ClientOptions {
  /**
   * Where the data lives:
   * - `sqlite:<path>` (or `sqlite://<path>`) — a SQLite file; `sqlite::memory:` — SQLite in memory;
   * - `postgres://…` or `postgresql://…` — PostgreSQL;
   * - `mysql://…` or `mariadb://…` — MySQL or MariaDB;
   * - `memory:` — the in-memory adapter of `@chanjiao/store` (for tests and demos).
   */
  readonly url: string
  /** The table prefix (SQL databases only; default `cj_`). */
  readonly prefix?: string | undefined
  /** The most connections the pool opens (PostgreSQL, MySQL; default 10). */
  readonly maxConnections?: number | undefined
  /**
   * How long connecting may take when the client is created (PostgreSQL, MySQL; default 10 seconds); then it
   * rejects with `unavailable`. Calls never time out waiting for a free connection of the pool.
   */
  readonly connectTimeout?: Layers.UrlOptions["connectTimeout"]
  /**
   * Typed extension fields of a plugin bundle (`Plugin.compose(...).extensions`): writes with bad extension
   * fields are refused, reads give the typed values (see `Store.Options`).
   *
   * @since 0.1.0
   */
  readonly extensions?: Store.Options["extensions"]
}

/**
 * When a change happens and who makes it. `at` is an instant: a `Date`, an ISO 8601 string, or a `DateTime`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Author {
  readonly actor: string
  readonly at: DateTime.DateTime | Date | string
}

/**
 * @since 0.1.0
 * @category models
 */
export interface PutOptions extends Author {
  /** The version read (`0` to create). */
  readonly expectedVersion: number
}

/**
 * @since 0.1.0
 * @category models
 */
export interface TransitionOptions extends PutOptions {
  readonly event: Store.TransitionOptions["event"]
  readonly by: Lifecycle.Actor
  readonly policy: Policy.Resolved
}

/**
 * The store's methods as Promises (see `Store.Service` of `@chanjiao/store`). Transactions spanning several
 * calls are not offered: a Promise cannot carry one; each write is its own transaction (row, audit and
 * outbox together).
 *
 * @since 0.1.0
 * @category models
 */
export interface StoreClient {
  readonly adapter: { readonly name: string; readonly capabilities: Driver.Capabilities }
  readonly get: <K extends TypeName>(type: K, id: string) => Promise<Store.Stored<Of<K>>>
  readonly find: <K extends TypeName>(type: K, id: string) => Promise<Store.Stored<Of<K>> | undefined>
  readonly findByNaturalKey: <K extends TypeName>(type: K, key: string) => Promise<Store.Stored<Of<K>> | undefined>
  readonly list: <K extends TypeName>(type: K, query?: Store.ListQuery) => Promise<ReadonlyArray<Store.Stored<Of<K>>>>
  readonly put: <K extends TypeName>(type: K, value: unknown, options: PutOptions) => Promise<Store.Stored<Of<K>>>
  readonly transition: <K extends WithLifecycle>(type: K, id: string, options: TransitionOptions) => Promise<Store.Transitioned<Of<K>>>
  readonly advance: <K extends WithLifecycle>(type: K, id: string, options: PutOptions & { readonly policy: Policy.Resolved }) => Promise<Store.Transitioned<Of<K>>>
  readonly audit: (query?: { readonly type?: string; readonly id?: string; readonly afterSeq?: number; readonly limit?: number }) => Promise<ReadonlyArray<Driver.AuditEntry>>
  readonly outbox: {
    readonly claim: (n: number, options: { readonly claimant: string; readonly at: DateTime.DateTime | Date | string; readonly leaseSeconds?: number }) => Promise<ReadonlyArray<Driver.OutboxEntry>>
    readonly ack: (eventIds: ReadonlyArray<string>, claimant: string) => Promise<number>
    /** Gives entries back; `{ unsent: true }` when they were never sent (the claim is then not counted as an attempt). */
    readonly release: (eventIds: ReadonlyArray<string>, claimant: string, options?: Driver.ReleaseOptions) => Promise<number>
    /** Gives entries back, claimable again only after `at` (a backoff). Present when the adapter can. */
    readonly retry?: (eventIds: ReadonlyArray<string>, claimant: string, options: { readonly at: DateTime.DateTime | Date | string }) => Promise<number>
    /** Moves entries to the dead-letter state. Present when the adapter can. */
    readonly deadLetter?: (eventIds: ReadonlyArray<string>, claimant: string) => Promise<number>
    /** Makes dead letters pending again with their attempts reset. Present when the adapter can. */
    readonly revive?: (eventIds: ReadonlyArray<string>) => Promise<number>
    readonly list: (query?: { readonly state?: Driver.OutboxEntry["state"]; readonly afterSeq?: number; readonly limit?: number }) => Promise<ReadonlyArray<Driver.OutboxEntry>>
  }
  readonly loadDataset: (query?: Store.DatasetQuery) => Promise<Indicators.Dataset>
  readonly migrate: () => Promise<void>
  /**
   * Waits for the calls in flight to settle — up to `grace` (default 30 seconds), after which those still running
   * are interrupted (their transactions roll back) and reject with a `StoreError` (`unavailable`) — then closes the
   * connections. Calls made afterwards reject with a `StoreError` (`unavailable`). Closing again returns the same
   * Promise.
   */
  readonly close: (options?: { readonly grace?: Duration.DurationInput }) => Promise<void>
}

/**
 * The store layer a url names (see {@link ClientOptions.url}).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerFromUrl = (options: ClientOptions): Layer.Layer<Store.Store | Driver.StoreDriver, Errors.StoreError> | Errors.StoreError => {
  const { url } = options
  const prefix = options.prefix === undefined ? {} : { prefix: options.prefix }
  const pool = { ...(options.maxConnections === undefined ? {} : { maxConnections: options.maxConnections }), ...(options.connectTimeout === undefined ? {} : { connectTimeout: options.connectTimeout }) }
  const extensions = options.extensions === undefined ? undefined : { extensions: options.extensions }
  if (url === "memory:") return extensions === undefined ? Memory.layerMemory : Memory.layerMemoryWith(extensions)
  if (/^sqlite:/i.test(url)) {
    const rest = url.slice("sqlite:".length)
    const filename = rest.startsWith("//") ? rest.slice(2) : rest
    if (filename === "") return new Errors.StoreError({ reason: "invalid", operation: "create client", detail: "sqlite: 后应为文件路径或 :memory: / sqlite: needs a file path or :memory:" })
    return Layers.layerSqlite({ filename, ...prefix, ...extensions })
  }
  if (/^postgres(ql)?:\/\//i.test(url)) return Layers.layerPg({ url, ...prefix, ...pool, ...extensions })
  if (/^(mysql|mariadb):\/\//i.test(url)) return Layers.layerMysql({ url, ...prefix, ...pool, ...extensions })
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1] ?? "(none)"
  return new Errors.StoreError({
    reason: "invalid",
    operation: "create client",
    detail: `不支持的数据库地址类型 ${scheme}，应为 sqlite:、postgres://、mysql://、mariadb:// 或 memory: / unsupported url scheme ${scheme}: use sqlite:, postgres://, mysql://, mariadb:// or memory:`
  })
}

/** The failure itself (our tagged error), not the `FiberFailure` that `runPromise` would reject with. */
const settle = <A, E>(exit: Exit.Exit<A, E>): A => {
  if (Exit.isSuccess(exit)) return exit.value
  throw Cause.squash(exit.cause)
}

const instant = (at: DateTime.DateTime | Date | string, field: string): Effect.Effect<DateTime.Utc, CoreErrors.InvalidInput> =>
  Option.match(DateTime.make(at), {
    onNone: () =>
      Effect.fail(
        new CoreErrors.InvalidInput({
          entity: "Author",
          issues: [{ path: [field], zh: "不是有效的时间（应为 Date、ISO 8601 字符串或 DateTime）", en: "not a valid instant (expected a Date, an ISO 8601 string or a DateTime)", value: String(at) }]
        })
      ),
    onSome: (dt) => Effect.succeed(DateTime.toUtc(dt))
  })

const author = <O extends Author>(options: O) => Effect.map(instant(options.at, "at"), (at) => ({ ...options, at }))

/**
 * Opens a store: connects, migrates, and resolves with the client; rejects with `StoreError` (`unavailable`
 * when the database cannot be reached, `migration` when its schema cannot be brought up to date).
 *
 * @example
 * ```ts
 * import { Client } from "@chanjiao/store-sql"
 *
 * const store = await Client.createClient({ url: "sqlite:chanjiao.db" })
 * try {
 *   const teacher = await store.find("teacher", "t-1")
 * } finally {
 *   await store.close()
 * }
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const createClient = async (options: ClientOptions): Promise<StoreClient> => {
  const layer = layerFromUrl(options)
  if (layer instanceof Errors.StoreError) throw layer
  const runtime = ManagedRuntime.make(layer)
  const built = await runtime.runPromiseExit(StoreModule.Store)
  if (Exit.isFailure(built)) {
    await runtime.dispose()
    throw Cause.squash(built.cause)
  }
  const store = built.value
  // `close()` lets the calls in flight finish (a write lands whole or not at all, and its Promise settles), for a
  // grace period; then it interrupts those still running (their transactions roll back) and closes the
  // connections. Calls made after it reject at once.
  const inFlight = new Set<Fiber.RuntimeFiber<unknown, unknown>>()
  let closing: Promise<void> | undefined
  const run = <A, E>(effect: Effect.Effect<A, E, never>): Promise<A> => {
    if (closing !== undefined) return Promise.reject(new Errors.StoreError({ reason: "unavailable", operation: "call a closed client", detail: "close() was called on this client / 客户端已关闭（已调用 close()）" }))
    const fiber = runtime.runFork(effect)
    inFlight.add(fiber)
    return new Promise<A>((resolve, reject) =>
      fiber.addObserver((exit) => {
        inFlight.delete(fiber)
        if (Exit.isFailure(exit) && Cause.isInterruptedOnly(exit.cause)) {
          reject(new Errors.StoreError({ reason: "unavailable", operation: "call a closing client", detail: "close() interrupted this call; its changes were rolled back / close() 中断了本次调用，改动已回滚" }))
          return
        }
        try {
          resolve(settle(exit))
        } catch (e) {
          reject(e)
        }
      })
    )
  }
  const close = async (graceMs: number): Promise<void> => {
    const running = [...inFlight]
    if (running.length > 0) {
      let timer: ReturnType<typeof setTimeout> | undefined
      const late = await Promise.race([
        Promise.all(running.map((f) => Effect.runPromise(Fiber.await(f)))).then(() => false),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs)))
      ])
      clearTimeout(timer)
      // Interrupted, a call's transaction rolls back: that waits for the database to take the ROLLBACK.
      if (late) await Effect.runPromise(Fiber.interruptAll(running))
    }
    await runtime.dispose()
  }
  const { retry, deadLetter, revive } = store.outbox

  return {
    adapter: store.adapter,
    get: (type, id) => run(store.get(type, id)),
    find: (type, id) => run(store.find(type, id)),
    findByNaturalKey: (type, key) => run(store.findByNaturalKey(type, key)),
    list: (type, query) => run(store.list(type, query)),
    put: (type, value, o) => run(Effect.flatMap(author(o), (a) => store.put(type, value, a))),
    transition: (type, id, o) => run(Effect.flatMap(author(o), (a) => store.transition(type, id, a))),
    advance: (type, id, o) => run(Effect.flatMap(author(o), (a) => store.advance(type, id, a))),
    audit: (query) => run(store.audit(query)),
    outbox: {
      claim: (n, o) => run(Effect.flatMap(instant(o.at, "at"), (at) => store.outbox.claim(n, { ...o, at }))),
      ack: (eventIds, claimant) => run(store.outbox.ack(eventIds, claimant)),
      release: (eventIds, claimant, options) => run(store.outbox.release(eventIds, claimant, options)),
      ...(retry === undefined ? {} : { retry: (eventIds: ReadonlyArray<string>, claimant: string, o: { readonly at: DateTime.DateTime | Date | string }) => run(Effect.flatMap(instant(o.at, "at"), (at) => retry(eventIds, claimant, { at }))) }),
      ...(deadLetter === undefined ? {} : { deadLetter: (eventIds: ReadonlyArray<string>, claimant: string) => run(deadLetter(eventIds, claimant)) }),
      ...(revive === undefined ? {} : { revive: (eventIds: ReadonlyArray<string>) => run(revive(eventIds)) }),
      list: (query) => run(store.outbox.list(query))
    },
    loadDataset: (query) => run(store.loadDataset(query)),
    migrate: () => run(store.migrate),
    close: (options) => (closing ??= close(finiteMillis(options?.grace ?? "30 seconds") ?? 30_000))
  }
}
