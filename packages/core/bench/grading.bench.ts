/**
 * Dual-subject grading (双主体考核评价) of every assessed internship of 40 schools of the province dataset
 * (`@chanjiao/testkit`, seed 7): `Grading.grade` authorises each submission (assigned mentor, not the student, no
 * declared relation, own rubric dimensions within range), takes each subject's latest, weights and bands the
 * score with the rubric, weights and bands in force, and runs the grading rules (PLAN-DUAL-ASSESS,
 * INT-ASSESS-GRADES) with their findings. The baseline is a hand-written loop doing the same arithmetic and
 * checks, without findings or explanations. No target of its own in the issues: printed for the table.
 */
import { bench } from "../../../scripts/bench-harness.js"
import { Grading, Jurisdiction, National, Policy } from "@chanjiao/core"
import type { Assessment, Internship } from "@chanjiao/core"
import { Generate } from "@chanjiao/testkit"

const SCHOOLS = 40
const internships: Array<Internship.Internship> = []
const byInternship = new Map<string, Array<Assessment.Assessment>>()
for (let s = 0; s < SCHOOLS; s++) {
  const r = Generate.school(s, Generate.sizes.province, { seed: 7 })
  for (const a of r.assessments) {
    const xs = byInternship.get(a.internshipId)
    if (xs === undefined) byInternship.set(a.internshipId, [a])
    else xs.push(a)
  }
  for (const i of r.internships) if (byInternship.has(i.id)) internships.push(i)
}
const asOf = internships.reduce((d, i) => (i.end > d ? i.end : d), internships[0]!.end)
const policy = Policy.at(National.policy, Jurisdiction.national, asOf)
const rubric = policy.value(National.gradingRubric) ?? []
const weights = policy.value(National.gradingSubjectWeights) ?? { school: 50, enterprise: 50 }
const bands = policy.value(National.gradingBands) ?? { excellent: 90, good: 80, pass: 60 }

// Baseline: authorise, latest per subject, weighted parts, rounded score, band.
const baseline = () => {
  let n = 0
  for (const i of internships) {
    let school: Assessment.Assessment | undefined
    let enterprise: Assessment.Assessment | undefined
    for (const a of byInternship.get(i.id)!) {
      if (a.stage !== "result" || a.assessorId === i.studentId) continue
      const assigned = a.assessor === "school" ? i.schoolMentorIds.includes(a.assessorId) : i.enterpriseMentors.some((m) => m.id === a.assessorId)
      if (!assigned || i.declaredRelations.some((r) => r.mentorId === a.assessorId)) continue
      if (!a.scores.every((s) => rubric.some((d) => d.id === s.criterion && d.owner === a.assessor) && s.score >= 0 && s.score <= s.max)) continue
      if (a.assessor === "school") school = school === undefined || a.revision > school.revision ? a : school
      else enterprise = enterprise === undefined || a.revision > enterprise.revision ? a : enterprise
    }
    const part = (a: Assessment.Assessment | undefined, owner: "school" | "enterprise") => {
      if (a === undefined) return undefined
      let w = 0
      let t = 0
      for (const d of rubric) {
        if (d.owner !== owner) continue
        const s = a.scores.find((x) => x.criterion === d.id)
        if (s === undefined) return undefined
        w += (s.score / s.max) * d.weight
        t += d.weight
      }
      return t === 0 ? undefined : (w / t) * 100
    }
    const sp = part(school, "school")
    const ep = part(enterprise, "enterprise")
    if (sp === undefined || ep === undefined) continue
    const score = Grading.round1((sp * weights.school + ep * weights.enterprise) / (weights.school + weights.enterprise))
    n += Grading.bandOf(score, bands) === "fail" ? 0 : 1
  }
  return n
}

bench([
  {
    name: "grading: dual-subject grade of every assessed internship (authorise, parts, score, band, findings)",
    size: `${internships.length.toLocaleString("en-US")} internships of ${SCHOOLS} schools`,
    items: internships.length,
    ours: () => {
      let n = 0
      for (const i of internships) n += Grading.grade(i, byInternship.get(i.id)!, policy).band === "fail" ? 0 : 1
      return n
    },
    baseline
  }
])
