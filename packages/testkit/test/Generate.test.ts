import { describe, expect, it } from "@effect/vitest"
import { Agreement, Assessment, Enterprise, Indicators, Internship, Grading, InternshipGates, IsoDate, Jurisdiction, National, Policy, School, Student, Teacher, Validation } from "@chanjiao/core"
import { Generate } from "@chanjiao/testkit"
import * as Either from "effect/Either"

const one = Generate.school(0, Generate.sizes.school, { seed: 7 })

describe("testkit generator", () => {
  it("every generated record decodes with its Schema (valid identities, dates and codes)", () => {
    const check = <A, I>(schema: Parameters<typeof Validation.decode<A, I>>[0], xs: ReadonlyArray<unknown>, label: string) => {
      const decode = Validation.decode(schema)
      for (const x of xs) {
        const r = decode(x)
        if (Either.isLeft(r)) expect.fail(`${label}: ${r.left.messageEn}`)
      }
    }
    check(School.School, [one.school], "school")
    check(School.Major, one.majors, "major")
    check(School.TrainingBase, one.trainingBases, "training base")
    check(Enterprise.Enterprise, one.enterprises, "enterprise")
    check(Teacher.Teacher, one.teachers, "teacher")
    check(Student.Student, one.students, "student")
    check(Agreement.CooperationAgreement, one.cooperation, "cooperation agreement")
    check(Internship.Internship, one.internships, "internship")
    check(Agreement.InternshipAgreement, one.internshipAgreements, "internship agreement")
    check(Assessment.Assessment, one.assessments, "assessment")
    check(Indicators.SchoolFacts, one.facts, "facts")
  })

  it("has the school size's numbers, unique ids and natural keys", () => {
    expect([one.students.length, one.teachers.length, one.enterprises.length, one.cooperation.length]).toEqual([3000, 250, 60, 150])
    expect(one.internships.length).toBe(750)
    const ids = [...one.students, ...one.teachers, ...one.enterprises, ...one.cooperation, ...one.internships].map((x) => x.id)
    expect(new Set(ids).size).toBe(ids.length)
    const idNumbers = [...one.students, ...one.teachers].map((p) => p.idNumber)
    expect(new Set(idNumbers).size).toBe(idNumbers.length)
    expect(new Set(one.enterprises.map((e) => e.creditCode)).size).toBe(one.enterprises.length)
  })

  it("agreements reach every life-cycle state through the core's machine", () => {
    const states = new Set(one.cooperation.map((c) => c.lifecycle?.state ?? "draft"))
    expect([...states].sort()).toEqual(["draft", "expired", "expiring", "in-force", "in-review", "renewed", "signed", "terminated"])
  })

  it("the planted breaches are exactly the violations the internship gates find", () => {
    const checker = InternshipGates.checker(National.policy, Jurisdiction.national)
    const students = new Map(one.students.map((s) => [s.id, s]))
    const agreements = new Map(one.internshipAgreements.map((a) => [a.internshipId, a]))
    const planted = new Map(one.breaches.map((b) => [b.internshipId, b.ruleId]))
    expect(planted.size).toBeGreaterThan(20)
    for (const i of one.internships) {
      const violations = checker.check({ internship: i, student: students.get(i.studentId)!, agreement: agreements.get(i.id) }).filter((f) => f.severity === "violation").map((f) => f.ruleId)
      const want = planted.get(i.id)
      expect([...new Set(violations)], i.id).toEqual(want === undefined ? [] : [want])
    }
  })

  it("assessments are by the assigned mentors and grade under the national rubric; the left-out ones are known", () => {
    const policy = Policy.at(National.policy, Jurisdiction.national, IsoDate.unsafeMake("2025-06-30"))
    const byInternship = new Map<string, Array<(typeof one.assessments)[number]>>()
    for (const a of one.assessments) byInternship.set(a.internshipId, [...(byInternship.get(a.internshipId) ?? []), a])
    let graded = 0
    for (const [id, as] of byInternship) {
      const result = Grading.grade(one.internships.find((i) => i.id === id)!, as, policy)
      if (one.missingAssessments.includes(id)) expect(result.score, id).toBeUndefined()
      else {
        expect(result.band, id).toBeDefined()
        graded++
      }
    }
    expect(graded).toBeGreaterThan(100)
    expect(one.missingAssessments.length).toBeGreaterThan(0)
  })

  it("is deterministic: the same seed gives the same records, another seed others", () => {
    expect(JSON.stringify(Generate.school(0, Generate.sizes.school, { seed: 7 }))).toBe(JSON.stringify(one))
    expect(Generate.school(0, Generate.sizes.school, { seed: 8 }).teachers[0]!.name === one.teachers[0]!.name && Generate.school(0, Generate.sizes.school, { seed: 8 }).students[5]!.idNumber === one.students[5]!.idNumber).toBe(false)
  })

  it("a county computes every indicator without a NaN", () => {
    const ds = Generate.dataset(Generate.sizes.county, { seed: 3 })
    expect(ds.schools.length).toBe(10)
    const period = Indicators.schoolYear(2024)
    const values = Indicators.compute(Indicators.catalogue, ds, period, Policy.at(National.policy, Jurisdiction.national, period.end))
    for (const v of values) if (v.value !== undefined) expect(Number.isFinite(v.value), `${v.indicator} ${v.schoolId}`).toBe(true)
    expect(values.find((v) => v.indicator === "IND-ENROL-1200" && v.schoolId === "s-000")?.value).toBeGreaterThan(1300)
  })
})
