/**
 * Indicators computed by SQL aggregate queries over the side tables (`indb-schema.ts`): one query counts every
 * population the definitions need, grouped by school (and major); the school facts, the mechanisms in use and
 * the enterprise conditions are three more; the verdicts, thresholds and citations come from the policy
 * exactly as `Indicators.compute` resolves them. Provenance, when asked for, is one query per population.
 *
 * @internal
 */
import type { Policy, School } from "@chanjiao/core"
import { Indicators, IsoDate as Iso, National, Practice } from "@chanjiao/core"
import type * as SqlClient from "@effect/sql/SqlClient"
import type { SqlError } from "@effect/sql/SqlError"
import type { Fragment } from "@effect/sql/Statement"
import * as Effect from "effect/Effect"
import type { Compiled, Fact, MajorPopulation, Population } from "./indb-catalogue.js"
import { compiled, keyOf } from "./indb-catalogue.js"
import { derivedHoursPerDay, fingerprint } from "./indb-derive.js"
import type { TableName } from "./indb-schema.js"
import { table } from "./indb-schema.js"

type Value = Indicators.Value
type Definition = Indicators.Definition

/** Which schools: all of them, or a list. @internal */
export type Scope = { readonly _tag: "all" } | { readonly _tag: "schools"; readonly schoolIds: ReadonlyArray<string> }

/** Why the database cannot give the in-memory answer (see `InDbError`). @internal */
export class Unsupported {
  constructor(
    readonly reason: "unsupported-definition" | "unsupported-policy",
    readonly detailZh: string,
    readonly detailEn: string
  ) {}
}

const sixMechanisms = ["talent", "bases", "staff", "information", "service", "culture"] as const

const n = (x: unknown): number => (typeof x === "number" ? x : typeof x === "bigint" ? Number(x) : typeof x === "string" ? Number(x) : 0)

/** The first certification date still valid on `on` (DualQualified.holdsAnyOn: certifiedOn + validity years > on). */
export const validSince = (on: Iso.IsoDate, validityYears: number): Iso.IsoDate | undefined => {
  if (!(validityYears > 0)) return undefined
  // addYears is monotone in its date: walk up from a few days before the candidate to the first that holds.
  let c = Iso.addDays(Iso.addYears(on, -validityYears), -5)
  while (!(Iso.addYears(c, validityYears) > on)) c = Iso.addDays(c, 1)
  return c
}

/** The first epoch day of the practice window ending on `on` (as `Practice.evaluate` counts it: the same day
 * `years` years earlier, the last of its month when that month is shorter, plus one). */
const windowFrom = (on: Iso.IsoDate, years: number): number => {
  const p = Iso.parts(on)
  const y = p.year - years
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
  const dim = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][p.month - 1]!
  const d = Math.min(p.day, dim)
  return Iso.toEpochDays(Iso.unsafeMake(`${String(y).padStart(4, "0")}-${String(p.month).padStart(2, "0")}-${String(d).padStart(2, "0")}`)) + 1
}

/** Populations over one FROM (its WHERE included): school, key, record id and order columns. */
interface Group {
  readonly s: string
  readonly k: string
  readonly rid: string
  readonly o1: string
  readonly o2: string
  readonly from: Fragment
}

/** A population: its group and predicate, and the value summed (1 for a count). */
interface Pop {
  readonly group: string
  readonly pred: Fragment
  readonly v?: string
}

interface Params {
  readonly period: Indicators.Period
  readonly policy: Policy.Resolved
  readonly scope: Scope
}

/** @internal */
export const make = (sql: SqlClient.SqlClient, prefix: string) => {
  const T = (name: TableName) => sql(table(prefix, name))
  const lit = (x: number) => sql.literal(Number.isFinite(x) ? String(x) : "0")

  const queries = (p: Params) => {
    const on = p.period.end
    const start = p.period.start
    const inScope = (column: string): Fragment => (p.scope._tag === "all" ? sql.literal("1 = 1") : p.scope.schoolIds.length === 0 ? sql.literal("1 = 0") : sql.in(column, p.scope.schoolIds))
    const existing = (column: string): Fragment => sql`${sql.literal(column)} IN (SELECT id FROM ${T("school")})`
    const inForce = (c: string) =>
      sql`((${sql.literal(c)}.machine = 1 AND ${sql.literal(c)}.state IN ('in-force', 'expiring')) OR (${sql.literal(c)}.machine = 0 AND ${sql.literal(c)}.signatures >= 2)) AND ${sql.literal(c)}.term_start <= ${on} AND ${sql.literal(c)}.term_end >= ${on}`
    const validity = p.policy.value(National.dsValidityYears) ?? 0
    const since = validSince(on, validity)
    const settings = Practice.settings(p.policy)
    const today = Iso.toEpochDays(on)
    const none = sql.literal("1 = 0")
    const all = sql.literal("1 = 1")

    // Teachers on the period's last day, with what their lists say on that day joined in (one row each):
    // - ti.best: the highest title rank obtained by then (IND-SENIOR-20, IND-MAJOR-2MID);
    // - dq: holds a 双师型 certification (DualQualified.holdsAnyOn, DS-VALIDITY);
    // - pr.served: days of enterprise practice in the window ending that day (TCH-EP-5Y6M, Practice.evaluate); the
    //   database adds the segments in its own order, Node in date order: the sums can differ in the last bits, so
    //   served days within about 1e-12 of the requirement (inside the core's 1e-9 tolerance) could be judged
    //   differently — not exact in that sliver, never seen in the tests;
    // - pc: the employer of a part-time teacher is a partner under an agreement in force (PLAN-ENTERPRISE-TEACHERS).
    const served =
      settings === undefined
        ? sql.literal("")
        : (() => {
            const from = windowFrom(on, settings.windowYears)
            return sql` LEFT JOIN (SELECT i.owner_id, SUM(((CASE WHEN i.i2 < ${lit(today)} THEN i.i2 ELSE ${lit(today)} END) - (CASE WHEN i.i1 > ${lit(from)} THEN i.i1 ELSE ${lit(from)} END) + 1) * i.num) AS served FROM ${T("item")} i WHERE i.kind = 'practice' AND i.i2 >= ${lit(from)} AND i.i1 <= ${lit(today)} GROUP BY i.owner_id) pr ON pr.owner_id = t.id`
          })()
    const teachers = sql`FROM ${T("teacher")} t
 LEFT JOIN (SELECT i.owner_id, MAX(i.i1) AS best FROM ${T("item")} i WHERE i.kind = 'title' AND i.d1 <= ${on} GROUP BY i.owner_id) ti ON ti.owner_id = t.id
 LEFT JOIN (SELECT DISTINCT i.owner_id FROM ${T("item")} i WHERE i.kind = 'dual' AND i.d1 <= ${on} AND (i.d2 IS NULL OR i.d2 > ${on})${since === undefined ? sql.literal("") : sql` AND i.d1 >= ${since}`}) dq ON dq.owner_id = t.id${served}
 LEFT JOIN (SELECT DISTINCT c.school_id, c.credit_code FROM ${T("coop")} c WHERE ${inForce("c")}) pc ON pc.school_id = t.school_id AND pc.credit_code = t.pt_employer
 WHERE t.hired_on <= ${on} AND (t.left_on IS NULL OR t.left_on > ${on}) AND ${inScope("t.school_id")}`
    const ft = sql.literal("t.full_time = 1")
    const prof = sql.literal("t.full_time = 1 AND t.professional = 1")
    const partTime = sql`t.full_time = 0 AND t.pt_start <= ${on} AND t.pt_end >= ${on}`
    const coBuilt = sql`WHERE b.cobuilt = 1 AND b.agreement_id IS NOT NULL AND ${inScope("b.school_id")} AND EXISTS (SELECT 1 FROM ${T("coop")} c WHERE c.id = b.agreement_id AND ${inForce("c")} AND ${existing("c.school_id")}${p.scope._tag === "all" ? sql.literal("") : sql` AND ${inScope("c.school_id")}`})`
    const hasMidTitle = sql`EXISTS (SELECT 1 FROM ${T("item")} x WHERE x.kind = 'title' AND x.owner_id = t.id AND x.d1 <= ${on} AND x.i1 >= 2)`

    // Groups of populations over one FROM: counted together with conditional aggregates (one pass per table).
    const groups: Record<string, Group> = {
      students: {
        s: "x.school_id", k: "''", rid: "x.id", o1: "x.id", o2: "0",
        from: sql`FROM ${T("student")} x WHERE x.counted = 1 AND x.enrolled_on <= ${on} AND ${inScope("x.school_id")}`
      },
      teachers: { s: "t.school_id", k: "''", rid: "t.id", o1: "t.id", o2: "0", from: teachers },
      internships: {
        s: "x.school_id", k: "''", rid: "x.id", o1: "x.id", o2: "0",
        from: sql`FROM ${T("internship")} x LEFT JOIN (SELECT a.internship_id, MAX(CASE WHEN a.bit = 1 THEN 1 ELSE 0 END) AS sb, MAX(CASE WHEN a.bit = 2 THEN 1 ELSE 0 END) AS eb FROM ${T("assessment")} a GROUP BY a.internship_id) a ON a.internship_id = x.id
 WHERE x.post = 1 AND x.start_on <= ${on} AND x.end_on >= ${start} AND ${inScope("x.school_id")}`
      },
      majors: {
        s: "m.school_id", k: "''", rid: "m.id", o1: "m.id", o2: "0",
        from: sql`FROM ${T("major")} m LEFT JOIN (SELECT DISTINCT c.school_id, i.txt AS code FROM ${T("item")} i JOIN ${T("coop")} c ON c.id = i.owner_id WHERE i.kind = 'partner' AND ${inForce("c")}) pm ON pm.school_id = m.school_id AND pm.code = m.code
 WHERE m.enrolling = 1 AND ${inScope("m.school_id")}`
      },
      bases: { s: "b.school_id", k: "''", rid: "b.id", o1: "b.id", o2: "0", from: sql`FROM ${T("base")} b ${coBuilt}` },
      basesByMajor: { s: "b.school_id", k: "i.txt", rid: "b.id", o1: "b.id", o2: "i.ord", from: sql`FROM ${T("base")} b JOIN ${T("item")} i ON i.kind = 'base-major' AND i.owner_id = b.id ${coBuilt}` },
      textbooks: { s: "i.school_id", k: "''", rid: "i.label", o1: "i.owner_id", o2: "i.ord", from: sql`FROM ${T("item")} i WHERE i.kind = 'textbook' AND i.d1 >= ${start} AND i.d1 <= ${on} AND ${inScope("i.school_id")}` },
      services: {
        s: "t.school_id", k: "''", rid: "i.label", o1: "i.owner_id", o2: "i.ord",
        from: sql`FROM ${T("item")} i JOIN ${T("teacher")} t ON t.id = i.owner_id WHERE i.kind = 'service' AND i.d1 >= ${start} AND i.d1 <= ${on} AND t.full_time = 1 AND t.hired_on <= ${on} AND (t.left_on IS NULL OR t.left_on > ${on}) AND ${inScope("t.school_id")}`
      },
      midTitle: {
        s: "t.school_id", k: "i.txt", rid: "t.id", o1: "t.id", o2: "i.ord",
        from: sql`FROM ${T("teacher")} t JOIN ${T("item")} i ON i.kind = 'teacher-major' AND i.owner_id = t.id WHERE t.full_time = 1 AND t.hired_on <= ${on} AND (t.left_on IS NULL OR t.left_on > ${on}) AND ${inScope("t.school_id")} AND ${hasMidTitle}`
      },
      mechanisms: {
        s: "c.school_id", k: "''", rid: "c.id", o1: "c.id", o2: "0",
        from: sql`FROM ${T("coop")} c WHERE ${inForce("c")} AND ${inScope("c.school_id")} AND EXISTS (SELECT 1 FROM ${T("item")} i WHERE i.kind = 'mechanism' AND i.owner_id = c.id AND ${sql.in("i.txt", sixMechanisms)})`
      }
    }
    const pops: Record<Population | MajorPopulation, Pop> = {
      students: { group: "students", pred: all },
      studentsWithProject: { group: "students", pred: sql`x.project_on <= ${on}` },
      studentsInCooperativeClass: { group: "students", pred: sql`x.coop_on <= ${on}` },
      fullTime: { group: "teachers", pred: ft },
      fullTimeProfessional: { group: "teachers", pred: prof },
      fullTimeSenior: { group: "teachers", pred: sql`${ft} AND ti.best >= 3` },
      dualHeldProfessional: { group: "teachers", pred: sql`${prof} AND dq.owner_id IS NOT NULL` },
      dualHeldFullTime: { group: "teachers", pred: sql`${ft} AND dq.owner_id IS NOT NULL` },
      partTime: { group: "teachers", pred: partTime },
      partTimeFromPartners: { group: "teachers", pred: sql`${partTime} AND pc.credit_code IS NOT NULL` },
      withCurrentPlan: { group: "teachers", pred: sql`${ft} AND t.plan_start <= ${on} AND t.plan_end >= ${on}` },
      practiceApplicable: { group: "teachers", pred: settings === undefined ? none : prof },
      // Practice.evaluate: compliant iff served + EPS ≥ required days (EPS = 1e-9, as in the core).
      practiceCompliant: { group: "teachers", pred: settings === undefined ? none : sql`${prof} AND COALESCE(pr.served, 0) + 1e-9 >= ${lit(settings.requiredDays)}` },
      postInternships: { group: "internships", pred: all },
      postInternshipsMatching: { group: "internships", pred: sql.literal("x.matching = 1") },
      postInternshipsCompliant: { group: "internships", pred: sql.literal("x.gates_ok = 1") },
      postInternshipsEnded: { group: "internships", pred: sql`x.end_on <= ${on}` },
      postInternshipsAssessedByBoth: { group: "internships", pred: sql`x.end_on <= ${on} AND a.sb = 1 AND a.eb = 1` },
      enrollingMajors: { group: "majors", pred: all },
      majorsWithPartner: { group: "majors", pred: sql.literal("pm.code IS NOT NULL") },
      coBuiltBases: { group: "bases", pred: all },
      coBuiltBasesByMajor: { group: "basesByMajor", pred: all },
      textbooks: { group: "textbooks", pred: all },
      socialTraining: { group: "services", pred: sql.literal("i.txt = 'social-training'"), v: "i.num" },
      technicalServices: { group: "services", pred: sql.literal("i.txt = 'technical-service'") },
      midTitleByMajor: { group: "midTitle", pred: all },
      mechanismAgreements: { group: "mechanisms", pred: all }
    }
    const mechanismsUsed = sql`SELECT c.school_id AS s, COUNT(DISTINCT i.txt) AS n FROM ${T("coop")} c JOIN ${T("item")} i ON i.kind = 'mechanism' AND i.owner_id = c.id WHERE ${inForce("c")} AND ${inScope("c.school_id")} AND ${sql.in("i.txt", sixMechanisms)} GROUP BY c.school_id`
    // The latest facts on or before the period's last day.
    const facts = sql`SELECT f.id, f.school_id, f.land, f.building, f.track, f.equipment, f.books FROM ${T("facts")} f WHERE f.as_of <= ${on} AND ${inScope("f.school_id")} AND NOT EXISTS (SELECT 1 FROM ${T("facts")} g WHERE g.school_id = f.school_id AND g.as_of <= ${on} AND g.as_of > f.as_of)`
    const schools = sql`SELECT id, kind, attached, founded_year FROM ${T("school")} WHERE ${inScope("id")} ORDER BY id`
    const majors = sql`SELECT m.id, m.school_id, m.code FROM ${T("major")} m WHERE m.enrolling = 1 AND ${inScope("m.school_id")} ORDER BY m.id`
    return { groups, pops, mechanismsUsed, facts, schools, majors, on, start, inScope, settings }
  }

  /** Enterprise figures (PEI-INTERN-60, PEI-ONE-OF) over the scope's records. */
  const enterpriseQueries = (p: Params, months: number) => {
    const on = p.period.end
    const start = p.period.start
    const inScope = (column: string): Fragment => (p.scope._tag === "all" ? sql.literal("1 = 1") : p.scope.schoolIds.length === 0 ? sql.literal("1 = 0") : sql.in(column, p.scope.schoolIds))
    // Enterprises: all of them, or those the scope's agreements name (as Store.loadDataset loads them).
    const enterprises =
      p.scope._tag === "all"
        ? sql`SELECT id, credit_code FROM ${T("enterprise")} ORDER BY id`
        : sql`SELECT e.id, e.credit_code FROM ${T("enterprise")} e WHERE e.id IN (SELECT c.enterprise_id FROM ${T("coop")} c WHERE ${inScope("c.school_id")}) OR e.id IN (SELECT a.enterprise_id FROM ${T("apprentice")} a WHERE ${inScope("a.school_id")}) ORDER BY e.id`
    const interns = sql`SELECT DISTINCT x.unit_code AS code, x.student_id AS student FROM ${T("internship")} x WHERE x.unit_code IS NOT NULL AND x.start_on <= ${on} AND x.end_on >= ${start} AND x.months >= ${lit(months)} AND ${inScope("x.school_id")}`
    const withClass = sql`SELECT DISTINCT c.enterprise_id AS id FROM ${T("coop")} c WHERE ${inScope("c.school_id")} AND c.id IN (SELECT x.coop_agreement FROM ${T("student")} x WHERE x.coop_agreement IS NOT NULL AND ${inScope("x.school_id")})`
    const apprenticeships = sql`SELECT DISTINCT a.enterprise_id AS id FROM ${T("apprentice")} a WHERE ${inScope("a.school_id")} AND a.term_start <= ${on} AND a.term_end >= ${start}`
    const sharedBases = sql`SELECT DISTINCT i.txt AS id FROM ${T("item")} i WHERE i.kind = 'base-enterprise' AND ${inScope("i.school_id")}`
    return { enterprises, interns, withClass, apprenticeships, sharedBases }
  }

  return { queries, enterpriseQueries, sql, prefixOf: prefix }
}

/** The threshold of a definition as `Indicators.compute` resolves it. */
interface SchoolRow {
  readonly id: string
  readonly kind: string
  readonly attached: boolean
  readonly foundedYear: number | undefined
}

/** Compiles the definitions, or says which one cannot be. @internal */
export const compile = (definitions: ReadonlyArray<Definition>): ReadonlyArray<Compiled> | Unsupported => {
  const out: Array<Compiled> = []
  for (const d of definitions) {
    const c = compiled[keyOf(d)]
    if (c === undefined) return new Unsupported("unsupported-definition", `指标 ${keyOf(d)} 无法在数据库中计算`, `indicator ${keyOf(d)} has no SQL form`)
    out.push(c)
  }
  return out
}

const noIds: ReadonlyArray<string> = Object.freeze([])

/**
 * Computes the definitions in the database.
 *
 * @internal
 */
export const compute = (
  engine: ReturnType<typeof make>,
  definitions: ReadonlyArray<Definition>,
  scope: Scope,
  period: Indicators.Period,
  policy: Policy.Resolved,
  withProvenance: boolean
): Effect.Effect<ReadonlyArray<Value>, SqlError | Unsupported> =>
  Effect.gen(function* () {
    const sql = engine.sql
    const plan = compile(definitions)
    if (plan instanceof Unsupported) return yield* Effect.fail(plan)
    const p: Params = { period, policy, scope }
    const q = engine.queries(p)
    const keys = new Set(definitions.map((d) => keyOf(d)))
    // PLAN-INTERN-COMPLIANT: verdicts were derived at save time under the store's gates policy; they answer for
    // this policy only if every verdict in scope was derived under one with the same fingerprint (an overlay keeps
    // the policy's id but may change the internship parameters).
    if (keys.has("PLAN-INTERN-COMPLIANT")) {
      const wanted = fingerprint(policy.policy)
      const X = sql(table(engine.prefixOf, "internship"))
      // Through the gates_policy index: is there a verdict in scope derived under another policy?
      const differs = sql`(x.gates_policy IS NULL OR x.gates_policy < ${wanted} OR x.gates_policy > ${wanted}) AND ${q.inScope("x.school_id")}`
      const [any] = yield* sql<{ readonly one: unknown }>`SELECT 1 AS one FROM ${X} x WHERE ${differs} LIMIT 1`
      const other =
        any === undefined ? [] : (yield* sql<{ readonly g: unknown }>`SELECT DISTINCT x.gates_policy AS g FROM ${X} x WHERE ${differs}`).map((r) => (r.g === null || r.g === undefined ? "(none)" : String(r.g)))
      if (other.length > 0)
        return yield* Effect.fail(
          new Unsupported(
            "unsupported-policy",
            `岗位实习合规结论是在保存时按政策 ${other.join("、")} 得出的，与所给政策 ${wanted} 不同：以该政策运行 InDb.rebuild，或在内存中计算`,
            `internship verdicts were derived at save time under ${other.join(", ")}, not under the given policy ${wanted}: run InDb.rebuild with it, or compute in memory`
          )
        )
    }
    // TCH-EP-5Y6M: the stored profiles count records kept in hours at the national hours per day.
    if (keys.has("PLAN-PRACTICE-COMPLIANT") && q.settings !== undefined && q.settings.hoursPerDay !== derivedHoursPerDay) {
      const [row] = yield* sql<{ readonly n: unknown }>`SELECT COUNT(*) AS n FROM ${sql(table(engine.prefixOf, "teacher"))} t WHERE t.hour_records = 1 AND ${q.inScope("t.school_id")}`
      if (n(row?.n) > 0)
        return yield* Effect.fail(
          new Unsupported("unsupported-policy", `按学时记录的企业实践以每天 ${derivedHoursPerDay} 学时折算保存，政策要求 ${q.settings.hoursPerDay} 学时`, `practice kept in hours was derived at ${derivedHoursPerDay} hours a day, the policy asks for ${q.settings.hoursPerDay}`)
        )
    }
    // The populations the definitions need, counted in one query.
    const needed = new Set<Population | MajorPopulation>()
    let needFacts = false
    let needMechanisms = false
    for (const c of plan) {
      const m = c.measure
      if (m.kind === "count" || m.kind === "sum" || m.kind === "major") needed.add(m.numerator)
      else if (m.kind === "ratio") {
        needed.add(m.numerator)
        needed.add(m.denominator)
      } else if (m.kind === "fact") needFacts = true
      else if (m.kind === "per-student") {
        needFacts = true
        needed.add("students")
      } else needMechanisms = true
    }
    if (needMechanisms) needed.add("mechanismAgreements")
    const pops = [...needed]
    const schools: ReadonlyArray<SchoolRow> = (yield* sql<Record<string, unknown>>`${q.schools}`).map((r) => ({
      id: String(r.id),
      kind: String(r.kind),
      attached: n(r.attached) === 1,
      foundedYear: r.founded_year === null || r.founded_year === undefined ? undefined : n(r.founded_year)
    }))
    const counts = new Map<string, { readonly count: number; readonly total: number }>()
    // One query per group: a conditional count (and sum) per population.
    const byGroup = new Map<string, Array<Population | MajorPopulation>>()
    for (const name of pops) {
      const g = q.pops[name].group
      let list = byGroup.get(g)
      if (list === undefined) byGroup.set(g, (list = []))
      list.push(name)
    }
    for (const [g, names] of byGroup) {
      const group = q.groups[g]!
      const columns = names.map((name, k) => {
        const pop = q.pops[name]
        return sql`SUM(CASE WHEN ${pop.pred} THEN 1 ELSE 0 END) AS ${sql.literal(`c${k}`)}, SUM(CASE WHEN ${pop.pred} THEN ${sql.literal(pop.v ?? "1")} ELSE 0 END) AS ${sql.literal(`v${k}`)}`
      })
      const rows = yield* sql<Record<string, unknown>>`SELECT ${sql.literal(group.s)} AS s, ${sql.literal(group.k)} AS k, ${sql.join(", ", false)(columns)} ${group.from} GROUP BY ${sql.literal(group.k === "''" ? group.s : `${group.s}, ${group.k}`)}`
      for (const r of rows) names.forEach((name, k) => counts.set(`${name}|${String(r.s)}|${String(r.k ?? "")}`, { count: n(r[`c${k}`]), total: n(r[`v${k}`]) }))
    }
    const ids = new Map<string, Array<string>>()
    if (withProvenance) {
      // One query per population: the ids in the dataset's order, grouped by school and key.
      for (const name of pops) {
        const pop = q.pops[name]
        const group = q.groups[pop.group]!
        const rows = yield* sql<Record<string, unknown>>`SELECT ${sql.literal(group.s)} AS s, ${sql.literal(group.k)} AS k, ${sql.literal(group.rid)} AS rid ${group.from} AND ${pop.pred} ORDER BY ${sql.literal([group.s, group.k, group.o1, group.o2].filter((c) => c !== "0" && c !== "''").join(", "))}`
        for (const r of rows) {
          const key = `${name}|${String(r.s)}|${String(r.k ?? "")}`
          let list = ids.get(key)
          if (list === undefined) ids.set(key, (list = []))
          list.push(String(r.rid))
        }
      }
    }
    const facts = new Map<string, Record<string, unknown>>()
    if (needFacts) for (const r of yield* sql<Record<string, unknown>>`${q.facts}`) facts.set(String(r.school_id), r)
    const mechanisms = new Map<string, number>()
    if (needMechanisms) for (const r of yield* sql<Record<string, unknown>>`${q.mechanismsUsed}`) mechanisms.set(String(r.s), n(r.n))
    const majorsBySchool = new Map<string, Array<string>>()
    if (plan.some((c) => c.measure.kind === "major"))
      for (const r of yield* sql<Record<string, unknown>>`${q.majors}`) {
        const s = String(r.school_id)
        let list = majorsBySchool.get(s)
        if (list === undefined) majorsBySchool.set(s, (list = []))
        list.push(String(r.code))
      }

    const part = (name: Population | MajorPopulation, school: string, key = "") => {
      const c = counts.get(`${name}|${school}|${key}`)
      return { value: c?.count ?? 0, total: c?.total ?? 0, ids: ids.get(`${name}|${school}|${key}`) ?? noIds }
    }
    const factPart = (school: string, f: Fact): { value: number; ids: ReadonlyArray<string> } | undefined => {
      const r = facts.get(school)
      const v = r?.[f]
      return r === undefined || v === null || v === undefined ? undefined : { value: n(v), ids: withProvenance ? [String(r.id)] : noIds }
    }
    const thresholds = definitions.map((d) => Indicators.thresholdOf(d, policy))
    const out: Array<Value> = []
    for (const school of schools) {
      for (let d = 0; d < definitions.length; d++) {
        const def = definitions[d]!
        const c = plan[d]!
        if (c.applies === "technical" && school.kind !== "technical") continue
        if (c.applies === "not-technical" && school.kind === "technical") continue
        const scopes: ReadonlyArray<string | undefined> = def.scope === "major" ? (majorsBySchool.get(school.id) ?? []) : [undefined]
        const threshold = thresholds[d]
        for (const major of scopes) {
          const m = measure(c, school.id, major, part, factPart, mechanisms, withProvenance)
          out.push(Indicators.valueOf(def, { schoolId: school.id, majorCode: major, period }, threshold, m, { numerator: m?.numerator.ids ?? noIds, denominator: m?.denominator?.ids ?? noIds }))
        }
      }
    }
    if (definitions.some((d) => d.id.startsWith("IND-"))) out.push(...dabiao(out, schools, period, policy))
    out.push(...(yield* enterpriseValues(engine, p)))
    return out
  })

type PartOf = (name: Population | MajorPopulation, school: string, key?: string) => { value: number; total: number; ids: ReadonlyArray<string> }

const measure = (
  c: Compiled,
  school: string,
  major: string | undefined,
  part: PartOf,
  factPart: (school: string, f: Fact) => { value: number; ids: ReadonlyArray<string> } | undefined,
  mechanisms: ReadonlyMap<string, number>,
  withProvenance: boolean
): { readonly numerator: { value: number; ids: ReadonlyArray<string> }; readonly denominator?: { value: number; ids: ReadonlyArray<string> } } | undefined => {
  const m = c.measure
  switch (m.kind) {
    case "count":
      return { numerator: part(m.numerator, school) }
    case "sum": {
      const x = part(m.numerator, school)
      return { numerator: { value: x.total, ids: x.ids } }
    }
    case "ratio":
      return { numerator: part(m.numerator, school), denominator: part(m.denominator, school) }
    case "major":
      return major === undefined ? undefined : { numerator: part(m.numerator, school, major) }
    case "fact": {
      const f = factPart(school, m.fact)
      return f && { numerator: f }
    }
    case "per-student": {
      const f = factPart(school, m.fact)
      return f === undefined ? undefined : { numerator: f, denominator: part("students", school) }
    }
    case "mechanisms":
      return { numerator: { value: mechanisms.get(school) ?? 0, ids: withProvenance ? part("mechanismAgreements", school).ids : noIds } }
  }
}

/**
 * IND-DB-CLASS per school (IND-DB-SCOPE, IND-DB-9FIELDS) and IND-DB-TARGET across them: the core's own derivation,
 * from the values computed above (it reads no records).
 */
const dabiao = (values: ReadonlyArray<Value>, schools: ReadonlyArray<SchoolRow>, period: Indicators.Period, policy: Policy.Resolved): ReadonlyArray<Value> =>
  Indicators.dabiao(
    values,
    schools.map((s) => ({
      id: s.id,
      type: s.kind as School.School["type"],
      attachedClassesOnly: s.attached,
      ...(s.foundedYear === undefined ? {} : { foundedOn: `${String(s.foundedYear).padStart(4, "0")}-01-01` as School.School["foundedOn"] & string })
    })),
    period,
    policy
  )

/** PEI-INTERN-60 and PEI-ONE-OF for each enterprise of the scope, as the core computes them. */
const enterpriseValues = (engine: ReturnType<typeof make>, p: Params): Effect.Effect<ReadonlyArray<Value>, SqlError | Unsupported> =>
  Effect.gen(function* () {
    const sql = engine.sql
    const { period, policy } = p
    const months = policy.value(National.peiMinInternshipMonths) ?? 3
    if (!Number.isInteger(months)) return yield* Effect.fail(new Unsupported("unsupported-policy", `实习月数 ${months} 不是整数`, `internship months ${months} is not a whole number`))
    const q = engine.enterpriseQueries(p, months)
    const enterprises = yield* sql<{ readonly id: string; readonly credit_code: string }>`${q.enterprises}`
    if (enterprises.length === 0) return []
    const hostedBy = new Map<string, Array<string>>()
    for (const r of yield* sql<{ readonly code: string; readonly student: string }>`${q.interns}`) {
      let list = hostedBy.get(r.code)
      if (list === undefined) hostedBy.set(r.code, (list = []))
      list.push(r.student)
    }
    const withClass = new Set((yield* sql<{ readonly id: string }>`${q.withClass}`).map((r) => r.id))
    const apprenticeships = new Set((yield* sql<{ readonly id: string }>`${q.apprenticeships}`).map((r) => r.id))
    const shared = new Set((yield* sql<{ readonly id: string }>`${q.sharedBases}`).map((r) => r.id))
    const out: Array<Value> = []
    for (const e of enterprises) {
      const hosted = [...(hostedBy.get(e.credit_code) ?? [])].sort()
      out.push(...Indicators.enterpriseValuesOf(e.id, period, policy, hosted, { orderClass: withClass.has(e.id), apprenticeship: apprenticeships.has(e.id), sharedBase: shared.has(e.id) }))
    }
    return out
  })
