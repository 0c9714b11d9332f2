/**
 * Teacher enterprise practice (《职业学校教师企业实践规定》, 教师〔2016〕3号): the rolling window of
 * TCH-EP-5Y6M, the new-teacher gate TCH-EP-NEW, public-course visits TCH-EP-PUBLIC, content TCH-EP-CONTENT
 * and the annual target TCH-EP-ANNUAL (unverified). TCH-EP-ENT-DUTY (enterprises are obliged to host teacher
 * practice) is not a check on school data; every practice record names its host enterprise by credit code.
 *
 * Days are counted, never records: a record covers the days from its start to its end; when it says fewer days
 * were actually served (`daysServed`, or `hoursServed` converted by a parameter), each day of its span counts
 * for that share. On a day covered by several records the largest share counts, so overlapping or duplicated
 * records are never counted twice, and adding a record can only add days.
 *
 * @since 0.1.0
 */
import * as civil from "./internal/date.js"
import * as Iso from "./IsoDate.js"
import type { IsoDate } from "./IsoDate.js"
import * as National from "./internal/national-parameters.js"
import type { Resolved } from "./Policy.js"
import * as Rule from "./Rule.js"
import * as Sources from "./Sources.js"
import type { PracticeRecord, Teacher } from "./Teacher.js"

const EPS = 1e-9

/**
 * A record as a span of epoch days (inclusive) with the share of each day served.
 *
 * @since 0.1.0
 * @category models
 */
export interface Span {
  readonly start: number
  readonly end: number
  readonly share: number
  readonly recordId: string
}

/**
 * The spans of practice records. A record's share is `daysServed ÷ span length` (or hours converted at
 * `hoursPerDay`), at most 1; a record without either counts every day of its span.
 *
 * @since 0.1.0
 * @category constructors
 */
export const spans = (records: ReadonlyArray<PracticeRecord>, hoursPerDay: number): ReadonlyArray<Span> => {
  // A plain loop: this runs for every teacher of a province, several times per evaluation.
  const out: Array<Span> = []
  for (let k = 0; k < records.length; k++) {
    const r = records[k]!
    const start = Iso.toEpochDays(r.start)
    const end = Iso.toEpochDays(r.end)
    const length = end - start + 1
    const served = r.daysServed ?? (r.hoursServed !== undefined && hoursPerDay > 0 ? r.hoursServed / hoursPerDay : length)
    out.push({ start, end, share: Math.max(0, Math.min(1, served / length)), recordId: r.id })
  }
  return out
}

/**
 * Days served between two epoch days (inclusive): for each day the largest share of any span covering it.
 *
 * @since 0.1.0
 * @category combinators
 */
export const servedBetween = (all: ReadonlyArray<Span>, from: number, to: number): number => {
  if (to < from) return 0
  return servedIn(profile(all), from, to)
}

/**
 * A coverage profile: disjoint, sorted segments of epoch days with the share served on each (the largest share
 * of the spans covering it). Built once per teacher, then any window is summed in one pass.
 *
 * @since 0.1.0
 * @category models
 */
export type Profile = ReadonlyArray<{ readonly s: number; readonly e: number; readonly share: number }>

/**
 * The coverage profile of spans.
 *
 * @since 0.1.0
 * @category constructors
 */
export const profile = (all: ReadonlyArray<Span>): Profile => {
  // A teacher has a handful of records: plain loops, no closures (this runs once or twice per teacher in
  // province-wide evaluations).
  let live = 0
  let share = 0
  let uniform = true
  for (let k = 0; k < all.length; k++) {
    const x = all[k]!
    if (!(x.share > 0 && x.end >= x.start)) continue
    if (live++ === 0) share = x.share
    else if (x.share !== share) uniform = false
  }
  if (live === 0) return []
  // The usual case, every record counting its days in full (or all at one share): the union of the spans.
  if (uniform) return union(all, share)
  const points: Array<number> = []
  for (let k = 0; k < all.length; k++) {
    const x = all[k]!
    if (!(x.share > 0 && x.end >= x.start)) continue
    insertDistinct(points, x.start)
    insertDistinct(points, x.end + 1)
  }
  const out: Array<{ s: number; e: number; share: number }> = []
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i]!
    const b = points[i + 1]!
    let best = 0
    for (let k = 0; k < all.length; k++) {
      const x = all[k]!
      if (x.share > 0 && x.end >= x.start && x.start <= a && x.end >= b - 1 && x.share > best) best = x.share
    }
    if (best === 0) continue
    const last = out.length > 0 ? out[out.length - 1]! : undefined
    if (last !== undefined && last.e === a - 1 && last.share === best) last.e = b - 1
    else out.push({ s: a, e: b - 1, share: best })
  }
  return out
}

/** The profile of spans that all count at one share: their union, as disjoint runs of days in order. */
const union = (all: ReadonlyArray<Span>, share: number): Profile => {
  const sorted: Array<Span> = []
  for (let k = 0; k < all.length; k++) {
    const x = all[k]!
    if (!(x.share > 0 && x.end >= x.start)) continue
    // Insertion by start: a teacher has a handful of records.
    let i = sorted.length
    sorted.push(x)
    while (i > 0 && sorted[i - 1]!.start > x.start) {
      sorted[i] = sorted[i - 1]!
      i--
    }
    sorted[i] = x
  }
  const out: Array<{ s: number; e: number; share: number }> = []
  let s = sorted[0]!.start
  let e = sorted[0]!.end
  for (let k = 1; k < sorted.length; k++) {
    const x = sorted[k]!
    if (x.start <= e + 1) {
      if (x.end > e) e = x.end
    } else {
      out.push({ s, e, share })
      s = x.start
      e = x.end
    }
  }
  out.push({ s, e, share })
  return out
}

/** Inserts `v` into the sorted array `xs` unless it is already there. */
const insertDistinct = (xs: Array<number>, v: number): void => {
  let i = xs.length
  while (i > 0 && xs[i - 1]! > v) i--
  if (i > 0 && xs[i - 1] === v) return
  xs.push(v)
  for (let j = xs.length - 1; j > i; j--) xs[j] = xs[j - 1]!
  xs[i] = v
}

/**
 * Days served between two epoch days (inclusive) according to a profile.
 *
 * @since 0.1.0
 * @category combinators
 */
export const servedIn = (p: Profile, from: number, to: number): number => {
  let total = 0
  for (const seg of p) {
    if (seg.e < from) continue
    if (seg.s > to) break
    const a = seg.s > from ? seg.s : from
    const b = seg.e < to ? seg.e : to
    total += (b - a + 1) * seg.share
  }
  return total
}

/** The first epoch day of the `years`-year window ending on epoch day `day` (integer arithmetic only). */
const windowStartDay = (day: number, years: number): number => {
  const c = civil.civilFromDays(day)
  const y = c.y - years
  return civil.daysFromCivil(y, c.m, Math.min(c.d, civil.daysInMonth(y, c.m))) + 1
}

/**
 * The first day of the window of `years` years that ends on `date` (inclusive both ends).
 *
 * @since 0.1.0
 * @category combinators
 */
export const windowStart = (date: IsoDate, years: number): IsoDate => {
  // Bulk evaluations ask for the same window again and again: remember the last answer (a pure function).
  if (date === lastWindow.date && years === lastWindow.years) return lastWindow.start
  const start = Iso.addDays(Iso.addYears(date, -years), 1)
  lastWindow = { date, years, start }
  return start
}
let lastWindow: { date: string; years: number; start: IsoDate } = { date: "", years: Number.NaN, start: "" as IsoDate }

/**
 * Where a teacher stands against TCH-EP-5Y6M on a date.
 * - `not-applicable`: not a full-time professional-course teacher or internship tutor;
 * - `compliant`: enough practice in the window ending on the date;
 * - `due`: the first full window since hiring has not ended yet and there is not enough practice so far;
 * - `non-compliant`: a full window has passed without enough practice.
 *
 * @since 0.1.0
 * @category models
 */
export interface Status {
  readonly status: "not-applicable" | "compliant" | "due" | "non-compliant"
  readonly asOf: IsoDate
  readonly windowStart: IsoDate
  /** Days served in the window ending on `asOf` (days after `asOf` never count). */
  readonly servedDays: number
  readonly requiredDays: number
  /** Days still missing now (0 iff compliant). */
  readonly deficitDays: number
  /**
   * The latest date by which the deficit must be made up: for `due`, the end of the first full window; for
   * `non-compliant`, `asOf` (already late); for `compliant`, the last day the teacher stays compliant if no
   * practice is added (records fall out of the moving window).
   */
  readonly latestDate?: IsoDate
  /** For `due`: the days that will be missing on `latestDate` if nothing is added. */
  readonly deficitAtLatestDate?: number
  /** For `compliant`: the first day of non-compliance if nothing is added. */
  readonly fallsOutOn?: IsoDate
  /** Records with at least one day in the window. */
  readonly countedRecordIds: ReadonlyArray<string>
}

/**
 * Whether TCH-EP-5Y6M applies: full-time professional-course teachers, internship tutors included.
 *
 * @since 0.1.0
 * @category guards
 */
export const applies = (t: Pick<Teacher, "employment" | "courseType" | "internshipTutor">): boolean =>
  t.employment === "full-time" && (t.courseType === "professional" || t.internshipTutor)

/**
 * The parameters the practice computation reads, resolved for a date.
 *
 * @since 0.1.0
 * @category models
 */
export interface Settings {
  readonly windowYears: number
  readonly requiredDays: number
  readonly hoursPerDay: number
}

/**
 * Reads the practice settings from a resolved policy; `undefined` before TCH-EP-5Y6M is in force.
 *
 * @since 0.1.0
 * @category constructors
 */
export const settings = (policy: Resolved): Settings | undefined => {
  const months = policy.value(National.teacherPracticeMinMonths)
  const years = policy.value(National.teacherPracticeWindowYears)
  const perMonth = policy.value(National.teacherPracticeDaysPerMonth)
  if (months === undefined || years === undefined || perMonth === undefined) return undefined
  return { windowYears: years, requiredDays: months * perMonth, hoursPerDay: policy.value(National.teacherPracticeHoursPerDay) ?? 8 }
}

/**
 * Evaluates TCH-EP-5Y6M for one teacher on `asOf` with the given settings. Pure and exact: `latestDate` is the
 * last compliant day (one day later the teacher is non-compliant unless practice is added).
 *
 * @since 0.1.0
 * @category combinators
 */
export const evaluate = (teacher: Pick<Teacher, "employment" | "courseType" | "internshipTutor" | "hiredOn" | "practice">, asOf: IsoDate, s: Settings): Status => {
  const all = spans(teacher.practice, s.hoursPerDay)
  const prof = profile(all)
  const years = s.windowYears
  const w = windowOn(asOf, years)
  const today = w.today
  const served = servedOn(prof, today, today, years)
  const from = w.from
  const counted: Array<string> = []
  for (const sp of all) if (sp.end >= from && sp.start <= today && sp.share > 0 && !counted.includes(sp.recordId)) counted.push(sp.recordId)
  if (counted.length > 1) counted.sort()
  // Each outcome is one object literal in the same field order (object spreads are several times slower here).
  if (!applies(teacher)) {
    return { asOf, windowStart: w.start, servedDays: served, requiredDays: s.requiredDays, countedRecordIds: counted, status: "not-applicable", deficitDays: 0 }
  }
  const deficit = served + EPS >= s.requiredDays ? 0 : s.requiredDays - served
  if (deficit === 0) {
    // Served days only fall as the window moves past today: find the last compliant day by bisection.
    let lo = today
    let hi = horizonOf(w) + 1
    while (hi - lo > 1) {
      const mid = lo + ((hi - lo) >> 1)
      if (servedOn(prof, mid, today, years) + EPS >= s.requiredDays) lo = mid
      else hi = mid
    }
    return {
      asOf,
      windowStart: w.start,
      servedDays: served,
      requiredDays: s.requiredDays,
      countedRecordIds: counted,
      status: "compliant",
      deficitDays: 0,
      latestDate: Iso.fromEpochDays(lo),
      fallsOutOn: Iso.fromEpochDays(lo + 1)
    }
  }
  const fullWindowEnd = firstFullWindowEnd(teacher.hiredOn, years)
  if (today < fullWindowEnd) {
    const atDeadline = servedOn(prof, fullWindowEnd, today, years)
    return {
      asOf,
      windowStart: w.start,
      servedDays: served,
      requiredDays: s.requiredDays,
      countedRecordIds: counted,
      status: "due",
      deficitDays: deficit,
      latestDate: Iso.fromEpochDays(fullWindowEnd),
      deficitAtLatestDate: Math.max(0, s.requiredDays - atDeadline)
    }
  }
  return { asOf, windowStart: w.start, servedDays: served, requiredDays: s.requiredDays, countedRecordIds: counted, status: "non-compliant", deficitDays: deficit, latestDate: asOf }
}

/** Days served in the window ending on epoch day `day`, days after `today` not counted. */
const servedOn = (prof: Profile, day: number, today: number, years: number): number =>
  servedIn(prof, windowStartDay(day, years), day < today ? day : today)

/** The dates an evaluation on `asOf` needs, as epoch days, computed once per date and window length. */
interface WindowDates {
  readonly asOf: IsoDate
  readonly years: number
  readonly start: IsoDate
  /** `start` and `asOf` in epoch days. */
  readonly from: number
  readonly today: number
  /** `asOf` + `years` years in epoch days (the bisection's horizon), computed when first needed. */
  horizon: number | undefined
}
let lastWindowDates: WindowDates | undefined
// A bulk evaluation asks about one date for every teacher: remember the last answer (a pure function).
const windowOn = (asOf: IsoDate, years: number): WindowDates => {
  const last = lastWindowDates
  if (last !== undefined && last.asOf === asOf && last.years === years) return last
  const start = windowStart(asOf, years)
  const next: WindowDates = { asOf, years, start, from: Iso.toEpochDays(start), today: Iso.toEpochDays(asOf), horizon: undefined }
  lastWindowDates = next
  return next
}
const horizonOf = (w: WindowDates): number => (w.horizon ??= Iso.toEpochDays(Iso.addYears(w.asOf, w.years)))

/** The last day of the first full window since hiring, `hiredOn` + `years` years − 1 day, as an epoch day. */
const firstFullWindowEnd = (hiredOn: IsoDate, years: number): number => {
  // Integer arithmetic for every real date; at the calendar's edges the string functions raise their errors.
  const end = civil.addMonthsToDays(hiredOn, Math.trunc(years) * 12)
  return end === undefined || end <= civil.daysFromCivil(1, 1, 1) ? Iso.toEpochDays(Iso.addDays(Iso.addYears(hiredOn, years), -1)) : end - 1
}

/**
 * Days rounded up for people: 12.2 days missing reads "13 days".
 *
 * @since 0.1.0
 * @category combinators
 */
export const wholeDays = (days: number): number => Math.ceil(days - EPS)

const round1 = (n: number) => Math.round(n * 10) / 10

// -------------------------------------------------------------------------------------------------------------
// Rules
// -------------------------------------------------------------------------------------------------------------

/**
 * What the teacher rules check: a teacher (the school type matters to 双师型 criteria).
 *
 * @since 0.1.0
 * @category models
 */
export interface Subject {
  readonly teacher: Teacher
  readonly schoolType: "secondary" | "technical" | "higher-vocational" | "vocational-undergraduate"
}

const v2016 = (article: string) => ({ effectiveFrom: "2016-05-11" as IsoDate, citations: [Sources.teacherPractice2016(article)] })

/**
 * TCH-EP-5Y6M: professional-course teachers (internship tutors included) practise at least 6 months,
 * cumulatively, in every 5 years.
 *
 * @since 0.1.0
 * @category rules
 */
export const practiceWindowRule = Rule.make<Subject>({
  id: "TCH-EP-5Y6M",
  area: "teacher",
  title: { zh: "专业课教师每5年企业实践累计不少于6个月", en: "6 months of enterprise practice in every 5 years" },
  confidence: "D",
  subject: "Teacher",
  versions: [
    {
      ...v2016("第四条"),
      parameters: [National.teacherPracticeMinMonths, National.teacherPracticeWindowYears, National.teacherPracticeDaysPerMonth, National.teacherPracticeNoticeDays],
      check: ({ teacher }, ctx) => {
        const s = settings(ctx.policy)
        if (s === undefined || !applies(teacher) || teacher.hiredOn > ctx.asOf) return []
        const st = evaluate(teacher, ctx.asOf, s)
        const parameters = [National.teacherPracticeMinMonths, National.teacherPracticeWindowYears, National.teacherPracticeDaysPerMonth]
        const measured = { value: round1(st.servedDays), unit: "days" as const }
        const threshold = { comparator: ">=" as const, value: s.requiredDays, unit: "days" as const }
        const missing = wholeDays(st.deficitDays)
        if (st.status === "non-compliant") {
          return [
            ctx.finding({
              severity: "violation",
              message: {
                zh: `近${s.windowYears}年（${st.windowStart} 至 ${ctx.asOf}）企业实践累计 ${round1(st.servedDays)} 天，不足 ${s.requiredDays} 天`,
                en: `${round1(st.servedDays)} days of enterprise practice in the ${s.windowYears} years from ${st.windowStart} to ${ctx.asOf}, under ${s.requiredDays}`
              },
              remedy: { zh: `尽快补足 ${missing} 天企业实践`, en: `make up ${missing} days of enterprise practice now` },
              deadline: ctx.asOf,
              measured,
              threshold,
              parameters
            })
          ]
        }
        if (st.status === "due") {
          const atDeadline = wholeDays(st.deficitAtLatestDate ?? st.deficitDays)
          return [
            ctx.finding({
              severity: "info",
              message: {
                zh: `入职后首个${s.windowYears}年周期尚未结束，目前企业实践 ${round1(st.servedDays)} 天，仍差 ${missing} 天`,
                en: `first ${s.windowYears}-year window since hiring still open: ${round1(st.servedDays)} days so far, ${missing} to go`
              },
              remedy: {
                zh: `在 ${st.latestDate} 前再完成 ${atDeadline} 天企业实践`,
                en: `needs ${atDeadline} more days of enterprise practice before ${st.latestDate}`
              },
              ...(st.latestDate === undefined ? {} : { deadline: st.latestDate }),
              measured,
              threshold,
              parameters
            })
          ]
        }
        if (st.status === "compliant" && st.fallsOutOn !== undefined) {
          const notice = ctx.policy.value(National.teacherPracticeNoticeDays) ?? 0
          if (Iso.diffDays(ctx.asOf, st.fallsOutOn) <= notice) {
            return [
              ctx.finding({
                severity: "info",
                message: {
                  zh: `企业实践目前达标，但若不再新增，将于 ${st.fallsOutOn} 起不达标（早期记录移出${s.windowYears}年周期）`,
                  en: `compliant now, but from ${st.fallsOutOn} no longer, unless practice is added (older records leave the ${s.windowYears}-year window)`
                },
                remedy: { zh: `在 ${st.latestDate} 前安排新的企业实践`, en: `schedule new enterprise practice before ${st.latestDate}` },
                ...(st.latestDate === undefined ? {} : { deadline: st.latestDate }),
                measured,
                threshold,
                parameters: [...parameters, National.teacherPracticeNoticeDays]
              })
            ]
          }
        }
        return []
      }
    }
  ]
})

/**
 * TCH-EP-NEW: a new teacher without enterprise experience practises before taking up a post.
 *
 * @since 0.1.0
 * @category rules
 */
export const newTeacherRule = Rule.make<Subject>({
  id: "TCH-EP-NEW",
  area: "teacher",
  title: { zh: "新任教师先实践再上岗", en: "new teachers practise before teaching" },
  confidence: "D",
  subject: "Teacher",
  versions: [
    {
      ...v2016("第四条"),
      parameters: [],
      check: ({ teacher }, ctx) => {
        // Teachers hired before the rule took effect are not "new" under it.
        if (!applies(teacher) || teacher.hiredOn < "2016-05-11" || teacher.hiredOn > ctx.asOf) return []
        const experienced = teacher.enterpriseExperience.some((e) => e.start <= ctx.asOf)
        const practised = teacher.practice.some((p) => p.start <= ctx.asOf)
        if (experienced || practised) return []
        return [
          ctx.finding({
            severity: "violation",
            message: {
              zh: `${teacher.name}无企业工作经历，也没有企业实践记录，按规定应先实践再上岗`,
              en: `${teacher.name} has no enterprise experience and no practice on record: new teachers practise before teaching`
            },
            remedy: { zh: "安排并录入上岗前的企业实践", en: "arrange and record enterprise practice before teaching" }
          })
        ]
      }
    }
  ]
})

/**
 * TCH-EP-PUBLIC: public-course teachers visit enterprises regularly (no number: an `info` finding).
 *
 * @since 0.1.0
 * @category rules
 */
export const publicVisitRule = Rule.make<Subject>({
  id: "TCH-EP-PUBLIC",
  area: "teacher",
  title: { zh: "公共基础课教师定期到企业考察", en: "public-course teachers visit enterprises" },
  confidence: "D",
  subject: "Teacher",
  versions: [
    {
      ...v2016("第四条"),
      parameters: [National.teacherPublicVisitPeriodYears],
      check: ({ teacher }, ctx) => {
        const years = ctx.policy.value(National.teacherPublicVisitPeriodYears)
        if (years === undefined || teacher.employment !== "full-time" || teacher.courseType !== "public" || teacher.internshipTutor) return []
        if (teacher.hiredOn > ctx.asOf) return []
        const from = windowStart(ctx.asOf, years)
        if (teacher.practice.some((p) => p.end >= from && p.start <= ctx.asOf)) return []
        return [
          ctx.finding({
            severity: "info",
            message: { zh: `${from} 以来没有到企业考察、调研或学习的记录`, en: `no enterprise visit recorded since ${from}` },
            remedy: { zh: "安排一次企业考察并录入", en: "arrange an enterprise visit and record it" },
            parameters: [National.teacherPublicVisitPeriodYears]
          })
        ]
      }
    }
  ]
})

/**
 * TCH-EP-CONTENT: practice records say what was covered (processes, post standards, culture, the "six new"
 * items); a counted record without content gets an `info` finding. TCH-EP-FORMS is enforced by the schema
 * (the listed forms and "other").
 *
 * @since 0.1.0
 * @category rules
 */
export const contentRule = Rule.make<Subject>({
  id: "TCH-EP-CONTENT",
  area: "teacher",
  title: { zh: "企业实践内容", en: "enterprise practice content" },
  confidence: "D",
  subject: "Teacher",
  versions: [
    {
      ...v2016("第五条"),
      parameters: [],
      check: ({ teacher }, ctx) =>
        teacher.practice
          .filter((p) => p.start <= ctx.asOf && p.content.length === 0)
          .map((p) =>
            ctx.finding({
              severity: "info",
              message: {
                zh: `企业实践记录 ${p.id}（${p.enterpriseName}，${p.start} 至 ${p.end}）未记录实践内容`,
                en: `practice record ${p.id} (${p.enterpriseName}, ${p.start} to ${p.end}) has no content recorded`
              },
              remedy: {
                zh: "补录实践内容：生产组织、工艺流程、岗位规范、企业文化，以及新知识、新技术、新工艺、新材料、新设备、新标准",
                en: "record what was covered: production, processes, post norms, culture, and the six new items"
              }
            })
          )
    }
  ]
})

/**
 * TCH-EP-ANNUAL (unverified): at least one month a year in an enterprise or training base. Its findings are
 * warnings (the value is not confirmed).
 *
 * @since 0.1.0
 * @category rules
 */
export const annualRule = Rule.make<Subject>({
  id: "TCH-EP-ANNUAL",
  area: "teacher",
  title: { zh: "每年至少1个月企业实践", en: "one month of practice a year" },
  confidence: "M",
  subject: "Teacher",
  versions: [
    {
      effectiveFrom: "2019-01-24" as IsoDate,
      citations: [Sources.reform2019],
      parameters: [National.teacherAnnualPracticeMonths, National.teacherPracticeDaysPerMonth],
      check: ({ teacher }, ctx) => {
        const months = ctx.policy.value(National.teacherAnnualPracticeMonths)
        const s = settings(ctx.policy)
        if (months === undefined || s === undefined || !applies(teacher)) return []
        // Only teachers who have served a whole year are measured.
        if (Iso.addYears(teacher.hiredOn, 1) > ctx.asOf) return []
        const required = months * (ctx.policy.value(National.teacherPracticeDaysPerMonth) ?? 30)
        const from = windowStart(ctx.asOf, 1)
        const served = servedBetween(spans(teacher.practice, s.hoursPerDay), Iso.toEpochDays(from), Iso.toEpochDays(ctx.asOf))
        if (served + EPS >= required) return []
        return [
          ctx.finding({
            severity: "warning",
            message: {
              zh: `近一年（${from} 起）企业实践 ${round1(served)} 天，少于 ${required} 天`,
              en: `${round1(served)} days of practice in the year from ${from}, under ${required}`
            },
            remedy: { zh: `本年度再安排 ${wholeDays(required - served)} 天企业实践`, en: `add ${wholeDays(required - served)} days of practice this year` },
            measured: { value: round1(served), unit: "days" },
            threshold: { comparator: ">=", value: required, unit: "days" },
            parameters: [National.teacherAnnualPracticeMonths, National.teacherPracticeDaysPerMonth]
          })
        ]
      }
    }
  ]
})

/**
 * Every enterprise-practice rule.
 *
 * @since 0.1.0
 * @category rules
 */
export const rules: ReadonlyArray<Rule.Any> = [practiceWindowRule, newTeacherRule, publicVisitRule, contentRule, annualRule]
