/**
 * A small demo school (金乡县职业中等专业学校, `s-demo`): a major, two teachers, three students, an enterprise,
 * one internship with its two mentors, and the school's facts — the records the README's curl examples and the
 * end-to-end tests use. `seed` writes them through the store (decoded, audited); records already there are
 * left alone, so it can run at every start.
 *
 * @since 0.1.0
 */
import type { Aggregates, Store } from "@chanjiao/store"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"

/**
 * The demo records, by type, as a campus system would send them (JSON).
 *
 * @since 0.1.0
 * @category fixtures
 */
export const records: ReadonlyArray<readonly [Aggregates.TypeName, ReadonlyArray<Record<string, unknown>>]> = [
  [
    "school",
    [{ id: "s-demo", code: "3137004512", name: "金乡县职业中等专业学校", type: "secondary", province: "37", city: "3708", county: "370828", legalPerson: true, hasCharter: true, attachedClassesOnly: false }]
  ],
  ["major", [{ id: "m-ec", schoolId: "s-demo", code: "730701", name: "电子商务", enrolling: true }]],
  ["enterprise", [{ id: "e-demo", creditCode: "91370828MA3C4P2X1N", name: "金乡县某电子商务有限公司", size: "small", contacts: [] }]],
  [
    "teacher",
    [
      {
        // A professional-course teacher with enterprise practice, a teacher's certificate and a technical title.
        id: "t-li",
        schoolId: "s-demo",
        name: "李老师",
        idNumber: "370828198503010025",
        employment: "full-time",
        courseType: "professional",
        internshipTutor: true,
        hiredOn: "2015-09-01",
        majorCodes: ["730701"],
        titles: [{ level: "intermediate", name: "讲师", series: "teacher", obtainedOn: "2018-12-01" }],
        certificates: [{ kind: "teacher-qualification", name: "中等职业学校教师资格证", issuedOn: "2015-07-01" }],
        enterpriseExperience: [],
        practice: [
          {
            id: "p-li-1",
            enterpriseCreditCode: "91370828MA3C4P2X1N",
            enterpriseName: "金乡县某电子商务有限公司",
            form: "post",
            start: "2023-07-01",
            end: "2023-08-31",
            content: ["new-technology", "post-duties"]
          }
        ],
        dualQualifications: [],
        ethicsAppraisals: [],
        awards: [],
        services: [],
        attestations: []
      },
      {
        // Newly hired, nothing on file yet: the explanation lists what is missing.
        id: "t-wang",
        schoolId: "s-demo",
        name: "王老师",
        employment: "full-time",
        courseType: "professional",
        internshipTutor: false,
        hiredOn: "2024-02-26",
        majorCodes: ["730701"],
        titles: [],
        certificates: [],
        enterpriseExperience: [],
        practice: [],
        dualQualifications: [],
        ethicsAppraisals: [],
        awards: [],
        services: [],
        attestations: []
      }
    ]
  ],
  [
    "student",
    ["st-1", "st-2", "st-3"].map((id, n) => ({ id, schoolId: "s-demo", name: ["张同学", "刘同学", "陈同学"][n], majorCode: "730701", enrolledOn: "2022-09-01", grade: 3, status: "enrolled", fullTimeDiploma: true }))
  ],
  [
    "internship",
    [
      {
        id: "i-demo-1",
        schoolId: "s-demo",
        studentId: "st-1",
        kind: "post",
        arrangement: "school",
        organisedThrough: "direct",
        forProfit: false,
        unit: { creditCode: "91370828MA3C4P2X1N", name: "金乡县某电子商务有限公司", venueType: "enterprise", legalRegistration: "legal-person", onUnitList: true, headcounts: [] },
        post: { name: "电商运营助理", majorMatch: "matching", risks: [], labourIntensity: 1, bannedForMinors: false, bannedForWomen: false, coversTypicalTasks: true, simpleRepetitiveOnly: false },
        start: "2024-09-01",
        end: "2025-02-28",
        schedule: { dailyHours: 8, weeklyHours: 40, nightShifts: 0, overtimeHours: 0, statutoryHolidayDays: 0 },
        pay: { monthlyAmount: 3000, samePostWage: 3500, lowestTierWage: 2400, independentCapable: true, cycleDays: 30, form: "money", payer: "unit", directToStudent: true },
        fees: [],
        documentsHeld: [],
        consent: { studentSignedOn: "2024-07-01", guardianSignedOn: "2024-07-02", refused: false },
        // INT-ASSESS-* / PLAN-DUAL-ASSESS: the school mentor and the enterprise mentor each assess their part.
        schoolMentorIds: ["t-li"],
        enterpriseMentors: [{ id: "m-zhao", name: "赵师傅", role: "运营主管" }],
        declaredRelations: []
      }
    ]
  ],
  [
    "school-facts",
    [{ schoolId: "s-demo", asOf: "2025-06-30", landArea: 40000, buildingArea: 24000, trackLength: 200, equipmentValue: 3000000, books: 36000, source: "2025年教育事业统计" }]
  ]
]

/**
 * Writes the demo records that are not there yet; returns how many were written.
 *
 * @since 0.1.0
 * @category constructors
 */
export const seed = (store: Store.Service, at: DateTime.Utc): Effect.Effect<number, unknown> =>
  Effect.gen(function* () {
    let written = 0
    for (const [type, values] of records) {
      for (const value of values) {
        const id = type === "school-facts" ? `${String(value["schoolId"])}@${String(value["asOf"])}` : String(value["id"])
        if ((yield* store.find(type, id)) !== undefined) continue
        yield* store.put(type, value, { expectedVersion: 0, actor: "demo-seed", at })
        written++
      }
    }
    return written
  })

/**
 * `seed` at the current instant.
 *
 * @since 0.1.0
 * @category constructors
 */
export const seedNow = (store: Store.Service): Effect.Effect<number, unknown> => Effect.flatMap(DateTime.now, (at) => seed(store, at))
