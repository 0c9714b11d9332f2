// The same lawful internship as `@chanjiao/testkit`'s `Fixtures` (which the other packages' tests use): the core
// cannot depend on the testkit, which depends on it.
import type { Agreement, Internship, InternshipGates, Student } from "../src/index.js"
import { D } from "./fixtures.js"

export const student: Student.Student = {
  id: "st-1",
  schoolId: "s-1",
  name: "张同学",
  birthDate: D("2006-03-01"),
  sex: "female",
  majorCode: "710201" as Student.Student["majorCode"],
  enrolledOn: D("2022-09-01"),
  grade: 3,
  status: "enrolled",
  fullTimeDiploma: true
}

export const internship: Internship.Internship = {
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
  declaredRelations: []
}

export const agreement: Agreement.InternshipAgreement = {
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
  ]
}

export const subject: InternshipGates.Subject = { internship, student, agreement }
