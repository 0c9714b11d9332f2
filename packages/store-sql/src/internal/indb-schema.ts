/**
 * The side tables behind indicators computed in the database (`InDb`): columns extracted from the aggregates'
 * JSON, and rows derived from rule evaluation, written by the SQL driver in the same transaction as the
 * aggregate (when the store is made with `indicators: true`). Each table is keyed by the aggregate's id;
 * `item` holds the aggregates' lists (titles, certifications, practice profile, services, majors, mechanisms,
 * deliverables, …), one row per element, by `kind`.
 *
 * @internal
 */
import type * as SqlClient from "@effect/sql/SqlClient"
import type { SqlError } from "@effect/sql/SqlError"
import * as Effect from "effect/Effect"
import type { Dialect } from "./schema.js"
import { mysqlCollation } from "./schema.js"

/** Logical column types: `id` and `key` are indexed text, `date` an ISO date, `label` unindexed text. */
type ColumnType = "id" | "key" | "date" | "int" | "num" | "label"

interface TableSpec {
  readonly columns: ReadonlyArray<readonly [name: string, type: ColumnType]>
  readonly primaryKey: ReadonlyArray<string>
  readonly indexes: ReadonlyArray<ReadonlyArray<string>>
}

/** @internal */
export const specs = {
  school: { columns: [["id", "id"], ["kind", "key"], ["attached", "int"], ["founded_year", "int"]], primaryKey: ["id"], indexes: [] },
  major: { columns: [["id", "id"], ["school_id", "id"], ["code", "key"], ["enrolling", "int"]], primaryKey: ["id"], indexes: [["school_id", "code"]] },
  base: { columns: [["id", "id"], ["school_id", "id"], ["agreement_id", "id"], ["cobuilt", "int"]], primaryKey: ["id"], indexes: [["school_id"], ["agreement_id"]] },
  teacher: {
    columns: [
      ["id", "id"],
      ["school_id", "id"],
      ["full_time", "int"],
      ["professional", "int"],
      ["hired_on", "date"],
      ["left_on", "date"],
      ["pt_start", "date"],
      ["pt_end", "date"],
      ["pt_employer", "key"],
      ["plan_start", "date"],
      ["plan_end", "date"],
      ["hour_records", "int"]
    ],
    primaryKey: ["id"],
    indexes: [["school_id", "hired_on"]]
  },
  student: {
    columns: [["id", "id"], ["school_id", "id"], ["counted", "int"], ["enrolled_on", "date"], ["project_on", "date"], ["coop_on", "date"], ["coop_agreement", "id"]],
    primaryKey: ["id"],
    indexes: [["school_id", "enrolled_on"], ["coop_agreement"]]
  },
  coop: {
    columns: [["id", "id"], ["school_id", "id"], ["enterprise_id", "id"], ["credit_code", "key"], ["machine", "int"], ["state", "key"], ["term_start", "date"], ["term_end", "date"], ["signatures", "int"]],
    primaryKey: ["id"],
    indexes: [["school_id", "term_end"], ["enterprise_id"]]
  },
  internship: {
    columns: [
      ["id", "id"],
      ["school_id", "id"],
      ["post", "int"],
      ["start_on", "date"],
      ["end_on", "date"],
      ["matching", "int"],
      ["student_id", "id"],
      ["agreement_id", "id"],
      ["unit_code", "key"],
      ["months", "int"],
      ["gates_policy", "key"],
      ["gates_ok", "int"]
    ],
    primaryKey: ["id"],
    indexes: [["school_id", "end_on"], ["student_id"], ["agreement_id"], ["unit_code"], ["gates_policy"]]
  },
  assessment: { columns: [["id", "id"], ["internship_id", "id"], ["bit", "int"]], primaryKey: ["id"], indexes: [["internship_id", "bit"]] },
  facts: {
    columns: [["id", "id"], ["school_id", "id"], ["as_of", "date"], ["land", "num"], ["building", "num"], ["track", "num"], ["equipment", "num"], ["books", "num"]],
    primaryKey: ["id"],
    indexes: [["school_id", "as_of"]]
  },
  enterprise: { columns: [["id", "id"], ["credit_code", "key"]], primaryKey: ["id"], indexes: [["credit_code"]] },
  apprentice: { columns: [["id", "id"], ["school_id", "id"], ["enterprise_id", "id"], ["term_start", "date"], ["term_end", "date"]], primaryKey: ["id"], indexes: [["enterprise_id"], ["school_id"]] },
  item: {
    columns: [["kind", "key"], ["owner_id", "id"], ["ord", "int"], ["school_id", "id"], ["d1", "date"], ["d2", "date"], ["i1", "int"], ["i2", "int"], ["num", "num"], ["txt", "id"], ["label", "label"]],
    primaryKey: ["kind", "owner_id", "ord"],
    indexes: [["kind", "txt"], ["kind", "school_id", "d1"]]
  }
} as const satisfies Record<string, TableSpec>

/** @internal */
export type TableName = keyof typeof specs

/** @internal */
export const tableNames = Object.keys(specs) as ReadonlyArray<TableName>

/** @internal */
export const table = (prefix: string, name: TableName): string => `${prefix}indb_${name}`

/** @internal */
export const migrationsTable = (prefix: string): string => `${prefix}indb_migrations`

const sqlType = (dialect: Dialect, type: ColumnType): string => {
  switch (dialect) {
    case "pg":
      return type === "int" ? "BIGINT" : type === "num" ? "DOUBLE PRECISION" : type === "label" ? "TEXT" : 'TEXT COLLATE "C"'
    case "sqlite":
      return type === "int" ? "INTEGER" : type === "num" ? "REAL" : "TEXT"
    case "mysql":
      return type === "int" ? "BIGINT" : type === "num" ? "DOUBLE" : type === "label" ? "LONGTEXT" : type === "date" ? "VARCHAR(32)" : "VARCHAR(255)"
  }
}

const quote = (dialect: Dialect, name: string) => (dialect === "mysql" ? `\`${name}\`` : `"${name}"`)

/**
 * Migration 0001 of the side tables; idempotent like the store's own (`IF NOT EXISTS`; on MySQL the indexes
 * are declared inside `CREATE TABLE`, so a table exists with all its indexes or not at all).
 */
const createTables = (sql: SqlClient.SqlClient, dialect: Dialect, prefix: string): Effect.Effect<void, SqlError> =>
  Effect.flatMap(dialect === "mysql" ? mysqlCollation(sql) : Effect.succeed(""), (collation) =>
    Effect.forEach(
      tableNames,
      (name) => {
        const spec: TableSpec = specs[name]
        const t = table(prefix, name)
        const q = (n: string) => quote(dialect, n)
        const cols = spec.columns.map(([c, type]) => `  ${c} ${sqlType(dialect, type)}${spec.primaryKey.includes(c) ? " NOT NULL" : ""}`)
        const pk = `  CONSTRAINT ${q(`${t}_pk`)} PRIMARY KEY (${spec.primaryKey.join(", ")})`
        const indexName = (cs: ReadonlyArray<string>) => q(`${t}_${cs.join("_")}`)
        if (dialect === "mysql") {
          const keys = spec.indexes.map((cs) => `  KEY ${indexName(cs)} (${cs.join(", ")})`)
          return sql.unsafe(`CREATE TABLE IF NOT EXISTS ${q(t)} (\n${[...cols, `  PRIMARY KEY (${spec.primaryKey.join(", ")})`, ...keys].join(",\n")}\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${collation}`)
        }
        return Effect.zipRight(
          sql.unsafe(`CREATE TABLE IF NOT EXISTS ${q(t)} (\n${[...cols, pk].join(",\n")}\n)`),
          Effect.forEach(spec.indexes, (cs) => sql.unsafe(`CREATE INDEX IF NOT EXISTS ${indexName(cs)} ON ${q(t)} (${cs.join(", ")})`), { discard: true })
        )
      },
      { discard: true }
    )
  )

/**
 * The side tables' migrations (in `<prefix>indb_migrations`, apart from the store's own, so a store without
 * indicators in the database keeps exactly its tables).
 *
 * @internal
 */
export const migrations = (sql: SqlClient.SqlClient, dialect: Dialect, prefix: string): Record<string, Effect.Effect<void, SqlError>> => ({
  "0001_indb_tables": createTables(sql, dialect, prefix)
})

/**
 * Checks that every side table and column exists: one statement reading no rows from each.
 *
 * @internal
 */
export const verify = (sql: SqlClient.SqlClient, prefix: string): Effect.Effect<void, SqlError> =>
  Effect.asVoid(
    sql.unsafe(tableNames.map((name, k) => `SELECT 1 AS one FROM (SELECT ${specs[name].columns.map(([c]) => c).join(", ")} FROM ${table(prefix, name)} WHERE 1 = 0) q${k}`).join(" UNION ALL "))
  )
