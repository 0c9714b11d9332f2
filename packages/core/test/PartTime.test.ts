import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import { Jurisdiction, National, PartTime, Policy, Rule, Sources, Teacher, TeacherPlan, TeacherQualification, Validation } from "../src/index.js"
import { canTeach, D, practice, teacher, teacherCert } from "./fixtures.js"

const at = (date: string, policy = National.policy, where: Jurisdiction.Jurisdiction = Jurisdiction.national) => Policy.at(policy, where, D(date))

const partTimer = (extra: Partial<Teacher.Teacher> = {}) =>
  teacher({
    id: "pt-1",
    name: "王工",
    employment: "part-time",
    birthDate: D("1980-05-01"),
    hiredOn: D("2024-03-01"),
    titles: [{ level: "intermediate", name: "工程师", series: "engineering", obtainedOn: D("2012-01-01") }],
    enterpriseExperience: [{ enterpriseName: "某机械厂", post: "技术员", start: D("2003-07-01") }],
    partTime: {
      employerName: "某机械厂",
      channel: "industry-mentor",
      mode: "individual",
      appointment: { start: D("2024-03-01"), end: D("2026-02-28") },
      productionYears: 20,
      retired: false,
      performanceFile: true
    },
    ...extra
  })

const check = (rule: Rule.Any, t: Teacher.Teacher, date = "2024-09-01", policy = National.policy) =>
  Rule.check(rule, { teacher: t, schoolType: "secondary" } as never, { type: "Teacher", id: t.id }, at(date, policy))

describe("part-time teachers at hiring (《职业学校兼职教师管理办法》; PT-STRUCT: 9 chapters / 34 articles)", () => {
  it("PT-EXP-YEARS and PT-QUAL: experience and title or skill, unverified national defaults give warnings", () => {
    expect(PartTime.hiring(partTimer(), at("2024-09-01")).filter((c) => c.outcome === "unmet")).toEqual([])
    const green = partTimer({ enterpriseExperience: [{ enterpriseName: "某厂", post: "学徒", start: D("2022-07-01") }], partTime: { ...partTimer().partTime!, productionYears: 1 } })
    const [f] = check(PartTime.experienceRule, green)
    expect(f?.severity).toBe("warning")
    expect(f?.verified).toBe(false)
    expect(f?.message.zh).toContain("不足 3 年")
    const untitled = partTimer({ titles: [] })
    expect(check(PartTime.qualificationRule, untitled).map((x) => x.message.zh)).toEqual(["需中级及以上职称或高级工及以上职业技能等级"])
    expect(check(PartTime.qualificationRule, partTimer({ titles: [], skillLevel: "level-3" }))).toEqual([])
  })

  it("PT-QUAL: a skill-level certificate counts while valid, not after it expires (same reading as DS-ENT-*)", () => {
    const cert = (expiresOn?: string) => ({
      kind: "skill-level" as const,
      name: "数控车工",
      level: "level-3" as const,
      issuedOn: D("2015-06-01"),
      ...(expiresOn === undefined ? {} : { expiresOn: D(expiresOn) })
    })
    const qual = (t: Teacher.Teacher) => PartTime.hiring(t, at("2024-09-01")).find((c) => c.ruleId === "PT-QUAL")?.outcome
    expect(qual(partTimer({ titles: [], certificates: [cert()] }))).toBe("met")
    expect(qual(partTimer({ titles: [], certificates: [cert("2025-06-01")] }))).toBe("met")
    expect(qual(partTimer({ titles: [], certificates: [cert("2024-01-01")] }))).toBe("unmet") // hiring is judged on the appointment start, 2024-03-01
    expect(Teacher.bestSkillOn({ certificates: [cert("2024-06-01")] }, D("2024-05-01"))?.level).toBe("level-3")
    expect(Teacher.bestSkillOn({ certificates: [cert("2024-06-01")] }, D("2024-09-01"))).toBeUndefined()
  })

  it("PT-TERM is local: skipped nationally, enforced where a pack sets it (Yantai: one semester to 2 years)", () => {
    const long = partTimer({ partTime: { ...partTimer().partTime!, appointment: { start: D("2024-03-01"), end: D("2027-02-28") } } })
    expect(PartTime.hiring(long, at("2024-09-01")).find((c) => c.ruleId === "PT-TERM")?.outcome).toBe("skipped")
    expect(check(PartTime.termRule, long)).toEqual([])
    const yantai = Policy.withOverlays(National.policy, [
      Policy.overlay({
        id: "yantai",
        title: { zh: "烟台市", en: "Yantai" },
        scope: { level: "city", code: "3706" } as Jurisdiction.Scope,
        source: "test",
        values: [
          Policy.set(National.ptTermMaxYears, [{ effectiveFrom: D("2015-01-01"), value: 2, citation: { document: "烟台市职业院校兼职教师管理办法", confidence: "L" }, verified: true }]),
          Policy.set(National.ptTermMinMonths, [{ effectiveFrom: D("2015-01-01"), value: 4, citation: { document: "烟台市职业院校兼职教师管理办法", confidence: "L" }, verified: true }])
        ]
      })
    ])
    if (Either.isLeft(yantai)) throw yantai.left
    const inYantai = at("2024-09-01", yantai.right, { province: "37", city: "3706" } as Jurisdiction.Jurisdiction)
    expect(PartTime.hiring(long, inYantai).find((c) => c.ruleId === "PT-TERM")?.message.zh).toBe("聘期超过 2 年")
    expect(PartTime.hiring(partTimer(), inYantai).find((c) => c.ruleId === "PT-TERM")?.outcome).toBe("met")
  })

  it("PT-FILE: no performance file is a violation; PT-CHANNELS: only the listed channels decode", () => {
    const [f] = check(PartTime.fileRule, partTimer({ partTime: { ...partTimer().partTime!, performanceFile: false } }))
    expect(f?.severity).toBe("violation")
    expect(f?.citations[0]?.document).toBe(Sources.partTime2023("").document)
    const row = Validation.encode(Teacher.PartTimeEngagement)(partTimer().partTime!)
    expect(Either.isLeft(Validation.decode(Teacher.PartTimeEngagement)({ ...row, channel: "headhunter" }))).toBe(true)
    expect(PartTime.channelLabel["industry-mentor"].zh).toBe("产业导师")
  })

  it("PT-SHARE-30 / DS-PARTTIME-SHARE-CAP: the school's part-time share against the cap (unverified: a warning)", () => {
    const fullTime = Array.from({ length: 10 }, (_, i) => teacher({ id: `f${i}` }))
    const part = Array.from({ length: 5 }, (_, i) => partTimer({ id: `p${i}` }))
    const s = PartTime.share([...fullTime, ...part], at("2024-09-01"))
    expect(s).toMatchObject({ fullTime: 10, partTime: 5, cap: 0.3, withinCap: false })
    expect(s.share).toBeCloseTo(1 / 3, 9)
    const [f] = Rule.check(PartTime.shareRule, { schoolId: "s-1", teachers: [...fullTime, ...part] }, { type: "TeacherCohort", id: "s-1" }, at("2024-09-01"))
    expect(f?.severity).toBe("warning")
    expect(f?.remedy?.zh).toContain("不超过 4 人")
    expect(PartTime.share([], at("2024-09-01")).share).toBeUndefined()
    // Out of their appointment, part-time teachers do not count.
    expect(PartTime.share([...fullTime, ...part], at("2026-03-01")).partTime).toBe(0)
  })

  it("PT-QUOTA-STAFF has no national number: nothing is in force until a pack sets it", () => {
    expect(at("2024-09-01").explain(National.ptStaffQuotaShare).status).toBe("not-yet")
  })
})

describe("一师一方案 (PLAN-TEACHER-PLAN)", () => {
  const plan = (extra: Partial<NonNullable<Teacher.Teacher["developmentPlan"]>> = {}): Teacher.Teacher["developmentPlan"] => ({
    id: "plan-1",
    period: { start: D("2024-01-01"), end: D("2026-12-31") },
    goals: [{ text: "取得中级双师型认定", dueOn: D("2024-06-30") }],
    targetLevel: "intermediate",
    plannedPractice: [],
    updatedOn: D("2024-01-05"),
    ...extra
  })

  it("a missing plan, an expired plan and an overdue goal", () => {
    expect(check(TeacherPlan.planRule, teacher({ practice: [practice("p", "2023-01-01", "2023-07-01")] })).map((f) => f.message.zh)).toEqual(["李老师没有个人发展方案（一师一方案）"])
    const expired = check(TeacherPlan.planRule, teacher({ practice: [practice("p", "2023-01-01", "2023-07-01")], developmentPlan: plan({ period: { start: D("2021-01-01"), end: D("2023-12-31") } }) }))
    expect(expired.map((f) => f.severity)).toEqual(["warning", "info"])
  })

  it("planned practice that cannot close the TCH-EP-5Y6M gap in time is pointed out", () => {
    const due = { hiredOn: D("2022-09-01"), practice: [practice("p", "2023-07-01", "2023-08-29")] } // 60 of 180 days, deadline 2027-08-31
    const short = check(TeacherPlan.planRule, teacher({ ...due, developmentPlan: plan({ goals: [], plannedPractice: [{ start: D("2025-07-01"), end: D("2025-08-29") }] }) }))
    expect(short.map((f) => f.remedy?.zh)).toEqual(["在方案中再安排 60 天企业实践，2027-08-31 前完成"])
    const enough = check(TeacherPlan.planRule, teacher({ ...due, developmentPlan: plan({ goals: [], plannedPractice: [{ start: D("2025-07-01"), end: D("2025-08-29") }, { start: D("2026-07-01"), end: D("2026-08-29") }] }) }))
    expect(enough).toEqual([])
  })
})

describe("the cohort call", () => {
  it("evaluates every teacher of a school in one pass with summary counts", () => {
    const junior = teacher({ id: "a", certificates: [teacherCert], practice: [practice("p1", "2023-01-01", "2023-06-29")], attestations: [canTeach] })
    const lapsed = teacher({ id: "b", practice: [practice("p2", "2017-01-01", "2017-12-31")] })
    const publicCourse = teacher({ id: "c", courseType: "public" })
    const gone = teacher({ id: "d", leftOn: D("2024-01-01") })
    const other = teacher({ id: "e", schoolId: "s-2" })
    const r = TeacherQualification.evaluateSchool({ schoolId: "s-1", schoolType: "secondary", teachers: [junior, lapsed, publicCourse, gone, other, partTimer()] }, at("2024-09-01"))
    expect(r.results.map((x) => x.teacherId)).toEqual(["a", "b", "c", "pt-1"])
    expect(r.summary).toMatchObject({
      teachers: 4,
      fullTime: 3,
      partTime: 1,
      levelMet: { none: 3, junior: 1, intermediate: 0, senior: 0 },
      practice: { compliant: 1, due: 0, "non-compliant": 1, "not-applicable": 2 }
    })
    expect(r.results.find((x) => x.teacherId === "b")?.findings.some((f) => f.ruleId === "TCH-EP-5Y6M" && f.severity === "violation")).toBe(true)
    expect(r.summary.findings.violation).toBeGreaterThan(0)
    expect(r.summary.partTimeShare.share).toBeCloseTo(0.25, 9)
  })
})
