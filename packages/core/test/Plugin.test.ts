// Issue 9 (plugins): composition precedence, conflicts naming both plugins, instances, contributors, citations,
// life-cycle extensions, reactions, migrations, typed extension fields, and order-independence properties.
import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import * as Schema from "effect/Schema"
import { Entity, Errors, Indicators, IsoDate, Jurisdiction, Lifecycle, National, Parameter, Plugin, Policy, Rule, Student, Teacher, Validation } from "../src/index.js"
import type { Citation } from "../src/index.js"

const D = IsoDate.unsafeMake
const scope = Schema.decodeSync(Jurisdiction.Scope)
const jurisdiction = Schema.decodeSync(Jurisdiction.Jurisdiction)
const GANSU = scope({ level: "province", code: "62" })
const SCHOOL = scope({ level: "school", code: "4162000001" })
const OTHER_SCHOOL = scope({ level: "school", code: "4162000002" })
const inGansuSchool = jurisdiction({ province: "62", school: "4162000001" })
const inGansu = jurisdiction({ province: "62" })
const inShandong = jurisdiction({ province: "37" })

const gansuText: Citation.Citation = { document: "甘肃省职业学校学生实习管理实施细则（测试）", issuer: "甘肃省教育厅", confidence: "L" }
const schoolText: Citation.Citation = { document: "某校学生实习管理办法（测试）", confidence: "L" }

// INT-AGE-16: the national minimum age of a post internship, overlaid by a province and a school.
const age = National.internshipPostMinAge
const entry = (from: string, value: number, citation: Citation.Citation) => Parameter.entry<number>({ effectiveFrom: D(from), value, citation, verified: true })

const province = (id: string, from: string, value: number, name = "province-pack", supersedes: ReadonlyArray<string> = []) =>
  Plugin.make({
    id,
    name,
    supersedes,
    version: "1.0.0",
    title: { zh: "省级规则包", en: "province pack" },
    citation: gansuText,
    parameters: [Policy.overlay({ id: "age", title: { zh: "实习年龄", en: "internship age" }, scope: GANSU, source: id, values: [Policy.set(age, [entry(from, value, gansuText)])] })]
  })

// A school plugin factory: one instance per campus (PLUGIN instances), each setting its own school's value.
const campus = Plugin.factory((o: { readonly id: string; readonly school: Jurisdiction.Scope; readonly from: string; readonly value: number }) => ({
  name: "campus-settings",
  version: "1.0.0",
  title: { zh: "校区设置", en: "campus settings" },
  citation: schoolText,
  parameters: [Policy.overlay({ id: "age", title: { zh: "校定实习年龄", en: "school internship age" }, scope: o.school, source: o.id, values: [Policy.set(age, [entry(o.from, o.value, schoolText)])] })]
}))

const valueAt = (c: Plugin.Composed, j: Jurisdiction.Jurisdiction, d: string) => Policy.at(c.policy, j, D(d)).explain(age)

describe("Plugin.compose", () => {
  it("layers national ← province plugin ← school plugin by jurisdiction, and records the contributing plugin", () => {
    const c = Plugin.unsafeCompose(National.policy, province("gansu", "2022-01-01", 17), campus({ id: "school-a", school: SCHOOL, from: "2023-01-01", value: 18 }))
    // National everywhere before the province's date; the province's value in Gansu after it; the school's in the school.
    expect(valueAt(c, inGansuSchool, "2021-12-31")).toMatchObject({ value: 16, layer: { source: "@chanjiao/core" } })
    expect(valueAt(c, inGansuSchool, "2022-06-01")).toMatchObject({ value: 17, layer: { source: "gansu", id: "gansu/age" } })
    expect(valueAt(c, inGansuSchool, "2023-06-01")).toMatchObject({ value: 18, layer: { source: "school-a", id: "school-a/age" } })
    expect(valueAt(c, inGansu, "2023-06-01")).toMatchObject({ value: 17, layer: { source: "gansu" } })
    expect(valueAt(c, inShandong, "2023-06-01")).toMatchObject({ value: 16, layer: { source: "@chanjiao/core" } })
    expect(Plugin.contributorsOf(c, "parameter", age.id)).toEqual(["@chanjiao/core", "gansu", "school-a"])
  })

  it("takes another edition of one plugin (same name) for another date as a new dated value, not a conflict", () => {
    const c = Plugin.unsafeCompose(National.policy, province("gansu-2022", "2022-01-01", 17), province("gansu-2025", "2025-01-01", 18))
    expect(valueAt(c, inGansu, "2024-12-31")).toMatchObject({ value: 17, layer: { source: "gansu-2022" } })
    expect(valueAt(c, inGansu, "2025-01-01")).toMatchObject({ value: 18, layer: { source: "gansu-2025" } })
  })

  it("INT-AGE-16: two different plugins setting one parameter for one scope on different dates conflict, naming both, in either order", () => {
    // Not last-wins by accident: pack-b's later date would otherwise silently replace pack-a's value.
    const a = province("pack-a", "2022-01-01", 17, "pack-a")
    const b = province("pack-b", "2022-01-02", 18, "pack-b")
    const e = failure(Plugin.compose(National.policy, a, b))
    expect(e).toBeInstanceOf(Plugin.PluginConflict)
    expect(e).toMatchObject({ kind: "parameter", key: `${age.id} (province 62)`, first: "pack-a", second: "pack-b" })
    expect(e.message).toContain("插件 pack-a 与 pack-b 都提供了参数 internship.postMinAge（省级 62）")
    expect(e.message).toContain('supersedes: ["pack-a"]')
    expect(e.message).toContain("plugins pack-a and pack-b both contribute parameter internship.postMinAge (province 62)")
    expect(failure(Plugin.compose(National.policy, b, a))).toMatchObject({ kind: "parameter", first: "pack-b", second: "pack-a" })
    // Another scope is no clash: each sets its own province.
    const shandong = Plugin.make({ ...b, parameters: b.parameters.map((o) => ({ ...o, scope: scope({ level: "province", code: "37" }) })) })
    expect(Either.isRight(Plugin.compose(National.policy, a, shandong))).toBe(true)
  })

  it("INT-AGE-16: a plugin that declares it supersedes another wins from its first date on; the other's earlier values stay", () => {
    const old = Plugin.make({
      ...province("pack-a", "2020-01-01", 17, "pack-a"),
      parameters: [Policy.overlay({ id: "age", title: { zh: "实习年龄", en: "internship age" }, scope: GANSU, source: "pack-a", values: [Policy.set(age, [entry("2020-01-01", 17, gansuText), entry("2026-01-01", 19, gansuText)])] })]
    })
    const newer = province("pack-b", "2022-01-02", 18, "pack-b", ["pack-a"])
    for (const c of [Plugin.unsafeCompose(National.policy, old, newer), Plugin.unsafeCompose(National.policy, newer, old)]) {
      expect(valueAt(c, inGansu, "2019-12-31")).toMatchObject({ value: 16, layer: { source: "@chanjiao/core" } })
      expect(valueAt(c, inGansu, "2022-01-01")).toMatchObject({ value: 17, layer: { source: "pack-a" } })
      expect(valueAt(c, inGansu, "2022-01-02")).toMatchObject({ value: 18, layer: { source: "pack-b" } })
      // pack-a's own later entry (2026) is superseded too.
      expect(valueAt(c, inGansu, "2027-01-01")).toMatchObject({ value: 18, layer: { source: "pack-b" } })
    }
    // Superseding from the very same date replaces the value instead of clashing on the date.
    const same = Plugin.unsafeCompose(National.policy, province("pack-a", "2022-01-01", 17, "pack-a"), province("pack-b", "2022-01-01", 18, "pack-b", ["pack-a"]))
    expect(valueAt(same, inGansu, "2022-01-01")).toMatchObject({ value: 18, layer: { source: "pack-b" } })
    // Each claiming to supersede the other decides nothing: a conflict.
    const mutual = failure(Plugin.compose(National.policy, province("pack-a", "2022-01-01", 17, "pack-a", ["pack-b"]), province("pack-b", "2022-01-02", 18, "pack-b", ["pack-a"])))
    expect(mutual).toMatchObject({ kind: "parameter", first: "pack-a", second: "pack-b" })
    expect(mutual.message).toContain("互相声明取代")
  })

  it("fails with a PluginConflict naming both plugins when two set one parameter for one scope and date", () => {
    const r = Plugin.compose(National.policy, province("gansu-a", "2022-01-01", 17), province("gansu-b", "2022-01-01", 18))
    expect(Either.isLeft(r)).toBe(true)
    const e = Either.getLeft(r).pipe((o) => (o._tag === "Some" ? o.value : undefined))
    expect(e).toBeInstanceOf(Plugin.PluginConflict)
    expect(e).toMatchObject({ kind: "parameter", first: "gansu-a", second: "gansu-b" })
    expect(e?.zh).toMatch(/插件 gansu-a 与 gansu-b 都提供了参数 internship\.postMinAge（省级 62，自 2022-01-01 起）/)
    expect(e?.en).toMatch(/plugins gansu-a and gansu-b both contribute parameter internship\.postMinAge \(province 62, from 2022-01-01\)/)
  })

  it("runs two instances of one plugin side by side, each for its own school", () => {
    const a = campus({ id: "campus-north", school: SCHOOL, from: "2023-01-01", value: 18 })
    const b = campus({ id: "campus-south", school: OTHER_SCHOOL, from: "2023-01-01", value: 17 })
    const c = Plugin.unsafeCompose(National.policy, a, b)
    expect(valueAt(c, jurisdiction({ school: "4162000001" }), "2024-01-01")).toMatchObject({ value: 18, layer: { source: "campus-north" } })
    expect(valueAt(c, jurisdiction({ school: "4162000002" }), "2024-01-01")).toMatchObject({ value: 17, layer: { source: "campus-south" } })
    // The same instance id twice is a conflict on the plugin id.
    const twice = Plugin.compose(National.policy, a, campus({ id: "campus-north", school: OTHER_SCHOOL, from: "2023-01-01", value: 17 }))
    expect(Either.isLeft(twice) && twice.left).toMatchObject({ _tag: "PluginConflict", kind: "plugin", first: "campus-north", second: "campus-north" })
    expect(Either.isLeft(twice) && twice.left.message).toContain("插件 campus-north 两次提供了插件编号 campus-north")
  })

  it("runs two instances of a plugin that defines a parameter side by side: the definition is shared, with both instances", () => {
    // SCH-VISIT-MIN (test only): a plugin introduces its own parameter and sets it per school, one instance per campus.
    const visits = Parameter.make({
      id: "campus.minVisits",
      title: { zh: "每月最少走访次数", en: "minimum monthly visits" },
      description: { zh: "校定：指导教师每月走访实习单位的最少次数", en: "the school's minimum monthly site visits of a tutor" },
      unit: "count",
      ruleIds: ["SCH-VISIT-MIN"],
      schema: Schema.Number,
      history: [entry("2020-01-01", 1, schoolText)]
    })
    const visiting = Plugin.factory((o: { readonly id: string; readonly school: Jurisdiction.Scope; readonly visits: number; readonly defines?: Parameter.Any }) => ({
      name: "campus-visits",
      version: "1.0.0",
      title: { zh: "走访设置", en: "visit settings" },
      citation: schoolText,
      defines: [o.defines ?? visits],
      parameters: [Policy.overlay({ id: "visits", title: { zh: "走访", en: "visits" }, scope: o.school, source: o.id, values: [Policy.set(visits, [entry("2023-01-01", o.visits, schoolText)])] })]
    }))
    const north = visiting({ id: "visits-north", school: SCHOOL, visits: 2 })
    const south = visiting({ id: "visits-south", school: OTHER_SCHOOL, visits: 3 })
    const r = Plugin.compose(National.policy, north, south)
    expect(Either.isRight(r)).toBe(true)
    const c = Either.getOrThrow(r)
    expect(c.parameters.map((p) => [p.id, p.contributedBy])).toEqual([["campus.minVisits", ["visits-north", "visits-south"]]])
    expect(Plugin.contributorsOf(c, "parameter", visits.id)).toEqual(["visits-north", "visits-south"])
    const at = (j: Jurisdiction.Jurisdiction) => Policy.at(c.policy, j, D("2024-01-01")).explain(visits)
    expect(at(jurisdiction({ school: "4162000001" }))).toMatchObject({ value: 2, layer: { source: "visits-north" } })
    expect(at(jurisdiction({ school: "4162000002" }))).toMatchObject({ value: 3, layer: { source: "visits-south" } })
    // The shared definition's own (national) history is applied once, from the first instance.
    expect(at(Jurisdiction.national)).toMatchObject({ value: 1, layer: { source: "visits-north" } })
    // A different definition under the same id, even from another instance, is still a conflict.
    const redefined = visiting({ id: "visits-east", school: scope({ level: "school", code: "4162000003" }), visits: 4, defines: Parameter.make({ ...visits, history: visits.history }) })
    expect(failure(Plugin.compose(National.policy, north, redefined))).toMatchObject({ kind: "parameter", key: visits.id, first: "visits-north", second: "visits-east" })
  })
})

// ---------------------------------------------------------------------------------------------------------------
// Rules, findings, indicators, exporters
// ---------------------------------------------------------------------------------------------------------------

interface Intern {
  readonly id: string
  readonly age: number
}

// A school's own rule (SCH-AGE-LOCAL, test only): reads the resolved INT-AGE-16 parameter and cites the school.
const schoolAgeRule = Rule.make<Intern>({
  id: "SCH-AGE-LOCAL",
  area: "internship",
  title: { zh: "校定实习年龄", en: "school internship age" },
  confidence: "L",
  subject: "Intern",
  versions: [
    {
      effectiveFrom: D("2023-01-01"),
      citations: [],
      parameters: [age],
      check: (s, ctx) => {
        const min = ctx.policy.value(age)
        return min === undefined || s.age >= min
          ? []
          : [ctx.finding({ severity: "violation", message: { zh: `未满${min}周岁`, en: `under ${min}` }, parameters: [age] })]
      }
    }
  ]
})

const withRule = (id: string, rule: Rule.Any = schoolAgeRule as Rule.Any) =>
  Plugin.make({ id, version: "1.0.0", title: { zh: "校规", en: "school rules" }, citation: schoolText, rules: [rule] })

const failure = <A, E>(r: Either.Either<A, E>): E => {
  if (Either.isRight(r)) throw new Error("expected a failure")
  return r.left
}

describe("Plugin rules and indicators", () => {
  it("a plugin's rule runs in the composed policy, says who contributed it, and its findings cite the plugin", () => {
    const c = Plugin.unsafeCompose(National.policy, campus({ id: "school-a", school: SCHOOL, from: "2023-01-01", value: 18 }), withRule("school-a-rules"))
    expect(Plugin.contributorsOf(c, "rule", "SCH-AGE-LOCAL")).toEqual(["school-a-rules"])
    expect(Plugin.contributorsOf(c, "rule", "INT-AGE-16")).toEqual(["@chanjiao/core"])
    const resolved = Policy.at(c.policy, inGansuSchool, D("2024-03-01"))
    const findings = Policy.checkAll(resolved, "Intern", { id: "i1", age: 17 }, { id: "i1" }).filter((f) => f.ruleId === "SCH-AGE-LOCAL")
    expect(findings).toHaveLength(1)
    expect(findings[0]!.citations).toContainEqual(schoolText)
    // The parameter it rests on came from the campus plugin's overlay.
    expect(findings[0]!.parameters[0]).toMatchObject({ id: age.id, value: 18, source: "school-a", level: "school" })
    // Not below the school's age: no finding.
    expect(Policy.checkAll(resolved, "Intern", { id: "i2", age: 18 }, { id: "i2" }).filter((f) => f.ruleId === "SCH-AGE-LOCAL")).toEqual([])
  })

  it("two rules with one id are a conflict naming both plugins; one rule shared by two instances is not", () => {
    const other = Rule.make<Intern>({ ...schoolAgeRule, versions: schoolAgeRule.versions })
    const e = failure(Plugin.compose(National.policy, withRule("a"), withRule("b", other as Rule.Any)))
    expect(e).toMatchObject({ _tag: "PluginConflict", kind: "rule", key: "SCH-AGE-LOCAL", first: "a", second: "b" })
    expect(e.message).toContain("插件 a 与 b 都提供了规则 SCH-AGE-LOCAL")
    const shared = Plugin.unsafeCompose(National.policy, withRule("a"), withRule("b"))
    expect(Plugin.contributorsOf(shared, "rule", "SCH-AGE-LOCAL")).toEqual(["a", "b"])
    // A plugin redefining a national rule id conflicts with the base.
    const national = National.policy.rules.rules[0]!
    const clash = Rule.make<never>({ ...national, versions: national.versions })
    expect(failure(Plugin.compose(National.policy, withRule("c", clash)))).toMatchObject({ kind: "rule", first: "@chanjiao/core", second: "c" })
  })

  const share = Parameter.make({
    id: "campus.partTimeShareFloor",
    title: { zh: "校定兼职教师比例目标", en: "school part-time share target" },
    description: { zh: "兼职教师数与专任教师数之比的校定下限", en: "the school's floor on part-time per full-time teachers" },
    unit: "ratio",
    ruleIds: ["SCH-PT-SHARE"],
    schema: Schema.Number,
    history: [entry("2024-01-01", 0.2, schoolText)]
  })
  const indicator: Indicators.Definition = {
    id: "SCH-PT-SHARE",
    name: { zh: "兼职教师占专任教师比例（校定）", en: "part-time per full-time teachers (school target)" },
    scope: "school",
    unit: "ratio",
    table: "资源表",
    threshold: { parameter: share, comparator: ">=" },
    measure: (ix) => ({ numerator: { value: ix.partTime.size, ids: ix.partTime.ids() }, denominator: { value: ix.fullTime.size, ids: ix.fullTime.ids() } })
  }
  const indicatorPlugin = (id: string, def: Indicators.Definition = indicator) =>
    Plugin.make({ id, version: "1.0.0", title: { zh: "校定指标", en: "school indicators" }, citation: schoolText, defines: [share], indicators: [def] })

  it("a plugin's indicator and parameter are composed, attributed, and computed with the plugin's threshold", () => {
    const c = Plugin.unsafeCompose(National.policy, indicatorPlugin("school-ind"))
    expect(Plugin.indicatorsOf(c, "school-ind").map((d) => d.id)).toEqual(["SCH-PT-SHARE"])
    expect(Plugin.contributorsOf(c, "indicator", "IND-DS-30#professional-base")).toEqual(["@chanjiao/core"])
    expect(Plugin.contributorsOf(c, "parameter", share.id)).toEqual(["school-ind"])
    const period = Indicators.schoolYear(2024)
    const resolved = Policy.at(c.policy, Jurisdiction.national, period.end)
    expect(resolved.explain(share)).toMatchObject({ value: 0.2, layer: { source: "school-ind" } })
    const school = { id: "s-1", code: "4162000001", name: "学校", type: "secondary", province: "62", legalPerson: true, hasCharter: true, attachedClassesOnly: false }
    const teacher = (id: string, employment: string) => ({ id, schoolId: "s-1", name: id, employment, courseType: "professional", internshipTutor: false, hiredOn: D("2010-09-01"), majorCodes: [], titles: [], certificates: [], enterpriseExperience: [], practice: [], dualQualifications: [], ethicsAppraisals: [], awards: [], services: [], attestations: [] })
    const data = { schools: [school], majors: [], students: [], facts: [], teachers: [teacher("f1", "full-time"), teacher("f2", "full-time"), teacher("f3", "full-time"), teacher("f4", "full-time"), { ...teacher("p1", "part-time"), partTime: { appointment: { start: D("2024-01-01"), end: D("2026-01-01") } } }] } as unknown as Indicators.Dataset
    const [v] = Indicators.compute(Plugin.indicatorsOf(c, "school-ind"), data, period, resolved)
    expect(v).toMatchObject({ indicator: "SCH-PT-SHARE", value: 0.25, verdict: "met", threshold: { value: 0.2, citation: schoolText } })
    expect(v!.provenance.numerator).toEqual(["p1"])
  })

  it("two indicators with one id and variant conflict; a plugin indicator clashing with the catalogue names the base", () => {
    expect(failure(Plugin.compose(National.policy, indicatorPlugin("a"), Plugin.make({ id: "b", version: "1", title: { zh: "b", en: "b" }, citation: schoolText, indicators: [{ ...indicator }] })))).toMatchObject({
      kind: "indicator",
      key: "SCH-PT-SHARE",
      first: "a",
      second: "b"
    })
    // Another variant of the same id is a different indicator.
    expect(Either.isRight(Plugin.compose(National.policy, indicatorPlugin("a"), Plugin.make({ id: "b", version: "1", title: { zh: "b", en: "b" }, citation: schoolText, indicators: [{ ...indicator, variant: "other" }] })))).toBe(true)
    const catalogueOne = Indicators.catalogue.find((d) => d.id === "IND-FT-60")!
    expect(failure(Plugin.compose(National.policy, Plugin.make({ id: "c", version: "1", title: { zh: "c", en: "c" }, citation: schoolText, indicators: [{ ...catalogueOne }] })))).toMatchObject({
      kind: "indicator",
      first: "@chanjiao/core",
      second: "c"
    })
    // Two plugins defining the same new parameter.
    expect(failure(Plugin.compose(National.policy, indicatorPlugin("a"), Plugin.make({ id: "d", version: "1", title: { zh: "d", en: "d" }, citation: schoolText, defines: [share] })))).toMatchObject({
      kind: "parameter",
      key: share.id,
      first: "a",
      second: "d"
    })
  })

  it("an overlay naming an unknown parameter or a value of the wrong type is an InvalidPlugin naming the plugin", () => {
    const bad = Plugin.make({
      id: "bad",
      version: "1",
      title: { zh: "坏", en: "bad" },
      citation: schoolText,
      parameters: [Policy.overlay({ id: "x", title: { zh: "x", en: "x" }, scope: GANSU, source: "bad", values: [{ parameter: age.id, history: [{ effectiveFrom: D("2024-01-01"), value: "sixteen", citation: schoolText, verified: true }] }] })]
    })
    const e = failure(Plugin.compose(National.policy, bad))
    expect(e).toMatchObject({ _tag: "InvalidPlugin", plugin: "bad", reason: "invalid-definition" })
    expect(e.message).toContain("插件 bad")
    expect(() => Plugin.make({ id: "Bad Id", version: "1", title: { zh: "x", en: "x" }, citation: schoolText })).toThrow(Plugin.InvalidPlugin)
  })

  it("exporters are attributed, unique by id, and pure", () => {
    const csv: Plugin.Exporter = { id: "findings-csv", title: { zh: "结论 CSV", en: "findings CSV" }, mediaType: "text/csv", extension: "csv", render: (i) => i.findings.map((f) => `${f.ruleId},${f.subject.id}`).join("\n") }
    const p = (id: string) => Plugin.make({ id, version: "1", title: { zh: id, en: id }, citation: schoolText, exporters: [{ ...csv }] })
    const c = Plugin.unsafeCompose(National.policy, p("x"))
    expect(Plugin.contributorsOf(c, "exporter", "findings-csv")).toEqual(["x"])
    expect(c.exporters[0]!.render({ asOf: D("2024-01-01"), findings: [], indicators: [] })).toBe("")
    expect(failure(Plugin.compose(National.policy, p("x"), p("y")))).toMatchObject({ kind: "exporter", first: "x", second: "y" })
    // One exporter value shared by two instances is listed once, with both.
    const shared = Plugin.make({ id: "z", version: "1", title: { zh: "z", en: "z" }, citation: schoolText, exporters: [csv] })
    const both = Plugin.unsafeCompose(National.policy, shared, Plugin.make({ ...shared, id: "z2" }))
    expect(both.exporters.map((x) => [x.id, x.contributedBy])).toEqual([["findings-csv", ["z", "z2"]]])
  })
})

// ---------------------------------------------------------------------------------------------------------------
// Life cycles, outbox reactions, migrations, extension fields
// ---------------------------------------------------------------------------------------------------------------

interface Doc {
  readonly id: string
  readonly note?: string
  readonly lifecycle?: Entity.LifecycleStamp
}

const state = (id: string, terminal = false): Lifecycle.State => ({ id, label: { zh: id, en: id }, tags: [], terminal })
const event = (id: string, from: string, to: string, roles: ReadonlyArray<string>): Lifecycle.Event<Doc> => ({
  id,
  label: { zh: id, en: id },
  from: [from],
  to,
  targets: [to],
  roles,
  guards: [],
  apply: (d) => d,
  emits: [`doc.${id}`]
})
const docMachine: Lifecycle.Machine<Doc> = {
  id: "doc",
  version: 1,
  title: { zh: "文档", en: "document" },
  initial: "draft",
  states: [state("draft"), state("submitted"), state("approved", true)],
  events: [event("submit", "draft", "submitted", ["teacher"]), event("approve", "submitted", "approved", ["dean"])],
  timed: [],
  stamp: (d) => d.lifecycle,
  restamp: (d, s) => ({ ...d, lifecycle: s })
}

// SCH-DOC-NOTE (test only): a school requires a note before a document is submitted.
const noteGuard = Rule.make<Lifecycle.GuardSubject<Doc>>({
  id: "SCH-DOC-NOTE",
  area: "agreement",
  title: { zh: "提交前须填写说明", en: "a note before submitting" },
  confidence: "L",
  subject: "LifecycleEvent",
  versions: [
    {
      effectiveFrom: D("2020-01-01"),
      citations: [],
      parameters: [],
      check: (s, ctx) => (s.aggregate.note ? [] : [ctx.finding({ severity: "violation", message: { zh: "未填写说明", en: "no note" } })])
    }
  ]
})

const holdExtension = Plugin.extendMachine(docMachine, {
  states: [state("on-hold")],
  events: [event("hold", "submitted", "on-hold", ["dean"]), event("resume", "on-hold", "submitted", ["dean"])],
  guards: { submit: [noteGuard] }
})
const machinePlugin = (id: string, machines: ReadonlyArray<Plugin.MachineExtension> = [holdExtension]) =>
  Plugin.make({ id, version: "1.0.0", title: { zh: "流程扩展", en: "life-cycle extension" }, citation: schoolText, machines })

describe("Plugin life cycles", () => {
  const c = Plugin.unsafeCompose(National.policy, machinePlugin("school-flow"))
  const m = Plugin.machine(c, docMachine)
  const ctx = { policy: Policy.at(c.policy, Jurisdiction.national, D("2024-05-01")), ref: { type: "Doc", id: "d1" } }
  const teacher = { id: "t1", roles: ["teacher"] }
  const dean = { id: "dean", roles: ["dean"] }
  const on = D("2024-05-01")

  it("adds a guard that cites the plugin, and extra states and events reachable from the machine's own", () => {
    const refused = Lifecycle.transition(m, { id: "d1" }, { type: "submit", on, payload: undefined }, teacher, ctx)
    expect(Either.isLeft(refused) && refused.left.reason).toBe("guard")
    expect(Either.isLeft(refused) && refused.left.findings[0]!.citations).toContainEqual(schoolText)
    const submitted = Either.getOrThrow(Lifecycle.transition(m, { id: "d1", note: "见附件" }, { type: "submit", on, payload: undefined }, teacher, ctx))
    const held = Either.getOrThrow(Lifecycle.transition(m, submitted.aggregate, { type: "hold", on, payload: undefined }, dean, ctx))
    expect(held.aggregate.lifecycle?.state).toBe("on-hold")
    expect(Lifecycle.nextEvents(m, held.aggregate, dean, ctx).map((o) => [o.event, o.available])).toEqual([["resume", true]])
    expect(Lifecycle.toJson(m).events.find((e) => e.id === "submit")?.guards).toEqual(["SCH-DOC-NOTE"])
    // The machine itself is unchanged; the guard rule is attributed to the plugin.
    expect(docMachine.states.map((s) => s.id)).toEqual(["draft", "submitted", "approved"])
    expect(Plugin.contributorsOf(c, "rule", "SCH-DOC-NOTE")).toEqual(["school-flow"])
    expect(c.machines[0]!.contributedBy).toEqual(["school-flow"])
  })

  it("checks an extension against its machine, and two plugins adding one state conflict", () => {
    expect(() => Plugin.extendMachine(docMachine, { guards: { publish: [noteGuard] } })).toThrow(/no event publish/)
    expect(() => Plugin.extendMachine(docMachine, { states: [state("draft")] })).toThrow(Plugin.InvalidPlugin)
    expect(() => Plugin.extendMachine(docMachine, { events: [event("archive", "approved", "archived", ["dean"])] })).toThrow(/unknown state archived/)
    const again = Plugin.extendMachine(docMachine, { states: [state("on-hold")] })
    expect(failure(Plugin.compose(National.policy, machinePlugin("a"), machinePlugin("b", [again])))).toMatchObject({ kind: "machine", key: "doc state on-hold", first: "a", second: "b" })
  })
})

describe("Plugin reactions and migrations", () => {
  const signed: Plugin.OutboxEvent = { eventId: "internshipAgreement:a1:3:0", type: "internshipAgreement", aggregateId: "a1", aggregateVersion: 3, event: "agreement.signed", payload: "{}", at: "2024-05-01T08:00:00.000Z" }
  const notifier = (id: string, target: string) =>
    Plugin.make({
      id,
      version: "1.0.0",
      title: { zh: "通知", en: "notices" },
      citation: schoolText,
      onEvent: (e) => (e.event === "agreement.signed" ? [{ type: "notify", target, message: { zh: `协议 ${e.aggregateId} 已签订`, en: `agreement ${e.aggregateId} signed` } }] : [])
    })

  it("collects every plugin's reactions to an outbox event as data, in composition order", () => {
    const c = Plugin.unsafeCompose(National.policy, notifier("notify-dean", "dean"), notifier("notify-hr", "hr"))
    expect(Plugin.react(c, signed)).toEqual([
      { type: "notify", target: "dean", message: { zh: "协议 a1 已签订", en: "agreement a1 signed" }, plugin: "notify-dean", eventId: signed.eventId },
      { type: "notify", target: "hr", message: { zh: "协议 a1 已签订", en: "agreement a1 signed" }, plugin: "notify-hr", eventId: signed.eventId }
    ])
    expect(Plugin.react(c, { ...signed, event: "agreement.terminated" })).toEqual([])
  })

  it("runs pending migrations of an entity's extensions in order, once", () => {
    const p = Plugin.make({
      id: "campus-card",
      version: "2.0.0",
      title: { zh: "校园卡", en: "campus card" },
      citation: schoolText,
      // Declared out of order: they run by id.
      migrations: [
        { id: "0002-prefix", title: { zh: "卡号加前缀", en: "prefix the card number" }, entity: "Teacher", up: (x) => ({ ...x, campusCard: `C${String(x["campusCard"])}` }) },
        { id: "0001-rename", title: { zh: "card 改名为 campusCard", en: "rename card to campusCard" }, entity: "Teacher", up: ({ card, ...rest }) => ({ ...rest, campusCard: card }) }
      ]
    })
    const c = Plugin.unsafeCompose(National.policy, p)
    expect(Plugin.pendingMigrations(c, []).map((m) => m.key)).toEqual(["campus-card/0001-rename", "campus-card/0002-prefix"])
    const first = Plugin.migrate(c, "Teacher", { card: "123456", dormitory: "3-201" }, [])
    expect(first).toEqual({ extensions: { campusCard: "C123456", dormitory: "3-201" }, applied: ["campus-card/0001-rename", "campus-card/0002-prefix"] })
    expect(Plugin.migrate(c, "Teacher", first.extensions, first.applied)).toEqual({ extensions: first.extensions, applied: [] })
    expect(Plugin.migrate(c, "Student", { card: "1" }, [])).toEqual({ extensions: { card: "1" }, applied: [] })
    expect(() => Plugin.make({ ...p, migrations: [p.migrations[0]!, p.migrations[0]!] })).toThrow(/defined twice/)
    // Two instances of one plugin share its migrations: each runs once per record.
    const twins = Plugin.unsafeCompose(National.policy, p, Plugin.make({ ...p, id: "campus-card-2", name: "campus-card" }))
    expect(twins.migrations.map((m) => [m.key, m.contributedBy])).toEqual([
      ["campus-card/0001-rename", ["campus-card", "campus-card-2"]],
      ["campus-card/0002-prefix", ["campus-card", "campus-card-2"]]
    ])
    expect(Plugin.migrate(twins, "Teacher", { card: "1" }, []).extensions).toEqual({ campusCard: "C1" })
    // A different migration under the same key is a conflict.
    const changed = Plugin.make({ ...p, id: "campus-card-3", name: "campus-card", migrations: [{ ...p.migrations[0]! }] })
    expect(failure(Plugin.compose(National.policy, p, changed))).toMatchObject({ kind: "migration", key: "campus-card/0001-rename", first: "campus-card", second: "campus-card-3" })
  })
})

describe("Plugin extension fields", () => {
  const card = Plugin.extension(Teacher.Teacher, { campusCard: Schema.String.pipe(Schema.pattern(/^C\d{6}$/)) })
  const dorm = Plugin.extension(Teacher.Teacher, { dormitory: Schema.optional(Schema.String) })
  const ext = (id: string, e: Plugin.Extension) => Plugin.make({ id, version: "1.0.0", title: { zh: "扩展字段", en: "extension fields" }, citation: schoolText, extensions: [e] })
  const base = { id: "t-1", schoolId: "s-1", name: "李老师", employment: "full-time", courseType: "professional", internshipTutor: false, hiredOn: "2010-09-01" }

  it("merges every plugin's fields of an entity and validates them on decode (zh + en)", () => {
    const c = Plugin.unsafeCompose(National.policy, ext("card", card), ext("dorm", dorm))
    expect(c.extensions["Teacher"]?.contributedBy).toEqual(["card", "dorm"])
    const decode = Validation.decode(Plugin.entity(c, Teacher.Teacher))
    const ok = Either.getOrThrow(decode({ ...base, extensions: { campusCard: "C123456", dormitory: "3-201" } }))
    expect(ok.extensions).toEqual({ campusCard: "C123456", dormitory: "3-201" })
    const bad = failure(decode({ ...base, extensions: { campusCard: "123456", wing: "east" } }))
    expect(bad).toBeInstanceOf(Errors.InvalidInput)
    expect(bad.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["extensions.campusCard", "extensions.wing"]))
    expect(bad.messageZh).toContain("extensions.campusCard")
    expect(bad.messageEn).toContain("extensions.campusCard")
    // An entity no plugin extends keeps untyped JSON extensions.
    expect(Either.isRight(Validation.decode(Plugin.entity(c, Student.Student))({ id: "st", schoolId: "s-1", name: "张三", majorCode: "710201", enrolledOn: "2023-09-01", grade: 2, status: "enrolled", fullTimeDiploma: true, extensions: { anything: [1, "x"] } }))).toBe(true)
  })

  it("types one plugin's fields statically with Plugin.extended", () => {
    const decode = Validation.decode(Plugin.extended(Teacher.Teacher, card))
    const t = Either.getOrThrow(decode({ ...base, extensions: { campusCard: "C000001" } }))
    const n: string | undefined = t.extensions?.campusCard
    expect(n).toBe("C000001")
  })

  it("two plugins typing one field of one entity conflict", () => {
    expect(failure(Plugin.compose(National.policy, ext("a", card), ext("b", Plugin.extension("Teacher", { campusCard: Schema.Number }))))).toMatchObject({
      kind: "extension",
      key: "Teacher.campusCard",
      first: "a",
      second: "b"
    })
  })
})

// ---------------------------------------------------------------------------------------------------------------
// Properties: disjoint plugins compose the same in any order; a clash fails in every order, naming both
// ---------------------------------------------------------------------------------------------------------------

describe("Plugin.compose properties", () => {
  const lawText: Citation.Citation = { document: "测试依据", confidence: "I" }
  const mkParam = (id: string) =>
    Parameter.make({ id, title: { zh: id, en: id }, description: { zh: id, en: id }, unit: "count", ruleIds: [], schema: Schema.Number, history: [entry("2000-01-01", 1, lawText)] })
  const params = [mkParam("test.alpha"), mkParam("test.beta")]
  const base: Plugin.Base = { policy: Policy.unsafeMake({ id: "base", title: { zh: "基础", en: "base" }, parameters: params, source: "base" }), indicators: [] }
  const scopes = [scope({ level: "national" }), GANSU, scope({ level: "province", code: "37" }), SCHOOL]
  const dates = ["2020-01-01", "2022-01-01", "2024-01-01"]
  const places = [Jurisdiction.national, inGansu, inGansuSchool, inShandong]
  const probes = ["2019-06-01", "2021-06-01", "2023-06-01", "2025-06-01"]

  // A claim is one thing a plugin contributes: a parameter value (parameter, scope, date), a rule id or an indicator id.
  type Claim = { readonly kind: "parameter"; readonly p: number; readonly s: number; readonly d: number } | { readonly kind: "rule" | "indicator"; readonly n: number }
  // Disjoint means another (parameter, scope): two plugins on one parameter and scope clash whatever the dates.
  const claimKey = (c: Claim) => (c.kind === "parameter" ? `p${c.p}s${c.s}` : `${c.kind}${c.n}`)
  const claimArb: fc.Arbitrary<Claim> = fc.oneof(
    fc.record({ kind: fc.constant("parameter" as const), p: fc.integer({ min: 0, max: 1 }), s: fc.integer({ min: 0, max: 3 }), d: fc.integer({ min: 0, max: 2 }) }),
    fc.record({ kind: fc.constantFrom("rule" as const, "indicator" as const), n: fc.integer({ min: 0, max: 5 }) })
  )
  const rule = (n: number) =>
    Rule.make<Intern>({ id: `TST-R-${n}`, area: "internship", title: { zh: "r", en: "r" }, confidence: "I", subject: "Intern", versions: [{ effectiveFrom: D("2000-01-01"), citations: [], parameters: [], check: () => [] }] }) as Rule.Any
  const ind = (n: number): Indicators.Definition => ({ ...indicator0, id: `TST-I-${n}` })
  const indicator0: Indicators.Definition = { id: "TST-I", name: { zh: "i", en: "i" }, scope: "school", unit: "count", table: "资源表", measure: (ix) => ({ numerator: { value: ix.students.size, ids: [] } }) }
  const pluginOf = (id: string, claims: ReadonlyArray<Claim>, value: number) =>
    Plugin.make({
      id,
      version: "1.0.0",
      title: { zh: id, en: id },
      citation: { document: `插件 ${id}`, confidence: "L" },
      parameters: claims.flatMap((c, i) =>
        c.kind === "parameter"
          ? [Policy.overlay({ id: `o${i}`, title: { zh: "o", en: "o" }, scope: scopes[c.s]!, source: id, values: [Policy.set(params[c.p]!, [entry(dates[c.d]!, value + i, lawText)])] })]
          : []
      ),
      rules: claims.flatMap((c) => (c.kind === "rule" ? [rule(c.n)] : [])),
      indicators: claims.flatMap((c) => (c.kind === "indicator" ? [ind(c.n)] : []))
    })
  // Disjoint claims dealt to 2–4 plugins.
  const setupArb = fc
    .uniqueArray(claimArb, { selector: claimKey, minLength: 1, maxLength: 12 })
    .chain((claims) => fc.tuple(fc.constant(claims), fc.integer({ min: 2, max: 4 })))
    .chain(([claims, k]) => fc.tuple(fc.constant(claims), fc.array(fc.integer({ min: 0, max: k - 1 }), { minLength: claims.length, maxLength: claims.length }), fc.constant(k)))
    .map(([claims, owner, k]) => Array.from({ length: k }, (_, j) => claims.filter((_, i) => owner[i] === j)))
  const build = (dealt: ReadonlyArray<ReadonlyArray<Claim>>) => dealt.map((claims, j) => pluginOf(`plugin-${j}`, claims, 100 * (j + 1)))
  const permutationArb = (n: number) => fc.array(fc.nat(), { minLength: n, maxLength: n }).map((keys) => keys.map((k, i) => [k, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => i))

  // What a composed bundle decides: every resolution at the probes, every rule and indicator with its contributors.
  const summary = (c: Plugin.Composed) => ({
    values: places.flatMap((j) => probes.flatMap((d) => params.map((p) => { const r = Policy.at(c.policy, j, D(d)).explain(p); return [r.value, r.layer?.source, r.layer?.id, r.entry?.effectiveFrom] }))),
    rules: c.rules.map((r) => [r.id, r.contributedBy, r.versions[0]!.citations.map((x) => x.document)]),
    indicators: c.indicators.map((d) => [d.id, d.variant, d.contributedBy])
  })

  it.prop("composing plugins with disjoint contributions gives the same bundle in any order", [setupArb.chain((dealt) => fc.tuple(fc.constant(dealt), permutationArb(dealt.length)))], ([[dealt, order]]) => {
    const plugins = build(dealt)
    const inOrder = Plugin.compose(base, ...plugins)
    const shuffled = Plugin.compose(base, ...order.map((i) => plugins[i]!))
    expect(Either.isRight(inOrder) && Either.isRight(shuffled)).toBe(true)
    expect(summary(Either.getOrThrow(shuffled))).toEqual(summary(Either.getOrThrow(inOrder)))
  })

  it.prop(
    "a contribution claimed by two plugins fails in every order, naming both (a parameter for one scope on any date)",
    [
      setupArb
        .filter((dealt) => dealt.flat().length > 0)
        .chain((dealt) => fc.tuple(fc.constant(dealt), fc.nat(), fc.nat(), permutationArb(dealt.length), fc.integer({ min: 0, max: 2 })))
    ],
    ([[dealt, pick, to, order, date]]) => {
      // Give one plugin's claim to another plugin as well (a parameter value possibly from another date).
      const owners = dealt.flatMap((claims, j) => claims.map((c) => [j, c] as const))
      const [from, claim] = owners[pick % owners.length]!
      const other = (from + 1 + (to % (dealt.length - 1))) % dealt.length
      const given: Claim = claim.kind === "parameter" ? { ...claim, d: date } : claim
      const clashing = dealt.map((claims, j) => (j === other ? [...claims, given] : claims))
      const plugins = build(clashing)
      const r = Plugin.compose(base, ...order.map((i) => plugins[i]!))
      expect(Either.isLeft(r)).toBe(true)
      const e = failure(r)
      expect(e).toBeInstanceOf(Plugin.PluginConflict)
      const c = e as Plugin.PluginConflict
      expect(c.kind).toBe(claim.kind)
      expect([c.first, c.second].sort()).toEqual([`plugin-${from}`, `plugin-${other}`].sort())
      expect(c.zh).toContain(`插件 ${c.first} 与 ${c.second}`)
      expect(c.en).toContain(`plugins ${c.first} and ${c.second}`)
    }
  )
  it.prop(
    "a plugin superseding another on one parameter and scope gives its value from its first date, the other's before it, in any order",
    [fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 3 }), fc.subarray([0, 1, 2], { minLength: 1 }), fc.subarray([0, 1, 2], { minLength: 1 }), fc.boolean()],
    ([p, s, oldDates, newDates, reversed]) => {
      const setting = (id: string, ds: ReadonlyArray<number>, value: number, supersedes: ReadonlyArray<string>) =>
        Plugin.make({
          id,
          supersedes,
          version: "1.0.0",
          title: { zh: id, en: id },
          citation: lawText,
          parameters: [Policy.overlay({ id: "o", title: { zh: "o", en: "o" }, scope: scopes[s]!, source: id, values: [Policy.set(params[p]!, ds.map((d, i) => entry(dates[d]!, value + i, lawText)))] })]
        })
      const older = setting("older", oldDates, 100, [])
      const newer = setting("newer", newDates, 200, ["older"])
      const c = Either.getOrThrow(Plugin.compose(base, ...(reversed ? [newer, older] : [older, newer])))
      const cutoff = dates[newDates[0]!]!
      for (const j of places) {
        if (!Jurisdiction.applies(scopes[s]!, j)) continue
        for (const d of probes) {
          const r = Policy.at(c.policy, j, D(d)).explain(params[p]!)
          const last = (ds: ReadonlyArray<number>, keep: (x: string) => boolean) => ds.map((x, i) => [dates[x]!, i] as const).filter(([x]) => x <= d && keep(x)).pop()
          const n = last(newDates, () => true)
          const o = last(oldDates, (x) => x < cutoff)
          if (n !== undefined) expect(r).toMatchObject({ value: 200 + n[1], layer: { source: "newer" } })
          else if (o !== undefined) expect(r).toMatchObject({ value: 100 + o[1], layer: { source: "older" } })
          else expect(r.layer?.source).toBe("base")
        }
      }
    }
  )
})
