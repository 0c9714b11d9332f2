/**
 * `chanjiao demo`: the project's main job in one command. Builds a synthetic school modelled on the seed plan
 * (seeded, deterministic, labelled 合成数据) into an embedded SQLite file, evaluates every rule, grades the
 * internships, advances the agreements to the end of the school year, computes every indicator, writes
 * `report.html`, `report.xlsx` and `findings.csv`, and prints a short summary.
 *
 * @since 0.1.0
 */
import { IsoDate } from "@chanjiao/core"
import { Store } from "@chanjiao/store"
import { Layers } from "@chanjiao/store-sql"
import { Generate } from "@chanjiao/testkit"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Cause from "effect/Cause"
import * as Option from "effect/Option"
import { existsSync, mkdirSync, rmSync } from "node:fs"
import { join, relative, resolve } from "node:path"
import * as Args from "./Args.js"
import * as Engine from "./Engine.js"
import * as Files from "./Files.js"
import { progress } from "./Output.js"
import type { Io } from "./Output.js"
import type { Lang } from "./Text.js"

/** The demo's dates: the generator's snapshot, and the end of the 2024–2025 school year it advances to. */
const SNAPSHOT = IsoDate.unsafeMake("2025-06-30")
const YEAR_END = IsoDate.unsafeMake("2025-08-31")
const AT = DateTime.unsafeMake("2025-08-31T18:00:00Z") as DateTime.Utc

/**
 * What the demo did, for the summary and for tests.
 *
 * @since 0.1.0
 * @category models
 */
export interface Summary {
  readonly dir: string
  readonly files: ReadonlyArray<string>
  readonly counts: Readonly<Record<string, number>>
  readonly advanced: number
  /** Cooperation agreements by life-cycle state, after advancing. */
  readonly states: Readonly<Record<string, number>>
  readonly evaluation: Engine.Evaluation
}

/**
 * Builds the demo into `dir` (its SQLite file is replaced) and returns what it did.
 *
 * @since 0.1.0
 * @category combinators
 */
export const build = async (dir: string, options: { readonly seed: number; readonly lang: Lang; readonly io: Io }): Promise<Summary> => {
  const { io } = options
  mkdirSync(dir, { recursive: true })
  const db = join(dir, "demo.sqlite")
  for (const f of [db, `${db}-wal`, `${db}-shm`]) if (existsSync(f)) rmSync(f)
  const records = Generate.school(0, Generate.sizes.school, { seed: options.seed, asOf: SNAPSHOT })
  const author = { actor: "chanjiao demo", at: AT }
  // Dependency order: an assessment needs its internship.
  const batches = Generate.byType(records)
  const total = batches.reduce((n, [, xs]) => n + xs.length, 0)
  const program = Effect.gen(function* () {
    const store = yield* Store.Store
    const bar = progress(io, options.lang === "zh" ? "写入数据库" : "loading", total)
    let done = 0
    const counts: Record<string, number> = {}
    for (const [type, xs] of batches) {
      for (let k = 0; k < xs.length; k += 1000) {
        yield* store.createMany(type, xs.slice(k, k + 1000), author)
        done += Math.min(1000, xs.length - k)
        bar.tick(done)
      }
      counts[type] = xs.length
    }
    bar.end()
    const advanced = yield* Engine.advanceAgreements(store, { date: YEAR_END, actor: author.actor, at: AT })
    const evaluation = yield* Engine.evaluate(store, { date: YEAR_END })
    // Every agreement's state (the evaluation holds only those overlapping the school year).
    const states: Record<string, number> = {}
    for (const a of yield* store.list("cooperation-agreement")) {
      const state = a.value.lifecycle?.state ?? "draft"
      states[state] = (states[state] ?? 0) + 1
    }
    return { counts, advanced, evaluation, states }
  })
  const exit = await Effect.runPromiseExit(Effect.provide(program, Layers.layerSqlite({ filename: db })))
  if (Exit.isFailure(exit)) {
    const failure = Cause.failureOption(exit.cause)
    throw Option.isSome(failure) ? failure.value : new Error(Cause.pretty(exit.cause).split("\n")[0])
  }
  const { counts, advanced, evaluation, states } = exit.value
  const files = await Files.writeDemoReports(dir, evaluation, options.lang)
  return { dir, files, counts, advanced, evaluation, states }
}

/**
 * The `demo` command.
 *
 * @since 0.1.0
 * @category combinators
 */
export const run = async (args: Args.Args, io: Io, lang: Lang): Promise<number> => {
  const seedText = Args.text(args, "seed") ?? "2024"
  if (!/^\d{1,9}$/.test(seedText)) throw new Args.UsageError(`--seed 应为非负整数，收到“${seedText}”`, `--seed must be a whole number, got "${seedText}"`)
  const dir = resolve(io.cwd, Args.text(args, "out") ?? "chanjiao-demo")
  const started = io.now()
  const s = await build(dir, { seed: Number(seedText), lang, io })
  // Paths as the person typed them: relative to where the command ran.
  io.out(summary({ ...s, files: s.files.map((f) => relative(io.cwd, f) || f) }, lang, (io.now() - started) / 1000))
  return 0
}

/**
 * The printed summary.
 *
 * @since 0.1.0
 * @category combinators
 */
export const summary = (s: Summary, lang: Lang, seconds: number): string => {
  const e = s.evaluation
  const sev = { violation: 0, warning: 0, info: 0 }
  const rules = new Map<string, number>()
  for (const f of e.findings) {
    sev[f.severity]++
    if (f.severity === "violation") rules.set(f.ruleId, (rules.get(f.ruleId) ?? 0) + 1)
  }
  const states = Object.entries(s.states)
  // The school's own indicators; the enterprises' 产教融合型企业 conditions are counted apart.
  const verdicts = { met: 0, "basically-met": 0, "not-met": 0 }
  for (const v of e.indicators) if (v.verdict !== undefined && v.enterpriseId === undefined && v.schoolId !== "*") verdicts[v.verdict]++
  const pei = e.indicators.filter((v) => v.indicator === "PEI-ONE-OF")
  const peiMet = pei.filter((v) => v.verdict === "met").length
  const bands = new Map<string, number>()
  for (const g of e.grades) if (g.band !== undefined) bands.set(g.band, (bands.get(g.band) ?? 0) + 1)
  const topRules = [...rules].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([r, n]) => `${r} ×${n}`).join("、")
  if (lang === "en") {
    return [
      `chanjiao demo — a synthetic school (synthetic data), school year ${e.period.year}–${e.period.year + 1}, checked on ${e.date}`,
      `  records: ${s.counts.student} students, ${s.counts.teacher} teachers, ${s.counts.enterprise} enterprises, ${s.counts["cooperation-agreement"]} cooperation agreements, ${s.counts.internship} internships, ${s.counts.assessment} assessments`,
      `  agreements by state: ${states.sort().map(([k, n]) => `${k} ${n}`).join(", ")} (${s.advanced} advanced to ${e.date})`,
      `  findings: ${sev.violation} violations, ${sev.warning} warnings, ${sev.info} info; most frequent violations: ${topRules.replace(/、/g, ", ")}`,
      `  grades: ${[...bands].sort().map(([k, n]) => `${k} ${n}`).join(", ")}`,
      `  indicators of the school: ${verdicts.met} met, ${verdicts["basically-met"]} basically met, ${verdicts["not-met"]} not met; ${peiMet} of ${pei.length} enterprises meet a condition of an industry–education enterprise`,
      `  wrote: ${s.files.join(", ")} (${seconds.toFixed(1)} s)`,
      ""
    ].join("\n")
  }
  const stateZh: Record<string, string> = { draft: "草稿", "in-review": "审核中", signed: "已签订", "in-force": "履行中", expiring: "即将到期", expired: "已到期", terminated: "已终止", renewed: "已续签" }
  const bandZh: Record<string, string> = { excellent: "优秀", good: "良好", pass: "合格", fail: "不合格" }
  return [
    `chanjiao 演示 —— 合成示例学校（合成数据），${e.period.year}–${e.period.year + 1} 学年，检查日期 ${e.date}`,
    `  数据：学生 ${s.counts.student} 人，教师 ${s.counts.teacher} 人，企业 ${s.counts.enterprise} 家，合作协议 ${s.counts["cooperation-agreement"]} 份，实习 ${s.counts.internship} 项，考核 ${s.counts.assessment} 份`,
    `  协议状态：${states.sort().map(([k, n]) => `${stateZh[k] ?? k} ${n}`).join("，")}（本次推进 ${s.advanced} 份至 ${e.date}）`,
    `  检查结论：违规 ${sev.violation} 条，提醒 ${sev.warning} 条，提示 ${sev.info} 条；违规最多的规则：${topRules}`,
    `  实习成绩：${[...bands].sort().map(([k, n]) => `${bandZh[k] ?? k} ${n}`).join("，")}`,
    `  学校指标：达标 ${verdicts.met} 项，基本达标 ${verdicts["basically-met"]} 项，不达标 ${verdicts["not-met"]} 项；${pei.length} 家企业中 ${peiMet} 家满足产教融合型企业条件之一`,
    `  已写出：${s.files.join("、")}（用时 ${seconds.toFixed(1)} 秒）`,
    ""
  ].join("\n")
}
