/**
 * The aggregate types the store keeps: each with its Schema (every write is decoded with it), how its id and
 * its query columns are read, and — for agreements — the core's life-cycle machine that every transition goes
 * through.
 *
 * @since 0.1.0
 */
import { Agreement, Agreements, Assessment, Enterprise, Indicators, Internship, School, Student, Teacher } from "@chanjiao/core"
import type { Lifecycle, Policy } from "@chanjiao/core"
import type * as Schema from "effect/Schema"

/**
 * The columns a driver indexes, read from an aggregate.
 *
 * @since 0.1.0
 * @category models
 */
export interface Keys {
  readonly schoolId: string | null
  readonly startsOn: string | null
  readonly endsOn: string | null
  readonly naturalKey: string | null
}

/**
 * An aggregate type.
 *
 * @since 0.1.0
 * @category models
 */
export interface AggregateType<A, I = unknown> {
  /** The stored type name, e.g. `teacher`. */
  readonly type: string
  readonly label: { readonly zh: string; readonly en: string }
  readonly schema: Schema.Schema<A, I, never>
  readonly idOf: (a: A) => string
  readonly keys: (a: A) => Keys
  /**
   * A type whose school is its parent's (an assessment belongs to its internship's school): the parent must
   * exist, and the school is read from it.
   */
  readonly parent?: { readonly type: string; readonly idOf: (a: A) => string }
  /** The life-cycle machine, under the policy the caller resolved. */
  readonly machine?: (policy: Policy.Resolved) => Lifecycle.Machine<A>
}

const keys = (schoolId: string | null, startsOn: string | null = null, endsOn: string | null = null, naturalKey: string | null = null): Keys => ({ schoolId, startsOn, endsOn, naturalKey })

const define = <A, I>(t: AggregateType<A, I>): AggregateType<A, I> => t

type For<S extends Schema.Schema.AnyNoContext> = AggregateType<Schema.Schema.Type<S>, Schema.Schema.Encoded<S>>

/**
 * The aggregate types, by name.
 *
 * @since 0.1.0
 * @category models
 */
export interface Types {
  readonly school: For<typeof School.School>
  readonly major: For<typeof School.Major>
  readonly "training-base": For<typeof School.TrainingBase>
  readonly enterprise: For<typeof Enterprise.Enterprise>
  readonly teacher: For<typeof Teacher.Teacher>
  readonly student: For<typeof Student.Student>
  readonly internship: For<typeof Internship.Internship>
  readonly assessment: For<typeof Assessment.Assessment>
  readonly "cooperation-agreement": For<typeof Agreement.CooperationAgreement>
  readonly "internship-agreement": For<typeof Agreement.InternshipAgreement>
  readonly "apprenticeship-agreement": For<typeof Agreement.ApprenticeshipAgreement>
  readonly "school-facts": For<typeof Indicators.SchoolFacts>
}

/**
 * Every aggregate type, by name.
 *
 * @since 0.1.0
 * @category constants
 */
export const types: Types = {
  school: define({
    type: "school",
    label: { zh: "学校", en: "school" },
    schema: School.School,
    idOf: (a) => a.id,
    // A school is its own school, so one school's dataset query finds it.
    keys: (a) => keys(a.id, null, null, `code:${a.code}`)
  }),
  major: define({
    type: "major",
    label: { zh: "专业", en: "major" },
    schema: School.Major,
    idOf: (a) => a.id,
    keys: (a) => keys(a.schoolId, null, null, `${a.schoolId}:${a.code}`)
  }),
  "training-base": define({
    type: "training-base",
    label: { zh: "实训基地", en: "training base" },
    schema: School.TrainingBase,
    idOf: (a) => a.id,
    keys: (a) => keys(a.schoolId)
  }),
  enterprise: define({
    type: "enterprise",
    label: { zh: "企业", en: "enterprise" },
    schema: Enterprise.Enterprise,
    idOf: (a) => a.id,
    keys: (a) => keys(null, null, null, a.creditCode)
  }),
  teacher: define({
    type: "teacher",
    label: { zh: "教师", en: "teacher" },
    schema: Teacher.Teacher,
    idOf: (a) => a.id,
    keys: (a) => keys(a.schoolId, a.hiredOn, a.leftOn ?? null, a.idNumber === undefined ? null : `${a.schoolId}:${a.idNumber}`)
  }),
  student: define({
    type: "student",
    label: { zh: "学生", en: "student" },
    schema: Student.Student,
    idOf: (a) => a.id,
    keys: (a) => keys(a.schoolId, a.enrolledOn, null, a.idNumber === undefined ? null : `${a.schoolId}:${a.idNumber}`)
  }),
  internship: define({
    type: "internship",
    label: { zh: "实习", en: "internship" },
    schema: Internship.Internship,
    idOf: (a) => a.id,
    keys: (a) => keys(a.schoolId, a.start, a.end)
  }),
  assessment: define({
    type: "assessment",
    label: { zh: "实习考核", en: "assessment" },
    schema: Assessment.Assessment,
    idOf: (a) => a.id,
    keys: () => keys(null),
    parent: { type: "internship", idOf: (a) => a.internshipId }
  }),
  "cooperation-agreement": define({
    type: "cooperation-agreement",
    label: { zh: "校企合作协议", en: "cooperation agreement" },
    schema: Agreement.CooperationAgreement,
    idOf: (a) => a.id,
    keys: (a) => keys(a.schoolId, a.term.start, a.term.end),
    machine: () => Agreements.cooperation
  }),
  "internship-agreement": define({
    type: "internship-agreement",
    label: { zh: "实习三方协议", en: "tripartite internship agreement" },
    schema: Agreement.InternshipAgreement,
    idOf: (a) => a.id,
    keys: (a) => keys(a.schoolId, a.term.start, a.term.end),
    machine: (policy) => Agreements.tripartite(() => policy)
  }),
  "apprenticeship-agreement": define({
    type: "apprenticeship-agreement",
    label: { zh: "学徒培养协议", en: "apprenticeship agreement" },
    schema: Agreement.ApprenticeshipAgreement,
    idOf: (a) => a.id,
    keys: (a) => keys(a.schoolId, a.term.start, a.term.end),
    machine: () => Agreements.apprenticeship
  }),
  "school-facts": define({
    type: "school-facts",
    label: { zh: "办学条件数据", en: "school facts" },
    schema: Indicators.SchoolFacts,
    // One record per school and date.
    idOf: (a) => `${a.schoolId}@${a.asOf}`,
    keys: (a) => keys(a.schoolId, a.asOf, a.asOf)
  })
}

/**
 * The name of an aggregate type.
 *
 * @since 0.1.0
 * @category models
 */
export type TypeName = keyof typeof types

/**
 * The aggregate of a type name.
 *
 * @since 0.1.0
 * @category models
 */
export type Of<K extends TypeName> = (typeof types)[K] extends AggregateType<infer A, infer _I> ? A : never

/**
 * The names of the types with a life cycle.
 *
 * @since 0.1.0
 * @category models
 */
export type WithLifecycle = "cooperation-agreement" | "internship-agreement" | "apprenticeship-agreement"

/**
 * @since 0.1.0
 * @category guards
 */
export const isTypeName = (s: string): s is TypeName => Object.prototype.hasOwnProperty.call(types, s)
