/**
 * A finding is a verdict that explains itself: which rule (and which dated version of it), about whom, the
 * measured value against the threshold, the parameter versions used, the law it rests on, a Chinese and an
 * English message, and — where it can — what would make it pass.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Citation } from "./Citation.js"
import { describe } from "./internal/annotations.js"
import { IsoDate } from "./IsoDate.js"
import { Level, Scope } from "./Jurisdiction.js"
import { Unit } from "./Parameter.js"
import { Text } from "./Text.js"

/**
 * `violation` breaks a confirmed rule; `warning` breaks a soft or unverified one (confidence M values are
 * warnings until a policy pack confirms them); `info` is worth knowing.
 *
 * @since 0.1.0
 * @category models
 */
export const Severity = Schema.Literal("violation", "warning", "info").annotations(
  describe({ identifier: "Severity", zh: "严重程度", en: "severity", descriptionZh: "违规、警示、提示", descriptionEn: "violation, warning, info" })
)

/**
 * @since 0.1.0
 * @category models
 */
export type Severity = typeof Severity.Type

/**
 * @since 0.1.0
 * @category constants
 */
export const severityLabel: { readonly [K in Severity]: Text } = {
  violation: { zh: "违规", en: "violation" },
  warning: { zh: "警示", en: "warning" },
  info: { zh: "提示", en: "info" }
}

/**
 * The record a finding is about.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SubjectRef = Schema.Struct({
  type: Schema.String.pipe(Schema.minLength(1)),
  id: Schema.String.pipe(Schema.minLength(1)),
  label: Schema.optional(Schema.String)
}).annotations(describe({ identifier: "SubjectRef", zh: "对象", en: "subject", descriptionZh: "结论针对的记录", descriptionEn: "the record a finding is about" }))

/**
 * @since 0.1.0
 * @category models
 */
export interface SubjectRef extends Schema.Schema.Type<typeof SubjectRef> {}

const Scalar = Schema.Union(Schema.Number, Schema.String, Schema.Boolean, Schema.Null)

/**
 * A measured value.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Measure = Schema.Struct({
  value: Scalar,
  unit: Schema.optional(Unit)
}).annotations(describe({ identifier: "Measure", zh: "实测值", en: "measured value" }))

/**
 * @since 0.1.0
 * @category models
 */
export interface Measure extends Schema.Schema.Type<typeof Measure> {}

/**
 * The threshold a measured value is compared against.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Threshold = Schema.Struct({
  comparator: Schema.Literal(">=", ">", "<=", "<", "==", "!=", "in", "not-in"),
  value: Schema.Union(Scalar, Schema.Array(Schema.String)),
  unit: Schema.optional(Unit)
}).annotations(describe({ identifier: "Threshold", zh: "标准值", en: "threshold" }))

/**
 * @since 0.1.0
 * @category models
 */
export interface Threshold extends Schema.Schema.Type<typeof Threshold> {}

/**
 * Which dated value of which parameter, from which policy layer, a finding used.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ParameterUse = Schema.Struct({
  id: Schema.String,
  effectiveFrom: IsoDate,
  level: Level,
  scope: Scope,
  layer: Schema.String,
  source: Schema.String,
  verified: Schema.Boolean,
  value: Schema.Unknown
}).annotations(describe({ identifier: "ParameterUse", zh: "所用参数", en: "parameter used" }))

/**
 * @since 0.1.0
 * @category models
 */
export interface ParameterUse extends Schema.Schema.Type<typeof ParameterUse> {}

/**
 * @since 0.1.0
 * @category schemas
 */
export const Finding = Schema.Struct({
  ruleId: Schema.String,
  /** The `effectiveFrom` of the rule version that ran. */
  ruleVersion: IsoDate,
  severity: Severity,
  subject: SubjectRef,
  /** The date the rule was evaluated for. */
  asOf: IsoDate,
  message: Text,
  remedy: Schema.optional(Text),
  /** A date by which the remedy must be done, when the rule sets one. */
  deadline: Schema.optional(IsoDate),
  measured: Schema.optional(Measure),
  threshold: Schema.optional(Threshold),
  parameters: Schema.Array(ParameterUse),
  citations: Schema.Array(Citation),
  /** `false` when a parameter used or the rule itself is unverified (confidence M). */
  verified: Schema.Boolean
}).annotations(
  describe({
    identifier: "Finding",
    zh: "检查结论",
    en: "finding",
    descriptionZh: "一条规则对一条记录的结论：规则编号与版本、实测值与标准、所用参数、法规依据、中英文说明及整改建议",
    descriptionEn: "a rule's verdict on one record: rule id and version, measured value and threshold, parameters used, citations, messages and remedy"
  })
)

/**
 * @since 0.1.0
 * @category models
 */
export interface Finding extends Schema.Schema.Type<typeof Finding> {}

const rank: { readonly [K in Severity]: number } = { violation: 0, warning: 1, info: 2 }

/**
 * Orders findings: violations first, then by rule id, then by subject id — a stable order for reports.
 *
 * @since 0.1.0
 * @category combinators
 */
export const order = (a: Finding, b: Finding): number =>
  rank[a.severity] - rank[b.severity] ||
  (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
  (a.subject.id < b.subject.id ? -1 : a.subject.id > b.subject.id ? 1 : 0)

/**
 * Whether any finding is a violation.
 *
 * @since 0.1.0
 * @category guards
 */
export const hasViolation = (findings: ReadonlyArray<Finding>): boolean => findings.some((f) => f.severity === "violation")

/**
 * One line for people, Chinese first.
 *
 * @since 0.1.0
 * @category combinators
 */
export const format = (f: Finding, lang: "zh" | "en" = "zh"): string => {
  const sev = severityLabel[f.severity][lang]
  const remedy = f.remedy ? (lang === "zh" ? `；整改：${f.remedy.zh}` : `; remedy: ${f.remedy.en}`) : ""
  return `[${sev}] ${f.ruleId} ${f.subject.type}/${f.subject.id}: ${f.message[lang]}${remedy}`
}
