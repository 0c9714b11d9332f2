import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import { Grading, Jurisdiction, National, Policy } from "../src/index.js"
import type { Assessment } from "../src/index.js"
import { D } from "./fixtures.js"
import { internship as base } from "./internship-fixtures.js"

const internship = { ...base, schoolMentorIds: ["t-1"], enterpriseMentors: [{ id: "m-1", name: "王师傅" }] }
const at = (policy = National.policy) => Policy.at(policy, Jurisdiction.national, D("2025-03-10"))

const school = (report: number, conduct: number, extra: Partial<Assessment.Assessment> = {}): Assessment.Assessment => ({
  id: "as-s",
  internshipId: "i-1",
  assessor: "school",
  assessorId: "t-1",
  stage: "result",
  submittedOn: D("2025-03-05"),
  scores: [
    { criterion: "report", score: report, max: 100 },
    { criterion: "conduct", score: conduct, max: 100 }
  ],
  revision: 1,
  ...extra
})
const enterprise = (p: number, s: number, a: number, extra: Partial<Assessment.Assessment> = {}): Assessment.Assessment => ({
  id: "as-e",
  internshipId: "i-1",
  assessor: "enterprise",
  assessorId: "m-1",
  stage: "result",
  submittedOn: D("2025-03-06"),
  scores: [
    { criterion: "professionalism", score: p, max: 100 },
    { criterion: "skill", score: s, max: 100 },
    { criterion: "attitude", score: a, max: 100 }
  ],
  revision: 1,
  ...extra
})

describe("dual-subject grading (双主体考核评价)", () => {
  it("combines the school's and the enterprise's parts 50/50 and bands the rounded score (INT-ASSESS-GRADES)", () => {
    const r = Grading.grade(internship, [school(80, 90), enterprise(90, 80, 100)], at())
    // School: (80·50 + 90·50)/100 = 85; enterprise: (90·30 + 80·50 + 100·20)/100 = 87; final 86.
    expect(r.parts).toEqual({ school: 85, enterprise: 87 })
    expect(r.score).toBe(86)
    expect(r.band).toBe("good")
    expect(r.versions).toEqual({ rubric: "2021-12-31", weights: "2021-12-31", bands: "2016-04-11" })
    expect(r.findings).toEqual([])
  })

  it("PLAN-DUAL-ASSESS: no final grade without both parts; the finding names who must submit", () => {
    const r = Grading.grade(internship, [school(80, 90)], at())
    expect(r.score).toBeUndefined()
    expect(r.findings.map((f) => f.message.zh)).toEqual(["缺少企业评价，应由企业指导人员（王师傅）提交"])
  })

  it("who may grade whom: only the assigned mentor, never the student, never with a declared relation", () => {
    const rubric = at().value(National.gradingRubric)!
    expect(Either.isRight(Grading.authorise(school(80, 90), internship, rubric))).toBe(true)
    const stranger = Grading.authorise(school(80, 90, { assessorId: "t-9" }), internship, rubric)
    expect(Either.isLeft(stranger) && stranger.left.reason).toBe("not-assigned")
    const self = Grading.authorise(school(80, 90, { assessorId: "st-1" }), internship, rubric)
    expect(Either.isLeft(self) && self.left.reason).toBe("self-grading")
    const related = Grading.authorise(enterprise(90, 90, 90), { ...internship, declaredRelations: [{ mentorId: "m-1", relation: "舅舅" }] }, rubric)
    expect(Either.isLeft(related) && related.left.reason).toBe("conflict")
    const wrongOwner = Grading.authorise(school(80, 90, { scores: [{ criterion: "skill", score: 90, max: 100 }] }), internship, rubric)
    expect(Either.isLeft(wrongOwner) && wrongOwner.left.reason).toBe("wrong-owner")
    // A refused submission is reported, not silently dropped.
    const r = Grading.grade(internship, [school(80, 90), enterprise(90, 80, 100, { assessorId: "m-2" })], at())
    expect(r.score).toBeUndefined()
    expect(r.findings.some((f) => f.message.zh.includes("不予采用"))).toBe(true)
  })

  it("the latest revision of each part counts", () => {
    const r = Grading.grade(internship, [school(50, 50), school(80, 90, { id: "as-s2", revision: 2 }), enterprise(90, 80, 100)], at())
    expect(r.used).toEqual({ school: "as-s2", enterprise: "as-e" })
    expect(r.score).toBe(86)
  })

  it("a gap above the moderation threshold marks the grade for moderation with both parts", () => {
    const r = Grading.grade(internship, [school(95, 95), enterprise(60, 60, 60)], at())
    expect(r.moderation).toEqual({ gap: 35, threshold: 20 })
    expect(r.parts).toEqual({ school: 95, enterprise: 60 })
  })

  it("不合格 means the graduation condition is not met (INT-ASSESS-GRADES)", () => {
    const r = Grading.grade(internship, [school(50, 50), enterprise(50, 60, 50)], at())
    expect(r.band).toBe("fail")
    const f = r.findings.find((x) => x.ruleId === "INT-ASSESS-GRADES")
    expect(f?.message.zh).toContain("不予毕业")
  })

  it("INT-ASSESS-JOINT: a rubric whose enterprise part is attendance only is a finding", () => {
    const attendanceOnly = Policy.withOverlays(National.policy, [
      Policy.overlay({
        id: "bad-rubric",
        title: { zh: "某校量规", en: "a school rubric" },
        scope: { level: "national" },
        source: "test",
        values: [
          Policy.set(National.gradingRubric, [
            {
              effectiveFrom: D("2024-01-01"),
              value: [
                { id: "report", title: { zh: "实习报告", en: "report" }, owner: "school", weight: 1, kind: "report" },
                { id: "attendance", title: { zh: "考勤", en: "attendance" }, owner: "enterprise", weight: 1, kind: "attendance" }
              ],
              citation: { document: "某校实习考核办法", confidence: "L" },
              verified: true
            }
          ])
        ]
      })
    ])
    if (Either.isLeft(attendanceOnly)) throw attendanceOnly.left
    const r = Grading.grade(internship, [], at(attendanceOnly.right))
    expect(r.findings.find((f) => f.ruleId === "INT-ASSESS-JOINT")?.severity).toBe("violation")
  })

  it("rounds once, half up, at the end", () => {
    expect(Grading.round1(84.95)).toBe(85)
    expect(Grading.round1(84.94999)).toBe(84.9)
    expect(Grading.round1(84.94999999999999)).toBe(85)
    expect(Grading.bandOf(89.9, { excellent: 90, good: 80, pass: 60 })).toBe("good")
  })
})

const score = fc.integer({ min: 0, max: 100 })
const scores = fc.tuple(score, score, score, score, score)
const gradeOf = ([a, b, c, d, e]: ReadonlyArray<number>, extraS: Partial<Assessment.Assessment> = {}) =>
  Grading.grade(internship, [school(a!, b!, extraS), enterprise(c!, d!, e!)], at())

describe("grading properties", () => {
  it.prop("the final score stays within the scale", [scores], ([s]) => {
    const r = gradeOf(s)
    expect(r.score).toBeGreaterThanOrEqual(0)
    expect(r.score).toBeLessThanOrEqual(100)
  })

  it.prop("the score is monotone in every dimension", [scores, fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 100 })], ([s, i, bump]) => {
    const higher = s.map((x, j) => (j === i ? Math.min(100, x + bump) : x))
    expect(gradeOf(higher).score!).toBeGreaterThanOrEqual(gradeOf(s).score!)
  })

  it.prop("the order of dimensions and of assessments does not matter", [scores], ([s]) => {
    const [a, b, c, d, e] = s
    const shuffled = Grading.grade(internship, [enterprise(c, d, e, { scores: [...enterprise(c, d, e).scores].reverse() }), school(a, b, { scores: [...school(a, b).scores].reverse() })], at())
    expect(shuffled.score).toBe(gradeOf(s).score)
  })

  it.prop("scaling all weights by a constant changes nothing", [scores, fc.integer({ min: 2, max: 9 })], ([s, k]) => {
    const rubric = at().value(National.gradingRubric)!
    const scaled = Policy.withOverlays(National.policy, [
      Policy.overlay({
        id: "scaled",
        title: { zh: "缩放", en: "scaled" },
        scope: { level: "national" },
        source: "test",
        values: [
          Policy.set(National.gradingRubric, [{ effectiveFrom: D("2024-01-01"), value: rubric.map((d) => ({ ...d, weight: d.weight * k })), citation: { document: "t", confidence: "I" }, verified: true }]),
          Policy.set(National.gradingSubjectWeights, [{ effectiveFrom: D("2024-01-01"), value: { school: 50 * k, enterprise: 50 * k }, citation: { document: "t", confidence: "I" }, verified: true }])
        ]
      })
    ])
    if (Either.isLeft(scaled)) throw scaled.left
    const [a, b, c, d, e] = s
    const r = Grading.grade(internship, [school(a, b), enterprise(c, d, e)], at(scaled.right))
    expect(r.score).toBe(gradeOf(s).score)
  })
})
