/**
 * Valid records of every aggregate type — a school `s-kit`, its people, an enterprise, an agreement, an
 * internship and its assessment — for tests, examples and demos. Plain data, no dependencies: unlike the
 * conformance kit (`@chanjiao/store/testing`, which needs vitest), this entry runs anywhere.
 *
 * ```ts
 * import { fixtures } from "@chanjiao/store/fixtures"
 *
 * const teacher = fixtures.teacher("t-1", "s-kit", { name: "王老师" })
 * ```
 *
 * @since 0.1.0
 */

/**
 * Valid records of every aggregate type, for tests (a school `s-kit`, its people, an enterprise, an agreement,
 * an internship and its assessment).
 *
 * @since 0.1.0
 * @category fixtures
 */
export const fixtures = {
  school: (id = "s-kit", extra: Record<string, unknown> = {}) => ({ id, code: "3137004512", name: "金乡县职业中等专业学校", type: "secondary", province: "37", legalPerson: true, hasCharter: true, attachedClassesOnly: false, ...extra }),
  teacher: (id: string, schoolId = "s-kit", extra: Record<string, unknown> = {}) => ({
    id,
    schoolId,
    name: "李老师",
    employment: "full-time",
    courseType: "professional",
    internshipTutor: false,
    hiredOn: "2015-09-01",
    majorCodes: ["710201"],
    titles: [],
    certificates: [],
    enterpriseExperience: [],
    practice: [],
    dualQualifications: [],
    ethicsAppraisals: [],
    awards: [],
    services: [],
    attestations: [],
    ...extra
  }),
  student: (id: string, schoolId = "s-kit", extra: Record<string, unknown> = {}) => ({ id, schoolId, name: "张同学", majorCode: "710201", enrolledOn: "2023-09-01", grade: 2, status: "enrolled", fullTimeDiploma: true, ...extra }),
  enterprise: (id = "e-kit", extra: Record<string, unknown> = {}) => ({ id, creditCode: "91370828MA3C4P2X1N", name: "金乡县某电子商务有限公司", size: "small", contacts: [], ...extra }),
  cooperation: (id: string, schoolId = "s-kit", extra: Record<string, unknown> = {}) => ({
    id,
    schoolId,
    enterpriseId: "e-kit",
    enterpriseCreditCode: "91370828MA3C4P2X1N",
    title: `合作协议${id}`,
    majorCodes: ["730701"],
    leadingPartnerFor: ["730701"],
    forms: ["joint-training"],
    mechanisms: ["talent", "bases"],
    objectives: ["共建电商实训基地"],
    rightsAndObligations: true,
    takesInterns: true,
    term: { start: "2024-09-01", end: "2027-08-31" },
    signatures: [],
    attachments: [],
    deliverables: [],
    amendments: [],
    ...extra
  }),
  internship: (id: string, schoolId = "s-kit", extra: Record<string, unknown> = {}) => ({
    id,
    schoolId,
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
    schoolMentorIds: ["t-1"],
    enterpriseMentors: [{ name: "王师傅" }],
    declaredRelations: [],
    ...extra
  }),
  assessment: (id: string, internshipId: string, assessor: "school" | "enterprise" = "school") => ({ id, internshipId, assessor, assessorId: "t-1", stage: "result", submittedOn: "2025-03-01", scores: [], revision: 1 }),
  facts: (schoolId = "s-kit") => ({ schoolId, asOf: "2025-06-30", landArea: 40000, buildingArea: 24000, trackLength: 200, equipmentValue: 3000000, books: 36000, source: "2025年教育事业统计" })
}

