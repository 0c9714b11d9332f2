import { describe, expect, it } from "@effect/vitest"
import { Errors as CoreErrors } from "@chanjiao/core"
import { Errors } from "@chanjiao/store"
import { fixtures } from "@chanjiao/store/testing"
import { Store } from "@chanjiao/store"
import * as SqlClient from "@effect/sql/SqlClient"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import { existsSync } from "node:fs"
import { createServer } from "node:net"
import type { AddressInfo } from "node:net"
import { inspect } from "node:util"
import { Client, Layers } from "../src/index.js"
import { describeTarget, dropTables, randomPrefix, serverClient, sqliteDatabase, target } from "./services.js"

const author = { actor: "人事处", at: "2025-03-01T08:00:00Z" }

/** What a rejected promise rejected with. */
const rejection = async (p: Promise<unknown>): Promise<unknown> => {
  try {
    await p
  } catch (e) {
    return e
  }
  throw new Error("expected the promise to reject")
}

/** Every method call against one client: our own errors come back, never a FiberFailure. */
const exercise = async (client: Client.StoreClient) => {
  const created = await client.put("teacher", fixtures.teacher("t-1"), { ...author, expectedVersion: 0 })
  expect([created.id, created.version]).toEqual(["t-1", 1])
  const conflict = await rejection(client.put("teacher", fixtures.teacher("t-1"), { ...author, expectedVersion: 0 }))
  expect(conflict).toBeInstanceOf(Errors.Conflict)
  expect((conflict as Errors.Conflict).current).toBe(1)
  const missing = await rejection(client.get("teacher", "nope"))
  expect(missing).toBeInstanceOf(Errors.StoreError)
  expect((missing as Errors.StoreError).reason).toBe("not-found")
  const invalid = await rejection(client.put("teacher", { id: "t-2" }, { ...author, expectedVersion: 0 }))
  expect(invalid).toBeInstanceOf(CoreErrors.InvalidInput)
  const badInstant = await rejection(client.put("teacher", fixtures.teacher("t-3"), { actor: "x", at: "not a date", expectedVersion: 0 }))
  expect(badInstant).toBeInstanceOf(CoreErrors.InvalidInput)
  await client.put("teacher", fixtures.teacher("t-1", "s-kit", { name: "李明" }), { actor: "人事处", at: new Date("2025-03-02T08:00:00Z"), expectedVersion: 1 })
  expect((await client.get("teacher", "t-1")).value.name).toBe("李明")
  expect(await client.find("teacher", "t-9")).toBeUndefined()
  expect((await client.list("teacher")).map((t) => t.id)).toEqual(["t-1"])
  expect((await client.audit({ type: "teacher" })).map((a) => [a.version, a.at.slice(0, 10)])).toEqual([
    [1, "2025-03-01"],
    [2, "2025-03-02"]
  ])
  const claimed = await client.outbox.claim(10, { claimant: "hook", at: new Date("2025-03-03T00:00:00Z") })
  expect(claimed.map((e) => e.event)).toEqual(["teacher.created", "teacher.updated"])
  expect(await client.outbox.ack(claimed.map((e) => e.eventId), "hook")).toBe(2)
  expect((await client.outbox.list({ state: "acked" })).length).toBe(2)
  // Given back unsent, retried after a time, dead-lettered, revived: the outbox's optional operations.
  await client.put("teacher", fixtures.teacher("t-1", "s-kit", { name: "李明明" }), { actor: "人事处", at: new Date("2025-03-04T08:00:00Z"), expectedVersion: 2 })
  const [next] = await client.outbox.claim(1, { claimant: "hook", at: "2025-03-05T00:00:00Z" })
  expect(next!.attempts).toBe(1)
  expect(await client.outbox.release([next!.eventId], "hook", { unsent: true })).toBe(1)
  expect((await client.outbox.claim(1, { claimant: "hook", at: "2025-03-05T00:00:01Z" }))[0]!.attempts).toBe(1)
  expect(await client.outbox.retry!([next!.eventId], "hook", { at: "2025-03-05T01:00:00Z" })).toBe(1)
  expect(await client.outbox.claim(1, { claimant: "hook", at: "2025-03-05T00:30:00Z" })).toEqual([])
  expect((await client.outbox.claim(1, { claimant: "hook", at: "2025-03-05T01:00:01Z" }))[0]!.attempts).toBe(2)
  expect(await client.outbox.deadLetter!([next!.eventId], "hook")).toBe(1)
  expect((await client.outbox.list({ state: "dead" })).map((e) => e.eventId)).toEqual([next!.eventId])
  expect(await client.outbox.revive!([next!.eventId])).toBe(1)
  expect((await client.outbox.list({ state: "pending" })).map((e) => [e.eventId, e.attempts])).toEqual([[next!.eventId, 0]])
  const badAt = await rejection(client.outbox.retry!([next!.eventId], "hook", { at: "not a date" }))
  expect(badAt).toBeInstanceOf(CoreErrors.InvalidInput)
  await client.migrate()
  expect((await client.loadDataset({ schoolIds: ["s-kit"] })).teachers.length).toBe(1)
}

/**
 * `close()` with calls in flight: they settle as they would have (the writes land whole), the connections close
 * after them, and a call made afterwards rejects at once with our own error.
 */
const closeWhileBusy = async (client: Client.StoreClient) => {
  const writes = Array.from({ length: 5 }, (_, k) => client.put("student", fixtures.student(`busy-${k}`), { ...author, expectedVersion: 0 }))
  const reads = Array.from({ length: 5 }, () => client.list("student"))
  const closed = client.close()
  expect(client.close()).toBe(closed)
  expect((await Promise.all(writes)).map((s) => [s.id, s.version])).toEqual(Array.from({ length: 5 }, (_, k) => [`busy-${k}`, 1]))
  for (const r of await Promise.all(reads)) expect(r.every((s) => s.type === "student")).toBe(true)
  await closed
  for (const after of [client.find("teacher", "t-1"), client.put("student", fixtures.student("late"), { ...author, expectedVersion: 0 }), client.outbox.list()]) {
    const e = await rejection(after)
    expect(e).toBeInstanceOf(Errors.StoreError)
    expect([(e as Errors.StoreError).reason, (e as Errors.StoreError).messageZh]).toEqual(["unavailable", "数据库不可用（call a closed client）：close() was called on this client / 客户端已关闭（已调用 close()）"])
  }
}

describe("Client", () => {
  it("memory: every method, and our own errors", async () => {
    const client = await Client.createClient({ url: "memory:" })
    try {
      expect(client.adapter.name).toBe("memory")
      await exercise(client)
      await closeWhileBusy(client)
    } finally {
      await client.close()
    }
  })

  it("sqlite:<file>: durable across clients; sqlite::memory: is not", async () => {
    const db = sqliteDatabase()
    try {
      const first = await Client.createClient({ url: `sqlite:${db.filename}`, prefix: "host_cj_" })
      expect([first.adapter.name, first.adapter.capabilities.durable]).toEqual(["sqlite", true])
      await exercise(first)
      await first.close()
      const again = await Client.createClient({ url: `sqlite://${db.filename}`, prefix: "host_cj_" })
      expect((await again.get("teacher", "t-1")).version).toBe(3)
      await closeWhileBusy(again)
      const third = await Client.createClient({ url: `sqlite:${db.filename}`, prefix: "host_cj_" })
      expect((await third.list("student")).length).toBe(5)
      await third.close()
      const memory = await Client.createClient({ url: "sqlite::memory:" })
      expect(memory.adapter.capabilities.durable).toBe(false)
      await memory.close()
    } finally {
      db.dispose()
    }
  })

  it("an unsupported url is refused with StoreError", async () => {
    for (const url of ["oracle://db/x", "sqlite:", "nothing"]) {
      const e = await rejection(Client.createClient({ url }))
      expect(e).toBeInstanceOf(Errors.StoreError)
      expect((e as Errors.StoreError).reason).toBe("invalid")
      expect((e as Errors.StoreError).messageZh).toMatch(/^调用参数或配置无效（create client）：(不支持的数据库地址类型|sqlite: 后应为)/)
    }
    expect(Client.layerFromUrl({ url: "ftp://x" })).toBeInstanceOf(Errors.StoreError)
  })

  it("a bad table prefix is refused before anything is opened: no SQLite file appears", async () => {
    const db = sqliteDatabase()
    try {
      for (const url of [`sqlite:${db.filename}`, "postgres://u@127.0.0.1:1/test", "mysql://u@127.0.0.1:1/test"]) {
        const e = await rejection(Client.createClient({ url, prefix: "Cj prefix; --" }))
        expect(e).toBeInstanceOf(Errors.StoreError)
        expect([(e as Errors.StoreError).reason, (e as Errors.StoreError).messageZh.startsWith("调用参数或配置无效（make sql driver）：表名前缀须为")]).toEqual(["invalid", true])
      }
      expect(existsSync(db.filename)).toBe(false)
    } finally {
      db.dispose()
    }
  })

  it("a MySQL url without a database is refused, saying so in both languages", async () => {
    for (const url of ["mysql://root@127.0.0.1:3306", "mariadb://root@127.0.0.1:3306/"]) {
      const e = await rejection(Client.createClient({ url }))
      expect(e).toBeInstanceOf(Errors.StoreError)
      expect((e as Errors.StoreError).reason).toBe("invalid")
      expect((e as Errors.StoreError).message).toContain("地址中缺少数据库名")
      expect((e as Errors.StoreError).message).toContain("the url names no database")
    }
  })

  it("a server that accepts connections but never answers is unavailable after connectTimeout, not waited for", async () => {
    const silent = createServer(() => undefined)
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve))
    const port = (silent.address() as AddressInfo).port
    try {
      for (const scheme of ["postgres", "mysql"]) {
        const started = Date.now()
        const e = await rejection(Client.createClient({ url: `${scheme}://u@127.0.0.1:${port}/test`, connectTimeout: "1 second" }))
        expect(e).toBeInstanceOf(Errors.StoreError)
        expect((e as Errors.StoreError).reason).toBe("unavailable")
        expect((e as Errors.StoreError).detail).toContain(`127.0.0.1:${port}/test`)
        expect(Date.now() - started).toBeLessThan(15_000)
      }
    } finally {
      silent.close()
    }
  }, 40_000)

  it("the password is in neither the message nor the cause kept for diagnostics", async () => {
    for (const url of ["mysql://root:S3cretPW@:3306/test", "postgres://root:S3cretPW@127.0.0.1:1/test", "mysql://root:S3cretPW@127.0.0.1:1/test"]) {
      const e = await rejection(Client.createClient({ url, connectTimeout: "2 seconds" }))
      expect(e).toBeInstanceOf(Errors.StoreError)
      expect(inspect(e, { depth: 10 })).not.toContain("S3cretPW")
      expect(JSON.stringify((e as Errors.StoreError).cause ?? null)).not.toContain("S3cretPW")
      // The chain a diagnosis needs stays: the driver's own error, under the client's.
      if (url.includes("127.0.0.1:1/")) expect(inspect((e as Errors.StoreError).cause, { depth: 10 })).toContain("ECONNREFUSED")
    }
  }, 30_000)

  it("a SQLite file that cannot be opened is unavailable", async () => {
    const e = await rejection(Client.createClient({ url: "sqlite:/nonexistent-dir/deeper/store.db" }))
    expect(e).toBeInstanceOf(Errors.StoreError)
    expect((e as Errors.StoreError).reason).toBe("unavailable")
    expect((e as Errors.StoreError).detail).toContain("/nonexistent-dir/deeper/store.db")
  })

  for (const [scheme, url] of [
    ["postgres", "postgres://chanjiao:s3cr%40t-pw@127.0.0.1:1/test"],
    ["mysql", "mysql://chanjiao:s3cr%40t-pw@127.0.0.1:1/test"],
    ["mariadb", "mariadb://chanjiao:s3cr%40t-pw@127.0.0.1:1/test"]
  ] as const) {
    it(`an unreachable ${scheme} server is unavailable, naming the host but not the password`, async () => {
      const e = await rejection(Client.createClient({ url }))
      expect(e).toBeInstanceOf(Errors.StoreError)
      const err = e as Errors.StoreError
      expect(err.reason).toBe("unavailable")
      expect(err.detail).toContain("127.0.0.1:1/test")
      expect(err.message).not.toContain("s3cr")
      expect(err.message).not.toContain("chanjiao:")
    })
  }
})

for (const t of [target("pg"), target("mysql")]) {
  describeTarget(t, "Client", () => {
    it("close() interrupts a call still blocked after its grace: the call rejects with our error, its change rolled back", async () => {
      const prefix = randomPrefix()
      const client = await Client.createClient({ url: t.url, prefix })
      const other = serverClient(t)
      try {
        await client.put("school", fixtures.school(), { ...author, expectedVersion: 0 })
        // Another connection locks the row for 3 s; the client's update waits for it.
        const table = `${prefix}aggregates`
        const holder = Effect.runPromise(
          Effect.provide(
            Effect.flatMap(SqlClient.SqlClient, (sql) =>
              sql.withTransaction(Effect.zipRight(sql`SELECT id FROM ${sql(table)} WHERE type = 'school' FOR UPDATE`, sql.unsafe(t.dialect === "pg" ? "SELECT pg_sleep(3)" : "SELECT SLEEP(3)")))
            ),
            Layer.orDie(other)
          )
        )
        await new Promise((r) => setTimeout(r, 300))
        const blocked = client.put("school", fixtures.school("s-kit", { name: "改名" }), { ...author, expectedVersion: 1 })
        await new Promise((r) => setTimeout(r, 300))
        await client.close({ grace: "500 millis" })
        const e = await rejection(blocked)
        expect(e).toBeInstanceOf(Errors.StoreError)
        expect([(e as Errors.StoreError).reason, (e as Errors.StoreError).detail]).toEqual(["unavailable", "close() interrupted this call; its changes were rolled back / close() 中断了本次调用，改动已回滚"])
        await holder
        const again = await Client.createClient({ url: t.url, prefix })
        expect((await again.get("school", "s-kit")).version).toBe(1)
        await again.close()
      } finally {
        await client.close()
        await Effect.runPromise(Effect.provide(dropTables(prefix), Layer.orDie(other)))
      }
    }, 60_000)

    it("connectTimeout bounds connecting, not a call's wait for a free connection of the pool", async () => {
      const prefix = randomPrefix()
      const client = serverClient(t, { maxConnections: 2, connectTimeout: "1 second" })
      const sleep = t.dialect === "pg" ? "SELECT pg_sleep(2.5)" : "SELECT SLEEP(2.5)"
      const program = Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const store = yield* Store.Store
        yield* store.put("school", fixtures.school(), { actor: "x", at: DateTime.unsafeMake("2025-03-01T08:00:00Z") as DateTime.Utc, expectedVersion: 0 })
        // Both connections of the pool busy for 2.5 s; a read queued behind them waits, and then succeeds.
        const busy = yield* Effect.fork(Effect.all([sql.withTransaction(sql.unsafe(sleep)), sql.withTransaction(sql.unsafe(sleep))], { concurrency: "unbounded" }))
        yield* Effect.sleep("300 millis")
        const started = Date.now()
        const found = yield* store.find("school", "s-kit")
        const waited = Date.now() - started
        yield* Fiber.join(busy)
        return { version: found?.version, waited }
      })
      try {
        const r = await Effect.runPromise(Effect.provide(program, Layers.layerStore({ prefix }).pipe(Layer.provideMerge(client))))
        expect(r.version).toBe(1)
        expect(r.waited).toBeGreaterThan(1_000)
      } finally {
        await Effect.runPromise(Effect.provide(dropTables(prefix), Layer.orDie(client)))
      }
    }, 60_000)

    it(`${t.url.split(":")[0]}://: every method, and our own errors`, async () => {
      const prefix = randomPrefix()
      const client = await Client.createClient({ url: t.url, prefix })
      try {
        expect(client.adapter).toEqual({ name: t.dialect === "pg" ? "postgresql" : "mysql", capabilities: { concurrentWriters: true, migrations: true, durable: true } })
        await exercise(client)
        await closeWhileBusy(client)
      } finally {
        await client.close()
        await Effect.runPromise(Effect.provide(dropTables(prefix), Layer.orDie(serverClient(t))))
      }
    }, 60_000)
  })
}
