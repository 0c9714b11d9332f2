/**
 * Masking of personal numbers in exports. Every exporter masks resident ID numbers (`110105********1234`:
 * the first 6 and last 4 characters stay) and mobile numbers (`138****5678`) unless the caller passes
 * `{ unmask: true }`. Fields are found by their Schema brand (`IdNumber`, `MobileNumber`), at any depth
 * (a guardian's mobile, an enterprise mentor inside a list); free text and the host's untyped extension
 * fields are scanned for anything shaped like one.
 *
 * @since 0.1.0
 */
import { Identity } from "@chanjiao/core"
import type * as Schema from "effect/Schema"
import * as internal from "./internal/mask.js"

/**
 * The masking option every exporter takes. Masking is on unless `unmask` is `true`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** Export personal numbers in full. Off by default: only pass `true` where the reader is entitled to them. */
  readonly unmask?: boolean
}

/**
 * Masks a resident ID number: first 6 and last 4 characters kept, `110105********1234`.
 *
 * @example
 * ```ts
 * import { Mask } from "@chanjiao/export"
 *
 * Mask.idNumber("110105199001011234") // "110105********1234"
 * ```
 *
 * @since 0.1.0
 * @category combinators
 */
export const idNumber = (id: string): string => Identity.maskIdNumber(id)

/**
 * Masks a mobile number: `138****5678`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const mobile = (m: string): string => Identity.maskMobile(m)

/**
 * Masks anything in free text shaped like an ID number or a mobile number (messages, labels, notes).
 *
 * @since 0.1.0
 * @category combinators
 */
export const text = (s: string): string => internal.text(s)

/**
 * `text` unless the options ask for no masking.
 *
 * @since 0.1.0
 * @category combinators
 */
export const textWith = (s: string, options?: Options): string => (options?.unmask === true ? s : internal.text(s))

/**
 * Masks every personal number in a value of a schema (decoded side), at any depth. Returns a copy; the input
 * is not changed.
 *
 * @example
 * ```ts
 * import { Mask } from "@chanjiao/export"
 * import { Student } from "@chanjiao/core"
 *
 * declare const student: Student.Student
 * const safe = Mask.value(Student.Student, student) // idNumber 370828********0025, mobile 138****8000
 * ```
 *
 * @since 0.1.0
 * @category combinators
 */
export const value = <A, I>(schema: Schema.Schema<A, I, never>, v: A): A => internal.walk(schema.ast, v) as A

/**
 * `value` unless the options ask for no masking.
 *
 * @since 0.1.0
 * @category combinators
 */
export const valueWith = <A, I>(schema: Schema.Schema<A, I, never>, v: A, options?: Options): A => (options?.unmask === true ? v : value(schema, v))

/**
 * Masks what an untyped JSON value holds (strings scanned as free text).
 *
 * @since 0.1.0
 * @category combinators
 */
export const json = (v: unknown): unknown => internal.json(v)
