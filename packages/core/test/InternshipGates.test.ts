import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import { IsoDate, InternshipGates, Jurisdiction, National, Policy } from "../src/index.js"
import type { Finding, Internship } from "../src/index.js"
import { D } from "./fixtures.js"
import { agreement, internship, student, subject } from "./internship-fixtures.js"

const checker = InternshipGates.checker(National.policy, Jurisdiction.national)
const check = (s: InternshipGates.Subject) => checker.check(s)
const ids = (fs: ReadonlyArray<Finding.Finding>) => fs.filter((f) => f.severity !== "info").map((f) => f.ruleId)
const withI = (patch: Partial<Internship.Internship>): InternshipGates.Subject => ({ ...subject, internship: { ...internship, ...patch } })

describe("internship gates (教职成〔2021〕4号)", () => {
  it("a compliant post internship has no violation or warning, and may start", () => {
    expect(ids(check(subject))).toEqual([])
    expect(checker.canStart(subject, D("2024-08-31"))).toEqual({ ok: true, blocking: [] })
  })

  it("INT-AGE-16: a student who turns 16 mid-placement is flagged for the days before only", () => {
    const young = { ...subject, student: { ...student, birthDate: D("2008-10-15") } }
    const f = check(young).find((x) => x.ruleId === "INT-AGE-16")!
    expect(f.severity).toBe("violation")
    expect(f.message.zh).toBe("学生 2024-09-01 至 2024-10-14 共 44 天未满16周岁（2024-10-15 年满），不得安排岗位实习")
    expect(f.deadline).toBe("2024-10-15")
    expect(f.citations[0]?.article).toBe("第十六条第（二）项")
    expect(checker.canStart(young, D("2024-08-31")).ok).toBe(false)
  })

  it("an internship spanning 2021-12-31 is judged by each version on its own days", () => {
    // An adult in an internet café without consent, paid 2,000 on a 3,000 same-post wage (probation 2,600).
    const spanning = withI({
      start: D("2021-10-01"),
      end: D("2022-03-31"),
      unit: { ...internship.unit, venueType: "internet-cafe", siteAssessment: { ...internship.unit.siteAssessment!, assessedOn: D("2021-09-01") }, headcounts: [] },
      consent: { refused: false },
      pay: { ...internship.pay!, monthlyAmount: 2000, samePostWage: 3000, lowestTierWage: 2200, probationWage: 2600 },
      insurance: { ...internship.insurance!, coverageStart: D("2021-10-01"), coverageEnd: D("2022-03-31") }
    })
    const s = { ...spanning, student: { ...student, birthDate: D("2002-03-01") }, agreement: { ...agreement, signatures: agreement.signatures.map((x) => ({ ...x, signedOn: D("2021-09-10") })) } }
    const fs = check(s)
    const venue = fs.filter((f) => f.ruleId === "INT-VENUE-BAN")
    // 2016 did not list internet cafés: only the days from 2021-12-31 break INT-VENUE-BAN.
    expect(venue.map((f) => [f.ruleVersion, f.asOf])).toEqual([["2021-12-31", "2021-12-31"]])
    expect(venue[0]!.message.zh).toContain("（2021-12-31 至 2022-03-31）")
    // Consent: 2016 needed it for minors only; 2021 for everyone.
    expect(fs.filter((f) => f.ruleId === "INT-CONSENT-2016")).toEqual([])
    expect(fs.filter((f) => f.ruleId === "INT-CONSENT").map((f) => f.asOf)).toEqual(["2021-12-31"])
    // Pay: 2,000 < 80% of the 2,600 probation wage (2016) and < both 2021 floors (2,400 and 2,200).
    expect(fs.find((f) => f.ruleId === "INT-PAY-80-2016")?.message.zh).toContain("（2021-10-01 至 2021-12-30）")
    expect(fs.find((f) => f.ruleId === "INT-PAY-80")?.threshold?.value).toBe(2200)
  })

  it("INT-RATIO-UNIT / INT-RATIO-POST: each headcount stretch is checked, soft in 2021 (warning)", () => {
    const s = withI({
      unit: {
        ...internship.unit,
        headcounts: [
          { from: D("2024-01-01"), onPostTotal: 200, samePostTotal: 40, concurrentInterns: 10, concurrentInternsSamePost: 5 },
          { from: D("2024-12-01"), onPostTotal: 100, samePostTotal: 40, concurrentInterns: 15, concurrentInternsSamePost: 9 }
        ]
      }
    })
    const ratio = check(s).filter((f) => f.ruleId.startsWith("INT-RATIO"))
    expect(ratio.map((f) => [f.ruleId, f.severity])).toEqual([["INT-RATIO-POST", "warning"], ["INT-RATIO-UNIT", "warning"]])
    const unit = ratio.find((f) => f.ruleId === "INT-RATIO-UNIT")!
    expect(unit.message.zh).toContain("2024-12-01 至 2025-02-28")
    expect(unit.remedy?.zh).toBe("同期实习生不超过 10 人")
  })

  it("each gate names its rule, citation and fix", () => {
    const cases: ReadonlyArray<[string, InternshipGates.Subject]> = [
      ["INT-SELF-APPROVAL", withI({ arrangement: "self" })],
      ["INT-UNIT-LEGAL", withI({ unit: { ...internship.unit, venueType: "school-base", legalRegistration: "none" } })],
      ["INT-GRADE-1", { ...subject, student: { ...student, grade: 1 } }],
      ["INT-MINOR-PROHIB", { ...withI({ post: { ...internship.post, bannedForMinors: true } }), student: { ...student, birthDate: D("2007-03-01") } }],
      ["INT-FEMALE-PROHIB", withI({ post: { ...internship.post, bannedForWomen: true } })],
      ["INT-VENUE-BAN", withI({ unit: { ...internship.unit, venueType: "ktv" } })],
      ["INT-AGENCY-BAN", withI({ organisedThrough: "paid-agent" })],
      ["INT-LABOUR-III", withI({ post: { ...internship.post, labourIntensity: 3 } })],
      ["INT-TASK-COVERAGE", withI({ post: { ...internship.post, simpleRepetitiveOnly: true } })],
      ["INT-MAJOR-MATCH", withI({ post: { ...internship.post, majorMatch: "unrelated" } })],
      ["INT-PROFIT-BAN", withI({ forProfit: true })],
      ["INT-HOLIDAY", withI({ schedule: { ...internship.schedule, statutoryHolidayDays: 3 } })],
      ["INT-NIGHT-OT", withI({ schedule: { ...internship.schedule, nightShifts: 4 } })],
      ["INT-HIGHRISK", withI({ post: { ...internship.post, risks: ["height"] } })],
      ["INT-PAY-80", withI({ pay: { ...internship.pay!, monthlyAmount: 2000 } })],
      ["INT-PAY-CASH", withI({ pay: { ...internship.pay!, form: "vouchers" } })],
      ["INT-FEE-BAN", withI({ fees: [{ kind: "training", amount: 300, chargedBy: "unit" }] })],
      ["INT-ID-HOLD-BAN", withI({ documentsHeld: ["resident-id"] })],
      ["INT-CONSENT", withI({ consent: { studentSignedOn: D("2024-07-01"), refused: false } })],
      ["INT-OPT-OUT", withI({ consent: { ...internship.consent, refused: true } })],
      ["INT-AGREE-3P", { internship, student }],
      ["INT-UNIT-SITEVISIT", withI({ unit: { ...internship.unit, siteAssessment: { ...internship.unit.siteAssessment!, assessedOn: D("2024-09-10") } } })],
      ["INT-INSURE", withI({ insurance: { ...internship.insurance!, coverageEnd: D("2025-01-31") } })],
      ["INT-INSURE-FUND", withI({ insurance: { ...internship.insurance!, premiumPayer: "student" } })],
      ["INT-MENTOR-DUAL", withI({ enterpriseMentors: [] })]
    ]
    for (const [rule, s] of cases) {
      const f = check(s).find((x) => x.ruleId === rule)
      expect(f?.severity, rule).toBe("violation")
      expect(f?.citations.length, rule).toBeGreaterThan(0)
      expect(f?.message.zh.length, rule).toBeGreaterThan(0)
      expect(checker.canStart(s, D("2024-08-31")).ok, rule).toBe(false)
    }
  })

  it("INT-AGREE-3P: a completed or terminated agreement covers the days before it ended, a draft none", () => {
    const stamped = (state: "draft" | "in-force" | "completed" | "terminated", since: string) => ({ ...subject, agreement: { ...agreement, lifecycle: { machine: "internship-agreement", version: 1, state, since: D(since) } } })
    const agree = (s: InternshipGates.Subject) => check(s).filter((f) => f.ruleId === "INT-AGREE-3P")
    // Judged after the fact: the agreement was completed when the internship ended, or later.
    expect(agree(stamped("completed", internship.end))).toEqual([])
    expect(agree(stamped("completed", IsoDate.addDays(internship.end, 30)))).toEqual([])
    expect(agree(stamped("in-force", "2024-08-20"))).toEqual([])
    // Terminated or completed while the internship still ran: the days after are not covered.
    const early = agree(stamped("terminated", IsoDate.addDays(internship.end, -1)))
    expect(early.map((f) => f.severity)).toEqual(["violation"])
    expect(early[0]!.message.zh).toContain("已终止")
    expect(early[0]!.message.zh).toContain(IsoDate.addDays(internship.end, -1))
    expect(agree(stamped("completed", "2024-08-20")).map((f) => f.severity)).toEqual(["violation"])
    expect(agree(stamped("draft", internship.end)).map((f) => f.severity)).toEqual(["violation"])
  })

  it("soft and unverified rules warn: INT-HOURS-8 (unverified), INT-PAY-CYCLE (in principle), INT-DUR-6M, INT-AGREE-FIELDS (unverified)", () => {
    const hours = check(withI({ schedule: { ...internship.schedule, dailyHours: 10 } })).find((f) => f.ruleId === "INT-HOURS-8")
    expect([hours?.severity, hours?.verified]).toEqual(["warning", false])
    expect(check(withI({ pay: { ...internship.pay!, cycleDays: 90 } })).find((f) => f.ruleId === "INT-PAY-CYCLE")?.severity).toBe("warning")
    expect(check(withI({ end: D("2025-06-30"), insurance: { ...internship.insurance!, coverageEnd: D("2025-06-30") } })).find((f) => f.ruleId === "INT-DUR-6M")?.severity).toBe("warning")
    const fields = check({ ...subject, agreement: { ...agreement, clauses: ["parties"] } }).find((f) => f.ruleId === "INT-AGREE-FIELDS")
    expect([fields?.severity, fields?.verified]).toEqual(["warning", false])
  })

  it("INT-DUR-MED: a medical major may run to 10 months (provincial rule, noted)", () => {
    const nurse = { ...withI({ end: D("2025-05-31"), insurance: { ...internship.insurance!, coverageEnd: D("2025-05-31") } }), student: { ...student, majorCode: "720201" as typeof student.majorCode } }
    const fs = check(nurse)
    expect(fs.find((f) => f.ruleId === "INT-DUR-6M")).toBeUndefined()
    expect(fs.find((f) => f.ruleId === "INT-DUR-MED")?.severity).toBe("info")
  })

  it("INT-PENALTY-AGENCY: the fine a dispatch-agency internship exposes the school to", () => {
    const f = check(withI({ organisedThrough: "dispatch-agency" })).find((x) => x.ruleId === "INT-PENALTY-AGENCY")
    expect(f?.message.zh).toContain("1至5倍")
    expect(f?.message.zh).toContain("至少 10000 元")
  })

  it("INT-KIND-TYPES: a 顶岗实习 record after 2021-12-31 is treated as 岗位实习 and says so", () => {
    const f = check(withI({ kind: "taking-post" })).find((x) => x.ruleId === "INT-KIND-TYPES")
    expect(f?.severity).toBe("info")
    expect(f?.message.zh).toContain("按岗位实习对待")
  })

  it("INT-ARCHIVE: an incomplete archive after the end is a warning", () => {
    const f = check(withI({ archive: { archivedOn: D("2025-03-15"), items: ["agreement", "assessment"], electronic: true } })).find((x) => x.ruleId === "INT-ARCHIVE")
    expect(f?.severity).toBe("warning")
    expect(f?.message.zh).toContain("logs")
  })

  it("local gates INT-FILING, INT-TRAINING, INT-UNIT-LIST, INT-DISGUISE-BAN run only where a pack turns them on", () => {
    const s = withI({ unit: { ...internship.unit, onUnitList: false }, declaredAs: "social-practice" })
    expect(check(s).filter((f) => ["INT-FILING", "INT-TRAINING", "INT-UNIT-LIST", "INT-DISGUISE-BAN"].includes(f.ruleId))).toEqual([])
    const on = { effectiveFrom: D("2022-01-01"), value: true, citation: { document: "某省实习管理实施细则", confidence: "L" as const }, verified: true }
    const pack = Policy.withOverlays(National.policy, [
      Policy.overlay({
        id: "province-pack",
        title: { zh: "省级规则包", en: "provincial pack" },
        scope: { level: "province", code: "53" } as Jurisdiction.Scope,
        source: "test",
        values: [National.internshipGateFiling, National.internshipGateTraining, National.internshipGateUnitList, National.internshipGateDisguise].map((p) => Policy.set(p, [on]))
      })
    ])
    if (Either.isLeft(pack)) throw pack.left
    const local = InternshipGates.checker(pack.right, { province: "53" } as Jurisdiction.Jurisdiction)
    expect(local.check(s).filter((f) => f.severity === "violation").map((f) => f.ruleId).sort()).toEqual(["INT-DISGUISE-BAN", "INT-FILING", "INT-TRAINING", "INT-UNIT-LIST"])
  })

  it("INT-SCOPE-SCHOOLS and INT-NO-FORCED-UNIT are scope statements, documented on the module, not checks", () => {
    // Observation internships are outside the post-internship gates (INT-SCOPE-SCHOOLS covers both kinds).
    expect(ids(check(withI({ kind: "observation", pay: undefined })))).toEqual([])
  })

  it("a batch is summarised per rule and per unit", () => {
    const batch = InternshipGates.checkBatch([subject, withI({ id: "i-2", forProfit: true })], checker)
    expect(batch.byRule.find((r) => r.ruleId === "INT-PROFIT-BAN")?.violation).toBe(1)
    expect(batch.byUnit).toEqual([{ unit: "金乡县某电子商务有限公司", internships: 2, violations: 1, startable: 1 }])
  })
})

// -------------------------------------------------------------------------------------------------------------

const breakers: ReadonlyArray<(s: InternshipGates.Subject) => InternshipGates.Subject> = [
  (s) => ({ ...s, internship: { ...s.internship, forProfit: true } }),
  (s) => ({ ...s, internship: { ...s.internship, fees: [...s.internship.fees, { kind: "deposit", amount: 100, chargedBy: "unit" }] } }),
  (s) => ({ ...s, agreement: undefined }),
  (s) => ({ ...s, internship: { ...s.internship, enterpriseMentors: [] } }),
  (s) => ({ ...s, internship: { ...s.internship, documentsHeld: ["student-id"] } }),
  (s) => ({ ...s, student: { ...s.student, grade: 1 } })
]
const subjectArb = fc
  .record({
    breaks: fc.subarray([...breakers.keys()]),
    birthDays: fc.integer({ min: IsoDate.toEpochDays(D("2005-01-01")), max: IsoDate.toEpochDays(D("2010-12-31")) }),
    startDays: fc.integer({ min: IsoDate.toEpochDays(D("2019-01-01")), max: IsoDate.toEpochDays(D("2025-01-01")) }),
    length: fc.integer({ min: 1, max: 300 }),
    feesReversed: fc.boolean()
  })
  .map(({ birthDays, breaks, length, startDays }) => {
    const start = IsoDate.fromEpochDays(startDays)
    const end = IsoDate.fromEpochDays(startDays + length - 1)
    const base: InternshipGates.Subject = {
      ...subject,
      student: { ...student, birthDate: IsoDate.fromEpochDays(birthDays) },
      internship: {
        ...internship,
        start,
        end,
        consent: { studentSignedOn: IsoDate.addDays(start, -30), guardianSignedOn: IsoDate.addDays(start, -30), refused: false },
        unit: { ...internship.unit, siteAssessment: { ...internship.unit.siteAssessment!, assessedOn: IsoDate.addDays(start, -60) } },
        insurance: { ...internship.insurance!, coverageStart: start, coverageEnd: end }
      },
      agreement: { ...agreement, signatures: agreement.signatures.map((x) => ({ ...x, signedOn: IsoDate.addDays(start, -20) })) }
    }
    return breaks.reduce((s, b) => breakers[b]!(s), base)
  })

const sortKey = (f: Finding.Finding) => `${f.ruleId}|${f.asOf}|${f.message.zh}`

describe("internship gate properties", () => {
  it.prop("canStart is true iff no pre-start violation is found", [subjectArb], ([s]) => {
    const gate = checker.canStart(s, s.internship.start)
    const pre = check(s).filter((f) => f.severity === "violation" && InternshipGates.preStart.has(f.ruleId))
    expect(gate.ok).toBe(pre.length === 0)
    expect(gate.blocking.map(sortKey).sort()).toEqual(pre.map(sortKey).sort())
  })

  it.prop("adding a violation never makes a non-startable internship startable", [subjectArb, fc.integer({ min: 0, max: breakers.length - 1 })], ([s, b]) => {
    const before = checker.canStart(s, s.internship.start).ok
    const after = checker.canStart(breakers[b]!(s), s.internship.start).ok
    if (!before) expect(after).toBe(false)
  })

  it.prop("findings do not depend on record order", [subjectArb], ([s]) => {
    const shuffled: InternshipGates.Subject = {
      ...s,
      internship: {
        ...s.internship,
        fees: [...s.internship.fees].reverse(),
        documentsHeld: [...s.internship.documentsHeld].reverse(),
        enterpriseMentors: [...s.internship.enterpriseMentors].reverse(),
        unit: { ...s.internship.unit, headcounts: [...s.internship.unit.headcounts].reverse() }
      },
      ...(s.agreement ? { agreement: { ...s.agreement, signatures: [...s.agreement.signatures].reverse(), clauses: [...s.agreement.clauses].reverse() } } : {})
    }
    expect(check(shuffled).map(sortKey).sort()).toEqual(check(s).map(sortKey).sort())
  })

  it.prop("INT-AGE-16: the days flagged equal a day-by-day count of days under 16", [subjectArb], ([s]) => {
    let under = 0
    for (let d = s.internship.start; d <= s.internship.end; d = IsoDate.addDays(d, 1)) if (IsoDate.ageAt(s.student.birthDate!, d) < 16) under++
    // A placement spanning 2021-12-31 is judged in two stretches: add up what each reports.
    const reported = check(s)
      .filter((x) => x.ruleId === "INT-AGE-16")
      .reduce((sum, f) => sum + Number(/共 (\d+) 天/.exec(f.message.zh)![1]), 0)
    expect(reported).toBe(under)
  })
})
