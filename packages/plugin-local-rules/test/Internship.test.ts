import { describe, expect, it } from "@effect/vitest"
import { Internship, InternshipGates, National, Plugin, Policy, Validation } from "@chanjiao/core"
import type { Finding, Jurisdiction } from "@chanjiao/core"
import { Attribution, LocalRules, ProvincialDetail } from "@chanjiao/plugin-local-rules"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import * as Schema from "effect/Schema"
import { D, internship, jurisdiction, student, subject } from "./fixtures.js"

const YUNNAN = jurisdiction({ province: "53", city: "5301" })
const SHAANXI = jurisdiction({ province: "61", city: "6101" })
const HENAN = jurisdiction({ province: "41", city: "4101" })
const SHANDONG = jurisdiction({ province: "37", city: "3708" })

const bundle = Plugin.unsafeCompose(National.policy, LocalRules.yunnan(), LocalRules.shaanxi(), LocalRules.provincialDetail({ provinces: ["41"] }))
const check = (s: ReturnType<typeof subject>, j: Jurisdiction.Jurisdiction) => InternshipGates.check(s, bundle.policy, j)
const ids = (fs: ReadonlyArray<Finding.Finding>) => fs.map((f) => f.ruleId)
const only = (fs: ReadonlyArray<Finding.Finding>, id: string) => fs.filter((f) => f.ruleId === id)

describe("yunnan(): INT-FILING, INT-TRAINING, INT-UNIT-LIST (core's local gates, turned on in province 53)", () => {
  it("a compliant internship passes in Yunnan, and the gates' values come from the pack", () => {
    expect(check(subject(), YUNNAN)).toEqual([])
    const p = InternshipGates.checker(bundle.policy, YUNNAN)
    expect(p.canStart(subject(), D("2024-09-01")).ok).toBe(true)
  })

  it("INT-FILING: not filed by the start date is a violation in Yunnan, nothing in Shandong", () => {
    const late = subject({ filing: { filedOn: D("2024-09-02"), authority: "市教育局", crossProvince: false } })
    const f = only(check(late, YUNNAN), "INT-FILING")
    expect(f.map((x) => x.severity)).toEqual(["violation"])
    // Core's finding names its generic citation; attributed, it records the Yunnan pack's gate and cites the
    // Yunnan source the pack encodes.
    const [a] = Attribution.attribute(bundle, YUNNAN, f)
    expect(a?.parameters).toEqual([expect.objectContaining({ id: "internship.gateFiling", source: "yunnan", layer: "yunnan/yunnan", level: "province", verified: true, value: true })])
    expect(a?.citations.map((c) => c.url)).toContain("http://www.ynny.cn/info/1105/13383.htm")
    expect(a?.severity).toBe("violation")
    // A finding whose rule has no plugin-decided parameter is left as it is.
    const young = check({ ...subject(), student: { ...student, birthDate: D("2009-06-01") } }, YUNNAN)
    expect(ids(young)).toContain("INT-AGE-16")
    expect(Attribution.attribute(bundle, YUNNAN, young)).toEqual(young)
    // Filed on the start date itself: in time (the boundary).
    expect(only(check(subject({ filing: { filedOn: D("2024-09-01"), authority: "市教育局", crossProvince: false } }), YUNNAN), "INT-FILING")).toEqual([])
    expect(only(check(late, SHANDONG), "INT-FILING")).toEqual([])
    // Cross-province needs approval.
    const cross = subject({ filing: { filedOn: D("2024-08-20"), authority: "省教育厅", crossProvince: true } })
    expect(only(check(cross, YUNNAN), "INT-FILING")[0]?.message.zh).toContain("跨省或境外实习未经主管部门批准")
  })

  it("INT-TRAINING and INT-UNIT-LIST fire in Yunnan only", () => {
    const untrained = subject({ trainedOn: undefined as never })
    const { trainedOn: _t, ...noTraining } = internship
    expect(ids(check({ ...untrained, internship: noTraining }, YUNNAN))).toEqual(["INT-TRAINING"])
    expect(ids(check({ ...untrained, internship: noTraining }, SHANDONG))).toEqual([])
    // Trained on the start date: in time; the day after: not.
    expect(ids(check(subject({ trainedOn: D("2024-09-01") }), YUNNAN))).toEqual([])
    expect(ids(check(subject({ trainedOn: D("2024-09-02") }), YUNNAN))).toEqual(["INT-TRAINING"])
    const offList = subject({ unit: { ...internship.unit, onUnitList: false } })
    expect(ids(check(offList, YUNNAN))).toEqual(["INT-UNIT-LIST"])
    expect(ids(check(offList, SHAANXI))).toEqual([])
  })

  it("INT-FILING, INT-TRAINING, INT-UNIT-LIST: the Yunnan values start with the 2021 provisions (2021-12-31), with their citation", () => {
    for (const gate of [National.internshipGateFiling, National.internshipGateTraining, National.internshipGateUnitList]) {
      expect(Policy.at(bundle.policy, YUNNAN, D("2021-12-30")).value(gate)).toBeUndefined()
      const r = Policy.at(bundle.policy, YUNNAN, D("2021-12-31")).explain(gate)
      expect(r).toMatchObject({ value: true, layer: { source: "yunnan" } })
      expect(r.entry?.citation.url).toBe("http://www.ynny.cn/info/1105/13383.htm")
      expect(Policy.at(bundle.policy, SHANDONG, D("2024-01-01")).value(gate)).toBeUndefined()
    }
  })
})

describe("provincialDetail(): INT-DISGUISE-BAN and INT-MAJOR-MATCH-PROV for the provinces named", () => {
  it("INT-DISGUISE-BAN: a post internship declared as social practice is a violation in the province named, nothing elsewhere", () => {
    const disguised = subject({ declaredAs: "social-practice" })
    expect(ids(check(disguised, HENAN))).toEqual(["INT-DISGUISE-BAN"])
    expect(ids(check(disguised, YUNNAN))).toEqual([])
    // An observation internship may be called what it is.
    expect(ids(check(subject({ declaredAs: "social-practice", kind: "observation" }), HENAN))).not.toContain("INT-DISGUISE-BAN")
  })

  it("INT-MAJOR-MATCH-PROV: crossing 专业大类 is a warning in principle (原则上不得), citing the provincial 细则 and the pack", () => {
    const crossed = subject({ post: { ...internship.post, majorMatch: "close" }, extensions: { postMajorCategory: "73" } })
    const [f, ...rest] = only(check(crossed, HENAN), "INT-MAJOR-MATCH-PROV")
    expect(rest).toEqual([])
    expect(f).toMatchObject({ severity: "warning", measured: { value: "73" }, threshold: { comparator: "==", value: "71" } })
    expect(f?.citations.map((c) => c.url)).toContain("http://gocodog.com/index.php?c=show&id=1874")
  })

  it("INT-DISGUISE-BAN, INT-MAJOR-MATCH-PROV: two instances (one per province) run side by side, sharing the pack's parameter", () => {
    const HUBEI = jurisdiction({ province: "42", city: "4201" })
    const r = Plugin.compose(National.policy, LocalRules.provincialDetail({ provinces: ["41"], id: "pd-henan" }), LocalRules.provincialDetail({ provinces: ["42"], id: "pd-hubei" }))
    expect(Either.isRight(r)).toBe(true)
    const both = Either.getOrThrow(r)
    const gate = ProvincialDetail.crossCategoryInPrinciple
    expect(Plugin.contributorsOf(both, "parameter", gate.id)).toEqual(["pd-henan", "pd-hubei"])
    expect(Plugin.contributorsOf(both, "rule", "INT-MAJOR-MATCH-PROV")).toEqual(["pd-henan", "pd-hubei"])
    expect(Policy.at(both.policy, HENAN, D("2024-09-01")).explain(gate)).toMatchObject({ value: true, layer: { source: "pd-henan" } })
    expect(Policy.at(both.policy, HUBEI, D("2024-09-01")).explain(gate)).toMatchObject({ value: true, layer: { source: "pd-hubei" } })
    expect(Policy.at(both.policy, YUNNAN, D("2024-09-01")).value(gate)).toBeUndefined()
    // Each instance's rule fires in its own province (with the instance's layer), nowhere else.
    const crossed = subject({ post: { ...internship.post, majorMatch: "close" }, extensions: { postMajorCategory: "73" } })
    for (const where of [HENAN, HUBEI]) {
      expect(only(InternshipGates.check(crossed, both.policy, where), "INT-MAJOR-MATCH-PROV").map((f) => f.severity)).toEqual(["warning"])
    }
    expect(only(InternshipGates.check(crossed, both.policy, YUNNAN), "INT-MAJOR-MATCH-PROV")).toEqual([])
    expect(ids(InternshipGates.check(subject({ declaredAs: "social-practice" }), both.policy, HUBEI))).toEqual(["INT-DISGUISE-BAN"])
    // The same province in both instances is still a conflict naming both.
    const twice = Plugin.compose(National.policy, LocalRules.provincialDetail({ provinces: ["41"], id: "pd-a" }), LocalRules.provincialDetail({ provinces: ["41"], id: "pd-b" }))
    expect(Either.isLeft(twice) && twice.left).toMatchObject({ _tag: "PluginConflict", kind: "parameter", first: "pd-a", second: "pd-b" })
  })

  it("throws InvalidPlugin for a code that is not a province, or none", () => {
    expect(() => LocalRules.provincialDetail({ provinces: ["99"] })).toThrow(Plugin.InvalidPlugin)
    expect(() => LocalRules.provincialDetail({ provinces: [] })).toThrow(/province/)
  })
})

describe("shaanxi(): INT-MAJOR-MATCH's 专业大类 restriction (INT-MAJOR-MATCH-SN)", () => {
  const withCategory = (match: "matching" | "close" | "unrelated", category?: string) =>
    subject({ post: { ...internship.post, majorMatch: match }, ...(category === undefined ? {} : { extensions: { postMajorCategory: category } }) })

  it("a post in another 专业大类 is a violation in Shaanxi and nothing in Yunnan", () => {
    expect(only(check(withCategory("close", "73"), SHAANXI), "INT-MAJOR-MATCH-SN").map((f) => f.severity)).toEqual(["violation"])
    expect(only(check(withCategory("close", "73"), YUNNAN), "INT-MAJOR-MATCH-SN")).toEqual([])
    expect(only(check(withCategory("close", "71"), SHAANXI), "INT-MAJOR-MATCH-SN")).toEqual([])
  })

  it("an unrelated post is left to core's INT-MAJOR-MATCH; a close post without its category asks for it (info)", () => {
    const unrelated = check(withCategory("unrelated", "73"), SHAANXI)
    expect(ids(unrelated)).toContain("INT-MAJOR-MATCH")
    expect(only(unrelated, "INT-MAJOR-MATCH-SN")).toEqual([])
    expect(only(check(withCategory("close"), SHAANXI), "INT-MAJOR-MATCH-SN").map((f) => f.severity)).toEqual(["info"])
    expect(only(check(withCategory("matching"), SHAANXI), "INT-MAJOR-MATCH-SN")).toEqual([])
  })

  it("property INT-MAJOR-MATCH-SN: a finding exactly when a matching or close post records another 专业大类, only in Shaanxi", () => {
    const category = fc.integer({ min: 61, max: 79 }).map(String)
    fc.assert(
      fc.property(category, fc.constantFrom("matching" as const, "close" as const, "unrelated" as const), fc.constantFrom(SHAANXI, YUNNAN, HENAN), (cat, match, where) => {
        const fs = only(check(withCategory(match, cat), where), "INT-MAJOR-MATCH-SN")
        const expected = where === SHAANXI && match !== "unrelated" && cat !== "71" ? 1 : 0
        expect(fs.length).toBe(expected)
        for (const f of fs) expect(f.severity).toBe("violation")
      }),
      { numRuns: 120 }
    )
  })
})

const encoded = Schema.encodeSync(Internship.Internship)(internship)

describe("the postMajorCategory extension field", () => {
  it("is typed and validated by the composed Internship schema", () => {
    const schema = Plugin.entity(bundle, Internship.Internship)
    expect(Plugin.contributorsOf(bundle, "rule", "INT-MAJOR-MATCH-SN")).toEqual(["shaanxi"])
    expect(bundle.extensions["Internship"]?.contributedBy).toEqual(["provincial-detail", "shaanxi"])
    const ok = Validation.decode(schema)({ ...encoded, extensions: { postMajorCategory: "71" } })
    expect(Either.isRight(ok)).toBe(true)
    const bad = Validation.decode(schema)({ ...encoded, extensions: { postMajorCategory: "7A" } })
    expect(Either.isLeft(bad)).toBe(true)
    if (Either.isLeft(bad)) {
      expect(bad.left.issues[0]?.path).toEqual(["extensions", "postMajorCategory"])
      expect(bad.left.messageZh.length).toBeGreaterThan(0)
      expect(bad.left.messageEn).toContain("extensions.postMajorCategory")
    }
  })
})
