import { IsoDate, Jurisdiction, National, Plugin, Policy } from "@chanjiao/core"
import type { Agreement, Internship, InternshipGates, Student, Teacher } from "@chanjiao/core"
import { Fixtures } from "@chanjiao/testkit"
import * as Schema from "effect/Schema"

export const D = IsoDate.unsafeMake
export const jurisdiction = Schema.decodeSync(Jurisdiction.Jurisdiction)

export const at = (c: Plugin.Composed, j: Jurisdiction.Jurisdiction, date: string) => Policy.at(c.policy, j, D(date))
export const national = (j: Jurisdiction.Jurisdiction, date: string) => Policy.at(National.policy, j, D(date))

/** A day between two dates, for property tests. */
export const dayBetween = (fc: typeof import("effect/FastCheck"), from: string, to: string) =>
  fc.integer({ min: IsoDate.toEpochDays(D(from)), max: IsoDate.toEpochDays(D(to)) }).map(IsoDate.fromEpochDays)

export const student: Student.Student = Fixtures.student()

/** The testkit's lawful internship, filed with the city and preceded by safety training (what local packs ask). */
export const internship: Internship.Internship = Fixtures.internship({
  filing: { filedOn: D("2024-08-20"), authority: "市教育局", crossProvince: false },
  trainedOn: D("2024-08-25"),
  declaredAs: "internship"
})

export const agreement: Agreement.InternshipAgreement = Fixtures.agreement()

export const subject = (patch: Partial<Internship.Internship> = {}): InternshipGates.Subject => ({ internship: { ...internship, ...patch }, student, agreement })

/** A full-time professional-course teacher. */
export const teacher = (id: string, extra: Partial<Teacher.Teacher> = {}): Teacher.Teacher => Fixtures.teacher(id, extra)

/** A part-time enterprise teacher appointed from `start` to `end`. */
export const partTimer = (id: string, start: string, end: string, extra: Partial<Teacher.Teacher> = {}): Teacher.Teacher =>
  teacher(id, {
    employment: "part-time",
    hiredOn: D(start),
    birthDate: D("1980-01-01"),
    sex: "male",
    titles: [{ level: "intermediate", name: "工程师", series: "engineering", obtainedOn: D("2010-01-01") }],
    partTime: {
      employerName: "某机械有限公司",
      channel: "industry-mentor",
      mode: "individual",
      appointment: { start: D(start), end: D(end) },
      productionYears: 10,
      retired: false,
      performanceFile: true
    },
    ...extra
  })
