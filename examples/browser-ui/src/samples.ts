/**
 * The page's sample records, written as a campus system would send them (plain JSON), in several life-cycle
 * states. The page decodes them with the core's Schemas (`Validation.decode`) before it uses them, exactly as it
 * would decode a record fetched from a host's API — nothing here is trusted because it was typed by hand.
 */
import { Agreements } from "@chanjiao/core"

/** Which machine a record follows. */
export type Kind = "cooperation" | "tripartite" | "apprenticeship"

/** A sample agreement: its kind and the raw record. */
export interface SampleAgreement {
  readonly kind: Kind
  readonly data: unknown
}

// A stamp of the machine's own id and version: a stamp of another machine is refused by `Lifecycle.load`.
const stamp = (machine: { readonly id: string; readonly version: number }, state: string, since: string) => ({ machine: machine.id, version: machine.version, state, since })
// The tripartite machine is built per policy lookup (`Agreements.tripartite(policyOf)`); its id and version do
// not depend on it.
const tripartiteMachine = Agreements.tripartite(() => {
  throw new Error("not resolved here")
})

const ECOMMERCE = "730701"
const CREDIT = "91370828MA3C4P2X1N"

const base = {
  schoolId: "s-jx",
  enterpriseId: "e-jx-ec",
  enterpriseCreditCode: CREDIT,
  majorCodes: [ECOMMERCE],
  mechanisms: ["talent", "bases"],
  rightsAndObligations: true,
  attachments: [],
  amendments: []
}

/** The agreements the page offers, in the order of its list. */
export const agreements: ReadonlyArray<SampleAgreement> = [
  {
    // Submitted and under review: the school's and the enterprise's signatories sign it (AGR-DUAL); it comes
    // into force on its start date.
    kind: "cooperation",
    data: {
      ...base,
      id: "coop-2025-ec",
      title: "电子商务专业校企合作协议（2025—2028）",
      leadingPartnerFor: [ECOMMERCE],
      forms: ["joint-training", "base-building"],
      objectives: ["共建电商直播实训基地", "每年接收岗位实习学生不少于20人"],
      takesInterns: true,
      term: { start: "2025-09-01", end: "2028-08-31" },
      signatures: [],
      deliverables: [{ id: "d-base", kind: "training-base", description: "共建电商直播实训基地", dueOn: "2026-06-30", state: "planned" }],
      lifecycle: stamp(Agreements.cooperation, "in-review", "2025-08-10")
    }
  },
  {
    // A draft that names no cooperation form: submitting it is blocked by AGR-FORMS-7.
    kind: "cooperation",
    data: {
      ...base,
      id: "coop-2025-log",
      enterpriseId: "e-jx-log",
      title: "物流服务与管理专业合作意向书（草稿）",
      majorCodes: ["730901"],
      leadingPartnerFor: [],
      forms: [],
      objectives: ["共同开发仓储实训课程"],
      takesInterns: false,
      term: { start: "2025-10-01", end: "2026-09-30" },
      signatures: [],
      deliverables: [],
      lifecycle: stamp(Agreements.cooperation, "draft", "2025-08-01")
    }
  },
  {
    // In force since 2022 and within the 90-day notice window of its end (agreement.expiryNoticeDays): the
    // page's date moves it to 即将到期 when it loads.
    kind: "cooperation",
    data: {
      ...base,
      id: "coop-2022-mech",
      enterpriseId: "e-jx-mech",
      title: "机电技术应用专业订单班合作协议（2022—2025）",
      majorCodes: ["660301"],
      leadingPartnerFor: ["660301"],
      forms: ["joint-training", "apprenticeship"],
      objectives: ["开设订单班一个", "企业派驻兼职教师2名"],
      takesInterns: true,
      term: { start: "2022-11-01", end: "2025-10-31" },
      signatures: [
        { party: "school", name: "李校长", signedOn: "2022-10-08" },
        { party: "enterprise", name: "张经理", signedOn: "2022-10-09" }
      ],
      deliverables: [
        { id: "d-class", kind: "order-class", description: "开设机电订单班", dueOn: "2023-09-01", state: "delivered", deliveredOn: "2023-08-28" },
        { id: "d-teachers", kind: "seconded-teachers", description: "派驻兼职教师2名", dueOn: "2025-09-30", state: "in-progress" }
      ],
      lifecycle: stamp(Agreements.cooperation, "in-force", "2022-11-01")
    }
  },
  {
    // Terminated: a final state, no buttons.
    kind: "cooperation",
    data: {
      ...base,
      id: "coop-2021-food",
      enterpriseId: "e-jx-food",
      title: "中餐烹饪专业合作协议（2021—2024）",
      majorCodes: ["740201"],
      leadingPartnerFor: [],
      forms: ["joint-training"],
      objectives: ["共建校外实训基地"],
      takesInterns: true,
      term: { start: "2021-09-01", end: "2024-08-31" },
      signatures: [
        { party: "school", name: "李校长", signedOn: "2021-08-20" },
        { party: "enterprise", name: "周总", signedOn: "2021-08-21" }
      ],
      deliverables: [{ id: "d-base", kind: "training-base", description: "共建校外实训基地", dueOn: "2022-06-30", state: "waived", closedReason: "协议终止：企业停业" }],
      termination: { effectiveOn: "2022-03-31", reason: "企业停业", party: "enterprise" },
      lifecycle: stamp(Agreements.cooperation, "terminated", "2022-03-15")
    }
  },
  {
    // A tripartite agreement of a 17-year-old: school and unit have signed; the student and, under the 2021
    // consent rule (INT-CONSENT, internship.consentScope), the guardian still have to (INT-AGREE-3P).
    kind: "tripartite",
    data: {
      id: "tri-2025-031",
      schoolId: "s-jx",
      internshipId: "int-2025-031",
      studentId: "stu-2023-031",
      unitName: "金乡县某电子商务有限公司",
      unitCreditCode: CREDIT,
      clauses: ["parties", "time-place-content", "food-lodging-leave", "labour-protection", "insurance-accidents", "assessment", "breach-liability", "other", "pay"],
      studentBirthDate: "2008-03-15",
      schoolOrganised: true,
      term: { start: "2025-09-01", end: "2026-01-31" },
      signatures: [
        { party: "school", name: "李校长", signedOn: "2025-08-12" },
        { party: "unit", name: "陈主管", signedOn: "2025-08-13" }
      ],
      lifecycle: stamp(tripartiteMachine, "draft", "2025-08-12")
    }
  },
  {
    // An enterprise new-type apprenticeship with no enterprise mentor yet: APP-DUAL-MENTOR blocks signing.
    kind: "apprenticeship",
    data: {
      id: "app-2025-007",
      schoolId: "s-jx",
      enterpriseId: "e-jx-mech",
      enterpriseCreditCode: CREDIT,
      apprenticeId: "w-2025-007",
      kind: "enterprise-new-type",
      schoolMentorIds: ["t-li"],
      enterpriseMentorIds: [],
      term: { start: "2025-09-01", end: "2027-08-31" },
      labourContract: { start: "2025-07-01", end: "2028-06-30" },
      monthlyWage: 3600,
      localMinimumWage: 2100,
      subsidyPerYear: 5000,
      signatures: [],
      lifecycle: stamp(Agreements.apprenticeship, "draft", "2025-08-05")
    }
  }
]

/** Teachers of the school, as a campus system would send them. */
export const teachers: ReadonlyArray<unknown> = [
  {
    // 初级 met (teacher qualification, 180+ days of practice, attested teaching): 中级 lacks the 初级 certification,
    // a 讲师 title, longer practice and an achievement.
    id: "t-li",
    schoolId: "s-jx",
    name: "李老师",
    employment: "full-time",
    courseType: "professional",
    internshipTutor: true,
    hiredOn: "2015-09-01",
    majorCodes: [ECOMMERCE],
    titles: [{ level: "junior", name: "助理讲师", series: "teacher", obtainedOn: "2017-09-01" }],
    certificates: [{ kind: "teacher-qualification", name: "教师资格证", level: "中等职业学校", issuedOn: "2015-07-01" }],
    practice: [
      { id: "p-2023", enterpriseCreditCode: CREDIT, enterpriseName: "金乡县某电子商务有限公司", form: "post", start: "2023-01-01", end: "2023-06-30", content: ["new-technology", "post-duties"] }
    ],
    ethicsAppraisals: [{ year: 2024, result: "qualified" }],
    attestations: [{ criterion: "DS-CAN-TEACH-THEORY-PRACTICE", attestedBy: "教务处", attestedOn: "2024-06-01" }]
  },
  {
    // No level yet: 90 days of practice, no skill certificate or technical title, teaching not attested.
    id: "t-wang",
    schoolId: "s-jx",
    name: "王老师",
    employment: "full-time",
    courseType: "professional",
    internshipTutor: false,
    hiredOn: "2021-09-01",
    majorCodes: ["660301"],
    certificates: [{ kind: "teacher-qualification", name: "教师资格证", level: "中等职业学校", issuedOn: "2021-07-01" }],
    enterpriseExperience: [{ enterpriseName: "某机械制造有限公司", post: "技术员", start: "2018-07-01", end: "2021-06-30" }],
    practice: [{ id: "p-2024", enterpriseCreditCode: CREDIT, enterpriseName: "某机械制造有限公司", form: "training", start: "2024-07-01", end: "2024-09-28", content: ["new-equipment"] }],
    ethicsAppraisals: [{ year: 2024, result: "excellent" }]
  },
  {
    // 中级 met and certified 初级: 高级 lacks the 中级 certification and a 副高 title.
    id: "t-zhao",
    schoolId: "s-jx",
    name: "赵老师",
    employment: "full-time",
    courseType: "professional",
    internshipTutor: true,
    hiredOn: "2008-09-01",
    majorCodes: ["660301"],
    titles: [{ level: "intermediate", name: "讲师", series: "teacher", obtainedOn: "2014-09-01" }],
    skillLevel: "level-3",
    certificates: [{ kind: "teacher-qualification", name: "教师资格证", level: "中等职业学校", issuedOn: "2008-07-01" }],
    practice: [
      { id: "p-2022", enterpriseCreditCode: CREDIT, enterpriseName: "某机械制造有限公司", form: "post", start: "2022-07-01", end: "2022-12-31", content: ["processes"] },
      { id: "p-2024", enterpriseCreditCode: CREDIT, enterpriseName: "某机械制造有限公司", form: "post", start: "2024-01-01", end: "2024-08-31", content: ["new-process"] }
    ],
    dualQualifications: [{ level: "junior", schoolType: "secondary", certifier: "山东省教育厅", certifiedOn: "2021-12-01" }],
    awards: [{ kind: "skills-competition", level: "city", name: "市职业技能大赛指导教师一等奖", awardedOn: "2023-05-20" }],
    ethicsAppraisals: [{ year: 2024, result: "qualified" }],
    attestations: [{ criterion: "DS-CAN-TEACH-THEORY-PRACTICE", attestedBy: "教务处", attestedOn: "2024-06-01" }]
  }
]
