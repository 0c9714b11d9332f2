/**
 * The indicator catalogue as SQL can compute it: for each definition of `Indicators.catalogue` (by id and
 * variant), which populations its numerator and denominator count, mirroring the predicates of
 * `Indicators.index` and the `measure` of each definition exactly. A definition missing here cannot be computed
 * in the database (a test fails when the core's catalogue has one this table does not cover).
 *
 * @internal
 */

/** A population of one school (counted and listed by the queries of `indb-compute.ts`). */
export type Population =
  | "students"
  | "studentsWithProject"
  | "studentsInCooperativeClass"
  | "fullTime"
  | "fullTimeProfessional"
  | "fullTimeSenior"
  | "dualHeldProfessional"
  | "dualHeldFullTime"
  | "partTime"
  | "partTimeFromPartners"
  | "withCurrentPlan"
  | "practiceApplicable"
  | "practiceCompliant"
  | "postInternships"
  | "postInternshipsMatching"
  | "postInternshipsCompliant"
  | "postInternshipsEnded"
  | "postInternshipsAssessedByBoth"
  | "coBuiltBases"
  | "textbooks"
  | "socialTraining"
  | "technicalServices"
  | "enrollingMajors"
  | "majorsWithPartner"
  | "mechanismAgreements"

/** A population of one school and major (`k` = the major code). */
export type MajorPopulation = "midTitleByMajor" | "coBuiltBasesByMajor"

/** A school fact (IND-LAND, IND-BUILD, IND-TRACK, IND-EQUIP, IND-BOOKS). */
export type Fact = "land" | "building" | "track" | "equipment" | "books"

/** How a definition is measured. */
export type Measure =
  | { readonly kind: "count"; readonly numerator: Population }
  | { readonly kind: "ratio"; readonly numerator: Population; readonly denominator: Population }
  /** The sum of the records' values (PLAN-SOCIAL-TRAINING: person-times), the records as provenance. */
  | { readonly kind: "sum"; readonly numerator: Population }
  | { readonly kind: "major"; readonly numerator: MajorPopulation }
  | { readonly kind: "fact"; readonly fact: Fact }
  | { readonly kind: "per-student"; readonly fact: Fact }
  /** PLAN-SIX-MECHANISMS: how many of the six mechanisms are in use; provenance: the agreements running one. */
  | { readonly kind: "mechanisms" }

/** Which schools a definition applies to (`appliesTo` of the core's definition). */
export type Applies = "all" | "technical" | "not-technical"

export interface Compiled {
  readonly applies: Applies
  readonly measure: Measure
}

const ratio = (numerator: Population, denominator: Population, applies: Applies = "all"): Compiled => ({ applies, measure: { kind: "ratio", numerator, denominator } })
const count = (numerator: Population, applies: Applies = "all"): Compiled => ({ applies, measure: { kind: "count", numerator } })
const fact = (f: Fact, applies: Applies = "all"): Compiled => ({ applies, measure: { kind: "fact", fact: f } })
const perStudent = (f: Fact, applies: Applies = "all"): Compiled => ({ applies, measure: { kind: "per-student", fact: f } })

/** `id` or `id/variant`. */
export const keyOf = (d: { readonly id: string; readonly variant?: string | undefined }): string => (d.variant === undefined ? d.id : `${d.id}/${d.variant}`)

/** The compiled catalogue, by `keyOf`. */
export const compiled: Readonly<Record<string, Compiled>> = {
  "IND-ENROL-1200": count("students"),
  "IND-FT-60": count("fullTime"),
  "IND-STR-20": ratio("students", "fullTime"),
  "IND-SENIOR-20": ratio("fullTimeSenior", "fullTime"),
  "IND-PROF-50": ratio("fullTimeProfessional", "fullTime"),
  "IND-DS-30/professional-base": ratio("dualHeldProfessional", "fullTimeProfessional"),
  "IND-DS-30/full-time-base": ratio("dualHeldFullTime", "fullTime"),
  "IND-MAJOR-2MID": { applies: "all", measure: { kind: "major", numerator: "midTitleByMajor" } },
  "PT-SHARE-STD": ratio("partTime", "fullTime"),
  "IND-LAND/total": fact("land", "not-technical"),
  "IND-LAND/per-student": perStudent("land", "not-technical"),
  "IND-BUILD/total": fact("building", "not-technical"),
  "IND-BUILD/per-student": perStudent("building", "not-technical"),
  "IND-TRACK": fact("track"),
  "IND-EQUIP/total": fact("equipment", "not-technical"),
  "IND-EQUIP/per-student": perStudent("equipment"),
  "IND-BOOKS": perStudent("books"),
  "TCH-DS-TARGET": ratio("dualHeldProfessional", "fullTimeProfessional"),
  "PLAN-MAJOR-PARTNER": ratio("majorsWithPartner", "enrollingMajors"),
  "PLAN-TEACHER-PLAN": ratio("withCurrentPlan", "fullTime"),
  "PLAN-STUDENT-PROJECT": ratio("studentsWithProject", "students"),
  "PLAN-SIX-MECHANISMS": { applies: "all", measure: { kind: "mechanisms" } },
  "PLAN-ENTERPRISE-TEACHERS": ratio("partTimeFromPartners", "fullTimeProfessional"),
  "PLAN-ORDER-CLASS": ratio("studentsInCooperativeClass", "students"),
  "PLAN-DUAL-ASSESS": ratio("postInternshipsAssessedByBoth", "postInternshipsEnded"),
  "PLAN-PRACTICE-COMPLIANT": ratio("practiceCompliant", "practiceApplicable"),
  "PLAN-INTERN-MATCH": ratio("postInternshipsMatching", "postInternships"),
  "PLAN-INTERN-COMPLIANT": ratio("postInternshipsCompliant", "postInternships"),
  "PLAN-COBUILT-BASES/total": count("coBuiltBases"),
  "PLAN-COBUILT-BASES/per-major": { applies: "all", measure: { kind: "major", numerator: "coBuiltBasesByMajor" } },
  "PLAN-TEXTBOOKS": count("textbooks"),
  "PLAN-SOCIAL-TRAINING": { applies: "all", measure: { kind: "sum", numerator: "socialTraining" } },
  "PLAN-SERVICE": count("technicalServices"),
  "IND-TECH-SCHOOL/land": fact("land", "technical"),
  "IND-TECH-SCHOOL/building": fact("building", "technical"),
  "IND-TECH-SCHOOL/building-per-student": perStudent("building", "technical"),
  "IND-TECH-SCHOOL/majors": count("enrollingMajors", "technical"),
  "IND-TECH-SCHOOL/diploma-students": count("students", "technical"),
  "IND-TECH-SCHOOL/equipment": fact("equipment", "technical")
}
