/**
 * Indicators in the database (issue 10): `InDb.computeInDb` gives exactly what `Indicators.compute` gives over
 * the dataset `Store.loadDataset` loads — every indicator of the catalogue, IND-DB-CLASS / IND-DB-TARGET and the
 * enterprise conditions (PEI-INTERN-60, PEI-ONE-OF) included, with provenance — on SQLite, PostgreSQL and
 * MariaDB, for random datasets (the testkit's generator with random seeds, sizes, school kinds, dates and
 * edits), random periods and policies.
 */
import { describe, expect, it } from "@effect/vitest"
import { Indicators, IsoDate, National, Policy, Practice } from "@chanjiao/core"
import type { Errors } from "@chanjiao/store"
import { Driver, Store } from "@chanjiao/store"
import { suite } from "@chanjiao/store/testing"
import { Generate } from "@chanjiao/testkit"
import * as SqlClient from "@effect/sql/SqlClient"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { InDb, Layers } from "../src/index.js"
import * as IndbCompute from "../src/internal/indb-compute.js"
import * as IndbDerive from "../src/internal/indb-derive.js"
import type { Target } from "./services.js"
import { ci, describeTarget, randomPrefix, sqliteDatabase, targets } from "./services.js"

const author = { actor: "loader", at: DateTime.unsafeMake("2025-07-01T08:00:00Z") as DateTime.Utc }
const sideTables = ["school", "major", "base", "teacher", "student", "coop", "internship", "assessment", "facts", "enterprise", "apprentice", "item", "migrations"]

/** The values as plain data (the in-memory provenance is read through getters). */
const plain = (values: ReadonlyArray<Indicators.Value>) =>
  values.map((v) => ({ ...v, provenance: { numerator: [...v.provenance.numerator], denominator: [...v.provenance.denominator] } }))

/** DS-VALIDITY and TCH-EP-5Y6M parameters set by a province overlay: the parameterised SQL paths. */
const overlayPolicy = Either.getOrThrow(Policy.withOverlays(National.policy, [
  Policy.overlay({
    id: "test-37",
    title: { zh: "测试省", en: "test province" },
    scope: { level: "province", code: "37" as never },
    source: "test",
    values: [
      Policy.set(National.dsValidityYears, [{ effectiveFrom: IsoDate.unsafeMake("2000-01-01"), value: 3, citation: National.dsValidityYears.history[0]!.citation, verified: false }]),
      Policy.set(National.teacherPracticeWindowYears, [{ effectiveFrom: IsoDate.unsafeMake("2000-01-01"), value: 4, citation: National.teacherPracticeWindowYears.history[0]!.citation, verified: false }])
    ]
  })
]))

type Records = Generate.SchoolRecords

interface Case {
  readonly seed: number
  readonly schools: number
  readonly kinds: ReadonlyArray<{ readonly technical: boolean; readonly attached: boolean; readonly founded: number; readonly noFacts: boolean; readonly closedMajor: boolean }>
  readonly asOf: string
  readonly period: { readonly kind: "school-year" | "calendar-year"; readonly year: number }
  readonly overlay: boolean
  readonly scoped: boolean
  readonly edits: ReadonlyArray<number>
  /** Partial practice (days or hours served, overlapping records) and revoked certifications. */
  readonly tweak: boolean
}

const caseArb: fc.Arbitrary<Case> = fc.integer({ min: 1, max: 3 }).chain((schools) =>
  fc.record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    schools: fc.constant(schools),
    kinds: fc.array(fc.record({ technical: fc.boolean(), attached: fc.boolean(), founded: fc.integer({ min: 1990, max: 2024 }), noFacts: fc.boolean(), closedMajor: fc.boolean() }), { minLength: schools, maxLength: schools }),
    asOf: fc.constantFrom("2024-12-31", "2025-06-30", "2025-09-15"),
    period: fc.record({ kind: fc.constantFrom("school-year" as const, "calendar-year" as const), year: fc.integer({ min: 2022, max: 2025 }) }),
    overlay: fc.boolean(),
    scoped: fc.boolean(),
    edits: fc.array(fc.nat(), { maxLength: 4 }),
    tweak: fc.boolean()
  })
)

/** A small generated dataset, with the school kinds, facts and majors of the case. */
const generate = (c: Case): ReadonlyArray<WithApprenticeships> => {
  const size = { name: "indb", schools: c.schools, students: 24, teachers: 14, enterprises: 5, agreements: 6, internships: 14 }
  return [...Generate.schools(size, { seed: c.seed, asOf: IsoDate.unsafeMake(c.asOf) })].map((r, k) => {
    const kind = c.kinds[k]!
    return {
      ...r,
      school: { ...r.school, type: kind.technical ? "technical" : "secondary", attachedClassesOnly: kind.attached, foundedOn: IsoDate.unsafeMake(`${kind.founded}-09-01`) } as Records["school"],
      majors: r.majors.map((m, j) => (kind.closedMajor && j === 0 ? { ...m, enrolling: false } : m)),
      teachers: c.tweak ? r.teachers.map(tweak) : r.teachers,
      // PEI-ONE-OF's apprenticeship condition (the generator makes none): terms before and across the periods.
      apprenticeships: c.tweak ? r.enterprises.slice(0, 2).map((e, j) => apprenticeship(r, e, j)) : [],
      facts: kind.noFacts ? [] : r.facts
    }
  })
}

/** TCH-EP-5Y6M shares (days or hours served, an overlapping second record) and DS revocations, by teacher. */
const tweak = (t: Records["teachers"][number], j: number): Records["teachers"][number] => {
  const [first, ...rest] = t.practice
  const length = (p: { readonly start: string; readonly end: string }) => IsoDate.diffDays(p.start as IsoDate.IsoDate, p.end as IsoDate.IsoDate) + 1
  const practice =
    first === undefined
      ? t.practice
      : j % 3 === 0
        ? [{ ...first, daysServed: Math.floor(length(first) * 0.7) }, ...rest]
        : j % 3 === 1
          ? [{ ...first, hoursServed: length(first) * 6 }, { ...first, id: `${first.id}-b`, start: IsoDate.addDays(first.start, 30), end: IsoDate.addDays(first.end, 60), daysServed: Math.floor(length(first) * 0.5) }, ...rest]
          : t.practice
  const dualQualifications = j % 4 === 0 ? t.dualQualifications.map((q) => ({ ...q, revokedOn: IsoDate.addDays(q.certifiedOn, 400) })) : t.dualQualifications
  return { ...t, practice, dualQualifications } as Records["teachers"][number]
}

type WithApprenticeships = Records & { readonly apprenticeships?: ReadonlyArray<unknown> }

const apprenticeship = (r: Records, e: Records["enterprises"][number], j: number) => ({
  id: `${r.school.id}-ap${j}`,
  schoolId: r.school.id,
  enterpriseId: e.id,
  enterpriseCreditCode: e.creditCode,
  apprenticeId: r.students[j]?.id ?? "st-none",
  kind: "modern",
  schoolMentorIds: [],
  enterpriseMentorIds: [],
  term: j === 0 ? { start: "2021-09-01", end: "2023-06-30" } : { start: "2024-03-01", end: "2026-02-28" },
  signatures: []
})

const batches = (r: WithApprenticeships) => [...Generate.byType(r), ["apprenticeship-agreement", r.apprenticeships ?? []] as const] as const

/** Edits through `Store.put` after the load: a teacher leaves, a student withdraws, an internship's agreement goes. */
const edit = (store: Store.Service, pick: number) =>
  Effect.gen(function* () {
    const kind = pick % 3
    if (kind === 0) {
      const ts = yield* store.list("teacher")
      const t = ts[pick % Math.max(1, ts.length)]
      if (t !== undefined) yield* store.put("teacher", { ...t.value, leftOn: "2024-12-31" }, { expectedVersion: t.version, ...author })
    } else if (kind === 1) {
      const ss = yield* store.list("student")
      const s = ss[pick % Math.max(1, ss.length)]
      if (s !== undefined) yield* store.put("student", { ...s.value, status: "withdrawn" }, { expectedVersion: s.version, ...author })
    } else {
      const is = yield* store.list("internship-agreement")
      const a = is[pick % Math.max(1, is.length)]
      // A changed tripartite agreement: the internship's gate verdict is derived again (PLAN-INTERN-COMPLIANT).
      if (a !== undefined) yield* store.put("internship-agreement", { ...a.value, signatures: [] }, { expectedVersion: a.version, ...author }).pipe(Effect.catchTag("TransitionRefused", () => Effect.void))
    }
  })

/** Empties the store's tables of a prefix between runs. */
const clear = (prefix: string) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.forEach([...["aggregates", "audit", "outbox"].map((n) => `${prefix}${n}`), ...sideTables.filter((n) => n !== "migrations").map((n) => `${prefix}indb_${n}`)], (t) => sql`DELETE FROM ${sql(t)}`, { discard: true })
  )

const drop = (prefix: string) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.forEach([...["aggregates", "audit", "outbox", "migrations"].map((n) => `${prefix}${n}`), ...sideTables.map((n) => `${prefix}indb_${n}`)], (t) => sql`DROP TABLE IF EXISTS ${sql(t)}`, { discard: true })
  )

const run = (c: Case, prefix: string) =>
  Effect.gen(function* () {
    const store = yield* Store.Store
    yield* clear(prefix)
    const records = generate(c)
    for (const r of records) for (const [type, values] of batches(r)) if (values.length > 0) yield* store.createMany(type, values, author)
    for (const e of c.edits) yield* edit(store, e)
    const period = c.period.kind === "school-year" ? Indicators.schoolYear(c.period.year) : Indicators.calendarYear(c.period.year)
    const policy = Policy.at(c.overlay ? overlayPolicy : National.policy, { province: "37" as never }, period.end)
    // Under the overlay the internship verdicts (derived under the national policy) are not asked for.
    const definitions = c.overlay ? Indicators.catalogue.filter((d) => d.id !== "PLAN-INTERN-COMPLIANT") : Indicators.catalogue
    // Some of the schools (a non-empty subset, by the seed), or all.
    const subset = records.filter((_, k) => ((c.seed >> k) & 1) === 1 || k === records.length - 1).map((r) => r.school.id)
    const schoolIds = c.scoped ? subset : undefined
    const dataset = yield* store.loadDataset(schoolIds === undefined ? {} : { schoolIds })
    const expected = plain(Indicators.compute(definitions, dataset, period, policy))
    const actual = yield* InDb.computeInDb(definitions, schoolIds === undefined ? InDb.all : InDb.schools(schoolIds), period, policy, { prefix, provenance: true })
    expect(plain(actual)).toEqual(expected)
    // Without provenance: the same figures.
    const figures = yield* InDb.computeInDb(definitions, schoolIds === undefined ? InDb.all : InDb.schools(schoolIds), period, policy, { prefix })
    expect(figures.map((v) => [v.indicator, v.variant, v.schoolId, v.majorCode, v.enterpriseId, v.status, v.value, v.numerator, v.denominator, v.verdict])).toEqual(
      expected.map((v) => [v.indicator, v.variant, v.schoolId, v.majorCode, v.enterpriseId, v.status, v.value, v.numerator, v.denominator, v.verdict])
    )
    return expected.length
  })

const clientOf = (t: Target): { readonly layer: Layer.Layer<SqlClient.SqlClient, Errors.StoreError>; readonly dispose: () => void } => {
  if (t.dialect === "sqlite") {
    const db = sqliteDatabase()
    return { layer: Layers.layerSqliteClient({ filename: db.filename }), dispose: db.dispose }
  }
  return { layer: t.database().client(), dispose: () => {} }
}

describe("the compiled catalogue", () => {
  it("covers every definition of the core's catalogue, with the same schools it applies to", () => {
    const probes = (["secondary", "technical"] as const).map((type) => ({ ...Generate.school(0, Generate.sizes.county).school, type }))
    for (const d of Indicators.catalogue) {
      expect(InDb.isCompiled(d), `${d.id}/${d.variant ?? ""}`).toBe(true)
      const applies = InDb.appliesTo[d.variant === undefined ? d.id : `${d.id}/${d.variant}`]
      for (const s of probes) expect(applies === "all" || (applies === "technical") === (s.type === "technical"), `${d.id}/${d.variant ?? ""} on ${s.type}`).toBe(d.appliesTo === undefined ? true : d.appliesTo(s))
    }
  })
})

for (const t of targets) {
  describeTarget(t, "indicators in the database equal the in-memory ones", () => {
    it("for random datasets, periods and policies (property)", { timeout: 120_000 }, async () => {
      const prefix = randomPrefix()
      const client = clientOf(t)
      const runtime = ManagedRuntime.make(Layers.layerStore({ prefix, indicators: true }).pipe(Layer.provideMerge(client.layer)))
      try {
        let values = 0
        await fc.assert(
          fc.asyncProperty(caseArb, async (c) => {
            values += await runtime.runPromise(run(c, prefix))
          }),
          { numRuns: t.dialect === "sqlite" ? 20 : 12 }
        )
        expect(values).toBeGreaterThan(0)
      } finally {
        await runtime.runPromise(Effect.ignore(drop(prefix)))
        await runtime.dispose()
        client.dispose()
      }
    })

    it("says why it cannot answer instead of answering differently", { timeout: 60_000 }, async () => {
      const prefix = randomPrefix()
      const client = clientOf(t)
      const runtime = ManagedRuntime.make(Layers.layerStore({ prefix }).pipe(Layer.provideMerge(client.layer)))
      try {
        const period = Indicators.schoolYear(2024)
        const national = Policy.at(National.policy, { province: "37" as never }, period.end)
        // A store without the side tables: not enabled.
        const off = await runtime.runPromise(Effect.flip(InDb.computeInDb(Indicators.catalogue, InDb.all, period, national, { prefix })))
        expect(off._tag === "InDbError" && off.reason).toBe("not-enabled")
        expect(off.message).toMatch(/未启用/)
        // Turned on later: migrate with indicators, rebuild from the stored aggregates, then the figures agree.
        const r = [...Generate.schools({ name: "indb-rebuild", schools: 1, students: 20, teachers: 10, enterprises: 4, agreements: 5, internships: 10 }, { seed: 11 })][0]!
        for (const [type, values] of batches(r)) if (values.length > 0) await runtime.runPromise(Effect.flatMap(Store.Store, (s) => s.createMany(type, values, author)))
        const on = ManagedRuntime.make(Layers.layerStore({ prefix, indicators: true }).pipe(Layer.provideMerge(client.layer)))
        try {
          const read = await on.runPromise(InDb.rebuild({ prefix }))
          expect(read).toBeGreaterThan(0)
          const dataset = await on.runPromise(Effect.flatMap(Store.Store, (s) => s.loadDataset({})))
          const actual = await on.runPromise(InDb.computeInDb(Indicators.catalogue, InDb.all, period, national, { prefix, provenance: true }))
          expect(plain(actual)).toEqual(plain(Indicators.compute(Indicators.catalogue, dataset, period, national)))
          // One indicator's provenance on request.
          const [match] = await on.runPromise(InDb.provenance(Indicators.catalogue.find((d) => d.id === "PLAN-INTERN-MATCH")!, InDb.all, period, national, { prefix }))
          expect(match?.provenance.denominator.length).toBe(match?.denominator)
          // A definition without a SQL form, and a policy whose internship rules differ from those verdicts were derived under.
          const custom = { ...Indicators.catalogue[0]!, id: "HOST-OWN" }
          const unknown = await on.runPromise(Effect.flip(InDb.computeInDb([custom], InDb.all, period, national, { prefix })))
          expect(unknown._tag === "InDbError" && unknown.reason).toBe("unsupported-definition")
          const other = await on.runPromise(Effect.flip(InDb.computeInDb(Indicators.catalogue, InDb.all, period, Policy.at(overlayPolicy, { province: "37" as never }, period.end), { prefix })))
          expect(other._tag === "InDbError" && other.reason).toBe("unsupported-policy")
          expect(other.message).toMatch(/InDb.rebuild/)
          // Derived again under the provincial policy: its figures, PLAN-INTERN-COMPLIANT included, match memory's;
          // the national policy is now the one refused.
          const province = Policy.at(overlayPolicy, { province: "37" as never }, period.end)
          expect(await on.runPromise(InDb.rebuild({ prefix, gatesPolicy: overlayPolicy }))).toBe(read)
          const provincial = await on.runPromise(InDb.computeInDb(Indicators.catalogue, InDb.all, period, province, { prefix, provenance: true }))
          expect(plain(provincial)).toEqual(plain(Indicators.compute(Indicators.catalogue, dataset, period, province)))
          const stale = await on.runPromise(Effect.flip(InDb.computeInDb(Indicators.catalogue, InDb.all, period, national, { prefix })))
          expect(stale._tag === "InDbError" && stale.reason).toBe("unsupported-policy")
          const bad = await on.runPromise(Effect.flip(InDb.computeInDb(Indicators.catalogue, InDb.all, period, national, { prefix: "Robert'); DROP" })))
          expect(bad._tag === "InDbError" && bad.reason).toBe("invalid-options")
        } finally {
          await on.dispose()
        }
      } finally {
        await runtime.runPromise(Effect.ignore(drop(prefix)))
        await runtime.dispose()
        client.dispose()
      }
    })
  })
}

describe("dates the queries compare against", () => {
  const date = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2030, 11, 31) }).map((ms) => IsoDate.unsafeMake(new Date(ms).toISOString().slice(0, 10)))

  it("validSince: a certification holds on a date iff it is on or after validSince (DS-VALIDITY, DualQualified.holdsAnyOn)", () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 6 }), fc.integer({ min: -800, max: 800 }), (on, years, shift) => {
        const since = IndbCompute.validSince(on, years)!
        const certified = IsoDate.addDays(IsoDate.addYears(on, -years), shift)
        expect(certified >= since).toBe(IsoDate.addYears(certified, years) > on)
      })
    )
    expect(IndbCompute.validSince(IsoDate.unsafeMake("2025-08-31"), 0)).toBeUndefined()
  })

  it("wholeMonths: an internship covers m months iff it ends on or after start + m months − 1 day (PEI-INTERN-60)", () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 30 }), (start, days, m) => {
        const end = IsoDate.addDays(start, days)
        expect(IndbDerive.wholeMonths(start, end) >= m).toBe(end >= IsoDate.addDays(IsoDate.addMonths(start, m), -1))
      })
    )
  })
})

// The store's contract holds with the side tables written in every transaction (the conformance kit, each test
// in fresh tables: a temporary SQLite file, or a fresh prefix dropped afterwards).
const withIndicators = (t: Target, fresh: string): Layer.Layer<Store.Store | Driver.StoreDriver, Errors.StoreError> => {
  if (t.dialect === "sqlite")
    return Layer.unwrapScoped(Effect.map(Effect.acquireRelease(Effect.sync(sqliteDatabase), (db) => Effect.sync(db.dispose)), (db) => Layers.layerSqlite({ filename: db.filename, indicators: true })))
  const prefix = `cjt_${fresh}_`
  return Layers.layerStore({ prefix, indicators: true }).pipe(Layer.provideMerge(Layer.scopedDiscard(Effect.addFinalizer(() => Effect.ignore(drop(prefix))))), Layer.provide(t.database().client()))
}
for (const t of targets) {
  if (t.unavailable !== undefined && ci) describeTarget(t, "store conformance with indicators in the database", () => {})
  else suite(`${t.name} with indicators in the database`, { layer: (fresh) => withIndicators(t, fresh), unavailable: t.unavailable === undefined ? undefined : `${t.name} at ${t.url} is not reachable: ${t.unavailable}` })
}

// TCH-EP-5Y6M in SQL against Practice.evaluate, where it is hardest: overlapping records served in part (days or
// hours), windows that end near the required 180 days, leap days, a 4-year window from a provincial overlay.
describe("PLAN-PRACTICE-COMPLIANT in the database equals Practice.evaluate (SQLite)", () => {
  const base = Generate.school(0, { name: "indb-practice", schools: 1, students: 4, teachers: 40, enterprises: 2, agreements: 2, internships: 2 }, { seed: 3 })
  const template = base.teachers.flatMap((t) => t.practice)[0]!
  const definition = Indicators.catalogue.find((d) => d.id === "PLAN-PRACTICE-COMPLIANT")!
  // Records anywhere in the years before the period's end, or straddling the window's first day with about the
  // required 180 days inside it (where one day more or less decides).
  const record = fc.oneof(
    fc.record({ anchor: fc.constant("end" as const), offset: fc.integer({ min: 0, max: 2200 }), length: fc.integer({ min: 1, max: 420 }), mode: fc.constantFrom("full" as const, "days" as const, "hours" as const), share: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc
      .record({ offset: fc.integer({ min: -30, max: 30 }), delta: fc.integer({ min: -2, max: 2 }), mode: fc.constantFrom("full" as const, "full" as const, "full" as const, "days" as const, "hours" as const), share: fc.double({ min: 0.95, max: 1, noNaN: true }) })
      .map(({ delta, mode, offset, share }) => ({ anchor: "window" as const, offset, length: Math.max(1, 180 + delta - offset), mode, share }))
  )
  const teacherArb = fc.array(record, { minLength: 0, maxLength: 4 })
  it("for random practice records, periods and windows (property)", { timeout: 120_000 }, async () => {
    const db = sqliteDatabase()
    const prefix = randomPrefix()
    const runtime = ManagedRuntime.make(Layers.layerStore({ prefix, indicators: true }).pipe(Layer.provideMerge(Layers.layerSqliteClient({ filename: db.filename }))))
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(teacherArb, { minLength: 1, maxLength: 8 }), fc.integer({ min: 2019, max: 2026 }), fc.boolean(), fc.boolean(), async (teachers, year, calendar, overlay) => {
          const program = Effect.gen(function* () {
            const store = yield* Store.Store
            yield* clear(prefix)
            yield* store.createMany("school", [base.school], author)
            const period = calendar ? Indicators.calendarYear(year) : Indicators.schoolYear(year)
            const policy = Policy.at(overlay ? overlayPolicy : National.policy, { province: "37" as never }, period.end)
            const windowStart = Practice.windowStart(period.end, Practice.settings(policy)!.windowYears)
            const values = teachers.map((records, j) => ({
              ...base.teachers[j]!,
              id: `t-p${j}`,
              employment: "full-time",
              courseType: "professional",
              leftOn: undefined,
              hiredOn: "2010-09-01",
              practice: records.map((r, k) => {
                const start = r.anchor === "end" ? IsoDate.addDays(period.end, -r.offset) : IsoDate.addDays(windowStart, r.offset)
                const p = { ...template, id: `p${j}-${k}`, start, end: IsoDate.addDays(start, r.length - 1) } as Record<string, unknown>
                delete p.daysServed
                delete p.hoursServed
                if (r.mode === "days") p.daysServed = Math.floor(r.length * r.share)
                if (r.mode === "hours") p.hoursServed = Math.round(r.length * 8 * r.share * 10) / 10
                return p
              })
            }))
            yield* store.createMany("teacher", values, author)
            const dataset = yield* store.loadDataset({})
            const expected = plain(Indicators.compute([definition], dataset, period, policy).filter((v) => v.indicator === definition.id))
            const actual = plain((yield* InDb.computeInDb([definition], InDb.all, period, policy, { prefix, provenance: true })).filter((v) => v.indicator === definition.id))
            expect(actual).toEqual(expected)
          })
          await runtime.runPromise(program)
        }),
        { numRuns: 60 }
      )
    } finally {
      await runtime.dispose()
      db.dispose()
    }
  })
})

describe("side rows of rows that are not aggregates (SQLite)", () => {
  it("a host's raw rows of known types are written without side rows; the store's own rows get theirs", { timeout: 60_000 }, async () => {
    const db = sqliteDatabase()
    const prefix = randomPrefix()
    const runtime = ManagedRuntime.make(Layers.layerStore({ prefix, indicators: true }).pipe(Layer.provideMerge(Layers.layerSqliteClient({ filename: db.filename }))))
    try {
      const count = (name: string) => Effect.flatMap(SqlClient.SqlClient, (sql) => Effect.map(sql<{ readonly n: unknown }>`SELECT COUNT(*) AS n FROM ${sql(`${prefix}indb_${name}`)}`, (rows) => Number(rows[0]?.n)))
      const row = (type: string, id: string, data: string): Driver.Row => ({ type, id, version: 1, schoolId: "s-raw", startsOn: null, endsOn: null, naturalKey: null, state: null, data, updatedAt: "2025-03-01T08:00:00Z" })
      const r = [...Generate.schools({ name: "indb-raw", schools: 1, students: 3, teachers: 3, enterprises: 1, agreements: 1, internships: 2 }, { seed: 5 })][0]!
      await runtime.runPromise(
        Effect.gen(function* () {
          const driver = yield* Driver.StoreDriver
          for (const [type, data] of [["teacher", '{"x":1}'], ["internship", '{"id":"i-raw"}'], ["student", "[1,2]"], ["school-facts", "not json"]] as const) expect(yield* driver.insert(row(type, `${type}-raw`, data))).toBe(true)
          expect([yield* count("teacher"), yield* count("internship"), yield* count("student"), yield* count("facts"), yield* count("item")]).toEqual([0, 0, 0, 0, 0])
          const store = yield* Store.Store
          for (const [type, values] of batches(r)) if (values.length > 0) yield* store.createMany(type, values, author)
          expect(yield* count("teacher")).toBe(r.teachers.length)
          expect(yield* count("internship")).toBe(r.internships.length)
          // The raw rows do not stop the figures.
          const period = Indicators.schoolYear(2024)
          const values = yield* InDb.computeInDb(Indicators.catalogue, InDb.all, period, Policy.at(National.policy, { province: "37" as never }, period.end), { prefix })
          expect(values.find((v) => v.indicator === "IND-FT-60")?.numerator).toBeGreaterThan(0)
        })
      )
    } finally {
      await runtime.dispose()
      db.dispose()
    }
  })
})
