/**
 * Hand-written records for tests: one post internship that passes every national gate (with its student and
 * tripartite agreement), and a full-time professional-course teacher with nothing recorded yet. Each test
 * changes what it is about (`Fixtures.internship({ pay: … })`) and keeps the rest lawful, so a finding it sees
 * comes from its own change. Plugin packs and exporters test against the same records.
 *
 * @since 0.1.0
 */
import { IsoDate } from "@chanjiao/core"
import type { Agreement, Internship, InternshipGates, Student, Teacher } from "@chanjiao/core"

const D = IsoDate.unsafeMake

/**
 * An enrolled third-year student, 18 at the internship's start.
 *
 * @since 0.1.0
 * @category fixtures
 */
export const student = (patch: Partial<Student.Student> = {}): Student.Student => ({
  id: "st-1",
  schoolId: "s-1",
  name: "张同学",
  birthDate: D("2006-03-01"),
  sex: "female",
  majorCode: "710201" as Student.Student["majorCode"],
  enrolledOn: D("2022-09-01"),
  grade: 3,
  status: "enrolled",
  fullTimeDiploma: true,
  ...patch
})

/**
 * A six-month post internship (2024-09-01 – 2025-02-28) at an assessed enterprise on the unit list: matching post,
 * lawful hours, pay at 86% of the same-post wage paid to the student, no fees, insurance for the whole stay,
 * consent of student and guardian, a school mentor and an enterprise mentor.
 *
 * @since 0.1.0
 * @category fixtures
 */
export const internship = (patch: Partial<Internship.Internship> = {}): Internship.Internship => ({
  id: "i-1",
  schoolId: "s-1",
  studentId: "st-1",
  kind: "post",
  arrangement: "school",
  organisedThrough: "direct",
  forProfit: false,
  unit: {
    creditCode: "91370828MA3C4P2X1N" as Internship.Internship["unit"]["creditCode"],
    name: "金乡县某电子商务有限公司",
    venueType: "enterprise",
    legalRegistration: "legal-person",
    siteAssessment: {
      reportId: "r-1",
      assessedOn: D("2024-06-01"),
      signedBy: "王老师",
      aspects: ["qualification", "integrity", "management", "posts", "hours", "work-environment", "living-environment", "health-safety"]
    },
    onUnitList: true,
    headcounts: [{ from: D("2024-01-01"), onPostTotal: 200, samePostTotal: 40, concurrentInterns: 10, concurrentInternsSamePost: 5 }]
  },
  post: {
    name: "电商运营助理",
    majorMatch: "matching",
    risks: [],
    labourIntensity: 1,
    bannedForMinors: false,
    bannedForWomen: false,
    coversTypicalTasks: true,
    simpleRepetitiveOnly: false
  },
  start: D("2024-09-01"),
  end: D("2025-02-28"),
  schedule: { dailyHours: 8, weeklyHours: 40, nightShifts: 0, overtimeHours: 0, statutoryHolidayDays: 0 },
  pay: { monthlyAmount: 3000, samePostWage: 3500, lowestTierWage: 2400, independentCapable: true, cycleDays: 30, form: "money", payer: "unit", directToStudent: true },
  fees: [],
  documentsHeld: [],
  consent: { studentSignedOn: D("2024-07-01"), guardianSignedOn: D("2024-07-02"), refused: false },
  agreementId: "a-1",
  insurance: { policyNumber: "P-1", insurer: "某保险公司", coverageStart: D("2024-09-01"), coverageEnd: D("2025-02-28"), premiumPayer: "school" },
  schoolMentorIds: ["t-1"],
  enterpriseMentors: [{ name: "王师傅" }],
  declaredRelations: [],
  ...patch
})

/**
 * The internship's tripartite agreement: every required clause, signed by school, unit and student before the
 * start, for the internship's term.
 *
 * @since 0.1.0
 * @category fixtures
 */
export const agreement = (patch: Partial<Agreement.InternshipAgreement> = {}): Agreement.InternshipAgreement => ({
  id: "a-1",
  schoolId: "s-1",
  internshipId: "i-1",
  studentId: "st-1",
  unitName: "金乡县某电子商务有限公司",
  clauses: ["parties", "time-place-content", "food-lodging-leave", "labour-protection", "insurance-accidents", "assessment", "breach-liability", "other", "pay"],
  term: { start: D("2024-09-01"), end: D("2025-02-28") },
  signatures: [
    { party: "school", name: "校长", signedOn: D("2024-07-10") },
    { party: "unit", name: "经理", signedOn: D("2024-07-10") },
    { party: "student", name: "张同学", signedOn: D("2024-07-10") }
  ],
  ...patch
})

/**
 * What the internship gates read: the internship (with `patch`), its student and its agreement.
 *
 * @since 0.1.0
 * @category fixtures
 */
export const subject = (patch: Partial<Internship.Internship> = {}): InternshipGates.Subject => ({ internship: internship(patch), student: student(), agreement: agreement() })

/**
 * A full-time professional-course teacher hired in 2015 with a qualified ethics appraisal and nothing else
 * recorded (no titles, certificates, practice or 双师型 level).
 *
 * @since 0.1.0
 * @category fixtures
 */
export const teacher = (id: string, patch: Partial<Teacher.Teacher> = {}): Teacher.Teacher => ({
  id,
  schoolId: "s-1",
  name: `教师${id}`,
  employment: "full-time",
  courseType: "professional",
  internshipTutor: false,
  hiredOn: D("2015-09-01"),
  majorCodes: [],
  titles: [],
  certificates: [],
  enterpriseExperience: [],
  practice: [],
  dualQualifications: [],
  ethicsAppraisals: [{ year: 2023, result: "qualified" }],
  awards: [],
  services: [],
  attestations: [],
  ...patch
})
