/**
 * `@chanjiao/plugin-local-rules`: the local (province and city) rules of the catalogue as opt-in packs, each a
 * plugin named by where its rule comes from (`LocalRules.jiangxi()`, `LocalRules.tianjin()`, …). Where core
 * implements a rule driven by local parameters, a pack supplies the jurisdiction's values; where core has
 * nothing, the pack brings the rule, with its citation, numbers and confidence.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as LocalRules from "./Packs.js"
/** @since 0.1.0 */
export * as Attribution from "./Attribution.js"
/** @since 0.1.0 */
export * as Jiangsu from "./Jiangsu.js"
/** @since 0.1.0 */
export * as Jiangxi from "./Jiangxi.js"
/** @since 0.1.0 */
export * as MajorCategory from "./MajorCategory.js"
/** @since 0.1.0 */
export * as ProvincialDetail from "./ProvincialDetail.js"
/** @since 0.1.0 */
export * as Shaanxi from "./Shaanxi.js"
/** @since 0.1.0 */
export * as Shandong from "./Shandong.js"
/** @since 0.1.0 */
export * as Sources from "./Sources.js"
/** @since 0.1.0 */
export * as Subjects from "./Subjects.js"
/** @since 0.1.0 */
export * as Tianjin from "./Tianjin.js"
/** @since 0.1.0 */
export * as Yantai from "./Yantai.js"
/** @since 0.1.0 */
export * as Yunnan from "./Yunnan.js"
/** @since 0.1.0 */
export * as Zhejiang from "./Zhejiang.js"
