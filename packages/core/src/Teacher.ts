/**
 * Teachers: full-time (专任) and part-time (兼职, from enterprises); professional-course or public-course;
 * their titles, certificates and skill levels, enterprise experience and practice records, 双师型
 * certifications, ethics appraisals and personal development plan (一师一方案).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Count, Extensions, field, Id, list, Name, Note, Period, Quantity, Sex } from "./Entity.js"
import * as Identity from "./Identity.js"
import { CreditCode, IdNumber, MajorCode, MobileNumber } from "./Identity.js"
import { describe } from "./internal/annotations.js"
import type { IsoDate } from "./IsoDate.js"
import * as Iso from "./IsoDate.js"
import type { Text } from "./Text.js"

/**
 * A professional title level: none, 初级, 中级, 副高级, 正高级 (副高 and 正高 are 高级专业技术职务).
 *
 * @since 0.1.0
 * @category schemas
 */
export const TitleLevel = Schema.Literal("none", "junior", "intermediate", "associate-senior", "senior").annotations(
  describe({
    identifier: "TitleLevel",
    zh: "职称级别",
    en: "title level",
    descriptionZh: "none 无；junior 初级；intermediate 中级；associate-senior 副高级；senior 正高级",
    descriptionEn: "none, junior, intermediate, associate senior, senior"
  })
)

/**
 * @since 0.1.0
 * @category models
 */
export type TitleLevel = typeof TitleLevel.Type

/**
 * @since 0.1.0
 * @category constants
 */
export const titleLevelLabel: { readonly [K in TitleLevel]: Text } = {
  none: { zh: "无", en: "none" },
  junior: { zh: "初级", en: "junior" },
  intermediate: { zh: "中级", en: "intermediate" },
  "associate-senior": { zh: "副高级", en: "associate senior" },
  senior: { zh: "正高级", en: "senior" }
}

/**
 * Ranks title levels for comparisons ("中级 or above").
 *
 * @since 0.1.0
 * @category constants
 */
export const titleRank: { readonly [K in TitleLevel]: number } = { none: 0, junior: 1, intermediate: 2, "associate-senior": 3, senior: 4 }

/**
 * A professional title held.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Title = Schema.Struct({
  level: TitleLevel,
  name: field(Name, "职称名称", "title", "如 讲师、高级讲师、工程师"),
  series: field(Schema.Literal("teacher", "engineering", "economics", "accounting", "health", "agriculture", "art", "other"), "职称系列", "title series"),
  field: Schema.optional(field(Schema.String, "专业领域", "field")),
  obtainedOn: field(Iso.IsoDate, "取得日期", "obtained on")
}).annotations(describe({ identifier: "Title", zh: "职称", en: "professional title" }))

/**
 * A certificate: teacher qualification, vocational skill level, vocational or professional qualification,
 * industry certificate.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Certificate = Schema.Struct({
  kind: field(
    Schema.Literal("teacher-qualification", "skill-level", "vocational-qualification", "professional-qualification", "industry", "other"),
    "证书类别",
    "kind",
    "teacher-qualification 教师资格；skill-level 职业技能等级；vocational-qualification 职业资格；professional-qualification 专业技术资格；industry 行业证书"
  ),
  name: field(Name, "证书名称", "certificate"),
  level: Schema.optional(field(Schema.String, "等级", "level")),
  number: Schema.optional(field(Schema.String, "证书编号", "number")),
  issuer: Schema.optional(field(Schema.String, "发证机构", "issuer")),
  issuedOn: field(Iso.IsoDate, "发证日期", "issued on"),
  expiresOn: Schema.optional(field(Iso.IsoDate, "有效期至", "expires on"))
}).annotations(describe({ identifier: "Certificate", zh: "证书", en: "certificate" }))

/**
 * A vocational skill level (职业技能等级), 五级/初级工 up to 一级/高级技师.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SkillLevel = Schema.Literal("level-5", "level-4", "level-3", "level-2", "level-1").annotations(
  describe({
    identifier: "SkillLevel",
    zh: "职业技能等级",
    en: "vocational skill level",
    descriptionZh: "level-5 初级工；level-4 中级工；level-3 高级工；level-2 技师；level-1 高级技师",
    descriptionEn: "level 5 (junior worker) to level 1 (senior technician)"
  })
)

/**
 * @since 0.1.0
 * @category models
 */
export type SkillLevel = typeof SkillLevel.Type

/**
 * The forms of enterprise practice (TCH-EP-FORMS, 教师〔2016〕3号 Art. 6).
 *
 * @since 0.1.0
 * @category schemas
 */
export const PracticeForm = Schema.Literal("visit", "training", "post", "rnd", "other").annotations(
  describe({
    identifier: "PracticeForm",
    zh: "实践形式",
    en: "practice form",
    descriptionZh: "visit 考察观摩；training 接受企业培训；post 在企业兼职或任职；rnd 参与产品研发和技术创新；other 其他",
    descriptionEn: "visit/observation, enterprise training, part-time or full post, joint R&D, other"
  })
)

/**
 * What enterprise practice covered (TCH-EP-CONTENT, Art. 5): production and processes, post standards,
 * enterprise culture, and the "six new" items.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PracticeContent = Schema.Literal(
  "production-organisation",
  "processes",
  "industry-trends",
  "post-duties",
  "operating-norms",
  "skill-requirements",
  "hiring-standards",
  "management",
  "culture",
  "new-knowledge",
  "new-technology",
  "new-process",
  "new-material",
  "new-equipment",
  "new-standard"
).annotations(describe({ identifier: "PracticeContent", zh: "实践内容", en: "practice content" }))

/**
 * One period of enterprise practice (企业实践).
 *
 * @since 0.1.0
 * @category schemas
 */
export const PracticeRecord = Schema.Struct({
  id: field(Id, "实践记录编号", "practice record id"),
  enterpriseCreditCode: field(CreditCode, "企业统一社会信用代码", "enterprise credit code"),
  enterpriseName: field(Name, "实践企业", "enterprise"),
  form: PracticeForm,
  start: field(Iso.IsoDate, "开始日期", "start date"),
  end: field(Iso.IsoDate, "结束日期", "end date"),
  daysServed: Schema.optional(field(Count, "实际天数", "days actually served", "期间内实际在企业的天数（不填则按起止日期计）")),
  hoursServed: Schema.optional(field(Quantity, "实际学时", "hours actually served")),
  content: list(PracticeContent, "实践内容", "content"),
  confirmedBy: Schema.optional(field(Name, "企业确认人", "confirmed by")),
  confirmedOn: Schema.optional(field(Iso.IsoDate, "确认日期", "confirmed on"))
}).pipe(
  Schema.filter((r) =>
    r.end < r.start ? `结束日期 ${r.end} 早于开始日期 ${r.start} / end date ${r.end} is before start date ${r.start}` : undefined
  ),
  Schema.annotations(describe({ identifier: "PracticeRecord", zh: "企业实践记录", en: "enterprise practice record" }))
)

/**
 * @since 0.1.0
 * @category models
 */
export interface PracticeRecord extends Schema.Schema.Type<typeof PracticeRecord> {}

/**
 * A period of work in an enterprise before or besides teaching (TCH-EP-NEW, PT-EXP-YEARS).
 *
 * @since 0.1.0
 * @category schemas
 */
export const EnterpriseExperience = Schema.Struct({
  enterpriseName: field(Name, "企业名称", "enterprise"),
  creditCode: Schema.optional(field(CreditCode, "统一社会信用代码", "credit code")),
  post: field(Name, "岗位", "post"),
  start: field(Iso.IsoDate, "开始日期", "start date"),
  end: Schema.optional(field(Iso.IsoDate, "结束日期", "end date", "在职可不填"))
}).annotations(describe({ identifier: "EnterpriseExperience", zh: "企业工作经历", en: "enterprise work experience" }))

/**
 * A 双师型 certification held (TCH-DS-LEVELS): level, for which school type, by whom, and when; `revokedOn`
 * when revoked (DS-ETHICS-VETO).
 *
 * @since 0.1.0
 * @category schemas
 */
export const DualQualification = Schema.Struct({
  level: field(Schema.Literal("junior", "intermediate", "senior"), "双师型等级", "level", "junior 初级；intermediate 中级；senior 高级"),
  schoolType: field(Schema.Literal("secondary", "higher"), "认定类别", "school type", "secondary 中职；higher 高职"),
  certifier: field(Name, "认定机构", "certifier"),
  certifiedOn: field(Iso.IsoDate, "认定日期", "certified on"),
  number: Schema.optional(field(Schema.String, "证书编号", "number")),
  revokedOn: Schema.optional(field(Iso.IsoDate, "撤销日期", "revoked on"))
}).annotations(describe({ identifier: "DualQualification", zh: "双师型认定", en: "dual-qualified certification" }))

/**
 * A yearly ethics appraisal (师德考核); `unqualified` vetoes 双师型 certification during its impact period.
 *
 * @since 0.1.0
 * @category schemas
 */
export const EthicsAppraisal = Schema.Struct({
  year: field(Schema.Number.pipe(Schema.int(), Schema.between(1950, 2200)), "年度", "year"),
  result: field(Schema.Literal("excellent", "qualified", "basically-qualified", "unqualified"), "考核结果", "result", "excellent 优秀；qualified 合格；basically-qualified 基本合格；unqualified 不合格"),
  impactUntil: Schema.optional(field(Iso.IsoDate, "影响期至", "impact period until"))
}).annotations(describe({ identifier: "EthicsAppraisal", zh: "师德考核", en: "ethics appraisal" }))

/**
 * An award: skills competitions, teaching competitions, honours.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Award = Schema.Struct({
  kind: field(Schema.Literal("skills-competition", "teaching-competition", "honour", "other"), "奖项类别", "kind"),
  level: field(Schema.Literal("international", "national", "provincial", "city", "county", "school"), "级别", "level"),
  name: field(Name, "奖项名称", "award"),
  rank: Schema.optional(field(Schema.String, "名次/等次", "rank")),
  awardedOn: field(Iso.IsoDate, "获奖日期", "awarded on")
}).annotations(describe({ identifier: "Award", zh: "获奖", en: "award" }))

/**
 * Technical service, R&D or social training a teacher delivered.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ServiceRecord = Schema.Struct({
  kind: field(Schema.Literal("technical-service", "rnd", "social-training", "patent", "standard", "other"), "服务类别", "kind"),
  title: field(Name, "项目名称", "title"),
  date: field(Iso.IsoDate, "日期", "date"),
  beneficiaries: Schema.optional(field(Count, "受益人次", "beneficiaries"))
}).annotations(describe({ identifier: "ServiceRecord", zh: "技术服务", en: "service record" }))

/**
 * A school's confirmation of a qualitative criterion (e.g. DS-CAN-TEACH-THEORY-PRACTICE: able to teach both
 * theory and practice), by a person authorised to attest it.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Attestation = Schema.Struct({
  criterion: field(Schema.String.pipe(Schema.pattern(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/)), "认定条件编号", "criterion id", "如 DS-CAN-TEACH-THEORY-PRACTICE"),
  attestedBy: field(Name, "确认人", "attested by"),
  attestedOn: field(Iso.IsoDate, "确认日期", "attested on"),
  note: Schema.optional(field(Note, "说明", "note"))
}).annotations(describe({ identifier: "Attestation", zh: "条件确认", en: "attestation" }))

/**
 * @since 0.1.0
 * @category models
 */
export interface Attestation extends Schema.Schema.Type<typeof Attestation> {}

/**
 * A teacher's personal development plan (一师一方案).
 *
 * @since 0.1.0
 * @category schemas
 */
export const DevelopmentPlan = Schema.Struct({
  id: field(Id, "方案编号", "plan id"),
  period: Period,
  goals: list(
    Schema.Struct({
      text: field(Name, "目标", "goal"),
      dueOn: Schema.optional(field(Iso.IsoDate, "完成期限", "due on")),
      doneOn: Schema.optional(field(Iso.IsoDate, "完成日期", "done on"))
    }),
    "发展目标",
    "goals"
  ),
  targetLevel: Schema.optional(field(Schema.Literal("junior", "intermediate", "senior"), "目标双师型等级", "target dual-qualified level")),
  plannedPractice: list(
    Schema.Struct({
      start: field(Iso.IsoDate, "计划开始", "planned start"),
      end: field(Iso.IsoDate, "计划结束", "planned end"),
      days: Schema.optional(field(Count, "计划天数", "planned days")),
      enterpriseName: Schema.optional(field(Name, "实践企业", "enterprise"))
    }),
    "计划企业实践",
    "planned practice"
  ),
  updatedOn: field(Iso.IsoDate, "更新日期", "updated on")
}).annotations(describe({ identifier: "DevelopmentPlan", zh: "教师个人发展方案", en: "personal development plan" }))

/**
 * How a part-time (enterprise) teacher is engaged (PT-CHANNELS, PT-TERM, PT-EXP-YEARS).
 *
 * @since 0.1.0
 * @category schemas
 */
export const PartTimeEngagement = Schema.Struct({
  employerName: field(Name, "工作单位", "employer"),
  employerCreditCode: Schema.optional(field(CreditCode, "单位统一社会信用代码", "employer credit code")),
  channel: field(Schema.Literal("distinguished-professor", "guest-professor", "industry-mentor", "other"), "聘请方式", "channel", "特聘教授、客座教授、产业导师等"),
  mode: field(Schema.Literal("individual", "team", "mixed"), "聘请形式", "mode", "individual 个人；team 团队；mixed 混合"),
  appointment: Period,
  productionYears: field(Quantity, "相关生产经历（年）", "years of relevant production experience"),
  retired: field(Schema.Boolean, "已退休", "retired"),
  performanceFile: field(Schema.Boolean, "已建立业绩档案", "performance file kept", "PT-FILE")
}).annotations(describe({ identifier: "PartTimeEngagement", zh: "兼职聘任", en: "part-time engagement" }))

/**
 * @since 0.1.0
 * @category schemas
 */
export const Teacher = Schema.Struct({
  id: field(Id, "教师编号", "teacher id"),
  schoolId: field(Id, "学校编号", "school id"),
  name: field(Name, "姓名", "name"),
  idNumber: Schema.optional(field(IdNumber, "公民身份号码", "resident ID number")),
  birthDate: Schema.optional(field(Iso.IsoDate, "出生日期", "birth date", "填写身份证号时可不填，自动取号码中的日期")),
  sex: Schema.optional(Sex),
  mobile: Schema.optional(field(MobileNumber, "手机号码", "mobile number")),
  employment: field(Schema.Literal("full-time", "part-time"), "任职类型", "employment", "full-time 专任；part-time 兼职"),
  staffing: Schema.optional(field(Schema.Literal("establishment", "contract"), "编制情况", "staffing", "establishment 在编；contract 非在编（合同制）")),
  contractStart: Schema.optional(field(Iso.IsoDate, "聘期开始", "contract start")),
  courseType: field(Schema.Literal("professional", "public"), "课程类别", "course type", "professional 专业课；public 公共基础课"),
  internshipTutor: field(Schema.Boolean, "实习指导教师", "internship tutor"),
  hiredOn: field(Iso.IsoDate, "入职日期", "hired on"),
  leftOn: Schema.optional(field(Iso.IsoDate, "离职日期", "left on")),
  majorCodes: list(MajorCode, "任教专业", "majors taught"),
  titles: list(Title, "职称", "titles"),
  certificates: list(Certificate, "证书", "certificates"),
  skillLevel: Schema.optional(SkillLevel),
  enterpriseExperience: list(EnterpriseExperience, "企业工作经历", "enterprise experience"),
  practice: list(PracticeRecord, "企业实践", "enterprise practice"),
  dualQualifications: list(DualQualification, "双师型认定", "dual-qualified certifications"),
  ethicsAppraisals: list(EthicsAppraisal, "师德考核", "ethics appraisals"),
  awards: list(Award, "获奖", "awards"),
  services: list(ServiceRecord, "技术服务", "service records"),
  attestations: list(Attestation, "条件确认", "attestations"),
  developmentPlan: Schema.optional(DevelopmentPlan),
  partTime: Schema.optional(PartTimeEngagement),
  note: Schema.optional(Note),
  extensions: Schema.optional(Extensions)
}).pipe(
  Schema.filter((t) => {
    const identity = Identity.personInconsistency(t)
    if (identity !== undefined) return identity
    if (t.employment === "part-time" && t.partTime === undefined) {
      return `兼职教师须填写兼职聘任信息（partTime） / a part-time teacher needs the partTime engagement`
    }
    if (t.leftOn !== undefined && t.leftOn < t.hiredOn) {
      return `离职日期 ${t.leftOn} 早于入职日期 ${t.hiredOn} / left on ${t.leftOn} is before hired on ${t.hiredOn}`
    }
    return undefined
  }),
  Schema.annotations(
    describe({
      identifier: "Teacher",
      zh: "教师",
      en: "teacher",
      descriptionZh: "专任或兼职教师及其职称、证书、企业经历、企业实践、双师型认定与个人发展方案",
      descriptionEn: "a full-time or part-time teacher with titles, certificates, enterprise experience and practice, certifications and plan",
      examples: [
        {
          id: "t-001",
          schoolId: "s-jx",
          name: "李老师",
          employment: "full-time",
          courseType: "professional",
          internshipTutor: true,
          hiredOn: "2015-09-01",
          majorCodes: ["710201"],
          titles: [],
          certificates: [],
          enterpriseExperience: [],
          practice: [],
          dualQualifications: [],
          ethicsAppraisals: [],
          awards: [],
          services: []
        } as never
      ]
    })
  )
)

/**
 * @since 0.1.0
 * @category models
 */
export interface Teacher extends Schema.Schema.Type<typeof Teacher> {}

/**
 * The teacher's birth date: the one given, else the one in the ID number.
 *
 * @since 0.1.0
 * @category getters
 */
export const birthDate = (p: Pick<Teacher, "birthDate" | "idNumber">): IsoDate | undefined => Identity.personBirthDate(p)

/**
 * Completed years of age on a date, when a birth date is known.
 *
 * @since 0.1.0
 * @category getters
 */
export const ageAt = (p: Pick<Teacher, "birthDate" | "idNumber">, on: IsoDate): number | undefined => Identity.personAgeAt(p, on)

/**
 * The highest title level held on a date.
 *
 * @since 0.1.0
 * @category getters
 */
export const titleLevelOn = (t: Pick<Teacher, "titles">, on: IsoDate): TitleLevel =>
  t.titles.reduce<TitleLevel>((best, x) => (x.obtainedOn <= on && titleRank[x.level] > titleRank[best] ? x.level : best), "none")

/**
 * Ranks skill levels: 五级 (level 5) lowest, 一级 (level 1) highest.
 *
 * @since 0.1.0
 * @category constants
 */
export const skillRank: { readonly [K in SkillLevel]: number } = { "level-5": 1, "level-4": 2, "level-3": 3, "level-2": 4, "level-1": 5 }

const isSkillLevel = (u: string | undefined): u is SkillLevel => u !== undefined && u in skillRank

/**
 * The highest skill level held on a date: the level on the record, or a skill-level certificate issued by then
 * and not expired (the certificate is returned when it is the source).
 *
 * @since 0.1.0
 * @category getters
 */
export const bestSkillOn = (
  t: Pick<Teacher, "skillLevel" | "certificates">,
  on: IsoDate
): { readonly level: SkillLevel; readonly certificate?: Teacher["certificates"][number] } | undefined => {
  let best: { level: SkillLevel; certificate?: Teacher["certificates"][number] } | undefined = t.skillLevel === undefined ? undefined : { level: t.skillLevel }
  for (const c of t.certificates) {
    if (c.kind !== "skill-level" || c.issuedOn > on || (c.expiresOn !== undefined && c.expiresOn < on) || !isSkillLevel(c.level)) continue
    if (best === undefined || skillRank[c.level] > skillRank[best.level]) best = { level: c.level, certificate: c }
  }
  return best
}

/**
 * Years of enterprise work up to a date: the recorded experience, or the part-time engagement's stated
 * production years when larger (PT-EXP-YEARS, DS-PARTTIME-HIRE-STD, DS-ENT-*).
 *
 * @since 0.1.0
 * @category getters
 */
export const enterpriseYearsOn = (t: Pick<Teacher, "enterpriseExperience" | "partTime">, on: IsoDate): number => {
  const fromRecords = t.enterpriseExperience.reduce((sum, e) => sum + Math.max(0, Iso.diffDays(e.start, Iso.min(e.end ?? on, on)) / 365.25), 0)
  return Math.max(fromRecords, t.partTime?.productionYears ?? 0)
}
