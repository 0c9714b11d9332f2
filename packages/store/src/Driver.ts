/**
 * The driver contract: what an adapter implements so that the `Store` runs over it. It is deliberately small —
 * rows of JSON with a few indexed columns, an append-only audit table and an outbox table — so a host can write
 * its own adapter over its existing database and certify it with the conformance kit
 * (`@chanjiao/store/testing`). Everything domain-specific (decoding, versions, hashes, life cycles, events) is
 * done once, in `Store.make`.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import type { StoreError } from "./Errors.js"

/**
 * One stored aggregate. `data` is the JSON of the aggregate as its Schema encodes it; the other columns are
 * derived from it by the store (for queries) and never read back into the aggregate.
 *
 * @since 0.1.0
 * @category models
 */
export interface Row {
  /** The aggregate type, e.g. `teacher`, `cooperation-agreement`. */
  readonly type: string
  readonly id: string
  /** 1 for a new aggregate, +1 on every change. */
  readonly version: number
  /** The school the aggregate belongs to; `null` for enterprises. */
  readonly schoolId: string | null
  /** The first and last day it is in force or takes place (`YYYY-MM-DD`), for period queries; `null` = open. */
  readonly startsOn: string | null
  readonly endsOn: string | null
  /** A natural key unique within the type (credit code, ID number, agreement number), when it has one. */
  readonly naturalKey: string | null
  /** The life-cycle state, when the aggregate has a machine. */
  readonly state: string | null
  readonly data: string
  /** The caller's instant of the last change (ISO 8601, UTC). */
  readonly updatedAt: string
}

/**
 * A row query: the rows of one type, optionally of some schools, overlapping a period, after an id (for
 * paging), at most `limit`. Rows come back ordered by id.
 *
 * @since 0.1.0
 * @category models
 */
export interface Query {
  readonly schoolIds?: ReadonlyArray<string> | undefined
  /** Rows whose [startsOn, endsOn] overlaps [from, to] (a `null` bound is open). */
  readonly period?: { readonly from: string; readonly to: string } | undefined
  readonly ids?: ReadonlyArray<string> | undefined
  readonly afterId?: string | undefined
  readonly limit?: number | undefined
}

/**
 * An audit entry as appended (the driver assigns `seq`).
 *
 * @since 0.1.0
 * @category models
 */
export interface NewAuditEntry {
  readonly actor: string
  readonly at: string
  readonly type: string
  readonly id: string
  /** The aggregate's version after the change. */
  readonly version: number
  /** `created`, `updated`, or the life-cycle event (`sign`, `timed:expire`, …). */
  readonly event: string
  /** SHA-256 (hex) of the aggregate's canonical JSON before and after; `null` before a creation. */
  readonly beforeHash: string | null
  readonly afterHash: string
}

/**
 * @since 0.1.0
 * @category models
 */
export interface AuditEntry extends NewAuditEntry {
  /** Increasing in the order entries were appended. */
  readonly seq: number
}

/**
 * An outbox entry as appended. `eventId` is deterministic (`type:id:version:n`) and unique: the idempotency key
 * integrations send along.
 *
 * @since 0.1.0
 * @category models
 */
export interface NewOutboxEntry {
  readonly eventId: string
  readonly type: string
  readonly aggregateId: string
  readonly aggregateVersion: number
  /** The domain event, e.g. `teacher.created`, `agreement.signed`. */
  readonly event: string
  /** JSON of the event's data. */
  readonly payload: string
  readonly at: string
}

/**
 * @since 0.1.0
 * @category models
 */
export interface OutboxEntry extends NewOutboxEntry {
  readonly seq: number
  /**
   * `pending` until claimed; `claimed` while a consumer holds it (or until its retry time, see `retryOutbox`);
   * `acked` once delivered (never again); `dead` once a consumer gave up on it (a dead letter: never claimed
   * again unless revived). Adapters without `deadLetterOutbox` never hold `dead` entries.
   */
  readonly state: "pending" | "claimed" | "acked" | "dead"
  /** How many times it has been claimed. */
  readonly attempts: number
  readonly claimedBy: string | null
  /** A claim lapses after this instant, and the entry can be claimed again. */
  readonly claimedUntil: string | null
}

/**
 * Options of a release (`releaseOutbox`, `Store.outbox.release`).
 *
 * @since 0.1.0
 * @category models
 */
export interface ReleaseOptions {
  /**
   * The entries are given back unsent (e.g. too little of the lease was left, or the consumer stopped before
   * their turn): their claim is not counted as an attempt. Default `false` (a request may have been made).
   */
  readonly unsent?: boolean | undefined
}

/**
 * What an adapter can do; the conformance kit skips the tests of what it cannot.
 *
 * @since 0.1.0
 * @category models
 */
export interface Capabilities {
  /** Writes from concurrent fibers or processes are isolated (compare-and-set holds under contention). */
  readonly concurrentWriters: boolean
  /** The adapter has its own schema migrations (`migrate`). */
  readonly migrations: boolean
  /** Data survives the adapter being closed and opened again. */
  readonly durable: boolean
}

/**
 * The contract. Every method fails only with `StoreError` (driver errors are mapped, never leaked). Writes
 * made inside `transaction` land together or not at all; a transaction inside a transaction is a savepoint.
 *
 * @since 0.1.0
 * @category models
 */
export interface Driver {
  readonly name: string
  readonly capabilities: Capabilities
  readonly transaction: <A, E, R>(self: Effect.Effect<A, E, R>) => Effect.Effect<A, E | StoreError, R>
  readonly read: (type: string, id: string) => Effect.Effect<Row | undefined, StoreError>
  readonly query: (type: string, query: Query) => Effect.Effect<ReadonlyArray<Row>, StoreError>
  /** Finds the id of the row of `type` holding `naturalKey`. */
  readonly findByNaturalKey: (type: string, naturalKey: string) => Effect.Effect<string | undefined, StoreError>
  /**
   * Inserts a new row. `false` when a row of that type and id exists already (the store turns it into a
   * `Conflict`); a natural key held by another row fails with reason `constraint`.
   */
  readonly insert: (row: Row) => Effect.Effect<boolean, StoreError>
  /** Replaces the row if its stored version is `expectedVersion` (compare-and-set); `false` otherwise. */
  readonly update: (row: Row, expectedVersion: number) => Effect.Effect<boolean, StoreError>
  /**
   * Optional, for bulk loads: inserts many new rows at once (multi-row INSERTs). Fails with reason `conflict`
   * when any of them exists already and `constraint` on a natural key held by another row. Without it the
   * store inserts one row at a time.
   */
  readonly insertMany?: (rows: ReadonlyArray<Row>) => Effect.Effect<void, StoreError>
  /**
   * Optional, for bulk loads: the school of each row of `type` among `ids` that exists (missing ids are left
   * out), without reading the rows' data. The store reads a parent's school with it (an assessment's
   * internship); without it the store reads the parent rows.
   */
  readonly schoolsOf?: (type: string, ids: ReadonlyArray<string>) => Effect.Effect<ReadonlyMap<string, string | null>, StoreError>
  readonly appendAudit: (entry: NewAuditEntry) => Effect.Effect<void, StoreError>
  /** Optional, for bulk loads: appends many audit entries at once, in order. */
  readonly appendAuditMany?: (entries: ReadonlyArray<NewAuditEntry>) => Effect.Effect<void, StoreError>
  readonly readAudit: (query: { readonly type?: string | undefined; readonly id?: string | undefined; readonly afterSeq?: number | undefined; readonly limit?: number | undefined }) => Effect.Effect<ReadonlyArray<AuditEntry>, StoreError>
  readonly appendOutbox: (entries: ReadonlyArray<NewOutboxEntry>) => Effect.Effect<void, StoreError>
  /**
   * Claims up to `n` entries, oldest first, that are pending or whose claim lapsed before `at`: they become
   * `claimed` by `claimant` until `until`, with `attempts` + 1. Two concurrent claims never get the same entry.
   */
  readonly claimOutbox: (n: number, claimant: string, at: string, until: string) => Effect.Effect<ReadonlyArray<OutboxEntry>, StoreError>
  /** Marks entries claimed by `claimant` as delivered; returns how many. Acked entries are never claimed again. */
  readonly ackOutbox: (eventIds: ReadonlyArray<string>, claimant: string) => Effect.Effect<number, StoreError>
  /**
   * Gives entries claimed by `claimant` back (pending again); returns how many. With `options.unsent` the
   * consumer gave them back without sending them: the claim was not an attempt, and `attempts` goes back down
   * by one (never below 0) in the same write. (Optional parameter: a driver that ignores it counts every claim.)
   */
  readonly releaseOutbox: (eventIds: ReadonlyArray<string>, claimant: string, options?: ReleaseOptions) => Effect.Effect<number, StoreError>
  /**
   * Optional: gives entries claimed by `claimant` back to be claimed again only after `at` (a
   * retry time, ISO 8601 UTC): they stay `claimed` until `at` and are then claimable like a lapsed claim;
   * `attempts` is kept. Returns how many. Without it, a consumer can only release at once or let the claim lapse.
   */
  readonly retryOutbox?: (eventIds: ReadonlyArray<string>, claimant: string, at: string) => Effect.Effect<number, StoreError>
  /**
   * Optional: marks entries claimed by `claimant` as `dead` (dead letters: a consumer gave up on
   * them); they are never claimed again unless revived. Returns how many.
   */
  readonly deadLetterOutbox?: (eventIds: ReadonlyArray<string>, claimant: string) => Effect.Effect<number, StoreError>
  /**
   * Optional (with `deadLetterOutbox`): makes `dead` entries `pending` again with `attempts` back to
   * 0 (after the cause was fixed). Entries in another state are left as they are. Returns how many.
   */
  readonly reviveOutbox?: (eventIds: ReadonlyArray<string>) => Effect.Effect<number, StoreError>
  /** Entries in order, for inspection and tests. */
  readonly readOutbox: (query: { readonly state?: OutboxEntry["state"] | undefined; readonly afterSeq?: number | undefined; readonly limit?: number | undefined }) => Effect.Effect<ReadonlyArray<OutboxEntry>, StoreError>
  /** Brings the adapter's schema up to date; running it again is a no-op. */
  readonly migrate: Effect.Effect<void, StoreError>
}

/**
 * The driver service.
 *
 * @since 0.1.0
 * @category tags
 */
export class StoreDriver extends Context.Tag("@chanjiao/store/StoreDriver")<StoreDriver, Driver>() {}
