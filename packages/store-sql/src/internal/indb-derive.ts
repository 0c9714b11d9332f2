/**
 * What the SQL driver writes beside an aggregate when indicators run in the database: the side-table rows of
 * `indb-schema.ts`, derived from the aggregate's JSON in the same transaction as the aggregate write. Rule
 * results are written as data here so that the indicator queries only compare dates and numbers:
 *
 * - a teacher's practice profile (TCH-EP-5Y6M: disjoint runs of epoch days with the share served, as
 *   `Practice.profile` builds it), so "compliant on the period's last day" is a SUM over a window in SQL;
 * - a teacher's titles (with their rank) and 双师型 certifications (TCH-DS-LEVELS), dated;
 * - an internship's verdict under the internship gates (PLAN-INTERN-COMPLIANT: no `violation` finding), kept up
 *   to date when its student, its tripartite agreement or its school changes;
 * - an internship's whole months (PEI-INTERN-60's "3 months or more").
 *
 * Rows whose JSON is not an aggregate of a known type (a host's own rows through the raw driver) get none.
 *
 * @internal
 */
import type { Agreement, Assessment, Enterprise, Indicators, Internship, Policy, School, Student, Teacher } from "@chanjiao/core"
import { InternshipGates, IsoDate as Iso, National, Practice } from "@chanjiao/core"
import type { Driver } from "@chanjiao/store"
import type * as SqlClient from "@effect/sql/SqlClient"
import type { SqlError } from "@effect/sql/SqlError"
import * as Effect from "effect/Effect"
import { createHash } from "node:crypto"
import type { TableName } from "./indb-schema.js"
import { specs, table } from "./indb-schema.js"

type Row = Driver.Row
type Values = Record<string, string | number | null>

/** The policy the internship gates run under at save time unless the store names another. */
export const defaultGatesPolicy: Policy.Policy = National.policy

const fingerprints = new WeakMap<Policy.Policy, string>()

/**
 * What a policy's verdicts depend on, as a short stable string stored with each internship verdict: its id, and a
 * SHA-256 of its parameters' histories, its overlays (scope and values) and its rules' ids, versions and the
 * parameters they read. Two policies with the same fingerprint judge alike (the rules' code aside: after upgrading
 * `@chanjiao/core`, run `InDb.rebuild`).
 */
export const fingerprint = (policy: Policy.Policy): string => {
  let f = fingerprints.get(policy)
  if (f === undefined) {
    const data = {
      id: policy.id,
      parameters: policy.parameters.map((p) => [p.id, p.history]),
      overlays: policy.overlays.map((o) => [o.id, o.scope, o.values]),
      rules: policy.rules.rules.map((r) => [r.id, r.subject, r.versions.map((v) => [v.effectiveFrom, v.parameters.map((p) => p.id)])])
    }
    f = `${policy.id.slice(0, 180)}@${createHash("sha256").update(JSON.stringify(data)).digest("hex").slice(0, 32)}`
    fingerprints.set(policy, f)
  }
  return f
}

/** The hours a practice day counts when a record is kept in hours, as derived at save time (TCH-EP-5Y6M). */
export const derivedHoursPerDay: number = (() => {
  const h = National.teacherPracticeHoursPerDay.history
  const v = h[h.length - 1]?.value
  return typeof v === "number" ? v : 8
})()

const chunkRows = 500

const flag = (b: boolean): number => (b ? 1 : 0)

/** The largest number of whole months an internship covers (PEI-INTERN-60: `end ≥ start + m months − 1 day`). */
export const wholeMonths = (start: string, end: string): number => {
  let m = 0
  while (m < 1200 && end >= Iso.addDays(Iso.addMonths(start as Iso.IsoDate, m + 1), -1)) m++
  return m
}

/** The side rows of one aggregate, by table. */
interface Derived {
  readonly rows: Map<TableName, Array<Values>>
  readonly items: Array<Values>
}

const item = (kind: string, owner: string, ord: number, v: Partial<Values>): Values => ({ kind, owner_id: owner, ord, school_id: null, d1: null, d2: null, i1: null, i2: null, num: null, txt: null, label: null, ...v })

/** Which `item` kinds each aggregate type owns (deleted before its rows are written again). */
export const itemKinds: Readonly<Record<string, ReadonlyArray<string>>> = {
  teacher: ["title", "dual", "practice", "service", "teacher-major"],
  "training-base": ["base-major", "base-enterprise"],
  "cooperation-agreement": ["mechanism", "partner", "textbook"]
}

/** Which table each aggregate type has. */
export const tableOf: Readonly<Record<string, TableName>> = {
  school: "school",
  major: "major",
  "training-base": "base",
  teacher: "teacher",
  student: "student",
  "cooperation-agreement": "coop",
  internship: "internship",
  assessment: "assessment",
  "school-facts": "facts",
  enterprise: "enterprise",
  "apprenticeship-agreement": "apprentice"
}

const derive = (row: Row, value: unknown, out: Derived): void => {
  const add = (name: TableName, v: Values) => {
    let list = out.rows.get(name)
    if (list === undefined) out.rows.set(name, (list = []))
    list.push(v)
  }
  switch (row.type) {
    case "school": {
      const s = value as School.School
      add("school", { id: s.id, kind: s.type, attached: flag(s.attachedClassesOnly), founded_year: s.foundedOn === undefined ? null : Number(s.foundedOn.slice(0, 4)) })
      return
    }
    case "major": {
      const m = value as School.Major
      add("major", { id: m.id, school_id: m.schoolId, code: m.code, enrolling: flag(m.enrolling) })
      return
    }
    case "training-base": {
      const b = value as School.TrainingBase
      add("base", { id: b.id, school_id: b.schoolId, agreement_id: b.agreementId ?? null, cobuilt: flag(b.coBuiltWith.length > 0) })
      b.majorCodes.forEach((m, k) => out.items.push(item("base-major", b.id, k, { school_id: b.schoolId, txt: m })))
      b.coBuiltWith.forEach((e, k) => out.items.push(item("base-enterprise", b.id, k, { school_id: b.schoolId, txt: e })))
      return
    }
    case "teacher": {
      const t = value as Teacher.Teacher
      const pt = t.employment === "part-time" ? t.partTime : undefined
      const hourRecords = t.practice.some((r) => r.daysServed === undefined && r.hoursServed !== undefined)
      add("teacher", {
        id: t.id,
        school_id: t.schoolId,
        full_time: flag(t.employment !== "part-time"),
        professional: flag(t.courseType === "professional"),
        hired_on: t.hiredOn,
        left_on: t.leftOn ?? null,
        pt_start: pt?.appointment.start ?? null,
        pt_end: pt?.appointment.end ?? null,
        pt_employer: pt?.employerCreditCode ?? null,
        plan_start: t.developmentPlan?.period.start ?? null,
        plan_end: t.developmentPlan?.period.end ?? null,
        hour_records: flag(hourRecords)
      })
      const titleRank: Readonly<Record<string, number>> = { none: 0, junior: 1, intermediate: 2, "associate-senior": 3, senior: 4 }
      t.titles.forEach((x, k) => out.items.push(item("title", t.id, k, { d1: x.obtainedOn, i1: titleRank[x.level] ?? 0 })))
      t.dualQualifications.forEach((q, k) => out.items.push(item("dual", t.id, k, { d1: q.certifiedOn, d2: q.revokedOn ?? null })))
      // TCH-EP-5Y6M: the coverage profile (the largest share of any record covering each day), as the core builds it.
      Practice.profile(Practice.spans(t.practice, derivedHoursPerDay)).forEach((seg, k) => out.items.push(item("practice", t.id, k, { i1: seg.s, i2: seg.e, num: seg.share })))
      t.services.forEach((sv, k) => {
        if (sv.kind === "social-training" || sv.kind === "technical-service")
          out.items.push(item("service", t.id, k, { school_id: t.schoolId, d1: sv.date, num: sv.beneficiaries ?? 0, txt: sv.kind, label: `${t.id}/${sv.title}@${sv.date}` }))
      })
      t.majorCodes.forEach((m, k) => out.items.push(item("teacher-major", t.id, k, { school_id: t.schoolId, txt: m })))
      return
    }
    case "student": {
      const s = value as Student.Student
      add("student", {
        id: s.id,
        school_id: s.schoolId,
        counted: flag(s.status === "enrolled" && s.fullTimeDiploma),
        enrolled_on: s.enrolledOn,
        project_on: s.specialProject?.assignedOn ?? null,
        coop_on: s.cooperativeClass?.joinedOn ?? null,
        coop_agreement: s.cooperativeClass?.agreementId ?? null
      })
      return
    }
    case "cooperation-agreement": {
      const a = value as Agreement.CooperationAgreement
      add("coop", {
        id: a.id,
        school_id: a.schoolId,
        enterprise_id: a.enterpriseId,
        credit_code: a.enterpriseCreditCode,
        machine: flag(a.lifecycle !== undefined),
        state: a.lifecycle?.state ?? null,
        term_start: a.term.start,
        term_end: a.term.end,
        signatures: a.signatures.length
      })
      a.mechanisms.forEach((m, k) => out.items.push(item("mechanism", a.id, k, { school_id: a.schoolId, txt: m })))
      a.leadingPartnerFor.forEach((m, k) => out.items.push(item("partner", a.id, k, { school_id: a.schoolId, txt: m })))
      a.deliverables.forEach((d, k) => {
        // PLAN-TEXTBOOKS counts delivered textbooks by their delivery date.
        if (d.kind === "textbook" && d.state === "delivered" && d.deliveredOn !== undefined) out.items.push(item("textbook", a.id, k, { school_id: a.schoolId, d1: d.deliveredOn, label: `${a.id}/${d.id}` }))
      })
      return
    }
    case "internship": {
      const i = value as Internship.Internship
      add("internship", {
        id: i.id,
        school_id: i.schoolId,
        post: flag(i.kind !== "observation"),
        start_on: i.start,
        end_on: i.end,
        matching: flag(i.post.majorMatch !== "unrelated"),
        student_id: i.studentId,
        agreement_id: i.agreementId ?? null,
        unit_code: i.unit.creditCode ?? null,
        months: wholeMonths(i.start, i.end),
        gates_policy: null,
        gates_ok: 0
      })
      return
    }
    case "assessment": {
      const a = value as Assessment.Assessment
      add("assessment", { id: a.id, internship_id: a.internshipId, bit: a.stage !== "result" ? 0 : a.assessor === "school" ? 1 : 2 })
      return
    }
    case "school-facts": {
      const f = value as Indicators.SchoolFacts
      add("facts", { id: row.id, school_id: f.schoolId, as_of: f.asOf, land: f.landArea, building: f.buildingArea, track: f.trackLength ?? null, equipment: f.equipmentValue, books: f.books })
      return
    }
    case "enterprise": {
      const e = value as Enterprise.Enterprise
      add("enterprise", { id: e.id, credit_code: e.creditCode })
      return
    }
    case "apprenticeship-agreement": {
      const a = value as Agreement.ApprenticeshipAgreement
      add("apprentice", { id: a.id, school_id: a.schoolId, enterprise_id: a.enterpriseId, term_start: a.term.start, term_end: a.term.end })
      return
    }
  }
}

const parse = (row: Row): unknown => {
  try {
    const v: unknown = JSON.parse(row.data)
    return typeof v === "object" && v !== null ? v : undefined
  } catch {
    return undefined
  }
}

const chunks = <A>(items: ReadonlyArray<A>, size: number): ReadonlyArray<ReadonlyArray<A>> => {
  const out: Array<ReadonlyArray<A>> = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/**
 * The writer of side rows for one prefix.
 *
 * @internal
 */
export interface Writer {
  /** Writes (replaces) the side rows of aggregates just written, and the gate verdicts that depend on them. */
  readonly write: (rows: ReadonlyArray<Row>) => Effect.Effect<void, SqlError>
}

/** @internal */
export const make = (sql: SqlClient.SqlClient, prefix: string, aggregatesTable: string, gatesPolicy: Policy.Policy = defaultGatesPolicy): Writer => {
  const gatesKey = fingerprint(gatesPolicy)
  const T = (name: TableName) => sql(table(prefix, name))
  const A = sql(aggregatesTable)

  const insertAll = (name: TableName, rows: ReadonlyArray<Values>) =>
    Effect.forEach(chunks(rows, chunkRows), (chunk) => sql`INSERT INTO ${T(name)} ${sql.insert(chunk as Array<Values>)}`, { discard: true })

  /** The aggregates of a type by id, parsed (read inside the caller's transaction: it sees its own writes). */
  const readJson = (type: string, ids: ReadonlyArray<string>) =>
    Effect.map(
      Effect.forEach(chunks(ids, chunkRows), (chunk) => sql<{ readonly id: string; readonly data: string }>`SELECT id, data FROM ${A} WHERE type = ${type} AND ${sql.in("id", chunk)}`),
      (pages) => {
        const out = new Map<string, unknown>()
        for (const page of pages) for (const r of page) out.set(r.id, parse({ data: r.data } as Row))
        return out
      }
    )

  const idsWhere = (column: string, values: ReadonlyArray<string>) =>
    Effect.map(
      Effect.forEach(chunks(values, chunkRows), (chunk) => sql<{ readonly id: string }>`SELECT id FROM ${T("internship")} WHERE ${sql.in(column, chunk)}`),
      (pages) => pages.flatMap((p) => p.map((r) => r.id))
    )

  /** PLAN-INTERN-COMPLIANT: each internship's gate verdict (no violation), under the store's gates policy. */
  const judge = (written: ReadonlyMap<string, Internship.Internship>, others: ReadonlyArray<string>) =>
    Effect.gen(function* () {
      const more = others.filter((id) => !written.has(id))
      const loaded = more.length === 0 ? new Map<string, unknown>() : yield* readJson("internship", more)
      // Only what looks like an internship (a host's raw rows may not): the rest keeps no verdict.
      const looksRight = (v: unknown): v is Internship.Internship => {
        const i = v as Partial<Record<"id" | "studentId" | "schoolId", unknown>> | undefined
        return i !== undefined && typeof i.id === "string" && typeof i.studentId === "string" && typeof i.schoolId === "string"
      }
      const internships: Array<Internship.Internship> = [...written.values()].filter(looksRight)
      for (const v of loaded.values()) if (looksRight(v)) internships.push(v)
      if (internships.length === 0) return
      const students = yield* readJson("student", [...new Set(internships.map((i) => i.studentId))])
      const agreementIds = [...new Set(internships.flatMap((i) => (i.agreementId === undefined ? [] : [i.agreementId])))]
      const agreements = agreementIds.length === 0 ? new Map<string, unknown>() : yield* readJson("internship-agreement", agreementIds)
      const schools = yield* readJson("school", [...new Set(internships.map((i) => i.schoolId))])
      const checkers = new Map<string, InternshipGates.Checker>()
      const ok: Array<string> = []
      const notOk: Array<string> = []
      for (const i of internships) {
        const student = students.get(i.studentId) as Student.Student | undefined
        const school = schools.get(i.schoolId) as School.School | undefined
        // As in the core: no student, no findings, not counted compliant; the checker of the internship's school.
        // Not exact in one case: the student and agreement are found here whatever their school, while the
        // in-memory computation over one scope's dataset finds only those of the schools in scope.
        if (student === undefined || school === undefined) {
          notOk.push(i.id)
          continue
        }
        let checker = checkers.get(i.schoolId)
        if (checker === undefined) {
          checker = InternshipGates.checker(gatesPolicy, { province: school.province, ...(school.city === undefined ? {} : { city: school.city }), school: school.code })
          checkers.set(i.schoolId, checker)
        }
        const agreement = i.agreementId === undefined ? undefined : (agreements.get(i.agreementId) as Agreement.InternshipAgreement | undefined)
        let compliant: boolean
        try {
          compliant = !checker.check({ internship: i, student, agreement }).some((f) => f.severity === "violation")
        } catch {
          // Not an aggregate the gates can read (a host's raw row): no verdict of compliance.
          compliant = false
        }
        if (compliant) ok.push(i.id)
        else notOk.push(i.id)
      }
      for (const [ids, value] of [[ok, 1], [notOk, 0]] as const)
        for (const chunk of chunks(ids, chunkRows)) yield* sql`UPDATE ${T("internship")} SET gates_ok = ${value}, gates_policy = ${gatesKey} WHERE ${sql.in("id", chunk)}`
    })

  const write: Writer["write"] = (rows) =>
    Effect.gen(function* () {
      const derived: Derived = { rows: new Map(), items: [] }
      const owners = new Map<TableName, Array<string>>()
      const itemOwners = new Map<string, Array<string>>()
      const internships = new Map<string, Internship.Internship>()
      const students: Array<string> = []
      const agreements: Array<string> = []
      const schools: Array<string> = []
      for (const row of rows) {
        const name = tableOf[row.type]
        if (name === undefined && row.type !== "internship-agreement") continue
        const value = parse(row)
        if (value === undefined) continue
        if (itemKinds[row.type] !== undefined) {
          let list = itemOwners.get(row.type)
          if (list === undefined) itemOwners.set(row.type, (list = []))
          list.push(row.id)
        }
        if (name !== undefined) {
          let list = owners.get(name)
          if (list === undefined) owners.set(name, (list = []))
          list.push(row.id)
          // A row of a known type whose JSON is not such an aggregate (a host's own write through the raw driver)
          // gets no side rows (its old ones are deleted above), rather than failing the write.
          const one: Derived = { rows: new Map(), items: [] }
          const v = value as Record<string, unknown>
          if ((row.type === "school-facts" ? `${String(v.schoolId)}@${String(v.asOf)}` : v.id) !== row.id) continue
          try {
            derive(row, value, one)
          } catch {
            continue
          }
          for (const [t, list] of one.rows) {
            let all = derived.rows.get(t)
            if (all === undefined) derived.rows.set(t, (all = []))
            all.push(...list)
          }
          derived.items.push(...one.items)
        }
        if (row.type === "internship") internships.set(row.id, value as Internship.Internship)
        else if (row.type === "student") students.push(row.id)
        else if (row.type === "internship-agreement") agreements.push(row.id)
        else if (row.type === "school") schools.push(row.id)
      }
      for (const [name, ids] of owners) for (const chunk of chunks(ids, chunkRows)) yield* sql`DELETE FROM ${T(name)} WHERE ${sql.in("id", chunk)}`
      for (const [type, ids] of itemOwners)
        for (const chunk of chunks(ids, chunkRows)) yield* sql`DELETE FROM ${T("item")} WHERE ${sql.in("kind", itemKinds[type]!)} AND ${sql.in("owner_id", chunk)}`
      for (const [name, list] of derived.rows) yield* insertAll(name, list)
      if (derived.items.length > 0) yield* insertAll("item", derived.items)
      // Verdicts that depend on what was written: the internships themselves, and those of a written student,
      // tripartite agreement or school.
      const others = [
        ...(students.length === 0 ? [] : yield* idsWhere("student_id", students)),
        ...(agreements.length === 0 ? [] : yield* idsWhere("agreement_id", agreements)),
        ...(schools.length === 0 ? [] : yield* idsWhere("school_id", schools))
      ]
      if (internships.size > 0 || others.length > 0) yield* judge(internships, [...new Set(others)])
    })

  return { write }
}

/** Every column of a table, in order (for the rebuild's and the tests' checks). @internal */
export const columnsOf = (name: TableName): ReadonlyArray<string> => specs[name].columns.map(([c]) => c)
