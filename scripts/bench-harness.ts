/**
 * A tiny harness for benchmark files: each workload runs ours and a hand-written baseline in the same
 * process, with warm-up and the median of several runs, and prints one JSON line per workload that
 * `scripts/bench.mjs` turns into the table.
 */
import { performance } from "node:perf_hooks"

export interface Workload {
  readonly name: string
  /** What one run processes, e.g. `1,000,000 reads`. */
  readonly size: string
  /** Items per run, for the rows/s figure. */
  readonly items: number
  readonly ours: () => unknown
  readonly baseline: () => unknown
  /** An optional target: ours must take less than this many milliseconds (printed, not asserted in tests). */
  readonly targetMs?: number
  /** An optional target ratio: ours must take at most this many times the baseline's time. */
  readonly targetRatio?: number
  /** An optional target: the process's peak RSS must stay under this many megabytes. */
  readonly targetPeakRssMb?: number
  readonly warmup?: number
  readonly runs?: number
}

let sink: unknown
const median = (xs: ReadonlyArray<number>) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

// With --expose-gc (bench.mjs passes it), each sample starts from a collected heap, so one side does not pay
// for the garbage the other left behind.
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined)

const sample = (fn: () => unknown) => {
  collect()
  const t0 = performance.now()
  sink = fn()
  return performance.now() - t0
}

export const bench = (workloads: ReadonlyArray<Workload>): void => {
  for (const w of workloads) {
    const warmup = w.warmup ?? 3
    const runs = w.runs ?? 7
    // Interleaved: each run times the baseline then ours, both warm, so drift in the machine's speed (a shared
    // VM) falls on both sides alike; the medians are compared.
    for (let i = 0; i < warmup; i++) {
      sink = w.baseline()
      sink = w.ours()
    }
    const b: Array<number> = []
    const o: Array<number> = []
    for (let i = 0; i < runs; i++) {
      b.push(sample(w.baseline))
      o.push(sample(w.ours))
    }
    const baselineMs = median(b)
    const oursMs = median(o)
    const line = {
      workload: w.name,
      size: w.size,
      oursMs,
      baselineMs,
      ratio: oursMs / baselineMs,
      rowsPerSecond: w.items / (oursMs / 1000),
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      targetMs: w.targetMs ?? null,
      targetRatio: w.targetRatio ?? null,
      targetPeakRssMb: w.targetPeakRssMb ?? null
    }
    console.log(`BENCH ${JSON.stringify(line)}`)
  }
  if (sink === Symbol.for("never")) console.log("")
}
