/**
 * The school report as one self-contained HTML file: no script, no web font, no image, no link — nothing is
 * fetched when it is opened, so it can be mailed, archived and opened offline. Chinese first, with English
 * subtitles; printable (A4, each part on a new page, table headers repeated). It shows the school overview, every
 * indicator with its threshold, verdict (达标 / 基本达标 / 不达标 / 不适用) and citation, charts drawn as inline SVG
 * (indicators against thresholds, findings by rule, grade distribution, agreements by state and by expiry) each
 * with a text alternative, the findings table, and a section per teacher and per internship.
 *
 * Every piece of data is escaped: a school named `<script>` is shown as that text. Personal numbers are masked
 * unless `unmask` is set.
 *
 * @since 0.1.0
 */
import { Assessment, Finding, Grading, Indicators, Internship, School, Teacher } from "@chanjiao/core"
import * as F from "./internal/format.js"
import { escape } from "./internal/html.js"
import { type Bar, hbars, vbars } from "./internal/svg.js"
import type { Text } from "./internal/text.js"
import * as Mask from "./Mask.js"
import * as Report from "./Report.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Options extends Mask.Options {}

/**
 * Escapes text for HTML (element content and quoted attributes), including `/` and `=`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const escapeHtml = (s: string): string => escape(s)

const e = escape

/** Chinese, then the English as a subtitle. */
const bi = (t: Text): string => `${e(t.zh)} <span class="en">${e(t.en)}</span>`
const th = (zh: string, en: string) => `<th>${e(zh)}<br><span class="en">${e(en)}</span></th>`
const td = (s: string | number | undefined, cls?: string) => `<td${cls === undefined ? "" : ` class="${cls}"`}>${s === undefined ? "" : e(String(s))}</td>`

const colours = { met: "#2e7d32", "basically-met": "#b26a00", "not-met": "#c62828", "not-applicable": "#9e9e9e", none: "#607d8b", violation: "#c62828", warning: "#e0a100", info: "#1e88e5" } as const

const verdictBadge = (v: F.Verdict) => `<span class="badge v-${v}">${e(F.verdictLabel[v].zh)}<span class="en"> ${e(F.verdictLabel[v].en)}</span></span>`
const severityBadge = (s: Finding.Severity) => `<span class="badge s-${s}">${e(Finding.severityLabel[s].zh)}<span class="en"> ${e(Finding.severityLabel[s].en)}</span></span>`

const style = `
:root { --fg: #1a1a1a; --muted: #5f6368; --line: #d0d7de; }
* { box-sizing: border-box; }
body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "SimSun", sans-serif; color: var(--fg); margin: 0 auto; max-width: 1100px; padding: 24px; line-height: 1.5; font-size: 14px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; border-bottom: 2px solid var(--fg); padding-bottom: 4px; margin-top: 32px; }
h3 { font-size: 16px; margin: 18px 0 6px; }
.en { color: var(--muted); font-weight: normal; font-size: 0.85em; }
h1 .en, h2 .en, h3 .en { display: block; }
th .en { font-size: 0.8em; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f0f3f7; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.badge { display: inline-block; padding: 0 6px; border-radius: 3px; color: #fff; white-space: nowrap; }
.badge .en { color: inherit; opacity: 0.85; }
.v-met { background: ${colours.met}; } .v-basically-met { background: ${colours["basically-met"]}; } .v-not-met { background: ${colours["not-met"]}; }
.v-not-applicable { background: ${colours["not-applicable"]}; } .v-none { background: ${colours.none}; }
.s-violation { background: ${colours.violation}; } .s-warning { background: ${colours.warning}; color: #1a1a1a; } .s-info { background: ${colours.info}; }
.meta { color: var(--muted); }
.synthetic { border: 2px dashed #c62828; color: #c62828; padding: 6px 10px; margin: 12px 0; font-weight: bold; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 10px 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; min-width: 150px; }
.card b { display: block; font-size: 22px; }
figure { margin: 12px 0; }
figcaption { color: var(--muted); font-size: 12px; }
svg.chart { max-width: 100%; height: auto; font-size: 11px; }
svg .lbl { fill: #1a1a1a; } svg .val { fill: #5f6368; } svg .axis { stroke: #9e9e9e; } svg .marker { stroke: #1a1a1a; stroke-dasharray: 4 3; } svg .mlbl { fill: #1a1a1a; }
.legend span { display: inline-block; margin-right: 12px; } .legend i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; }
dl.facts { display: grid; grid-template-columns: 12em 1fr; gap: 2px 12px; margin: 6px 0; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; }
article.detail { border-top: 1px solid var(--line); padding-top: 4px; break-inside: avoid; }
ul.findings { margin: 4px 0; padding-left: 18px; }
nav ol { columns: 2; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  nav { display: none; }
  section { break-before: page; }
  section:first-of-type { break-before: auto; }
  thead { display: table-header-group; }
  tr, figure { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`

const legend = (items: ReadonlyArray<{ readonly color: string; readonly label: Text }>) =>
  `<p class="legend">${items.map((i) => `<span><i style="background:${i.color}"></i>${e(i.label.zh)} <span class="en">${e(i.label.en)}</span></span>`).join("")}</p>`

const figure = (svg: string, caption: Text, extra = "") => `<figure>${svg}${extra}<figcaption>${e(caption.zh)} · ${e(caption.en)}</figcaption></figure>`

const periodLabel = (p: Indicators.Period): Text =>
  p.kind === "school-year"
    ? { zh: `${p.year}–${p.year + 1} 学年（${p.start} 至 ${p.end}）`, en: `school year ${p.year}–${p.year + 1} (${p.start} to ${p.end})` }
    : { zh: `${p.year} 年（${p.start} 至 ${p.end}）`, en: `calendar year ${p.year} (${p.start} to ${p.end})` }

// ---------------------------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------------------------

const header = (r: Report.Report): string => {
  const t = r.title ?? Report.defaultTitle
  const s = r.school
  return `<header>
<h1>${e(t.zh)} <span class="en">${e(t.en)}</span></h1>
<p><b>${e(s.name)}</b>（${e(School.schoolTypeLabel[s.type].zh)}，学校标识码 ${e(s.code)}）<span class="en"> · ${e(School.schoolTypeLabel[s.type].en)}, school code ${e(s.code)}</span></p>
<p class="meta">统计期 ${e(periodLabel(r.period).zh)} · 评估日期 ${e(r.asOf)}<br><span class="en">Period: ${e(periodLabel(r.period).en)} · evaluated on ${e(r.asOf)}</span></p>
${r.synthetic === true ? `<p class="synthetic">本报告使用合成数据，仅供演示。<span class="en"> Synthetic data, for demonstration only.</span></p>` : ""}
</header>`
}

const nav = () => {
  const items: ReadonlyArray<readonly [string, Text]> = [
    ["overview", { zh: "概况", en: "Overview" }],
    ["indicators", { zh: "指标", en: "Indicators" }],
    ["findings", { zh: "检查结论", en: "Findings" }],
    ["grades", { zh: "实习成绩", en: "Grades" }],
    ["agreements", { zh: "协议", en: "Agreements" }],
    ["teachers", { zh: "教师", en: "Teachers" }],
    ["internships", { zh: "实习", en: "Internships" }]
  ]
  return `<nav aria-label="目录 Contents"><ol>${items.map(([id, t]) => `<li><a href="#${id}">${bi(t)}</a></li>`).join("")}</ol></nav>`
}

const card = (label: Text, value: number | string) => `<div class="card">${e(label.zh)} <span class="en">${e(label.en)}</span><b>${e(String(value))}</b></div>`

const overview = (r: Report.Report, values: ReadonlyArray<Indicators.Value>): string => {
  const verdicts = new Map<F.Verdict, number>()
  for (const v of values) verdicts.set(F.verdictOf(v), (verdicts.get(F.verdictOf(v)) ?? 0) + 1)
  const severities = new Map<Finding.Severity, number>()
  for (const f of r.findings) severities.set(f.severity, (severities.get(f.severity) ?? 0) + 1)
  const fullTime = r.teachers.filter((t) => t.employment === "full-time").length
  const dual = r.teachers.filter((t) => t.dualQualifications.some((d) => d.revokedOn === undefined || d.revokedOn > r.asOf)).length
  return `<section id="overview"><h2>概况 <span class="en">Overview</span></h2>
<div class="cards">
${(["met", "basically-met", "not-met", "not-applicable"] as const).map((v) => card({ zh: `指标${F.verdictLabel[v].zh}`, en: `indicators ${F.verdictLabel[v].en}` }, verdicts.get(v) ?? 0)).join("\n")}
</div>
<div class="cards">
${(["violation", "warning", "info"] as const).map((s) => card({ zh: Finding.severityLabel[s].zh, en: Finding.severityLabel[s].en }, severities.get(s) ?? 0)).join("\n")}
</div>
<div class="cards">
${card({ zh: "教师", en: "teachers" }, r.teachers.length)}
${card({ zh: "专任教师", en: "full-time" }, fullTime)}
${card({ zh: "兼职教师", en: "part-time" }, r.teachers.length - fullTime)}
${card({ zh: "持双师型认定", en: "dual-qualified" }, dual)}
${card({ zh: "实习", en: "internships" }, r.internships.length)}
${card({ zh: "校企合作协议", en: "cooperation agreements" }, r.agreements.cooperation.length)}
${card({ zh: "三方协议", en: "tripartite agreements" }, r.agreements.internship.length)}
${card({ zh: "学徒协议", en: "apprenticeship agreements" }, r.agreements.apprenticeship.length)}
</div>
</section>`
}

const indicatorChart = (values: ReadonlyArray<Indicators.Value>): string => {
  const shown = values.filter((v) => v.status === "ok" && v.value !== undefined && v.threshold !== undefined && v.threshold.value > 0 && v.majorCode === undefined && v.enterpriseId === undefined)
  if (shown.length === 0) return `<p class="meta">没有可与标准比较的指标。<span class="en">No indicator with a threshold to compare against.</span></p>`
  const bars: Array<Bar> = shown.map((v) => {
    const verdict = F.verdictOf(v)
    const ratio = v.value! / v.threshold!.value
    return {
      label: `${v.indicator}${v.variant === undefined ? "" : `（${v.variant}）`}`,
      segments: [{ value: ratio, color: colours[verdict], name: F.verdictLabel[verdict].zh }],
      note: `${F.valueText(v, "zh")}（${F.thresholdText(v, "zh")}）`
    }
  })
  const description = shown.map((v) => `${v.indicator} ${v.name.zh}：${F.valueText(v, "zh")}，标准 ${F.thresholdText(v, "zh")}，${F.verdictLabel[F.verdictOf(v)].zh}`).join("；")
  return figure(
    hbars({ id: "chart-indicators", title: "指标与标准对比 Indicators against thresholds", description, bars, max: 2, marker: { at: 1, label: "标准 threshold" } }),
    { zh: "条形长度为数值与标准之比，虚线为标准（100%）；颜色表示结论", en: "bar length is the value as a share of the threshold (dashed line = 100%); colour is the verdict" },
    legend((["met", "basically-met", "not-met", "none"] as const).map((v) => ({ color: colours[v], label: F.verdictLabel[v] })))
  )
}

const indicators = (values: ReadonlyArray<Indicators.Value>): string => {
  const rows = values.map((v) => {
    const verdict = F.verdictOf(v)
    const scope = [v.majorCode === undefined ? "" : `专业 ${v.majorCode}`, v.enterpriseId === undefined ? "" : `企业 ${v.enterpriseId}`, v.schoolId === "*" ? "全部学校" : ""].filter((x) => x !== "").join("，")
    return `<tr>${td(`${v.indicator}${v.variant === undefined ? "" : ` (${v.variant})`}`)}<td>${e(v.name.zh)}<br><span class="en">${e(v.name.en)}</span>${scope === "" ? "" : `<br><span class="meta">${e(scope)}</span>`}</td>${td(F.valueText(v, "zh"), "num")}${td(v.numerator === undefined ? undefined : `${v.numerator}${v.denominator === undefined ? "" : ` / ${v.denominator}`}`, "num")}${td(F.thresholdText(v, "zh"))}<td>${verdictBadge(verdict)}</td>${td(v.threshold === undefined ? "—" : F.citationText(v.threshold.citation, "zh"))}${td(v.note?.zh)}</tr>`
  })
  return `<section id="indicators"><h2>指标 <span class="en">Indicators</span></h2>
${indicatorChart(values)}
<table><thead><tr>${th("指标", "indicator")}${th("名称", "name")}${th("数值", "value")}${th("分子 / 分母", "numerator / denominator")}${th("标准", "threshold")}${th("结论", "verdict")}${th("依据", "citation")}${th("说明", "note")}</tr></thead>
<tbody>${rows.join("\n")}</tbody></table></section>`
}

const findingsChart = (findings: ReadonlyArray<Finding.Finding>): string => {
  if (findings.length === 0) return ""
  const byRule = new Map<string, { violation: number; warning: number; info: number }>()
  for (const f of findings) {
    const c = byRule.get(f.ruleId) ?? { violation: 0, warning: 0, info: 0 }
    c[f.severity]++
    byRule.set(f.ruleId, c)
  }
  const all = [...byRule.entries()].sort((a, b) => {
    const ta = a[1].violation + a[1].warning + a[1].info
    const tb = b[1].violation + b[1].warning + b[1].info
    return tb - ta || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)
  })
  const top = all.slice(0, 30)
  const bars: Array<Bar> = top.map(([rule, c]) => ({
    label: rule,
    segments: (["violation", "warning", "info"] as const).map((s) => ({ value: c[s], color: colours[s], name: Finding.severityLabel[s].zh }))
  }))
  const rest = all.length - top.length
  const description = `${all.map(([rule, c]) => `${rule}：违规 ${c.violation}，警示 ${c.warning}，提示 ${c.info}`).join("；")}`
  return figure(
    hbars({ id: "chart-findings", title: "各规则检查结论数 Findings by rule", description, bars, labelWidth: 200 }),
    { zh: `按规则统计的检查结论${rest > 0 ? `（前 30 条规则，另有 ${rest} 条见下表）` : ""}`, en: `findings by rule${rest > 0 ? ` (top 30 rules; ${rest} more in the table)` : ""}` },
    legend((["violation", "warning", "info"] as const).map((s) => ({ color: colours[s], label: Finding.severityLabel[s] })))
  )
}

const findingsSection = (findings: ReadonlyArray<Finding.Finding>, options: Options): string => {
  const m = (s: string) => Mask.textWith(s, options)
  const rows = [...findings].sort(Finding.order).map(
    (f) =>
      `<tr><td>${severityBadge(f.severity)}</td>${td(f.ruleId)}<td>${e(f.subject.type)}<br>${e(m(f.subject.id))}${f.subject.label === undefined ? "" : `<br>${e(m(f.subject.label))}`}</td><td>${e(m(f.message.zh))}<br><span class="en">${e(m(f.message.en))}</span>${f.remedy === undefined ? "" : `<br><b>整改</b> ${e(m(f.remedy.zh))}`}${f.deadline === undefined ? "" : `<br><b>期限</b> ${e(f.deadline)}`}</td>${td([F.measuredText(f, "zh"), F.findingThresholdText(f, "zh")].filter((x) => x !== "").join(" / "))}${td(f.citations.map((c) => F.citationText(c, "zh")).join("；"))}</tr>`
  )
  return `<section id="findings"><h2>检查结论 <span class="en">Findings</span></h2>
${findingsChart(findings)}
${findings.length === 0 ? `<p>没有检查结论。<span class="en">No findings.</span></p>` : `<table><thead><tr>${th("严重程度", "severity")}${th("规则", "rule")}${th("对象", "subject")}${th("说明", "message")}${th("实测 / 标准", "measured / threshold")}${th("依据", "citation")}</tr></thead>
<tbody>${rows.join("\n")}</tbody></table>`}</section>`
}

const gradeColours: Readonly<Record<string, string>> = { excellent: "#2e7d32", good: "#66bb6a", pass: "#1e88e5", fail: "#c62828", none: "#9e9e9e" }

const grades = (r: Report.Report): string => {
  const counts = new Map<string, number>()
  for (const g of r.grades) counts.set(g.band ?? "none", (counts.get(g.band ?? "none") ?? 0) + 1)
  const keys = ["excellent", "good", "pass", "fail", "none"] as const
  const label = (k: (typeof keys)[number]) => (k === "none" ? { zh: "未评定", en: "not graded" } : Assessment.gradeLabel[k])
  const bars = keys.map((k) => ({ label: label(k).zh, value: counts.get(k) ?? 0, color: gradeColours[k]! }))
  const description = keys.map((k) => `${label(k).zh} ${label(k).en}：${counts.get(k) ?? 0}`).join("；")
  const scored = r.grades.filter((g) => g.score !== undefined)
  const mean = scored.length === 0 ? undefined : scored.reduce((n, g) => n + g.score!, 0) / scored.length
  return `<section id="grades"><h2>实习成绩 <span class="en">Internship grades</span></h2>
${figure(vbars({ id: "chart-grades", title: "成绩等级分布 Grade distribution", description, bars }), { zh: `共 ${r.grades.length} 次实习的评定结果${mean === undefined ? "" : `，平均分 ${F.num(mean, 1)}`}`, en: `results of ${r.grades.length} internships${mean === undefined ? "" : `, mean score ${F.num(mean, 1)}`}` })}
<table><thead><tr>${th("等级", "grade")}${th("人数", "count")}</tr></thead><tbody>${keys.map((k) => `<tr><td>${bi(label(k))}</td>${td(counts.get(k) ?? 0, "num")}</tr>`).join("")}</tbody></table>
</section>`
}

const agreements = (r: Report.Report): string => {
  const kinds = ["cooperation", "internship", "apprenticeship"] as const
  const palette = ["#1e88e5", "#43a047", "#fb8c00", "#8e24aa", "#00897b", "#6d4c41", "#546e7a", "#c62828"]
  const bars: Array<Bar> = []
  const description: Array<string> = []
  for (const k of kinds) {
    const states = Report.agreementStates(r, k)
    states.forEach((s, i) => {
      bars.push({ label: `${Report.agreementTitle(k).zh}·${s.label.zh}`, segments: [{ value: s.count, color: palette[i % palette.length]!, name: s.label.zh }] })
    })
    description.push(`${Report.agreementTitle(k).zh}：${states.map((s) => `${s.label.zh} ${s.count}`).join("，")}`)
  }
  const expiries = Report.expiries(r)
  const expiryBars: Array<Bar> = expiries.map((b, i) => ({ label: b.label.zh, segments: [{ value: b.count, color: i === 0 ? colours["not-met"] : i === 1 ? colours.warning : "#1e88e5", name: b.label.zh }] }))
  const coop = r.agreements.cooperation.map((a) => {
    const state = Report.stateLabel("cooperation", a.lifecycle?.state)
    const left = Report.daysBetween(r.asOf, a.term.end)
    return `<tr>${td(a.id)}${td(a.title)}${td(a.enterpriseId)}${td(F.periodText(a.term, "zh"))}<td>${bi(state)}</td>${td(Report.isTerminal("cooperation", a.lifecycle?.state) ? "—" : left < 0 ? `已过 ${-left} 天` : `${left} 天`, "num")}</tr>`
  })
  const app = r.agreements.apprenticeship.map((a) => `<tr>${td(a.id)}${td(a.apprenticeId)}${td(a.enterpriseId)}${td(F.periodText(a.term, "zh"))}<td>${bi(Report.stateLabel("apprenticeship", a.lifecycle?.state))}</td></tr>`)
  return `<section id="agreements"><h2>协议 <span class="en">Agreements</span></h2>
${figure(hbars({ id: "chart-agreement-states", title: "各类协议的状态 Agreements by state", description: description.join("；"), bars, labelWidth: 240 }), { zh: "按生命周期状态统计的协议数", en: "agreements by life-cycle state" })}
${figure(hbars({ id: "chart-agreement-expiry", title: "未结束协议的到期时间 Open agreements by expiry", description: expiries.map((b) => `${b.label.zh}：${b.count}`).join("；"), bars: expiryBars }), { zh: `以评估日期 ${r.asOf} 计算，未结束（非终止状态）的各类协议`, en: `open agreements of every kind, counted from ${r.asOf}` })}
<h3>校企合作协议 <span class="en">Cooperation agreements</span></h3>
${coop.length === 0 ? `<p class="meta">无 <span class="en">none</span></p>` : `<table><thead><tr>${th("协议编号", "id")}${th("协议名称", "title")}${th("企业", "enterprise")}${th("期限", "term")}${th("状态", "state")}${th("距到期", "days left")}</tr></thead><tbody>${coop.join("\n")}</tbody></table>`}
<h3>学徒培养协议 <span class="en">Apprenticeship agreements</span></h3>
${app.length === 0 ? `<p class="meta">无 <span class="en">none</span></p>` : `<table><thead><tr>${th("协议编号", "id")}${th("学徒", "apprentice")}${th("企业", "enterprise")}${th("期限", "term")}${th("状态", "state")}</tr></thead><tbody>${app.join("\n")}</tbody></table>`}
</section>`
}

const findingList = (list: ReadonlyArray<Finding.Finding>, options: Options): string =>
  list.length === 0
    ? `<p class="meta">无检查结论 <span class="en">no findings</span></p>`
    : `<ul class="findings">${[...list].sort(Finding.order).map((f) => `<li>${severityBadge(f.severity)} <b>${e(f.ruleId)}</b> ${e(Mask.textWith(f.message.zh, options))} <span class="en">${e(Mask.textWith(f.message.en, options))}</span></li>`).join("")}</ul>`

const fact = (label: Text, value: string | undefined) => (value === undefined || value === "" ? "" : `<dt>${e(label.zh)} <span class="en">${e(label.en)}</span></dt><dd>${e(value)}</dd>`)

const index = (findings: ReadonlyArray<Finding.Finding>): ReadonlyMap<string, ReadonlyArray<Finding.Finding>> => {
  const out = new Map<string, Array<Finding.Finding>>()
  for (const f of findings) {
    const k = `${f.subject.type.toLowerCase()}|${f.subject.id}`
    const list = out.get(k)
    if (list === undefined) out.set(k, [f])
    else list.push(f)
  }
  return out
}

const practiceDays = (t: Teacher.Teacher): number =>
  t.practice.reduce((n, p) => n + (p.daysServed ?? Report.daysBetween(p.start, p.end) + 1), 0)

const teachers = (r: Report.Report, about: ReadonlyMap<string, ReadonlyArray<Finding.Finding>>, options: Options): string => {
  const items = r.teachers.map((t0) => {
    const t = Mask.valueWith(Teacher.Teacher, t0, options)
    const title = [...t.titles].sort((a, b) => (a.obtainedOn < b.obtainedOn ? 1 : -1))[0]
    const dual = t.dualQualifications.filter((d) => d.revokedOn === undefined || d.revokedOn > r.asOf).map((d) => `${d.level === "senior" ? "高级" : d.level === "intermediate" ? "中级" : "初级"}（${d.certifiedOn}，${d.certifier}）`)
    return `<article class="detail" id="teacher-${e(t0.id)}"><h3>${e(t.name)} <span class="en">teacher ${e(t.id)}</span></h3>
<dl class="facts">${fact({ zh: "教师编号", en: "id" }, t.id)}${fact({ zh: "任职类型", en: "employment" }, t.employment === "full-time" ? "专任 full-time" : "兼职 part-time")}${fact({ zh: "课程类别", en: "course type" }, t.courseType === "professional" ? "专业课 professional" : "公共基础课 public")}${fact({ zh: "公民身份号码", en: "ID number" }, t.idNumber)}${fact({ zh: "手机号码", en: "mobile" }, t.mobile)}${fact({ zh: "任教专业", en: "majors" }, t.majorCodes.join("、"))}${fact({ zh: "职称", en: "title" }, title === undefined ? "无" : `${title.name}（${Teacher.titleLevelLabel[title.level].zh}，${title.obtainedOn}）`)}${fact({ zh: "双师型认定", en: "dual-qualified" }, dual.length === 0 ? "无" : dual.join("；"))}${fact({ zh: "企业实践", en: "enterprise practice" }, `${t.practice.length} 次，共 ${practiceDays(t)} 天`)}${fact({ zh: "个人发展方案", en: "development plan" }, t.developmentPlan === undefined ? "无" : `${t.developmentPlan.id}（${F.periodText(t.developmentPlan.period, "zh")}）`)}</dl>
${findingList(about.get(`teacher|${t0.id}`) ?? [], options)}</article>`
  })
  return `<section id="teachers"><h2>教师 <span class="en">Teachers</span></h2>${items.length === 0 ? `<p class="meta">无 <span class="en">none</span></p>` : items.join("\n")}</section>`
}

const internships = (r: Report.Report, about: ReadonlyMap<string, ReadonlyArray<Finding.Finding>>, options: Options): string => {
  const students = new Map((r.students ?? []).map((s) => [s.id, s] as const))
  const gradesBy = new Map(r.grades.map((g) => [g.internshipId, g] as const))
  const agreementsBy = new Map(r.agreements.internship.map((a) => [a.internshipId, a] as const))
  const items = r.internships.map((i) => {
    const student = students.get(i.studentId)
    const g: Grading.Result | undefined = gradesBy.get(i.id)
    const a = agreementsBy.get(i.id) ?? (i.agreementId === undefined ? undefined : r.agreements.internship.find((x) => x.id === i.agreementId))
    const grade = g === undefined ? undefined : g.score === undefined ? F.gradeLabel(undefined, "zh") : `${F.num(g.score, 1)} 分，${F.gradeLabel(g.band, "zh")}（学校 ${g.parts.school === undefined ? "—" : F.num(g.parts.school, 1)}，企业 ${g.parts.enterprise === undefined ? "—" : F.num(g.parts.enterprise, 1)}）`
    return `<article class="detail" id="internship-${e(i.id)}"><h3>${e(student?.name ?? i.studentId)} · ${e(Internship.kindLabel[i.kind].zh)} <span class="en">internship ${e(i.id)} · ${e(Internship.kindLabel[i.kind].en)}</span></h3>
<dl class="facts">${fact({ zh: "实习编号", en: "id" }, i.id)}${fact({ zh: "学生", en: "student" }, student === undefined ? i.studentId : `${student.name}（${i.studentId}）`)}${fact({ zh: "实习单位", en: "unit" }, `${i.unit.name}${i.unit.creditCode === undefined ? "" : `（${i.unit.creditCode}）`}`)}${fact({ zh: "岗位", en: "post" }, i.post.name)}${fact({ zh: "期间", en: "dates" }, F.periodText(i, "zh"))}${fact({ zh: "月实习报酬", en: "monthly pay" }, i.pay === undefined ? "未填写" : `${F.num(i.pay.monthlyAmount)} 元`)}${fact({ zh: "实习责任保险", en: "insurance" }, i.insurance === undefined ? "未填写" : `${i.insurance.insurer} ${i.insurance.policyNumber}（${i.insurance.coverageStart} 至 ${i.insurance.coverageEnd}）`)}${fact({ zh: "三方协议", en: "agreement" }, a === undefined ? "未登记" : `${a.id}（${Report.stateLabel("internship", a.lifecycle?.state).zh}）`)}${fact({ zh: "成绩", en: "grade" }, grade)}</dl>
${findingList(about.get(`internship|${i.id}`) ?? [], options)}</article>`
  })
  return `<section id="internships"><h2>实习 <span class="en">Internships</span></h2>${items.length === 0 ? `<p class="meta">无 <span class="en">none</span></p>` : items.join("\n")}</section>`
}

/**
 * The report as one HTML document (a string). Deterministic: the same report gives the same text.
 *
 * @example
 * ```ts
 * import { Html, Report } from "@chanjiao/export"
 *
 * declare const report: Report.Report
 * const html = Html.render(report) // write it with fs.writeFileSync("report.html", html)
 * ```
 *
 * @since 0.1.0
 * @category encoding
 */
export const render = (report: Report.Report, options: Options = {}): string => {
  const values = report.indicators.filter((v) => v.schoolId === report.school.id || v.schoolId === "*")
  const about = index(report.findings)
  const t = report.title ?? Report.defaultTitle
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="chanjiao">
<title>${e(report.school.name)} · ${e(t.zh)}</title>
<style>${style}</style>
</head>
<body>
${header(report)}
${nav()}
<main>
${overview(report, values)}
${indicators(values)}
${findingsSection(report.findings, options)}
${grades(report)}
${agreements(report)}
${teachers(report, about, options)}
${internships(report, about, options)}
</main>
<footer class="meta"><p>由 chanjiao 生成；每条结论均注明规则编号与法规依据。<span class="en">Generated by chanjiao; every verdict names its rule and the law it rests on.</span></p></footer>
</body>
</html>
`
}

/**
 * The report as UTF-8 bytes.
 *
 * @since 0.1.0
 * @category encoding
 */
export const encode = (report: Report.Report, options: Options = {}): Uint8Array => new TextEncoder().encode(render(report, options))
