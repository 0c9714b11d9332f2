/**
 * The Gansu provincial pack as a plugin: compose it over the national policy and Gansu schools (province 62)
 * get the provincial 双师型 scope rules and certifier; every other school is unaffected.
 *
 * @example
 * ```ts
 * import { National, Plugin, Policy } from "@chanjiao/core"
 * import { Gansu } from "@chanjiao/plugin-province-gansu"
 *
 * const bundle = Plugin.unsafeCompose(National.policy, Gansu.plugin)
 * const resolved = Policy.at(bundle.policy, { province: Gansu.provinceCode }, "2024-09-01" as never)
 * ```
 *
 * @since 0.1.0
 */
import { Plugin } from "@chanjiao/core"
import * as Parameters from "./Parameters.js"
import * as Rules from "./Rules.js"
import * as Sources from "./Sources.js"

/**
 * The package name, shared by every instance of the pack.
 *
 * @since 0.1.0
 * @category constants
 */
export const name = "@chanjiao/plugin-province-gansu"

/**
 * The pack's version: the edition of the Gansu text it encodes (the standard of 2023-01-15), not the npm
 * version — a new edition of the standard is a new pack version.
 *
 * @since 0.1.0
 * @category constants
 */
export const version = "2023-01-15"

/**
 * Gansu's province code (62).
 *
 * @since 0.1.0
 * @category constants
 */
export const provinceCode = Parameters.provinceCode

/**
 * Builds the pack under an instance id (`gansu` by default). One instance is enough for a province; a second
 * under another id would set the same parameters for the same scope and date, which `Plugin.compose` refuses
 * as a conflict naming both.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: { readonly id?: string } = {}): Plugin.Plugin =>
  Plugin.make({
    id: options.id ?? "gansu",
    name,
    version,
    title: { zh: "甘肃省双师型教师认定规则包", en: "Gansu dual-qualified teacher pack" },
    citation: Sources.standard("第一条、第二条"),
    parameters: [Parameters.overlay],
    defines: Parameters.parameters,
    rules: Rules.rules
  })

/**
 * The pack, instance id `gansu`.
 *
 * @since 0.1.0
 * @category constants
 */
export const plugin: Plugin.Plugin = make()
