/**
 * The README's curl examples, run one by one in order against the service on a SQLite temp file with the demo
 * records (what `npm run demo` serves), each checked against the `# → <status> <json>` line under it: the
 * documentation cannot drift from what the service does.
 */
import { Layers } from "@chanjiao/store-sql"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import * as Demo from "../src/Demo.js"
import type { Running } from "../src/Server.js"
import { serve } from "../src/Server.js"

interface Example {
  readonly command: string
  readonly method: string
  readonly url: string
  readonly headers: Record<string, string>
  readonly body: string | undefined
  readonly status: number
  readonly expected: unknown
}

/** The curl commands of the README's `sh` blocks, with the expectation under each. */
const examples = (markdown: string): ReadonlyArray<Example> => {
  const out: Array<Example> = []
  for (const block of markdown.matchAll(/```sh\n([\s\S]*?)```/g)) {
    const lines = block[1]!.replace(/\\\n\s*/g, "").split("\n")
    let pending: Omit<Example, "status" | "expected"> | undefined
    for (const line of lines) {
      if (line.startsWith("curl ")) {
        expect(pending, `a curl example without an expectation before: ${line}`).toBeUndefined()
        const tokens = [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!)
        let method: string | undefined
        let url = ""
        let body: string | undefined
        const headers: Record<string, string> = {}
        for (let i = 1; i < tokens.length; i++) {
          const t = tokens[i]!
          if (t === "-s") continue
          else if (t === "-X") method = tokens[++i]
          else if (t === "-H") {
            const h = tokens[++i]!
            const colon = h.indexOf(":")
            headers[h.slice(0, colon).trim().toLowerCase()] = h.slice(colon + 1).trim()
          } else if (t === "-d") body = tokens[++i]
          else if (t.startsWith("http")) url = t
          else throw new Error(`unknown curl argument ${t}`)
        }
        pending = { command: line, method: method ?? (body === undefined ? "GET" : "POST"), url, headers, body }
      } else if (line.startsWith("# → ")) {
        const m = /^# → (\d{3})(?: (.*))?$/.exec(line)
        if (m === null || pending === undefined) throw new Error(`an expectation without a command: ${line}`)
        out.push({ ...pending, status: Number(m[1]), expected: m[2] === undefined ? undefined : JSON.parse(m[2]) })
        pending = undefined
      }
    }
    expect(pending).toBeUndefined()
  }
  return out
}

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8")
const all = examples(readme)

describe("README curl examples", () => {
  let running: Running
  let dir: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "chanjiao-campus-readme-"))
    running = await serve({ store: Layers.layerSqlite({ filename: join(dir, "campus.db") }), port: 0 })
    await running.runtime.runPromise(Demo.seedNow(running.store))
  })
  afterAll(async () => {
    await running?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it("the README has the examples of every endpoint", () => {
    const paths = all.map((e) => `${e.method} ${new URL(e.url).pathname.replace(/\/(c|i|t|s)-[a-z0-9-]+/g, "/{id}")}`)
    expect(new Set(paths)).toEqual(
      new Set([
        "POST /api/agreements",
        "GET /api/agreements/{id}",
        "POST /api/agreements/{id}/events",
        "POST /api/agreements/{id}/advance",
        "POST /api/internships/{id}/assessments",
        "GET /api/teachers/{id}/qualification",
        "GET /api/schools/{id}/indicators"
      ])
    )
    expect(all.length).toBeGreaterThanOrEqual(18)
  })

  it("each example answers as the README says, in order", async () => {
    for (const e of all) {
      const url = e.url.replace("http://127.0.0.1:3000", running.url)
      const init: RequestInit = { method: e.method, headers: e.headers }
      if (e.body !== undefined) init.body = e.body
      const res = await fetch(url, init)
      const text = await res.text()
      expect({ command: e.command, status: res.status }).toEqual({ command: e.command, status: e.status })
      if (e.expected !== undefined) expect(JSON.parse(text), e.command).toMatchObject(e.expected as object)
    }
  })
})
