/**
 * A policy is a named set of parameters and rules (national defaults ship in core) plus overlays from
 * provinces, cities and schools. `Policy.at(policy, jurisdiction, date)` resolves every parameter once, with
 * an explanation of which layer and which dated entry each value came from, for fast repeated reads.
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { InvalidDefinition, ParameterNotInForce } from "./Errors.js"
import { describe } from "./internal/annotations.js"
import { IsoDate } from "./IsoDate.js"
import * as J from "./Jurisdiction.js"
import * as Parameter from "./Parameter.js"
import type { Finding } from "./Finding.js"
import * as Rule from "./Rule.js"
import { Text } from "./Text.js"

// ---------------------------------------------------------------------------------------------------------------
// Overlays
// ---------------------------------------------------------------------------------------------------------------

/**
 * New dated values of one parameter in an overlay.
 *
 * @since 0.1.0
 * @category models
 */
export interface OverlayValue {
  readonly parameter: string
  readonly history: ReadonlyArray<Parameter.Entry<unknown>>
}

/**
 * A layer of values for one scope (a province, a city, a school, or amendments at the national level),
 * contributed by a source (a plugin id, a school's settings).
 *
 * @since 0.1.0
 * @category models
 */
export interface Overlay {
  readonly _tag: "Overlay"
  readonly id: string
  readonly title: Text
  readonly scope: J.Scope
  readonly source: string
  readonly values: ReadonlyArray<OverlayValue>
}

/**
 * Typed values of one parameter for an overlay.
 *
 * @since 0.1.0
 * @category constructors
 */
export const set = <A>(parameter: Parameter.Parameter<A>, history: ReadonlyArray<Parameter.Entry<A>>): OverlayValue => ({
  parameter: parameter.id,
  history
})

/**
 * Builds an overlay (checked against the policy's parameters when added to a policy).
 *
 * @since 0.1.0
 * @category constructors
 */
export const overlay = (def: Omit<Overlay, "_tag">): Overlay => ({ _tag: "Overlay", ...def })

const EntryData = Parameter.Entry(Schema.Unknown)

/**
 * An overlay as data (JSON from a settings screen or a file), for `decodeOverlay`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const OverlayData = Schema.Struct({
  id: Schema.String.pipe(Schema.minLength(1)),
  title: Text,
  scope: J.Scope,
  source: Schema.String.pipe(Schema.minLength(1)),
  values: Schema.Array(Schema.Struct({ parameter: Schema.String, history: Schema.Array(EntryData) }))
}).annotations(
  describe({
    identifier: "Overlay",
    zh: "政策层",
    en: "policy overlay",
    descriptionZh: "某省、市或学校对参数取值的补充或调整，每个取值带生效日期与依据",
    descriptionEn: "a province's, city's or school's dated values for parameters, each with its citation"
  })
)

/**
 * Turns decoded overlay data into an overlay.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromData = (data: typeof OverlayData.Type): Overlay =>
  overlay({ id: data.id, title: data.title, scope: data.scope, source: data.source, values: data.values })

// ---------------------------------------------------------------------------------------------------------------
// Policies
// ---------------------------------------------------------------------------------------------------------------

/**
 * @since 0.1.0
 * @category models
 */
export interface Policy {
  readonly _tag: "Policy"
  readonly id: string
  readonly title: Text
  /** The base (national) parameters, in id order. */
  readonly parameters: ReadonlyArray<Parameter.Any>
  readonly overlays: ReadonlyArray<Overlay>
  readonly rules: Rule.Registry
  /** A parameter by id. */
  readonly parameter: (id: string) => Parameter.Any | undefined
  /** @internal */
  readonly layers: ReadonlyArray<InternalLayer>
}

interface Tagged {
  readonly entry: Parameter.Entry<unknown>
  readonly overlay: LayerRef
}

/** @internal */
interface InternalLayer {
  readonly scope: J.Scope
  readonly refs: ReadonlyArray<LayerRef>
  readonly histories: ReadonlyMap<string, ReadonlyArray<Tagged>>
}

/**
 * Which layer a value came from.
 *
 * @since 0.1.0
 * @category models
 */
export interface LayerRef {
  readonly id: string
  readonly title: Text
  readonly scope: J.Scope
  readonly source: string
}

const scopeKey = (s: J.Scope): string => (s.level === "national" ? "national" : `${s.level}:${s.code}`)

const fail = (kind: "policy" | "overlay", id: string, reason: InvalidDefinition["reason"], zh: string, en: string) =>
  Either.left(new InvalidDefinition({ kind, id, reason, zh, en }))

/**
 * Builds a policy, checking that parameter and overlay ids are unique, that overlays name known parameters
 * with values of the right type in date order, and that no two layers of the same scope set one parameter
 * from the same date (that would be a silent last-wins: it is a `conflict` naming both).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (def: {
  readonly id: string
  readonly title: Text
  readonly parameters: ReadonlyArray<Parameter.Any>
  readonly overlays?: ReadonlyArray<Overlay>
  readonly rules?: ReadonlyArray<Rule.Any>
  /** The source name of the base layer; defaults to the policy id. */
  readonly source?: string
}): Either.Either<Policy, InvalidDefinition> => {
  const params = new Map<string, Parameter.Any>()
  for (const p of def.parameters) {
    if (params.has(p.id)) return fail("policy", def.id, "duplicate-id", `参数 ${p.id} 重复`, `parameter ${p.id} is defined twice`)
    params.set(p.id, p)
  }
  const registry = Rule.registry(def.rules ?? [])
  if (Either.isLeft(registry)) return Either.left(registry.left)

  const base: Overlay = overlay({
    id: def.id,
    title: def.title,
    scope: { level: "national" },
    source: def.source ?? def.id,
    // A parameter without a national value (a local rule) has nothing in the base layer.
    values: def.parameters.filter((p) => p.history.length > 0).map((p) => ({ parameter: p.id, history: p.history }))
  })
  const overlays = def.overlays ?? []
  const seen = new Set<string>([base.id])
  const groups = new Map<string, { scope: J.Scope; refs: Array<LayerRef>; histories: Map<string, Array<Tagged>> }>()
  for (const o of [base, ...overlays]) {
    if (o !== base) {
      if (seen.has(o.id)) return fail("overlay", o.id, "duplicate-id", "政策层编号重复", "duplicate overlay id")
      seen.add(o.id)
    }
    const key = scopeKey(o.scope)
    const group: { scope: J.Scope; refs: Array<LayerRef>; histories: Map<string, Array<Tagged>> } = groups.get(key) ?? {
      scope: o.scope,
      refs: [],
      histories: new Map()
    }
    groups.set(key, group)
    const ref: LayerRef = { id: o.id, title: o.title, scope: o.scope, source: o.source }
    group.refs.push(ref)
    for (const v of o.values) {
      const p = params.get(v.parameter)
      if (p === undefined) {
        return fail("overlay", o.id, "unknown-parameter", `政策中没有参数 ${v.parameter}`, `the policy has no parameter ${v.parameter}`)
      }
      const checked = Parameter.validateHistory("overlay", `${o.id}/${v.parameter}`, p.schema, v.history)
      if (Either.isLeft(checked)) return Either.left(checked.left)
      const merged = group.histories.get(p.id) ?? []
      for (const entry of checked.right) {
        const clash = merged.find((t) => t.entry.effectiveFrom === entry.effectiveFrom)
        if (clash !== undefined) {
          return fail(
            "overlay",
            o.id,
            "conflict",
            `政策层 ${clash.overlay.id} 与 ${o.id} 在同一范围（${J.formatScope(o.scope).zh}）对参数 ${p.id} 自 ${entry.effectiveFrom} 起各设一值`,
            `overlays ${clash.overlay.id} and ${o.id} both set ${p.id} from ${entry.effectiveFrom} for the same scope (${J.formatScope(o.scope).en})`
          )
        }
        merged.push({ entry, overlay: ref })
      }
      merged.sort((a, b) => (a.entry.effectiveFrom < b.entry.effectiveFrom ? -1 : 1))
      group.histories.set(p.id, merged)
    }
  }
  const layers: Array<InternalLayer> = [...groups.values()].sort(
    (a, b) => J.precedence[b.scope.level] - J.precedence[a.scope.level] || (scopeKey(a.scope) < scopeKey(b.scope) ? -1 : 1)
  )
  const sorted = [...params.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return Either.right({
    _tag: "Policy",
    id: def.id,
    title: def.title,
    parameters: sorted,
    overlays,
    rules: registry.right,
    parameter: (id) => params.get(id),
    layers
  })
}

/**
 * {@link make} for policies written in code: throws the `InvalidDefinition`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const unsafeMake = (def: Parameters<typeof make>[0]): Policy => {
  const r = make(def)
  if (Either.isLeft(r)) throw r.left
  return r.right
}

/**
 * A policy with more overlays (a province pack, a school's settings).
 *
 * @since 0.1.0
 * @category combinators
 */
export const withOverlays = (policy: Policy, overlays: ReadonlyArray<Overlay>): Either.Either<Policy, InvalidDefinition> =>
  make({
    id: policy.id,
    title: policy.title,
    parameters: policy.parameters,
    overlays: [...policy.overlays, ...overlays],
    rules: policy.rules.rules,
    source: policy.layers.find((l) => l.scope.level === "national")?.refs[0]?.source ?? policy.id
  })

/**
 * A policy with more rules.
 *
 * @since 0.1.0
 * @category combinators
 */
export const withRules = (policy: Policy, rules: ReadonlyArray<Rule.Any>): Either.Either<Policy, InvalidDefinition> =>
  make({
    id: policy.id,
    title: policy.title,
    parameters: policy.parameters,
    overlays: policy.overlays,
    rules: [...policy.rules.rules, ...rules],
    source: policy.layers.find((l) => l.scope.level === "national")?.refs[0]?.source ?? policy.id
  })

// ---------------------------------------------------------------------------------------------------------------
// Resolution
// ---------------------------------------------------------------------------------------------------------------

/**
 * How one parameter resolved: its value, the deciding layer and dated entry, and every layer looked at
 * (most specific first) with what it had.
 *
 * @since 0.1.0
 * @category models
 */
export interface Resolution<A> {
  readonly parameter: string
  readonly asOf: IsoDate
  readonly status: "in-force" | "repealed" | "not-yet" | "unknown"
  readonly value: A | undefined
  readonly entry?: Parameter.Entry<A>
  readonly layer?: LayerRef
  readonly considered: ReadonlyArray<{
    readonly scope: J.Scope
    readonly outcome: "in-force" | "repealed" | "not-yet" | "no-entry"
  }>
}

/**
 * A policy resolved for one jurisdiction on one date.
 *
 * @since 0.1.0
 * @category models
 */
export interface Resolved {
  readonly policy: Policy
  readonly jurisdiction: J.Jurisdiction
  readonly asOf: IsoDate
  /** The value in force, or `undefined` when none is (see `explain` for why). */
  readonly value: <A>(parameter: Parameter.Parameter<A>) => A | undefined
  /** The value in force, or a `ParameterNotInForce` saying why not. */
  readonly get: <A>(parameter: Parameter.Parameter<A>) => Either.Either<A, ParameterNotInForce>
  /** Where the value came from. */
  readonly explain: {
    <A>(parameter: Parameter.Parameter<A>): Resolution<A>
    (parameter: Parameter.Any | string): Resolution<unknown>
  }
  /** Every parameter's resolution, in id order. */
  readonly resolutions: () => ReadonlyArray<Resolution<unknown>>
  /** The rules with a version in force on the date, and that version. */
  readonly rules: () => ReadonlyArray<{ readonly rule: Rule.Any; readonly version: Rule.Version<never> }>
}

const resolveOne = (
  id: string,
  layers: ReadonlyArray<InternalLayer>,
  asOf: IsoDate
): Resolution<unknown> => {
  const considered: Array<{ scope: J.Scope; outcome: "in-force" | "repealed" | "not-yet" | "no-entry" }> = []
  for (const layer of layers) {
    const history = layer.histories.get(id)
    if (history === undefined) {
      considered.push({ scope: layer.scope, outcome: "no-entry" })
      continue
    }
    // Latest entry on or before the date (binary search over the merged, sorted history).
    let lo = 0
    let hi = history.length - 1
    let found = -1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      if (history[mid]!.entry.effectiveFrom <= asOf) {
        found = mid
        lo = mid + 1
      } else hi = mid - 1
    }
    if (found < 0) {
      considered.push({ scope: layer.scope, outcome: "not-yet" })
      continue
    }
    const t = history[found]!
    const inForce = t.entry.value !== null
    considered.push({ scope: layer.scope, outcome: inForce ? "in-force" : "repealed" })
    return {
      parameter: id,
      asOf,
      status: inForce ? "in-force" : "repealed",
      value: inForce ? t.entry.value : undefined,
      entry: t.entry,
      layer: t.overlay,
      considered
    }
  }
  return { parameter: id, asOf, status: "not-yet", value: undefined, considered }
}

/**
 * Resolves every parameter of a policy for a jurisdiction on a date, once. Layers apply from the most
 * specific (school, city, province) to the national one; the first layer with an entry on or before the date
 * decides — its value, or `null` meaning repealed at that level. A layer whose entries all start later is
 * passed over, so a school value beats a province value, which beats the national one, *when in force*.
 *
 * @since 0.1.0
 * @category combinators
 */
export const at = (policy: Policy, jurisdiction: J.Jurisdiction, asOf: IsoDate): Resolved => {
  const layers = policy.layers.filter((l) => J.applies(l.scope, jurisdiction))
  const slots = slotsOf(policy)
  const resolutions: Array<Resolution<unknown>> = policy.parameters.map((p) => resolveOne(p.id, layers, asOf))
  return new ResolvedPolicy(policy, jurisdiction, asOf, slots, resolutions)
}

// Every Resolved of one policy shares one id → slot index; values live in a plain array. Reading a value is
// then one shared-map lookup and one array read, whichever of many resolved policies is asked (bulk checks
// keep hundreds, one per date).
const slotCache = new WeakMap<Policy, ReadonlyMap<string, number>>()
const slotsOf = (policy: Policy): ReadonlyMap<string, number> => {
  let slots = slotCache.get(policy)
  if (slots === undefined) {
    slots = new Map(policy.parameters.map((p, i) => [p.id, i] as const))
    slotCache.set(policy, slots)
  }
  return slots
}

class ResolvedPolicy implements Resolved {
  private readonly values: ReadonlyArray<unknown>
  private active: ReadonlyArray<{ readonly rule: Rule.Any; readonly version: Rule.Version<never> }> | undefined
  constructor(
    readonly policy: Policy,
    readonly jurisdiction: J.Jurisdiction,
    readonly asOf: IsoDate,
    private readonly slots: ReadonlyMap<string, number>,
    private readonly table: ReadonlyArray<Resolution<unknown>>
  ) {
    this.values = table.map((r) => r.value)
  }
  value<A>(p: Parameter.Parameter<A>): A | undefined {
    const i = this.slots.get(p.id)
    return i === undefined ? undefined : (this.values[i] as A | undefined)
  }
  get<A>(p: Parameter.Parameter<A>): Either.Either<A, ParameterNotInForce> {
    const r = this.resolution(p.id)
    if (r !== undefined && r.status === "in-force") return Either.right(r.value as A)
    return Either.left(
      new ParameterNotInForce({ parameter: p.id, asOf: this.asOf, reason: r === undefined ? "unknown" : r.status === "repealed" ? "repealed" : "not-yet" })
    )
  }
  explain<A>(p: Parameter.Parameter<A>): Resolution<A>
  explain(p: Parameter.Any | string): Resolution<unknown>
  explain(p: Parameter.Any | string): Resolution<unknown> {
    const id = typeof p === "string" ? p : p.id
    return this.resolution(id) ?? { parameter: id, asOf: this.asOf, status: "unknown", value: undefined, considered: [] }
  }
  resolutions(): ReadonlyArray<Resolution<unknown>> {
    return [...this.table]
  }
  rules(): ReadonlyArray<{ readonly rule: Rule.Any; readonly version: Rule.Version<never> }> {
    if (this.active === undefined) {
      this.active = this.policy.rules.rules.flatMap((rule) => {
        const version = Rule.versionAt(rule, this.asOf)
        return version === undefined ? [] : [{ rule, version }]
      })
    }
    return this.active
  }
  private resolution(id: string): Resolution<unknown> | undefined {
    const i = this.slots.get(id)
    return i === undefined ? undefined : this.table[i]
  }
}

/**
 * Runs every rule of the policy whose subject type is `type` against one subject: the findings, in the
 * order of rule ids.
 *
 * @since 0.1.0
 * @category combinators
 */
export const checkAll = <S>(
  resolved: Resolved,
  type: string,
  subject: S,
  ref: { readonly id: string; readonly label?: string }
): ReadonlyArray<Finding> =>
  resolved
    .rules()
    .filter(({ rule }) => rule.subject === type)
    .flatMap(({ rule, version }) => version.check(subject as never, Rule.context(rule, version, { type, ...ref }, resolved)))

