import { IsoDate, Jurisdiction, National, Plugin, Policy } from "@chanjiao/core"
import type { Agreement, Internship, InternshipGates, Student, Teacher } from "@chanjiao/core"
import * as Schema from "effect/Schema"

export const D = IsoDate.unsafeMake
export const jurisdiction = Schema.decodeSync(Jurisdiction.Jurisdiction)

export const at = (c: Plugin.Composed, j: Jurisdiction.Jurisdiction, date: string) => Policy.at(c.policy, j, D(date))
export const national = (j: Jurisdiction.Jurisdiction, date: string) => Policy.at(National.policy, j, D(date))

/** A day between two dates, for property tests. */
export const dayBetween = (fc: typeof import("effect/FastCheck"), from: string, to: string) =>
  fc.integer({ min: IsoDate.toEpochDays(D(from)), max: IsoDate.toEpochDays(D(to)) }).map(IsoDate.fromEpochDays)

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
    name: "某电子商务有限公司",
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
  filing: { filedOn: D("2024-08-20"), authority: "市教育局", crossProvince: false },
  trainedOn: D("2024-08-25"),
  declaredAs: "internship"
}

export const agreement: Agreement.InternshipAgreement = {
  id: "a-1",
  schoolId: "s-1",
  internshipId: "i-1",
  studentId: "st-1",
  unitName: "某电子商务有限公司",
  clauses: ["parties", "time-place-content", "food-lodging-leave", "labour-protection", "insurance-accidents", "assessment", "breach-liability", "other", "pay"],
  term: { start: D("2024-09-01"), end: D("2025-02-28") },
  signatures: [
    { party: "school", name: "校长", signedOn: D("2024-07-10") },
    { party: "unit", name: "经理", signedOn: D("2024-07-10") },
    { party: "student", name: "张同学", signedOn: D("2024-07-10") }
  ]
}

export const subject = (patch: Partial<Internship.Internship> = {}): InternshipGates.Subject => ({ internship: { ...internship, ...patch }, student, agreement })

/** A full-time professional-course teacher. */
export const teacher = (id: string, extra: Partial<Teacher.Teacher> = {}): Teacher.Teacher => ({
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
  ...extra
})

/** A part-time enterprise teacher appointed from `start` to `end`. */
export const partTimer = (id: string, start: string, end: string, extra: Partial<Teacher.Teacher> = {}): Teacher.Teacher =>
  teacher(id, {
    employment: "part-time",
    hiredOn: D(start),
    birthDate: D("1980-01-01"),
    sex: "male",
    titles: [{ level: "intermediate", name: "工程师", series: "engineering", obtainedOn: D("2010-01-01") }],
    partTime: {
      employerName: "某机械有限公司",
      channel: "industry-mentor",
      mode: "individual",
      appointment: { start: D(start), end: D(end) },
      productionYears: 10,
      retired: false,
      performanceFile: true
    },
    ...extra
  })
