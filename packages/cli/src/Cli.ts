/**
 * The `chanjiao` command: `run(argv, io)` returns the exit code (0 ok; 1 violations found with
 * `--fail-on violation`; 2 bad input — arguments or files; 3 storage unavailable or failing). Messages are
 * Chinese by default, English with `--lang en`; an error never prints a stack trace.
 *
 * @since 0.1.0
 */
import { Errors as CoreErrors, Finding, IsoDate } from "@chanjiao/core"
import type { Indicators } from "@chanjiao/core"
import { Errors, Store } from "@chanjiao/store"
import { Client, SqlDriver } from "@chanjiao/store-sql"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import type * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { resolve } from "node:path"
import * as Args from "./Args.js"
import * as Demo from "./Demo.js"
import * as Engine from "./Engine.js"
import * as Files from "./Files.js"
import { progress } from "./Output.js"
import type { Io } from "./Output.js"
import * as Text from "./Text.js"

/**
 * The exit codes.
 *
 * @since 0.1.0
 * @category constants
 */
export const exitCodes = { ok: 0, violations: 1, badInput: 2, storage: 3 } as const

/**
 * A failure the CLI reports and maps to an exit code.
 *
 * @since 0.1.0
 * @category errors
 */
export class CliFailure extends Error {
  constructor(
    readonly code: number,
    readonly zh: string,
    readonly en: string
  ) {
    super(`${zh} / ${en}`)
    this.name = "CliFailure"
  }
}

/**
 * The store a `--db` url names (SQLite file `./chanjiao.sqlite` by default).
 *
 * @since 0.1.0
 * @category layers
 */
export const storeLayer = (args: Args.Args, io: Io): Layer.Layer<Store.Store, Errors.StoreError> => {
  const raw = Args.text(args, "db") ?? "sqlite:chanjiao.sqlite"
  // A relative SQLite path is relative to where the command runs.
  const url = /^sqlite:(?!:memory:)(?!\/\/)/i.test(raw) && !raw.slice(7).startsWith("/") ? `sqlite:${resolve(io.cwd, raw.slice(7))}` : raw
  // Our tables under another prefix (put in a host's database with one): the same check as the store's, as bad input.
  const prefix = Args.text(args, "prefix")
  if (prefix !== undefined && !SqlDriver.prefixPattern.test(prefix)) {
    throw new Args.UsageError(
      `--prefix 应为小写字母开头的字母、数字或下划线，最多 21 个字符（如 xy_cj_），收到“${prefix}”`,
      `--prefix must be a lowercase letter then letters, digits or underscores, 21 at most (e.g. xy_cj_), got "${prefix}"`
    )
  }
  const layer = Client.layerFromUrl({ url, ...(prefix === undefined ? {} : { prefix }) })
  if (layer instanceof Errors.StoreError) throw new CliFailure(exitCodes.badInput, `无法识别的数据库地址：${raw}（${layer.messageZh}）`, `cannot use the database url ${raw} (${layer.messageEn})`)
  return layer
}

const dateOption = (args: Args.Args, name: string, fallback: IsoDate.IsoDate): IsoDate.IsoDate => {
  const v = Args.text(args, name)
  if (v === undefined) return fallback
  if (!IsoDate.isIsoDate(v)) throw new Args.UsageError(`--${name} 应为 YYYY-MM-DD 格式的有效日期，收到“${v}”`, `--${name} must be a valid YYYY-MM-DD date, got "${v}"`)
  return v
}

const periodOption = (args: Args.Args, date: IsoDate.IsoDate): Indicators.Period => {
  const v = Args.text(args, "period")
  if (v === undefined) return Engine.schoolYearOf(date)
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(v)
  if (m === null || (m[2] !== undefined && Number(m[2]) !== Number(m[1]) + 1)) {
    throw new Args.UsageError(`--period 应为学年起始年份，如 2024 或 2024-2025，收到“${v}”`, `--period must be a school year's first year, e.g. 2024 or 2024-2025, got "${v}"`)
  }
  return Engine.schoolYearOf(IsoDate.unsafeMake(`${m[1]}-09-01`))
}

const schoolsOption = (args: Args.Args) => {
  const v = Args.text(args, "school")
  return v === undefined ? undefined : v.split(",").map((s) => s.trim()).filter((s) => s.length > 0)
}

const today = (io: Io): IsoDate.IsoDate => IsoDate.unsafeMake(io.today())

/** Runs an effect that needs the store; failures of the store become exit code 3, bad data 2. */
const withStore = async <A>(args: Args.Args, io: Io, program: Effect.Effect<A, unknown, Store.Store>): Promise<A> => {
  const exit = await Effect.runPromiseExit(Effect.provide(program, storeLayer(args, io)))
  if (Exit.isSuccess(exit)) return exit.value
  const failure = Cause.failureOption(exit.cause)
  if (Option.isSome(failure)) throw failure.value
  // A defect is a bug of ours: say so plainly, without a stack trace.
  throw new CliFailure(exitCodes.storage, `内部错误：${Cause.pretty(exit.cause).split("\n")[0]}`, `internal error: ${Cause.pretty(exit.cause).split("\n")[0]}`)
}

/** Loads and evaluates with a progress bar on standard error (drawn on a terminal once it takes over a second). */
const evaluateWithProgress = (args: Args.Args, io: Io, lang: Text.Lang, options: Omit<Parameters<typeof Engine.evaluate>[1], "onProgress">) => {
  const bar = progress(io, lang === "zh" ? "读取、检查与计算" : "loading, checking, computing", 100)
  let last: { done: number; total: number } = { done: 0, total: 1 }
  return withStore(
    args,
    io,
    Effect.flatMap(Store.Store, (s) =>
      Engine.evaluate(s, {
        ...options,
        onProgress: (done, total) => {
          last = { done, total }
          bar.tick(Math.round((done / total) * 100))
        }
      })
    )
  ).finally(() => {
    if (last.done > 0) bar.end()
  })
}

const commands: Record<Args.Command, (args: Args.Args, io: Io, lang: Text.Lang) => Promise<number>> = {
  help: async (args, io) => {
    io.out(Text.help(args.positionals[0]))
    return exitCodes.ok
  },
  version: async (_, io) => {
    io.out(`chanjiao ${Text.version}\n`)
    return exitCodes.ok
  },
  demo: (args, io, lang) => Demo.run(args, io, lang),
  migrate: async (args, io, lang) => {
    await withStore(args, io, Effect.flatMap(Store.Store, (s) => s.migrate))
    io.out(lang === "zh" ? "数据库结构已是最新。\n" : "The database schema is up to date.\n")
    return exitCodes.ok
  },
  check: async (args, io, lang) => {
    const date = dateOption(args, "date", today(io))
    const format = Args.choice(args, "format", ["text", "json", "csv"] as const, "text")
    const failOn = Args.choice(args, "fail-on", ["none", "violation", "warning"] as const, "none")
    const schoolIds = schoolsOption(args)
    const e = await evaluateWithProgress(args, io, lang, { date, ...(schoolIds === undefined ? {} : { schoolIds }) })
    if (format === "json") io.out(`${Files.json(e.findings)}\n`)
    else if (format === "csv") io.out(Files.findingsCsv(e.findings, lang))
    else io.out(Text.findingsReport(e.findings, date, lang))
    const failing = failOn === "violation" ? e.findings.some((f) => f.severity === "violation") : failOn === "warning" ? e.findings.some((f) => f.severity !== "info") : false
    return failing ? exitCodes.violations : exitCodes.ok
  },
  warnings: async (args, io, lang) => {
    const date = dateOption(args, "date", today(io))
    const format = Args.choice(args, "format", ["text", "json"] as const, "text")
    const schoolIds = schoolsOption(args)
    const e = await evaluateWithProgress(args, io, lang, { date, ...(schoolIds === undefined ? {} : { schoolIds }) })
    // Agreement warnings: expiring agreements, deliverables due, missing signatures, majors without a partner.
    const warnings = e.findings.filter((f) => f.ruleId === "PLAN-MAJOR-PARTNER" || f.subject.type.includes("Agreement"))
    io.out(format === "json" ? `${Files.json(warnings)}\n` : Text.findingsReport(warnings, date, lang))
    return exitCodes.ok
  },
  indicators: async (args, io, lang) => {
    const date = dateOption(args, "date", today(io))
    const period = periodOption(args, date)
    const format = Args.choice(args, "format", ["text", "json", "csv", "xlsx"] as const, "text")
    const schoolIds = schoolsOption(args)
    const e = await evaluateWithProgress(args, io, lang, { date: period.end, period, ...(schoolIds === undefined ? {} : { schoolIds }) })
    if (format === "json") io.out(`${Files.json(e.indicators)}\n`)
    else if (format === "csv") io.out(Files.indicatorsCsv(e.indicators, lang))
    else if (format === "xlsx") {
      const file = resolve(io.cwd, Args.text(args, "out") ?? "indicators.xlsx")
      await Files.writeIndicatorsXlsx(file, e, lang)
      io.out(`${lang === "zh" ? "已写入" : "wrote"} ${file}\n`)
    } else io.out(Text.indicatorsReport(e.indicators, period, lang))
    return exitCodes.ok
  },
  export: async (args, io, lang) => {
    const date = dateOption(args, "date", today(io))
    const period = periodOption(args, date)
    const format = Args.choice(args, "format", ["csv", "xlsx", "json", "html"] as const, "xlsx")
    const schoolIds = schoolsOption(args)
    const dir = resolve(io.cwd, Args.text(args, "out") ?? ".")
    const e = await evaluateWithProgress(args, io, lang, { date, period, ...(schoolIds === undefined ? {} : { schoolIds }) })
    const written = await Files.writeExport(dir, format, e, { lang, unmask: args.options.unmask === true })
    for (const f of written) io.out(`${lang === "zh" ? "已写入" : "wrote"} ${f}\n`)
    return exitCodes.ok
  },
  templates: async (args, io, lang) => {
    const dir = resolve(io.cwd, Args.text(args, "out") ?? "chanjiao-templates")
    const written = await Files.writeTemplates(dir, Args.text(args, "type"))
    for (const f of written) io.out(`${lang === "zh" ? "已写入" : "wrote"} ${f}\n`)
    return exitCodes.ok
  },
  import: async (args, io, lang) => Files.importFile(args, io, lang, (program) => withStore(args, io, program))
}

/**
 * Runs the command line and returns the exit code. Never throws.
 *
 * @since 0.1.0
 * @category combinators
 */
export const run = async (argv: ReadonlyArray<string>, io: Io): Promise<number> => {
  let lang: Text.Lang = argv.includes("en") && argv.some((a, k) => (a === "--lang" && argv[k + 1] === "en") || a === "--lang=en") ? "en" : "zh"
  try {
    const args = Args.parse(argv)
    lang = Args.choice(args, "lang", ["zh", "en"] as const, "zh")
    if (args.options.help === true) {
      io.out(Text.help(args.command))
      return exitCodes.ok
    }
    return await commands[args.command](args, io, lang)
  } catch (e) {
    const [code, zh, en] = describe(e)
    io.err(`${lang === "zh" ? `错误：${zh}` : `error: ${en}`}\n`)
    if (code === exitCodes.badInput && e instanceof Args.UsageError) io.err(lang === "zh" ? "运行 chanjiao --help 查看用法。\n" : "Run chanjiao --help for usage.\n")
    return code
  }
}

const describe = (e: unknown): readonly [number, string, string] => {
  if (e instanceof Args.UsageError) return [exitCodes.badInput, e.zh, e.en]
  if (e instanceof CliFailure) return [e.code, e.zh, e.en]
  if (e instanceof CoreErrors.InvalidInput || e instanceof Errors.InvalidRecords) return [exitCodes.badInput, e.messageZh, e.messageEn]
  if (e instanceof Errors.Conflict || e instanceof Errors.TransitionRefused || e instanceof Errors.UnknownType) return [exitCodes.badInput, messageZh(e), messageEn(e)]
  // A store refusing the call or the configuration (`invalid`) is bad input; the others are the database's trouble.
  if (e instanceof Errors.StoreError) return [e.reason === "invalid" ? exitCodes.badInput : exitCodes.storage, e.messageZh, e.messageEn]
  if (e instanceof Files.FileError) return [exitCodes.badInput, e.zh, e.en]
  const text = e instanceof Error ? e.message : String(e)
  return [exitCodes.storage, `意外错误：${text}`, `unexpected error: ${text}`]
}

const messageZh = (e: { readonly messageZh: string }) => e.messageZh
const messageEn = (e: { readonly messageEn: string }) => e.messageEn

/**
 * Findings in report order (re-exported for the text reports).
 *
 * @since 0.1.0
 * @category combinators
 */
export const order = Finding.order
