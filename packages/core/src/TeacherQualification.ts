/**
 * One pass over all teachers of a school on a date: enterprise practice, 双师型 level, part-time hiring checks,
 * plans and every teacher rule's findings, with summary counts ready for indicators.
 *
 * @since 0.1.0
 */
import * as DualQualified from "./DualQualified.js"
import type { Finding } from "./Finding.js"
import * as PartTime from "./PartTime.js"
import * as Policy from "./Policy.js"
import type { Resolved } from "./Policy.js"
import * as Practice from "./Practice.js"
import type { Teacher } from "./Teacher.js"

/**
 * What the cohort call finds for one teacher.
 *
 * @since 0.1.0
 * @category models
 */
export interface TeacherResult {
  readonly teacherId: string
  readonly practice: Practice.Status | undefined
  readonly dualQualified: DualQualified.Evaluation
  readonly hiring: ReadonlyArray<PartTime.Check>
  readonly findings: ReadonlyArray<Finding>
}

/**
 * Counts over the school's teachers in post.
 *
 * @since 0.1.0
 * @category models
 */
export interface Summary {
  readonly asOf: string
  readonly teachers: number
  readonly fullTime: number
  readonly partTime: number
  /** Highest 双师型 level met by evaluation. */
  readonly levelMet: { readonly none: number; readonly junior: number; readonly intermediate: number; readonly senior: number }
  /** Highest 双师型 certification held. */
  readonly levelHeld: { readonly none: number; readonly junior: number; readonly intermediate: number; readonly senior: number }
  /** TCH-EP-5Y6M status counts (`not-applicable` counts public-course and part-time teachers). */
  readonly practice: { readonly compliant: number; readonly due: number; readonly "non-compliant": number; readonly "not-applicable": number }
  readonly partTimeShare: PartTime.Share
  readonly findings: { readonly violation: number; readonly warning: number; readonly info: number }
}

/**
 * The cohort result.
 *
 * @since 0.1.0
 * @category models
 */
export interface SchoolResult {
  readonly schoolId: string
  readonly results: ReadonlyArray<TeacherResult>
  /** School-level findings (PT-SHARE-30). */
  readonly findings: ReadonlyArray<Finding>
  readonly summary: Summary
}

const rank = { junior: 1, intermediate: 2, senior: 3 } as const

/**
 * Evaluates every teacher of one school in post on the policy's date (hired on or before it, not yet left),
 * runs every `Teacher` rule of the policy and the school-level `TeacherCohort` rules, and sums up.
 *
 * @since 0.1.0
 * @category combinators
 */
export const evaluateSchool = (
  input: { readonly schoolId: string; readonly schoolType: Practice.Subject["schoolType"]; readonly teachers: ReadonlyArray<Teacher> },
  policy: Resolved
): SchoolResult => {
  const asOf = policy.asOf
  const settings = Practice.settings(policy)
  const inPost = input.teachers.filter((t) => t.schoolId === input.schoolId && t.hiredOn <= asOf && (t.leftOn === undefined || t.leftOn > asOf))
  const levelMet = { none: 0, junior: 0, intermediate: 0, senior: 0 }
  const levelHeld = { none: 0, junior: 0, intermediate: 0, senior: 0 }
  const practice = { compliant: 0, due: 0, "non-compliant": 0, "not-applicable": 0 }
  const counts = { violation: 0, warning: 0, info: 0 }
  const results = inPost.map((teacher): TeacherResult => {
    const p = settings === undefined ? undefined : Practice.evaluate(teacher, asOf, settings)
    const dq = DualQualified.evaluate(teacher, input.schoolType, policy)
    const findings = Policy.checkAll(policy, "Teacher", { teacher, schoolType: input.schoolType }, { id: teacher.id, label: teacher.name })
    levelMet[dq.highest ?? "none"]++
    const held = dq.held.reduce<"none" | DualQualified.Level>((best, q) => (best === "none" || rank[q.level] > rank[best] ? q.level : best), "none")
    levelHeld[held]++
    practice[p?.status ?? "not-applicable"]++
    for (const f of findings) counts[f.severity]++
    return { teacherId: teacher.id, practice: p, dualQualified: dq, hiring: PartTime.hiring(teacher, policy), findings }
  })
  const schoolFindings = Policy.checkAll(policy, "TeacherCohort", { schoolId: input.schoolId, teachers: inPost }, { id: input.schoolId })
  for (const f of schoolFindings) counts[f.severity]++
  return {
    schoolId: input.schoolId,
    results,
    findings: schoolFindings,
    summary: {
      asOf,
      teachers: inPost.length,
      fullTime: inPost.filter((t) => t.employment === "full-time").length,
      partTime: inPost.filter((t) => t.employment === "part-time").length,
      levelMet,
      levelHeld,
      practice,
      partTimeShare: PartTime.share(inPost, policy),
      findings: counts
    }
  }
}
