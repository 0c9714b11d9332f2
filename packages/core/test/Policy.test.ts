import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as fc from "effect/FastCheck"
import { Errors, IsoDate, Jurisdiction, National, Parameter, Policy } from "../src/index.js"
import type { Citation } from "../src/index.js"

const citation: Citation.Citation = { document: "测试文件", confidence: "I" }
const day = (n: number) => IsoDate.fromEpochDays(n)
const BASE = IsoDate.toEpochDays(IsoDate.unsafeMake("2015-01-01"))

// A random history: distinct days in a 10-year span, values or null (repealed).
const historyArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 3650 }), { minLength: 1, maxLength: 8 })
  .chain((days) =>
    fc.tuple(
      fc.constant([...days].sort((a, b) => a - b)),
      fc.array(fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }), { minLength: days.length, maxLength: days.length }),
      fc.array(fc.boolean(), { minLength: days.length, maxLength: days.length })
    )
  )
  .map(([days, values, verified]) =>
    days.map((d, i): Parameter.Entry<number> => ({ effectiveFrom: day(BASE + d), value: values[i]!, citation, verified: verified[i]! }))
  )

const dateArb = fc.integer({ min: -100, max: 3800 }).map((d) => day(BASE + d))

// Brute force: scan every entry, keep the latest one not after the date.
const oracle = <A>(history: ReadonlyArray<Parameter.Entry<A>>, date: IsoDate.IsoDate) => {
  let best: Parameter.Entry<A> | undefined
  for (const e of history) if (e.effectiveFrom <= date && (best === undefined || e.effectiveFrom > best.effectiveFrom)) best = e
  return best
}

const param = (history: ReadonlyArray<Parameter.Entry<number>>) =>
  Parameter.make({
    id: "test.value",
    title: { zh: "测试", en: "test" },
    description: { zh: "测试参数", en: "a test parameter" },
    unit: "count",
    ruleIds: ["TEST-RULE-1"],
    schema: Schema.Number,
    history
  })

describe("Parameter.valueAt", () => {
  it.prop("equals a brute-force oracle over random histories and dates", [historyArb, dateArb], ([history, date]) => {
    const result = Parameter.valueAt(param(history), date)
    const expected = oracle(history, date)
    if (expected === undefined) expect(result._tag).toBe("NotYet")
    else if (expected.value === null) expect(result).toEqual({ _tag: "Repealed", entry: expected })
    else expect(result).toEqual({ _tag: "InForce", value: expected.value, entry: expected })
  })

  it("rejects an empty, unsorted or ill-typed history and a malformed id", () => {
    const e = (d: string, v: number | string | null) => ({ effectiveFrom: IsoDate.unsafeMake(d), value: v as number, citation, verified: true })
    // No national value is allowed (a local rule a provincial pack fills in): nothing is ever in force.
    expect(Parameter.valueAt(param([]), IsoDate.unsafeMake("2024-01-01"))).toEqual({ _tag: "NotYet", firstEffectiveFrom: undefined })
    expect(() => param([e("2020-01-01", 1), e("2019-01-01", 2)])).toThrow(/strictly increasing/)
    expect(() => param([e("2020-01-01", 1), e("2020-01-01", 2)])).toThrow(Errors.InvalidDefinition)
    expect(() => param([e("2020-01-01", "x")])).toThrow(/does not fit/)
    expect(() => Parameter.make({ ...param([e("2020-01-01", 1)]), id: "Bad Id" })).toThrow(/dotted/)
  })
})

// ---------------------------------------------------------------------------------------------------------------

const J = { province: "37", city: "3708", school: "3137004512" } as unknown as Jurisdiction.Jurisdiction
const scopes = {
  province: { level: "province", code: "37" },
  city: { level: "city", code: "3708" },
  school: { level: "school", code: "3137004512" }
} as unknown as Record<"province" | "city" | "school", Jurisdiction.Scope>

describe("Policy.at — overlay precedence", () => {
  it.prop(
    "school beats city beats province beats national, each when in force",
    [historyArb, fc.option(historyArb, { nil: undefined }), fc.option(historyArb, { nil: undefined }), fc.option(historyArb, { nil: undefined }), dateArb],
    ([national, province, city, school, date]) => {
      const p = param(national)
      const layers = { province, city, school }
      const overlays = (["province", "city", "school"] as const).flatMap((level) => {
        const h = layers[level]
        return h === undefined ? [] : [Policy.overlay({ id: `o-${level}`, title: { zh: level, en: level }, scope: scopes[level], source: "test", values: [Policy.set(p, h)] })]
      })
      const policy = Policy.unsafeMake({ id: "test", title: { zh: "测试", en: "test" }, parameters: [p], overlays })
      const resolved = Policy.at(policy, J, date)
      // Oracle: the most specific layer with an entry on or before the date decides.
      const order = [school, city, province, national]
      let expected: Parameter.Entry<number> | undefined
      for (const h of order) {
        if (h === undefined) continue
        const hit = oracle(h, date)
        if (hit !== undefined) {
          expected = hit
          break
        }
      }
      const r = resolved.explain(p)
      expect(r.entry).toEqual(expected)
      expect(resolved.value(p)).toBe(expected?.value ?? undefined)
      expect(r.status).toBe(expected === undefined ? "not-yet" : expected.value === null ? "repealed" : "in-force")
    }
  )

  it("ignores overlays of other places and explains every layer it looked at", () => {
    const p = param([{ effectiveFrom: IsoDate.unsafeMake("2016-01-01"), value: 10, citation, verified: true }])
    const mk = (id: string, scope: Jurisdiction.Scope, from: string, value: number) =>
      Policy.overlay({ id, title: { zh: id, en: id }, scope, source: "test", values: [Policy.set(p, [{ effectiveFrom: IsoDate.unsafeMake(from), value, citation, verified: true }])] })
    const policy = Policy.unsafeMake({
      id: "t",
      title: { zh: "t", en: "t" },
      parameters: [p],
      overlays: [
        mk("gansu", { level: "province", code: "62" } as unknown as Jurisdiction.Scope, "2016-01-01", 99),
        mk("shandong", scopes.province, "2018-01-01", 20),
        mk("school", scopes.school, "2030-01-01", 30)
      ]
    })
    const r2017 = Policy.at(policy, J, IsoDate.unsafeMake("2017-06-01")).explain(p)
    expect(r2017.value).toBe(10)
    expect(r2017.layer?.id).toBe("t")
    expect(r2017.considered.map((c) => c.outcome)).toEqual(["not-yet", "not-yet", "in-force"])
    const r2020 = Policy.at(policy, J, IsoDate.unsafeMake("2020-06-01")).explain(p)
    expect(r2020.value).toBe(20)
    expect(r2020.layer?.id).toBe("shandong")
    expect(Policy.at(policy, J, IsoDate.unsafeMake("2031-01-01")).value(p)).toBe(30)
    // Without a school in the jurisdiction, the school overlay does not apply.
    expect(Policy.at(policy, { province: "37" } as unknown as Jurisdiction.Jurisdiction, IsoDate.unsafeMake("2031-01-01")).value(p)).toBe(20)
    expect(Policy.at(policy, Jurisdiction.national, IsoDate.unsafeMake("2031-01-01")).value(p)).toBe(10)
  })

  it("refuses conflicting overlays, unknown parameters and ill-typed values as typed errors", () => {
    const p = param([{ effectiveFrom: IsoDate.unsafeMake("2016-01-01"), value: 1, citation, verified: true }])
    const entry = { effectiveFrom: IsoDate.unsafeMake("2020-01-01"), value: 2, citation, verified: true }
    const a = Policy.overlay({ id: "plugin-a", title: { zh: "a", en: "a" }, scope: scopes.province, source: "a", values: [Policy.set(p, [entry])] })
    const b = Policy.overlay({ id: "plugin-b", title: { zh: "b", en: "b" }, scope: scopes.province, source: "b", values: [Policy.set(p, [entry])] })
    const conflict = Policy.make({ id: "t", title: { zh: "t", en: "t" }, parameters: [p], overlays: [a, b] })
    expect(Either.isLeft(conflict)).toBe(true)
    if (Either.isLeft(conflict)) {
      expect(conflict.left.reason).toBe("conflict")
      expect(conflict.left.zh).toContain("plugin-a")
      expect(conflict.left.zh).toContain("plugin-b")
    }
    const unknown = Policy.make({
      id: "t",
      title: { zh: "t", en: "t" },
      parameters: [p],
      overlays: [Policy.overlay({ ...a, values: [{ parameter: "no.such", history: [entry] }] })]
    })
    expect(Either.isLeft(unknown) && unknown.left.reason).toBe("unknown-parameter")
    const illTyped = Policy.make({
      id: "t",
      title: { zh: "t", en: "t" },
      parameters: [p],
      overlays: [Policy.overlay({ ...a, values: [{ parameter: p.id, history: [{ ...entry, value: "two" }] }] })]
    })
    expect(Either.isLeft(illTyped) && illTyped.left.reason).toBe("invalid-value")
    const dup = Policy.make({ id: "t", title: { zh: "t", en: "t" }, parameters: [p, p] })
    expect(Either.isLeft(dup) && dup.left.reason).toBe("duplicate-id")
  })

  it("decodes overlays given as data", () => {
    const data = {
      id: "school-settings",
      title: { zh: "本校设置", en: "school settings" },
      scope: { level: "school", code: "3137004512" },
      source: "settings",
      values: [
        {
          parameter: "internship.maxDailyHours",
          history: [{ effectiveFrom: "2024-01-01", value: 7, citation: { document: "校内实习管理办法", confidence: "L" }, verified: true }]
        }
      ]
    }
    const decoded = Schema.decodeUnknownSync(Policy.OverlayData)(data)
    const policy = Policy.withOverlays(National.policy, [Policy.fromData(decoded)])
    expect(Either.isRight(policy)).toBe(true)
    if (Either.isRight(policy)) {
      const at = Policy.at(policy.right, J, IsoDate.unsafeMake("2024-06-01"))
      expect(at.value(National.internshipMaxDailyHours)).toBe(7)
      expect(at.explain(National.internshipMaxDailyHours).layer?.source).toBe("settings")
      expect(Policy.at(policy.right, J, IsoDate.unsafeMake("2023-06-01")).value(National.internshipMaxDailyHours)).toBe(8)
    }
  })

  it("get says why no value is in force", () => {
    const at = Policy.at(National.policy, Jurisdiction.national, IsoDate.unsafeMake("2020-01-01"))
    const r = at.get(National.internshipPayCycleMaxMonths)
    expect(Either.isLeft(r)).toBe(true)
    if (Either.isLeft(r)) {
      expect(r.left).toBeInstanceOf(Errors.ParameterNotInForce)
      expect(r.left.reason).toBe("not-yet")
      expect(r.left.message).toContain("尚未生效")
      expect(r.left.message).toContain("not yet in force")
    }
    expect(at.explain("no.such").status).toBe("unknown")
  })
})

describe("National policy", () => {
  it("judges by the version in force: 2016 kinds and consent before 2021-12-31, 2021 after (INT-KIND-TYPES, INT-CONSENT)", () => {
    const before = Policy.at(National.policy, Jurisdiction.national, IsoDate.unsafeMake("2021-12-30"))
    const after = Policy.at(National.policy, Jurisdiction.national, IsoDate.unsafeMake("2021-12-31"))
    expect(before.value(National.internshipKinds)).toEqual(["observation", "following-post", "taking-post"])
    expect(after.value(National.internshipKinds)).toEqual(["observation", "post"])
    expect(before.value(National.internshipConsentScope)).toBe("minors")
    expect(after.value(National.internshipConsentScope)).toBe("all")
    expect(before.value(National.internshipPayBasis)).toBe("probation-wage")
    expect(after.value(National.internshipPayBasis)).toBe("same-post-wage-or-lowest-tier")
    expect(after.explain(National.internshipPostMinAge).entry?.citation.docNumber).toBe("教职成〔2021〕4号")
  })

  it("marks unverified (M) values verified: false (TCH-EP-ANNUAL, AGR-TERM-3Y, TCH-DS-TARGET)", () => {
    for (const p of [National.teacherAnnualPracticeMonths, National.agreementMinTermYearsWithInterns, National.dualQualifiedTarget]) {
      expect(p.history.every((e) => e.verified === false)).toBe(true)
    }
    expect(National.teacherPracticeMinMonths.history[0]?.verified).toBe(true)
  })

  it("has unique ids, each citing catalogue rule ids", () => {
    const ids = National.parameters.map((p) => p.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const p of National.parameters) expect(p.ruleIds.length).toBeGreaterThan(0)
  })
})
