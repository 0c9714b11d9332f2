import { describe, expect, it } from "@effect/vitest"
import * as fc from "effect/FastCheck"
import { Indicators, IsoDate, Jurisdiction, National, Policy } from "../src/index.js"
import type { Parameter, School, Student, Teacher } from "../src/index.js"
import { D, teacher } from "./fixtures.js"

const period = Indicators.schoolYear(2024)
const policy = Policy.at(National.policy, Jurisdiction.national, period.end)
const school = (id: string): School.School =>
  ({ id, code: "3137004512", name: `学校${id}`, type: "secondary", province: "37", legalPerson: true, hasCharter: true, attachedClassesOnly: false }) as School.School
const student = (id: string, schoolId = "s-1", extra: Partial<Student.Student> = {}): Student.Student => ({
  id,
  schoolId,
  name: id,
  majorCode: "710201" as Student.Student["majorCode"],
  enrolledOn: D("2023-09-01"),
  grade: 2,
  status: "enrolled",
  fullTimeDiploma: true,
  ...extra
})
const ft = (id: string, schoolId = "s-1", extra: Partial<Teacher.Teacher> = {}) => teacher({ id, schoolId, ...extra })
const data = (over: Partial<Indicators.Dataset> = {}): Indicators.Dataset => ({ schools: [school("s-1")], majors: [], teachers: [], students: [], facts: [], ...over })
const one = (values: ReadonlyArray<Indicators.Value>, id: string, variant?: string) => values.find((v) => v.indicator === id && v.variant === variant)!

describe("indicators from the standards (worked examples)", () => {
  it("IND-ENROL-1200: 1,199 students do not meet the standard, 1,200 do (≥)", () => {
    const students = Array.from({ length: 1200 }, (_, i) => student(`st${i}`))
    const at1199 = one(Indicators.compute(Indicators.catalogue, data({ students: students.slice(1) }), period, policy), "IND-ENROL-1200")
    expect([at1199.value, at1199.verdict]).toEqual([1199, "not-met"])
    expect(at1199.threshold).toMatchObject({ comparator: ">=", value: 1200, parameter: "school.minEnrolment" })
    expect(at1199.threshold?.citation.docNumber).toBe("教职成〔2010〕12号")
    expect(one(Indicators.compute(Indicators.catalogue, data({ students }), period, policy), "IND-ENROL-1200").verdict).toBe("met")
  })

  it("IND-STR-20: 20.0 students per teacher meets 1:20, 20.01 does not", () => {
    const teachers = Array.from({ length: 100 }, (_, i) => ft(`t${i}`))
    const students = Array.from({ length: 2001 }, (_, i) => student(`st${i}`))
    const at20 = one(Indicators.compute(Indicators.catalogue, data({ teachers, students: students.slice(1) }), period, policy), "IND-STR-20")
    expect([at20.value, at20.verdict]).toEqual([20, "met"])
    const at2001 = one(Indicators.compute(Indicators.catalogue, data({ teachers, students }), period, policy), "IND-STR-20")
    expect([at2001.value, at2001.verdict]).toEqual([20.01, "not-met"])
  })

  it("a zero denominator is not applicable, never NaN or Infinity", () => {
    const v = one(Indicators.compute(Indicators.catalogue, data({ students: [student("a")] }), period, policy), "IND-STR-20")
    expect(v.status).toBe("not-applicable")
    expect(v.value).toBeUndefined()
    expect(v.verdict).toBeUndefined()
  })

  it("IND-DS-30 is computed under both readings of its base, each flagged", () => {
    const held = [{ level: "junior" as const, schoolType: "secondary" as const, certifier: "省教育厅", certifiedOn: D("2023-01-01") }]
    const teachers = [ft("p1", "s-1", { dualQualifications: held }), ft("p2"), ft("p3"), ft("g1", "s-1", { courseType: "public" }), ft("g2", "s-1", { courseType: "public" })]
    const values = Indicators.compute(Indicators.catalogue, data({ teachers }), period, policy)
    const prof = one(values, "IND-DS-30", "professional-base")
    const all = one(values, "IND-DS-30", "full-time-base")
    expect([prof.numerator, prof.denominator, prof.verdict]).toEqual([1, 3, "met"])
    expect([all.numerator, all.denominator, all.verdict]).toEqual([1, 5, "not-met"])
    expect(prof.note?.zh).toContain("专业教师")
    expect(prof.provenance).toEqual({ numerator: ["p1"], denominator: ["p1", "p2", "p3"] })
  })

  it("IND-MAJOR-2MID is computed per enrolling major; PT-SHARE-STD reports a value without a verdict (a target)", () => {
    const mid = [{ level: "intermediate" as const, name: "讲师", series: "teacher" as const, obtainedOn: D("2020-01-01") }]
    const majors = [
      { id: "m1", schoolId: "s-1", code: "710201", name: "计算机应用", enrolling: true },
      { id: "m2", schoolId: "s-1", code: "730701", name: "电子商务", enrolling: true }
    ] as unknown as Indicators.Dataset["majors"]
    const teachers = [ft("a", "s-1", { titles: mid, majorCodes: ["710201" as never] }), ft("b", "s-1", { titles: mid, majorCodes: ["710201" as never, "730701" as never] })]
    const values = Indicators.compute(Indicators.catalogue, data({ majors, teachers }), period, policy).filter((v) => v.indicator === "IND-MAJOR-2MID")
    expect(values.map((v) => [v.majorCode, v.value, v.verdict])).toEqual([["710201", 2, "met"], ["730701", 1, "not-met"]])
    const share = one(Indicators.compute(Indicators.catalogue, data({ teachers }), period, policy), "PT-SHARE-STD")
    expect([share.value, share.verdict, share.threshold?.comparator]).toEqual([0, undefined, "≈"])
  })

  it("IND-LAND, IND-BUILD, IND-TRACK, IND-EQUIP, IND-BOOKS come from dated school facts with their source", () => {
    const facts = [{ schoolId: "s-1", asOf: D("2025-06-30"), landArea: 40_000, buildingArea: 23_999, trackLength: 200, equipmentValue: 3_000_000, books: 36_000, source: "2025年事业统计" }]
    const values = Indicators.compute(Indicators.catalogue, data({ facts, students: Array.from({ length: 1200 }, (_, i) => student(`s${i}`)) }), period, policy)
    expect(one(values, "IND-LAND", "total").verdict).toBe("met")
    expect(one(values, "IND-LAND", "per-student").verdict).toBe("met") // 33.3 m² ≥ 33
    expect(one(values, "IND-BUILD", "total").verdict).toBe("not-met")
    expect(one(values, "IND-TRACK").verdict).toBe("met")
    expect(one(values, "IND-EQUIP", "per-student").verdict).toBe("met") // 2,500 ≥ 2,500
    expect(one(values, "IND-BOOKS").value).toBe(30)
    expect(one(values, "IND-BOOKS").provenance.numerator).toEqual(["s-1@2025-06-30"])
    expect(one(values, "IND-BOOKS").table).toBe("资源表")
  })

  it("TCH-DS-TARGET needs more than half (>), at exactly half it is not met", () => {
    const held = [{ level: "junior" as const, schoolType: "secondary" as const, certifier: "省", certifiedOn: D("2023-01-01") }]
    const v = one(Indicators.compute(Indicators.catalogue, data({ teachers: [ft("a", "s-1", { dualQualifications: held }), ft("b")] }), period, policy), "TCH-DS-TARGET")
    expect([v.value, v.verdict, v.threshold?.verified]).toEqual([0.5, "not-met", false])
  })

  it("QR-TABLES: every indicator names the 质量年报 table it belongs to; year over year gives the change", () => {
    for (const d of Indicators.catalogue) expect(["计分卡", "资源表", "服务贡献表", "落实政策表", "国际影响表"]).toContain(d.table)
    const before = Indicators.compute(Indicators.catalogue, data({ students: [student("a")] }), Indicators.schoolYear(2023), policy)
    const after = Indicators.compute(Indicators.catalogue, data({ students: [student("a"), student("b")] }), period, policy)
    const yoy = Indicators.yearOverYear(before, after).find((x) => x.current.indicator === "IND-ENROL-1200")!
    expect([yoy.change, yoy.direction]).toEqual([1, "up"])
  })
})

// -------------------------------------------------------------------------------------------------------------
// Properties against an independent oracle
// -------------------------------------------------------------------------------------------------------------

const SCHOOLS = ["s-1", "s-2", "s-3"]
const personArb = fc.record({
  school: fc.constantFrom(...SCHOOLS),
  enrolledDay: fc.integer({ min: -400, max: 400 }),
  status: fc.constantFrom<Student.Student["status"]>("enrolled", "enrolled", "graduated", "withdrawn"),
  fullTime: fc.boolean()
})
const teacherArb = fc.record({
  school: fc.constantFrom(...SCHOOLS),
  hiredDay: fc.integer({ min: -3000, max: 200 }),
  leftDay: fc.option(fc.integer({ min: -200, max: 400 }), { nil: undefined }),
  professional: fc.boolean(),
  title: fc.constantFrom<Teacher.TitleLevel>("none", "junior", "intermediate", "associate-senior", "senior"),
  titleDay: fc.integer({ min: -2000, max: 300 }),
  held: fc.boolean()
})
const END = IsoDate.toEpochDays(period.end)
const datasetArb = fc.tuple(fc.array(personArb, { maxLength: 40 }), fc.array(teacherArb, { maxLength: 25 })).map(([ps, ts]) => ({
  students: ps.map((p, i) => student(`st${i}`, p.school, { enrolledOn: IsoDate.fromEpochDays(END + p.enrolledDay), status: p.status, fullTimeDiploma: p.fullTime })),
  teachers: ts.map((t, i) =>
    ft(`t${i}`, t.school, {
      hiredOn: IsoDate.fromEpochDays(END + t.hiredDay),
      ...(t.leftDay === undefined ? {} : { leftOn: IsoDate.fromEpochDays(END + t.leftDay) }),
      courseType: t.professional ? "professional" : "public",
      titles: t.title === "none" ? [] : [{ level: t.title, name: "职称", series: "teacher", obtainedOn: IsoDate.fromEpochDays(END + t.titleDay) }],
      dualQualifications: t.held ? [{ level: "junior", schoolType: "secondary", certifier: "省", certifiedOn: IsoDate.fromEpochDays(END - 100) }] : []
    })
  )
}))
const full = (ds: { students: ReadonlyArray<Student.Student>; teachers: ReadonlyArray<Teacher.Teacher> }): Indicators.Dataset => ({ ...data(), schools: SCHOOLS.map(school), ...ds })

// The oracle: plain filters written from the standard's words, independent of the index.
const oracle = (ds: { students: ReadonlyArray<Student.Student>; teachers: ReadonlyArray<Teacher.Teacher> }, schoolId: string) => {
  const on = period.end
  const students = ds.students.filter((s) => s.schoolId === schoolId && s.status === "enrolled" && s.fullTimeDiploma && s.enrolledOn <= on).map((s) => s.id)
  const inPost = ds.teachers.filter((t) => t.schoolId === schoolId && t.employment === "full-time" && t.hiredOn <= on && !(t.leftOn !== undefined && t.leftOn <= on))
  const senior = inPost.filter((t) => t.titles.some((x) => x.obtainedOn <= on && (x.level === "associate-senior" || x.level === "senior"))).map((t) => t.id)
  const prof = inPost.filter((t) => t.courseType === "professional")
  const ds30 = prof.filter((t) => t.dualQualifications.some((q) => q.certifiedOn <= on)).map((t) => t.id)
  return { students, fullTime: inPost.map((t) => t.id), senior, prof: prof.map((t) => t.id), ds30 }
}

describe("indicator properties", () => {
  it.prop("each indicator equals the oracle, with exactly the records counted as provenance", [datasetArb], ([ds]) => {
    const values = Indicators.compute(Indicators.catalogue, full(ds), period, policy)
    for (const s of SCHOOLS) {
      const o = oracle(ds, s)
      const get = (id: string, variant?: string) => values.find((v) => v.schoolId === s && v.indicator === id && v.variant === variant)!
      expect(get("IND-ENROL-1200").provenance.numerator).toEqual(o.students)
      expect(get("IND-FT-60").value).toBe(o.fullTime.length)
      const str = get("IND-STR-20")
      if (o.fullTime.length === 0) expect(str.status).toBe("not-applicable")
      else expect(str.value).toBeCloseTo(o.students.length / o.fullTime.length, 12)
      expect(get("IND-SENIOR-20").provenance).toEqual(o.fullTime.length === 0 ? { numerator: o.senior, denominator: [] } : { numerator: o.senior, denominator: o.fullTime })
      expect(get("IND-DS-30", "professional-base").provenance.numerator).toEqual(o.ds30)
    }
  })

  it.prop("results do not depend on record order", [datasetArb], ([ds]) => {
    const a = Indicators.compute(Indicators.catalogue, full(ds), period, policy)
    const b = Indicators.compute(Indicators.catalogue, full({ students: [...ds.students].reverse(), teachers: [...ds.teachers].reverse() }), period, policy)
    const norm = (vs: ReadonlyArray<Indicators.Value>) => vs.map((v) => ({ ...v, provenance: { numerator: [...v.provenance.numerator].sort(), denominator: [...v.provenance.denominator].sort() } }))
    expect(norm(b)).toEqual(norm(a))
  })

  it.prop("splitting the dataset by school and merging the counts gives the same counts", [datasetArb], ([ds]) => {
    const whole = Indicators.compute(Indicators.catalogue, full(ds), period, policy)
    for (const s of SCHOOLS) {
      const alone = Indicators.compute(Indicators.catalogue, { ...full({ students: ds.students.filter((x) => x.schoolId === s), teachers: ds.teachers.filter((x) => x.schoolId === s) }), schools: [school(s)] }, period, policy)
      // Figures across schools ("*") are not additive by school.
      for (const v of alone.filter((x) => x.schoolId !== "*")) {
        const w = whole.find((x) => x.schoolId === s && x.indicator === v.indicator && x.variant === v.variant)!
        expect([w.numerator, w.denominator, w.status]).toEqual([v.numerator, v.denominator, v.status])
      }
    }
  })
})

describe("达标工程, technical schools and enterprises", () => {
  const facts = (schoolId: string, extra: Partial<Indicators.SchoolFacts> = {}): Indicators.SchoolFacts => ({
    schoolId,
    asOf: D("2025-06-30"),
    landArea: 40_000,
    buildingArea: 24_000,
    trackLength: 200,
    equipmentValue: 3_000_000,
    books: 36_000,
    source: "2025年事业统计",
    ...extra
  })
  const staff = (schoolId: string) => Array.from({ length: 60 }, (_, i) => ft(`${schoolId}-t${i}`, schoolId))
  const pupils = (schoolId: string) => Array.from({ length: 1200 }, (_, i) => student(`${schoolId}-s${i}`, schoolId))

  it("IND-DB-9FIELDS and IND-DB-CLASS: all nine met, basically met (one field close), not met; IND-DB-TARGET across schools", () => {
    const ds: Indicators.Dataset = {
      ...data(),
      schools: [school("a"), school("b"), school("c"), { ...school("d"), foundedOn: D("2023-09-01") }],
      teachers: [...staff("a"), ...staff("b"), ...staff("c"), ...staff("d")],
      students: [...pupils("a"), ...pupils("b"), ...pupils("c"), ...pupils("d")],
      facts: [facts("a"), facts("b", { books: 34_000 }), facts("c", { landArea: 10_000, buildingArea: 10_000 }), facts("d")]
    }
    const values = Indicators.compute(Indicators.catalogue, ds, period, policy)
    const cls = (s: string) => values.find((v) => v.indicator === "IND-DB-CLASS" && v.schoolId === s)!
    expect([cls("a").verdict, cls("a").value]).toEqual(["met", 9])
    expect(cls("b").verdict).toBe("basically-met") // 28.3 books per student ≥ 90% of 30
    expect(cls("c").verdict).toBe("not-met")
    // IND-DB-SCOPE: a school founded in 2022 or later is outside the programme.
    expect(cls("d").status).toBe("not-applicable")
    const target = values.find((v) => v.indicator === "IND-DB-TARGET")!
    expect([target.numerator, target.denominator]).toEqual([1, 3])
    expect(target.provenance).toEqual({ numerator: ["a"], denominator: ["a", "b", "c"] })
  })

  it("IND-TECH-SCHOOL: a technical school is measured by its own standard, not the 中职 one", () => {
    const ds: Indicators.Dataset = { ...data(), schools: [{ ...school("t"), type: "technical" }], facts: [facts("t", { landArea: 30_000, buildingArea: 18_000 })], students: pupils("t").slice(0, 900) }
    const values = Indicators.compute(Indicators.catalogue, ds, period, policy)
    expect(values.filter((v) => v.indicator === "IND-LAND")).toEqual([])
    expect(values.find((v) => v.indicator === "IND-TECH-SCHOOL" && v.variant === "land")?.verdict).toBe("met")
    expect(values.find((v) => v.indicator === "IND-TECH-SCHOOL" && v.variant === "diploma-students")?.verdict).toBe("met")
    expect(values.find((v) => v.indicator === "IND-DB-CLASS" && v.schoolId === "t")?.status).toBe("not-applicable")
  })

  it("PEI-INTERN-60 (unverified) and PEI-ONE-OF from internships, apprenticeships and co-built bases", () => {
    const enterprise = { id: "e-1", creditCode: "91370828MA3C4P2X1N", name: "某企业", contacts: [] } as unknown as NonNullable<Indicators.Dataset["enterprises"]>[number]
    const base = { id: "b-1", schoolId: "s-1", name: "共建基地", location: "off-campus", kind: "productive", majorCodes: [], coBuiltWith: ["e-1"], legalRegistration: "legal-person" } as unknown as NonNullable<Indicators.Dataset["trainingBases"]>[number]
    const values = Indicators.compute(Indicators.catalogue, data({ enterprises: [enterprise], trainingBases: [base] }), period, policy)
    const interns = values.find((v) => v.indicator === "PEI-INTERN-60")!
    expect([interns.value, interns.verdict, interns.threshold?.verified]).toEqual([0, "not-met", false])
    const oneOf = values.find((v) => v.indicator === "PEI-ONE-OF")!
    expect([oneOf.verdict, oneOf.provenance.numerator]).toEqual(["met", ["shared-base"]])
  })
})

describe("the plan's own indicators (PLAN-*)", () => {
  it("PLAN-MAJOR-PARTNER, -TEACHER-PLAN, -STUDENT-PROJECT, -SIX-MECHANISMS, -COBUILT-BASES, -ENTERPRISE-TEACHERS, -ORDER-CLASS, -TEXTBOOKS, -SOCIAL-TRAINING, -SERVICE, -DUAL-ASSESS, -PRACTICE-COMPLIANT, -INTERN-COMPLIANT, -INTERN-MATCH", async () => {
    const { agreement: tri, internship, student: intern } = await import("./internship-fixtures.js")
    const { practice } = await import("./fixtures.js")
    const code = "91370828MA3C4P2X1N" as never
    const coop = {
      id: "c-1", schoolId: "s-1", enterpriseId: "e-1", enterpriseCreditCode: code, title: "合作协议", majorCodes: ["710201"], leadingPartnerFor: ["710201"],
      forms: ["joint-training"], mechanisms: ["talent", "bases", "staff"], objectives: ["x"], rightsAndObligations: true, takesInterns: true,
      term: { start: D("2023-09-01"), end: D("2026-08-31") }, signatures: [], attachments: [], amendments: [],
      deliverables: [{ id: "d1", kind: "textbook", description: "合编教材", dueOn: D("2025-03-01"), state: "delivered", deliveredOn: D("2025-02-20") }],
      lifecycle: { machine: "cooperation-agreement", version: 1, state: "in-force" }
    } as unknown as NonNullable<Indicators.Dataset["cooperation"]>[number]
    const majors = [
      { id: "m1", schoolId: "s-1", code: "710201", name: "计算机应用", enrolling: true },
      { id: "m2", schoolId: "s-1", code: "730701", name: "电子商务", enrolling: true }
    ] as unknown as Indicators.Dataset["majors"]
    const plan = { id: "p", period: { start: D("2024-01-01"), end: D("2026-12-31") }, goals: [], plannedPractice: [], updatedOn: D("2024-01-01") }
    const teachers = [
      ft("t1", "s-1", { developmentPlan: plan, practice: [practice("p1", "2023-01-01", "2023-06-29")], services: [{ kind: "social-training", title: "电商培训", date: D("2024-12-01"), beneficiaries: 120 }, { kind: "technical-service", title: "帮扶", date: D("2025-01-10") }] }),
      ft("t2", "s-1"),
      teacher({ id: "pt1", schoolId: "s-1", employment: "part-time", hiredOn: D("2024-03-01"), partTime: { employerName: "某企业", employerCreditCode: code, channel: "industry-mentor", mode: "individual", appointment: { start: D("2024-03-01"), end: D("2026-02-28") }, productionYears: 10, retired: false, performanceFile: true } })
    ]
    const students = [
      { ...intern, id: "st-1", schoolId: "s-1", specialProject: { title: "电商直播", kind: "skill" as const, assignedOn: D("2024-10-01") }, cooperativeClass: { kind: "order-class" as const, agreementId: "c-1", className: "订单班", joinedOn: D("2024-09-01") } },
      student("st-2")
    ]
    const base = { id: "b-1", schoolId: "s-1", name: "电商基地", location: "on-campus", kind: "productive", majorCodes: ["710201"], coBuiltWith: ["e-1"], agreementId: "c-1", legalRegistration: "none" } as unknown as NonNullable<Indicators.Dataset["trainingBases"]>[number]
    const i1 = { ...internship, id: "i-1", schoolId: "s-1", studentId: "st-1" }
    const i2 = { ...internship, id: "i-2", schoolId: "s-1", studentId: "st-1", forProfit: true, post: { ...internship.post, majorMatch: "unrelated" as const } }
    const assessments = [
      { id: "a1", internshipId: "i-1", assessor: "school" as const, assessorId: "t-1", stage: "result" as const, submittedOn: D("2025-03-05"), scores: [], revision: 1 },
      { id: "a2", internshipId: "i-1", assessor: "enterprise" as const, assessorId: "m-1", stage: "result" as const, submittedOn: D("2025-03-05"), scores: [], revision: 1 }
    ]
    const ds: Indicators.Dataset = {
      ...data(), majors, teachers, students, cooperation: [coop], trainingBases: [base], internships: [i1, i2], assessments,
      internshipAgreements: [tri]
    }
    const values = Indicators.compute(Indicators.catalogue, ds, period, policy)
    const v = (id: string, variant?: string) => values.find((x) => x.indicator === id && x.variant === variant && x.schoolId === "s-1" && x.majorCode === undefined)!
    expect([v("PLAN-MAJOR-PARTNER").numerator, v("PLAN-MAJOR-PARTNER").denominator]).toEqual([1, 2])
    expect([v("PLAN-TEACHER-PLAN").numerator, v("PLAN-TEACHER-PLAN").denominator]).toEqual([1, 2])
    expect([v("PLAN-STUDENT-PROJECT").numerator, v("PLAN-STUDENT-PROJECT").denominator]).toEqual([1, 2])
    expect([v("PLAN-SIX-MECHANISMS").value, v("PLAN-SIX-MECHANISMS").verdict]).toEqual([3, "not-met"])
    expect(v("PLAN-COBUILT-BASES", "total").value).toBe(1)
    expect(values.filter((x) => x.indicator === "PLAN-COBUILT-BASES" && x.majorCode !== undefined).map((x) => [x.majorCode, x.value])).toEqual([["710201", 1], ["730701", 0]])
    expect(v("PLAN-ENTERPRISE-TEACHERS").provenance.numerator).toEqual(["pt1"])
    expect([v("PLAN-ORDER-CLASS").value, v("PLAN-ORDER-CLASS").verdict]).toEqual([0.5, undefined])
    expect(v("PLAN-TEXTBOOKS").provenance.numerator).toEqual(["c-1/d1"])
    expect(v("PLAN-SOCIAL-TRAINING").value).toBe(120)
    expect(v("PLAN-SERVICE").value).toBe(1)
    expect([v("PLAN-DUAL-ASSESS").numerator, v("PLAN-DUAL-ASSESS").denominator]).toEqual([1, 2])
    expect(v("PLAN-PRACTICE-COMPLIANT").provenance).toEqual({ numerator: ["t1"], denominator: ["t1", "t2"] })
    expect(v("PLAN-INTERN-COMPLIANT").provenance.numerator).toEqual(["i-1"])
    expect(v("PLAN-INTERN-MATCH").provenance).toEqual({ numerator: ["i-1"], denominator: ["i-1", "i-2"] })
  })
})

// -------------------------------------------------------------------------------------------------------------
// Every catalogue indicator against an oracle written from the definitions' words, over random datasets
// -------------------------------------------------------------------------------------------------------------

const CODES = ["710201", "730701"]
const richArb = fc
  .record({
    students: fc.array(fc.record({ school: fc.constantFrom(...SCHOOLS), project: fc.boolean(), klass: fc.boolean(), enrolled: fc.boolean() }), { maxLength: 30 }),
    teachers: fc.array(
      fc.record({
        school: fc.constantFrom(...SCHOOLS),
        partTime: fc.boolean(),
        fromPartner: fc.boolean(),
        professional: fc.boolean(),
        title: fc.constantFrom<Teacher.TitleLevel>("none", "intermediate", "associate-senior"),
        major: fc.constantFrom(...CODES),
        held: fc.boolean(),
        plan: fc.boolean(),
        practiceDays: fc.integer({ min: 0, max: 300 }),
        training: fc.integer({ min: 0, max: 50 }),
        service: fc.boolean()
      }),
      { maxLength: 20 }
    ),
    agreements: fc.array(fc.record({ school: fc.constantFrom(...SCHOOLS), active: fc.boolean(), partnerFor: fc.subarray(CODES), mechanisms: fc.subarray(["talent", "bases", "staff", "information", "service", "culture"]), textbook: fc.boolean(), base: fc.boolean() }), { maxLength: 6 }),
    internships: fc.array(fc.record({ school: fc.constantFrom(...SCHOOLS), observation: fc.boolean(), ended: fc.boolean(), match: fc.boolean(), violation: fc.boolean(), assessedBy: fc.constantFrom(0, 1, 2, 3) }), { maxLength: 15 }),
    facts: fc.array(fc.record({ school: fc.constantFrom(...SCHOOLS), land: fc.integer({ min: 0, max: 80_000 }), build: fc.integer({ min: 0, max: 40_000 }), equip: fc.integer({ min: 0, max: 6_000_000 }), books: fc.integer({ min: 0, max: 80_000 }), track: fc.integer({ min: 0, max: 400 }) }), { maxLength: 3 })
  })
  .map((r) => {
    const code = "91370828MA3C4P2X1N" as never
    const cooperation = r.agreements.map((a, i) => ({
      id: `c${i}`, schoolId: a.school, enterpriseId: "e", enterpriseCreditCode: code, title: "x", majorCodes: [], leadingPartnerFor: a.partnerFor,
      forms: ["joint-training"], mechanisms: a.mechanisms, objectives: ["x"], rightsAndObligations: true, takesInterns: false,
      term: { start: D("2023-01-01"), end: D("2026-12-31") }, signatures: [], attachments: [], amendments: [],
      deliverables: a.textbook ? [{ id: "d", kind: "textbook", description: "教材", dueOn: D("2025-01-01"), state: "delivered", deliveredOn: D("2025-01-01") }] : [],
      lifecycle: { machine: "cooperation-agreement", version: 1, state: a.active ? "in-force" : "expired" }
    })) as unknown as NonNullable<Indicators.Dataset["cooperation"]>
    const trainingBases = r.agreements.flatMap((a, i) => (a.base ? [{ id: `b${i}`, schoolId: a.school, name: "基地", location: "on-campus", kind: "productive", majorCodes: ["710201"], coBuiltWith: ["e"], agreementId: `c${i}`, legalRegistration: "none" }] : [])) as unknown as NonNullable<Indicators.Dataset["trainingBases"]>
    const students = r.students.map((p, i) =>
      student(`st${i}`, p.school, {
        status: p.enrolled ? "enrolled" : "graduated",
        ...(p.project ? { specialProject: { title: "p", kind: "skill", assignedOn: D("2024-10-01") } } : {}),
        ...(p.klass ? { cooperativeClass: { kind: "order-class", agreementId: "c0", className: "k", joinedOn: D("2024-09-01") } } : {})
      })
    )
    const teachers = r.teachers.map((t, i) =>
      t.partTime
        ? teacher({ id: `pt${i}`, schoolId: t.school, employment: "part-time", partTime: { employerName: "x", ...(t.fromPartner ? { employerCreditCode: code } : {}), channel: "industry-mentor", mode: "individual", appointment: { start: D("2024-01-01"), end: D("2026-12-31") }, productionYears: 5, retired: false, performanceFile: true } })
        : ft(`t${i}`, t.school, {
            courseType: t.professional ? "professional" : "public",
            majorCodes: [t.major as never],
            titles: t.title === "none" ? [] : [{ level: t.title, name: "x", series: "teacher", obtainedOn: D("2020-01-01") }],
            dualQualifications: t.held ? [{ level: "junior", schoolType: "secondary", certifier: "省", certifiedOn: D("2023-01-01") }] : [],
            ...(t.plan ? { developmentPlan: { id: "p", period: { start: D("2024-01-01"), end: D("2026-12-31") }, goals: [], plannedPractice: [], updatedOn: D("2024-01-01") } } : {}),
            practice: t.practiceDays === 0 ? [] : [{ id: `p${i}`, enterpriseCreditCode: code, enterpriseName: "e", form: "post", start: D("2022-01-01"), end: IsoDate.addDays(D("2022-01-01"), t.practiceDays - 1), content: [] }],
            services: [
              ...(t.training > 0 ? [{ kind: "social-training" as const, title: `tr${i}`, date: D("2024-12-01"), beneficiaries: t.training }] : []),
              ...(t.service ? [{ kind: "technical-service" as const, title: `sv${i}`, date: D("2025-01-01") }] : [])
            ]
          })
    )
    const internships = r.internships.map((x, i) => ({
      id: `i${i}`, schoolId: x.school, studentId: "st0", kind: x.observation ? "observation" : "post",
      post: { majorMatch: x.match ? "matching" : "unrelated" }, start: D("2024-10-01"), end: D(x.ended ? "2025-03-31" : "2025-10-31"), unit: {}
    })) as unknown as NonNullable<Indicators.Dataset["internships"]>
    const internshipFindings = new Map(r.internships.map((x, i) => [`i${i}`, x.violation ? [{ severity: "violation" }] : []] as const)) as unknown as ReadonlyMap<string, ReadonlyArray<never>>
    const assessments = r.internships.flatMap((x, i) =>
      (["school", "enterprise"] as const).filter((_, k) => (x.assessedBy & (k + 1)) !== 0).map((assessor) => ({ id: `a${i}${assessor}`, internshipId: `i${i}`, assessor, assessorId: "x", stage: "result", submittedOn: D("2025-04-01"), scores: [], revision: 1 }))
    ) as unknown as NonNullable<Indicators.Dataset["assessments"]>
    const facts = r.facts.map((f, i) => ({ schoolId: f.school, asOf: IsoDate.addDays(D("2025-01-01"), i), landArea: f.land, buildingArea: f.build, trackLength: f.track, equipmentValue: f.equip, books: f.books, source: "s" }))
    const majors = SCHOOLS.flatMap((s) => CODES.map((c) => ({ id: `${s}-${c}`, schoolId: s, code: c, name: c, enrolling: true }))) as unknown as Indicators.Dataset["majors"]
    return { schools: SCHOOLS.map(school), majors, students, teachers, facts, cooperation, trainingBases, internships, assessments, internshipFindings } satisfies Indicators.Dataset
  })

describe("every catalogue indicator equals its oracle", () => {
  it.prop("numerator, denominator and provenance per school and major", [richArb], ([ds]) => {
    const values = Indicators.compute(Indicators.catalogue, ds, period, policy)
    const on = period.end
    for (const s of SCHOOLS) {
      const st = ds.students.filter((x) => x.schoolId === s && x.status === "enrolled")
      const fts = ds.teachers.filter((t) => t.schoolId === s && t.employment === "full-time")
      const prof = fts.filter((t) => t.courseType === "professional")
      const pts = ds.teachers.filter((t) => t.schoolId === s && t.employment === "part-time")
      const active = ds.cooperation.filter((a) => a.schoolId === s && a.lifecycle?.state === "in-force")
      const posts = ds.internships.filter((i) => i.schoolId === s && i.kind !== "observation")
      const ended = posts.filter((i) => i.end <= on)
      const bits = (id: string) => ds.assessments.filter((a) => a.internshipId === id).length
      const latestFacts = ds.facts.filter((f) => f.schoolId === s).sort((a, b) => (a.asOf < b.asOf ? 1 : -1))[0]
      const ids = (xs: ReadonlyArray<{ id: string }>) => xs.map((x) => x.id)
      const expected: Record<string, { n: ReadonlyArray<string> | number; d?: ReadonlyArray<string> }> = {
        "IND-ENROL-1200": { n: ids(st) },
        "IND-FT-60": { n: ids(fts) },
        "IND-STR-20": { n: ids(st), d: ids(fts) },
        "IND-SENIOR-20": { n: ids(fts.filter((t) => t.titles.some((x) => x.level === "associate-senior"))), d: ids(fts) },
        "IND-PROF-50": { n: ids(prof), d: ids(fts) },
        "IND-DS-30/professional-base": { n: ids(prof.filter((t) => t.dualQualifications.length > 0)), d: ids(prof) },
        "IND-DS-30/full-time-base": { n: ids(fts.filter((t) => t.dualQualifications.length > 0)), d: ids(fts) },
        "PT-SHARE-STD": { n: ids(pts), d: ids(fts) },
        "TCH-DS-TARGET": { n: ids(prof.filter((t) => t.dualQualifications.length > 0)), d: ids(prof) },
        "PLAN-TEACHER-PLAN": { n: ids(fts.filter((t) => t.developmentPlan !== undefined)), d: ids(fts) },
        "PLAN-STUDENT-PROJECT": { n: ids(st.filter((x) => x.specialProject !== undefined)), d: ids(st) },
        "PLAN-ORDER-CLASS": { n: ids(st.filter((x) => x.cooperativeClass !== undefined)), d: ids(st) },
        "PLAN-ENTERPRISE-TEACHERS": { n: active.length > 0 ? ids(pts.filter((t) => t.partTime?.employerCreditCode !== undefined)) : [], d: ids(prof) },
        "PLAN-PRACTICE-COMPLIANT": { n: ids(prof.filter((t) => (t.practice[0] ? IsoDate.diffDays(t.practice[0].start, t.practice[0].end) + 1 : 0) >= 180)), d: ids(prof) },
        "PLAN-INTERN-MATCH": { n: ids(posts.filter((i) => i.post.majorMatch !== "unrelated")), d: ids(posts) },
        "PLAN-INTERN-COMPLIANT": { n: ids(posts.filter((i) => (ds.internshipFindings.get(i.id) ?? []).length === 0)), d: ids(posts) },
        "PLAN-DUAL-ASSESS": { n: ids(ended.filter((i) => bits(i.id) === 2)), d: ids(ended) },
        "PLAN-MAJOR-PARTNER": { n: CODES.filter((c) => active.some((a) => a.leadingPartnerFor.includes(c as never))).map((c) => `${s}-${c}`), d: CODES.map((c) => `${s}-${c}`) },
        "PLAN-SIX-MECHANISMS": { n: new Set(active.flatMap((a) => a.mechanisms)).size },
        "PLAN-COBUILT-BASES/total": { n: ds.trainingBases.filter((b) => b.schoolId === s && active.some((a) => a.id === b.agreementId)).map((b) => b.id) },
        "PLAN-TEXTBOOKS": { n: ds.cooperation.filter((a) => a.schoolId === s && a.deliverables.length > 0).map((a) => `${a.id}/d`) },
        "PLAN-SOCIAL-TRAINING": { n: fts.reduce((sum, t) => sum + t.services.filter((x) => x.kind === "social-training").reduce((a, x) => a + (x.beneficiaries ?? 0), 0), 0) },
        "PLAN-SERVICE": { n: fts.reduce((sum, t) => sum + t.services.filter((x) => x.kind === "technical-service").length, 0) },
        "IND-BOOKS": latestFacts === undefined ? { n: -1 } : { n: latestFacts.books, d: ids(st) }
      }
      for (const [key, e] of Object.entries(expected)) {
        const [id, variant] = key.split("/")
        const v = values.find((x) => x.schoolId === s && x.indicator === id && x.variant === variant && x.majorCode === undefined)!
        if (typeof e.n === "number") {
          if (e.n === -1) expect(v.status, key).toBe("not-applicable")
          else expect(v.numerator ?? v.value, key).toBe(e.n)
        } else expect([...v.provenance.numerator].sort(), key).toEqual([...e.n].sort())
        if (e.d !== undefined && e.d.length > 0) expect([...v.provenance.denominator].sort(), key).toEqual([...e.d].sort())
        if (e.d !== undefined && e.d.length === 0) expect(v.status, key).toBe("not-applicable")
      }
      for (const c of CODES) {
        const mid = values.find((x) => x.schoolId === s && x.indicator === "IND-MAJOR-2MID" && x.majorCode === c)!
        expect([...mid.provenance.numerator].sort()).toEqual(ids(fts.filter((t) => t.titles.length > 0 && t.majorCodes.includes(c as never))).sort())
      }
    }
  }, { fastCheck: { numRuns: 60 } })
})

describe("joins of internships with their assessments and findings", () => {
  const shuffle = <A>(xs: ReadonlyArray<A>, seed: number): Array<A> => {
    const a = [...xs]
    let x = (seed & 0x7fffffff) || 1
    for (let i = a.length - 1; i > 0; i--) {
      x = (x * 1103515245 + 12345) & 0x7fffffff
      const j = x % (i + 1)
      ;[a[i], a[j]] = [a[j]!, a[i]!]
    }
    return a
  }
  const norm = (vs: ReadonlyArray<Indicators.Value>) =>
    vs.map((v) => ({ id: `${v.schoolId}/${v.indicator}/${v.variant}/${v.majorCode}`, n: v.numerator, d: v.denominator, s: v.status, pn: [...v.provenance.numerator].sort(), pd: [...v.provenance.denominator].sort() }))

  // PLAN-DUAL-ASSESS and PLAN-INTERN-COMPLIANT read assessments and findings in the internships' order when they
  // come that way, and by id otherwise: every order gives the same figures and provenance.
  it.prop("PLAN-DUAL-ASSESS, PLAN-INTERN-COMPLIANT: the same whatever the order of internships, assessments and findings", [richArb, fc.integer(), fc.boolean()], ([ds, seed, extra]) => {
    const expected = norm(Indicators.compute(Indicators.catalogue, ds, period, policy))
    // Findings for an internship the dataset does not have, first in the map, must not derail the others.
    const findings = [...ds.internshipFindings]
    const shuffled: Indicators.Dataset = {
      ...ds,
      internships: shuffle(ds.internships, seed),
      assessments: shuffle(ds.assessments, seed + 1),
      internshipFindings: new Map([...(extra ? [["i-unknown", []] as const] : []), ...shuffle(findings, seed + 2)])
    }
    expect(norm(Indicators.compute(Indicators.catalogue, shuffled, period, policy))).toEqual(expected)
    // In order, with one internship's assessments split in two runs.
    const split: Indicators.Dataset = { ...ds, assessments: [...ds.assessments.filter((a) => a.assessor === "school"), ...ds.assessments.filter((a) => a.assessor !== "school")], internshipFindings: new Map([...(extra ? [["i-unknown", []] as const] : []), ...findings]) }
    expect(norm(Indicators.compute(Indicators.catalogue, split, period, policy))).toEqual(expected)
  }, { fastCheck: { numRuns: 40 } })
})

// -------------------------------------------------------------------------------------------------------------
// School facts, 达标工程 (IND-DB-*), technical schools and 产教融合型企业 (PEI-*) against oracles written from the
// standards' words, over random schools whose figures fall around (and exactly on) each threshold
// -------------------------------------------------------------------------------------------------------------

const T = (p: Parameter.Parameter<number>): number => policy.value(p)!
// A factor around a threshold: well below, 90% (the "basically met" edge), just below, exactly on, above.
// Mostly met, so that schools missing one or two fields (the 基本达标 cases) are common.
const factorArb = fc.oneof({ arbitrary: fc.constantFrom(1, 1.2), weight: 8 }, { arbitrary: fc.constantFrom(0.9, 0.95, 0.999, 0.89), weight: 2 }, { arbitrary: fc.constant(0.5), weight: 1 })
const facilitySchoolArb = fc.record({
  type: fc.constantFrom<School.School["type"]>("secondary", "secondary", "secondary", "technical"),
  attachedOnly: fc.constantFrom(false, false, false, true),
  foundedIn: fc.option(fc.constantFrom(2010, 2018, 2021, 2022, 2024), { nil: undefined }),
  students: fc.constantFrom(0, 900, 1199, 1200, 1200, 1332, 1334, 1500),
  fullTime: fc.constantFrom(0, 54, 59, 60, 60, 60, 75, 80),
  hasFacts: fc.constantFrom(true, true, true, true, true, false),
  land: factorArb,
  landPer: factorArb,
  build: factorArb,
  buildPer: factorArb,
  equip: factorArb,
  equipPer: factorArb,
  books: factorArb,
  track: fc.option(factorArb, { nil: undefined }),
  enrollingMajors: fc.integer({ min: 0, max: 8 })
})
const facilityArb = fc.array(facilitySchoolArb, { minLength: 1, maxLength: 4 }).map((rs) => {
  const schools = rs.map((r, i) => ({ ...school(`f${i}`), type: r.type, attachedClassesOnly: r.attachedOnly, ...(r.foundedIn === undefined ? {} : { foundedOn: D(`${r.foundedIn}-09-01`) }) }) as School.School)
  const students = rs.flatMap((r, i) => Array.from({ length: r.students }, (_, k) => student(`f${i}-s${k}`, `f${i}`)))
  const teachers = rs.flatMap((r, i) => Array.from({ length: r.fullTime }, (_, k) => ft(`f${i}-t${k}`, `f${i}`)))
  const majors = rs.flatMap((r, i) => Array.from({ length: r.enrollingMajors }, (_, k) => ({ id: `f${i}-m${k}`, schoolId: `f${i}`, code: "710201", name: "m", enrolling: true }))) as unknown as Indicators.Dataset["majors"]
  const facts = rs.flatMap((r, i): Array<Indicators.SchoolFacts> => {
    if (!r.hasFacts) return []
    const tech = r.type === "technical"
    const n = Math.max(r.students, 1)
    // Each fact is the larger of what its total and its per-student standard ask, scaled by its factor, so each
    // field lands on its own side of its threshold.
    const land = (tech ? T(National.techMinLandArea) : T(National.schoolMinLandArea)) * r.land
    const building = tech ? T(National.techMinBuildingArea) * r.build : T(National.schoolMinBuildingArea) * r.build
    return [{
      schoolId: `f${i}`,
      asOf: D("2025-06-30"),
      landArea: r.landPer === 1 && !tech ? T(National.schoolMinLandPerStudent) * n : land,
      buildingArea: r.buildPer === 1 ? (tech ? T(National.techMinBuildingPerStudent) : T(National.schoolMinBuildingPerStudent)) * n : building,
      ...(r.track === undefined ? {} : { trackLength: T(National.schoolMinTrackLength) * r.track }),
      equipmentValue: r.equipPer === 1 ? T(National.schoolMinEquipmentPerStudent) * n : (tech ? T(National.techMinEquipmentValue) : T(National.schoolMinEquipmentValue)) * r.equip,
      books: Math.round(T(National.schoolMinBooksPerStudent) * n * r.books),
      source: "随机"
    }]
  })
  return { schools, majors, students, teachers, facts, rows: rs } satisfies Indicators.Dataset & { rows: unknown }
})

describe("facilities, 达标工程 and technical schools equal their oracles", () => {
  it.prop("IND-LAND, IND-BUILD, IND-TRACK, IND-EQUIP, IND-BOOKS, IND-TECH-SCHOOL, IND-DB-CLASS, IND-DB-TARGET", [facilityArb], ([ds]) => {
    const values = Indicators.compute(Indicators.catalogue, ds, period, policy)
    const minShare = T(National.dabiaoBasicMinShare)
    const maxMissed = T(National.dabiaoBasicMaxMissed)
    const inScope: Array<string> = []
    const allMet: Array<string> = []
    for (const s of ds.schools) {
      const get = (id: string, variant?: string) => values.find((v) => v.schoolId === s.id && v.indicator === id && v.variant === variant)
      const f = ds.facts.find((x) => x.schoolId === s.id)
      const n = ds.students.filter((x) => x.schoolId === s.id).length
      const fullTime = ds.teachers.filter((x) => x.schoolId === s.id).length
      const tech = s.type === "technical"
      // Oracle: [value or undefined when it cannot be measured, threshold, comparator] as the standard words it.
      type Field = readonly [number | undefined, number, ">=" | "<="]
      const per = (x: number | undefined): number | undefined => (x === undefined || n === 0 ? undefined : x / n)
      const expected: Record<string, Field | "absent"> = {
        "IND-LAND/total": tech ? "absent" : [f?.landArea, T(National.schoolMinLandArea), ">="],
        "IND-LAND/per-student": tech ? "absent" : [per(f?.landArea), T(National.schoolMinLandPerStudent), ">="],
        "IND-BUILD/total": tech ? "absent" : [f?.buildingArea, T(National.schoolMinBuildingArea), ">="],
        "IND-BUILD/per-student": tech ? "absent" : [per(f?.buildingArea), T(National.schoolMinBuildingPerStudent), ">="],
        "IND-TRACK": [f?.trackLength, T(National.schoolMinTrackLength), ">="],
        "IND-EQUIP/total": tech ? "absent" : [f?.equipmentValue, T(National.schoolMinEquipmentValue), ">="],
        "IND-EQUIP/per-student": [per(f?.equipmentValue), T(National.schoolMinEquipmentPerStudent), ">="],
        "IND-BOOKS": [per(f?.books), T(National.schoolMinBooksPerStudent), ">="],
        "IND-FT-60": [fullTime, T(National.schoolMinFullTimeTeachers), ">="],
        "IND-STR-20": [fullTime === 0 ? undefined : n / fullTime, T(National.schoolMaxStudentsPerTeacher), "<="],
        "IND-TECH-SCHOOL/land": tech ? [f?.landArea, T(National.techMinLandArea), ">="] : "absent",
        "IND-TECH-SCHOOL/building": tech ? [f?.buildingArea, T(National.techMinBuildingArea), ">="] : "absent",
        "IND-TECH-SCHOOL/building-per-student": tech ? [per(f?.buildingArea), T(National.techMinBuildingPerStudent), ">="] : "absent",
        "IND-TECH-SCHOOL/majors": tech ? [ds.majors.filter((m) => m.schoolId === s.id).length, T(National.techMinMajors), ">="] : "absent",
        "IND-TECH-SCHOOL/diploma-students": tech ? [n, T(National.techMinDiplomaStudents), ">="] : "absent",
        "IND-TECH-SCHOOL/equipment": tech ? [f?.equipmentValue, T(National.techMinEquipmentValue), ">="] : "absent"
      }
      const verdictOf = (e: Field) => (e[0] === undefined ? undefined : (e[2] === ">=" ? e[0] >= e[1] : e[0] <= e[1]) ? "met" : "not-met")
      for (const [key, e] of Object.entries(expected)) {
        const [id, variant] = key.split("/")
        const v = get(id!, variant)
        if (e === "absent") {
          expect(v, key).toBeUndefined()
          continue
        }
        expect(v, key).toBeDefined()
        if (e[0] === undefined) expect(v!.status, key).toBe("not-applicable")
        else {
          expect(v!.value, key).toBe(e[0])
          expect([v!.verdict, v!.threshold?.value, v!.threshold?.comparator], key).toEqual([verdictOf(e), e[1], e[2]])
        }
      }
      // IND-DB-SCOPE: technical schools, schools running only attached classes and schools founded in or after
      // the programme's year are outside it.
      const cls = get("IND-DB-CLASS")!
      const founded = s.foundedOn === undefined ? undefined : Number(s.foundedOn.slice(0, 4))
      if (tech || s.attachedClassesOnly || (founded !== undefined && founded >= T(National.dabiaoNewSchoolYear))) {
        expect(cls.status).toBe("not-applicable")
        expect(cls.verdict).toBeUndefined()
        continue
      }
      inScope.push(s.id)
      // IND-DB-9FIELDS: the nine monitored fields; IND-DB-CLASS: all met → 达标; at most `maxMissed` missed, each
      // within `minShare` of its standard → 基本达标; otherwise 不达标; any field unmeasurable → no verdict.
      const nine = ["IND-LAND/total", "IND-LAND/per-student", "IND-BUILD/total", "IND-BUILD/per-student", "IND-FT-60", "IND-STR-20", "IND-EQUIP/total", "IND-EQUIP/per-student", "IND-BOOKS"].map((k) => expected[k] as Field)
      const measurable = nine.every((e) => e[0] !== undefined)
      const missed = nine.filter((e) => e[0] !== undefined && verdictOf(e) === "not-met")
      const close = missed.every((e) => (e[2] === "<=" ? e[0]! <= e[1] / minShare : e[0]! >= e[1] * minShare))
      const want = !measurable ? undefined : missed.length === 0 ? "met" : missed.length <= maxMissed && close ? "basically-met" : "not-met"
      expect([cls.status, cls.verdict], s.id).toEqual([want === undefined ? "not-applicable" : "ok", want])
      if (want !== undefined) expect(cls.value).toBe(9 - missed.length)
      if (want === "met") allMet.push(s.id)
    }
    const target = values.find((v) => v.indicator === "IND-DB-TARGET")!
    if (inScope.length === 0) expect(target.status).toBe("not-applicable")
    else {
      expect(target.provenance).toEqual({ numerator: allMet, denominator: inScope })
      expect(target.value).toBe(allMet.length / inScope.length)
      expect(target.verdict).toBe(allMet.length / inScope.length >= T(National.dabiaoTargetShare) ? "met" : "not-met")
    }
  }, { fastCheck: { numRuns: 80 } })

  it("the random schools reach every IND-DB-CLASS verdict (the property above is not vacuous)", () => {
    const seen = new Set<string>()
    for (const ds of fc.sample(facilityArb, { numRuns: 150, seed: 7 }))
      for (const v of Indicators.compute(Indicators.catalogue, ds, period, policy)) if (v.indicator === "IND-DB-CLASS") seen.add(v.verdict ?? v.status)
    expect([...seen].sort()).toEqual(["basically-met", "met", "not-applicable", "not-met"])
  })
})

const enterpriseArb = fc.array(
  fc.record({
    // Internships hosted: around the PEI-INTERN-60 threshold, of random lengths around 3 months.
    interns: fc.constantFrom(0, 10, 59, 60, 61),
    shortOnes: fc.integer({ min: 0, max: 5 }),
    repeatStudent: fc.boolean(),
    outsidePeriod: fc.integer({ min: 0, max: 3 }),
    orderClass: fc.boolean(),
    apprenticeship: fc.constantFrom<"none" | "current" | "past">("none", "current", "past"),
    sharedBase: fc.boolean()
  }),
  { minLength: 1, maxLength: 3 }
)

describe("产教融合型企业 conditions equal their oracle", () => {
  it.prop("PEI-INTERN-60 counts distinct interns on internships of 3 months or more in the period; PEI-ONE-OF lists the conditions the records show", [enterpriseArb], ([es]) => {
    const months = T(National.peiMinInternshipMonths)
    const codes = ["91370828MA3C4P2X1N", "91110000100000589B", "91440300708461136T"]
    const enterprises = es.map((_, k) => ({ id: `e${k}`, creditCode: codes[k]!, name: `企业${k}`, contacts: [] })) as unknown as NonNullable<Indicators.Dataset["enterprises"]>
    const internships: Array<Record<string, unknown>> = []
    es.forEach((e, k) => {
      const unit = { creditCode: codes[k] }
      // Long enough: exactly `months` months (the boundary) or longer.
      for (let j = 0; j < e.interns; j++) {
        const start = IsoDate.addDays(period.start, j)
        const end = j % 2 === 0 ? IsoDate.addDays(IsoDate.addMonths(start, months), -1) : IsoDate.addMonths(start, months + 2)
        internships.push({ id: `e${k}-i${j}`, schoolId: "s-1", studentId: e.repeatStudent && j === 1 ? `e${k}-st0` : `e${k}-st${j}`, kind: "post", post: { majorMatch: "matching" }, start, end, unit })
      }
      // One day short of `months` months: not counted.
      for (let j = 0; j < e.shortOnes; j++) {
        const start = IsoDate.addDays(period.start, 30 + j)
        internships.push({ id: `e${k}-short${j}`, schoolId: "s-1", studentId: `e${k}-short${j}`, kind: "post", post: { majorMatch: "matching" }, start, end: IsoDate.addDays(IsoDate.addMonths(start, months), -2), unit })
      }
      // Wholly before the period: not counted.
      for (let j = 0; j < e.outsidePeriod; j++) {
        internships.push({ id: `e${k}-old${j}`, schoolId: "s-1", studentId: `e${k}-old${j}`, kind: "post", post: { majorMatch: "matching" }, start: D("2022-09-01"), end: D("2023-06-30"), unit })
      }
    })
    const cooperation = es.map((_, k) => ({
      id: `c${k}`, schoolId: "s-1", enterpriseId: `e${k}`, enterpriseCreditCode: codes[k], title: "x", majorCodes: [], leadingPartnerFor: [], forms: ["order-class"], mechanisms: [],
      objectives: ["x"], rightsAndObligations: true, takesInterns: true, term: { start: D("2023-01-01"), end: D("2026-12-31") }, signatures: [], attachments: [], amendments: [], deliverables: [],
      lifecycle: { machine: "cooperation-agreement", version: 1, state: "in-force" }
    })) as unknown as NonNullable<Indicators.Dataset["cooperation"]>
    const students = es.flatMap((e, k) => (e.orderClass ? [student(`e${k}-klass`, "s-1", { cooperativeClass: { kind: "order-class", agreementId: `c${k}`, className: "订单班", joinedOn: D("2024-09-01") } })] : []))
    const apprenticeships = es.flatMap((e, k) =>
      e.apprenticeship === "none" ? [] : [{ id: `a${k}`, schoolId: "s-1", enterpriseId: `e${k}`, term: e.apprenticeship === "current" ? { start: D("2024-09-01"), end: D("2027-06-30") } : { start: D("2020-09-01"), end: D("2023-06-30") } }]
    ) as unknown as NonNullable<Indicators.Dataset["apprenticeships"]>
    const trainingBases = es.flatMap((e, k) => (e.sharedBase ? [{ id: `b${k}`, schoolId: "s-1", name: "基地", location: "off-campus", kind: "productive", majorCodes: [], coBuiltWith: [`e${k}`], legalRegistration: "none" }] : [])) as unknown as NonNullable<Indicators.Dataset["trainingBases"]>
    const ds = data({ enterprises, internships: internships as unknown as NonNullable<Indicators.Dataset["internships"]>, cooperation, students, apprenticeships, trainingBases, internshipFindings: new Map() })
    const values = Indicators.compute(Indicators.catalogue, ds, period, policy)
    es.forEach((e, k) => {
      const hosted = new Set(Array.from({ length: e.interns }, (_, j) => (e.repeatStudent && j === 1 ? `e${k}-st0` : `e${k}-st${j}`)))
      const interns = values.find((v) => v.indicator === "PEI-INTERN-60" && v.enterpriseId === `e${k}`)!
      expect([...interns.provenance.numerator].sort()).toEqual([...hosted].sort())
      const met60 = hosted.size >= T(National.peiMinInternsPerYear)
      expect([interns.value, interns.verdict, interns.threshold?.verified]).toEqual([hosted.size, met60 ? "met" : "not-met", false])
      const conditions = [...(met60 && e.orderClass ? ["order-class-and-interns"] : []), ...(e.apprenticeship === "current" ? ["apprenticeship"] : []), ...(e.sharedBase ? ["shared-base"] : [])]
      const oneOf = values.find((v) => v.indicator === "PEI-ONE-OF" && v.enterpriseId === `e${k}`)!
      expect([oneOf.provenance.numerator, oneOf.value, oneOf.verdict]).toEqual([conditions, conditions.length, conditions.length > 0 ? "met" : "not-met"])
    })
  }, { fastCheck: { numRuns: 40 } })
})
