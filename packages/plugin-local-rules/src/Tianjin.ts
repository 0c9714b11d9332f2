/**
 * Tianjin (天津, province-level city 12): enterprise new-type apprenticeship training — each mentor takes at
 * most 8 apprentices, classes of at most 40, at least 600 class-hours a year of which at least 160 centralised,
 * online at most 50% and video-recorded at least 25% of the centralised hours (APP-TJ-RATIO). Core has no rule
 * for these: the pack brings APP-TJ-RATIO, checked on an `ApprenticeshipClass` (S/L: `violation`s).
 *
 * @since 0.1.0
 */
import { Rule } from "@chanjiao/core"
import type { Finding, Identity, IsoDate, Jurisdiction, Parameter, Plugin } from "@chanjiao/core"
import * as Schema from "effect/Schema"
import { atLeast, atMost, local, pack, percent, value } from "./internal/pack.js"
import * as Sources from "./Sources.js"
import type { ApprenticeshipClass } from "./Subjects.js"

/**
 * @since 0.1.0
 * @category constants
 */
export const scope: Jurisdiction.Scope = { level: "province", code: "12" as Identity.ProvinceCode }

const Whole = Schema.Number.pipe(Schema.int(), Schema.positive())
const Share = Schema.Number.pipe(Schema.between(0, 1))

const param = (id: string, zh: string, en: string, unit: Parameter.Unit, schema: Schema.Schema<number, number, never>) =>
  local({ id: `tianjin.${id}`, title: { zh: `${zh}（天津）`, en: `${en} (Tianjin)` }, description: { zh, en }, unit, ruleIds: ["APP-TJ-RATIO"], schema })

/**
 * APP-TJ-RATIO: apprentices per mentor, at most.
 * @since 0.1.0
 * @category parameters
 */
export const apprenticesPerMentorMax = param("apprenticesPerMentorMax", "每名企业导师带徒人数上限", "apprentices per mentor, at most", "count", Whole)
/**
 * APP-TJ-RATIO: class size, at most.
 * @since 0.1.0
 * @category parameters
 */
export const classSizeMax = param("classSizeMax", "培训班人数上限", "class size, at most", "count", Whole)
/**
 * APP-TJ-RATIO: class-hours a year, at least.
 * @since 0.1.0
 * @category parameters
 */
export const annualHoursMin = param("annualHoursMin", "年度培训学时下限", "class-hours a year, at least", "count", Whole)
/**
 * APP-TJ-RATIO: centralised class-hours a year, at least.
 * @since 0.1.0
 * @category parameters
 */
export const centralisedHoursMin = param("centralisedHoursMin", "年度集中培训学时下限", "centralised class-hours a year, at least", "count", Whole)
/**
 * APP-TJ-RATIO: online share of the centralised hours, at most.
 * @since 0.1.0
 * @category parameters
 */
export const onlineShareMax = param("onlineShareMax", "集中培训中线上学时占比上限", "online share of centralised hours, at most", "ratio", Share)
/**
 * APP-TJ-RATIO: video-recorded share of the centralised hours, at least.
 * @since 0.1.0
 * @category parameters
 */
export const videoShareMin = param("videoShareMin", "集中培训录像留存学时占比下限", "video-recorded share of centralised hours, at least", "ratio", Share)

/**
 * Every parameter of the pack.
 * @since 0.1.0
 * @category parameters
 */
export const parameters: ReadonlyArray<Parameter.Parameter<number>> = [apprenticesPerMentorMax, classSizeMax, annualHoursMin, centralisedHoursMin, onlineShareMax, videoShareMin]

// The date of the Tianjin rules was not recorded; they implement the 2021 national opinion (人社部发〔2021〕39号,
// 2021-06-08), so they apply from then at the earliest.
const from = "2021-06-08"
const note = { zh: "天津规定日期未记录，自国家指导意见印发之日起", en: "the Tianjin rules' date was not recorded: from the national opinion's date" }
const NONE: ReadonlyArray<Finding.Finding> = []

/**
 * APP-TJ-RATIO: one finding per limit a class breaks.
 *
 * @since 0.1.0
 * @category rules
 */
export const rule: Rule.Rule<ApprenticeshipClass> = Rule.make<ApprenticeshipClass>({
  id: "APP-TJ-RATIO",
  area: "enterprise",
  title: { zh: "学徒培训师徒比、班额与学时（天津）", en: "apprenticeship mentor ratio, class size and hours (Tianjin)" },
  confidence: "L",
  subject: "ApprenticeshipClass",
  versions: [
    {
      effectiveFrom: from as IsoDate.IsoDate,
      citations: [Sources.tianjinApprenticeship("师徒比、班额、学时要求")],
      parameters,
      check: (c, ctx) => {
        const v = (p: Parameter.Parameter<number>) => ctx.policy.value(p)
        const perMentor = v(apprenticesPerMentorMax)
        if (perMentor === undefined) return NONE
        const out: Array<Finding.Finding> = []
        // Whole people: n mentors take at most n × 8 apprentices.
        if (c.apprentices > c.mentors * perMentor) {
          const need = Math.ceil(c.apprentices / perMentor)
          out.push(
            ctx.finding({
              severity: "violation",
              message: { zh: `学徒 ${c.apprentices} 人、企业导师 ${c.mentors} 人，每名导师带徒超过 ${perMentor} 人`, en: `${c.apprentices} apprentices for ${c.mentors} mentors: over ${perMentor} per mentor` },
              remedy: { zh: `企业导师至少 ${need} 人`, en: `at least ${need} mentors` },
              measured: { value: c.mentors === 0 ? null : Math.round((c.apprentices / c.mentors) * 100) / 100, unit: "count" },
              threshold: { comparator: "<=", value: perMentor, unit: "count" },
              parameters: [apprenticesPerMentorMax]
            })
          )
        }
        const size = v(classSizeMax)
        if (size !== undefined && c.classSize > size) {
          out.push(
            ctx.finding({
              severity: "violation",
              message: { zh: `班级 ${c.classSize} 人，超过 ${size} 人`, en: `a class of ${c.classSize}, over ${size}` },
              measured: { value: c.classSize, unit: "count" },
              threshold: { comparator: "<=", value: size, unit: "count" },
              parameters: [classSizeMax]
            })
          )
        }
        const annual = v(annualHoursMin)
        if (annual !== undefined && c.annualHours < annual) {
          out.push(
            ctx.finding({
              severity: "violation",
              message: { zh: `${c.year}年培训 ${c.annualHours} 学时，少于 ${annual} 学时`, en: `${c.annualHours} class-hours in ${c.year}, under ${annual}` },
              remedy: { zh: `再安排 ${annual - c.annualHours} 学时`, en: `${annual - c.annualHours} more class-hours` },
              measured: { value: c.annualHours, unit: "count" },
              threshold: { comparator: ">=", value: annual, unit: "count" },
              parameters: [annualHoursMin]
            })
          )
        }
        const central = v(centralisedHoursMin)
        if (central !== undefined && c.centralisedHours < central) {
          out.push(
            ctx.finding({
              severity: "violation",
              message: { zh: `集中培训 ${c.centralisedHours} 学时，少于 ${central} 学时`, en: `${c.centralisedHours} centralised class-hours, under ${central}` },
              measured: { value: c.centralisedHours, unit: "count" },
              threshold: { comparator: ">=", value: central, unit: "count" },
              parameters: [centralisedHoursMin]
            })
          )
        }
        const online = v(onlineShareMax)
        if (online !== undefined && c.onlineHours > online * c.centralisedHours + 1e-9) {
          out.push(
            ctx.finding({
              severity: "violation",
              message: {
                zh: `线上 ${c.onlineHours} 学时，超过集中培训学时的 ${percent(online)}（${atMost(online, c.centralisedHours)} 学时）`,
                en: `${c.onlineHours} online class-hours, over ${percent(online)} of the centralised hours`
              },
              measured: { value: c.centralisedHours === 0 ? null : Math.round((c.onlineHours / c.centralisedHours) * 10000) / 10000, unit: "ratio" },
              threshold: { comparator: "<=", value: online, unit: "ratio" },
              parameters: [onlineShareMax]
            })
          )
        }
        const video = v(videoShareMin)
        if (video !== undefined && c.videoRecordedHours + 1e-9 < video * c.centralisedHours) {
          out.push(
            ctx.finding({
              severity: "violation",
              message: {
                zh: `录像留存 ${c.videoRecordedHours} 学时，少于集中培训学时的 ${percent(video)}（${atLeast(video, c.centralisedHours)} 学时）`,
                en: `${c.videoRecordedHours} video-recorded class-hours, under ${percent(video)} of the centralised hours`
              },
              measured: { value: c.centralisedHours === 0 ? null : Math.round((c.videoRecordedHours / c.centralisedHours) * 10000) / 10000, unit: "ratio" },
              threshold: { comparator: ">=", value: video, unit: "ratio" },
              parameters: [videoShareMin]
            })
          )
        }
        return out
      }
    }
  ]
})

/**
 * The Tianjin pack (instance id `tianjin` by default).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: { readonly id?: string } = {}): Plugin.Plugin => {
  const cite = Sources.tianjinApprenticeship
  return pack({
    id: options.id ?? "tianjin",
    pack: "tianjin",
    title: { zh: "天津市企业新型学徒制培训要求", en: "Tianjin: apprenticeship training" },
    citation: cite("培训管理"),
    scope,
    values: [
      value(apprenticesPerMentorMax, { from, value: 8, citation: cite("每名导师带徒不超过8人"), verified: true, note }),
      value(classSizeMax, { from, value: 40, citation: cite("培训班不超过40人"), verified: true, note }),
      value(annualHoursMin, { from, value: 600, citation: cite("年培训不少于600学时"), verified: true, note }),
      value(centralisedHoursMin, { from, value: 160, citation: cite("集中培训不少于160学时"), verified: true, note }),
      value(onlineShareMax, { from, value: 0.5, citation: cite("线上培训不超过集中培训学时的50%"), verified: true, note }),
      value(videoShareMin, { from, value: 0.25, citation: cite("集中培训学时25%以上录像留存"), verified: true, note })
    ],
    defines: parameters,
    rules: [rule as Rule.Any]
  })
}
