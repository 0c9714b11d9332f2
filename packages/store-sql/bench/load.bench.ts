/**
 * Bulk load and load back, on SQLite, PostgreSQL and MariaDB. The province-sized dataset of the indicator issue
 * (400 schools: 600,000 students, 48,000 teachers, 20,000 enterprises, 60,000 agreements, 300,000 internships,
 * plus their tripartite agreements and assessments — about 1.4 million records) is generated one school at a
 * time (not timed) and loaded twice per school, interleaved so the machine's drift falls on both:
 *
 * - ours: `Store.createMany` per type — Schema decoding, a row, an audit entry (with SHA-256) and an outbox event
 *   per record — inside one `store.transaction` per school, as the baseline commits (each commit syncs the
 *   database file: 11 of them per school would time the disk rather than the store);
 * - baseline: the raw driver (better-sqlite3, pg, mysql2) inserting the same three rows per record with
 *   multi-row INSERTs into identical tables (created by our migrations under another prefix), with the same column
 *   values (school, period, natural key, state), one transaction per school — no decoding, no hashing.
 *
 * Then one school's indicator dataset is loaded back through `Store.loadDataset` (median of 7), against a raw
 * SELECT of the same rows with `JSON.parse`. For the bulk loads, rows/s counts table rows: each record is three
 * (its row, its audit entry, its outbox event), the unit of the issue's "100,000 rows/s"; the lines also print
 * `recordsPerSecond`.
 * Targets: SQLite ≥ 100,000 table rows/s; PostgreSQL and MariaDB within 2× the raw driver; load back < 200 ms.
 *
 * `CHANJIAO_BENCH_SCHOOLS` sets how many schools of the province to load (default 40, a tenth of it, so that
 * `npm run bench` stays within its time budget; set 400 for the whole province); `CHANJIAO_BENCH_TARGETS` (e.g.
 * `SQLite`) limits the run to some databases.
 */
import { Indicators } from "@chanjiao/core"
import { Aggregates, Store } from "@chanjiao/store"
import { Layers } from "@chanjiao/store-sql"
import { Generate } from "@chanjiao/testkit"
import Database from "better-sqlite3"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import mysql from "mysql2/promise"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { performance } from "node:perf_hooks"
import pg from "pg"

const schools = Number(process.env.CHANJIAO_BENCH_SCHOOLS ?? 40)
const size = Generate.sizes.province
const author = { actor: "bench", at: DateTime.unsafeMake("2025-07-01T08:00:00Z") as DateTime.Utc }
const period = Indicators.schoolYear(2024)
const hash = "0".repeat(64)

type Records = Generate.SchoolRecords
const count = (r: Records) => Generate.byType(r).reduce((n, [, xs]) => n + xs.length, 0)

/**
 * The three rows per record the raw baseline writes, with the column values ours writes (school, period, natural
 * key and life-cycle state, so that both sides feed the same index entries); no decoding or hashing.
 */
const rawRows = (r: Records) => {
  const aggregates: Array<Array<unknown>> = []
  const audit: Array<Array<unknown>> = []
  const outbox: Array<Array<unknown>> = []
  const at = "2025-07-01T08:00:00.000Z"
  const schoolOfInternship = new Map(r.internships.map((x) => [x.id, x.schoolId]))
  for (const [type, xs] of Generate.byType(r)) {
    const t = Aggregates.types[type] as unknown as { readonly idOf: (x: unknown) => string; readonly keys: (x: unknown) => Aggregates.Keys }
    for (const x of xs as ReadonlyArray<{ internshipId?: string; lifecycle?: { state: string } }>) {
      const id = t.idOf(x)
      const k = t.keys(x)
      const schoolId = type === "assessment" ? (schoolOfInternship.get(x.internshipId!) ?? null) : k.schoolId
      aggregates.push([type, id, 1, schoolId, k.startsOn, k.endsOn, k.naturalKey, x.lifecycle?.state ?? null, JSON.stringify(x), at])
      audit.push(["bench", at, type, id, 1, "created", null, hash])
      outbox.push([`${type}:${id}:1:0`, type, id, 1, `${type}.created`, JSON.stringify({ type, id, version: 1, event: `${type}.created`, data: null }), at, "pending", 0])
    }
  }
  return { aggregates, audit, outbox }
}
const columns = {
  aggregates: "type, id, version, school_id, starts_on, ends_on, natural_key, state, data, updated_at",
  audit: "actor, at, type, id, version, event, before_hash, after_hash",
  outbox: "event_id, type, aggregate_id, aggregate_version, event, payload, at, state, attempts"
}
/** The types a school's indicator dataset holds (all but enterprises), for the raw SELECT to use the (type, school_id) index. */
const datasetTypes = ["school", "major", "teacher", "student", "school-facts", "cooperation-agreement", "internship", "assessment", "training-base", "apprenticeship-agreement", "internship-agreement"].map((t) => `'${t}'`).join(", ")
const chunks = <A>(xs: ReadonlyArray<A>, n: number) => Array.from({ length: Math.ceil(xs.length / n) }, (_, k) => xs.slice(k * n, k * n + n))

interface Target {
  readonly name: string
  readonly layer: (prefix: string) => Layer.Layer<Store.Store, unknown>
  /** Inserts one school's rows into the baseline tables with the raw driver, in one transaction. */
  readonly raw: (prefix: string) => Promise<{ readonly insert: (rows: ReturnType<typeof rawRows>) => Promise<void>; readonly select: (schoolId: string) => Promise<number>; readonly close: () => Promise<void> }>
  readonly drop: (prefix: string) => Promise<void>
  readonly targetRowsPerSecond?: number
  readonly targetRatio?: number
}

const dir = mkdtempSync(join(tmpdir(), "chanjiao-bench-"))
// One file per table set: in one shared file each side's commits would run checkpoints of the other's WAL frames.
const sqliteFile = (prefix: string) => join(dir, `load-${prefix}.sqlite`)
const pgUrl = "postgres://postgres@127.0.0.1:5432/test"
const myUrl = "mysql://root@127.0.0.1:3306/test"

const placeholders = (dialect: "pg" | "other", rows: number, width: number) =>
  Array.from({ length: rows }, (_, r) => `(${Array.from({ length: width }, (_, c) => (dialect === "pg" ? `$${r * width + c + 1}` : "?")).join(",")})`).join(",")

const targets: ReadonlyArray<Target> = [
  {
    name: "SQLite",
    layer: (prefix) => Layers.layerSqlite({ filename: sqliteFile(prefix), prefix }),
    raw: async (prefix) => {
      const db = new Database(sqliteFile(prefix))
      db.pragma("journal_mode = WAL")
      const statements = new Map<string, Database.Statement>()
      const stmt = (table: keyof typeof columns, n: number) => {
        const key = `${table}/${n}`
        let s = statements.get(key)
        if (s === undefined) statements.set(key, (s = db.prepare(`INSERT INTO ${prefix}${table} (${columns[table]}) VALUES ${placeholders("other", n, columns[table].split(",").length)}`)))
        return s
      }
      const insert = db.transaction((rows: ReturnType<typeof rawRows>) => {
        for (const table of ["aggregates", "audit", "outbox"] as const) for (const c of chunks(rows[table], 200)) stmt(table, c.length).run(...c.flat())
      })
      return {
        insert: async (rows) => void insert(rows),
        select: async (schoolId) => {
          let n = 0
          for (const row of db.prepare(`SELECT data FROM ${prefix}aggregates WHERE type IN (${datasetTypes}) AND school_id = ?`).all(schoolId) as Array<{ data: string }>) n += JSON.parse(row.data) === null ? 0 : 1
          return n
        },
        close: async () => void db.close()
      }
    },
    drop: async () => undefined,
    targetRowsPerSecond: 100_000
  },
  {
    name: "PostgreSQL",
    layer: (prefix) => Layers.layerPg({ url: pgUrl, prefix }),
    raw: async (prefix) => {
      const client = new pg.Client({ connectionString: pgUrl })
      await client.connect()
      return {
        insert: async (rows) => {
          await client.query("BEGIN")
          for (const table of ["aggregates", "audit", "outbox"] as const) {
            const width = columns[table].split(",").length
            for (const c of chunks(rows[table], 500)) await client.query(`INSERT INTO ${prefix}${table} (${columns[table]}) VALUES ${placeholders("pg", c.length, width)}`, c.flat())
          }
          await client.query("COMMIT")
        },
        select: async (schoolId) => {
          let n = 0
          for (const row of (await client.query(`SELECT data FROM ${prefix}aggregates WHERE type IN (${datasetTypes}) AND school_id = $1`, [schoolId])).rows as Array<{ data: string }>) n += JSON.parse(row.data) === null ? 0 : 1
          return n
        },
        close: () => client.end()
      }
    },
    drop: async (prefix) => {
      const client = new pg.Client({ connectionString: pgUrl })
      await client.connect()
      for (const t of ["aggregates", "audit", "outbox", "migrations"]) await client.query(`DROP TABLE IF EXISTS ${prefix}${t}`)
      await client.end()
    },
    targetRatio: 2
  },
  {
    name: "MariaDB",
    layer: (prefix) => Layers.layerMysql({ url: myUrl, prefix }),
    raw: async (prefix) => {
      const conn = await mysql.createConnection({ uri: myUrl, charset: "utf8mb4" })
      return {
        insert: async (rows) => {
          await conn.beginTransaction()
          for (const table of ["aggregates", "audit", "outbox"] as const) {
            const width = columns[table].split(",").length
            for (const c of chunks(rows[table], 500)) await conn.query(`INSERT INTO ${prefix}${table} (${columns[table]}) VALUES ${placeholders("other", c.length, width)}`, c.flat())
          }
          await conn.commit()
        },
        select: async (schoolId) => {
          let n = 0
          const [rows] = await conn.query(`SELECT data FROM ${prefix}aggregates WHERE type IN (${datasetTypes}) AND school_id = ?`, [schoolId])
          for (const row of rows as Array<{ data: string }>) n += JSON.parse(row.data) === null ? 0 : 1
          return n
        },
        close: () => conn.end()
      }
    },
    drop: async (prefix) => {
      const conn = await mysql.createConnection({ uri: myUrl })
      for (const t of ["aggregates", "audit", "outbox", "migrations"]) await conn.query(`DROP TABLE IF EXISTS ${prefix}${t}`)
      await conn.end()
    },
    targetRatio: 2
  }
]

const median = (xs: ReadonlyArray<number>) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined)

// `CHANJIAO_BENCH_TARGETS=SQLite,MariaDB` limits the run to some databases (all three by default).
const only = process.env.CHANJIAO_BENCH_TARGETS?.split(",").map((x) => x.trim().toLowerCase())
for (const target of targets.filter((t) => only === undefined || only.includes(t.name.toLowerCase()))) {
  const ours = `cjb_${process.pid}_`
  const base = `blb_${process.pid}_`
  try {
    await target.drop(ours)
    await target.drop(base)
    // Connections and migrations are set up before timing; both table sets come from our migrations.
    const runtime = ManagedRuntime.make(target.layer(ours))
    const store = await runtime.runPromise(Store.Store)
    await Effect.runPromise(Effect.provide(Effect.flatMap(Store.Store, (s) => s.migrate), target.layer(base)))
    const raw = await target.raw(base)
    let oursMs = 0
    let baselineMs = 0
    let records = 0
    for (let i = 0; i < schools; i++) {
      const r = Generate.school(i, size, { seed: 7 })
      const rows = rawRows(r)
      records += count(r)
      gc()
      let t0 = performance.now()
      await raw.insert(rows)
      baselineMs += performance.now() - t0
      t0 = performance.now()
      await runtime.runPromise(
        store.transaction(Effect.forEach(Generate.byType(r), ([type, xs]) => store.createMany(type, xs as ReadonlyArray<unknown>, author), { discard: true }))
      )
      oursMs += performance.now() - t0
    }
    console.log(
      `BENCH ${JSON.stringify({
        workload: `store: bulk load into ${target.name} (createMany; rows/s = table rows: row + audit + outbox per record)`,
        size: `${schools} schools, ${records.toLocaleString("en-US")} records`,
        oursMs,
        baselineMs,
        ratio: oursMs / baselineMs,
        rowsPerSecond: (3 * records) / (oursMs / 1000),
        recordsPerSecond: records / (oursMs / 1000),
        peakRssMb: process.resourceUsage().maxRSS / 1024,
        targetMs: null,
        targetRatio: target.targetRatio ?? null,
        targetRowsPerSecond: target.targetRowsPerSecond ?? null
      })}`
    )
    // Load one school's indicator dataset back.
    const school = Generate.school(0, size, { seed: 7 }).school.id
    const o: Array<number> = []
    const b: Array<number> = []
    let loaded = 0
    for (let k = 0; k < 8; k++) {
      let t0 = performance.now()
      await raw.select(school)
      const bt = performance.now() - t0
      t0 = performance.now()
      const ds = await runtime.runPromise(store.loadDataset({ schoolIds: [school], period: { start: period.start, end: period.end } }))
      const ot = performance.now() - t0
      loaded = ds.students.length + ds.teachers.length + (ds.internships ?? []).length + (ds.assessments ?? []).length + (ds.cooperation ?? []).length
      if (k > 0) {
        b.push(bt)
        o.push(ot)
      }
    }
    console.log(
      `BENCH ${JSON.stringify({
        workload: `store: load one school's indicator dataset from ${target.name}`,
        size: `${loaded.toLocaleString("en-US")} records of 1 school among ${schools}`,
        oursMs: median(o),
        baselineMs: median(b),
        ratio: median(o) / median(b),
        rowsPerSecond: loaded / (median(o) / 1000),
        peakRssMb: process.resourceUsage().maxRSS / 1024,
        targetMs: 200,
        targetRatio: null
      })}`
    )
    await raw.close()
    await runtime.dispose()
  } catch (e) {
    console.error(`${target.name}: ${e instanceof Error ? e.message : String(e)}`)
    process.exitCode = 1
  } finally {
    await target.drop(ours).catch(() => undefined)
    await target.drop(base).catch(() => undefined)
  }
}
rmSync(dir, { recursive: true, force: true })
