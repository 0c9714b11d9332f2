import { Aggregates } from "@chanjiao/store"
import { Validation } from "@chanjiao/core"
import { Generate } from "@chanjiao/testkit"
import { canonicalJson, sha256 } from "./src/internal/hash.js"
import * as crypto from "node:crypto"
const r = Generate.school(0, Generate.sizes.province, { seed: 7 })
const all: unknown[] = []
for (const [type, xs] of Generate.byType(r)) { const d = Validation.decode((Aggregates.types as any)[type].schema); for (const x of xs) all.push((d(x) as any).right) }
const texts = all.map((x) => canonicalJson(x))
const bench = (name: string, f: (i: number) => unknown) => { for (let i = 0; i < all.length; i++) f(i); const t = performance.now(); let k = 0; while (performance.now() - t < 1500) { for (let i = 0; i < all.length; i++) f(i); k++ } console.log(name.padEnd(24), ((performance.now() - t) / k / all.length * 1000).toFixed(2), "µs") }
bench("JSON.stringify", (i) => JSON.stringify(all[i]))
bench("canonicalJson", (i) => canonicalJson(all[i]))
bench("sha256 (ours)", (i) => sha256(texts[i]!))
bench("createHash", (i) => crypto.createHash("sha256").update(texts[i]!, "utf8").digest("hex"))
bench("crypto.hash", (i) => (crypto as any).hash("sha256", texts[i]!, "hex"))
bench("isWellFormed", (i) => (texts[i] as any).isWellFormed())
console.log("avg len", texts.reduce((n, t) => n + t.length, 0) / texts.length)
