/**
 * What the packs' own rules check, where core has no entity for it: an enterprise's yearly contribution
 * (ENT-LOCAL-JX-*), an apprenticeship training class (APP-TJ-RATIO), a school's title structure
 * (SD-TITLE-CAP) and an application to be a 产教融合型企业 (PEI-SD-SCOPE, PEI-JS-5Y). Each is a Schema, decoded at
 * the boundary with `Validation.decode` (a typed `InvalidInput` with Chinese and English messages, never a
 * throw), and each has a `check…` that runs the policy's rules for it.
 *
 * @since 0.1.0
 */
import { Enterprise, Entity, IsoDate, Policy, Teacher, Validation } from "@chanjiao/core"
import type { Errors, Finding } from "@chanjiao/core"
import type * as Either from "effect/Either"
import * as Schema from "effect/Schema"

const { Count, field, Id, Name, Quantity } = Entity

// Examples are checked by the tests (each decodes); typed loosely here as core's own `describe` does.
const describe = (identifier: string, zh: string, en: string, examples: ReadonlyArray<unknown>) =>
  ({ identifier, title: zh, description: `${zh} — ${en}`, examples: examples as never })

const Year = Schema.Number.pipe(Schema.int(), Schema.between(1990, 2100))

/**
 * One enterprise's yearly figures for the Jiangxi duties (ENT-LOCAL-JX-10, ENT-LOCAL-JX-2).
 *
 * @since 0.1.0
 * @category schemas
 */
export const EnterpriseContribution = Schema.Struct({
  enterpriseId: field(Id, "企业编号", "enterprise id"),
  enterpriseName: field(Name, "企业名称", "enterprise name"),
  year: field(Year, "年度", "year"),
  aboveDesignatedSize: field(Schema.Boolean, "规模以上企业", "above designated size"),
  technicalPosts: field(Count, "技术岗位数", "technical posts"),
  internshipPosts: field(Count, "提供的顶岗（岗位）实习岗位数", "internship posts offered"),
  employees: field(Count, "在岗职工数", "employees on post"),
  teacherPracticePlaces: field(Count, "接收教师企业实践人数", "teachers hosted for practice")
}).annotations(
  describe("EnterpriseContribution", "企业年度校企合作贡献", "an enterprise's yearly cooperation figures", [
    { enterpriseId: "e-1", enterpriseName: "南昌某装备制造有限公司", year: 2024, aboveDesignatedSize: true, technicalPosts: 120, internshipPosts: 12, employees: 800, teacherPracticePlaces: 16 }
  ])
)

/**
 * @since 0.1.0
 * @category models
 */
export interface EnterpriseContribution extends Schema.Schema.Type<typeof EnterpriseContribution> {}

/**
 * An apprenticeship training class of one year (APP-TJ-RATIO): apprentices and mentors, class size, and the
 * class-hours delivered (centralised, of which online and video-recorded).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ApprenticeshipClass = Schema.Struct({
  id: field(Id, "培训班编号", "class id"),
  enterpriseId: field(Id, "企业编号", "enterprise id"),
  year: field(Year, "年度", "year"),
  apprentices: field(Count, "学徒人数", "apprentices"),
  mentors: field(Count, "企业导师人数", "enterprise mentors"),
  classSize: field(Count, "班级人数", "class size"),
  annualHours: field(Quantity, "年度培训学时", "class-hours in the year"),
  centralisedHours: field(Quantity, "集中培训学时", "centralised class-hours"),
  onlineHours: field(Quantity, "集中培训中的线上学时", "online centralised class-hours"),
  videoRecordedHours: field(Quantity, "集中培训中录像留存学时", "video-recorded centralised class-hours")
}).pipe(
  Schema.filter((c) =>
    c.centralisedHours > c.annualHours
      ? "集中培训学时不能多于年度培训学时 / centralised hours cannot exceed the year's hours"
      : c.onlineHours > c.centralisedHours || c.videoRecordedHours > c.centralisedHours
        ? "线上或录像学时不能多于集中培训学时 / online or recorded hours cannot exceed the centralised hours"
        : undefined
  ),
  Schema.annotations(
    describe("ApprenticeshipClass", "学徒培训班", "apprenticeship training class", [
      { id: "c-1", enterpriseId: "e-1", year: 2024, apprentices: 32, mentors: 4, classSize: 32, annualHours: 640, centralisedHours: 200, onlineHours: 80, videoRecordedHours: 60 }
    ])
  )
)

/**
 * @since 0.1.0
 * @category models
 */
export interface ApprenticeshipClass extends Schema.Schema.Type<typeof ApprenticeshipClass> {}

/**
 * The tiers of the Shandong title-structure standard: national key or provincial standardised schools first,
 * then two further tiers, then all others (SD-TITLE-CAP).
 *
 * @since 0.1.0
 * @category schemas
 */
export const SchoolTier = Schema.Literal("tier-1", "tier-2", "tier-3", "other").annotations({
  identifier: "ShandongSchoolTier",
  title: "学校档次",
  description: "tier-1 国家级重点/省级规范化学校；tier-2 第二档；tier-3 第三档；other 其他学校 — the tier of the school"
})

/**
 * @since 0.1.0
 * @category models
 */
export type SchoolTier = typeof SchoolTier.Type

/**
 * A school's full-time teachers by title level on a date (SD-TITLE-CAP).
 *
 * @since 0.1.0
 * @category schemas
 */
export const TitleStructure = Schema.Struct({
  schoolId: field(Id, "学校编号", "school id"),
  tier: SchoolTier,
  fullTimeTeachers: field(Count, "专任教师数", "full-time teachers"),
  seniorTitles: field(Count, "高级职称人数", "senior titles (副高 and 正高)"),
  intermediateTitles: field(Count, "中级职称人数", "intermediate titles")
}).pipe(
  Schema.filter((s) =>
    s.seniorTitles + s.intermediateTitles > s.fullTimeTeachers
      ? "高级与中级职称人数之和不能多于专任教师数 / senior plus intermediate titles cannot exceed the full-time teachers"
      : undefined
  ),
  Schema.annotations(
    describe("TitleStructure", "教师职务结构", "title structure", [{ schoolId: "s-1", tier: "tier-2", fullTimeTeachers: 100, seniorTitles: 28, intermediateTitles: 40 }])
  )
)

/**
 * @since 0.1.0
 * @category models
 */
export interface TitleStructure extends Schema.Schema.Type<typeof TitleStructure> {}

/**
 * The title structure of a school's full-time teachers in post on a date, from the teacher records (the highest
 * title each holds, any series: 高级 = 副高 or 正高).
 *
 * @since 0.1.0
 * @category constructors
 */
export const titleStructureOf = (schoolId: string, tier: SchoolTier, teachers: ReadonlyArray<Teacher.Teacher>, asOf: IsoDate.IsoDate): TitleStructure => {
  let fullTimeTeachers = 0
  let seniorTitles = 0
  let intermediateTitles = 0
  for (const t of teachers) {
    if (t.schoolId !== schoolId || t.employment !== "full-time" || t.hiredOn > asOf || (t.leftOn !== undefined && t.leftOn <= asOf)) continue
    fullTimeTeachers++
    const level = Teacher.titleLevelOn(t, asOf)
    if (level === "associate-senior" || level === "senior") seniorTitles++
    else if (level === "intermediate") intermediateTitles++
  }
  return { schoolId, tier, fullTimeTeachers, seniorTitles, intermediateTitles }
}

/**
 * An enterprise's application to be certified as a 产教融合型企业, with the facts the local conditions ask about
 * (PEI-SD-SCOPE, PEI-JS-5Y). A fact left out is one the applicant has not stated: the rules say it needs
 * confirming rather than guess it.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PeiApplication = Schema.Struct({
  id: field(Id, "申报编号", "application id"),
  enterprise: Enterprise.Enterprise,
  appliedOn: field(IsoDate.IsoDate, "申报日期", "applied on"),
  taxPaidInProvince: Schema.optional(field(Schema.Boolean, "在本省纳税", "pays tax in the province")),
  independentLegalPerson: Schema.optional(field(Schema.Boolean, "具有独立法人资格", "independent legal person")),
  nationalMegaPrivate: Schema.optional(field(Schema.Boolean, "全国特大型民营企业", "national mega private enterprise")),
  majorAccident: Schema.optional(field(Schema.Boolean, "近年发生重大环境、安全、质量事故", "had a major environmental, safety or quality accident")),
  goodCredit: Schema.optional(field(Schema.Boolean, "信用记录良好", "good credit record")),
  taxViolation: Schema.optional(field(Schema.Boolean, "有涉税违法记录", "tax violation on record")),
  industryLeader: Schema.optional(field(Schema.Boolean, "行业龙头企业", "industry leader"))
}).annotations(
  describe("PeiApplication", "产教融合型企业申报", "industry–education integration enterprise application", [
    {
      id: "a-1",
      enterprise: { id: "e-1", creditCode: "91370828MA3C4P2X1N", name: "金乡县某电子商务有限公司", division: "370828", contacts: [] },
      appliedOn: "2024-06-01",
      taxPaidInProvince: true
    }
  ])
)

/**
 * @since 0.1.0
 * @category models
 */
export interface PeiApplication extends Schema.Schema.Type<typeof PeiApplication> {}

/**
 * Decoders for the subjects: unknown input in, the subject or an `InvalidInput` listing every problem (zh + en).
 *
 * @since 0.1.0
 * @category decoding
 */
export const decode: {
  readonly enterpriseContribution: (u: unknown) => Either.Either<EnterpriseContribution, Errors.InvalidInput>
  readonly apprenticeshipClass: (u: unknown) => Either.Either<ApprenticeshipClass, Errors.InvalidInput>
  readonly titleStructure: (u: unknown) => Either.Either<TitleStructure, Errors.InvalidInput>
  readonly peiApplication: (u: unknown) => Either.Either<PeiApplication, Errors.InvalidInput>
} = {
  enterpriseContribution: Validation.decode(EnterpriseContribution),
  apprenticeshipClass: Validation.decode(ApprenticeshipClass),
  titleStructure: Validation.decode(TitleStructure),
  peiApplication: Validation.decode(PeiApplication)
}

/**
 * ENT-LOCAL-JX-*: the findings for one enterprise's year.
 *
 * @since 0.1.0
 * @category combinators
 */
export const checkEnterpriseContribution = (policy: Policy.Resolved, s: EnterpriseContribution): ReadonlyArray<Finding.Finding> =>
  Policy.checkAll(policy, "EnterpriseContribution", s, { id: `${s.enterpriseId}@${s.year}`, label: s.enterpriseName })

/**
 * APP-TJ-RATIO: the findings for one apprenticeship class.
 *
 * @since 0.1.0
 * @category combinators
 */
export const checkApprenticeshipClass = (policy: Policy.Resolved, s: ApprenticeshipClass): ReadonlyArray<Finding.Finding> =>
  Policy.checkAll(policy, "ApprenticeshipClass", s, { id: s.id })

/**
 * SD-TITLE-CAP: the findings for one school's title structure.
 *
 * @since 0.1.0
 * @category combinators
 */
export const checkTitleStructure = (policy: Policy.Resolved, s: TitleStructure): ReadonlyArray<Finding.Finding> =>
  Policy.checkAll(policy, "TitleStructure", s, { id: s.schoolId })

/**
 * PEI-SD-SCOPE, PEI-JS-5Y: the findings for one application.
 *
 * @since 0.1.0
 * @category combinators
 */
export const checkPeiApplication = (policy: Policy.Resolved, s: PeiApplication): ReadonlyArray<Finding.Finding> =>
  Policy.checkAll(policy, "PeiApplication", s, { id: s.id, label: s.enterprise.name })
