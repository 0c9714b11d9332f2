/**
 * An internship record carries what the compliance gates of 《职业学校学生实习管理规定》 need: kind, student,
 * unit, post, dates and schedule, pay, fees and documents held, consent, agreement, insurance, mentors,
 * headcounts, the site-assessment report and approvals.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Contact, Count, Extensions, field, Id, list, Name, Quantity, Yuan } from "./Entity.js"
import { CreditCode } from "./Identity.js"
import { describe } from "./internal/annotations.js"
import { IsoDate } from "./IsoDate.js"
import { LegalRegistration } from "./School.js"
import type { Text } from "./Text.js"

/**
 * The kind of internship (INT-KIND-TYPES): 2021 has 认识实习 and 岗位实习; records from before 2021-12-31 may
 * carry the 2016 kinds 跟岗实习 and 顶岗实习, which map to 岗位实习.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Kind = Schema.Literal("observation", "post", "following-post", "taking-post").annotations(
  describe({
    identifier: "InternshipKind",
    zh: "实习类型",
    en: "internship kind",
    descriptionZh: "observation 认识实习；post 岗位实习；following-post 跟岗实习（2016）；taking-post 顶岗实习（2016）",
    descriptionEn: "observation, post; 2016 legacy: following-post, taking-post",
    examples: ["post" as const]
  })
)

/**
 * @since 0.1.0
 * @category models
 */
export type Kind = typeof Kind.Type

/**
 * @since 0.1.0
 * @category constants
 */
export const kindLabel: { readonly [K in Kind]: Text } = {
  observation: { zh: "认识实习", en: "observation internship" },
  post: { zh: "岗位实习", en: "post internship" },
  "following-post": { zh: "跟岗实习", en: "following-post internship" },
  "taking-post": { zh: "顶岗实习", en: "taking-post internship" }
}

/**
 * The venue type of the internship unit (INT-VENUE-BAN lists the banned ones).
 *
 * @since 0.1.0
 * @category schemas
 */
export const VenueType = Schema.Literal(
  "enterprise",
  "public-institution",
  "hospital",
  "school-base",
  "park-base",
  "bar",
  "nightclub",
  "ktv",
  "bathhouse",
  "game-hall",
  "internet-cafe",
  "other-entertainment",
  "other"
).annotations(
  describe({
    identifier: "VenueType",
    zh: "场所类型",
    en: "venue type",
    descriptionZh: "enterprise 企业；public-institution 事业单位；hospital 医院；school-base 校内基地；park-base 园区基地；bar 酒吧；nightclub 夜总会；ktv 歌厅；bathhouse 洗浴；game-hall 电子游戏厅；internet-cafe 网吧；other-entertainment 其他营业性娱乐场所",
    descriptionEn: "enterprise, public institution, hospital, school or park base, or a commercial entertainment venue"
  })
)

/**
 * A high-safety-risk post type (INT-HIGHRISK).
 *
 * @since 0.1.0
 * @category schemas
 */
export const RiskClass = Schema.Literal("height", "underground", "radioactive", "toxic", "flammable-explosive", "other-high-risk").annotations(
  describe({ identifier: "RiskClass", zh: "高风险作业", en: "high-risk work", descriptionZh: "高空、井下、放射性、有毒、易燃易爆及其他高风险", descriptionEn: "height, underground, radioactive, toxic, flammable/explosive, other" })
)

/**
 * @since 0.1.0
 * @category schemas
 */
export const Unit = Schema.Struct({
  enterpriseId: Schema.optional(field(Id, "企业编号", "enterprise id")),
  creditCode: Schema.optional(field(CreditCode, "统一社会信用代码", "credit code", "校内或园区基地未登记时可无")),
  name: field(Name, "实习单位", "internship unit"),
  venueType: VenueType,
  legalRegistration: LegalRegistration,
  siteAssessment: Schema.optional(
    Schema.Struct({
      reportId: field(Id, "考察报告编号", "report id"),
      assessedOn: field(IsoDate, "考察日期", "assessed on"),
      signedBy: field(Name, "签字人", "signed by"),
      aspects: field(
        Schema.Array(Schema.Literal("qualification", "integrity", "management", "posts", "hours", "work-environment", "living-environment", "health-safety")),
        "考察方面",
        "aspects covered",
        "资质、诚信、管理水平、岗位性质和内容、工作时间、工作环境、生活环境、健康保障与安全防护（INT-UNIT-SITEVISIT）"
      )
    }).annotations(describe({ zh: "实地考察", en: "site assessment", descriptionZh: "学校对实习单位的实地考察（INT-UNIT-SITEVISIT）", descriptionEn: "the school's visit to the unit (INT-UNIT-SITEVISIT)" }))
  ),
  onUnitList: Schema.optional(field(Schema.Boolean, "列入学校实习单位名单", "on the school's unit list")),
  headcounts: list(
    Schema.Struct({
      from: field(IsoDate, "自", "from", "该人数自此日起适用"),
      onPostTotal: field(Count, "在岗职工总数", "employees on post"),
      samePostTotal: field(Count, "同类岗位在岗职工数", "employees on the same post"),
      concurrentInterns: field(Count, "同期实习生总数", "concurrent interns"),
      concurrentInternsSamePost: field(Count, "同类岗位同期实习生数", "concurrent interns on the same post")
    }).annotations(describe({ zh: "在岗人数与同期实习生数", en: "headcount" })),
    "在岗人数与同期实习生数",
    "headcounts",
    "按日期记录的人数，每条自其日期起适用，至下一条为止（INT-RATIO-UNIT、INT-RATIO-POST）"
  )
}).annotations(describe({ identifier: "InternshipUnit", zh: "实习单位", en: "internship unit" }))

/**
 * The post: what the student does, whether it matches the major, risks and intensity.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Post = Schema.Struct({
  name: field(Name, "实习岗位", "post"),
  category: Schema.optional(field(Schema.String, "岗位类别", "post category")),
  majorMatch: field(Schema.Literal("matching", "close", "unrelated"), "专业对口", "match to the major", "matching 对口；close 相近；unrelated 不相关（INT-MAJOR-MATCH）"),
  risks: list(RiskClass, "高风险作业", "high-risk work"),
  labourIntensity: Schema.optional(field(Schema.Number.pipe(Schema.int(), Schema.between(1, 4)), "体力劳动强度级别", "labour intensity level", "GB 3869 体力劳动强度分级 Ⅰ–Ⅳ（INT-LABOUR-III）")),
  bannedForMinors: field(Schema.Boolean, "属未成年工禁忌作业", "work banned for minors"),
  bannedForWomen: field(Schema.Boolean, "属女职工禁忌作业", "work banned for women"),
  coversTypicalTasks: field(Schema.Boolean, "覆盖岗位典型工作任务", "covers the typical tasks"),
  simpleRepetitiveOnly: field(Schema.Boolean, "仅简单重复劳动", "simple repetitive work only")
}).annotations(describe({ identifier: "InternshipPost", zh: "实习岗位", en: "internship post" }))

/**
 * Working time: daily and weekly hours, night shifts, overtime, statutory holidays, and a filed exception.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Schedule = Schema.Struct({
  dailyHours: field(Quantity, "每日工作时长（小时）", "hours per day"),
  weeklyHours: Schema.optional(field(Quantity, "每周工作时长（小时）", "hours per week")),
  nightShifts: field(Count, "夜班次数", "night shifts"),
  overtimeHours: field(Quantity, "加班时长（小时）", "overtime hours"),
  statutoryHolidayDays: field(Count, "法定节假日安排实习天数", "days on statutory holidays"),
  exceptionFiledOn: Schema.optional(field(IsoDate, "特殊安排备案日期", "exception filed on", "专业或岗位有特殊要求并报主管部门备案"))
}).annotations(describe({ identifier: "InternshipSchedule", zh: "工作时间", en: "schedule" }))

/**
 * Pay (实习报酬): amount, the wages it compares with, cycle, form and payer.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Pay = Schema.Struct({
  monthlyAmount: field(Yuan, "月实习报酬（元）", "monthly pay (yuan)"),
  samePostWage: Schema.optional(field(Yuan, "同岗位工资标准（元/月）", "same-post wage (yuan/month)")),
  probationWage: Schema.optional(field(Yuan, "同岗位试用期工资（元/月）", "same-post probation wage (yuan/month)", "2016 规定的比较基数（INT-PAY-80-2016）")),
  lowestTierWage: Schema.optional(field(Yuan, "最低档工资标准（元/月）", "lowest wage tier (yuan/month)")),
  independentCapable: field(Schema.Boolean, "具备独立工作能力", "works relatively independently", "INT-PAY-80 仅适用于初步具备独立工作能力的学生"),
  cycleDays: field(Schema.Number.pipe(Schema.int(), Schema.between(1, 366)), "支付周期（天）", "payment cycle (days)"),
  form: field(Schema.Literal("money", "goods", "vouchers"), "支付形式", "form", "money 货币；goods 实物；vouchers 代金券"),
  payer: field(Schema.Literal("unit", "school", "third-party"), "支付方", "payer"),
  directToStudent: field(Schema.Boolean, "直接支付给学生", "paid directly to the student")
}).annotations(describe({ identifier: "InternshipPay", zh: "实习报酬", en: "pay" }))

/**
 * A fee charged to the student (INT-FEE-BAN: none is allowed).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Fee = Schema.Struct({
  kind: field(
    Schema.Literal("deposit", "training", "pay-commission", "management", "materials", "employment-service", "insurance-premium", "other"),
    "收费类别",
    "fee kind",
    "押金、培训费、实习报酬提成、管理费、实习材料费、就业服务费、保险费、其他"
  ),
  amount: field(Yuan, "金额（元）", "amount (yuan)"),
  chargedBy: field(Schema.Literal("school", "unit", "intermediary"), "收费方", "charged by")
}).annotations(describe({ identifier: "InternshipFee", zh: "收费", en: "fee" }))

/**
 * Internship liability insurance (INT-INSURE, INT-INSURE-FUND).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Insurance = Schema.Struct({
  policyNumber: field(Schema.String.pipe(Schema.minLength(1)), "保单号", "policy number"),
  insurer: field(Name, "保险公司", "insurer"),
  coverageStart: field(IsoDate, "保险起期", "coverage start"),
  coverageEnd: field(IsoDate, "保险止期", "coverage end"),
  premiumPayer: field(Schema.Literal("school", "unit", "student", "government"), "保费承担方", "premium payer")
}).annotations(describe({ identifier: "InternshipInsurance", zh: "实习责任保险", en: "liability insurance" }))

/**
 * Informed consent (INT-CONSENT, INT-CONSENT-2016, INT-OPT-OUT).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Consent = Schema.Struct({
  studentSignedOn: Schema.optional(field(IsoDate, "学生签字日期", "student signed on")),
  guardianSignedOn: Schema.optional(field(IsoDate, "监护人签字日期", "guardian signed on")),
  refused: field(Schema.Boolean, "明确拒绝学校安排", "refused the school's arrangement")
}).annotations(describe({ identifier: "InternshipConsent", zh: "知情同意", en: "informed consent" }))

/**
 * @since 0.1.0
 * @category schemas
 */
export const Internship = Schema.Struct({
  id: field(Id, "实习编号", "internship id"),
  schoolId: field(Id, "学校编号", "school id"),
  studentId: field(Id, "学生编号", "student id"),
  kind: Kind,
  arrangement: field(Schema.Literal("school", "self"), "安排方式", "arrangement", "school 学校安排；self 学生自行选择"),
  selfApproval: Schema.optional(
    Schema.Struct({ approvedOn: field(IsoDate, "批准日期", "approved on"), approvedBy: field(Name, "批准人", "approved by") }).annotations(
      describe({ zh: "自行选择实习单位的审批", en: "approval of a self-chosen unit" })
    )
  ),
  organisedThrough: field(Schema.Literal("direct", "intermediary", "paid-agent", "dispatch-agency"), "组织方式", "organised through", "direct 学校直接；intermediary 中介；paid-agent 有偿代理；dispatch-agency 劳务派遣（INT-AGENCY-BAN）"),
  forProfit: field(Schema.Boolean, "以营利为目的", "organised for profit"),
  unit: Unit,
  post: Post,
  start: field(IsoDate, "开始日期", "start date"),
  end: field(IsoDate, "结束日期", "end date"),
  schedule: Schedule,
  pay: Schema.optional(Pay),
  fees: list(Fee, "收费", "fees"),
  documentsHeld: list(Schema.Literal("student-id", "resident-id", "other-document", "guarantee", "property"), "扣押证件/财物", "documents or property held"),
  consent: Consent,
  agreementId: Schema.optional(field(Id, "三方协议编号", "tripartite agreement id")),
  insurance: Schema.optional(Insurance),
  schoolMentorIds: list(Id, "学校指导教师编号", "school mentor ids"),
  enterpriseMentors: list(Contact, "企业指导人员", "enterprise mentors"),
  declaredRelations: list(
    Schema.Struct({ mentorId: field(Id, "指导人员编号", "mentor id"), relation: field(Name, "关系", "relation") }).annotations(describe({ zh: "利害关系", en: "declared relation" })),
    "申报的利害关系",
    "declared relations",
    "指导人员与学生的亲属等关系；有关系者评价即为冲突"
  ),
  filing: Schema.optional(
    Schema.Struct({
      filedOn: field(IsoDate, "备案日期", "filed on"),
      authority: field(Name, "备案机关", "authority"),
      crossProvince: field(Schema.Boolean, "跨省或境外", "cross-province or overseas"),
      approvedOn: Schema.optional(field(IsoDate, "批准日期", "approved on"))
    }).annotations(describe({ zh: "实习备案", en: "filing", descriptionZh: "向主管部门备案（INT-FILING）", descriptionEn: "filing with the authority (INT-FILING)" }))
  ),
  trainedOn: Schema.optional(field(IsoDate, "岗前培训日期", "pre-internship training on")),
  planId: Schema.optional(field(Id, "实习方案编号", "internship plan id")),
  declaredAs: Schema.optional(
    field(Schema.Literal("internship", "social-practice", "teaching-internship", "other"), "对外名义", "declared as", "以何种名义组织（INT-DISGUISE-BAN：不得以社会实践等名义变相安排岗位实习）")
  ),
  archive: Schema.optional(
    Schema.Struct({
      archivedOn: field(IsoDate, "归档日期", "archived on"),
      items: field(
        Schema.Array(Schema.Literal("agreement", "plan", "report", "assessment", "logs", "inspections", "summary")),
        "归档材料",
        "archived items",
        "协议、实习方案、实习报告、考核结果、实习日志、检查记录、实习总结（INT-ARCHIVE）"
      ),
      electronic: field(Schema.Boolean, "电子档案", "electronic copy")
    }).annotations(describe({ zh: "实习档案", en: "archive", descriptionZh: "实习材料归档（INT-ARCHIVE）", descriptionEn: "the internship's archived records (INT-ARCHIVE)" }))
  ),
  extensions: Schema.optional(Extensions)
}).pipe(
  Schema.filter((i) => {
    if (i.end < i.start) return `结束日期 ${i.end} 早于开始日期 ${i.start} / end date ${i.end} is before start date ${i.start}`
    if (i.insurance !== undefined && i.insurance.coverageEnd < i.insurance.coverageStart) {
      return `保险止期早于起期 / insurance coverage ends before it starts`
    }
    return undefined
  }),
  Schema.annotations(
    describe({
      identifier: "Internship",
      zh: "学生实习",
      en: "internship",
      descriptionZh: "一名学生的一次实习，含合规检查所需的全部信息",
      descriptionEn: "one student's internship with everything the compliance gates need"
    })
  )
)

/**
 * @since 0.1.0
 * @category models
 */
export interface Internship extends Schema.Schema.Type<typeof Internship> {}

/**
 * The 2021 kind of an internship: the legacy 跟岗 and 顶岗 are 岗位实习 (INT-KIND-TYPES).
 *
 * @since 0.1.0
 * @category getters
 */
export const currentKind = (kind: Kind): "observation" | "post" => (kind === "observation" ? "observation" : "post")
