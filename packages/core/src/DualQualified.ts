/**
 * 双师型 (dual-qualified) teacher certification: the criteria table of `shuangshi.md` §3 as policy data
 * (school type × teacher category × level × criterion, with `ALL` and `ANY k OF` groups), eligibility, the
 * ethics veto, `evaluate` (highest level met, per-criterion evidence, what is missing for the next level), and
 * the certification record's life cycle (DS-PROCEDURE).
 *
 * Every threshold is a dated parameter (see `National.dsThresholds`); the pattern rows are placeholders with
 * `verified: false`, so a province's pack overrides them.
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { Extensions, field, Id, Name, Note } from "./Entity.js"
import * as Identity from "./Identity.js"
import { describe } from "./internal/annotations.js"
import * as N from "./internal/national-parameters.js"
import * as Iso from "./IsoDate.js"
import type { IsoDate } from "./IsoDate.js"
import type * as Parameter from "./Parameter.js"
import type { Resolved } from "./Policy.js"
import * as Practice from "./Practice.js"
import * as Rule from "./Rule.js"
import * as Sources from "./Sources.js"
import type { Teacher } from "./Teacher.js"
import { bestSkillOn, enterpriseYearsOn, skillRank, titleRank } from "./Teacher.js"
import type { SkillLevel } from "./Teacher.js"
import type { Text } from "./Text.js"

// -------------------------------------------------------------------------------------------------------------
// The table
// -------------------------------------------------------------------------------------------------------------

/**
 * Certification levels (TCH-DS-LEVELS): 初级, 中级, 高级.
 *
 * @since 0.1.0
 * @category models
 */
export type Level = "junior" | "intermediate" | "senior"

/**
 * @since 0.1.0
 * @category constants
 */
export const levels: ReadonlyArray<Level> = ["junior", "intermediate", "senior"]

/**
 * @since 0.1.0
 * @category constants
 */
export const levelLabel: { readonly [K in Level]: Text } = {
  junior: { zh: "初级", en: "junior" },
  intermediate: { zh: "中级", en: "intermediate" },
  senior: { zh: "高级", en: "senior" }
}

/**
 * The two tables: 中职 (secondary, technical schools included) and 高职 (higher).
 *
 * @since 0.1.0
 * @category models
 */
export type SchoolKind = "secondary" | "higher"

/**
 * Which table a school uses.
 *
 * @since 0.1.0
 * @category combinators
 */
export const schoolKindOf = (type: Practice.Subject["schoolType"]): SchoolKind =>
  type === "secondary" || type === "technical" ? "secondary" : "higher"

/**
 * 校内专业课教师 (in-school) or 企业兼职教师 (enterprise part-time).
 *
 * @since 0.1.0
 * @category models
 */
export type Category = "in-school" | "enterprise"

/**
 * The criteria of `shuangshi.md` §3, by rule id (`DS-` + the criterion name).
 *
 * @since 0.1.0
 * @category models
 */
export type CriterionId =
  | "DS-ETHICS-VETO"
  | "DS-ETHICS-FIRST"
  | "DS-INDUSTRY-EXPERIENCE"
  | "DS-ELIGIBLE-INSCHOOL"
  | "DS-ELIGIBLE-ENTERPRISE"
  | "DS-PARTTIME-HIRE-STD"
  | "DS-NEW-TEACHER-PRACTICE-FIRST"
  | "DS-TEACHER-CERT"
  | "DS-PRACTICE-OR-CERT"
  | "DS-CAN-TEACH-THEORY-PRACTICE"
  | "DS-HOLD-L1"
  | "DS-TITLE-MID"
  | "DS-PRACTICE-OR-CERT-MID"
  | "DS-ACHIEVEMENT-MID"
  | "DS-HOLD-L2"
  | "DS-TITLE-HIGH"
  | "DS-SKILL-HIGH"
  | "DS-LEADERSHIP-HIGH"
  | "DS-ENT-L1"
  | "DS-ENT-L2"
  | "DS-ENT-L3"

/**
 * How a row counts: mandatory, or one of a group of which at least `k` must hold.
 *
 * @since 0.1.0
 * @category models
 */
export type Combinator = { readonly _tag: "All" } | { readonly _tag: "AnyOf"; readonly k: number; readonly group: string }

/**
 * One row of the criteria table.
 *
 * @since 0.1.0
 * @category models
 */
export interface Row {
  readonly schoolKind: SchoolKind | "any"
  readonly category: Category | "any"
  /** `basic` rows apply at every level. */
  readonly level: Level | "basic"
  readonly criterion: CriterionId
  readonly combinator: Combinator
  /** Where the row comes from: NAT national, GS Gansu, PATTERN the common provincial template. */
  readonly source: "NAT" | "GS" | "PATTERN"
  /** Whether the row was read in a primary or repost text (shuangshi.md `verified`). */
  readonly verified: boolean
}

const ALL: Combinator = { _tag: "All" }
const anyOf = (group: string, k = 1): Combinator => ({ _tag: "AnyOf", k, group })

const inSchoolLevels = (kind: SchoolKind): ReadonlyArray<Row> => [
  { schoolKind: kind, category: "in-school", level: "junior", criterion: "DS-TEACHER-CERT", combinator: ALL, source: "PATTERN", verified: false },
  { schoolKind: kind, category: "in-school", level: "junior", criterion: "DS-PRACTICE-OR-CERT", combinator: anyOf("L1A"), source: "PATTERN", verified: false },
  { schoolKind: kind, category: "in-school", level: "junior", criterion: "DS-CAN-TEACH-THEORY-PRACTICE", combinator: ALL, source: "PATTERN", verified: false },
  { schoolKind: kind, category: "in-school", level: "intermediate", criterion: "DS-HOLD-L1", combinator: ALL, source: "PATTERN", verified: false },
  { schoolKind: kind, category: "in-school", level: "intermediate", criterion: "DS-TITLE-MID", combinator: ALL, source: "PATTERN", verified: false },
  { schoolKind: kind, category: "in-school", level: "intermediate", criterion: "DS-PRACTICE-OR-CERT-MID", combinator: anyOf("L2A"), source: "PATTERN", verified: false },
  { schoolKind: kind, category: "in-school", level: "intermediate", criterion: "DS-ACHIEVEMENT-MID", combinator: anyOf("L2B"), source: "PATTERN", verified: false },
  { schoolKind: kind, category: "in-school", level: "senior", criterion: "DS-HOLD-L2", combinator: ALL, source: "PATTERN", verified: false },
  { schoolKind: kind, category: "in-school", level: "senior", criterion: "DS-TITLE-HIGH", combinator: ALL, source: "PATTERN", verified: false },
  { schoolKind: kind, category: "in-school", level: "senior", criterion: "DS-SKILL-HIGH", combinator: anyOf("L3A"), source: "PATTERN", verified: false },
  { schoolKind: kind, category: "in-school", level: "senior", criterion: "DS-LEADERSHIP-HIGH", combinator: anyOf("L3B"), source: "PATTERN", verified: false }
]

/**
 * The criteria table of `shuangshi.md` §3. The 高职 rows have the 中职 structure with their own thresholds.
 * DS-ENTERPRISE-PRACTICE-BASELINE is not a row of its own: it is the practice option inside
 * DS-PRACTICE-OR-CERT. DS-CERTIFIER, DS-PROCEDURE and DS-VALIDITY are administrative: the certification life
 * cycle below implements them. DS-PARTTIME-SHARE-CAP is a school-level check (`PartTime`).
 *
 * @since 0.1.0
 * @category constants
 */
export const table: ReadonlyArray<Row> = [
  { schoolKind: "any", category: "any", level: "basic", criterion: "DS-ETHICS-VETO", combinator: ALL, source: "NAT", verified: true },
  { schoolKind: "any", category: "any", level: "basic", criterion: "DS-ETHICS-FIRST", combinator: ALL, source: "NAT", verified: true },
  { schoolKind: "any", category: "any", level: "basic", criterion: "DS-INDUSTRY-EXPERIENCE", combinator: ALL, source: "NAT", verified: true },
  { schoolKind: "any", category: "in-school", level: "basic", criterion: "DS-ELIGIBLE-INSCHOOL", combinator: ALL, source: "GS", verified: true },
  { schoolKind: "any", category: "in-school", level: "basic", criterion: "DS-NEW-TEACHER-PRACTICE-FIRST", combinator: ALL, source: "NAT", verified: true },
  { schoolKind: "any", category: "enterprise", level: "basic", criterion: "DS-ELIGIBLE-ENTERPRISE", combinator: ALL, source: "GS", verified: true },
  { schoolKind: "any", category: "enterprise", level: "basic", criterion: "DS-PARTTIME-HIRE-STD", combinator: ALL, source: "NAT", verified: false },
  ...inSchoolLevels("secondary"),
  ...inSchoolLevels("higher"),
  { schoolKind: "any", category: "enterprise", level: "junior", criterion: "DS-ENT-L1", combinator: anyOf("E1"), source: "PATTERN", verified: false },
  { schoolKind: "any", category: "enterprise", level: "junior", criterion: "DS-CAN-TEACH-THEORY-PRACTICE", combinator: ALL, source: "PATTERN", verified: false },
  // The table lists teaching ability at 初级; a higher level presumes it, so it is kept at every level.
  { schoolKind: "any", category: "enterprise", level: "intermediate", criterion: "DS-ENT-L2", combinator: anyOf("E2"), source: "PATTERN", verified: false },
  { schoolKind: "any", category: "enterprise", level: "intermediate", criterion: "DS-CAN-TEACH-THEORY-PRACTICE", combinator: ALL, source: "PATTERN", verified: false },
  { schoolKind: "any", category: "enterprise", level: "senior", criterion: "DS-ENT-L3", combinator: anyOf("E3"), source: "PATTERN", verified: false },
  { schoolKind: "any", category: "enterprise", level: "senior", criterion: "DS-CAN-TEACH-THEORY-PRACTICE", combinator: ALL, source: "PATTERN", verified: false }
]

/**
 * @since 0.1.0
 * @category constants
 */
export const criterionTitle: { readonly [K in CriterionId]: Text } = {
  "DS-ETHICS-VETO": { zh: "师德一票否决", en: "ethics veto" },
  "DS-ETHICS-FIRST": { zh: "师德师风第一标准", en: "ethics first" },
  "DS-INDUSTRY-EXPERIENCE": { zh: "具有行业企业工作或实践经历", en: "industry or enterprise experience" },
  "DS-ELIGIBLE-INSCHOOL": { zh: "校内专业课教师认定范围", en: "in-school eligibility" },
  "DS-ELIGIBLE-ENTERPRISE": { zh: "企业兼职教师认定范围", en: "enterprise part-time eligibility" },
  "DS-PARTTIME-HIRE-STD": { zh: "兼职教师聘任基本条件", en: "part-time hiring baseline" },
  "DS-NEW-TEACHER-PRACTICE-FIRST": { zh: "新任教师先实践再上岗", en: "new teachers practise first" },
  "DS-TEACHER-CERT": { zh: "具有相应教师资格证书", en: "teacher qualification" },
  "DS-PRACTICE-OR-CERT": { zh: "企业实践或职业技能证书或专业技术职称", en: "practice, skill certificate or technical title" },
  "DS-CAN-TEACH-THEORY-PRACTICE": { zh: "能胜任理论与实践教学", en: "teaches theory and practice" },
  "DS-HOLD-L1": { zh: "已取得初级认定", en: "holds junior" },
  "DS-TITLE-MID": { zh: "讲师（中级）及以上职称", en: "intermediate teaching title" },
  "DS-PRACTICE-OR-CERT-MID": { zh: "较长企业实践或较高技能等级或中级专业技术职称", en: "longer practice, higher skill or technical title" },
  "DS-ACHIEVEMENT-MID": { zh: "竞赛获奖、课程教材建设或技术服务业绩", en: "awards, course work or services" },
  "DS-HOLD-L2": { zh: "已取得中级认定", en: "holds intermediate" },
  "DS-TITLE-HIGH": { zh: "高级讲师（副高）及以上职称", en: "associate-senior teaching title" },
  "DS-SKILL-HIGH": { zh: "技师及以上或中级以上专业技术职称或持续企业实践", en: "technician, technical title or sustained practice" },
  "DS-LEADERSHIP-HIGH": { zh: "省级以上专业建设、研发服务或获奖", en: "provincial leadership, R&D or awards" },
  "DS-ENT-L1": { zh: "企业工作经历并具技能证书或职称", en: "enterprise experience with skill or title" },
  "DS-ENT-L2": { zh: "较长企业经历并具技师或中级职称", en: "longer experience with technician or intermediate title" },
  "DS-ENT-L3": { zh: "高级技师或副高以上职称或行业公认大师", en: "senior technician, associate-senior title or master" }
}

// -------------------------------------------------------------------------------------------------------------
// Criteria
// -------------------------------------------------------------------------------------------------------------

/**
 * A record that satisfied a criterion.
 *
 * @since 0.1.0
 * @category models
 */
export interface Evidence {
  readonly kind: "certificate" | "title" | "practice" | "award" | "service" | "certification" | "attestation" | "experience" | "appraisal" | "engagement" | "employment"
  /** The record's id or name. */
  readonly ref: string
  readonly text: Text
}

/**
 * How one criterion came out.
 *
 * @since 0.1.0
 * @category models
 */
export interface CriterionResult {
  readonly criterion: CriterionId
  readonly row: Row
  readonly met: boolean
  readonly evidence: ReadonlyArray<Evidence>
  /** What would satisfy it, when not met. */
  readonly missing?: Text
  readonly parameters: ReadonlyArray<Parameter.Any>
}

interface Ctx {
  readonly asOf: IsoDate
  readonly policy: Resolved
  readonly kind: SchoolKind
  readonly level: Level | "basic"
  readonly category: Category
  /** Per-evaluation cache: the practice window is summed once, whichever criteria ask. */
  readonly memo?: { practice?: { days: number; ids: ReadonlyArray<string> }; windowFrom?: IsoDate }
}

type Outcome = Omit<CriterionResult, "criterion" | "row">

const awardRank: { readonly [K: string]: number } = { school: 1, county: 2, city: 3, provincial: 4, national: 5, international: 6 }
const skillZh: { readonly [K: string]: string } = { "level-5": "初级工", "level-4": "中级工", "level-3": "高级工", "level-2": "技师", "level-1": "高级技师" }
const titleZh: { readonly [K: string]: string } = { none: "无", junior: "初级", intermediate: "中级", "associate-senior": "副高级", senior: "正高级" }
const awardZh: { readonly [K: string]: string } = { school: "校级", county: "县级", city: "市级", provincial: "省级", national: "国家级", international: "国际级" }

const met = (evidence: ReadonlyArray<Evidence>, parameters: ReadonlyArray<Parameter.Any> = []): Outcome => ({ met: true, evidence, parameters })
const unmet = (missing: Text, parameters: ReadonlyArray<Parameter.Any> = []): Outcome => ({ met: false, evidence: [], missing, parameters })
const either = (outcomes: ReadonlyArray<Outcome>, missing: () => Text): Outcome => {
  let hit: Outcome | undefined
  const parameters: Array<Parameter.Any> = []
  for (const o of outcomes) {
    if (hit === undefined && o.met) hit = o
    for (const p of o.parameters) parameters.push(p)
  }
  return hit ? { met: true, evidence: hit.evidence, parameters } : unmet(missing(), parameters)
}

// The best skill level held, as evidence, when it reaches `min`.
const skillAtLeast = (t: Teacher, asOf: IsoDate, min: string): Evidence | undefined => {
  const best = bestSkillOn(t, asOf)
  if (best === undefined || skillRank[best.level] < (skillRank[min as SkillLevel] ?? 99)) return undefined
  const c = best.certificate
  return c === undefined
    ? { kind: "certificate", ref: best.level, text: { zh: `职业技能等级：${skillZh[best.level]}`, en: `skill level ${best.level}` } }
    : { kind: "certificate", ref: c.number ?? c.name, text: { zh: `${c.name}（${skillZh[best.level]}）`, en: `${c.name} (${best.level})` } }
}

const titleAtLeast = (t: Teacher, asOf: IsoDate, min: string, series: "teaching" | "technical"): Evidence | undefined => {
  const need = titleRank[min as keyof typeof titleRank] ?? 99
  const hit = t.titles
    .filter((x) => x.obtainedOn <= asOf && (series === "teaching" ? x.series === "teacher" : x.series !== "teacher") && titleRank[x.level] >= need)
    .sort((a, b) => titleRank[b.level] - titleRank[a.level])[0]
  return hit === undefined ? undefined : { kind: "title", ref: hit.name, text: { zh: `${hit.name}（${titleZh[hit.level]}，${hit.obtainedOn}）`, en: `${hit.name} (${hit.level}, ${hit.obtainedOn})` } }
}

const practiceDays = (t: Teacher, ctx: Ctx): { days: number; ids: ReadonlyArray<string> } => {
  if (ctx.memo?.practice !== undefined) return ctx.memo.practice
  const computed = practiceDaysUncached(t, ctx)
  if (ctx.memo !== undefined) ctx.memo.practice = computed
  return computed
}

const practiceDaysUncached = (t: Teacher, ctx: Ctx): { days: number; ids: ReadonlyArray<string> } => {
  const s = Practice.settings(ctx.policy)
  if (s === undefined) return { days: 0, ids: [] }
  const spans = Practice.spans(t.practice, s.hoursPerDay)
  const from = Iso.toEpochDays(Practice.windowStart(ctx.asOf, s.windowYears))
  const to = Iso.toEpochDays(ctx.asOf)
  return { days: Practice.servedBetween(spans, from, to), ids: spans.filter((x) => x.end >= from && x.start <= to).map((x) => x.recordId) }
}

const practiceAtLeast = (t: Teacher, ctx: Ctx, months: Parameter.Parameter<number>): Outcome => {
  const m = ctx.policy.value(months)
  const perMonth = ctx.policy.value(N.teacherPracticeDaysPerMonth) ?? 30
  const years = ctx.policy.value(N.teacherPracticeWindowYears) ?? 5
  if (m === undefined) return unmet({ zh: "未设定企业实践要求", en: "no practice threshold in force" }, [months])
  const { days, ids } = practiceDays(t, ctx)
  const need = m * perMonth
  return days + 1e-9 >= need
    ? met(
        [{ kind: "practice", ref: ids.join(","), text: { zh: `近${years}年企业实践 ${Math.round(days)} 天（记录 ${ids.join("、")}）`, en: `${Math.round(days)} days of practice in ${years} years (${ids.join(", ")})` } }],
        [months, N.teacherPracticeDaysPerMonth]
      )
    : unmet(
        { zh: `近${years}年企业实践需达 ${need} 天，现有 ${Math.round(days)} 天，再需 ${Practice.wholeDays(need - days)} 天`, en: `${need} days of practice in ${years} years needed, ${Math.round(days)} so far: ${Practice.wholeDays(need - days)} more` },
        [months, N.teacherPracticeDaysPerMonth]
      )
}

const windowFrom = (ctx: Ctx): IsoDate => {
  if (ctx.memo?.windowFrom !== undefined) return ctx.memo.windowFrom
  const from = Practice.windowStart(ctx.asOf, ctx.policy.value(N.dsAchievementWindowYears) ?? 5)
  if (ctx.memo !== undefined) ctx.memo.windowFrom = from
  return from
}

const awardAtLeast = <A extends string>(t: Teacher, ctx: Ctx, min: Parameter.Parameter<A>): Outcome => {
  const level = ctx.policy.value(min)
  const from = windowFrom(ctx)
  const hit = t.awards.find((a) => a.awardedOn >= from && a.awardedOn <= ctx.asOf && (awardRank[a.level] ?? 0) >= (awardRank[level ?? ""] ?? 99))
  return hit
    ? met([{ kind: "award", ref: hit.name, text: { zh: `${hit.name}（${awardZh[hit.level]}，${hit.awardedOn}）`, en: `${hit.name} (${hit.level}, ${hit.awardedOn})` } }], [min, N.dsAchievementWindowYears])
    : unmet({ zh: `${from} 以来${awardZh[level ?? ""] ?? ""}及以上获奖`, en: `an award at ${level} level or above since ${from}` }, [min, N.dsAchievementWindowYears])
}

const serviceOf = (t: Teacher, ctx: Ctx, kinds: ReadonlyArray<string>, missing: Text): Outcome => {
  const from = windowFrom(ctx)
  const hit = t.services.find((s) => kinds.includes(s.kind) && s.date >= from && s.date <= ctx.asOf)
  return hit
    ? met([{ kind: "service", ref: hit.title, text: { zh: `${hit.title}（${hit.date}）`, en: `${hit.title} (${hit.date})` } }], [N.dsAchievementWindowYears])
    : unmet(missing, [N.dsAchievementWindowYears])
}

const attested = (t: Teacher, ctx: Ctx, criterion: CriterionId): Outcome => {
  const a = t.attestations.find((x) => x.criterion === criterion && x.attestedOn <= ctx.asOf)
  return a
    ? met([{ kind: "attestation", ref: `${a.attestedBy}@${a.attestedOn}`, text: { zh: `${a.attestedBy} 于 ${a.attestedOn} 确认`, en: `attested by ${a.attestedBy} on ${a.attestedOn}` } }])
    : unmet({ zh: `由学校确认“${criterionTitle[criterion].zh}”（录入 ${criterion} 确认）`, en: `the school attests "${criterionTitle[criterion].en}" (record an attestation of ${criterion})` })
}

/**
 * The certifications held on a date: certified on or before it, not revoked, not expired (DS-VALIDITY).
 *
 * @since 0.1.0
 * @category combinators
 */
export const heldOn = (t: Pick<Teacher, "dualQualifications">, asOf: IsoDate, validityYears: number): ReadonlyArray<Teacher["dualQualifications"][number]> =>
  t.dualQualifications.filter(
    (q) =>
      q.certifiedOn <= asOf &&
      (q.revokedOn === undefined || q.revokedOn > asOf) &&
      (validityYears <= 0 || Iso.addYears(q.certifiedOn, validityYears) > asOf)
  )

/**
 * Whether any 双师型 certification is held on the date (the same test as {@link heldOn}, without building the list).
 *
 * @since 0.1.0
 * @category predicates
 */
export const holdsAnyOn = (t: Pick<Teacher, "dualQualifications">, asOf: IsoDate, validityYears: number): boolean => {
  const qs = t.dualQualifications
  for (let k = 0; k < qs.length; k++) {
    const q = qs[k]!
    if (q.certifiedOn <= asOf && (q.revokedOn === undefined || q.revokedOn > asOf) && (validityYears <= 0 || Iso.addYears(q.certifiedOn, validityYears) > asOf)) return true
  }
  return false
}

const levelRank: { readonly [K in Level]: number } = { junior: 1, intermediate: 2, senior: 3 }

const holds = (t: Teacher, ctx: Ctx, level: Level): Outcome => {
  const validity = ctx.policy.value(N.dsValidityYears) ?? 0
  const q = heldOn(t, ctx.asOf, validity).find((x) => levelRank[x.level] >= levelRank[level])
  return q
    ? met([{ kind: "certification", ref: q.number ?? `${q.certifier}@${q.certifiedOn}`, text: { zh: `${q.certifiedOn} 经${q.certifier}认定为${levelLabel[q.level].zh}`, en: `${q.level}, certified by ${q.certifier} on ${q.certifiedOn}` } }], [N.dsValidityYears])
    : unmet({ zh: `先取得${levelLabel[level].zh}双师型认定`, en: `first be certified at ${level} level` }, [N.dsValidityYears])
}

/**
 * The ethics veto (DS-ETHICS-VETO): the failed appraisal whose impact period covers the date, if any, and the
 * last day of that period.
 *
 * @since 0.1.0
 * @category combinators
 */
export const ethicsVeto = (
  t: Pick<Teacher, "ethicsAppraisals">,
  asOf: IsoDate,
  defaultYears: number
): { readonly year: number; readonly until: IsoDate; readonly defaulted: boolean } | undefined => {
  for (const a of t.ethicsAppraisals) {
    if (a.result !== "unqualified" || `${String(a.year).padStart(4, "0")}-01-01` > asOf) continue
    const until = a.impactUntil ?? (`${String(a.year + defaultYears).padStart(4, "0")}-12-31` as IsoDate)
    if (until >= asOf) return { year: a.year, until, defaulted: a.impactUntil === undefined }
  }
  return undefined
}

const retirementAge = (t: Teacher, policy: Resolved): number | undefined => {
  const sex = Identity.personSex(t)
  return sex === "female" ? policy.value(N.retirementAgeFemale) : sex === "male" ? policy.value(N.retirementAgeMale) : undefined
}

type Check = (t: Teacher, ctx: Ctx) => Outcome
const P = (ctx: Ctx) => N.dsThresholds[ctx.kind]

const checks: { readonly [K in CriterionId]: Check } = {
  "DS-ETHICS-VETO": (t, ctx) => {
    const veto = ethicsVeto(t, ctx.asOf, ctx.policy.value(N.dsEthicsImpactYears) ?? 1)
    return veto === undefined
      ? met([], [N.dsEthicsImpactYears])
      : unmet({ zh: `${veto.year}年度师德考核不合格，影响期至 ${veto.until}，期内不得申报`, en: `failed the ${veto.year} ethics appraisal: no application until after ${veto.until}` }, [N.dsEthicsImpactYears])
  },
  "DS-ETHICS-FIRST": (t, ctx) => {
    const latest = [...t.ethicsAppraisals].filter((a) => `${a.year}-01-01` <= ctx.asOf).sort((a, b) => b.year - a.year)[0]
    if (latest === undefined) return unmet({ zh: "录入最近一次师德考核结果", en: "record the latest ethics appraisal" })
    return latest.result === "unqualified"
      ? unmet({ zh: `最近一次（${latest.year}年度）师德考核不合格`, en: `the latest (${latest.year}) ethics appraisal failed` })
      : met([{ kind: "appraisal", ref: String(latest.year), text: { zh: `${latest.year}年度师德考核：${latest.result}`, en: `${latest.year} ethics appraisal: ${latest.result}` } }])
  },
  "DS-INDUSTRY-EXPERIENCE": (t, ctx) => {
    const exp = t.enterpriseExperience.find((e) => e.start <= ctx.asOf)
    if (exp) return met([{ kind: "experience", ref: exp.enterpriseName, text: { zh: `${exp.enterpriseName} ${exp.post}（${exp.start} 起）`, en: `${exp.enterpriseName}, ${exp.post} (from ${exp.start})` } }])
    const p = t.practice.find((r) => r.start <= ctx.asOf)
    if (p) return met([{ kind: "practice", ref: p.id, text: { zh: `企业实践 ${p.enterpriseName}（${p.start} 至 ${p.end}）`, en: `practice at ${p.enterpriseName} (${p.start} to ${p.end})` } }])
    if (t.partTime !== undefined && t.partTime.productionYears > 0) {
      return met([{ kind: "engagement", ref: t.partTime.employerName, text: { zh: `在${t.partTime.employerName}工作`, en: `works at ${t.partTime.employerName}` } }])
    }
    return unmet({ zh: "录入行业企业工作经历或企业实践", en: "record enterprise experience or practice" })
  },
  "DS-ELIGIBLE-INSCHOOL": (t, ctx) => {
    if (t.employment !== "full-time") return unmet({ zh: "须为本校专任教师", en: "must be a full-time teacher of the school" })
    if (t.courseType === "public" && !t.internshipTutor) {
      // Public-course teachers who teach professional courses apply "by reference" (参照): the school confirms it.
      const a = attested(t, ctx, "DS-ELIGIBLE-INSCHOOL")
      if (!a.met) return unmet({ zh: "公共课教师兼任或转任专业课的，由学校确认后参照专业课教师申报", en: "a public-course teacher who teaches professional courses applies once the school confirms it" })
      return a
    }
    if (t.staffing === "contract") {
      const years = ctx.policy.value(N.dsContractYearsMin)
      const since = t.contractStart ?? t.hiredOn
      if (years !== undefined && Iso.addYears(since, years) > ctx.asOf) {
        return unmet(
          { zh: `合同制教师聘期满${years}年（${Iso.addYears(since, years)}）后方可申报`, en: `a contract teacher may apply after ${years} years of contract (${Iso.addYears(since, years)})` },
          [N.dsContractYearsMin]
        )
      }
      return met([{ kind: "employment", ref: t.id, text: { zh: `合同制，聘期自 ${since} 起`, en: `contract since ${since}` } }], [N.dsContractYearsMin])
    }
    return met([{ kind: "employment", ref: t.id, text: { zh: t.internshipTutor ? "专任实习指导教师" : "专任专业课教师", en: t.internshipTutor ? "full-time internship tutor" : "full-time professional-course teacher" } }])
  },
  "DS-ELIGIBLE-ENTERPRISE": (t, ctx) => {
    if (t.employment !== "part-time" || t.partTime === undefined) return unmet({ zh: "须为正式聘任的企业兼职教师", en: "must be a formally hired part-time teacher" })
    const { appointment } = t.partTime
    if (appointment.start > ctx.asOf || appointment.end < ctx.asOf) {
      return unmet({ zh: `聘期（${appointment.start} 至 ${appointment.end}）未覆盖 ${ctx.asOf}`, en: `the appointment (${appointment.start} to ${appointment.end}) does not cover ${ctx.asOf}` })
    }
    const maxAge = retirementAge(t, ctx.policy)
    const age = Identity.personAgeAt(t, ctx.asOf)
    const params = [N.retirementAgeMale, N.retirementAgeFemale]
    if (maxAge !== undefined && age !== undefined) {
      // Reaching the age on the birthday is not exceeding it; from the day after, the teacher is past it.
      const retires = Iso.addYears(Identity.personBirthDate(t)!, maxAge)
      if (retires < ctx.asOf) {
        return unmet({ zh: `已于 ${retires} 达到法定退休年龄（${maxAge}岁），超过后一般不予认定`, en: `reached the statutory retirement age (${maxAge}) on ${retires}: past it, generally not eligible` }, params)
      }
    }
    return met([{ kind: "engagement", ref: t.partTime.employerName, text: { zh: `正式聘任，聘期 ${appointment.start} 至 ${appointment.end}`, en: `formally hired, ${appointment.start} to ${appointment.end}` } }], params)
  },
  "DS-PARTTIME-HIRE-STD": (t, ctx) => {
    const years = ctx.policy.value(N.ptMinExperienceYears) ?? 0
    const have = enterpriseYearsOn(t, ctx.asOf)
    const params = [N.ptMinExperienceYears, N.ptMinTitle, N.ptMinSkill]
    if (have + 1e-9 < years) return unmet({ zh: `相关工作年限需 ${years} 年，现 ${have.toFixed(1)} 年`, en: `${years} years of relevant work needed, ${have.toFixed(1)} recorded` }, params)
    const title = titleAtLeast(t, ctx.asOf, ctx.policy.value(N.ptMinTitle) ?? "intermediate", "technical") ?? titleAtLeast(t, ctx.asOf, ctx.policy.value(N.ptMinTitle) ?? "intermediate", "teaching")
    const skill = skillAtLeast(t, ctx.asOf, ctx.policy.value(N.ptMinSkill) ?? "level-3")
    const ev = title ?? skill
    return ev ? met([ev], params) : unmet({ zh: "需中级及以上职称或高级工及以上技能等级", en: "needs an intermediate title or a level-3 skill" }, params)
  },
  "DS-NEW-TEACHER-PRACTICE-FIRST": (t, ctx) => {
    if (t.hiredOn < "2016-05-11") return met([])
    const ok = t.enterpriseExperience.some((e) => e.start <= ctx.asOf) || t.practice.some((p) => p.start <= ctx.asOf)
    return ok ? met([]) : unmet({ zh: "新任教师须先完成企业实践", en: "a new teacher first completes enterprise practice" })
  },
  "DS-TEACHER-CERT": (t, ctx) => {
    const accepted = ctx.policy.value(ctx.kind === "secondary" ? N.dsSecondaryTeacherCertLevels : N.dsHigherTeacherCertLevels) ?? []
    const param = ctx.kind === "secondary" ? N.dsSecondaryTeacherCertLevels : N.dsHigherTeacherCertLevels
    const c = t.certificates.find(
      (c) => c.kind === "teacher-qualification" && c.issuedOn <= ctx.asOf && (c.expiresOn === undefined || c.expiresOn >= ctx.asOf) && accepted.some((a) => (c.level ?? c.name).includes(a))
    )
    return c
      ? met([{ kind: "certificate", ref: c.number ?? c.name, text: { zh: `${c.name}（${c.level ?? ""}）`, en: `${c.name} (${c.level ?? ""})` } }], [param])
      : unmet({ zh: `需${accepted.join("或")}教师资格证书`, en: `needs a teacher qualification: ${accepted.join(" or ")}` }, [param])
  },
  "DS-PRACTICE-OR-CERT": (t, ctx) => {
    const p = N.dsThresholds[ctx.kind].junior
    const skill = skillAtLeast(t, ctx.asOf, ctx.policy.value(p.minSkill) ?? "level-4")
    const title = titleAtLeast(t, ctx.asOf, ctx.policy.value(p.minTechTitle) ?? "junior", "technical")
    return either(
      [practiceAtLeast(t, ctx, p.practiceMonths), skill ? met([skill], [p.minSkill]) : unmet({ zh: "", en: "" }, [p.minSkill]), title ? met([title], [p.minTechTitle]) : unmet({ zh: "", en: "" }, [p.minTechTitle])],
      () => ({
        zh: `近5年企业实践满${ctx.policy.value(p.practiceMonths)}个月，或${skillZh[ctx.policy.value(p.minSkill) ?? ""]}及以上职业技能等级，或${titleZh[ctx.policy.value(p.minTechTitle) ?? ""]}及以上专业技术职称（三者之一）`,
        en: `${ctx.policy.value(p.practiceMonths)} months of practice in 5 years, or a ${ctx.policy.value(p.minSkill)} skill level, or a ${ctx.policy.value(p.minTechTitle)} technical title`
      })
    )
  },
  "DS-CAN-TEACH-THEORY-PRACTICE": (t, ctx) => attested(t, ctx, "DS-CAN-TEACH-THEORY-PRACTICE"),
  "DS-HOLD-L1": (t, ctx) => holds(t, ctx, "junior"),
  "DS-HOLD-L2": (t, ctx) => holds(t, ctx, "intermediate"),
  "DS-TITLE-MID": (t, ctx) => {
    const p = P(ctx).intermediate.minTitle
    const title = titleAtLeast(t, ctx.asOf, ctx.policy.value(p) ?? "intermediate", "teaching")
    return title ? met([title], [p]) : unmet({ zh: `需教师系列${titleZh[ctx.policy.value(p) ?? ""]}及以上职称（讲师）`, en: `needs a ${ctx.policy.value(p)} teaching title or above` }, [p])
  },
  "DS-TITLE-HIGH": (t, ctx) => {
    const p = P(ctx).senior.minTitle
    const title = titleAtLeast(t, ctx.asOf, ctx.policy.value(p) ?? "associate-senior", "teaching")
    return title ? met([title], [p]) : unmet({ zh: `需教师系列${titleZh[ctx.policy.value(p) ?? ""]}及以上职称（高级讲师）`, en: `needs a ${ctx.policy.value(p)} teaching title or above` }, [p])
  },
  "DS-PRACTICE-OR-CERT-MID": (t, ctx) => {
    const p = P(ctx).intermediate
    const skill = skillAtLeast(t, ctx.asOf, ctx.policy.value(p.minSkill) ?? "level-3")
    const title = titleAtLeast(t, ctx.asOf, ctx.policy.value(p.minTechTitle) ?? "intermediate", "technical")
    return either(
      [practiceAtLeast(t, ctx, p.practiceMonths), skill ? met([skill], [p.minSkill]) : unmet({ zh: "", en: "" }, [p.minSkill]), title ? met([title], [p.minTechTitle]) : unmet({ zh: "", en: "" }, [p.minTechTitle])],
      () => ({
        zh: `近5年企业实践满${ctx.policy.value(p.practiceMonths)}个月，或${skillZh[ctx.policy.value(p.minSkill) ?? ""]}及以上，或${titleZh[ctx.policy.value(p.minTechTitle) ?? ""]}及以上专业技术职称`,
        en: `${ctx.policy.value(p.practiceMonths)} months of practice, or a ${ctx.policy.value(p.minSkill)} skill level, or a ${ctx.policy.value(p.minTechTitle)} technical title`
      })
    )
  },
  "DS-ACHIEVEMENT-MID": (t, ctx) =>
    either(
      [
        awardAtLeast(t, ctx, P(ctx).intermediate.awardLevel),
        serviceOf(t, ctx, ["technical-service", "rnd", "social-training", "patent", "standard", "other"], { zh: "", en: "" })
      ],
      () => ({ zh: `${awardZh[ctx.policy.value(P(ctx).intermediate.awardLevel) ?? ""]}及以上竞赛获奖，或课程教材建设、技术服务等业绩`, en: "an award at the required level, or course, textbook or technical-service work" })
    ),
  "DS-SKILL-HIGH": (t, ctx) => {
    const p = P(ctx).senior
    const skill = skillAtLeast(t, ctx.asOf, ctx.policy.value(p.minSkill) ?? "level-2")
    const title = titleAtLeast(t, ctx.asOf, ctx.policy.value(p.minTechTitle) ?? "intermediate", "technical")
    return either(
      [skill ? met([skill], [p.minSkill]) : unmet({ zh: "", en: "" }, [p.minSkill]), title ? met([title], [p.minTechTitle]) : unmet({ zh: "", en: "" }, [p.minTechTitle]), practiceAtLeast(t, ctx, p.practiceMonths)],
      () => ({
        zh: `${skillZh[ctx.policy.value(p.minSkill) ?? ""]}及以上，或${titleZh[ctx.policy.value(p.minTechTitle) ?? ""]}及以上专业技术职称，或近5年企业实践满${ctx.policy.value(p.practiceMonths)}个月`,
        en: `a ${ctx.policy.value(p.minSkill)} skill level, a ${ctx.policy.value(p.minTechTitle)} technical title, or ${ctx.policy.value(p.practiceMonths)} months of practice`
      })
    )
  },
  "DS-LEADERSHIP-HIGH": (t, ctx) =>
    either(
      [awardAtLeast(t, ctx, P(ctx).senior.awardLevel), serviceOf(t, ctx, ["rnd", "technical-service", "patent", "standard"], { zh: "", en: "" })],
      () => ({ zh: `${awardZh[ctx.policy.value(P(ctx).senior.awardLevel) ?? ""]}及以上获奖，或被企业采用的研发、技术服务成果`, en: "an award at the required level, or R&D or technical services used by enterprises" })
    ),
  "DS-ENT-L1": (t, ctx) => enterpriseLevel(t, ctx, "junior"),
  "DS-ENT-L2": (t, ctx) => enterpriseLevel(t, ctx, "intermediate"),
  "DS-ENT-L3": (t, ctx) => enterpriseLevel(t, ctx, "senior")
}

const enterpriseLevel = (t: Teacher, ctx: Ctx, level: Level): Outcome => {
  const p = N.dsThresholds.enterprise[level]
  const params: Array<Parameter.Any> = [p.minSkill, p.minTechTitle]
  if ("workYears" in p) {
    params.push(p.workYears)
    const years = ctx.policy.value(p.workYears) ?? 0
    const have = enterpriseYearsOn(t, ctx.asOf)
    if (have + 1e-9 < years) return unmet({ zh: `企业工作年限需 ${years} 年，现 ${have.toFixed(1)} 年`, en: `${years} years of enterprise work needed, ${have.toFixed(1)} recorded` }, params)
  }
  const skill = skillAtLeast(t, ctx.asOf, ctx.policy.value(p.minSkill) ?? "level-3")
  const title = titleAtLeast(t, ctx.asOf, ctx.policy.value(p.minTechTitle) ?? "junior", "technical")
  const ev = skill ?? title
  return ev
    ? met([ev], params)
    : unmet(
        { zh: `需${skillZh[ctx.policy.value(p.minSkill) ?? ""]}及以上技能等级或${titleZh[ctx.policy.value(p.minTechTitle) ?? ""]}及以上职称`, en: `needs a ${ctx.policy.value(p.minSkill)} skill level or a ${ctx.policy.value(p.minTechTitle)} title` },
        params
      )
}

// -------------------------------------------------------------------------------------------------------------
// Evaluation
// -------------------------------------------------------------------------------------------------------------

/**
 * The outcome of one level.
 *
 * @since 0.1.0
 * @category models
 */
export interface LevelResult {
  readonly level: Level
  readonly met: boolean
  readonly criteria: ReadonlyArray<CriterionResult>
}

/**
 * What `evaluate` finds for one teacher on one date.
 *
 * @since 0.1.0
 * @category models
 */
export interface Evaluation {
  readonly teacherId: string
  readonly asOf: IsoDate
  readonly schoolKind: SchoolKind
  readonly category: Category
  /** Rows that apply at every level (eligibility, ethics, experience). */
  readonly basic: ReadonlyArray<CriterionResult>
  readonly levels: ReadonlyArray<LevelResult>
  /** The highest level whose criteria are all met. */
  readonly highest?: Level
  /** The level above `highest` and what it still lacks (basic rows included). */
  readonly next?: { readonly level: Level; readonly missing: ReadonlyArray<CriterionResult> }
  /** The failed ethics appraisal whose impact period covers the date (DS-ETHICS-VETO). */
  readonly veto?: { readonly year: number; readonly until: IsoDate; readonly defaulted: boolean }
  /** Certifications held on the date. */
  readonly held: ReadonlyArray<Teacher["dualQualifications"][number]>
}

const groupsMet = (results: ReadonlyArray<CriterionResult>): boolean => {
  const groups = new Map<string, { k: number; hits: number }>()
  for (const r of results) {
    if (r.row.combinator._tag === "All") {
      if (!r.met) return false
      continue
    }
    const g = groups.get(r.row.combinator.group) ?? { k: r.row.combinator.k, hits: 0 }
    groups.set(r.row.combinator.group, { k: g.k, hits: g.hits + (r.met ? 1 : 0) })
  }
  for (const g of groups.values()) if (g.hits < g.k) return false
  return true
}

/**
 * The teacher's category: part-time teachers are enterprise part-time teachers; everyone else is in-school.
 *
 * @since 0.1.0
 * @category combinators
 */
export const categoryOf = (t: Pick<Teacher, "employment">): Category => (t.employment === "part-time" ? "enterprise" : "in-school")

/**
 * Evaluates a teacher against the criteria table on a date: every criterion of every level with its evidence,
 * the highest level met, and what the next level lacks. Pure: the same teacher, policy and date always give
 * the same result.
 *
 * @since 0.1.0
 * @category combinators
 */
export const evaluate = (teacher: Teacher, schoolType: Practice.Subject["schoolType"], policy: Resolved, rows: ReadonlyArray<Row> = table): Evaluation => {
  const kind = schoolKindOf(schoolType)
  const category = categoryOf(teacher)
  const applies = (r: Row) => (r.schoolKind === "any" || r.schoolKind === kind) && (r.category === "any" || r.category === category)
  const memo = {}
  const run = (r: Row): CriterionResult => {
    const out = checks[r.criterion](teacher, { asOf: policy.asOf, policy, kind, level: r.level, category, memo })
    return out.missing === undefined
      ? { criterion: r.criterion, row: r, met: out.met, evidence: out.evidence, parameters: out.parameters }
      : { criterion: r.criterion, row: r, met: out.met, evidence: out.evidence, parameters: out.parameters, missing: out.missing }
  }
  const basic = rows.filter((r) => r.level === "basic" && applies(r)).map(run)
  const basicOk = basic.every((r) => r.met)
  const levelResults: Array<LevelResult> = levels.map((level) => {
    const criteria = rows.filter((r) => r.level === level && applies(r)).map(run)
    return { level, met: basicOk && criteria.length > 0 && groupsMet(criteria), criteria }
  })
  let highest: Level | undefined
  for (const l of levelResults) if (l.met) highest = l.level
  const nextLevel: Level | undefined = highest === undefined ? "junior" : highest === "junior" ? "intermediate" : highest === "intermediate" ? "senior" : undefined
  const veto = ethicsVeto(teacher, policy.asOf, policy.value(N.dsEthicsImpactYears) ?? 1)
  const next =
    nextLevel === undefined
      ? undefined
      : {
          level: nextLevel,
          missing: [...basic.filter((r) => !r.met), ...missingOf(levelResults.find((l) => l.level === nextLevel)!.criteria)]
        }
  return {
    teacherId: teacher.id,
    asOf: policy.asOf,
    schoolKind: kind,
    category,
    basic,
    levels: levelResults,
    ...(highest === undefined ? {} : { highest }),
    ...(next === undefined ? {} : { next }),
    ...(veto === undefined ? {} : { veto }),
    held: heldOn(teacher, policy.asOf, policy.value(N.dsValidityYears) ?? 0)
  }
}

// The unmet rows that stop a level: every unmet ALL row, and for each unsatisfied ANY group its unmet members.
const missingOf = (criteria: ReadonlyArray<CriterionResult>): ReadonlyArray<CriterionResult> => {
  const satisfied = new Set<string>()
  const counts = new Map<string, { k: number; hits: number }>()
  for (const c of criteria) {
    if (c.row.combinator._tag !== "AnyOf") continue
    const g = counts.get(c.row.combinator.group) ?? { k: c.row.combinator.k, hits: 0 }
    counts.set(c.row.combinator.group, { k: g.k, hits: g.hits + (c.met ? 1 : 0) })
  }
  for (const [group, g] of counts) if (g.hits >= g.k) satisfied.add(group)
  return criteria.filter((c) => !c.met && (c.row.combinator._tag === "All" || !satisfied.has(c.row.combinator.group)))
}

// -------------------------------------------------------------------------------------------------------------
// Rules
// -------------------------------------------------------------------------------------------------------------

const notice2022 = { effectiveFrom: "2022-10-25" as IsoDate, citations: [Sources.dualQualifiedNotice2022("二")] }

/**
 * TCH-DS-LEVELS: an `info` finding with the level met and what the next level lacks (the level criteria are
 * unverified, so this is never a violation).
 *
 * @since 0.1.0
 * @category rules
 */
export const levelsRule = Rule.make<Practice.Subject>({
  id: "TCH-DS-LEVELS",
  area: "teacher",
  title: { zh: "双师型教师等级", en: "dual-qualified level" },
  confidence: "M",
  subject: "Teacher",
  versions: [
    {
      effectiveFrom: "2022-10-25" as IsoDate,
      citations: [Sources.dualQualifiedNotice2022("二"), Sources.dualQualifiedPattern],
      parameters: [],
      check: ({ schoolType, teacher }, ctx) => {
        if (teacher.hiredOn > ctx.asOf) return []
        const e = evaluate(teacher, schoolType, ctx.policy)
        const reached = e.highest === undefined ? { zh: "尚未达到初级条件", en: "meets no level yet" } : { zh: `达到${levelLabel[e.highest].zh}条件`, en: `meets the ${e.highest} level` }
        const next = e.next
        return [
          ctx.finding({
            severity: "info",
            message: {
              zh: `双师型：${reached.zh}${next ? `；${levelLabel[next.level].zh}尚缺 ${next.missing.length} 项` : ""}`,
              en: `dual-qualified: ${reached.en}${next ? `; ${next.level} lacks ${next.missing.length} criteria` : ""}`
            },
            ...(next && next.missing.length > 0
              ? {
                  remedy: {
                    zh: next.missing.map((m) => `${m.criterion}：${m.missing?.zh ?? criterionTitle[m.criterion].zh}`).join("；"),
                    en: next.missing.map((m) => `${m.criterion}: ${m.missing?.en ?? criterionTitle[m.criterion].en}`).join("; ")
                  }
                }
              : {}),
            measured: { value: e.highest ?? null },
            parameters: [...new Map([...e.basic, ...e.levels.flatMap((l) => l.criteria)].flatMap((c) => c.parameters).map((p) => [p.id, p])).values()]
          })
        ]
      }
    }
  ]
})

/**
 * DS-ETHICS-VETO: during the impact period of a failed ethics appraisal a teacher may not apply, and a
 * certification held must be revoked.
 *
 * @since 0.1.0
 * @category rules
 */
export const ethicsVetoRule = Rule.make<Practice.Subject>({
  id: "DS-ETHICS-VETO",
  area: "teacher",
  title: { zh: "师德师风一票否决", en: "ethics veto" },
  confidence: "S",
  subject: "Teacher",
  versions: [
    {
      ...notice2022,
      parameters: [N.dsEthicsImpactYears],
      check: ({ teacher }, ctx) => {
        const veto = ethicsVeto(teacher, ctx.asOf, ctx.policy.value(N.dsEthicsImpactYears) ?? 1)
        if (veto === undefined) return []
        const held = heldOn(teacher, ctx.asOf, ctx.policy.value(N.dsValidityYears) ?? 0)
        // Only a period taken from the default parameter is uncertain; one recorded on the appraisal is not.
        const used = veto.defaulted ? [N.dsEthicsImpactYears] : []
        const out = [
          ctx.finding({
            severity: "info",
            message: { zh: `${veto.year}年度师德考核不合格，影响期至 ${veto.until}，期内不得申报双师型认定`, en: `failed the ${veto.year} ethics appraisal: may not apply until after ${veto.until}` },
            deadline: veto.until,
            parameters: used
          })
        ]
        for (const q of held) {
          out.push(
            ctx.finding({
              severity: "violation",
              message: { zh: `师德考核不合格，已取得的${levelLabel[q.level].zh}双师型认定（${q.certifiedOn}）应予撤销`, en: `failed ethics appraisal: the ${q.level} certification of ${q.certifiedOn} must be revoked` },
              remedy: { zh: "办理撤销并记录撤销日期与原因", en: "revoke it and record the date and reason" },
              parameters: used
            })
          )
        }
        return out
      }
    }
  ]
})

/**
 * DS-ELIGIBLE-ENTERPRISE: a part-time teacher past the statutory retirement age is generally not certified
 * (a `warning`: the rule says "一般").
 *
 * @since 0.1.0
 * @category rules
 */
export const enterpriseAgeRule = Rule.make<Practice.Subject>({
  id: "DS-ELIGIBLE-ENTERPRISE",
  area: "part-time-teacher",
  title: { zh: "企业兼职教师一般不超过法定退休年龄", en: "part-time teachers: not past retirement age" },
  confidence: "L",
  subject: "Teacher",
  versions: [
    {
      effectiveFrom: "2023-01-15" as IsoDate,
      citations: [Sources.gansuDualQualified2023("第二条")],
      parameters: [N.retirementAgeMale, N.retirementAgeFemale],
      check: ({ teacher }, ctx) => {
        if (teacher.employment !== "part-time") return []
        const r = checks["DS-ELIGIBLE-ENTERPRISE"](teacher, { asOf: ctx.asOf, policy: ctx.policy, kind: "secondary", level: "basic", category: "enterprise" })
        if (r.met || r.missing === undefined || !r.missing.zh.includes("退休")) return []
        return [ctx.finding({ severity: "warning", message: r.missing, parameters: [N.retirementAgeMale, N.retirementAgeFemale] })]
      }
    }
  ]
})

/**
 * The 双师型 rules.
 *
 * @since 0.1.0
 * @category rules
 */
export const rules: ReadonlyArray<Rule.Any> = [levelsRule, ethicsVetoRule, enterpriseAgeRule]

// -------------------------------------------------------------------------------------------------------------
// Certification life cycle (DS-PROCEDURE, DS-CERTIFIER, DS-VALIDITY)
// -------------------------------------------------------------------------------------------------------------

/**
 * The states of a certification application: 个人申报 → 学校审核 → 认定 | 不予认定 → 撤销 (DS-PROCEDURE).
 *
 * @since 0.1.0
 * @category models
 */
export const CertificationState = Schema.Literal("applied", "school-reviewed", "certified", "rejected", "revoked").annotations(
  describe({ identifier: "CertificationState", zh: "认定状态", en: "certification state", descriptionZh: "applied 已申报；school-reviewed 学校已审核；certified 已认定；rejected 不予认定；revoked 已撤销", descriptionEn: "applied, school reviewed, certified, rejected, revoked" })
)

/**
 * A certification application and its outcome.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Certification = Schema.Struct({
  id: field(Id, "认定编号", "certification id"),
  teacherId: field(Id, "教师编号", "teacher id"),
  level: field(Schema.Literal("junior", "intermediate", "senior"), "申报等级", "level"),
  schoolKind: field(Schema.Literal("secondary", "higher"), "认定类别", "school kind"),
  state: CertificationState,
  appliedOn: field(Iso.IsoDate, "申报日期", "applied on"),
  reviewedOn: Schema.optional(field(Iso.IsoDate, "学校审核日期", "reviewed on")),
  reviewedBy: Schema.optional(field(Name, "审核人", "reviewed by")),
  certifiedOn: Schema.optional(field(Iso.IsoDate, "认定日期", "certified on")),
  certifier: Schema.optional(field(Name, "认定机构", "certifier", "DS-CERTIFIER：一般为省级教育行政部门或其认定中心")),
  rejectedOn: Schema.optional(field(Iso.IsoDate, "不予认定日期", "rejected on")),
  revokedOn: Schema.optional(field(Iso.IsoDate, "撤销日期", "revoked on")),
  reason: Schema.optional(field(Note, "原因", "reason")),
  extensions: Schema.optional(Extensions)
}).annotations(describe({ identifier: "Certification", zh: "双师型认定申报", en: "dual-qualified certification" }))

/**
 * @since 0.1.0
 * @category models
 */
export interface Certification extends Schema.Schema.Type<typeof Certification> {}

/**
 * What may happen to a certification.
 *
 * @since 0.1.0
 * @category models
 */
export type CertificationEvent =
  | { readonly _tag: "Review"; readonly on: IsoDate; readonly by: string }
  | { readonly _tag: "Certify"; readonly on: IsoDate; readonly certifier: string }
  | { readonly _tag: "Reject"; readonly on: IsoDate; readonly reason: string }
  | { readonly _tag: "Revoke"; readonly on: IsoDate; readonly reason: string }

/**
 * Why a step was refused, in Chinese and English.
 *
 * @since 0.1.0
 * @category models
 */
export interface Refusal {
  readonly reason: "ethics-veto" | "not-eligible" | "criteria-not-met" | "wrong-state" | "date-order"
  readonly message: Text
  readonly missing: ReadonlyArray<CriterionResult>
}

/**
 * Opens an application (个人申报): refused during an ethics veto or when the teacher is not eligible.
 *
 * @since 0.1.0
 * @category constructors
 */
export const apply = (
  input: { readonly id: string; readonly teacher: Teacher; readonly level: Level; readonly schoolType: Practice.Subject["schoolType"] },
  policy: Resolved
): Either.Either<Certification, Refusal> => {
  const e = evaluate(input.teacher, input.schoolType, policy)
  if (e.veto !== undefined) {
    return Either.left({
      reason: "ethics-veto",
      message: { zh: `师德考核不合格影响期内（至 ${e.veto.until}）不得申报`, en: `no application during the ethics impact period (until ${e.veto.until})` },
      missing: e.basic.filter((b) => b.criterion === "DS-ETHICS-VETO")
    })
  }
  const eligibility = e.basic.filter((b) => (b.criterion === "DS-ELIGIBLE-INSCHOOL" || b.criterion === "DS-ELIGIBLE-ENTERPRISE") && !b.met)
  if (eligibility.length > 0) {
    return Either.left({ reason: "not-eligible", message: eligibility[0]!.missing ?? { zh: "不在认定范围内", en: "not eligible" }, missing: eligibility })
  }
  return Either.right({ id: input.id, teacherId: input.teacher.id, level: input.level, schoolKind: e.schoolKind, state: "applied", appliedOn: policy.asOf })
}

/**
 * Moves a certification on: review (applied → school-reviewed), certify or reject (school-reviewed → certified
 * | rejected), revoke (certified → revoked). Certifying re-evaluates the teacher on the certification date and
 * is refused, with the criteria still missing, when the level is not met or a veto is in force.
 *
 * @since 0.1.0
 * @category combinators
 */
export const transition = (
  c: Certification,
  event: CertificationEvent,
  context: { readonly teacher: Teacher; readonly schoolType: Practice.Subject["schoolType"]; readonly policy: Resolved }
): Either.Either<Certification, Refusal> => {
  const wrong = (allowed: string) =>
    Either.left<Refusal>({
      reason: "wrong-state",
      message: { zh: `当前状态为 ${c.state}，不能${allowed}`, en: `cannot ${event._tag.toLowerCase()} a certification in state ${c.state}` },
      missing: []
    })
  if (event.on < c.appliedOn) {
    return Either.left({ reason: "date-order", message: { zh: `日期 ${event.on} 早于申报日期 ${c.appliedOn}`, en: `${event.on} is before the application date ${c.appliedOn}` }, missing: [] })
  }
  switch (event._tag) {
    case "Review":
      return c.state === "applied" ? Either.right({ ...c, state: "school-reviewed", reviewedOn: event.on, reviewedBy: event.by }) : wrong("审核")
    case "Reject":
      return c.state === "applied" || c.state === "school-reviewed" ? Either.right({ ...c, state: "rejected", rejectedOn: event.on, reason: event.reason }) : wrong("不予认定")
    case "Revoke":
      return c.state === "certified" ? Either.right({ ...c, state: "revoked", revokedOn: event.on, reason: event.reason }) : wrong("撤销")
    case "Certify": {
      if (c.state !== "school-reviewed") return wrong("认定")
      const e = evaluate(context.teacher, context.schoolType, context.policy)
      if (e.veto !== undefined) {
        return Either.left({ reason: "ethics-veto", message: { zh: `师德考核不合格影响期内（至 ${e.veto.until}）不得认定`, en: `no certification during the ethics impact period (until ${e.veto.until})` }, missing: [] })
      }
      const level = e.levels.find((l) => l.level === c.level)!
      if (!level.met) {
        const missing = [...e.basic.filter((b) => !b.met), ...missingOf(level.criteria)]
        return Either.left({
          reason: "criteria-not-met",
          message: { zh: `未达到${levelLabel[c.level].zh}条件，尚缺 ${missing.length} 项`, en: `the ${c.level} criteria are not met: ${missing.length} missing` },
          missing
        })
      }
      return Either.right({ ...c, state: "certified", certifiedOn: event.on, certifier: event.certifier })
    }
  }
}

/**
 * The certification as the teacher record keeps it (`Teacher.dualQualifications`), once certified.
 *
 * @since 0.1.0
 * @category combinators
 */
export const toQualification = (c: Certification): Teacher["dualQualifications"][number] | undefined =>
  c.state === "certified" || c.state === "revoked"
    ? {
        level: c.level,
        schoolType: c.schoolKind,
        certifier: c.certifier ?? "",
        certifiedOn: c.certifiedOn!,
        ...(c.revokedOn === undefined ? {} : { revokedOn: c.revokedOn })
      }
    : undefined
