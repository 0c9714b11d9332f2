/**
 * Plugins are plain values (DESIGN principle 7): an id, a version, a citation, and what the plugin adds —
 * parameter values per jurisdiction (policy overlays), new parameters, rules, indicators, exporters, extensions
 * of life cycles (extra guards, states, events), reactions to outbox events, data migrations and typed extension
 * fields on entities. `compose(base, ...plugins)` builds the effective bundle. Two plugins claiming the same
 * thing (one parameter for the same scope and date; one parameter for the same scope at all when they are
 * different plugins and neither `supersedes` the other; one rule id, one indicator id and variant, one exporter
 * id, one extension field, one machine state or event) is a `PluginConflict` naming both — never last-wins by
 * accident. Several instances of one plugin coexist under different ids (a factory `(options) => Plugin`).
 * Everything composed records which plugin contributed it, and the rules of a plugin cite the plugin.
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import type { Citation } from "./Citation.js"
import { Extensions as UntypedExtensions, withExtensions } from "./Entity.js"
import type { InvalidDefinition } from "./Errors.js"
import type { Finding } from "./Finding.js"
import * as Indicators from "./Indicators.js"
import type { IsoDate } from "./IsoDate.js"
import * as J from "./Jurisdiction.js"
import type * as Lifecycle from "./Lifecycle.js"
import type * as Parameter from "./Parameter.js"
import * as Policy from "./Policy.js"
import type * as Rule from "./Rule.js"
import type { Text } from "./Text.js"

// ---------------------------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------------------------

const bilingual = (zh: string, en: string) => `${zh}\n${en}`

/**
 * What two contributions clash on.
 *
 * @since 0.1.0
 * @category errors
 */
export const ConflictKind = Schema.Literal("plugin", "parameter", "rule", "indicator", "exporter", "machine", "extension", "migration")

/**
 * @since 0.1.0
 * @category errors
 */
export type ConflictKind = typeof ConflictKind.Type

/**
 * Two plugins (or a plugin and the base policy) contribute the same thing: the same parameter for the same scope
 * from the same date, the same rule id, the same indicator id and variant, the same exporter id, the same
 * extension field of one entity, the same state or event of one machine, or the same plugin id. `first` and
 * `second` name both contributors (plugin ids, or the base policy's source) in the order they were composed.
 *
 * @since 0.1.0
 * @category errors
 */
export class PluginConflict extends Schema.TaggedError<PluginConflict>("@chanjiao/core/PluginConflict")("PluginConflict", {
  kind: ConflictKind,
  /** What both contribute, e.g. `parameter internship.postMinAge @ province 62 from 2022-01-01`. */
  key: Schema.String,
  first: Schema.String,
  second: Schema.String,
  zh: Schema.String,
  en: Schema.String
}) {
  override get message(): string {
    return bilingual(this.zh, this.en)
  }
}

/**
 * Why a plugin cannot be used.
 *
 * @since 0.1.0
 * @category errors
 */
export const PluginProblem = Schema.Literal("invalid-id", "invalid-definition", "unknown-event", "unknown-state", "duplicate-id")

/**
 * A plugin (or a life-cycle extension) that is malformed on its own: a bad id, an overlay naming an unknown
 * parameter or a value of the wrong type, a guard for an event the machine does not have.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidPlugin extends Schema.TaggedError<InvalidPlugin>("@chanjiao/core/InvalidPlugin")("InvalidPlugin", {
  /** The plugin id, or `machine:<id>` for a life-cycle extension built outside a plugin. */
  plugin: Schema.String,
  reason: PluginProblem,
  zh: Schema.String,
  en: Schema.String
}) {
  override get message(): string {
    return bilingual(`插件 ${this.plugin}：${this.zh}`, `plugin ${this.plugin}: ${this.en}`)
  }
}

/**
 * @since 0.1.0
 * @category errors
 */
export type PluginError = PluginConflict | InvalidPlugin

// ---------------------------------------------------------------------------------------------------------------
// Models
// ---------------------------------------------------------------------------------------------------------------

/**
 * An exporter a plugin adds: a pure rendering of findings and indicator values into a file's content.
 *
 * @since 0.1.0
 * @category models
 */
export interface Exporter {
  readonly id: string
  readonly title: Text
  /** e.g. `text/csv`. */
  readonly mediaType: string
  /** e.g. `csv` (no dot). */
  readonly extension: string
  readonly render: (input: ExportInput) => string | Uint8Array
}

/**
 * What an exporter renders.
 *
 * @since 0.1.0
 * @category models
 */
export interface ExportInput {
  readonly asOf: IsoDate
  readonly findings: ReadonlyArray<Finding>
  readonly indicators: ReadonlyArray<Indicators.Value>
}

/**
 * An event of the store's outbox, as a plugin sees it (structurally the store's `OutboxEntry`: `eventId` is the
 * idempotency key, `payload` the event's data as JSON text).
 *
 * @since 0.1.0
 * @category models
 */
export interface OutboxEvent {
  readonly eventId: string
  /** The aggregate type, e.g. `internshipAgreement`. */
  readonly type: string
  readonly aggregateId: string
  readonly aggregateVersion: number
  /** The domain event, e.g. `agreement.signed`. */
  readonly event: string
  readonly payload: string
  readonly at: string
}

/**
 * What a plugin wants done about an outbox event, as data (the host or an integration does it): notify
 * someone, call an integration, or run a command of the host's. `onEvent` never does I/O itself.
 *
 * @since 0.1.0
 * @category models
 */
export interface Reaction {
  /** e.g. `notify`, `webhook`, `command`. */
  readonly type: string
  /** Whom or what it is for: a role, an endpoint name, a command name. */
  readonly target: string
  readonly message?: Text
  readonly data?: unknown
}

/**
 * A reaction with the plugin that asked for it and the event it answers.
 *
 * @since 0.1.0
 * @category models
 */
export interface PluginReaction extends Reaction {
  readonly plugin: string
  readonly eventId: string
}

/**
 * A named, ordered data migration of a plugin's extension fields (no SQL): `up` turns the `extensions` of one
 * stored record of `entity` written under the previous shape into the new shape. The store does not run them (it
 * migrates only its own tables): the host runs the pending ones in order (see {@link pendingMigrations},
 * {@link migrate}), writes each record back with `store.put`, and records the keys (`<plugin name>/<id>`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Migration {
  /** Sorts in the order to run, e.g. `0001-campus-card`. */
  readonly id: string
  readonly title: Text
  /** The entity identifier, e.g. `Teacher`. */
  readonly entity: string
  readonly up: (extensions: { readonly [key: string]: unknown }) => { readonly [key: string]: unknown }
}

/**
 * Typed extension fields a plugin adds to one entity (see {@link extension}).
 *
 * @since 0.1.0
 * @category models
 */
export interface Extension<Fields extends Schema.Struct.Fields = Schema.Struct.Fields> {
  /** The entity identifier, e.g. `Teacher`. */
  readonly entity: string
  readonly fields: Fields
}

/**
 * An extension of a life cycle: extra states, extra events, extra guards on existing events (see
 * {@link extendMachine}).
 *
 * @since 0.1.0
 * @category models
 */
export interface MachineExtension {
  readonly machine: string
  readonly version: number
  readonly states: ReadonlyArray<Lifecycle.State>
  readonly events: ReadonlyArray<string>
  readonly guards: ReadonlyArray<{ readonly event: string; readonly rules: ReadonlyArray<Rule.Any> }>
  /** Applies the extension to its machine (the contributing plugin's citation added to its guards). @internal */
  readonly apply: (machine: unknown, citation: Citation | undefined) => unknown
}

/**
 * A plugin: a plain value.
 *
 * @since 0.1.0
 * @category models
 */
export interface Plugin {
  readonly _tag: "Plugin"
  /** The instance id: unique among the plugins composed (e.g. `gansu`, `campus-north`). */
  readonly id: string
  /** The package or kind the instance comes from (shared by instances), e.g. `@chanjiao/plugin-local-rules`. */
  readonly name: string
  /**
   * The names of plugins this one replaces: where both set one parameter for one scope, this plugin's values
   * apply from its first date on and the other's entries from that date on are dropped (its earlier ones stay).
   * Without it, two differently named plugins setting one parameter for one scope are a `PluginConflict`.
   *
   * @since 0.1.0
   */
  readonly supersedes: ReadonlyArray<string>
  readonly version: string
  readonly title: Text
  /** What the plugin rests on: added to the citations of every rule it contributes. */
  readonly citation: Citation
  /** Parameter values per scope (policy overlays); overlay ids are namespaced by the plugin id on compose. */
  readonly parameters: ReadonlyArray<Policy.Overlay>
  /** Parameters the plugin introduces (its own rules read them); their histories apply at the national level. */
  readonly defines: ReadonlyArray<Parameter.Any>
  readonly rules: ReadonlyArray<Rule.Any>
  readonly indicators: ReadonlyArray<Indicators.Definition>
  readonly exporters: ReadonlyArray<Exporter>
  readonly machines: ReadonlyArray<MachineExtension>
  /** What to do about an outbox event, as data; pure. */
  readonly onEvent?: ((event: OutboxEvent) => ReadonlyArray<Reaction>) | undefined
  readonly migrations: ReadonlyArray<Migration>
  readonly extensions: ReadonlyArray<Extension>
}

/**
 * What {@link make} takes: everything but the id, version, title and citation may be left out.
 *
 * @since 0.1.0
 * @category models
 */
export interface Definition {
  readonly id: string
  readonly name?: string
  /** See {@link Plugin.supersedes}. */
  readonly supersedes?: ReadonlyArray<string>
  readonly version: string
  readonly title: Text
  readonly citation: Citation
  readonly parameters?: ReadonlyArray<Policy.Overlay>
  readonly defines?: ReadonlyArray<Parameter.Any>
  readonly rules?: ReadonlyArray<Rule.Any>
  readonly indicators?: ReadonlyArray<Indicators.Definition>
  readonly exporters?: ReadonlyArray<Exporter>
  readonly machines?: ReadonlyArray<MachineExtension>
  readonly onEvent?: ((event: OutboxEvent) => ReadonlyArray<Reaction>) | undefined
  readonly migrations?: ReadonlyArray<Migration>
  readonly extensions?: ReadonlyArray<Extension>
}

const ID = /^[a-z0-9@][a-z0-9._/@-]*$/

/**
 * Defines a plugin. Throws `InvalidPlugin` for a malformed id (lower-case letters, digits, `.`, `_`, `-`, `/`,
 * `@`) or two migrations with one id: plugins are written in code, so that is a programming error.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (def: Definition): Plugin => {
  if (!ID.test(def.id)) {
    throw new InvalidPlugin({ plugin: def.id, reason: "invalid-id", zh: "插件编号只能含小写字母、数字和 . _ - / @", en: "a plugin id has lower-case letters, digits and . _ - / @ only" })
  }
  const migrations = [...(def.migrations ?? [])]
  const seen = new Set<string>()
  for (const m of migrations) {
    if (seen.has(m.id)) throw new InvalidPlugin({ plugin: def.id, reason: "duplicate-id", zh: `迁移 ${m.id} 重复`, en: `migration ${m.id} is defined twice` })
    seen.add(m.id)
  }
  return {
    _tag: "Plugin",
    id: def.id,
    name: def.name ?? def.id,
    supersedes: def.supersedes ?? [],
    version: def.version,
    title: def.title,
    citation: def.citation,
    parameters: def.parameters ?? [],
    defines: def.defines ?? [],
    rules: def.rules ?? [],
    indicators: def.indicators ?? [],
    exporters: def.exporters ?? [],
    machines: def.machines ?? [],
    onEvent: def.onEvent,
    migrations: migrations.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    extensions: def.extensions ?? []
  }
}

/**
 * A plugin factory: `(options) => Plugin`, each call an instance with its own id (one per campus, one per
 * city). The options always carry the instance `id`.
 *
 * @example
 * ```ts
 * import { Plugin } from "@chanjiao/core"
 *
 * const campus = Plugin.factory((o: { readonly id: string; readonly school: string }) => ({
 *   name: "campus-settings",
 *   version: "1.0.0",
 *   title: { zh: `校区设置 ${o.school}`, en: `campus settings ${o.school}` },
 *   citation: { document: "学校管理办法", confidence: "L" }
 * }))
 * const north = campus({ id: "campus-north", school: "4137000001" })
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const factory =
  <O extends { readonly id: string }>(build: (options: O) => Omit<Definition, "id">) =>
  (options: O): Plugin =>
    make({ ...build(options), id: options.id })

/**
 * Typed extension fields for an entity schema (its `identifier` names the entity).
 *
 * @since 0.1.0
 * @category constructors
 */
export const extension = <Fields extends Schema.Struct.Fields>(entity: Schema.Schema.Any | string, fields: Fields): Extension<Fields> => ({
  entity: typeof entity === "string" ? entity : entityId(entity),
  fields
})

const entityId = (schema: Schema.Schema.Any): string => {
  const ast = schema.ast
  const own = AST.getIdentifierAnnotation(ast)
  const id = Option.isSome(own) ? own.value : ast._tag === "Refinement" ? Option.getOrUndefined(AST.getIdentifierAnnotation(ast.from)) : undefined
  if (id === undefined) {
    throw new InvalidPlugin({ plugin: "-", reason: "invalid-definition", zh: "实体的 Schema 没有 identifier 注解", en: "the entity schema has no identifier annotation" })
  }
  return id
}

/**
 * The entity schema with one extension's fields typed under `extensions` (decoding checks them).
 *
 * @since 0.1.0
 * @category combinators
 */
export const extended = <Fields extends Schema.Struct.Fields, EFields extends Schema.Struct.Fields>(
  entity: Schema.Struct<Fields> | Schema.filter<Schema.Struct<Fields>>,
  ext: Extension<EFields>
) =>
  withExtensions(entity, Schema.Struct(ext.fields) as unknown as Schema.Schema<Schema.Struct.Type<EFields>, Schema.Struct.Encoded<EFields>, never>)

/**
 * Extends a life cycle: extra states, extra events (from and to existing or extra states), and extra guards on
 * existing events. Checked against the machine now: throws `InvalidPlugin` for a state or event id the
 * machine already has, an event from or to an unknown state, or a guard on an unknown event.
 *
 * @since 0.1.0
 * @category constructors
 */
export const extendMachine = <A>(
  machine: Lifecycle.Machine<A>,
  def: {
    readonly states?: ReadonlyArray<Lifecycle.State>
    readonly events?: ReadonlyArray<Lifecycle.Event<A>>
    readonly guards?: { readonly [event: string]: ReadonlyArray<Rule.Rule<Lifecycle.GuardSubject<A>>> }
  }
): MachineExtension => {
  const who = `machine:${machine.id}`
  const bad = (reason: InvalidPlugin["reason"], zh: string, en: string) => new InvalidPlugin({ plugin: who, reason, zh, en })
  const states = def.states ?? []
  const events = def.events ?? []
  const guards = Object.entries(def.guards ?? {})
  const stateIds = new Set(machine.states.map((s) => s.id))
  for (const s of states) {
    if (stateIds.has(s.id)) throw bad("duplicate-id", `流程已有状态 ${s.id}`, `the machine already has state ${s.id}`)
    stateIds.add(s.id)
  }
  const eventIds = new Set(machine.events.map((e) => e.id))
  for (const e of events) {
    if (eventIds.has(e.id)) throw bad("duplicate-id", `流程已有事件 ${e.id}`, `the machine already has event ${e.id}`)
    eventIds.add(e.id)
    for (const s of [...e.from, ...e.targets]) {
      if (!stateIds.has(s)) throw bad("unknown-state", `事件 ${e.id} 涉及未知状态 ${s}`, `event ${e.id} names an unknown state ${s}`)
    }
  }
  for (const [event] of guards) {
    if (!eventIds.has(event)) throw bad("unknown-event", `流程没有事件 ${event}`, `the machine has no event ${event}`)
  }
  const apply = (m: Lifecycle.Machine<A>, citation: Citation | undefined): Lifecycle.Machine<A> => {
    const extra = new Map(guards.map(([event, rules]) => [event, rules.map((r) => (citation === undefined ? r : citing(r, citation)))]))
    const grow = (e: Lifecycle.Event<A>): Lifecycle.Event<A> => {
      const more = extra.get(e.id)
      return more === undefined ? e : { ...e, guards: [...e.guards, ...more] }
    }
    return { ...m, states: [...m.states, ...states], events: [...m.events.map(grow), ...events.map(grow)] }
  }
  return {
    machine: machine.id,
    version: machine.version,
    states,
    events: events.map((e) => e.id),
    guards: guards.map(([event, rules]) => ({ event, rules: rules as ReadonlyArray<Rule.Any> })),
    apply: apply as MachineExtension["apply"]
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Composition
// ---------------------------------------------------------------------------------------------------------------

/**
 * Something in the composed bundle, with who contributed it: plugin ids, or the base policy's source. Instances
 * of one plugin sharing one rule (the same value) are all listed.
 *
 * @since 0.1.0
 * @category models
 */
export type Contributed<A> = A & { readonly contributedBy: ReadonlyArray<string> }

/**
 * The base plugins are composed over: a policy (the national one) and the indicators it comes with (the core
 * catalogue when a bare policy is given).
 *
 * @since 0.1.0
 * @category models
 */
export interface Base {
  readonly policy: Policy.Policy
  readonly indicators?: ReadonlyArray<Indicators.Definition>
}

/**
 * The effective bundle: the policy with every plugin's overlays, parameters and rules; and every indicator,
 * exporter, life-cycle extension, migration and extension field, each with who contributed it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Composed {
  readonly policy: Policy.Policy
  readonly plugins: ReadonlyArray<Plugin>
  /** Every rule of the policy (base and plugins), in id order. */
  readonly rules: ReadonlyArray<Contributed<Rule.Any>>
  /** The guards plugins add to life cycles (rules run by the machines, not by the policy), in id order. */
  readonly guards: ReadonlyArray<Contributed<Rule.Any>>
  /** The parameters plugins introduced. */
  readonly parameters: ReadonlyArray<Contributed<Parameter.Any>>
  /** Base indicators first, then the plugins', in id and variant order. */
  readonly indicators: ReadonlyArray<Contributed<Indicators.Definition>>
  readonly exporters: ReadonlyArray<Contributed<Exporter>>
  readonly machines: ReadonlyArray<Contributed<MachineExtension>>
  /** Every plugin's migrations, keyed `<plugin name>/<id>`, plugin by plugin in composition order. */
  readonly migrations: ReadonlyArray<Contributed<Migration> & { readonly key: string }>
  /** The extension fields of each entity, merged from every plugin. */
  readonly extensions: { readonly [entity: string]: Contributed<Extension> }
}

const scopeKey = (s: J.Scope): string => (s.level === "national" ? "national" : `${s.level} ${s.code}`)
const indicatorKey = (d: Indicators.Definition): string => (d.variant === undefined ? d.id : `${d.id}#${d.variant}`)
const byKey = <A>(key: (a: A) => string) => (a: A, b: A) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)

const kindLabel: { readonly [K in ConflictKind]: Text } = {
  plugin: { zh: "插件编号", en: "plugin id" },
  parameter: { zh: "参数", en: "parameter" },
  rule: { zh: "规则", en: "rule" },
  indicator: { zh: "指标", en: "indicator" },
  exporter: { zh: "导出格式", en: "exporter" },
  machine: { zh: "流程", en: "machine" },
  extension: { zh: "扩展字段", en: "extension field" },
  migration: { zh: "迁移", en: "migration" }
}

const defaultHint: Text = { zh: "请删去其一或改用不同的编号、范围或生效日期", en: "drop one, or use another id, scope or effective date" }

const conflict = (kind: ConflictKind, key: Text, first: string, second: string, hint: Text = defaultHint): PluginConflict =>
  new PluginConflict({
    kind,
    key: key.en,
    first,
    second,
    zh: first === second ? `插件 ${first} 两次提供了${kindLabel[kind].zh} ${key.zh}：${hint.zh}` : `插件 ${first} 与 ${second} 都提供了${kindLabel[kind].zh} ${key.zh}：${hint.zh}`,
    en:
      first === second
        ? `plugin ${first} contributes ${kindLabel[kind].en} ${key.en} twice: ${hint.en}`
        : `plugins ${first} and ${second} both contribute ${kindLabel[kind].en} ${key.en}: ${hint.en}`
  })

/** One plugin's dated values of one parameter for one scope. */
interface Setting {
  readonly plugin: Plugin
  readonly scope: J.Scope
  readonly parameter: string
  readonly history: ReadonlyArray<Parameter.Entry<unknown>>
}

const settingKey = (s: Setting): string => `${s.parameter}|${scopeKey(s.scope)}`

/**
 * Different plugins (by name) setting one parameter for one scope: a conflict unless exactly one supersedes the
 * other, whose entries then stop at the superseding plugin's first date. Instances of one plugin are left to
 * the per-date check. Gives, per setting, the date from which its entries are dropped.
 */
const supersession = (settings: ReadonlyArray<Setting>): PluginConflict | Map<Setting, IsoDate> => {
  const cut = new Map<Setting, IsoDate>()
  const groups = new Map<string, Array<Setting>>()
  for (const s of settings) {
    if (s.history.length === 0) continue
    const key = settingKey(s)
    const group = groups.get(key) ?? []
    groups.set(key, group)
    for (const prior of group) {
      if (prior.plugin.name === s.plugin.name) continue
      const priorWins = prior.plugin.supersedes.includes(s.plugin.name)
      const laterWins = s.plugin.supersedes.includes(prior.plugin.name)
      if (priorWins === laterWins) {
        const where = J.formatScope(s.scope)
        // Named by a date both set when there is one, else by the scope alone.
        const same = s.history.find((e) => prior.history.some((x) => x.effectiveFrom === e.effectiveFrom))?.effectiveFrom
        return conflict(
          "parameter",
          same === undefined
            ? { zh: `${s.parameter}（${where.zh}）`, en: `${s.parameter} (${where.en})` }
            : { zh: `${s.parameter}（${where.zh}，自 ${same} 起）`, en: `${s.parameter} (${where.en}, from ${same})` },
          prior.plugin.id,
          s.plugin.id,
          priorWins
            ? { zh: `${prior.plugin.name} 与 ${s.plugin.name} 互相声明取代（supersedes），无法确定以谁为准`, en: `${prior.plugin.name} and ${s.plugin.name} each declare they supersede the other, so neither can win` }
            : {
                zh: `不同插件对同一范围的同一参数各设取值，不会按日期悄悄覆盖：请删去其一，或由其一以 supersedes: ["${prior.plugin.name}"] 等声明取代另一插件`,
                en: `different plugins setting one parameter for one scope never override each other by date: drop one, or let one declare supersedes: ["${prior.plugin.name}"] (or the other way round)`
              }
        )
      }
      const [winner, loser] = priorWins ? [prior, s] : [s, prior]
      const from = winner.history.reduce((min, e) => (e.effectiveFrom < min ? e.effectiveFrom : min), winner.history[0]!.effectiveFrom)
      const before = cut.get(loser)
      if (before === undefined || from < before) cut.set(loser, from)
    }
    group.push(s)
  }
  return cut
}

const sameCitation = (a: Citation, b: Citation): boolean =>
  a.document === b.document && a.docNumber === b.docNumber && a.article === b.article && a.issuer === b.issuer && a.date === b.date && a.url === b.url

/** A rule whose every version also cites `citation` (once). */
const citing = <S>(rule: Rule.Rule<S>, citation: Citation): Rule.Rule<S> => ({
  ...rule,
  versions: rule.versions.map((v) => (v.citations.some((c) => sameCitation(c, citation)) ? v : { ...v, citations: [...v.citations, citation] }))
})

/** Claims on unique keys: the first claimant of a key wins the key; a second, different value is a conflict. */
class Claims<V> {
  private readonly owners = new Map<string, { readonly by: string; readonly value: V }>()
  claim(kind: ConflictKind, key: string, label: Text, by: string, value: V): PluginConflict | "new" | "shared" {
    const prior = this.owners.get(key)
    if (prior === undefined) {
      this.owners.set(key, { by, value })
      return "new"
    }
    // The same value from two instances of one plugin is shared, not a clash.
    return prior.value === value && prior.by !== by ? "shared" : conflict(kind, label, prior.by, by)
  }
}

/**
 * Composes plugins over a base policy (national ← province ← city ← school, by the scope of each overlay). A
 * plugin's overlays keep their scope; their ids become `<plugin>/<overlay>` and their source the plugin id, so
 * `Policy.at(...).explain(p).layer.source` names the plugin a value came from. Every rule a plugin contributes
 * (and every guard it adds to a machine) also cites the plugin's citation, so its findings do.
 *
 * Two plugins of different names setting one parameter for one scope conflict on any dates unless exactly one
 * lists the other's name in `supersedes` (then its values apply from its first date on, the other's before it);
 * instances of one plugin share a parameter they both define (the same value), listed with both.
 *
 * Fails with a `PluginConflict` naming both contributors when two claim the same thing (see the module doc),
 * whatever the order; with `InvalidPlugin` when a plugin's overlay names an unknown parameter or a value of
 * the wrong type. Composing plugins whose contributions are disjoint gives the same result in any order.
 *
 * @since 0.1.0
 * @category combinators
 */
export const compose = (base: Policy.Policy | Base, ...plugins: ReadonlyArray<Plugin>): Either.Either<Composed, PluginError> => {
  const b: Base = "_tag" in base ? { policy: base } : base
  const policy = b.policy
  const baseSource = policy.layers.find((l) => l.scope.level === "national")?.refs[0]?.source ?? policy.id

  // Plugin ids.
  const ids = new Map<string, Plugin>()
  for (const p of plugins) {
    if (ids.has(p.id) || p.id === baseSource) {
      return Either.left(conflict("plugin", { zh: p.id, en: p.id }, ids.get(p.id)?.id ?? baseSource, p.id))
    }
    ids.set(p.id, p)
  }

  // Parameters: new definitions (one definition value shared by instances of a plugin counts once), then the
  // values: different plugins on one (parameter, scope) need a `supersedes`; then every (parameter, scope, date)
  // is claimed once, against the base too.
  const paramIds = new Map<string, string>(policy.parameters.map((p) => [p.id, baseSource]))
  const values = new Claims<unknown>()
  const claimEntries = (by: string, scope: J.Scope, parameter: string, history: ReadonlyArray<Parameter.Entry<unknown>>): PluginConflict | undefined => {
    for (const e of history) {
      const key = `${parameter}|${scopeKey(scope)}|${e.effectiveFrom}`
      const label = {
        zh: `${parameter}（${J.formatScope(scope).zh}，自 ${e.effectiveFrom} 起）`,
        en: `${parameter} (${J.formatScope(scope).en}, from ${e.effectiveFrom})`
      }
      const r = values.claim("parameter", key, label, by, {})
      if (r instanceof PluginConflict) return r
    }
    return undefined
  }
  for (const p of policy.parameters) claimEntries(baseSource, { level: "national" }, p.id, p.history)
  for (const o of policy.overlays) for (const v of o.values) claimEntries(o.source, o.scope, v.parameter, v.history)

  const defined = new Map<string, { readonly definition: Parameter.Any; readonly name: string; readonly by: Array<string> }>()
  const definitions: Array<{ readonly plugin: Plugin; readonly definition: Parameter.Any; readonly setting: Setting }> = []
  const settings: Array<Setting> = []
  for (const p of plugins) {
    for (const d of p.defines) {
      // Another instance of the plugin (same name) defining the same parameter value shares it.
      const shared = defined.get(d.id)
      if (shared !== undefined && shared.definition === d && shared.name === p.name && !shared.by.includes(p.id)) {
        shared.by.push(p.id)
        continue
      }
      const owner = paramIds.get(d.id)
      if (owner !== undefined) return Either.left(conflict("parameter", { zh: d.id, en: d.id }, owner, p.id))
      paramIds.set(d.id, p.id)
      defined.set(d.id, { definition: d, name: p.name, by: [p.id] })
      const setting: Setting = { plugin: p, scope: { level: "national" }, parameter: d.id, history: d.history }
      definitions.push({ plugin: p, definition: d, setting })
      settings.push(setting)
    }
  }
  const overlaySettings = plugins.map((p) => p.parameters.map((o) => o.values.map((v): Setting => ({ plugin: p, scope: o.scope, parameter: v.parameter, history: v.history }))))
  for (const perPlugin of overlaySettings) for (const perOverlay of perPlugin) settings.push(...perOverlay)
  const cut = supersession(settings)
  if (cut instanceof PluginConflict) return Either.left(cut)
  const kept = (s: Setting) => {
    const until = cut.get(s)
    return until === undefined ? s.history : s.history.filter((e) => e.effectiveFrom < until)
  }

  const newParameters: Array<Contributed<Parameter.Any>> = []
  const overlays: Array<Policy.Overlay> = []
  for (const { plugin: p, definition: d, setting } of definitions) {
    newParameters.push({ ...d, contributedBy: defined.get(d.id)!.by })
    const history = kept(setting)
    const c = claimEntries(p.id, { level: "national" }, d.id, history)
    if (c !== undefined) return Either.left(c)
    if (history.length > 0) {
      overlays.push(Policy.overlay({ id: `${p.id}/defines:${d.id}`, title: d.title, scope: { level: "national" }, source: p.id, values: [{ parameter: d.id, history }] }))
    }
  }
  for (const [i, p] of plugins.entries()) {
    for (const [j, o] of p.parameters.entries()) {
      const vs = o.values.map((v, k) => ({ parameter: v.parameter, history: kept(overlaySettings[i]![j]![k]!) }))
      for (const v of vs) {
        const c = claimEntries(p.id, o.scope, v.parameter, v.history)
        if (c !== undefined) return Either.left(c)
      }
      // A value superseded from its first date on is left out (its overlay stays, naming the plugin).
      overlays.push(Policy.overlay({ ...o, values: vs.filter((v, k) => v.history.length > 0 || o.values[k]!.history.length === 0), id: `${p.id}/${o.id}`, source: p.id }))
    }
  }

  // Rules (and machine guards, which are rules too).
  const rules = new Claims<Rule.Any>()
  const ruleOwners = new Map<string, Array<string>>()
  for (const r of policy.rules.rules) {
    rules.claim("rule", r.id, { zh: r.id, en: r.id }, baseSource, r)
    ruleOwners.set(r.id, [baseSource])
  }
  const pluginRules: Array<Rule.Any> = []
  const guardList: Array<Rule.Any> = []
  for (const p of plugins) {
    const guardRules = p.machines.flatMap((m) => m.guards.flatMap((g) => g.rules))
    for (const r of [...p.rules, ...guardRules]) {
      const c = rules.claim("rule", r.id, { zh: r.id, en: r.id }, p.id, r)
      if (c instanceof PluginConflict) return Either.left(c)
      if (c === "new") {
        ruleOwners.set(r.id, [p.id])
        if (p.rules.includes(r)) pluginRules.push(citing(r, p.citation))
        else guardList.push(citing(r, p.citation))
      } else ruleOwners.get(r.id)!.push(p.id)
    }
  }

  // Indicators, exporters, machine states and events, extension fields.
  const baseIndicators = b.indicators ?? Indicators.catalogue
  const indicators = new Claims<Indicators.Definition>()
  const indicatorOwners = new Map<string, Array<string>>()
  for (const d of baseIndicators) {
    indicators.claim("indicator", indicatorKey(d), { zh: indicatorKey(d), en: indicatorKey(d) }, baseSource, d)
    indicatorOwners.set(indicatorKey(d), [baseSource])
  }
  const pluginIndicators: Array<Indicators.Definition> = []
  const exporters = new Claims<Exporter>()
  const exporterList: Array<Contributed<Exporter>> = []
  const machineParts = new Claims<MachineExtension>()
  const machines: Array<Contributed<MachineExtension>> = []
  const machineOwners = new Map<MachineExtension, Array<string>>()
  const fields = new Claims<Schema.Struct.Field>()
  const extensions = new Map<string, { fields: Record<string, Schema.Struct.Field>; by: Array<string> }>()
  const migrations: Array<Contributed<Migration> & { readonly key: string }> = []
  const migrationClaims = new Claims<Migration>()
  for (const p of plugins) {
    for (const d of p.indicators) {
      const key = indicatorKey(d)
      const c = indicators.claim("indicator", key, { zh: key, en: key }, p.id, d)
      if (c instanceof PluginConflict) return Either.left(c)
      if (c === "new") {
        indicatorOwners.set(key, [p.id])
        pluginIndicators.push(d)
      } else indicatorOwners.get(key)!.push(p.id)
    }
    for (const x of p.exporters) {
      const c = exporters.claim("exporter", x.id, { zh: x.id, en: x.id }, p.id, x)
      if (c instanceof PluginConflict) return Either.left(c)
      if (c === "new") exporterList.push({ ...x, contributedBy: [p.id] })
      else {
        const i = exporterList.findIndex((e) => e.id === x.id)
        exporterList[i] = { ...exporterList[i]!, contributedBy: [...exporterList[i]!.contributedBy, p.id] }
      }
    }
    for (const m of p.machines) {
      // One extension value shared by instances of a plugin applies once.
      const shared = machineOwners.get(m)
      if (shared !== undefined) {
        shared.push(p.id)
        continue
      }
      const parts = [...m.states.map((s) => `state ${s.id}`), ...m.events.map((e) => `event ${e}`)]
      for (const part of parts) {
        const label = { zh: `${m.machine} 的${part.startsWith("state") ? "状态" : "事件"} ${part.slice(part.indexOf(" ") + 1)}`, en: `${m.machine} ${part}` }
        const c = machineParts.claim("machine", `${m.machine}|${part}`, label, p.id, m)
        if (c instanceof PluginConflict) return Either.left(c)
      }
      const by = [p.id]
      machineOwners.set(m, by)
      machines.push({ ...m, contributedBy: by, apply: (machine) => m.apply(machine, p.citation) })
    }
    for (const e of p.extensions) {
      const slot = extensions.get(e.entity) ?? { fields: {}, by: [] }
      extensions.set(e.entity, slot)
      for (const [name, schema] of Object.entries(e.fields)) {
        const c = fields.claim("extension", `${e.entity}.${name}`, { zh: `${e.entity}.${name}`, en: `${e.entity}.${name}` }, p.id, schema)
        if (c instanceof PluginConflict) return Either.left(c)
        slot.fields[name] = schema
      }
      if (!slot.by.includes(p.id)) slot.by.push(p.id)
    }
    for (const m of p.migrations) {
      // Keyed by the plugin's name: instances of one plugin share its migrations, which run once per record.
      const key = `${p.name}/${m.id}`
      const c = migrationClaims.claim("migration", key, { zh: key, en: key }, p.id, m)
      if (c instanceof PluginConflict) return Either.left(c)
      if (c === "new") migrations.push({ ...m, key, contributedBy: [p.id] })
      else {
        const i = migrations.findIndex((x) => x.key === key)
        migrations[i] = { ...migrations[i]!, contributedBy: [...migrations[i]!.contributedBy, p.id] }
      }
    }
  }

  // The policy: base parameters and the plugins' new ones (their values in the plugins' overlays), every rule.
  const made = Policy.make({
    id: policy.id,
    title: policy.title,
    parameters: [...policy.parameters, ...newParameters.map((d): Parameter.Any => ({ ...stripContribution(d), history: [] }))],
    overlays: [...policy.overlays, ...overlays],
    rules: [...policy.rules.rules, ...pluginRules],
    source: baseSource
  })
  if (Either.isLeft(made)) return Either.left(invalid(made.left, plugins))

  const owners = (m: Map<string, Array<string>>, key: string): ReadonlyArray<string> => [...(m.get(key) ?? [])].sort()
  const sortedPluginIndicators = [...pluginIndicators].sort(byKey(indicatorKey))
  return Either.right({
    policy: made.right,
    plugins,
    rules: made.right.rules.rules.map((r) => ({ ...r, contributedBy: owners(ruleOwners, r.id) })),
    guards: guardList.sort(byKey((r) => r.id)).map((r) => ({ ...r, contributedBy: owners(ruleOwners, r.id) })),
    parameters: newParameters.sort(byKey((p) => p.id)),
    indicators: [...baseIndicators, ...sortedPluginIndicators].map((d) => ({ ...d, contributedBy: owners(indicatorOwners, indicatorKey(d)) })),
    exporters: exporterList.sort(byKey((x) => x.id)),
    machines,
    migrations,
    extensions: Object.fromEntries(
      [...extensions.entries()].sort(byKey(([k]) => k)).map(([entity, slot]) => [entity, { entity, fields: slot.fields, contributedBy: [...slot.by].sort() }])
    )
  })
}

const stripContribution = (d: Contributed<Parameter.Any>): Parameter.Any => {
  const { contributedBy: _, ...rest } = d
  return rest
}

const invalid = (e: InvalidDefinition, plugins: ReadonlyArray<Plugin>): InvalidPlugin => {
  const owner = plugins.find((p) => e.id === p.id || e.id.startsWith(`${p.id}/`))
  return new InvalidPlugin({ plugin: owner?.id ?? e.id, reason: "invalid-definition", zh: `${e.kind} ${e.id}：${e.zh}`, en: `${e.kind} ${e.id}: ${e.en}` })
}

/**
 * {@link compose} for bundles written in code: throws the `PluginConflict` or `InvalidPlugin`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const unsafeCompose = (base: Policy.Policy | Base, ...plugins: ReadonlyArray<Plugin>): Composed => {
  const r = compose(base, ...plugins)
  if (Either.isLeft(r)) throw r.left
  return r.right
}

// ---------------------------------------------------------------------------------------------------------------
// Using a composed bundle
// ---------------------------------------------------------------------------------------------------------------

/**
 * Who contributed a rule, an indicator (`id` or `id#variant`), a parameter or an exporter: plugin ids, or the
 * base policy's source; empty when nobody did.
 *
 * @since 0.1.0
 * @category combinators
 */
export const contributorsOf = (composed: Composed, kind: "rule" | "indicator" | "parameter" | "exporter", id: string): ReadonlyArray<string> => {
  switch (kind) {
    case "rule":
      return (composed.rules.find((r) => r.id === id) ?? composed.guards.find((r) => r.id === id))?.contributedBy ?? []
    case "indicator":
      return composed.indicators.find((d) => indicatorKey(d) === id)?.contributedBy ?? []
    case "parameter": {
      const own = composed.parameters.find((p) => p.id === id)
      if (own !== undefined) return own.contributedBy
      if (composed.policy.parameter(id) === undefined) return []
      // A base parameter: the base, plus every plugin with an overlay value for it.
      const base = composed.policy.layers.find((l) => l.scope.level === "national")?.refs[0]?.source ?? composed.policy.id
      const by = composed.plugins.filter((p) => p.parameters.some((o) => o.values.some((v) => v.parameter === id))).map((p) => p.id)
      return [base, ...by]
    }
    case "exporter":
      return composed.exporters.find((x) => x.id === id)?.contributedBy ?? []
  }
}

/**
 * The indicators one plugin contributed (to compute them alone with `Indicators.compute`).
 *
 * @since 0.1.0
 * @category combinators
 */
export const indicatorsOf = (composed: Composed, plugin: string): ReadonlyArray<Contributed<Indicators.Definition>> =>
  composed.indicators.filter((d) => d.contributedBy.includes(plugin))

/**
 * A machine with every plugin's extension of it applied (extra states, events and guards; the guards cite
 * their plugin). An extension built for another version of the machine is not applied.
 *
 * @since 0.1.0
 * @category combinators
 */
export const machine = <A>(composed: Composed, m: Lifecycle.Machine<A>): Lifecycle.Machine<A> =>
  composed.machines.filter((x) => x.machine === m.id && x.version === m.version).reduce((acc, x) => x.apply(acc, undefined) as Lifecycle.Machine<A>, m)

/**
 * The schema of an entity's `extensions` in the composed bundle: every plugin's fields for it (strict on
 * decode with `Validation.decode`), or the untyped JSON record when no plugin extends the entity. Only the
 * bundle's `extensions` are read.
 *
 * @since 0.1.0
 * @category combinators
 */
export const extensionSchema = (composed: { readonly extensions: { readonly [entity: string]: Extension } }, entity: string): Schema.Schema<{ readonly [key: string]: unknown }, { readonly [key: string]: unknown }, never> => {
  const e = composed.extensions[entity]
  return (e === undefined ? UntypedExtensions : Schema.Struct(e.fields)) as unknown as Schema.Schema<{ readonly [key: string]: unknown }, { readonly [key: string]: unknown }, never>
}

/**
 * The entity schema with the composed bundle's extension fields typed under `extensions` (only the bundle's
 * `extensions` are read).
 *
 * @since 0.1.0
 * @category combinators
 */
export const entity = <Fields extends Schema.Struct.Fields>(
  composed: { readonly extensions: { readonly [entity: string]: Extension } },
  schema: Schema.Struct<Fields> | Schema.filter<Schema.Struct<Fields>>
) => withExtensions(schema, extensionSchema(composed, entityId(schema)))

/**
 * Every plugin's reactions to one outbox event, in composition order, each naming its plugin and the event.
 *
 * @since 0.1.0
 * @category combinators
 */
export const react = (composed: Composed, event: OutboxEvent): ReadonlyArray<PluginReaction> =>
  composed.plugins.flatMap((p) => (p.onEvent === undefined ? [] : p.onEvent(event).map((r) => ({ ...r, plugin: p.id, eventId: event.eventId }))))

/**
 * The migrations not yet applied (by key `<plugin name>/<id>`), in the order to run them.
 *
 * @since 0.1.0
 * @category combinators
 */
export const pendingMigrations = (composed: Composed, applied: ReadonlySet<string> | ReadonlyArray<string>) => {
  const done = new Set(applied)
  return composed.migrations.filter((m) => !done.has(m.key))
}

/**
 * Runs the pending migrations of an entity on one record's extensions, in order: the new extensions and the
 * keys applied. Pure; the host writes the record back and records the keys.
 *
 * @since 0.1.0
 * @category combinators
 */
export const migrate = (
  composed: Composed,
  entity: string,
  extensions: { readonly [key: string]: unknown },
  applied: ReadonlySet<string> | ReadonlyArray<string>
): { readonly extensions: { readonly [key: string]: unknown }; readonly applied: ReadonlyArray<string> } => {
  const run = pendingMigrations(composed, applied).filter((m) => m.entity === entity)
  return { extensions: run.reduce((acc, m) => m.up(acc), extensions), applied: run.map((m) => m.key) }
}
