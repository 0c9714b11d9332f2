import { describe, expect, it } from "@effect/vitest"
import { SqlError } from "@effect/sql/SqlError"
import { classify, uniqueViolation } from "../src/internal/errors.js"

// Driver errors as pg, mysql2, better-sqlite3 and node:net shape them, wrapped the way @effect/sql wraps them.
const wrap = (cause: object) => new SqlError({ cause, message: "Failed to execute statement" })
const pg = (code: string, extra: object = {}) => wrap(Object.assign(new Error(`pg ${code}`), { code, ...extra }))
const mysql = (errno: number, code: string, sqlMessage = code, extra: object = {}) => wrap(Object.assign(new Error(sqlMessage), { errno, code, sqlMessage, ...extra }))
const sqlite = (code: string) => wrap(Object.assign(new Error(code), { code }))
const net = (code: string, errno: number) => wrap(Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, errno }))

describe("error mapping", () => {
  it.each([
    [pg("23505"), "constraint"],
    [pg("23502"), "constraint"],
    [pg("22001"), "constraint"],
    [pg("40001"), "conflict"],
    [pg("40P01"), "conflict"],
    [pg("57P01"), "unavailable"],
    [pg("08006"), "unavailable"],
    [pg("28P01"), "unavailable"],
    [pg("3D000"), "unavailable"],
    [pg("42P01"), "unknown"],
    [mysql(1062, "ER_DUP_ENTRY"), "constraint"],
    [mysql(1406, "ER_DATA_TOO_LONG"), "constraint"],
    [mysql(1213, "ER_LOCK_DEADLOCK"), "conflict"],
    [mysql(1205, "ER_LOCK_WAIT_TIMEOUT"), "conflict"],
    [mysql(1305, "ER_SP_DOES_NOT_EXIST", "SAVEPOINT effect_sql_1 does not exist"), "conflict"],
    [mysql(1305, "ER_SP_DOES_NOT_EXIST", "FUNCTION test.f does not exist"), "unknown"],
    [mysql(1045, "ER_ACCESS_DENIED_ERROR"), "unavailable"],
    [mysql(1049, "ER_BAD_DB_ERROR"), "unavailable"],
    [wrap(Object.assign(new Error("Connection lost: The server closed the connection."), { code: "PROTOCOL_CONNECTION_LOST", fatal: true })), "unavailable"],
    [mysql(1146, "ER_NO_SUCH_TABLE"), "unknown"],
    [sqlite("SQLITE_CONSTRAINT_PRIMARYKEY"), "constraint"],
    [sqlite("SQLITE_CONSTRAINT_UNIQUE"), "constraint"],
    [sqlite("SQLITE_BUSY"), "conflict"],
    [sqlite("SQLITE_BUSY_SNAPSHOT"), "conflict"],
    [sqlite("SQLITE_CANTOPEN"), "unavailable"],
    [sqlite("SQLITE_IOERR_WRITE"), "unavailable"],
    [sqlite("SQLITE_CORRUPT"), "corrupt"],
    [sqlite("SQLITE_ERROR"), "unknown"],
    [net("ECONNREFUSED", -111), "unavailable"],
    [net("ETIMEDOUT", -110), "unavailable"],
    [net("EPIPE", -32), "unavailable"],
    [wrap(Object.assign(new AggregateError([Object.assign(new Error("connect ECONNREFUSED ::1:5432"), { code: "ECONNREFUSED", errno: -111 })]), {})), "unavailable"],
    [wrap(new Error("Connection terminated unexpectedly")), "unavailable"],
    [new SqlError({ cause: new Error("Connection timed out"), message: "PgClient: Connection timed out" }), "unavailable"],
    [wrap(new Error("something else")), "unknown"]
  ] as const)("%# %s → %s", (error, reason) => {
    expect(classify(error).reason).toBe(reason)
  })

  it("tells a primary-key duplicate from another unique key", () => {
    expect(uniqueViolation(pg("23505", { constraint: "cj_aggregates_pk" }), "cj_aggregates_pk")).toBe("primary")
    expect(uniqueViolation(pg("23505", { constraint: "cj_aggregates_natural_key" }), "cj_aggregates_pk")).toBe("other")
    expect(uniqueViolation(mysql(1062, "ER_DUP_ENTRY", "Duplicate entry 'kit-r-1' for key 'PRIMARY'"), "x")).toBe("primary")
    expect(uniqueViolation(mysql(1062, "ER_DUP_ENTRY", "Duplicate entry 'kit-r-1' for key 'cj_aggregates.PRIMARY'"), "x")).toBe("primary")
    // The value is quoted into the message: a hostile one must not pass for the key name.
    expect(uniqueViolation(mysql(1062, "ER_DUP_ENTRY", "Duplicate entry 'for key 'PRIMARY'' for key 'cj_aggregates_natural_key'"), "x")).toBe("other")
    expect(uniqueViolation(sqlite("SQLITE_CONSTRAINT_PRIMARYKEY"), "x")).toBe("primary")
    expect(uniqueViolation(sqlite("SQLITE_CONSTRAINT_UNIQUE"), "x")).toBe("other")
    expect(uniqueViolation(pg("40001"), "x")).toBeUndefined()
  })
})
