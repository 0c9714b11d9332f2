/**
 * The Gansu 双师型 scope rules (甘肃省职业教育“双师型”教师认定标准（试行） 第二条) and its certifier:
 *
 * - DS-ELIGIBLE-INSCHOOL (校内专业课教师): full-time professional-course teachers and 实习指导教师; a
 *   non-establishment contract teacher once the contract has run 2 years (聘期达到2年); a public-course or other
 *   teacher who teaches or has moved into professional courses, as a professional-course teacher (兼任、转任).
 * - DS-ELIGIBLE-ENTERPRISE (企业兼职教师): working in an enterprise or with enterprise experience, formally hired,
 *   teaching part-time, generally not above the statutory retirement age (一般不超过法定退休年龄).
 * - DS-CERTIFIER: 省级认定 by 甘肃省教育厅.
 *
 * Each rule reads a parameter only the Gansu layer sets, so outside Gansu it says nothing.
 *
 * @since 0.1.0
 */
import { DualQualified, Identity, IsoDate, National, Policy, Rule, Teacher } from "@chanjiao/core"
import type { Finding, Parameter, Practice, Text } from "@chanjiao/core"
import * as Either from "effect/Either"
import * as P from "./Parameters.js"
import * as Sources from "./Sources.js"

/**
 * Whether a teacher is within the Gansu 认定范围 on a date, and why.
 *
 * @since 0.1.0
 * @category models
 */
export interface Scope {
  /** 校内专业课教师 or 企业兼职教师. */
  readonly category: DualQualified.Category
  readonly inScope: boolean
  /** Why (in or out), in Chinese and English. */
  readonly reason: Text.Text
  /** For a contract teacher not yet in scope: the first day the contract has run long enough. */
  readonly from?: IsoDate.IsoDate
  /** The exclusion is a soft one ("一般"): past the retirement age. */
  readonly soft: boolean
  /** The parameters the verdict rests on. */
  readonly parameters: ReadonlyArray<Parameter.Any>
}

// The scope parameters a verdict rests on: the named school types, plus the inferred ones when the school is
// only in scope by that inference (so the finding is marked unverified).
const verifiedScope: ReadonlyArray<Parameter.Any> = [P.scopeSchoolTypes]
const inferredScope: ReadonlyArray<Parameter.Any> = [P.scopeSchoolTypes, P.scopeInferredSchoolTypes]
const contractOf = (scope: ReadonlyArray<Parameter.Any>): ReadonlyArray<Parameter.Any> => [...scope, National.dsContractYearsMin]
const ageOf = (scope: ReadonlyArray<Parameter.Any>): ReadonlyArray<Parameter.Any> => [...scope, National.retirementAgeMale, National.retirementAgeFemale]
const contractParams = contractOf(inferredScope)
const ageParams = ageOf(inferredScope)

const inSchoolScope = (t: Teacher.Teacher, policy: Policy.Resolved, scopeParams: ReadonlyArray<Parameter.Any>): Scope => {
  const asOf = policy.asOf
  const contractParams = contractOf(scopeParams)
  const out = (reason: Text.Text, parameters = scopeParams, from?: IsoDate.IsoDate): Scope =>
    from === undefined ? { category: "in-school", inScope: false, reason, soft: false, parameters } : { category: "in-school", inScope: false, reason, from, soft: false, parameters }
  const byReference = t.courseType === "public" && !t.internshipTutor
  if (byReference && !t.attestations.some((a) => a.criterion === "DS-ELIGIBLE-INSCHOOL" && a.attestedOn <= asOf)) {
    return out({
      zh: "公共课教师须兼任或转任专业课，经学校确认后按专业课教师申报（第二条）",
      en: "a public-course teacher applies as a professional-course teacher once the school confirms they teach professional courses (第二条)"
    })
  }
  if (t.staffing === "contract") {
    const years = policy.value(National.dsContractYearsMin)
    const since = t.contractStart ?? t.hiredOn
    if (years !== undefined) {
      const from = IsoDate.addYears(since, years)
      // 聘期达到2年: in scope on the day the contract has run the full years, not before.
      if (from > asOf) {
        return out(
          {
            zh: `非在编合同制教师聘期自 ${since} 起未满${years}年，${from} 起方可按校内专业课教师申报（第二条）`,
            en: `a contract teacher whose contract began ${since} has not served ${years} years: may apply as an in-school teacher from ${from} (第二条)`
          },
          contractParams,
          from
        )
      }
      return {
        category: "in-school",
        inScope: true,
        reason: { zh: `非在编合同制教师，聘期自 ${since} 起已满${years}年（第二条）`, en: `contract teacher since ${since}, ${years} years served (第二条)` },
        soft: false,
        parameters: contractParams
      }
    }
  }
  return {
    category: "in-school",
    inScope: true,
    reason: byReference
      ? { zh: "公共课教师兼任或转任专业课，按专业课教师申报（第二条）", en: "a public-course teacher teaching professional courses, applying as one (第二条)" }
      : t.internshipTutor
        ? { zh: "实习指导教师（第二条）", en: "internship tutor (第二条)" }
        : { zh: "专任专业课教师（第二条）", en: "full-time professional-course teacher (第二条)" },
    soft: false,
    parameters: scopeParams
  }
}

const enterpriseScope = (t: Teacher.Teacher, policy: Policy.Resolved, scopeParams: ReadonlyArray<Parameter.Any>): Scope => {
  const asOf = policy.asOf
  const ageParams = ageOf(scopeParams)
  const out = (reason: Text.Text, soft = false, parameters = scopeParams): Scope => ({ category: "enterprise", inScope: false, reason, soft, parameters })
  const pt = t.partTime
  if (pt === undefined) return out({ zh: "须为经正式聘任的企业兼职教师（第二条）", en: "must be a formally hired part-time teacher (第二条)" })
  if (pt.appointment.start > asOf || pt.appointment.end < asOf) {
    return out({
      zh: `正式聘任的聘期（${pt.appointment.start} 至 ${pt.appointment.end}）未覆盖 ${asOf}（第二条）`,
      en: `the appointment (${pt.appointment.start} to ${pt.appointment.end}) does not cover ${asOf} (第二条)`
    })
  }
  // 在企业工作或具有企业工作经历: still employed by the enterprise, or a record of enterprise work.
  const inEnterprise = !pt.retired || pt.productionYears > 0 || t.enterpriseExperience.some((e) => e.start <= asOf)
  if (!inEnterprise) return out({ zh: "须在企业工作或具有企业工作经历（第二条）", en: "must work in an enterprise or have enterprise experience (第二条)" })
  const birth = Teacher.birthDate(t)
  const sex = Identity.personSex(t)
  const maxAge = sex === "female" ? policy.value(National.retirementAgeFemale) : sex === "male" ? policy.value(National.retirementAgeMale) : undefined
  if (birth !== undefined && maxAge !== undefined) {
    const retires = IsoDate.addYears(birth, maxAge)
    // Reaching the age on the birthday is not exceeding it; from the next day the teacher is above it.
    if (retires < asOf) {
      return out(
        {
          zh: `已于 ${retires} 达到法定退休年龄（${maxAge}岁），一般不再认定（第二条）`,
          en: `reached the statutory retirement age (${maxAge}) on ${retires}: generally not certified (第二条)`
        },
        true,
        ageParams
      )
    }
  }
  return {
    category: "enterprise",
    inScope: true,
    reason: { zh: `经正式聘任的企业兼职教师（${pt.employerName}，第二条）`, en: `formally hired part-time teacher (${pt.employerName}, 第二条)` },
    soft: false,
    parameters: ageParams
  }
}

/**
 * Whether the teacher is within the Gansu 认定范围 on the policy's date (DS-ELIGIBLE-INSCHOOL,
 * DS-ELIGIBLE-ENTERPRISE). `undefined` where the Gansu layer is not in force (another province, or before
 * 2023-01-15) or the school is not of a kind the standard covers. For a school only in scope by inference
 * (a technical school), the verdict's `parameters` include `gansu.scopeInferredSchoolTypes` (unverified).
 *
 * @since 0.1.0
 * @category combinators
 */
export const scopeOf = (teacher: Teacher.Teacher, schoolType: Practice.Subject["schoolType"], policy: Policy.Resolved): Scope | undefined => {
  const types = policy.value(P.scopeSchoolTypes)
  if (types === undefined) return undefined
  const named = types.includes(schoolType)
  if (!named && !(policy.value(P.scopeInferredSchoolTypes) ?? []).includes(schoolType)) return undefined
  const scopeParams = named ? verifiedScope : inferredScope
  return DualQualified.categoryOf(teacher) === "enterprise" ? enterpriseScope(teacher, policy, scopeParams) : inSchoolScope(teacher, policy, scopeParams)
}

const versions = (check: (s: Practice.Subject, ctx: Rule.Context) => ReadonlyArray<Finding.Finding>, parameters: ReadonlyArray<Parameter.Any>) => [
  { effectiveFrom: Sources.issuedOn, citations: [Sources.standard("第二条")], parameters, check }
]

const NONE: ReadonlyArray<Finding.Finding> = []

/**
 * DS-ELIGIBLE-INSCHOOL (Gansu 第二条): an `info` finding for a full-time teacher outside the 认定范围 — above all a
 * contract teacher whose contract has not yet run 2 years, with the date they come into scope.
 *
 * @since 0.1.0
 * @category rules
 */
export const inSchoolRule: Rule.Rule<Practice.Subject> = Rule.make<Practice.Subject>({
  id: "DS-ELIGIBLE-INSCHOOL-GS",
  area: "teacher",
  title: { zh: "校内专业课教师认定范围（甘肃，DS-ELIGIBLE-INSCHOOL）", en: "in-school scope (Gansu, DS-ELIGIBLE-INSCHOOL)" },
  description: {
    zh: "专任专业课教师（含实习指导教师）；非在编合同制教师聘期达到2年；兼任、转任专业课的公共课教师",
    en: "full-time professional-course teachers and tutors; contract teachers after 2 years; public-course teachers teaching professional courses"
  },
  confidence: "L",
  subject: "Teacher",
  versions: versions(({ schoolType, teacher }, ctx) => {
    if (teacher.hiredOn > ctx.asOf || DualQualified.categoryOf(teacher) !== "in-school") return NONE
    const s = scopeOf(teacher, schoolType, ctx.policy)
    if (s === undefined || s.inScope) return NONE
    const years = ctx.policy.value(National.dsContractYearsMin)
    const since = teacher.contractStart ?? teacher.hiredOn
    return [
      ctx.finding({
        severity: "info",
        message: { zh: `不在甘肃双师型认定范围：${s.reason.zh}`, en: `outside the Gansu certification scope: ${s.reason.en}` },
        ...(s.from === undefined
          ? {}
          : {
              deadline: s.from,
              remedy: { zh: `${s.from} 起可申报`, en: `may apply from ${s.from}` },
              measured: { value: Math.floor((IsoDate.diffDays(since, ctx.asOf) / 365.25) * 100) / 100, unit: "years" as const },
              ...(years === undefined ? {} : { threshold: { comparator: ">=" as const, value: years, unit: "years" as const } })
            }),
        parameters: s.parameters
      })
    ]
  }, contractParams)
})

/**
 * DS-ELIGIBLE-ENTERPRISE (Gansu 第二条): an `info` finding for a part-time teacher outside the 认定范围 (not
 * formally hired on the date, or no enterprise work). Past the retirement age is core's DS-ELIGIBLE-ENTERPRISE
 * warning, which already cites this article: this rule does not repeat it.
 *
 * @since 0.1.0
 * @category rules
 */
export const enterpriseRule: Rule.Rule<Practice.Subject> = Rule.make<Practice.Subject>({
  id: "DS-ELIGIBLE-ENTERPRISE-GS",
  area: "part-time-teacher",
  title: { zh: "企业兼职教师认定范围（甘肃，DS-ELIGIBLE-ENTERPRISE）", en: "enterprise scope (Gansu, DS-ELIGIBLE-ENTERPRISE)" },
  description: {
    zh: "在企业工作或具有企业工作经历、经正式聘任、一般不超过法定退休年龄的兼职教师",
    en: "part-time teachers working in or with experience of enterprises, formally hired, generally not past retirement age"
  },
  confidence: "L",
  subject: "Teacher",
  versions: versions(({ schoolType, teacher }, ctx) => {
    if (teacher.hiredOn > ctx.asOf || DualQualified.categoryOf(teacher) !== "enterprise") return NONE
    const s = scopeOf(teacher, schoolType, ctx.policy)
    if (s === undefined || s.inScope || s.soft) return NONE
    return [ctx.finding({ severity: "info", message: { zh: `不在甘肃双师型认定范围：${s.reason.zh}`, en: `outside the Gansu certification scope: ${s.reason.en}` }, parameters: s.parameters })]
  }, ageParams)
})

/**
 * The certifier in force for the policy's jurisdiction and date (甘肃省教育厅, 省级认定, in Gansu), if a
 * provincial pack names one.
 *
 * @since 0.1.0
 * @category combinators
 */
export const certifierOf = (policy: Policy.Resolved): P.Certifier | undefined => policy.value(P.certifier)

/**
 * DS-CERTIFIER (Gansu): a certification granted in Gansu since the standard took effect names 甘肃省教育厅 as its
 * certifier (省级认定); another name is a `warning` (the procedure's articles were not read, so a delegation
 * cannot be ruled out).
 *
 * @since 0.1.0
 * @category rules
 */
export const certifierRule: Rule.Rule<DualQualified.Certification> = Rule.make<DualQualified.Certification>({
  id: "DS-CERTIFIER-GS",
  area: "teacher",
  title: { zh: "双师型教师省级认定（甘肃，DS-CERTIFIER）", en: "provincial certification (Gansu, DS-CERTIFIER)" },
  confidence: "L",
  subject: "Certification",
  versions: [
    {
      effectiveFrom: Sources.issuedOn,
      citations: [Sources.procedure("印发通知（省级认定）")],
      parameters: [P.certifier],
      check: (c, ctx) => {
        const expected = ctx.policy.explain(P.certifier)
        if (expected.value === undefined || expected.entry === undefined) return NONE
        if ((c.state !== "certified" && c.state !== "revoked") || c.certifiedOn === undefined || c.certifiedOn < expected.entry.effectiveFrom) return NONE
        if (c.certifier === expected.value.name) return NONE
        return [
          ctx.finding({
            severity: "warning",
            message: {
              zh: `甘肃实行省级认定，认定机构应为${expected.value.name}，记录为“${c.certifier ?? "（未填）"}”`,
              en: `Gansu certifies at the provincial level: the certifier should be ${expected.value.name}, recorded as "${c.certifier ?? "(none)"}"`
            },
            remedy: { zh: `核对认定文件，将认定机构记为${expected.value.name}`, en: `check the certificate and record ${expected.value.name} as the certifier` },
            parameters: [P.certifier]
          })
        ]
      }
    }
  ]
})

/**
 * Runs the `Certification` rules of the policy (DS-CERTIFIER-GS) on one certification record.
 *
 * @since 0.1.0
 * @category combinators
 */
export const checkCertification = (policy: Policy.Resolved, c: DualQualified.Certification): ReadonlyArray<Finding.Finding> =>
  Policy.checkAll(policy, "Certification", c, { id: c.id })

/**
 * Certifies a reviewed application in Gansu: `DualQualified.transition` with the certifier the policy names
 * (甘肃省教育厅). Refused, like any certification, when the level is not met or a veto is in force; refused as
 * `not-eligible` when the policy names no certifier (outside Gansu) or the teacher is outside the 认定范围.
 *
 * @since 0.1.0
 * @category combinators
 */
export const certify = (
  c: DualQualified.Certification,
  on: IsoDate.IsoDate,
  context: { readonly teacher: Teacher.Teacher; readonly schoolType: Practice.Subject["schoolType"]; readonly policy: Policy.Resolved }
): Either.Either<DualQualified.Certification, DualQualified.Refusal> => {
  const who = certifierOf(context.policy)
  const left = (message: Text.Text): Either.Either<DualQualified.Certification, DualQualified.Refusal> =>
    Either.left({ reason: "not-eligible", message, missing: [] })
  if (who === undefined) return left({ zh: "当前政策未规定甘肃省级认定机构", en: "the policy names no Gansu certifier" })
  const s = scopeOf(context.teacher, context.schoolType, context.policy)
  if (s !== undefined && !s.inScope && !s.soft) return left(s.reason)
  return DualQualified.transition(c, { _tag: "Certify", on, certifier: who.name }, context)
}

/**
 * The rules this pack adds.
 *
 * @since 0.1.0
 * @category rules
 */
export const rules: ReadonlyArray<Rule.Any> = [inSchoolRule as Rule.Any, enterpriseRule as Rule.Any, certifierRule as Rule.Any]
