import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import { DualQualified, IsoDate, Jurisdiction, National, Policy, Rule } from "../src/index.js"
import type { Teacher } from "../src/index.js"
import { canTeach, D, practice, teacher, teacherCert } from "./fixtures.js"

const at = (date: string, policy = National.policy) => Policy.at(policy, Jurisdiction.national, D(date))
const evalAt = (t: Teacher.Teacher, date = "2024-09-01", type: "secondary" | "higher-vocational" = "secondary") => DualQualified.evaluate(t, type, at(date))

// A 中职 teacher who meets 初级: teacher qualification, 180 days of practice, attested teaching ability.
const junior = teacher({ certificates: [teacherCert], practice: [practice("p1", "2023-01-01", "2023-06-29")], attestations: [canTeach] })

describe("双师型 evaluation (TCH-DS-LEVELS, shuangshi.md §3)", () => {
  it("DS-TEACHER-CERT + DS-PRACTICE-OR-CERT + DS-CAN-TEACH-THEORY-PRACTICE: meets 初级, with the evidence for each", () => {
    const e = evalAt(junior)
    expect(e.highest).toBe("junior")
    const l1 = e.levels.find((l) => l.level === "junior")!
    expect(l1.criteria.map((c) => [c.criterion, c.met])).toEqual([
      ["DS-TEACHER-CERT", true],
      ["DS-PRACTICE-OR-CERT", true],
      ["DS-CAN-TEACH-THEORY-PRACTICE", true]
    ])
    expect(l1.criteria[1]!.evidence[0]!.kind).toBe("practice")
    expect(l1.criteria[1]!.evidence[0]!.ref).toBe("p1")
    // What 中级 still lacks, each with what would satisfy it.
    expect(e.next?.level).toBe("intermediate")
    expect(e.next?.missing.map((m) => m.criterion)).toEqual(["DS-HOLD-L1", "DS-TITLE-MID", "DS-PRACTICE-OR-CERT-MID", "DS-ACHIEVEMENT-MID"])
    expect(e.next?.missing.find((m) => m.criterion === "DS-PRACTICE-OR-CERT-MID")?.missing?.zh).toContain("企业实践满12个月")
  })

  it("DS-ENTERPRISE-PRACTICE-BASELINE: the practice option of 初级 is the 6-months-in-5-years baseline", () => {
    const e = evalAt(junior)
    const option = e.levels[0]!.criteria.find((c) => c.criterion === "DS-PRACTICE-OR-CERT")!
    expect(option.parameters.map((p) => p.id)).toContain("ds.secondary.junior.practiceMonths")
    expect(National.dsThresholds.secondary.junior.practiceMonths.ruleIds).toContain("DS-ENTERPRISE-PRACTICE-BASELINE")
    // One day short of 180 days of practice and nothing else: 初级 is not met.
    const short = teacher({ ...junior, practice: [practice("p1", "2023-01-01", "2023-06-28")] })
    expect(evalAt(short).highest).toBeUndefined()
  })

  it("DS-PRACTICE-OR-CERT is one of three: a skill certificate or a technical title instead of practice", () => {
    const factory = [{ enterpriseName: "某电子厂", post: "技术员", start: D("2005-07-01"), end: D("2010-06-30") }]
    const bySkill = teacher({ certificates: [teacherCert, { kind: "skill-level", name: "电工", level: "level-4", issuedOn: D("2020-01-01") }], attestations: [canTeach], enterpriseExperience: factory })
    expect(evalAt(bySkill).highest).toBe("junior")
    const byTitle = teacher({ certificates: [teacherCert], titles: [{ level: "junior", name: "助理工程师", series: "engineering", obtainedOn: D("2015-01-01") }], attestations: [canTeach], enterpriseExperience: factory })
    expect(evalAt(byTitle).highest).toBe("junior")
    const neither = teacher({ certificates: [teacherCert], attestations: [canTeach], enterpriseExperience: factory })
    expect(evalAt(neither).highest).toBeUndefined()
  })

  it("DS-HOLD-L1, DS-TITLE-MID, DS-PRACTICE-OR-CERT-MID, DS-ACHIEVEMENT-MID: 中级 needs the 初级 certification first", () => {
    const mid = teacher({
      ...junior,
      titles: [{ level: "intermediate", name: "讲师", series: "teacher", obtainedOn: D("2018-09-01") }],
      skillLevel: "level-3",
      awards: [{ kind: "skills-competition", level: "city", name: "市技能大赛指导教师一等奖", awardedOn: D("2023-05-20") }]
    })
    expect(evalAt(mid).highest).toBe("junior")
    const held = { ...mid, dualQualifications: [{ level: "junior" as const, schoolType: "secondary" as const, certifier: "山东省教育厅", certifiedOn: D("2023-12-01") }] }
    const e = evalAt(held)
    expect(e.highest).toBe("intermediate")
    expect(e.held.length).toBe(1)
    // 高级 lacks DS-HOLD-L2, DS-TITLE-HIGH and the two groups.
    expect(e.next?.missing.map((m) => m.criterion)).toEqual(["DS-HOLD-L2", "DS-TITLE-HIGH", "DS-SKILL-HIGH", "DS-LEADERSHIP-HIGH"])
  })

  it("DS-HOLD-L2, DS-TITLE-HIGH, DS-SKILL-HIGH, DS-LEADERSHIP-HIGH: 高级", () => {
    const senior = teacher({
      ...junior,
      titles: [{ level: "associate-senior", name: "高级讲师", series: "teacher", obtainedOn: D("2020-09-01") }],
      skillLevel: "level-2",
      awards: [{ kind: "teaching-competition", level: "provincial", name: "省教学能力大赛一等奖", awardedOn: D("2022-11-01") }],
      dualQualifications: [{ level: "intermediate", schoolType: "secondary", certifier: "山东省教育厅", certifiedOn: D("2022-12-01") }]
    })
    expect(evalAt(senior).highest).toBe("senior")
    expect(evalAt(senior).next).toBeUndefined()
  })

  it("高职 uses its own thresholds: a 中职 teacher qualification is not enough (DS-TEACHER-CERT)", () => {
    expect(evalAt(junior, "2024-09-01", "higher-vocational").highest).toBeUndefined()
    const higher = teacher({ ...junior, certificates: [{ ...teacherCert, level: "高等学校" }] })
    expect(evalAt(higher, "2024-09-01", "higher-vocational").highest).toBe("junior")
  })

  it("DS-ETHICS-VETO and DS-ETHICS-FIRST: a failed appraisal bars every level and requires revocation", () => {
    const failed = teacher({
      ...junior,
      ethicsAppraisals: [{ year: 2024, result: "unqualified", impactUntil: D("2025-12-31") }],
      dualQualifications: [{ level: "junior", schoolType: "secondary", certifier: "山东省教育厅", certifiedOn: D("2023-12-01") }]
    })
    const e = evalAt(failed)
    expect(e.veto).toEqual({ year: 2024, until: "2025-12-31", defaulted: false })
    expect(e.highest).toBeUndefined()
    const findings = Rule.check(DualQualified.ethicsVetoRule, { teacher: failed, schoolType: "secondary" }, { type: "Teacher", id: "t-1" }, at("2024-09-01"))
    expect(findings.map((f) => f.severity)).toEqual(["info", "violation"])
    expect(findings[1]?.message.zh).toContain("应予撤销")
    // Without a recorded impact period the default (unverified) one is used: the same finding is a warning.
    const defaulted = { ...failed, ethicsAppraisals: [{ year: 2024, result: "unqualified" as const }] }
    const soft = Rule.check(DualQualified.ethicsVetoRule, { teacher: defaulted, schoolType: "secondary" }, { type: "Teacher", id: "t-1" }, at("2024-09-01"))
    expect(soft.map((f) => f.severity)).toEqual(["info", "warning"])
    // After the impact period the veto lifts (the failed appraisal still fails DS-ETHICS-FIRST until a new one).
    expect(evalAt(failed, "2026-01-01").veto).toBeUndefined()
    const recovered = { ...failed, ethicsAppraisals: [...failed.ethicsAppraisals, { year: 2025, result: "qualified" as const }] }
    expect(evalAt(recovered, "2026-01-01").highest).toBe("junior")
    const refused = DualQualified.apply({ id: "c1", teacher: failed, level: "junior", schoolType: "secondary" }, at("2024-09-01"))
    expect(Either.isLeft(refused) && refused.left.reason).toBe("ethics-veto")
  })

  it("DS-ELIGIBLE-INSCHOOL: a contract teacher applies after 2 years; a public-course teacher by reference", () => {
    const contract = teacher({ ...junior, staffing: "contract", hiredOn: D("2023-09-01"), contractStart: D("2023-09-01") })
    const r = DualQualified.apply({ id: "c1", teacher: contract, level: "junior", schoolType: "secondary" }, at("2024-09-01"))
    expect(Either.isLeft(r) && r.left.reason).toBe("not-eligible")
    expect(Either.isLeft(r) && r.left.message.zh).toContain("2025-09-01")
    expect(Either.isRight(DualQualified.apply({ id: "c1", teacher: contract, level: "junior", schoolType: "secondary" }, at("2025-09-01")))).toBe(true)
    const publicCourse = teacher({ ...junior, courseType: "public" })
    expect(evalAt(publicCourse).highest).toBeUndefined()
    const byReference = { ...publicCourse, attestations: [...publicCourse.attestations, { criterion: "DS-ELIGIBLE-INSCHOOL", attestedBy: "教务处", attestedOn: D("2024-03-01") }] }
    expect(evalAt(byReference).highest).toBe("junior")
  })

  it("DS-NEW-TEACHER-PRACTICE-FIRST and DS-INDUSTRY-EXPERIENCE: a new teacher with no enterprise background meets nothing", () => {
    const fresh = teacher({ ...junior, practice: [], hiredOn: D("2024-08-01"), certificates: [teacherCert, { kind: "skill-level", name: "电工", level: "level-4", issuedOn: D("2020-01-01") }] })
    const e = evalAt(fresh)
    expect(e.basic.filter((b) => !b.met).map((b) => b.criterion)).toEqual(["DS-INDUSTRY-EXPERIENCE", "DS-NEW-TEACHER-PRACTICE-FIRST"])
    expect(e.highest).toBeUndefined()
  })
})

describe("enterprise part-time teachers (DS-ELIGIBLE-ENTERPRISE, DS-PARTTIME-HIRE-STD, DS-ENT-L1..L3)", () => {
  const engineer = teacher({
    id: "pt-1",
    name: "王工",
    employment: "part-time",
    sex: "male",
    birthDate: D("1964-09-01"),
    hiredOn: D("2023-03-01"),
    skillLevel: "level-2",
    titles: [{ level: "intermediate", name: "工程师", series: "engineering", obtainedOn: D("2005-01-01") }],
    enterpriseExperience: [{ enterpriseName: "某机械厂", post: "车间主任", start: D("1985-07-01") }],
    attestations: [canTeach],
    partTime: {
      employerName: "某机械厂",
      channel: "industry-mentor",
      mode: "individual",
      appointment: { start: D("2023-03-01"), end: D("2025-02-28") },
      productionYears: 38,
      retired: false,
      performanceFile: true
    }
  })

  it("DS-ENT-L2: meets 中级 as an enterprise teacher (technician, 5+ years); DS-ENT-L3 is what is missing", () => {
    const e = evalAt(engineer, "2024-08-31")
    expect(e.category).toBe("enterprise")
    expect(e.highest).toBe("intermediate")
    expect(e.next?.missing.map((m) => m.criterion)).toEqual(["DS-ENT-L3"])
  })

  it("one day past the statutory retirement age, the teacher is generally no longer eligible (a warning)", () => {
    // Born 1964-09-01: reaches 60 on 2024-09-01 — still eligible that day, past it the next.
    expect(evalAt(engineer, "2024-09-01").highest).toBe("intermediate")
    const after = evalAt(engineer, "2024-09-02")
    expect(after.highest).toBeUndefined()
    expect(after.basic.find((b) => b.criterion === "DS-ELIGIBLE-ENTERPRISE")?.missing?.zh).toContain("2024-09-01")
    const findings = Rule.check(DualQualified.enterpriseAgeRule, { teacher: engineer, schoolType: "secondary" }, { type: "Teacher", id: "pt-1" }, at("2024-09-02"))
    expect(findings.map((f) => f.severity)).toEqual(["warning"])
    expect(Rule.check(DualQualified.enterpriseAgeRule, { teacher: engineer, schoolType: "secondary" }, { type: "Teacher", id: "pt-1" }, at("2024-09-01"))).toEqual([])
  })
})

describe("certification life cycle (DS-PROCEDURE: 个人申报 → 学校审核 → 认定 | 不予认定 → 撤销; DS-CERTIFIER; DS-VALIDITY)", () => {
  it("applies, is reviewed, certified by the province, and revoked", () => {
    const policy = at("2024-09-01")
    const ctx = { teacher: junior, schoolType: "secondary" as const, policy }
    const applied = DualQualified.apply({ id: "c1", teacher: junior, level: "junior", schoolType: "secondary" }, policy)
    if (Either.isLeft(applied)) throw new Error(applied.left.message.en)
    expect(applied.right.state).toBe("applied")
    const reviewed = DualQualified.transition(applied.right, { _tag: "Review", on: D("2024-09-10"), by: "学校认定工作小组" }, ctx)
    if (Either.isLeft(reviewed)) throw new Error(reviewed.left.message.en)
    const certified = DualQualified.transition(reviewed.right, { _tag: "Certify", on: D("2024-10-20"), certifier: "山东省教育厅" }, ctx)
    if (Either.isLeft(certified)) throw new Error(certified.left.message.en)
    expect(certified.right).toMatchObject({ state: "certified", certifier: "山东省教育厅", certifiedOn: "2024-10-20" })
    expect(DualQualified.toQualification(certified.right)).toMatchObject({ level: "junior", certifiedOn: "2024-10-20" })
    const revoked = DualQualified.transition(certified.right, { _tag: "Revoke", on: D("2025-03-01"), reason: "师德考核不合格" }, ctx)
    expect(Either.isRight(revoked) && revoked.right.state).toBe("revoked")
    // Steps out of order are refused with a reason.
    const again = DualQualified.transition(certified.right, { _tag: "Review", on: D("2024-11-01"), by: "x" }, ctx)
    expect(Either.isLeft(again) && again.left.reason).toBe("wrong-state")
  })

  it("refuses to certify a level whose criteria are not met, listing what is missing", () => {
    const policy = at("2024-09-01")
    const c = DualQualified.apply({ id: "c2", teacher: junior, level: "intermediate", schoolType: "secondary" }, policy)
    if (Either.isLeft(c)) throw new Error("apply")
    const ctx = { teacher: junior, schoolType: "secondary" as const, policy }
    const reviewed = DualQualified.transition(c.right, { _tag: "Review", on: D("2024-09-10"), by: "学校" }, ctx)
    if (Either.isLeft(reviewed)) throw new Error("review")
    const r = DualQualified.transition(reviewed.right, { _tag: "Certify", on: D("2024-10-20"), certifier: "山东省教育厅" }, ctx)
    expect(Either.isLeft(r) && r.left.reason).toBe("criteria-not-met")
    expect(Either.isLeft(r) && r.left.missing.map((m) => m.criterion)).toContain("DS-HOLD-L1")
  })

  it("a province that sets a validity period makes old certifications lapse (DS-VALIDITY)", () => {
    const holder = teacher({ ...junior, dualQualifications: [{ level: "junior", schoolType: "secondary", certifier: "省教育厅", certifiedOn: D("2018-01-01") }] })
    expect(evalAt(holder).held.length).toBe(1)
    const province = Policy.withOverlays(National.policy, [
      Policy.overlay({
        id: "sd",
        title: { zh: "山东", en: "Shandong" },
        scope: { level: "province", code: "37" } as Jurisdiction.Scope,
        source: "test",
        values: [Policy.set(National.dsValidityYears, [{ effectiveFrom: D("2023-01-01"), value: 5, citation: { document: "测试", confidence: "L" }, verified: true }])]
      })
    ])
    if (Either.isLeft(province)) throw province.left
    const inShandong = Policy.at(province.right, { province: "37" } as Jurisdiction.Jurisdiction, D("2024-09-01"))
    expect(DualQualified.evaluate(holder, "secondary", inShandong).held).toEqual([])
  })
})

// -------------------------------------------------------------------------------------------------------------

const evidenceArb = fc.oneof(
  fc.record({ kind: fc.constant("practice" as const), start: fc.integer({ min: 0, max: 3000 }), len: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ kind: fc.constant("skill" as const), level: fc.constantFrom("level-5", "level-4", "level-3", "level-2", "level-1") }),
  fc.record({
    kind: fc.constant("title" as const),
    level: fc.constantFrom<Teacher.TitleLevel>("junior", "intermediate", "associate-senior"),
    series: fc.constantFrom<"teacher" | "engineering">("teacher", "engineering")
  }),
  fc.record({ kind: fc.constant("award" as const), level: fc.constantFrom<"school" | "city" | "provincial" | "national">("school", "city", "provincial", "national") }),
  fc.record({ kind: fc.constant("held" as const), level: fc.constantFrom<"junior" | "intermediate">("junior", "intermediate") }),
  fc.constant({ kind: "cert" as const }),
  fc.constant({ kind: "attest" as const })
)
type Ev = typeof evidenceArb extends fc.Arbitrary<infer A> ? A : never
const BASE = IsoDate.toEpochDays(D("2016-01-01"))
const addEvidence = (t: Teacher.Teacher, e: Ev, i: number): Teacher.Teacher => {
  switch (e.kind) {
    case "practice":
      return { ...t, practice: [...t.practice, practice(`p${i}`, IsoDate.fromEpochDays(BASE + e.start), IsoDate.fromEpochDays(BASE + e.start + e.len - 1))] }
    case "skill":
      return { ...t, certificates: [...t.certificates, { kind: "skill-level", name: `技能${i}`, level: e.level, issuedOn: D("2019-01-01") }] }
    case "title":
      return { ...t, titles: [...t.titles, { level: e.level, name: `职称${i}`, series: e.series, obtainedOn: D("2019-01-01") }] }
    case "award":
      return { ...t, awards: [...t.awards, { kind: "skills-competition", level: e.level, name: `奖${i}`, awardedOn: D("2023-01-01") }] }
    case "held":
      return { ...t, dualQualifications: [...t.dualQualifications, { level: e.level, schoolType: "secondary", certifier: "省", certifiedOn: D("2022-01-01") }] }
    case "cert":
      return { ...t, certificates: [...t.certificates, { ...teacherCert, name: `教师资格证${i}` }] }
    case "attest":
      return { ...t, attestations: [...t.attestations, canTeach] }
  }
}
const rankOf = (l: DualQualified.Level | undefined) => (l === undefined ? 0 : l === "junior" ? 1 : l === "intermediate" ? 2 : 3)
const build = (evs: ReadonlyArray<Ev>) => evs.reduce((t, e, i) => addEvidence(t, e, i), teacher())

describe("双师型 properties", () => {
  it.prop("more evidence never lowers the level", [fc.array(evidenceArb, { maxLength: 8 }), evidenceArb], ([evs, extra]) => {
    const before = DualQualified.evaluate(build(evs), "secondary", at("2024-09-01"))
    const after = DualQualified.evaluate(addEvidence(build(evs), extra, 99), "secondary", at("2024-09-01"))
    expect(rankOf(after.highest)).toBeGreaterThanOrEqual(rankOf(before.highest))
  })

  it.prop("the level does not depend on the order of records", [fc.array(evidenceArb, { maxLength: 8 })], ([evs]) => {
    const a = DualQualified.evaluate(build(evs), "secondary", at("2024-09-01"))
    const b = DualQualified.evaluate(build([...evs].reverse()), "secondary", at("2024-09-01"))
    expect(b.highest).toBe(a.highest)
    expect(b.next?.missing.map((m) => m.criterion)).toEqual(a.next?.missing.map((m) => m.criterion))
  })

  it.prop("a level is met iff nothing is missing for it", [fc.array(evidenceArb, { maxLength: 8 })], ([evs]) => {
    const e = DualQualified.evaluate(build(evs), "secondary", at("2024-09-01"))
    if (e.next !== undefined) expect(e.next.missing.length).toBeGreaterThan(0)
    expect(e.levels.filter((l) => l.met).every((l) => rankOf(l.level) <= rankOf(e.highest))).toBe(true)
  })
})
