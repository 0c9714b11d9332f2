import { describe, expect, it } from "@effect/vitest"
import { IsoDate } from "@chanjiao/core"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import { demoDate, evaluateTeacher, importAgreement, loadAgreements, loadTeachers, machineRoles, personas, schoolSummary } from "../src/model.js"
import type { Entry } from "../src/model.js"
import { agreements, teachers } from "../src/samples.js"

const D = IsoDate.unsafeMake
const loaded = loadAgreements(agreements, demoDate)
const byId = (id: string): Entry => loaded.entries.find((e) => e.id === id)!
const as = (id: string) => personas.find((p) => p.actor.id === id)!.actor
const fire = (e: Entry, event: string, actor: string, on = demoDate, note = ""): Entry => {
  const r = e.fire(event, as(actor), on, note)
  if (Either.isLeft(r)) throw new Error(`${event} by ${actor}: ${r.left.message.en}`)
  return r.right
}

describe("the page's model (the core decides, the page shows)", () => {
  it("every sample decodes with the core Schemas and loads into its machine, in different states", () => {
    expect(loaded.problems).toEqual([])
    expect(loaded.entries.map((e) => [e.id, e.state.id])).toEqual([
      ["coop-2025-ec", "in-review"],
      ["coop-2025-log", "draft"],
      // In force since 2022-11-01; within 90 days of 2025-10-31 on 2025-08-20 (agreement.expiryNoticeDays).
      ["coop-2022-mech", "expiring"],
      ["coop-2021-food", "terminated"],
      ["tri-2025-031", "draft"],
      ["app-2025-007", "draft"]
    ])
    expect(byId("coop-2022-mech").history.map((h) => [h.on, h.what.zh, h.to.zh])).toEqual([["2025-08-02", "进入到期预警期", "即将到期"]])
  })

  it("a persona for every role the machines name (LC-ROLE)", () => {
    const covered = new Set(personas.flatMap((p) => p.actor.roles))
    expect(machineRoles.filter((r) => !covered.has(r))).toEqual([])
  })

  it("AGR-DUAL: the school signs, then the enterprise; signed, then in force on the start date", () => {
    const coop = byId("coop-2025-ec")
    const afterSchool = fire(coop, "sign", "李校长")
    expect(afterSchool.state.id).toBe("in-review")
    // The school has signed: its signatory's button is now disabled with the guard's reason.
    const again = afterSchool.buttons(as("李校长"), demoDate, "").find((b) => b.event === "sign")!
    expect([again.enabled, again.reasons.map((r) => r.zh)]).toEqual([false, ["该方已签字"]])
    const signed = fire(afterSchool, "sign", "张经理")
    expect(signed.state.label.zh).toBe("已签订")
    expect(signed.signatures.map((s) => [s.party, s.name])).toEqual([
      ["school", "李校长"],
      ["enterprise", "张经理"]
    ])
    const inForce = signed.advance(D("2025-09-01"))
    expect(inForce.state.id).toBe("in-force")
    expect(inForce.history.map((h) => [h.on, h.by, h.what.zh, h.to.zh, h.emitted])).toEqual([
      ["2025-08-20", "李校长", "签字", "审核中", ["AgreementSigned"]],
      ["2025-08-20", "张经理", "签字", "已签订", ["AgreementSigned"]],
      ["2025-09-01", undefined, "到开始日生效", "生效中", ["AgreementInForce"]]
    ])
  })

  it("disabled buttons carry the reason in zh and en (LC-ROLE, AGR-FORMS-7, APP-DUAL-MENTOR, LC-TERMINATE)", () => {
    const bySigner = byId("coop-2025-ec")
      .buttons(as("学生小刘"), demoDate, "")
      .find((b) => b.event === "sign")!
    expect(bySigner.enabled).toBe(false)
    expect(bySigner.reasons[0]).toEqual({ zh: "需要角色：school-signatory、enterprise-signatory", en: "needs a role: school-signatory, enterprise-signatory" })
    const submit = byId("coop-2025-log")
      .buttons(as("王主任"), demoDate, "")
      .find((b) => b.event === "submit")!
    expect([submit.enabled, submit.reasons.map((r) => r.zh)]).toEqual([false, ["未选择任何合作形式"]])
    const mentor = byId("app-2025-007")
      .buttons(as("李校长"), demoDate, "")
      .find((b) => b.event === "sign")!
    expect([mentor.enabled, mentor.reasons.map((r) => r.zh)]).toEqual([false, ["未配备企业导师"]])
    const expiring = byId("coop-2022-mech")
    const terminate = (note: string) => expiring.buttons(as("王主任"), demoDate, note).find((b) => b.event === "terminate")!
    expect([terminate("").enabled, terminate("").reasons.map((r) => r.zh)]).toEqual([false, ["提前终止缺少：原因"]])
    expect(terminate("企业搬迁").enabled).toBe(true)
    const ended = fire(expiring, "terminate", "王主任", demoDate, "企业搬迁")
    expect([ended.state.id, ended.buttons(as("王主任"), demoDate, "")]).toEqual(["terminated", []])
  })

  it("INT-AGREE-3P, INT-CONSENT: the 2021 rule needs the guardian too; the last signature makes it signed", () => {
    const tri = byId("tri-2025-031")
    const afterStudent = fire(tri, "sign", "学生小刘")
    expect(afterStudent.state.id).toBe("draft")
    expect(fire(afterStudent, "sign", "刘女士").state.id).toBe("signed")
  })

  it("law: a button is enabled exactly when the core's transition succeeds (can ⇔ transition)", () => {
    const dates = fc.constantFrom(...["2025-08-20", "2025-09-01", "2026-01-01"].map(D))
    fc.assert(
      fc.property(fc.constantFrom(...loaded.entries), fc.constantFrom(...personas), dates, fc.constantFrom("", "协议到期前终止"), (e, p, on, note) => {
        for (const b of e.buttons(p.actor, on, note)) {
          expect(Either.isRight(e.fire(b.event, p.actor, on, note))).toBe(b.enabled)
          expect(b.enabled ? b.reasons.length === 0 : b.reasons.length > 0).toBe(true)
        }
      }),
      { numRuns: 200 }
    )
  })

  it("pasted records are decoded: bad JSON and bad fields come back as zh/en issues, never an exception", () => {
    const notJson = importAgreement("cooperation", "{ id: ")
    expect(Either.isLeft(notJson) && notJson.left.title.zh).toBe("不是合法的 JSON")
    const bad = importAgreement("cooperation", JSON.stringify({ id: "c-x", title: "某协议", term: { start: "2025-02-30", end: "2026-01-01" } }))
    expect(Either.isLeft(bad)).toBe(true)
    if (Either.isLeft(bad)) {
      expect(bad.left.issues.map((i) => i.path)).toContain("term.start")
      expect(bad.left.issues.find((i) => i.path === "term.start")?.zh).toContain("不存在")
    }
    const foreign = importAgreement("cooperation", JSON.stringify({ ...(agreements[0]!.data as object), lifecycle: { machine: "internship-agreement", version: 1, state: "draft" } }))
    expect(Either.isLeft(foreign) && foreign.left.issues[0]?.zh).toContain("不是 cooperation-agreement v1")
    const good = importAgreement("cooperation", JSON.stringify(byId("coop-2025-ec").json()))
    expect(Either.isRight(good) && good.right.state.id).toBe("in-review")
  })

  it("TCH-DS-LEVELS: each teacher's highest level and what the next level lacks", () => {
    const { teachers: ts, problems } = loadTeachers(teachers)
    expect(problems).toEqual([])
    const e = Object.fromEntries(ts.map((t) => [t.name, evaluateTeacher(t, demoDate)]))
    expect([e["李老师"]?.highest, e["李老师"]?.next?.level, e["李老师"]?.next?.missing.map((m) => m.criterion)]).toEqual([
      "junior",
      "intermediate",
      ["DS-HOLD-L1", "DS-TITLE-MID", "DS-PRACTICE-OR-CERT-MID", "DS-ACHIEVEMENT-MID"]
    ])
    expect([e["王老师"]?.highest, e["王老师"]?.next?.missing.map((m) => m.criterion)]).toEqual([undefined, ["DS-PRACTICE-OR-CERT", "DS-CAN-TEACH-THEORY-PRACTICE"]])
    expect([e["赵老师"]?.highest, e["赵老师"]?.next?.level]).toEqual(["intermediate", "senior"])
    expect(schoolSummary(ts, demoDate).levelMet).toEqual({ none: 1, junior: 1, intermediate: 1, senior: 0 })
  })
})
