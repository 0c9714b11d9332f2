/**
 * Indicators inside PostgreSQL (issue 10). The province-sized dataset (`Generate.sizes.province`, generated one
 * school at a time) is loaded through `Store.createMany` into a store made with `indicators: true` (the side
 * tables are written in the same transactions), then the whole catalogue is computed three ways, each after a
 * warm-up, median of several runs:
 *
 * - ours: `InDb.computeInDb(Indicators.catalogue, InDb.all, period, policy)` — the compiled SQL, values and
 *   verdicts assembled in Node;
 * - hand-written SQL: queries written by hand over the same side tables for the same figures (conditional
 *   aggregates, one pass per table, raw `pg` client), numbers only;
 * - Node: `Store.loadDataset()` of every record, then `Indicators.compute` in memory.
 *
 * Targets: ours within 2× of the hand-written SQL, and faster than loading the rows into Node. The figures of the
 * three are checked to agree before anything is printed.
 *
 * `CHANJIAO_BENCH_SCHOOLS` sets how many schools of the province to load (default 40, a tenth, so that
 * `npm run bench` stays within its time budget; 400 for the whole province).
 */
import { Indicators, IsoDate, National, Policy, Practice } from "@chanjiao/core"
import { Store } from "@chanjiao/store"
import { InDb, Layers } from "@chanjiao/store-sql"
import { Generate } from "@chanjiao/testkit"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { performance } from "node:perf_hooks"
import pg from "pg"

const schools = Number(process.env.CHANJIAO_BENCH_SCHOOLS ?? 40)
const size = Generate.sizes.province
const author = { actor: "bench", at: DateTime.unsafeMake("2025-07-01T08:00:00Z") as DateTime.Utc }
const period = Indicators.schoolYear(2024)
const policy = Policy.at(National.policy, { province: "37" as never }, period.end)
const pgUrl = "postgres://postgres@127.0.0.1:5432/test"
const prefix = `cji_${process.pid}_`
const median = (xs: ReadonlyArray<number>) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined)

/** The hand-written baseline: the same figures, queried by hand over the side tables (numbers only). */
const handWritten = async (client: pg.Client): Promise<Map<string, number>> => {
  const T = (name: string) => `${prefix}indb_${name}`
  const on = period.end
  const start = period.start
  const settings = Practice.settings(policy)!
  const today = IsoDateEpoch(on)
  const from = windowFrom(on, settings.windowYears)
  const inForce = (c: string) => `((${c}.machine = 1 AND ${c}.state IN ('in-force','expiring')) OR (${c}.machine = 0 AND ${c}.signatures >= 2)) AND ${c}.term_start <= $1 AND ${c}.term_end >= $1`
  const out = new Map<string, number>()
  const put = (rows: ReadonlyArray<Record<string, unknown>>, key: (r: Record<string, unknown>) => string) => {
    for (const r of rows) for (const [k, v] of Object.entries(r)) if (k !== "s" && k !== "k") out.set(`${key(r)}|${k}`, Number(v))
  }
  const bySchool = (r: Record<string, unknown>) => String(r.s)
  const byMajor = (r: Record<string, unknown>) => `${String(r.s)}/${String(r.k)}`
  const q = async (text: string, params: ReadonlyArray<unknown>) => (await client.query(text, params as Array<unknown>)).rows as Array<Record<string, unknown>>
  put(
    await q(
      `SELECT school_id AS s, COUNT(*) AS students, COUNT(*) FILTER (WHERE project_on <= $1) AS project, COUNT(*) FILTER (WHERE coop_on <= $1) AS coop
       FROM ${T("student")} WHERE counted = 1 AND enrolled_on <= $1 GROUP BY school_id`,
      [on]
    ),
    bySchool
  )
  put(
    await q(
      `SELECT t.school_id AS s,
         COUNT(*) FILTER (WHERE t.full_time = 1) AS full_time,
         COUNT(*) FILTER (WHERE t.full_time = 1 AND t.professional = 1) AS professional,
         COUNT(*) FILTER (WHERE t.full_time = 1 AND ti.best >= 3) AS senior,
         COUNT(*) FILTER (WHERE t.full_time = 1 AND dq.owner_id IS NOT NULL) AS dual,
         COUNT(*) FILTER (WHERE t.full_time = 1 AND t.professional = 1 AND dq.owner_id IS NOT NULL) AS dual_professional,
         COUNT(*) FILTER (WHERE t.full_time = 0 AND t.pt_start <= $1 AND t.pt_end >= $1) AS part_time,
         COUNT(*) FILTER (WHERE t.full_time = 0 AND t.pt_start <= $1 AND t.pt_end >= $1 AND pc.credit_code IS NOT NULL) AS partners,
         COUNT(*) FILTER (WHERE t.full_time = 1 AND t.plan_start <= $1 AND t.plan_end >= $1) AS plan,
         COUNT(*) FILTER (WHERE t.full_time = 1 AND t.professional = 1 AND COALESCE(pr.served, 0) + 1e-9 >= $4) AS practice
       FROM ${T("teacher")} t
       LEFT JOIN (SELECT owner_id, MAX(i1) AS best FROM ${T("item")} WHERE kind = 'title' AND d1 <= $1 GROUP BY owner_id) ti ON ti.owner_id = t.id
       LEFT JOIN (SELECT DISTINCT owner_id FROM ${T("item")} WHERE kind = 'dual' AND d1 <= $1 AND (d2 IS NULL OR d2 > $1)) dq ON dq.owner_id = t.id
       LEFT JOIN (SELECT owner_id, SUM((LEAST(i2, $3::bigint) - GREATEST(i1, $2::bigint) + 1) * num) AS served FROM ${T("item")} WHERE kind = 'practice' AND i2 >= $2 AND i1 <= $3 GROUP BY owner_id) pr ON pr.owner_id = t.id
       LEFT JOIN (SELECT DISTINCT c.school_id, c.credit_code FROM ${T("coop")} c WHERE ${inForce("c")}) pc ON pc.school_id = t.school_id AND pc.credit_code = t.pt_employer
       WHERE t.hired_on <= $1 AND (t.left_on IS NULL OR t.left_on > $1)
       GROUP BY t.school_id`,
      [on, from, today, settings.requiredDays]
    ),
    bySchool
  )
  put(
    await q(
      `SELECT x.school_id AS s, COUNT(*) AS post, COUNT(*) FILTER (WHERE x.matching = 1) AS matching, COUNT(*) FILTER (WHERE x.gates_ok = 1) AS compliant,
         COUNT(*) FILTER (WHERE x.end_on <= $1) AS ended, COUNT(*) FILTER (WHERE x.end_on <= $1 AND a.bits = 3) AS both_assessed
       FROM ${T("internship")} x LEFT JOIN (SELECT internship_id, BIT_OR(bit) AS bits FROM ${T("assessment")} WHERE bit > 0 GROUP BY internship_id) a ON a.internship_id = x.id
       WHERE x.post = 1 AND x.start_on <= $1 AND x.end_on >= $2 GROUP BY x.school_id`,
      [on, start]
    ),
    bySchool
  )
  put(
    await q(
      `SELECT m.school_id AS s, COUNT(*) AS majors, COUNT(*) FILTER (WHERE p.code IS NOT NULL) AS with_partner
       FROM ${T("major")} m LEFT JOIN (SELECT DISTINCT c.school_id, i.txt AS code FROM ${T("coop")} c JOIN ${T("item")} i ON i.kind = 'partner' AND i.owner_id = c.id WHERE ${inForce("c")}) p
         ON p.school_id = m.school_id AND p.code = m.code
       WHERE m.enrolling = 1 GROUP BY m.school_id`,
      [on]
    ),
    bySchool
  )
  put(
    await q(
      `SELECT t.school_id AS s, i.txt AS k, COUNT(*) AS mid_title FROM ${T("teacher")} t JOIN ${T("item")} i ON i.kind = 'teacher-major' AND i.owner_id = t.id
       WHERE t.full_time = 1 AND t.hired_on <= $1 AND (t.left_on IS NULL OR t.left_on > $1)
         AND EXISTS (SELECT 1 FROM ${T("item")} x WHERE x.kind = 'title' AND x.owner_id = t.id AND x.d1 <= $1 AND x.i1 >= 2)
       GROUP BY t.school_id, i.txt`,
      [on]
    ),
    byMajor
  )
  const bases = `FROM ${T("base")} b JOIN ${T("coop")} c ON c.id = b.agreement_id AND ${inForce("c")} WHERE b.cobuilt = 1`
  put(await q(`SELECT b.school_id AS s, COUNT(*) AS bases ${bases} GROUP BY b.school_id`, [on]), bySchool)
  put(await q(`SELECT b.school_id AS s, i.txt AS k, COUNT(*) AS bases ${bases.replace("WHERE", `JOIN ${T("item")} i ON i.kind = 'base-major' AND i.owner_id = b.id WHERE`)} GROUP BY b.school_id, i.txt`, [on]), byMajor)
  put(
    await q(
      `SELECT i.school_id AS s, COUNT(*) FILTER (WHERE i.kind = 'textbook') AS textbooks,
         COALESCE(SUM(i.num) FILTER (WHERE i.kind = 'service' AND i.txt = 'social-training' AND t.id IS NOT NULL), 0) AS social,
         COUNT(*) FILTER (WHERE i.kind = 'service' AND i.txt = 'technical-service' AND t.id IS NOT NULL) AS services
       FROM ${T("item")} i LEFT JOIN ${T("teacher")} t ON i.kind = 'service' AND t.id = i.owner_id AND t.full_time = 1 AND t.hired_on <= $1 AND (t.left_on IS NULL OR t.left_on > $1)
       WHERE i.kind IN ('textbook', 'service') AND i.d1 >= $2 AND i.d1 <= $1 GROUP BY i.school_id`,
      [on, start]
    ),
    bySchool
  )
  put(
    await q(
      `SELECT c.school_id AS s, COUNT(DISTINCT i.txt) AS mechanisms FROM ${T("coop")} c JOIN ${T("item")} i ON i.kind = 'mechanism' AND i.owner_id = c.id
       WHERE ${inForce("c")} AND i.txt IN ('talent','bases','staff','information','service','culture') GROUP BY c.school_id`,
      [on]
    ),
    bySchool
  )
  put(
    await q(`SELECT DISTINCT ON (school_id) school_id AS s, land, building, track, equipment, books FROM ${T("facts")} WHERE as_of <= $1 ORDER BY school_id, as_of DESC`, [on]),
    bySchool
  )
  put(
    await q(
      `SELECT e.id AS s, COALESCE(h.n, 0) AS interns, (cl.id IS NOT NULL)::int AS class, (ap.id IS NOT NULL)::int AS apprenticeship, (sb.id IS NOT NULL)::int AS shared
       FROM ${T("enterprise")} e
       LEFT JOIN (SELECT unit_code, COUNT(DISTINCT student_id) AS n FROM ${T("internship")} WHERE unit_code IS NOT NULL AND start_on <= $1 AND end_on >= $2 AND months >= $3 GROUP BY unit_code) h ON h.unit_code = e.credit_code
       LEFT JOIN (SELECT DISTINCT c.enterprise_id AS id FROM ${T("coop")} c JOIN ${T("student")} s ON s.coop_agreement = c.id) cl ON cl.id = e.id
       LEFT JOIN (SELECT DISTINCT enterprise_id AS id FROM ${T("apprentice")} WHERE term_start <= $1 AND term_end >= $2) ap ON ap.id = e.id
       LEFT JOIN (SELECT DISTINCT txt AS id FROM ${T("item")} WHERE kind = 'base-enterprise') sb ON sb.id = e.id`,
      [on, start, policy.value(National.peiMinInternshipMonths) ?? 3]
    ),
    bySchool
  )
  return out
}

const IsoDateEpoch = (d: string) => IsoDate.toEpochDays(d as IsoDate.IsoDate)
const windowFrom = (on: IsoDate.IsoDate, years: number): number => {
  const p = IsoDate.parts(on)
  const y = p.year - years
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
  const dim = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][p.month - 1]!
  return IsoDate.toEpochDays(IsoDate.unsafeMake(`${String(y).padStart(4, "0")}-${String(p.month).padStart(2, "0")}-${String(Math.min(p.day, dim)).padStart(2, "0")}`)) + 1
}

/** The figures of values, for the agreement check. */
const figures = (values: ReadonlyArray<Indicators.Value>) => values.map((v) => `${v.indicator}|${v.variant ?? ""}|${v.schoolId}|${v.majorCode ?? ""}|${v.enterpriseId ?? ""}|${v.status}|${v.numerator}|${v.denominator}|${v.verdict ?? ""}`)

const drop = async () => {
  const client = new pg.Client({ connectionString: pgUrl })
  await client.connect()
  for (const t of ["aggregates", "audit", "outbox", "migrations", ...["school", "major", "base", "teacher", "student", "coop", "internship", "assessment", "facts", "enterprise", "apprentice", "item", "migrations"].map((n) => `indb_${n}`)])
    await client.query(`DROP TABLE IF EXISTS ${prefix}${t}`)
  await client.end()
}

try {
  await drop()
  const runtime = ManagedRuntime.make(Layers.layerStore({ prefix, indicators: true }).pipe(Layer.provideMerge(Layers.layerPgClient({ url: pgUrl }))))
  const store = await runtime.runPromise(Store.Store)
  let records = 0
  const loadStart = performance.now()
  for (let i = 0; i < schools; i++) {
    const r = Generate.school(i, size, { seed: 7 })
    for (const [, xs] of Generate.byType(r)) records += xs.length
    await runtime.runPromise(Effect.forEach(Generate.byType(r), ([type, xs]) => store.createMany(type, xs as ReadonlyArray<unknown>, author), { discard: true }))
  }
  const loadMs = performance.now() - loadStart
  console.error(`loaded ${records.toLocaleString("en-US")} records of ${schools} schools into PostgreSQL with the side tables in ${(loadMs / 1000).toFixed(1)} s (${Math.round(records / (loadMs / 1000)).toLocaleString("en-US")} records/s)`)
  const client = new pg.Client({ connectionString: pgUrl })
  await client.connect()
  await client.query("ANALYZE")
  const ours = () => runtime.runPromise(InDb.computeInDb(Indicators.catalogue, InDb.all, period, policy, { prefix }))
  const node = () => runtime.runPromise(Effect.map(store.loadDataset({}), (data) => Indicators.compute(Indicators.catalogue, data, period, policy)))

  // Agreement first: ours against the in-memory computation, and the hand-written figures against ours.
  const inDb = await ours()
  gc()
  const firstNode = performance.now()
  const inMemory = await node()
  const firstNodeMs = performance.now() - firstNode
  const a = figures(inDb)
  const b = figures(inMemory)
  const differing = a.filter((x, k) => x !== b[k]).length + Math.abs(a.length - b.length)
  if (differing > 0) throw new Error(`computeInDb and Indicators.compute differ in ${differing} of ${b.length} values`)
  const hand = await handWritten(client)
  console.error(`agreement: ${b.length.toLocaleString("en-US")} values equal (computeInDb = Indicators.compute over loadDataset)`)
  const checks: ReadonlyArray<readonly [string, string]> = [
    ["IND-ENROL-1200", "students"],
    ["IND-FT-60", "full_time"],
    ["PLAN-PRACTICE-COMPLIANT", "practice"],
    ["PLAN-INTERN-COMPLIANT", "compliant"],
    ["PLAN-DUAL-ASSESS", "both_assessed"]
  ]
  for (const [indicator, column] of checks)
    for (const v of inDb.filter((x) => x.indicator === indicator))
      if ((hand.get(`${v.schoolId}|${column}`) ?? 0) !== v.numerator) throw new Error(`hand-written ${column} differs for ${v.schoolId}: ${hand.get(`${v.schoolId}|${column}`)} vs ${v.numerator}`)

  const time = async (f: () => Promise<unknown>, runs: number) => {
    const out: Array<number> = []
    await f()
    for (let k = 0; k < runs; k++) {
      gc()
      const t0 = performance.now()
      await f()
      out.push(performance.now() - t0)
    }
    return median(out)
  }
  const oursMs = await time(ours, 5)
  const handMs = await time(() => handWritten(client), 5)
  // The province-sized load into Node is measured once (the agreement check's run): it takes minutes and gigabytes.
  const nodeMs = schools > 100 ? firstNodeMs : await time(node, 3)
  const valuesCount = inDb.length
  const rss = process.resourceUsage().maxRSS / 1024
  const sizeLabel = `${schools} schools, ${records.toLocaleString("en-US")} records, ${valuesCount.toLocaleString("en-US")} values`
  console.log(
    `BENCH ${JSON.stringify({ workload: "indicators: whole catalogue in PostgreSQL (computeInDb) vs hand-written SQL", size: sizeLabel, oursMs, baselineMs: handMs, ratio: oursMs / handMs, rowsPerSecond: records / (oursMs / 1000), peakRssMb: rss, targetMs: null, targetRatio: 2 })}`
  )
  console.log(
    `BENCH ${JSON.stringify({ workload: "indicators: computeInDb vs loading the rows into Node (loadDataset + compute)", size: sizeLabel, oursMs, baselineMs: nodeMs, ratio: oursMs / nodeMs, rowsPerSecond: records / (oursMs / 1000), peakRssMb: rss, targetMs: null, targetRatio: 1 })}`
  )
  console.error(`computeInDb ${oursMs.toFixed(0)} ms · hand-written SQL ${handMs.toFixed(0)} ms (${(oursMs / handMs).toFixed(2)}×) · load into Node + compute ${nodeMs.toFixed(0)} ms (${(oursMs / nodeMs).toFixed(3)}×)`)
  await client.end()
  await runtime.dispose()
} catch (e) {
  console.error(`indb bench: ${e instanceof Error ? e.stack ?? e.message : String(e)}`)
  process.exitCode = 1
} finally {
  await drop().catch(() => undefined)
}
