/**
 * Indicators computed by SQL aggregate queries over the side tables (`indb-schema.ts`): one query counts every
 * population the definitions need, grouped by school (and major); the school facts, the mechanisms in use and
 * the enterprise conditions are three more; the verdicts, thresholds and citations come from the policy
 * exactly as `Indicators.compute` resolves them. Provenance, when asked for, is one query per population.
 *
 * @internal
 */
import type { Indicators, Policy } from "@chanjiao/core"
import { IsoDate as Iso, National, Practice } from "@chanjiao/core"
import type * as SqlClient from "@effect/sql/SqlClient"
import type { SqlError } from "@effect/sql/SqlError"
import type { Fragment } from "@effect/sql/Statement"
import * as Effect from "effect/Effect"
import type { Compiled, Fact, MajorPopulation, Population } from "./indb-catalogue.js"
import { compiled, keyOf } from "./indb-catalogue.js"
import { derivedHoursPerDay, gatesPolicy } from "./indb-derive.js"
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
    const active = sql`t.hired_on <= ${on} AND (t.left_on IS NULL OR t.left_on > ${on})`
    const fullTime = sql`t.full_time = 1 AND ${active} AND ${inScope("t.school_id")}`
    const hasTitle = (rank: number) => sql`EXISTS (SELECT 1 FROM ${T("item")} i WHERE i.kind = 'title' AND i.owner_id = t.id AND i.d1 <= ${on} AND i.i1 >= ${lit(rank)})`
    const validity = p.policy.value(National.dsValidityYears) ?? 0
    const since = validSince(on, validity)
    // DualQualified.holdsAnyOn on the period's last day.
    const dual = sql`EXISTS (SELECT 1 FROM ${T("item")} i WHERE i.kind = 'dual' AND i.owner_id = t.id AND i.d1 <= ${on} AND (i.d2 IS NULL OR i.d2 > ${on})${since === undefined ? sql.literal("") : sql` AND i.d1 >= ${since}`})`
    const settings = Practice.settings(p.policy)
    // TCH-EP-5Y6M (Practice.evaluate "compliant"): days served in the window ending on the period's last day,
    // summed over the stored coverage profile.
    const today = Iso.toEpochDays(on)
    const compliant =
      settings === undefined
        ? sql.literal("1 = 0")
        : (() => {
            const from = windowFrom(on, settings.windowYears)
            return sql`(SELECT COALESCE(SUM(((CASE WHEN i.i2 < ${lit(today)} THEN i.i2 ELSE ${lit(today)} END) - (CASE WHEN i.i1 > ${lit(from)} THEN i.i1 ELSE ${lit(from)} END) + 1) * i.num), 0) FROM ${T("item")} i WHERE i.kind = 'practice' AND i.owner_id = t.id AND i.i2 >= ${lit(from)} AND i.i1 <= ${lit(today)}) + 1e-9 >= ${lit(settings.requiredDays)}`
          })()
    const postInPeriod = sql`x.post = 1 AND x.start_on <= ${on} AND x.end_on >= ${start} AND ${inScope("x.school_id")}`
    const ended = sql`${postInPeriod} AND x.end_on <= ${on}`
    const coBuilt = sql`b.cobuilt = 1 AND b.agreement_id IS NOT NULL AND ${inScope("b.school_id")} AND EXISTS (SELECT 1 FROM ${T("coop")} c WHERE c.id = b.agreement_id AND ${inForce("c")} AND ${existing("c.school_id")}${p.scope._tag === "all" ? sql.literal("") : sql` AND ${inScope("c.school_id")}`})`
    const service = (kind: string) =>
      sql`FROM ${T("item")} i JOIN ${T("teacher")} t ON t.id = i.owner_id WHERE i.kind = 'service' AND i.txt = ${kind} AND i.d1 >= ${start} AND i.d1 <= ${on} AND ${fullTime}`
    const enrolling = sql`m.enrolling = 1 AND ${inScope("m.school_id")}`
    // Each population: school, key (major code or ''), record id, order (the dataset's: by id), value summed.
    const student = (extra: Fragment | undefined) =>
      sql`SELECT x.school_id AS s, '' AS k, x.id AS rid, x.id AS o1, 0 AS o2, 1 AS v FROM ${T("student")} x WHERE x.counted = 1 AND x.enrolled_on <= ${on} AND ${inScope("x.school_id")}${extra === undefined ? sql.literal("") : sql` AND ${extra}`}`
    const teacher = (where: Fragment) => sql`SELECT t.school_id AS s, '' AS k, t.id AS rid, t.id AS o1, 0 AS o2, 1 AS v FROM ${T("teacher")} t WHERE ${where}`
    const internship = (where: Fragment) => sql`SELECT x.school_id AS s, '' AS k, x.id AS rid, x.id AS o1, 0 AS o2, 1 AS v FROM ${T("internship")} x WHERE ${where}`
    const partTime = sql`t.full_time = 0 AND ${active} AND t.pt_start <= ${on} AND t.pt_end >= ${on} AND ${inScope("t.school_id")}`
    const pops: Record<Population | MajorPopulation, Fragment> = {
      students: student(undefined),
      studentsWithProject: student(sql`x.project_on <= ${on}`),
      studentsInCooperativeClass: student(sql`x.coop_on <= ${on}`),
      fullTime: teacher(fullTime),
      fullTimeProfessional: teacher(sql`${fullTime} AND t.professional = 1`),
      fullTimeSenior: teacher(sql`${fullTime} AND ${hasTitle(3)}`),
      dualHeldProfessional: teacher(sql`${fullTime} AND t.professional = 1 AND ${dual}`),
      dualHeldFullTime: teacher(sql`${fullTime} AND ${dual}`),
      partTime: teacher(partTime),
      partTimeFromPartners: teacher(sql`${partTime} AND t.pt_employer IS NOT NULL AND EXISTS (SELECT 1 FROM ${T("coop")} c WHERE c.school_id = t.school_id AND c.credit_code = t.pt_employer AND ${inForce("c")})`),
      withCurrentPlan: teacher(sql`${fullTime} AND t.plan_start <= ${on} AND t.plan_end >= ${on}`),
      practiceApplicable: teacher(settings === undefined ? sql.literal("1 = 0") : sql`${fullTime} AND t.professional = 1`),
      practiceCompliant: teacher(sql`${fullTime} AND t.professional = 1 AND ${compliant}`),
      postInternships: internship(postInPeriod),
      postInternshipsMatching: internship(sql`${postInPeriod} AND x.matching = 1`),
      postInternshipsCompliant: internship(sql`${postInPeriod} AND x.gates_ok = 1`),
      postInternshipsEnded: internship(ended),
      postInternshipsAssessedByBoth: internship(
        sql`${ended} AND EXISTS (SELECT 1 FROM ${T("assessment")} a WHERE a.internship_id = x.id AND a.bit = 1) AND EXISTS (SELECT 1 FROM ${T("assessment")} a WHERE a.internship_id = x.id AND a.bit = 2)`
      ),
      coBuiltBases: sql`SELECT b.school_id AS s, '' AS k, b.id AS rid, b.id AS o1, 0 AS o2, 1 AS v FROM ${T("base")} b WHERE ${coBuilt}`,
      coBuiltBasesByMajor: sql`SELECT b.school_id AS s, i.txt AS k, b.id AS rid, b.id AS o1, i.ord AS o2, 1 AS v FROM ${T("base")} b JOIN ${T("item")} i ON i.kind = 'base-major' AND i.owner_id = b.id WHERE ${coBuilt}`,
      textbooks: sql`SELECT i.school_id AS s, '' AS k, i.label AS rid, i.owner_id AS o1, i.ord AS o2, 1 AS v FROM ${T("item")} i WHERE i.kind = 'textbook' AND i.d1 >= ${start} AND i.d1 <= ${on} AND ${inScope("i.school_id")}`,
      socialTraining: sql`SELECT t.school_id AS s, '' AS k, i.label AS rid, i.owner_id AS o1, i.ord AS o2, i.num AS v ${service("social-training")}`,
      technicalServices: sql`SELECT t.school_id AS s, '' AS k, i.label AS rid, i.owner_id AS o1, i.ord AS o2, 1 AS v ${service("technical-service")}`,
      midTitleByMajor: sql`SELECT t.school_id AS s, i.txt AS k, t.id AS rid, t.id AS o1, i.ord AS o2, 1 AS v FROM ${T("teacher")} t JOIN ${T("item")} i ON i.kind = 'teacher-major' AND i.owner_id = t.id WHERE ${fullTime} AND ${hasTitle(2)}`,
      enrollingMajors: sql`SELECT m.school_id AS s, '' AS k, m.id AS rid, m.id AS o1, 0 AS o2, 1 AS v FROM ${T("major")} m WHERE ${enrolling}`,
      majorsWithPartner: sql`SELECT m.school_id AS s, '' AS k, m.id AS rid, m.id AS o1, 0 AS o2, 1 AS v FROM ${T("major")} m WHERE ${enrolling} AND EXISTS (SELECT 1 FROM ${T("item")} i JOIN ${T("coop")} c ON c.id = i.owner_id WHERE i.kind = 'partner' AND i.txt = m.code AND c.school_id = m.school_id AND ${inForce("c")})`,
      mechanismAgreements: sql`SELECT c.school_id AS s, '' AS k, c.id AS rid, c.id AS o1, 0 AS o2, 1 AS v FROM ${T("coop")} c WHERE ${inForce("c")} AND ${inScope("c.school_id")} AND EXISTS (SELECT 1 FROM ${T("item")} i WHERE i.kind = 'mechanism' AND i.owner_id = c.id AND ${sql.in("i.txt", sixMechanisms)})`
    }
    const mechanismsUsed = sql`SELECT c.school_id AS s, COUNT(DISTINCT i.txt) AS n FROM ${T("coop")} c JOIN ${T("item")} i ON i.kind = 'mechanism' AND i.owner_id = c.id WHERE ${inForce("c")} AND ${inScope("c.school_id")} AND ${sql.in("i.txt", sixMechanisms)} GROUP BY c.school_id`
    // The latest facts on or before the period's last day.
    const facts = sql`SELECT f.id, f.school_id, f.land, f.building, f.track, f.equipment, f.books FROM ${T("facts")} f WHERE f.as_of <= ${on} AND ${inScope("f.school_id")} AND NOT EXISTS (SELECT 1 FROM ${T("facts")} g WHERE g.school_id = f.school_id AND g.as_of <= ${on} AND g.as_of > f.as_of)`
    const schools = sql`SELECT id, kind, attached, founded_year FROM ${T("school")} WHERE ${inScope("id")} ORDER BY id`
    const majors = sql`SELECT m.id, m.school_id, m.code FROM ${T("major")} m WHERE ${enrolling} ORDER BY m.id`
    return { pops, mechanismsUsed, facts, schools, majors, on, start, inScope, settings }
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
const thresholdOf = (def: Definition, policy: Policy.Resolved): Value["threshold"] => {
  const r = def.threshold === undefined ? undefined : policy.explain(def.threshold.parameter)
  return def.threshold !== undefined && r !== undefined && r.status === "in-force" && r.entry !== undefined
    ? { comparator: def.threshold.comparator, value: r.value as number, parameter: def.threshold.parameter.id, effectiveFrom: r.entry.effectiveFrom, citation: r.entry.citation, verified: r.entry.verified }
    : undefined
}

const compare = (value: number, comparator: string, threshold: number): boolean | undefined =>
  comparator === ">=" ? value >= threshold : comparator === ">" ? value > threshold : comparator === "<=" ? value <= threshold : comparator === "<" ? value < threshold : undefined

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
    // PLAN-INTERN-COMPLIANT: verdicts were derived at save time under the national policy itself (an overlay keeps
    // the policy's id but may change the internship parameters: only the very same policy gives the same verdicts).
    if (keys.has("PLAN-INTERN-COMPLIANT") && policy.policy !== gatesPolicy) {
      return yield* Effect.fail(
        new Unsupported(
          "unsupported-policy",
          `岗位实习合规率的判定在保存时按国家默认政策（${gatesPolicy.id}，无叠加）得出，无法按政策 ${policy.policy.id}（含 ${policy.policy.overlays.length} 个叠加）在数据库中计算`,
          `internship verdicts are derived at save time under the national policy (${gatesPolicy.id}, no overlays), not under ${policy.policy.id} with ${policy.policy.overlays.length} overlay(s)`
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
    if (pops.length > 0) {
      const union = pops.map((name, k) => sql`SELECT ${sql.literal(String(k))} AS pop, p.s, p.k, COUNT(*) AS n, SUM(p.v) AS total FROM (${q.pops[name]}) p GROUP BY p.s, p.k`)
      const rows = yield* sql<Record<string, unknown>>`${sql.join(" UNION ALL ", false)(union)}`
      for (const r of rows) counts.set(`${pops[n(r.pop)]}|${String(r.s)}|${String(r.k ?? "")}`, { count: n(r.n), total: n(r.total) })
    }
    const ids = new Map<string, Array<string>>()
    if (withProvenance) {
      // One query per population: the ids in the dataset's order, grouped by school and key.
      for (const name of pops) {
        const rows = yield* sql<Record<string, unknown>>`SELECT p.s, p.k, p.rid FROM (${q.pops[name]}) p ORDER BY p.s, p.k, p.o1, p.o2`
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
    const thresholds = definitions.map((d) => thresholdOf(d, policy))
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
          const v: { -readonly [K in keyof Value]: Value[K] } = {
            indicator: def.id,
            name: def.name,
            schoolId: school.id,
            period,
            table: def.table,
            status: "ok",
            provenance: { numerator: m?.numerator.ids ?? noIds, denominator: m?.denominator?.ids ?? noIds }
          }
          if (def.variant !== undefined) v.variant = def.variant
          if (major !== undefined) v.majorCode = major
          if (def.note !== undefined) v.note = def.note
          if (threshold !== undefined) v.threshold = threshold
          if (m === undefined || (m.denominator !== undefined && m.denominator.value === 0)) {
            v.status = "not-applicable"
            if (m !== undefined) {
              v.numerator = m.numerator.value
              v.denominator = 0
            }
            out.push(v)
            continue
          }
          const value = m.denominator === undefined ? m.numerator.value : m.numerator.value / m.denominator.value
          v.value = value
          v.numerator = m.numerator.value
          if (m.denominator !== undefined) v.denominator = m.denominator.value
          const verdict = threshold === undefined ? undefined : compare(value, threshold.comparator, threshold.value)
          if (verdict !== undefined) v.verdict = verdict ? "met" : "not-met"
          out.push(v)
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

/** The nine monitored fields of the 达标工程 (IND-DB-9FIELDS), as in `Indicators.dabiaoFields`. */
const dabiaoFields: ReadonlyArray<readonly [string, string | undefined]> = [
  ["IND-LAND", "total"],
  ["IND-LAND", "per-student"],
  ["IND-BUILD", "total"],
  ["IND-BUILD", "per-student"],
  ["IND-FT-60", undefined],
  ["IND-STR-20", undefined],
  ["IND-EQUIP", "total"],
  ["IND-EQUIP", "per-student"],
  ["IND-BOOKS", undefined]
]

const dbCitation = (policy: Policy.Resolved, p: typeof National.dabiaoBasicMinShare) => {
  const r = policy.explain(p)
  return r.entry === undefined ? undefined : { comparator: ">=", value: r.value as number, parameter: p.id, effectiveFrom: r.entry.effectiveFrom, citation: r.entry.citation, verified: r.entry.verified }
}

/**
 * IND-DB-CLASS per school (IND-DB-SCOPE, IND-DB-9FIELDS) and IND-DB-TARGET across them: the same derivation as
 * the core's, from the values computed above (it reads no records).
 */
const dabiao = (values: ReadonlyArray<Value>, schools: ReadonlyArray<SchoolRow>, period: Indicators.Period, policy: Policy.Resolved): ReadonlyArray<Value> => {
  const out: Array<Value> = []
  const minShare = policy.value(National.dabiaoBasicMinShare) ?? 0.9
  const maxMissed = policy.value(National.dabiaoBasicMaxMissed) ?? 2
  const newYear = policy.value(National.dabiaoNewSchoolYear) ?? 2022
  const inScopeMet: Array<string> = []
  const inScope: Array<string> = []
  const byKey = new Map<string, Value>()
  for (const v of values) byKey.set(`${v.schoolId}|${v.indicator}|${v.variant ?? ""}`, v)
  const name = { zh: "办学条件达标情况", en: "key conditions met" }
  for (const s of schools) {
    if (s.kind === "technical" || s.attached || (s.foundedYear !== undefined && s.foundedYear >= newYear)) {
      out.push({
        indicator: "IND-DB-CLASS",
        name,
        schoolId: s.id,
        period,
        status: "not-applicable",
        table: "资源表",
        note: { zh: "不纳入达标工程（IND-DB-SCOPE：技工学校另有标准、仅附设中职班或新设学校）", en: "outside the programme (IND-DB-SCOPE)" },
        provenance: { numerator: [], denominator: [] }
      })
      continue
    }
    inScope.push(s.id)
    const fields = dabiaoFields.map(([id, variant]) => byKey.get(`${s.id}|${id}|${variant ?? ""}`))
    const known = fields.filter((f): f is Value => f !== undefined && f.status === "ok" && f.verdict !== undefined)
    const met = known.filter((f) => f.verdict === "met")
    const missed = known.filter((f) => f.verdict === "not-met")
    const closeEnough = missed.every((f) => {
      const t = f.threshold?.value ?? 0
      const v = f.value ?? 0
      return f.threshold?.comparator === "<=" ? v <= t / minShare : v >= t * minShare
    })
    const verdict = known.length < dabiaoFields.length ? undefined : missed.length === 0 ? "met" : missed.length <= maxMissed && closeEnough ? "basically-met" : "not-met"
    if (verdict === "met") inScopeMet.push(s.id)
    const threshold = dbCitation(policy, National.dabiaoBasicMinShare)
    out.push({
      indicator: "IND-DB-CLASS",
      name,
      schoolId: s.id,
      period,
      status: verdict === undefined ? "not-applicable" : "ok",
      value: met.length,
      numerator: met.length,
      denominator: dabiaoFields.length,
      ...(verdict === undefined ? {} : { verdict }),
      ...(threshold === undefined ? {} : { threshold }),
      table: "资源表",
      note: {
        zh: verdict === undefined ? "九项监测指标数据不全" : `九项监测指标达标 ${met.length} 项；“基本达标”的判定方法未经核实`,
        en: verdict === undefined ? "the nine fields are incomplete" : `${met.length} of 9 fields met; how 'basically met' is decided is unverified`
      },
      provenance: { numerator: met.map((f) => `${f.indicator}${f.variant ? `/${f.variant}` : ""}`), denominator: dabiaoFields.map(([id, v]) => `${id}${v ? `/${v}` : ""}`) }
    })
  }
  const target = dbCitation(policy, National.dabiaoTargetShare)
  const share = inScope.length === 0 ? undefined : inScopeMet.length / inScope.length
  out.push({
    indicator: "IND-DB-TARGET",
    name: { zh: "全部重点监测指标达标的学校比例", en: "share of schools meeting every key indicator" },
    schoolId: "*",
    period,
    status: share === undefined ? "not-applicable" : "ok",
    ...(share === undefined ? {} : { value: share, numerator: inScopeMet.length, denominator: inScope.length }),
    ...(share !== undefined && target !== undefined ? { verdict: share >= target.value ? ("met" as const) : ("not-met" as const), threshold: target } : {}),
    table: "落实政策表",
    provenance: { numerator: inScopeMet, denominator: inScope }
  })
  return out
}

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
    const minInterns = policy.explain(National.peiMinInternsPerYear)
    const threshold =
      minInterns.entry === undefined
        ? undefined
        : { comparator: ">=", value: minInterns.value as number, parameter: National.peiMinInternsPerYear.id, effectiveFrom: minInterns.entry.effectiveFrom, citation: minInterns.entry.citation, verified: minInterns.entry.verified }
    const out: Array<Value> = []
    for (const e of enterprises) {
      const hosted = [...(hostedBy.get(e.credit_code) ?? [])].sort()
      const met60 = threshold !== undefined && hosted.length >= threshold.value
      out.push({
        indicator: "PEI-INTERN-60",
        name: { zh: "年接收3个月以上实习学生数", en: "interns a year on 3-month-plus internships" },
        schoolId: "*",
        enterpriseId: e.id,
        period,
        status: "ok",
        value: hosted.length,
        numerator: hosted.length,
        ...(threshold === undefined ? {} : { threshold, verdict: met60 ? ("met" as const) : ("not-met" as const) }),
        table: "服务贡献表",
        note: { zh: "门槛数值未经核实（发改社会〔2019〕590号第五条）", en: "the threshold is unverified" },
        provenance: { numerator: hosted, denominator: [] }
      })
      const conditions: Array<string> = []
      if (met60 && withClass.has(e.id)) conditions.push("order-class-and-interns")
      if (apprenticeships.has(e.id)) conditions.push("apprenticeship")
      if (shared.has(e.id)) conditions.push("shared-base")
      out.push({
        indicator: "PEI-ONE-OF",
        name: { zh: "满足产教融合型企业条件之一", en: "meets one condition of an industry–education enterprise" },
        schoolId: "*",
        enterpriseId: e.id,
        period,
        status: "ok",
        value: conditions.length,
        numerator: conditions.length,
        verdict: conditions.length >= 1 ? "met" : "not-met",
        table: "服务贡献表",
        note: { zh: "条件列表未完全核实；仅依据记录可见的条件", en: "the list of conditions is partly unverified; only those the records show" },
        provenance: { numerator: conditions, denominator: [] }
      })
    }
    return out
  })
