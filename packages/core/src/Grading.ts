/**
 * Dual-subject grading of internships (双主体考核评价): the school and the enterprise each assess their own
 * dimensions of a rubric (policy data); `grade` combines the two parts by the subject weights into one score
 * and a band (优秀 / 良好 / 合格 / 不合格, INT-ASSESS-GRADES). Who may submit which part is checked
 * (`authorise`); a missing part, a large gap between the parts, an enterprise part made only of attendance
 * (INT-ASSESS-JOINT) and a failing grade are findings.
 *
 * Rounding is done once, at the end: the final score is rounded half up to one decimal, and the band is read
 * from the rounded score. Parts and dimension scores are never rounded.
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import type { Assessment, Grade } from "./Assessment.js"
import { gradeLabel } from "./Assessment.js"
import type { Finding } from "./Finding.js"
import type { Internship } from "./Internship.js"
import * as N from "./internal/national-parameters.js"
import type { IsoDate } from "./IsoDate.js"
import type { Resolved } from "./Policy.js"
import * as Rule from "./Rule.js"
import * as Sources from "./Sources.js"
import type { Text } from "./Text.js"

/**
 * One dimension of a rubric.
 *
 * @since 0.1.0
 * @category models
 */
export type Dimension = (typeof N.gradingRubric.history)[number]["value"] extends ReadonlyArray<infer D> | null ? D : never

/**
 * The subject of an assessment: the school or the enterprise.
 *
 * @since 0.1.0
 * @category models
 */
export type Assessor = "school" | "enterprise"

/**
 * Why a submission is refused.
 *
 * @since 0.1.0
 * @category errors
 */
export interface Refusal {
  readonly reason: "wrong-internship" | "not-assigned" | "self-grading" | "conflict" | "unknown-dimension" | "wrong-owner" | "out-of-range"
  readonly message: Text
}

const refuse = (reason: Refusal["reason"], zh: string, en: string) => Either.left<Refusal>({ reason, message: { zh, en } })

/**
 * Checks that an assessment may be submitted: it is for this internship, by the mentor assigned for that
 * subject, not by the student, not by a mentor with a declared relation to the student, and it scores only the
 * subject's own rubric dimensions within their scale. Every refusal is a typed value, never a silent drop.
 *
 * @since 0.1.0
 * @category combinators
 */
export const authorise = (a: Assessment, internship: Internship, rubric: ReadonlyArray<Dimension>): Either.Either<Assessment, Refusal> => {
  if (a.internshipId !== internship.id) return refuse("wrong-internship", `评价对应的实习（${a.internshipId}）不是 ${internship.id}`, `the assessment is for ${a.internshipId}, not ${internship.id}`)
  if (a.assessorId === internship.studentId) return refuse("self-grading", "学生不能评价自己的实习", "a student may not grade their own internship")
  const assigned = a.assessor === "school" ? internship.schoolMentorIds.includes(a.assessorId) : internship.enterpriseMentors.some((m) => m.id === a.assessorId)
  if (!assigned) {
    return refuse(
      "not-assigned",
      `${a.assessorId} 不是本次实习指定的${a.assessor === "school" ? "学校指导教师" : "企业指导人员"}`,
      `${a.assessorId} is not the ${a.assessor} mentor assigned to this internship`
    )
  }
  const relation = internship.declaredRelations.find((r) => r.mentorId === a.assessorId)
  if (relation !== undefined) return refuse("conflict", `${a.assessorId} 与学生存在利害关系（${relation.relation}），应回避`, `${a.assessorId} has a declared relation to the student (${relation.relation}) and must step aside`)
  for (const s of a.scores) {
    const d = rubric.find((x) => x.id === s.criterion)
    if (d === undefined) return refuse("unknown-dimension", `评价量规中没有维度“${s.criterion}”`, `the rubric has no dimension "${s.criterion}"`)
    if (d.owner !== a.assessor) return refuse("wrong-owner", `维度“${d.title.zh}”由${d.owner === "school" ? "学校" : "企业"}评价`, `"${d.title.en}" is assessed by the ${d.owner}`)
    if (!(s.score >= 0 && s.score <= s.max)) return refuse("out-of-range", `维度“${d.title.zh}”得分 ${s.score} 超出 0–${s.max}`, `"${d.title.en}" score ${s.score} is outside 0–${s.max}`)
  }
  return Either.right(a)
}

/**
 * The result of grading one internship.
 *
 * @since 0.1.0
 * @category models
 */
export interface Result {
  readonly internshipId: string
  /** The final score out of 100, rounded once (half up, one decimal); `undefined` until both parts exist. */
  readonly score?: number
  readonly band?: Grade
  /** Each subject's part out of 100 (unrounded), when complete. */
  readonly parts: { readonly school?: number; readonly enterprise?: number }
  /** Which assessments were used. */
  readonly used: { readonly school?: string; readonly enterprise?: string }
  /** Set when the parts differ by more than the moderation gap. */
  readonly moderation?: { readonly gap: number; readonly threshold: number }
  /** The dated entries of the rubric, weights and bands used. */
  readonly versions: { readonly rubric: IsoDate; readonly weights: IsoDate; readonly bands: IsoDate }
  readonly findings: ReadonlyArray<Finding>
}

/** The latest result-stage assessment of one subject (highest revision, then latest submission). */
const latest = (as: ReadonlyArray<Assessment>, who: Assessor): Assessment | undefined =>
  as
    .filter((a) => a.assessor === who && a.stage === "result")
    .reduce<Assessment | undefined>(
      (best, a) => (best === undefined || a.revision > best.revision || (a.revision === best.revision && (a.submittedOn > best.submittedOn || (a.submittedOn === best.submittedOn && a.id > best.id))) ? a : best),
      undefined
    )

/** A subject's part out of 100: the weighted mean of its dimensions' scores as shares of their maxima. */
const part = (a: Assessment, dims: ReadonlyArray<Dimension>): { value?: number; missing: ReadonlyArray<Dimension> } => {
  let weighted = 0
  let weights = 0
  const missing: Array<Dimension> = []
  for (const d of dims) {
    const s = a.scores.find((x) => x.criterion === d.id)
    if (s === undefined) {
      missing.push(d)
      continue
    }
    weighted += (s.score / s.max) * d.weight
    weights += d.weight
  }
  return missing.length > 0 || weights === 0 ? { missing } : { value: (weighted / weights) * 100, missing }
}

/**
 * Half-up rounding to one decimal. The value is first settled to 9 decimals, so a binary fraction such as
 * 84.94999999999999 (84.95 computed another way) rounds like 84.95 → 85.0, whatever the weights' scale.
 *
 * @since 0.1.0
 * @category combinators
 */
export const round1 = (x: number): number => Math.round(Number(x.toFixed(9)) * 10) / 10

/**
 * The band of a score (INT-ASSESS-GRADES).
 *
 * @since 0.1.0
 * @category combinators
 */
export const bandOf = (score: number, bands: { readonly excellent: number; readonly good: number; readonly pass: number }): Grade =>
  score >= bands.excellent ? "excellent" : score >= bands.good ? "good" : score >= bands.pass ? "pass" : "fail"

/**
 * Grades one internship from its assessments under the policy in force (rubric, subject weights, bands,
 * moderation gap). Only authorised assessments count; the others are reported. No final grade without both
 * parts.
 *
 * @since 0.1.0
 * @category combinators
 */
export const grade = (internship: Internship, assessments: ReadonlyArray<Assessment>, policy: Resolved): Result => {
  const rubric = policy.value(N.gradingRubric) ?? []
  const weights = policy.value(N.gradingSubjectWeights) ?? { school: 50, enterprise: 50 }
  const bands = policy.value(N.gradingBands) ?? { excellent: 90, good: 80, pass: 60 }
  const gap = policy.value(N.gradingModerationGap)
  const refused: Array<{ assessment: Assessment; refusal: Refusal }> = []
  const accepted: Array<Assessment> = []
  for (const a of assessments) {
    const r = authorise(a, internship, rubric)
    if (Either.isRight(r)) accepted.push(a)
    else refused.push({ assessment: a, refusal: r.left })
  }
  const school = latest(accepted, "school")
  const enterprise = latest(accepted, "enterprise")
  const schoolPart = school && part(school, rubric.filter((d) => d.owner === "school"))
  const enterprisePart = enterprise && part(enterprise, rubric.filter((d) => d.owner === "enterprise"))
  const complete = schoolPart?.value !== undefined && enterprisePart?.value !== undefined
  const total = weights.school + weights.enterprise
  const score = complete && total > 0 ? round1((schoolPart.value! * weights.school + enterprisePart.value! * weights.enterprise) / total) : undefined
  const band = score === undefined ? undefined : bandOf(score, bands)
  const diff = complete ? Math.abs(schoolPart.value! - enterprisePart.value!) : undefined
  const facts: Facts = {
    internship,
    rubric,
    refused,
    missingSubjects: [...(school === undefined ? (["school"] as const) : []), ...(enterprise === undefined ? (["enterprise"] as const) : [])],
    missingDimensions: [...(schoolPart?.missing ?? []), ...(enterprisePart?.missing ?? [])],
    ...(band === undefined ? {} : { band }),
    ...(score === undefined ? {} : { score })
  }
  const ref = { type: "Internship", id: internship.id }
  const findings = gradingRules.flatMap((r) => Rule.check(r, facts, ref, policy))
  const entry = (p: { readonly id: string }) => policy.explain(p.id).entry?.effectiveFrom ?? ("" as IsoDate)
  return {
    internshipId: internship.id,
    ...(score === undefined ? {} : { score }),
    ...(band === undefined ? {} : { band }),
    parts: {
      ...(schoolPart?.value === undefined ? {} : { school: schoolPart.value }),
      ...(enterprisePart?.value === undefined ? {} : { enterprise: enterprisePart.value })
    },
    used: { ...(school === undefined ? {} : { school: school.id }), ...(enterprise === undefined ? {} : { enterprise: enterprise.id }) },
    ...(diff !== undefined && gap !== undefined && diff > gap ? { moderation: { gap: diff, threshold: gap } } : {}),
    versions: { rubric: entry(N.gradingRubric), weights: entry(N.gradingSubjectWeights), bands: entry(N.gradingBands) },
    findings
  }
}

/**
 * What the grading rules look at.
 *
 * @since 0.1.0
 * @category models
 */
export interface Facts {
  readonly internship: Internship
  readonly rubric: ReadonlyArray<Dimension>
  readonly refused: ReadonlyArray<{ readonly assessment: Assessment; readonly refusal: Refusal }>
  readonly missingSubjects: ReadonlyArray<Assessor>
  readonly missingDimensions: ReadonlyArray<Dimension>
  readonly score?: number
  readonly band?: Grade
}

const since2021 = "2021-12-31" as IsoDate

/**
 * PLAN-DUAL-ASSESS: no final grade without both subjects' assessments; each missing part names who must submit
 * it, each missing dimension what to score, each refused submission why.
 *
 * @since 0.1.0
 * @category rules
 */
export const completenessRule = Rule.make<Facts>({
  id: "PLAN-DUAL-ASSESS",
  area: "internship",
  title: { zh: "校企双方均完成考核评价", en: "both subjects assess" },
  confidence: "I",
  subject: "InternshipGrading",
  versions: [
    {
      effectiveFrom: since2021,
      citations: [Sources.internship2021("（条号未核实）", "S")],
      parameters: [N.gradingRubric],
      check: (f, ctx) => [
        ...f.missingSubjects.map((who) =>
          ctx.finding({
            severity: "warning",
            message:
              who === "school"
                ? { zh: `缺少学校评价，应由学校指导教师（${f.internship.schoolMentorIds.join("、") || "未指定"}）提交`, en: `the school's assessment is missing; due from ${f.internship.schoolMentorIds.join(", ") || "no assigned mentor"}` }
                : {
                    zh: `缺少企业评价，应由企业指导人员（${f.internship.enterpriseMentors.map((m) => m.name).join("、") || "未指定"}）提交`,
                    en: `the enterprise's assessment is missing; due from ${f.internship.enterpriseMentors.map((m) => m.name).join(", ") || "no assigned mentor"}`
                  }
          })
        ),
        ...f.missingDimensions.map((d) => ctx.finding({ severity: "warning", message: { zh: `评价缺少维度“${d.title.zh}”的分数`, en: `no score for "${d.title.en}"` }, parameters: [N.gradingRubric] })),
        ...f.refused.map(({ assessment, refusal }) =>
          ctx.finding({ severity: "warning", message: { zh: `评价 ${assessment.id} 不予采用：${refusal.message.zh}`, en: `assessment ${assessment.id} not used: ${refusal.message.en}` } })
        )
      ]
    }
  ]
})

/**
 * INT-ASSESS-JOINT: the school does not simply reuse the unit's attendance: an enterprise part made only of
 * attendance dimensions is a finding.
 *
 * @since 0.1.0
 * @category rules
 */
export const jointRule = Rule.make<Facts>({
  id: "INT-ASSESS-JOINT",
  area: "internship",
  title: { zh: "校企共同考核，不得简单套用考勤或员工标准", en: "joint assessment, not attendance alone" },
  confidence: "S",
  subject: "InternshipGrading",
  versions: [
    {
      effectiveFrom: since2021,
      citations: [Sources.internship2021("（条号未核实）", "S")],
      parameters: [N.gradingRubric],
      check: (f, ctx) => {
        const ent = f.rubric.filter((d) => d.owner === "enterprise")
        const school = f.rubric.filter((d) => d.owner === "school")
        const out: Array<Finding> = []
        if (ent.length > 0 && ent.every((d) => d.kind === "attendance")) {
          out.push(ctx.finding({ severity: "violation", message: { zh: "企业评价只包含考勤，不得简单套用实习单位考勤制度考核学生", en: "the enterprise part is attendance only: the unit's attendance system may not simply be reused" }, parameters: [N.gradingRubric] }))
        }
        if (ent.length === 0 || school.length === 0) {
          out.push(ctx.finding({ severity: "violation", message: { zh: "评价量规未同时包含学校和企业的评价维度", en: "the rubric does not give both the school and the enterprise dimensions" }, parameters: [N.gradingRubric] }))
        }
        return out
      }
    }
  ]
})

/**
 * INT-ASSESS-GRADES: 不合格 means the graduation condition is not met (不予毕业), with the citation.
 *
 * @since 0.1.0
 * @category rules
 */
export const gradesRule = Rule.make<Facts>({
  id: "INT-ASSESS-GRADES",
  area: "internship",
  title: { zh: "实习成绩分优秀、良好、合格、不合格四等", en: "four grades" },
  confidence: "S",
  subject: "InternshipGrading",
  versions: [
    {
      effectiveFrom: "2016-04-11" as IsoDate,
      citations: [Sources.internship2016("（条号未核实）", "S")],
      parameters: [N.gradingBands],
      check: (f, ctx) =>
        f.band === "fail"
          ? [
              ctx.finding({
                severity: "violation",
                message: { zh: `实习成绩 ${f.score} 分，${gradeLabel.fail.zh}：未达到毕业条件（不予毕业）`, en: `score ${f.score}: ${gradeLabel.fail.en}, the graduation condition is not met` },
                measured: { value: f.score ?? null },
                parameters: [N.gradingBands]
              })
            ]
          : []
    }
  ]
})

/**
 * The grading rules.
 *
 * @since 0.1.0
 * @category rules
 */
export const gradingRules: ReadonlyArray<Rule.Rule<Facts>> = [completenessRule, jointRule, gradesRule]
