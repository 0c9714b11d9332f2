#!/usr/bin/env node
// `npm run smoke:pack`: packs every publishable package, installs the tarballs into a fresh temporary project
// (with the peer dependencies at the versions this repo locks), then imports each from ESM and requires it
// from CommonJS under this Node and calls one real function. Run after `npm run build`.
import { execFileSync } from "node:child_process"
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { publishable, root } from "./packages.mjs"

const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" })
const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"))
const locked = (name) => lock.packages[`node_modules/${name}`]?.version

// What each package's smoke test calls: one real function, with a result checked.
const probes = {
  "@chanjiao/core": {
    esm: `import { Identity, National, Policy, IsoDate, Jurisdiction } from "@chanjiao/core"
const check = Identity.creditCodeCheck("91370828MA3C4P2X1")
if (check !== "N") throw new Error("credit code check: " + check)
const r = Policy.at(National.policy, Jurisdiction.national, IsoDate.unsafeMake("2024-09-01"))
if (r.value(National.internshipPostMinAge) !== 16) throw new Error("policy resolution failed")
console.log("ESM ok: check character", check, "· post internship minimum age", r.value(National.internshipPostMinAge))`,
    cjs: `const { Identity, Validation, Teacher, Errors } = require("@chanjiao/core")
const { isLeft } = require("effect/Either")
const r = Validation.decode(Teacher.Teacher)({ id: "t", idNumber: "370828199001010021" })
if (!isLeft(r) || !(r.left instanceof Errors.InvalidInput)) throw new Error("expected InvalidInput")
if (Identity.idNumberCheck("37082819900101002") !== "X") throw new Error("id check")
console.log("CJS ok:", r.left.issues.length, "issues, first:", r.left.issues[0].zh)`
  },
  "@chanjiao/store-sql": {
    esm: `import { Client } from "@chanjiao/store-sql"
const client = await Client.createClient({ url: "sqlite::memory:" })
const school = { id: "s-1", code: "3137004512", name: "金乡县职业中等专业学校", type: "secondary", province: "37", legalPerson: true, hasCharter: true, attachedClassesOnly: false }
await client.put("school", school, { actor: "smoke", at: "2025-03-01T08:00:00Z", expectedVersion: 0 })
const got = await client.get("school", "s-1")
await client.close()
if (got.version !== 1) throw new Error("version " + got.version)
console.log("ESM ok: SQLite store put/get, version", got.version)`,
    cjs: `const { Client } = require("@chanjiao/store-sql")
Client.createClient({ url: "sqlite::memory:" }).then(async (client) => {
  try {
    await client.get("teacher", "missing")
    throw new Error("expected not-found")
  } catch (e) {
    if (e._tag !== "StoreError" || e.reason !== "not-found") throw e
    console.log("CJS ok: missing teacher is a StoreError", e.reason)
  } finally {
    await client.close()
  }
})`
  },
  "@chanjiao/cli": {
    esm: `import { Cli } from "@chanjiao/cli"
let out = ""
const code = await Cli.run(["check", "--db", "memory:", "--date", "2025-06-30"], { out: (t) => void (out += t), err: () => undefined, tty: false, cwd: process.cwd(), now: () => 0, today: () => "2025-06-30", instant: () => "2025-06-30T00:00:00Z" })
if (code !== 0 || !out.includes("检查结果")) throw new Error("check: " + code + " " + out)
console.log("ESM ok:", out.trim())`,
    cjs: `const { Cli } = require("@chanjiao/cli")
let err = ""
Cli.run(["check", "--date", "2025-02-30"], { out: () => undefined, err: (t) => void (err += t), tty: false, cwd: process.cwd(), now: () => 0, today: () => "2025-06-30", instant: () => "2025-06-30T00:00:00Z" }).then((code) => {
  if (code !== 2) throw new Error("expected exit code 2, got " + code)
  console.log("CJS ok: bad date exits", code)
})`
  },
  "@chanjiao/testkit": {
    esm: `import { Generate } from "@chanjiao/testkit"
const a = Generate.school(0, Generate.sizes.school, { seed: 1 })
const b = Generate.school(0, Generate.sizes.school, { seed: 1 })
if (a.students.length !== 3000 || JSON.stringify(a.teachers) !== JSON.stringify(b.teachers)) throw new Error("generator")
console.log("ESM ok:", a.students.length, "students,", a.breaches.length, "planted breaches")`,
    cjs: `const { Generate } = require("@chanjiao/testkit")
const ds = Generate.dataset(Generate.sizes.county, { seed: 2 })
if (ds.schools.length !== 10) throw new Error("county")
console.log("CJS ok: county of", ds.schools.length, "schools,", ds.students.length, "students")`
  },
  "@chanjiao/store": {
    esm: `import { Memory, Store, Errors } from "@chanjiao/store"
import { fixtures } from "@chanjiao/store/fixtures"
import * as Effect from "effect/Effect"
import * as DateTime from "effect/DateTime"
const school = { id: "s-1", code: "3137004512", name: "金乡县职业中等专业学校", type: "secondary", province: "37", legalPerson: true, hasCharter: true, attachedClassesOnly: false }
const w = (v) => ({ actor: "smoke", at: DateTime.unsafeMake("2025-03-01T08:00:00Z"), expectedVersion: v })
const program = Effect.gen(function* () {
  const store = yield* Store.Store
  yield* store.put("school", school, w(0))
  const stale = yield* Effect.flip(store.put("school", school, w(0)))
  if (!(stale instanceof Errors.Conflict)) throw new Error("expected a Conflict")
  yield* store.put("teacher", fixtures.teacher("t-1", "s-1"), w(0))
  return (yield* store.get("school", "s-1")).version
})
const version = await Effect.runPromise(Effect.provide(program, Memory.layerMemory))
if (version !== 1) throw new Error("version " + version)
console.log("ESM ok: memory store put/get, stale write is a Conflict; @chanjiao/store/fixtures loads without a test runner")`,
    cjs: `const { Memory, Store, Errors } = require("@chanjiao/store")
const { fixtures } = require("@chanjiao/store/fixtures")
if (fixtures.school().id !== "s-kit") throw new Error("fixtures")
const Effect = require("effect/Effect")
const DateTime = require("effect/DateTime")
const program = Effect.flatMap(Store.Store, (store) => Effect.flip(store.put("teacher", { id: "t" }, { actor: "smoke", at: DateTime.unsafeMake("2025-03-01T08:00:00Z"), expectedVersion: 0 })))
Effect.runPromise(Effect.provide(program, Memory.layerMemory)).then((e) => {
  if (e._tag !== "InvalidInput") throw new Error("expected InvalidInput, got " + e._tag)
  console.log("CJS ok: invalid teacher refused with", e.issues.length, "issues")
})`
  },
  "@chanjiao/plugin-province-gansu": {
    esm: `import { IsoDate, National, Plugin, Policy } from "@chanjiao/core"
import { Gansu } from "@chanjiao/plugin-province-gansu"
const bundle = Plugin.unsafeCompose(National.policy, Gansu.plugin)
const r = Policy.at(bundle.policy, { province: "62" }, IsoDate.unsafeMake("2024-09-01")).explain(National.dsContractYearsMin)
if (r.value !== 2 || r.layer?.source !== "gansu" || r.entry?.verified !== true) throw new Error("Gansu layer: " + JSON.stringify(r))
console.log("ESM ok: Gansu contract-years value from the gansu layer, verified")`,
    cjs: `const { IsoDate, National, Plugin, Policy } = require("@chanjiao/core")
const { Gansu } = require("@chanjiao/plugin-province-gansu")
const bundle = Plugin.unsafeCompose(National.policy, Gansu.plugin)
const r = Policy.at(bundle.policy, { province: "37" }, IsoDate.unsafeMake("2024-09-01")).explain(National.dsContractYearsMin)
if (r.layer?.source !== "@chanjiao/core") throw new Error("outside Gansu: " + JSON.stringify(r))
console.log("CJS ok: outside Gansu the national value applies")`
  },
  "@chanjiao/plugin-local-rules": {
    esm: `import { IsoDate, National, Plugin, Policy } from "@chanjiao/core"
import { LocalRules, Subjects } from "@chanjiao/plugin-local-rules"
const bundle = Plugin.unsafeCompose(National.policy, LocalRules.jiangxi(), LocalRules.yantai())
const year = { enterpriseId: "e-1", enterpriseName: "企业", year: 2024, aboveDesignatedSize: true, technicalPosts: 120, internshipPosts: 11, employees: 800, teacherPracticePlaces: 16 }
const f = Subjects.checkEnterpriseContribution(Policy.at(bundle.policy, { province: "36" }, IsoDate.unsafeMake("2024-12-31")), year)
if (f.length !== 1 || f[0].ruleId !== "ENT-LOCAL-JX-10") throw new Error("ENT-LOCAL-JX-10: " + JSON.stringify(f))
console.log("ESM ok: ENT-LOCAL-JX-10 found in Jiangxi")`,
    cjs: `const { Either } = { Either: require("effect/Either") }
const { LocalRules, Subjects } = require("@chanjiao/plugin-local-rules")
const bad = Subjects.decode.apprenticeshipClass({ id: "c" })
if (!Either.isLeft(bad) || bad.left._tag !== "InvalidInput") throw new Error("expected InvalidInput")
if (LocalRules.catalogue.length < 14) throw new Error("catalogue")
console.log("CJS ok: bad input is an InvalidInput with", bad.left.issues.length, "issues;", LocalRules.catalogue.length, "catalogue rows")`
  },
  "@chanjiao/export": {
    esm: `import { Csv, Table, Xlsx } from "@chanjiao/export"
import * as Effect from "effect/Effect"
const bytes = Csv.write(Table.make({ name: { zh: "检查结论", en: "findings" }, columns: [{ key: "m", header: { zh: "说明", en: "message" }, kind: "text" }], rows: [["=1+1"]] }))
if (bytes[0] !== 0xef || bytes[1] !== 0xbb || bytes[2] !== 0xbf) throw new Error("CSV does not start with a BOM")
const text = new TextDecoder().decode(bytes.subarray(3))
if (text !== "说明\\r\\n'=1+1\\r\\n") throw new Error("CSV: " + JSON.stringify(text))
const xlsx = await Effect.runPromise(Xlsx.write([Table.findings([])]))
if (xlsx[0] !== 0x50 || xlsx[1] !== 0x4b) throw new Error("XLSX is not a ZIP")
console.log("ESM ok: CSV with BOM, formula neutralised; XLSX of", xlsx.length, "bytes")`,
    cjs: `const { Csv, Json, Mask } = require("@chanjiao/export")
const bytes = Csv.findings([])
if (bytes[0] !== 0xef || bytes[1] !== 0xbb || bytes[2] !== 0xbf) throw new Error("CSV does not start with a BOM")
if (Mask.idNumber("110105199001011234") !== "110105********1234") throw new Error("masking")
const schemas = Json.jsonSchemas()
if (schemas.Teacher.$schema !== "http://json-schema.org/draft-07/schema#") throw new Error("JSON Schema")
console.log("CJS ok: findings CSV with BOM,", Object.keys(schemas).length, "JSON Schemas")`
  },
  "@chanjiao/plugin-webhook": {
    esm: `import { Signature, Webhook } from "@chanjiao/plugin-webhook"
import { Memory } from "@chanjiao/store"
import * as Effect from "effect/Effect"
const secret = "smoke-secret-0123456789"
const ok = Signature.verify(secret, { "chanjiao-signature": Signature.sign(secret, '{"a":1}', Math.floor(Date.now() / 1000)) }, '{"a":1}')
if (ok._tag !== "Right") throw new Error("verify: " + ok.left.message)
const out = await Effect.runPromise(Webhook.deliverBatch({ url: "http://127.0.0.1:9/hook", secret }).pipe(Effect.provide(Memory.layerMemory)))
if (out.stats.claimed !== 0) throw new Error("claimed " + out.stats.claimed)
console.log("ESM ok: signature verifies; empty outbox, nothing claimed")`,
    cjs: `const { Signature, Webhook } = require("@chanjiao/plugin-webhook")
const { Memory } = require("@chanjiao/store")
const bad = Signature.verify("smoke-secret-0123456789", { "chanjiao-signature": "t=1,v1=" + "0".repeat(64) }, "{}")
if (bad._tag !== "Left" || bad.left.reason !== "stale-timestamp") throw new Error("expected stale-timestamp")
Webhook.start({ store: Memory.layerMemory, url: "ftp://example.edu.cn/hook", secret: "short" }).then(
  () => { throw new Error("expected InvalidInput") },
  (e) => {
    if (e._tag !== "InvalidInput") throw e
    console.log("CJS ok: stale signature refused; bad configuration rejected with", e.issues.length, "issues")
  }
)`
  }
}

const work = mkdtempSync(join(tmpdir(), "chanjiao-smoke-"))
try {
  const tarballs = []
  const peers = new Set()
  for (const { dir, pkg } of publishable()) {
    const out = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", work], dir))
    tarballs.push(join(work, out[0].filename))
    // Optional peers (vitest for @chanjiao/store/testing) are not needed to import the package.
    for (const peer of Object.keys(pkg.peerDependencies ?? {})) if (!peer.startsWith("@chanjiao/") && pkg.peerDependenciesMeta?.[peer]?.optional !== true) peers.add(peer)
    if (!probes[pkg.name]) throw new Error(`pack-smoke: no probe for ${pkg.name}; add one to scripts/pack-smoke.mjs`)
  }
  const app = join(work, "app")
  run("mkdir", ["-p", app])
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "smoke-app", private: true, version: "0.0.0" }))
  const peerSpecs = [...peers].map((p) => `${p}@${locked(p) ?? "latest"}`)
  console.log(`installing ${tarballs.map((t) => t.split("/").pop()).join(", ")} with ${peerSpecs.join(", ")}`)
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", ...tarballs, ...peerSpecs], app)
  for (const { pkg } of publishable()) {
    const slug = pkg.name.replace(/[@/]/g, "_")
    writeFileSync(join(app, `${slug}.mjs`), probes[pkg.name].esm)
    writeFileSync(join(app, `${slug}.cjs`), probes[pkg.name].cjs)
    process.stdout.write(`${pkg.name} ${run("node", [`${slug}.mjs`], app)}`)
    process.stdout.write(`${pkg.name} ${run("node", [`${slug}.cjs`], app)}`)
  }
  console.log(`pack-smoke: ${publishable().length} package(s) import from ESM and require from CJS`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
