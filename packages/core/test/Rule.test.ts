import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as fc from "effect/FastCheck"
import { Finding, IsoDate, Jurisdiction, National, Policy, Rule, Sources } from "../src/index.js"

interface Intern {
  readonly id: string
  readonly age: number
  readonly start: IsoDate.IsoDate
}

// A rule written as a later issue will write them: INT-AGE-16 with its 2016 and 2021 versions.
const ageRule = Rule.make<Intern>({
  id: "INT-AGE-16",
  area: "internship",
  title: { zh: "岗位实习年龄", en: "post internship age" },
  confidence: "D",
  subject: "Intern",
  versions: [2016, 2021].map((year) => ({
    effectiveFrom: IsoDate.unsafeMake(year === 2016 ? "2016-04-11" : "2021-12-31"),
    citations: [year === 2016 ? Sources.internship2016("第十五条") : Sources.internship2021("第十六条第（二）项")],
    parameters: [National.internshipPostMinAge],
    check: (s: Intern, ctx: Rule.Context) => {
      const min = ctx.policy.value(National.internshipPostMinAge)
      if (min === undefined || s.age >= min) return []
      return [
        ctx.finding({
          severity: "violation",
          message: { zh: `学生${s.age}岁，未满${min}周岁`, en: `student is ${s.age}, under ${min}` },
          remedy: { zh: `年满${min}周岁后再安排`, en: `place the student after turning ${min}` },
          measured: { value: s.age, unit: "years" },
          threshold: { comparator: ">=", value: min, unit: "years" },
          parameters: [National.internshipPostMinAge]
        })
      ]
    }
  }))
})

// A rule resting on an unverified parameter (TCH-EP-ANNUAL is M).
const annualRule = Rule.make<{ readonly id: string; readonly months: number }>({
  id: "TCH-EP-ANNUAL",
  area: "teacher",
  title: { zh: "每年企业实践", en: "annual practice" },
  confidence: "M",
  subject: "Teacher",
  versions: [
    {
      effectiveFrom: IsoDate.unsafeMake("2019-01-24"),
      citations: [Sources.reform2019],
      parameters: [National.teacherAnnualPracticeMonths],
      check: (s, ctx) => {
        const min = ctx.policy.value(National.teacherAnnualPracticeMonths) ?? 0
        return s.months >= min
          ? []
          : [ctx.finding({ severity: "violation", message: { zh: "不足", en: "short" }, parameters: [National.teacherAnnualPracticeMonths] })]
      }
    }
  ]
})

const at = (d: string) => Policy.at(National.policy, Jurisdiction.national, IsoDate.unsafeMake(d))

describe("Rule", () => {
  it("runs the version in force and stamps the finding with rule version, parameter version and citation", () => {
    const [f2020] = Rule.check(ageRule, { id: "i1", age: 15, start: IsoDate.unsafeMake("2020-03-01") }, { type: "Intern", id: "i1" }, at("2020-03-01"))
    const [f2024] = Rule.check(ageRule, { id: "i1", age: 15, start: IsoDate.unsafeMake("2024-03-01") }, { type: "Intern", id: "i1" }, at("2024-03-01"))
    expect(f2020?.ruleVersion).toBe("2016-04-11")
    expect(f2024?.ruleVersion).toBe("2021-12-31")
    expect(f2024?.citations[0]?.docNumber).toBe("教职成〔2021〕4号")
    expect(f2024?.parameters[0]).toMatchObject({ id: "internship.postMinAge", effectiveFrom: "2021-12-31", level: "national", verified: true, value: 16 })
    expect(f2024?.severity).toBe("violation")
    expect(f2024?.verified).toBe(true)
    expect(Finding.format(f2024!)).toContain("[违规] INT-AGE-16")
    expect(Rule.check(ageRule, { id: "i1", age: 15, start: IsoDate.unsafeMake("2010-01-01") }, { type: "Intern", id: "i1" }, at("2010-01-01"))).toEqual([])
  })

  it("turns a violation resting on an unverified value into a warning", () => {
    const [f] = Rule.check(annualRule, { id: "t1", months: 0 }, { type: "Teacher", id: "t1" }, at("2024-01-01"))
    expect(f?.severity).toBe("warning")
    expect(f?.verified).toBe(false)
  })

  it.prop("never reports a student at or above the minimum age, always one below", [fc.integer({ min: 0, max: 40 })], ([age]) => {
    const findings = Rule.check(ageRule, { id: "x", age, start: IsoDate.unsafeMake("2023-01-01") }, { type: "Intern", id: "x" }, at("2023-01-01"))
    expect(findings.length).toBe(age >= 16 ? 0 : 1)
  })

  it("findings are valid Finding values that round-trip through JSON", () => {
    const [f] = Rule.check(ageRule, { id: "i1", age: 15, start: IsoDate.unsafeMake("2024-03-01") }, { type: "Intern", id: "i1" }, at("2024-03-01"))
    const json = JSON.parse(JSON.stringify(Schema.encodeSync(Finding.Finding)(f!)))
    expect(Schema.decodeUnknownSync(Finding.Finding)(json)).toEqual(f)
  })

  it("a registry lists every rule with its metadata and refuses duplicate ids", () => {
    const reg = Rule.registry([annualRule, ageRule])
    expect(Either.isRight(reg)).toBe(true)
    if (Either.isRight(reg)) {
      expect(reg.right.list().map((m) => m.id)).toEqual(["INT-AGE-16", "TCH-EP-ANNUAL"])
      expect(reg.right.list()[0]?.versions.map((v) => v.parameters)).toEqual([["internship.postMinAge"], ["internship.postMinAge"]])
      expect(reg.right.byArea("teacher").map((r) => r.id)).toEqual(["TCH-EP-ANNUAL"])
    }
    const dup = Rule.registry([ageRule, ageRule])
    expect(Either.isLeft(dup) && dup.left.reason).toBe("duplicate-id")
    expect(() => Rule.make({ ...ageRule, id: "bad id" })).toThrow(/INT-AGE-16/)
  })

  it("a policy runs every rule of a subject type (checkAll)", () => {
    const bare = Policy.unsafeMake({ id: "test", title: { zh: "测试", en: "test" }, parameters: National.parameters })
    const policy = Policy.withRules(bare, [ageRule, annualRule])
    expect(Either.isRight(policy)).toBe(true)
    // A rule id registered twice is refused, whichever policy it is added to.
    expect(Either.isLeft(Policy.withRules(bare, [annualRule, annualRule]))).toBe(true)
    if (Either.isRight(policy)) {
      const resolved = Policy.at(policy.right, Jurisdiction.national, IsoDate.unsafeMake("2024-03-01"))
      expect(resolved.rules().map((r) => r.rule.id)).toEqual(["INT-AGE-16", "TCH-EP-ANNUAL"])
      const findings = Policy.checkAll(resolved, "Intern", { id: "i9", age: 15, start: IsoDate.unsafeMake("2024-03-01") }, { id: "i9" })
      expect(findings.map((f) => f.ruleId)).toEqual(["INT-AGE-16"])
    }
  })
})
