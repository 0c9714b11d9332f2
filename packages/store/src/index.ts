/**
 * `@chanjiao/store`: the storage port of chanjiao — one `Store` service over a small driver contract, the
 * in-memory adapter, and (at `@chanjiao/store/testing`) the conformance kit every adapter passes.
 *
 * @since 0.1.0
 */
export * as Aggregates from "./Aggregates.js"
export * as Driver from "./Driver.js"
export * as Errors from "./Errors.js"
export * as Memory from "./Memory.js"
export * as Store from "./Store.js"
