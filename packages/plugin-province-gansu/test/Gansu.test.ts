import { describe, expect, it } from "@effect/vitest"
import { DualQualified, IsoDate, Jurisdiction, National, Plugin, Policy, Teacher as TeacherSchema, Validation } from "@chanjiao/core"
import type { Finding, Teacher } from "@chanjiao/core"
import { Gansu, GansuParameters, GansuRules } from "@chanjiao/plugin-province-gansu"
import { Fixtures } from "@chanjiao/testkit"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import * as Schema from "effect/Schema"

const D = IsoDate.unsafeMake
const jurisdiction = Schema.decodeSync(Jurisdiction.Jurisdiction)
const GANSU_SCHOOL = jurisdiction({ province: "62", city: "6201", school: "4162000001" })
const SHANDONG_SCHOOL = jurisdiction({ province: "37", city: "3708", school: "4137000001" })

const bundle = Plugin.unsafeCompose(National.policy, Gansu.plugin)
const at = (j: Jurisdiction.Jurisdiction, date: string) => Policy.at(bundle.policy, j, D(date))

// The testkit's teacher, hired in 2020.
const teacher = (extra: Partial<Teacher.Teacher> = {}): Teacher.Teacher => Fixtures.teacher("t-1", { name: "王老师", hiredOn: D("2020-09-01"), ...extra })

const contract = (start: string) => teacher({ staffing: "contract", contractStart: D(start), hiredOn: D(start) })

const partTime = (extra: Partial<Teacher.Teacher> = {}, appointment = { start: D("2024-03-01"), end: D("2025-02-28") }): Teacher.Teacher =>
  teacher({
    id: "t-pt",
    employment: "part-time",
    birthDate: D("1966-05-10"),
    sex: "male",
    partTime: {
      employerName: "兰州某机械有限公司",
      channel: "industry-mentor",
      mode: "individual",
      appointment,
      productionYears: 20,
      retired: false,
      performanceFile: true
    },
    ...extra
  })

const findings = (t: Teacher.Teacher, j: Jurisdiction.Jurisdiction, date: string): ReadonlyArray<Finding.Finding> =>
  Policy.checkAll(at(j, date), "Teacher", { teacher: t, schoolType: "secondary" }, { id: t.id })
const ofRule = (fs: ReadonlyArray<Finding.Finding>, id: string) => fs.filter((f) => f.ruleId === id)

describe("Gansu pack composed over the national policy", () => {
  it("DS-ELIGIBLE-INSCHOOL-GS, DS-CERTIFIER-GS: the pack composes without conflict and records what it contributed", () => {
    expect(bundle.plugins.map((p) => p.id)).toEqual(["gansu"])
    expect(Plugin.contributorsOf(bundle, "rule", "DS-ELIGIBLE-INSCHOOL-GS")).toEqual(["gansu"])
    expect(Plugin.contributorsOf(bundle, "parameter", "gansu.certifier")).toEqual(["gansu"])
    expect(Plugin.contributorsOf(bundle, "parameter", National.dsContractYearsMin.id)).toEqual(["@chanjiao/core", "gansu"])
  })

  it("DS-ELIGIBLE-INSCHOOL: in Gansu the 2-year contract rule is the province's own, verified, citing 第二条", () => {
    const r = at(GANSU_SCHOOL, "2024-09-01").explain(National.dsContractYearsMin)
    expect(r).toMatchObject({ value: 2, status: "in-force", layer: { source: "gansu", id: "gansu/gansu", scope: { level: "province", code: "62" } } })
    expect(r.entry?.verified).toBe(true)
    expect(r.entry?.citation).toMatchObject({ document: "甘肃省职业教育“双师型”教师认定标准（试行）", article: "第二条", issuer: "甘肃省教育厅" })
  })

  it("TCH-DS-LEVELS, DS-ELIGIBLE-ENTERPRISE, DS-ETHICS-VETO: the national default still applies where Gansu says nothing (level thresholds, retirement ages)", () => {
    const p = at(GANSU_SCHOOL, "2024-09-01")
    for (const param of [National.dsThresholds.secondary.junior.practiceMonths, National.retirementAgeMale, National.dsEthicsImpactYears]) {
      const r = p.explain(param)
      expect(r.layer?.source).toBe("@chanjiao/core")
      expect(r.value).toEqual(Policy.at(National.policy, Jurisdiction.national, D("2024-09-01")).value(param))
    }
    // The national placeholder stays unverified in Gansu: the pack read no level criteria (第三条 on).
    expect(p.explain(National.dsThresholds.secondary.junior.practiceMonths).entry?.verified).toBe(false)
  })

  it("DS-ELIGIBLE-INSCHOOL: a non-Gansu school is unaffected — national values, no Gansu rule runs", () => {
    const p = at(SHANDONG_SCHOOL, "2024-09-01")
    expect(p.explain(National.dsContractYearsMin)).toMatchObject({ value: 2, layer: { source: "@chanjiao/core" } })
    expect(p.explain(National.dsContractYearsMin).entry?.verified).toBe(false)
    expect(p.value(GansuParameters.certifier)).toBeUndefined()
    expect(GansuRules.scopeOf(contract("2024-01-01"), "secondary", p)).toBeUndefined()
    expect(findings(contract("2024-01-01"), SHANDONG_SCHOOL, "2024-09-01").filter((f) => f.ruleId.endsWith("-GS"))).toEqual([])
  })

  it("property DS-ELIGIBLE-INSCHOOL / DS-ELIGIBLE-ENTERPRISE: for any teacher outside Gansu, the composed policy finds exactly what the national policy finds", () => {
    const start = fc.integer({ min: IsoDate.toEpochDays(D("2018-01-01")), max: IsoDate.toEpochDays(D("2026-12-31")) }).map(IsoDate.fromEpochDays)
    fc.assert(
      fc.property(start, fc.constantFrom("contract" as const, "establishment" as const), fc.constantFrom("professional" as const, "public" as const), fc.boolean(), (s, staffing, courseType, pt) => {
        const t = pt ? partTime({}, { start: s, end: IsoDate.addYears(s, 1) }) : teacher({ staffing, courseType, contractStart: s, hiredOn: s })
        const composed = findings(t, SHANDONG_SCHOOL, "2025-06-30")
        const national = Policy.checkAll(Policy.at(National.policy, SHANDONG_SCHOOL, D("2025-06-30")), "Teacher", { teacher: t, schoolType: "secondary" }, { id: t.id })
        expect(composed).toEqual(national)
      }),
      { numRuns: 60 }
    )
  })

  it("DS-ELIGIBLE-INSCHOOL: before the standard's date (2023-01-15) the Gansu layer is not yet in force", () => {
    expect(GansuRules.scopeOf(contract("2021-01-01"), "secondary", at(GANSU_SCHOOL, "2023-01-14"))).toBeUndefined()
    expect(GansuRules.scopeOf(contract("2021-01-01"), "secondary", at(GANSU_SCHOOL, "2023-01-15"))?.inScope).toBe(true)
  })
})

describe("DS-ELIGIBLE-INSCHOOL (Gansu 第二条): contract teachers after 2 years", () => {
  it("a Gansu contract teacher with 2+ years is in scope; one a day short of 2 years is not", () => {
    const t = contract("2022-09-01")
    const inScope = GansuRules.scopeOf(t, "secondary", at(GANSU_SCHOOL, "2024-09-01"))
    expect(inScope).toMatchObject({ category: "in-school", inScope: true })
    expect(ofRule(findings(t, GANSU_SCHOOL, "2024-09-01"), "DS-ELIGIBLE-INSCHOOL-GS")).toEqual([])

    const short = GansuRules.scopeOf(t, "secondary", at(GANSU_SCHOOL, "2024-08-31"))
    expect(short).toMatchObject({ inScope: false, from: "2024-09-01" })
    const [f, ...rest] = ofRule(findings(t, GANSU_SCHOOL, "2024-08-31"), "DS-ELIGIBLE-INSCHOOL-GS")
    expect(rest).toEqual([])
    expect(f).toMatchObject({ severity: "info", deadline: "2024-09-01", threshold: { comparator: ">=", value: 2, unit: "years" }, verified: true })
    expect(f?.message.zh).toContain("2024-09-01 起方可按校内专业课教师申报")
    // The finding cites the Gansu standard, and records the value it used came from the Gansu layer.
    expect(f?.citations.map((c) => `${c.document} ${c.article}`)).toContain("甘肃省职业教育“双师型”教师认定标准（试行） 第二条")
    expect(f?.parameters.find((u) => u.id === "ds.contractYearsMin")).toMatchObject({ source: "gansu", level: "province", verified: true, value: 2 })
  })

  it("DS-ELIGIBLE-INSCHOOL: the school types 第二条 names are verified; technical schools are in scope only by inference, unverified", () => {
    const p = at(GANSU_SCHOOL, "2024-08-31")
    expect(p.explain(GansuParameters.scopeSchoolTypes)).toMatchObject({ value: ["secondary", "higher-vocational", "vocational-undergraduate"], entry: { verified: true } })
    const inferred = p.explain(GansuParameters.scopeInferredSchoolTypes)
    expect(inferred).toMatchObject({ value: ["technical"], entry: { verified: false } })
    expect(inferred.entry?.note?.zh).toContain("推断")
    // The same contract teacher a day short of 2 years: in a 中职 the finding is verified; in a technical school it
    // rests on the inference, so it is marked unverified and lists the inferred parameter.
    const t = contract("2022-09-01")
    const inSchool = (schoolType: "secondary" | "technical") =>
      ofRule(Policy.checkAll(p, "Teacher", { teacher: t, schoolType }, { id: t.id }), "DS-ELIGIBLE-INSCHOOL-GS")
    const [secondary] = inSchool("secondary")
    expect(secondary).toMatchObject({ deadline: "2024-09-01", verified: true })
    expect(secondary?.parameters.map((u) => u.id)).not.toContain("gansu.scopeInferredSchoolTypes")
    const [technical] = inSchool("technical")
    expect(technical).toMatchObject({ deadline: "2024-09-01", verified: false })
    expect(technical?.parameters.find((u) => u.id === "gansu.scopeInferredSchoolTypes")).toMatchObject({ source: "gansu", verified: false, value: ["technical"] })
    expect(GansuRules.scopeOf(t, "technical", at(GANSU_SCHOOL, "2024-09-01"))).toMatchObject({ inScope: true })
    expect(GansuRules.scopeOf(t, "technical", at(GANSU_SCHOOL, "2024-09-01"))?.parameters.map((x) => x.id)).toContain("gansu.scopeInferredSchoolTypes")
  })

  it("the core 双师型 evaluation reads the same Gansu value: DS-ELIGIBLE-INSCHOOL met at 2 years, not before", () => {
    const t = contract("2022-09-01")
    const crit = (date: string) => DualQualified.evaluate(t, "secondary", at(GANSU_SCHOOL, date)).basic.find((c) => c.criterion === "DS-ELIGIBLE-INSCHOOL")
    expect(crit("2024-09-01")?.met).toBe(true)
    expect(crit("2024-08-31")?.met).toBe(false)
  })

  it("established teachers and tutors are in scope; a public-course teacher only once the school confirms 兼任/转任", () => {
    const p = at(GANSU_SCHOOL, "2024-09-01")
    expect(GansuRules.scopeOf(teacher({ staffing: "establishment" }), "secondary", p)?.inScope).toBe(true)
    expect(GansuRules.scopeOf(teacher({ courseType: "public", internshipTutor: true }), "secondary", p)?.inScope).toBe(true)
    const pub = teacher({ courseType: "public" })
    expect(GansuRules.scopeOf(pub, "secondary", p)?.inScope).toBe(false)
    expect(ofRule(findings(pub, GANSU_SCHOOL, "2024-09-01"), "DS-ELIGIBLE-INSCHOOL-GS")).toHaveLength(1)
    const confirmed = teacher({ courseType: "public", attestations: [{ criterion: "DS-ELIGIBLE-INSCHOOL", attestedBy: "教务处", attestedOn: D("2024-03-01") }] })
    expect(GansuRules.scopeOf(confirmed, "secondary", p)?.inScope).toBe(true)
  })

  it("property DS-ELIGIBLE-INSCHOOL: a contract teacher is in scope exactly from contract start + 2 years, and stays in scope", () => {
    const day = fc.integer({ min: IsoDate.toEpochDays(D("2023-01-15")), max: IsoDate.toEpochDays(D("2035-12-31")) }).map(IsoDate.fromEpochDays)
    const start = fc.integer({ min: IsoDate.toEpochDays(D("2015-01-01")), max: IsoDate.toEpochDays(D("2035-12-31")) }).map(IsoDate.fromEpochDays)
    fc.assert(
      fc.property(start, day, fc.integer({ min: 0, max: 800 }), (s, asOf, later) => {
        const t = contract(s)
        const scope = GansuRules.scopeOf(t, "secondary", at(GANSU_SCHOOL, asOf))!
        expect(scope.inScope).toBe(IsoDate.addYears(s, 2) <= asOf)
        if (!scope.inScope) expect(scope.from).toBe(IsoDate.addYears(s, 2))
        // Monotone: a later date never takes a contract teacher out of scope again.
        if (scope.inScope) expect(GansuRules.scopeOf(t, "secondary", at(GANSU_SCHOOL, IsoDate.addDays(asOf, later)))!.inScope).toBe(true)
        // The rule says something exactly when the teacher is out of scope (and is already hired).
        const fs = ofRule(findings(t, GANSU_SCHOOL, asOf), "DS-ELIGIBLE-INSCHOOL-GS")
        expect(fs.length).toBe(!scope.inScope && s <= asOf ? 1 : 0)
      }),
      { numRuns: 150 }
    )
  })
})

describe("DS-ELIGIBLE-ENTERPRISE (Gansu 第二条): part-time teachers up to retirement age", () => {
  it("a formally hired enterprise teacher under retirement age is in scope", () => {
    expect(GansuRules.scopeOf(partTime(), "secondary", at(GANSU_SCHOOL, "2024-09-01"))).toMatchObject({ category: "enterprise", inScope: true })
  })

  it("outside the appointment, or with no enterprise work, the Gansu rule says why (info)", () => {
    const [f] = ofRule(findings(partTime(), GANSU_SCHOOL, "2025-03-01"), "DS-ELIGIBLE-ENTERPRISE-GS")
    expect(f).toMatchObject({ severity: "info" })
    expect(f?.message.zh).toContain("聘期")
    const retiredNoRecord = partTime({ partTime: { ...partTime().partTime!, retired: true, productionYears: 0 } })
    expect(GansuRules.scopeOf(retiredNoRecord, "secondary", at(GANSU_SCHOOL, "2024-09-01"))).toMatchObject({ inScope: false, soft: false })
  })

  it("past the statutory retirement age (national 60 for men) is a soft exclusion: core's DS-ELIGIBLE-ENTERPRISE warns, the Gansu rule does not repeat it", () => {
    // Born 1966-05-10: 60 on 2026-05-10, past it from 2026-05-11.
    const t = partTime({}, { start: D("2026-01-01"), end: D("2026-12-31") })
    expect(GansuRules.scopeOf(t, "secondary", at(GANSU_SCHOOL, "2026-05-10"))?.inScope).toBe(true)
    const past = GansuRules.scopeOf(t, "secondary", at(GANSU_SCHOOL, "2026-05-11"))
    expect(past).toMatchObject({ inScope: false, soft: true })
    const fs = findings(t, GANSU_SCHOOL, "2026-05-11")
    expect(ofRule(fs, "DS-ELIGIBLE-ENTERPRISE-GS")).toEqual([])
    expect(ofRule(fs, "DS-ELIGIBLE-ENTERPRISE").map((f) => f.severity)).toEqual(["warning"])
  })

  it("property DS-ELIGIBLE-ENTERPRISE: within the appointment, in scope exactly up to the retirement birthday", () => {
    const birth = fc.integer({ min: IsoDate.toEpochDays(D("1955-01-01")), max: IsoDate.toEpochDays(D("1990-12-31")) }).map(IsoDate.fromEpochDays)
    const day = fc.integer({ min: IsoDate.toEpochDays(D("2023-01-15")), max: IsoDate.toEpochDays(D("2030-12-31")) }).map(IsoDate.fromEpochDays)
    fc.assert(
      fc.property(birth, day, fc.constantFrom("male" as const, "female" as const), (b, asOf, sex) => {
        const t = partTime({ birthDate: b, sex }, { start: IsoDate.addDays(asOf, -30), end: IsoDate.addDays(asOf, 30) })
        const s = GansuRules.scopeOf(t, "secondary", at(GANSU_SCHOOL, asOf))!
        const age = sex === "male" ? 60 : 55
        expect(s.inScope).toBe(IsoDate.addYears(b, age) >= asOf)
        expect(s.soft).toBe(!s.inScope)
      }),
      { numRuns: 150 }
    )
  })
})

describe("DS-CERTIFIER (Gansu): 省级认定 by 甘肃省教育厅", () => {
  const p = at(GANSU_SCHOOL, "2024-09-01")
  const application: DualQualified.Certification = {
    id: "c-1",
    teacherId: "t-1",
    level: "junior",
    schoolKind: "secondary",
    state: "school-reviewed",
    appliedOn: D("2024-05-01"),
    reviewedOn: D("2024-06-01"),
    reviewedBy: "学校认定小组"
  }
  const junior = teacher({
    certificates: [{ kind: "teacher-qualification", name: "教师资格证", level: "中等职业学校", issuedOn: D("2015-07-01") }],
    practice: [{ id: "p1", enterpriseCreditCode: "91370828MA3C4P2X1N" as never, enterpriseName: "兰州某企业", form: "post", start: D("2023-01-01"), end: D("2023-06-29"), content: ["new-technology"] }],
    attestations: [{ criterion: "DS-CAN-TEACH-THEORY-PRACTICE", attestedBy: "教务处", attestedOn: D("2024-06-01") }]
  })

  it("the policy names 甘肃省教育厅 in Gansu and no one elsewhere", () => {
    expect(GansuRules.certifierOf(p)).toEqual({ name: "甘肃省教育厅", level: "province" })
    expect(GansuRules.certifierOf(at(SHANDONG_SCHOOL, "2024-09-01"))).toBeUndefined()
  })

  it("certify records 甘肃省教育厅 as the certifier; outside Gansu it is refused", () => {
    const ok = GansuRules.certify(application, D("2024-09-01"), { teacher: junior, schoolType: "secondary", policy: p })
    expect(Either.isRight(ok) && ok.right).toMatchObject({ state: "certified", certifier: "甘肃省教育厅", certifiedOn: "2024-09-01" })
    const elsewhere = GansuRules.certify(application, D("2024-09-01"), { teacher: junior, schoolType: "secondary", policy: at(SHANDONG_SCHOOL, "2024-09-01") })
    expect(Either.isLeft(elsewhere) && elsewhere.left.reason).toBe("not-eligible")
    // A contract teacher short of 2 years is outside the 认定范围: refused with the reason.
    const early = GansuRules.certify(application, D("2024-09-01"), { teacher: { ...junior, staffing: "contract", contractStart: D("2023-03-01") }, schoolType: "secondary", policy: p })
    expect(Either.isLeft(early) && early.left.message.zh).toContain("2025-03-01")
  })

  it("a Gansu certification naming another certifier is a warning citing the Gansu procedure", () => {
    const certified = { ...application, state: "certified" as const, certifiedOn: D("2024-09-01"), certifier: "兰州市教育局" }
    const fs = GansuRules.checkCertification(p, certified)
    expect(fs.map((f) => [f.ruleId, f.severity])).toEqual([["DS-CERTIFIER-GS", "warning"]])
    expect(fs[0]?.citations.map((c) => c.document)).toContain("甘肃省职业教育“双师型”教师认定实施办法（试行）")
    expect(Policy.checkAll(p, "Certification", { ...certified, certifier: "甘肃省教育厅" }, { id: "c-1" })).toEqual([])
    // Certified before the standard: the provincial rule does not reach back.
    expect(Policy.checkAll(p, "Certification", { ...certified, certifiedOn: D("2022-12-01") }, { id: "c-1" })).toEqual([])
    expect(Policy.checkAll(at(SHANDONG_SCHOOL, "2024-09-01"), "Certification", certified, { id: "c-1" })).toEqual([])
  })
})

describe("the README example", () => {
  it("DS-ELIGIBLE-INSCHOOL: a decoded contract teacher comes into the Gansu scope on 2024-09-01", () => {
    const lanzhou = Schema.decodeSync(Jurisdiction.Jurisdiction)({ province: "62", city: "6201" })
    const on = (date: string) => Policy.at(bundle.policy, lanzhou, IsoDate.unsafeMake(date))
    const input = Validation.decode(TeacherSchema.Teacher)({
      id: "t-1", schoolId: "s-1", name: "王老师", employment: "full-time", staffing: "contract",
      contractStart: "2022-09-01", courseType: "professional", internshipTutor: false, hiredOn: "2022-09-01"
    })
    expect(Either.isRight(input)).toBe(true)
    if (Either.isRight(input)) {
      const t = input.right
      expect(GansuRules.scopeOf(t, "secondary", on("2024-08-31"))).toMatchObject({ inScope: false, from: "2024-09-01" })
      expect(GansuRules.scopeOf(t, "secondary", on("2024-09-01"))).toMatchObject({ inScope: true })
      const fs = Policy.checkAll(on("2024-08-31"), "Teacher", { teacher: t, schoolType: "secondary" }, { id: t.id }).filter((f) => f.ruleId === "DS-ELIGIBLE-INSCHOOL-GS")
      expect(fs.map((f) => [f.severity, f.deadline, f.citations[0]?.document, f.citations[0]?.article])).toEqual([["info", "2024-09-01", "甘肃省职业教育“双师型”教师认定标准（试行）", "第二条"]])
    }
  })
})
