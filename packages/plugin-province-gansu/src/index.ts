/**
 * `@chanjiao/plugin-province-gansu`: the Gansu provincial 双师型 scope rules and certifier (甘肃省职业教育
 * “双师型”教师认定标准（试行）, 2023), layered over the national defaults as a province overlay — and the
 * template for writing any other province's pack (see the README).
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as Gansu from "./Gansu.js"
/** @since 0.1.0 */
export * as GansuParameters from "./Parameters.js"
/** @since 0.1.0 */
export * as GansuRules from "./Rules.js"
/** @since 0.1.0 */
export * as GansuSources from "./Sources.js"
