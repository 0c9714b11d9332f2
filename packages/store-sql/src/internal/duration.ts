import * as Duration from "effect/Duration"

/**
 * A caller's duration in milliseconds: finite and at least 0, or `undefined` when it is not one (a bad string,
 * `Infinity`, a negative number), for the caller to fall back on its default.
 *
 * @internal
 */
export const finiteMillis = (input: Duration.DurationInput): number | undefined => {
  const d = Duration.decodeUnknown(input)
  return d._tag === "Some" && Duration.isFinite(d.value) ? Math.max(0, Duration.toMillis(d.value)) : undefined
}
