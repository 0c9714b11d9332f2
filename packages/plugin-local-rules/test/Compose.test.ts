import { describe, expect, it } from "@effect/vitest"
import { IsoDate, Jurisdiction, National, Plugin, Policy } from "@chanjiao/core"
import { LocalRules, Subjects } from "@chanjiao/plugin-local-rules"
import * as Schema from "effect/Schema"
import * as Either from "effect/Either"
import { readFileSync } from "node:fs"

const all = () => [
  LocalRules.yunnan(),
  LocalRules.shaanxi(),
  LocalRules.provincialDetail({ provinces: ["41", "42"] }),
  LocalRules.yantai(),
  LocalRules.jiangxi(),
  LocalRules.tianjin(),
  LocalRules.zhejiang(),
  LocalRules.shandong(),
  LocalRules.jiangsu()
]

describe("the local packs together", () => {
  it("INT-FILING … PEI-JS-5Y: all packs compose over the national policy without conflict, in any order", () => {
    const forward = Plugin.compose(National.policy, ...all())
    const backward = Plugin.compose(National.policy, ...all().reverse())
    expect(Either.isRight(forward)).toBe(true)
    expect(Either.isRight(backward)).toBe(true)
    if (Either.isRight(forward) && Either.isRight(backward)) {
      expect(forward.right.rules.map((r) => r.id)).toEqual(backward.right.rules.map((r) => r.id))
    }
  })

  it("every catalogue line is a rule of the composed bundle (or the Zhejiang sign guard), contributed by its pack or by core", () => {
    const c = Plugin.unsafeCompose(National.policy, ...all())
    const packOf = new Map(c.plugins.map((p) => [p.name.split("/").pop()!, p.id]))
    for (const e of LocalRules.catalogue) {
      if (e.ruleId === "APP-ZJ-STUDENT") {
        expect(c.machines.find((m) => m.machine === "apprenticeship-agreement")?.guards.flatMap((g) => g.rules.map((r) => r.id))).toEqual(["APP-ZJ-STUDENT"])
        continue
      }
      const by = Plugin.contributorsOf(c, "rule", e.ruleId)
      const pack = e.pack === "provincialDetail" ? "provincial-detail" : e.pack
      expect(by, e.ruleId).toEqual(e.implementedIn === "core" ? ["@chanjiao/core"] : [packOf.get(pack)])
    }
  })

  it("ENT-LOCAL-JX-10: a pack's own rules cite the pack's citation as well as their own", () => {
    const c = Plugin.unsafeCompose(National.policy, LocalRules.jiangxi())
    const rule = c.policy.rules.get("ENT-LOCAL-JX-10")!
    expect(rule.versions[0]!.citations.map((x) => x.article)).toEqual(["规模以上企业按技术岗位的10%提供顶岗实习岗位", "企业责任"])
  })

  it("INT-FILING, ENT-LOCAL-JX-10: a second instance of one pack for the same place is a PluginConflict naming both", () => {
    const r = Plugin.compose(National.policy, LocalRules.yunnan(), LocalRules.yunnan({ id: "yunnan-2" }))
    expect(Either.isLeft(r) && r.left).toMatchObject({ _tag: "PluginConflict", kind: "parameter", first: "yunnan", second: "yunnan-2" })
    const own = Plugin.compose(National.policy, LocalRules.jiangxi(), LocalRules.jiangxi({ id: "jiangxi-2" }))
    expect(Either.isLeft(own) && own.left).toMatchObject({ _tag: "PluginConflict", first: "jiangxi", second: "jiangxi-2" })
  })

  it("the README lists every pack's rule ids with its jurisdiction", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8")
    for (const e of LocalRules.catalogue) {
      const row = readme.split("\n").find((l) => l.startsWith("|") && l.includes(`\`${e.ruleId}\``) && l.includes(`\`${e.pack}`))
      expect(row, e.ruleId).toBeDefined()
      expect(row, e.ruleId).toContain(e.jurisdiction.split(" ").pop())
      expect(row, e.ruleId).toContain(e.verified ? "✓" : "✗")
    }
  })
})

describe("the README example", () => {
  it("ENT-LOCAL-JX-10: the decoded example finds 11 < 12 in Jiangxi", () => {
    const bundle = Plugin.unsafeCompose(National.policy, LocalRules.jiangxi(), LocalRules.yunnan(), LocalRules.yantai())
    const where = Schema.decodeSync(Jurisdiction.Jurisdiction)
    const input = Subjects.decode.enterpriseContribution({
      enterpriseId: "e-1", enterpriseName: "南昌某装备制造有限公司", year: 2024, aboveDesignatedSize: true,
      technicalPosts: 120, internshipPosts: 11, employees: 800, teacherPracticePlaces: 16
    })
    expect(Either.isRight(input)).toBe(true)
    if (Either.isRight(input)) {
      const policy = Policy.at(bundle.policy, where({ province: "36" }), IsoDate.unsafeMake("2024-12-31"))
      const findings = Subjects.checkEnterpriseContribution(policy, input.right)
      expect(findings.map((f) => [f.ruleId, f.severity, f.message.zh])).toEqual([["ENT-LOCAL-JX-10", "violation", "2024年提供实习岗位 11，技术岗位 120 的 10% 应不少于 12"]])
    }
  })
})
