/**
 * The `Store` service: the one port every adapter sits behind. Reads and writes the aggregates of
 * `@chanjiao/core` with optimistic concurrency (the caller passes the version it read), and in the same
 * transaction as every change appends an audit entry (actor, the caller's instant, version, event, hashes of
 * before and after) and an outbox entry for each domain event. Life-cycle changes go through the core's
 * machines: what the machine refuses, the store refuses, and a plain `put` cannot change a life-cycle state.
 *
 * @since 0.1.0
 */
import { Errors as CoreErrors, Lifecycle, Plugin } from "@chanjiao/core"
import type { Indicators, IsoDate, Policy } from "@chanjiao/core"
import * as Context from "effect/Context"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import * as Aggregates from "./Aggregates.js"
import type { AggregateType, Of, TypeName, WithLifecycle } from "./Aggregates.js"
import type { AuditEntry, Capabilities, Driver, NewAuditEntry, NewOutboxEntry, OutboxEntry, ReleaseOptions, Row } from "./Driver.js"
import { StoreDriver } from "./Driver.js"
import { Conflict, InvalidRecords, StoreError, TransitionRefused, UnknownType } from "./Errors.js"
import * as Codec from "./internal/codec.js"
import { canonicalJson, sha256, sha256OfJson } from "./internal/hash.js"
import { normalLimit, storable, unstorableDetail } from "./internal/text.js"

/**
 * A stored aggregate with its version.
 *
 * @since 0.1.0
 * @category models
 */
export interface Stored<A> {
  readonly type: string
  readonly id: string
  readonly version: number
  readonly value: A
  readonly updatedAt: string
}

/**
 * Who writes, and when (the store never reads a clock: the caller's instant goes into the audit).
 *
 * @since 0.1.0
 * @category models
 */
export interface Author {
  readonly actor: string
  readonly at: DateTime.Utc
}

/**
 * A write: the version the caller read (`0` to create) and its author.
 *
 * @since 0.1.0
 * @category models
 */
export interface PutOptions extends Author {
  readonly expectedVersion: number
}

/**
 * A life-cycle event to fire through the core's machine.
 *
 * @since 0.1.0
 * @category models
 */
export interface TransitionOptions extends PutOptions {
  readonly event: { readonly type: string; readonly on: IsoDate.IsoDate; readonly payload?: unknown }
  /** The actor as the machine sees it (id and roles from the host's login). */
  readonly by: Lifecycle.Actor
  readonly policy: Policy.Resolved
}

/**
 * The outcome of a transition.
 *
 * @since 0.1.0
 * @category models
 */
export interface Transitioned<A> {
  readonly stored: Stored<A>
  readonly state: string
  readonly emitted: ReadonlyArray<Lifecycle.DomainEvent>
  /** Findings of guards that did not block (warnings, info). */
  readonly findings: ReadonlyArray<unknown>
}

/**
 * A list query.
 *
 * @since 0.1.0
 * @category models
 */
export interface ListQuery {
  readonly schoolIds?: ReadonlyArray<string>
  /** Aggregates in force or taking place during the period (both ends inclusive). */
  readonly period?: { readonly start: IsoDate.IsoDate; readonly end: IsoDate.IsoDate }
  readonly ids?: ReadonlyArray<string>
  readonly afterId?: string
  readonly limit?: number
}

/**
 * What a dataset load covers: some schools (all when absent) and a period (agreements and internships
 * overlapping it; people and facts regardless).
 *
 * @since 0.1.0
 * @category models
 */
export interface DatasetQuery {
  readonly schoolIds?: ReadonlyArray<string>
  readonly period?: { readonly start: IsoDate.IsoDate; readonly end: IsoDate.IsoDate }
}

/**
 * The outbox, for integrations: claim entries, deliver them, then ack (never sent again) or release.
 *
 * @since 0.1.0
 * @category models
 */
export interface Outbox {
  /** Claims up to `n` entries for `claimant` until `at` + `leaseSeconds` (default 60). */
  readonly claim: (n: number, options: { readonly claimant: string; readonly at: DateTime.Utc; readonly leaseSeconds?: number }) => Effect.Effect<ReadonlyArray<OutboxEntry>, StoreError>
  readonly ack: (eventIds: ReadonlyArray<string>, claimant: string) => Effect.Effect<number, StoreError>
  /**
   * Gives entries claimed by `claimant` back (pending again); returns how many. `{ unsent: true }`: they were
   * not sent, so this claim is not counted as an attempt (`attempts` back down by one, never below 0).
   */
  readonly release: (eventIds: ReadonlyArray<string>, claimant: string, options?: ReleaseOptions) => Effect.Effect<number, StoreError>
  /**
   * Gives entries claimed by `claimant` back to be claimed again only after `options.at` (a retry time, e.g.
   * a backoff); `attempts` stays counted. Present when the adapter can (its driver's `retryOutbox`).
   *
   * @since 0.1.0
   */
  readonly retry?: (eventIds: ReadonlyArray<string>, claimant: string, options: { readonly at: DateTime.Utc }) => Effect.Effect<number, StoreError>
  /**
   * Marks entries claimed by `claimant` as dead letters (state `dead`): never claimed again unless revived.
   * Present when the adapter can (its driver's `deadLetterOutbox`).
   *
   * @since 0.1.0
   */
  readonly deadLetter?: (eventIds: ReadonlyArray<string>, claimant: string) => Effect.Effect<number, StoreError>
  /**
   * Makes dead letters `pending` again, `attempts` back to 0. Present when the adapter can (its driver's
   * `reviveOutbox`).
   *
   * @since 0.1.0
   */
  readonly revive?: (eventIds: ReadonlyArray<string>) => Effect.Effect<number, StoreError>
  /**
   * Entries in `seq` order, after `afterSeq`. For reports and audits of what is there, not for following changes
   * as they happen: with concurrent writers a transaction that commits later may hold a lower `seq` than the last
   * one a page showed, and paging on would pass it by. Integrations `claim` instead.
   */
  readonly list: (query?: { readonly state?: OutboxEntry["state"]; readonly afterSeq?: number; readonly limit?: number }) => Effect.Effect<ReadonlyArray<OutboxEntry>, StoreError>
}

/**
 * The service.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  readonly adapter: { readonly name: string; readonly capabilities: Capabilities }
  /** The aggregate, or `StoreError` with reason `not-found`. */
  readonly get: <K extends TypeName>(type: K, id: string) => Effect.Effect<Stored<Of<K>>, StoreError | UnknownType>
  /** The aggregate, or `undefined`. */
  readonly find: <K extends TypeName>(type: K, id: string) => Effect.Effect<Stored<Of<K>> | undefined, StoreError | UnknownType>
  /** The aggregate holding a natural key (`code:<school code>`, a credit code, `<school>:<ID number>`, …). */
  readonly findByNaturalKey: <K extends TypeName>(type: K, key: string) => Effect.Effect<Stored<Of<K>> | undefined, StoreError | UnknownType>
  readonly list: <K extends TypeName>(type: K, query?: ListQuery) => Effect.Effect<ReadonlyArray<Stored<Of<K>>>, StoreError | UnknownType>
  /**
   * Creates (`expectedVersion: 0`) or replaces an aggregate, decoding `value` with the type's Schema first.
   * Nothing is written when the input is invalid or the version is stale.
   */
  readonly put: <K extends TypeName>(type: K, value: unknown, options: PutOptions) => Effect.Effect<Stored<Of<K>>, CoreErrors.InvalidInput | Conflict | TransitionRefused | StoreError | UnknownType>
  /**
   * Creates many aggregates of one type in one transaction (a bulk load or an import): every record is
   * decoded first and all invalid ones are reported together (`InvalidRecords`); an id that exists already is
   * a `Conflict`. Each gets its audit entry and `created` event, as with `put`. Nothing is written on failure.
   */
  readonly createMany: <K extends TypeName>(type: K, values: ReadonlyArray<unknown>, author: Author) => Effect.Effect<number, InvalidRecords | Conflict | TransitionRefused | StoreError | UnknownType>
  /** Fires a life-cycle event through the core's machine. */
  readonly transition: <K extends WithLifecycle>(type: K, id: string, options: TransitionOptions) => Effect.Effect<Transitioned<Of<K>>, Conflict | TransitionRefused | StoreError | UnknownType>
  /** Applies the changes that are due by the date in the data (start, expiring, expiry); none → unchanged. */
  readonly advance: <K extends WithLifecycle>(type: K, id: string, options: PutOptions & { readonly policy: Policy.Resolved }) => Effect.Effect<Transitioned<Of<K>>, Conflict | StoreError | UnknownType>
  /** Runs `self` in one transaction: its writes land together or not at all. */
  readonly transaction: <A, E, R>(self: Effect.Effect<A, E, R>) => Effect.Effect<A, E | StoreError, R>
  /**
   * Audit entries in `seq` order (of one aggregate with `type` and `id`), after `afterSeq`. As with the outbox's
   * `list`, a page read while others write may be followed by an entry with a lower `seq`, committed later: to
   * follow changes, claim them from the outbox.
   */
  readonly audit: (query?: { readonly type?: string; readonly id?: string; readonly afterSeq?: number; readonly limit?: number }) => Effect.Effect<ReadonlyArray<AuditEntry>, StoreError>
  readonly outbox: Outbox
  /** The records `Indicators.compute` counts over, for some schools and a period. */
  readonly loadDataset: (query?: DatasetQuery) => Effect.Effect<Indicators.Dataset, StoreError>
  readonly migrate: Effect.Effect<void, StoreError>
}

/**
 * The `Store` service tag.
 *
 * @since 0.1.0
 * @category tags
 */
export class Store extends Context.Tag("@chanjiao/store/Store")<Store, Service>() {}

// -------------------------------------------------------------------------------------------------------------

type Any = AggregateType<unknown, unknown>

/** A bulk insert's chunk the driver refused, with its error (internal to `createMany`). */
class RefusedChunk {
  constructor(
    readonly rows: ReadonlyArray<Row>,
    readonly error: StoreError
  ) {}
}

/** Another record holds the natural key: the same words on every adapter. */
const naturalKeyHeld = (operation: string, naturalKey: string, holder: string, cause: unknown) =>
  new StoreError({ reason: "constraint", operation, detail: `唯一标识 ${naturalKey} 已被 ${holder} 使用 / natural key ${naturalKey} is held by ${holder}`, cause })

/** The longest outbox lease: a year. */
const maxLeaseSeconds = 365 * 24 * 60 * 60

const typeOf = (type: string): Effect.Effect<Any, UnknownType> =>
  Aggregates.isTypeName(type) ? Effect.succeed(Aggregates.types[type] as unknown as Any) : Effect.fail(new UnknownType({ type, detail: `known: ${Object.keys(Aggregates.types).join(", ")}` }))

const lifecycleOf = (t: Any): Effect.Effect<NonNullable<Any["machine"]>, UnknownType> =>
  t.machine === undefined ? Effect.fail(new UnknownType({ type: t.type, detail: "this type has no life cycle" })) : Effect.succeed(t.machine)

const iso = (at: DateTime.Utc) => DateTime.formatIso(at)

/**
 * The text a call puts into columns of their own (ids, keys, the actor, a claimant), checked before anything is
 * read or written: what one database cannot store must fail the same way on every adapter.
 */
const unstorable = (operation: string, fields: ReadonlyArray<readonly [string, string | null | undefined]>): StoreError | undefined => {
  for (const [field, value] of fields) {
    if (typeof value === "string" && !storable(value)) return new StoreError({ reason: "invalid", operation, detail: unstorableDetail(field, value) })
  }
  return undefined
}
const checkStorable = (operation: string, fields: ReadonlyArray<readonly [string, string | null | undefined]>): Effect.Effect<void, StoreError> => {
  const bad = unstorable(operation, fields)
  return bad === undefined ? Effect.void : Effect.fail(bad)
}

/** The columns a record's value fills (its id, school, natural key, parent), for {@link checkStorable}. */
const columnsOf = (t: Any, a: unknown, keys: Aggregates.Keys = t.keys(a)): ReadonlyArray<readonly [string, string | null | undefined]> => {
  return [
    ["id", t.idOf(a)],
    ["schoolId", keys.schoolId],
    ["naturalKey", keys.naturalKey],
    ...(t.parent === undefined ? [] : [[`${t.parent.type} id`, t.parent.idOf(a)] as const])
  ]
}

/** Ids of a query without those no adapter can have stored (`undefined` stays: no filter). */
const storableOnly = (ids: ReadonlyArray<string> | undefined) => (ids === undefined ? undefined : ids.filter(storable))

const stampOf = (value: unknown): unknown => (typeof value === "object" && value !== null ? (value as { lifecycle?: unknown }).lifecycle : undefined)

/**
 * How a store is built.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /**
   * Typed extension fields, by entity identifier (`Teacher`, `Internship`, …): a composed plugin bundle's
   * `extensions` (`Plugin.compose(...).extensions`). The store then decodes every write (`put`, `createMany`)
   * and every read with the entity schema extended by them (`Plugin.entity`): a bad, missing or unknown
   * extension field is an `InvalidInput` (`InvalidRecords` for `createMany`) and nothing is written; reads give
   * the typed values, and the stored JSON is their encoded form. Without it, `extensions` are any JSON.
   *
   * @since 0.1.0
   */
  readonly extensions?: { readonly [entity: string]: Plugin.Extension } | undefined
}

/** The Schema the store decodes a type with: the type's own, extended by the options' fields for its entity. */
const schemaFor = (t: Any, options: Options): Schema.Schema<unknown, unknown, never> => {
  const id = AST.getIdentifierAnnotation(t.schema.ast)
  if (options.extensions === undefined || Option.isNone(id) || options.extensions[id.value] === undefined) return t.schema
  return Plugin.entity({ extensions: options.extensions }, t.schema as unknown as Schema.Struct<Schema.Struct.Fields>) as unknown as Schema.Schema<unknown, unknown, never>
}

/**
 * Builds the service over a driver (with `options.extensions`, typed extension fields: see {@link Options}).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (driver: Driver, options: Options = {}): Service => {
  // Each type's Schema compiled once: its decoder and encoder (see internal/codec.ts for the cheaper roads).
  const codecs = new Map<string, Codec.Codec>()
  const codecOf = (t: Any) => {
    let c = codecs.get(t.type)
    if (c === undefined) codecs.set(t.type, (c = Codec.make(schemaFor(t, options))))
    return c
  }
  const decoderOf = (t: Any) => codecOf(t).decode
  const encode = (t: Any, value: unknown): unknown => codecOf(t).encode(value)

  /** A stored row decoded with its type's Schema (rows may come from other tools: always validated). */
  const loadSync = (t: Any, row: Row): Either.Either<Stored<unknown>, StoreError> => {
    let json: unknown
    try {
      json = JSON.parse(row.data)
    } catch (cause) {
      return Either.left(new StoreError({ reason: "corrupt", operation: `read ${row.type} ${row.id}`, detail: "not JSON", cause }))
    }
    const decoded = decoderOf(t)(json)
    return Either.isLeft(decoded)
      ? Either.left(new StoreError({ reason: "corrupt", operation: `read ${row.type} ${row.id}`, detail: decoded.left.messageEn, cause: decoded.left }))
      : Either.right({ type: row.type, id: row.id, version: row.version, value: decoded.right, updatedAt: row.updatedAt })
  }
  const load = (t: Any, row: Row): Effect.Effect<Stored<unknown>, StoreError> => Effect.suspend(() => loadSync(t, row))

  const conflictWith = (t: Any, id: string, expected: number) =>
    Effect.flatMap(driver.read(t.type, id), (now) => Effect.fail(new Conflict({ type: t.type, id, expected, current: now?.version ?? 0 })))

  /** Writes one change: the row (insert or compare-and-set), an audit entry and the outbox entries. */
  const write = (
    t: Any,
    value: unknown,
    previous: Row | undefined,
    expectedVersion: number,
    author: Author,
    event: string,
    emitted: ReadonlyArray<{ readonly event: string; readonly data: unknown }>
  ): Effect.Effect<Stored<unknown>, Conflict | StoreError> =>
    Effect.gen(function* () {
      const id = t.idOf(value)
      const encoded = encode(t, value)
      const keys = t.keys(value)
      let schoolId = keys.schoolId
      if (t.parent !== undefined) {
        const parentId = t.parent.idOf(value)
        const parent = yield* driver.read(t.parent.type, parentId)
        if (parent === undefined) {
          return yield* Effect.fail(new StoreError({ reason: "constraint", operation: `write ${t.type} ${id}`, detail: `${t.parent.type} ${parentId} does not exist / ${t.parent.type} ${parentId} 不存在` }))
        }
        schoolId = parent.schoolId
      }
      const version = expectedVersion + 1
      const at = iso(author.at)
      const stateOf = stampOf(value) as { state?: string } | undefined
      // The stored JSON is the canonical one (keys sorted): the text the audit hash is taken of.
      const data = canonicalJson(encoded)
      const row: Row = { type: t.type, id, version, schoolId, startsOn: keys.startsOn, endsOn: keys.endsOn, naturalKey: keys.naturalKey, state: stateOf?.state ?? null, data, updatedAt: at }
      if (previous === undefined) {
        if (!(yield* driver.insert(row))) return yield* conflictWith(t, id, 0)
      } else if (!(yield* driver.update(row, expectedVersion))) return yield* conflictWith(t, id, expectedVersion)
      yield* driver.appendAudit({
        actor: author.actor,
        at,
        type: t.type,
        id,
        version,
        event,
        beforeHash: previous === undefined ? null : sha256(canonicalJson(JSON.parse(previous.data))),
        afterHash: sha256OfJson(data)
      })
      if (emitted.length > 0) {
        const entries: Array<NewOutboxEntry> = emitted.map((e, n) => ({
          eventId: `${t.type}:${id}:${version}:${n}`,
          type: t.type,
          aggregateId: id,
          aggregateVersion: version,
          event: e.event,
          payload: JSON.stringify({ type: t.type, id, version, event: e.event, data: e.data }),
          at
        }))
        yield* driver.appendOutbox(entries)
      }
      return { type: t.type, id, version, value, updatedAt: at }
    })

  /** The caller's version: a whole number from `least` (0 to create, 1 for a change of something stored). */
  const checkVersion = (operation: string, expectedVersion: unknown, least: number): Effect.Effect<void, StoreError> => {
    if (Number.isSafeInteger(expectedVersion) && (expectedVersion as number) >= least) return Effect.void
    const got = typeof expectedVersion === "string" ? JSON.stringify(expectedVersion) : String(expectedVersion)
    return Effect.fail(
      new StoreError({
        reason: "invalid",
        operation,
        detail: `版本号应为不小于 ${least} 的整数${least === 0 ? "（新建为 0）" : ""}，收到 ${got} / expectedVersion must be a whole number ≥ ${least}${least === 0 ? " (0 to create)" : ""}, got ${got}`
      })
    )
  }

  /** Reads the row a change starts from and checks the caller's version. */
  const current = (t: Any, id: string, expectedVersion: number) =>
    Effect.gen(function* () {
      const row = yield* driver.read(t.type, id)
      if (row === undefined) return yield* Effect.fail(new StoreError({ reason: "not-found", operation: `change ${t.type} ${id}`, detail: `${t.label.en} ${id} does not exist / ${t.label.zh} ${id} 不存在` }))
      if (row.version !== expectedVersion) return yield* Effect.fail(new Conflict({ type: t.type, id, expected: expectedVersion, current: row.version }))
      return row
    })

  const put: Service["put"] = (type, value, options) =>
    Effect.gen(function* () {
      const t = yield* typeOf(type)
      yield* checkVersion(`put ${type}`, options.expectedVersion, 0)
      // Decode first: invalid input writes nothing.
      const decoded = decoderOf(t)(value)
      if (Either.isLeft(decoded)) return yield* Effect.fail(decoded.left)
      const a = decoded.right
      const id = t.idOf(a)
      yield* checkStorable(`put ${type} ${id}`, [["actor", options.actor], ...columnsOf(t, a)])
      return yield* driver.transaction(
        Effect.gen(function* () {
          const previous = options.expectedVersion === 0 ? undefined : yield* current(t, id, options.expectedVersion)
          if (options.expectedVersion === 0) {
            const there = yield* driver.read(t.type, id)
            if (there !== undefined) return yield* Effect.fail(new Conflict({ type: t.type, id, expected: 0, current: there.version }))
          }
          if (t.machine !== undefined) yield* guardStamp(t, id, a, previous)
          return yield* write(t, a, previous, options.expectedVersion, options, previous === undefined ? "created" : "updated", [{ event: `${t.type}.${previous === undefined ? "created" : "updated"}`, data: null }])
        })
      ).pipe(Effect.catchIf((e): e is StoreError => e instanceof StoreError && e.reason === "constraint", (e) => whyConstraint(t, id, t.keys(a).naturalKey, e)))
    }) as never

  /**
   * A plain write may not move a life cycle. A new aggregate may arrive in any state of its machine (an import
   * of agreements already signed or in force), stamped with that machine and version; an update must keep the
   * stored stamp as it is.
   */
  // The machine's identity and states do not depend on the policy (only its guards read it): built once per type.
  const stampMachines = new Map<string, Lifecycle.Machine<unknown>>()
  const stampMachineOf = (t: Any): Lifecycle.Machine<unknown> => {
    let machine = stampMachines.get(t.type)
    if (machine === undefined) stampMachines.set(t.type, (machine = t.machine!(undefined as never)))
    return machine
  }

  /** Why a write's life-cycle stamp is refused (see `guardStamp`), or `undefined` when it is fine. */
  const stampRefusal = (t: Any, id: string, a: unknown, previous: Row | undefined): TransitionRefused | undefined => {
    const stamp = stampOf(a) as { machine?: string; version?: number; state?: string } | undefined
    const machine = stampMachineOf(t)
    if (previous === undefined) {
      if (stamp === undefined || (stamp.machine === machine.id && stamp.version === machine.version && machine.states.some((s) => s.id === stamp.state))) return undefined
    } else if (canonicalJson(stamp ?? null) === canonicalJson(stampOf(JSON.parse(previous.data)) ?? null)) return undefined
    return new TransitionRefused({
      type: t.type,
      id,
      event: "put",
      reason: "not-a-transition",
      messageZh:
        previous === undefined
          ? `${t.label.zh} ${id} 的流程标记应为流程 ${machine.id} v${machine.version} 中的某个状态`
          : `${t.label.zh} ${id} 的流程状态只能通过流程事件改变，不能直接修改`,
      messageEn:
        previous === undefined
          ? `the life-cycle stamp of ${t.label.en} ${id} must name a state of machine ${machine.id} v${machine.version}`
          : `the life-cycle state of ${t.label.en} ${id} changes only through its machine's events, not by a plain write`,
      findings: []
    })
  }

  const guardStamp = (t: Any, id: string, a: unknown, previous: Row | undefined) =>
    Effect.suspend(() => {
      const refusal = stampRefusal(t, id, a, previous)
      return refusal === undefined ? Effect.void : Effect.fail(refusal)
    })

  const createMany: Service["createMany"] = (type, values, author) =>
    Effect.gen(function* () {
      const t = yield* typeOf(type)
      const decode = decoderOf(t)
      const valid: Array<unknown> = []
      const invalid: Array<{ readonly index: number; readonly error: CoreErrors.InvalidInput }> = []
      for (let index = 0; index < values.length; index++) {
        const r = decode(values[index])
        if (Either.isLeft(r)) invalid.push({ index, error: r.left })
        else valid.push(r.right)
      }
      if (invalid.length > 0) return yield* Effect.fail(new InvalidRecords({ type: t.type, total: values.length, invalid }))
      const at = iso(author.at)
      yield* checkStorable(`create ${values.length} ${t.type}`, [["actor", author.actor]])
      // The same id or natural key twice in the input: the input's mistake, reported by position like a bad record.
      const firstOfId = new Map<string, number>()
      const firstOfKey = new Map<string, number>()
      const repeated: Array<{ readonly index: number; readonly error: CoreErrors.InvalidInput }> = []
      const entity = Option.getOrElse(AST.getIdentifierAnnotation(t.schema.ast), () => t.type)
      for (let index = 0; index < valid.length; index++) {
        const a = valid[index]
        const id = t.idOf(a)
        const keys = t.keys(a)
        const naturalKey = keys.naturalKey
        const bad = unstorable(`create ${t.type} ${id}`, columnsOf(t, a, keys))
        if (bad !== undefined) return yield* Effect.fail(bad)
        const before = firstOfId.get(id)
        const keyBefore = naturalKey === null ? undefined : firstOfKey.get(naturalKey)
        if (before !== undefined || keyBefore !== undefined) {
          repeated.push({
            index,
            error: new CoreErrors.InvalidInput({
              entity,
              issues: [
                before !== undefined
                  ? { path: ["id"], zh: `编号 ${id} 在本批数据中重复（第 ${before + 1} 条已使用）`, en: `id ${id} appears again in this batch (first at #${before + 1})`, value: id }
                  : { path: [], zh: `唯一标识 ${naturalKey} 在本批数据中重复（第 ${keyBefore! + 1} 条已使用）`, en: `natural key ${naturalKey} appears again in this batch (first at #${keyBefore! + 1})`, value: naturalKey }
              ]
            })
          })
          continue
        }
        firstOfId.set(id, index)
        if (naturalKey !== null) firstOfKey.set(naturalKey, index)
        if (t.machine !== undefined) {
          const refusal = stampRefusal(t, id, a, undefined)
          if (refusal !== undefined) return yield* Effect.fail(refusal)
        }
      }
      if (repeated.length > 0) return yield* Effect.fail(new InvalidRecords({ type: t.type, total: values.length, invalid: repeated }))
      return yield* driver.transaction(
        Effect.gen(function* () {
          // Parents (an assessment's internship) are read in one query per chunk, for their school.
          const schools = new Map<string, string | null>()
          if (t.parent !== undefined) {
            const parentIds = [...new Set(valid.map((a) => t.parent!.idOf(a)))]
            for (let k = 0; k < parentIds.length; k += 1000) {
              const ids = parentIds.slice(k, k + 1000)
              // Only the parents' schools are needed: without reading their data when the driver can.
              if (driver.schoolsOf !== undefined) for (const [id, school] of yield* driver.schoolsOf(t.parent.type, ids)) schools.set(id, school)
              else for (const row of yield* driver.query(t.parent.type, { ids })) schools.set(row.id, row.schoolId)
            }
          }
          // The created event's payload, JSON.stringify({ type, id, version: 1, event, data: null }), around each id.
          const created = `${t.type}.created`
          const payloadHead = `{"type":${JSON.stringify(t.type)},"id":`
          const payloadTail = `,"version":1,"event":${JSON.stringify(created)},"data":null}`
          const createdPayload = (id: string) => payloadHead + JSON.stringify(id) + payloadTail
          const chunk = 500
          for (let k = 0; k < valid.length; k += chunk) {
            const rows: Array<Row> = []
            const audit: Array<NewAuditEntry> = []
            const events: Array<NewOutboxEntry> = []
            for (const a of valid.slice(k, k + chunk)) {
              const id = t.idOf(a)
              const encoded = encode(t, a)
              const keys = t.keys(a)
              let schoolId = keys.schoolId
              if (t.parent !== undefined) {
                const parentId = t.parent.idOf(a)
                if (!schools.has(parentId)) {
                  return yield* Effect.fail(new StoreError({ reason: "constraint", operation: `create ${t.type} ${id}`, detail: `${t.parent.type} ${parentId} does not exist / ${t.parent.type} ${parentId} 不存在` }))
                }
                schoolId = schools.get(parentId) ?? null
              }
              // Canonical JSON (keys sorted) is stored, and hashed for the audit entry: one serialisation.
              const data = canonicalJson(encoded)
              const stamp = stampOf(a) as { state?: string } | undefined
              rows.push({ type: t.type, id, version: 1, schoolId, startsOn: keys.startsOn, endsOn: keys.endsOn, naturalKey: keys.naturalKey, state: stamp?.state ?? null, data, updatedAt: at })
              audit.push({ actor: author.actor, at, type: t.type, id, version: 1, event: "created", beforeHash: null, afterHash: sha256OfJson(data) })
              events.push({ eventId: `${t.type}:${id}:1:0`, type: t.type, aggregateId: id, aggregateVersion: 1, event: created, payload: createdPayload(id), at })
            }
            // A refused chunk is remembered, to say after the rollback which record the database refused.
            if (driver.insertMany !== undefined) yield* Effect.mapError(driver.insertMany(rows), (error) => new RefusedChunk(rows, error))
            else {
              for (const row of rows) {
                const inserted = yield* Effect.mapError(driver.insert(row), (error) => new RefusedChunk([row], error))
                if (!inserted) return yield* conflictWith(t, row.id, 0)
              }
            }
            if (driver.appendAuditMany !== undefined) yield* driver.appendAuditMany(audit)
            else for (const entry of audit) yield* driver.appendAudit(entry)
            yield* driver.appendOutbox(events)
          }
          return valid.length
        })
      ).pipe(Effect.catchIf((e): e is RefusedChunk => e instanceof RefusedChunk, (refused) => whyRefused(t, refused.rows, refused.error)))
    }) as never

  /**
   * Which record of a refused bulk insert the database had already (a `Conflict` naming it, as for `put`), or
   * whose natural key another record holds — asked after the rollback, so on every database (PostgreSQL's
   * aborted transaction included). When neither shows, the driver's error stands.
   */
  const whyRefused = (t: Any, rows: ReadonlyArray<Row>, error: StoreError): Effect.Effect<never, Conflict | StoreError> =>
    Effect.gen(function* () {
      if (error.reason !== "conflict" && error.reason !== "constraint") return yield* Effect.fail(error)
      const found = yield* Effect.either(
        Effect.gen(function* () {
          const existing = new Map((yield* driver.query(t.type, { ids: rows.map((r) => r.id) })).map((r) => [r.id, r.version] as const))
          const taken = rows.find((r) => existing.has(r.id))
          if (taken !== undefined) return new Conflict({ type: t.type, id: taken.id, expected: 0, current: existing.get(taken.id)! })
          // Natural keys only for a constraint error (one lookup each, on this error path only).
          for (const r of error.reason === "constraint" ? rows : []) {
            if (r.naturalKey === null) continue
            const holder = yield* driver.findByNaturalKey(t.type, r.naturalKey)
            if (holder !== undefined && holder !== r.id) return naturalKeyHeld(`create ${t.type} ${r.id}`, r.naturalKey, holder, error)
          }
          return undefined
        })
      )
      return yield* Effect.fail(Either.isRight(found) && found.right !== undefined ? found.right : error)
    })

  /** A constraint error from a single write: when the natural key is held by another record, say so, and by which. */
  const whyConstraint = (t: Any, id: string, naturalKey: string | null, error: StoreError): Effect.Effect<never, StoreError> =>
    error.reason !== "constraint" || naturalKey === null
      ? Effect.fail(error)
      : Effect.flatMap(Effect.either(driver.findByNaturalKey(t.type, naturalKey)), (holder) =>
          Effect.fail(Either.isRight(holder) && holder.right !== undefined && holder.right !== id ? naturalKeyHeld(`write ${t.type} ${id}`, naturalKey, holder.right, error) : error)
        )

  /** A life-cycle change: the stored aggregate at the caller's version, its machine under the policy, one transaction. */
  const onMachine = <R, E>(
    type: string,
    id: string,
    options: PutOptions & { readonly policy: Policy.Resolved },
    change: (t: Any, row: Row, before: Stored<unknown>, machine: Lifecycle.Machine<unknown>) => Effect.Effect<R, E>
  ) =>
    Effect.gen(function* () {
      const t = yield* typeOf(type)
      const machineOf = yield* lifecycleOf(t)
      yield* checkVersion(`change ${type} ${id}`, options.expectedVersion, 1)
      yield* checkStorable(`change ${type}`, [["id", id], ["actor", options.actor]])
      return yield* driver.transaction(
        Effect.gen(function* () {
          const row = yield* current(t, id, options.expectedVersion)
          return yield* change(t, row, yield* load(t, row), machineOf(options.policy))
        })
      )
    })

  const asEvents = (emitted: ReadonlyArray<Lifecycle.DomainEvent>) => emitted.map((e) => ({ event: e.type, data: e }))

  const transition: Service["transition"] = (type, id, options) =>
    onMachine(type, id, options, (t, row, before, machine) =>
      Effect.gen(function* () {
        const input: Lifecycle.Input<unknown> = { type: options.event.type, on: options.event.on, payload: options.event.payload }
        const result = Lifecycle.transition(machine, before.value, input, options.by, { policy: options.policy, ref: { type: t.type, id } })
        if (Either.isLeft(result)) {
          const r = result.left
          return yield* Effect.fail(new TransitionRefused({ type: t.type, id, event: input.type, reason: r.reason, messageZh: r.message.zh, messageEn: r.message.en, findings: r.findings }))
        }
        const step = result.right
        const stored = yield* write(t, step.aggregate, row, options.expectedVersion, options, input.type, asEvents(step.emitted))
        return { stored, state: step.state.id, emitted: step.emitted, findings: step.findings }
      })
    ) as never

  const advance: Service["advance"] = (type, id, options) =>
    onMachine(type, id, options, (t, row, before, machine) =>
      Effect.gen(function* () {
        const next = Lifecycle.advance(machine, before.value, options.policy)
        const state = (machine.stamp(next.aggregate)?.state ?? machine.initial) as string
        if (next.emitted.length === 0) return { stored: before, state, emitted: [], findings: [] }
        const stored = yield* write(t, next.aggregate, row, options.expectedVersion, options, "advance", asEvents(next.emitted))
        return { stored, state, emitted: next.emitted, findings: [] }
      })
    ) as never

  const find: Service["find"] = (type, id) =>
    Effect.gen(function* () {
      const t = yield* typeOf(type)
      // An id no adapter can store is in none of them (and asking PostgreSQL would be an error).
      if (!storable(id)) return undefined
      const row = yield* driver.read(t.type, id)
      return row === undefined ? undefined : yield* load(t, row)
    }) as never

  const get: Service["get"] = (type, id) =>
    Effect.flatMap(find(type, id), (s) =>
      s === undefined ? Effect.fail(new StoreError({ reason: "not-found", operation: `get ${type} ${id}`, detail: `${type} ${id} does not exist / ${type} ${id} 不存在` })) : Effect.succeed(s)
    ) as never

  const rows = (t: Any, query: ListQuery): Effect.Effect<ReadonlyArray<Row>, StoreError> =>
    Effect.suspend(() => {
      const schoolIds = storableOnly(query.schoolIds)
      const ids = storableOnly(query.ids)
      // Asked only for ids (or schools) no adapter can have stored: nothing.
      if ((query.schoolIds !== undefined && query.schoolIds.length > 0 && schoolIds!.length === 0) || (query.ids !== undefined && query.ids.length > 0 && ids!.length === 0)) return Effect.succeed([])
      return Effect.zipRight(
        checkStorable(`list ${t.type}`, [["afterId", query.afterId]]),
        driver.query(t.type, {
          schoolIds,
          period: query.period === undefined ? undefined : { from: query.period.start, to: query.period.end },
          ids,
          afterId: query.afterId,
          limit: normalLimit(query.limit)
        })
      )
    })

  const list: Service["list"] = (type, query = {}) =>
    Effect.gen(function* () {
      const t = yield* typeOf(type)
      return yield* Effect.forEach(yield* rows(t, query), (row) => load(t, row))
    }) as never

  const findByNaturalKey: Service["findByNaturalKey"] = (type, key) =>
    Effect.gen(function* () {
      const t = yield* typeOf(type)
      if (!storable(key)) return undefined
      const id = yield* driver.findByNaturalKey(t.type, key)
      return id === undefined ? undefined : yield* find(type, id)
    }) as never

  // Loads every row of a type for the query, a page at a time (memory stays bounded by the result).
  const all = (type: TypeName, query: ListQuery): Effect.Effect<ReadonlyArray<unknown>, StoreError> =>
    Effect.gen(function* () {
      const t = Aggregates.types[type] as unknown as Any
      const out: Array<unknown> = []
      let afterId: string | undefined
      for (;;) {
        const page = yield* rows(t, { ...query, ...(afterId === undefined ? {} : { afterId }), limit: 5000 })
        for (const row of page) {
          const r = loadSync(t, row)
          if (Either.isLeft(r)) return yield* Effect.fail(r.left)
          out.push(r.right.value)
        }
        if (page.length < 5000) return out
        afterId = page[page.length - 1]!.id
      }
    })

  const loadDataset: Service["loadDataset"] = (query = {}) =>
    Effect.gen(function* () {
      const bySchool: ListQuery = query.schoolIds === undefined ? {} : { schoolIds: query.schoolIds }
      const inPeriod: ListQuery = query.period === undefined ? bySchool : { ...bySchool, period: query.period }
      const [schools, majors, teachers, students, facts, cooperation, internships, assessments, trainingBases, apprenticeships, internshipAgreements] = yield* Effect.all([
        all("school", bySchool),
        all("major", bySchool),
        all("teacher", bySchool),
        all("student", bySchool),
        all("school-facts", bySchool),
        all("cooperation-agreement", inPeriod),
        all("internship", inPeriod),
        all("assessment", bySchool),
        all("training-base", bySchool),
        all("apprenticeship-agreement", inPeriod),
        all("internship-agreement", inPeriod)
      ])
      // Enterprises belong to no school: for some schools, those their agreements name.
      const enterpriseIds = [...new Set([...(cooperation as ReadonlyArray<{ enterpriseId: string }>), ...(apprenticeships as ReadonlyArray<{ enterpriseId: string }>)].map((a) => a.enterpriseId))].sort()
      const enterprises = query.schoolIds === undefined ? yield* all("enterprise", {}) : enterpriseIds.length === 0 ? [] : yield* all("enterprise", { ids: enterpriseIds })
      return { schools, majors, teachers, students, facts, cooperation, internships, assessments, trainingBases, apprenticeships, internshipAgreements, enterprises } as unknown as Indicators.Dataset
    })

  // The optional operations are offered only when the driver has them (callers check for their presence).
  const { retryOutbox, deadLetterOutbox, reviveOutbox } = driver
  // Event ids and claimants no adapter can have stored match nothing: those calls settle without asking.
  const settleFor = (eventIds: ReadonlyArray<string>, claimant: string | undefined, f: (ids: ReadonlyArray<string>) => Effect.Effect<number, StoreError>) => {
    const ids = eventIds.filter(storable)
    return ids.length === 0 || (claimant !== undefined && !storable(claimant)) ? Effect.succeed(0) : f(ids)
  }
  const outbox: Outbox = {
    claim: (n, options) =>
      Effect.suspend(() => {
        const lease = options.leaseSeconds ?? 60
        // A lease is a time to deliver in: up to a year (a claim's end is compared as ISO text, which holds to year 9999).
        if (!(Number.isFinite(lease) && lease > 0 && lease <= maxLeaseSeconds)) {
          return Effect.fail(
            new StoreError({
              reason: "invalid",
              operation: "claim outbox",
              detail: `租期应为 0 到 ${maxLeaseSeconds} 秒之间（不含 0），收到 ${String(lease)} / leaseSeconds must be more than 0 and at most ${maxLeaseSeconds} (a year), got ${String(lease)}`
            })
          )
        }
        const most = normalLimit(n)
        if (most === 0) return Effect.succeed([])
        return Effect.zipRight(
          checkStorable("claim outbox", [["claimant", options.claimant]]),
          driver.transaction(driver.claimOutbox(most ?? Number.MAX_SAFE_INTEGER, options.claimant, iso(options.at), iso(DateTime.add(options.at, { seconds: lease }))))
        )
      }),
    ack: (eventIds, claimant) => settleFor(eventIds, claimant, (ids) => driver.ackOutbox(ids, claimant)),
    release: (eventIds, claimant, options) => settleFor(eventIds, claimant, (ids) => driver.releaseOutbox(ids, claimant, options)),
    ...(retryOutbox === undefined
      ? {}
      : { retry: (eventIds: ReadonlyArray<string>, claimant: string, options: { readonly at: DateTime.Utc }) => settleFor(eventIds, claimant, (ids) => retryOutbox(ids, claimant, iso(options.at))) }),
    ...(deadLetterOutbox === undefined ? {} : { deadLetter: (eventIds: ReadonlyArray<string>, claimant: string) => settleFor(eventIds, claimant, (ids) => deadLetterOutbox(ids, claimant)) }),
    ...(reviveOutbox === undefined ? {} : { revive: (eventIds: ReadonlyArray<string>) => settleFor(eventIds, undefined, (ids) => reviveOutbox(ids)) }),
    list: (query = {}) => driver.readOutbox({ ...query, limit: normalLimit(query.limit) })
  }

  return {
    adapter: { name: driver.name, capabilities: driver.capabilities },
    get,
    find,
    findByNaturalKey,
    list,
    put,
    createMany,
    transition,
    advance,
    transaction: driver.transaction,
    // An audit query for a type or id no adapter can have stored finds nothing.
    audit: (query = {}) =>
      (query.type !== undefined && !storable(query.type)) || (query.id !== undefined && !storable(query.id)) ? Effect.succeed([]) : driver.readAudit({ ...query, limit: normalLimit(query.limit) }),
    outbox,
    loadDataset,
    migrate: driver.migrate
  }
}

/**
 * The store over the driver in context.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Store, never, StoreDriver> = Layer.effect(Store, Effect.map(StoreDriver, (driver) => make(driver)))

/**
 * The store over the driver in context, built with options (e.g. a plugin bundle's typed extension fields).
 *
 * @example
 * ```ts
 * import { National, Plugin, Teacher } from "@chanjiao/core"
 * import { Memory, Store } from "@chanjiao/store"
 * import * as Layer from "effect/Layer"
 * import * as Schema from "effect/Schema"
 *
 * const card = Plugin.make({
 *   id: "campus-card",
 *   version: "1.0.0",
 *   title: { zh: "校园卡", en: "campus card" },
 *   citation: { document: "校园卡管理办法", confidence: "L" },
 *   extensions: [Plugin.extension(Teacher.Teacher, { campusCard: Schema.String.pipe(Schema.pattern(/^C\d{6}$/)) })]
 * })
 * const bundle = Plugin.unsafeCompose(National.policy, card)
 * const store = Store.layerWith({ extensions: bundle.extensions }).pipe(Layer.provideMerge(Memory.layerDriver))
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerWith = (options: Options): Layer.Layer<Store, never, StoreDriver> => Layer.effect(Store, Effect.map(StoreDriver, (driver) => make(driver, options)))
