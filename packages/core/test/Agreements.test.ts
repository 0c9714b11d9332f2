import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import * as Schema from "effect/Schema"
import { Agreements, IsoDate, Jurisdiction, Lifecycle, National, Policy } from "../src/index.js"
import type { Agreement, School } from "../src/index.js"
import { D } from "./fixtures.js"

const at = (date: string) => Policy.at(National.policy, Jurisdiction.national, D(date))
const ctx = (date: string, id = "x") => ({ policy: at(date), ref: { type: "Agreement", id } })
const admin: Lifecycle.Actor = { id: "教务处王主任", roles: ["school-admin"] }
const schoolSign: Lifecycle.Actor = { id: "校长", roles: ["school-signatory"] }
const entSign: Lifecycle.Actor = { id: "企业经理", roles: ["enterprise-signatory"] }

const coop = (id: string, start: string, end: string, extra: Partial<Agreement.CooperationAgreement> = {}): Agreement.CooperationAgreement => ({
  id,
  schoolId: "s-1",
  enterpriseId: "e-1",
  enterpriseCreditCode: "91370828MA3C4P2X1N" as Agreement.CooperationAgreement["enterpriseCreditCode"],
  title: `合作协议${id}`,
  majorCodes: ["730701" as Agreement.CooperationAgreement["majorCodes"][number]],
  leadingPartnerFor: ["730701" as Agreement.CooperationAgreement["majorCodes"][number]],
  forms: ["joint-training"],
  mechanisms: ["talent", "bases"],
  objectives: ["共建电商实训基地"],
  rightsAndObligations: true,
  takesInterns: true,
  term: { start: D(start), end: D(end) },
  signatures: [],
  attachments: [],
  deliverables: [],
  amendments: [],
  ...extra
})

const fire = <A>(m: Lifecycle.Machine<A>, a: A, type: string, actor: Lifecycle.Actor, on: string, payload: unknown = undefined) => {
  const r = Lifecycle.transition(m, a, { type, on: D(on), payload }, actor, ctx(on))
  if (Either.isLeft(r)) throw new Error(`${type}: ${r.left.message.en}`)
  return r.right.aggregate
}
const signBoth = (a: Agreement.CooperationAgreement, on: string) =>
  fire(Agreements.cooperation, fire(Agreements.cooperation, fire(Agreements.cooperation, a, "submit", admin, on), "sign", schoolSign, on, { party: "school" }), "sign", entSign, on, { party: "enterprise" })
const advance = <A>(m: Lifecycle.Machine<A>, a: A, date: string) => Lifecycle.advance(m, a, at(date)).aggregate

describe("cooperation agreements (AGR-*)", () => {
  it("goes draft → in review → signed → in force → expiring → expired by dates in the data", () => {
    const a = signBoth(coop("c1", "2024-09-01", "2027-08-31"), "2024-08-01")
    expect(a.lifecycle?.state).toBe("signed")
    expect(advance(Agreements.cooperation, a, "2024-09-01").lifecycle).toMatchObject({ state: "in-force", since: "2024-09-01" })
    // Expiring 90 days before the end (agreement.expiryNoticeDays), expired the day after it.
    expect(advance(Agreements.cooperation, a, "2027-06-02").lifecycle).toMatchObject({ state: "expiring", since: "2027-06-02" })
    expect(advance(Agreements.cooperation, a, "2028-01-01").lifecycle).toMatchObject({ state: "expired", since: "2027-09-01" })
  })

  it("a renewal chain of three agreements, linked both ways", () => {
    const first = advance(Agreements.cooperation, signBoth(coop("c1", "2018-09-01", "2021-08-31"), "2018-08-01"), "2021-07-01")
    const renewed1 = fire(Agreements.cooperation, first, "renew", admin, "2021-07-15", { successorId: "c2" })
    const second = advance(Agreements.cooperation, signBoth(coop("c2", "2021-09-01", "2024-08-31", { predecessorId: "c1" }), "2021-08-01"), "2024-07-01")
    const renewed2 = fire(Agreements.cooperation, second, "renew", admin, "2024-07-15", { successorId: "c3" })
    const third = advance(Agreements.cooperation, signBoth(coop("c3", "2024-09-01", "2027-08-31", { predecessorId: "c2" }), "2024-08-01"), "2024-09-01")
    expect([renewed1.lifecycle?.state, renewed2.lifecycle?.state, third.lifecycle?.state]).toEqual(["renewed", "renewed", "in-force"])
    expect([renewed1.successorId, second.predecessorId, renewed2.successorId, third.predecessorId]).toEqual(["c2", "c1", "c3", "c2"])
  })

  it("termination closes the open deliverables with the reason; it needs a reason, a party and a date", () => {
    const a = advance(
      Agreements.cooperation,
      signBoth(
        coop("c1", "2024-09-01", "2027-08-31", {
          deliverables: [
            { id: "d1", kind: "training-base", description: "共建电商实训基地", dueOn: D("2025-06-30"), state: "in-progress" },
            { id: "d2", kind: "textbook", description: "合编教材", dueOn: D("2025-01-31"), state: "delivered", deliveredOn: D("2025-01-20") }
          ]
        }),
        "2024-08-01"
      ),
      "2025-03-01"
    )
    const refused = Lifecycle.transition(Agreements.cooperation, a, { type: "terminate", on: D("2025-03-01"), payload: { party: "enterprise" } }, admin, ctx("2025-03-01"))
    expect(Either.isLeft(refused) && refused.left.reason).toBe("guard")
    const t = fire(Agreements.cooperation, a, "terminate", admin, "2025-03-01", { reason: "企业经营调整", party: "enterprise", effectiveOn: "2025-03-31" })
    expect(t.lifecycle?.state).toBe("terminated")
    expect(t.termination).toEqual({ effectiveOn: "2025-03-31", reason: "企业经营调整", party: "enterprise" })
    expect(t.deliverables.map((d) => [d.id, d.state, d.closedReason])).toEqual([
      ["d1", "waived", "协议终止：企业经营调整"],
      ["d2", "delivered", undefined]
    ])
  })

  it("an actor without the right role is refused, with a finding (LC-ROLE); AGR-DUAL: each party signs for itself", () => {
    const inReview = fire(Agreements.cooperation, coop("c1", "2024-09-01", "2027-08-31"), "submit", admin, "2024-08-01")
    const r = Lifecycle.transition(Agreements.cooperation, inReview, { type: "sign", on: D("2024-08-02"), payload: { party: "school" } }, admin, ctx("2024-08-02"))
    expect(Either.isLeft(r) && r.left.reason).toBe("forbidden")
    expect(Either.isLeft(r) && r.left.findings[0]?.ruleId).toBe("LC-ROLE")
    const wrongParty = Lifecycle.transition(Agreements.cooperation, inReview, { type: "sign", on: D("2024-08-02"), payload: { party: "enterprise" } }, schoolSign, ctx("2024-08-02"))
    expect(Either.isLeft(wrongParty) && wrongParty.left.findings[0]?.ruleId).toBe("AGR-DUAL")
  })

  it("AGR-WRITTEN and AGR-FORMS-7 guard submission; AGR-TERM-3Y (unverified) only warns", () => {
    const noForms = Lifecycle.transition(Agreements.cooperation, coop("c1", "2024-09-01", "2027-08-31", { forms: [] }), { type: "submit", on: D("2024-08-01"), payload: undefined }, admin, ctx("2024-08-01"))
    expect(Either.isLeft(noForms) && noForms.left.findings.map((f) => f.ruleId)).toEqual(["AGR-FORMS-7"])
    const short = Lifecycle.transition(Agreements.cooperation, coop("c1", "2024-09-01", "2025-08-31", { objectives: [] }), { type: "submit", on: D("2024-08-01"), payload: undefined }, admin, ctx("2024-08-01"))
    expect(Either.isRight(short)).toBe(true)
    if (Either.isRight(short)) expect(short.right.findings.map((f) => [f.ruleId, f.severity])).toEqual([["AGR-WRITTEN", "warning"], ["AGR-TERM-3Y", "warning"]])
  })

  it("loading a state the machine does not know is a typed refusal", () => {
    const odd = coop("c1", "2024-09-01", "2027-08-31", { lifecycle: { machine: "cooperation-agreement", version: 1, state: "archived" } })
    expect(Either.isLeft(Lifecycle.load(Agreements.cooperation, odd)) && Either.getLeft(Lifecycle.load(Agreements.cooperation, odd))).toMatchObject({ _tag: "Some", value: { reason: "unknown-state" } })
    const other = coop("c1", "2024-09-01", "2027-08-31", { lifecycle: { machine: "cooperation-agreement", version: 2, state: "draft" } })
    expect(Either.isLeft(Lifecycle.load(Agreements.cooperation, other))).toBe(true)
  })

  it("nextEvents lists the buttons with the reasons they are unavailable", () => {
    const inReview = fire(Agreements.cooperation, coop("c1", "2024-09-01", "2027-08-31"), "submit", admin, "2024-08-01")
    const forAdmin = Lifecycle.nextEvents(Agreements.cooperation, inReview, admin, ctx("2024-08-02"))
    expect(forAdmin.map((o) => [o.event, o.available])).toEqual([["return", false], ["sign", false], ["amend", true]])
    expect(forAdmin[1]!.reasons[0]!.zh).toContain("school-signatory")
    const forSigner = Lifecycle.nextEvents(Agreements.cooperation, inReview, schoolSign, { ...ctx("2024-08-02"), payloads: { sign: { party: "school" } } })
    expect(forSigner.find((o) => o.event === "sign")?.available).toBe(true)
  })
})

describe("tripartite agreements (INT-AGREE-3P, INT-AGREE-FIELDS)", () => {
  const tri = (start: string, birth: string): Agreement.InternshipAgreement => ({
    id: "a-1",
    schoolId: "s-1",
    internshipId: "i-1",
    studentId: "st-1",
    unitName: "某企业",
    clauses: ["parties", "time-place-content", "food-lodging-leave", "labour-protection", "insurance-accidents", "assessment", "breach-liability", "other", "pay"],
    studentBirthDate: D(birth),
    term: { start: D(start), end: IsoDate.addMonths(D(start), 5) },
    signatures: []
  })
  const machine = Agreements.tripartite((a) => at(a.term.start))
  const sign = (a: Agreement.InternshipAgreement, party: string, role: string, on: string) => fire(machine, a, "sign", { id: party, roles: [role] }, on, { party })

  it("a 17-year-old's agreement needs the guardian before 2021-12-31 (minor) and after it (every student)", () => {
    const before = sign(sign(sign(tri("2021-09-01", "2004-06-01"), "school", "school-signatory", "2021-08-01"), "unit", "unit-signatory", "2021-08-01"), "student", "student", "2021-08-02")
    expect(before.lifecycle?.state).toBe("draft")
    expect(sign(before, "guardian", "guardian", "2021-08-03").lifecycle?.state).toBe("signed")
    // An 18-year-old before 2021-12-31: no guardian needed.
    const adult2021 = sign(sign(sign(tri("2021-09-01", "2003-01-01"), "school", "school-signatory", "2021-08-01"), "unit", "unit-signatory", "2021-08-01"), "student", "student", "2021-08-02")
    expect(adult2021.lifecycle?.state).toBe("signed")
    // The same 17-year-old after 2021-12-31: three signatures are not enough, the guardian's completes it.
    const after = sign(sign(sign(tri("2022-09-01", "2005-06-01"), "school", "school-signatory", "2022-08-01"), "unit", "unit-signatory", "2022-08-01"), "student", "student", "2022-08-02")
    expect(after.lifecycle?.state).toBe("draft")
    expect(sign(after, "guardian", "guardian", "2022-08-03").lifecycle?.state).toBe("signed")
    // After 2021-12-31 the guardian signs for every school-organised post internship.
    expect(Agreements.requiredParties(tri("2022-09-01", "2003-01-01"), at("2022-09-01"))).toEqual(["school", "unit", "student", "guardian"])
    expect(Agreements.requiredParties(tri("2022-09-01", "2005-06-01"), at("2022-09-01"))).toContain("guardian")
  })

  it("the internship start gate reads the agreement's state: no agreement in force, no internship", () => {
    const a = sign(sign(sign(sign(tri("2024-09-01", "2006-01-01"), "school", "school-signatory", "2024-08-01"), "unit", "unit-signatory", "2024-08-01"), "student", "student", "2024-08-02"), "guardian", "guardian", "2024-08-03")
    const inForce = advance(machine, a, "2024-09-01")
    expect(inForce.lifecycle?.state).toBe("in-force")
    const ended = fire(machine, inForce, "terminate", { id: "学校", roles: ["school-admin"] }, "2024-10-01", { reason: "实习单位违反协议约定", party: "school", effectiveOn: "2024-10-01" })
    expect(ended.lifecycle?.state).toBe("terminated")
    expect(advance(machine, inForce, "2025-03-01").lifecycle?.state).toBe("completed")
  })
})

describe("apprenticeships (APP-*)", () => {
  const appr = (extra: Partial<Agreement.ApprenticeshipAgreement> = {}): Agreement.ApprenticeshipAgreement => ({
    id: "ap-1",
    schoolId: "s-1",
    enterpriseId: "e-1",
    enterpriseCreditCode: "91370828MA3C4P2X1N" as Agreement.ApprenticeshipAgreement["enterpriseCreditCode"],
    apprenticeId: "w-1",
    kind: "enterprise-new-type",
    schoolMentorIds: ["t-1"],
    enterpriseMentorIds: ["m-1"],
    term: { start: D("2024-09-01"), end: D("2026-08-31") },
    labourContract: { start: D("2024-07-01"), end: D("2027-06-30") },
    monthlyWage: 3200,
    localMinimumWage: 2100,
    subsidyPerYear: 5000,
    signatures: [],
    ...extra
  })
  const signAs = (a: Agreement.ApprenticeshipAgreement) => Lifecycle.transition(Agreements.apprenticeship, a, { type: "sign", on: D("2024-08-01"), payload: { party: "school" } }, schoolSign, ctx("2024-08-01"))

  it("APP-DUAL-MENTOR, APP-NEW-DURATION, APP-NEW-CONTRACT and APP-NEW-WAGE block signing; APP-NEW-SUBSIDY warns", () => {
    expect(Either.isRight(signAs(appr()))).toBe(true)
    const cases: ReadonlyArray<[string, Partial<Agreement.ApprenticeshipAgreement>]> = [
      ["APP-DUAL-MENTOR", { enterpriseMentorIds: [] }],
      ["APP-NEW-DURATION", { term: { start: D("2024-09-01"), end: D("2028-08-31") } }],
      ["APP-NEW-CONTRACT", { labourContract: { start: D("2024-07-01"), end: D("2025-03-31") } }],
      ["APP-NEW-WAGE", { monthlyWage: 1800 }]
    ]
    for (const [rule, patch] of cases) {
      const r = signAs(appr(patch))
      expect(Either.isLeft(r) && r.left.findings.map((f) => f.ruleId), rule).toEqual([rule])
    }
    const low = signAs(appr({ subsidyPerYear: 3000 }))
    expect(Either.isRight(low) && low.right.findings.map((f) => [f.ruleId, f.severity])).toEqual([["APP-NEW-SUBSIDY", "warning"]])
  })
})

describe("early warnings (预警) and PLAN-MAJOR-PARTNER", () => {
  it("lists expiring agreements with open deliverables, overdue deliverables and majors without a partner, by due date", () => {
    const a = advance(
      Agreements.cooperation,
      signBoth(coop("c1", "2022-09-01", "2025-08-31", { deliverables: [{ id: "d1", kind: "textbook", description: "合编教材", dueOn: D("2025-03-31"), state: "in-progress" }] }), "2022-08-01"),
      "2025-07-01"
    )
    const majors = [
      { id: "m1", schoolId: "s-1", code: "730701", name: "电子商务", enrolling: true },
      { id: "m2", schoolId: "s-1", code: "710201", name: "计算机应用", enrolling: true }
    ] as unknown as ReadonlyArray<School.Major>
    const w = Agreements.warnings({ cooperation: [a], tripartite: [], apprenticeships: [], majors }, at("2025-07-01"))
    expect(w.map((f) => f.message.zh)).toEqual([
      "“合作协议c1”的约定成果“合编教材”已逾期（2025-03-31）",
      "合作协议“合作协议c1”将于 2025-08-31 到期，仍有 1 项约定成果未完成",
      "专业“计算机应用”（710201）没有生效中的合作名企协议（一专一名企）"
    ])
    expect(w.every((f) => f.ruleId === "PLAN-MAJOR-PARTNER")).toBe(true)
  })
})

// -------------------------------------------------------------------------------------------------------------
// Model-based properties
// -------------------------------------------------------------------------------------------------------------

const machines = [
  ["cooperation", Agreements.cooperation],
  ["tripartite", Agreements.tripartite(() => at("2024-09-01"))],
  ["apprenticeship", Agreements.apprenticeship]
] as const

describe("machine properties", () => {
  for (const [name, m] of machines) {
    const machine = m as Lifecycle.Machine<unknown>
    it(`${name}: every state is reachable from the initial state`, () => {
      const seen = new Set([machine.initial])
      let grew = true
      while (grew) {
        grew = false
        for (const e of machine.events) for (const f of e.from) if (seen.has(f)) for (const t of e.targets) if (!seen.has(t)) (seen.add(t), (grew = true))
        for (const t of machine.timed) for (const f of t.from) if (seen.has(f) && !seen.has(t.to)) (seen.add(t.to), (grew = true))
      }
      expect([...seen].sort()).toEqual(machine.states.map((s) => s.id).sort())
    })

    it(`${name}: no event or timed change leaves a terminal state, and every target is a state`, () => {
      const ids = new Set(machine.states.map((s) => s.id))
      for (const s of machine.states.filter((x) => x.terminal)) {
        expect(machine.events.some((e) => e.from.includes(s.id))).toBe(false)
        expect(machine.timed.some((t) => t.from.includes(s.id))).toBe(false)
      }
      for (const e of machine.events) for (const t of [...e.from, ...e.targets]) expect(ids.has(t)).toBe(true)
    })

    it(`${name}: the JSON export round-trips`, () => {
      const json = Lifecycle.toJson(machine)
      expect(Schema.decodeUnknownSync(Lifecycle.MachineJson)(JSON.parse(JSON.stringify(json)))).toEqual(json)
      expect(Lifecycle.toMermaid(machine)).toContain(`[*] --> ${machine.initial}`)
    })
  }

  const roles = ["school-admin", "reviewer", "school-signatory", "enterprise-signatory"]
  const stepArb = fc.record({
    type: fc.constantFrom("submit", "return", "sign", "amend", "deliver", "renew", "terminate", "bogus"),
    role: fc.constantFrom(...roles),
    party: fc.constantFrom("school", "enterprise"),
    day: fc.integer({ min: 0, max: 2000 }),
    reason: fc.boolean()
  })
  const base = IsoDate.toEpochDays(D("2024-06-01"))

  it.prop("cooperation: can ⇔ transition succeeds, and random sequences stay inside the machine", [fc.array(stepArb, { maxLength: 15 })], ([steps]) => {
    let a = coop("c1", "2024-09-01", "2027-08-31")
    const states = new Set(Agreements.cooperation.states.map((s) => s.id))
    for (const s of steps) {
      const on = IsoDate.fromEpochDays(base + s.day)
      a = Lifecycle.advance(Agreements.cooperation, a, at(on)).aggregate
      const input = { type: s.type, on, payload: { party: s.party, reason: s.reason ? "原因" : undefined, effectiveOn: on, successorId: "c2", summary: "变更" } }
      const actor = { id: s.role, roles: [s.role] }
      const c = ctx(on)
      const r = Lifecycle.transition(Agreements.cooperation, a, input, actor, c)
      expect(Lifecycle.can(Agreements.cooperation, a, input, actor, c)).toBe(Either.isRight(r))
      if (Either.isRight(r)) a = r.right.aggregate
      expect(states.has(a.lifecycle?.state ?? "draft")).toBe(true)
    }
  })

  it.prop("advance is idempotent and monotone in time", [fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2000 })], ([x, y]) => {
    const signed = signBoth(coop("c1", "2024-09-01", "2027-08-31"), "2024-08-01")
    const d1 = IsoDate.fromEpochDays(base + Math.min(x, y))
    const d2 = IsoDate.fromEpochDays(base + Math.max(x, y))
    const once = advance(Agreements.cooperation, signed, d1)
    expect(advance(Agreements.cooperation, once, d1)).toEqual(once)
    expect(advance(Agreements.cooperation, once, d2)).toEqual(advance(Agreements.cooperation, signed, d2))
  })
})
