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
  readonly category: Category
  /** What the criteria read from the policy for this table, worked out once per resolved policy. */
  readonly p: Params
  /** Per-evaluation cache: the practice window is summed once, whichever criteria ask. */
  readonly memo?: Memo
}

interface Memo {
  practice?: { days: number; ids: ReadonlyArray<string> }
  /** The practice evidence: the same for every level that accepts it. */
  practiceEvidence?: ReadonlyArray<Evidence>
}

type Outcome = Omit<CriterionResult, "criterion" | "row">

const awardRank: { readonly [K: string]: number } = { school: 1, county: 2, city: 3, provincial: 4, national: 5, international: 6 }
const skillZh: { readonly [K: string]: string } = { "level-5": "初级工", "level-4": "中级工", "level-3": "高级工", "level-2": "技师", "level-1": "高级技师" }
const titleZh: { readonly [K: string]: string } = { none: "无", junior: "初级", intermediate: "中级", "associate-senior": "副高级", senior: "正高级" }
const awardZh: { readonly [K: string]: string } = { school: "校级", county: "县级", city: "市级", provincial: "省级", national: "国家级", international: "国际级" }

// Outcomes are read-only data: the empty lists, and the outcomes that depend on nothing but the policy, are
// shared rather than allocated again for every criterion of every teacher.
const NONE: ReadonlyArray<never> = Object.freeze([])
const met = (evidence: ReadonlyArray<Evidence>, parameters: ReadonlyArray<Parameter.Any> = NONE): Outcome => ({ met: true, evidence, parameters })
const unmet = (missing: Text, parameters: ReadonlyArray<Parameter.Any> = NONE): Outcome => ({ met: false, evidence: NONE, missing, parameters })
const MET: Outcome = met(NONE)

// The best skill level held, as evidence, when it reaches `min`.
const skillAtLeast = (t: Teacher, asOf: IsoDate, min: string): Evidence | undefined => {
  const best = bestSkillOn(t, asOf)
  if (best === undefined || skillRank[best.level] < (skillRank[min as SkillLevel] ?? 99)) return undefined
  const c = best.certificate
  return c === undefined
    ? { kind: "certificate", ref: best.level, text: { zh: `职业技能等级：${skillZh[best.level]}`, en: `skill level ${best.level}` } }
    : { kind: "certificate", ref: c.number ?? c.name, text: { zh: `${c.name}（${skillZh[best.level]}）`, en: `${c.name} (${best.level})` } }
}

// The highest title of the series that reaches `min` (of equal ones, the first on record).
const titleAtLeast = (t: Teacher, asOf: IsoDate, min: string, series: "teaching" | "technical"): Evidence | undefined => {
  const need = titleRank[min as keyof typeof titleRank] ?? 99
  let hit: Teacher["titles"][number] | undefined
  for (const x of t.titles) {
    if (x.obtainedOn <= asOf && (series === "teaching" ? x.series === "teacher" : x.series !== "teacher") && titleRank[x.level] >= need) {
      if (hit === undefined || titleRank[x.level] > titleRank[hit.level]) hit = x
    }
  }
  return hit === undefined ? undefined : { kind: "title", ref: hit.name, text: { zh: `${hit.name}（${titleZh[hit.level]}，${hit.obtainedOn}）`, en: `${hit.name} (${hit.level}, ${hit.obtainedOn})` } }
}

const practiceDays = (t: Teacher, ctx: Ctx): { days: number; ids: ReadonlyArray<string> } => {
  if (ctx.memo?.practice !== undefined) return ctx.memo.practice
  const computed = practiceDaysUncached(t, ctx)
  if (ctx.memo !== undefined) ctx.memo.practice = computed
  return computed
}

const practiceDaysUncached = (t: Teacher, ctx: Ctx): { days: number; ids: ReadonlyArray<string> } => {
  const s = ctx.p.settings
  if (s === undefined) return { days: 0, ids: [] }
  const spans = Practice.spans(t.practice, s.hoursPerDay)
  const from = ctx.p.practiceFrom
  const to = ctx.p.practiceTo
  const ids: Array<string> = []
  for (const x of spans) if (x.end >= from && x.start <= to) ids.push(x.recordId)
  return { days: Practice.servedBetween(spans, from, to), ids }
}

// The practice in the window, as evidence, when it reaches `need` days.
const practiceAtLeast = (t: Teacher, ctx: Ctx, need: number): ReadonlyArray<Evidence> | undefined => {
  const { days, ids } = practiceDays(t, ctx)
  if (!(days + 1e-9 >= need)) return undefined
  if (ctx.memo?.practiceEvidence !== undefined) return ctx.memo.practiceEvidence
  const years = ctx.p.practiceYears
  const evidence: ReadonlyArray<Evidence> = [
    { kind: "practice", ref: ids.join(","), text: { zh: `近${years}年企业实践 ${Math.round(days)} 天（记录 ${ids.join("、")}）`, en: `${Math.round(days)} days of practice in ${years} years (${ids.join(", ")})` } }
  ]
  if (ctx.memo !== undefined) ctx.memo.practiceEvidence = evidence
  return evidence
}

/**
 * Practice, a skill level or a technical title (DS-PRACTICE-OR-CERT, DS-PRACTICE-OR-CERT-MID, DS-SKILL-HIGH),
 * tried in the table's order: the first option met gives the evidence, and every option's parameters are cited.
 */
interface Choice {
  readonly order: ReadonlyArray<"practice" | "skill" | "title">
  /** Days of practice needed; `undefined` when no practice threshold is in force (that option then fails). */
  readonly need: number | undefined
  readonly minSkill: string
  readonly minTitle: string
  readonly parameters: ReadonlyArray<Parameter.Any>
  readonly unmet: Outcome
}

const choose = (t: Teacher, ctx: Ctx, c: Choice): Outcome => {
  for (const option of c.order) {
    let evidence: ReadonlyArray<Evidence> | undefined
    if (option === "practice") evidence = c.need === undefined ? undefined : practiceAtLeast(t, ctx, c.need)
    else {
      const e = option === "skill" ? skillAtLeast(t, ctx.asOf, c.minSkill) : titleAtLeast(t, ctx.asOf, c.minTitle, "technical")
      evidence = e === undefined ? undefined : [e]
    }
    if (evidence !== undefined) return { met: true, evidence, parameters: c.parameters }
  }
  return c.unmet
}

/** An award of at least a level, or one of some kinds of service, in the achievement window (DS-ACHIEVEMENT-MID, DS-LEADERSHIP-HIGH). */
interface Achievement {
  /** The rank of the lowest award level accepted (99 when none is in force: no award counts). */
  readonly minRank: number
  readonly services: ReadonlyArray<string>
  readonly parameters: ReadonlyArray<Parameter.Any>
  readonly unmet: Outcome
}

const achieved = (t: Teacher, ctx: Ctx, a: Achievement): Outcome => {
  const from = ctx.p.achievementFrom
  const award = t.awards.find((x) => x.awardedOn >= from && x.awardedOn <= ctx.asOf && (awardRank[x.level] ?? 0) >= a.minRank)
  if (award !== undefined) {
    const text = { zh: `${award.name}（${awardZh[award.level]}，${award.awardedOn}）`, en: `${award.name} (${award.level}, ${award.awardedOn})` }
    return { met: true, evidence: [{ kind: "award", ref: award.name, text }], parameters: a.parameters }
  }
  const service = t.services.find((x) => a.services.includes(x.kind) && x.date >= from && x.date <= ctx.asOf)
  if (service !== undefined) {
    const text = { zh: `${service.title}（${service.date}）`, en: `${service.title} (${service.date})` }
    return { met: true, evidence: [{ kind: "service", ref: service.title, text }], parameters: a.parameters }
  }
  return a.unmet
}

/** A minimum teaching title (DS-TITLE-MID, DS-TITLE-HIGH). */
interface TitleNeed {
  readonly min: string
  readonly parameters: ReadonlyArray<Parameter.Any>
  readonly unmet: Outcome
}

/**
 * What the criteria read from a resolved policy for one table (中职 or 高职): the values, and the outcomes and
 * texts that depend on nothing else. A province-wide evaluation would otherwise read the same parameters and
 * format the same sentences again for every teacher.
 */
interface Params {
  readonly settings: Practice.Settings | undefined
  /** The TCH-EP-5Y6M window ending on the policy's date, in epoch days (`practiceFrom` only with `settings`). */
  readonly practiceFrom: number
  readonly practiceTo: number
  /** The window's length in years, as the practice evidence states it. */
  readonly practiceYears: number
  readonly achievementFrom: IsoDate
  readonly validityYears: number
  readonly ethicsYears: number
  readonly teacherCert: { readonly accepted: ReadonlyArray<string>; readonly parameters: ReadonlyArray<Parameter.Any>; readonly unmet: Outcome }
  readonly practiceOrCert: Choice
  readonly practiceOrCertMid: Choice
  readonly skillHigh: Choice
  readonly titleMid: TitleNeed
  readonly titleHigh: TitleNeed
  readonly achievementMid: Achievement
  readonly leadershipHigh: Achievement
}

// A resolved policy never changes: what it says for each table is kept with it (and is dropped with it).
const paramsCache = new WeakMap<Resolved, { [K in SchoolKind]?: Params }>()

const paramsOf = (policy: Resolved, kind: SchoolKind): Params => {
  let byKind = paramsCache.get(policy)
  if (byKind === undefined) {
    byKind = {}
    paramsCache.set(policy, byKind)
  }
  return (byKind[kind] ??= resolveParams(policy, kind))
}

const resolveParams = (policy: Resolved, kind: SchoolKind): Params => {
  const v = <A>(p: Parameter.Parameter<A>): A | undefined => policy.value(p)
  const asOf = policy.asOf
  const settings = Practice.settings(policy)
  const perMonth = v(N.teacherPracticeDaysPerMonth) ?? 30
  const choice = <S extends string, T extends string>(
    order: Choice["order"],
    months: Parameter.Parameter<number>,
    minSkill: Parameter.Parameter<S>,
    skillDefault: string,
    minTitle: Parameter.Parameter<T>,
    titleDefault: string,
    missing: Text
  ): Choice => {
    const m = v(months)
    const practice: ReadonlyArray<Parameter.Any> = m === undefined ? [months] : [months, N.teacherPracticeDaysPerMonth]
    const parameters: Array<Parameter.Any> = []
    for (const o of order) {
      if (o === "practice") parameters.push(...practice)
      else parameters.push(o === "skill" ? minSkill : minTitle)
    }
    return { order, need: m === undefined ? undefined : m * perMonth, minSkill: v(minSkill) ?? skillDefault, minTitle: v(minTitle) ?? titleDefault, parameters, unmet: unmet(missing, parameters) }
  }
  const achievement = <A extends string>(level: Parameter.Parameter<A>, services: ReadonlyArray<string>, missing: Text): Achievement => {
    const parameters = [level, N.dsAchievementWindowYears, N.dsAchievementWindowYears]
    return { minRank: awardRank[v(level) ?? ""] ?? 99, services, parameters, unmet: unmet(missing, parameters) }
  }
  const certParam = kind === "secondary" ? N.dsSecondaryTeacherCertLevels : N.dsHigherTeacherCertLevels
  const accepted = v(certParam) ?? []
  const { intermediate: i, junior: j, senior: s } = N.dsThresholds[kind]
  return {
    settings,
    practiceFrom: settings === undefined ? 0 : Iso.toEpochDays(Practice.windowStart(asOf, settings.windowYears)),
    practiceTo: Iso.toEpochDays(asOf),
    practiceYears: v(N.teacherPracticeWindowYears) ?? 5,
    achievementFrom: Practice.windowStart(asOf, v(N.dsAchievementWindowYears) ?? 5),
    validityYears: v(N.dsValidityYears) ?? 0,
    ethicsYears: v(N.dsEthicsImpactYears) ?? 1,
    teacherCert: {
      accepted,
      parameters: [certParam],
      unmet: unmet({ zh: `需${accepted.join("或")}教师资格证书`, en: `needs a teacher qualification: ${accepted.join(" or ")}` }, [certParam])
    },
    practiceOrCert: choice(["practice", "skill", "title"], j.practiceMonths, j.minSkill, "level-4", j.minTechTitle, "junior", {
      zh: `近5年企业实践满${v(j.practiceMonths)}个月，或${skillZh[v(j.minSkill) ?? ""]}及以上职业技能等级，或${titleZh[v(j.minTechTitle) ?? ""]}及以上专业技术职称（三者之一）`,
      en: `${v(j.practiceMonths)} months of practice in 5 years, or a ${v(j.minSkill)} skill level, or a ${v(j.minTechTitle)} technical title`
    }),
    practiceOrCertMid: choice(["practice", "skill", "title"], i.practiceMonths, i.minSkill, "level-3", i.minTechTitle, "intermediate", {
      zh: `近5年企业实践满${v(i.practiceMonths)}个月，或${skillZh[v(i.minSkill) ?? ""]}及以上，或${titleZh[v(i.minTechTitle) ?? ""]}及以上专业技术职称`,
      en: `${v(i.practiceMonths)} months of practice, or a ${v(i.minSkill)} skill level, or a ${v(i.minTechTitle)} technical title`
    }),
    skillHigh: choice(["skill", "title", "practice"], s.practiceMonths, s.minSkill, "level-2", s.minTechTitle, "intermediate", {
      zh: `${skillZh[v(s.minSkill) ?? ""]}及以上，或${titleZh[v(s.minTechTitle) ?? ""]}及以上专业技术职称，或近5年企业实践满${v(s.practiceMonths)}个月`,
      en: `a ${v(s.minSkill)} skill level, a ${v(s.minTechTitle)} technical title, or ${v(s.practiceMonths)} months of practice`
    }),
    titleMid: {
      min: v(i.minTitle) ?? "intermediate",
      parameters: [i.minTitle],
      unmet: unmet({ zh: `需教师系列${titleZh[v(i.minTitle) ?? ""]}及以上职称（讲师）`, en: `needs a ${v(i.minTitle)} teaching title or above` }, [i.minTitle])
    },
    titleHigh: {
      min: v(s.minTitle) ?? "associate-senior",
      parameters: [s.minTitle],
      unmet: unmet({ zh: `需教师系列${titleZh[v(s.minTitle) ?? ""]}及以上职称（高级讲师）`, en: `needs a ${v(s.minTitle)} teaching title or above` }, [s.minTitle])
    },
    achievementMid: achievement(i.awardLevel, ["technical-service", "rnd", "social-training", "patent", "standard", "other"], {
      zh: `${awardZh[v(i.awardLevel) ?? ""]}及以上竞赛获奖，或课程教材建设、技术服务等业绩`,
      en: "an award at the required level, or course, textbook or technical-service work"
    }),
    leadershipHigh: achievement(s.awardLevel, ["rnd", "technical-service", "patent", "standard"], {
      zh: `${awardZh[v(s.awardLevel) ?? ""]}及以上获奖，或被企业采用的研发、技术服务成果`,
      en: "an award at the required level, or R&D or technical services used by enterprises"
    })
  }
}

const attested = (t: Teacher, ctx: Ctx, criterion: CriterionId): Outcome => {
  const a = t.attestations.find((x) => x.criterion === criterion && x.attestedOn <= ctx.asOf)
  return a
    ? met([{ kind: "attestation", ref: `${a.attestedBy}@${a.attestedOn}`, text: { zh: `${a.attestedBy} 于 ${a.attestedOn} 确认`, en: `attested by ${a.attestedBy} on ${a.attestedOn}` } }])
    : (unattested[criterion] ??= unmet({ zh: `由学校确认“${criterionTitle[criterion].zh}”（录入 ${criterion} 确认）`, en: `the school attests "${criterionTitle[criterion].en}" (record an attestation of ${criterion})` }))
}
// Without an attestation the outcome depends on the criterion alone.
const unattested: { [K in CriterionId]?: Outcome } = {}

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
  if (t.dualQualifications.length === 0) return notHeld[level]
  const q = heldOn(t, ctx.asOf, ctx.p.validityYears).find((x) => levelRank[x.level] >= levelRank[level])
  return q
    ? met([{ kind: "certification", ref: q.number ?? `${q.certifier}@${q.certifiedOn}`, text: { zh: `${q.certifiedOn} 经${q.certifier}认定为${levelLabel[q.level].zh}`, en: `${q.level}, certified by ${q.certifier} on ${q.certifiedOn}` } }], [N.dsValidityYears])
    : notHeld[level]
}
const notHeldAt = (level: Level): Outcome => unmet({ zh: `先取得${levelLabel[level].zh}双师型认定`, en: `first be certified at ${level} level` }, [N.dsValidityYears])
const notHeld: { readonly [K in Level]: Outcome } = { junior: notHeldAt("junior"), intermediate: notHeldAt("intermediate"), senior: notHeldAt("senior") }

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

const noVeto = met(NONE, [N.dsEthicsImpactYears])
const noAppraisal = unmet({ zh: "录入最近一次师德考核结果", en: "record the latest ethics appraisal" })
const noExperience = unmet({ zh: "录入行业企业工作经历或企业实践", en: "record enterprise experience or practice" })
const tutorText: Text = { zh: "专任实习指导教师", en: "full-time internship tutor" }
const professionalText: Text = { zh: "专任专业课教师", en: "full-time professional-course teacher" }
const notPractisedFirst = unmet({ zh: "新任教师须先完成企业实践", en: "a new teacher first completes enterprise practice" })

const checks: { readonly [K in CriterionId]: Check } = {
  "DS-ETHICS-VETO": (t, ctx) => {
    const veto = ethicsVeto(t, ctx.asOf, ctx.p.ethicsYears)
    return veto === undefined
      ? noVeto
      : unmet({ zh: `${veto.year}年度师德考核不合格，影响期至 ${veto.until}，期内不得申报`, en: `failed the ${veto.year} ethics appraisal: no application until after ${veto.until}` }, [N.dsEthicsImpactYears])
  },
  "DS-ETHICS-FIRST": (t, ctx) => {
    if (t.ethicsAppraisals.length === 0) return noAppraisal
    const latest = [...t.ethicsAppraisals].filter((a) => `${a.year}-01-01` <= ctx.asOf).sort((a, b) => b.year - a.year)[0]
    if (latest === undefined) return noAppraisal
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
    return noExperience
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
    return met([{ kind: "employment", ref: t.id, text: t.internshipTutor ? tutorText : professionalText }])
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
    if (t.hiredOn < "2016-05-11") return MET
    const ok = t.enterpriseExperience.some((e) => e.start <= ctx.asOf) || t.practice.some((p) => p.start <= ctx.asOf)
    return ok ? MET : notPractisedFirst
  },
  "DS-TEACHER-CERT": (t, ctx) => {
    const { accepted, parameters } = ctx.p.teacherCert
    const c = t.certificates.find(
      (c) => c.kind === "teacher-qualification" && c.issuedOn <= ctx.asOf && (c.expiresOn === undefined || c.expiresOn >= ctx.asOf) && accepted.some((a) => (c.level ?? c.name).includes(a))
    )
    return c ? met([{ kind: "certificate", ref: c.number ?? c.name, text: { zh: `${c.name}（${c.level ?? ""}）`, en: `${c.name} (${c.level ?? ""})` } }], parameters) : ctx.p.teacherCert.unmet
  },
  "DS-PRACTICE-OR-CERT": (t, ctx) => choose(t, ctx, ctx.p.practiceOrCert),
  "DS-CAN-TEACH-THEORY-PRACTICE": (t, ctx) => attested(t, ctx, "DS-CAN-TEACH-THEORY-PRACTICE"),
  "DS-HOLD-L1": (t, ctx) => holds(t, ctx, "junior"),
  "DS-HOLD-L2": (t, ctx) => holds(t, ctx, "intermediate"),
  "DS-TITLE-MID": (t, ctx) => titleNeed(t, ctx, ctx.p.titleMid),
  "DS-TITLE-HIGH": (t, ctx) => titleNeed(t, ctx, ctx.p.titleHigh),
  "DS-PRACTICE-OR-CERT-MID": (t, ctx) => choose(t, ctx, ctx.p.practiceOrCertMid),
  "DS-ACHIEVEMENT-MID": (t, ctx) => achieved(t, ctx, ctx.p.achievementMid),
  "DS-SKILL-HIGH": (t, ctx) => choose(t, ctx, ctx.p.skillHigh),
  "DS-LEADERSHIP-HIGH": (t, ctx) => achieved(t, ctx, ctx.p.leadershipHigh),
  "DS-ENT-L1": (t, ctx) => enterpriseLevel(t, ctx, "junior"),
  "DS-ENT-L2": (t, ctx) => enterpriseLevel(t, ctx, "intermediate"),
  "DS-ENT-L3": (t, ctx) => enterpriseLevel(t, ctx, "senior")
}

const titleNeed = (t: Teacher, ctx: Ctx, need: TitleNeed): Outcome => {
  const title = titleAtLeast(t, ctx.asOf, need.min, "teaching")
  return title ? met([title], need.parameters) : need.unmet
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
  const plan = rows === table ? tablePlans[kind][category] : planOf(rows, kind, category)
  const p = paramsOf(policy, kind)
  const ctx: Ctx = { asOf: policy.asOf, policy, kind, category, p, memo: {} }
  const basic = runAll(plan.basic, teacher, ctx)
  let basicOk = true
  for (const r of basic) if (!r.met) basicOk = false
  const levelResults: Array<LevelResult> = []
  let highest: Level | undefined
  for (let k = 0; k < levels.length; k++) {
    const level = levels[k]!
    const criteria = runAll(plan.levels[k]!, teacher, ctx)
    const ok = basicOk && criteria.length > 0 && groupsMet(criteria)
    levelResults.push({ level, met: ok, criteria })
    if (ok) highest = level
  }
  const nextLevel: Level | undefined = highest === undefined ? "junior" : highest === "junior" ? "intermediate" : highest === "intermediate" ? "senior" : undefined
  const veto = ethicsVeto(teacher, policy.asOf, p.ethicsYears)
  let next: Evaluation["next"]
  if (nextLevel !== undefined) {
    const missing: Array<CriterionResult> = []
    for (const r of basic) if (!r.met) missing.push(r)
    for (const r of missingOf(levelResults.find((l) => l.level === nextLevel)!.criteria)) missing.push(r)
    next = { level: nextLevel, missing }
  }
  // Field by field, in the documented order: spreading the optional fields in cost more than the rest of the
  // assembly. Every required field is set before the cast.
  const out: { -readonly [K in keyof Evaluation]?: Evaluation[K] } = { teacherId: teacher.id, asOf: policy.asOf, schoolKind: kind, category, basic, levels: levelResults }
  if (highest !== undefined) out.highest = highest
  if (next !== undefined) out.next = next
  if (veto !== undefined) out.veto = veto
  out.held = heldOn(teacher, policy.asOf, p.validityYears)
  return out as Evaluation
}

/** A row of the table with its check. */
interface Planned {
  readonly row: Row
  readonly check: Check
}

/** The rows that apply to one table and category: the basic ones, and those of each level (in `levels` order). */
interface Plan {
  readonly basic: ReadonlyArray<Planned>
  readonly levels: ReadonlyArray<ReadonlyArray<Planned>>
}

const planOf = (rows: ReadonlyArray<Row>, kind: SchoolKind, category: Category): Plan => {
  const applies = (r: Row) => (r.schoolKind === "any" || r.schoolKind === kind) && (r.category === "any" || r.category === category)
  const at = (level: Level | "basic"): ReadonlyArray<Planned> => rows.filter((r) => r.level === level && applies(r)).map((row) => ({ row, check: checks[row.criterion] }))
  return { basic: at("basic"), levels: levels.map((level) => at(level)) }
}

// The built-in table does not change: its four plans are worked out once, not filtered again for every teacher.
const tablePlans: { readonly [K in SchoolKind]: { readonly [C in Category]: Plan } } = {
  secondary: { "in-school": planOf(table, "secondary", "in-school"), enterprise: planOf(table, "secondary", "enterprise") },
  higher: { "in-school": planOf(table, "higher", "in-school"), enterprise: planOf(table, "higher", "enterprise") }
}

const runAll = (planned: ReadonlyArray<Planned>, teacher: Teacher, ctx: Ctx): ReadonlyArray<CriterionResult> => {
  const out: Array<CriterionResult> = []
  for (const { check, row } of planned) {
    const o = check(teacher, ctx)
    out.push(
      o.missing === undefined
        ? { criterion: row.criterion, row, met: o.met, evidence: o.evidence, parameters: o.parameters }
        : { criterion: row.criterion, row, met: o.met, evidence: o.evidence, parameters: o.parameters, missing: o.missing }
    )
  }
  return out
}

// Whether an ANY group has its k hits (k as the group's first row says). A level has a few rows: plain loops
// rather than maps.
const groupSatisfied = (results: ReadonlyArray<CriterionResult>, group: string): boolean => {
  let k: number | undefined
  let hits = 0
  for (const r of results) {
    const c = r.row.combinator
    if (c._tag !== "AnyOf" || c.group !== group) continue
    k ??= c.k
    if (r.met) hits++
  }
  return hits >= (k ?? 0)
}

const groupsMet = (results: ReadonlyArray<CriterionResult>): boolean => {
  for (const r of results) {
    const c = r.row.combinator
    if (c._tag === "All" ? !r.met : !groupSatisfied(results, c.group)) return false
  }
  return true
}

// The unmet rows that stop a level: every unmet ALL row, and for each unsatisfied ANY group its unmet members.
const missingOf = (criteria: ReadonlyArray<CriterionResult>): ReadonlyArray<CriterionResult> => {
  const out: Array<CriterionResult> = []
  for (const c of criteria) {
    if (c.met) continue
    const comb = c.row.combinator
    if (comb._tag === "All" || !groupSatisfied(criteria, comb.group)) out.push(c)
  }
  return out
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
        const r = checks["DS-ELIGIBLE-ENTERPRISE"](teacher, { asOf: ctx.asOf, policy: ctx.policy, kind: "secondary", category: "enterprise", p: paramsOf(ctx.policy, "secondary") })
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
