/**
 * Internship compliance gates (《职业学校学生实习管理规定》 2021, and the 2016 provisions for days before
 * 2021-12-31): `check` returns every applicable rule's findings, each judged by the version in force on its own
 * days — an internship spanning 2021-12-31 is split there; age is computed for each day (a student who turns 16
 * during the placement is flagged for the days before); ratios are checked against the headcounts in force on
 * each day. `canStart` is the start gate; `checkBatch` a whole batch with summaries.
 *
 * Scope (INT-SCOPE-SCHOOLS): full-time diploma students of 中职, 高职专科 and 高职本科. No body may force a
 * school to use a designated unit (INT-NO-FORCED-UNIT): that is a duty on others, not a check on the record.
 *
 * @since 0.1.0
 */
import type { InternshipAgreement } from "./Agreement.js"
import type { Citation } from "./Citation.js"
import type { Finding, Severity } from "./Finding.js"
import * as Identity from "./Identity.js"
import * as civil from "./internal/date.js"
import * as stamp from "./internal/finding.js"
import type { Internship } from "./Internship.js"
import * as N from "./internal/national-parameters.js"
import * as Iso from "./IsoDate.js"
import type { IsoDate } from "./IsoDate.js"
import type { Jurisdiction } from "./Jurisdiction.js"
import type * as Parameter from "./Parameter.js"
import * as Policy from "./Policy.js"
import * as Rule from "./Rule.js"
import * as Sources from "./Sources.js"
import type { Student } from "./Student.js"
import type { Text } from "./Text.js"

/**
 * What the internship rules check.
 *
 * @since 0.1.0
 * @category models
 */
export interface Subject {
  readonly internship: Internship
  readonly student: Student
  /** The tripartite agreement, when there is one (INT-AGREE-3P, INT-AGREE-FIELDS). */
  readonly agreement?: InternshipAgreement | undefined
}

/**
 * A subject judged over one stretch of days under one set of rule versions. Evidence dated after `cutoff`
 * (signatures, consent, the site report, approvals) does not count: it had to exist before the internship
 * started, or — for `canStart` — by the date asked about.
 *
 * @since 0.1.0
 * @category models
 */
export interface Judged extends Subject {
  readonly from: IsoDate
  readonly to: IsoDate
  readonly cutoff: IsoDate
  /** Whether the placement is split into several stretches (messages then name the stretch). */
  readonly split: boolean
}

/**
 * 岗位实习 in the 2021 sense: 岗位实习 itself or the 2016 跟岗/顶岗 it replaced (INT-KIND-TYPES).
 *
 * @since 0.1.0
 * @category guards
 */
export const isPostType = (i: Pick<Internship, "kind">): boolean => i.kind !== "observation"

const span = (j: Judged): Text => (j.split ? { zh: `（${j.from} 至 ${j.to}）`, en: ` (${j.from} to ${j.to})` } : WHOLE)
const WHOLE: Text = { zh: "", en: "" }

const v2021 = (article: string, confidence: Citation["confidence"] = "D") => ({ effectiveFrom: "2021-12-31" as IsoDate, citations: [Sources.internship2021(article, confidence)] })
const v2016 = (article: string, confidence: Citation["confidence"] = "D") => ({ effectiveFrom: "2016-04-11" as IsoDate, citations: [Sources.internship2016(article, confidence)] })

type Check = (j: Judged, ctx: Rule.Context) => ReadonlyArray<Finding>
type V = { readonly effectiveFrom: IsoDate; readonly citations: ReadonlyArray<Citation>; readonly parameters?: ReadonlyArray<Parameter.Any>; readonly check: Check }

const rule = (id: string, title: Text, confidence: Citation["confidence"], versions: ReadonlyArray<V>): Rule.Rule<Judged> =>
  Rule.make<Judged>({
    id,
    area: "internship",
    title,
    confidence,
    subject: "Internship",
    versions: versions.map((v) => ({ effectiveFrom: v.effectiveFrom, citations: v.citations, parameters: v.parameters ?? [], check: v.check }))
  })

const one = (ctx: Rule.Context, severity: Severity, message: Text, extra?: Omit<Rule.FindingInput, "severity" | "message">): ReadonlyArray<Finding> => {
  // Field by field rather than spreading the extras in (the finding reads the same fields either way).
  const input: { -readonly [K in keyof Rule.FindingInput]: Rule.FindingInput[K] } = { severity, message }
  if (extra !== undefined) {
    if (extra.remedy !== undefined) input.remedy = extra.remedy
    if (extra.deadline !== undefined) input.deadline = extra.deadline
    if (extra.measured !== undefined) input.measured = extra.measured
    if (extra.threshold !== undefined) input.threshold = extra.threshold
    if (extra.parameters !== undefined) input.parameters = extra.parameters
    if (extra.citations !== undefined) input.citations = extra.citations
  }
  return [ctx.finding(input)]
}

/** The empty result, shared: a clean internship allocates nothing per rule. */
const NONE: ReadonlyArray<Finding> = Object.freeze([])

/**
 * What the wrappers below add to a check of this module: the checker applies these tests itself, once per
 * internship, and calls the check unwrapped — or not at all — instead of calling through a wrapper per rule.
 */
interface Direct {
  /** The check without its wrappers. */
  readonly check: Check
  /** The check runs for 岗位实习 only (`postOnly`). */
  readonly postOnly: boolean
  /** The check runs only where the policy says so (`when`). */
  readonly when: ((l: Limits) => boolean) | undefined
}
// Keyed by the wrapped function, as a rule version holds it.
const directs = new WeakMap<object, Direct>()

/** A check for 岗位实习 only. */
const postOnly = (check: Check): Check => {
  const wrapped: Check = (j, ctx) => (isPostType(j.internship) ? check(j, ctx) : NONE)
  const inner = directs.get(check)
  directs.set(wrapped, { check: inner?.check ?? check, postOnly: true, when: inner?.when })
  return wrapped
}

/** A check that runs only where the policy's values say so (a local gate, a rule for one setting). */
const when = (applies: (l: Limits) => boolean, check: Check): Check => {
  const wrapped: Check = (j, ctx) => (applies(limits(ctx)) ? check(j, ctx) : NONE)
  const inner = directs.get(check)
  const also = inner?.when
  directs.set(wrapped, { check: inner?.check ?? check, postOnly: inner?.postOnly ?? false, when: also === undefined ? applies : (l) => applies(l) && also(l) })
  return wrapped
}

/**
 * The values the internship rules read from a resolved policy. A bulk check reads some twenty of them per
 * internship, all from one policy: they are read once per resolved policy instead.
 */
const resolveLimits = (policy: Policy.Resolved) => ({
  kinds: policy.value(N.internshipKinds),
  minAge: policy.value(N.internshipPostMinAge),
  minGrade: policy.value(N.internshipPostMinGrade),
  bannedVenues: policy.value(N.internshipBannedVenues),
  agencyFine: policy.value(N.internshipAgencyFine),
  maxLabourIntensity: policy.value(N.internshipMaxLabourIntensity),
  unitRatioMax: policy.value(N.internshipUnitRatioMax),
  postRatioMax: policy.value(N.internshipPostRatioMax),
  durationMonths: policy.value(N.internshipPostDurationMonths),
  medicalDurationMonths: policy.value(N.internshipMedicalDurationMonths),
  maxDailyHours: policy.value(N.internshipMaxDailyHours),
  maxWeeklyHours: policy.value(N.internshipMaxWeeklyHours),
  payMinShare: policy.value(N.internshipPayMinShare),
  payBasis: policy.value(N.internshipPayBasis),
  payCycleMaxMonths: policy.value(N.internshipPayCycleMaxMonths),
  bannedFees: policy.value(N.internshipBannedFees),
  consentScope: policy.value(N.internshipConsentScope),
  siteVisitAspects: policy.value(N.internshipSiteVisitAspects),
  gateFiling: policy.value(N.internshipGateFiling),
  gateTraining: policy.value(N.internshipGateTraining),
  gateUnitList: policy.value(N.internshipGateUnitList),
  gateDisguise: policy.value(N.internshipGateDisguise)
})
type Limits = ReturnType<typeof resolveLimits>

const limitsCache = new WeakMap<Policy.Resolved, Limits>()
// Every rule of one internship asks about the same policy: the last one answered is checked first.
let lastPolicy: Policy.Resolved | undefined
let lastLimits: Limits | undefined

const limits = (ctx: Rule.Context): Limits => limitsOf(ctx.policy)

const limitsOf = (policy: Policy.Resolved): Limits => {
  if (policy === lastPolicy && lastLimits !== undefined) return lastLimits
  let found = limitsCache.get(policy)
  if (found === undefined) {
    found = resolveLimits(policy)
    limitsCache.set(policy, found)
  }
  lastPolicy = policy
  lastLimits = found
  return found
}

/** Whether `have` holds every one of `needed` (plain loops: every agreement and site report is checked). */
const holdsAll = (have: ReadonlyArray<string>, needed: ReadonlyArray<string>): boolean => {
  next: for (const n of needed) {
    for (const h of have) if (h === n) continue next
    return false
  }
  return true
}

/** Days from `a` to `b` inclusive. */
const days = (a: IsoDate, b: IsoDate) => Iso.diffDays(a, b) + 1

// -------------------------------------------------------------------------------------------------------------
// The rules
// -------------------------------------------------------------------------------------------------------------

const kindRule = rule("INT-KIND-TYPES", { zh: "实习类型", en: "internship kinds" }, "D", [
  {
    ...v2016("第二条"),
    parameters: [N.internshipKinds],
    check: (j, ctx) => kindCheck(j, ctx)
  },
  {
    ...v2021("第二条"),
    parameters: [N.internshipKinds],
    check: (j, ctx) => kindCheck(j, ctx)
  }
])
const kindLabel: { readonly [K in Internship["kind"]]: string } = { observation: "认识实习", post: "岗位实习", "following-post": "跟岗实习", "taking-post": "顶岗实习" }
const kindCheck: Check = (j, ctx) => {
  const kinds = limits(ctx).kinds
  if (kinds === undefined || kinds.includes(j.internship.kind)) return NONE
  // Legacy kinds map to 岗位实习 and the other way round: a mapping to note, not a breach.
  return one(
    ctx,
    "info",
    {
      zh: `${ctx.asOf} 起施行的规定中没有“${kindLabel[j.internship.kind]}”，按${j.internship.kind === "post" ? "跟岗/顶岗实习" : "岗位实习"}对待${span(j).zh}`,
      en: `"${j.internship.kind}" is not a kind under the rules in force; treated as ${j.internship.kind === "post" ? "following/taking-post" : "a post internship"}${span(j).en}`
    },
    { measured: { value: j.internship.kind }, threshold: { comparator: "in", value: [...kinds] }, parameters: [N.internshipKinds] }
  )
}

const selfApprovalRule = rule("INT-SELF-APPROVAL", { zh: "自行选择实习单位须经学校同意", en: "self-arranged internships need approval" }, "D", [
  {
    ...v2021("第二条"),
    check: (j, ctx) =>
      j.internship.arrangement === "self" && (j.internship.selfApproval === undefined || j.internship.selfApproval.approvedOn > j.cutoff)
        ? one(ctx, "violation", { zh: "学生自行选择的实习单位未经学校批准", en: "the self-arranged internship has no school approval" }, { remedy: { zh: "由学校审核批准后再开始实习", en: "have the school approve it before it starts" } })
        : NONE
  }
])

const unitLegalRule = rule("INT-UNIT-LEGAL", { zh: "校内或园区基地须依法登记", en: "campus bases must be registered" }, "D", [
  {
    ...v2021("第二条"),
    check: (j, ctx) => {
      const u = j.internship.unit
      return (u.venueType === "school-base" || u.venueType === "park-base") && u.legalRegistration === "none"
        ? one(ctx, "violation", { zh: `实习单位“${u.name}”为校内或园区基地，但未登记为法人或非法人组织`, en: `"${u.name}" is a campus or park base not registered as a legal person or unincorporated organisation` }, {
            remedy: { zh: "办理法人或非法人组织登记，或另选实习单位", en: "register it, or choose another unit" }
          })
        : NONE
    }
  }
])

const ageCheck: Check = (j, ctx) => {
  const min = limits(ctx).minAge
  const birth = Identity.personBirthDate(j.student)
  if (min === undefined) return NONE
  if (birth === undefined) {
    return one(ctx, "warning", { zh: "学生无出生日期或身份证号，无法核对年龄", en: "no birth date or ID number: the age cannot be checked" }, { remedy: { zh: "补录身份证号或出生日期", en: "record the ID number or birth date" } })
  }
  // Age on each day: the student is too young on every day before the day they turn `min`.
  if (Iso.ageAt(birth, j.from) >= min) return NONE
  const turns = Iso.addYears(birth, min)
  if (turns <= j.from) return NONE
  const last = Iso.min(j.to, Iso.addDays(turns, -1))
  return one(
    ctx,
    "violation",
    {
      zh: `学生 ${j.from} 至 ${last} 共 ${days(j.from, last)} 天未满${min}周岁（${turns} 年满），不得安排岗位实习`,
      en: `the student is under ${min} for ${days(j.from, last)} days, ${j.from} to ${last} (turns ${min} on ${turns})`
    },
    {
      remedy: { zh: `岗位实习自 ${turns} 起开始`, en: `start the post internship on or after ${turns}` },
      deadline: turns,
      measured: { value: Iso.ageAt(birth, j.from), unit: "years" },
      threshold: { comparator: ">=", value: min, unit: "years" },
      parameters: [N.internshipPostMinAge]
    }
  )
}
const ageRule = rule("INT-AGE-16", { zh: "未满16周岁不得岗位实习", en: "no post internship under 16" }, "D", [
  { ...v2016("第十五条", "S"), parameters: [N.internshipPostMinAge], check: postOnly(ageCheck) },
  { ...v2021("第十六条第（二）项"), parameters: [N.internshipPostMinAge], check: postOnly(ageCheck) }
])

const gradeCheck: Check = (j, ctx) => {
  const min = limits(ctx).minGrade
  if (min === undefined || j.student.grade >= min) return NONE
  return one(ctx, "violation", { zh: `学生为${j.student.grade}年级，不得安排岗位实习`, en: `a grade ${j.student.grade} student may not do a post internship` }, {
    measured: { value: j.student.grade, unit: "grade" },
    threshold: { comparator: ">=", value: min, unit: "grade" },
    parameters: [N.internshipPostMinGrade]
  })
}
const gradeRule = rule("INT-GRADE-1", { zh: "一年级学生不得岗位实习", en: "no post internship in the first year" }, "D", [
  { ...v2016("第十五条", "S"), parameters: [N.internshipPostMinGrade], check: postOnly(gradeCheck) },
  { ...v2021("第十六条第（一）项"), parameters: [N.internshipPostMinGrade], check: postOnly(gradeCheck) }
])

const minorRule = rule("INT-MINOR-PROHIB", { zh: "未成年人不得从事未成年工禁忌作业", en: "no work banned for minors" }, "D", [
  {
    ...v2021("第十六条第（三）项"),
    check: (j, ctx) => {
      if (!j.internship.post.bannedForMinors) return NONE
      const birth = Identity.personBirthDate(j.student)
      if (birth === undefined) return one(ctx, "warning", { zh: "岗位属未成年工禁忌作业，但无法核对学生年龄", en: "the post is banned for minors and the age is unknown" })
      const adult = Iso.addYears(birth, 18)
      if (adult <= j.from) return NONE
      const last = Iso.min(j.to, Iso.addDays(adult, -1))
      return one(ctx, "violation", { zh: `岗位属《未成年工特殊保护规定》禁忌作业，学生 ${j.from} 至 ${last} 未满18周岁`, en: `the post is banned for minors; the student is under 18 from ${j.from} to ${last}` }, { deadline: adult })
    }
  }
])

const femaleRule = rule("INT-FEMALE-PROHIB", { zh: "女学生不得从事女职工禁忌作业", en: "no work banned for women" }, "D", [
  {
    ...v2021("第十六条第（四）项"),
    check: (j, ctx) =>
      j.internship.post.bannedForWomen && Identity.personSex(j.student) === "female"
        ? one(ctx, "violation", { zh: "岗位属《女职工劳动保护特别规定》禁忌作业，不得安排女学生", en: "the post is banned for women under the special protection rules" })
        : NONE
  }
])

const venueCheck: Check = (j, ctx) => {
  const banned = limits(ctx).bannedVenues ?? []
  const v = j.internship.unit.venueType
  return banned.includes(v)
    ? one(ctx, "violation", { zh: `不得安排学生到${N.internshipBannedVenues.labels?.[v]?.zh ?? v}等营业性娱乐场所实习${span(j).zh}`, en: `no internship in a ${v}${span(j).en}` }, {
        measured: { value: v },
        threshold: { comparator: "not-in", value: [...banned] },
        parameters: [N.internshipBannedVenues]
      })
    : NONE
}
const venueRule = rule("INT-VENUE-BAN", { zh: "不得到营业性娱乐场所实习", en: "no entertainment venues" }, "D", [
  { ...v2016("第十五条", "S"), parameters: [N.internshipBannedVenues], check: venueCheck },
  { ...v2021("第十六条第（五）项"), parameters: [N.internshipBannedVenues], check: venueCheck }
])

const agencyRule = rule("INT-AGENCY-BAN", { zh: "不得通过中介机构或有偿代理组织实习", en: "no intermediaries or paid agents" }, "D", [
  {
    ...v2016("第十五条", "S"),
    check: (j, ctx) =>
      j.internship.organisedThrough === "intermediary" || j.internship.organisedThrough === "paid-agent"
        ? one(ctx, "violation", { zh: "通过中介机构或有偿代理组织、安排、管理实习", en: "the internship is organised through an intermediary or paid agent" })
        : NONE
  },
  {
    ...v2021("第十六条第（六）项"),
    check: (j, ctx) =>
      j.internship.organisedThrough !== "direct"
        ? one(ctx, "violation", { zh: "通过中介机构、有偿代理或劳务派遣组织、安排、管理实习", en: "the internship is organised through an intermediary, paid agent or dispatch agency" })
        : NONE
  }
])

const penaltyRule = rule("INT-PENALTY-AGENCY", { zh: "通过人力资源服务机构、劳务派遣单位组织实习的处罚", en: "penalty for agency-organised internships" }, "S", [
  {
    effectiveFrom: "2022-05-01" as IsoDate,
    citations: [{ document: "中华人民共和国职业教育法", article: "第六十六条", date: "2022-04-20" as IsoDate, confidence: "S" }],
    parameters: [N.internshipAgencyFine],
    check: (j, ctx) => {
      const fine = limits(ctx).agencyFine
      if (fine === undefined || j.internship.organisedThrough === "direct") return NONE
      return one(
        ctx,
        "info",
        {
          zh: `学校因此可被责令改正、没收违法所得，并处违法所得${fine.minMultiple}至${fine.maxMultiple}倍罚款（不足${fine.minBaseYuan}元按${fine.minBaseYuan}元计），即至少 ${fine.minMultiple * fine.minBaseYuan} 元`,
          en: `the school risks confiscation and a fine of ${fine.minMultiple}–${fine.maxMultiple}× the illegal income (counted as at least ${fine.minBaseYuan} yuan): at least ${fine.minMultiple * fine.minBaseYuan} yuan`
        },
        { parameters: [N.internshipAgencyFine] }
      )
    }
  }
])

const labourRule = rule("INT-LABOUR-III", { zh: "不得安排Ⅲ级及以上体力劳动强度", en: "no labour of intensity III or above" }, "D", [
  {
    ...v2021("第十六条第（七）项"),
    parameters: [N.internshipMaxLabourIntensity],
    check: (j, ctx) => {
      const max = limits(ctx).maxLabourIntensity
      const level = j.internship.post.labourIntensity
      if (max === undefined || level === undefined || level <= max) return NONE
      return one(ctx, "violation", { zh: `岗位体力劳动强度为${level}级，超过${max}级${span(j).zh}`, en: `labour intensity level ${level}, above ${max}${span(j).en}` }, {
        measured: { value: level, unit: "level" },
        threshold: { comparator: "<=", value: max, unit: "level" },
        parameters: [N.internshipMaxLabourIntensity]
      })
    }
  }
])

/** The headcount stretches in force over [from, to]: each snapshot applies from its date to the next one's. */
const headcountStretches = (j: Judged) => {
  const all = j.internship.unit.headcounts
  // The usual case: one snapshot, in force before the stretch starts.
  if (all.length === 1 && all[0]!.from <= j.from) return [{ from: j.from, to: j.to, h: all[0] }]
  const hs = [...all].sort((a, b) => (a.from < b.from ? -1 : 1))
  const out: Array<{ from: IsoDate; to: IsoDate; h: (typeof hs)[number] | undefined }> = []
  let cursor = j.from
  const firstFrom = hs[0]?.from
  if (firstFrom === undefined || firstFrom > j.from) {
    const end = firstFrom === undefined ? j.to : Iso.min(j.to, Iso.addDays(firstFrom, -1))
    out.push({ from: j.from, to: end, h: undefined })
    cursor = Iso.addDays(end, 1)
  }
  for (let i = 0; i < hs.length && cursor <= j.to; i++) {
    const next = hs[i + 1]?.from
    const end = next === undefined ? j.to : Iso.min(j.to, Iso.addDays(next, -1))
    if (end < cursor) continue
    out.push({ from: cursor, to: end, h: hs[i] })
    cursor = Iso.addDays(end, 1)
  }
  return out
}

const ratioCheck =
  (which: "unit" | "post", severity: Severity): Check =>
  (j, ctx) => {
    const param = which === "unit" ? N.internshipUnitRatioMax : N.internshipPostRatioMax
    const max = which === "unit" ? limits(ctx).unitRatioMax : limits(ctx).postRatioMax
    if (max === undefined) return NONE
    const all = j.internship.unit.headcounts
    // The usual case, one snapshot in force before the stretch starts: no list of stretches to build.
    if (all.length === 1 && all[0]!.from <= j.from) {
      const f = ratioFinding(which, severity, param, max, j.from, j.to, all[0]!, ctx)
      return f === undefined ? NONE : [f]
    }
    const out: Array<Finding> = []
    for (const s of headcountStretches(j)) {
      if (s.h === undefined) {
        out.push(
          ctx.finding({
            severity: "info",
            message: { zh: `${s.from} 至 ${s.to} 没有实习单位在岗人数，无法核对实习生比例`, en: `no headcounts from ${s.from} to ${s.to}: the intern ratio cannot be checked` },
            remedy: { zh: "录入实习单位在岗职工数和同期实习生数", en: "record the unit's headcounts" }
          })
        )
        continue
      }
      const f = ratioFinding(which, severity, param, max, s.from, s.to, s.h, ctx)
      if (f !== undefined) out.push(f)
    }
    return out
  }

/** The finding on one stretch's headcounts, when interns exceed the ratio. */
const ratioFinding = (
  which: "unit" | "post",
  severity: Severity,
  param: Parameter.Any,
  max: number,
  from: IsoDate,
  to: IsoDate,
  h: Internship["unit"]["headcounts"][number],
  ctx: Rule.Context
): Finding | undefined => {
  const interns = which === "unit" ? h.concurrentInterns : h.concurrentInternsSamePost
  const base = which === "unit" ? h.onPostTotal : h.samePostTotal
  const ratio = base === 0 ? (interns > 0 ? Number.POSITIVE_INFINITY : 0) : interns / base
  if (ratio <= max + 1e-12) return undefined
  const allowed = Math.floor(base * max + 1e-9)
  const share = base === 0 ? "" : (ratio * 100).toFixed(1)
  const cap = (max * 100).toFixed(0)
  return ctx.finding({
    severity,
    message: {
      zh: `${from} 至 ${to}，${which === "unit" ? "实习单位" : "同类岗位"}实习生 ${interns} 人，占在岗职工 ${base} 人的 ${base === 0 ? "—" : `${share}%`}，超过 ${cap}%`,
      en: `${from} to ${to}: ${interns} interns ${which === "unit" ? "at the unit" : "on the post"}, ${base === 0 ? "with no employees" : `${share}% of ${base} employees`}, over ${cap}%`
    },
    remedy: { zh: `同期实习生不超过 ${allowed} 人`, en: `at most ${allowed} concurrent interns` },
    measured: { value: base === 0 ? null : Math.round(ratio * 10000) / 10000, unit: "ratio" },
    threshold: { comparator: "<=", value: max, unit: "ratio" },
    parameters: [param]
  })
}
// 2016 Art. 9 is a hard cap; the 2021 wording is "一般不超过" (a soft limit): a warning.
const ratioUnitRule = rule("INT-RATIO-UNIT", { zh: "实习生不超过单位在岗职工的10%", en: "interns at most 10% of employees" }, "D", [
  { ...v2016("第九条"), parameters: [N.internshipUnitRatioMax], check: postOnly(ratioCheck("unit", "violation")) },
  { ...v2021("（条号未核实）", "S"), parameters: [N.internshipUnitRatioMax], check: postOnly(ratioCheck("unit", "warning")) }
])
const ratioPostRule = rule("INT-RATIO-POST", { zh: "同类岗位实习生不超过在岗职工的20%", en: "interns at most 20% of a post" }, "D", [
  { ...v2016("第九条"), parameters: [N.internshipPostRatioMax], check: postOnly(ratioCheck("post", "violation")) },
  { ...v2021("（条号未核实）", "S"), parameters: [N.internshipPostRatioMax], check: postOnly(ratioCheck("post", "warning")) }
])

// Medical majors: codes starting 72 (中职), 52 (高职专科) or 32 (高职本科). Read as characters: this runs for
// every internship.
const isMedical = (majorCode: string) => {
  const c0 = majorCode.charCodeAt(0)
  return majorCode.charCodeAt(1) === 50 && (c0 === 55 || c0 === 53 || c0 === 51)
}
const durationCheck: Check = (j, ctx) => {
  // Judged once, on the stretch where the placement starts.
  if (j.from !== j.internship.start) return NONE
  const l = limits(ctx)
  const months = l.durationMonths
  if (months === undefined) return NONE
  const medical = isMedical(j.student.majorCode) ? l.medicalDurationMonths : undefined
  const limit = medical ?? months
  // Within the limit when it ends before the same day `limit` months on (compared as epoch days: no date to
  // format on the clean path; at the calendar's edges the string function raises its error as before).
  const due = civil.addMonthsToDays(j.internship.start, limit)
  if (due === undefined ? j.internship.end < Iso.addMonths(j.internship.start, limit) : Iso.toEpochDays(j.internship.end) < due) return NONE
  return one(
    ctx,
    "warning",
    {
      zh: `岗位实习自 ${j.internship.start} 至 ${j.internship.end}，超过一般${limit}个月${medical !== undefined ? "（医卫类专业）" : ""}，请确认人才培养方案的安排`,
      en: `the post internship runs ${j.internship.start} to ${j.internship.end}, longer than the usual ${limit} months; check the training plan`
    },
    { parameters: medical !== undefined ? [N.internshipMedicalDurationMonths] : [N.internshipPostDurationMonths] }
  )
}
const durationRule = rule("INT-DUR-6M", { zh: "岗位实习一般为6个月", en: "post internships last 6 months" }, "S", [
  { ...v2016("第十条", "S"), parameters: [N.internshipPostDurationMonths], check: postOnly(durationCheck) },
  { ...v2021("（条号未核实）", "S"), parameters: [N.internshipPostDurationMonths, N.internshipMedicalDurationMonths], check: postOnly(durationCheck) }
])
const medicalRule = rule("INT-DUR-MED", { zh: "医卫类专业可延长临床实习", en: "longer clinical internships for medical majors" }, "L", [
  {
    effectiveFrom: "2021-12-31" as IsoDate,
    citations: [{ document: "职业学校学生实习管理规定实施细则（省级）", article: "岗位实习时间", confidence: "L" }],
    parameters: [N.internshipMedicalDurationMonths, N.internshipPostDurationMonths],
    check: postOnly((j, ctx) => {
      const medical = limits(ctx).medicalDurationMonths
      const months = limits(ctx).durationMonths
      if (medical === undefined || months === undefined || !isMedical(j.student.majorCode) || j.from !== j.internship.start) return NONE
      const usual = Iso.addDays(Iso.addMonths(j.internship.start, months), -1)
      if (j.internship.end <= usual) return NONE
      return one(ctx, "info", { zh: `医卫类专业岗位实习超过${months}个月，按省级规定可至${medical}个月`, en: `a medical major's internship over ${months} months: up to ${medical} under the provincial rule` }, {
        parameters: [N.internshipMedicalDurationMonths]
      })
    })
  }
])

const taskRule = rule("INT-TASK-COVERAGE", { zh: "覆盖岗位典型工作任务，不得仅安排简单重复劳动", en: "typical tasks, not only simple repetitive work" }, "S", [
  {
    ...v2021("（条号未核实）", "S"),
    check: postOnly((j, ctx) => {
      const p = j.internship.post
      if (p.coversTypicalTasks && !p.simpleRepetitiveOnly) return NONE
      return one(ctx, "violation", {
        zh: p.simpleRepetitiveOnly ? "岗位仅安排简单重复劳动" : "岗位未覆盖对应岗位群的典型工作任务",
        en: p.simpleRepetitiveOnly ? "the post is simple repetitive work only" : "the post does not cover the typical tasks of its post group"
      })
    })
  }
])

const majorRule = rule("INT-MAJOR-MATCH", { zh: "实习岗位与专业对口或相近", en: "post matches the major" }, "S", [
  {
    ...v2021("（条号未核实）", "S"),
    check: postOnly((j, ctx) =>
      j.internship.post.majorMatch === "unrelated"
        ? one(ctx, "violation", { zh: `实习岗位“${j.internship.post.name}”与所学专业（${j.student.majorCode}）不对口也不相近`, en: `the post "${j.internship.post.name}" neither matches nor is close to the major ${j.student.majorCode}` })
        : NONE
    )
  }
])

const profitRule = rule("INT-PROFIT-BAN", { zh: "严禁以营利为目的违规组织实习", en: "no internships for profit" }, "S", [
  { ...v2021("（条号未核实）", "S"), check: (j, ctx) => (j.internship.forProfit ? one(ctx, "violation", { zh: "以营利为目的组织实习（“严禁”）", en: "the internship is organised for profit (strictly banned)" }) : NONE) }
])

const exceptionFiled = (j: Judged) => j.internship.schedule.exceptionFiledOn !== undefined && j.internship.schedule.exceptionFiledOn <= j.cutoff

const holidayRule = rule("INT-HOLIDAY", { zh: "不得在法定节假日实习", en: "no internship on statutory holidays" }, "S", [
  ...[v2016("第十六条", "S"), v2021("（条号未核实）", "S")].map((v) => ({
    ...v,
    check: postOnly((j, ctx) =>
      j.internship.schedule.statutoryHolidayDays > 0 && !exceptionFiled(j)
        ? one(ctx, "violation", { zh: `法定节假日安排实习 ${j.internship.schedule.statutoryHolidayDays} 天，未报备特殊情况`, en: `${j.internship.schedule.statutoryHolidayDays} days on statutory holidays without a filed exception` }, {
            remedy: { zh: "取消节假日安排，或将专业/岗位特殊要求报主管部门备案", en: "cancel them, or file the special requirement with the authority" }
          })
        : NONE
    )
  }))
])

const nightRule = rule("INT-NIGHT-OT", { zh: "不得安排加班和夜班", en: "no overtime or night shifts" }, "S", [
  ...[v2016("第十六条", "S"), v2021("（条号未核实）", "S")].map((v) => ({
    ...v,
    check: postOnly((j, ctx) => {
      const s = j.internship.schedule
      if ((s.nightShifts === 0 && s.overtimeHours === 0) || exceptionFiled(j)) return NONE
      return one(ctx, "violation", { zh: `安排夜班 ${s.nightShifts} 次、加班 ${s.overtimeHours} 小时，未报备特殊情况`, en: `${s.nightShifts} night shifts and ${s.overtimeHours} overtime hours without a filed exception` })
    })
  }))
])

const riskLabel: { readonly [K: string]: string } = { height: "高空", underground: "井下", radioactive: "放射性", toxic: "有毒", "flammable-explosive": "易燃易爆", "other-high-risk": "其他高风险" }
const highRiskRule = rule("INT-HIGHRISK", { zh: "不得安排高风险作业", en: "no high-risk work" }, "S", [
  ...[v2016("第十六条", "S"), v2021("（条号未核实）", "S")].map((v) => ({
    ...v,
    check: postOnly((j, ctx) =>
      j.internship.post.risks.length > 0 && !exceptionFiled(j)
        ? one(ctx, "violation", { zh: `安排${j.internship.post.risks.map((r) => riskLabel[r]).join("、")}作业，未报备特殊情况`, en: `high-risk work (${j.internship.post.risks.join(", ")}) without a filed exception` })
        : NONE
    )
  }))
])

const hoursRule = rule("INT-HOURS-8", { zh: "每日不超过8小时", en: "at most 8 hours a day" }, "S", [
  {
    ...v2016("第十六条", "S"),
    parameters: [N.internshipMaxDailyHours, N.internshipMaxWeeklyHours],
    check: postOnly((j, ctx) => {
      const day = limits(ctx).maxDailyHours
      const week = limits(ctx).maxWeeklyHours
      const s = j.internship.schedule
      const overDay = day !== undefined && s.dailyHours > day
      const overWeek = week !== undefined && s.weeklyHours !== undefined && s.weeklyHours > week
      if (!overDay && !overWeek) return NONE
      const out: Array<Finding> = []
      if (overDay) {
        out.push(ctx.finding({ severity: "violation", message: { zh: `每日实习 ${s.dailyHours} 小时，超过 ${day} 小时`, en: `${s.dailyHours} hours a day, over ${day}` }, measured: { value: s.dailyHours, unit: "hours-per-day" }, threshold: { comparator: "<=", value: day, unit: "hours-per-day" }, parameters: [N.internshipMaxDailyHours] }))
      }
      if (overWeek) {
        out.push(ctx.finding({ severity: "violation", message: { zh: `每周实习 ${s.weeklyHours} 小时，超过 ${week} 小时`, en: `${s.weeklyHours} hours a week, over ${week}` }, measured: { value: s.weeklyHours, unit: "hours-per-week" }, threshold: { comparator: "<=", value: week, unit: "hours-per-week" }, parameters: [N.internshipMaxWeeklyHours] }))
      }
      return out
    })
  }
])

const noPay: Check = (j, ctx) =>
  one(ctx, "violation", { zh: "岗位实习未约定实习报酬", en: "no pay is recorded for the post internship" }, { remedy: { zh: "约定并支付合理的实习报酬", en: "agree and pay appropriate remuneration" } })

const pay2021 = rule("INT-PAY-80", { zh: "实习报酬不低于同岗位工资的80%或最低档工资", en: "pay at least 80% of the same-post wage or the lowest tier" }, "D", [
  {
    ...v2021("第十八条"),
    parameters: [N.internshipPayMinShare, N.internshipPayBasis],
    check: postOnly((j, ctx) => {
      const pay = j.internship.pay
      if (pay === undefined) return noPay(j, ctx)
      const share = limits(ctx).payMinShare
      if (share === undefined || !pay.independentCapable) return NONE
      // INT-PAY-80: either floor suffices (≥ 80% of the same-post wage, or ≥ the lowest wage tier).
      const ofWage = pay.samePostWage !== undefined ? share * pay.samePostWage : undefined
      const tier = pay.lowestTierWage
      if (ofWage === undefined && tier === undefined) {
        return one(ctx, "warning", { zh: "缺少同岗位工资标准和最低档工资标准，无法核对实习报酬", en: "no same-post wage or lowest tier recorded: the pay cannot be checked" })
      }
      const floor = ofWage === undefined ? tier! : tier === undefined ? ofWage : Math.min(ofWage, tier)
      if (pay.monthlyAmount + 1e-9 >= floor) return NONE
      const shown = floor.toFixed(2)
      const due = Math.ceil(floor)
      const stretch = span(j)
      return one(
        ctx,
        "violation",
        { zh: `月实习报酬 ${pay.monthlyAmount} 元，低于 ${shown} 元${stretch.zh}`, en: `monthly pay ${pay.monthlyAmount} yuan, under ${shown}${stretch.en}` },
        {
          remedy: { zh: `每月至少支付 ${due} 元`, en: `pay at least ${due} yuan a month` },
          measured: { value: pay.monthlyAmount, unit: "yuan" },
          threshold: { comparator: ">=", value: Math.round(floor * 100) / 100, unit: "yuan" },
          parameters: [N.internshipPayMinShare, N.internshipPayBasis]
        }
      )
    })
  }
])

const pay2016 = rule("INT-PAY-80-2016", { zh: "顶岗实习报酬不低于同岗位试用期工资的80%（2016）", en: "pay at least 80% of the probation wage (2016)" }, "S", [
  {
    ...v2016("第十七条", "S"),
    parameters: [N.internshipPayMinShare, N.internshipPayBasis],
    check: postOnly(when((l) => l.payBasis === "probation-wage", (j, ctx) => {
      const pay = j.internship.pay
      if (pay === undefined) return noPay(j, ctx)
      const share = limits(ctx).payMinShare
      if (share === undefined || !pay.independentCapable) return NONE
      if (pay.probationWage === undefined) return one(ctx, "warning", { zh: "缺少同岗位试用期工资，无法核对实习报酬", en: "no probation wage recorded: the pay cannot be checked" })
      const floor = share * pay.probationWage
      if (pay.monthlyAmount + 1e-9 >= floor) return NONE
      return one(ctx, "violation", { zh: `月实习报酬 ${pay.monthlyAmount} 元，低于试用期工资的${share * 100}%（${floor.toFixed(2)} 元）${span(j).zh}`, en: `monthly pay ${pay.monthlyAmount} yuan, under ${share * 100}% of the probation wage (${floor.toFixed(2)})${span(j).en}` }, {
        measured: { value: pay.monthlyAmount, unit: "yuan" },
        threshold: { comparator: ">=", value: Math.round(floor * 100) / 100, unit: "yuan" },
        parameters: [N.internshipPayMinShare, N.internshipPayBasis]
      })
    }))
  }
])

const cashRule = rule("INT-PAY-CASH", { zh: "以货币形式直接支付给学生", en: "pay in money, directly" }, "D", [
  {
    ...v2021("第十八条"),
    check: postOnly((j, ctx) => {
      const pay = j.internship.pay
      if (pay === undefined || (pay.form === "money" && pay.payer !== "third-party" && pay.directToStudent)) return NONE
      const problems: Array<string> = []
      const en: Array<string> = []
      if (pay.form !== "money") (problems.push(pay.form === "goods" ? "以实物代替货币" : "以代金券代替货币"), en.push(`paid in ${pay.form}`))
      if (pay.payer === "third-party") (problems.push("通过第三方转发"), en.push("paid through a third party"))
      if (!pay.directToStudent) (problems.push("未直接支付给学生"), en.push("not paid to the student directly"))
      return problems.length === 0 ? NONE : one(ctx, "violation", { zh: `实习报酬${problems.join("、")}`, en: `pay ${en.join(", ")}` })
    })
  }
])

const cycleRule = rule("INT-PAY-CYCLE", { zh: "实习报酬支付周期原则上不超过1个月", en: "paid at least monthly" }, "D", [
  {
    ...v2021("第十八条"),
    parameters: [N.internshipPayCycleMaxMonths],
    check: postOnly((j, ctx) => {
      const months = limits(ctx).payCycleMaxMonths
      const pay = j.internship.pay
      if (months === undefined || pay === undefined || pay.cycleDays <= months * 31) return NONE
      // "原则上": in principle — a warning.
      return one(ctx, "warning", { zh: `实习报酬每 ${pay.cycleDays} 天支付一次，超过 ${months} 个月`, en: `paid every ${pay.cycleDays} days, longer than ${months} month(s)` }, {
        measured: { value: pay.cycleDays, unit: "days" },
        threshold: { comparator: "<=", value: months * 31, unit: "days" },
        parameters: [N.internshipPayCycleMaxMonths]
      })
    })
  }
])

const feeCheck: Check = (j, ctx) => {
  if (j.internship.fees.length === 0) return NONE
  const banned = limits(ctx).bannedFees ?? []
  return j.internship.fees
    .filter((f) => f.amount > 0 && f.kind !== "insurance-premium" && (banned.includes(f.kind) || banned.includes("other")))
    .map((f) =>
      ctx.finding({
        severity: "violation",
        message: { zh: `${f.chargedBy === "school" ? "学校" : f.chargedBy === "unit" ? "实习单位" : "中介"}收取${N.internshipBannedFees.labels?.[f.kind]?.zh ?? f.kind} ${f.amount} 元`, en: `${f.chargedBy} charged a ${f.kind} fee of ${f.amount} yuan` },
        remedy: { zh: "退还所收费用", en: "refund it" },
        measured: { value: f.amount, unit: "yuan" },
        threshold: { comparator: "==", value: 0, unit: "yuan" },
        parameters: [N.internshipBannedFees]
      })
    )
}
const feeRule = rule("INT-FEE-BAN", { zh: "不得向学生收取实习费用", en: "no internship fees" }, "S", [
  { ...v2016("第十八条（条号未核实）", "S"), parameters: [N.internshipBannedFees], check: feeCheck },
  { ...v2021("（条号未核实）", "S"), parameters: [N.internshipBannedFees], check: feeCheck }
])

const docLabel: { readonly [K: string]: string } = { "student-id": "学生证", "resident-id": "居民身份证", "other-document": "其他证件", guarantee: "担保", property: "财物" }
const idHoldRule = rule("INT-ID-HOLD-BAN", { zh: "不得扣押证件或收取财物", en: "no holding of documents or property" }, "S", [
  {
    ...v2021("（条号未核实）", "S"),
    check: (j, ctx) =>
      j.internship.documentsHeld.length > 0
        ? one(ctx, "violation", { zh: `扣押学生${j.internship.documentsHeld.map((d) => docLabel[d]).join("、")}`, en: `holds the student's ${j.internship.documentsHeld.join(", ")}` }, { remedy: { zh: "立即归还", en: "return them at once" } })
        : NONE
  }
])

const consentCheck = (scope: "all" | "minors"): Check =>
  when((l) => l.consentScope === scope, (j, ctx) => {
    if (j.internship.arrangement !== "school" || j.internship.consent.refused) return NONE
    if (scope === "minors") {
      const birth = Identity.personBirthDate(j.student)
      if (!(birth !== undefined && Iso.ageAt(birth, j.from) < 18)) return NONE
    }
    const c = j.internship.consent
    const studentMissing = scope === "all" && !(c.studentSignedOn !== undefined && c.studentSignedOn <= j.cutoff)
    const guardianMissing = !(c.guardianSignedOn !== undefined && c.guardianSignedOn <= j.cutoff)
    if (!studentMissing && !guardianMissing) return NONE
    const missing: Array<Text> = []
    if (studentMissing) missing.push({ zh: "学生", en: "the student" })
    if (guardianMissing) missing.push({ zh: "监护人（家长）", en: "the guardian" })
    return one(ctx, "violation", {
      zh: `缺少${missing.map((m) => m.zh).join("和")}签字的知情同意书（应在 ${j.cutoff} 前签署）`,
      en: `no informed consent signed by ${missing.map((m) => m.en).join(" and ")} (due by ${j.cutoff})`
    }, { parameters: [N.internshipConsentScope] })
  })
const consentRule = rule("INT-CONSENT", { zh: "学校组织岗位实习须取得学生和家长知情同意", en: "informed consent" }, "S", [
  { ...v2021("（条号未核实）", "S"), parameters: [N.internshipConsentScope], check: postOnly(consentCheck("all")) }
])
const consent2016Rule = rule("INT-CONSENT-2016", { zh: "未满18周岁学生须监护人签字同意（2016）", en: "guardian consent for minors (2016)" }, "S", [
  { ...v2016("第十四条", "S"), parameters: [N.internshipConsentScope], check: postOnly(consentCheck("minors")) }
])

const optOutRule = rule("INT-OPT-OUT", { zh: "学生明确拒绝学校安排的，可自行选择实习单位", en: "a student who refuses may choose a unit" }, "S", [
  {
    ...v2021("（条号未核实）", "S"),
    check: postOnly((j, ctx) =>
      j.internship.arrangement === "school" && j.internship.consent.refused
        ? one(ctx, "violation", { zh: "学生或家长已明确拒绝学校的安排，不得强制安排；可由学生自行选择符合条件的实习单位", en: "the student or guardian refused the school's arrangement: it may not be imposed; the student may choose a qualifying unit" })
        : NONE
    )
  }
])

const agreementRule = rule("INT-AGREE-3P", { zh: "岗位实习前须签订三方协议", en: "tripartite agreement before a post internship" }, "S", [
  {
    ...v2021("（条号未核实）", "S"),
    check: postOnly((j, ctx) => {
      const a = j.agreement
      if (a === undefined || j.internship.agreementId === undefined || a.id !== j.internship.agreementId) {
        return one(ctx, "violation", { zh: "未签订学校、实习单位、学生三方实习协议（无协议不得实习）", en: "no tripartite agreement of school, unit and student (no agreement, no internship)" }, {
          remedy: { zh: "依示范文本签订三方协议后再开始实习", en: "sign the tripartite agreement on the model text before it starts" }
        })
      }
      // The agreement's life cycle, when it has one: a draft never covers an internship; a completed or terminated
      // agreement covered the days before it ended (its stamp's date), so it fails only the stretches that ran on
      // after it ended — a placement judged after its agreement was completed stays compliant.
      const st = a.lifecycle?.state
      const endedOn = a.lifecycle?.since
      const stopped = st === "draft" || ((st === "terminated" || st === "completed") && (endedOn === undefined || endedOn < j.to))
      let signed = 0
      for (const sig of a.signatures) {
        if (sig.signedOn > j.cutoff) continue
        signed |= sig.party === "school" ? 1 : sig.party === "unit" ? 2 : sig.party === "student" ? 4 : 0
      }
      if (!stopped && signed === 7 && a.brokeredBy === undefined) return NONE
      const out: Array<Finding> = []
      if (stopped) {
        const when = st !== "draft" && endedOn !== undefined ? { zh: `（${endedOn}${st === "terminated" ? "终止" : "完成"}，实习至 ${j.to}）`, en: ` (since ${endedOn}; the internship runs to ${j.to})` } : { zh: "", en: "" }
        out.push(ctx.finding({ severity: "violation", message: { zh: `三方协议处于“${st === "draft" ? "签订中" : st === "terminated" ? "已终止" : "已完成"}”状态${when.zh}，不能据以实习`, en: `the agreement is ${st}${when.en}: no internship on it` } }))
      }
      const missing = signed === 7 ? [] : (["school", "unit", "student"] as const).filter((_, k) => (signed & (1 << k)) === 0)
      if (missing.length > 0) {
        const zh = { school: "学校", unit: "实习单位", student: "学生" }
        out.push(ctx.finding({ severity: "violation", message: { zh: `三方协议缺少${missing.map((m) => zh[m]).join("、")}签字（应在 ${j.cutoff} 前）`, en: `the agreement lacks the signature of ${missing.join(", ")} (due by ${j.cutoff})` } }))
      }
      if (a.brokeredBy !== undefined) {
        out.push(ctx.finding({ severity: "violation", message: { zh: `三方协议经中介“${a.brokeredBy}”签订`, en: `the agreement was brokered by "${a.brokeredBy}"` } }))
      }
      return out
    })
  }
])

const requiredClauses = ["parties", "time-place-content", "food-lodging-leave", "labour-protection", "insurance-accidents", "assessment", "breach-liability", "other"] as const
const clauseZh: { readonly [K: string]: string } = {
  parties: "各方基本信息",
  "time-place-content": "实习时间、地点、内容、要求与条件",
  "food-lodging-leave": "食宿和休假",
  "labour-protection": "劳动保护和安全卫生",
  "insurance-accidents": "责任保险与事故处理",
  assessment: "考核方式",
  "breach-liability": "违约责任",
  other: "其他事项",
  pay: "实习报酬及支付方式"
}
const fieldsRule = rule("INT-AGREE-FIELDS", { zh: "三方协议应具备的内容", en: "agreement contents" }, "M", [
  {
    ...v2021("（条号未核实）", "M"),
    check: (j, ctx) => {
      const a = j.agreement
      if (a === undefined) return NONE
      const post = isPostType(j.internship)
      // The usual case, every clause present: nothing to list.
      if (holdsAll(a.clauses, requiredClauses) && (!post || a.clauses.includes("pay"))) return NONE
      const needed = post ? [...requiredClauses, "pay" as const] : [...requiredClauses]
      const missing = needed.filter((c) => !a.clauses.includes(c))
      return missing.length === 0
        ? NONE
        : one(ctx, "violation", { zh: `三方协议缺少：${missing.map((m) => clauseZh[m]).join("、")}`, en: `the agreement lacks: ${missing.join(", ")}` }, {
            measured: { value: a.clauses.length, unit: "count" },
            threshold: { comparator: ">=", value: needed.length, unit: "count" }
          })
    }
  }
])

const siteRule = rule("INT-UNIT-SITEVISIT", { zh: "选用新实习单位前须实地考察并形成报告", en: "site assessment before using a unit" }, "D", [
  {
    ...v2016("第六条"),
    parameters: [N.internshipSiteVisitAspects],
    check: (j, ctx) => {
      const report = j.internship.unit.siteAssessment
      const aspects = limits(ctx).siteVisitAspects ?? []
      if (report === undefined || report.assessedOn > j.cutoff) {
        return one(ctx, "violation", { zh: `实习单位“${j.internship.unit.name}”在 ${j.cutoff} 前没有实地考察报告`, en: `no site assessment report on "${j.internship.unit.name}" before ${j.cutoff}` }, {
          remedy: { zh: "实地考察并形成书面报告，考察人员签字", en: "assess the unit on site and have the report signed" },
          parameters: [N.internshipSiteVisitAspects]
        })
      }
      if (holdsAll(report.aspects, aspects)) return NONE
      const missing = aspects.filter((a) => !report.aspects.includes(a as never))
      return missing.length === 0
        ? NONE
        : one(ctx, "warning", { zh: `实地考察报告未涵盖：${missing.join("、")}`, en: `the site report does not cover: ${missing.join(", ")}` }, { parameters: [N.internshipSiteVisitAspects] })
    }
  }
])

const insureRule = rule("INT-INSURE", { zh: "投保覆盖实习全过程的实习责任保险", en: "liability insurance for the whole internship" }, "S", [
  {
    effectiveFrom: "2016-04-11" as IsoDate,
    citations: [Sources.internship2016("第三十五条（条号未核实）", "S")],
    check: (j, ctx) => {
      const ins = j.internship.insurance
      if (ins === undefined) return one(ctx, "violation", { zh: "未投保实习责任保险", en: "no internship liability insurance" }, { remedy: { zh: "投保覆盖实习全过程的实习责任保险", en: "insure the whole internship" } })
      // Days of this stretch not covered by the policy.
      if (ins.coverageStart <= j.from && ins.coverageEnd >= j.to) return NONE
      const gaps: Array<string> = []
      if (ins.coverageStart > j.from) gaps.push(`${j.from} 至 ${Iso.min(j.to, Iso.addDays(ins.coverageStart, -1))}`)
      if (ins.coverageEnd < j.to) gaps.push(`${Iso.max(j.from, Iso.addDays(ins.coverageEnd, 1))} 至 ${j.to}`)
      return gaps.length === 0 ? NONE : one(ctx, "violation", { zh: `保险期间未覆盖：${gaps.join("，")}`, en: `insurance does not cover: ${gaps.join(", ").replace(/ 至 /g, " to ")}` })
    }
  }
])

const insureFundRule = rule("INT-INSURE-FUND", { zh: "保费不得由学生承担", en: "students never pay the premium" }, "S", [
  {
    effectiveFrom: "2016-04-11" as IsoDate,
    citations: [Sources.internship2016("第三十五条（条号未核实）", "S")],
    check: (j, ctx) =>
      j.internship.insurance?.premiumPayer === "student" || j.internship.fees.some((f) => f.kind === "insurance-premium" && f.amount > 0)
        ? one(ctx, "violation", { zh: "实习责任保险费由学生承担", en: "the student pays the insurance premium" }, { remedy: { zh: "保费从学费或免学费补助资金中列支，退还学生", en: "pay it from tuition or the fee-exemption subsidy and refund the student" } })
        : NONE
  }
])

const mentorRule = rule("INT-MENTOR-DUAL", { zh: "学校和实习单位双导师", en: "a school and an enterprise mentor" }, "S", [
  {
    ...v2021("（条号未核实）", "S"),
    check: (j, ctx) => {
      if (j.internship.schoolMentorIds.length > 0 && j.internship.enterpriseMentors.length > 0) return NONE
      const missing: Array<Text> = []
      if (j.internship.schoolMentorIds.length === 0) missing.push({ zh: "学校实习指导教师", en: "a school mentor" })
      if (j.internship.enterpriseMentors.length === 0) missing.push({ zh: "实习单位指导人员", en: "an enterprise mentor" })
      return missing.length === 0 ? NONE : one(ctx, "violation", { zh: `未安排${missing.map((m) => m.zh).join("和")}`, en: `no ${missing.map((m) => m.en).join(" and no ")}` })
    }
  }
])

const archiveRule = rule("INT-ARCHIVE", { zh: "实习材料立卷归档", en: "internship archive" }, "S", [
  {
    ...v2021("（条号未核实）", "S"),
    check: (j, ctx) => {
      // Only once the internship has ended, and judged on its last stretch.
      if (j.to !== j.internship.end || ctx.asOf > j.internship.end) return NONE
      const a = j.internship.archive
      if (a === undefined) return NONE
      const needed = ["agreement", "plan", "report", "assessment", "logs", "inspections", "summary"] as const
      const missing = needed.filter((n) => !a.items.includes(n))
      return missing.length === 0 && a.electronic
        ? []
        : one(ctx, "warning", { zh: `归档材料不全：${[...missing, ...(a.electronic ? NONE : ["电子档案"])].join("、")}`, en: `the archive lacks: ${[...missing, ...(a.electronic ? NONE : ["electronic copy"])].join(", ")}` })
    }
  }
])

const local = (id: string, gate: Parameter.Parameter<boolean>, on: (l: Limits) => boolean | undefined, title: Text, check: Check) =>
  rule(id, title, "L", [
    {
      effectiveFrom: "2021-12-31" as IsoDate,
      citations: [{ document: "省级实习管理实施细则（地方规定）", confidence: "L" }],
      parameters: [gate],
      check: when((l) => on(l) === true, check)
    }
  ])

const filingRule = local("INT-FILING", N.internshipGateFiling, (l) => l.gateFiling, { zh: "岗位实习报主管部门备案", en: "filing" }, postOnly((j, ctx) => {
  const f = j.internship.filing
  if (f === undefined || f.filedOn > j.cutoff) return one(ctx, "violation", { zh: "岗位实习未报主管部门备案", en: "the post internship is not filed" })
  return f.crossProvince && (f.approvedOn === undefined || f.approvedOn > j.cutoff)
    ? one(ctx, "violation", { zh: "跨省或境外实习未经主管部门批准", en: "a cross-province or overseas internship lacks approval" })
    : NONE
}))
const trainingRule = local("INT-TRAINING", N.internshipGateTraining, (l) => l.gateTraining, { zh: "岗位实习前专门培训", en: "pre-internship training" }, postOnly((j, ctx) =>
  j.internship.trainedOn === undefined || j.internship.trainedOn > j.cutoff ? one(ctx, "violation", { zh: "岗位实习前未进行专门培训", en: "no training before the post internship" }) : NONE
))
const unitListRule = local("INT-UNIT-LIST", N.internshipGateUnitList, (l) => l.gateUnitList, { zh: "实习单位须在学校公布名单内", en: "unit on the school's list" }, (j, ctx) =>
  j.internship.unit.onUnitList === true ? NONE : one(ctx, "violation", { zh: `“${j.internship.unit.name}”不在学校党委会研究确定并公布的实习单位名单内`, en: `"${j.internship.unit.name}" is not on the school's published unit list` })
)
const disguiseRule = local("INT-DISGUISE-BAN", N.internshipGateDisguise, (l) => l.gateDisguise, { zh: "不得以其他名义变相安排岗位实习", en: "no disguised post internships" }, (j, ctx) =>
  isPostType(j.internship) && (j.internship.declaredAs === "social-practice" || j.internship.declaredAs === "teaching-internship")
    ? one(ctx, "violation", { zh: `以“${j.internship.declaredAs === "social-practice" ? "社会实践" : "教学实习"}”名义安排岗位实习`, en: `a post internship declared as ${j.internship.declaredAs}` })
    : NONE
)

/**
 * Every internship rule, the local gates included (they only run where a pack turns them on).
 *
 * @since 0.1.0
 * @category rules
 */
export const rules: ReadonlyArray<Rule.Rule<Judged>> = [
  kindRule, selfApprovalRule, unitLegalRule, ageRule, gradeRule, minorRule, femaleRule, venueRule, agencyRule, penaltyRule, labourRule,
  ratioUnitRule, ratioPostRule, durationRule, medicalRule, taskRule, majorRule, profitRule, holidayRule, nightRule, highRiskRule, hoursRule,
  pay2021, pay2016, cashRule, cycleRule, feeRule, idHoldRule, consentRule, consent2016Rule, optOutRule, agreementRule, fieldsRule, siteRule,
  insureRule, insureFundRule, mentorRule, archiveRule, filingRule, trainingRule, unitListRule, disguiseRule
]

/**
 * The rules that must find no violation before an internship starts.
 *
 * @since 0.1.0
 * @category constants
 */
export const preStart: ReadonlySet<string> = new Set([
  "INT-KIND-TYPES", "INT-SELF-APPROVAL", "INT-UNIT-LEGAL", "INT-AGE-16", "INT-GRADE-1", "INT-MINOR-PROHIB", "INT-FEMALE-PROHIB", "INT-VENUE-BAN",
  "INT-AGENCY-BAN", "INT-LABOUR-III", "INT-RATIO-UNIT", "INT-RATIO-POST", "INT-TASK-COVERAGE", "INT-MAJOR-MATCH", "INT-PROFIT-BAN", "INT-HOLIDAY",
  "INT-NIGHT-OT", "INT-HIGHRISK", "INT-HOURS-8", "INT-PAY-80", "INT-PAY-80-2016", "INT-PAY-CASH", "INT-FEE-BAN", "INT-ID-HOLD-BAN", "INT-CONSENT",
  "INT-CONSENT-2016", "INT-OPT-OUT", "INT-AGREE-3P", "INT-AGREE-FIELDS", "INT-UNIT-SITEVISIT", "INT-INSURE", "INT-INSURE-FUND", "INT-MENTOR-DUAL",
  "INT-FILING", "INT-TRAINING", "INT-UNIT-LIST", "INT-DISGUISE-BAN"
])

// -------------------------------------------------------------------------------------------------------------
// Checking
// -------------------------------------------------------------------------------------------------------------

/**
 * A checker for one policy and jurisdiction: it resolves the policy once per date it needs (and remembers it),
 * and knows on which dates each rule's version or parameters change.
 *
 * @since 0.1.0
 * @category models
 */
export interface Checker {
  readonly policy: Policy.Policy
  readonly jurisdiction: Jurisdiction
  /** Findings for every applicable rule, each stretch judged by the versions in force on its days. */
  readonly check: (subject: Subject) => ReadonlyArray<Finding>
  /** The start gate: no violation among the pre-start rules, evidence counted up to `date`. */
  readonly canStart: (subject: Subject, date: IsoDate) => { readonly ok: boolean; readonly blocking: ReadonlyArray<Finding> }
}

const changeDates = (policy: Policy.Policy, r: Rule.Any): ReadonlyArray<IsoDate> => {
  const ids = new Set(r.versions.flatMap((v) => v.parameters.map((p) => p.id)))
  const dates = new Set<string>(r.versions.map((v) => v.effectiveFrom))
  for (const p of policy.parameters) if (ids.has(p.id)) for (const e of p.history) dates.add(e.effectiveFrom)
  for (const o of policy.overlays) for (const v of o.values) if (ids.has(v.parameter)) for (const e of v.history) dates.add(e.effectiveFrom)
  return [...dates].sort() as Array<IsoDate>
}

/**
 * Builds a checker. The policy's `Internship` rules run (the national ones by default, plus any a plugin adds).
 *
 * @since 0.1.0
 * @category constructors
 */
export const checker = (policy: Policy.Policy, jurisdiction: Jurisdiction): Checker => {
  // Per date: the policy resolved on it and, once placements start on it, the steps they run (see `stepsFrom`).
  const resolved = new Map<string, { readonly policy: Policy.Resolved; post?: ReadonlyArray<Step>; other?: ReadonlyArray<Step> }>()
  const on = (date: IsoDate) => {
    let r = resolved.get(date)
    if (r === undefined) {
      r = { policy: Policy.at(policy, jurisdiction, date) }
      resolved.set(date, r)
    }
    return r
  }
  const at = (date: IsoDate) => on(date).policy
  const internshipRules = policy.rules.rules.filter((r) => r.subject === "Internship")
  // Per rule: the dates its version or parameters change, and the last of them (after it, one version rules).
  const planned = internshipRules.map((r) => {
    const dates = changeDates(policy, r)
    const lastChange = dates[dates.length - 1] ?? ("0000-01-01" as IsoDate)
    return { rule: r, dates, lastChange, lastVersion: r.versions[r.versions.length - 1]! }
  })
  const plans = planned.map((p) => {
    const direct = directs.get(p.lastVersion.check)
    return { ...p, direct: direct?.check ?? p.lastVersion.check, postOnly: direct?.postOnly ?? false, when: direct?.when }
  })
  type Step = { readonly plan: (typeof plans)[number]; readonly whole: boolean }
  // What a placement starting on a date runs, in rule order, worked out once per date (and kind of placement):
  // a rule whose last change is on or before the start runs once over the whole placement — unless it is for
  // 岗位实习 only and this is not one, or the policy turns it off (its `when` fails); the checker makes those
  // tests here and calls the check unwrapped. Any other rule is split where it changes.
  const stepsFrom = (start: IsoDate, resolved: Policy.Resolved, post: boolean): ReadonlyArray<Step> => {
    const l = limitsOf(resolved)
    const steps: Array<Step> = []
    for (const plan of plans) {
      if (plan.lastChange > start) steps.push({ plan, whole: false })
      else if (!(plan.postOnly && !post) && (plan.when === undefined || plan.when(l))) steps.push({ plan, whole: true })
    }
    return steps
  }

  const run = (subject: Subject, cutoff: IsoDate, only?: ReadonlySet<string>): ReadonlyArray<Finding> => {
    const { end, start } = subject.internship
    const ref = { type: "Internship", id: subject.internship.id }
    const out: Array<Finding> = []
    // The common case: the whole placement lies after every change of the rule — one stretch, one version.
    // An explicit literal (one hidden class): spreading the caller's object is many times slower here.
    const whole: Judged = { internship: subject.internship, student: subject.student, agreement: subject.agreement, from: start, to: end, cutoff, split: false }
    const starting = on(start)
    const policyAtStart = starting.policy
    const steps = isPostType(subject.internship)
      ? (starting.post ??= stepsFrom(start, policyAtStart, true))
      : (starting.other ??= stepsFrom(start, policyAtStart, false))
    // One context for the single-stretch rules: a finding is stamped with the rule running when it is made.
    let current = plans[0]
    const shared: Rule.Context = {
      asOf: policyAtStart.asOf,
      policy: policyAtStart,
      subject: ref,
      finding: (input) => stamp.make(current!.rule, current!.lastVersion, ref, policyAtStart, input)
    }
    for (const { plan, whole: once } of steps) {
      const r = plan.rule
      if (only !== undefined && !only.has(r.id)) continue
      if (once) {
        current = plan
        const found = plan.direct(whole as never, shared)
        for (let k = 0; k < found.length; k++) out.push(found[k]!)
        continue
      }
      // Otherwise split the placement where this rule's version or one of its parameters changes (the dates are
      // sorted: the cuts are those after the start and up to the end).
      let k = 0
      while (k < plan.dates.length && !(plan.dates[k]! > start)) k++
      for (let from = start, first = true; ; first = false) {
        const cut = k < plan.dates.length && plan.dates[k]! <= end ? plan.dates[k]! : undefined
        const to = cut === undefined ? end : Iso.addDays(cut, -1)
        const version = Rule.versionAt(r, from)
        if (version !== undefined) {
          const judged: Judged =
            first && cut === undefined ? whole : { internship: subject.internship, student: subject.student, agreement: subject.agreement, from, to, cutoff, split: true }
          const found = version.check(judged as never, Rule.context(r, version, ref, at(from)))
          for (let f = 0; f < found.length; f++) out.push(found[f]!)
        }
        if (cut === undefined) break
        from = cut
        k++
      }
    }
    return out
  }

  return {
    policy,
    jurisdiction,
    check: (subject) => run(subject, subject.internship.start),
    canStart: (subject, date) => {
      const cutoff = Iso.min(date, subject.internship.start)
      const blocking = run(subject, cutoff, preStart).filter((f) => f.severity === "violation")
      return { ok: blocking.length === 0, blocking }
    }
  }
}

/**
 * Checks one internship under a policy for a jurisdiction.
 *
 * @since 0.1.0
 * @category combinators
 */
export const check = (subject: Subject, policy: Policy.Policy, jurisdiction: Jurisdiction): ReadonlyArray<Finding> => checker(policy, jurisdiction).check(subject)

/**
 * The start gate for one internship (see `Checker.canStart`).
 *
 * @since 0.1.0
 * @category combinators
 */
export const canStart = (subject: Subject, policy: Policy.Policy, jurisdiction: Jurisdiction, date: IsoDate) => checker(policy, jurisdiction).canStart(subject, date)

/**
 * A batch: every internship checked, with counts per rule and per unit.
 *
 * @since 0.1.0
 * @category combinators
 */
export const checkBatch = (subjects: ReadonlyArray<Subject>, c: Checker) => {
  const results = subjects.map((s) => ({ internshipId: s.internship.id, unit: s.internship.unit.name, findings: c.check(s) }))
  const byRule = new Map<string, { violation: number; warning: number; info: number }>()
  const byUnit = new Map<string, { internships: number; violations: number; startable: number }>()
  for (const r of results) {
    const u = byUnit.get(r.unit) ?? { internships: 0, violations: 0, startable: 0 }
    u.internships++
    if (!r.findings.some((f) => f.severity === "violation" && preStart.has(f.ruleId))) u.startable++
    for (const f of r.findings) {
      const b = byRule.get(f.ruleId) ?? { violation: 0, warning: 0, info: 0 }
      b[f.severity]++
      byRule.set(f.ruleId, b)
      if (f.severity === "violation") u.violations++
    }
    byUnit.set(r.unit, u)
  }
  return {
    results,
    byRule: [...byRule.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([ruleId, counts]) => ({ ruleId, ...counts })),
    byUnit: [...byUnit.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([unit, counts]) => ({ unit, ...counts }))
  }
}
