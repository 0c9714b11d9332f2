/**
 * Life cycles as data (after XState's pure `transition`): states with tags and labels, events with the roles
 * that may fire them and guards that are rules (a refusal is a finding with its citation), and timed changes
 * that `advance` applies from dates in the data — never timers. Every function is pure.
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import type { LifecycleStamp } from "./Entity.js"
import type { Finding } from "./Finding.js"
import type { IsoDate } from "./IsoDate.js"
import type { Resolved } from "./Policy.js"
import * as Rule from "./Rule.js"
import { Text } from "./Text.js"

/**
 * A state.
 *
 * @since 0.1.0
 * @category models
 */
export interface State {
  readonly id: string
  readonly label: Text
  readonly tags: ReadonlyArray<string>
  readonly terminal: boolean
}

/**
 * Who fires an event: an id and the roles the host system gave them.
 *
 * @since 0.1.0
 * @category models
 */
export interface Actor {
  readonly id: string
  readonly roles: ReadonlyArray<string>
}

/**
 * What an event needs besides the aggregate: the date, the actor, a payload, the policy in force.
 *
 * @since 0.1.0
 * @category models
 */
export interface Input<P> {
  readonly type: string
  readonly on: IsoDate
  readonly payload: P
}

/**
 * A guard: a rule run on (aggregate, event); any `violation` it finds refuses the event.
 *
 * @since 0.1.0
 * @category models
 */
export interface GuardSubject<A> {
  readonly aggregate: A
  readonly event: Input<unknown>
  readonly actor: Actor
}

/**
 * An event of a machine.
 *
 * @since 0.1.0
 * @category models
 */
export interface Event<A> {
  readonly id: string
  readonly label: Text
  readonly from: ReadonlyArray<string>
  /** The state after the event (a function when it depends on the aggregate, e.g. "signed once both sign"). */
  readonly to: string | ((aggregate: A, event: Input<unknown>) => string)
  /** Every state `to` may return, for the machine's graph and JSON. */
  readonly targets: ReadonlyArray<string>
  readonly roles: ReadonlyArray<string>
  readonly guards: ReadonlyArray<Rule.Rule<GuardSubject<A>>>
  /** The aggregate's data after the event (signatures recorded, reasons kept). */
  readonly apply: (aggregate: A, event: Input<unknown>, actor: Actor) => A
  /** Domain events emitted, as data (the outbox writes them). */
  readonly emits: ReadonlyArray<string>
}

/**
 * A change that happens on a date in the data (`advance`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Timed<A> {
  readonly id: string
  readonly label: Text
  readonly from: ReadonlyArray<string>
  readonly to: string
  /** The date it happens for this aggregate under the policy, or `undefined` when it never does. */
  readonly when: (aggregate: A, policy: Resolved) => IsoDate | undefined
  readonly emits: ReadonlyArray<string>
}

/**
 * A machine: data plus the pure functions over it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Machine<A> {
  readonly id: string
  readonly version: number
  readonly title: Text
  readonly initial: string
  readonly states: ReadonlyArray<State>
  readonly events: ReadonlyArray<Event<A>>
  readonly timed: ReadonlyArray<Timed<A>>
  readonly stamp: (aggregate: A) => LifecycleStamp | undefined
  readonly restamp: (aggregate: A, stamp: LifecycleStamp) => A
}

/**
 * A domain event emitted by a transition, as data.
 *
 * @since 0.1.0
 * @category models
 */
export interface DomainEvent {
  readonly type: string
  readonly machine: string
  readonly aggregateState: string
  readonly on: IsoDate
  readonly by?: string
}

/**
 * Why a transition was refused.
 *
 * @since 0.1.0
 * @category models
 */
export interface Refusal {
  readonly reason: "unknown-machine" | "unknown-state" | "unknown-event" | "wrong-state" | "terminal" | "forbidden" | "guard"
  readonly message: Text
  readonly findings: ReadonlyArray<Finding>
}

interface RoleSubject {
  readonly actor: Actor
  readonly needed: ReadonlyArray<string>
  readonly label: Text
}

/**
 * LC-ROLE: only the roles a machine names may fire an event (a library rule: the refusal is a finding, so a
 * screen shows why a button is missing).
 *
 * @since 0.1.0
 * @category rules
 */
export const roleRule = Rule.make<RoleSubject>({
  id: "LC-ROLE",
  area: "agreement",
  title: { zh: "按角色授权的流程操作", en: "events by authorised roles" },
  confidence: "I",
  subject: "LifecycleEvent",
  versions: [
    {
      effectiveFrom: "2000-01-01" as IsoDate,
      citations: [{ document: "chanjiao 流程定义（按角色授权）", confidence: "I" }],
      parameters: [],
      check: (s, ctx) => [
        ctx.finding({
          severity: "violation",
          message: { zh: `${s.actor.id} 无权执行“${s.label.zh}”，需要角色：${s.needed.join("、")}`, en: `${s.actor.id} may not ${s.label.en}; needs one of: ${s.needed.join(", ")}` },
          remedy: { zh: "由具有相应角色的人员操作", en: "have a person with the role do it" }
        })
      ]
    }
  ]
})

const refusal = (reason: Refusal["reason"], zh: string, en: string, findings: ReadonlyArray<Finding> = []): Refusal => ({ reason, message: { zh, en }, findings })

/**
 * The state an aggregate is in, checked against the machine: a stamp of another machine or version, or a state
 * the machine does not know, is a typed refusal — never silently accepted.
 *
 * @since 0.1.0
 * @category combinators
 */
export const load = <A>(machine: Machine<A>, aggregate: A): Either.Either<State, Refusal> => {
  const stamp = machine.stamp(aggregate)
  if (stamp === undefined) return Either.right(machine.states.find((s) => s.id === machine.initial)!)
  if (stamp.machine !== machine.id || stamp.version !== machine.version) {
    return Either.left(
      refusal("unknown-machine", `记录属于流程 ${stamp.machine} v${stamp.version}，不是 ${machine.id} v${machine.version}`, `the record follows ${stamp.machine} v${stamp.version}, not ${machine.id} v${machine.version}`)
    )
  }
  const state = machine.states.find((s) => s.id === stamp.state)
  return state === undefined
    ? Either.left(refusal("unknown-state", `流程 ${machine.id} 没有状态“${stamp.state}”`, `machine ${machine.id} has no state "${stamp.state}"`))
    : Either.right(state)
}

/**
 * The outcome of a transition: the aggregate in its new state and the domain events to emit.
 *
 * @since 0.1.0
 * @category models
 */
export interface Step<A> {
  readonly aggregate: A
  readonly state: State
  readonly emitted: ReadonlyArray<DomainEvent>
  /** Findings of the guards that did not block (warnings, info). */
  readonly findings: ReadonlyArray<Finding>
}

const runGuards = <A>(event: Event<A>, subject: GuardSubject<A>, ref: { type: string; id: string }, policy: Resolved): ReadonlyArray<Finding> =>
  event.guards.flatMap((g) => Rule.check(g, subject, ref, policy))

/**
 * Fires an event: checks the state, the actor's roles and the guards, then applies the event. Pure.
 *
 * @since 0.1.0
 * @category combinators
 */
export const transition = <A>(
  machine: Machine<A>,
  aggregate: A,
  input: Input<unknown>,
  actor: Actor,
  ctx: { readonly policy: Resolved; readonly ref: { readonly type: string; readonly id: string } }
): Either.Either<Step<A>, Refusal> => {
  const loaded = load(machine, aggregate)
  if (Either.isLeft(loaded)) return Either.left(loaded.left)
  const state = loaded.right
  const event = machine.events.find((e) => e.id === input.type)
  if (event === undefined) return Either.left(refusal("unknown-event", `流程 ${machine.id} 没有事件“${input.type}”`, `machine ${machine.id} has no event "${input.type}"`))
  if (state.terminal) return Either.left(refusal("terminal", `“${state.label.zh}”是终止状态`, `"${state.label.en}" is a final state`))
  if (!event.from.includes(state.id)) {
    return Either.left(refusal("wrong-state", `处于“${state.label.zh}”时不能${event.label.zh}`, `cannot ${event.label.en} in state "${state.label.en}"`))
  }
  if (!event.roles.some((r) => actor.roles.includes(r))) {
    const findings = Rule.check(roleRule, { aggregate, event: input, actor, needed: event.roles, label: event.label } as RoleSubject, ctx.ref, ctx.policy)
    return Either.left(
      refusal("forbidden", `${actor.id} 没有“${event.label.zh}”的权限（需要：${event.roles.join("、")}）`, `${actor.id} may not ${event.label.en} (needs one of: ${event.roles.join(", ")})`, findings)
    )
  }
  const findings = runGuards(event, { aggregate, event: input, actor }, ctx.ref, ctx.policy)
  const blocking = findings.filter((f) => f.severity === "violation")
  if (blocking.length > 0) {
    return Either.left(refusal("guard", `不满足“${event.label.zh}”的条件：${blocking.map((f) => f.message.zh).join("；")}`, `${event.label.en} is blocked: ${blocking.map((f) => f.message.en).join("; ")}`, blocking))
  }
  const applied = event.apply(aggregate, input, actor)
  const to = typeof event.to === "string" ? event.to : event.to(applied, input)
  const next = machine.states.find((s) => s.id === to)!
  // A self-loop keeps the date the state was entered; a change is stamped with the event's date.
  const previous = machine.stamp(applied)
  const stamp = to === state.id && previous !== undefined ? previous : { machine: machine.id, version: machine.version, state: to, since: input.on }
  return Either.right({
    aggregate: machine.restamp(applied, stamp),
    state: next,
    emitted: event.emits.map((type) => ({ type, machine: machine.id, aggregateState: to, on: input.on, by: actor.id })),
    findings: findings.filter((f) => f.severity !== "violation")
  })
}

/**
 * Whether an event would succeed (exactly when `transition` does).
 *
 * @since 0.1.0
 * @category combinators
 */
export const can = <A>(
  machine: Machine<A>,
  aggregate: A,
  input: Input<unknown>,
  actor: Actor,
  ctx: { readonly policy: Resolved; readonly ref: { readonly type: string; readonly id: string } }
): boolean => Either.isRight(transition(machine, aggregate, input, actor, ctx))

/**
 * An event as a front end shows it: available or not, and why.
 *
 * @since 0.1.0
 * @category models
 */
export interface Option {
  readonly event: string
  readonly label: Text
  readonly available: boolean
  /** Why not, when not available (wrong state, role, or the guards' findings). */
  readonly reasons: ReadonlyArray<Text>
}

/**
 * The events of the machine, in the machine's order, each with whether this actor may fire it now and why not
 * — what a front end renders as buttons. Events of other states are left out.
 *
 * @since 0.1.0
 * @category combinators
 */
export const nextEvents = <A>(
  machine: Machine<A>,
  aggregate: A,
  actor: Actor,
  ctx: { readonly policy: Resolved; readonly ref: { readonly type: string; readonly id: string }; readonly payloads?: { readonly [event: string]: unknown } }
): ReadonlyArray<Option> => {
  const loaded = load(machine, aggregate)
  if (Either.isLeft(loaded) || loaded.right.terminal) return []
  const state = loaded.right
  const out: Array<Option> = []
  for (const e of machine.events) {
    if (!e.from.includes(state.id)) continue
    if (!e.roles.some((r) => actor.roles.includes(r))) {
      out.push({ event: e.id, label: e.label, available: false, reasons: [{ zh: `需要角色：${e.roles.join("、")}`, en: `needs a role: ${e.roles.join(", ")}` }] })
      continue
    }
    if (e.guards.length === 0) {
      out.push({ event: e.id, label: e.label, available: true, reasons: [] })
      continue
    }
    const blocking = runGuards(e, { aggregate, event: { type: e.id, on: ctx.policy.asOf, payload: ctx.payloads?.[e.id] }, actor }, ctx.ref, ctx.policy).filter(
      (f) => f.severity === "violation"
    )
    out.push({ event: e.id, label: e.label, available: blocking.length === 0, reasons: blocking.map((f) => f.message) })
  }
  return out
}

/**
 * Applies every timed change due on or before `asOf`, repeatedly, until none is: deterministic and idempotent
 * (`advance(advance(x, d), d) = advance(x, d)`). Each change is stamped with the date it happened, not `asOf`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const advance = <A>(machine: Machine<A>, aggregate: A, policy: Resolved): { readonly aggregate: A; readonly emitted: ReadonlyArray<DomainEvent> } => {
  let current = aggregate
  const emitted: Array<DomainEvent> = []
  // A machine's timed changes form no cycle, so this ends after at most one step per state.
  for (let guard = 0; guard <= machine.states.length; guard++) {
    const loaded = load(machine, current)
    if (Either.isLeft(loaded) || loaded.right.terminal) break
    const state = loaded.right.id
    let next: { t: Timed<A>; on: IsoDate } | undefined
    for (const t of machine.timed) {
      if (!t.from.includes(state)) continue
      const on = t.when(current, policy)
      if (on !== undefined && on <= policy.asOf && (next === undefined || on < next.on)) next = { t, on }
    }
    if (next === undefined) break
    current = machine.restamp(current, { machine: machine.id, version: machine.version, state: next.t.to, since: next.on })
    for (const type of next.t.emits) emitted.push({ type, machine: machine.id, aggregateState: next.t.to, on: next.on })
  }
  return { aggregate: current, emitted }
}

/**
 * A machine as JSON: states, events (with roles, guard rule ids and targets) and timed changes.
 *
 * @since 0.1.0
 * @category schemas
 */
export const MachineJson = Schema.Struct({
  id: Schema.String,
  version: Schema.Number,
  title: Text,
  initial: Schema.String,
  states: Schema.Array(Schema.Struct({ id: Schema.String, label: Text, tags: Schema.Array(Schema.String), terminal: Schema.Boolean })),
  events: Schema.Array(
    Schema.Struct({
      id: Schema.String,
      label: Text,
      from: Schema.Array(Schema.String),
      to: Schema.Array(Schema.String),
      roles: Schema.Array(Schema.String),
      guards: Schema.Array(Schema.String),
      emits: Schema.Array(Schema.String)
    })
  ),
  timed: Schema.Array(Schema.Struct({ id: Schema.String, label: Text, from: Schema.Array(Schema.String), to: Schema.String, emits: Schema.Array(Schema.String) }))
}).annotations({ identifier: "Machine", title: "流程定义", description: "状态、事件、角色、条件与定时变化 — a life-cycle machine as data" })

/**
 * @since 0.1.0
 * @category models
 */
export type MachineJson = typeof MachineJson.Type

/**
 * Exports a machine as JSON data.
 *
 * @since 0.1.0
 * @category combinators
 */
export const toJson = <A>(m: Machine<A>): MachineJson => ({
  id: m.id,
  version: m.version,
  title: m.title,
  initial: m.initial,
  states: m.states.map((s) => ({ id: s.id, label: s.label, tags: [...s.tags], terminal: s.terminal })),
  events: m.events.map((e) => ({ id: e.id, label: e.label, from: [...e.from], to: [...e.targets], roles: [...e.roles], guards: e.guards.map((g) => g.id), emits: [...e.emits] })),
  timed: m.timed.map((t) => ({ id: t.id, label: t.label, from: [...t.from], to: t.to, emits: [...t.emits] }))
})

/**
 * A Mermaid state diagram of a machine (for docs and screens).
 *
 * @since 0.1.0
 * @category combinators
 */
export const toMermaid = <A>(m: Machine<A>): string => {
  const lines = ["stateDiagram-v2", `  [*] --> ${m.initial}`]
  for (const s of m.states) lines.push(`  ${s.id}: ${s.label.zh} ${s.label.en}`)
  for (const e of m.events) for (const f of e.from) for (const t of e.targets) lines.push(`  ${f} --> ${t}: ${e.label.zh}`)
  for (const t of m.timed) for (const f of t.from) lines.push(`  ${f} --> ${t.to}: ⏱ ${t.label.zh}`)
  for (const s of m.states) if (s.terminal) lines.push(`  ${s.id} --> [*]`)
  return lines.join("\n")
}
