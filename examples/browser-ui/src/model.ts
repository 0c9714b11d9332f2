/**
 * What the page shows, worked out by the core — no DOM here, so it runs the same in Node (the tests) and in the
 * browser. The page never decides by itself whether a button is enabled: it asks `Lifecycle.nextEvents`, and a
 * click runs `Lifecycle.transition` (pure, in memory), then `Lifecycle.advance` for the changes that dates in the
 * data make (a signed agreement comes into force on its start date). Rule ids cited: LC-ROLE, LC-TERMINATE,
 * AGR-DUAL, AGR-FORMS-7, INT-AGREE-3P, INT-CONSENT, APP-DUAL-MENTOR, TCH-DS-LEVELS.
 */
import { Agreement, Agreements, DualQualified, IsoDate, Jurisdiction, Lifecycle, National, Policy, Teacher, TeacherQualification, Validation } from "@chanjiao/core"
import type { Text } from "@chanjiao/core"
import * as Either from "effect/Either"
import type * as Schema from "effect/Schema"
import type { Kind, SampleAgreement } from "./samples.js"

/** The page's business date when it opens: the samples are written around it. */
export const demoDate: IsoDate.IsoDate = IsoDate.unsafeMake("2025-08-20")

/** The national policy in force on a date (the page has no provincial overlay). */
export const policyAt = (date: IsoDate.IsoDate): Policy.Resolved => Policy.at(National.policy, Jurisdiction.national, date)

/** The machines of the three kinds; a tripartite agreement reads the policy of its start date (INT-CONSENT). */
export const machines = {
  cooperation: Agreements.cooperation,
  tripartite: Agreements.tripartite((a) => policyAt(a.term.start)),
  apprenticeship: Agreements.apprenticeship
} as const

/** The kinds' names. */
export const kindLabel: { readonly [K in Kind]: Text.Text } = {
  cooperation: { zh: "校企合作协议", en: "cooperation agreement" },
  tripartite: { zh: "实习三方协议", en: "tripartite internship agreement" },
  apprenticeship: { zh: "学徒培养协议", en: "apprenticeship agreement" }
}

/** A person the page can act as: the roles are the ones the machines name. */
export interface Persona {
  readonly actor: Lifecycle.Actor
  readonly label: Text.Text
}

/** Who the page lets you act as — one person per role the agreement machines define. */
export const personas: ReadonlyArray<Persona> = [
  { actor: { id: "李校长", roles: ["school-signatory"] }, label: { zh: "学校签约人（李校长）", en: "school signatory" } },
  { actor: { id: "王主任", roles: ["school-admin"] }, label: { zh: "学校管理员（教务处王主任）", en: "school administrator" } },
  { actor: { id: "孙审核", roles: ["reviewer"] }, label: { zh: "协议审核人（孙审核）", en: "reviewer" } },
  { actor: { id: "张经理", roles: ["enterprise-signatory"] }, label: { zh: "企业签约人（张经理）", en: "enterprise signatory" } },
  { actor: { id: "陈主管", roles: ["unit-signatory"] }, label: { zh: "实习单位签约人（陈主管）", en: "internship unit signatory" } },
  { actor: { id: "学生小刘", roles: ["student"] }, label: { zh: "学生（小刘）", en: "student" } },
  { actor: { id: "刘女士", roles: ["guardian"] }, label: { zh: "监护人（刘女士）", en: "guardian" } }
]

/** Every role some event of the three machines names. */
export const machineRoles: ReadonlyArray<string> = [...new Set([...machines.cooperation.events, ...machines.tripartite.events, ...machines.apprenticeship.events].flatMap((e) => e.roles))]

/** One line of an agreement's history on the page. */
export interface HistoryItem {
  readonly on: IsoDate.IsoDate
  /** The actor's id, or `undefined` for a change a date made. */
  readonly by: string | undefined
  readonly what: Text.Text
  readonly from: Text.Text
  readonly to: Text.Text
  /** The domain events emitted, as data (what the store's outbox would write). */
  readonly emitted: ReadonlyArray<string>
}

/** A button: the event, whether this actor may fire it now, and why not (zh + en). */
export interface Button {
  readonly event: string
  readonly label: Text.Text
  readonly enabled: boolean
  readonly reasons: ReadonlyArray<Text.Text>
}

/** What a click returns: the entry after the event, or the core's refusal. */
export type Fired = Either.Either<Entry, Lifecycle.Refusal>

/**
 * One agreement on the page, with its machine closed over (the three kinds have different aggregate types).
 */
export interface Entry {
  readonly kind: Kind
  readonly id: string
  readonly title: string
  readonly state: Lifecycle.State
  readonly since: IsoDate.IsoDate | undefined
  readonly signatures: ReadonlyArray<{ readonly party: string; readonly name: string; readonly signedOn: IsoDate.IsoDate }>
  /** Facts worth showing beside the state (term, parties, open deliverables). */
  readonly facts: ReadonlyArray<Text.Text>
  readonly history: ReadonlyArray<HistoryItem>
  /** The buttons for an actor on a date, with the note typed on the page (a termination reason, an amendment). */
  readonly buttons: (actor: Lifecycle.Actor, on: IsoDate.IsoDate, note: string) => ReadonlyArray<Button>
  /** Fires one event, then applies the timed changes due by the date. */
  readonly fire: (event: string, actor: Lifecycle.Actor, on: IsoDate.IsoDate, note: string) => Fired
  /** Applies the timed changes due by the date (a new business date on the page). */
  readonly advance: (on: IsoDate.IsoDate) => Entry
  /** The record as JSON (what a host would store). */
  readonly json: () => unknown
}

type Signed = {
  readonly id: string
  readonly term: { readonly start: IsoDate.IsoDate; readonly end: IsoDate.IsoDate }
  readonly signatures: ReadonlyArray<{ readonly party: string; readonly name: string; readonly signedOn: IsoDate.IsoDate }>
  readonly lifecycle?: { readonly state: string; readonly since?: IsoDate.IsoDate | undefined } | undefined
}

// The party a signatory signs for, by role and kind (AGR-DUAL: each side by its own role; INT-AGREE-3P: each of
// the tripartite parties).
const signsFor: { readonly [K in Kind]: { readonly [role: string]: string } } = {
  cooperation: { "school-signatory": "school", "enterprise-signatory": "enterprise" },
  tripartite: { "school-signatory": "school", "unit-signatory": "unit", student: "student", guardian: "guardian" },
  apprenticeship: { "school-signatory": "school", "enterprise-signatory": "enterprise", student: "student" }
}
const terminatesFor: { readonly [role: string]: string } = { "school-admin": "school", "unit-signatory": "unit", "enterprise-signatory": "enterprise" }
const partyOf = (table: { readonly [role: string]: string }, actor: Lifecycle.Actor): string | undefined => actor.roles.map((r) => table[r]).find((p) => p !== undefined)

/**
 * The payload the page sends with an event: the party the actor signs for, the termination's reason (the note,
 * LC-TERMINATE needs one), party and date, the amendment's summary, the deliverable recorded.
 */
export const payloadFor = (kind: Kind, event: string, actor: Lifecycle.Actor, aggregate: Signed, on: IsoDate.IsoDate, note: string): unknown => {
  const text = note.trim()
  switch (event) {
    case "sign": {
      const party = partyOf(signsFor[kind], actor)
      return party === undefined ? {} : { party }
    }
    case "terminate": {
      const party = partyOf(terminatesFor, actor)
      return { ...(text === "" ? {} : { reason: text }), ...(party === undefined ? {} : { party }), effectiveOn: on }
    }
    case "amend":
      return { summary: text }
    case "deliver": {
      const open = "deliverables" in aggregate ? (aggregate as unknown as Agreement.CooperationAgreement).deliverables.find((d) => d.state !== "delivered" && d.state !== "waived") : undefined
      return open === undefined ? {} : { deliverableId: open.id }
    }
    case "renew":
      return { successorId: `${aggregate.id}-renewal` }
    default:
      return undefined
  }
}

const factsOf = (kind: Kind, a: Signed): ReadonlyArray<Text.Text> => {
  const term: Text.Text = { zh: `期限：${a.term.start} 至 ${a.term.end}`, en: `term: ${a.term.start} to ${a.term.end}` }
  switch (kind) {
    case "cooperation": {
      const c = a as unknown as Agreement.CooperationAgreement
      const open = c.deliverables.filter((d) => d.state !== "delivered" && d.state !== "waived")
      return [
        term,
        { zh: `合作形式：${c.forms.length === 0 ? "（未填写）" : c.forms.join("、")}`, en: `forms: ${c.forms.length === 0 ? "(none)" : c.forms.join(", ")}` },
        { zh: `未完成的约定成果：${open.length === 0 ? "无" : open.map((d) => `${d.description}（${d.dueOn}）`).join("；")}`, en: `open deliverables: ${open.length}` },
        ...(c.termination ? [{ zh: `终止：${c.termination.reason}（${c.termination.effectiveOn}）`, en: `terminated: ${c.termination.reason} (${c.termination.effectiveOn})` }] : [])
      ]
    }
    case "tripartite": {
      const t = a as unknown as Agreement.InternshipAgreement
      const needed = Agreements.requiredParties(t, policyAt(t.term.start))
      const missing = needed.filter((p) => !t.signatures.some((s) => s.party === p))
      return [
        term,
        { zh: `实习单位：${t.unitName}；学生出生日期：${t.studentBirthDate ?? "未填"}`, en: `unit: ${t.unitName}; student born ${t.studentBirthDate ?? "?"}` },
        {
          zh: `须签字的各方：${needed.join("、")}；尚缺：${missing.length === 0 ? "无" : missing.join("、")}`,
          en: `parties: ${needed.join(", ")}; missing: ${missing.length === 0 ? "none" : missing.join(", ")}`
        }
      ]
    }
    case "apprenticeship": {
      const p = a as unknown as Agreement.ApprenticeshipAgreement
      return [
        term,
        {
          zh: `学校导师：${p.schoolMentorIds.join("、") || "无"}；企业导师：${p.enterpriseMentorIds.join("、") || "无"}`,
          en: `school mentors: ${p.schoolMentorIds.length}; enterprise mentors: ${p.enterpriseMentorIds.length}`
        }
      ]
    }
  }
}

const stateLabel = <A>(machine: Lifecycle.Machine<A>, id: string): Text.Text => machine.states.find((s) => s.id === id)?.label ?? { zh: id, en: id }

const entry = <A extends Signed>(kind: Kind, machine: Lifecycle.Machine<A>, aggregate: A, state: Lifecycle.State, history: ReadonlyArray<HistoryItem>, encode: (a: A) => unknown): Entry => {
  const ctx = (on: IsoDate.IsoDate) => ({ policy: policyAt(on), ref: { type: machine.id, id: aggregate.id } })
  const named = (aggregate as { readonly title?: unknown }).title
  const title =
    typeof named === "string" ? named : kind === "tripartite" ? `三方协议 ${aggregate.id}（${(aggregate as unknown as Agreement.InternshipAgreement).unitName}）` : `学徒培养协议 ${aggregate.id}`
  // The timed changes due by the date, each recorded with the date it happened on (not the page's date).
  const advanced = (a: A, s: Lifecycle.State, h: ReadonlyArray<HistoryItem>, on: IsoDate.IsoDate): Entry => {
    const r = Lifecycle.advance(machine, a, policyAt(on))
    if (r.emitted.length === 0) return entry(kind, machine, a, s, h, encode)
    let from = s.label
    const more = r.emitted.map((e): HistoryItem => {
      const timed = machine.timed.find((t) => t.emits.includes(e.type))
      const to = stateLabel(machine, e.aggregateState)
      const item = { on: e.on, by: undefined, what: timed?.label ?? { zh: e.type, en: e.type }, from, to, emitted: [e.type] }
      from = to
      return item
    })
    const loaded = Lifecycle.load(machine, r.aggregate)
    return entry(
      kind,
      machine,
      r.aggregate,
      Either.getOrElse(loaded, () => s),
      [...h, ...more],
      encode
    )
  }
  return {
    kind,
    id: aggregate.id,
    title,
    state,
    since: aggregate.lifecycle?.since,
    signatures: aggregate.signatures,
    facts: factsOf(kind, aggregate),
    history,
    buttons: (actor, on, note) => {
      const payloads = Object.fromEntries(machine.events.map((e) => [e.id, payloadFor(kind, e.id, actor, aggregate, on, note)]))
      return Lifecycle.nextEvents(machine, aggregate, actor, { ...ctx(on), payloads }).map((o) => ({ event: o.event, label: o.label, enabled: o.available, reasons: o.reasons }))
    },
    fire: (event, actor, on, note) => {
      const input = { type: event, on, payload: payloadFor(kind, event, actor, aggregate, on, note) }
      return Either.map(Lifecycle.transition(machine, aggregate, input, actor, ctx(on)), (step) => {
        const label = machine.events.find((e) => e.id === event)?.label ?? { zh: event, en: event }
        const item: HistoryItem = { on, by: actor.id, what: label, from: state.label, to: step.state.label, emitted: step.emitted.map((e) => e.type) }
        return advanced(step.aggregate, step.state, [...history, item], on)
      })
    },
    advance: (on) => advanced(aggregate, state, history, on),
    json: () => encode(aggregate)
  }
}

/** Why a record could not be put on the page: the decode issues, or the life-cycle stamp's refusal. */
export interface Problem {
  readonly title: Text.Text
  readonly issues: ReadonlyArray<{ readonly path: string; readonly zh: string; readonly en: string }>
}

const fromDecoded = <A extends Signed>(kind: Kind, machine: Lifecycle.Machine<A>, a: A, encode: (a: A) => unknown): Either.Either<Entry, Problem> => {
  const loaded = Lifecycle.load(machine, a)
  if (Either.isLeft(loaded)) {
    return Either.left({ title: { zh: "流程状态无法识别", en: "unknown life-cycle state" }, issues: [{ path: "lifecycle", zh: loaded.left.message.zh, en: loaded.left.message.en }] })
  }
  return Either.right(entry(kind, machine, a, loaded.right, [], encode))
}

const decodeWith = <A extends Signed, I>(kind: Kind, schema: Schema.Schema<A, I, never>, machine: Lifecycle.Machine<A>, data: unknown): Either.Either<Entry, Problem> => {
  const decoded = Validation.decode(schema)(data)
  if (Either.isLeft(decoded)) {
    return Either.left({
      title: { zh: `${kindLabel[kind].zh}数据有误（${decoded.left.issues.length} 处）`, en: `invalid ${kindLabel[kind].en} (${decoded.left.issues.length} issue(s))` },
      issues: decoded.left.issues.map((i) => ({ path: i.path.join(".") || "(整条记录)", zh: i.zh, en: i.en }))
    })
  }
  return fromDecoded(kind, machine, decoded.right, Validation.encode(schema))
}

/**
 * Decodes one raw record of a kind with the core's Schema and checks its life-cycle stamp against the machine:
 * an entry for the page, or every problem in zh and en — never an exception.
 */
export const decodeAgreement = (kind: Kind, data: unknown): Either.Either<Entry, Problem> => {
  switch (kind) {
    case "cooperation":
      return decodeWith(kind, Agreement.CooperationAgreement, machines.cooperation, data)
    case "tripartite":
      return decodeWith(kind, Agreement.InternshipAgreement, machines.tripartite, data)
    case "apprenticeship":
      return decodeWith(kind, Agreement.ApprenticeshipAgreement, machines.apprenticeship, data)
  }
}

/** What a user pastes into the page: JSON text of a record of a kind. */
export const importAgreement = (kind: Kind, text: string): Either.Either<Entry, Problem> => {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e)
    return Either.left({ title: { zh: "不是合法的 JSON", en: "not valid JSON" }, issues: [{ path: "(整条记录)", zh: `JSON 解析失败：${why}`, en: `JSON parse error: ${why}` }] })
  }
  return decodeAgreement(kind, data)
}

/** The samples decoded and advanced to the date; a sample that does not decode is listed with its problems. */
export const loadAgreements = (samples: ReadonlyArray<SampleAgreement>, on: IsoDate.IsoDate): { readonly entries: ReadonlyArray<Entry>; readonly problems: ReadonlyArray<Problem> } => {
  const entries: Array<Entry> = []
  const problems: Array<Problem> = []
  for (const s of samples) {
    const r = decodeAgreement(s.kind, s.data)
    if (Either.isRight(r)) entries.push(r.right.advance(on))
    else problems.push(r.left)
  }
  return { entries, problems }
}

/** The teachers decoded with the core's `Teacher` schema: the valid ones and each invalid one's problems. */
export const loadTeachers = (rows: ReadonlyArray<unknown>): { readonly teachers: ReadonlyArray<Teacher.Teacher>; readonly problems: ReadonlyArray<Problem> } => {
  const r = Validation.decodeAll(Teacher.Teacher)(rows)
  return {
    teachers: r.valid,
    problems: r.invalid.map((bad) => ({
      title: { zh: `第${bad.index + 1}位教师的数据有误`, en: `teacher #${bad.index + 1} is invalid` },
      issues: bad.error.issues.map((i) => ({ path: i.path.join(".") || "(整条记录)", zh: i.zh, en: i.en }))
    }))
  }
}

/** A teacher's 双师型 evaluation on a date (TCH-DS-LEVELS), at a 中职 school as the samples are. */
export const evaluateTeacher = (teacher: Teacher.Teacher, on: IsoDate.IsoDate): DualQualified.Evaluation => DualQualified.evaluate(teacher, "secondary", policyAt(on))

/** The school's counts of the highest level met, over the teachers in post on the date. */
export const schoolSummary = (teachers: ReadonlyArray<Teacher.Teacher>, on: IsoDate.IsoDate): TeacherQualification.Summary =>
  TeacherQualification.evaluateSchool({ schoolId: "s-jx", schoolType: "secondary", teachers }, policyAt(on)).summary
