import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import { IsoDate, Jurisdiction, National, Policy, Practice, Rule, Teacher, Validation } from "../src/index.js"
import { practice, teacher as baseTeacher } from "./fixtures.js"

const D = IsoDate.unsafeMake
const record = practice
const teacher = (records: ReadonlyArray<Teacher.PracticeRecord>, extra: Partial<Teacher.Teacher> = {}): Teacher.Teacher =>
  baseTeacher({ practice: records, ...extra })

const settings: Practice.Settings = { windowYears: 5, requiredDays: 180, hoursPerDay: 8 }
const at = (date: string) => Policy.at(National.policy, Jurisdiction.national, D(date))
const findings = (t: Teacher.Teacher, date: string, rule: Rule.Any) =>
  Rule.check(rule, { teacher: t, schoolType: "secondary" } as never, { type: "Teacher", id: t.id }, at(date))

describe("TCH-EP-5Y6M worked examples (教师〔2016〕3号 第四条)", () => {
  it("a teacher whose only practice ended 5 years and 1 day ago has none in the window", () => {
    // Window on 2024-09-01: 2019-09-02 … 2024-09-01.
    const old = teacher([record("p1", "2019-01-01", "2019-08-31")])
    const st = Practice.evaluate(old, D("2024-09-01"), settings)
    expect(st.windowStart).toBe("2019-09-02")
    expect(st.servedDays).toBe(0)
    expect(st.status).toBe("non-compliant")
    expect(st.deficitDays).toBe(180)
    // Exactly 5 years old is also outside; one day younger counts one day.
    expect(Practice.evaluate(teacher([record("p1", "2019-01-01", "2019-09-01")]), D("2024-09-01"), settings).servedDays).toBe(0)
    expect(Practice.evaluate(teacher([record("p1", "2019-01-01", "2019-09-02")]), D("2024-09-01"), settings).servedDays).toBe(1)
    const [f] = findings(old, "2024-09-01", Practice.practiceWindowRule)
    expect(f?.severity).toBe("violation")
    expect(f?.remedy?.zh).toContain("补足 180 天")
    expect(f?.citations[0]?.docNumber).toBe("教师〔2016〕3号")
    expect(f?.parameters.map((p) => p.id)).toContain("teacher.practiceDaysPerMonth")
  })

  it("a compliant teacher is told the last compliant day and when the window drops the practice", () => {
    const t = teacher([record("p1", "2021-01-01", "2021-06-29")]) // 180 days
    const st = Practice.evaluate(t, D("2024-09-01"), settings)
    expect(st.status).toBe("compliant")
    expect(st.latestDate).toBe("2025-12-31")
    expect(st.fallsOutOn).toBe("2026-01-01")
    expect(Practice.evaluate(t, D("2025-12-31"), settings).status).toBe("compliant")
    expect(Practice.evaluate(t, D("2026-01-01"), settings).status).toBe("non-compliant")
    // Within the notice period (180 days) an info finding announces it.
    expect(findings(t, "2024-09-01", Practice.practiceWindowRule)).toEqual([])
    const [notice] = findings(t, "2025-09-01", Practice.practiceWindowRule)
    expect(notice?.severity).toBe("info")
    expect(notice?.deadline).toBe("2025-12-31")
  })

  it("counts days, not records: overlaps count once, served days and hours count their share", () => {
    const twice = teacher([record("a", "2023-03-01", "2023-06-08"), record("b", "2023-03-01", "2023-06-08"), record("c", "2023-05-01", "2023-06-08")])
    expect(Practice.evaluate(twice, D("2024-09-01"), settings).servedDays).toBe(100)
    const partTimeDays = teacher([record("a", "2023-01-01", "2023-12-31", { daysServed: 73 })])
    expect(Practice.evaluate(partTimeDays, D("2024-09-01"), settings).servedDays).toBeCloseTo(73, 9)
    const hours = teacher([record("a", "2023-01-01", "2023-12-31", { hoursServed: 480 })])
    expect(Practice.evaluate(hours, D("2024-09-01"), settings).servedDays).toBeCloseTo(60, 9)
    // Days after the evaluation date (planned or ongoing practice) do not count yet.
    expect(Practice.evaluate(teacher([record("a", "2024-08-23", "2024-12-31")]), D("2024-09-01"), settings).servedDays).toBe(10)
  })

  it("a teacher in the first window since hiring is due, with the deadline and the days missing then", () => {
    const t = teacher([record("p1", "2023-07-01", "2023-08-29")], { hiredOn: D("2022-09-01") }) // 60 days
    const st = Practice.evaluate(t, D("2024-09-01"), settings)
    expect(st.status).toBe("due")
    expect(st.latestDate).toBe("2027-08-31")
    expect(st.deficitDays).toBe(120)
    expect(st.deficitAtLatestDate).toBe(120)
    const [f] = findings(t, "2024-09-01", Practice.practiceWindowRule)
    expect(f?.severity).toBe("info")
    expect(f?.remedy?.zh).toBe("在 2027-08-31 前再完成 120 天企业实践")
    expect(f?.remedy?.en).toBe("needs 120 more days of enterprise practice before 2027-08-31")
  })

  it("does not apply to public-course or part-time teachers", () => {
    expect(Practice.evaluate(teacher([], { courseType: "public" }), D("2024-09-01"), settings).status).toBe("not-applicable")
    expect(Practice.evaluate(teacher([], { courseType: "public", internshipTutor: true }), D("2024-09-01"), settings).status).toBe("non-compliant")
    expect(Practice.evaluate(teacher([], { employment: "part-time" }), D("2024-09-01"), settings).status).toBe("not-applicable")
  })
})

describe("the other enterprise-practice rules", () => {
  it("TCH-EP-NEW: a new teacher without enterprise experience or practice is gated until practice is recorded", () => {
    const fresh = teacher([], { hiredOn: D("2024-09-01") })
    const [gate] = findings(fresh, "2024-09-10", Practice.newTeacherRule)
    expect(gate?.severity).toBe("violation")
    expect(gate?.message.zh).toContain("先实践再上岗")
    expect(findings(teacher([record("p", "2024-07-01", "2024-08-20")], { hiredOn: D("2024-09-01") }), "2024-09-10", Practice.newTeacherRule)).toEqual([])
    const experienced = teacher([], {
      hiredOn: D("2024-09-01"),
      enterpriseExperience: [{ enterpriseName: "某厂", post: "技术员", start: D("2018-07-01"), end: D("2024-06-30") }]
    })
    expect(findings(experienced, "2024-09-10", Practice.newTeacherRule)).toEqual([])
    // Hired before the rule took effect: not a new teacher under it.
    expect(findings(teacher([], { hiredOn: D("2015-09-01") }), "2024-09-10", Practice.newTeacherRule)).toEqual([])
  })

  it("TCH-EP-PUBLIC: a public-course teacher without a visit in the period gets an info finding", () => {
    const t = teacher([], { courseType: "public" })
    const [f] = findings(t, "2024-09-01", Practice.publicVisitRule)
    expect(f?.severity).toBe("info")
    expect(findings(teacher([record("v", "2024-05-10", "2024-05-10", { form: "visit" })], { courseType: "public" }), "2024-09-01", Practice.publicVisitRule)).toEqual([])
  })

  it("TCH-EP-CONTENT: a record without content is pointed out", () => {
    const [f] = findings(teacher([record("p", "2024-01-01", "2024-02-01", { content: [] })]), "2024-09-01", Practice.contentRule)
    expect(f?.severity).toBe("info")
    expect(f?.message.zh).toContain("未记录实践内容")
  })

  it("TCH-EP-ANNUAL (unverified, M): a shortfall is a warning, never a violation", () => {
    const [f] = findings(teacher([record("p", "2024-01-01", "2024-01-10")]), "2024-09-01", Practice.annualRule)
    expect(f?.severity).toBe("warning")
    expect(f?.verified).toBe(false)
    expect(f?.measured?.value).toBe(10)
  })

  it("TCH-EP-ENT-DUTY (not a rule: enterprises must host teacher practice): every record names its host by credit code", () => {
    const { enterpriseCreditCode: _, ...withoutHost } = record("p", "2024-01-01", "2024-01-10")
    const r = Validation.decode(Teacher.PracticeRecord)(withoutHost)
    expect(Either.isLeft(r) && r.left.issues[0]?.path).toEqual(["enterpriseCreditCode"])
  })

  it("TCH-EP-FORMS: a practice form outside the listed ones is refused at decoding", () => {
    const r = Validation.decode(Teacher.PracticeRecord)({ ...record("p", "2024-01-01", "2024-01-10"), form: "tourism" })
    expect(Either.isLeft(r) && r.left.issues[0]?.zh).toContain('"visit"')
  })
})

// -------------------------------------------------------------------------------------------------------------

const ASOF = IsoDate.toEpochDays(D("2024-09-01"))
const recordArb = fc
  .record({
    start: fc.integer({ min: ASOF - 8 * 366, max: ASOF + 200 }),
    length: fc.integer({ min: 1, max: 400 }),
    served: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
    id: fc.string({ minLength: 1, maxLength: 4 })
  })
  .map(({ id, length, served, start }) =>
    record(`r${id}`, IsoDate.fromEpochDays(start), IsoDate.fromEpochDays(start + length - 1), served === undefined ? {} : { daysServed: Math.min(served, length) })
  )
const recordsArb = fc.array(recordArb, { maxLength: 6 })
// Records already served by the evaluation date, long enough that compliance is common.
const pastRecordsArb = fc.array(
  fc.record({ end: fc.integer({ min: ASOF - 5 * 366, max: ASOF }), length: fc.integer({ min: 30, max: 250 }), id: fc.nat() }).map(({ end, id, length }) =>
    record(`p${id}`, IsoDate.fromEpochDays(end - length + 1), IsoDate.fromEpochDays(end))
  ),
  { minLength: 1, maxLength: 5 }
)
const evalAt = (rs: ReadonlyArray<Teacher.PracticeRecord>, date = D("2024-09-01")) => Practice.evaluate(teacher(rs), date, settings)

// Oracle: walk every day of the window and take the largest share of the records covering it.
const oracle = (rs: ReadonlyArray<Teacher.PracticeRecord>, date: IsoDate.IsoDate) => {
  const end = IsoDate.toEpochDays(date)
  const start = IsoDate.toEpochDays(Practice.windowStart(date, 5))
  let total = 0
  for (let day = start; day <= end; day++) {
    let best = 0
    for (const r of rs) {
      const s = IsoDate.toEpochDays(r.start)
      const e = IsoDate.toEpochDays(r.end)
      if (day >= s && day <= e) best = Math.max(best, Math.min(1, (r.daysServed ?? e - s + 1) / (e - s + 1)))
    }
    total += best
  }
  return total
}

describe("TCH-EP-5Y6M properties", () => {
  it.prop("served days equal a day-by-day oracle", [recordsArb], ([rs]) => {
    expect(evalAt(rs).servedDays).toBeCloseTo(oracle(rs, D("2024-09-01")), 6)
  }, { fastCheck: { numRuns: 60 } })

  it.prop("adding a record never raises the deficit", [recordsArb, recordArb], ([rs, extra]) => {
    expect(evalAt([...rs, extra]).deficitDays).toBeLessThanOrEqual(evalAt(rs).deficitDays + 1e-9)
  })

  it.prop("a record entirely outside the window changes nothing", [recordsArb, fc.boolean(), fc.integer({ min: 1, max: 300 })], ([rs, before, len]) => {
    const outside = before
      ? record("out", IsoDate.fromEpochDays(ASOF - 5 * 366 - 400), IsoDate.fromEpochDays(ASOF - 5 * 366 - 400 + len - 1 > ASOF - 5 * 366 - 2 ? ASOF - 5 * 366 - 2 : ASOF - 5 * 366 - 400 + len - 1))
      : record("out", IsoDate.fromEpochDays(ASOF + 1), IsoDate.fromEpochDays(ASOF + len))
    const a = evalAt(rs)
    const b = evalAt([...rs, outside])
    expect(b.servedDays).toBeCloseTo(a.servedDays, 9)
    expect(b.deficitDays).toBeCloseTo(a.deficitDays, 9)
  })

  it.prop("duplicating a record or reordering records changes nothing", [recordsArb, fc.nat()], ([rs, seed]) => {
    const a = evalAt(rs)
    const dup = rs.length > 0 ? [...rs, rs[seed % rs.length]!] : rs
    const shuffled = [...rs].sort((x, y) => ((x.id.charCodeAt(0) * 31 + seed) % 7) - ((y.id.charCodeAt(0) * 31 + seed) % 7))
    for (const other of [evalAt(dup), evalAt([...rs].reverse()), evalAt(shuffled)]) {
      expect(other.status).toBe(a.status)
      expect(other.servedDays).toBeCloseTo(a.servedDays, 9)
      expect(other.latestDate).toBe(a.latestDate)
    }
  })

  it.prop("the deficit is zero iff compliant", [recordsArb], ([rs]) => {
    const st = evalAt(rs)
    expect(st.deficitDays === 0).toBe(st.status === "compliant")
  })

  it.prop("the latest date is exact: compliant on it, non-compliant the next day, given no new records", [pastRecordsArb], ([rs]) => {
    const st = evalAt(rs)
    fc.pre(st.status === "compliant")
    expect(evalAt(rs, st.latestDate!).status).toBe("compliant")
    expect(evalAt(rs, IsoDate.addDays(st.latestDate!, 1)).status).toBe("non-compliant")
    expect(st.fallsOutOn).toBe(IsoDate.addDays(st.latestDate!, 1))
  })
})
