import { describe, expect, it } from "@effect/vitest"
import { National, Plugin, Policy } from "@chanjiao/core"
import type { Jurisdiction, Teacher } from "@chanjiao/core"
import { LocalRules } from "@chanjiao/plugin-local-rules"
import * as fc from "effect/FastCheck"
import { D, jurisdiction, partTimer, teacher } from "./fixtures.js"

const YANTAI = jurisdiction({ province: "37", city: "3706", school: "4137000001" })
const JINAN = jurisdiction({ province: "37", city: "3701", school: "4137000002" })

const bundle = Plugin.unsafeCompose(National.policy, LocalRules.yantai())
const resolved = (j: Jurisdiction.Jurisdiction, date = "2024-09-01") => Policy.at(bundle.policy, j, D(date))
const teacherFindings = (t: Teacher.Teacher, j: Jurisdiction.Jurisdiction, id: string) =>
  Policy.checkAll(resolved(j), "Teacher", { teacher: t, schoolType: "secondary" }, { id: t.id }).filter((f) => f.ruleId === id)
const cohort = (full: number, part: number) => [
  ...Array.from({ length: full }, (_, i) => teacher(`f${i}`)),
  ...Array.from({ length: part }, (_, i) => partTimer(`p${i}`, "2024-03-01", "2025-02-28"))
]
const shareFindings = (teachers: ReadonlyArray<Teacher.Teacher>, j: Jurisdiction.Jurisdiction) =>
  Policy.checkAll(resolved(j), "TeacherCohort", { schoolId: "s-1", teachers }, { id: "s-1" }).filter((f) => f.ruleId === "PT-SHARE-30")

describe("yantai(): PT-TERM (core's rule, Yantai's bounds: one semester ≤ term ≤ 2 years)", () => {
  it("the Yantai bounds apply in Yantai (city 3706) and come from the pack; elsewhere in Shandong there are none", () => {
    expect(resolved(YANTAI).explain(National.ptTermMaxYears)).toMatchObject({ value: 2, layer: { source: "yantai", scope: { level: "city", code: "3706" } } })
    expect(resolved(YANTAI).value(National.ptTermMinMonths)).toBe(4)
    // "Not less than one semester" is the text; 4 months is an inferred conversion: unverified, with its note.
    expect(resolved(YANTAI).explain(National.ptTermMinMonths).entry).toMatchObject({ verified: false, note: { zh: "一学期按4个月计（换算为推断）" } })
    expect(resolved(YANTAI).explain(National.ptTermMaxYears).entry?.verified).toBe(true)
    expect(resolved(JINAN).value(National.ptTermMaxYears)).toBeUndefined()
  })

  it("PT-TERM at its exact boundaries: 4 months and 2 years are allowed, a day less or more is not", () => {
    expect(teacherFindings(partTimer("a", "2024-03-01", "2024-06-30"), YANTAI, "PT-TERM")).toEqual([])
    // Core's PT-TERM finding rests on both bounds, one of them the inferred 4 months: unverified, so a warning.
    expect(teacherFindings(partTimer("a", "2024-03-01", "2024-06-29"), YANTAI, "PT-TERM").map((f) => [f.severity, f.verified, f.message.zh])).toEqual([["warning", false, "聘期短于 4 个月"]])
    expect(teacherFindings(partTimer("a", "2024-03-01", "2026-02-28"), YANTAI, "PT-TERM")).toEqual([])
    const [long] = teacherFindings(partTimer("a", "2024-03-01", "2026-03-01"), YANTAI, "PT-TERM")
    expect(long).toMatchObject({ severity: "warning", verified: false, message: { zh: "聘期超过 2 年" } })
    expect(long?.parameters.map((u) => [u.id, u.source, u.verified])).toEqual([
      ["partTime.termMinMonths", "yantai", false],
      ["partTime.termMaxYears", "yantai", true]
    ])
    // Elsewhere no bounds are in force: nothing to find.
    expect(teacherFindings(partTimer("a", "2024-03-01", "2026-03-01"), JINAN, "PT-TERM")).toEqual([])
  })

  it("PT-EXP-YEARS: Yantai's 5 years beat the national 3 in Yantai only", () => {
    const four = partTimer("a", "2024-03-01", "2025-02-28", { partTime: { ...partTimer("a", "2024-03-01", "2025-02-28").partTime!, productionYears: 4 } })
    // Core rates PT-EXP-YEARS as unverified (M), so its findings stay warnings even on Yantai's verified value.
    const [f] = teacherFindings(four, YANTAI, "PT-EXP-YEARS")
    expect(f).toMatchObject({ severity: "warning", verified: false })
    expect(f?.parameters).toEqual([expect.objectContaining({ id: "partTime.minExperienceYears", source: "yantai", verified: true, value: 5 })])
    expect(teacherFindings(four, JINAN, "PT-EXP-YEARS")).toEqual([])
  })

  it("property PT-TERM: a finding exactly when the term is under 4 months or over 2 years, only in Yantai", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1200 }), fc.boolean(), (days, inYantai) => {
        const start = D("2024-03-01")
        const end = new Date(Date.UTC(2024, 2, 1) + days * 86_400_000).toISOString().slice(0, 10)
        const fs = teacherFindings(partTimer("a", start, end), inYantai ? YANTAI : JINAN, "PT-TERM")
        // Brute force: the day after the end against the 4-month and 2-year marks.
        const after = new Date(Date.UTC(2024, 2, 1) + (days + 1) * 86_400_000).toISOString().slice(0, 10)
        const expected = inYantai && (after < "2024-07-01" || after > "2026-03-01")
        expect(fs.length).toBe(expected ? 1 : 0)
      }),
      { numRuns: 200 }
    )
  })
})

describe("yantai(): PT-SHARE-30 (part-time ≤ 30% of all teachers)", () => {
  it("30% exactly is within the cap; over it is found in Yantai on the city's own verified value, elsewhere on the unverified national default", () => {
    expect(shareFindings(cohort(7, 3), YANTAI)).toEqual([])
    const [y] = shareFindings(cohort(7, 4), YANTAI)
    // Core rates PT-SHARE-30 itself as unverified (M): a warning, whatever layer the cap comes from.
    expect(y).toMatchObject({ severity: "warning", threshold: { comparator: "<=", value: 0.3 } })
    expect(y?.parameters[0]).toMatchObject({ id: "partTime.shareMax", source: "yantai", layer: "yantai/yantai", level: "city", verified: true })
    const [j] = shareFindings(cohort(7, 4), JINAN)
    expect(j).toMatchObject({ severity: "warning", verified: false })
    expect(j?.parameters[0]).toMatchObject({ source: "@chanjiao/core", level: "national", verified: false })
  })

  it("property PT-SHARE-30: a finding exactly when 10 × part-time > 3 × all teachers, its cap from Yantai's layer only in Yantai", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 15 }), fc.boolean(), (full, part, inYantai) => {
        const fs = shareFindings(cohort(full, part), inYantai ? YANTAI : JINAN)
        expect(fs.length).toBe(10 * part > 3 * (full + part) ? 1 : 0)
        for (const f of fs) expect(f.parameters[0]?.source).toBe(inYantai ? "yantai" : "@chanjiao/core")
      }),
      { numRuns: 120 }
    )
  })
})
