import { describe, expect, it } from "@effect/vitest"
import { Agreement, Internship, InternshipGates, Jurisdiction, National, Student, Teacher, Validation } from "@chanjiao/core"
import { Fixtures } from "@chanjiao/testkit"
import * as Either from "effect/Either"
import type * as Schema from "effect/Schema"

const decodes = (schema: Schema.Schema<unknown, unknown, never>, value: unknown) => expect(Either.isRight(Validation.decode(schema)(value))).toBe(true)

describe("testkit fixtures", () => {
  it("every fixture decodes with its Schema", () => {
    decodes(Student.Student as Schema.Schema<unknown, unknown, never>, Fixtures.student())
    decodes(Internship.Internship as Schema.Schema<unknown, unknown, never>, Fixtures.internship())
    decodes(Agreement.InternshipAgreement as Schema.Schema<unknown, unknown, never>, Fixtures.agreement())
    decodes(Teacher.Teacher as Schema.Schema<unknown, unknown, never>, Fixtures.teacher("t-1"))
  })

  it("the internship passes every national gate (INT-*): a test's own change is what a finding shows", () => {
    expect(InternshipGates.check(Fixtures.subject(), National.policy, Jurisdiction.national)).toEqual([])
    // A change is seen: pay below 80% of the same-post wage (INT-PAY-80).
    const underpaid = InternshipGates.check(Fixtures.subject({ pay: { monthlyAmount: 2000, samePostWage: 3500, lowestTierWage: 2400, independentCapable: true, cycleDays: 30, form: "money", payer: "unit", directToStudent: true } }), National.policy, Jurisdiction.national)
    expect(underpaid.map((f) => f.ruleId)).toContain("INT-PAY-80")
  })

  it("a patch replaces fields in place and leaves the others as they were", () => {
    const i = Fixtures.internship({ id: "i-9", schoolId: "s-9" })
    expect([i.id, i.schoolId, i.studentId]).toEqual(["i-9", "s-9", "st-1"])
    expect(Object.keys(i)).toEqual(Object.keys(Fixtures.internship()))
    expect(Fixtures.teacher("t-2", { employment: "part-time" }).employment).toBe("part-time")
  })
})
