/**
 * A small school with results computed by the core itself (indicators, internship findings, grades), for the
 * exporter tests. Values cover the awkward cases: commas, quotes, line breaks, Chinese, emoji, personal numbers.
 */
import { Grading, Identity, Indicators, InternshipGates, IsoDate, Jurisdiction, National, Policy } from "@chanjiao/core"
import type { Agreement, Assessment, Finding, Internship, School, Student, Teacher } from "@chanjiao/core"
import type { Report } from "@chanjiao/export"
import { Fixtures } from "@chanjiao/testkit"

export const D = IsoDate.unsafeMake
export const CREDIT = "91370828MA3C4P2X1N" as Internship.Internship["unit"]["creditCode"] & string

export const idNumber = (first17: string) => `${first17}${Identity.idNumberCheck(first17)}` as Identity.IdNumber

export const school: School.School = {
  id: "s-jx",
  code: "3137004512" as School.School["code"],
  name: "金乡县职业中等专业学校",
  type: "secondary",
  province: "37" as School.School["province"],
  city: "3708" as School.School["city"],
  legalPerson: true,
  hasCharter: true,
  attachedClassesOnly: false
}

export const teacher = (id: string, extra: Partial<Teacher.Teacher> = {}): Teacher.Teacher => ({
  id,
  schoolId: "s-jx",
  name: "李老师",
  employment: "full-time",
  courseType: "professional",
  internshipTutor: true,
  hiredOn: D("2012-09-01"),
  majorCodes: ["710201" as Teacher.Teacher["majorCodes"][number]],
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
})

export const teachers: ReadonlyArray<Teacher.Teacher> = [
  teacher("t-001", {
    name: "李老师",
    idNumber: idNumber("37082819850301002"),
    mobile: "13812345678" as Teacher.Teacher["mobile"] & string,
    titles: [{ level: "intermediate", name: "讲师", series: "teacher", obtainedOn: D("2018-09-01") }],
    dualQualifications: [{ level: "intermediate", schoolType: "secondary", certifier: "山东省教育厅", certifiedOn: D("2021-06-01") }],
    practice: [
      {
        id: "p-1",
        enterpriseCreditCode: CREDIT as Teacher.PracticeRecord["enterpriseCreditCode"],
        enterpriseName: "金乡县某电子商务有限公司",
        form: "post",
        start: D("2024-07-01"),
        end: D("2024-08-15"),
        content: ["new-technology"]
      }
    ]
  }),
  teacher("t-002", { name: "王老师, \"高级\"", courseType: "public", internshipTutor: false, note: "第一行\n第二行 😀" }),
  teacher("t-003", { name: "<script>alert(1)</script>", employment: "part-time", partTime: { employerName: "某机床厂", channel: "industry-mentor", mode: "individual", appointment: { start: D("2024-03-01"), end: D("2026-02-28") }, productionYears: 12, retired: false, performanceFile: true } })
]

export const student = (id: string, name: string, extra: Partial<Student.Student> = {}): Student.Student => ({
  id,
  schoolId: "s-jx",
  name,
  majorCode: "710201" as Student.Student["majorCode"],
  enrolledOn: D("2022-09-01"),
  grade: 3,
  status: "enrolled",
  fullTimeDiploma: true,
  ...extra
})

export const students: ReadonlyArray<Student.Student> = [
  student("st-1", "张同学", { idNumber: idNumber("37082820060301002"), mobile: "13900001111" as Student.Student["mobile"] & string, sex: "female" }),
  student("st-2", "赵同学"),
  student("st-3", "钱同学")
]

/** The testkit's lawful internship, at this school, with a fuller enterprise mentor. */
export const internship = (id: string, studentId: string, extra: Partial<Internship.Internship> = {}): Internship.Internship =>
  Fixtures.internship({
    id,
    schoolId: "s-jx",
    studentId,
    agreementId: `a-${id}`,
    schoolMentorIds: ["t-001"],
    enterpriseMentors: [{ id: "m-1", name: "王师傅", role: "车间主任", mobile: "13700002222" as Internship.Internship["enterpriseMentors"][number]["mobile"] & string }],
    ...extra
  })

const { pay: _pay, ...observation } = internship("i-3", "st-3", { kind: "observation" })

export const internships: ReadonlyArray<Internship.Internship> = [
  internship("i-1", "st-1"),
  // Paid below 80% of the same-post wage, no insurance, fees charged: violations.
  internship("i-2", "st-2", {
    pay: { monthlyAmount: 1500, samePostWage: 3500, lowestTierWage: 2400, independentCapable: true, cycleDays: 30, form: "money", payer: "unit", directToStudent: true },
    fees: [{ kind: "deposit", amount: 500, chargedBy: "intermediary" }]
  }),
  observation
]

export const tripartite = (i: Internship.Internship): Agreement.InternshipAgreement =>
  Fixtures.agreement({
    id: `a-${i.id}`,
    schoolId: "s-jx",
    internshipId: i.id,
    studentId: i.studentId,
    unitName: i.unit.name,
    term: { start: i.start, end: i.end },
    signatures: [
      { party: "school", name: "校长", signedOn: D("2024-07-10") },
      { party: "unit", name: "经理", signedOn: D("2024-07-10") },
      { party: "student", name: "学生", signedOn: D("2024-07-10") },
      { party: "guardian", name: "家长", signedOn: D("2024-07-10") }
    ],
    lifecycle: { machine: "internship-agreement", version: 1, state: "in-force", since: i.start }
  })

export const cooperation: ReadonlyArray<Agreement.CooperationAgreement> = [
  {
    id: "c-1",
    schoolId: "s-jx",
    enterpriseId: "e-1",
    enterpriseCreditCode: CREDIT as Agreement.CooperationAgreement["enterpriseCreditCode"],
    title: "电子商务专业校企合作协议",
    majorCodes: ["710201" as Agreement.CooperationAgreement["majorCodes"][number]],
    leadingPartnerFor: [],
    forms: ["joint-training", "base-building"],
    mechanisms: ["talent", "bases"],
    objectives: ["共建实训基地", "共同开发课程、教材"],
    rightsAndObligations: true,
    takesInterns: true,
    term: { start: D("2023-01-01"), end: D("2025-03-31") },
    signatures: [],
    attachments: [],
    deliverables: [],
    amendments: [],
    lifecycle: { machine: "cooperation-agreement", version: 1, state: "expiring", since: D("2024-12-31") }
  },
  {
    id: "c-2",
    schoolId: "s-jx",
    enterpriseId: "e-2",
    enterpriseCreditCode: CREDIT as Agreement.CooperationAgreement["enterpriseCreditCode"],
    title: "机电专业订单班协议",
    majorCodes: [],
    leadingPartnerFor: [],
    forms: ["joint-training"],
    mechanisms: [],
    objectives: [],
    rightsAndObligations: true,
    takesInterns: false,
    term: { start: D("2022-01-01"), end: D("2024-12-31") },
    signatures: [],
    attachments: [],
    deliverables: [],
    amendments: [],
    lifecycle: { machine: "cooperation-agreement", version: 1, state: "expired", since: D("2025-01-01") }
  }
]

const assessment = (internshipId: string, assessor: "school" | "enterprise", scores: ReadonlyArray<readonly [string, number]>): Assessment.Assessment => ({
  id: `${internshipId}-${assessor}`,
  internshipId,
  assessor,
  assessorId: assessor === "school" ? "t-001" : "m-1",
  stage: "result",
  submittedOn: D("2025-01-10"),
  scores: scores.map(([criterion, score]) => ({ criterion, score, max: 100 })),
  revision: 1
})

export const assessments: ReadonlyArray<Assessment.Assessment> = [
  assessment("i-1", "school", [["report", 92], ["conduct", 88]]),
  assessment("i-1", "enterprise", [["professionalism", 90], ["skill", 85], ["attitude", 95]]),
  assessment("i-2", "school", [["report", 60], ["conduct", 70]]),
  assessment("i-2", "enterprise", [["professionalism", 50], ["skill", 55], ["attitude", 60]])
]

export const asOf = D("2025-01-15")
export const period = Indicators.schoolYear(2024)
const policy = Policy.at(National.policy, Jurisdiction.national, asOf)
const byId = new Map(students.map((s) => [s.id, s] as const))

export const findings: ReadonlyArray<Finding.Finding> = internships.flatMap((i) =>
  InternshipGates.check({ internship: i, student: byId.get(i.studentId)!, agreement: tripartite(i) }, National.policy, Jurisdiction.national)
)

export const grades: ReadonlyArray<Grading.Result> = internships.map((i) => Grading.grade(i, assessments.filter((a) => a.internshipId === i.id), policy))

export const indicators: ReadonlyArray<Indicators.Value> = Indicators.compute(
  Indicators.catalogue,
  { schools: [school], majors: [], teachers, students, facts: [], internships, cooperation },
  period,
  Policy.at(National.policy, Jurisdiction.national, period.end)
)

export const report: Report.Report = {
  school,
  period,
  asOf,
  indicators,
  findings,
  grades,
  agreements: { cooperation, internship: internships.map(tripartite), apprenticeship: [] },
  teachers,
  internships,
  students,
  synthetic: true
}
