/**
 * Teacher qualification at province scale: 50,000 teachers with 5 enterprise-practice records each, evaluated
 * at one date. The target of the teacher-qualification issue: under 1 s here.
 */
import { bench } from "../../../scripts/bench-harness.js"
import { DualQualified, IsoDate, Jurisdiction, National, Policy, Practice, TeacherQualification } from "@chanjiao/core"
import type { Teacher } from "@chanjiao/core"

const N = 50_000
const asOf = IsoDate.unsafeMake("2024-09-01")
const policy = Policy.at(National.policy, Jurisdiction.national, asOf)
const settings = Practice.settings(policy)!

// A seeded generator (deterministic across runs).
let seed = 42
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff
  return seed / 0x7fffffff
}
const base = IsoDate.toEpochDays(IsoDate.unsafeMake("2017-01-01"))
const teachers: Array<Teacher.Teacher> = Array.from({ length: N }, (_, i) => ({
  id: `t${i}`,
  schoolId: `s${i % 400}`,
  name: `教师${i}`,
  employment: "full-time",
  courseType: rand() < 0.7 ? "professional" : "public",
  internshipTutor: rand() < 0.2,
  hiredOn: IsoDate.fromEpochDays(base - Math.floor(rand() * 6000)),
  majorCodes: [],
  titles: [],
  certificates: [],
  enterpriseExperience: [],
  practice: Array.from({ length: 5 }, (_, j) => {
    const start = base + Math.floor(rand() * 2800)
    return {
      id: `p${i}-${j}`,
      enterpriseCreditCode: "91370828MA3C4P2X1N" as Teacher.PracticeRecord["enterpriseCreditCode"],
      enterpriseName: "某企业",
      form: "post" as const,
      start: IsoDate.fromEpochDays(start),
      end: IsoDate.fromEpochDays(start + 10 + Math.floor(rand() * 60)),
      content: []
    }
  }),
  dualQualifications: [],
  ethicsAppraisals: [],
  awards: [],
  services: [],
  attestations: []
}))

// Baseline: a hand-written loop summing each record's days inside the window (no overlap handling, no dates
// beyond the window arithmetic) — the least any implementation must do.
const windowStart = IsoDate.toEpochDays(Practice.windowStart(asOf, 5))
const today = IsoDate.toEpochDays(asOf)
const pre = teachers.map((t) => t.practice.map((p) => [IsoDate.toEpochDays(p.start), IsoDate.toEpochDays(p.end)] as const))
const baseline = () => {
  let compliant = 0
  for (const spans of pre) {
    let days = 0
    for (const [s, e] of spans) {
      const a = s > windowStart ? s : windowStart
      const b = e < today ? e : today
      if (b >= a) days += b - a + 1
    }
    if (days >= 180) compliant++
  }
  return compliant
}

bench([
  {
    name: "teachers: TCH-EP-5Y6M window, deficit and latest date",
    size: "50,000 teachers × 5 records",
    items: N,
    targetMs: 1000,
    runs: 5,
    ours: () => teachers.reduce((n, t) => n + (Practice.evaluate(t, asOf, settings).status === "compliant" ? 1 : 0), 0),
    baseline
  },
  {
    name: "teachers: practice status + 双师型 level and what the next level lacks",
    size: "50,000 teachers × 5 records",
    items: N,
    targetMs: 1000,
    runs: 5,
    ours: () => {
      let n = 0
      for (const t of teachers) {
        if (Practice.evaluate(t, asOf, settings).status === "compliant") n++
        if (DualQualified.evaluate(t, "secondary", policy).highest !== undefined) n++
      }
      return n
    },
    baseline
  },
  {
    name: "teachers: full cohort evaluation (practice, 双师型, part-time, plans, all findings)",
    size: "50,000 teachers × 5 records",
    items: N,
    runs: 3,
    warmup: 1,
    ours: () => TeacherQualification.evaluateSchool({ schoolId: "s0", schoolType: "secondary", teachers: teachers.map((t) => ({ ...t, schoolId: "s0" })) }, policy).summary.teachers,
    baseline
  }
])
