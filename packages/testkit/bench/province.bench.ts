/**
 * The `province` dataset (400 schools: 600,000 students, 48,000 teachers, 20,000 enterprises, 60,000 agreements,
 * 300,000 internships with their tripartite agreements and assessments), generated twice with the same seed and
 * streamed school by school into the JSON exporter (`Json.stringify`, one record per line) and a SHA-256 digest:
 * the two digests must be equal (byte-identical exports; the run fails otherwise), and the live heap after the
 * last school must be what it was after the tenth (the generation streams: the export is about 780 MB of JSON, never
 * held; the run fails otherwise). The baseline streams the same records
 * through the native `JSON.stringify` into the same digest.
 */
import { Json } from "@chanjiao/export"
import { Generate } from "@chanjiao/testkit"
import { createHash } from "node:crypto"
import { performance } from "node:perf_hooks"

const size = Generate.sizes.province

const gc = (globalThis as { gc?: () => void }).gc
/** The heap in use after a full collection (MB), when the process runs with --expose-gc (bench.mjs passes it). */
const live = () => {
  if (gc === undefined) return Number.NaN
  gc()
  return process.memoryUsage().heapUsed / 1e6
}

const pass = (write: (value: unknown) => string) => {
  const hash = createHash("sha256")
  let records = 0
  let bytes = 0
  let early = Number.NaN
  const t0 = performance.now()
  let paused = 0
  let school = 0
  for (const r of Generate.schools(size, { seed: 7 })) {
    if (++school === 10) {
      const p = performance.now()
      early = live()
      paused += performance.now() - p
    }
    const lines: Array<string> = []
    for (const [, xs] of Generate.byType(r)) for (const x of xs as ReadonlyArray<unknown>) lines.push(write(x))
    const text = lines.join("\n") + "\n"
    hash.update(text)
    records += lines.length
    bytes += text.length
  }
  const ms = performance.now() - t0 - paused
  return { ms, digest: hash.digest("hex"), records, bytes, early, late: live() }
}

const first = pass((x) => Json.stringify(x))
const baseline = pass((x) => JSON.stringify(x))
const second = pass((x) => Json.stringify(x))
if (first.digest !== second.digest || first.records !== second.records) {
  console.error(`province export differs between two runs with the same seed: ${first.digest} vs ${second.digest}`)
  process.exit(1)
}
// Streaming: the live heap after the last school is what it was after the tenth (a held export would add ~780 MB).
if (second.late > second.early + 64) {
  console.error(`the province generation does not stream: live heap ${second.early.toFixed(0)} MB after 10 schools, ${second.late.toFixed(0)} MB after 400`)
  process.exit(1)
}
console.error(`province: ${first.records.toLocaleString("en-US")} records, ${(first.bytes / 1e6).toFixed(0)} MB of JSON, sha256 ${first.digest} (twice); live heap ${second.early.toFixed(0)} MB after 10 schools, ${second.late.toFixed(0)} MB after 400`)
const oursMs = (first.ms + second.ms) / 2
console.log(
  `BENCH ${JSON.stringify({
    workload: "testkit: generate the province twice (seed 7), streamed into the JSON exporter — identical digests",
    size: `400 schools, ${first.records.toLocaleString("en-US")} records, ${(first.bytes / 1e6).toFixed(0)} MB`,
    oursMs,
    baselineMs: baseline.ms,
    ratio: oursMs / baseline.ms,
    rowsPerSecond: first.records / (oursMs / 1000),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    targetMs: null,
    targetRatio: null
  })}`
)
