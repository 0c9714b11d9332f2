import { IsoDate } from "../src/index.js"
import type { Teacher } from "../src/index.js"

export const D = IsoDate.unsafeMake
export const CREDIT = "91370828MA3C4P2X1N" as Teacher.PracticeRecord["enterpriseCreditCode"]

export const practice = (id: string, start: string, end: string, extra: Partial<Teacher.PracticeRecord> = {}): Teacher.PracticeRecord => ({
  id,
  enterpriseCreditCode: CREDIT,
  enterpriseName: "某企业",
  form: "post",
  start: D(start),
  end: D(end),
  content: ["new-technology"],
  ...extra
})

/** A full-time professional-course teacher with nothing on record but what `extra` adds. */
export const teacher = (extra: Partial<Teacher.Teacher> = {}): Teacher.Teacher => ({
  id: "t-1",
  schoolId: "s-1",
  name: "李老师",
  employment: "full-time",
  courseType: "professional",
  internshipTutor: false,
  hiredOn: D("2010-09-01"),
  majorCodes: [],
  titles: [],
  certificates: [],
  enterpriseExperience: [],
  practice: [],
  dualQualifications: [],
  ethicsAppraisals: [{ year: 2023, result: "qualified" }],
  awards: [],
  services: [],
  attestations: [],
  ...extra
})

export const teacherCert: Teacher.Teacher["certificates"][number] = {
  kind: "teacher-qualification",
  name: "教师资格证",
  level: "中等职业学校",
  issuedOn: D("2010-07-01")
}

export const canTeach: Teacher.Teacher["attestations"][number] = {
  criterion: "DS-CAN-TEACH-THEORY-PRACTICE",
  attestedBy: "教务处",
  attestedOn: D("2024-06-01")
}
