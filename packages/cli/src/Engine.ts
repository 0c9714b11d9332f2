/**
 * What the commands compute from a store: every rule's findings on a date, the grades of the internships, the
 * agreements advanced to the date, and the indicators of a period — each for every school in the store (or the
 * ones asked for). Pure core calls over records loaded through the `Store` port.
 *
 * @since 0.1.0
 */
import { Agreements, Finding, Grading, Indicators, InternshipGates, IsoDate, National, Policy, TeacherQualification } from "@chanjiao/core"
import type { Agreement, Jurisdiction, School } from "@chanjiao/core"
import type { Errors, Store } from "@chanjiao/store"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"

/**
 * The policy in force for a school on a date (national ← province ← city ← school).
 *
 * @since 0.1.0
 * @category constructors
 */
export const policyFor = (school: School.School, on: IsoDate.IsoDate): Policy.Resolved => Policy.at(National.policy, jurisdictionOf(school), on)

/**
 * @since 0.1.0
 * @category constructors
 */
export const jurisdictionOf = (school: School.School): Jurisdiction.Jurisdiction =>
  ({ province: school.province, ...(school.city === undefined ? {} : { city: school.city }), school: school.code }) as Jurisdiction.Jurisdiction

/**
 * Everything a check finds, school by school.
 *
 * @since 0.1.0
 * @category models
 */
export interface Evaluation {
  readonly date: IsoDate.IsoDate
  readonly period: Indicators.Period
  readonly dataset: Indicators.Dataset
  /** All findings, in report order (violations first, then by rule and subject). */
  readonly findings: ReadonlyArray<Finding.Finding>
  /** The gates' findings per internship (for PLAN-INTERN-COMPLIANT). */
  readonly internshipFindings: ReadonlyMap<string, ReadonlyArray<Finding.Finding>>
  readonly grades: ReadonlyArray<Grading.Result>
  readonly teachers: ReadonlyArray<TeacherQualification.SchoolResult>
  readonly indicators: ReadonlyArray<Indicators.Value>
}

/**
 * The school year a date falls in (学年 from September 1).
 *
 * @since 0.1.0
 * @category constructors
 */
export const schoolYearOf = (on: IsoDate.IsoDate): Indicators.Period => {
  const year = Number(on.slice(0, 4))
  return on.slice(5) >= "09-01" ? Indicators.schoolYear(year) : Indicators.schoolYear(year - 1)
}

/**
 * Loads the store's records and evaluates every rule family on `date`, grades the internships and computes the
 * indicators of `period`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const evaluate = (
  store: Store.Service,
  options: {
    readonly date: IsoDate.IsoDate
    readonly period?: Indicators.Period
    readonly schoolIds?: ReadonlyArray<string>
    /** Called as the work goes: after loading, after each school's checks, after the indicators. */
    readonly onProgress?: (done: number, total: number) => void
  }
): Effect.Effect<Evaluation, Errors.StoreError> =>
  Effect.gen(function* () {
    const period = options.period ?? schoolYearOf(options.date)
    const dataset = yield* store.loadDataset({ ...(options.schoolIds === undefined ? {} : { schoolIds: options.schoolIds }), period: { start: period.start, end: period.end } })
    const findings: Array<Finding.Finding> = []
    const internshipFindings = new Map<string, ReadonlyArray<Finding.Finding>>()
    const grades: Array<Grading.Result> = []
    const teachers: Array<TeacherQualification.SchoolResult> = []
    const students = new Map(dataset.students.map((s) => [s.id, s] as const))
    const agreementsByInternship = new Map((dataset.internshipAgreements ?? []).map((a) => [a.internshipId, a] as const))
    const assessmentsByInternship = new Map<string, Array<NonNullable<Indicators.Dataset["assessments"]>[number]>>()
    for (const a of dataset.assessments ?? []) {
      const list = assessmentsByInternship.get(a.internshipId)
      if (list === undefined) assessmentsByInternship.set(a.internshipId, [a])
      else list.push(a)
    }
    const steps = dataset.schools.length + 2
    options.onProgress?.(1, steps)
    for (const [k, school] of dataset.schools.entries()) {
      options.onProgress?.(k + 1, steps)
      const policy = policyFor(school, options.date)
      // Internship gates (INT-*), each internship judged over its own dates.
      const checker = InternshipGates.checker(National.policy, jurisdictionOf(school))
      for (const i of dataset.internships ?? []) {
        if (i.schoolId !== school.id) continue
        const student = students.get(i.studentId)
        if (student === undefined) continue
        const fs = checker.check({ internship: i, student, agreement: agreementsByInternship.get(i.id) })
        internshipFindings.set(i.id, fs)
        findings.push(...fs)
        // Dual-subject grading (GRD-*), once the internship has assessments.
        const assessed = assessmentsByInternship.get(i.id)
        if (assessed !== undefined && i.end <= options.date) {
          const g = Grading.grade(i, assessed, policy)
          grades.push(g)
          findings.push(...g.findings)
        }
      }
      // Teachers (TCH-*, DS-*, PT-*): practice windows, 双师型 levels, part-time rules, cohort rules.
      const t = TeacherQualification.evaluateSchool({ schoolId: school.id, schoolType: school.type, teachers: dataset.teachers }, policy)
      teachers.push(t)
      findings.push(...t.findings, ...t.results.flatMap((r) => r.findings))
      // Agreements: expiry and deliverable warnings, majors without a leading partner (PLAN-MAJOR-PARTNER).
      const mine = <A extends { readonly schoolId: string }>(xs: ReadonlyArray<A> | undefined) => (xs ?? []).filter((x) => x.schoolId === school.id)
      findings.push(
        ...Agreements.warnings(
          {
            cooperation: mine(dataset.cooperation),
            tripartite: mine(dataset.internshipAgreements) as ReadonlyArray<Agreement.InternshipAgreement>,
            apprenticeships: mine(dataset.apprenticeships),
            majors: mine(dataset.majors)
          },
          policy,
          school.id
        )
      )
    }
    findings.sort(Finding.order)
    const last = dataset.schools[0]
    const indicatorPolicy = last === undefined ? Policy.at(National.policy, {} as Jurisdiction.Jurisdiction, period.end) : policyFor(last, period.end)
    options.onProgress?.(steps - 1, steps)
    const indicators = Indicators.compute(Indicators.catalogue, { ...dataset, internshipFindings }, period, indicatorPolicy)
    options.onProgress?.(steps, steps)
    return { date: options.date, period, dataset, findings, internshipFindings, grades, teachers, indicators } satisfies Evaluation
  })

/**
 * Advances every agreement with a life cycle to `date` through the store (start, expiring, expiry — the changes
 * due by the dates in the data); returns how many changed.
 *
 * @since 0.1.0
 * @category combinators
 */
export const advanceAgreements = (
  store: Store.Service,
  options: { readonly date: IsoDate.IsoDate; readonly actor: string; readonly at: DateTime.Utc }
): Effect.Effect<number, Errors.StoreError | Errors.Conflict | Errors.UnknownType> =>
  Effect.gen(function* () {
    let changed = 0
    const schools = new Map((yield* store.list("school")).map((s) => [s.id, s.value] as const))
    for (const type of ["cooperation-agreement", "internship-agreement", "apprenticeship-agreement"] as const) {
      for (const a of yield* store.list(type)) {
        const school = schools.get((a.value as { schoolId: string }).schoolId)
        const policy = school === undefined ? Policy.at(National.policy, {} as Jurisdiction.Jurisdiction, options.date) : policyFor(school, options.date)
        const r = yield* store.advance(type, a.id, { actor: options.actor, at: options.at, expectedVersion: a.version, policy })
        if (r.emitted.length > 0) changed++
      }
    }
    return changed
  })
