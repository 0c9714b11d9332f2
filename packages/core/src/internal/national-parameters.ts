/**
 * The national parameters (re-exported by `National`; rule modules import them from here so that `National`
 * can register those rules without an import cycle).
 *
 * The national defaults: every value a national rule compares against, as a dated, cited parameter
 * (rule ids from `shared/domain/regulations.md` §10). Values the catalogue could not confirm (M) carry
 * `verified: false`, so findings that use them are warnings until a policy pack confirms them. Local (L)
 * values are not here: they belong in provincial and local packs.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import type { Citation } from "../Citation.js"
import type { IsoDate } from "../IsoDate.js"
import * as Parameter from "../Parameter.js"
import * as S from "../Sources.js"

const d = (s: string) => s as IsoDate
const Num = Schema.Number.pipe(Schema.finite(), Schema.nonNegative())
const Share = Schema.Number.pipe(Schema.between(0, 1))
const Kinds = Schema.Array(Schema.Literal("observation", "post", "following-post", "taking-post"))

// -- Internships (教职成〔2021〕4号; 2016 rules before 2021-12-31) -------------------------------------------

/**
 * INT-KIND-TYPES: the internship kinds in force — three in 2016 (认识、跟岗、顶岗), two from 2021-12-31.
 *
 * @since 0.1.0
 * @category internship
 */
export const internshipKinds = Parameter.make({
  id: "internship.kinds",
  title: { zh: "实习类型", en: "internship kinds" },
  description: { zh: "现行规定认可的实习类型", en: "the internship kinds the rules in force recognise" },
  unit: "list",
  ruleIds: ["INT-KIND-TYPES"],
  schema: Kinds,
  labels: {
    observation: { zh: "认识实习", en: "observation" },
    post: { zh: "岗位实习", en: "post" },
    "following-post": { zh: "跟岗实习", en: "following-post" },
    "taking-post": { zh: "顶岗实习", en: "taking-post" }
  },
  history: [
    { effectiveFrom: d("2016-04-11"), value: ["observation", "following-post", "taking-post"], citation: S.internship2016("第二条"), verified: true },
    { effectiveFrom: d("2021-12-31"), value: ["observation", "post"], citation: S.internship2021("第二条"), verified: true }
  ]
})

/**
 * INT-AGE-16: minimum age for 岗位实习 (跟岗/顶岗 in 2016).
 *
 * @since 0.1.0
 * @category internship
 */
export const internshipPostMinAge = Parameter.make({
  id: "internship.postMinAge",
  title: { zh: "岗位实习最低年龄", en: "minimum age for post internships" },
  description: { zh: "不得安排未满该年龄的学生参加岗位实习", en: "no post internship for students under this age" },
  unit: "years",
  ruleIds: ["INT-AGE-16"],
  schema: Num,
  history: [
    { effectiveFrom: d("2016-04-11"), value: 16, citation: S.internship2016("第十五条", "S"), verified: true },
    { effectiveFrom: d("2021-12-31"), value: 16, citation: S.internship2021("第十六条第（二）项"), verified: true }
  ]
})

/**
 * INT-GRADE-1: the lowest grade allowed on 岗位实习 (no first-year students).
 *
 * @since 0.1.0
 * @category internship
 */
export const internshipPostMinGrade = Parameter.make({
  id: "internship.postMinGrade",
  title: { zh: "岗位实习最低年级", en: "lowest grade for post internships" },
  description: { zh: "不得安排一年级学生参加岗位实习", en: "no post internship for first-year students" },
  unit: "grade",
  ruleIds: ["INT-GRADE-1"],
  schema: Num,
  history: [
    { effectiveFrom: d("2016-04-11"), value: 2, citation: S.internship2016("第十五条", "S"), verified: true },
    { effectiveFrom: d("2021-12-31"), value: 2, citation: S.internship2021("第十六条第（一）项"), verified: true }
  ]
})

/**
 * INT-LABOUR-III: the highest physical labour intensity level allowed (Ⅲ级及以上 banned from 2021; the 2016
 * text had no such item).
 *
 * @since 0.1.0
 * @category internship
 */
export const internshipMaxLabourIntensity = Parameter.make({
  id: "internship.maxLabourIntensity",
  title: { zh: "最高体力劳动强度级别", en: "highest labour intensity level" },
  description: { zh: "不得安排Ⅲ级强度及以上体力劳动", en: "no physical labour of intensity level III or above" },
  unit: "level",
  ruleIds: ["INT-LABOUR-III"],
  schema: Num,
  history: [{ effectiveFrom: d("2021-12-31"), value: 2, citation: S.internship2021("第十六条第（七）项"), verified: true }]
})

/**
 * INT-RATIO-UNIT: concurrent interns as a share of the unit's on-post employees (一般不超过 10% from 2021).
 *
 * @since 0.1.0
 * @category internship
 */
export const internshipUnitRatioMax = Parameter.make({
  id: "internship.unitRatioMax",
  title: { zh: "实习生占单位在岗职工比例上限", en: "interns per unit employees, maximum" },
  description: { zh: "同时接收实习生不超过单位在岗职工总数的比例", en: "concurrent interns at most this share of the unit's on-post employees" },
  unit: "ratio",
  ruleIds: ["INT-RATIO-UNIT"],
  schema: Share,
  history: [
    { effectiveFrom: d("2016-04-11"), value: 0.1, citation: S.internship2016("第九条"), verified: true },
    {
      effectiveFrom: d("2021-12-31"),
      value: 0.1,
      citation: S.internship2021("（条号未核实）", "S"),
      verified: true,
      note: { zh: "2021年表述为“一般不超过”，属软性上限", en: "2021 wording is 'generally not above': a soft limit" }
    }
  ]
})

/**
 * INT-RATIO-POST: concurrent interns on a post as a share of on-post employees of that post.
 *
 * @since 0.1.0
 * @category internship
 */
export const internshipPostRatioMax = Parameter.make({
  id: "internship.postRatioMax",
  title: { zh: "实习生占同类岗位在岗职工比例上限", en: "interns per same-post employees, maximum" },
  description: { zh: "同类岗位实习生不超过该岗位在岗职工的比例", en: "interns on a post at most this share of its on-post employees" },
  unit: "ratio",
  ruleIds: ["INT-RATIO-POST"],
  schema: Share,
  history: [
    { effectiveFrom: d("2016-04-11"), value: 0.2, citation: S.internship2016("第九条"), verified: true },
    {
      effectiveFrom: d("2021-12-31"),
      value: 0.2,
      citation: S.internship2021("（条号未核实）", "S"),
      verified: true,
      note: { zh: "2021年表述为“一般不超过”，属软性上限", en: "2021 wording is 'generally not above': a soft limit" }
    }
  ]
})

/**
 * INT-DUR-6M: the usual length of 岗位实习 (顶岗 in 2016); a longer plan is flagged, not rejected.
 *
 * @since 0.1.0
 * @category internship
 */
export const internshipPostDurationMonths = Parameter.make({
  id: "internship.postDurationMonths",
  title: { zh: "岗位实习一般时长", en: "usual length of a post internship" },
  description: { zh: "岗位实习一般为6个月", en: "a post internship generally lasts 6 months" },
  unit: "months",
  ruleIds: ["INT-DUR-6M"],
  schema: Num,
  history: [
    { effectiveFrom: d("2016-04-11"), value: 6, citation: S.internship2016("第十条", "S"), verified: true },
    { effectiveFrom: d("2021-12-31"), value: 6, citation: S.internship2021("（条号未核实）", "S"), verified: true }
  ]
})

/**
 * INT-HOURS-8: daily working hours, following national working-time law (the 2016 and 2021 texts state no
 * number themselves; unverified as applied to interns).
 *
 * @since 0.1.0
 * @category internship
 */
export const internshipMaxDailyHours = Parameter.make({
  id: "internship.maxDailyHours",
  title: { zh: "每日工作时长上限", en: "maximum hours per day" },
  description: { zh: "实习每日工作时间不超过8小时（依国家工时制度）", en: "at most 8 hours a day (national working-time rules)" },
  unit: "hours-per-day",
  ruleIds: ["INT-HOURS-8"],
  schema: Num,
  history: [{ effectiveFrom: d("1995-01-01"), value: 8, citation: S.labourLaw("第三十六条"), verified: false }]
})

/**
 * INT-HOURS-8: weekly working hours (40 under the State Council's 1995 rules; unverified as applied to interns).
 *
 * @since 0.1.0
 * @category internship
 */
export const internshipMaxWeeklyHours = Parameter.make({
  id: "internship.maxWeeklyHours",
  title: { zh: "每周工作时长上限", en: "maximum hours per week" },
  description: { zh: "每周工作时间不超过40小时（依国家工时制度）", en: "at most 40 hours a week (national working-time rules)" },
  unit: "hours-per-week",
  ruleIds: ["INT-HOURS-8"],
  schema: Num,
  history: [{ effectiveFrom: d("1995-05-01"), value: 40, citation: S.labourLaw("第三十六条；国务院关于职工工作时间的规定"), verified: false }]
})

/**
 * INT-PAY-80 / INT-PAY-80-2016: the minimum pay as a share of the comparison wage.
 *
 * @since 0.1.0
 * @category internship
 */
export const internshipPayMinShare = Parameter.make({
  id: "internship.payMinShare",
  title: { zh: "实习报酬最低比例", en: "minimum pay share" },
  description: { zh: "实习报酬不低于比较工资的比例", en: "pay at least this share of the comparison wage" },
  unit: "ratio",
  ruleIds: ["INT-PAY-80", "INT-PAY-80-2016"],
  schema: Share,
  history: [
    { effectiveFrom: d("2016-04-11"), value: 0.8, citation: S.internship2016("第十七条", "S"), verified: true },
    { effectiveFrom: d("2021-12-31"), value: 0.8, citation: S.internship2021("第十八条"), verified: true }
  ]
})

/**
 * INT-PAY-80 / INT-PAY-80-2016: what the pay is compared with — the probation wage (2016), or the same-post
 * wage with the lowest wage tier as an alternative floor (2021).
 *
 * @since 0.1.0
 * @category internship
 */
export const internshipPayBasis = Parameter.make({
  id: "internship.payBasis",
  title: { zh: "实习报酬比较基数", en: "pay comparison basis" },
  description: {
    zh: "2016：同岗位试用期工资；2021：同岗位工资标准，或最低档工资标准（满足其一即可）",
    en: "2016: the same-post probation wage; 2021: the same-post wage, or the lowest wage tier (either suffices)"
  },
  unit: "category",
  ruleIds: ["INT-PAY-80", "INT-PAY-80-2016"],
  schema: Schema.Literal("probation-wage", "same-post-wage-or-lowest-tier"),
  labels: {
    "probation-wage": { zh: "同岗位试用期工资", en: "same-post probation wage" },
    "same-post-wage-or-lowest-tier": { zh: "同岗位工资标准或最低档工资标准", en: "same-post wage or the lowest wage tier" }
  },
  history: [
    { effectiveFrom: d("2016-04-11"), value: "probation-wage", citation: S.internship2016("第十七条", "S"), verified: true },
    { effectiveFrom: d("2021-12-31"), value: "same-post-wage-or-lowest-tier", citation: S.internship2021("第十八条"), verified: true }
  ]
})

/**
 * INT-PAY-CYCLE: the longest payment cycle (in principle one month; no such rule in 2016).
 *
 * @since 0.1.0
 * @category internship
 */
export const internshipPayCycleMaxMonths = Parameter.make({
  id: "internship.payCycleMaxMonths",
  title: { zh: "实习报酬支付周期上限", en: "longest payment cycle" },
  description: { zh: "实习报酬原则上支付周期不得超过1个月", en: "pay at least monthly, in principle" },
  unit: "months",
  ruleIds: ["INT-PAY-CYCLE"],
  schema: Num,
  history: [{ effectiveFrom: d("2021-12-31"), value: 1, citation: S.internship2021("第十八条"), verified: true }]
})

/**
 * INT-CONSENT / INT-CONSENT-2016: who needs a signed informed-consent form — minors only (2016), every
 * student on a school-organised 岗位实习 (2021).
 *
 * @since 0.1.0
 * @category internship
 */
export const internshipConsentScope = Parameter.make({
  id: "internship.consentScope",
  title: { zh: "知情同意书适用范围", en: "who needs informed consent" },
  description: { zh: "2016：未满18周岁的学生；2021：学校组织岗位实习的全部学生", en: "2016: students under 18; 2021: every student on a school-organised post internship" },
  unit: "category",
  ruleIds: ["INT-CONSENT", "INT-CONSENT-2016"],
  schema: Schema.Literal("minors", "all"),
  labels: {
    minors: { zh: "未满18周岁的学生", en: "students under 18" },
    all: { zh: "全部参加岗位实习的学生", en: "every student on a post internship" }
  },
  history: [
    { effectiveFrom: d("2016-04-11"), value: "minors", citation: S.internship2016("第十四条", "S"), verified: true },
    { effectiveFrom: d("2021-12-31"), value: "all", citation: S.internship2021("（条号未核实）", "S"), verified: true }
  ]
})

/**
 * INT-VENUE-BAN: venue types where no internship may be placed (2016: bars, nightclubs, KTV, bathhouses and
 * other commercial entertainment; 2021 adds game halls and internet cafés).
 *
 * @since 0.1.0
 * @category internship
 */
export const internshipBannedVenues = Parameter.make({
  id: "internship.bannedVenues",
  title: { zh: "禁止安排实习的场所", en: "banned venues" },
  description: { zh: "不得安排学生到酒吧、夜总会、歌厅、洗浴中心、电子游戏厅、网吧等营业性娱乐场所实习", en: "no internship in bars, nightclubs, KTV, bathhouses, game halls, internet cafés or other commercial entertainment" },
  unit: "list",
  ruleIds: ["INT-VENUE-BAN"],
  schema: Schema.Array(Schema.String),
  labels: {
    bar: { zh: "酒吧", en: "bar" },
    nightclub: { zh: "夜总会", en: "nightclub" },
    ktv: { zh: "歌厅", en: "KTV" },
    bathhouse: { zh: "洗浴中心", en: "bathhouse" },
    "game-hall": { zh: "电子游戏厅", en: "game hall" },
    "internet-cafe": { zh: "网吧", en: "internet café" },
    "other-entertainment": { zh: "其他营业性娱乐场所", en: "other commercial entertainment" }
  },
  history: [
    { effectiveFrom: d("2016-04-11"), value: ["bar", "nightclub", "ktv", "bathhouse", "other-entertainment"], citation: S.internship2016("第十五条", "S"), verified: true },
    {
      effectiveFrom: d("2021-12-31"),
      value: ["bar", "nightclub", "ktv", "bathhouse", "game-hall", "internet-cafe", "other-entertainment"],
      citation: S.internship2021("第十六条第（五）项"),
      verified: true
    }
  ]
})

/**
 * INT-FEE-BAN: fees that may not be charged (2016: deposits, pay commissions, management and other fees;
 * 2021 names training, materials and employment-service fees too). INT-INSURE-FUND: nor the premium.
 *
 * @since 0.1.0
 * @category internship
 */
export const internshipBannedFees = Parameter.make({
  id: "internship.bannedFees",
  title: { zh: "不得收取的费用", en: "banned fees" },
  description: { zh: "不得向学生收取实习押金、培训费、实习报酬提成、管理费、实习材料费、就业服务费或其他形式的实习费用", en: "no deposit, training fee, pay commission, management fee, materials fee, employment-service fee or any other internship fee" },
  unit: "list",
  ruleIds: ["INT-FEE-BAN"],
  schema: Schema.Array(Schema.String),
  labels: {
    deposit: { zh: "押金", en: "deposit" },
    training: { zh: "培训费", en: "training fee" },
    "pay-commission": { zh: "实习报酬提成", en: "pay commission" },
    management: { zh: "管理费", en: "management fee" },
    materials: { zh: "实习材料费", en: "materials fee" },
    "employment-service": { zh: "就业服务费", en: "employment-service fee" },
    "insurance-premium": { zh: "保险费", en: "insurance premium" },
    other: { zh: "其他费用", en: "other fees" }
  },
  history: [
    { effectiveFrom: d("2016-04-11"), value: ["deposit", "pay-commission", "management", "other"], citation: S.internship2016("第十八条（条号未核实）", "S"), verified: true },
    {
      effectiveFrom: d("2021-12-31"),
      value: ["deposit", "training", "pay-commission", "management", "materials", "employment-service", "other"],
      citation: S.internship2021("（条号未核实）", "S"),
      verified: true
    }
  ]
})

/**
 * INT-DUR-MED: the longest clinical or nursing internship of medical and health majors (provincial; unverified
 * as a national value).
 *
 * @since 0.1.0
 * @category internship
 */
export const internshipMedicalDurationMonths = Parameter.make({
  id: "internship.medicalDurationMonths",
  title: { zh: "医卫类专业岗位实习时长", en: "medical majors' internship length" },
  description: { zh: "医药卫生类专业可安排8至10个月或以上的临床、护理实习（省级规定）", en: "medical and health majors may do 8–10 months or more of clinical internship (provincial rule)" },
  unit: "months",
  ruleIds: ["INT-DUR-MED"],
  schema: Num,
  history: [
    {
      effectiveFrom: d("2021-12-31"),
      value: 10,
      citation: { document: "职业学校学生实习管理规定实施细则（省级）", article: "岗位实习时间", confidence: "L" },
      verified: false,
      note: { zh: "省级细则；作为全国默认值未核实", en: "a provincial rule; unverified as a national default" }
    }
  ]
})

/**
 * INT-UNIT-SITEVISIT: the aspects an on-site assessment of a new unit covers (2016 Art. 6: eight).
 *
 * @since 0.1.0
 * @category internship
 */
export const internshipSiteVisitAspects = Parameter.make({
  id: "internship.siteVisitAspects",
  title: { zh: "实地考察应覆盖的方面", en: "site assessment aspects" },
  description: { zh: "资质、诚信状况、管理水平、实习岗位性质和内容、工作时间、工作环境、生活环境以及健康保障、安全防护", en: "qualification, integrity, management, posts, hours, work environment, living environment, health and safety" },
  unit: "list",
  ruleIds: ["INT-UNIT-SITEVISIT"],
  schema: Schema.Array(Schema.String),
  history: [
    {
      effectiveFrom: d("2016-04-11"),
      value: ["qualification", "integrity", "management", "posts", "hours", "work-environment", "living-environment", "health-safety"],
      citation: S.internship2016("第六条"),
      verified: true
    }
  ]
})

/**
 * INT-PENALTY-AGENCY: the fine for organising internships through HR agencies or labour dispatch — 1× to 5×
 * the illegal income, counted as at least 10,000 yuan (职业教育法 Art. 66).
 *
 * @since 0.1.0
 * @category internship
 */
export const internshipAgencyFine = Parameter.make({
  id: "internship.agencyFine",
  title: { zh: "通过中介组织实习的罚款", en: "fine for agency-organised internships" },
  description: { zh: "没收违法所得，并处违法所得1倍以上5倍以下罚款；违法所得不足1万元的按1万元计算", en: "confiscation and a fine of 1× to 5× the illegal income, counted as at least 10,000 yuan" },
  unit: "category",
  ruleIds: ["INT-PENALTY-AGENCY"],
  schema: Schema.Struct({ minMultiple: Schema.Number, maxMultiple: Schema.Number, minBaseYuan: Schema.Number }),
  history: [
    {
      effectiveFrom: d("2022-05-01"),
      value: { minMultiple: 1, maxMultiple: 5, minBaseYuan: 10000 },
      citation: { document: "中华人民共和国职业教育法", article: "第六十六条", issuer: "全国人民代表大会常务委员会", date: d("2022-04-20"), confidence: "S" },
      verified: true
    }
  ]
})

const localGate = (id: string, ruleId: string, title: { zh: string; en: string }) =>
  Parameter.make({
    id,
    title,
    description: { zh: `${title.zh}（地方规定，由规则包开启）`, en: `${title.en} (a local rule a pack turns on)` },
    unit: "boolean",
    ruleIds: [ruleId],
    schema: Schema.Boolean,
    history: []
  })

/**
 * INT-FILING (local): 岗位实习 filed with the competent authority; cross-province or overseas needs approval.
 * @since 0.1.0
 * @category internship
 */
export const internshipGateFiling = localGate("internship.gateFiling", "INT-FILING", { zh: "岗位实习须报主管部门备案", en: "post internships are filed" })

/**
 * INT-TRAINING (local): dedicated training before 岗位实习.
 * @since 0.1.0
 * @category internship
 */
export const internshipGateTraining = localGate("internship.gateTraining", "INT-TRAINING", { zh: "岗位实习前须专门培训", en: "training before post internships" })

/**
 * INT-UNIT-LIST (local): the unit is on the school's published list.
 * @since 0.1.0
 * @category internship
 */
export const internshipGateUnitList = localGate("internship.gateUnitList", "INT-UNIT-LIST", { zh: "实习单位须列入学校公布的名单", en: "units on the school's list" })

/**
 * INT-DISGUISE-BAN (local): no 岗位实习 disguised as social practice or the like.
 * @since 0.1.0
 * @category internship
 */
export const internshipGateDisguise = localGate("internship.gateDisguise", "INT-DISGUISE-BAN", { zh: "不得变相安排岗位实习", en: "no disguised post internships" })

// -- Dual-subject grading (INT-ASSESS-JOINT, INT-ASSESS-GRADES, PLAN-DUAL-ASSESS) -------------------------------

const Dimension = Schema.Struct({
  id: Schema.String,
  title: Schema.Struct({ zh: Schema.String, en: Schema.String }),
  owner: Schema.Literal("school", "enterprise"),
  weight: Schema.Number.pipe(Schema.positive()),
  kind: Schema.Literal("professionalism", "skill", "attitude", "report", "attendance", "other")
})

/**
 * The default rubric of dual-subject (school + enterprise) grading: each dimension owned by one subject, with a
 * weight within that subject's part; every score is on the scale its assessment states. A school's rubric is
 * an overlay of this parameter.
 *
 * @since 0.1.0
 * @category grading
 */
export const gradingRubric = Parameter.make({
  id: "grading.rubric",
  title: { zh: "实习考核评价量规", en: "internship assessment rubric" },
  description: {
    zh: "校企双主体评价的维度、归属主体和权重（默认值，学校可按人才培养方案调整）",
    en: "the dimensions of dual-subject grading, who owns each, and their weights (a default a school adjusts)"
  },
  unit: "list",
  ruleIds: ["INT-ASSESS-JOINT", "PLAN-DUAL-ASSESS"],
  schema: Schema.Array(Dimension),
  history: [
    {
      effectiveFrom: d("2021-12-31"),
      value: [
        { id: "report", title: { zh: "实习日志与报告", en: "log and report" }, owner: "school", weight: 50, kind: "report" },
        { id: "conduct", title: { zh: "过程表现", en: "conduct during the internship" }, owner: "school", weight: 50, kind: "attitude" },
        { id: "professionalism", title: { zh: "职业素养", en: "professionalism" }, owner: "enterprise", weight: 30, kind: "professionalism" },
        { id: "skill", title: { zh: "专业技能", en: "professional skill" }, owner: "enterprise", weight: 50, kind: "skill" },
        { id: "attitude", title: { zh: "工作态度", en: "work attitude" }, owner: "enterprise", weight: 20, kind: "attitude" }
      ],
      citation: S.internship2021("（条号未核实）", "I"),
      verified: true,
      note: { zh: "推断的默认量规：规定要求校企共同考核、过程与结果结合，未规定维度", en: "an inferred default: the rules require joint, process-and-result assessment, not the dimensions" }
    }
  ]
})

/**
 * The weights of the school's and the enterprise's parts in the final score (default 50/50).
 *
 * @since 0.1.0
 * @category grading
 */
export const gradingSubjectWeights = Parameter.make({
  id: "grading.subjectWeights",
  title: { zh: "校企评价权重", en: "school and enterprise weights" },
  description: { zh: "最终成绩中学校评价与企业评价的权重", en: "the weights of the school's and the enterprise's parts" },
  unit: "category",
  ruleIds: ["INT-ASSESS-JOINT"],
  schema: Schema.Struct({ school: Schema.Number.pipe(Schema.nonNegative()), enterprise: Schema.Number.pipe(Schema.nonNegative()) }),
  history: [{ effectiveFrom: d("2021-12-31"), value: { school: 50, enterprise: 50 }, citation: S.internship2021("（条号未核实）", "I"), verified: true }]
})

/**
 * INT-ASSESS-GRADES: the lowest scores (of 100) of 优秀, 良好 and 合格; below 合格 is 不合格.
 *
 * @since 0.1.0
 * @category grading
 */
export const gradingBands = Parameter.make({
  id: "grading.bands",
  title: { zh: "成绩等级分数线", en: "grade bands" },
  description: { zh: "优秀、良好、合格的最低分（百分制）；低于合格为不合格", en: "the lowest scores of excellent, good and pass (out of 100); below pass is fail" },
  unit: "category",
  ruleIds: ["INT-ASSESS-GRADES"],
  schema: Schema.Struct({ excellent: Schema.Number, good: Schema.Number, pass: Schema.Number }),
  history: [
    {
      effectiveFrom: d("2016-04-11"),
      value: { excellent: 90, good: 80, pass: 60 },
      citation: S.internship2016("（条号未核实）", "S"),
      verified: true,
      note: { zh: "四个等级见于2016年规定；分数线为常用默认值", en: "the four grades are in the 2016 rules; the score lines are common defaults" }
    }
  ]
})

/**
 * The gap between the school's and the enterprise's parts above which a grade is marked for moderation.
 *
 * @since 0.1.0
 * @category grading
 */
export const gradingModerationGap = Parameter.make({
  id: "grading.moderationGap",
  title: { zh: "校企评价差异复核阈值", en: "moderation gap" },
  description: { zh: "学校与企业评价分差超过该值时须复核", en: "parts differing by more than this many points are moderated" },
  unit: "count",
  ruleIds: ["INT-ASSESS-JOINT"],
  schema: Num,
  history: [{ effectiveFrom: d("2021-12-31"), value: 20, citation: S.internship2021("（条号未核实）", "I"), verified: true }]
})

// -- Teachers (教师〔2016〕3号) -------------------------------------------------------------------------------

/**
 * TCH-EP-5Y6M: cumulative enterprise practice required in each rolling window.
 *
 * @since 0.1.0
 * @category teacher
 */
export const teacherPracticeMinMonths = Parameter.make({
  id: "teacher.practiceMinMonths",
  title: { zh: "企业实践累计时长下限", en: "minimum cumulative enterprise practice" },
  description: { zh: "专业课教师（含实习指导教师）每5年累计不少于6个月", en: "professional-course teachers (incl. internship tutors): at least 6 months in every 5 years" },
  unit: "months",
  ruleIds: ["TCH-EP-5Y6M"],
  schema: Num,
  history: [{ effectiveFrom: d("2016-05-11"), value: 6, citation: S.teacherPractice2016("第四条"), verified: true }]
})

/**
 * TCH-EP-5Y6M: the length of the rolling window.
 *
 * @since 0.1.0
 * @category teacher
 */
export const teacherPracticeWindowYears = Parameter.make({
  id: "teacher.practiceWindowYears",
  title: { zh: "企业实践统计周期", en: "enterprise practice window" },
  description: { zh: "累计企业实践的统计周期（年）", en: "the rolling window over which practice is summed (years)" },
  unit: "years",
  ruleIds: ["TCH-EP-5Y6M"],
  schema: Num,
  history: [{ effectiveFrom: d("2016-05-11"), value: 5, citation: S.teacherPractice2016("第四条"), verified: true }]
})

/**
 * TCH-EP-ANNUAL: at least one month a year in an enterprise or training base (a national policy target;
 * unverified).
 *
 * @since 0.1.0
 * @category teacher
 */
export const teacherAnnualPracticeMonths = Parameter.make({
  id: "teacher.annualPracticeMonths",
  title: { zh: "每年企业实践时长", en: "annual enterprise practice" },
  description: { zh: "教师每年至少1个月在企业或实训基地实训", en: "at least 1 month a year in an enterprise or training base" },
  unit: "months",
  ruleIds: ["TCH-EP-ANNUAL"],
  schema: Num,
  history: [{ effectiveFrom: d("2019-01-24"), value: 1, citation: S.reform2019, verified: false }]
})

/**
 * TCH-EP-5Y6M: how many days of practice one "month" stands for. The regulation counts months; records count
 * days, so "6 months" is 6 × this many days of practice (a default a policy may change: 30.44 for the average
 * calendar month).
 *
 * @since 0.1.0
 * @category teacher
 */
export const teacherPracticeDaysPerMonth = Parameter.make({
  id: "teacher.practiceDaysPerMonth",
  title: { zh: "企业实践每月折算天数", en: "practice days per month" },
  description: {
    zh: "“6个月”按 6 × 该天数的实际实践天数计算（推断的默认值，可由省或学校调整）",
    en: "'6 months' means 6 × this many days actually practised (an inferred default a province or school may change)"
  },
  unit: "days",
  ruleIds: ["TCH-EP-5Y6M", "TCH-EP-ANNUAL"],
  schema: Num,
  history: [
    {
      effectiveFrom: d("2016-05-11"),
      value: 30,
      citation: { ...S.teacherPractice2016("第四条"), confidence: "I" },
      verified: true,
      note: { zh: "规定以月计，未规定折算方法；按每月30天推断", en: "the rule counts months without a conversion; 30 days a month is inferred" }
    }
  ]
})

/**
 * TCH-EP-5Y6M: hours of practice that make one day, for records kept in hours (a default a policy may change).
 *
 * @since 0.1.0
 * @category teacher
 */
export const teacherPracticeHoursPerDay = Parameter.make({
  id: "teacher.practiceHoursPerDay",
  title: { zh: "企业实践每日折算学时", en: "practice hours per day" },
  description: { zh: "按学时记录的企业实践，每该学时数折算为1天", en: "records kept in hours count one day per this many hours" },
  unit: "hours-per-day",
  ruleIds: ["TCH-EP-5Y6M"],
  schema: Num,
  history: [{ effectiveFrom: d("2016-05-11"), value: 8, citation: { ...S.teacherPractice2016("第四条"), confidence: "I" }, verified: true }]
})

/**
 * TCH-EP-5Y6M: how far ahead a compliant teacher is told that practice will fall out of the window.
 *
 * @since 0.1.0
 * @category teacher
 */
export const teacherPracticeNoticeDays = Parameter.make({
  id: "teacher.practiceNoticeDays",
  title: { zh: "企业实践到期提醒提前天数", en: "practice expiry notice" },
  description: { zh: "距不再达标少于该天数时提示", en: "notify when compliance will lapse within this many days" },
  unit: "days",
  ruleIds: ["TCH-EP-5Y6M"],
  schema: Num,
  history: [{ effectiveFrom: d("2016-05-11"), value: 180, citation: { ...S.teacherPractice2016("第四条"), confidence: "I" }, verified: true }]
})

/**
 * TCH-EP-PUBLIC: the period within which a public-course teacher is expected to have visited an enterprise
 * (the rule says "regularly", with no number: a default a school may change).
 *
 * @since 0.1.0
 * @category teacher
 */
export const teacherPublicVisitPeriodYears = Parameter.make({
  id: "teacher.publicVisitPeriodYears",
  title: { zh: "公共课教师企业考察周期", en: "public-course teacher visit period" },
  description: { zh: "公共基础课教师应定期到企业考察、调研和学习（规定无具体数字）", en: "public-course teachers should visit enterprises regularly (no number in the rule)" },
  unit: "years",
  ruleIds: ["TCH-EP-PUBLIC"],
  schema: Num,
  history: [{ effectiveFrom: d("2016-05-11"), value: 1, citation: { ...S.teacherPractice2016("第四条"), confidence: "I" }, verified: true }]
})

// -- 双师型 (DS-*, TCH-DS-LEVELS) and part-time teachers (PT-*) -----------------------------------------------

const SkillLevel = Schema.Literal("level-5", "level-4", "level-3", "level-2", "level-1")
const TitleLevel = Schema.Literal("none", "junior", "intermediate", "associate-senior", "senior")
const AwardLevel = Schema.Literal("school", "county", "city", "provincial", "national", "international")
const skillLabels = {
  "level-5": { zh: "五级/初级工", en: "level 5 (junior worker)" },
  "level-4": { zh: "四级/中级工", en: "level 4 (intermediate worker)" },
  "level-3": { zh: "三级/高级工", en: "level 3 (senior worker)" },
  "level-2": { zh: "二级/技师", en: "level 2 (technician)" },
  "level-1": { zh: "一级/高级技师", en: "level 1 (senior technician)" }
}
const titleLabels = {
  none: { zh: "无", en: "none" },
  junior: { zh: "初级", en: "junior" },
  intermediate: { zh: "中级", en: "intermediate" },
  "associate-senior": { zh: "副高级", en: "associate senior" },
  senior: { zh: "正高级", en: "senior" }
}
const awardLabels = {
  school: { zh: "校级", en: "school" },
  county: { zh: "县级", en: "county" },
  city: { zh: "市级", en: "city" },
  provincial: { zh: "省级", en: "provincial" },
  national: { zh: "国家级", en: "national" },
  international: { zh: "国际级", en: "international" }
}

const PATTERN_FROM = d("2022-10-25")
const patternNote = {
  zh: "省级通行模式的占位值，未在原文中核实；由省级规则包覆盖",
  en: "a placeholder of the common provincial pattern, not read in any primary text; a provincial pack overrides it"
}

/** A threshold of the 双师型 criteria table (shuangshi.md §3): a pattern placeholder, `verified: false`. */
const ds = <A>(
  id: string,
  ruleIds: ReadonlyArray<string>,
  title: { zh: string; en: string },
  unit: Parameter.Unit,
  schema: Schema.Schema<A, A, never>,
  value: NoInfer<A>,
  labels?: { readonly [value: string]: { zh: string; en: string } }
) =>
  Parameter.make({
    id,
    title,
    description: title,
    unit,
    ruleIds,
    schema,
    history: [{ effectiveFrom: PATTERN_FROM, value, citation: S.dualQualifiedPattern, verified: false, note: patternNote }],
    ...(labels === undefined ? {} : { labels })
  })

/**
 * DS-ELIGIBLE-INSCHOOL: a non-establishment (contract) teacher may apply once the contract has run this long
 * (Gansu 第二条; as a national default unverified).
 *
 * @since 0.1.0
 * @category dual-qualified
 */
export const dsContractYearsMin = Parameter.make({
  id: "ds.contractYearsMin",
  title: { zh: "合同制教师申请认定的最短聘期", en: "contract years before a contract teacher may apply" },
  description: { zh: "非在编合同制教师聘期达到该年数方可申请认定", en: "a contract teacher may apply once the contract has run this many years" },
  unit: "years",
  ruleIds: ["DS-ELIGIBLE-INSCHOOL"],
  schema: Num,
  history: [
    {
      effectiveFrom: d("2023-01-15"),
      value: 2,
      citation: S.gansuDualQualified2023("第二条"),
      verified: false,
      note: { zh: "甘肃省规定；作为全国默认值未经核实", en: "the Gansu rule; unverified as a national default" }
    }
  ]
})

/**
 * DS-ELIGIBLE-ENTERPRISE: statutory retirement age, men (part-time teachers are generally not above it).
 *
 * @since 0.1.0
 * @category dual-qualified
 */
export const retirementAgeMale = Parameter.make({
  id: "person.retirementAgeMale",
  title: { zh: "法定退休年龄（男）", en: "statutory retirement age (men)" },
  description: { zh: "男性法定退休年龄（2025年起渐进式延迟，未编码）", en: "men's statutory retirement age (the gradual raise from 2025 is not encoded)" },
  unit: "years",
  ruleIds: ["DS-ELIGIBLE-ENTERPRISE"],
  schema: Num,
  history: [{ effectiveFrom: d("1978-06-02"), value: 60, citation: S.retirement1978, verified: false }]
})

/**
 * DS-ELIGIBLE-ENTERPRISE: statutory retirement age, women (cadre age 55; female workers 50 not distinguished).
 *
 * @since 0.1.0
 * @category dual-qualified
 */
export const retirementAgeFemale = Parameter.make({
  id: "person.retirementAgeFemale",
  title: { zh: "法定退休年龄（女）", en: "statutory retirement age (women)" },
  description: { zh: "女性法定退休年龄（按干部55岁；2025年起渐进式延迟，未编码）", en: "women's statutory retirement age (cadres, 55; the raise from 2025 is not encoded)" },
  unit: "years",
  ruleIds: ["DS-ELIGIBLE-ENTERPRISE"],
  schema: Num,
  history: [{ effectiveFrom: d("1978-06-02"), value: 55, citation: S.retirement1978, verified: false }]
})

/**
 * DS-ETHICS-VETO: the impact period of a failed ethics appraisal when the record does not give its end.
 *
 * @since 0.1.0
 * @category dual-qualified
 */
export const dsEthicsImpactYears = Parameter.make({
  id: "ds.ethicsImpactYears",
  title: { zh: "师德考核不合格影响期（默认）", en: "ethics veto period (default)" },
  description: {
    zh: "师德考核不合格的，影响期内不得申报、已认定的予以撤销；记录未写明影响期时按考核年度后该年数计",
    en: "a failed ethics appraisal bars application and revokes certification during its impact period; when the record gives no end, this many years after the appraisal year"
  },
  unit: "years",
  ruleIds: ["DS-ETHICS-VETO"],
  schema: Num,
  history: [
    {
      effectiveFrom: d("2022-10-25"),
      value: 1,
      citation: S.dualQualifiedNotice2022("二"),
      verified: false,
      note: { zh: "影响期长度由师德考核规定确定，此处为默认值", en: "the length is set by the ethics rules; this is a default" }
    }
  ]
})

/**
 * DS-VALIDITY: years a certification stays valid (0: no fixed validity — none was found nationally).
 *
 * @since 0.1.0
 * @category dual-qualified
 */
export const dsValidityYears = ds("ds.validityYears", ["DS-VALIDITY"], { zh: "双师型认定有效期（0 表示未规定）", en: "certification validity (0: none set)" }, "years", Num, 0)

/**
 * DS-ACHIEVEMENT-MID, DS-LEADERSHIP-HIGH: the window in which awards and services count.
 *
 * @since 0.1.0
 * @category dual-qualified
 */
export const dsAchievementWindowYears = ds("ds.achievementWindowYears", ["DS-ACHIEVEMENT-MID", "DS-LEADERSHIP-HIGH"], { zh: "业绩统计年限", en: "achievement window" }, "years", Num, 5)

/**
 * DS-TEACHER-CERT: teacher-qualification levels accepted for 中职 certification.
 *
 * @since 0.1.0
 * @category dual-qualified
 */
export const dsSecondaryTeacherCertLevels = ds(
  "ds.secondary.teacherCertLevels",
  ["DS-TEACHER-CERT"],
  { zh: "中职认定认可的教师资格种类", en: "teacher qualifications accepted (secondary)" },
  "list",
  Schema.Array(Schema.String),
  ["中等职业学校", "中等职业学校实习指导", "高级中学", "高等学校"]
)

/**
 * DS-TEACHER-CERT: teacher-qualification levels accepted for 高职 certification.
 *
 * @since 0.1.0
 * @category dual-qualified
 */
export const dsHigherTeacherCertLevels = ds(
  "ds.higher.teacherCertLevels",
  ["DS-TEACHER-CERT"],
  { zh: "高职认定认可的教师资格种类", en: "teacher qualifications accepted (higher)" },
  "list",
  Schema.Array(Schema.String),
  ["高等学校"]
)

const lv = { junior: "初级", intermediate: "中级", senior: "高级" } as const
const st = { secondary: "中职", higher: "高职" } as const
const practiceMonths = (school: keyof typeof st, level: keyof typeof lv, rules: ReadonlyArray<string>, value: number) =>
  ds(`ds.${school}.${level}.practiceMonths`, rules, { zh: `${st[school]}${lv[level]}：企业实践月数`, en: `${school} ${level}: practice months` }, "months", Num, value)
const minSkill = (school: keyof typeof st | "enterprise", level: keyof typeof lv, rules: ReadonlyArray<string>, value: typeof SkillLevel.Type) =>
  ds(`ds.${school}.${level}.minSkill`, rules, { zh: `${school === "enterprise" ? "企业兼职教师" : st[school]}${lv[level]}：最低职业技能等级`, en: `${school} ${level}: minimum skill level` }, "category", SkillLevel, value, skillLabels)
const minTitle = (school: keyof typeof st | "enterprise", level: keyof typeof lv, kind: "teaching" | "technical", rules: ReadonlyArray<string>, value: typeof TitleLevel.Type) =>
  ds(
    `ds.${school}.${level}.min${kind === "teaching" ? "Title" : "TechTitle"}`,
    rules,
    {
      zh: `${school === "enterprise" ? "企业兼职教师" : st[school]}${lv[level]}：最低${kind === "teaching" ? "教师系列职称" : "专业技术职称（非教师系列）"}`,
      en: `${school} ${level}: minimum ${kind === "teaching" ? "teaching" : "technical"} title`
    },
    "category",
    TitleLevel,
    value,
    titleLabels
  )
const awardLevel = (school: keyof typeof st, level: keyof typeof lv, rules: ReadonlyArray<string>, value: typeof AwardLevel.Type) =>
  ds(`ds.${school}.${level}.awardLevel`, rules, { zh: `${st[school]}${lv[level]}：最低获奖级别`, en: `${school} ${level}: minimum award level` }, "category", AwardLevel, value, awardLabels)
const workYears = (level: keyof typeof lv, rules: ReadonlyArray<string>, value: number) =>
  ds(`ds.enterprise.${level}.workYears`, rules, { zh: `企业兼职教师${lv[level]}：企业工作年限`, en: `enterprise ${level}: years of enterprise work` }, "years", Num, value)

/**
 * The thresholds of the 双师型 criteria table (`shuangshi.md` §3): 中职 (secondary), 高职 (higher; one step
 * higher for skills and awards), enterprise part-time teachers. Every one is a pattern placeholder with
 * `verified: false` until a provincial pack confirms it.
 *
 * @since 0.1.0
 * @category dual-qualified
 */
export const dsThresholds = {
  secondary: {
    junior: {
      practiceMonths: practiceMonths("secondary", "junior", ["DS-PRACTICE-OR-CERT", "DS-ENTERPRISE-PRACTICE-BASELINE"], 6),
      minSkill: minSkill("secondary", "junior", ["DS-PRACTICE-OR-CERT"], "level-4"),
      minTechTitle: minTitle("secondary", "junior", "technical", ["DS-PRACTICE-OR-CERT"], "junior")
    },
    intermediate: {
      minTitle: minTitle("secondary", "intermediate", "teaching", ["DS-TITLE-MID"], "intermediate"),
      practiceMonths: practiceMonths("secondary", "intermediate", ["DS-PRACTICE-OR-CERT-MID"], 12),
      minSkill: minSkill("secondary", "intermediate", ["DS-PRACTICE-OR-CERT-MID"], "level-3"),
      minTechTitle: minTitle("secondary", "intermediate", "technical", ["DS-PRACTICE-OR-CERT-MID"], "intermediate"),
      awardLevel: awardLevel("secondary", "intermediate", ["DS-ACHIEVEMENT-MID"], "city")
    },
    senior: {
      minTitle: minTitle("secondary", "senior", "teaching", ["DS-TITLE-HIGH"], "associate-senior"),
      practiceMonths: practiceMonths("secondary", "senior", ["DS-SKILL-HIGH"], 12),
      minSkill: minSkill("secondary", "senior", ["DS-SKILL-HIGH"], "level-2"),
      minTechTitle: minTitle("secondary", "senior", "technical", ["DS-SKILL-HIGH"], "intermediate"),
      awardLevel: awardLevel("secondary", "senior", ["DS-LEADERSHIP-HIGH"], "provincial")
    }
  },
  higher: {
    junior: {
      practiceMonths: practiceMonths("higher", "junior", ["DS-PRACTICE-OR-CERT", "DS-ENTERPRISE-PRACTICE-BASELINE"], 6),
      minSkill: minSkill("higher", "junior", ["DS-PRACTICE-OR-CERT"], "level-3"),
      minTechTitle: minTitle("higher", "junior", "technical", ["DS-PRACTICE-OR-CERT"], "junior")
    },
    intermediate: {
      minTitle: minTitle("higher", "intermediate", "teaching", ["DS-TITLE-MID"], "intermediate"),
      practiceMonths: practiceMonths("higher", "intermediate", ["DS-PRACTICE-OR-CERT-MID"], 12),
      minSkill: minSkill("higher", "intermediate", ["DS-PRACTICE-OR-CERT-MID"], "level-2"),
      minTechTitle: minTitle("higher", "intermediate", "technical", ["DS-PRACTICE-OR-CERT-MID"], "intermediate"),
      awardLevel: awardLevel("higher", "intermediate", ["DS-ACHIEVEMENT-MID"], "provincial")
    },
    senior: {
      minTitle: minTitle("higher", "senior", "teaching", ["DS-TITLE-HIGH"], "associate-senior"),
      practiceMonths: practiceMonths("higher", "senior", ["DS-SKILL-HIGH"], 18),
      minSkill: minSkill("higher", "senior", ["DS-SKILL-HIGH"], "level-1"),
      minTechTitle: minTitle("higher", "senior", "technical", ["DS-SKILL-HIGH"], "associate-senior"),
      awardLevel: awardLevel("higher", "senior", ["DS-LEADERSHIP-HIGH"], "national")
    }
  },
  enterprise: {
    junior: {
      workYears: workYears("junior", ["DS-ENT-L1"], 3),
      minSkill: minSkill("enterprise", "junior", ["DS-ENT-L1"], "level-3"),
      minTechTitle: minTitle("enterprise", "junior", "technical", ["DS-ENT-L1"], "junior")
    },
    intermediate: {
      workYears: workYears("intermediate", ["DS-ENT-L2"], 5),
      minSkill: minSkill("enterprise", "intermediate", ["DS-ENT-L2"], "level-2"),
      minTechTitle: minTitle("enterprise", "intermediate", "technical", ["DS-ENT-L2"], "intermediate")
    },
    senior: {
      minSkill: minSkill("enterprise", "senior", ["DS-ENT-L3"], "level-1"),
      minTechTitle: minTitle("enterprise", "senior", "technical", ["DS-ENT-L3"], "associate-senior")
    }
  }
} as const

/**
 * PT-EXP-YEARS, DS-PARTTIME-HIRE-STD: years of relevant work a part-time teacher needs (2023 办法 possibly 3;
 * 2012: 5 — both unverified; Yantai and Fujian say 5, a local pack's value).
 *
 * @since 0.1.0
 * @category part-time
 */
export const ptMinExperienceYears = Parameter.make({
  id: "partTime.minExperienceYears",
  title: { zh: "兼职教师相关工作年限下限", en: "part-time teacher: minimum years of experience" },
  description: { zh: "兼职教师应具有的相关企业或单位工作年限", en: "years of relevant enterprise work a part-time teacher needs" },
  unit: "years",
  ruleIds: ["PT-EXP-YEARS", "DS-PARTTIME-HIRE-STD"],
  schema: Num,
  history: [{ effectiveFrom: d("2023-08-01"), value: 3, citation: S.partTime2023("（条号未核实）"), verified: false }]
})

/**
 * PT-QUAL, DS-PARTTIME-HIRE-STD: a 中级+ title, or …
 *
 * @since 0.1.0
 * @category part-time
 */
export const ptMinTitle = Parameter.make({
  id: "partTime.minTitle",
  title: { zh: "兼职教师最低职称", en: "part-time teacher: minimum title" },
  description: { zh: "兼职教师原则上具有中级及以上专业技术职称，或下述技能等级", en: "in principle an intermediate or higher title, or the skill level below" },
  unit: "category",
  ruleIds: ["PT-QUAL", "DS-PARTTIME-HIRE-STD"],
  schema: TitleLevel,
  labels: titleLabels,
  history: [{ effectiveFrom: d("2023-08-01"), value: "intermediate", citation: S.partTime2023("（条号未核实）"), verified: false }]
})

/**
 * PT-QUAL, DS-PARTTIME-HIRE-STD: … or a 高级工+ skill level.
 *
 * @since 0.1.0
 * @category part-time
 */
export const ptMinSkill = Parameter.make({
  id: "partTime.minSkill",
  title: { zh: "兼职教师最低职业技能等级", en: "part-time teacher: minimum skill level" },
  description: { zh: "或具有高级工及以上职业技能等级", en: "or a senior-worker (level 3) or higher skill level" },
  unit: "category",
  ruleIds: ["PT-QUAL", "DS-PARTTIME-HIRE-STD"],
  schema: SkillLevel,
  labels: skillLabels,
  history: [{ effectiveFrom: d("2023-08-01"), value: "level-3", citation: S.partTime2023("（条号未核实）"), verified: false }]
})

/**
 * The age limit at hiring for part-time teachers (the 2012 办法's ~65; unverified).
 *
 * @since 0.1.0
 * @category part-time
 */
export const ptMaxAge = Parameter.make({
  id: "partTime.maxAge",
  title: { zh: "兼职教师年龄上限", en: "part-time teacher: age limit" },
  description: { zh: "聘任时年龄一般不超过该值", en: "generally not older than this when hired" },
  unit: "years",
  ruleIds: ["PT-QUAL"],
  schema: Num,
  history: [{ effectiveFrom: d("2012-01-01"), value: 65, citation: { ...S.partTime2023("（2012年版，条号未核实）"), docNumber: undefined }, verified: false }]
})

/**
 * PT-TERM: shortest appointment (months). No national value: a local pack sets it (Yantai: one semester).
 *
 * @since 0.1.0
 * @category part-time
 */
export const ptTermMinMonths = Parameter.make({
  id: "partTime.termMinMonths",
  title: { zh: "兼职教师最短聘期（月）", en: "part-time teacher: shortest term (months)" },
  description: { zh: "国家层面无规定，由地方规则包设定（如烟台：一学期）", en: "no national value; a local pack sets it (Yantai: one semester)" },
  unit: "months",
  ruleIds: ["PT-TERM"],
  schema: Num,
  history: []
})

/**
 * PT-TERM: longest appointment (years). No national value: a local pack sets it (Yantai: 2 years).
 *
 * @since 0.1.0
 * @category part-time
 */
export const ptTermMaxYears = Parameter.make({
  id: "partTime.termMaxYears",
  title: { zh: "兼职教师最长聘期（年）", en: "part-time teacher: longest term (years)" },
  description: { zh: "国家层面无规定，由地方规则包设定（如烟台：2年）", en: "no national value; a local pack sets it (Yantai: 2 years)" },
  unit: "years",
  ruleIds: ["PT-TERM"],
  schema: Num,
  history: []
})

/**
 * PT-SHARE-30, DS-PARTTIME-SHARE-CAP: part-time teachers at most this share of full-time + part-time teachers
 * (2012 national, unverified; Yantai 30% is local).
 *
 * @since 0.1.0
 * @category part-time
 */
export const ptShareMax = Parameter.make({
  id: "partTime.shareMax",
  title: { zh: "兼职教师占比上限", en: "part-time teacher share cap" },
  description: { zh: "兼职教师一般不超过专兼职教师总数的该比例", en: "part-time teachers generally at most this share of all teachers" },
  unit: "ratio",
  ruleIds: ["PT-SHARE-30", "DS-PARTTIME-SHARE-CAP"],
  schema: Share,
  history: [{ effectiveFrom: d("2012-01-01"), value: 0.3, citation: { ...S.partTime2023("（2012年版，条号未核实）"), docNumber: undefined }, verified: false }]
})

/**
 * PT-QUOTA-STAFF: the share of the staffing quota usable for part-time teachers ("一定比例": no national
 * number; Yantai 20%, Fujian up to 30% are local).
 *
 * @since 0.1.0
 * @category part-time
 */
export const ptStaffQuotaShare = Parameter.make({
  id: "partTime.staffQuotaShare",
  title: { zh: "可用于聘请兼职教师的编制比例", en: "staffing quota share for part-time teachers" },
  description: { zh: "学校可用一定比例的编制聘请兼职教师（国家层面无具体数字）", en: "a share of the staffing quota may fund part-time teachers (no national number)" },
  unit: "ratio",
  ruleIds: ["PT-QUOTA-STAFF"],
  schema: Share,
  history: []
})

// -- Agreements ---------------------------------------------------------------------------------------------

/**
 * AGR-TERM-3Y: the minimum cooperation term when the enterprise takes interns (unverified).
 *
 * @since 0.1.0
 * @category agreement
 */
export const agreementMinTermYearsWithInterns = Parameter.make({
  id: "agreement.minTermYearsWithInterns",
  title: { zh: "接收实习生的合作协议最短期限", en: "minimum term when interns are taken" },
  description: { zh: "企业接收实习生的，合作期限应不少于3年", en: "at least 3 years when the enterprise takes interns" },
  unit: "years",
  ruleIds: ["AGR-TERM-3Y"],
  schema: Num,
  history: [{ effectiveFrom: d("2018-02-22"), value: 3, citation: S.cooperation2018("第十一条（条号未核实）"), verified: false }]
})

/**
 * How many days before an agreement's end it counts as expiring (a default a school may change).
 *
 * @since 0.1.0
 * @category agreement
 */
export const agreementExpiryNoticeDays = Parameter.make({
  id: "agreement.expiryNoticeDays",
  title: { zh: "协议到期预警天数", en: "agreement expiry notice" },
  description: { zh: "协议到期前该天数进入“即将到期”", en: "an agreement is expiring this many days before its end" },
  unit: "days",
  ruleIds: ["AGR-WRITTEN"],
  schema: Num,
  history: [{ effectiveFrom: d("2018-02-22"), value: 90, citation: S.cooperation2018("（默认值）", "I"), verified: true }]
})

/**
 * How many days before a deliverable's due date it is reported as due soon.
 *
 * @since 0.1.0
 * @category agreement
 */
export const agreementDeliverableNoticeDays = Parameter.make({
  id: "agreement.deliverableNoticeDays",
  title: { zh: "约定成果到期预警天数", en: "deliverable notice" },
  description: { zh: "约定成果到期前该天数开始提醒", en: "deliverables are reported this many days before they are due" },
  unit: "days",
  ruleIds: ["AGR-WRITTEN"],
  schema: Num,
  history: [{ effectiveFrom: d("2018-02-22"), value: 30, citation: S.cooperation2018("（默认值）", "I"), verified: true }]
})

const apprenticeship2021 = (article: string): Citation => ({
  document: "关于全面推行中国特色企业新型学徒制 加强技能人才培养的指导意见",
  docNumber: "人社部发〔2021〕39号",
  article,
  issuer: "人力资源社会保障部、财政部",
  date: d("2021-06-08"),
  confidence: "S"
})

/**
 * APP-NEW-CONTRACT: an enterprise new-type apprentice has a labour contract of at least a year.
 * @since 0.1.0
 * @category apprenticeship
 */
export const apprenticeMinContractYears = Parameter.make({
  id: "apprenticeship.minContractYears",
  title: { zh: "学徒劳动合同最短期限", en: "apprentice labour contract minimum" },
  description: { zh: "企业新型学徒须签订1年以上劳动合同", en: "enterprise new-type apprentices hold a labour contract of at least 1 year" },
  unit: "years",
  ruleIds: ["APP-NEW-CONTRACT"],
  schema: Num,
  history: [{ effectiveFrom: d("2021-06-08"), value: 1, citation: apprenticeship2021("培养对象"), verified: true }]
})

/**
 * APP-NEW-DURATION: the apprenticeship lasts 1 to 2 years …
 * @since 0.1.0
 * @category apprenticeship
 */
export const apprenticeUsualMaxYears = Parameter.make({
  id: "apprenticeship.usualMaxYears",
  title: { zh: "学徒培养一般最长期限", en: "usual longest apprenticeship" },
  description: { zh: "学徒培养期一般为1至2年", en: "an apprenticeship usually lasts 1 to 2 years" },
  unit: "years",
  ruleIds: ["APP-NEW-DURATION"],
  schema: Num,
  history: [{ effectiveFrom: d("2021-06-08"), value: 2, citation: apprenticeship2021("培养期限"), verified: true }]
})

/**
 * APP-NEW-DURATION: … and at most 3 in special cases; at least 1.
 * @since 0.1.0
 * @category apprenticeship
 */
export const apprenticeMaxYears = Parameter.make({
  id: "apprenticeship.maxYears",
  title: { zh: "学徒培养最长期限", en: "longest apprenticeship" },
  description: { zh: "特殊情况可延长至3年", en: "up to 3 years in special cases" },
  unit: "years",
  ruleIds: ["APP-NEW-DURATION"],
  schema: Num,
  history: [{ effectiveFrom: d("2021-06-08"), value: 3, citation: apprenticeship2021("培养期限"), verified: true }]
})

/**
 * APP-NEW-DURATION: the shortest apprenticeship.
 * @since 0.1.0
 * @category apprenticeship
 */
export const apprenticeMinYears = Parameter.make({
  id: "apprenticeship.minYears",
  title: { zh: "学徒培养最短期限", en: "shortest apprenticeship" },
  description: { zh: "学徒培养期一般不少于1年", en: "an apprenticeship lasts at least 1 year" },
  unit: "years",
  ruleIds: ["APP-NEW-DURATION"],
  schema: Num,
  history: [{ effectiveFrom: d("2021-06-08"), value: 1, citation: apprenticeship2021("培养期限"), verified: true }]
})

/**
 * APP-NEW-SUBSIDY: the training subsidy, in principle at least 5,000 yuan per apprentice per year.
 * @since 0.1.0
 * @category apprenticeship
 */
export const apprenticeMinSubsidy = Parameter.make({
  id: "apprenticeship.minSubsidy",
  title: { zh: "学徒培训补贴标准", en: "apprenticeship subsidy" },
  description: { zh: "补贴标准原则上每人每年不低于5000元", en: "in principle at least 5,000 yuan per apprentice per year" },
  unit: "yuan",
  ruleIds: ["APP-NEW-SUBSIDY"],
  schema: Num,
  history: [{ effectiveFrom: d("2021-06-08"), value: 5000, citation: apprenticeship2021("补贴政策"), verified: true }]
})

// -- Indicators (设置标准 2010; 达标工程 2022) -----------------------------------------------------------------

const indicator = (
  id: string,
  ruleIds: ReadonlyArray<string>,
  title: { zh: string; en: string },
  description: { zh: string; en: string },
  unit: Parameter.Unit,
  history: ReadonlyArray<Parameter.Entry<number>>
) => Parameter.make({ id, title, description, unit, ruleIds, schema: Num, history })

/**
 * IND-ENROL-1200.
 * @since 0.1.0
 * @category indicator
 */
export const schoolMinEnrolment = indicator(
  "school.minEnrolment",
  ["IND-ENROL-1200"],
  { zh: "全日制学历教育在校生下限", en: "minimum full-time diploma enrolment" },
  { zh: "学历教育在校生规模不少于1200人", en: "at least 1,200 full-time diploma students" },
  "count",
  [{ effectiveFrom: d("2010-07-06"), value: 1200, citation: S.setupStandard2010("第六条"), verified: true }]
)

/**
 * IND-FT-60.
 * @since 0.1.0
 * @category indicator
 */
export const schoolMinFullTimeTeachers = indicator(
  "school.minFullTimeTeachers",
  ["IND-FT-60"],
  { zh: "专任教师数下限", en: "minimum full-time teachers" },
  { zh: "专任教师一般不少于60人", en: "generally at least 60 full-time teachers" },
  "count",
  [{ effectiveFrom: d("2010-07-06"), value: 60, citation: S.setupStandard2010("第七条"), verified: true }]
)

/**
 * IND-STR-20.
 * @since 0.1.0
 * @category indicator
 */
export const schoolMaxStudentsPerTeacher = indicator(
  "school.maxStudentsPerTeacher",
  ["IND-STR-20"],
  { zh: "生师比上限", en: "maximum students per teacher" },
  { zh: "师生比达到1:20", en: "a teacher–student ratio of 1:20" },
  "students-per-teacher",
  [{ effectiveFrom: d("2010-07-06"), value: 20, citation: S.setupStandard2010("第七条"), verified: true }]
)

/**
 * IND-SENIOR-20.
 * @since 0.1.0
 * @category indicator
 */
export const schoolMinSeniorShare = indicator(
  "school.minSeniorShare",
  ["IND-SENIOR-20"],
  { zh: "高级职称专任教师比例下限", en: "minimum senior-title share" },
  { zh: "具有高级专业技术职务的专任教师不低于20%", en: "at least 20% of full-time teachers with senior titles" },
  "ratio",
  [{ effectiveFrom: d("2010-07-06"), value: 0.2, citation: S.setupStandard2010("第七条"), verified: true }]
)

/**
 * IND-PROF-50.
 * @since 0.1.0
 * @category indicator
 */
export const schoolMinProfessionalShare = indicator(
  "school.minProfessionalShare",
  ["IND-PROF-50"],
  { zh: "专业教师比例下限", en: "minimum professional-teacher share" },
  { zh: "专业教师不低于专任教师总数的50%", en: "professional teachers at least 50% of full-time teachers" },
  "ratio",
  [{ effectiveFrom: d("2010-07-06"), value: 0.5, citation: S.setupStandard2010("第七条"), verified: true }]
)

/**
 * IND-DS-30: the base is read as professional teachers (it could be read as all full-time teachers).
 * @since 0.1.0
 * @category indicator
 */
export const schoolMinDualQualifiedShare = indicator(
  "school.minDualQualifiedShare",
  ["IND-DS-30"],
  { zh: "双师型教师比例下限", en: "minimum dual-qualified share" },
  { zh: "其中双师型教师不低于30%（基数按专业教师理解，亦可理解为专任教师）", en: "at least 30% dual-qualified (base read as professional teachers; could be all full-time teachers)" },
  "ratio",
  [{ effectiveFrom: d("2010-07-06"), value: 0.3, citation: S.setupStandard2010("第七条"), verified: true }]
)

/**
 * IND-MAJOR-2MID.
 * @since 0.1.0
 * @category indicator
 */
export const schoolMinMidTitleTeachersPerMajor = indicator(
  "school.minMidTitleTeachersPerMajor",
  ["IND-MAJOR-2MID"],
  { zh: "每专业中级以上职称专任教师下限", en: "minimum intermediate-title teachers per major" },
  { zh: "每个专业至少2名具有相关专业中级以上职称的专任教师", en: "each major at least 2 full-time teachers with a relevant intermediate or higher title" },
  "count",
  [{ effectiveFrom: d("2010-07-06"), value: 2, citation: S.setupStandard2010("第七条"), verified: true }]
)

/**
 * PT-SHARE-STD: part-time teachers with practical experience ≈ 20% of full-time teachers (a target).
 * @since 0.1.0
 * @category indicator
 */
export const schoolPartTimeShareTarget = indicator(
  "school.partTimeShareTarget",
  ["PT-SHARE-STD"],
  { zh: "兼职教师比例目标", en: "part-time teacher share target" },
  { zh: "聘请有实践经验的兼职教师占专任教师总数的20%左右", en: "part-time teachers with practical experience about 20% of full-time teachers" },
  "ratio",
  [{ effectiveFrom: d("2010-07-06"), value: 0.2, citation: S.setupStandard2010("第七条"), verified: true }]
)

/**
 * TCH-DS-TARGET: dual-qualified teachers above half of professional-course teachers (unverified target).
 * @since 0.1.0
 * @category indicator
 */
export const dualQualifiedTarget = indicator(
  "school.dualQualifiedTarget",
  ["TCH-DS-TARGET"],
  { zh: "双师型教师占专业课教师比例目标", en: "dual-qualified target share" },
  { zh: "双师型教师占专业课教师总数超过一半", en: "dual-qualified teachers above half of professional-course teachers" },
  "ratio",
  [{ effectiveFrom: d("2019-01-24"), value: 0.5, citation: S.reform2019, verified: false }]
)

/**
 * IND-LAND (total).
 * @since 0.1.0
 * @category indicator
 */
export const schoolMinLandArea = indicator(
  "school.minLandArea",
  ["IND-LAND"],
  { zh: "校园占地面积下限", en: "minimum campus land" },
  { zh: "校园占地面积不少于40000平方米", en: "at least 40,000 m² of campus land" },
  "square-metres",
  [{ effectiveFrom: d("2010-07-06"), value: 40000, citation: S.setupStandard2010("第八条"), verified: true }]
)

/**
 * IND-LAND (per student).
 * @since 0.1.0
 * @category indicator
 */
export const schoolMinLandPerStudent = indicator(
  "school.minLandPerStudent",
  ["IND-LAND"],
  { zh: "生均占地面积下限", en: "minimum land per student" },
  { zh: "生均占地面积不少于33平方米", en: "at least 33 m² of land per student" },
  "square-metres-per-student",
  [{ effectiveFrom: d("2010-07-06"), value: 33, citation: S.setupStandard2010("第八条"), verified: true }]
)

/**
 * IND-BUILD (total).
 * @since 0.1.0
 * @category indicator
 */
export const schoolMinBuildingArea = indicator(
  "school.minBuildingArea",
  ["IND-BUILD"],
  { zh: "校舍建筑面积下限", en: "minimum building floor area" },
  { zh: "校舍建筑面积不少于24000平方米", en: "at least 24,000 m² of buildings" },
  "square-metres",
  [{ effectiveFrom: d("2010-07-06"), value: 24000, citation: S.setupStandard2010("第八条"), verified: true }]
)

/**
 * IND-BUILD (per student).
 * @since 0.1.0
 * @category indicator
 */
export const schoolMinBuildingPerStudent = indicator(
  "school.minBuildingPerStudent",
  ["IND-BUILD"],
  { zh: "生均校舍建筑面积下限", en: "minimum building area per student" },
  { zh: "生均校舍建筑面积不少于20平方米", en: "at least 20 m² of buildings per student" },
  "square-metres-per-student",
  [{ effectiveFrom: d("2010-07-06"), value: 20, citation: S.setupStandard2010("第八条"), verified: true }]
)

/**
 * IND-TRACK.
 * @since 0.1.0
 * @category indicator
 */
export const schoolMinTrackLength = indicator(
  "school.minTrackLength",
  ["IND-TRACK"],
  { zh: "环形跑道长度下限", en: "minimum ring track" },
  { zh: "有200米以上环形跑道的田径场", en: "a sports ground with a ring track of at least 200 m" },
  "metres",
  [{ effectiveFrom: d("2010-07-06"), value: 200, citation: S.setupStandard2010("第八条"), verified: true }]
)

/**
 * IND-EQUIP (total), from the 达标工程 (the implementation plan's exact date is not verified; dated here from
 * November 2022 when it was reported).
 * @since 0.1.0
 * @category indicator
 */
export const schoolMinEquipmentValue = indicator(
  "school.minEquipmentValue",
  ["IND-EQUIP"],
  { zh: "教学仪器设备总值下限", en: "minimum equipment value" },
  { zh: "教学仪器设备总值不低于300万元", en: "teaching equipment worth at least 3,000,000 yuan" },
  "yuan",
  [{ effectiveFrom: d("2022-11-01"), value: 3_000_000, citation: S.dabiao2022("重点监测指标"), verified: true }]
)

/**
 * IND-EQUIP (per student; 3,000 for engineering and medicine is unverified and not encoded).
 * @since 0.1.0
 * @category indicator
 */
export const schoolMinEquipmentPerStudent = indicator(
  "school.minEquipmentPerStudent",
  ["IND-EQUIP"],
  { zh: "生均教学仪器设备值下限", en: "minimum equipment value per student" },
  { zh: "生均教学仪器设备值不低于2500元", en: "at least 2,500 yuan of equipment per student" },
  "yuan-per-student",
  [{ effectiveFrom: d("2022-11-01"), value: 2500, citation: S.dabiao2022("重点监测指标"), verified: true }]
)

/**
 * IND-BOOKS.
 * @since 0.1.0
 * @category indicator
 */
export const schoolMinBooksPerStudent = indicator(
  "school.minBooksPerStudent",
  ["IND-BOOKS"],
  { zh: "生均纸质图书下限", en: "minimum books per student" },
  { zh: "生均纸质图书不少于30册", en: "at least 30 printed books per student" },
  "books-per-student",
  [
    { effectiveFrom: d("2010-07-06"), value: 30, citation: S.setupStandard2010("第九条", "S"), verified: true },
    { effectiveFrom: d("2022-11-01"), value: 30, citation: S.dabiao2022("重点监测指标"), verified: true }
  ]
)

/**
 * PEI-INTERN-60: one 产教融合型企业 condition — hosts at least 60 interns a year (unverified).
 * @since 0.1.0
 * @category enterprise
 */
export const peiMinInternsPerYear = indicator(
  "enterprise.peiMinInternsPerYear",
  ["PEI-INTERN-60"],
  { zh: "产教融合型企业年接收实习生下限", en: "PEI minimum interns per year" },
  { zh: "年接收学生实习（实习期3个月以上）不少于60人", en: "at least 60 interns a year for internships of 3 months or more" },
  "count",
  [{ effectiveFrom: d("2019-04-03"), value: 60, citation: S.peiMeasures2019("第五条", "M"), verified: false }]
)

/**
 * PEI-INTERN-60: the minimum internship length that counts (unverified).
 * @since 0.1.0
 * @category enterprise
 */
export const peiMinInternshipMonths = indicator(
  "enterprise.peiMinInternshipMonths",
  ["PEI-INTERN-60"],
  { zh: "产教融合型企业实习期下限", en: "PEI minimum internship length" },
  { zh: "计入的实习期不少于3个月", en: "internships of at least 3 months count" },
  "months",
  [{ effectiveFrom: d("2019-04-03"), value: 3, citation: S.peiMeasures2019("第五条", "M"), verified: false }]
)

// -- Indicator periods and the plan's own targets (PLAN-*) ---------------------------------------------------

/**
 * The first day (month-day) of the school year (学年) indicators count over.
 *
 * @since 0.1.0
 * @category indicator
 */
export const schoolYearStart = Parameter.make({
  id: "indicator.schoolYearStart",
  title: { zh: "学年起始日", en: "school year start" },
  description: { zh: "学年自该月日开始（默认9月1日）", en: "the school year starts on this month-day (default 1 September)" },
  unit: "category",
  ruleIds: ["QR-TABLES"],
  schema: Schema.String.pipe(Schema.pattern(/^\d{2}-\d{2}$/)),
  history: [{ effectiveFrom: d("2000-01-01"), value: "09-01", citation: { document: "学年制（通行做法）", confidence: "I" }, verified: true }]
})

const plan = (id: string, ruleId: string, title: { zh: string; en: string }, unit: Parameter.Unit, value: number | undefined) =>
  Parameter.make({
    id,
    title,
    description: { zh: `${title.zh}（学校自定目标${value === undefined ? "，无默认值" : ""}）`, en: `${title.en} (a target the school sets${value === undefined ? "; no default" : ""})` },
    unit,
    ruleIds: [ruleId],
    schema: Num,
    history:
      value === undefined
        ? []
        : [{ effectiveFrom: d("2024-04-28"), value, citation: { document: "校企合作与产教融合建设方案（学校计划）", date: d("2024-04-28"), confidence: "I" }, verified: true }]
  })

/** PLAN-MAJOR-PARTNER target. @since 0.1.0 @category indicator */
export const planMajorPartnerTarget = plan("plan.majorPartnerTarget", "PLAN-MAJOR-PARTNER", { zh: "一专一名企覆盖率目标", en: "major–partner coverage target" }, "ratio", 1)
/** PLAN-TEACHER-PLAN target. @since 0.1.0 @category indicator */
export const planTeacherPlanTarget = plan("plan.teacherPlanTarget", "PLAN-TEACHER-PLAN", { zh: "一师一方案覆盖率目标", en: "teacher plan coverage target" }, "ratio", 1)
/** PLAN-STUDENT-PROJECT target. @since 0.1.0 @category indicator */
export const planStudentProjectTarget = plan("plan.studentProjectTarget", "PLAN-STUDENT-PROJECT", { zh: "一生一专项覆盖率目标", en: "student project coverage target" }, "ratio", 1)
/** PLAN-SIX-MECHANISMS target. @since 0.1.0 @category indicator */
export const planSixMechanismsTarget = plan("plan.sixMechanismsTarget", "PLAN-SIX-MECHANISMS", { zh: "六项合作机制运行目标", en: "mechanisms in use target" }, "count", 6)
/** PLAN-ENTERPRISE-TEACHERS target (≈ PT-SHARE-STD). @since 0.1.0 @category indicator */
export const planEnterpriseTeachersTarget = plan("plan.enterpriseTeachersTarget", "PLAN-ENTERPRISE-TEACHERS", { zh: "企业兼职教师占专业课教师比例目标", en: "industry teacher share target" }, "ratio", 0.2)
/** PLAN-ORDER-CLASS target (school-set). @since 0.1.0 @category indicator */
export const planOrderClassTarget = plan("plan.orderClassTarget", "PLAN-ORDER-CLASS", { zh: "订单班/学徒班学生比例目标", en: "order-class share target" }, "ratio", undefined)
/** PLAN-DUAL-ASSESS target. @since 0.1.0 @category indicator */
export const planDualAssessTarget = plan("plan.dualAssessTarget", "PLAN-DUAL-ASSESS", { zh: "校企双主体评价完成率目标", en: "dual assessment target" }, "ratio", 1)
/** PLAN-PRACTICE-COMPLIANT target. @since 0.1.0 @category indicator */
export const planPracticeCompliantTarget = plan("plan.practiceCompliantTarget", "PLAN-PRACTICE-COMPLIANT", { zh: "教师企业实践达标率目标", en: "practice compliance target" }, "ratio", 1)
/** PLAN-INTERN-COMPLIANT target. @since 0.1.0 @category indicator */
export const planInternCompliantTarget = plan("plan.internCompliantTarget", "PLAN-INTERN-COMPLIANT", { zh: "岗位实习合规率目标", en: "compliant internships target" }, "ratio", 1)
/** PLAN-INTERN-MATCH target. @since 0.1.0 @category indicator */
export const planInternMatchTarget = plan("plan.internMatchTarget", "PLAN-INTERN-MATCH", { zh: "岗位实习专业对口率目标", en: "internship match target" }, "ratio", 1)

/**
 * IND-DB-TARGET: the share of in-scope schools meeting every key indicator, province by province (≥ 80% by
 * the end of 2023, ≥ 90% by the end of 2025).
 *
 * @since 0.1.0
 * @category indicator
 */
export const dabiaoTargetShare = Parameter.make({
  id: "indicator.dabiaoTargetShare",
  title: { zh: "办学条件达标学校比例目标", en: "share of schools meeting all key indicators" },
  description: { zh: "全部重点监测指标达标的学校比例：2023年底80%，2025年底90%", en: "schools meeting every key indicator: 80% by end-2023, 90% by end-2025" },
  unit: "ratio",
  ruleIds: ["IND-DB-TARGET"],
  schema: Share,
  history: [
    { effectiveFrom: d("2023-12-31"), value: 0.8, citation: S.dabiao2022("目标任务"), verified: true },
    { effectiveFrom: d("2025-12-31"), value: 0.9, citation: S.dabiao2022("目标任务"), verified: true }
  ]
})

/**
 * IND-DB-CLASS: how "基本达标" is decided — every field at least this share of its standard … (unverified).
 *
 * @since 0.1.0
 * @category indicator
 */
export const dabiaoBasicMinShare = Parameter.make({
  id: "indicator.dabiaoBasicMinShare",
  title: { zh: "基本达标：各项至少达到标准的比例", en: "basically met: each field at least this share" },
  description: { zh: "判定“基本达标”时，每项指标至少达到标准值的该比例（未核实的默认值）", en: "for 'basically met', each field reaches at least this share of its standard (an unverified default)" },
  unit: "ratio",
  ruleIds: ["IND-DB-CLASS"],
  schema: Share,
  history: [{ effectiveFrom: d("2022-11-01"), value: 0.9, citation: S.dabiao2022("结果分类", "M"), verified: false }]
})

/**
 * IND-DB-CLASS: … and at most this many fields below the standard (unverified).
 *
 * @since 0.1.0
 * @category indicator
 */
export const dabiaoBasicMaxMissed = Parameter.make({
  id: "indicator.dabiaoBasicMaxMissed",
  title: { zh: "基本达标：最多未达标项数", en: "basically met: most fields below the standard" },
  description: { zh: "判定“基本达标”时，最多允许未达标的项数（未核实的默认值）", en: "for 'basically met', at most this many fields below the standard (an unverified default)" },
  unit: "count",
  ruleIds: ["IND-DB-CLASS"],
  schema: Num,
  history: [{ effectiveFrom: d("2022-11-01"), value: 2, citation: S.dabiao2022("结果分类", "M"), verified: false }]
})

/**
 * IND-DB-SCOPE: schools founded in or after this year are outside the 达标工程.
 *
 * @since 0.1.0
 * @category indicator
 */
export const dabiaoNewSchoolYear = Parameter.make({
  id: "indicator.dabiaoNewSchoolYear",
  title: { zh: "达标工程排除的新建学校年份", en: "new schools excluded from year" },
  description: { zh: "该年及以后新设立的学校不纳入达标工程", en: "schools founded in or after this year are excluded" },
  unit: "years",
  ruleIds: ["IND-DB-SCOPE"],
  schema: Num,
  history: [{ effectiveFrom: d("2022-11-01"), value: 2022, citation: S.dabiao2022("实施范围"), verified: true }]
})

const tech = (id: string, title: { zh: string; en: string }, unit: Parameter.Unit, value: number) =>
  Parameter.make({
    id,
    title,
    description: title,
    unit,
    ruleIds: ["IND-TECH-SCHOOL"],
    schema: Num,
    history: [
      {
        effectiveFrom: d("2012-01-01"),
        value,
        citation: { document: "技工院校设置标准", docNumber: "人社部发〔2012〕8号", issuer: "人力资源社会保障部", confidence: "S" },
        verified: true
      }
    ]
  })

/** IND-TECH-SCHOOL: land. @since 0.1.0 @category indicator */
export const techMinLandArea = tech("techSchool.minLandArea", { zh: "技工学校占地面积下限", en: "technical school: minimum land" }, "square-metres", 30_000)
/** IND-TECH-SCHOOL: building. @since 0.1.0 @category indicator */
export const techMinBuildingArea = tech("techSchool.minBuildingArea", { zh: "技工学校校舍建筑面积下限", en: "technical school: minimum building area" }, "square-metres", 18_000)
/** IND-TECH-SCHOOL: building per student. @since 0.1.0 @category indicator */
export const techMinBuildingPerStudent = tech("techSchool.minBuildingPerStudent", { zh: "技工学校生均校舍建筑面积下限", en: "technical school: building per student" }, "square-metres-per-student", 20)
/** IND-TECH-SCHOOL: majors. @since 0.1.0 @category indicator */
export const techMinMajors = tech("techSchool.minMajors", { zh: "技工学校常设专业数下限", en: "technical school: minimum majors" }, "count", 3)
/** IND-TECH-SCHOOL: diploma students. @since 0.1.0 @category indicator */
export const techMinDiplomaStudents = tech("techSchool.minDiplomaStudents", { zh: "技工学校学制教育规模下限", en: "technical school: minimum diploma students" }, "count", 800)
/** IND-TECH-SCHOOL: equipment. @since 0.1.0 @category indicator */
export const techMinEquipmentValue = tech("techSchool.minEquipmentValue", { zh: "技工学校教学仪器设备总值下限", en: "technical school: minimum equipment" }, "yuan", 3_000_000)

/**
 * Every national parameter, in id order.
 *
 * @since 0.1.0
 * @category constants
 */
export const parameters: ReadonlyArray<Parameter.Any> = [
  internshipKinds,
  internshipPostMinAge,
  internshipPostMinGrade,
  internshipMaxLabourIntensity,
  internshipUnitRatioMax,
  internshipPostRatioMax,
  internshipPostDurationMonths,
  internshipMaxDailyHours,
  internshipMaxWeeklyHours,
  internshipPayMinShare,
  internshipPayBasis,
  internshipPayCycleMaxMonths,
  internshipConsentScope,
  internshipBannedVenues,
  internshipBannedFees,
  internshipMedicalDurationMonths,
  internshipSiteVisitAspects,
  internshipAgencyFine,
  internshipGateFiling,
  internshipGateTraining,
  internshipGateUnitList,
  internshipGateDisguise,
  gradingRubric,
  gradingSubjectWeights,
  gradingBands,
  gradingModerationGap,
  teacherPracticeMinMonths,
  teacherPracticeWindowYears,
  teacherAnnualPracticeMonths,
  teacherPracticeDaysPerMonth,
  teacherPracticeHoursPerDay,
  teacherPracticeNoticeDays,
  teacherPublicVisitPeriodYears,
  dsContractYearsMin,
  retirementAgeMale,
  retirementAgeFemale,
  dsEthicsImpactYears,
  dsValidityYears,
  dsAchievementWindowYears,
  dsSecondaryTeacherCertLevels,
  dsHigherTeacherCertLevels,
  ...Object.values(dsThresholds).flatMap((byLevel) => Object.values(byLevel).flatMap((ps) => Object.values(ps) as ReadonlyArray<Parameter.Any>)),
  ptMinExperienceYears,
  ptMinTitle,
  ptMinSkill,
  ptMaxAge,
  ptTermMinMonths,
  ptTermMaxYears,
  ptShareMax,
  ptStaffQuotaShare,
  agreementMinTermYearsWithInterns,
  agreementExpiryNoticeDays,
  agreementDeliverableNoticeDays,
  apprenticeMinContractYears,
  apprenticeUsualMaxYears,
  apprenticeMaxYears,
  apprenticeMinYears,
  apprenticeMinSubsidy,
  schoolMinEnrolment,
  schoolMinFullTimeTeachers,
  schoolMaxStudentsPerTeacher,
  schoolMinSeniorShare,
  schoolMinProfessionalShare,
  schoolMinDualQualifiedShare,
  schoolMinMidTitleTeachersPerMajor,
  schoolPartTimeShareTarget,
  dualQualifiedTarget,
  schoolMinLandArea,
  schoolMinLandPerStudent,
  schoolMinBuildingArea,
  schoolMinBuildingPerStudent,
  schoolMinTrackLength,
  schoolMinEquipmentValue,
  schoolMinEquipmentPerStudent,
  schoolMinBooksPerStudent,
  peiMinInternsPerYear,
  peiMinInternshipMonths,
  schoolYearStart,
  dabiaoTargetShare,
  dabiaoBasicMinShare,
  dabiaoBasicMaxMissed,
  dabiaoNewSchoolYear,
  techMinLandArea,
  techMinBuildingArea,
  techMinBuildingPerStudent,
  techMinMajors,
  techMinDiplomaStudents,
  techMinEquipmentValue,
  planMajorPartnerTarget,
  planTeacherPlanTarget,
  planStudentProjectTarget,
  planSixMechanismsTarget,
  planEnterpriseTeachersTarget,
  planOrderClassTarget,
  planDualAssessTarget,
  planPracticeCompliantTarget,
  planInternMatchTarget,
  planInternCompliantTarget
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))

