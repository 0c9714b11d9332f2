import { describe, expect, it } from "@effect/vitest"
import { Agreements, Lifecycle, National, Plugin, Policy } from "@chanjiao/core"
import type { Agreement, Finding, Jurisdiction } from "@chanjiao/core"
import { Jiangsu, LocalRules, Subjects, Zhejiang } from "@chanjiao/plugin-local-rules"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import { D, dayBetween, jurisdiction, teacher } from "./fixtures.js"

const JIANGXI = jurisdiction({ province: "36", city: "3601" })
const TIANJIN = jurisdiction({ province: "12" })
const ZHEJIANG = jurisdiction({ province: "33", city: "3301" })
const SHANDONG = jurisdiction({ province: "37", city: "3708" })
const JIANGSU = jurisdiction({ province: "32", city: "3201" })
const HUBEI = jurisdiction({ province: "42", city: "4201" })

const bundle = Plugin.unsafeCompose(National.policy, LocalRules.jiangxi(), LocalRules.tianjin(), LocalRules.zhejiang(), LocalRules.shandong(), LocalRules.jiangsu())
const at = (j: Jurisdiction.Jurisdiction, date = "2024-12-31") => Policy.at(bundle.policy, j, D(date))
const ruleIds = (fs: ReadonlyArray<Finding.Finding>) => fs.map((f) => f.ruleId)

describe("jiangxi(): ENT-LOCAL-JX-10 and ENT-LOCAL-JX-2", () => {
  const year = (patch: Partial<Subjects.EnterpriseContribution> = {}): Subjects.EnterpriseContribution => ({
    enterpriseId: "e-1",
    enterpriseName: "南昌某装备制造有限公司",
    year: 2024,
    aboveDesignatedSize: true,
    technicalPosts: 120,
    internshipPosts: 12,
    employees: 800,
    teacherPracticePlaces: 16,
    ...patch
  })

  it("ENT-LOCAL-JX-10: 12 internship posts for 120 technical posts meet 10%; 11 do not — in Jiangxi only", () => {
    expect(Subjects.checkEnterpriseContribution(at(JIANGXI), year())).toEqual([])
    const [f, ...rest] = Subjects.checkEnterpriseContribution(at(JIANGXI), year({ internshipPosts: 11 }))
    expect(rest).toEqual([])
    expect(f).toMatchObject({ ruleId: "ENT-LOCAL-JX-10", severity: "violation", verified: true, remedy: { zh: "再增加 1" }, threshold: { value: 0.1 } })
    // The pack's citation and its source document are both cited.
    expect(f?.citations.map((c) => c.document)).toContain("江西省职业院校校企合作促进办法（2015年，新闻转述）")
    expect(Subjects.checkEnterpriseContribution(at(HUBEI), year({ internshipPosts: 0, teacherPracticePlaces: 0 }))).toEqual([])
    // Only enterprises above designated size carry the duty.
    expect(Subjects.checkEnterpriseContribution(at(JIANGXI), year({ aboveDesignatedSize: false, internshipPosts: 0, teacherPracticePlaces: 0 }))).toEqual([])
  })

  it("ENT-LOCAL-JX-2: 16 teacher places for 800 employees meet 2%; 15 do not", () => {
    expect(ruleIds(Subjects.checkEnterpriseContribution(at(JIANGXI), year({ teacherPracticePlaces: 15 })))).toEqual(["ENT-LOCAL-JX-2"])
  })

  it("property ENT-LOCAL-JX-10 / ENT-LOCAL-JX-2: findings exactly when 10 × posts < technical posts or 50 × places < employees", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 20000 }), fc.integer({ min: 0, max: 500 }), (tech, posts, staff, places) => {
        const fs = Subjects.checkEnterpriseContribution(at(JIANGXI), year({ technicalPosts: tech, internshipPosts: posts, employees: staff, teacherPracticePlaces: places }))
        const expected = [...(10 * posts < tech ? ["ENT-LOCAL-JX-10"] : []), ...(50 * places < staff ? ["ENT-LOCAL-JX-2"] : [])].sort()
        expect(ruleIds(fs).sort()).toEqual(expected)
      }),
      { numRuns: 300 }
    )
  })
})

describe("tianjin(): APP-TJ-RATIO", () => {
  const cls = (patch: Partial<Subjects.ApprenticeshipClass> = {}): Subjects.ApprenticeshipClass => ({
    id: "c-1",
    enterpriseId: "e-1",
    year: 2024,
    apprentices: 32,
    mentors: 4,
    classSize: 40,
    annualHours: 600,
    centralisedHours: 160,
    onlineHours: 80,
    videoRecordedHours: 40,
    ...patch
  })
  const messages = (c: Subjects.ApprenticeshipClass, j = TIANJIN) => Subjects.checkApprenticeshipClass(at(j), c).map((f) => f.threshold?.value)

  it("every limit exactly at its boundary passes; one step past each is a violation", () => {
    expect(Subjects.checkApprenticeshipClass(at(TIANJIN), cls())).toEqual([])
    expect(messages(cls({ apprentices: 33 }))).toEqual([8])
    expect(messages(cls({ classSize: 41 }))).toEqual([40])
    expect(messages(cls({ annualHours: 599.5 }))).toEqual([600])
    expect(messages(cls({ centralisedHours: 159, onlineHours: 79, videoRecordedHours: 40 }))).toEqual([160])
    expect(messages(cls({ onlineHours: 80.5 }))).toEqual([0.5])
    expect(messages(cls({ videoRecordedHours: 39.5 }))).toEqual([0.25])
    for (const f of Subjects.checkApprenticeshipClass(at(TIANJIN), cls({ apprentices: 33, classSize: 41 }))) expect(f).toMatchObject({ ruleId: "APP-TJ-RATIO", severity: "violation" })
    expect(Subjects.checkApprenticeshipClass(at(ZHEJIANG), cls({ apprentices: 100, classSize: 100, annualHours: 10, centralisedHours: 10, onlineHours: 10, videoRecordedHours: 0 }))).toEqual([])
  })

  it("property APP-TJ-RATIO: each limit is found exactly when the brute-force test says so", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 100, max: 800 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (apprentices, mentors, classSize, annualHours, centralPct, onlinePct, videoPct) => {
          const centralisedHours = Math.floor((annualHours * centralPct) / 100)
          const onlineHours = Math.floor((centralisedHours * onlinePct) / 100)
          const videoRecordedHours = Math.floor((centralisedHours * videoPct) / 100)
          const c = cls({ apprentices, mentors, classSize, annualHours, centralisedHours, onlineHours, videoRecordedHours })
          const expected = [
            ...(apprentices > 8 * mentors ? [8] : []),
            ...(classSize > 40 ? [40] : []),
            ...(annualHours < 600 ? [600] : []),
            ...(centralisedHours < 160 ? [160] : []),
            ...(2 * onlineHours > centralisedHours ? [0.5] : []),
            ...(4 * videoRecordedHours < centralisedHours ? [0.25] : [])
          ]
          expect(messages(c)).toEqual(expected)
        }
      ),
      { numRuns: 300 }
    )
  })

  it("decodes a class at the boundary with typed, bilingual errors", () => {
    const bad = Subjects.decode.apprenticeshipClass({ ...cls(), onlineHours: 500, apprentices: -1 })
    expect(Either.isLeft(bad)).toBe(true)
    if (Either.isLeft(bad)) {
      expect(bad.left._tag).toBe("InvalidInput")
      expect(bad.left.entity).toBe("ApprenticeshipClass")
      expect(bad.left.messageZh).toMatch(/apprentices/)
      expect(bad.left.messageEn).toMatch(/apprentices/)
    }
    expect(Either.isRight(Subjects.decode.apprenticeshipClass(cls()))).toBe(true)
  })
})

describe("zhejiang(): APP-ZJ-STUDENT as a sign guard of the apprenticeship agreement", () => {
  const appr = (patch: Partial<Agreement.ApprenticeshipAgreement> = {}): Agreement.ApprenticeshipAgreement => ({
    id: "ap-1",
    schoolId: "s-1",
    enterpriseId: "e-1",
    enterpriseCreditCode: "91370828MA3C4P2X1N" as Agreement.ApprenticeshipAgreement["enterpriseCreditCode"],
    apprenticeId: "st-1",
    kind: "modern",
    schoolMentorIds: ["t-1"],
    enterpriseMentorIds: ["m-1"],
    term: { start: D("2024-09-01"), end: D("2025-08-31") },
    subsidyPerYear: 3000,
    signatures: [],
    ...patch
  })
  const machine = Plugin.machine(bundle, Agreements.apprenticeship)
  const sign = (a: Agreement.ApprenticeshipAgreement, j: Jurisdiction.Jurisdiction) =>
    Lifecycle.transition(machine, a, { type: "sign", on: D("2024-08-01"), payload: { party: "school" } }, { id: "校长", roles: ["school-signatory"] }, { policy: at(j, "2024-08-01"), ref: { type: "ApprenticeshipAgreement", id: "ap-1" } })

  it("a student apprenticeship of exactly one year signs in Zhejiang; a day short is refused there and signs elsewhere", () => {
    expect(Either.isRight(sign(appr(), ZHEJIANG))).toBe(true)
    const short = appr({ term: { start: D("2024-09-01"), end: D("2025-08-30") } })
    const refused = sign(short, ZHEJIANG)
    expect(Either.isLeft(refused) && refused.left.findings.map((f) => f.ruleId)).toEqual(["APP-ZJ-STUDENT"])
    expect(Either.isLeft(refused) && refused.left.findings[0]?.citations.map((c) => c.url)).toContain("http://52souxue.com/plus/view.php?aid=147197")
    expect(Either.isRight(sign(short, HUBEI))).toBe(true)
    // The machine outside the bundle has no such guard.
    expect(Either.isRight(Lifecycle.transition(Agreements.apprenticeship, short, { type: "sign", on: D("2024-08-01"), payload: { party: "school" } }, { id: "校长", roles: ["school-signatory"] }, { policy: at(ZHEJIANG, "2024-08-01"), ref: { type: "x", id: "x" } }))).toBe(true)
  })

  it("subsidy floors: 3,000 for students and 4,000 for employee apprentices (warnings, not blocking)", () => {
    const low = sign(appr({ subsidyPerYear: 2999 }), ZHEJIANG)
    expect(Either.isRight(low) && low.right.findings.map((f) => [f.ruleId, f.severity])).toEqual([["APP-ZJ-STUDENT", "warning"]])
    const employee = appr({
      kind: "enterprise-new-type",
      term: { start: D("2024-09-01"), end: D("2026-08-31") },
      labourContract: { start: D("2024-07-01"), end: D("2027-06-30") },
      subsidyPerYear: 5000
    })
    expect(Zhejiang.check(at(ZHEJIANG), employee)).toEqual([])
    expect(Zhejiang.check(at(ZHEJIANG), { ...employee, subsidyPerYear: 3999 }).map((f) => f.threshold?.value)).toEqual([4000])
    expect(Zhejiang.check(at(HUBEI), { ...employee, subsidyPerYear: 1 })).toEqual([])
  })

  it("property APP-ZJ-STUDENT: a student term is refused exactly when it ends before the day before its first anniversary", () => {
    fc.assert(
      fc.property(dayBetween(fc, "2022-01-01", "2030-12-31"), fc.integer({ min: 300, max: 420 }), (start, days) => {
        const end = new Date(Date.UTC(+start.slice(0, 4), +start.slice(5, 7) - 1, +start.slice(8, 10)) + days * 86_400_000).toISOString().slice(0, 10)
        const fs = Zhejiang.check(at(ZHEJIANG), appr({ term: { start, end: D(end) } }))
        const anniversaryEve = new Date(Date.UTC(+start.slice(0, 4) + 1, +start.slice(5, 7) - 1, +start.slice(8, 10)) - 86_400_000).toISOString().slice(0, 10)
        // 29 February has no anniversary: it falls on 28 February, whose eve is the 27th.
        const eve = start.slice(5) === "02-29" ? `${+start.slice(0, 4) + 1}-02-27` : anniversaryEve
        const severities = fs.map((f) => f.severity)
        expect(severities).toEqual(end < eve ? ["violation"] : end > eve ? ["warning"] : [])
      }),
      { numRuns: 200 }
    )
  })
})

describe("shandong(): SD-TITLE-CAP and PEI-SD-SCOPE", () => {
  const structure = (senior: number, intermediate: number, n = 100, tier: Subjects.SchoolTier = "tier-2") => ({ schoolId: "s-1", tier, fullTimeTeachers: n, seniorTitles: senior, intermediateTitles: intermediate })

  it("SD-TITLE-CAP: 30% senior titles in a tier-2 school is the cap; 31% is over it — a warning, as the standard is unverified", () => {
    expect(Subjects.checkTitleStructure(at(SHANDONG), structure(30, 45))).toEqual([])
    const [f] = Subjects.checkTitleStructure(at(SHANDONG), structure(31, 45))
    expect(f).toMatchObject({ ruleId: "SD-TITLE-CAP", severity: "warning", verified: false, threshold: { value: 0.3 } })
    expect(Subjects.checkTitleStructure(at(SHANDONG), structure(24, 46)).map((x) => x.threshold?.value)).toEqual([0.45])
    // Under the guide's lower bound: an info.
    expect(Subjects.checkTitleStructure(at(SHANDONG), structure(23, 40)).map((x) => x.severity)).toEqual(["info"])
    expect(Subjects.checkTitleStructure(at(JIANGSU), structure(90, 10))).toEqual([])
  })

  it("SD-TITLE-CAP from teacher records: the highest title of each full-time teacher in post", () => {
    const senior = (id: string) => teacher(id, { titles: [{ level: "associate-senior", name: "高级讲师", series: "teacher", obtainedOn: D("2018-01-01") }] })
    const mid = (id: string) => teacher(id, { titles: [{ level: "intermediate", name: "讲师", series: "teacher", obtainedOn: D("2012-01-01") }] })
    const teachers = [senior("a"), senior("b"), mid("c"), teacher("d"), teacher("e", { leftOn: D("2020-01-01") })]
    const s = Subjects.titleStructureOf("s-1", "other", teachers, D("2024-12-31"))
    expect(s).toEqual({ schoolId: "s-1", tier: "other", fullTimeTeachers: 4, seniorTitles: 2, intermediateTitles: 1 })
    expect(Subjects.checkTitleStructure(at(SHANDONG), s).map((f) => f.threshold?.value)).toEqual([0.2])
  })

  it("property SD-TITLE-CAP: over the cap exactly when 100 × senior > cap% × teachers, per tier", () => {
    const caps = { "tier-1": [35, 50], "tier-2": [30, 45], "tier-3": [25, 45], other: [20, 40] } as const
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.constantFrom("tier-1" as const, "tier-2" as const, "tier-3" as const, "other" as const), (n, sp, ip, tier) => {
        const senior = Math.floor((n * sp) / 100)
        const intermediate = Math.min(n - senior, Math.floor((n * ip) / 100))
        const over = Subjects.checkTitleStructure(at(SHANDONG), structure(senior, intermediate, n, tier)).filter((f) => f.threshold?.comparator === "<=")
        const [s, i] = caps[tier]
        expect(over.map((f) => f.measured?.value !== undefined)).toEqual([...(100 * senior > s * n ? [true] : []), ...(100 * intermediate > i * n ? [true] : [])])
      }),
      { numRuns: 300 }
    )
  })

  const application = (patch: Partial<Subjects.PeiApplication> = {}, enterprise: Partial<Subjects.PeiApplication["enterprise"]> = {}): Subjects.PeiApplication => ({
    id: "a-1",
    enterprise: {
      id: "e-1",
      creditCode: "91370828MA3C4P2X1N" as Subjects.PeiApplication["enterprise"]["creditCode"],
      name: "某智能装备有限公司",
      division: "370828" as never,
      foundedOn: D("2015-03-01"),
      aboveDesignatedSize: true,
      centralStateOwned: false,
      mainBusinessEducation: false,
      contacts: [],
      ...enterprise
    },
    appliedOn: D("2024-06-01"),
    taxPaidInProvince: true,
    independentLegalPerson: true,
    nationalMegaPrivate: false,
    majorAccident: false,
    goodCredit: true,
    taxViolation: false,
    ...patch
  })

  it("PEI-SD-SCOPE: a Shandong-registered applicant meeting every condition passes; each failed condition is named", () => {
    expect(Subjects.checkPeiApplication(at(SHANDONG, "2024-06-01"), application())).toEqual([])
    const soe = Subjects.checkPeiApplication(at(SHANDONG, "2024-06-01"), application({}, { centralStateOwned: true }))
    expect(soe.map((f) => [f.severity, f.measured?.value])).toEqual([["violation", "not-central-soe"]])
    const edu = Subjects.checkPeiApplication(at(SHANDONG, "2024-06-01"), application({}, { mainBusinessEducation: true }))
    expect(edu.map((f) => f.severity)).toEqual(["warning"])
    const elsewhere = Subjects.checkPeiApplication(at(SHANDONG, "2024-06-01"), application({}, { division: "320102" as never }))
    expect(elsewhere.map((f) => f.measured?.value)).toEqual(["registered-in-province"])
    const unstated = Subjects.checkPeiApplication(at(SHANDONG, "2024-06-01"), application({ goodCredit: undefined as never }))
    expect(unstated.map((f) => [f.severity, f.message.zh])).toEqual([["info", "尚需确认的申报条件：信用记录良好"]])
    expect(Subjects.checkPeiApplication(at(HUBEI, "2024-06-01"), application({}, { centralStateOwned: true }))).toEqual([])
  })
})

describe("jiangsu(): PEI-JS-5Y", () => {
  const application = (founded: string, applied: string, above = true): Subjects.PeiApplication => ({
    id: "a-1",
    enterprise: { id: "e-1", creditCode: "91370828MA3C4P2X1N" as never, name: "南京某科技有限公司", foundedOn: D(founded), aboveDesignatedSize: above, contacts: [] },
    appliedOn: D(applied)
  })

  it("five full years on the application date pass; a day short is a violation saying when it will qualify", () => {
    expect(Jiangsu.rule.id).toBe("PEI-JS-5Y")
    expect(Subjects.checkPeiApplication(at(JIANGSU), application("2019-06-01", "2024-06-01"))).toEqual([])
    const [f] = Subjects.checkPeiApplication(at(JIANGSU), application("2019-06-01", "2024-05-31"))
    expect(f).toMatchObject({ ruleId: "PEI-JS-5Y", severity: "violation", deadline: "2024-06-01", threshold: { value: 5 } })
    expect(Subjects.checkPeiApplication(at(JIANGSU), application("2019-06-01", "2024-06-01", false)).map((x) => x.severity)).toEqual(["warning"])
    expect(Subjects.checkPeiApplication(at(SHANDONG), application("2023-06-01", "2024-06-01")).filter((x) => x.ruleId === "PEI-JS-5Y")).toEqual([])
  })

  it("property PEI-JS-5Y: a violation exactly when the fifth anniversary falls after the application date", () => {
    fc.assert(
      fc.property(dayBetween(fc, "2010-01-01", "2024-12-31"), dayBetween(fc, "2019-04-03", "2030-12-31"), (founded, applied) => {
        const fs = Subjects.checkPeiApplication(at(JIANGSU, applied), application(founded, applied))
        const fifth = founded.slice(5) === "02-29" ? `${+founded.slice(0, 4) + 5}-02-28` : `${+founded.slice(0, 4) + 5}${founded.slice(4)}`
        expect(fs.map((f) => f.severity)).toEqual(fifth > applied ? ["violation"] : [])
      }),
      { numRuns: 300 }
    )
  })
})
