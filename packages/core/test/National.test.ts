import { describe, expect, it } from "@effect/vitest"
import { IsoDate, Jurisdiction, National, Policy } from "../src/index.js"
import type { Parameter } from "../src/index.js"

// The legal numbers, read from shared/domain/regulations.md §10, as they must resolve. A change to any of them
// is a change in the law (a new dated entry), and this table says which rule it touches.
const table: ReadonlyArray<readonly [rule: string, parameter: Parameter.Any, date: string, expected: unknown, verified: boolean]> = [
  ["INT-KIND-TYPES", National.internshipKinds, "2020-09-01", ["observation", "following-post", "taking-post"], true],
  ["INT-KIND-TYPES", National.internshipKinds, "2022-09-01", ["observation", "post"], true],
  ["INT-AGE-16", National.internshipPostMinAge, "2022-09-01", 16, true],
  ["INT-GRADE-1", National.internshipPostMinGrade, "2022-09-01", 2, true],
  ["INT-LABOUR-III", National.internshipMaxLabourIntensity, "2022-09-01", 2, true],
  ["INT-LABOUR-III", National.internshipMaxLabourIntensity, "2020-09-01", undefined, true],
  ["INT-RATIO-UNIT", National.internshipUnitRatioMax, "2022-09-01", 0.1, true],
  ["INT-RATIO-POST", National.internshipPostRatioMax, "2022-09-01", 0.2, true],
  ["INT-DUR-6M", National.internshipPostDurationMonths, "2022-09-01", 6, true],
  ["INT-HOURS-8", National.internshipMaxDailyHours, "2022-09-01", 8, false],
  ["INT-HOURS-8", National.internshipMaxWeeklyHours, "2022-09-01", 40, false],
  ["INT-PAY-80", National.internshipPayMinShare, "2022-09-01", 0.8, true],
  ["INT-PAY-80", National.internshipPayBasis, "2022-09-01", "same-post-wage-or-lowest-tier", true],
  ["INT-PAY-80-2016", National.internshipPayBasis, "2020-09-01", "probation-wage", true],
  ["INT-PAY-CYCLE", National.internshipPayCycleMaxMonths, "2022-09-01", 1, true],
  ["INT-CONSENT", National.internshipConsentScope, "2022-09-01", "all", true],
  ["INT-CONSENT-2016", National.internshipConsentScope, "2020-09-01", "minors", true],
  ["INT-VENUE-BAN", National.internshipBannedVenues, "2020-09-01", ["bar", "nightclub", "ktv", "bathhouse", "other-entertainment"], true],
  ["INT-VENUE-BAN", National.internshipBannedVenues, "2022-09-01", ["bar", "nightclub", "ktv", "bathhouse", "game-hall", "internet-cafe", "other-entertainment"], true],
  ["INT-FEE-BAN", National.internshipBannedFees, "2022-09-01", ["deposit", "training", "pay-commission", "management", "materials", "employment-service", "other"], true],
  ["INT-DUR-MED", National.internshipMedicalDurationMonths, "2022-09-01", 10, false],
  ["INT-UNIT-SITEVISIT", National.internshipSiteVisitAspects, "2022-09-01", ["qualification", "integrity", "management", "posts", "hours", "work-environment", "living-environment", "health-safety"], true],
  ["INT-PENALTY-AGENCY", National.internshipAgencyFine, "2022-09-01", { minMultiple: 1, maxMultiple: 5, minBaseYuan: 10000 }, true],
  ["INT-ASSESS-GRADES", National.gradingBands, "2022-09-01", { excellent: 90, good: 80, pass: 60 }, true],
  ["INT-ASSESS-JOINT", National.gradingSubjectWeights, "2022-09-01", { school: 50, enterprise: 50 }, true],
  ["INT-ASSESS-JOINT", National.gradingModerationGap, "2022-09-01", 20, true],
  ["INT-ASSESS-JOINT", National.gradingRubric, "2020-09-01", undefined, true],
  ["INT-FILING", National.internshipGateFiling, "2022-09-01", undefined, false],
  ["INT-TRAINING", National.internshipGateTraining, "2022-09-01", undefined, false],
  ["INT-UNIT-LIST", National.internshipGateUnitList, "2022-09-01", undefined, false],
  ["INT-DISGUISE-BAN", National.internshipGateDisguise, "2022-09-01", undefined, false],
  ["TCH-EP-5Y6M", National.teacherPracticeMinMonths, "2022-09-01", 6, true],
  ["TCH-EP-5Y6M", National.teacherPracticeWindowYears, "2022-09-01", 5, true],
  ["TCH-EP-ANNUAL", National.teacherAnnualPracticeMonths, "2022-09-01", 1, false],
  ["TCH-EP-5Y6M", National.teacherPracticeDaysPerMonth, "2022-09-01", 30, true],
  ["TCH-EP-5Y6M", National.teacherPracticeHoursPerDay, "2022-09-01", 8, true],
  ["TCH-EP-5Y6M", National.teacherPracticeNoticeDays, "2022-09-01", 180, true],
  ["TCH-EP-PUBLIC", National.teacherPublicVisitPeriodYears, "2022-09-01", 1, true],
  ["AGR-TERM-3Y", National.agreementMinTermYearsWithInterns, "2022-09-01", 3, false],
  ["AGR-WRITTEN", National.agreementExpiryNoticeDays, "2022-09-01", 90, true],
  ["AGR-WRITTEN", National.agreementDeliverableNoticeDays, "2022-09-01", 30, true],
  ["APP-NEW-CONTRACT", National.apprenticeMinContractYears, "2022-09-01", 1, true],
  ["APP-NEW-DURATION", National.apprenticeUsualMaxYears, "2022-09-01", 2, true],
  ["APP-NEW-DURATION", National.apprenticeMaxYears, "2022-09-01", 3, true],
  ["APP-NEW-DURATION", National.apprenticeMinYears, "2022-09-01", 1, true],
  ["APP-NEW-SUBSIDY", National.apprenticeMinSubsidy, "2022-09-01", 5000, true],
  ["IND-ENROL-1200", National.schoolMinEnrolment, "2022-09-01", 1200, true],
  ["IND-FT-60", National.schoolMinFullTimeTeachers, "2022-09-01", 60, true],
  ["IND-STR-20", National.schoolMaxStudentsPerTeacher, "2022-09-01", 20, true],
  ["IND-SENIOR-20", National.schoolMinSeniorShare, "2022-09-01", 0.2, true],
  ["IND-PROF-50", National.schoolMinProfessionalShare, "2022-09-01", 0.5, true],
  ["IND-DS-30", National.schoolMinDualQualifiedShare, "2022-09-01", 0.3, true],
  ["IND-MAJOR-2MID", National.schoolMinMidTitleTeachersPerMajor, "2022-09-01", 2, true],
  ["PT-SHARE-STD", National.schoolPartTimeShareTarget, "2022-09-01", 0.2, true],
  ["TCH-DS-TARGET", National.dualQualifiedTarget, "2022-09-01", 0.5, false],
  ["IND-LAND", National.schoolMinLandArea, "2022-09-01", 40000, true],
  ["IND-LAND", National.schoolMinLandPerStudent, "2022-09-01", 33, true],
  ["IND-BUILD", National.schoolMinBuildingArea, "2022-09-01", 24000, true],
  ["IND-BUILD", National.schoolMinBuildingPerStudent, "2022-09-01", 20, true],
  ["IND-TRACK", National.schoolMinTrackLength, "2022-09-01", 200, true],
  ["IND-EQUIP", National.schoolMinEquipmentValue, "2023-01-01", 3_000_000, true],
  ["IND-EQUIP", National.schoolMinEquipmentPerStudent, "2023-01-01", 2500, true],
  ["IND-BOOKS", National.schoolMinBooksPerStudent, "2023-01-01", 30, true],
  ["PEI-INTERN-60", National.peiMinInternsPerYear, "2022-09-01", 60, false],
  ["DS-ELIGIBLE-INSCHOOL", National.dsContractYearsMin, "2024-09-01", 2, false],
  ["DS-ELIGIBLE-ENTERPRISE", National.retirementAgeMale, "2024-09-01", 60, false],
  ["DS-ELIGIBLE-ENTERPRISE", National.retirementAgeFemale, "2024-09-01", 55, false],
  ["DS-ETHICS-VETO", National.dsEthicsImpactYears, "2024-09-01", 1, false],
  ["DS-VALIDITY", National.dsValidityYears, "2024-09-01", 0, false],
  ["DS-ACHIEVEMENT-MID", National.dsAchievementWindowYears, "2024-09-01", 5, false],
  ["DS-TEACHER-CERT", National.dsSecondaryTeacherCertLevels, "2024-09-01", ["中等职业学校", "中等职业学校实习指导", "高级中学", "高等学校"], false],
  ["DS-TEACHER-CERT", National.dsHigherTeacherCertLevels, "2024-09-01", ["高等学校"], false],
  ["PT-EXP-YEARS", National.ptMinExperienceYears, "2024-09-01", 3, false],
  ["PT-QUAL", National.ptMinTitle, "2024-09-01", "intermediate", false],
  ["PT-QUAL", National.ptMinSkill, "2024-09-01", "level-3", false],
  ["PT-QUAL", National.ptMaxAge, "2024-09-01", 65, false],
  ["PT-TERM", National.ptTermMinMonths, "2024-09-01", undefined, false],
  ["PT-TERM", National.ptTermMaxYears, "2024-09-01", undefined, false],
  ["PT-SHARE-30", National.ptShareMax, "2024-09-01", 0.3, false],
  ["PT-QUOTA-STAFF", National.ptStaffQuotaShare, "2024-09-01", undefined, false],
  ["PEI-INTERN-60", National.peiMinInternshipMonths, "2022-09-01", 3, false],
  ["QR-TABLES", National.schoolYearStart, "2022-09-01", "09-01", true],
  ["IND-DB-TARGET", National.dabiaoTargetShare, "2024-06-01", 0.8, true],
  ["IND-DB-TARGET", National.dabiaoTargetShare, "2026-01-01", 0.9, true],
  ["IND-DB-CLASS", National.dabiaoBasicMinShare, "2024-06-01", 0.9, false],
  ["IND-DB-CLASS", National.dabiaoBasicMaxMissed, "2024-06-01", 2, false],
  ["IND-DB-SCOPE", National.dabiaoNewSchoolYear, "2024-06-01", 2022, true],
  ["IND-TECH-SCHOOL", National.techMinLandArea, "2024-06-01", 30000, true],
  ["IND-TECH-SCHOOL", National.techMinBuildingArea, "2024-06-01", 18000, true],
  ["IND-TECH-SCHOOL", National.techMinBuildingPerStudent, "2024-06-01", 20, true],
  ["IND-TECH-SCHOOL", National.techMinMajors, "2024-06-01", 3, true],
  ["IND-TECH-SCHOOL", National.techMinDiplomaStudents, "2024-06-01", 800, true],
  ["IND-TECH-SCHOOL", National.techMinEquipmentValue, "2024-06-01", 3000000, true],
  ["PLAN-MAJOR-PARTNER", National.planMajorPartnerTarget, "2024-06-01", 1, true],
  ["PLAN-TEACHER-PLAN", National.planTeacherPlanTarget, "2024-06-01", 1, true],
  ["PLAN-STUDENT-PROJECT", National.planStudentProjectTarget, "2024-06-01", 1, true],
  ["PLAN-SIX-MECHANISMS", National.planSixMechanismsTarget, "2024-06-01", 6, true],
  ["PLAN-ENTERPRISE-TEACHERS", National.planEnterpriseTeachersTarget, "2024-06-01", 0.2, true],
  ["PLAN-ORDER-CLASS", National.planOrderClassTarget, "2024-06-01", undefined, true],
  ["PLAN-DUAL-ASSESS", National.planDualAssessTarget, "2024-06-01", 1, true],
  ["PLAN-PRACTICE-COMPLIANT", National.planPracticeCompliantTarget, "2024-06-01", 1, true],
  ["PLAN-INTERN-MATCH", National.planInternMatchTarget, "2024-06-01", 1, true],
  ["PLAN-INTERN-COMPLIANT", National.planInternCompliantTarget, "2024-06-01", 1, true]
]

describe("national parameters resolve to the catalogue's numbers", () => {
  for (const [rule, parameter, date, expected, verified] of table) {
    it(`${rule}: ${parameter.id} on ${date}`, () => {
      const r = Policy.at(National.policy, Jurisdiction.national, IsoDate.unsafeMake(date)).explain(parameter)
      expect(r.value).toEqual(expected)
      expect(parameter.ruleIds).toContain(rule)
      if (r.entry !== undefined) expect(r.entry.verified).toBe(verified)
    })
  }

  const thresholds = Object.values(National.dsThresholds).flatMap((byLevel) => Object.values(byLevel).flatMap((ps) => Object.values(ps) as ReadonlyArray<Parameter.Any>))

  it("every 双师型 threshold of the pattern table is a placeholder with verified: false (TCH-DS-LEVELS)", () => {
    expect(thresholds.length).toBeGreaterThan(20)
    for (const p of thresholds) {
      expect(p.ruleIds.every((r) => r.startsWith("DS-"))).toBe(true)
      expect(p.history.every((e) => !e.verified && e.citation.confidence === "M")).toBe(true)
    }
  })

  it("the table covers every national parameter", () => {
    const covered = new Set([...table.map(([, p]) => p.id), ...thresholds.map((p) => p.id)])
    expect(National.parameters.filter((p) => !covered.has(p.id)).map((p) => p.id)).toEqual([])
  })
})
