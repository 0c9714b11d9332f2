/**
 * @chanjiao/core — the pure domain core of chanjiao (产教): dated, cited parameters; policies resolved per
 * jurisdiction and date; rules whose findings explain themselves; validated identities; entity schemas.
 * No I/O, no clock, no randomness: the evaluation date and all data are arguments.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as Agreement from "./Agreement.js"
/** @since 0.1.0 */
export * as Agreements from "./Agreements.js"
/** @since 0.1.0 */
export * as Assessment from "./Assessment.js"
/** @since 0.1.0 */
export * as Citation from "./Citation.js"
/** @since 0.1.0 */
export * as DualQualified from "./DualQualified.js"
/** @since 0.1.0 */
export * as Enterprise from "./Enterprise.js"
/** @since 0.1.0 */
export * as Entity from "./Entity.js"
/** @since 0.1.0 */
export * as Errors from "./Errors.js"
/** @since 0.1.0 */
export * as Finding from "./Finding.js"
/** @since 0.1.0 */
export * as Grading from "./Grading.js"
/** @since 0.1.0 */
export * as Identity from "./Identity.js"
/** @since 0.1.0 */
export * as Indicators from "./Indicators.js"
/** @since 0.1.0 */
export * as Internship from "./Internship.js"
/** @since 0.1.0 */
export * as InternshipGates from "./InternshipGates.js"
/** @since 0.1.0 */
export * as IsoDate from "./IsoDate.js"
/** @since 0.1.0 */
export * as Jurisdiction from "./Jurisdiction.js"
/** @since 0.1.0 */
export * as Lifecycle from "./Lifecycle.js"
/** @since 0.1.0 */
export * as National from "./National.js"
/** @since 0.1.0 */
export * as Parameter from "./Parameter.js"
/** @since 0.1.0 */
export * as PartTime from "./PartTime.js"
/** @since 0.1.0 */
export * as Policy from "./Policy.js"
/** @since 0.1.0 */
export * as Practice from "./Practice.js"
/** @since 0.1.0 */
export * as Rule from "./Rule.js"
/** @since 0.1.0 */
export * as School from "./School.js"
/** @since 0.1.0 */
export * as Sources from "./Sources.js"
/** @since 0.1.0 */
export * as Student from "./Student.js"
/** @since 0.1.0 */
export * as Teacher from "./Teacher.js"
/** @since 0.1.0 */
export * as TeacherPlan from "./TeacherPlan.js"
/** @since 0.1.0 */
export * as TeacherQualification from "./TeacherQualification.js"
/** @since 0.1.0 */
export * as Text from "./Text.js"
/** @since 0.1.0 */
export * as Validation from "./Validation.js"
/** @since 0.1.0 */
export * as Entities from "./Entities.js"
/** @since 0.1.0 */
export * as Plugin from "./Plugin.js"
