/**
 * The page: plain DOM over `model.ts`. Every decision — which buttons are enabled and why the others are not,
 * what a click does, which 双师型 criteria a teacher lacks — comes from `@chanjiao/core`; this file only draws.
 * All text goes in through text nodes, never as HTML, so a pasted record cannot inject markup.
 */
import { DualQualified, IsoDate } from "@chanjiao/core"
import type { Text } from "@chanjiao/core"
import * as Either from "effect/Either"
import { demoDate, evaluateTeacher, importAgreement, kindLabel, loadAgreements, loadTeachers, personas, schoolSummary } from "./model.js"
import type { Entry, Problem } from "./model.js"
import { agreements, teachers as teacherRows } from "./samples.js"
import type { Kind } from "./samples.js"
import "./style.css"

type Child = Node | string | undefined
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: { readonly [name: string]: string | boolean | undefined } = {}, ...children: ReadonlyArray<Child>): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue
    node.setAttribute(name, value === true ? "" : value)
  }
  for (const c of children) if (c !== undefined) node.append(c)
  return node
}
const present = (children: ReadonlyArray<Child>): Array<Node | string> => children.filter((c): c is Node | string => c !== undefined)
const bi = (t: Text.Text, sep = " · "): string => `${t.zh}${sep}${t.en}`
const byId = <E extends HTMLElement>(id: string): E => {
  const node = document.getElementById(id)
  if (node === null) throw new Error(`#${id} is missing from index.html`)
  return node as E
}

// -------------------------------------------------------------------------------------------------------------
// State (in memory: reloading the page starts again from the samples)
// -------------------------------------------------------------------------------------------------------------

const initial = loadAgreements(agreements, demoDate)
const { teachers, problems: teacherProblems } = loadTeachers(teacherRows)

const state = {
  asOf: demoDate,
  entries: [...initial.entries],
  selected: 0,
  persona: 0,
  note: "",
  /** The outcome of the last click or import, shown under the buttons. */
  message: undefined as { readonly ok: boolean; readonly text: Text.Text } | undefined,
  importProblems: [...initial.problems] as ReadonlyArray<Problem>,
  teacher: 0
}

const current = (): Entry | undefined => state.entries[state.selected]

// -------------------------------------------------------------------------------------------------------------
// Agreements
// -------------------------------------------------------------------------------------------------------------

const renderAgreementOptions = (): void => {
  const select = byId<HTMLSelectElement>("agreement")
  select.replaceChildren(...state.entries.map((e, i) => el("option", { value: String(i), selected: i === state.selected }, `${kindLabel[e.kind].zh}｜${e.title}（${e.state.label.zh}）`)))
}

const renderAgreement = (): void => {
  const e = current()
  const card = byId<HTMLElement>("agreement-card")
  if (e === undefined) {
    card.replaceChildren(el("p", {}, "没有协议 · no agreement"))
    return
  }
  const actor = personas[state.persona]!.actor
  const buttons = e.buttons(actor, state.asOf, state.note)
  const actions =
    buttons.length === 0
      ? [el("p", { class: "none", id: "no-actions" }, e.state.terminal ? "终止状态，没有可执行的操作 · a final state: nothing to do" : "当前状态没有可执行的操作 · nothing to do in this state")]
      : buttons.map((b) =>
          el(
            "div",
            { class: `action ${b.enabled ? "enabled" : "disabled"}`, "data-event": b.event },
            el("button", { type: "button", "data-event": b.event, disabled: !b.enabled, title: b.reasons.map((r) => bi(r, " / ")).join("\n") || undefined }, bi(b.label, " ")),
            ...b.reasons.map((r) => el("p", { class: "reason" }, el("span", { class: "zh" }, r.zh), el("span", { class: "en" }, r.en)))
          )
        )
  card.replaceChildren(
    ...present([
      el("h3", {}, e.title),
      el("p", { class: "kind" }, `${bi(kindLabel[e.kind])}　编号 id: ${e.id}`),
      el(
        "p",
        { class: "state" },
        "状态 state：",
        el("strong", { id: "state", "data-state": e.state.id }, bi(e.state.label)),
        e.since === undefined ? undefined : `　自 since ${e.since}`,
        ...e.state.tags.map((t) => el("span", { class: "tag" }, t))
      ),
      el("ul", { class: "facts" }, ...e.facts.map((f) => el("li", {}, f.zh))),
      el("p", { class: "signatures", id: "signatures" }, "签字 signatures：", e.signatures.length === 0 ? "无 · none" : e.signatures.map((s) => `${s.party}：${s.name}（${s.signedOn}）`).join("；")),
      el("h4", {}, `可执行的操作（${actor.id}）· actions`),
      el("div", { class: "actions", id: "actions" }, ...actions),
      state.message === undefined ? undefined : el("p", { class: `message ${state.message.ok ? "ok" : "refused"}`, id: "message", role: "status" }, bi(state.message.text, " / ")),
      el("h4", {}, "历史 · history"),
      e.history.length === 0
        ? el("p", { class: "none", id: "history" }, "载入后尚无变化 · no change since loading")
        : el(
            "ol",
            { class: "history", id: "history" },
            ...e.history.map((h) =>
              el("li", {}, `${h.on}　${h.by ?? "⏱ 日期 date"}　${h.what.zh}（${h.what.en}）：${h.from.zh} → ${h.to.zh}`, el("span", { class: "emitted" }, `　${h.emitted.join(", ")}`))
            )
          ),
      el("details", {}, el("summary", {}, "记录 JSON（宿主系统保存的内容）· the record as JSON"), el("pre", {}, JSON.stringify(e.json(), null, 2)))
    ])
  )
}

const onAction = (event: string): void => {
  const e = current()
  if (e === undefined) return
  const actor = personas[state.persona]!.actor
  const r = e.fire(event, actor, state.asOf, state.note)
  if (Either.isRight(r)) {
    state.entries[state.selected] = r.right
    const last = r.right.history[r.right.history.length - 1]
    state.message = { ok: true, text: { zh: `已执行：${last?.what.zh ?? event}，现为“${r.right.state.label.zh}”`, en: `done: ${last?.what.en ?? event}; now "${r.right.state.label.en}"` } }
  } else {
    // The buttons are enabled exactly when the core allows the event, so this shows only if the data changed
    // underneath — still the core's own reason, never a generic error.
    state.message = { ok: false, text: r.left.message }
  }
  render()
}

// -------------------------------------------------------------------------------------------------------------
// Import
// -------------------------------------------------------------------------------------------------------------

const renderProblems = (): void => {
  const box = byId<HTMLElement>("import-problems")
  box.replaceChildren(
    ...state.importProblems.map((p) =>
      el(
        "div",
        { class: "problem" },
        el("p", {}, el("strong", {}, bi(p.title, " / "))),
        el("ul", {}, ...p.issues.map((i) => el("li", {}, el("code", {}, i.path), `：${i.zh}`, el("span", { class: "en" }, ` / ${i.en}`))))
      )
    )
  )
}

const onImport = (): void => {
  const kind = byId<HTMLSelectElement>("import-kind").value as Kind
  const r = importAgreement(kind, byId<HTMLTextAreaElement>("import-text").value)
  if (Either.isRight(r)) {
    state.entries.push(r.right.advance(state.asOf))
    state.selected = state.entries.length - 1
    state.importProblems = []
    state.message = { ok: true, text: { zh: `已导入：${r.right.title}`, en: `imported: ${r.right.id}` } }
  } else {
    state.importProblems = [r.left]
  }
  render()
}

// -------------------------------------------------------------------------------------------------------------
// Teachers
// -------------------------------------------------------------------------------------------------------------

const criterionLine = (c: DualQualified.CriterionResult): HTMLElement =>
  el(
    "li",
    { class: c.met ? "met" : "unmet", "data-criterion": c.criterion },
    `${c.met ? "✓" : "✗"} `,
    el("code", {}, c.criterion),
    ` ${bi(DualQualified.criterionTitle[c.criterion], " / ")}`,
    c.row.verified ? undefined : el("span", { class: "unverified", title: "该条件来自通行的省级模板，未经核实 · from the common provincial template, unverified" }, " *"),
    c.met ? el("span", { class: "evidence" }, c.evidence.length === 0 ? "" : `　依据：${c.evidence.map((x) => x.text.zh).join("；")}`) : undefined,
    !c.met && c.missing !== undefined ? el("p", { class: "missing-text" }, el("span", { class: "zh" }, `缺：${c.missing.zh}`), el("span", { class: "en" }, `missing: ${c.missing.en}`)) : undefined
  )

const renderTeacher = (): void => {
  const select = byId<HTMLSelectElement>("teacher")
  select.replaceChildren(...teachers.map((t, i) => el("option", { value: String(i), selected: i === state.teacher }, `${t.name}（${t.employment === "part-time" ? "兼职" : "专任"}）`)))
  const box = byId<HTMLElement>("teacher-card")
  const t = teachers[state.teacher]
  if (t === undefined) {
    box.replaceChildren(el("p", {}, "没有教师数据 · no teacher"))
    return
  }
  const e = evaluateTeacher(t, state.asOf)
  const summary = schoolSummary(teachers, state.asOf)
  const levelZh = (l: DualQualified.Level | undefined) =>
    l === undefined ? "未达到初级 · below junior" : l === "junior" ? "初级 · junior" : l === "intermediate" ? "中级 · intermediate" : "高级 · senior"
  box.replaceChildren(
    ...present([
      el(
        "p",
        { class: "summary", id: "school-summary" },
        `本校在岗教师 ${summary.teachers} 人：未达初级 ${summary.levelMet.none}，初级 ${summary.levelMet.junior}，中级 ${summary.levelMet.intermediate}，高级 ${summary.levelMet.senior}（${summary.asOf}）`
      ),
      el("p", {}, `类别 category：${e.category === "in-school" ? "校内专业课教师 · in-school" : "企业兼职教师 · enterprise part-time"}；中职 · secondary`),
      el("p", {}, "按条件达到的最高等级 highest level met：", el("strong", { id: "teacher-level" }, levelZh(e.highest))),
      el("p", {}, `已取得的认定 held：${e.held.length === 0 ? "无 · none" : e.held.map((q) => `${q.level}（${q.certifier}，${q.certifiedOn}）`).join("；")}`),
      e.veto === undefined ? undefined : el("p", { class: "refused" }, `师德一票否决至 ${e.veto.until} · ethics veto until ${e.veto.until}`),
      e.next === undefined
        ? el("p", { id: "missing" }, "已达到最高等级 · the highest level is met")
        : el(
            "div",
            { id: "missing" },
            el("h4", {}, `距离${levelZh(e.next.level).split(" · ")[0]}还缺（${e.next.missing.length} 项）· missing for ${e.next.level}`),
            el("ul", { class: "criteria" }, ...e.next.missing.map(criterionLine))
          ),
      el(
        "details",
        {},
        el("summary", {}, "各等级全部条件 · every criterion by level"),
        el("h5", {}, "基本条件 · basic"),
        el("ul", { class: "criteria" }, ...e.basic.map(criterionLine)),
        ...e.levels.flatMap((l) => [el("h5", {}, `${levelZh(l.level)}${l.met ? " ✓" : ""}`), el("ul", { class: "criteria" }, ...l.criteria.map(criterionLine))])
      ),
      el("p", { class: "note" }, "* 标注的条件来自通行的省级模板、未经核实，由省级规则包覆盖。 · * marks unverified template criteria a provincial pack overrides.")
    ])
  )
}

// -------------------------------------------------------------------------------------------------------------
// Wiring
// -------------------------------------------------------------------------------------------------------------

const render = (): void => {
  byId<HTMLInputElement>("as-of").value = state.asOf
  renderAgreementOptions()
  renderAgreement()
  renderProblems()
  renderTeacher()
}

const start = (): void => {
  const actorSelect = byId<HTMLSelectElement>("actor")
  actorSelect.replaceChildren(...personas.map((p, i) => el("option", { value: String(i) }, `${p.label.zh} · ${p.label.en}`)))
  byId<HTMLSelectElement>("import-kind").replaceChildren(...(Object.keys(kindLabel) as ReadonlyArray<Kind>).map((k) => el("option", { value: k }, bi(kindLabel[k]))))
  byId<HTMLSelectElement>("agreement").addEventListener("change", (ev) => {
    state.selected = Number((ev.target as HTMLSelectElement).value)
    state.message = undefined
    render()
  })
  actorSelect.addEventListener("change", (ev) => {
    state.persona = Number((ev.target as HTMLSelectElement).value)
    state.message = undefined
    render()
  })
  byId<HTMLInputElement>("note").addEventListener("input", (ev) => {
    state.note = (ev.target as HTMLInputElement).value
    renderAgreement()
  })
  byId<HTMLInputElement>("as-of").addEventListener("change", (ev) => {
    const value = (ev.target as HTMLInputElement).value
    // A cleared or impossible date keeps the previous one (the core's IsoDate decides what is a date).
    if (IsoDate.isIsoDate(value)) {
      state.asOf = value
      state.entries = state.entries.map((e) => e.advance(state.asOf))
      state.message = undefined
    }
    render()
  })
  byId<HTMLElement>("agreement-card").addEventListener("click", (ev) => {
    const button = (ev.target as HTMLElement).closest("button[data-event]")
    if (button instanceof HTMLButtonElement && !button.disabled) onAction(button.dataset["event"]!)
  })
  byId<HTMLButtonElement>("import-button").addEventListener("click", onImport)
  byId<HTMLSelectElement>("teacher").addEventListener("change", (ev) => {
    state.teacher = Number((ev.target as HTMLSelectElement).value)
    renderTeacher()
  })
  if (teacherProblems.length > 0) state.importProblems = [...state.importProblems, ...teacherProblems]
  render()
  document.body.dataset["ready"] = "true"
}

start()
