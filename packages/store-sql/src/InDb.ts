/**
 * Indicators computed inside the database: the definitions of `Indicators.catalogue` compiled to SQL aggregate
 * queries (GROUP BY school) for PostgreSQL, MySQL/MariaDB and SQLite, returning the same `Indicators.Value`s as
 * the in-memory `Indicators.compute` over the same records — values, numerators, denominators, verdicts with the
 * policy's thresholds and citations, not-applicable on a zero denominator — without loading the records into
 * Node. Provenance (the ids behind each figure) comes on request, one query per population.
 *
 * The queries read side tables that the SQL store keeps when it is made with `indicators: true`: columns
 * extracted from the aggregates' JSON, and rows derived from the rules at save time, in the same transaction
 * as the aggregate (a teacher's enterprise-practice coverage profile, titles and 双师型 certifications, each
 * internship's verdict under the internship gates). `rebuild` fills them for records stored before.
 *
 * Where the database cannot give the in-memory answer, `computeInDb` fails with `InDbError` instead of
 * answering differently:
 * - PLAN-INTERN-COMPLIANT: internship verdicts are derived at save time under the store's gates policy
 *   (`indicators: { gatesPolicy }`, national by default); a policy with another fingerprint (parameters,
 *   overlays, rules) is refused until `rebuild({ gatesPolicy })` derives them under it;
 * - PLAN-PRACTICE-COMPLIANT: practice records kept in hours are converted at the national hours per day when
 *   saved; a policy with another conversion is refused when such records are in scope.
 *
 * @since 0.1.0
 */
import type { Indicators, Policy } from "@chanjiao/core"
import { Errors } from "@chanjiao/store"
import * as SqlClient from "@effect/sql/SqlClient"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as IndbCatalogue from "./internal/indb-catalogue.js"
import * as IndbCompute from "./internal/indb-compute.js"
import * as IndbDerive from "./internal/indb-derive.js"
import * as IndbSchema from "./internal/indb-schema.js"
import { toStoreError } from "./internal/errors.js"
import * as internalDriver from "./internal/driver.js"

/**
 * Which schools to compute for: all of them, or some.
 *
 * @since 0.1.0
 * @category models
 */
export type Scope = { readonly _tag: "all" } | { readonly _tag: "schools"; readonly schoolIds: ReadonlyArray<string> }

/**
 * Every school in the database.
 *
 * @since 0.1.0
 * @category constructors
 */
export const all: Scope = { _tag: "all" }

/**
 * Some schools, by id.
 *
 * @since 0.1.0
 * @category constructors
 */
export const schools = (schoolIds: ReadonlyArray<string>): Scope => ({ _tag: "schools", schoolIds: [...new Set(schoolIds)] })

/**
 * One school, by id.
 *
 * @since 0.1.0
 * @category constructors
 */
export const school = (schoolId: string): Scope => schools([schoolId])

const reasonZh = {
  "not-enabled": "数据库中未启用指标计算",
  "unsupported-definition": "指标无法在数据库中计算",
  "unsupported-policy": "该政策下的指标无法在数据库中计算",
  "invalid-options": "参数无效"
} as const

/**
 * Why indicators cannot be computed in the database: the store was not made with `indicators: true`
 * (`not-enabled`), a definition has no SQL form (`unsupported-definition`), or the policy asks for something the
 * rows derived at save time do not hold (`unsupported-policy`). Compute those in memory instead.
 *
 * @since 0.1.0
 * @category errors
 */
export class InDbError extends Schema.TaggedError<InDbError>("@chanjiao/store-sql/InDbError")("InDbError", {
  reason: Schema.Literal("not-enabled", "unsupported-definition", "unsupported-policy", "invalid-options"),
  detailZh: Schema.String,
  detailEn: Schema.String
}) {
  /** One sentence in Chinese. */
  get messageZh(): string {
    return `${reasonZh[this.reason]}：${this.detailZh}`
  }
  /** One sentence in English. */
  get messageEn(): string {
    return `${this.reason}: ${this.detailEn}`
  }
  override get message(): string {
    return `${this.messageZh} / ${this.messageEn}`
  }
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** The store's table prefix (`cj_` by default). */
  readonly prefix?: string | undefined
  /** Read the ids behind each figure too (one query per population); empty lists otherwise. */
  readonly provenance?: boolean | undefined
}

const prefixOf = (options: { readonly prefix?: string | undefined }): Effect.Effect<string, InDbError> => {
  const prefix = options.prefix ?? internalDriver.defaultPrefix
  return internalDriver.prefixPattern.test(prefix)
    ? Effect.succeed(prefix)
    : Effect.fail(new InDbError({ reason: "invalid-options", detailZh: `表名前缀 ${JSON.stringify(prefix.slice(0, 40))} 无效`, detailEn: `table prefix ${JSON.stringify(prefix.slice(0, 40))} must match ${internalDriver.prefixPattern.source}` }))
}

const checkEnabled = (sql: SqlClient.SqlClient, prefix: string): Effect.Effect<void, InDbError> =>
  IndbSchema.verify(sql, prefix).pipe(
    Effect.mapError(
      () =>
        new InDbError({
          reason: "not-enabled",
          detailZh: `缺少 ${IndbSchema.table(prefix, "school")} 等表：以 indicators: true 创建存储并执行迁移，再运行 InDb.rebuild`,
          detailEn: `the ${IndbSchema.table(prefix, "school")} tables are missing: make the store with indicators: true, migrate, then run InDb.rebuild`
        })
    )
  )

/**
 * Computes the definitions in the database for the schools of `scope` over `period`, with thresholds from
 * `policy` (as `Indicators.compute` does: the policy in force on the period's last day). The result equals
 * `Indicators.compute(definitions, dataset, period, policy)` for the dataset `Store.loadDataset` loads for the
 * same schools — the 达标工程 classes (IND-DB-CLASS, IND-DB-TARGET) and the enterprise conditions (PEI-INTERN-60,
 * PEI-ONE-OF) included — with provenance only when `options.provenance` is set.
 *
 * @example
 * ```ts
 * import { Indicators, National, Policy } from "@chanjiao/core"
 * import { InDb } from "@chanjiao/store-sql"
 *
 * const period = Indicators.schoolYear(2024)
 * const policy = Policy.at(National.policy, { province: "37" }, period.end)
 * const program = InDb.computeInDb(Indicators.catalogue, InDb.all, period, policy)
 * ```
 *
 * @since 0.1.0
 * @category combinators
 */
export const computeInDb = (
  definitions: ReadonlyArray<Indicators.Definition>,
  scope: Scope,
  period: Indicators.Period,
  policy: Policy.Resolved,
  options: Options = {}
): Effect.Effect<ReadonlyArray<Indicators.Value>, InDbError | Errors.StoreError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const prefix = yield* prefixOf(options)
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    yield* checkEnabled(sql, prefix)
    const engine = IndbCompute.make(sql, prefix)
    return yield* IndbCompute.compute(engine, definitions, scope, period, policy, options.provenance === true).pipe(
      Effect.mapError((e) => (e instanceof IndbCompute.Unsupported ? new InDbError({ reason: e.reason, detailZh: e.detailZh, detailEn: e.detailEn }) : toStoreError("compute indicators in the database")(e)))
    )
  })

/**
 * The values of one definition with their provenance: one query per population it counts.
 *
 * @since 0.1.0
 * @category combinators
 */
export const provenance = (
  definition: Indicators.Definition,
  scope: Scope,
  period: Indicators.Period,
  policy: Policy.Resolved,
  options: Omit<Options, "provenance"> = {}
): Effect.Effect<ReadonlyArray<Indicators.Value>, InDbError | Errors.StoreError, SqlClient.SqlClient> =>
  Effect.map(computeInDb([definition], scope, period, policy, { ...options, provenance: true }), (values) =>
    values.filter((v) => v.indicator === definition.id && v.variant === definition.variant)
  )

/**
 * Whether a definition can be computed in the database (its id and variant are in the compiled catalogue).
 *
 * @since 0.1.0
 * @category guards
 */
export const isCompiled = (definition: Pick<Indicators.Definition, "id" | "variant">): boolean => IndbCatalogue.compiled[IndbCatalogue.keyOf(definition)] !== undefined

/**
 * Which schools each compiled definition applies to, by `id` or `id/variant` (`appliesTo` of the core's
 * definitions), for checks against the catalogue.
 *
 * @since 0.1.0
 * @category constants
 */
export const appliesTo: Readonly<Record<string, "all" | "technical" | "not-technical">> = Object.fromEntries(Object.entries(IndbCatalogue.compiled).map(([k, c]) => [k, c.applies]))

/**
 * Fills the side tables from the aggregates already stored (a store that turned `indicators` on later, or a
 * repair): every aggregate of the types indicators read, a page at a time, each page in one transaction.
 * Returns how many aggregates were read.
 *
 * @since 0.1.0
 * @category combinators
 */
export const rebuild = (
  options: Omit<Options, "provenance"> & {
    /** The policy internship verdicts are derived under (as the store's `indicators.gatesPolicy`; national by default). */
    readonly gatesPolicy?: Policy.Policy | undefined
  } = {}
): Effect.Effect<number, InDbError | Errors.StoreError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const prefix = yield* prefixOf(options)
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    yield* checkEnabled(sql, prefix)
    const aggregates = `${prefix}aggregates`
    const writer = IndbDerive.make(sql, prefix, aggregates, options.gatesPolicy)
    let total = 0
    for (const type of [...Object.keys(IndbDerive.tableOf)]) {
      let after = ""
      for (;;) {
        const page = yield* sql<{ readonly id: string; readonly data: string }>`SELECT id, data FROM ${sql(aggregates)} WHERE type = ${type} AND id > ${after} ORDER BY id LIMIT 1000`
        if (page.length === 0) break
        yield* sql.withTransaction(
          writer.write(page.map((r) => ({ type, id: r.id, version: 0, schoolId: null, startsOn: null, endsOn: null, naturalKey: null, state: null, data: r.data, updatedAt: "" })))
        )
        total += page.length
        after = page[page.length - 1]!.id
        if (page.length < 1000) break
      }
    }
    return total
  }).pipe(Effect.mapError((e) => (e instanceof InDbError || e instanceof Errors.StoreError ? e : toStoreError("rebuild indicator tables")(e))))
