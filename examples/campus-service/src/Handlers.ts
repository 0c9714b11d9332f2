/**
 * The handlers of the campus API over the `Store`: every write goes through the store (one transaction: the
 * record, its version check, an audit entry and the outbox events), every life-cycle change through the core's
 * machines, and every verdict comes from the core under the policy resolved for the school's jurisdiction on
 * the date in question. The service reads the clock only for "now" (the audit's instant) and "today" (China
 * time) when a request gives no date.
 *
 * Status codes:
 * - 400 `InvalidRequest`: the JSON, body, query or a header does not decode, or a referenced record is missing;
 * - 401 `Unauthenticated`: no `x-actor`;
 * - 403 `Forbidden`: the actor's roles do not allow the event (the machine's LC-ROLE), or — for assessments —
 *   the actor is not the mentor assigned, is the student, or has a declared relation to the student;
 * - 404 `NotFound`: the record in the path does not exist;
 * - 409 `VersionConflict`: `expectedVersion` is stale (the body carries the `current` version);
 * - 409 `TransitionRefused`: the machine refuses the event in the current state (wrong or final state, or a
 *   guard's violation such as AGR-DUAL "this party has already signed");
 * - 503 `Unavailable` / 500 `StorageFailed`: the database; never a stack trace.
 *
 * @since 0.1.0
 */
import { Agreement, Agreements, Assessment, DualQualified, Errors, Grading, Indicators, IsoDate, Lifecycle, National, Policy, Validation } from "@chanjiao/core"
import type { Finding, Jurisdiction, School } from "@chanjiao/core"
import { Errors as StoreErrors, Store } from "@chanjiao/store"
import { HttpApiBuilder } from "@effect/platform"
import type { HttpApi } from "@effect/platform"
import * as Clock from "effect/Clock"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import type { CriterionView } from "./Api.js"
import { CampusApi, Forbidden, InvalidRequest, NotFound, StorageFailed, TransitionRefused, Unavailable, VersionConflict } from "./Api.js"
import * as Input from "./Input.js"

/**
 * What the service is configured with.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** The policy rules and indicators are evaluated under (default: the national policy). A provincial or school pack composes onto it. */
  readonly policy?: Policy.Policy | undefined
}

// -------------------------------------------------------------------------------------------------------------
// Request bodies and queries
// -------------------------------------------------------------------------------------------------------------

const Version = Schema.Number.pipe(Schema.int(), Schema.nonNegative())

/**
 * A life-cycle event: which one, the version read, its date (default today) and its data (e.g. the party for
 * `sign`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const EventRequest = Schema.Struct({
  type: Schema.String.pipe(Schema.minLength(1)),
  expectedVersion: Version,
  on: Schema.optional(IsoDate.IsoDate),
  payload: Schema.optional(Schema.Unknown)
}).annotations({ identifier: "AgreementEvent", title: "流程事件 — a life-cycle event" })

/**
 * Apply the dated changes due by `asOf` (default today).
 *
 * @since 0.1.0
 * @category schemas
 */
export const AdvanceRequest = Schema.Struct({ expectedVersion: Version, asOf: Schema.optional(IsoDate.IsoDate) }).annotations({
  identifier: "AdvanceRequest",
  title: "按日期推进流程 — apply the changes due by a date"
})

/**
 * An assessment as a mentor submits it: the internship comes from the path and the assessor from `x-actor`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const AssessmentSubmission = Assessment.Assessment.omit("internshipId", "assessorId").annotations({
  identifier: "AssessmentSubmission",
  title: "提交的考核评价（实习编号取自路径，评价人取自 x-actor） — an assessment as submitted"
})

const AsOfQuery = Schema.Struct({ asOf: Schema.optional(IsoDate.IsoDate) }).annotations({ identifier: "Query", title: "查询参数 — query" })

// The school or calendar year of `?year=`: four digits, a year the indicators can be computed for.
const Year = Schema.String.pipe(
  Schema.filter((s) => /^\d{4}$/.test(s) || "学年应为四位数字年份（如 2024） / the school year must be a four-digit year (e.g. 2024)"),
  Schema.compose(Schema.NumberFromString),
  Schema.filter((n) => (n >= 1949 && n <= 2200) || "学年应在 1949 至 2200 之间 / the school year must be between 1949 and 2200")
)

const IndicatorsQuery = Schema.Struct({
  year: Year,
  period: Schema.optional(Schema.Literal("school-year", "calendar-year")),
  indicator: Schema.optional(Schema.String.pipe(Schema.minLength(1)))
}).annotations({ identifier: "IndicatorsQuery", title: "指标查询参数 — indicator query" })

// -------------------------------------------------------------------------------------------------------------
// Store errors → API errors
// -------------------------------------------------------------------------------------------------------------

type ApiError = InvalidRequest | Forbidden | NotFound | VersionConflict | TransitionRefused | Unavailable | StorageFailed

const fromStoreError = (e: StoreErrors.StoreError, what: { readonly type: string; readonly id: string }): ApiError =>
  e.reason === "not-found"
    ? new NotFound({ ...what, messageZh: e.messageZh, messageEn: e.messageEn })
    : e.reason === "invalid"
      ? new InvalidRequest({ entity: what.type, messageZh: e.messageZh, messageEn: e.messageEn, issues: [] })
      : e.reason === "unavailable"
      ? new Unavailable({ messageZh: e.messageZh, messageEn: e.messageEn })
      : // The message names the operation and reason, never the driver's error (kept in `cause`, not sent).
        new StorageFailed({ reason: e.reason, messageZh: e.messageZh, messageEn: e.messageEn })

/** Every failure the store can answer with, as the API's errors. */
const storeErrors =
  (what: { readonly type: string; readonly id: string }) =>
  (e: unknown): ApiError => {
    if (e instanceof StoreErrors.Conflict) return new VersionConflict({ type: e.type, id: e.id, expected: e.expected, current: e.current, messageZh: e.messageZh, messageEn: e.messageEn })
    if (e instanceof StoreErrors.TransitionRefused) {
      const findings = e.findings as ReadonlyArray<Finding.Finding>
      // LC-ROLE: the actor's roles do not allow the event → 403; any other refusal is about the record's state → 409.
      return e.reason === "forbidden"
        ? new Forbidden({ reason: e.reason, messageZh: e.messageZh, messageEn: e.messageEn, findings })
        : new TransitionRefused({ event: e.event, reason: e.reason, messageZh: e.messageZh, messageEn: e.messageEn, findings })
    }
    if (e instanceof StoreErrors.StoreError) return fromStoreError(e, what)
    if (e instanceof StoreErrors.UnknownType) return new StorageFailed({ reason: "unknown-type", messageZh: e.messageZh, messageEn: e.messageEn })
    if (e instanceof Errors.InvalidInput) return Input.invalid(e)
    return new StorageFailed({ reason: "unknown", messageZh: "存储出错", messageEn: "storage failed" })
  }

const notFound = (type: string, label: { readonly zh: string; readonly en: string }, id: string) =>
  new NotFound({ type, id, messageZh: `${label.zh} ${id} 不存在`, messageEn: `${label.en} ${id} does not exist` })

// -------------------------------------------------------------------------------------------------------------
// Helpers
// -------------------------------------------------------------------------------------------------------------

/** Today in China (UTC+8): the date of an event the request does not date. */
const today: Effect.Effect<IsoDate.IsoDate> = Effect.map(Clock.currentTimeMillis, (ms) => IsoDate.unsafeMake(new Date(ms + 8 * 3600_000).toISOString().slice(0, 10)))

/** The school's place in the overlay chain (national ← province ← city ← school). */
const jurisdictionOf = (school: School.School | undefined): Jurisdiction.Jurisdiction =>
  school === undefined ? {} : { province: school.province, ...(school.city === undefined ? {} : { city: school.city }), school: school.code }

const machine = Agreements.cooperation

const stateOf = (a: Agreement.CooperationAgreement): Lifecycle.State => {
  const id = machine.stamp(a)?.state ?? machine.initial
  return machine.states.find((s) => s.id === id) ?? machine.states[0]!
}

const criterion = (c: DualQualified.CriterionResult): typeof CriterionView.Type => ({
  criterion: c.criterion,
  title: DualQualified.criterionTitle[c.criterion],
  met: c.met,
  evidence: c.evidence.map((e) => ({ kind: e.kind, ref: e.ref, text: e.text })),
  ...(c.missing === undefined ? {} : { missing: c.missing }),
  parameters: c.parameters.map((p) => p.id)
})

// -------------------------------------------------------------------------------------------------------------
// The handlers
// -------------------------------------------------------------------------------------------------------------

/**
 * The API implemented over the `Store` in context.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options = {}): Layer.Layer<HttpApi.Api, never, Store.Store> => {
  const policy = options.policy ?? National.policy

  const agreements = HttpApiBuilder.group(CampusApi, "agreements", (handlers) =>
    Effect.gen(function* () {
      const store = yield* Store.Store
      const type = "cooperation-agreement" as const
      const schoolOf = (schoolId: string) => Effect.mapError(store.find("school", schoolId), storeErrors({ type: "school", id: schoolId }))
      const load = (id: string) =>
        Effect.flatMap(Effect.mapError(store.find(type, id), storeErrors({ type, id })), (s) =>
          s === undefined ? Effect.fail(notFound(type, { zh: "校企合作协议", en: "cooperation agreement" }, id)) : Effect.succeed(s)
        )

      return handlers
        .handle("create", ({ request }) =>
          Effect.gen(function* () {
            const who = yield* Input.actor(request)
            if (!who.roles.includes("school-admin")) {
              return yield* Effect.fail(
                new Forbidden({ reason: "forbidden", messageZh: `${who.id} 无权新建合作协议（需要角色：school-admin）`, messageEn: `${who.id} may not create an agreement (needs the school-admin role)`, findings: [] })
              )
            }
            const { json, value } = yield* Input.body(request, Agreement.CooperationAgreement)
            // A new agreement starts as a draft: its state is the machine's to set, not the caller's.
            if (value.lifecycle !== undefined) {
              return yield* Effect.fail(Input.invalidAt("CooperationAgreement", ["lifecycle"], "新建协议不能指定流程状态（从草拟开始）", "a new agreement may not set its life-cycle state (it starts as a draft)"))
            }
            const [school, enterprise] = yield* Effect.all([schoolOf(value.schoolId), Effect.mapError(store.find("enterprise", value.enterpriseId), storeErrors({ type: "enterprise", id: value.enterpriseId }))])
            const missing = [
              ...(school === undefined ? [{ path: ["schoolId"], zh: `学校 ${value.schoolId} 不存在`, en: `school ${value.schoolId} does not exist` }] : []),
              ...(enterprise === undefined ? [{ path: ["enterpriseId"], zh: `企业 ${value.enterpriseId} 不存在`, en: `enterprise ${value.enterpriseId} does not exist` }] : [])
            ]
            if (missing.length > 0) {
              const issues = missing.map((m) => ({ path: m.path, zh: m.zh, en: m.en }))
              return yield* Effect.fail(Input.invalid(new Errors.InvalidInput({ entity: "CooperationAgreement", issues })))
            }
            const at = yield* DateTime.now
            const stored = yield* Effect.mapError(store.put(type, json, { expectedVersion: 0, actor: who.id, at }), storeErrors({ type, id: value.id }))
            const state = stateOf(stored.value)
            return { id: stored.id, version: stored.version, state: state.id, stateLabel: state.label, agreement: stored.value }
          })
        )
        .handle("get", ({ path, request }) =>
          Effect.gen(function* () {
            const who = yield* Input.optionalActor(request)
            const q = yield* Input.query(request, AsOfQuery)
            const stored = yield* load(path.id)
            const state = stateOf(stored.value)
            const view = { id: stored.id, version: stored.version, state: state.id, stateLabel: state.label, agreement: stored.value }
            if (who === undefined) return view
            const school = yield* schoolOf(stored.value.schoolId)
            const resolved = Policy.at(policy, jurisdictionOf(school?.value), q.asOf ?? (yield* today))
            // A signatory signs for the party of their role (AGR-DUAL): with that payload, the sign button's
            // guards run as they would on the click ("this party has already signed").
            const party = who.roles.includes("school-signatory") ? "school" : who.roles.includes("enterprise-signatory") ? "enterprise" : undefined
            const payloads = party === undefined ? {} : { sign: { party } }
            return { ...view, next: Lifecycle.nextEvents(machine, stored.value, who, { policy: resolved, ref: { type, id: stored.id }, payloads }) }
          })
        )
        .handle("fire", ({ path, request }) =>
          Effect.gen(function* () {
            const who = yield* Input.actor(request)
            const { value: e } = yield* Input.body(request, EventRequest)
            const stored = yield* load(path.id)
            const school = yield* schoolOf(stored.value.schoolId)
            const on = e.on ?? (yield* today)
            const at = yield* DateTime.now
            const r = yield* Effect.mapError(
              store.transition(type, path.id, {
                expectedVersion: e.expectedVersion,
                actor: who.id,
                at,
                by: who,
                event: { type: e.type, on, payload: e.payload },
                policy: Policy.at(policy, jurisdictionOf(school?.value), on)
              }),
              storeErrors({ type, id: path.id })
            )
            const state = stateOf(r.stored.value)
            return { id: r.stored.id, version: r.stored.version, state: state.id, stateLabel: state.label, emitted: r.emitted, findings: r.findings as ReadonlyArray<Finding.Finding> }
          })
        )
        .handle("advance", ({ path, request }) =>
          Effect.gen(function* () {
            const who = yield* Input.actor(request)
            const { value: a } = yield* Input.body(request, AdvanceRequest)
            const stored = yield* load(path.id)
            const school = yield* schoolOf(stored.value.schoolId)
            const asOf = a.asOf ?? (yield* today)
            const at = yield* DateTime.now
            const r = yield* Effect.mapError(
              store.advance(type, path.id, { expectedVersion: a.expectedVersion, actor: who.id, at, policy: Policy.at(policy, jurisdictionOf(school?.value), asOf) }),
              storeErrors({ type, id: path.id })
            )
            const state = stateOf(r.stored.value)
            return { id: r.stored.id, version: r.stored.version, state: state.id, stateLabel: state.label, emitted: r.emitted, findings: [] }
          })
        )
    })
  )

  const assessments = HttpApiBuilder.group(CampusApi, "assessments", (handlers) =>
    Effect.gen(function* () {
      const store = yield* Store.Store
      return handlers.handle("submit", ({ path, request }) =>
        Effect.gen(function* () {
          const who = yield* Input.actor(request)
          const { value: submitted } = yield* Input.body(request, AssessmentSubmission)
          const internship = yield* Effect.mapError(store.find("internship", path.id), storeErrors({ type: "internship", id: path.id }))
          if (internship === undefined) return yield* Effect.fail(notFound("internship", { zh: "实习", en: "internship" }, path.id))
          const school = yield* Effect.mapError(store.find("school", internship.value.schoolId), storeErrors({ type: "school", id: internship.value.schoolId }))
          const resolved = Policy.at(policy, jurisdictionOf(school?.value), submitted.submittedOn)
          // The assessor is the logged-in actor, never a field the body could set for someone else.
          const assessment: Assessment.Assessment = { ...submitted, internshipId: path.id, assessorId: who.id }
          const authorised = Grading.authorise(assessment, internship.value, resolved.value(National.gradingRubric) ?? [])
          if (Either.isLeft(authorised)) {
            const r = authorised.left
            // Who may assess is the actor's matter (403); what they scored is the body's (400).
            if (r.reason === "not-assigned" || r.reason === "self-grading" || r.reason === "conflict") {
              return yield* Effect.fail(new Forbidden({ reason: r.reason, messageZh: r.message.zh, messageEn: r.message.en, findings: [] }))
            }
            return yield* Effect.fail(Input.invalidAt("AssessmentSubmission", ["scores"], r.message.zh, r.message.en))
          }
          const at = yield* DateTime.now
          const stored = yield* Effect.mapError(
            store.put("assessment", Validation.encode(Assessment.Assessment)(assessment), { expectedVersion: 0, actor: who.id, at }),
            storeErrors({ type: "assessment", id: assessment.id })
          )
          // The store indexes assessments by school (their internship's): read the school's, keep this internship's.
          // A host with many thousands per school would keep its own index by internship.
          const all = yield* Effect.mapError(store.list("assessment", { schoolIds: [internship.value.schoolId] }), storeErrors({ type: "assessment", id: assessment.id }))
          const g = Grading.grade(
            internship.value,
            all.map((s) => s.value).filter((a) => a.internshipId === path.id),
            resolved
          )
          return {
            assessment: stored.value,
            version: stored.version,
            grading: {
              internshipId: g.internshipId,
              ...(g.score === undefined ? {} : { score: g.score }),
              ...(g.band === undefined ? {} : { band: g.band }),
              parts: g.parts,
              used: g.used,
              findings: g.findings
            }
          }
        })
      )
    })
  )

  const teachers = HttpApiBuilder.group(CampusApi, "teachers", (handlers) =>
    Effect.gen(function* () {
      const store = yield* Store.Store
      return handlers.handle("qualification", ({ path, request }) =>
        Effect.gen(function* () {
          const q = yield* Input.query(request, AsOfQuery)
          const teacher = yield* Effect.mapError(store.find("teacher", path.id), storeErrors({ type: "teacher", id: path.id }))
          if (teacher === undefined) return yield* Effect.fail(notFound("teacher", { zh: "教师", en: "teacher" }, path.id))
          const t = teacher.value
          const school = yield* Effect.mapError(store.find("school", t.schoolId), storeErrors({ type: "school", id: t.schoolId }))
          if (school === undefined) return yield* Effect.fail(notFound("school", { zh: "学校", en: "school" }, t.schoolId))
          const asOf = q.asOf ?? (yield* today)
          const resolved = Policy.at(policy, jurisdictionOf(school.value), asOf)
          const ev = DualQualified.evaluate(t, school.value.type, resolved)
          // Every teacher rule of the policy (TCH-DS-LEVELS, DS-ETHICS-VETO, TCH-EP-5Y6M, …) with its citations.
          const findings = Policy.checkAll(resolved, "Teacher", { teacher: t, schoolType: school.value.type }, { id: t.id, label: t.name })
          return {
            teacherId: ev.teacherId,
            asOf: ev.asOf,
            schoolKind: ev.schoolKind,
            category: ev.category,
            ...(ev.highest === undefined ? {} : { highest: ev.highest, highestLabel: DualQualified.levelLabel[ev.highest] }),
            basic: ev.basic.map(criterion),
            levels: ev.levels.map((l) => ({ level: l.level, label: DualQualified.levelLabel[l.level], met: l.met, criteria: l.criteria.map(criterion) })),
            ...(ev.next === undefined ? {} : { next: { level: ev.next.level, label: DualQualified.levelLabel[ev.next.level], missing: ev.next.missing.map(criterion) } }),
            ...(ev.veto === undefined ? {} : { veto: ev.veto }),
            held: ev.held.map((h) => ({ level: h.level, certifiedOn: h.certifiedOn })),
            findings
          }
        })
      )
    })
  )

  const schools = HttpApiBuilder.group(CampusApi, "schools", (handlers) =>
    Effect.gen(function* () {
      const store = yield* Store.Store
      return handlers.handle("indicators", ({ path, request }) =>
        Effect.gen(function* () {
          const q = yield* Input.query(request, IndicatorsQuery)
          const school = yield* Effect.mapError(store.find("school", path.id), storeErrors({ type: "school", id: path.id }))
          if (school === undefined) return yield* Effect.fail(notFound("school", { zh: "学校", en: "school" }, path.id))
          const period = q.period === "calendar-year" ? Indicators.calendarYear(q.year) : Indicators.schoolYear(q.year)
          // Thresholds are those in force on the period's last day (the day counts are taken).
          const resolved = Policy.at(policy, jurisdictionOf(school.value), period.end)
          const data = yield* Effect.mapError(store.loadDataset({ schoolIds: [path.id], period: { start: period.start, end: period.end } }), storeErrors({ type: "school", id: path.id }))
          // The whole catalogue is computed even for one indicator: the 达标工程 summary (IND-DB-*) reads the others.
          const all = Indicators.compute(Indicators.catalogue, data, period, resolved)
          const values = q.indicator === undefined ? all : all.filter((v) => v.indicator === q.indicator)
          if (values.length === 0 && q.indicator !== undefined && !Indicators.catalogue.some((d) => d.id === q.indicator)) {
            return yield* Effect.fail(Input.invalidAt("IndicatorsQuery", ["indicator"], `没有指标 ${q.indicator}`, `there is no indicator ${q.indicator}`))
          }
          return {
            schoolId: path.id,
            period: { kind: period.kind, year: period.year, start: period.start, end: period.end },
            values: values.map((v) => ({
              indicator: v.indicator,
              ...(v.variant === undefined ? {} : { variant: v.variant }),
              name: v.name,
              schoolId: v.schoolId,
              ...(v.majorCode === undefined ? {} : { majorCode: v.majorCode }),
              ...(v.enterpriseId === undefined ? {} : { enterpriseId: v.enterpriseId }),
              status: v.status,
              ...(v.value === undefined ? {} : { value: v.value }),
              ...(v.numerator === undefined ? {} : { numerator: v.numerator }),
              ...(v.denominator === undefined ? {} : { denominator: v.denominator }),
              ...(v.verdict === undefined ? {} : { verdict: v.verdict }),
              ...(v.threshold === undefined ? {} : { threshold: v.threshold }),
              // Provenance is computed on first read (a getter): read it here, once, for the answer.
              provenance: { numerator: [...v.provenance.numerator], denominator: [...v.provenance.denominator] },
              table: v.table,
              ...(v.note === undefined ? {} : { note: v.note })
            }))
          }
        })
      )
    })
  )

  return HttpApiBuilder.api(CampusApi).pipe(Layer.provide([agreements, assessments, teachers, schools]))
}
