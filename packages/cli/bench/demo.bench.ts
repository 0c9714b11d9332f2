/**
 * The full demo (`chanjiao demo`): generate the synthetic school, load it into a fresh SQLite file, check every
 * rule, grade, advance the agreements, compute the indicators and write the three reports. Target: under 60 s.
 * The baseline is generating the same records alone, so the ratio shows what the pipeline costs on top of them.
 */
import { Demo } from "@chanjiao/cli"
import { Generate } from "@chanjiao/testkit"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { performance } from "node:perf_hooks"

const dir = mkdtempSync(join(tmpdir(), "chanjiao-demo-bench-"))
const io = { out: () => undefined, err: () => undefined, tty: false, cwd: dir, now: () => performance.now(), today: () => "2025-08-31", instant: () => "2025-09-01T08:00:00.000Z" }
const median = (xs: ReadonlyArray<number>) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!
const ours: Array<number> = []
const base: Array<number> = []
let records = 0
for (let k = 0; k < 3; k++) {
  let t0 = performance.now()
  const r = Generate.school(0, Generate.sizes.school, { seed: 2024 })
  base.push(performance.now() - t0)
  records = r.students.length + r.teachers.length + r.enterprises.length + r.cooperation.length + r.internships.length + r.internshipAgreements.length + r.assessments.length
  t0 = performance.now()
  await Demo.build(join(dir, `run${k}`), { seed: 2024, lang: "zh", io })
  ours.push(performance.now() - t0)
}
console.log(
  `BENCH ${JSON.stringify({
    workload: "cli: the full demo (generate, load into SQLite, check, grade, advance, indicators, three reports)",
    size: `1 school, ${records.toLocaleString("en-US")} records`,
    oursMs: median(ours),
    baselineMs: median(base),
    ratio: median(ours) / median(base),
    rowsPerSecond: records / (median(ours) / 1000),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    targetMs: 60_000,
    targetRatio: null
  })}`
)
rmSync(dir, { recursive: true, force: true })
