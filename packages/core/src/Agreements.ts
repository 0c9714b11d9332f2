/**
 * The agreement life cycles as machines (see `Lifecycle`): cooperation agreements (校企合作协议), tripartite
 * internship agreements (三方协议) and apprenticeship agreements (学徒培养协议), their guards (AGR-WRITTEN,
 * AGR-FORMS-7, AGR-TERM-3Y, AGR-DUAL, INT-AGREE-3P, INT-AGREE-FIELDS, APP-*), and `warnings` — the early
 * warnings a campus system's task list shows.
 *
 * @since 0.1.0
 */
import type { ApprenticeshipAgreement, CooperationAgreement, InternshipAgreement } from "./Agreement.js"
import type { Citation } from "./Citation.js"
import type { LifecycleStamp } from "./Entity.js"
import type { Finding } from "./Finding.js"
import * as N from "./internal/national-parameters.js"
import type { IsoDate } from "./IsoDate.js"
import * as Iso from "./IsoDate.js"
import type * as Lifecycle from "./Lifecycle.js"
import type { Resolved } from "./Policy.js"
import * as Rule from "./Rule.js"
import type { Major } from "./School.js"
import * as Sources from "./Sources.js"
import type { Text } from "./Text.js"

type G<A> = Lifecycle.GuardSubject<A>
const NONE: ReadonlyArray<Finding> = Object.freeze([])

const guard = <A>(id: string, title: Text, confidence: Citation["confidence"], citation: Citation, parameters: ReadonlyArray<Parameter>, check: (s: G<A>, ctx: Rule.Context) => ReadonlyArray<Finding>) =>
  Rule.make<G<A>>({
    id,
    area: "agreement",
    title,
    confidence,
    subject: "AgreementEvent",
    versions: [{ effectiveFrom: (citation.date ?? "2000-01-01") as IsoDate, citations: [citation], parameters, check }]
  })
type Parameter = (typeof N.parameters)[number]

const state = (id: string, zh: string, en: string, tags: ReadonlyArray<string>, terminal = false): Lifecycle.State => ({ id, label: { zh, en }, tags, terminal })
const withStamp = <A extends { readonly lifecycle?: LifecycleStamp | undefined }>(a: A, stamp: LifecycleStamp): A => ({ ...a, lifecycle: stamp })
const payload = <P>(e: Lifecycle.Input<unknown>): Partial<P> => (typeof e.payload === "object" && e.payload !== null ? (e.payload as Partial<P>) : {})

// -------------------------------------------------------------------------------------------------------------
// Cooperation agreements
// -------------------------------------------------------------------------------------------------------------

const coop2018 = (article: string, confidence: Citation["confidence"] = "M") => Sources.cooperation2018(article, confidence)

/**
 * AGR-WRITTEN (unverified): a written agreement with objectives and tasks, content and form, rights and
 * obligations, and a term.
 * @since 0.1.0
 * @category rules
 */
export const writtenRule = guard<CooperationAgreement>("AGR-WRITTEN", { zh: "书面协议应载明的内容", en: "required contents" }, "M", coop2018("第十一条（条号未核实）"), [], (s, ctx) => {
  const a = s.aggregate
  const missing: Array<string> = []
  if (a.objectives.length === 0) missing.push("合作目标与任务")
  if (a.forms.length === 0) missing.push("合作内容与形式")
  if (!a.rightsAndObligations) missing.push("双方权利义务")
  return missing.length === 0 ? NONE : [ctx.finding({ severity: "violation", message: { zh: `协议未载明：${missing.join("、")}`, en: `the agreement lacks: ${missing.join(", ")}` } })]
})

/**
 * AGR-FORMS-7: at least one of the listed cooperation forms.
 * @since 0.1.0
 * @category rules
 */
export const formsRule = guard<CooperationAgreement>("AGR-FORMS-7", { zh: "合作形式", en: "cooperation forms" }, "S", coop2018("第七条（条号未核实）", "S"), [], (s, ctx) =>
  s.aggregate.forms.length > 0 ? NONE : [ctx.finding({ severity: "violation", message: { zh: "未选择任何合作形式", en: "no cooperation form is given" }, remedy: { zh: "至少选择一种合作形式", en: "choose at least one form" } })]
)

/**
 * AGR-TERM-3Y (unverified): an enterprise that takes interns cooperates for at least 3 years — a warning.
 * @since 0.1.0
 * @category rules
 */
export const termRule = guard<CooperationAgreement>("AGR-TERM-3Y", { zh: "接收实习生的合作期限不少于3年", en: "3-year term with interns" }, "M", coop2018("第十一条（条号未核实）"), [N.agreementMinTermYearsWithInterns], (s, ctx) => {
  const years = ctx.policy.value(N.agreementMinTermYearsWithInterns)
  const a = s.aggregate
  if (years === undefined || !a.takesInterns) return NONE
  const needEnd = Iso.addDays(Iso.addYears(a.term.start, years), -1)
  return a.term.end >= needEnd
    ? NONE
    : [ctx.finding({ severity: "violation", message: { zh: `企业接收实习生，合作期限（${a.term.start} 至 ${a.term.end}）不足${years}年`, en: `the enterprise takes interns; the term ${a.term.start} to ${a.term.end} is under ${years} years` }, parameters: [N.agreementMinTermYearsWithInterns] })]
})

/**
 * AGR-DUAL: school and enterprise are both implementing subjects — each signs for itself, by its own role.
 * @since 0.1.0
 * @category rules
 */
export const dualRule = guard<CooperationAgreement>("AGR-DUAL", { zh: "校企双主体", en: "dual subjects" }, "S", { ...coop2018("第三条（条号未核实）", "S") }, [], (s, ctx) => {
  const party = payload<{ party: string }>(s.event).party
  const allowed = party === "school" ? "school-signatory" : party === "enterprise" ? "enterprise-signatory" : undefined
  if (allowed === undefined) return [ctx.finding({ severity: "violation", message: { zh: "签约方须为学校或企业", en: "the signing party must be the school or the enterprise" } })]
  if (!s.actor.roles.includes(allowed)) {
    return [ctx.finding({ severity: "violation", message: { zh: `${s.actor.id} 不能代表${party === "school" ? "学校" : "企业"}签字`, en: `${s.actor.id} may not sign for the ${party}` } })]
  }
  return s.aggregate.signatures.some((x) => x.party === party) ? [ctx.finding({ severity: "violation", message: { zh: "该方已签字", en: "this party has already signed" } })] : NONE
})

const terminationRule = <A>(parties: ReadonlyArray<string>) =>
  guard<A>("LC-TERMINATE", { zh: "提前终止须写明原因、提出方和日期", en: "termination needs a reason, party and date" }, "I", { document: "chanjiao 流程定义", confidence: "I" }, [], (s, ctx) => {
    const p = payload<{ reason: string; party: string; effectiveOn: string }>(s.event)
    const missing: Array<string> = []
    if (!p.reason) missing.push("原因")
    if (!p.party || !parties.includes(p.party)) missing.push("提出方")
    if (!p.effectiveOn || !Iso.isIsoDate(p.effectiveOn)) missing.push("生效日期")
    return missing.length === 0 ? NONE : [ctx.finding({ severity: "violation", message: { zh: `提前终止缺少：${missing.join("、")}`, en: `the termination lacks: ${missing.join(", ")}` } })]
  })

const coopEndOf = (a: CooperationAgreement) => a.term.end

/**
 * The cooperation agreement machine: draft → in review → signed (both parties) → in force (on the start date)
 * → expiring (within the notice window) → expired | renewed | terminated.
 *
 * @since 0.1.0
 * @category machines
 */
export const cooperation: Lifecycle.Machine<CooperationAgreement> = {
  id: "cooperation-agreement",
  version: 1,
  title: { zh: "校企合作协议", en: "cooperation agreement" },
  initial: "draft",
  states: [
    state("draft", "草拟", "draft", ["editable"]),
    state("in-review", "审核中", "in review", ["editable"]),
    state("signed", "已签订", "signed", []),
    state("in-force", "生效中", "in force", ["active"]),
    state("expiring", "即将到期", "expiring", ["active", "attention"]),
    state("expired", "已到期", "expired", ["closed"], true),
    state("renewed", "已续签", "renewed", ["closed"], true),
    state("terminated", "已终止", "terminated", ["closed"], true)
  ],
  events: [
    { id: "submit", label: { zh: "提交审核", en: "submit" }, from: ["draft"], to: "in-review", targets: ["in-review"], roles: ["school-admin"], guards: [writtenRule, formsRule, termRule], apply: (a) => a, emits: ["AgreementSubmitted"] },
    { id: "return", label: { zh: "退回修改", en: "return" }, from: ["in-review"], to: "draft", targets: ["draft"], roles: ["reviewer"], guards: [], apply: (a) => a, emits: ["AgreementReturned"] },
    {
      id: "sign",
      label: { zh: "签字", en: "sign" },
      from: ["in-review"],
      to: (a) => (a.signatures.some((s) => s.party === "school") && a.signatures.some((s) => s.party === "enterprise") ? "signed" : "in-review"),
      targets: ["in-review", "signed"],
      roles: ["school-signatory", "enterprise-signatory"],
      guards: [dualRule],
      apply: (a, e, actor) => ({ ...a, signatures: [...a.signatures, { party: payload<{ party: "school" | "enterprise" }>(e).party!, name: actor.id, signedOn: e.on }] }),
      emits: ["AgreementSigned"]
    },
    {
      id: "amend",
      label: { zh: "变更", en: "amend" },
      from: ["draft", "in-review", "in-force", "expiring"],
      to: (a) => a.lifecycle?.state ?? "draft",
      targets: ["draft", "in-review", "in-force", "expiring"],
      roles: ["school-admin"],
      guards: [],
      apply: (a, e, actor) => ({ ...a, amendments: [...a.amendments, { on: e.on, by: actor.id, summary: payload<{ summary: string }>(e).summary ?? "" }] }),
      emits: ["AgreementAmended"]
    },
    {
      id: "deliver",
      label: { zh: "登记成果", en: "record a deliverable" },
      from: ["in-force", "expiring"],
      to: (a) => a.lifecycle?.state ?? "in-force",
      targets: ["in-force", "expiring"],
      roles: ["school-admin", "enterprise-signatory"],
      guards: [],
      apply: (a, e) => {
        const id = payload<{ deliverableId: string }>(e).deliverableId
        return { ...a, deliverables: a.deliverables.map((d) => (d.id === id ? { ...d, state: "delivered" as const, deliveredOn: e.on } : d)) }
      },
      emits: ["DeliverableDelivered"]
    },
    {
      id: "renew",
      label: { zh: "续签", en: "renew" },
      from: ["in-force", "expiring"],
      to: "renewed",
      targets: ["renewed"],
      roles: ["school-admin"],
      guards: [],
      apply: (a, e) => ({ ...a, successorId: payload<{ successorId: string }>(e).successorId ?? `${a.id}-next` }),
      emits: ["AgreementRenewed"]
    },
    {
      id: "terminate",
      label: { zh: "提前终止", en: "terminate" },
      from: ["signed", "in-force", "expiring"],
      to: "terminated",
      targets: ["terminated"],
      roles: ["school-admin"],
      guards: [terminationRule<CooperationAgreement>(["school", "enterprise"])],
      apply: (a, e) => {
        const p = payload<{ reason: string; party: "school" | "enterprise"; effectiveOn: IsoDate }>(e)
        return {
          ...a,
          termination: { effectiveOn: p.effectiveOn!, reason: p.reason!, party: p.party! },
          // Open deliverables are closed, with the reason.
          deliverables: a.deliverables.map((d) => (d.state === "planned" || d.state === "in-progress" || d.state === "overdue" ? { ...d, state: "waived" as const, closedReason: `协议终止：${p.reason}` } : d))
        }
      },
      emits: ["AgreementTerminated"]
    }
  ],
  timed: [
    { id: "start", label: { zh: "到开始日生效", en: "comes into force" }, from: ["signed"], to: "in-force", when: (a) => a.term.start, emits: ["AgreementInForce"] },
    {
      id: "notice",
      label: { zh: "进入到期预警期", en: "enters the notice window" },
      from: ["in-force"],
      to: "expiring",
      when: (a, p) => Iso.addDays(coopEndOf(a), -(p.value(N.agreementExpiryNoticeDays) ?? 90)),
      emits: ["AgreementExpiring"]
    },
    { id: "end", label: { zh: "期满", en: "expires" }, from: ["in-force", "expiring"], to: "expired", when: (a) => Iso.addDays(coopEndOf(a), 1), emits: ["AgreementExpired"] }
  ],
  stamp: (a) => a.lifecycle,
  restamp: withStamp
}

// -------------------------------------------------------------------------------------------------------------
// Tripartite internship agreements
// -------------------------------------------------------------------------------------------------------------

/**
 * The parties whose signatures a tripartite agreement needs under the policy in force: school, unit, student,
 * and the guardian for a minor (2016), or for every school-organised 岗位实习 (2021 consent rule).
 *
 * @since 0.1.0
 * @category combinators
 */
export const requiredParties = (a: InternshipAgreement, policy: Resolved): ReadonlyArray<"school" | "unit" | "student" | "guardian"> => {
  const scope = policy.value(N.internshipConsentScope)
  const minor = a.studentBirthDate !== undefined && Iso.addYears(a.studentBirthDate, 18) > a.term.start
  const guardian = scope === "all" ? a.schoolOrganised !== false : scope === "minors" ? minor : false
  return guardian ? ["school", "unit", "student", "guardian"] : ["school", "unit", "student"]
}

const allSigned = (a: InternshipAgreement, policy: Resolved) => requiredParties(a, policy).every((p) => a.signatures.some((s) => s.party === p))

/**
 * INT-AGREE-3P: each signature by the right party; the agreement is signed once every required party has.
 * @since 0.1.0
 * @category rules
 */
export const tripartiteSignRule = guard<InternshipAgreement>("INT-AGREE-3P", { zh: "三方协议由各方签订", en: "each party signs" }, "S", Sources.internship2021("（条号未核实）", "S"), [N.internshipConsentScope], (s, ctx) => {
  const party = payload<{ party: string }>(s.event).party
  const roleOf: Record<string, string> = { school: "school-signatory", unit: "unit-signatory", student: "student", guardian: "guardian" }
  const required = requiredParties(s.aggregate, ctx.policy)
  if (party === undefined || !required.includes(party as never)) {
    return [ctx.finding({ severity: "violation", message: { zh: `签约方须为：${required.join("、")}`, en: `the party must be one of: ${required.join(", ")}` }, parameters: [N.internshipConsentScope] })]
  }
  if (!s.actor.roles.includes(roleOf[party]!)) return [ctx.finding({ severity: "violation", message: { zh: `${s.actor.id} 不能代表${party}签字`, en: `${s.actor.id} may not sign for the ${party}` } })]
  if (s.aggregate.brokeredBy !== undefined) return [ctx.finding({ severity: "violation", message: { zh: "三方协议不得通过中介签订", en: "the agreement may not be brokered" } })]
  return s.aggregate.signatures.some((x) => x.party === party) ? [ctx.finding({ severity: "violation", message: { zh: "该方已签字", en: "this party has already signed" } })] : NONE
})

/**
 * The tripartite agreement machine: draft → signed (every required party, any order) → in force (start) →
 * completed (end) | terminated (by the school or the unit, with a reason; the school may end a placement for
 * the unit's breach).
 *
 * @since 0.1.0
 * @category machines
 */
export const tripartite = (policyOf: (a: InternshipAgreement) => Resolved): Lifecycle.Machine<InternshipAgreement> =>
  signedAgreement<InternshipAgreement, "school" | "unit" | "student" | "guardian">({
    id: "internship-agreement",
    title: { zh: "实习三方协议", en: "tripartite internship agreement" },
    inForce: { zh: "履行中", en: "in force" },
    signRoles: ["school-signatory", "unit-signatory", "student", "guardian"],
    signGuards: [tripartiteSignRule],
    allSigned: (a) => allSigned(a, policyOf(a)),
    terminateRoles: ["school-admin", "unit-signatory"],
    terminateParties: ["school", "unit", "student", "guardian"],
    defaultParty: "student",
    eventPrefix: "InternshipAgreement",
    labels: { start: { zh: "实习开始", en: "internship starts" }, end: { zh: "实习结束", en: "internship ends" } }
  })

/**
 * The machine shared by the agreements signed by several parties (tripartite, apprenticeship): draft (being
 * signed, any order) → signed once every party has → in force on the start date → completed the day after the
 * end | terminated with a reason, a party and a date.
 */
const signedAgreement = <
  A extends {
    readonly term: { readonly start: IsoDate; readonly end: IsoDate }
    readonly signatures: ReadonlyArray<{ readonly party: string; readonly name: string; readonly signedOn: IsoDate }>
    readonly lifecycle?: LifecycleStamp | undefined
  },
  Party extends string
>(def: {
  readonly id: string
  readonly title: Text
  readonly inForce: Text
  readonly signRoles: ReadonlyArray<string>
  readonly signGuards: ReadonlyArray<Rule.Rule<G<A>>>
  readonly allSigned: (a: A) => boolean
  readonly terminateRoles: ReadonlyArray<string>
  readonly terminateParties: ReadonlyArray<Party>
  /** Who a signature without a named party is recorded for. */
  readonly defaultParty: Party
  readonly eventPrefix: string
  readonly labels: { readonly start: Text; readonly end: Text }
}): Lifecycle.Machine<A> => ({
  id: def.id,
  version: 1,
  title: def.title,
  initial: "draft",
  states: [
    state("draft", "签订中", "being signed", ["editable"]),
    state("signed", "已签订", "signed", []),
    state("in-force", def.inForce.zh, def.inForce.en, ["active"]),
    state("completed", "已完成", "completed", ["closed"], true),
    state("terminated", "已终止", "terminated", ["closed"], true)
  ],
  events: [
    {
      id: "sign",
      label: { zh: "签字", en: "sign" },
      from: ["draft"],
      to: (a) => (def.allSigned(a) ? "signed" : "draft"),
      targets: ["draft", "signed"],
      roles: def.signRoles,
      guards: def.signGuards,
      apply: (a, e, actor) => ({ ...a, signatures: [...a.signatures, { party: payload<{ party: Party }>(e).party ?? def.defaultParty, name: actor.id, signedOn: e.on }] }),
      emits: [`${def.eventPrefix}Signed`]
    },
    {
      id: "terminate",
      label: { zh: "提前终止", en: "terminate" },
      from: ["signed", "in-force"],
      to: "terminated",
      targets: ["terminated"],
      roles: def.terminateRoles,
      guards: [terminationRule<A>(def.terminateParties)],
      apply: (a, e) => {
        const p = payload<{ reason: string; party: Party; effectiveOn: IsoDate }>(e)
        return { ...a, termination: { effectiveOn: p.effectiveOn!, reason: p.reason!, party: p.party! } }
      },
      emits: [`${def.eventPrefix}Terminated`]
    }
  ],
  timed: [
    { id: "start", label: def.labels.start, from: ["signed"], to: "in-force", when: (a) => a.term.start, emits: [`${def.eventPrefix}InForce`] },
    { id: "end", label: def.labels.end, from: ["in-force"], to: "completed", when: (a) => Iso.addDays(a.term.end, 1), emits: [`${def.eventPrefix}Completed`] }
  ],
  stamp: (a) => a.lifecycle,
  restamp: withStamp
})

// -------------------------------------------------------------------------------------------------------------
// Apprenticeship agreements
// -------------------------------------------------------------------------------------------------------------

const app = (article: string): Citation => ({
  document: "关于全面推行中国特色企业新型学徒制 加强技能人才培养的指导意见",
  docNumber: "人社部发〔2021〕39号",
  article,
  date: "2021-06-08" as IsoDate,
  confidence: "S"
})

/**
 * The checks of an apprenticeship agreement (APP-DUAL-MENTOR, APP-NEW-DURATION, APP-NEW-CONTRACT,
 * APP-NEW-WAGE, APP-NEW-SUBSIDY), run before it is signed and by `warnings`.
 *
 * @since 0.1.0
 * @category rules
 */
export const apprenticeshipRules: ReadonlyArray<Rule.Rule<G<ApprenticeshipAgreement>>> = [
  guard<ApprenticeshipAgreement>("APP-DUAL-MENTOR", { zh: "企业导师与学校导师双导师", en: "dual mentors" }, "S", app("双导师"), [], (s, ctx) => {
    const a = s.aggregate
    const missing = [...(a.schoolMentorIds.length === 0 ? ["学校导师"] : []), ...(a.enterpriseMentorIds.length === 0 ? ["企业导师"] : [])]
    return missing.length === 0 ? NONE : [ctx.finding({ severity: "violation", message: { zh: `未配备${missing.join("和")}`, en: `no ${missing.length === 2 ? "school or enterprise" : missing[0] === "学校导师" ? "school" : "enterprise"} mentor` } })]
  }),
  guard<ApprenticeshipAgreement>("APP-NEW-DURATION", { zh: "学徒培养期1–2年，最长3年", en: "1–2 years, at most 3" }, "S", app("培养期限"), [N.apprenticeMinYears, N.apprenticeUsualMaxYears, N.apprenticeMaxYears], (s, ctx) => {
    const a = s.aggregate
    const min = ctx.policy.value(N.apprenticeMinYears) ?? 1
    const usual = ctx.policy.value(N.apprenticeUsualMaxYears) ?? 2
    const max = ctx.policy.value(N.apprenticeMaxYears) ?? 3
    const years = Iso.diffDays(a.term.start, Iso.addDays(a.term.end, 1)) / 365.25
    if (years + 0.01 < min || years - 0.01 > max) {
      return [ctx.finding({ severity: "violation", message: { zh: `培养期 ${years.toFixed(1)} 年，应在 ${min}–${max} 年之间`, en: `${years.toFixed(1)} years, outside ${min}–${max}` }, parameters: [N.apprenticeMinYears, N.apprenticeMaxYears] })]
    }
    return years - 0.01 > usual ? [ctx.finding({ severity: "info", message: { zh: `培养期 ${years.toFixed(1)} 年，超过一般的${usual}年（特殊情况）`, en: `${years.toFixed(1)} years, beyond the usual ${usual}` }, parameters: [N.apprenticeUsualMaxYears] })] : NONE
  }),
  guard<ApprenticeshipAgreement>("APP-NEW-CONTRACT", { zh: "企业新型学徒签订1年以上劳动合同", en: "a labour contract of a year or more" }, "S", app("培养对象"), [N.apprenticeMinContractYears], (s, ctx) => {
    const a = s.aggregate
    if (a.kind !== "enterprise-new-type") return NONE
    const years = ctx.policy.value(N.apprenticeMinContractYears) ?? 1
    const c = a.labourContract
    if (c === undefined) return [ctx.finding({ severity: "violation", message: { zh: "企业新型学徒未签订劳动合同", en: "no labour contract" }, parameters: [N.apprenticeMinContractYears] })]
    return Iso.addDays(Iso.addYears(c.start, years), -1) > c.end
      ? [ctx.finding({ severity: "violation", message: { zh: `劳动合同（${c.start} 至 ${c.end}）不足${years}年`, en: `the labour contract ${c.start} to ${c.end} is under ${years} year(s)` }, parameters: [N.apprenticeMinContractYears] })]
      : NONE
  }),
  guard<ApprenticeshipAgreement>("APP-NEW-WAGE", { zh: "学徒工资不低于当地最低工资", en: "at least the local minimum wage" }, "S", app("工资待遇"), [], (s, ctx) => {
    const a = s.aggregate
    if (a.monthlyWage === undefined || a.localMinimumWage === undefined) return NONE
    return a.monthlyWage < a.localMinimumWage
      ? [ctx.finding({ severity: "violation", message: { zh: `学徒月工资 ${a.monthlyWage} 元，低于当地最低工资 ${a.localMinimumWage} 元`, en: `wage ${a.monthlyWage} yuan, under the local minimum ${a.localMinimumWage}` }, measured: { value: a.monthlyWage, unit: "yuan" }, threshold: { comparator: ">=", value: a.localMinimumWage, unit: "yuan" } })]
      : NONE
  }),
  guard<ApprenticeshipAgreement>("APP-NEW-SUBSIDY", { zh: "学徒培训补贴原则上每人每年不低于5000元", en: "subsidy at least 5,000 a year" }, "S", app("补贴政策"), [N.apprenticeMinSubsidy], (s, ctx) => {
    const min = ctx.policy.value(N.apprenticeMinSubsidy)
    const got = s.aggregate.subsidyPerYear
    if (min === undefined || got === undefined || s.aggregate.kind !== "enterprise-new-type" || got >= min) return NONE
    return [ctx.finding({ severity: "warning", message: { zh: `学徒培训补贴每年 ${got} 元，低于原则上的 ${min} 元`, en: `subsidy ${got} yuan a year, under ${min} in principle` }, parameters: [N.apprenticeMinSubsidy] })]
  })
]

const appSigned = (a: ApprenticeshipAgreement) => (["school", "enterprise", "student"] as const).every((p) => a.signatures.some((s) => s.party === p))

/**
 * The apprenticeship machine: draft → signed (school, enterprise, apprentice) → in force → completed |
 * terminated. Signing runs the APP-* checks.
 *
 * @since 0.1.0
 * @category machines
 */
export const apprenticeship: Lifecycle.Machine<ApprenticeshipAgreement> = signedAgreement<ApprenticeshipAgreement, "school" | "enterprise" | "student" | "apprentice">({
  id: "apprenticeship-agreement",
  title: { zh: "学徒培养协议", en: "apprenticeship agreement" },
  inForce: { zh: "培养中", en: "in force" },
  signRoles: ["school-signatory", "enterprise-signatory", "student"],
  signGuards: apprenticeshipRules,
  allSigned: appSigned,
  terminateRoles: ["school-admin", "enterprise-signatory"],
  terminateParties: ["school", "enterprise", "apprentice"],
  defaultParty: "student",
  eventPrefix: "Apprenticeship",
  labels: { start: { zh: "培养开始", en: "starts" }, end: { zh: "培养期满", en: "ends" } }
})

// -------------------------------------------------------------------------------------------------------------
// Early warnings
// -------------------------------------------------------------------------------------------------------------

/**
 * What `warnings` looks at.
 *
 * @since 0.1.0
 * @category models
 */
export interface Portfolio {
  readonly cooperation: ReadonlyArray<CooperationAgreement>
  readonly tripartite: ReadonlyArray<InternshipAgreement>
  readonly apprenticeships: ReadonlyArray<ApprenticeshipAgreement>
  /** The school's majors, for PLAN-MAJOR-PARTNER. */
  readonly majors: ReadonlyArray<Major>
}

const active = (stamp: LifecycleStamp | undefined) => stamp !== undefined && (stamp.state === "in-force" || stamp.state === "expiring")

/**
 * PLAN-MAJOR-PARTNER (一专一名企) and the early warnings: agreements expiring within the notice window, deliverables
 * due soon or overdue, tripartite agreements missing a signature before the planned start, apprenticeships
 * without both mentors, and majors without a partner agreement in force — each a finding with a due date,
 * sorted by due date.
 *
 * @since 0.1.0
 * @category rules
 */
export const warningsRule = Rule.make<Portfolio>({
  id: "PLAN-MAJOR-PARTNER",
  area: "agreement",
  title: { zh: "一专一名企与协议预警", en: "one leading partner per major, and agreement warnings" },
  confidence: "I",
  subject: "AgreementPortfolio",
  versions: [
    {
      effectiveFrom: "2018-02-22" as IsoDate,
      citations: [{ document: "校企合作与产教融合建设方案（一专一名企）", date: "2024-04-28" as IsoDate, confidence: "I" }, coop2018("（条号未核实）")],
      parameters: [N.agreementExpiryNoticeDays, N.agreementDeliverableNoticeDays, N.internshipConsentScope],
      check: (p, ctx) => {
        const out: Array<Finding> = []
        const asOf = ctx.asOf
        const notice = ctx.policy.value(N.agreementExpiryNoticeDays) ?? 90
        const dNotice = ctx.policy.value(N.agreementDeliverableNoticeDays) ?? 30
        for (const a of p.cooperation) {
          if (!active(a.lifecycle)) continue
          if (a.term.end >= asOf && Iso.diffDays(asOf, a.term.end) <= notice) {
            const open = a.deliverables.filter((d) => d.state !== "delivered" && d.state !== "waived")
            out.push(
              ctx.finding({
                severity: open.length > 0 ? "warning" : "info",
                message: {
                  zh: `合作协议“${a.title}”将于 ${a.term.end} 到期${open.length > 0 ? `，仍有 ${open.length} 项约定成果未完成` : ""}`,
                  en: `"${a.title}" expires on ${a.term.end}${open.length > 0 ? ` with ${open.length} open deliverable(s)` : ""}`
                },
                remedy: { zh: "续签或办理到期手续", en: "renew it or close it" },
                deadline: a.term.end,
                parameters: [N.agreementExpiryNoticeDays]
              })
            )
          }
          for (const d of a.deliverables) {
            if (d.state === "delivered" || d.state === "waived") continue
            if (d.dueOn < asOf) {
              out.push(ctx.finding({ severity: "warning", message: { zh: `“${a.title}”的约定成果“${d.description}”已逾期（${d.dueOn}）`, en: `deliverable "${d.description}" of "${a.title}" is overdue (${d.dueOn})` }, deadline: d.dueOn }))
            } else if (Iso.diffDays(asOf, d.dueOn) <= dNotice) {
              out.push(ctx.finding({ severity: "info", message: { zh: `“${a.title}”的约定成果“${d.description}”将于 ${d.dueOn} 到期`, en: `deliverable "${d.description}" of "${a.title}" is due on ${d.dueOn}` }, deadline: d.dueOn, parameters: [N.agreementDeliverableNoticeDays] }))
            }
          }
        }
        for (const t of p.tripartite) {
          if (t.lifecycle !== undefined && t.lifecycle.state !== "draft") continue
          if (t.term.start < asOf) continue
          const missing = requiredParties(t, ctx.policy).filter((party) => !t.signatures.some((s) => s.party === party))
          if (missing.length > 0) {
            out.push(ctx.finding({ severity: "warning", message: { zh: `三方协议 ${t.id} 在实习开始（${t.term.start}）前仍缺 ${missing.join("、")} 签字`, en: `agreement ${t.id} still lacks ${missing.join(", ")} before the start on ${t.term.start}` }, deadline: t.term.start }))
          }
        }
        for (const a of p.apprenticeships) {
          if (a.lifecycle !== undefined && (a.lifecycle.state === "completed" || a.lifecycle.state === "terminated")) continue
          if (a.schoolMentorIds.length === 0 || a.enterpriseMentorIds.length === 0) {
            out.push(ctx.finding({ severity: "warning", message: { zh: `学徒协议 ${a.id} 未配齐双导师（APP-DUAL-MENTOR）`, en: `apprenticeship ${a.id} lacks a mentor (APP-DUAL-MENTOR)` }, deadline: a.term.start }))
          }
        }
        for (const m of p.majors) {
          if (!m.enrolling) continue
          const partner = p.cooperation.some((a) => active(a.lifecycle) && a.leadingPartnerFor.includes(m.code))
          if (!partner) {
            out.push(ctx.finding({ severity: "warning", message: { zh: `专业“${m.name}”（${m.code}）没有生效中的合作名企协议（一专一名企）`, en: `major ${m.name} (${m.code}) has no leading partner agreement in force` }, remedy: { zh: "与该专业的牵头企业签订并生效合作协议", en: "sign an agreement with the major's leading enterprise" } }))
          }
        }
        return out.sort((a, b) => ((a.deadline ?? "9999") < (b.deadline ?? "9999") ? -1 : (a.deadline ?? "9999") > (b.deadline ?? "9999") ? 1 : 0))
      }
    }
  ]
})

/**
 * The early warnings of a portfolio on the policy's date, sorted by due date.
 *
 * @since 0.1.0
 * @category combinators
 */
export const warnings = (p: Portfolio, policy: Resolved, schoolId = "school"): ReadonlyArray<Finding> =>
  Rule.check(warningsRule, p, { type: "AgreementPortfolio", id: schoolId }, policy)
