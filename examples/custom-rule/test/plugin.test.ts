import { describe, expect, it } from "@effect/vitest"
import { Indicators, IsoDate, Jurisdiction, Plugin, Policy, Rule } from "@chanjiao/core"
import type { Teacher } from "@chanjiao/core"
import * as fc from "effect/FastCheck"
import { bundle, plugin, practiceDays } from "../src/plugin.js"

const asOf = IsoDate.unsafeMake("2025-08-31")
const resolved = Policy.at(bundle.policy, Jurisdiction.national, asOf)
// A full-time professional-course teacher; each practice record starts `ago` days before asOf and lasts len+1 days.
const teacher = (id: string, practice: ReadonlyArray<readonly [number, number]>, dual = false) => ({
  id, schoolId: "s-1", name: id, employment: "full-time", courseType: "professional", internshipTutor: false, hiredOn: "2010-09-01", majorCodes: [], titles: [], certificates: [], enterpriseExperience: [], ethicsAppraisals: [], awards: [], services: [], attestations: [],
  dualQualifications: dual ? [{ level: "junior", schoolType: "secondary", certifier: "省教育厅", certifiedOn: "2024-01-01" }] : [],
  practice: practice.map(([ago, len], k) => ({ id: `p${k}`, enterpriseCreditCode: "91370828MA3C4P2X1N", enterpriseName: "某企业", form: "post", content: [], start: IsoDate.addDays(asOf, -ago), end: IsoDate.addDays(asOf, len - ago) }))
}) as unknown as Teacher.Teacher
const check = (t: Teacher.Teacher) => Rule.check(bundle.policy.rules.get("SCH-EP-20D")!, t as never, { type: "Teacher", id: t.id }, resolved)
const practiceArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 40 })), { maxLength: 6 })

describe("a school's own rule and indicator", () => {
  it.prop("SCH-EP-20D fails exactly when fewer than 20 distinct days fall in the last 365 (brute-force oracle)", [practiceArb], ([practice]) => {
    const days = new Set(practice.flatMap(([ago, len]) => Array.from({ length: len + 1 }, (_, i) => ago - i).filter((d) => d >= 0 && d < 365)))
    expect(practiceDays(teacher("t", practice), asOf)).toBe(days.size)
    expect(check(teacher("t", practice)).length).toBe(days.size < 20 ? 1 : 0)
  })

  it.prop("more practice never adds a finding", [practiceArb, practiceArb], ([some, more]) => {
    if (check(teacher("t", [...some, ...more])).length > 0) expect(check(teacher("t", some)).length).toBe(1)
  })

  it("cites the school's document and says what is missing; the plugin's indicator uses the school's target", () => {
    const [f] = check(teacher("t", [[100, 9]]))
    expect(f?.citations[0]).toMatchObject({ docNumber: "校发〔2024〕12号", article: "第三条" })
    expect(f?.remedy?.zh).toBe("再安排 10 天企业实践")
    expect(Plugin.contributorsOf(bundle, "rule", "SCH-EP-20D")).toEqual([plugin.id])
    const data = { schools: [{ id: "s-1", code: "3137004512", name: "金乡职专", type: "secondary", province: "37", legalPerson: true, hasCharter: true, attachedClassesOnly: false }], majors: [], students: [], facts: [], teachers: [teacher("a", [], true), teacher("b", [], true), teacher("c", [])] } as unknown as Indicators.Dataset
    const [v] = Indicators.compute(Plugin.indicatorsOf(bundle, plugin.id), data, Indicators.schoolYear(2024), resolved)
    expect(v).toMatchObject({ indicator: "SCH-DS-60", numerator: 2, denominator: 3, verdict: "met", threshold: { value: 0.6 } })
  })
})
