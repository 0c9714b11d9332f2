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
 * What one school looks like on the snapshot date, built in one pass over each collection: the ids of the
 * records in each population, so every indicator reads counts and provenance from here.
 *
 * @since 0.1.0
 * @category models
 */
export interface SchoolIndex {
  readonly school: School
  readonly students: Array<string>
  readonly studentsWithProject: Array<string>
  readonly studentsInCooperativeClass: Array<string>
  readonly fullTime: Array<string>
  readonly fullTimeProfessional: Array<string>
  readonly fullTimeSenior: Array<string>
  readonly dualHeldProfessional: Array<string>
  readonly dualHeldFullTime: Array<string>
  readonly partTime: Array<string>
  readonly partTimeFromPartners: Array<string>
  readonly withCurrentPlan: Array<string>
  readonly practiceApplicable: Array<string>
  readonly practiceCompliant: Array<string>
  readonly midTitleByMajor: Map<string, Array<string>>
  readonly enrollingMajors: Array<Major>
  readonly partnerByMajor: Map<string, Array<string>>
  readonly mechanisms: Map<string, Array<string>>
  readonly postInternshipsEnded: Array<string>
  readonly postInternshipsAssessedByBoth: Array<string>
  readonly postInternships: Array<string>
  readonly postInternshipsMatching: Array<string>
  readonly postInternshipsCompliant: Array<string>
  readonly coBuiltBases: Array<string>
  readonly coBuiltBasesByMajor: Map<string, Array<string>>
  readonly textbooks: Array<string>
  socialTrainingPersonTimes: number
  readonly socialTrainingRecords: Array<string>
  readonly technicalServices: Array<string>
  facts: SchoolFacts | undefined
}

const emptyIndex = (school: School): SchoolIndex => ({
  school,
  students: [],
  studentsWithProject: [],
  studentsInCooperativeClass: [],
  fullTime: [],
  fullTimeProfessional: [],
  fullTimeSenior: [],
  dualHeldProfessional: [],
  dualHeldFullTime: [],
  partTime: [],
  partTimeFromPartners: [],
  withCurrentPlan: [],
  practiceApplicable: [],
  practiceCompliant: [],
  midTitleByMajor: new Map(),
  enrollingMajors: [],
  partnerByMajor: new Map(),
  mechanisms: new Map(),
  postInternshipsEnded: [],
  postInternshipsAssessedByBoth: [],
  postInternships: [],
  postInternshipsMatching: [],
  postInternshipsCompliant: [],
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

const inForce = (a: CooperationAgreement, on: IsoDate): boolean =>
  a.lifecycle !== undefined ? (a.lifecycle.state === "in-force" || a.lifecycle.state === "expiring") && a.term.start <= on && a.term.end >= on : a.term.start <= on && a.term.end >= on && a.signatures.length >= 2

/**
 * Indexes a dataset for a period under a policy (one pass over each collection).
 *
 * @since 0.1.0
 * @category constructors
 */
export const index = (data: Dataset, period: Period, policy: Resolved): ReadonlyMap<string, SchoolIndex> => {
  const on = period.end
  const out = new Map<string, SchoolIndex>()
  for (const s of data.schools) out.set(s.id, emptyIndex(s))
  const validity = policy.value(N.dsValidityYears) ?? 0
  const settings = Practice.settings(policy)
  const partnerEnterprises = new Map<string, Set<string>>()
  const agreementsInForce = new Set<string>()
  for (const a of data.cooperation ?? []) {
    const ix = out.get(a.schoolId)
    if (ix === undefined) continue
    // PLAN-TEXTBOOKS: co-developed materials delivered in the period, whatever the agreement's state now.
    for (const d of a.deliverables) if (d.kind === "textbook" && d.state === "delivered" && d.deliveredOn !== undefined && d.deliveredOn >= period.start && d.deliveredOn <= period.end) ix.textbooks.push(`${a.id}/${d.id}`)
    if (!inForce(a, on)) continue
    agreementsInForce.add(a.id)
    for (const m of a.leadingPartnerFor) push(ix.partnerByMajor, m, a.id)
    for (const mech of a.mechanisms) push(ix.mechanisms, mech, a.id)
    const set = partnerEnterprises.get(a.schoolId) ?? new Set()
    set.add(a.enterpriseCreditCode)
    partnerEnterprises.set(a.schoolId, set)
  }
  for (const m of data.majors) {
    const ix = out.get(m.schoolId)
    if (ix !== undefined && m.enrolling) ix.enrollingMajors.push(m)
  }
  for (const b of data.trainingBases ?? []) {
    const ix = out.get(b.schoolId)
    // PLAN-COBUILT-BASES: co-built with an enterprise under an agreement in force.
    if (ix === undefined || b.coBuiltWith.length === 0 || b.agreementId === undefined || !agreementsInForce.has(b.agreementId)) continue
    ix.coBuiltBases.push(b.id)
    for (const m of b.majorCodes) push(ix.coBuiltBasesByMajor, m, b.id)
  }
  for (const st of data.students) {
    const ix = out.get(st.schoolId)
    if (ix === undefined || st.status !== "enrolled" || !st.fullTimeDiploma || st.enrolledOn > on) continue
    ix.students.push(st.id)
    if (st.specialProject !== undefined && st.specialProject.assignedOn <= on) ix.studentsWithProject.push(st.id)
    if (st.cooperativeClass !== undefined && st.cooperativeClass.joinedOn <= on) ix.studentsInCooperativeClass.push(st.id)
  }
  for (const t of data.teachers) {
    const ix = out.get(t.schoolId)
    if (ix === undefined || t.hiredOn > on || (t.leftOn !== undefined && t.leftOn <= on)) continue
    if (t.employment === "part-time") {
      if (t.partTime !== undefined && t.partTime.appointment.start <= on && t.partTime.appointment.end >= on) {
        ix.partTime.push(t.id)
        const code = t.partTime.employerCreditCode
        if (code !== undefined && partnerEnterprises.get(t.schoolId)?.has(code)) ix.partTimeFromPartners.push(t.id)
      }
      continue
    }
    ix.fullTime.push(t.id)
    const professional = t.courseType === "professional"
    if (professional) ix.fullTimeProfessional.push(t.id)
    let best = 0
    for (const x of t.titles) if (x.obtainedOn <= on && titleRank[x.level] > best) best = titleRank[x.level]
    if (best >= titleRank["associate-senior"]) ix.fullTimeSenior.push(t.id)
    if (t.dualQualifications.length > 0 && DualQualified.heldOn(t, on, validity).length > 0) {
      ix.dualHeldFullTime.push(t.id)
      if (professional) ix.dualHeldProfessional.push(t.id)
    }
    if (t.developmentPlan !== undefined && t.developmentPlan.period.start <= on && t.developmentPlan.period.end >= on) ix.withCurrentPlan.push(t.id)
    for (const sv of t.services) {
      if (sv.date < period.start || sv.date > period.end) continue
      if (sv.kind === "social-training") {
        ix.socialTrainingRecords.push(`${t.id}/${sv.title}@${sv.date}`)
        ix.socialTrainingPersonTimes += sv.beneficiaries ?? 0
      } else if (sv.kind === "technical-service") ix.technicalServices.push(`${t.id}/${sv.title}@${sv.date}`)
    }
    if (settings !== undefined && professional) {
      ix.practiceApplicable.push(t.id)
      if (Practice.evaluate(t, on, settings).status === "compliant") ix.practiceCompliant.push(t.id)
    }
    // IND-MAJOR-2MID: full-time teachers with a relevant 中级+ title, by the majors they teach.
    if (best >= titleRank.intermediate) for (const m of t.majorCodes) push(ix.midTitleByMajor, m, t.id)
  }
  // Which subjects assessed each internship, as bits (1 school, 2 enterprise).
  const assessed = new Map<string, number>()
  for (const a of data.assessments ?? []) {
    if (a.stage !== "result") continue
    assessed.set(a.internshipId, (assessed.get(a.internshipId) ?? 0) | (a.assessor === "school" ? 1 : 2))
  }
  // Built only when some internship's findings have to be computed here.
  let studentsById: ReadonlyMap<string, Student> | undefined
  let agreementsById: ReadonlyMap<string, InternshipAgreement> | undefined
  const checkers = new Map<string, InternshipGates.Checker>()
  const givenFindings = data.internshipFindings
  const internships = data.internships ?? []
  for (let k = 0; k < internships.length; k++) {
    const i = internships[k]!
    const ix = out.get(i.schoolId)
    if (ix === undefined || i.kind === "observation") continue
    if (i.start > period.end || i.end < period.start) continue
    ix.postInternships.push(i.id)
    // PLAN-INTERN-COMPLIANT: no violation among the internship's findings.
    let findings = givenFindings === undefined ? undefined : givenFindings.get(i.id)
    if (findings === undefined) {
      studentsById ??= new Map(data.students.map((st) => [st.id, st] as const))
      agreementsById ??= new Map((data.internshipAgreements ?? []).map((a) => [a.id, a] as const))
      const student = studentsById.get(i.studentId)
      if (student !== undefined) {
        let c = checkers.get(i.schoolId)
        if (c === undefined) {
          const sc = ix.school
          c = InternshipGates.checker(policy.policy, { province: sc.province, ...(sc.city === undefined ? {} : { city: sc.city }), school: sc.code })
          checkers.set(i.schoolId, c)
        }
        findings = c.check({ internship: i, student, agreement: i.agreementId === undefined ? undefined : agreementsById!.get(i.agreementId) })
      }
    }
    if (findings !== undefined && !hasViolation(findings)) ix.postInternshipsCompliant.push(i.id)
    if (i.post.majorMatch !== "unrelated") ix.postInternshipsMatching.push(i.id)
    if (i.end >= period.start && i.end <= period.end) {
      ix.postInternshipsEnded.push(i.id)
      if (assessed.get(i.id) === 3) ix.postInternshipsAssessedByBoth.push(i.id)
    }
  }
  for (const f of data.facts) {
    const ix = out.get(f.schoolId)
    if (ix !== undefined && f.asOf <= on && (ix.facts === undefined || f.asOf > ix.facts.asOf)) ix.facts = f
  }
  return out
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

const part = (ids: ReadonlyArray<string>): Part => ({ value: ids.length, ids })
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
      const used = ["talent", "bases", "staff", "information", "service", "culture"].filter((m) => ix.mechanisms.has(m))
      return { numerator: { value: used.length, ids: [...new Set(used.flatMap((m) => ix.mechanisms.get(m)!))].sort() } }
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
 * Computes the definitions for every school of the dataset (and every enrolling major, for major-scope ones)
 * over a period, with thresholds from the policy in force on the period's last day.
 *
 * @since 0.1.0
 * @category combinators
 */
export const compute = (definitions: ReadonlyArray<Definition>, data: Dataset, period: Period, policy: Resolved): ReadonlyArray<Value> => {
  const ix = index(data, period, policy)
  const out: Array<Value> = []
  for (const school of ix.values()) {
    for (const def of definitions) {
      if (def.appliesTo !== undefined && !def.appliesTo(school.school)) continue
      const scopes: ReadonlyArray<Major | undefined> = def.scope === "major" ? school.enrollingMajors : [undefined]
      for (const major of scopes) {
        const m = def.measure(school, major)
        const r = def.threshold === undefined ? undefined : policy.explain(def.threshold.parameter)
        const threshold =
          def.threshold !== undefined && r !== undefined && r.status === "in-force" && r.entry !== undefined
            ? { comparator: def.threshold.comparator, value: r.value as number, parameter: def.threshold.parameter.id, effectiveFrom: r.entry.effectiveFrom, citation: r.entry.citation, verified: r.entry.verified }
            : undefined
        // Built field by field: object spreads cost about a microsecond each here, times every value.
        const v: { -readonly [K in keyof Value]: Value[K] } = {
          indicator: def.id,
          name: def.name,
          schoolId: school.school.id,
          period,
          table: def.table,
          status: "ok",
          provenance: { numerator: m?.numerator.ids ?? [], denominator: m?.denominator?.ids ?? [] }
        }
        if (def.variant !== undefined) v.variant = def.variant
        if (major !== undefined) v.majorCode = major.code
        if (def.note !== undefined) v.note = def.note
        if (threshold !== undefined) v.threshold = threshold
        if (m === undefined || (m.denominator !== undefined && m.denominator.value === 0)) {
          v.status = "not-applicable"
          if (m !== undefined) {
            v.numerator = m.numerator.value
            v.denominator = 0
          }
          out.push(v)
          continue
        }
        const value = m.denominator === undefined ? m.numerator.value : m.numerator.value / m.denominator.value
        v.value = value
        v.numerator = m.numerator.value
        if (m.denominator !== undefined) v.denominator = m.denominator.value
        const verdict = threshold === undefined ? undefined : compare(value, threshold.comparator, threshold.value)
        if (verdict !== undefined) v.verdict = verdict ? "met" : "not-met"
        out.push(v)
      }
    }
  }
  if (definitions.some((d) => d.id.startsWith("IND-"))) out.push(...dabiao(out, [...ix.values()], period, policy))
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
 * share of in-scope schools meeting all of them across the dataset (IND-DB-TARGET, `schoolId: "*"`).
 */
const dabiao = (values: ReadonlyArray<Value>, schools: ReadonlyArray<SchoolIndex>, period: Period, policy: Resolved): ReadonlyArray<Value> => {
  const out: Array<Value> = []
  const minShare = policy.value(N.dabiaoBasicMinShare) ?? 0.9
  const maxMissed = policy.value(N.dabiaoBasicMaxMissed) ?? 2
  const newYear = policy.value(N.dabiaoNewSchoolYear) ?? 2022
  const inScopeMet: Array<string> = []
  const inScope: Array<string> = []
  const byKey = new Map<string, Value>()
  for (const v of values) byKey.set(`${v.schoolId}|${v.indicator}|${v.variant ?? ""}`, v)
  const name = { zh: "办学条件达标情况", en: "key conditions met" }
  for (const ix of schools) {
    const s = ix.school
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
 * 产教融合型企业 conditions for each enterprise: PEI-INTERN-60 (unverified: interns a year on internships of
 * 3 months or more) and PEI-ONE-OF (at least one Art. 5 condition the records show: order or apprenticeship
 * classes with those interns, an apprenticeship agreement in force, a co-built shared training base).
 */
const enterpriseValues = (data: Dataset, period: Period, policy: Resolved): ReadonlyArray<Value> => {
  const out: Array<Value> = []
  const minInterns = policy.explain(N.peiMinInternsPerYear)
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
    const threshold =
      minInterns.entry === undefined
        ? undefined
        : { comparator: ">=", value: minInterns.value as number, parameter: N.peiMinInternsPerYear.id, effectiveFrom: minInterns.entry.effectiveFrom, citation: minInterns.entry.citation, verified: minInterns.entry.verified }
    const met60 = threshold !== undefined && hosted.length >= threshold.value
    out.push({
      indicator: "PEI-INTERN-60",
      name: { zh: "年接收3个月以上实习学生数", en: "interns a year on 3-month-plus internships" },
      schoolId: "*",
      enterpriseId: e.id,
      period,
      status: "ok",
      value: hosted.length,
      numerator: hosted.length,
      ...(threshold === undefined ? {} : { threshold, verdict: met60 ? ("met" as const) : ("not-met" as const) }),
      table: "服务贡献表",
      note: { zh: "门槛数值未经核实（发改社会〔2019〕590号第五条）", en: "the threshold is unverified" },
      provenance: { numerator: hosted, denominator: [] }
    })
    const agreements = agreementsByEnterprise.get(e.id) ?? []
    const conditions: Array<string> = []
    if (met60 && agreements.some((a) => classAgreements.has(a.id))) conditions.push("order-class-and-interns")
    if ((data.apprenticeships ?? []).some((a) => a.enterpriseId === e.id && a.term.start <= period.end && a.term.end >= period.start)) conditions.push("apprenticeship")
    if ((data.trainingBases ?? []).some((b) => b.coBuiltWith.includes(e.id))) conditions.push("shared-base")
    out.push({
      indicator: "PEI-ONE-OF",
      name: { zh: "满足产教融合型企业条件之一", en: "meets one condition of an industry–education enterprise" },
      schoolId: "*",
      enterpriseId: e.id,
      period,
      status: "ok",
      value: conditions.length,
      numerator: conditions.length,
      verdict: conditions.length >= 1 ? "met" : "not-met",
      table: "服务贡献表",
      note: { zh: "条件列表未完全核实；仅依据记录可见的条件", en: "the list of conditions is partly unverified; only those the records show" },
      provenance: { numerator: conditions, denominator: [] }
    })
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
