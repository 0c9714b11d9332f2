/**
 * The end-to-end suite of the campus service, over real HTTP on 127.0.0.1 (a free port), against whichever
 * store the caller gives: `service.test.ts` runs it on a SQLite temp file, `servers.test.ts` on PostgreSQL and MariaDB.
 * Every request here is one of the README's curl examples (same paths, headers and bodies).
 */
import { Agreements, DualQualified, Indicators, IsoDate, National, Policy, School, Teacher, Validation } from "@chanjiao/core"
import type { Errors, Store } from "@chanjiao/store"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import type * as Layer from "effect/Layer"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import * as Demo from "../src/Demo.js"
import type { Running } from "../src/Server.js"
import { serve } from "../src/Server.js"
import * as Schema from "effect/Schema"
import * as Api from "../src/Api.js"

interface Answer {
  readonly status: number
  readonly json: unknown
  readonly text: string
}

interface Call {
  readonly actor?: string
  readonly roles?: ReadonlyArray<string>
  /** An object is sent as JSON; a string as it is. */
  readonly body?: unknown
}

/** The agreement of the README (`c-demo-1`), with another id. */
export const agreement = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  schoolId: "s-demo",
  enterpriseId: "e-demo",
  enterpriseCreditCode: "91370828MA3C4P2X1N",
  title: "电子商务专业校企合作协议",
  majorCodes: ["730701"],
  leadingPartnerFor: [],
  forms: ["joint-training"],
  mechanisms: ["talent", "bases"],
  objectives: ["共建电商实训基地"],
  rightsAndObligations: true,
  takesInterns: true,
  term: { start: "2025-09-01", end: "2028-08-31" },
  signatures: [],
  attachments: [],
  deliverables: [],
  amendments: [],
  ...extra
})

const admin = { actor: "admin-wang", roles: ["school-admin"] }
const principal = { actor: "principal-zhang", roles: ["school-signatory"] }
const manager = { actor: "manager-liu", roles: ["enterprise-signatory"] }

/** An answer's body decoded with the API's own schema: typed, and the wire contract checked on the way. */
const body = <A, I>(a: Answer, schema: Schema.Schema<A, I>): A => Schema.decodeUnknownSync(schema)(a.json)
/** What every error answer carries. */
const ErrorBody = Schema.Struct({ _tag: Schema.String, messageZh: Schema.String, messageEn: Schema.String })
/** The buttons of an agreement read with an actor. */
const next = (a: Answer) => body(a, Api.AgreementView).next ?? []

const hasChinese = (s: unknown) => typeof s === "string" && /[\u4e00-\u9fff]/.test(s)
const hasEnglish = (s: unknown) => typeof s === "string" && /[a-z]{3,}/i.test(s)

/** Every error answer: a tag and both messages, and nothing that looks like a stack trace. */
const expectBilingualError = (a: Answer, status: number, tag: string) => {
  expect(a.status).toBe(status)
  const e = body(a, ErrorBody)
  expect(e._tag).toBe(tag)
  expect(hasChinese(e.messageZh)).toBe(true)
  expect(hasEnglish(e.messageEn)).toBe(true)
  expect(a.text).not.toMatch(/\n\s+at /)
}

/**
 * Runs the suite against a store. `store()` must give an empty store each time.
 */
export const suite = (name: string, store: () => Layer.Layer<Store.Store, Errors.StoreError>): void => {
  describe(`campus service over HTTP (${name})`, () => {
    let running: Running
    const call = async (method: string, path: string, c: Call = {}): Promise<Answer> => {
      const headers: Record<string, string> = {}
      if (c.actor !== undefined) headers["x-actor"] = encodeURIComponent(c.actor)
      if (c.roles !== undefined) headers["x-roles"] = c.roles.join(",")
      const init: RequestInit = { method, headers }
      if (c.body !== undefined) {
        headers["content-type"] = "application/json"
        init.body = typeof c.body === "string" ? c.body : JSON.stringify(c.body)
      }
      const res = await fetch(`${running.url}/api${path}`, init)
      const text = await res.text()
      let json: unknown
      try {
        json = JSON.parse(text)
      } catch {
        json = undefined
      }
      return { status: res.status, json, text }
    }
    const fire = (id: string, who: Call, body: Record<string, unknown>) => call("POST", `/agreements/${id}/events`, { ...who, body })

    beforeAll(async () => {
      running = await serve({ store: store(), port: 0, host: "127.0.0.1" })
      await running.runtime.runPromise(Demo.seedNow(running.store))
    })
    afterAll(async () => {
      await running?.close()
    })

    it("listens on 127.0.0.1 on a port of its own", () => {
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      expect(running.port).toBeGreaterThan(0)
    })

    it("create → submit → signed by both parties → in force (AGR-DUAL), each step audited and in the outbox", async () => {
      const created = await call("POST", "/agreements", { ...admin, body: agreement("c-demo-1") })
      expect(created.status).toBe(201)
      expect(created.json).toMatchObject({ id: "c-demo-1", version: 1, state: "draft", stateLabel: { zh: "草拟", en: "draft" } })

      const submitted = await fire("c-demo-1", admin, { type: "submit", expectedVersion: 1, on: "2025-08-01" })
      expect(submitted.status).toBe(200)
      expect(submitted.json).toMatchObject({ version: 2, state: "in-review" })

      const bySchool = await fire("c-demo-1", principal, { type: "sign", expectedVersion: 2, on: "2025-08-10", payload: { party: "school" } })
      expect(bySchool.status).toBe(200)
      // One signature is not enough: still in review.
      expect(bySchool.json).toMatchObject({ version: 3, state: "in-review", emitted: [{ type: "AgreementSigned", by: "principal-zhang" }] })

      const byEnterprise = await fire("c-demo-1", manager, { type: "sign", expectedVersion: 3, on: "2025-08-12", payload: { party: "enterprise" } })
      expect(byEnterprise.status).toBe(200)
      expect(byEnterprise.json).toMatchObject({ version: 4, state: "signed", stateLabel: { zh: "已签订", en: "signed" } })

      // Before the start date nothing is due; on it the agreement comes into force.
      const early = await call("POST", "/agreements/c-demo-1/advance", { actor: "scheduler", body: { expectedVersion: 4, asOf: "2025-08-31" } })
      expect(early.json).toMatchObject({ version: 4, state: "signed", emitted: [] })
      const inForce = await call("POST", "/agreements/c-demo-1/advance", { actor: "scheduler", body: { expectedVersion: 4, asOf: "2025-09-01" } })
      expect(inForce.status).toBe(200)
      expect(inForce.json).toMatchObject({ version: 5, state: "in-force", emitted: [{ type: "AgreementInForce", on: "2025-09-01" }] })

      const read = await call("GET", "/agreements/c-demo-1")
      expect(read.status).toBe(200)
      expect(body(read, Api.AgreementView).state).toBe("in-force")
      expect(body(read, Api.AgreementView).agreement.signatures).toEqual([
        { party: "school", name: "principal-zhang", signedOn: "2025-08-10" },
        { party: "enterprise", name: "manager-liu", signedOn: "2025-08-12" }
      ])
      expect(body(read, Api.AgreementView).agreement.lifecycle).toEqual({ machine: Agreements.cooperation.id, version: Agreements.cooperation.version, state: "in-force", since: "2025-09-01" })

      const audit = await running.runtime.runPromise(running.store.audit({ type: "cooperation-agreement", id: "c-demo-1" }))
      expect(audit.map((e) => [e.version, e.event, e.actor])).toEqual([
        [1, "created", "admin-wang"],
        [2, "submit", "admin-wang"],
        [3, "sign", "principal-zhang"],
        [4, "sign", "manager-liu"],
        [5, "advance", "scheduler"]
      ])
      const events = (await running.runtime.runPromise(running.store.outbox.list())).filter((e) => e.aggregateId === "c-demo-1").map((e) => e.event)
      expect(events).toEqual(["cooperation-agreement.created", "AgreementSubmitted", "AgreementSigned", "AgreementSigned", "AgreementInForce"])
    })

    it("GET with an actor lists the buttons that actor may press, and why the others are disabled", async () => {
      expect((await call("POST", "/agreements", { ...admin, body: agreement("c-buttons") })).status).toBe(201)
      const asAdmin = await call("GET", "/agreements/c-buttons?asOf=2025-08-01", admin)
      expect(next(asAdmin).find((o) => o.event === "submit")).toMatchObject({ available: true, reasons: [] })
      const asManager = await call("GET", "/agreements/c-buttons?asOf=2025-08-01", manager)
      const submit = next(asManager).find((o) => o.event === "submit")
      expect(submit?.available).toBe(false)
      expect(submit?.reasons[0]?.zh).toContain("school-admin")
      // In review, the principal may sign for the school — once (AGR-DUAL).
      expect((await fire("c-buttons", admin, { type: "submit", expectedVersion: 1, on: "2025-08-01" })).status).toBe(200)
      const before = await call("GET", "/agreements/c-buttons?asOf=2025-08-02", principal)
      expect(next(before).find((o) => o.event === "sign")).toMatchObject({ available: true, reasons: [] })
      expect((await fire("c-buttons", principal, { type: "sign", expectedVersion: 2, on: "2025-08-02", payload: { party: "school" } })).status).toBe(200)
      const after = await call("GET", "/agreements/c-buttons?asOf=2025-08-02", principal)
      const sign = next(after).find((o) => o.event === "sign")
      expect(sign?.available).toBe(false)
      expect(sign?.reasons.map((r) => r.zh)).toEqual(["该方已签字"])
      // The enterprise's signatory still may.
      expect(next(await call("GET", "/agreements/c-buttons?asOf=2025-08-02", manager)).find((o) => o.event === "sign")?.available).toBe(true)
    })

    it("400 with zh/en messages for a bad body, and nothing is written", async () => {
      const bad = await call("POST", "/agreements", { ...admin, body: agreement("c-bad", { term: { start: "2025-13-01", end: "2028-08-31" }, enterpriseCreditCode: "91370828MA3C4P2X1P", wechat: "x" }) })
      expectBilingualError(bad, 400, "InvalidRequest")
      expect(body(bad, Api.InvalidRequest).entity).toBe("CooperationAgreement")
      const paths = body(bad, Api.InvalidRequest).issues.map((i) => i.path.join("."))
      expect(paths).toEqual(expect.arrayContaining(["term.start", "enterpriseCreditCode", "wechat"]))
      for (const issue of body(bad, Api.InvalidRequest).issues) {
        expect(hasChinese(issue.zh)).toBe(true)
        expect(hasEnglish(issue.en)).toBe(true)
      }
      expect((await call("GET", "/agreements/c-bad")).status).toBe(404)

      expectBilingualError(await call("POST", "/agreements", { ...admin, body: "{not json" }), 400, "InvalidRequest")
      // The state is the machine's: a new agreement cannot arrive signed.
      const stamped = await call("POST", "/agreements", { ...admin, body: agreement("c-stamped", { lifecycle: { machine: "cooperation-agreement", version: 1, state: "signed", since: "2025-08-01" } }) })
      expectBilingualError(stamped, 400, "InvalidRequest")
      expect(body(stamped, Api.InvalidRequest).issues[0]?.path).toEqual(["lifecycle"])
      // A school or enterprise that does not exist.
      const dangling = await call("POST", "/agreements", { ...admin, body: agreement("c-dangling", { schoolId: "s-nowhere" }) })
      expectBilingualError(dangling, 400, "InvalidRequest")
      expect(body(dangling, Api.InvalidRequest).issues[0]?.path).toEqual(["schoolId"])
      // Events and queries are decoded the same way.
      expectBilingualError(await fire("c-demo-1", admin, { type: "amend", expectedVersion: -1 }), 400, "InvalidRequest")
      expectBilingualError(await call("GET", "/schools/s-demo/indicators?year=twenty"), 400, "InvalidRequest")
      // The year says what a year must look like, in both languages (not "expected text").
      for (const [year, zh, en] of [
        ["abc", "学年应为四位数字年份", "the school year must be a four-digit year"],
        ["20245", "学年应为四位数字年份", "the school year must be a four-digit year"],
        ["1800", "学年应在 1949 至 2200 之间", "the school year must be between 1949 and 2200"]
      ] as const) {
        const bad = await call("GET", `/schools/s-demo/indicators?year=${year}`)
        expectBilingualError(bad, 400, "InvalidRequest")
        expect(body(bad, Api.InvalidRequest).issues).toEqual([expect.objectContaining({ path: ["year"], zh: expect.stringContaining(zh), en: expect.stringContaining(en) })])
        expect(body(bad, Api.InvalidRequest).messageZh).toContain(zh)
        expect(body(bad, Api.InvalidRequest).messageEn).toContain(en)
        expect(bad.text).not.toContain("expected text")
      }
      expectBilingualError(await call("GET", "/teachers/t-li/qualification?asOf=2025-02-30"), 400, "InvalidRequest")
    })

    it("bad input of any shape answers 400 with both messages, never a 5xx or a stack trace (property)", async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.jsonValue().map((v) => JSON.stringify(v)), fc.string()), async (body) => {
          const a = await call("POST", "/agreements", { ...admin, body })
          expectBilingualError(a, 400, "InvalidRequest")
        }),
        { numRuns: 40 }
      )
    })

    it("the actor header carries a Chinese name percent-encoded; a header that does not decode is a 400", async () => {
      const director = { actor: "教务处王主任", roles: ["school-admin"] }
      expect((await call("POST", "/agreements", { ...director, body: agreement("c-zh-actor") })).status).toBe(201)
      const audit = await running.runtime.runPromise(running.store.audit({ type: "cooperation-agreement", id: "c-zh-actor" }))
      expect(audit.map((e) => e.actor)).toEqual(["教务处王主任"])
      const res = await fetch(`${running.url}/api/agreements/c-zh-actor/events`, { method: "POST", headers: { "x-actor": "%E6%9D", "x-roles": "school-admin" }, body: JSON.stringify({ type: "submit", expectedVersion: 1 }) })
      const bad = { status: res.status, text: await res.text() }
      expectBilingualError({ ...bad, json: JSON.parse(bad.text) }, 400, "InvalidRequest")
      expect(JSON.parse(bad.text).issues[0].path).toEqual(["x-actor"])
    })

    it("a body over the limit answers 413 in both languages", async () => {
      const big = await call("POST", "/agreements", { ...admin, body: JSON.stringify(agreement("c-big", { attachments: ["x".repeat(2 * 1024 * 1024)] })) })
      expectBilingualError(big, 413, "PayloadTooLarge")
      expect((await call("GET", "/agreements/c-big")).status).toBe(404)
    })

    it("401 without an actor; 404 for an unknown record or route", async () => {
      expectBilingualError(await call("POST", "/agreements", { body: agreement("c-anon") }), 401, "Unauthenticated")
      const missing = await call("GET", "/agreements/c-nowhere")
      expectBilingualError(missing, 404, "NotFound")
      expect(missing.json).toMatchObject({ type: "cooperation-agreement", id: "c-nowhere" })
      expectBilingualError(await fire("c-nowhere", admin, { type: "submit", expectedVersion: 1 }), 404, "NotFound")
      expectBilingualError(await call("GET", "/teachers/t-nobody/qualification"), 404, "NotFound")
      expectBilingualError(await call("GET", "/schools/s-nowhere/indicators?year=2024"), 404, "NotFound")
      // A path the API does not have.
      const route = await call("GET", "/nothing-here")
      expectBilingualError(route, 404, "RouteNotFound")
      expect(body(route, ErrorBody).messageEn).toContain("GET /api/nothing-here")
    })

    it("409 on a stale version: of two concurrent updates from the same version, exactly one wins", async () => {
      expect((await call("POST", "/agreements", { ...admin, body: agreement("c-race") })).status).toBe(201)
      const amend = (summary: string) => fire("c-race", admin, { type: "amend", expectedVersion: 1, on: "2025-07-01", payload: { summary } })
      const [a, b] = await Promise.all([amend("增加实训基地建设内容"), amend("调整合作期限")])
      const statuses = [a.status, b.status].sort()
      expect(statuses).toEqual([200, 409])
      const lost = a.status === 409 ? a : b
      const won = a.status === 409 ? b : a
      expectBilingualError(lost, 409, "VersionConflict")
      expect(lost.json).toMatchObject({ type: "cooperation-agreement", id: "c-race", expected: 1, current: 2 })
      expect(body(won, Api.TransitionView).version).toBe(2)
      // Only the winner's change is stored.
      const read = await call("GET", "/agreements/c-race")
      expect(body(read, Api.AgreementView).version).toBe(2)
      expect(body(read, Api.AgreementView).agreement.amendments).toHaveLength(1)
      // Retrying with the current version succeeds.
      const retry = await fire("c-race", admin, { type: "amend", expectedVersion: body(lost, Api.VersionConflict).current, on: "2025-07-01", payload: { summary: "重试" } })
      expect(body(retry, Api.TransitionView).version).toBe(3)
    })

    it("an actor the machine refuses: 403 for a missing role (LC-ROLE), 409 for what the state forbids (AGR-DUAL, wrong state)", async () => {
      expect((await call("POST", "/agreements", { ...admin, body: agreement("c-refuse") })).status).toBe(201)
      // Only a school admin creates agreements.
      expectBilingualError(await call("POST", "/agreements", { ...manager, body: agreement("c-by-manager") }), 403, "Forbidden")
      // A teacher may not submit: the machine's role rule.
      const teacher = await fire("c-refuse", { actor: "t-li", roles: ["teacher"] }, { type: "submit", expectedVersion: 1, on: "2025-08-01" })
      expectBilingualError(teacher, 403, "Forbidden")
      expect(body(teacher, Api.Forbidden).reason).toBe("forbidden")
      expect(body(teacher, Api.Forbidden).findings.map((f) => f.ruleId)).toEqual(["LC-ROLE"])
      // Signing a draft: wrong state.
      const early = await fire("c-refuse", principal, { type: "sign", expectedVersion: 1, on: "2025-08-01", payload: { party: "school" } })
      expectBilingualError(early, 409, "TransitionRefused")
      expect(body(early, Api.TransitionRefused).reason).toBe("wrong-state")
      expect((await fire("c-refuse", admin, { type: "submit", expectedVersion: 1, on: "2025-08-01" })).status).toBe(200)
      // The enterprise's signatory signing for the school: AGR-DUAL refuses, citing the rule.
      const impostor = await fire("c-refuse", manager, { type: "sign", expectedVersion: 2, on: "2025-08-02", payload: { party: "school" } })
      expectBilingualError(impostor, 409, "TransitionRefused")
      expect(body(impostor, Api.TransitionRefused).reason).toBe("guard")
      expect(body(impostor, Api.TransitionRefused).findings.map((f) => f.ruleId)).toEqual(["AGR-DUAL"])
      expect(body(impostor, Api.TransitionRefused).findings[0]?.citations.length).toBeGreaterThan(0)
      // Signing twice for the same party.
      expect((await fire("c-refuse", principal, { type: "sign", expectedVersion: 2, on: "2025-08-02", payload: { party: "school" } })).status).toBe(200)
      const twice = await fire("c-refuse", principal, { type: "sign", expectedVersion: 3, on: "2025-08-03", payload: { party: "school" } })
      expectBilingualError(twice, 409, "TransitionRefused")
      expect(body(twice, Api.TransitionRefused).messageZh).toContain("该方已签字")
      // Nothing was written by the refusals.
      expect(body(await call("GET", "/agreements/c-refuse"), Api.AgreementView).version).toBe(3)
    })

    it("mentor assessments: accepted from the assigned mentors, refused by actor (INT-ASSESS-*, PLAN-DUAL-ASSESS)", async () => {
      const school = { id: "a-school-1", assessor: "school", stage: "result", submittedOn: "2025-03-01", scores: [{ criterion: "report", score: 45, max: 50 }, { criterion: "conduct", score: 40, max: 50 }], revision: 1 }
      // Not this internship's mentor.
      const stranger = await call("POST", "/internships/i-demo-1/assessments", { actor: "t-wang", body: school })
      expectBilingualError(stranger, 403, "Forbidden")
      expect(body(stranger, Api.Forbidden).reason).toBe("not-assigned")
      // The student grading their own internship.
      const self = await call("POST", "/internships/i-demo-1/assessments", { actor: "st-1", body: school })
      expectBilingualError(self, 403, "Forbidden")
      expect(body(self, Api.Forbidden).reason).toBe("self-grading")
      // The body cannot name another assessor.
      expectBilingualError(await call("POST", "/internships/i-demo-1/assessments", { actor: "t-wang", body: { ...school, assessorId: "t-li" } }), 400, "InvalidRequest")
      // The school mentor scoring the enterprise's dimension.
      const wrongOwner = await call("POST", "/internships/i-demo-1/assessments", { actor: "t-li", body: { ...school, id: "a-wrong", scores: [{ criterion: "skill", score: 40, max: 50 }] } })
      expectBilingualError(wrongOwner, 400, "InvalidRequest")
      expectBilingualError(await call("POST", "/internships/i-nowhere/assessments", { actor: "t-li", body: school }), 404, "NotFound")

      const accepted = await call("POST", "/internships/i-demo-1/assessments", { actor: "t-li", body: school })
      expect(accepted.status).toBe(201)
      expect(body(accepted, Api.AssessmentView).assessment).toMatchObject({ id: "a-school-1", internshipId: "i-demo-1", assessorId: "t-li" })
      // (45/50·50 + 40/50·50) / 100 = 85; no final grade until the enterprise has assessed.
      expect(body(accepted, Api.AssessmentView).grading.parts).toEqual({ school: 85 })
      expect(body(accepted, Api.AssessmentView).grading.score).toBeUndefined()
      expect(body(accepted, Api.AssessmentView).grading.findings.map((f) => f.ruleId)).toContain("PLAN-DUAL-ASSESS")
      // The same id again is a creation conflict.
      expectBilingualError(await call("POST", "/internships/i-demo-1/assessments", { actor: "t-li", body: school }), 409, "VersionConflict")

      const enterprise = {
        id: "a-ent-1",
        assessor: "enterprise",
        stage: "result",
        submittedOn: "2025-03-02",
        scores: [{ criterion: "professionalism", score: 27, max: 30 }, { criterion: "skill", score: 40, max: 50 }, { criterion: "attitude", score: 18, max: 20 }],
        revision: 1
      }
      const both = await call("POST", "/internships/i-demo-1/assessments", { actor: "m-zhao", body: enterprise })
      expect(both.status).toBe(201)
      // Enterprise part (27+40+18)/100 = 85; 50/50 → 85.0, 良好 (80 ≤ 85 < 90).
      expect(body(both, Api.AssessmentView).grading).toMatchObject({ score: 85, band: "good", parts: { school: 85, enterprise: 85 }, used: { school: "a-school-1", enterprise: "a-ent-1" } })
      expect(body(both, Api.AssessmentView).grading.findings.map((f) => f.ruleId)).not.toContain("PLAN-DUAL-ASSESS")
    })

    it("a teacher's 双师型 qualification explained: the core's evaluation, criterion by criterion, with the rules' findings", async () => {
      const decode = Validation.decode(Teacher.Teacher)
      const school = Either.getOrThrow(Validation.decode(School.School)(Demo.records.find(([t]) => t === "school")![1][0]))
      const asOf = IsoDate.unsafeMake("2025-06-30")
      const resolved = Policy.at(National.policy, { province: school.province, city: school.city!, school: school.code }, asOf)
      for (const raw of Demo.records.find(([t]) => t === "teacher")![1]) {
        const teacher = Either.getOrThrow(decode(raw))
        const a = await call("GET", `/teachers/${teacher.id}/qualification?asOf=2025-06-30`)
        expect(a.status).toBe(200)
        const q = body(a, Api.QualificationView)
        // The oracle: the core run directly on the same record, policy and date.
        const ev = DualQualified.evaluate(teacher, school.type, resolved)
        expect(q.highest).toBe(ev.highest)
        expect(q.levels.map((l) => [l.level, l.met])).toEqual(ev.levels.map((l) => [l.level, l.met]))
        expect(q.levels.flatMap((l) => l.criteria.map((c) => [c.criterion, c.met]))).toEqual(ev.levels.flatMap((l) => l.criteria.map((c) => [c.criterion, c.met])))
        expect(q.next?.level).toBe(ev.next?.level)
        expect(q.next?.missing.map((c) => c.criterion)).toEqual(ev.next?.missing.map((c) => c.criterion))
        const findings = Policy.checkAll(resolved, "Teacher", { teacher, schoolType: school.type }, { id: teacher.id, label: teacher.name })
        expect(q.findings.map((f) => f.ruleId)).toEqual(findings.map((f) => f.ruleId))
        expect(q.findings.map((f) => f.ruleId)).toContain("TCH-DS-LEVELS")
      }
      // The new teacher: nothing met yet, and the explanation says what is missing, in both languages.
      const wang = await call("GET", "/teachers/t-wang/qualification?asOf=2025-06-30")
      expect(body(wang, Api.QualificationView).highest).toBeUndefined()
      expect(body(wang, Api.QualificationView).next?.level).toBe("junior")
      const cert = body(wang, Api.QualificationView).next?.missing.find((c) => c.criterion === "DS-TEACHER-CERT")
      expect(cert).toMatchObject({ met: false, title: { zh: "具有相应教师资格证书" } })
      expect(hasChinese(cert?.missing?.zh) && hasEnglish(cert?.missing?.en)).toBe(true)
      // Li's practice is the evidence for industry experience.
      const li = await call("GET", "/teachers/t-li/qualification?asOf=2025-06-30")
      expect(body(li, Api.QualificationView).basic.find((c) => c.criterion === "DS-INDUSTRY-EXPERIENCE")).toMatchObject({ met: true, evidence: [{ kind: "practice", ref: "p-li-1" }] })
    })

    it("indicators for a school and period: values, thresholds with citations, and the records counted (provenance)", async () => {
      const a = await call("GET", "/schools/s-demo/indicators?year=2024")
      expect(a.status).toBe(200)
      const got = body(a, Api.IndicatorsView)
      expect(got.period).toEqual({ kind: "school-year", year: 2024, start: "2024-09-01", end: "2025-08-31" })
      const by = (id: string, variant?: string) => got.values.find((v) => v.indicator === id && v.variant === variant && v.schoolId === "s-demo" && v.majorCode === undefined)
      expect(by("IND-ENROL-1200")).toMatchObject({ status: "ok", value: 3, verdict: "not-met", threshold: { comparator: ">=", value: 1200 }, provenance: { numerator: ["st-1", "st-2", "st-3"], denominator: [] } })
      expect(by("IND-ENROL-1200")?.threshold?.citation.docNumber).toBe("教职成〔2010〕12号")
      expect(by("IND-FT-60")?.provenance.numerator).toEqual(["t-li", "t-wang"])
      expect(by("IND-STR-20")).toMatchObject({ value: 1.5, numerator: 3, denominator: 2, verdict: "met", provenance: { numerator: ["st-1", "st-2", "st-3"], denominator: ["t-li", "t-wang"] } })

      // The oracle: the core's compute over the school's dataset as the store loads it.
      const period = Indicators.schoolYear(2024)
      const data = await running.runtime.runPromise(running.store.loadDataset({ schoolIds: ["s-demo"], period: { start: period.start, end: period.end } }))
      const school = data.schools[0]!
      const expected = Indicators.compute(Indicators.catalogue, data, period, Policy.at(National.policy, { province: school.province, city: school.city!, school: school.code }, period.end))
      expect(got.values.map((v) => [v.indicator, v.variant ?? null, v.schoolId, v.majorCode ?? null, v.status, v.value ?? null, v.verdict ?? null])).toEqual(
        expected.map((v) => [v.indicator, v.variant ?? null, v.schoolId, v.majorCode ?? null, v.status, v.value ?? null, v.verdict ?? null])
      )
      expect(got.values.map((v) => v.provenance)).toEqual(expected.map((v) => ({ numerator: [...v.provenance.numerator], denominator: [...v.provenance.denominator] })))

      const one = await call("GET", "/schools/s-demo/indicators?year=2024&indicator=IND-STR-20")
      expect(new Set(body(one, Api.IndicatorsView).values.map((v) => v.indicator))).toEqual(new Set(["IND-STR-20"]))
      expectBilingualError(await call("GET", "/schools/s-demo/indicators?year=2024&indicator=IND-NOPE"), 400, "InvalidRequest")
    })

    it("the demo seed is idempotent (it can run at every start)", async () => {
      expect(await running.runtime.runPromise(Demo.seedNow(running.store))).toBe(0)
      expect(await running.runtime.runPromise(Effect.map(running.store.list("teacher", { schoolIds: ["s-demo"] }), (ts) => ts.map((t) => t.id)))).toEqual(["t-li", "t-wang"])
    })
  })
}
