/**
 * A rule: an id from the catalogue, an area, a bilingual title, its citations, and dated versions, each a
 * pure `check(subject, ctx)` that returns findings. The version in force on the evaluation date runs; the law
 * changing is a new version, not a branch.
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import type { Citation } from "./Citation.js"
import { Confidence } from "./Citation.js"
import { InvalidDefinition } from "./Errors.js"
import type { Finding, Measure, Severity, SubjectRef, Threshold } from "./Finding.js"
import { describe } from "./internal/annotations.js"
import * as stamp from "./internal/finding.js"
import type { IsoDate } from "./IsoDate.js"
import type * as Parameter from "./Parameter.js"
import type { Resolved } from "./Policy.js"
import type { Text } from "./Text.js"

/**
 * The area of the catalogue a rule belongs to.
 *
 * @since 0.1.0
 * @category models
 */
export const Area = Schema.Literal("internship", "teacher", "part-time-teacher", "agreement", "enterprise", "indicator", "identity").annotations(
  describe({ identifier: "RuleArea", zh: "领域", en: "area" })
)

/**
 * @since 0.1.0
 * @category models
 */
export type Area = typeof Area.Type

/**
 * What a rule version's `check` receives besides the subject.
 *
 * @since 0.1.0
 * @category models
 */
export interface Context {
  /** The date the rule is evaluated for (the version in force on it runs). */
  readonly asOf: IsoDate
  /** The policy resolved for the subject's jurisdiction on `asOf`. */
  readonly policy: Resolved
  readonly subject: SubjectRef
  /** Builds a finding of this rule version about this subject; see {@link FindingInput}. */
  readonly finding: (input: FindingInput) => Finding
}

/**
 * What a rule says in a finding; the rest (rule id and version, subject, date, citations, parameter versions,
 * verification) is filled in from the context.
 *
 * @since 0.1.0
 * @category models
 */
export interface FindingInput {
  readonly severity: Severity
  readonly message: Text
  readonly remedy?: Text
  readonly deadline?: IsoDate
  readonly measured?: Measure
  readonly threshold?: Threshold
  /** The parameters the verdict rests on; their resolved versions are recorded in the finding. */
  readonly parameters?: ReadonlyArray<Parameter.Any>
  /** Extra citations besides the rule version's own. */
  readonly citations?: ReadonlyArray<Citation>
}

/**
 * One dated version of a rule.
 *
 * @since 0.1.0
 * @category models
 */
export interface Version<S> {
  readonly effectiveFrom: IsoDate
  readonly citations: ReadonlyArray<Citation>
  /** The parameters this version reads (documented in the catalogue). */
  readonly parameters: ReadonlyArray<Parameter.Any>
  readonly note?: Text
  readonly check: (subject: S, ctx: Context) => ReadonlyArray<Finding>
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Rule<S> {
  readonly _tag: "Rule"
  readonly id: string
  readonly area: Area
  readonly title: Text
  readonly description?: Text
  readonly confidence: Confidence
  /** The identifier of the entity the rule checks, e.g. `Internship`. */
  readonly subject: string
  /** Versions sorted by `effectiveFrom`, strictly increasing. */
  readonly versions: ReadonlyArray<Version<S>>
}

/**
 * Any rule, whatever its subject type (what registries hold; a rule's `check` accepts its own subject).
 *
 * @since 0.1.0
 * @category models
 */
export type Any = Rule<never>

const ID = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/

/**
 * Defines a rule. Throws `InvalidDefinition` for a malformed id or unsorted versions (a programming error).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <S>(def: Omit<Rule<S>, "_tag">): Rule<S> => {
  const fail = (reason: "invalid-id" | "unsorted-history" | "empty-history", zh: string, en: string) =>
    new InvalidDefinition({ kind: "rule", id: def.id, reason, zh, en })
  if (!ID.test(def.id)) throw fail("invalid-id", "规则编号须形如 INT-AGE-16", "a rule id looks like INT-AGE-16")
  if (def.versions.length === 0) throw fail("empty-history", "规则没有任何版本", "the rule has no version")
  for (let i = 1; i < def.versions.length; i++) {
    if (!(def.versions[i - 1]!.effectiveFrom < def.versions[i]!.effectiveFrom)) {
      throw fail("unsorted-history", "规则版本须按生效日期严格递增", "rule versions must have strictly increasing dates")
    }
  }
  return { _tag: "Rule", ...def }
}

/**
 * The version of a rule in force on a date, if any.
 *
 * @since 0.1.0
 * @category combinators
 */
export const versionAt = <S>(rule: Rule<S>, date: IsoDate): Version<S> | undefined => {
  let found: Version<S> | undefined
  for (const v of rule.versions) {
    if (v.effectiveFrom <= date) found = v
    else break
  }
  return found
}

/**
 * The context a version's check runs in: `finding` stamps each finding with the rule id and version, subject,
 * date, citations and the resolved parameter versions. A finding that rests on an unverified parameter, or on
 * an unverified rule (confidence M), is marked `verified: false`, and a `violation` becomes a `warning`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const context = <S>(rule: Rule<S>, version: Version<S>, subject: SubjectRef, policy: Resolved): Context => ({
  asOf: policy.asOf,
  policy,
  subject,
  finding: (input) => stamp.make(rule, version, subject, policy, input)
})

/**
 * Runs the version of a rule in force on the policy's date against one subject. No version in force: no
 * findings.
 *
 * @since 0.1.0
 * @category combinators
 */
export const check = <S>(rule: Rule<S>, subject: S, ref: SubjectRef, policy: Resolved): ReadonlyArray<Finding> => {
  const version = versionAt(rule, policy.asOf)
  return version === undefined ? [] : version.check(subject, context(rule, version, ref, policy))
}

/**
 * What the catalogue shows of a rule.
 *
 * @since 0.1.0
 * @category models
 */
export interface Metadata {
  readonly id: string
  readonly area: Area
  readonly title: Text
  readonly confidence: Confidence
  readonly subject: string
  readonly versions: ReadonlyArray<{
    readonly effectiveFrom: IsoDate
    readonly citations: ReadonlyArray<Citation>
    readonly parameters: ReadonlyArray<string>
  }>
}

/**
 * @since 0.1.0
 * @category combinators
 */
export const metadata = (rule: Any): Metadata => ({
  id: rule.id,
  area: rule.area,
  title: rule.title,
  confidence: rule.confidence,
  subject: rule.subject,
  versions: rule.versions.map((v) => ({ effectiveFrom: v.effectiveFrom, citations: v.citations, parameters: v.parameters.map((p) => p.id) }))
})

/**
 * A registry of rules, unique by id, listed in id order.
 *
 * @since 0.1.0
 * @category models
 */
export interface Registry {
  readonly rules: ReadonlyArray<Any>
  readonly get: (id: string) => Any | undefined
  readonly list: () => ReadonlyArray<Metadata>
  readonly byArea: (area: Area) => ReadonlyArray<Any>
}

/**
 * Builds a registry; two rules with one id is an `InvalidDefinition`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const registry = (rules: ReadonlyArray<Any>): Either.Either<Registry, InvalidDefinition> => {
  const byId = new Map<string, Any>()
  for (const r of rules) {
    if (byId.has(r.id)) {
      return Either.left(new InvalidDefinition({ kind: "rule", id: r.id, reason: "duplicate-id", zh: "规则编号重复", en: "duplicate rule id" }))
    }
    byId.set(r.id, r)
  }
  const sorted = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return Either.right({
    rules: sorted,
    get: (id) => byId.get(id),
    list: () => sorted.map(metadata),
    byArea: (area) => sorted.filter((r) => r.area === area)
  })
}
