/**
 * A seeded, deterministic generator of realistic datasets modelled on the seed plan (金乡县职业中等专业学校's
 * majors and bases): schools with their majors, training bases, partner enterprises (valid credit codes),
 * full- and part-time teachers (valid ID numbers, titles, 双师型 certifications, enterprise practice, plans),
 * students (cohorts, special projects, order classes), cooperation agreements driven through the core's machine
 * into every life-cycle state, post internships with tripartite agreements and dual-subject assessments, and
 * school facts. A controlled share of internships carries exactly one known breach, so the findings a check
 * must produce are known in advance (`breaches`). All data is labelled synthetic (合成数据).
 *
 * The same seed gives the same records on every machine. `schools(size)` yields one school at a time, so a
 * province (400 schools) streams in flat memory.
 *
 * @since 0.1.0
 */
import { Agreements, Identity, IsoDate, Jurisdiction, Lifecycle, National, Policy } from "@chanjiao/core"
import type { Agreement, Assessment, Enterprise, Indicators, Internship, School, Student, Teacher } from "@chanjiao/core"
import * as Either from "effect/Either"
import * as Random from "./Random.js"

type IsoDateT = IsoDate.IsoDate
const D = IsoDate.unsafeMake
const add = IsoDate.addDays
const addMonths = IsoDate.addMonths

/**
 * How big each school is, and how many schools.
 *
 * @since 0.1.0
 * @category models
 */
export interface Size {
  readonly name: string
  readonly schools: number
  /** Per school. */
  readonly students: number
  readonly teachers: number
  readonly enterprises: number
  readonly agreements: number
  readonly internships: number
}

/**
 * The named sizes: `school` (one school of about 3,000 students, as the demo uses), `county` (10 schools),
 * `province` (400 schools: 600,000 students, 48,000 teachers, 20,000 enterprises, 60,000 agreements, 300,000
 * internships).
 *
 * @since 0.1.0
 * @category constants
 */
export const sizes = {
  school: { name: "school", schools: 1, students: 3000, teachers: 250, enterprises: 60, agreements: 150, internships: 750 },
  county: { name: "county", schools: 10, students: 1500, teachers: 120, enterprises: 50, agreements: 150, internships: 750 },
  province: { name: "province", schools: 400, students: 1500, teachers: 120, enterprises: 50, agreements: 150, internships: 750 }
} as const satisfies Record<string, Size>

/**
 * A kind of rule breach planted in an internship, and the rule that must flag it.
 *
 * @since 0.1.0
 * @category models
 */
export type BreachKind = "pay-below-80" | "insurance-gap" | "night-shifts" | "fee-charged" | "id-held" | "no-agreement" | "unrelated-post" | "paid-agent"

/**
 * The rule id each breach must produce (a `violation` finding of the internship gates).
 *
 * @since 0.1.0
 * @category constants
 */
export const breachRules: Readonly<Record<BreachKind, string>> = {
  "pay-below-80": "INT-PAY-80",
  "insurance-gap": "INT-INSURE",
  "night-shifts": "INT-NIGHT-OT",
  "fee-charged": "INT-FEE-BAN",
  "id-held": "INT-ID-HOLD-BAN",
  "no-agreement": "INT-AGREE-3P",
  "unrelated-post": "INT-MAJOR-MATCH",
  "paid-agent": "INT-AGENCY-BAN"
}

/**
 * Generation options.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly seed?: number | string
  /** The snapshot date agreements are advanced to and internships are dated around (default 2025-06-30). */
  readonly asOf?: IsoDateT
  /** The share of post internships with one planted breach (default 0.08). */
  readonly breachRate?: number
  /** The share of ended internships whose enterprise assessment is missing (default 0.06). */
  readonly missingAssessmentRate?: number
}

/**
 * One school's records.
 *
 * @since 0.1.0
 * @category models
 */
export interface SchoolRecords {
  readonly school: School.School
  readonly majors: ReadonlyArray<School.Major>
  readonly trainingBases: ReadonlyArray<School.TrainingBase>
  readonly enterprises: ReadonlyArray<Enterprise.Enterprise>
  readonly teachers: ReadonlyArray<Teacher.Teacher>
  readonly students: ReadonlyArray<Student.Student>
  readonly cooperation: ReadonlyArray<Agreement.CooperationAgreement>
  readonly internships: ReadonlyArray<Internship.Internship>
  readonly internshipAgreements: ReadonlyArray<Agreement.InternshipAgreement>
  readonly assessments: ReadonlyArray<Assessment.Assessment>
  readonly facts: ReadonlyArray<Indicators.SchoolFacts>
  /** The planted breaches: each internship with one, and the rule that must flag it. */
  readonly breaches: ReadonlyArray<{ readonly internshipId: string; readonly kind: BreachKind; readonly ruleId: string }>
  /** Ended post internships whose enterprise assessment was left out (PLAN-DUAL-ASSESS). */
  readonly missingAssessments: ReadonlyArray<string>
}

// The seed plan's majors (2021 中职 catalogue codes) and its on-campus bases.
const MAJORS: ReadonlyArray<readonly [string, string, string]> = [
  ["710201", "计算机应用", "信息技术"],
  ["730301", "会计事务", "财务"],
  ["730601", "市场营销", "商贸"],
  ["730701", "电子商务", "电商"],
  ["660103", "数控技术应用", "机械"],
  ["660301", "机电技术应用", "机电"],
  ["710103", "电子技术应用", "电子"],
  ["790301", "家政服务与管理", "家政服务"]
]
const BASES: ReadonlyArray<readonly [string, string]> = [
  ["电子商务实训基地", "730701"],
  ["机械加工实训基地", "660103"],
  ["家政服务与管理（智能家居）实训基地", "790301"],
  ["计算机实训室", "710201"],
  ["网络搭建实训室", "710201"],
  ["计算机检测维修与数据恢复实训室", "710201"],
  ["电子实训基地", "710103"],
  ["财务共享服务实训中心", "730301"]
]
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"]
const GIVEN = ["伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "晨", "欣怡", "子涵", "浩然", "雨轩"]
const FIRMS = ["华信", "鲁源", "金缘", "明德", "恒通", "瑞丰", "鸿达", "宏远", "兴业", "泰和", "博创", "众诚"]
const DIVISION = "370828"

const pad = (n: number, w: number) => String(n).padStart(w, "0")
const name = (r: Random.Random) => `${r.pick(SURNAMES)}${r.pick(GIVEN)}`

/** A valid 18-character credit code, unique per (school, k). */
const creditCode = (school: number, k: number): string => {
  const first17 = `91${DIVISION}${pad(school, 4)}${pad(k, 5)}`
  return `${first17}${Identity.creditCodeCheck(first17)}`
}

/**
 * A valid ID number born on `birth`: the address code carries the school (and a block of people), the
 * sequence the person, so numbers are unique within a school and almost always across a province.
 */
const idNumber = (school: number, k: number, birth: IsoDateT, female: boolean): string => {
  const seq = (k % 500) * 2 + (female ? 0 : 1)
  const address = `37${pad(school % 100, 2)}${pad(Math.floor(k / 500) % 100, 2)}`
  const first17 = `${address}${birth.replace(/-/g, "")}${pad(seq, 3)}`
  return `${first17}${Identity.idNumberCheck(first17)}`
}

const policyCache = new Map<string, Policy.Resolved>()
const policyAt = (on: IsoDateT) => {
  let p = policyCache.get(on)
  if (p === undefined) policyCache.set(on, (p = Policy.at(National.policy, Jurisdiction.national, on)))
  return p
}

const admin: Lifecycle.Actor = { id: "教务处", roles: ["school-admin"] }
const schoolSigner: Lifecycle.Actor = { id: "校长", roles: ["school-signatory"] }
const enterpriseSigner: Lifecycle.Actor = { id: "企业负责人", roles: ["enterprise-signatory"] }

const fire = <A>(machine: Lifecycle.Machine<A>, a: A, type: string, actor: Lifecycle.Actor, on: IsoDateT, payload?: unknown): A => {
  const r = Lifecycle.transition(machine, a, { type, on, payload }, actor, { policy: policyAt(on), ref: { type: "Agreement", id: "generated" } })
  // The generator only fires events the machine allows; a refusal here is a bug in the generator.
  if (Either.isLeft(r)) throw new Error(`testkit: ${type} refused: ${r.left.message.en}`)
  return r.right.aggregate
}

type AgreementState = "draft" | "in-review" | "signed" | "in-force" | "expiring" | "expired" | "terminated" | "renewed"
const STATE_MIX: ReadonlyArray<readonly [AgreementState, number]> = [
  ["draft", 0.05],
  ["in-review", 0.05],
  ["signed", 0.05],
  ["in-force", 0.55],
  ["expiring", 0.1],
  ["expired", 0.1],
  ["terminated", 0.05],
  ["renewed", 0.05]
]
const pickState = (r: Random.Random): AgreementState => {
  let x = r.next()
  for (const [s, p] of STATE_MIX) {
    if (x < p) return s
    x -= p
  }
  return "in-force"
}

const BREACHES: ReadonlyArray<BreachKind> = ["pay-below-80", "insurance-gap", "night-shifts", "fee-charged", "id-held", "no-agreement", "unrelated-post", "paid-agent"]

/**
 * Generates school number `index` of a size (0-based).
 *
 * @since 0.1.0
 * @category constructors
 */
export const school = (index: number, size: Size = sizes.school, options: Options = {}): SchoolRecords => {
  const seed = options.seed ?? 2024
  const asOf = options.asOf ?? D("2025-06-30")
  const breachRate = options.breachRate ?? 0.08
  const missingRate = options.missingAssessmentRate ?? 0.06
  const r = Random.make(`${String(seed)}/${size.name}/${index}`)
  const sid = size.schools === 1 ? "s-demo" : `s-${pad(index, 3)}`
  const schoolRecord = {
    id: sid,
    code: `3137${pad(4500 + index, 6)}`,
    name: size.schools === 1 ? "示例职业中等专业学校（合成数据）" : `示例第${index + 1}职业中等专业学校（合成数据）`,
    type: "secondary",
    province: "37",
    city: "3708",
    county: DIVISION,
    foundedOn: D("1985-09-01"),
    legalPerson: true,
    hasCharter: true,
    attachedClassesOnly: false
  } as unknown as School.School

  const majors = MAJORS.map(([code, label], k) => ({ id: `${sid}-m${k}`, schoolId: sid, code, name: label, enrolling: true }) as unknown as School.Major)

  const enterprises = Array.from({ length: size.enterprises }, (_, k) => {
    const [, , industry] = MAJORS[k % MAJORS.length]!
    return {
      id: `${sid}-e${pad(k, 3)}`,
      creditCode: creditCode(index, k),
      name: `金乡县${r.pick(FIRMS)}${industry}有限公司（合成）${k}`,
      size: r.pick(["micro", "small", "medium", "large"] as const),
      contacts: []
    } as unknown as Enterprise.Enterprise
  })

  // Teachers: about 80% full-time (two thirds of them teach professional courses), 20% part-time from partners.
  const partTimeCount = Math.round(size.teachers * 0.2)
  const teachers: Array<Teacher.Teacher> = []
  for (let k = 0; k < size.teachers; k++) {
    const t = r.fork(`t${k}`)
    const id = `${sid}-t${pad(k, 4)}`
    const [majorCode] = MAJORS[k % MAJORS.length]!
    const female = t.chance(0.55)
    const birth = add(D("1966-01-01"), t.int(0, 365 * 32))
    const base = { id, schoolId: sid, name: name(t), sex: female ? "female" : "male", birthDate: birth, idNumber: idNumber(index, 10_000 + k, birth, female), majorCodes: [majorCode] }
    if (k < partTimeCount) {
      const e = enterprises[k % enterprises.length]!
      const start = add(D("2023-09-01"), t.int(0, 300))
      teachers.push({
        ...base,
        employment: "part-time",
        courseType: "professional",
        internshipTutor: false,
        hiredOn: start,
        titles: [],
        certificates: [],
        enterpriseExperience: [],
        practice: [],
        dualQualifications: [],
        ethicsAppraisals: [],
        awards: [],
        services: [],
        attestations: [],
        partTime: { employerName: e.name, employerCreditCode: e.creditCode, channel: "industry-mentor", mode: "individual", appointment: { start, end: add(addMonths(start, 24), -1) }, productionYears: t.int(3, 25), retired: false, performanceFile: t.chance(0.9) }
      } as unknown as Teacher.Teacher)
      continue
    }
    const hiredOn = add(D("2000-09-01"), t.int(0, 365 * 24))
    const professional = t.chance(0.67)
    const years = (IsoDate.toEpochDays(asOf) - IsoDate.toEpochDays(hiredOn)) / 365
    const level = years > 18 && t.chance(0.5) ? "associate-senior" : years > 8 ? "intermediate" : years > 2 ? "junior" : undefined
    const practiceDays = professional ? (t.chance(0.7) ? t.int(185, 260) : t.int(20, 150)) : 0
    const practiceStart = add(asOf, -t.int(400, 1500))
    const held = professional && years > 3 && t.chance(0.5)
    const e = enterprises[t.int(0, enterprises.length - 1)]!
    teachers.push({
      ...base,
      employment: "full-time",
      courseType: professional ? "professional" : "public",
      internshipTutor: professional && t.chance(0.4),
      hiredOn,
      titles: level === undefined ? [] : [{ level, name: level === "associate-senior" ? "高级讲师" : level === "intermediate" ? "讲师" : "助理讲师", series: "teacher", obtainedOn: add(hiredOn, 365 * (level === "junior" ? 1 : level === "intermediate" ? 6 : 15)) }],
      certificates: [],
      enterpriseExperience: [],
      practice: practiceDays === 0 ? [] : [{ id: `${id}-p1`, enterpriseCreditCode: e.creditCode, enterpriseName: e.name, form: "post", start: practiceStart, end: add(practiceStart, practiceDays - 1), content: [] }],
      dualQualifications: held ? [{ level: t.chance(0.7) ? "junior" : "intermediate", schoolType: "secondary", certifier: "山东省教育厅", certifiedOn: add(hiredOn, 365 * 3) }] : [],
      ethicsAppraisals: [],
      awards: [],
      services: [
        ...(t.chance(0.15) ? [{ kind: "social-training", title: `${name(t)}社会培训${k}`, date: add(D("2024-10-01"), t.int(0, 240)), beneficiaries: t.int(20, 120) }] : []),
        ...(t.chance(0.08) ? [{ kind: "technical-service", title: `技术服务${k}`, date: add(D("2024-10-01"), t.int(0, 240)) }] : [])
      ],
      attestations: [],
      ...(t.chance(0.75) ? { developmentPlan: { id: `${id}-plan`, period: { start: D("2024-01-01"), end: D("2026-12-31") }, goals: [], plannedPractice: [], updatedOn: D("2024-01-01") } } : {})
    } as unknown as Teacher.Teacher)
  }
  const tutors = teachers.filter((t) => t.employment === "full-time" && t.internshipTutor)

  // Cooperation agreements, driven through the core's machine into every state by the snapshot date.
  const cooperation: Array<Agreement.CooperationAgreement> = []
  const leading = new Set<string>()
  for (let k = 0; k < size.agreements; k++) {
    const a = r.fork(`c${k}`)
    const e = enterprises[k % enterprises.length]!
    const [majorCode] = MAJORS[k % MAJORS.length]!
    const state = pickState(a)
    const start =
      state === "signed" ? D("2025-09-01")
      : state === "expiring" ? add(add(asOf, a.int(5, 80)), -(365 * 3) + 1)
      : state === "expired" ? add(D("2021-07-01"), a.int(0, 300))
      : add(D("2023-09-01"), a.int(0, 360))
    const end = add(IsoDate.addYears(start, 3), -1)
    const id = `${sid}-c${pad(k, 4)}`
    let agreement = {
      id,
      schoolId: sid,
      enterpriseId: e.id,
      enterpriseCreditCode: e.creditCode,
      title: `${e.name}校企合作协议`,
      majorCodes: [majorCode],
      leadingPartnerFor: !leading.has(majorCode) && state !== "expired" && state !== "terminated" ? (leading.add(majorCode), [majorCode]) : [],
      forms: ["joint-training", ...(a.chance(0.3) ? ["base-building"] : []), ...(a.chance(0.1) ? ["apprenticeship"] : [])],
      mechanisms: ["talent", "bases", "staff", "information", "service", "culture"].filter(() => a.chance(0.45)),
      objectives: ["共育技术技能人才"],
      rightsAndObligations: true,
      takesInterns: true,
      term: { start, end },
      signatures: [],
      attachments: [],
      deliverables: a.chance(0.15) ? [{ id: "d1", kind: "textbook", description: "校企合作开发教材", dueOn: D("2025-03-01"), state: "delivered", deliveredOn: add(D("2024-10-01"), a.int(0, 200)) }] : [],
      amendments: []
    } as unknown as Agreement.CooperationAgreement
    const m = Agreements.cooperation
    if (state !== "draft") {
      const submitted = add(start, -40)
      agreement = fire(m, agreement, "submit", admin, submitted)
      if (state !== "in-review") {
        agreement = fire(m, agreement, "sign", schoolSigner, add(submitted, 5), { party: "school" })
        agreement = fire(m, agreement, "sign", enterpriseSigner, add(submitted, 7), { party: "enterprise" })
        agreement = Lifecycle.advance(m, agreement, policyAt(asOf)).aggregate
        if (state === "terminated") agreement = fire(m, agreement, "terminate", admin, add(asOf, -a.int(10, 100)), { reason: "企业经营调整", party: "enterprise", effectiveOn: add(asOf, -5) })
        if (state === "renewed") agreement = fire(m, agreement, "renew", admin, add(asOf, -a.int(1, 20)), { successorId: `${id}-next` })
      }
    }
    cooperation.push(agreement)
  }
  const inForce = cooperation.filter((c) => c.lifecycle?.state === "in-force" || c.lifecycle?.state === "expiring")

  const trainingBases = BASES.map(([label, majorCode], k) => {
    const partner = inForce.find((c) => c.majorCodes.includes(majorCode as never))
    return {
      id: `${sid}-b${k}`,
      schoolId: sid,
      name: label,
      location: "on-campus",
      kind: "productive",
      majorCodes: [majorCode],
      coBuiltWith: partner === undefined ? [] : [partner.enterpriseId],
      ...(partner === undefined ? {} : { agreementId: partner.id }),
      legalRegistration: "none"
    } as unknown as School.TrainingBase
  })

  // Students: three cohorts; grade 3 (enrolled 2022) goes on post internships.
  const students: Array<Student.Student> = []
  for (let k = 0; k < size.students; k++) {
    const s = r.fork(`s${k}`)
    const cohort = 2022 + (k % 3)
    const female = s.chance(0.5)
    const birth = add(D(`${cohort - 16}-01-01`), s.int(0, 364))
    const [majorCode] = MAJORS[k % MAJORS.length]!
    const klass = inForce.length > 0 && s.chance(0.15) ? inForce[s.int(0, inForce.length - 1)] : undefined
    students.push({
      id: `${sid}-st${pad(k, 5)}`,
      schoolId: sid,
      name: name(s),
      sex: female ? "female" : "male",
      birthDate: birth,
      idNumber: idNumber(index, k, birth, female),
      majorCode,
      enrolledOn: D(`${cohort}-09-01`),
      grade: 2025 - cohort,
      status: s.chance(0.96) ? "enrolled" : "withdrawn",
      fullTimeDiploma: true,
      ...(s.chance(0.7) ? { specialProject: { title: `一生一专项${k}`, kind: s.pick(["skill", "innovation", "certificate"] as const), assignedOn: D("2024-10-01") } } : {}),
      ...(klass === undefined ? {} : { cooperativeClass: { kind: "order-class", agreementId: klass.id, className: `${klass.title.slice(0, 10)}订单班`, joinedOn: D("2024-09-01") } })
    } as unknown as Student.Student)
  }

  // Post internships for enrolled grade-3 students (one each), from the school year's start dates.
  const interns = students.filter((s) => s.grade === 3 && s.status === "enrolled")
  const internships: Array<Internship.Internship> = []
  const internshipAgreements: Array<Agreement.InternshipAgreement> = []
  const assessments: Array<Assessment.Assessment> = []
  const breaches: Array<{ internshipId: string; kind: BreachKind; ruleId: string }> = []
  const missingAssessments: Array<string> = []
  const rubric = policyAt(asOf).value(National.gradingRubric) ?? []
  const count = Math.min(size.internships, interns.length)
  for (let k = 0; k < count; k++) {
    const x = r.fork(`i${k}`)
    const student = interns[k]!
    const e = enterprises[x.int(0, enterprises.length - 1)]!
    const start = x.pick([D("2024-09-01"), D("2024-10-08"), D("2024-11-01"), D("2025-03-01")])
    const end = add(addMonths(start, 6), -1)
    const id = `${sid}-i${pad(k, 5)}`
    const tutor = tutors.length > 0 ? tutors[k % tutors.length]!.id : `${sid}-t0000`
    const mentorId = `${e.id}-mentor`
    const breach = x.chance(breachRate) ? BREACHES[x.int(0, BREACHES.length - 1)]! : undefined
    const agreementId = `${id}-agr`
    const internship = {
      id,
      schoolId: sid,
      studentId: student.id,
      kind: "post",
      arrangement: "school",
      organisedThrough: breach === "paid-agent" ? "paid-agent" : "direct",
      forProfit: false,
      unit: {
        creditCode: e.creditCode,
        name: e.name,
        venueType: "enterprise",
        legalRegistration: "legal-person",
        siteAssessment: { reportId: `${id}-site`, assessedOn: add(start, -90), signedBy: "实习管理办公室", aspects: ["qualification", "integrity", "management", "posts", "hours", "work-environment", "living-environment", "health-safety"] },
        onUnitList: true,
        headcounts: [{ from: add(start, -60), onPostTotal: 200, samePostTotal: 40, concurrentInterns: 10, concurrentInternsSamePost: 5 }]
      },
      post: { name: "岗位实习", majorMatch: breach === "unrelated-post" ? "unrelated" : x.chance(0.85) ? "matching" : "close", risks: [], labourIntensity: 1, bannedForMinors: false, bannedForWomen: false, coversTypicalTasks: true, simpleRepetitiveOnly: false },
      start,
      end,
      schedule: { dailyHours: 8, weeklyHours: 40, nightShifts: breach === "night-shifts" ? 4 : 0, overtimeHours: 0, statutoryHolidayDays: 0 },
      pay: { monthlyAmount: breach === "pay-below-80" ? 2000 : x.int(2900, 3600), samePostWage: 3500, lowestTierWage: 2400, independentCapable: true, cycleDays: 30, form: "money", payer: "unit", directToStudent: true },
      fees: breach === "fee-charged" ? [{ kind: "training", amount: 300, chargedBy: "unit" }] : [],
      documentsHeld: breach === "id-held" ? ["resident-id"] : [],
      consent: { studentSignedOn: add(start, -60), guardianSignedOn: add(start, -59), refused: false },
      ...(breach === "no-agreement" ? {} : { agreementId }),
      insurance: { policyNumber: `${id}-ins`, insurer: "某保险公司", coverageStart: start, coverageEnd: breach === "insurance-gap" ? add(end, -30) : end, premiumPayer: "school" },
      schoolMentorIds: [tutor],
      enterpriseMentors: [{ id: mentorId, name: `${e.name.slice(0, 6)}师傅` }],
      declaredRelations: []
    } as unknown as Internship.Internship
    internships.push(internship)
    if (breach !== undefined) breaches.push({ internshipId: id, kind: breach, ruleId: breachRules[breach] })
    if (breach !== "no-agreement") {
      const signedOn = add(start, -50)
      // Stamped by the tripartite machine's dates on the snapshot date: signed before the start, in force
      // during the placement, completed the day after it ended (INT-AGREE-3P counts the days it covered).
      const lifecycle =
        start > asOf
          ? { machine: "internship-agreement", version: 1, state: "signed", since: signedOn }
          : end >= asOf
            ? { machine: "internship-agreement", version: 1, state: "in-force", since: start }
            : { machine: "internship-agreement", version: 1, state: "completed", since: add(end, 1) }
      internshipAgreements.push({
        lifecycle,
        id: agreementId,
        schoolId: sid,
        internshipId: id,
        studentId: student.id,
        unitName: e.name,
        unitCreditCode: e.creditCode,
        clauses: ["parties", "time-place-content", "food-lodging-leave", "labour-protection", "insurance-accidents", "assessment", "breach-liability", "other", "pay"],
        term: { start, end },
        signatures: [
          { party: "school", name: "校长", signedOn },
          { party: "unit", name: "企业负责人", signedOn },
          { party: "student", name: student.name, signedOn },
          { party: "guardian", name: "监护人", signedOn }
        ]
      } as unknown as Agreement.InternshipAgreement)
    }
    // Dual-subject assessments for internships that ended by the snapshot date.
    if (end <= asOf) {
      const scoreOf = (owner: "school" | "enterprise") =>
        rubric.filter((d) => d.owner === owner).map((d) => ({ criterion: d.id, score: Math.round(55 + x.next() * 45), max: 100 }))
      const on = add(end, x.int(1, 10))
      assessments.push({ id: `${id}-as-school`, internshipId: id, assessor: "school", assessorId: tutor, stage: "result", submittedOn: on, scores: scoreOf("school"), revision: 1 } as unknown as Assessment.Assessment)
      if (x.chance(missingRate)) missingAssessments.push(id)
      else assessments.push({ id: `${id}-as-enterprise`, internshipId: id, assessor: "enterprise", assessorId: mentorId, stage: "result", submittedOn: on, scores: scoreOf("enterprise"), revision: 1 } as unknown as Assessment.Assessment)
    }
  }

  const facts = [
    {
      schoolId: sid,
      asOf: D("2025-06-30"),
      landArea: Math.round(size.students * r.int(28, 40)),
      buildingArea: Math.round(size.students * r.int(18, 26)),
      trackLength: r.pick([200, 300, 400]),
      equipmentValue: Math.round(size.students * r.int(2200, 3600)),
      books: Math.round(size.students * r.int(26, 40)),
      source: "合成数据（testkit）"
    } as unknown as Indicators.SchoolFacts
  ]

  return { school: schoolRecord, majors, trainingBases, enterprises, teachers, students, cooperation, internships, internshipAgreements, assessments, facts, breaches, missingAssessments }
}

/**
 * A school's records by aggregate type, in the order a store takes them (a record's parent before it: an
 * internship before its assessments), as `[type, records]` pairs named like the store's types.
 *
 * @since 0.1.0
 * @category getters
 */
export const byType = (r: SchoolRecords) =>
  [
    ["school", [r.school]],
    ["major", r.majors],
    ["enterprise", r.enterprises],
    ["training-base", r.trainingBases],
    ["teacher", r.teachers],
    ["student", r.students],
    ["cooperation-agreement", r.cooperation],
    ["internship", r.internships],
    ["internship-agreement", r.internshipAgreements],
    ["assessment", r.assessments],
    ["school-facts", r.facts]
  ] as const

/**
 * Every school of a size, one at a time (memory stays flat for a province).
 *
 * @since 0.1.0
 * @category constructors
 */
export function* schools(size: Size = sizes.school, options: Options = {}): Generator<SchoolRecords> {
  for (let i = 0; i < size.schools; i++) yield school(i, size, options)
}

/**
 * A whole dataset in memory, ready for `Indicators.compute` (for `school` and `county`; a province is better
 * streamed with `schools`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const dataset = (size: Size = sizes.school, options: Options = {}): Indicators.Dataset & { readonly enterprises: ReadonlyArray<Enterprise.Enterprise>; readonly breaches: SchoolRecords["breaches"] } => {
  const parts = [...schools(size, options)]
  const all = <K extends keyof SchoolRecords>(k: K) => parts.flatMap((p) => p[k] as ReadonlyArray<unknown>) as unknown as SchoolRecords[K]
  return {
    schools: parts.map((p) => p.school),
    majors: all("majors"),
    trainingBases: all("trainingBases"),
    enterprises: all("enterprises"),
    teachers: all("teachers"),
    students: all("students"),
    cooperation: all("cooperation"),
    internships: all("internships"),
    internshipAgreements: all("internshipAgreements"),
    assessments: all("assessments"),
    facts: all("facts"),
    breaches: all("breaches")
  }
}
