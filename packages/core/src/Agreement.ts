/**
 * Agreements: school–enterprise cooperation agreements (校企合作协议) and tripartite internship agreements
 * (三方协议). Their life cycles are machines (a later module); here is their content.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Count, Extensions, field, Id, LifecycleStamp, list, Name, Note, Period } from "./Entity.js"
import { CreditCode, MajorCode } from "./Identity.js"
import { describe } from "./internal/annotations.js"
import { IsoDate } from "./IsoDate.js"
import type { Text } from "./Text.js"

/**
 * Forms of cooperation (AGR-FORMS-7, 《职业学校校企合作促进办法》 2018).
 *
 * @since 0.1.0
 * @category schemas
 */
export const CooperationForm = Schema.Literal(
  "programme-development",
  "joint-training",
  "apprenticeship",
  "base-building",
  "employee-training",
  "joint-operation",
  "other"
).annotations(
  describe({
    identifier: "CooperationForm",
    zh: "合作形式",
    en: "cooperation form",
    descriptionZh:
      "programme-development 共同开发专业、课程、教材；joint-training 合作培养、人员互派、实习实训；apprenticeship 学徒制；base-building 共建实训基地与研发中心；employee-training 职工与社会培训；joint-operation 合作办学、产业学院；other 其他",
    descriptionEn: "joint programme development; joint training and secondment; apprenticeship; base building; employee training; joint operation; other"
  })
)

/**
 * The six mechanisms of the school's plan: 人才共育、基地共建、人员互聘、信息共享、协作服务、文化交融.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Mechanism = Schema.Literal("talent", "bases", "staff", "information", "service", "culture").annotations(
  describe({
    identifier: "Mechanism",
    zh: "合作机制",
    en: "mechanism",
    descriptionZh: "talent 人才共育；bases 基地共建；staff 人员互聘；information 信息共享；service 协作服务；culture 文化交融",
    descriptionEn: "co-cultivated talent, co-built bases, mutually hired staff, shared information, collaborative service, cultural integration"
  })
)

/**
 * @since 0.1.0
 * @category models
 */
export type Mechanism = typeof Mechanism.Type

/**
 * @since 0.1.0
 * @category constants
 */
export const mechanismLabel: { readonly [K in Mechanism]: Text } = {
  talent: { zh: "人才共育", en: "co-cultivated talent" },
  bases: { zh: "基地共建", en: "co-built bases" },
  staff: { zh: "人员互聘", en: "mutually hired staff" },
  information: { zh: "信息共享", en: "shared information" },
  service: { zh: "协作服务", en: "collaborative service" },
  culture: { zh: "文化交融", en: "cultural integration" }
}

/**
 * A signature on an agreement by an authorised person of one party.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Signature = Schema.Struct({
  party: field(Schema.Literal("school", "enterprise", "unit", "student", "guardian"), "签约方", "party"),
  name: field(Name, "签字人", "signatory"),
  role: Schema.optional(field(Name, "职务", "role")),
  signedOn: field(IsoDate, "签字日期", "signed on")
}).annotations(describe({ identifier: "Signature", zh: "签字", en: "signature" }))

/**
 * Something an agreement promises to deliver by a date.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Deliverable = Schema.Struct({
  id: field(Id, "成果编号", "deliverable id"),
  kind: field(
    Schema.Literal("training-base", "textbook", "course", "internship-posts", "order-class", "seconded-teachers", "joint-rnd", "social-training", "other"),
    "成果类别",
    "kind",
    "共建基地、合编教材、共建课程、提供实习岗位、订单班、派驻兼职教师、联合研发、社会培训、其他"
  ),
  description: field(Name, "内容", "description"),
  quantity: Schema.optional(field(Count, "数量", "quantity")),
  dueOn: field(IsoDate, "截止日期", "due on"),
  state: field(Schema.Literal("planned", "in-progress", "delivered", "overdue", "waived"), "状态", "state"),
  deliveredOn: Schema.optional(field(IsoDate, "完成日期", "delivered on")),
  closedReason: Schema.optional(field(Note, "关闭原因", "closed because"))
}).annotations(describe({ identifier: "Deliverable", zh: "约定成果", en: "deliverable" }))

/**
 * How an agreement ended early: when, why, and at whose instance.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Termination = Schema.Struct({
  effectiveOn: field(IsoDate, "终止日期", "effective on"),
  reason: field(Note.pipe(Schema.minLength(1)), "终止原因", "reason"),
  party: field(Schema.Literal("school", "enterprise", "unit", "student", "guardian", "apprentice"), "提出方", "party")
}).annotations(describe({ identifier: "Termination", zh: "提前终止", en: "termination" }))

/**
 * @since 0.1.0
 * @category schemas
 */
export const CooperationAgreement = Schema.Struct({
  id: field(Id, "协议编号", "agreement id"),
  schoolId: field(Id, "学校编号", "school id"),
  enterpriseId: field(Id, "企业编号", "enterprise id"),
  enterpriseCreditCode: field(CreditCode, "企业统一社会信用代码", "enterprise credit code"),
  title: field(Name, "协议名称", "title"),
  majorCodes: list(MajorCode, "涉及专业", "majors covered"),
  leadingPartnerFor: list(MajorCode, "一专一名企专业", "leading partner for majors", "本企业被确定为这些专业的合作名企（一专一名企）"),
  forms: list(CooperationForm, "合作形式", "cooperation forms"),
  mechanisms: list(Mechanism, "合作机制", "mechanisms"),
  objectives: list(Name, "合作目标与任务", "objectives and tasks"),
  rightsAndObligations: field(Schema.Boolean, "载明双方权利义务", "states rights and obligations", "AGR-WRITTEN"),
  takesInterns: field(Schema.Boolean, "企业接收实习生", "the enterprise takes interns", "AGR-TERM-3Y"),
  term: Period,
  signatures: list(Signature, "签字", "signatures"),
  attachments: list(Name, "附件", "attachments"),
  deliverables: list(Deliverable, "约定成果", "deliverables"),
  predecessorId: Schema.optional(field(Id, "续签前协议编号", "renews agreement")),
  successorId: Schema.optional(field(Id, "续签后协议编号", "renewed by")),
  amendments: list(
    Schema.Struct({ on: field(IsoDate, "变更日期", "amended on"), by: field(Name, "变更人", "amended by"), summary: field(Note, "变更内容", "what changed") }),
    "变更记录",
    "amendments"
  ),
  termination: Schema.optional(Termination),
  lifecycle: Schema.optional(LifecycleStamp),
  note: Schema.optional(Note),
  extensions: Schema.optional(Extensions)
}).annotations(
  describe({
    identifier: "CooperationAgreement",
    zh: "校企合作协议",
    en: "cooperation agreement",
    descriptionZh: "学校与企业签订的合作协议：专业、形式、机制、目标、期限、签字与约定成果",
    descriptionEn: "a school–enterprise cooperation agreement: majors, forms, mechanisms, objectives, term, signatures and deliverables"
  })
)

/**
 * @since 0.1.0
 * @category models
 */
export interface CooperationAgreement extends Schema.Schema.Type<typeof CooperationAgreement> {}

/**
 * The clauses a tripartite agreement must contain (INT-AGREE-FIELDS; `pay` for 岗位实习).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Clause = Schema.Literal(
  "parties",
  "time-place-content",
  "food-lodging-leave",
  "labour-protection",
  "insurance-accidents",
  "assessment",
  "breach-liability",
  "other",
  "pay"
).annotations(
  describe({
    identifier: "AgreementClause",
    zh: "协议条款",
    en: "agreement clause",
    descriptionZh: "各方基本信息；实习时间、地点、内容、要求与条件；食宿与休假；劳动保护与安全卫生；保险与事故处理；考核方式；违约责任；其他事项；报酬及支付方式",
    descriptionEn: "parties; time, place, content; food, lodging, leave; labour protection; insurance and accidents; assessment; breach; other; pay"
  })
)

/**
 * @since 0.1.0
 * @category schemas
 */
export const InternshipAgreement = Schema.Struct({
  id: field(Id, "协议编号", "agreement id"),
  schoolId: field(Id, "学校编号", "school id"),
  internshipId: field(Id, "实习编号", "internship id"),
  studentId: field(Id, "学生编号", "student id"),
  unitName: field(Name, "实习单位", "internship unit"),
  unitCreditCode: Schema.optional(field(CreditCode, "实习单位统一社会信用代码", "unit credit code")),
  modelText: Schema.optional(field(Schema.String, "示范文本版本", "model text version", "依据的实习协议示范文本")),
  clauses: list(Clause, "协议条款", "clauses"),
  brokeredBy: Schema.optional(field(Name, "经中介签订", "brokered by", "INT-AGREE-3P：不得通过中介签订")),
  studentBirthDate: Schema.optional(field(IsoDate, "学生出生日期", "student's birth date", "判断是否须监护人签字")),
  schoolOrganised: Schema.optional(field(Schema.Boolean, "学校组织的岗位实习", "school-organised post internship")),
  term: Period,
  signatures: list(Signature, "签字", "signatures"),
  termination: Schema.optional(Termination),
  lifecycle: Schema.optional(LifecycleStamp),
  extensions: Schema.optional(Extensions)
}).annotations(
  describe({
    identifier: "InternshipAgreement",
    zh: "实习三方协议",
    en: "tripartite internship agreement",
    descriptionZh: "学校、实习单位、学生（及监护人）签订的实习协议",
    descriptionEn: "the internship agreement of school, unit and student (and guardian)"
  })
)

/**
 * @since 0.1.0
 * @category models
 */
export interface InternshipAgreement extends Schema.Schema.Type<typeof InternshipAgreement> {}

/**
 * A modern apprenticeship (现代学徒制) or enterprise new-type apprenticeship (企业新型学徒制) agreement of school,
 * enterprise and apprentice, with dual mentors (APP-DUAL-MENTOR), duration (APP-NEW-DURATION), labour contract
 * (APP-NEW-CONTRACT), wage (APP-NEW-WAGE) and subsidy (APP-NEW-SUBSIDY).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ApprenticeshipAgreement = Schema.Struct({
  id: field(Id, "协议编号", "agreement id"),
  schoolId: field(Id, "学校编号", "school id"),
  enterpriseId: field(Id, "企业编号", "enterprise id"),
  enterpriseCreditCode: field(CreditCode, "企业统一社会信用代码", "enterprise credit code"),
  apprenticeId: field(Id, "学徒编号", "apprentice id"),
  kind: field(Schema.Literal("modern", "enterprise-new-type"), "学徒制类型", "kind", "modern 现代学徒制（学生学徒）；enterprise-new-type 企业新型学徒制（职工学徒）"),
  schoolMentorIds: list(Id, "学校导师", "school mentors"),
  enterpriseMentorIds: list(Id, "企业导师", "enterprise mentors"),
  term: Period,
  labourContract: Schema.optional(Period),
  monthlyWage: Schema.optional(field(Count, "月工资（元）", "monthly wage (yuan)")),
  localMinimumWage: Schema.optional(field(Count, "当地最低工资（元/月）", "local minimum wage (yuan/month)")),
  subsidyPerYear: Schema.optional(field(Count, "每人每年补贴（元）", "subsidy per apprentice per year (yuan)")),
  signatures: list(Signature, "签字", "signatures"),
  termination: Schema.optional(Termination),
  lifecycle: Schema.optional(LifecycleStamp),
  extensions: Schema.optional(Extensions)
}).annotations(
  describe({
    identifier: "ApprenticeshipAgreement",
    zh: "学徒培养协议",
    en: "apprenticeship agreement",
    descriptionZh: "学校、企业与学徒签订的学徒培养协议（双导师、期限、劳动合同、工资、补贴）",
    descriptionEn: "the school–enterprise–apprentice agreement: dual mentors, term, labour contract, wage, subsidy"
  })
)

/**
 * @since 0.1.0
 * @category models
 */
export interface ApprenticeshipAgreement extends Schema.Schema.Type<typeof ApprenticeshipAgreement> {}
