/**
 * Part-time enterprise teachers (《职业学校兼职教师管理办法》, 2023 revision; PT-STRUCT: 9 chapters, 34 articles):
 * eligibility at hiring (PT-EXP-YEARS, PT-QUAL, age, PT-TERM, PT-CHANNELS), the performance file (PT-FILE),
 * and the school-level share cap (PT-SHARE-30, DS-PARTTIME-SHARE-CAP). The national numbers are unverified
 * (`verified: false`, so findings are warnings); local values (PT-TERM, PT-QUOTA-STAFF) come from provincial
 * packs — with no pack, those checks are skipped and say so.
 *
 * @since 0.1.0
 */
import * as Identity from "./Identity.js"
import * as N from "./internal/national-parameters.js"
import * as Iso from "./IsoDate.js"
import type { IsoDate } from "./IsoDate.js"
import type * as Parameter from "./Parameter.js"
import type { Resolved } from "./Policy.js"
import type * as Practice from "./Practice.js"
import * as Rule from "./Rule.js"
import * as Sources from "./Sources.js"
import type { Teacher } from "./Teacher.js"
import { bestSkillOn, enterpriseYearsOn, skillRank, titleRank } from "./Teacher.js"
import type { SkillLevel } from "./Teacher.js"
import type { Text } from "./Text.js"

/**
 * One hiring check.
 *
 * @since 0.1.0
 * @category models
 */
export interface Check {
  readonly ruleId: "PT-EXP-YEARS" | "PT-QUAL" | "PT-TERM" | "PT-CHANNELS" | "PT-FILE"
  /** `skipped` when no value is in force for the jurisdiction (a local rule without its pack). */
  readonly outcome: "met" | "unmet" | "skipped"
  readonly message: Text
  readonly parameters: ReadonlyArray<Parameter.Any>
}

const hasSkill = (t: Teacher, on: IsoDate, min: SkillLevel): boolean => {
  const best = bestSkillOn(t, on)
  return best !== undefined && skillRank[best.level] >= skillRank[min]
}

const hasTitle = (t: Teacher, on: IsoDate, min: string): boolean =>
  t.titles.some((x) => x.obtainedOn <= on && titleRank[x.level] >= (titleRank[min as keyof typeof titleRank] ?? 99))

/**
 * The hiring checks of a part-time teacher, judged on the appointment's start date with the policy given.
 *
 * @since 0.1.0
 * @category combinators
 */
export const hiring = (t: Teacher, policy: Resolved): ReadonlyArray<Check> => {
  const pt = t.partTime
  if (t.employment !== "part-time" || pt === undefined) return []
  const on = pt.appointment.start
  const out: Array<Check> = []

  const years = policy.value(N.ptMinExperienceYears)
  const have = enterpriseYearsOn(t, on)
  out.push(
    years === undefined
      ? { ruleId: "PT-EXP-YEARS", outcome: "skipped", message: { zh: "未设定工作年限要求", en: "no experience requirement in force" }, parameters: [N.ptMinExperienceYears] }
      : have + 1e-9 >= years
        ? { ruleId: "PT-EXP-YEARS", outcome: "met", message: { zh: `相关工作 ${have.toFixed(1)} 年（要求 ${years} 年）`, en: `${have.toFixed(1)} years of relevant work (${years} required)` }, parameters: [N.ptMinExperienceYears] }
        : {
            ruleId: "PT-EXP-YEARS",
            outcome: "unmet",
            message: { zh: `相关工作 ${have.toFixed(1)} 年，不足 ${years} 年`, en: `${have.toFixed(1)} years of relevant work, under ${years}` },
            parameters: [N.ptMinExperienceYears]
          }
  )

  const minTitle = policy.value(N.ptMinTitle)
  const minSkill = policy.value(N.ptMinSkill)
  const qualified = (minTitle !== undefined && hasTitle(t, on, minTitle)) || (minSkill !== undefined && hasSkill(t, on, minSkill))
  out.push({
    ruleId: "PT-QUAL",
    outcome: minTitle === undefined && minSkill === undefined ? "skipped" : qualified ? "met" : "unmet",
    message: qualified
      ? { zh: "具备所需职称或技能等级", en: "holds the required title or skill level" }
      : { zh: "需中级及以上职称或高级工及以上职业技能等级", en: "needs an intermediate or higher title, or a senior-worker or higher skill level" },
    parameters: [N.ptMinTitle, N.ptMinSkill]
  })

  const maxAge = policy.value(N.ptMaxAge)
  const age = Identity.personAgeAt(t, on)
  if (maxAge !== undefined && age !== undefined) {
    out.push({
      ruleId: "PT-QUAL",
      outcome: age <= maxAge ? "met" : "unmet",
      message: age <= maxAge ? { zh: `聘任时 ${age} 岁`, en: `${age} when hired` } : { zh: `聘任时 ${age} 岁，超过 ${maxAge} 岁`, en: `${age} when hired, over ${maxAge}` },
      parameters: [N.ptMaxAge]
    })
  }

  const minMonths = policy.value(N.ptTermMinMonths)
  const maxYears = policy.value(N.ptTermMaxYears)
  const { end, start } = pt.appointment
  if (minMonths === undefined && maxYears === undefined) {
    out.push({ ruleId: "PT-TERM", outcome: "skipped", message: { zh: "国家层面未规定聘期，需地方规则包", en: "no national term bounds: a local pack sets them" }, parameters: [N.ptTermMinMonths, N.ptTermMaxYears] })
  } else {
    const tooShort = minMonths !== undefined && Iso.addMonths(start, minMonths) > Iso.addDays(end, 1)
    const tooLong = maxYears !== undefined && Iso.addYears(start, maxYears) < Iso.addDays(end, 1)
    out.push({
      ruleId: "PT-TERM",
      outcome: tooShort || tooLong ? "unmet" : "met",
      message: tooShort
        ? { zh: `聘期短于 ${minMonths} 个月`, en: `the term is shorter than ${minMonths} months` }
        : tooLong
          ? { zh: `聘期超过 ${maxYears} 年`, en: `the term is longer than ${maxYears} years` }
          : { zh: `聘期 ${start} 至 ${end}`, en: `term ${start} to ${end}` },
      parameters: [N.ptTermMinMonths, N.ptTermMaxYears]
    })
  }

  out.push({
    ruleId: "PT-CHANNELS",
    outcome: "met",
    message: { zh: `聘请方式：${channelLabel[pt.channel].zh}；形式：${modeLabel[pt.mode].zh}`, en: `channel: ${channelLabel[pt.channel].en}; mode: ${modeLabel[pt.mode].en}` },
    parameters: []
  })
  out.push(
    pt.performanceFile
      ? { ruleId: "PT-FILE", outcome: "met", message: { zh: "已建立兼职教师业绩档案", en: "performance file kept" }, parameters: [] }
      : { ruleId: "PT-FILE", outcome: "unmet", message: { zh: "未建立兼职教师业绩档案（师德、培训、考核）", en: "no performance file (ethics, training, appraisal)" }, parameters: [] }
  )
  return out
}

/**
 * The hiring channels (PT-CHANNELS): 特聘教授, 客座教授, 产业导师, other.
 *
 * @since 0.1.0
 * @category constants
 */
export const channelLabel: { readonly [K in NonNullable<Teacher["partTime"]>["channel"]]: Text } = {
  "distinguished-professor": { zh: "特聘教授", en: "distinguished professor" },
  "guest-professor": { zh: "客座教授", en: "guest professor" },
  "industry-mentor": { zh: "产业导师", en: "industry mentor" },
  other: { zh: "其他", en: "other" }
}

const modeLabel: { readonly [K in NonNullable<Teacher["partTime"]>["mode"]]: Text } = {
  individual: { zh: "个人聘请", en: "individual" },
  team: { zh: "团队聘请", en: "team" },
  mixed: { zh: "个人与团队结合", en: "mixed" }
}

const severityOf: { readonly [K in Check["ruleId"]]: "violation" | "warning" } = {
  "PT-EXP-YEARS": "violation",
  "PT-QUAL": "violation",
  "PT-TERM": "violation",
  "PT-CHANNELS": "warning",
  "PT-FILE": "violation"
}

const hiringRule = (id: Check["ruleId"], title: Text, confidence: "S" | "M" | "L", parameters: ReadonlyArray<Parameter.Any>) =>
  Rule.make<Practice.Subject>({
    id,
    area: "part-time-teacher",
    title,
    confidence,
    subject: "Teacher",
    versions: [
      {
        effectiveFrom: "2023-08-01" as IsoDate,
        citations: [Sources.partTime2023("（条号未核实）", confidence === "M" ? "M" : "S")],
        parameters,
        check: ({ teacher }, ctx) =>
          hiring(teacher, ctx.policy)
            .filter((c) => c.ruleId === id && c.outcome === "unmet")
            .map((c) => ctx.finding({ severity: severityOf[id], message: c.message, parameters: c.parameters }))
      }
    ]
  })

/**
 * PT-EXP-YEARS: years of relevant work (unverified national default: findings are warnings).
 * @since 0.1.0
 * @category rules
 */
export const experienceRule = hiringRule("PT-EXP-YEARS", { zh: "兼职教师相关工作年限", en: "part-time teacher experience" }, "M", [N.ptMinExperienceYears])

/**
 * PT-QUAL: title or skill level, and age at hiring (unverified national defaults).
 * @since 0.1.0
 * @category rules
 */
export const qualificationRule = hiringRule("PT-QUAL", { zh: "兼职教师职称或技能等级", en: "part-time teacher qualification" }, "M", [N.ptMinTitle, N.ptMinSkill, N.ptMaxAge])

/**
 * PT-TERM: appointment term bounds (local: runs only where a pack sets them).
 * @since 0.1.0
 * @category rules
 */
export const termRule = hiringRule("PT-TERM", { zh: "兼职教师聘期", en: "part-time appointment term" }, "L", [N.ptTermMinMonths, N.ptTermMaxYears])

/**
 * PT-FILE: the school keeps a performance file for each part-time teacher.
 * @since 0.1.0
 * @category rules
 */
export const fileRule = hiringRule("PT-FILE", { zh: "兼职教师业绩档案", en: "part-time teacher file" }, "S", [])

/**
 * The school's part-time share, for PT-SHARE-30 / DS-PARTTIME-SHARE-CAP.
 *
 * @since 0.1.0
 * @category models
 */
export interface Share {
  readonly fullTime: number
  readonly partTime: number
  /** Part-time ÷ (full-time + part-time); `undefined` with no teacher (not applicable, never NaN). */
  readonly share: number | undefined
  readonly cap: number | undefined
  readonly withinCap: boolean | undefined
  readonly partTimeIds: ReadonlyArray<string>
}

/**
 * Counts the teachers in post on a date (hired on or before it, not yet left; part-time teachers within their
 * appointment) and compares the part-time share with the cap.
 *
 * @since 0.1.0
 * @category combinators
 */
export const share = (teachers: ReadonlyArray<Teacher>, policy: Resolved): Share => {
  const on = policy.asOf
  const inPost = teachers.filter((t) => t.hiredOn <= on && (t.leftOn === undefined || t.leftOn > on))
  const part = inPost.filter((t) => t.employment === "part-time" && t.partTime !== undefined && t.partTime.appointment.start <= on && t.partTime.appointment.end >= on)
  const full = inPost.filter((t) => t.employment === "full-time")
  const total = full.length + part.length
  const value = total === 0 ? undefined : part.length / total
  const cap = policy.value(N.ptShareMax)
  return {
    fullTime: full.length,
    partTime: part.length,
    share: value,
    cap,
    withinCap: value === undefined || cap === undefined ? undefined : value <= cap + 1e-12,
    partTimeIds: part.map((t) => t.id).sort()
  }
}

/**
 * What the school-level rule checks: all teachers of one school.
 *
 * @since 0.1.0
 * @category models
 */
export interface Cohort {
  readonly schoolId: string
  readonly teachers: ReadonlyArray<Teacher>
}

/**
 * PT-SHARE-30 / DS-PARTTIME-SHARE-CAP: part-time teachers at most the cap's share of all teachers
 * (unverified national default: a warning).
 *
 * @since 0.1.0
 * @category rules
 */
export const shareRule = Rule.make<Cohort>({
  id: "PT-SHARE-30",
  area: "part-time-teacher",
  title: { zh: "兼职教师占比上限", en: "part-time teacher share cap" },
  confidence: "M",
  subject: "TeacherCohort",
  versions: [
    {
      effectiveFrom: "2012-01-01" as IsoDate,
      citations: [{ ...Sources.partTime2023("（2012年版，条号未核实）"), docNumber: undefined }, Sources.dualQualifiedPattern],
      parameters: [N.ptShareMax],
      check: ({ teachers }, ctx) => {
        const s = share(teachers, ctx.policy)
        if (s.withinCap !== false || s.share === undefined || s.cap === undefined) return []
        const allowed = Math.floor((s.cap * s.fullTime) / (1 - s.cap) + 1e-9)
        return [
          ctx.finding({
            severity: "violation",
            message: {
              zh: `兼职教师 ${s.partTime} 人，占专兼职教师 ${(s.share * 100).toFixed(1)}%，超过 ${(s.cap * 100).toFixed(0)}%（DS-PARTTIME-SHARE-CAP）`,
              en: `${s.partTime} part-time teachers, ${(s.share * 100).toFixed(1)}% of all teachers, over ${(s.cap * 100).toFixed(0)}%`
            },
            remedy: { zh: `在现有专任教师 ${s.fullTime} 人下，兼职教师不超过 ${allowed} 人`, en: `with ${s.fullTime} full-time teachers, at most ${allowed} part-time teachers` },
            measured: { value: Math.round(s.share * 10000) / 10000, unit: "ratio" },
            threshold: { comparator: "<=", value: s.cap, unit: "ratio" },
            parameters: [N.ptShareMax]
          })
        ]
      }
    }
  ]
})

/**
 * The part-time teacher rules of a single teacher.
 *
 * @since 0.1.0
 * @category rules
 */
export const rules: ReadonlyArray<Rule.Any> = [experienceRule, qualificationRule, termRule, fileRule, shareRule]
