/**
 * `@chanjiao/plugin-webhook`: delivers the store's outbox events to an HTTP endpoint — JSON bodies signed with
 * HMAC-SHA256, an idempotency key per event, exponential backoff with full jitter, dead-letter after a number
 * of attempts, at-least-once delivery where an acknowledged event is never sent again.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as Backoff from "./Backoff.js"
/** @since 0.1.0 */
export * as Errors from "./Errors.js"
/** @since 0.1.0 */
export * as Signature from "./Signature.js"
/** @since 0.1.0 */
export * as Webhook from "./Webhook.js"
