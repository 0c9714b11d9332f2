/**
 * Internship gates at scale: full gate evaluations (every internship rule, each stretch under its version) of
 * varied internships. The target of the internship issue: at least 200,000 evaluations a second on one core.
 * The baseline is a hand-written check of the same main gates without explanations.
 */
import { bench } from "../../../scripts/bench-harness.js"
import { InternshipGates, IsoDate, Jurisdiction, National } from "@chanjiao/core"
import type { Internship, Student } from "@chanjiao/core"

const N = 20_000
let seed = 7
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff
  return seed / 0x7fffffff
}
const D = IsoDate.unsafeMake
const base = IsoDate.toEpochDays(D("2022-03-01"))
const subjects: Array<InternshipGates.Subject> = Array.from({ length: N }, (_, i) => {
  const start = base + Math.floor(rand() * 900)
  const startDate = IsoDate.fromEpochDays(start)
  const end = IsoDate.fromEpochDays(start + 30 + Math.floor(rand() * 200))
  const student: Student.Student = {
    id: `st${i}`,
    schoolId: "s",
    name: "学生",
    birthDate: IsoDate.fromEpochDays(base - 16 * 365 - Math.floor(rand() * 1500)),
    sex: rand() < 0.5 ? "female" : "male",
    majorCode: "710201" as Student.Student["majorCode"],
    enrolledOn: D("2021-09-01"),
    grade: rand() < 0.05 ? 1 : 2,
    status: "enrolled",
    fullTimeDiploma: true
  }
  const internship: Internship.Internship = {
    id: `i${i}`,
    schoolId: "s",
    studentId: student.id,
    kind: "post",
    arrangement: "school",
    organisedThrough: rand() < 0.02 ? "intermediary" : "direct",
    forProfit: false,
    unit: {
      name: `单位${i % 300}`,
      venueType: "enterprise",
      legalRegistration: "legal-person",
      siteAssessment: { reportId: "r", assessedOn: IsoDate.addDays(startDate, -30), signedBy: "x", aspects: ["qualification", "integrity", "management", "posts", "hours", "work-environment", "living-environment", "health-safety"] },
      headcounts: [{ from: D("2020-01-01"), onPostTotal: 200, samePostTotal: 40, concurrentInterns: Math.floor(rand() * 25), concurrentInternsSamePost: Math.floor(rand() * 10) }]
    },
    post: { name: "岗位", majorMatch: "matching", risks: [], labourIntensity: 1, bannedForMinors: false, bannedForWomen: false, coversTypicalTasks: true, simpleRepetitiveOnly: false },
    start: startDate,
    end,
    schedule: { dailyHours: rand() < 0.05 ? 10 : 8, weeklyHours: 40, nightShifts: 0, overtimeHours: 0, statutoryHolidayDays: 0 },
    pay: { monthlyAmount: 2000 + Math.floor(rand() * 2000), samePostWage: 3500, lowestTierWage: 2400, independentCapable: true, cycleDays: 30, form: "money", payer: "unit", directToStudent: true },
    fees: rand() < 0.03 ? [{ kind: "deposit", amount: 200, chargedBy: "unit" }] : [],
    documentsHeld: [],
    consent: { studentSignedOn: IsoDate.addDays(startDate, -10), guardianSignedOn: IsoDate.addDays(startDate, -10), refused: false },
    agreementId: `a${i}`,
    insurance: { policyNumber: "p", insurer: "x", coverageStart: startDate, coverageEnd: end, premiumPayer: "school" },
    schoolMentorIds: ["t"],
    enterpriseMentors: [{ name: "m" }],
    declaredRelations: []
  }
  return {
    internship,
    student,
    agreement: {
      id: `a${i}`,
      schoolId: "s",
      internshipId: internship.id,
      studentId: student.id,
      unitName: internship.unit.name,
      clauses: ["parties", "time-place-content", "food-lodging-leave", "labour-protection", "insurance-accidents", "assessment", "breach-liability", "other", "pay"],
      term: { start: startDate, end },
      signatures: (["school", "unit", "student"] as const).map((party) => ({ party, name: "x", signedOn: IsoDate.addDays(startDate, -5) }))
    }
  }
})

const checker = InternshipGates.checker(National.policy, Jurisdiction.national)

// Baseline: the main gates by hand, as a campus system might write them — no versions, no explanations.
const pre = subjects.map((s) => ({
  birth16: IsoDate.toEpochDays(IsoDate.addYears(s.student.birthDate!, 16)),
  start: IsoDate.toEpochDays(s.internship.start),
  s
}))
const baseline = () => {
  let bad = 0
  for (const { birth16, s, start } of pre) {
    const i = s.internship
    const h = i.unit.headcounts[0]!
    if (
      birth16 > start ||
      s.student.grade < 2 ||
      i.organisedThrough !== "direct" ||
      i.forProfit ||
      i.schedule.dailyHours > 8 ||
      i.fees.length > 0 ||
      h.concurrentInterns > h.onPostTotal * 0.1 ||
      h.concurrentInternsSamePost > h.samePostTotal * 0.2 ||
      (i.pay !== undefined && i.pay.monthlyAmount < Math.min(0.8 * (i.pay.samePostWage ?? Infinity), i.pay.lowestTierWage ?? Infinity)) ||
      s.agreement === undefined ||
      i.insurance === undefined
    )
      bad++
  }
  return bad
}

bench([
  {
    name: "internships: full gate evaluation (every rule, per version stretch)",
    size: `${N.toLocaleString("en-US")} internships`,
    items: N,
    targetMs: (N / 200_000) * 1000,
    runs: 5,
    ours: () => subjects.reduce((n, s) => n + checker.check(s).length, 0),
    baseline
  },
  {
    name: "internships: canStart (pre-start rules)",
    size: `${N.toLocaleString("en-US")} internships`,
    items: N,
    runs: 5,
    ours: () => subjects.reduce((n, s) => n + (checker.canStart(s, s.internship.start).ok ? 1 : 0), 0),
    baseline
  }
])
