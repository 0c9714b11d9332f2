/**
 * The national defaults: every value a national rule compares against, as a dated, cited parameter
 * (rule ids from `shared/domain/regulations.md` §10). Values the catalogue could not confirm (M) carry
 * `verified: false`, so findings that use them are warnings until a policy pack confirms them. Local (L)
 * values are not here: they belong in provincial and local packs.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import type { IsoDate } from "./IsoDate.js"
import * as Parameter from "./Parameter.js"
import * as Policy from "./Policy.js"
import * as S from "./Sources.js"

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
  teacherPracticeMinMonths,
  teacherPracticeWindowYears,
  teacherAnnualPracticeMonths,
  agreementMinTermYearsWithInterns,
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
  peiMinInternshipMonths
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))

/**
 * The national policy: every national parameter, no overlays, and the rules registered so far.
 *
 * @since 0.1.0
 * @category constants
 */
export const policy: Policy.Policy = Policy.unsafeMake({
  id: "cn.national",
  title: { zh: "国家规定（默认）", en: "national defaults" },
  parameters,
  source: "@chanjiao/core"
})
