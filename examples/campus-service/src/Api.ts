/**
 * The HTTP API of the campus service, declared once with `@effect/platform`'s HttpApi: the endpoints, what each
 * answers, and every error with its status. The handlers (`Handlers.ts`) implement it over the `Store`.
 *
 * Request bodies, query strings and the actor headers are read and decoded by the handlers themselves, with
 * the core's `Validation.decode`: a bad request then answers 400 with the core's `InvalidInput` — every
 * problem, located, in Chinese and English — instead of the platform's own English-only decode error (and
 * malformed JSON is a 400, not a defect).
 *
 * @since 0.1.0
 */
import { Agreement, Assessment, Citation, Errors, Finding, Text } from "@chanjiao/core"
import { HttpApi, HttpApiEndpoint, HttpApiGroup, HttpApiSchema, OpenApi } from "@effect/platform"
import * as Schema from "effect/Schema"

// -------------------------------------------------------------------------------------------------------------
// Errors (the body of every error answer carries `messageZh` and `messageEn`; never a stack trace)
// -------------------------------------------------------------------------------------------------------------

/**
 * 400: the request does not decode (JSON, body, query or a header) — the core's `InvalidInput`, as data.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidRequest extends Schema.TaggedError<InvalidRequest>()(
  "InvalidRequest",
  { entity: Schema.String, messageZh: Schema.String, messageEn: Schema.String, issues: Schema.Array(Errors.Issue) },
  HttpApiSchema.annotations({ status: 400, description: "请求内容不合格（中英文说明每一处问题） — the request does not decode" })
) {}

/**
 * 401: no actor (the `x-actor` header stands in for the host's login).
 *
 * @since 0.1.0
 * @category errors
 */
export class Unauthenticated extends Schema.TaggedError<Unauthenticated>()(
  "Unauthenticated",
  { messageZh: Schema.String, messageEn: Schema.String },
  HttpApiSchema.annotations({ status: 401, description: "缺少操作人 — no actor" })
) {}

/**
 * 403: the actor may not do this — the machine's role check (LC-ROLE), a mentor not assigned to the internship,
 * a student grading themself, a mentor who must step aside.
 *
 * @since 0.1.0
 * @category errors
 */
export class Forbidden extends Schema.TaggedError<Forbidden>()(
  "Forbidden",
  { reason: Schema.String, messageZh: Schema.String, messageEn: Schema.String, findings: Schema.Array(Finding.Finding) },
  HttpApiSchema.annotations({ status: 403, description: "操作人无权执行 — the actor may not do this" })
) {}

/**
 * 404: the record named in the path does not exist.
 *
 * @since 0.1.0
 * @category errors
 */
export class NotFound extends Schema.TaggedError<NotFound>()(
  "NotFound",
  { type: Schema.String, id: Schema.String, messageZh: Schema.String, messageEn: Schema.String },
  HttpApiSchema.annotations({ status: 404, description: "记录不存在 — no such record" })
) {}

/**
 * 409: a stale version (someone else changed the record since it was read); `current` is the version now.
 *
 * @since 0.1.0
 * @category errors
 */
export class VersionConflict extends Schema.TaggedError<VersionConflict>()(
  "VersionConflict",
  { type: Schema.String, id: Schema.String, expected: Schema.Number, current: Schema.Number, messageZh: Schema.String, messageEn: Schema.String },
  HttpApiSchema.annotations({ status: 409, description: "版本冲突，请重新读取 — a stale version" })
) {}

/**
 * 409: the life cycle refuses the event in the record's current state — a wrong state, a final state, or a
 * guard's violation (with the findings that block, each citing its rule).
 *
 * @since 0.1.0
 * @category errors
 */
export class TransitionRefused extends Schema.TaggedError<TransitionRefused>()(
  "TransitionRefused",
  { event: Schema.String, reason: Schema.String, messageZh: Schema.String, messageEn: Schema.String, findings: Schema.Array(Finding.Finding) },
  HttpApiSchema.annotations({ status: 409, description: "流程不允许此操作 — the life cycle refuses the event" })
) {}

/**
 * 503: the database cannot be reached. 500: any other storage failure. Both without internals.
 *
 * @since 0.1.0
 * @category errors
 */
export class Unavailable extends Schema.TaggedError<Unavailable>()(
  "Unavailable",
  { messageZh: Schema.String, messageEn: Schema.String },
  HttpApiSchema.annotations({ status: 503, description: "数据库不可用 — the database is unavailable" })
) {}

/**
 * @since 0.1.0
 * @category errors
 */
export class StorageFailed extends Schema.TaggedError<StorageFailed>()(
  "StorageFailed",
  { reason: Schema.String, messageZh: Schema.String, messageEn: Schema.String },
  HttpApiSchema.annotations({ status: 500, description: "存储出错 — a storage failure" })
) {}

// -------------------------------------------------------------------------------------------------------------
// Answers
// -------------------------------------------------------------------------------------------------------------

/**
 * An event a front end may show as a button: available to this actor now or not, and why not.
 *
 * @since 0.1.0
 * @category schemas
 */
export const NextEvent = Schema.Struct({ event: Schema.String, label: Text.Text, available: Schema.Boolean, reasons: Schema.Array(Text.Text) })

/**
 * A cooperation agreement with its version (send it back as `expectedVersion`) and life-cycle state.
 *
 * @since 0.1.0
 * @category schemas
 */
export const AgreementView = Schema.Struct({
  id: Schema.String,
  version: Schema.Number,
  state: Schema.String,
  stateLabel: Text.Text,
  agreement: Agreement.CooperationAgreement,
  /** Present when an actor is given: what they may do next. */
  next: Schema.optional(Schema.Array(NextEvent))
}).annotations({ identifier: "AgreementView", title: "校企合作协议（含版本与状态） — an agreement with its version and state" })

/**
 * @since 0.1.0
 * @category schemas
 */
export const DomainEvent = Schema.Struct({ type: Schema.String, machine: Schema.String, aggregateState: Schema.String, on: Schema.String, by: Schema.optional(Schema.String) })

/**
 * The outcome of an event: the new version and state, the domain events written to the outbox, and the
 * findings of guards that did not block.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TransitionView = Schema.Struct({
  id: Schema.String,
  version: Schema.Number,
  state: Schema.String,
  stateLabel: Text.Text,
  emitted: Schema.Array(DomainEvent),
  findings: Schema.Array(Finding.Finding)
}).annotations({ identifier: "TransitionView", title: "流程操作结果 — the outcome of an event" })

/**
 * An accepted assessment and the internship's grade as it stands (no final grade until both subjects have
 * assessed).
 *
 * @since 0.1.0
 * @category schemas
 */
export const AssessmentView = Schema.Struct({
  assessment: Assessment.Assessment,
  version: Schema.Number,
  grading: Schema.Struct({
    internshipId: Schema.String,
    score: Schema.optional(Schema.Number),
    band: Schema.optional(Assessment.Grade),
    parts: Schema.Struct({ school: Schema.optional(Schema.Number), enterprise: Schema.optional(Schema.Number) }),
    used: Schema.Struct({ school: Schema.optional(Schema.String), enterprise: Schema.optional(Schema.String) }),
    findings: Schema.Array(Finding.Finding)
  })
}).annotations({ identifier: "AssessmentView", title: "已接收的考核评价及当前成绩 — an accepted assessment and the grade" })

/**
 * One criterion of the 双师型 table: met or not, the records that satisfied it, what would satisfy it.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CriterionView = Schema.Struct({
  criterion: Schema.String,
  title: Text.Text,
  met: Schema.Boolean,
  evidence: Schema.Array(Schema.Struct({ kind: Schema.String, ref: Schema.String, text: Text.Text })),
  missing: Schema.optional(Text.Text),
  /** The ids of the parameters the criterion read (their values and citations are in the policy). */
  parameters: Schema.Array(Schema.String)
})

/**
 * A teacher's 双师型 evaluation on a date, explained: each level's criteria with evidence, the highest level met,
 * what the next level lacks, and every teacher rule's findings with citations.
 *
 * @since 0.1.0
 * @category schemas
 */
export const QualificationView = Schema.Struct({
  teacherId: Schema.String,
  asOf: Schema.String,
  schoolKind: Schema.String,
  category: Schema.String,
  highest: Schema.optional(Schema.String),
  highestLabel: Schema.optional(Text.Text),
  basic: Schema.Array(CriterionView),
  levels: Schema.Array(Schema.Struct({ level: Schema.String, label: Text.Text, met: Schema.Boolean, criteria: Schema.Array(CriterionView) })),
  next: Schema.optional(Schema.Struct({ level: Schema.String, label: Text.Text, missing: Schema.Array(CriterionView) })),
  veto: Schema.optional(Schema.Struct({ year: Schema.Number, until: Schema.String, defaulted: Schema.Boolean })),
  held: Schema.Array(Schema.Struct({ level: Schema.String, certifiedOn: Schema.String })),
  findings: Schema.Array(Finding.Finding)
}).annotations({ identifier: "QualificationView", title: "双师型教师认定说明 — a teacher's dual-qualified evaluation, explained" })

/**
 * One indicator figure with its threshold (and citation) and the ids of the records counted (provenance).
 *
 * @since 0.1.0
 * @category schemas
 */
export const IndicatorValueView = Schema.Struct({
  indicator: Schema.String,
  variant: Schema.optional(Schema.String),
  name: Text.Text,
  schoolId: Schema.String,
  majorCode: Schema.optional(Schema.String),
  enterpriseId: Schema.optional(Schema.String),
  status: Schema.Literal("ok", "not-applicable"),
  value: Schema.optional(Schema.Number),
  numerator: Schema.optional(Schema.Number),
  denominator: Schema.optional(Schema.Number),
  verdict: Schema.optional(Schema.Literal("met", "basically-met", "not-met")),
  threshold: Schema.optional(
    Schema.Struct({ comparator: Schema.String, value: Schema.Number, parameter: Schema.String, effectiveFrom: Schema.String, citation: Citation.Citation, verified: Schema.Boolean })
  ),
  provenance: Schema.Struct({ numerator: Schema.Array(Schema.String), denominator: Schema.Array(Schema.String) }),
  table: Schema.String,
  note: Schema.optional(Text.Text)
})

/**
 * The indicators of a school over a period.
 *
 * @since 0.1.0
 * @category schemas
 */
export const IndicatorsView = Schema.Struct({
  schoolId: Schema.String,
  period: Schema.Struct({ kind: Schema.String, year: Schema.Number, start: Schema.String, end: Schema.String }),
  values: Schema.Array(IndicatorValueView)
}).annotations({ identifier: "IndicatorsView", title: "学校指标（含数据来源） — a school's indicators with provenance" })

// -------------------------------------------------------------------------------------------------------------
// Endpoints
// -------------------------------------------------------------------------------------------------------------

const IdPath = Schema.Struct({ id: Schema.String })

/**
 * Cooperation agreements: create (as `school-admin`), read (with the buttons the actor may press), fire a
 * life-cycle event (submit, sign, amend, …), and apply the changes due by a date (in force, expiring, expired).
 *
 * @since 0.1.0
 * @category groups
 */
export class AgreementsGroup extends HttpApiGroup.make("agreements")
  .add(
    HttpApiEndpoint.post("create", "/agreements")
      .addSuccess(AgreementView, { status: 201 })
      .annotate(OpenApi.Description, "请求体：CooperationAgreement（JSON，不含 lifecycle）；需要角色 school-admin — body: a CooperationAgreement without `lifecycle`; needs the school-admin role")
  )
  .add(HttpApiEndpoint.get("get", "/agreements/:id").setPath(IdPath).addSuccess(AgreementView).annotate(OpenApi.Description, "带 x-actor 时附上该操作人可执行的操作 — with x-actor, what that actor may do next"))
  .add(
    HttpApiEndpoint.post("fire", "/agreements/:id/events")
      .setPath(IdPath)
      .addSuccess(TransitionView)
      .annotate(OpenApi.Description, '请求体：{ "type": 事件, "expectedVersion": 读取时的版本, "on"?: 日期, "payload"?: 事件数据 } — body: { type, expectedVersion, on?, payload? }')
  )
  .add(
    HttpApiEndpoint.post("advance", "/agreements/:id/advance")
      .setPath(IdPath)
      .addSuccess(TransitionView)
      .annotate(OpenApi.Description, '请求体：{ "expectedVersion": 版本, "asOf"?: 日期 }：执行到该日为止到期的状态变化（生效、到期预警、期满） — applies the dated changes due by asOf')
  ) {}

/**
 * Internship assessments by mentors (双主体考核评价).
 *
 * @since 0.1.0
 * @category groups
 */
export class AssessmentsGroup extends HttpApiGroup.make("assessments").add(
  HttpApiEndpoint.post("submit", "/internships/:id/assessments").setPath(IdPath).addSuccess(AssessmentView, { status: 201 })
) {}

/**
 * Teachers: the 双师型 qualification explained.
 *
 * @since 0.1.0
 * @category groups
 */
export class TeachersGroup extends HttpApiGroup.make("teachers").add(
  HttpApiEndpoint.get("qualification", "/teachers/:id/qualification").setPath(IdPath).addSuccess(QualificationView)
) {}

/**
 * Schools: indicators over a period.
 *
 * @since 0.1.0
 * @category groups
 */
export class SchoolsGroup extends HttpApiGroup.make("schools").add(
  HttpApiEndpoint.get("indicators", "/schools/:id/indicators").setPath(IdPath).addSuccess(IndicatorsView)
) {}

/**
 * The whole API, under `/api`. Every endpoint may answer any of the errors above.
 *
 * @since 0.1.0
 * @category api
 */
export class CampusApi extends HttpApi.make("campus")
  .add(AgreementsGroup)
  .add(AssessmentsGroup)
  .add(TeachersGroup)
  .add(SchoolsGroup)
  .addError(InvalidRequest)
  .addError(Unauthenticated)
  .addError(Forbidden)
  .addError(NotFound)
  .addError(VersionConflict)
  .addError(TransitionRefused)
  .addError(Unavailable)
  .addError(StorageFailed)
  .prefix("/api") {}
