/**
 * Annotations chanjiao puts on its Schemas, read by the error formatter, the docs generator and the exporters.
 * @internal
 */
import type * as Schema from "effect/Schema"
import type { Text } from "../Text.js"

/** The English title of a schema (the standard `title` annotation holds the Chinese one). */
export const TitleEn: unique symbol = Symbol.for("@chanjiao/core/annotation/TitleEn")

/**
 * A function from the rejected value to a bilingual explanation of what is wrong with it. Set on refinements
 * so a failed check says *which* part failed ("the check character should be 7"), not only that it failed.
 */
export const Diagnose: unique symbol = Symbol.for("@chanjiao/core/annotation/Diagnose")

export type Diagnosis = (actual: unknown) => Text | undefined

export interface Describe {
  readonly identifier?: string
  readonly zh: string
  readonly en: string
  readonly descriptionZh?: string
  readonly descriptionEn?: string
  /** Examples of the decoded type (checked by the test suite: every example decodes). */
  readonly examples?: ReadonlyArray<unknown>
}

/** Standard annotations for one of our schemas: identifier, Chinese title, English title, bilingual description. */
export const describe = <A>(d: Describe): Schema.Annotations.Schema<A> => {
  const description =
    d.descriptionZh !== undefined || d.descriptionEn !== undefined
      ? `${d.descriptionZh ?? d.zh} — ${d.descriptionEn ?? d.en}`
      : `${d.zh} — ${d.en}`
  const out: Record<string | symbol, unknown> = { title: d.zh, description, [TitleEn]: d.en }
  if (d.identifier !== undefined) out["identifier"] = d.identifier
  if (d.examples !== undefined && d.examples.length > 0) out["examples"] = d.examples
  return out as Schema.Annotations.Schema<A>
}
