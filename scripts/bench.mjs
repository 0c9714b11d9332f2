#!/usr/bin/env node
// `npm run bench` (after building the packages, so the figures are those of the published code): runs every
// benchmark file of the project (packages/*/bench/*.bench.ts), one process per
// file, and prints one table: workload, size, our time, the baseline's time (measured in the same run), the
// ratio, rows/s and peak RSS. Nothing here is asserted in `npm test`; targets are printed, not enforced.
import { spawnSync } from "node:child_process"
import { existsSync, readdirSync } from "node:fs"
import { join, relative } from "node:path"
import { root } from "./packages.mjs"

const files = readdirSync(join(root, "packages"))
  .map((p) => join(root, "packages", p, "bench"))
  .filter((d) => existsSync(d))
  .flatMap((d) => readdirSync(d).filter((f) => f.endsWith(".bench.ts")).map((f) => join(d, f)))
  .sort()

const rows = []
let failed = false
const started = Date.now()
for (const file of files) {
  console.error(`running ${relative(root, file)} …`)
  const r = spawnSync(process.execPath, ["--expose-gc", "--max-old-space-size=8192", "--import", "tsx", file], { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 })
  if (r.status !== 0) {
    failed = true
    console.error(r.stderr || r.stdout)
    continue
  }
  for (const line of r.stdout.split("\n")) if (line.startsWith("BENCH ")) rows.push({ file: relative(root, file), ...JSON.parse(line.slice(6)) })
}

const fmt = (n, d = 1) => n.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d })
const table = [
  ["workload", "size", "ours ms", "baseline ms", "ratio", "rows/s", "peak RSS MB", "target"],
  ...rows.map((r) => [
    r.workload,
    r.size,
    fmt(r.oursMs),
    fmt(r.baselineMs),
    `${fmt(r.ratio, 2)}×`,
    fmt(r.rowsPerSecond, 0),
    fmt(r.peakRssMb, 0),
    [
      r.targetMs == null ? "" : `< ${r.targetMs} ms ${r.oursMs < r.targetMs ? "✓" : "✗ MISSED"}`,
      r.targetRatio == null ? "" : `≤ ${r.targetRatio}× ${r.ratio <= r.targetRatio ? "✓" : "✗ MISSED"}`,
      r.targetRowsPerSecond == null ? "" : `≥ ${fmt(r.targetRowsPerSecond, 0)}/s ${r.rowsPerSecond >= r.targetRowsPerSecond ? "✓" : "✗ MISSED"}`,
      r.targetPeakRssMb == null ? "" : `RSS < ${r.targetPeakRssMb} MB ${r.peakRssMb < r.targetPeakRssMb ? "✓" : "✗ MISSED"}`
    ].filter(Boolean).join(", ")
  ])
]
const widths = table[0].map((_, i) => Math.max(...table.map((row) => [...row[i]].length)))
const line = (row) => `| ${row.map((c, i) => c + " ".repeat(widths[i] - [...c].length)).join(" | ")} |`
console.log(line(table[0]))
console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`)
for (const row of table.slice(1)) console.log(line(row))
const missed = rows.filter((r) => [r.targetMs != null && !(r.oursMs < r.targetMs), r.targetRatio != null && !(r.ratio <= r.targetRatio), r.targetRowsPerSecond != null && !(r.rowsPerSecond >= r.targetRowsPerSecond), r.targetPeakRssMb != null && !(r.peakRssMb < r.targetPeakRssMb)].some(Boolean))
const withTargets = rows.filter((r) => r.targetMs != null || r.targetRatio != null || r.targetRowsPerSecond != null || r.targetPeakRssMb != null)
console.log(`\nNode ${process.version} · ${files.length} benchmark file(s) · ${Math.round((Date.now() - started) / 1000)} s · baseline = a hand-written loop, the raw driver or hand-written SQL, same process`)
console.log(`targets: ${withTargets.length - missed.length} of ${withTargets.length} met${missed.length === 0 ? "" : ` — missed: ${missed.map((r) => r.workload).join("; ")}`}`)
if (failed) process.exit(1)
