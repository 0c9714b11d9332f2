/**
 * The whole indicator catalogue over a province-sized dataset (400 schools, 600,000 students, 48,000
 * teachers, 20,000 enterprises, 60,000 agreements, 300,000 internships). Internship findings are given as
 * input (the gates' results; their own benchmark is internships.bench.ts). The baseline is a hand-written
 * single pass computing the same figures without provenance. Targets: under 3 s, within 1.5× of the baseline.
 */
import { bench } from "../../../scripts/bench-harness.js"
import { Indicators, IsoDate, Jurisdiction, National, Policy, Practice } from "@chanjiao/core"
import type { Agreement, Assessment, Finding, Internship, School, Student, Teacher } from "@chanjiao/core"

let seed = 11
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff
  return seed / 0x7fffffff
}
const D = IsoDate.unsafeMake
const period = Indicators.schoolYear(2024)
const policy = Policy.at(National.policy, Jurisdiction.national, period.end)
const S = 400
const schools = Array.from({ length: S }, (_, i) => ({ id: `s${i}`, code: String(3137000000 + i), name: `学校${i}`, type: "secondary", province: "37", legalPerson: true, hasCharter: true, attachedClassesOnly: false }) as School.School)
const majorCodes = ["710201", "730701", "660101", "710102", "730301"]
const majors = schools.flatMap((s) => majorCodes.map((code, j) => ({ id: `${s.id}-m${j}`, schoolId: s.id, code, name: code, enrolling: true }) as unknown as Indicators.Dataset["majors"][number]))
const students: Array<Student.Student> = Array.from({ length: 600_000 }, (_, i) => ({
  id: `st${i}`,
  schoolId: `s${i % S}`,
  name: "学生",
  majorCode: majorCodes[i % 5] as Student.Student["majorCode"],
  enrolledOn: D(rand() < 0.9 ? "2023-09-01" : "2025-09-01"),
  grade: 2,
  status: rand() < 0.95 ? "enrolled" : "withdrawn",
  fullTimeDiploma: true,
  ...(rand() < 0.3 ? { specialProject: { title: "专项", kind: "skill" as const, assignedOn: D("2024-10-01") } } : {})
}))
const teachers: Array<Teacher.Teacher> = Array.from({ length: 48_000 }, (_, i) => {
  const start = IsoDate.toEpochDays(D("2020-01-01")) + Math.floor(rand() * 1600)
  return {
    id: `t${i}`,
    schoolId: `s${i % S}`,
    name: "教师",
    employment: rand() < 0.9 ? "full-time" : "part-time",
    courseType: rand() < 0.6 ? "professional" : "public",
    internshipTutor: false,
    hiredOn: D("2012-09-01"),
    majorCodes: [majorCodes[i % 5] as Teacher.Teacher["majorCodes"][number]],
    titles: rand() < 0.6 ? [{ level: rand() < 0.3 ? "associate-senior" : "intermediate", name: "职称", series: "teacher", obtainedOn: D("2018-01-01") }] : [],
    certificates: [],
    enterpriseExperience: [],
    practice: [{ id: `p${i}`, enterpriseCreditCode: "91370828MA3C4P2X1N" as Teacher.PracticeRecord["enterpriseCreditCode"], enterpriseName: "企业", form: "post", start: IsoDate.fromEpochDays(start), end: IsoDate.fromEpochDays(start + Math.floor(rand() * 250)), content: [] }],
    dualQualifications: rand() < 0.4 ? [{ level: "junior", schoolType: "secondary", certifier: "省", certifiedOn: D("2023-01-01") }] : [],
    ethicsAppraisals: [],
    awards: [],
    services: [],
    attestations: [],
    ...(rand() < 0.5 ? { developmentPlan: { id: `dp${i}`, period: { start: D("2024-01-01"), end: D("2026-12-31") }, goals: [], plannedPractice: [], updatedOn: D("2024-01-01") } } : {})
  } as Teacher.Teacher
})
const cooperation = Array.from({ length: 60_000 }, (_, i) => ({
  id: `c${i}`,
  schoolId: `s${i % S}`,
  enterpriseId: `e${i % 20_000}`,
  enterpriseCreditCode: "91370828MA3C4P2X1N",
  title: "协议",
  majorCodes: [majorCodes[i % 5]],
  leadingPartnerFor: i % 7 === 0 ? [majorCodes[i % 5]] : [],
  forms: ["joint-training"],
  mechanisms: ["talent", "bases", "staff", "information", "service", "culture"].filter(() => rand() < 0.4),
  objectives: ["x"],
  rightsAndObligations: true,
  takesInterns: true,
  term: { start: D("2023-09-01"), end: D("2026-08-31") },
  signatures: [],
  attachments: [],
  deliverables: [],
  amendments: [],
  lifecycle: { machine: "cooperation-agreement", version: 1, state: rand() < 0.8 ? "in-force" : "expired" }
})) as unknown as Array<Agreement.CooperationAgreement>
const internships: Array<Internship.Internship> = Array.from({ length: 300_000 }, (_, i) => ({
  id: `i${i}`,
  schoolId: `s${i % S}`,
  studentId: `st${i * 2}`,
  kind: "post",
  post: { majorMatch: rand() < 0.9 ? "matching" : "unrelated" },
  start: D("2024-09-01"),
  end: D(rand() < 0.5 ? "2025-02-28" : "2025-10-31"),
  unit: { creditCode: "91370828MA3C4P2X1N" }
})) as unknown as Array<Internship.Internship>
const internshipFindings = new Map<string, ReadonlyArray<Finding.Finding>>(internships.map((i, k) => [i.id, k % 10 === 0 ? [{ severity: "violation" } as Finding.Finding] : []]))
const assessments = internships.flatMap((i, k) =>
  k % 3 === 0 ? [] : (["school", "enterprise"] as const).map((assessor) => ({ id: `${i.id}-${assessor}`, internshipId: i.id, assessor, assessorId: "x", stage: "result", submittedOn: D("2025-03-01"), scores: [], revision: 1 }))
) as unknown as ReadonlyArray<Assessment.Assessment>
const facts = schools.map((s) => ({ schoolId: s.id, asOf: D("2025-06-30"), landArea: 40_000 + rand() * 20_000, buildingArea: 24_000 + rand() * 10_000, trackLength: 200, equipmentValue: 3_000_000 + rand() * 2_000_000, books: 40_000 + Math.floor(rand() * 20_000), source: "统计" }))
const enterprises = Array.from({ length: 20_000 }, (_, i) => ({ id: `e${i}`, creditCode: "91370828MA3C4P2X1N", name: "企业", contacts: [] })) as unknown as Indicators.Dataset["enterprises"]
const dataset: Indicators.Dataset = { schools, majors, students, teachers, facts, cooperation, internships, assessments, internshipFindings }
const withoutEnterprises: Indicators.Dataset = { ...dataset }
void enterprises

// The hand-written single pass: every figure of the catalogue per school (counts only, no provenance).
const settings = Practice.settings(policy)!
const baseline = () => {
  const on = period.end
  type C = { st: number; proj: number; coop: number; ft: number; prof: number; senior: number; ds: number; dsAll: number; plan: number; pt: number; ptPartner: number; practice: number; practiceOk: number; post: number; match: number; ok: number; ended: number; both: number; textbooks: number; training: number; service: number; mid: Map<string, number>; mech: Set<string>; partnerMajors: Set<string>; partnerEnterprises: Set<string> }
  const c = new Map<string, C>()
  for (const s of schools) c.set(s.id, { st: 0, proj: 0, coop: 0, ft: 0, prof: 0, senior: 0, ds: 0, dsAll: 0, plan: 0, pt: 0, ptPartner: 0, practice: 0, practiceOk: 0, post: 0, match: 0, ok: 0, ended: 0, both: 0, textbooks: 0, training: 0, service: 0, mid: new Map(), mech: new Set(), partnerMajors: new Set(), partnerEnterprises: new Set() })
  for (const a of cooperation) {
    const x = c.get(a.schoolId)!
    for (const d of a.deliverables) if (d.kind === "textbook" && d.state === "delivered") x.textbooks++
    if (a.lifecycle?.state !== "in-force" && a.lifecycle?.state !== "expiring") continue
    for (const m of a.leadingPartnerFor) x.partnerMajors.add(m)
    for (const m of a.mechanisms) x.mech.add(m)
    x.partnerEnterprises.add(a.enterpriseCreditCode)
  }
  for (const s of students) {
    if (s.status !== "enrolled" || !s.fullTimeDiploma || s.enrolledOn > on) continue
    const x = c.get(s.schoolId)!
    x.st++
    if (s.specialProject && s.specialProject.assignedOn <= on) x.proj++
    if (s.cooperativeClass && s.cooperativeClass.joinedOn <= on) x.coop++
  }
  for (const t of teachers) {
    if (t.hiredOn > on || (t.leftOn !== undefined && t.leftOn <= on)) continue
    const x = c.get(t.schoolId)!
    if (t.employment === "part-time") {
      x.pt++
      if (t.partTime?.employerCreditCode !== undefined && x.partnerEnterprises.has(t.partTime.employerCreditCode)) x.ptPartner++
      continue
    }
    x.ft++
    let best = 0
    for (const y of t.titles) if (y.obtainedOn <= on) best = Math.max(best, y.level === "senior" ? 4 : y.level === "associate-senior" ? 3 : y.level === "intermediate" ? 2 : 1)
    if (best >= 3) x.senior++
    if (best >= 2) for (const m of t.majorCodes) x.mid.set(m, (x.mid.get(m) ?? 0) + 1)
    const held = t.dualQualifications.some((q) => q.certifiedOn <= on && (q.revokedOn === undefined || q.revokedOn > on))
    if (held) x.dsAll++
    if (t.developmentPlan && t.developmentPlan.period.start <= on && t.developmentPlan.period.end >= on) x.plan++
    for (const sv of t.services) if (sv.date >= period.start && sv.date <= period.end) sv.kind === "social-training" ? (x.training += sv.beneficiaries ?? 0) : sv.kind === "technical-service" && x.service++
    if (t.courseType === "professional") {
      x.prof++
      if (held) x.ds++
      x.practice++
      if (Practice.evaluate(t, on, settings).status === "compliant") x.practiceOk++
    }
  }
  const both = new Map<string, number>()
  for (const a of assessments) if (a.stage === "result") both.set(a.internshipId, (both.get(a.internshipId) ?? 0) | (a.assessor === "school" ? 1 : 2))
  for (const i of internships) {
    if (i.kind === "observation" || i.start > period.end || i.end < period.start) continue
    const x = c.get(i.schoolId)!
    x.post++
    if (i.post.majorMatch !== "unrelated") x.match++
    if (!(internshipFindings.get(i.id) ?? []).some((f) => f.severity === "violation")) x.ok++
    if (i.end <= period.end) {
      x.ended++
      if (both.get(i.id) === 3) x.both++
    }
  }
  let n = 0
  for (const x of c.values()) n += x.st / (x.ft || 1) + x.senior / (x.ft || 1) + x.ds / (x.prof || 1) + x.partnerMajors.size + x.mech.size + x.mid.size
  return n
}

bench([
  {
    name: "indicators: whole catalogue over a province (400 schools)",
    size: "600k students, 48k teachers, 60k agreements, 300k internships",
    items: 600_000 + 48_000 + 60_000 + 300_000,
    targetMs: 3000,
    targetRatio: 1.5,
    runs: 7,
    warmup: 2,
    ours: () => Indicators.compute(Indicators.catalogue, withoutEnterprises, period, policy).length,
    baseline
  }
])
