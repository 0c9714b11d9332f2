import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import * as Schema from "effect/Schema"
import { Indicators, IsoDate, Jurisdiction, National, Parameter, Plugin, Policy, Rule } from "../src/index.js"
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

const province = (id: string, from: string, value: number) =>
  Plugin.make({
    id,
    name: "province-pack",
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

  it("takes a later plugin for another date as a new dated value, not a conflict", () => {
    const c = Plugin.unsafeCompose(National.policy, province("gansu-2022", "2022-01-01", 17), province("gansu-2025", "2025-01-01", 18))
    expect(valueAt(c, inGansu, "2024-12-31")).toMatchObject({ value: 17, layer: { source: "gansu-2022" } })
    expect(valueAt(c, inGansu, "2025-01-01")).toMatchObject({ value: 18, layer: { source: "gansu-2025" } })
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
  })
})
