/**
 * Indicators computed from a school's own records, each traceable to the records behind it (provenance) and to
 * the standard it is measured against (a dated, cited threshold). A definition is data: id, name, scope
 * (school or major), the 质量年报 table it belongs to (QR-TABLES), the threshold parameter and comparator, and a
 * measure over a one-pass index of the dataset. A zero denominator gives "not applicable", never NaN.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import type { ApprenticeshipAgreement, CooperationAgreement, InternshipAgreement } from "./Agreement.js"
import type { Enterprise } from "./Enterprise.js"
import type { Finding } from "./Finding.js"
import * as InternshipGates from "./InternshipGates.js"
import type { Assessment } from "./Assessment.js"
import type { Citation } from "./Citation.js"
import * as DualQualified from "./DualQualified.js"
import { field, Id, Name, Quantity, Count } from "./Entity.js"
import type { Internship } from "./Internship.js"
import { describe } from "./internal/annotations.js"
import * as N from "./internal/national-parameters.js"
import * as Iso from "./IsoDate.js"
import type { IsoDate } from "./IsoDate.js"
import type * as Parameter from "./Parameter.js"
import type { Resolved } from "./Policy.js"
import * as Practice from "./Practice.js"
import type { Major, School, TrainingBase } from "./School.js"
import type { Student } from "./Student.js"
import type { Teacher } from "./Teacher.js"
import { titleRank } from "./Teacher.js"
import type { Text } from "./Text.js"

/**
 * School facts that are not records of people (IND-LAND, IND-BUILD, IND-TRACK, IND-EQUIP, IND-BOOKS), dated,
 * with where they come from.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SchoolFacts = Schema.Struct({
  schoolId: field(Id, "学校编号", "school id"),
  asOf: field(Iso.IsoDate, "统计日期", "as of"),
  landArea: field(Quantity, "占地面积（平方米）", "campus land (m²)"),
  buildingArea: field(Quantity, "校舍建筑面积（平方米）", "building area (m²)"),
  trackLength: Schema.optional(field(Quantity, "环形跑道（米）", "ring track (m)")),
  equipmentValue: field(Quantity, "教学仪器设备总值（元）", "equipment value (yuan)"),
  books: field(Count, "纸质图书（册）", "printed books"),
  source: field(Name, "数据来源", "source", "如 2024年教育事业统计报表")
}).annotations(describe({ identifier: "SchoolFacts", zh: "办学条件数据", en: "school facts" }))

/**
 * @since 0.1.0
 * @category models
 */
export interface SchoolFacts extends Schema.Schema.Type<typeof SchoolFacts> {}

/**
 * The records indicators count over (one or many schools).
 *
 * @since 0.1.0
 * @category models
 */
export interface Dataset {
  readonly schools: ReadonlyArray<School>
  readonly majors: ReadonlyArray<Major>
  readonly teachers: ReadonlyArray<Teacher>
  readonly students: ReadonlyArray<Student>
  readonly facts: ReadonlyArray<SchoolFacts>
  readonly cooperation?: ReadonlyArray<CooperationAgreement>
  readonly internships?: ReadonlyArray<Internship>
  readonly assessments?: ReadonlyArray<Assessment>
  readonly enterprises?: ReadonlyArray<Enterprise>
  readonly trainingBases?: ReadonlyArray<TrainingBase>
  readonly apprenticeships?: ReadonlyArray<ApprenticeshipAgreement>
  readonly internshipAgreements?: ReadonlyArray<InternshipAgreement>
  /** Findings already computed for internships (PLAN-INTERN-COMPLIANT); computed with the national gates when absent. */
  readonly internshipFindings?: ReadonlyMap<string, ReadonlyArray<Finding>>
}

/**
 * A period: a school year (from the `indicator.schoolYearStart` month-day) or a calendar year; counts are taken
 * on its last day.
 *
 * @since 0.1.0
 * @category models
 */
export interface Period {
  readonly kind: "school-year" | "calendar-year"
  readonly year: number
  readonly start: IsoDate
  readonly end: IsoDate
}

/**
 * The school year starting in `year` (学年 `year`–`year+1`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const schoolYear = (year: number, startMonthDay = "09-01"): Period => {
  const start = Iso.unsafeMake(`${String(year).padStart(4, "0")}-${startMonthDay}`)
  return { kind: "school-year", year, start, end: Iso.addDays(Iso.addYears(start, 1), -1) }
}

/**
 * The calendar year `year`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const calendarYear = (year: number): Period => ({
  kind: "calendar-year",
  year,
  start: Iso.unsafeMake(`${String(year).padStart(4, "0")}-01-01`),
  end: Iso.unsafeMake(`${String(year).padStart(4, "0")}-12-31`)
})

// -------------------------------------------------------------------------------------------------------------
// The one-pass index
// -------------------------------------------------------------------------------------------------------------

/**
 * The records of one collection counted in a population: the count at once, and the ids read from the records
 * only when someone asks for them (provenance is usually read for a few figures, counted for all). Ids come
 * back in the collection's order.
 *
 * @since 0.1.0
 * @category models
 */
export interface Rows {
  /** How many records. */
  readonly size: number
  /** The ids of the records, in the collection's order (computed once, then shared). */
  ids(): ReadonlyArray<string>
}

/** Rows kept as a growing list of positions (for populations keyed by more than the school, e.g. by major). */
class ListRows implements Rows {
  private at = new Int32Array(4)
  private n = 0
  private cached: ReadonlyArray<string> | undefined
  constructor(private readonly source: ReadonlyArray<{ readonly id: string }>) {}
  get size(): number {
    return this.n
  }
  add(position: number): void {
    if (this.n === this.at.length) {
      const grown = new Int32Array(this.n * 2)
      grown.set(this.at)
      this.at = grown
    }
    this.at[this.n++] = position
    this.cached = undefined
  }
  ids(): ReadonlyArray<string> {
    if (this.cached === undefined) {
      const out = new Array<string>(this.n)
      for (let k = 0; k < this.n; k++) out[k] = this.source[this.at[k]!]!.id
      this.cached = out
    }
    return this.cached
  }
}

/**
 * One collection's populations as columns: for each record, the school it counts for and a bit per population it
 * is in, plus a count per school and population. One sequential write per record, whatever the order of the
 * records (writing to a list per school scatters writes across memory and was the slowest part of the province
 * benchmark); the records are grouped by school only when some provenance is read.
 */
class Columns {
  readonly bits: Uint32Array
  readonly school: Int32Array
  readonly counts: Int32Array
  private order: Int32Array | undefined
  private starts: Int32Array | undefined
  constructor(
    readonly source: ReadonlyArray<{ readonly id: string }>,
    readonly schools: number,
    readonly populations: number
  ) {
    this.bits = new Uint32Array(source.length)
    this.school = new Int32Array(source.length)
    this.counts = new Int32Array(schools * populations)
  }
  rows(ordinal: number, population: number): Rows {
    return new ColumnRows(this, ordinal, population)
  }
  /** The positions of the records of one school in one population, in the collection's order. */
  positions(ordinal: number, population: number): Array<number> {
    if (this.order === undefined || this.starts === undefined) {
      // A counting sort of the counted records by school (stable: the collection's order within a school).
      const starts = new Int32Array(this.schools + 1)
      for (let k = 0; k < this.bits.length; k++) if (this.bits[k] !== 0) starts[this.school[k]! + 1]!++
      for (let s = 0; s < this.schools; s++) starts[s + 1]! += starts[s]!
      const next = starts.slice(0, this.schools)
      const order = new Int32Array(starts[this.schools]!)
      for (let k = 0; k < this.bits.length; k++) if (this.bits[k] !== 0) order[next[this.school[k]!]!++] = k
      this.order = order
      this.starts = starts
    }
    const bit = 1 << population
    const out: Array<number> = []
    for (let k = this.starts[ordinal]!; k < this.starts[ordinal + 1]!; k++) {
      const at = this.order[k]!
      if ((this.bits[at]! & bit) !== 0) out.push(at)
    }
    return out
  }
}

class ColumnRows implements Rows {
  private cached: ReadonlyArray<string> | undefined
  constructor(
    private readonly columns: Columns,
    private readonly ordinal: number,
    private readonly population: number
  ) {}
  get size(): number {
    return this.columns.counts[this.ordinal * this.columns.populations + this.population]!
  }
  ids(): ReadonlyArray<string> {
    if (this.cached === undefined) {
      const source = this.columns.source
      this.cached = this.columns.positions(this.ordinal, this.population).map((k) => source[k]!.id)
    }
    return this.cached
  }
}

// Population numbers (bits) in each collection's columns.
const ST = { students: 0, project: 1, cooperativeClass: 2 } as const
const TC = { fullTime: 0, professional: 1, senior: 2, dualProfessional: 3, dualFullTime: 4, partTime: 5, partTimeFromPartners: 6, plan: 7, practiceApplicable: 8, practiceCompliant: 9 } as const
const IN = { post: 0, matching: 1, compliant: 2, ended: 3, both: 4 } as const

interface Tables {
  readonly students: Columns
  readonly teachers: Columns
  readonly internships: Columns
}

/**
 * What one school looks like on the snapshot date, built in one pass over each collection: the ids of the
 * records in each population, so every indicator reads counts and provenance from here.
 *
 * @since 0.1.0
 * @category models
 */
export interface SchoolIndex {
  readonly school: School
  readonly students: Rows
  readonly studentsWithProject: Rows
  readonly studentsInCooperativeClass: Rows
  readonly fullTime: Rows
  readonly fullTimeProfessional: Rows
  readonly fullTimeSenior: Rows
  readonly dualHeldProfessional: Rows
  readonly dualHeldFullTime: Rows
  readonly partTime: Rows
  readonly partTimeFromPartners: Rows
  readonly withCurrentPlan: Rows
  readonly practiceApplicable: Rows
  readonly practiceCompliant: Rows
  readonly midTitleByMajor: Map<string, Rows>
  /** The school's position in the dataset (0-based). */
  readonly ordinal: number
  readonly enrollingMajors: Array<Major>
  readonly partnerByMajor: Map<string, Array<string>>
  readonly mechanisms: Map<string, Array<string>>
  /** Agreements in force running at least one of the six mechanisms (PLAN-SIX-MECHANISMS). */
  readonly mechanismAgreements: Array<string>
  readonly postInternshipsEnded: Rows
  readonly postInternshipsAssessedByBoth: Rows
  readonly postInternships: Rows
  readonly postInternshipsMatching: Rows
  readonly postInternshipsCompliant: Rows
  readonly coBuiltBases: Array<string>
  readonly coBuiltBasesByMajor: Map<string, Array<string>>
  readonly textbooks: Array<string>
  socialTrainingPersonTimes: number
  readonly socialTrainingRecords: Array<string>
  readonly technicalServices: Array<string>
  facts: SchoolFacts | undefined
}

const emptyIndex = (school: School, o: number, t: Tables): SchoolIndex => ({
  school,
  ordinal: o,
  students: t.students.rows(o, ST.students),
  studentsWithProject: t.students.rows(o, ST.project),
  studentsInCooperativeClass: t.students.rows(o, ST.cooperativeClass),
  fullTime: t.teachers.rows(o, TC.fullTime),
  fullTimeProfessional: t.teachers.rows(o, TC.professional),
  fullTimeSenior: t.teachers.rows(o, TC.senior),
  dualHeldProfessional: t.teachers.rows(o, TC.dualProfessional),
  dualHeldFullTime: t.teachers.rows(o, TC.dualFullTime),
  partTime: t.teachers.rows(o, TC.partTime),
  partTimeFromPartners: t.teachers.rows(o, TC.partTimeFromPartners),
  withCurrentPlan: t.teachers.rows(o, TC.plan),
  practiceApplicable: t.teachers.rows(o, TC.practiceApplicable),
  practiceCompliant: t.teachers.rows(o, TC.practiceCompliant),
  midTitleByMajor: new Map(),
  enrollingMajors: [],
  partnerByMajor: new Map(),
  mechanisms: new Map(),
  mechanismAgreements: [],
  postInternshipsEnded: t.internships.rows(o, IN.ended),
  postInternshipsAssessedByBoth: t.internships.rows(o, IN.both),
  postInternships: t.internships.rows(o, IN.post),
  postInternshipsMatching: t.internships.rows(o, IN.matching),
  postInternshipsCompliant: t.internships.rows(o, IN.compliant),
  coBuiltBases: [],
  coBuiltBasesByMajor: new Map(),
  textbooks: [],
  socialTrainingPersonTimes: 0,
  socialTrainingRecords: [],
  technicalServices: [],
  facts: undefined
})

const push = <K>(m: Map<K, Array<string>>, k: K, id: string) => {
  const a = m.get(k)
  if (a === undefined) m.set(k, [id])
  else a.push(id)
}

const hasViolation = (findings: ReadonlyArray<Finding>): boolean => {
  for (let k = 0; k < findings.length; k++) if (findings[k]!.severity === "violation") return true
  return false
}

const sixMechanisms: ReadonlySet<string> = new Set(["talent", "bases", "staff", "information", "service", "culture"])

const inForce = (a: CooperationAgreement, on: IsoDate): boolean =>
  a.lifecycle !== undefined ? (a.lifecycle.state === "in-force" || a.lifecycle.state === "expiring") && a.term.start <= on && a.term.end >= on : a.term.start <= on && a.term.end >= on && a.signatures.length >= 2

/**
 * Indexes a dataset for a period under a policy (one pass over each collection).
 *
 * @since 0.1.0
 * @category constructors
 */
export const index = (data: Dataset, period: Period, policy: Resolved): ReadonlyMap<string, SchoolIndex> => {
  const ordinals = new Map<string, number>()
  for (const s of data.schools) if (!ordinals.has(s.id)) ordinals.set(s.id, ordinals.size)
  const n = ordinals.size
  const tables: Tables = {
    students: new Columns(data.students, n, 3),
    teachers: new Columns(data.teachers, n, 10),
    internships: new Columns(data.internships ?? [], n, 5)
  }
  const out = new Map<string, SchoolIndex>()
  for (const s of data.schools) out.set(s.id, emptyIndex(s, ordinals.get(s.id)!, tables))
  // One small function per collection: each loop is optimised on its own (one large function was markedly
  // slower in the province benchmark).
  const bases = data.trainingBases ?? []
  const { partnerEnterprises, agreementsInForce } = indexCooperation(out, data.cooperation ?? [], period, bases.length > 0)
  indexMajorsAndBases(out, data.majors, bases, agreementsInForce)
  indexStudents(ordinals, tables.students, data.students, period.end)
  indexTeachers(out, ordinals, tables.teachers, data.teachers, period, policy, partnerEnterprises)
  indexInternships(out, ordinals, tables.internships, data, period, policy)
  for (const f of data.facts) {
    const ix = out.get(f.schoolId)
    if (ix !== undefined && f.asOf <= period.end && (ix.facts === undefined || f.asOf > ix.facts.asOf)) ix.facts = f
  }
  return out
}

const indexCooperation = (out: Map<string, SchoolIndex>, cooperation: ReadonlyArray<CooperationAgreement>, period: Period, keepInForce: boolean) => {
  const on = period.end
  const partnerEnterprises = new Map<string, Set<string>>()
  const agreementsInForce = new Set<string>()
  for (let k = 0; k < cooperation.length; k++) {
    const a = cooperation[k]!
    const ix = out.get(a.schoolId)
    if (ix === undefined) continue
    // PLAN-TEXTBOOKS: co-developed materials delivered in the period, whatever the agreement's state now.
    for (const d of a.deliverables) if (d.kind === "textbook" && d.state === "delivered" && d.deliveredOn !== undefined && d.deliveredOn >= period.start && d.deliveredOn <= period.end) ix.textbooks.push(`${a.id}/${d.id}`)
    if (!inForce(a, on)) continue
    // Kept only when training bases need it (PLAN-COBUILT-BASES): a set of every id costs a hash per agreement.
    if (keepInForce) agreementsInForce.add(a.id)
    for (const m of a.leadingPartnerFor) push(ix.partnerByMajor, m, a.id)
    let running = false
    for (const mech of a.mechanisms) {
      push(ix.mechanisms, mech, a.id)
      if (sixMechanisms.has(mech)) running = true
    }
    if (running) ix.mechanismAgreements.push(a.id)
    let set = partnerEnterprises.get(a.schoolId)
    if (set === undefined) partnerEnterprises.set(a.schoolId, (set = new Set()))
    set.add(a.enterpriseCreditCode)
  }
  return { partnerEnterprises, agreementsInForce }
}

const indexMajorsAndBases = (out: Map<string, SchoolIndex>, majors: ReadonlyArray<Major>, bases: ReadonlyArray<TrainingBase>, agreementsInForce: ReadonlySet<string>) => {
  for (const m of majors) {
    const ix = out.get(m.schoolId)
    if (ix !== undefined && m.enrolling) ix.enrollingMajors.push(m)
  }
  for (const b of bases) {
    const ix = out.get(b.schoolId)
    // PLAN-COBUILT-BASES: co-built with an enterprise under an agreement in force.
    if (ix === undefined || b.coBuiltWith.length === 0 || b.agreementId === undefined || !agreementsInForce.has(b.agreementId)) continue
    ix.coBuiltBases.push(b.id)
    for (const m of b.majorCodes) push(ix.coBuiltBasesByMajor, m, b.id)
  }
}

const indexStudents = (ordinals: ReadonlyMap<string, number>, c: Columns, students: ReadonlyArray<Student>, on: IsoDate) => {
  const { bits, school, counts } = c
  for (let k = 0; k < students.length; k++) {
    const st = students[k]!
    if (st.status !== "enrolled" || !st.fullTimeDiploma || st.enrolledOn > on) continue
    const o = ordinals.get(st.schoolId)
    if (o === undefined) continue
    const base = o * 3
    let b = 1 << ST.students
    counts[base + ST.students]!++
    if (st.specialProject !== undefined && st.specialProject.assignedOn <= on) {
      b |= 1 << ST.project
      counts[base + ST.project]!++
    }
    if (st.cooperativeClass !== undefined && st.cooperativeClass.joinedOn <= on) {
      b |= 1 << ST.cooperativeClass
      counts[base + ST.cooperativeClass]!++
    }
    bits[k] = b
    school[k] = o
  }
}

const indexTeachers = (
  out: ReadonlyMap<string, SchoolIndex>,
  ordinals: ReadonlyMap<string, number>,
  c: Columns,
  teachers: ReadonlyArray<Teacher>,
  period: Period,
  policy: Resolved,
  partnerEnterprises: ReadonlyMap<string, ReadonlySet<string>>
) => {
  const on = period.end
  const validity = policy.value(N.dsValidityYears) ?? 0
  const settings = Practice.settings(policy)
  const { bits, school, counts } = c
  const P = c.populations
  for (let k = 0; k < teachers.length; k++) {
    const t = teachers[k]!
    if (t.hiredOn > on || (t.leftOn !== undefined && t.leftOn <= on)) continue
    const o = ordinals.get(t.schoolId)
    if (o === undefined) continue
    const base = o * P
    let b = 0
    if (t.employment === "part-time") {
      if (t.partTime !== undefined && t.partTime.appointment.start <= on && t.partTime.appointment.end >= on) {
        b |= 1 << TC.partTime
        counts[base + TC.partTime]!++
        const code = t.partTime.employerCreditCode
        if (code !== undefined && partnerEnterprises.get(t.schoolId)?.has(code)) {
          b |= 1 << TC.partTimeFromPartners
          counts[base + TC.partTimeFromPartners]!++
        }
        bits[k] = b
        school[k] = o
      }
      continue
    }
    b |= 1 << TC.fullTime
    counts[base + TC.fullTime]!++
    const professional = t.courseType === "professional"
    if (professional) {
      b |= 1 << TC.professional
      counts[base + TC.professional]!++
    }
    let best = 0
    for (const x of t.titles) if (x.obtainedOn <= on && titleRank[x.level] > best) best = titleRank[x.level]
    if (best >= titleRank["associate-senior"]) {
      b |= 1 << TC.senior
      counts[base + TC.senior]!++
    }
    if (t.dualQualifications.length > 0 && DualQualified.holdsAnyOn(t, on, validity)) {
      b |= 1 << TC.dualFullTime
      counts[base + TC.dualFullTime]!++
      if (professional) {
        b |= 1 << TC.dualProfessional
        counts[base + TC.dualProfessional]!++
      }
    }
    if (t.developmentPlan !== undefined && t.developmentPlan.period.start <= on && t.developmentPlan.period.end >= on) {
      b |= 1 << TC.plan
      counts[base + TC.plan]!++
    }
    if (settings !== undefined && professional) {
      b |= 1 << TC.practiceApplicable
      counts[base + TC.practiceApplicable]!++
      if (Practice.evaluate(t, on, settings).status === "compliant") {
        b |= 1 << TC.practiceCompliant
        counts[base + TC.practiceCompliant]!++
      }
    }
    bits[k] = b
    school[k] = o
    const ix = out.get(t.schoolId)!
    for (const sv of t.services) {
      if (sv.date < period.start || sv.date > period.end) continue
      if (sv.kind === "social-training") {
        ix.socialTrainingRecords.push(`${t.id}/${sv.title}@${sv.date}`)
        ix.socialTrainingPersonTimes += sv.beneficiaries ?? 0
      } else if (sv.kind === "technical-service") ix.technicalServices.push(`${t.id}/${sv.title}@${sv.date}`)
    }
    // IND-MAJOR-2MID: full-time teachers with a relevant 中级+ title, by the majors they teach.
    if (best >= titleRank.intermediate)
      for (const m of t.majorCodes) {
        let rows = ix.midTitleByMajor.get(m) as ListRows | undefined
        if (rows === undefined) ix.midTitleByMajor.set(m, (rows = new ListRows(teachers)))
        rows.add(k)
      }
  }
}

/**
 * Which subjects assessed each internship, as bits (1 school, 2 enterprise), by the internship's position.
 *
 * Assessments usually come grouped by internship and in the internships' order (as generated, imported or
 * loaded from the store): then a merge walk joins them with no hashing at all. When they do not (a run of one
 * internship's assessments split, or out of order), the join falls back to a map by id. Either way the result is
 * the same.
 */
const assessedBits = (internships: ReadonlyArray<Internship>, assessments: ReadonlyArray<Assessment>): Uint8Array => {
  const out = new Uint8Array(internships.length)
  if (assessments.length === 0) return out
  // Runs of consecutive result assessments of one internship.
  const runIds: Array<string> = []
  const runBits: Array<number> = []
  let last: string | undefined
  for (let k = 0; k < assessments.length; k++) {
    const a = assessments[k]!
    if (a.stage !== "result") continue
    const bit = a.assessor === "school" ? 1 : 2
    if (a.internshipId === last) runBits[runBits.length - 1]! |= bit
    else {
      last = a.internshipId
      runIds.push(last)
      runBits.push(bit)
    }
  }
  let p = 0
  for (let k = 0; k < internships.length && p < runIds.length; k++) {
    if (internships[k]!.id === runIds[p]) out[k] = runBits[p++]!
  }
  if (p === runIds.length) return out
  // Not in the internships' order: join by id.
  const byId = new Map<string, number>()
  for (let r = 0; r < runIds.length; r++) byId.set(runIds[r]!, (byId.get(runIds[r]!) ?? 0) | runBits[r]!)
  for (let k = 0; k < internships.length; k++) out[k] = byId.get(internships[k]!.id) ?? 0
  return out
}

const indexInternships = (out: ReadonlyMap<string, SchoolIndex>, ordinals: ReadonlyMap<string, number>, c: Columns, data: Dataset, period: Period, policy: Resolved) => {
  const { bits: flags, school, counts } = c
  const P = c.populations
  const internships = data.internships ?? []
  const assessed = assessedBits(internships, data.assessments ?? [])
  // Built only when some internship's findings have to be computed here.
  let studentsById: ReadonlyMap<string, Student> | undefined
  let agreementsById: ReadonlyMap<string, InternshipAgreement> | undefined
  const checkers = new Map<string, InternshipGates.Checker>()
  const givenFindings = data.internshipFindings
  // The given findings are usually keyed in the internships' order: read them by walking the map alongside the
  // internships (no hashing), and look an id up only when the walk and the internships disagree.
  const walk = givenFindings === undefined ? undefined : givenFindings.entries()
  let next = walk === undefined ? undefined : walk.next()
  for (let k = 0; k < internships.length; k++) {
    const i = internships[k]!
    let walked: ReadonlyArray<Finding> | undefined
    if (next !== undefined && !next.done && next.value[0] === i.id) {
      walked = next.value[1]
      next = walk!.next()
    }
    if (i.kind === "observation" || i.start > period.end || i.end < period.start) continue
    const o = ordinals.get(i.schoolId)
    if (o === undefined) continue
    const base = o * P
    let b = 1 << IN.post
    counts[base + IN.post]!++
    // PLAN-INTERN-COMPLIANT: no violation among the internship's findings.
    let findings = walked !== undefined || givenFindings === undefined ? walked : givenFindings.get(i.id)
    if (findings === undefined) {
      studentsById ??= new Map(data.students.map((st) => [st.id, st] as const))
      agreementsById ??= new Map((data.internshipAgreements ?? []).map((a) => [a.id, a] as const))
      const student = studentsById.get(i.studentId)
      if (student !== undefined) {
        let checker = checkers.get(i.schoolId)
        if (checker === undefined) {
          const sc = out.get(i.schoolId)!.school
          checker = InternshipGates.checker(policy.policy, { province: sc.province, ...(sc.city === undefined ? {} : { city: sc.city }), school: sc.code })
          checkers.set(i.schoolId, checker)
        }
        findings = checker.check({ internship: i, student, agreement: i.agreementId === undefined ? undefined : agreementsById!.get(i.agreementId) })
      }
    }
    if (findings !== undefined && !hasViolation(findings)) {
      b |= 1 << IN.compliant
      counts[base + IN.compliant]!++
    }
    if (i.post.majorMatch !== "unrelated") {
      b |= 1 << IN.matching
      counts[base + IN.matching]!++
    }
    if (i.end <= period.end) {
      b |= 1 << IN.ended
      counts[base + IN.ended]!++
      if (assessed[k] === 3) {
        b |= 1 << IN.both
        counts[base + IN.both]!++
      }
    }
    flags[k] = b
    school[k] = o
  }
}

// -------------------------------------------------------------------------------------------------------------
// Definitions
// -------------------------------------------------------------------------------------------------------------

/**
 * The 质量年报 tables (QR-TABLES) an indicator is laid out in.
 *
 * @since 0.1.0
 * @category models
 */
export type ReportTable = "计分卡" | "资源表" | "服务贡献表" | "落实政策表" | "国际影响表"

/**
 * A count and the records it counts.
 *
 * @since 0.1.0
 * @category models
 */
export interface Part {
  readonly value: number
  readonly ids: ReadonlyArray<string>
}

/**
 * An indicator definition.
 *
 * @since 0.1.0
 * @category models
 */
export interface Definition {
  readonly id: string
  /** Which reading, when a standard can be read two ways (IND-DS-30) or one id has several figures. */
  readonly variant?: string
  readonly name: Text
  readonly scope: "school" | "major"
  readonly unit: Parameter.Unit
  readonly table: ReportTable
  readonly threshold?: { readonly parameter: Parameter.Parameter<number>; readonly comparator: ">=" | ">" | "<=" | "<" | "≈" }
  /** A note on how to read it (an ambiguity in the standard). */
  readonly note?: Text
  /** The schools it applies to (e.g. technical schools only); all when absent. */
  readonly appliesTo?: (school: School) => boolean
  readonly measure: (ix: SchoolIndex, major?: Major) => { readonly numerator: Part; readonly denominator?: Part } | undefined
}

const notTechnical = (s: School) => s.type !== "technical"
const technical = (s: School) => s.type === "technical"

const isRows = (x: ReadonlyArray<string> | Rows): x is Rows => !Array.isArray(x)
const part = (ids: ReadonlyArray<string> | Rows): Part =>
  isRows(ids)
    ? {
        value: ids.size,
        get ids() {
          return ids.ids()
        }
      }
    : { value: ids.length, ids }

const noIds: ReadonlyArray<string> = Object.freeze([])

/** Provenance read when asked for: the ids of a large population are built on first read, then kept. */
const provenanceOf = (numerator: Part | undefined, denominator: Part | undefined): Value["provenance"] => ({
  get numerator() {
    return numerator === undefined ? noIds : numerator.ids
  },
  get denominator() {
    return denominator === undefined ? noIds : denominator.ids
  }
})
const fact = (ix: SchoolIndex, key: "landArea" | "buildingArea" | "trackLength" | "equipmentValue" | "books"): Part | undefined => {
  const f = ix.facts
  const v = f?.[key]
  return f === undefined || v === undefined ? undefined : { value: v, ids: [`${f.schoolId}@${f.asOf}`] }
}
const perStudent = (ix: SchoolIndex, key: "landArea" | "buildingArea" | "equipmentValue" | "books") => {
  const n = fact(ix, key)
  return n === undefined ? undefined : { numerator: n, denominator: part(ix.students) }
}

/**
 * The catalogue: 设置标准 (2010) and 达标工程 (2022) school indicators, TCH-DS-TARGET, and the plan's own
 * indicators (PLAN-*).
 *
 * @since 0.1.0
 * @category constants
 */
export const catalogue: ReadonlyArray<Definition> = [
  { id: "IND-ENROL-1200", name: { zh: "全日制学历教育在校生数", en: "full-time diploma students" }, scope: "school", unit: "count", table: "资源表", threshold: { parameter: N.schoolMinEnrolment, comparator: ">=" }, measure: (ix) => ({ numerator: part(ix.students) }) },
  { id: "IND-FT-60", name: { zh: "专任教师数", en: "full-time teachers" }, scope: "school", unit: "count", table: "资源表", threshold: { parameter: N.schoolMinFullTimeTeachers, comparator: ">=" }, measure: (ix) => ({ numerator: part(ix.fullTime) }) },
  { id: "IND-STR-20", name: { zh: "生师比", en: "students per full-time teacher" }, scope: "school", unit: "students-per-teacher", table: "资源表", threshold: { parameter: N.schoolMaxStudentsPerTeacher, comparator: "<=" }, measure: (ix) => ({ numerator: part(ix.students), denominator: part(ix.fullTime) }) },
  { id: "IND-SENIOR-20", name: { zh: "高级职称专任教师比例", en: "senior-title share" }, scope: "school", unit: "ratio", table: "资源表", threshold: { parameter: N.schoolMinSeniorShare, comparator: ">=" }, measure: (ix) => ({ numerator: part(ix.fullTimeSenior), denominator: part(ix.fullTime) }) },
  { id: "IND-PROF-50", name: { zh: "专业教师占专任教师比例", en: "professional-teacher share" }, scope: "school", unit: "ratio", table: "资源表", threshold: { parameter: N.schoolMinProfessionalShare, comparator: ">=" }, measure: (ix) => ({ numerator: part(ix.fullTimeProfessional), denominator: part(ix.fullTime) }) },
  {
    id: "IND-DS-30",
    variant: "professional-base",
    name: { zh: "双师型教师占专业教师比例", en: "dual-qualified share of professional teachers" },
    scope: "school",
    unit: "ratio",
    table: "资源表",
    threshold: { parameter: N.schoolMinDualQualifiedShare, comparator: ">=" },
    note: { zh: "基数按专业教师理解（标准“其中”的通常读法）", en: "base read as professional teachers (the usual reading)" },
    measure: (ix) => ({ numerator: part(ix.dualHeldProfessional), denominator: part(ix.fullTimeProfessional) })
  },
  {
    id: "IND-DS-30",
    variant: "full-time-base",
    name: { zh: "双师型教师占专任教师比例", en: "dual-qualified share of full-time teachers" },
    scope: "school",
    unit: "ratio",
    table: "资源表",
    threshold: { parameter: N.schoolMinDualQualifiedShare, comparator: ">=" },
    note: { zh: "另一种读法：基数为全部专任教师（标准表述有歧义）", en: "the other reading: base is all full-time teachers (the wording is ambiguous)" },
    measure: (ix) => ({ numerator: part(ix.dualHeldFullTime), denominator: part(ix.fullTime) })
  },
  {
    id: "IND-MAJOR-2MID",
    name: { zh: "专业中级以上职称专任教师数", en: "intermediate-title teachers per major" },
    scope: "major",
    unit: "count",
    table: "资源表",
    threshold: { parameter: N.schoolMinMidTitleTeachersPerMajor, comparator: ">=" },
    measure: (ix, major) => (major === undefined ? undefined : { numerator: part(ix.midTitleByMajor.get(major.code) ?? []) })
  },
  {
    id: "PT-SHARE-STD",
    name: { zh: "兼职教师占专任教师比例", en: "part-time teachers per full-time teacher" },
    scope: "school",
    unit: "ratio",
    table: "资源表",
    threshold: { parameter: N.schoolPartTimeShareTarget, comparator: "≈" },
    note: { zh: "标准为“左右”，是目标而非上限：只报告数值", en: "the standard says 'about': a target, not a cap — the value is reported" },
    measure: (ix) => ({ numerator: part(ix.partTime), denominator: part(ix.fullTime) })
  },
  { id: "IND-LAND", variant: "total", appliesTo: notTechnical, name: { zh: "校园占地面积", en: "campus land" }, scope: "school", unit: "square-metres", table: "资源表", threshold: { parameter: N.schoolMinLandArea, comparator: ">=" }, measure: (ix) => { const n = fact(ix, "landArea"); return n && { numerator: n } } },
  { id: "IND-LAND", variant: "per-student", appliesTo: notTechnical, name: { zh: "生均占地面积", en: "land per student" }, scope: "school", unit: "square-metres-per-student", table: "资源表", threshold: { parameter: N.schoolMinLandPerStudent, comparator: ">=" }, measure: (ix) => perStudent(ix, "landArea") },
  { id: "IND-BUILD", variant: "total", appliesTo: notTechnical, name: { zh: "校舍建筑面积", en: "building area" }, scope: "school", unit: "square-metres", table: "资源表", threshold: { parameter: N.schoolMinBuildingArea, comparator: ">=" }, measure: (ix) => { const n = fact(ix, "buildingArea"); return n && { numerator: n } } },
  { id: "IND-BUILD", variant: "per-student", appliesTo: notTechnical, name: { zh: "生均校舍建筑面积", en: "building area per student" }, scope: "school", unit: "square-metres-per-student", table: "资源表", threshold: { parameter: N.schoolMinBuildingPerStudent, comparator: ">=" }, measure: (ix) => perStudent(ix, "buildingArea") },
  { id: "IND-TRACK", name: { zh: "环形跑道长度", en: "ring track" }, scope: "school", unit: "metres", table: "资源表", threshold: { parameter: N.schoolMinTrackLength, comparator: ">=" }, measure: (ix) => { const n = fact(ix, "trackLength"); return n && { numerator: n } } },
  { id: "IND-EQUIP", variant: "total", appliesTo: notTechnical, name: { zh: "教学仪器设备总值", en: "equipment value" }, scope: "school", unit: "yuan", table: "资源表", threshold: { parameter: N.schoolMinEquipmentValue, comparator: ">=" }, measure: (ix) => { const n = fact(ix, "equipmentValue"); return n && { numerator: n } } },
  { id: "IND-EQUIP", variant: "per-student", name: { zh: "生均教学仪器设备值", en: "equipment per student" }, scope: "school", unit: "yuan-per-student", table: "资源表", threshold: { parameter: N.schoolMinEquipmentPerStudent, comparator: ">=" }, measure: (ix) => perStudent(ix, "equipmentValue") },
  { id: "IND-BOOKS", name: { zh: "生均纸质图书", en: "books per student" }, scope: "school", unit: "books-per-student", table: "资源表", threshold: { parameter: N.schoolMinBooksPerStudent, comparator: ">=" }, measure: (ix) => perStudent(ix, "books") },
  {
    id: "TCH-DS-TARGET",
    name: { zh: "双师型教师占专业课教师比例（超过一半）", en: "dual-qualified above half of professional teachers" },
    scope: "school",
    unit: "ratio",
    table: "落实政策表",
    threshold: { parameter: N.dualQualifiedTarget, comparator: ">" },
    note: { zh: "目标值未经核实（国发〔2019〕4号）", en: "the target is unverified" },
    measure: (ix) => ({ numerator: part(ix.dualHeldProfessional), denominator: part(ix.fullTimeProfessional) })
  },
  {
    id: "PLAN-MAJOR-PARTNER",
    name: { zh: "一专一名企覆盖率", en: "majors with a leading partner" },
    scope: "school",
    unit: "ratio",
    table: "落实政策表",
    threshold: { parameter: N.planMajorPartnerTarget, comparator: ">=" },
    measure: (ix) => ({
      numerator: part(ix.enrollingMajors.filter((m) => ix.partnerByMajor.has(m.code)).map((m) => m.id)),
      denominator: part(ix.enrollingMajors.map((m) => m.id))
    })
  },
  { id: "PLAN-TEACHER-PLAN", name: { zh: "一师一方案覆盖率", en: "teachers with a current plan" }, scope: "school", unit: "ratio", table: "落实政策表", threshold: { parameter: N.planTeacherPlanTarget, comparator: ">=" }, measure: (ix) => ({ numerator: part(ix.withCurrentPlan), denominator: part(ix.fullTime) }) },
  { id: "PLAN-STUDENT-PROJECT", name: { zh: "一生一专项覆盖率", en: "students with a special project" }, scope: "school", unit: "ratio", table: "落实政策表", threshold: { parameter: N.planStudentProjectTarget, comparator: ">=" }, measure: (ix) => ({ numerator: part(ix.studentsWithProject), denominator: part(ix.students) }) },
  {
    id: "PLAN-SIX-MECHANISMS",
    name: { zh: "六项合作机制运行数", en: "mechanisms in use" },
    scope: "school",
    unit: "count",
    table: "落实政策表",
    threshold: { parameter: N.planSixMechanismsTarget, comparator: ">=" },
    measure: (ix) => {
      let used = 0
      for (const m of sixMechanisms) if (ix.mechanisms.has(m)) used++
      return { numerator: { value: used, ids: ix.mechanismAgreements } }
    }
  },
  { id: "PLAN-ENTERPRISE-TEACHERS", name: { zh: "合作企业兼职教师占专业课教师比例", en: "partner-enterprise teachers per professional teacher" }, scope: "school", unit: "ratio", table: "资源表", threshold: { parameter: N.planEnterpriseTeachersTarget, comparator: ">=" }, measure: (ix) => ({ numerator: part(ix.partTimeFromPartners), denominator: part(ix.fullTimeProfessional) }) },
  { id: "PLAN-ORDER-CLASS", name: { zh: "订单班/学徒班学生比例", en: "students in order or apprenticeship classes" }, scope: "school", unit: "ratio", table: "服务贡献表", threshold: { parameter: N.planOrderClassTarget, comparator: ">=" }, measure: (ix) => ({ numerator: part(ix.studentsInCooperativeClass), denominator: part(ix.students) }) },
  { id: "PLAN-DUAL-ASSESS", name: { zh: "岗位实习校企双主体评价完成率", en: "post internships assessed by both" }, scope: "school", unit: "ratio", table: "计分卡", threshold: { parameter: N.planDualAssessTarget, comparator: ">=" }, measure: (ix) => ({ numerator: part(ix.postInternshipsAssessedByBoth), denominator: part(ix.postInternshipsEnded) }) },
  { id: "PLAN-PRACTICE-COMPLIANT", name: { zh: "专业课教师企业实践达标率", en: "professional teachers meeting TCH-EP-5Y6M" }, scope: "school", unit: "ratio", table: "资源表", threshold: { parameter: N.planPracticeCompliantTarget, comparator: ">=" }, measure: (ix) => ({ numerator: part(ix.practiceCompliant), denominator: part(ix.practiceApplicable) }) },
  { id: "PLAN-INTERN-MATCH", name: { zh: "岗位实习专业对口率", en: "post internships matching the major" }, scope: "school", unit: "ratio", table: "计分卡", threshold: { parameter: N.planInternMatchTarget, comparator: ">=" }, measure: (ix) => ({ numerator: part(ix.postInternshipsMatching), denominator: part(ix.postInternships) }) },
  { id: "PLAN-INTERN-COMPLIANT", name: { zh: "岗位实习合规率", en: "post internships without a violation" }, scope: "school", unit: "ratio", table: "计分卡", threshold: { parameter: N.planInternCompliantTarget, comparator: ">=" }, measure: (ix) => ({ numerator: part(ix.postInternshipsCompliant), denominator: part(ix.postInternships) }) },
  { id: "PLAN-COBUILT-BASES", variant: "total", name: { zh: "校企共建实训基地数", en: "co-built training bases" }, scope: "school", unit: "count", table: "资源表", measure: (ix) => ({ numerator: part(ix.coBuiltBases) }) },
  {
    id: "PLAN-COBUILT-BASES",
    variant: "per-major",
    name: { zh: "专业校企共建实训基地数", en: "co-built bases per major" },
    scope: "major",
    unit: "count",
    table: "资源表",
    note: { zh: "默认目标：每专业至少1个", en: "default target: at least one per major" },
    measure: (ix, major) => (major === undefined ? undefined : { numerator: part(ix.coBuiltBasesByMajor.get(major.code) ?? []) })
  },
  { id: "PLAN-TEXTBOOKS", name: { zh: "校企合作开发教材数", en: "co-developed textbooks" }, scope: "school", unit: "count", table: "服务贡献表", measure: (ix) => ({ numerator: part(ix.textbooks) }) },
  { id: "PLAN-SOCIAL-TRAINING", name: { zh: "社会培训人次", en: "social training person-times" }, scope: "school", unit: "count", table: "服务贡献表", measure: (ix) => ({ numerator: { value: ix.socialTrainingPersonTimes, ids: ix.socialTrainingRecords } }) },
  { id: "PLAN-SERVICE", name: { zh: "基层技术服务项目数", en: "technical services" }, scope: "school", unit: "count", table: "服务贡献表", measure: (ix) => ({ numerator: part(ix.technicalServices) }) },
  { id: "IND-TECH-SCHOOL", variant: "land", appliesTo: technical, name: { zh: "技工学校占地面积", en: "technical school land" }, scope: "school", unit: "square-metres", table: "资源表", threshold: { parameter: N.techMinLandArea, comparator: ">=" }, measure: (ix) => { const n = fact(ix, "landArea"); return n && { numerator: n } } },
  { id: "IND-TECH-SCHOOL", variant: "building", appliesTo: technical, name: { zh: "技工学校校舍建筑面积", en: "technical school building" }, scope: "school", unit: "square-metres", table: "资源表", threshold: { parameter: N.techMinBuildingArea, comparator: ">=" }, measure: (ix) => { const n = fact(ix, "buildingArea"); return n && { numerator: n } } },
  { id: "IND-TECH-SCHOOL", variant: "building-per-student", appliesTo: technical, name: { zh: "技工学校生均校舍建筑面积", en: "technical school building per student" }, scope: "school", unit: "square-metres-per-student", table: "资源表", threshold: { parameter: N.techMinBuildingPerStudent, comparator: ">=" }, measure: (ix) => perStudent(ix, "buildingArea") },
  { id: "IND-TECH-SCHOOL", variant: "majors", appliesTo: technical, name: { zh: "技工学校常设专业数", en: "technical school majors" }, scope: "school", unit: "count", table: "资源表", threshold: { parameter: N.techMinMajors, comparator: ">=" }, measure: (ix) => ({ numerator: part(ix.enrollingMajors.map((m) => m.id)) }) },
  { id: "IND-TECH-SCHOOL", variant: "diploma-students", appliesTo: technical, name: { zh: "技工学校学制教育在校生", en: "technical school diploma students" }, scope: "school", unit: "count", table: "资源表", threshold: { parameter: N.techMinDiplomaStudents, comparator: ">=" }, measure: (ix) => ({ numerator: part(ix.students) }) },
  { id: "IND-TECH-SCHOOL", variant: "equipment", appliesTo: technical, name: { zh: "技工学校教学仪器设备总值", en: "technical school equipment" }, scope: "school", unit: "yuan", table: "资源表", threshold: { parameter: N.techMinEquipmentValue, comparator: ">=" }, measure: (ix) => { const n = fact(ix, "equipmentValue"); return n && { numerator: n } } }
]

// -------------------------------------------------------------------------------------------------------------
// Computing
// -------------------------------------------------------------------------------------------------------------

/**
 * One indicator's figure for one scope.
 *
 * @since 0.1.0
 * @category models
 */
export interface Value {
  readonly indicator: string
  readonly variant?: string
  readonly name: Text
  /** The school, or `*` for a figure across the schools of the dataset. */
  readonly schoolId: string
  readonly majorCode?: string
  readonly enterpriseId?: string
  readonly period: Period
  /** `not-applicable` when the denominator is zero or a fact is missing: never NaN or Infinity. */
  readonly status: "ok" | "not-applicable"
  readonly value?: number
  readonly numerator?: number
  readonly denominator?: number
  /** 达标 / 不达标 where the threshold is a cap or a floor; absent for targets ("≈") and with no threshold. */
  readonly verdict?: "met" | "basically-met" | "not-met"
  readonly threshold?: { readonly comparator: string; readonly value: number; readonly parameter: string; readonly effectiveFrom: IsoDate; readonly citation: Citation; readonly verified: boolean }
  readonly provenance: { readonly numerator: ReadonlyArray<string>; readonly denominator: ReadonlyArray<string> }
  readonly table: ReportTable
  readonly note?: Text
}

const compare = (value: number, comparator: string, threshold: number): boolean | undefined =>
  comparator === ">=" ? value >= threshold : comparator === ">" ? value > threshold : comparator === "<=" ? value <= threshold : comparator === "<" ? value < threshold : undefined

/**
 * A definition's threshold under a policy, with the dated entry and citation it comes from; `undefined` when the
 * definition has none or the parameter is not in force. Resolved once per computation, shared by every value.
 *
 * @since 0.1.0
 * @category combinators
 */
export const thresholdOf = (def: Definition, policy: Resolved): Value["threshold"] => {
  const r = def.threshold === undefined ? undefined : policy.explain(def.threshold.parameter)
  return def.threshold !== undefined && r !== undefined && r.status === "in-force" && r.entry !== undefined
    ? { comparator: def.threshold.comparator, value: r.value as number, parameter: def.threshold.parameter.id, effectiveFrom: r.entry.effectiveFrom, citation: r.entry.citation, verified: r.entry.verified }
    : undefined
}

/**
 * One indicator value from what a definition measured for one school (and major): the value, or "not
 * applicable" on a zero denominator or a missing fact (never NaN or Infinity), and the verdict against the
 * threshold. Shared by `compute` and by computations elsewhere (in a database) that measure the same parts.
 *
 * @since 0.1.0
 * @category constructors
 */
export const valueOf = (
  def: Definition,
  scope: { readonly schoolId: string; readonly majorCode: string | undefined; readonly period: Period },
  threshold: Value["threshold"],
  measured: { readonly numerator: { readonly value: number }; readonly denominator?: { readonly value: number } | undefined } | undefined,
  provenance: Value["provenance"]
): Value => {
  // Built field by field: object spreads cost about a microsecond each here, times every value.
  const v: { -readonly [K in keyof Value]: Value[K] } = {
    indicator: def.id,
    name: def.name,
    schoolId: scope.schoolId,
    period: scope.period,
    table: def.table,
    status: "ok",
    provenance
  }
  if (def.variant !== undefined) v.variant = def.variant
  if (scope.majorCode !== undefined) v.majorCode = scope.majorCode
  if (def.note !== undefined) v.note = def.note
  if (threshold !== undefined) v.threshold = threshold
  if (measured === undefined || (measured.denominator !== undefined && measured.denominator.value === 0)) {
    v.status = "not-applicable"
    if (measured !== undefined) {
      v.numerator = measured.numerator.value
      v.denominator = 0
    }
    return v
  }
  const value = measured.denominator === undefined ? measured.numerator.value : measured.numerator.value / measured.denominator.value
  v.value = value
  v.numerator = measured.numerator.value
  if (measured.denominator !== undefined) v.denominator = measured.denominator.value
  const verdict = threshold === undefined ? undefined : compare(value, threshold.comparator, threshold.value)
  if (verdict !== undefined) v.verdict = verdict ? "met" : "not-met"
  return v
}

/**
 * Computes the definitions for every school of the dataset (and every enrolling major, for major-scope ones)
 * over a period, with thresholds from the policy in force on the period's last day.
 *
 * @since 0.1.0
 * @category combinators
 */
export const compute = (definitions: ReadonlyArray<Definition>, data: Dataset, period: Period, policy: Resolved): ReadonlyArray<Value> => {
  const ix = index(data, period, policy)
  const out: Array<Value> = []
  // One policy, one period: each definition's threshold is resolved once, shared by every value.
  const thresholds = definitions.map((def) => thresholdOf(def, policy))
  const single: ReadonlyArray<Major | undefined> = [undefined]
  for (const school of ix.values()) {
    for (let d = 0; d < definitions.length; d++) {
      const def = definitions[d]!
      if (def.appliesTo !== undefined && !def.appliesTo(school.school)) continue
      const scopes: ReadonlyArray<Major | undefined> = def.scope === "major" ? school.enrollingMajors : single
      const threshold = thresholds[d]
      for (const major of scopes) {
        const m = def.measure(school, major)
        out.push(valueOf(def, { schoolId: school.school.id, majorCode: major?.code, period }, threshold, m, provenanceOf(m?.numerator, m?.denominator)))
      }
    }
  }
  if (definitions.some((d) => d.id.startsWith("IND-"))) out.push(...dabiao(out, [...ix.values()].map((x) => x.school), period, policy))
  if (data.enterprises !== undefined && data.enterprises.length > 0) out.push(...enterpriseValues(data, period, policy))
  return out
}

/** The nine monitored fields of the 达标工程 (IND-DB-9FIELDS), as (indicator, variant) of the catalogue. */
export const dabiaoFields: ReadonlyArray<readonly [string, string | undefined]> = [
  ["IND-LAND", "total"],
  ["IND-LAND", "per-student"],
  ["IND-BUILD", "total"],
  ["IND-BUILD", "per-student"],
  ["IND-FT-60", undefined],
  ["IND-STR-20", undefined],
  ["IND-EQUIP", "total"],
  ["IND-EQUIP", "per-student"],
  ["IND-BOOKS", undefined]
]

const dbCitation = (policy: Resolved, p: Parameter.Parameter<number>) => {
  const r = policy.explain(p)
  return r.entry === undefined
    ? undefined
    : { comparator: ">=", value: r.value as number, parameter: p.id, effectiveFrom: r.entry.effectiveFrom, citation: r.entry.citation, verified: r.entry.verified }
}

/**
 * IND-DB-CLASS for each school in scope (IND-DB-SCOPE), from its nine fields (IND-DB-9FIELDS), and the
 * share of in-scope schools meeting all of them across the dataset (IND-DB-TARGET, `schoolId: "*"`). Reads only
 * the values already computed (the nine fields of each school), never records: `compute` calls it, and so does
 * a computation elsewhere (in a database) that produced the same values.
 *
 * @since 0.1.0
 * @category combinators
 */
export const dabiao = (
  values: ReadonlyArray<Value>,
  schools: ReadonlyArray<Pick<School, "id" | "type" | "attachedClassesOnly" | "foundedOn">>,
  period: Period,
  policy: Resolved
): ReadonlyArray<Value> => {
  const out: Array<Value> = []
  const minShare = policy.value(N.dabiaoBasicMinShare) ?? 0.9
  const maxMissed = policy.value(N.dabiaoBasicMaxMissed) ?? 2
  const newYear = policy.value(N.dabiaoNewSchoolYear) ?? 2022
  const inScopeMet: Array<string> = []
  const inScope: Array<string> = []
  const byKey = new Map<string, Value>()
  for (const v of values) byKey.set(`${v.schoolId}|${v.indicator}|${v.variant ?? ""}`, v)
  const name = { zh: "办学条件达标情况", en: "key conditions met" }
  for (const s of schools) {
    const founded = s.foundedOn === undefined ? undefined : Number(s.foundedOn.slice(0, 4))
    if (s.type === "technical" || s.attachedClassesOnly || (founded !== undefined && founded >= newYear)) {
      out.push({
        indicator: "IND-DB-CLASS",
        name,
        schoolId: s.id,
        period,
        status: "not-applicable",
        table: "资源表",
        note: { zh: "不纳入达标工程（IND-DB-SCOPE：技工学校另有标准、仅附设中职班或新设学校）", en: "outside the programme (IND-DB-SCOPE)" },
        provenance: { numerator: [], denominator: [] }
      })
      continue
    }
    inScope.push(s.id)
    const fields = dabiaoFields.map(([id, variant]) => byKey.get(`${s.id}|${id}|${variant ?? ""}`))
    const known = fields.filter((f): f is Value => f !== undefined && f.status === "ok" && f.verdict !== undefined)
    const met = known.filter((f) => f.verdict === "met")
    const missed = known.filter((f) => f.verdict === "not-met")
    // How close a missed field is: its share of the standard (for the ≤ cap of students per teacher, inverted).
    const closeEnough = missed.every((f) => {
      const t = f.threshold?.value ?? 0
      const v = f.value ?? 0
      return f.threshold?.comparator === "<=" ? v <= t / minShare : v >= t * minShare
    })
    const verdict = known.length < dabiaoFields.length ? undefined : missed.length === 0 ? "met" : missed.length <= maxMissed && closeEnough ? "basically-met" : "not-met"
    if (verdict === "met") inScopeMet.push(s.id)
    const threshold = dbCitation(policy, N.dabiaoBasicMinShare)
    out.push({
      indicator: "IND-DB-CLASS",
      name,
      schoolId: s.id,
      period,
      status: verdict === undefined ? "not-applicable" : "ok",
      value: met.length,
      numerator: met.length,
      denominator: dabiaoFields.length,
      ...(verdict === undefined ? {} : { verdict }),
      ...(threshold === undefined ? {} : { threshold }),
      table: "资源表",
      note: {
        zh: verdict === undefined ? "九项监测指标数据不全" : `九项监测指标达标 ${met.length} 项；“基本达标”的判定方法未经核实`,
        en: verdict === undefined ? "the nine fields are incomplete" : `${met.length} of 9 fields met; how 'basically met' is decided is unverified`
      },
      provenance: { numerator: met.map((f) => `${f.indicator}${f.variant ? `/${f.variant}` : ""}`), denominator: dabiaoFields.map(([id, v]) => `${id}${v ? `/${v}` : ""}`) }
    })
  }
  const target = dbCitation(policy, N.dabiaoTargetShare)
  const share = inScope.length === 0 ? undefined : inScopeMet.length / inScope.length
  out.push({
    indicator: "IND-DB-TARGET",
    name: { zh: "全部重点监测指标达标的学校比例", en: "share of schools meeting every key indicator" },
    schoolId: "*",
    period,
    status: share === undefined ? "not-applicable" : "ok",
    ...(share === undefined ? {} : { value: share, numerator: inScopeMet.length, denominator: inScope.length }),
    ...(share !== undefined && target !== undefined ? { verdict: share >= target.value ? ("met" as const) : ("not-met" as const), threshold: target } : {}),
    table: "落实政策表",
    provenance: { numerator: inScopeMet, denominator: inScope }
  })
  return out
}

/**
 * One enterprise's PEI-INTERN-60 and PEI-ONE-OF values from what the records show: the students it hosted on
 * internships of the policy's minimum length in the period, and which Art. 5 conditions hold (order or
 * apprenticeship classes — counted with PEI-INTERN-60 met —, an apprenticeship agreement in force, a co-built
 * shared training base). Shared by `compute` and by computations elsewhere (in a database).
 *
 * @since 0.1.0
 * @category constructors
 */
export const enterpriseValuesOf = (
  enterpriseId: string,
  period: Period,
  policy: Resolved,
  hosted: ReadonlyArray<string>,
  conditions: { readonly orderClass: boolean; readonly apprenticeship: boolean; readonly sharedBase: boolean }
): readonly [Value, Value] => {
  const minInterns = policy.explain(N.peiMinInternsPerYear)
  const threshold =
    minInterns.entry === undefined
      ? undefined
      : { comparator: ">=", value: minInterns.value as number, parameter: N.peiMinInternsPerYear.id, effectiveFrom: minInterns.entry.effectiveFrom, citation: minInterns.entry.citation, verified: minInterns.entry.verified }
  const met60 = threshold !== undefined && hosted.length >= threshold.value
  const met: Array<string> = []
  if (met60 && conditions.orderClass) met.push("order-class-and-interns")
  if (conditions.apprenticeship) met.push("apprenticeship")
  if (conditions.sharedBase) met.push("shared-base")
  return [
    {
      indicator: "PEI-INTERN-60",
      name: { zh: "年接收3个月以上实习学生数", en: "interns a year on 3-month-plus internships" },
      schoolId: "*",
      enterpriseId,
      period,
      status: "ok",
      value: hosted.length,
      numerator: hosted.length,
      ...(threshold === undefined ? {} : { threshold, verdict: met60 ? ("met" as const) : ("not-met" as const) }),
      table: "服务贡献表",
      note: { zh: "门槛数值未经核实（发改社会〔2019〕590号第五条）", en: "the threshold is unverified" },
      provenance: { numerator: hosted, denominator: [] }
    },
    {
      indicator: "PEI-ONE-OF",
      name: { zh: "满足产教融合型企业条件之一", en: "meets one condition of an industry–education enterprise" },
      schoolId: "*",
      enterpriseId,
      period,
      status: "ok",
      value: met.length,
      numerator: met.length,
      verdict: met.length >= 1 ? "met" : "not-met",
      table: "服务贡献表",
      note: { zh: "条件列表未完全核实；仅依据记录可见的条件", en: "the list of conditions is partly unverified; only those the records show" },
      provenance: { numerator: met, denominator: [] }
    }
  ]
}

/**
 * 产教融合型企业 conditions for each enterprise: PEI-INTERN-60 (unverified: interns a year on internships of
 * 3 months or more) and PEI-ONE-OF (at least one Art. 5 condition the records show: order or apprenticeship
 * classes with those interns, an apprenticeship agreement in force, a co-built shared training base).
 */
const enterpriseValues = (data: Dataset, period: Period, policy: Resolved): ReadonlyArray<Value> => {
  const out: Array<Value> = []
  const months = policy.value(N.peiMinInternshipMonths) ?? 3
  const interns = new Map<string, Set<string>>()
  for (const i of data.internships ?? []) {
    const code = i.unit.creditCode
    if (code === undefined || i.start > period.end || i.end < period.start) continue
    if (i.end < Iso.addDays(Iso.addMonths(i.start, months), -1)) continue
    const set = interns.get(code) ?? new Set()
    set.add(i.studentId)
    interns.set(code, set)
  }
  const agreementsByEnterprise = new Map<string, Array<CooperationAgreement>>()
  for (const a of data.cooperation ?? []) {
    const list = agreementsByEnterprise.get(a.enterpriseId) ?? []
    list.push(a)
    agreementsByEnterprise.set(a.enterpriseId, list)
  }
  const classAgreements = new Set(data.students.filter((s) => s.cooperativeClass !== undefined).map((s) => s.cooperativeClass!.agreementId))
  for (const e of data.enterprises ?? []) {
    const hosted = [...(interns.get(e.creditCode) ?? [])].sort()
    const agreements = agreementsByEnterprise.get(e.id) ?? []
    out.push(
      ...enterpriseValuesOf(e.id, period, policy, hosted, {
        orderClass: agreements.some((a) => classAgreements.has(a.id)),
        apprenticeship: (data.apprenticeships ?? []).some((a) => a.enterpriseId === e.id && a.term.start <= period.end && a.term.end >= period.start),
        sharedBase: (data.trainingBases ?? []).some((b) => b.coBuiltWith.includes(e.id))
      })
    )
  }
  return out
}

/**
 * The same indicators over two periods, with the change and its direction (year over year).
 *
 * @since 0.1.0
 * @category combinators
 */
export const yearOverYear = (previous: ReadonlyArray<Value>, current: ReadonlyArray<Value>) => {
  const key = (v: Value) => `${v.indicator}|${v.variant ?? ""}|${v.schoolId}|${v.majorCode ?? ""}`
  const before = new Map(previous.map((v) => [key(v), v] as const))
  return current.map((v) => {
    const p = before.get(key(v))
    const change = p?.value !== undefined && v.value !== undefined ? v.value - p.value : undefined
    return { current: v, previous: p, change, direction: change === undefined ? undefined : change > 0 ? ("up" as const) : change < 0 ? ("down" as const) : ("same" as const) }
  })
}
