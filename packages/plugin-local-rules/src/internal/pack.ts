/**
 * What every pack is built from: a local parameter (no national value: only the pack's layer sets it, so its
 * rules are silent elsewhere), a layer for one scope, and small arithmetic the rules share.
 * @internal
 */
import { Parameter, Plugin, Policy } from "@chanjiao/core"
import type { Citation, Jurisdiction, Rule, Text } from "@chanjiao/core"
import type * as Schema from "effect/Schema"

/** The package name: every pack's plugin name starts with it. */
export const packageName = "@chanjiao/plugin-local-rules"

/** The revision of the packs' content (not the npm version): raised when a pack's values or rules change. */
export const version = "1"

/** A parameter only a local layer gives a value. */
export const local = <A>(def: {
  readonly id: string
  readonly title: Text.Text
  readonly description: Text.Text
  readonly unit: Parameter.Unit
  readonly ruleIds: ReadonlyArray<string>
  readonly schema: Schema.Schema<A, A, never>
  readonly labels?: { readonly [value: string]: Text.Text }
}): Parameter.Parameter<A> => Parameter.make({ ...def, history: [] })

/** One dated value of a parameter, with its citation, whether it was verified, and a note. */
export const value = <A>(
  parameter: Parameter.Parameter<A>,
  entry: { readonly from: string; readonly value: NoInfer<A>; readonly citation: Citation.Citation; readonly verified: boolean; readonly note?: Text.Text }
): Policy.OverlayValue =>
  Policy.set(parameter, [
    {
      effectiveFrom: entry.from as Parameter.Entry<A>["effectiveFrom"],
      value: entry.value,
      citation: entry.citation,
      verified: entry.verified,
      ...(entry.note === undefined ? {} : { note: entry.note })
    }
  ])

/** A pack: one layer of values for its scope, the parameters it introduces, its rules and extension fields. */
export const pack = (def: {
  readonly id: string
  readonly pack: string
  readonly title: Text.Text
  readonly citation: Citation.Citation
  readonly scope: Jurisdiction.Scope
  readonly values: ReadonlyArray<Policy.OverlayValue>
  readonly defines?: ReadonlyArray<Parameter.Any>
  readonly rules?: ReadonlyArray<Rule.Any>
  readonly extensions?: ReadonlyArray<Plugin.Extension>
  readonly machines?: ReadonlyArray<Plugin.MachineExtension>
}): Plugin.Plugin =>
  Plugin.make({
    id: def.id,
    name: `${packageName}/${def.pack}`,
    version,
    title: def.title,
    citation: def.citation,
    parameters: [Policy.overlay({ id: def.pack, title: def.title, scope: def.scope, source: def.id, values: def.values })],
    defines: def.defines ?? [],
    rules: def.rules ?? [],
    extensions: def.extensions ?? [],
    machines: def.machines ?? []
  })

/** The least whole number that is at least `share` of `total` (exact at the boundary, no float drift). */
export const atLeast = (share: number, total: number): number => Math.max(0, Math.ceil(share * total - 1e-9))

/** The most whole number that is at most `share` of `total`. */
export const atMost = (share: number, total: number): number => Math.max(0, Math.floor(share * total + 1e-9))

/** A share for people: `12.5%`. */
export const percent = (x: number): string => `${Number((x * 100).toFixed(2))}%`
