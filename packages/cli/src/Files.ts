/**
 * The CLI's files: reports and exports written through `@chanjiao/export` (the exporters are pure; only this
 * module writes), templates, and imports from Excel or CSV through the store.
 *
 * @since 0.1.0
 */
import type { Entities, Finding, Indicators } from "@chanjiao/core"
import { Csv, Html, Import, Json, Report, Table, Template, Xlsx } from "@chanjiao/export"
import { Store } from "@chanjiao/store"
import type { Aggregates } from "@chanjiao/store"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import * as Args from "./Args.js"
import type { Evaluation } from "./Engine.js"
import type { Io } from "./Output.js"
import type { Lang } from "./Text.js"

/**
 * A file that cannot be read or written.
 *
 * @since 0.1.0
 * @category errors
 */
export class FileError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string
  ) {
    super(`${zh} / ${en}`)
    this.name = "FileError"
  }
}

/** Writes a file whole or not at all: to a temporary name, then renamed. */
const writeAtomically = (file: string, bytes: Uint8Array | string) => {
  try {
    mkdirSync(dirname(file), { recursive: true })
    const tmp = `${file}.tmp-${process.pid}`
    writeFileSync(tmp, bytes)
    renameSync(tmp, file)
  } catch (e) {
    throw new FileError(`无法写入文件 ${file}：${(e as Error).message}`, `cannot write ${file}: ${(e as Error).message}`)
  }
  return file
}

const run = <A>(effect: Effect.Effect<A, unknown>) => Effect.runPromise(effect)

/**
 * JSON of any result (stable key order).
 *
 * @since 0.1.0
 * @category combinators
 */
export const json = (value: unknown): string => Json.stringify(value, { space: 2 })

/**
 * Findings as CSV text (for standard output: no byte order mark).
 *
 * @since 0.1.0
 * @category combinators
 */
export const findingsCsv = (findings: ReadonlyArray<Finding.Finding>, lang: Lang): string => Csv.text(Table.findings(findings, { lang }))

/**
 * Indicators as CSV text (for standard output).
 *
 * @since 0.1.0
 * @category combinators
 */
export const indicatorsCsv = (values: ReadonlyArray<Indicators.Value>, lang: Lang): string => Csv.text(Table.indicators(values, { lang }))

/** One report per school of the evaluation. */
const reports = (e: Evaluation, synthetic: boolean): ReadonlyArray<Report.Report> =>
  e.dataset.schools.map((school) => {
    const mine = <A extends { readonly schoolId: string }>(xs: ReadonlyArray<A> | undefined) => (xs ?? []).filter((x) => x.schoolId === school.id)
    const internships = mine(e.dataset.internships)
    const ids = new Set(internships.map((i) => i.id))
    const teachers = mine(e.dataset.teachers)
    const teacherIds = new Set(teachers.map((t) => t.id))
    return Report.make({
      school,
      period: e.period,
      asOf: e.date,
      indicators: e.indicators.filter((v) => v.schoolId === school.id || v.schoolId === "*"),
      findings: e.findings.filter((f) => f.subject.id === school.id || ids.has(f.subject.id) || teacherIds.has(f.subject.id) || (f.subject.type.includes("Agreement") && f.subject.id.startsWith(school.id)) || f.subject.type === "AgreementPortfolio"),
      grades: e.grades.filter((g) => ids.has(g.internshipId)),
      agreements: { cooperation: mine(e.dataset.cooperation), internship: mine(e.dataset.internshipAgreements), apprenticeship: mine(e.dataset.apprenticeships) },
      teachers,
      internships,
      students: mine(e.dataset.students),
      enterprises: e.dataset.enterprises ?? [],
      synthetic
    })
  })

/**
 * The demo's three files: `report.html`, `report.xlsx`, `findings.csv`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const writeDemoReports = async (dir: string, e: Evaluation, lang: Lang): Promise<ReadonlyArray<string>> => {
  const [report] = reports(e, true)
  if (report === undefined) throw new FileError("数据库中没有学校", "the database holds no school")
  const html = writeAtomically(join(dir, "report.html"), Html.render(report))
  const xlsx = writeAtomically(join(dir, "report.xlsx"), await run(Xlsx.report(report, { lang })))
  const csv = writeAtomically(join(dir, "findings.csv"), Csv.findings(e.findings, { lang }))
  return [html, xlsx, csv]
}

/**
 * Writes the indicators as a workbook.
 *
 * @since 0.1.0
 * @category combinators
 */
export const writeIndicatorsXlsx = async (file: string, e: Evaluation, lang: Lang): Promise<string> =>
  writeAtomically(file, await run(Xlsx.write([Table.indicators(e.indicators, { lang })])))

/**
 * `chanjiao export`: writes the chosen format into `dir` and returns the files.
 *
 * @since 0.1.0
 * @category combinators
 */
export const writeExport = async (dir: string, format: "csv" | "xlsx" | "json" | "html", e: Evaluation, options: { readonly lang: Lang; readonly unmask: boolean }): Promise<ReadonlyArray<string>> => {
  const opts = { lang: options.lang, unmask: options.unmask }
  switch (format) {
    case "csv":
      return [
        writeAtomically(join(dir, "findings.csv"), Csv.findings(e.findings, opts)),
        writeAtomically(join(dir, "indicators.csv"), Csv.indicators(e.indicators, opts)),
        writeAtomically(join(dir, "grades.csv"), Csv.write(Table.grades(e.grades, opts)))
      ]
    case "json":
      return [writeAtomically(join(dir, "results.json"), Json.encode({ date: e.date, period: e.period, indicators: e.indicators, findings: e.findings, grades: e.grades }, { space: 2 }))]
    case "xlsx":
      return Promise.all(reports(e, false).map(async (r) => writeAtomically(join(dir, `report-${r.school.id}.xlsx`), await run(Xlsx.report(r, opts)))))
    case "html":
      return reports(e, false).map((r) => writeAtomically(join(dir, `report-${r.school.id}.html`), Html.render(r, opts)))
  }
}

const importable = ["school", "major", "training-base", "enterprise", "teacher", "student", "internship", "assessment", "cooperation-agreement", "internship-agreement", "apprenticeship-agreement"] as const
type Importable = (typeof importable)[number]

// The store's type names and the Schemas' names, which the templates and the importer use.
const entityOf: Record<Importable, Entities.Name> = {
  school: "School",
  major: "Major",
  "training-base": "TrainingBase",
  enterprise: "Enterprise",
  teacher: "Teacher",
  student: "Student",
  internship: "Internship",
  assessment: "Assessment",
  "cooperation-agreement": "CooperationAgreement",
  "internship-agreement": "InternshipAgreement",
  "apprenticeship-agreement": "ApprenticeshipAgreement"
}

const typeOption = (args: Args.Args): Importable => {
  const t = Args.text(args, "type")
  if (t === undefined || !importable.includes(t as Importable)) {
    throw new Args.UsageError(`请用 --type 指定数据类型：${importable.join(" | ")}`, `give the record type with --type: ${importable.join(" | ")}`)
  }
  return t as Importable
}

/**
 * `chanjiao templates`: an Excel and a CSV template per type (or for `--type` only).
 *
 * @since 0.1.0
 * @category combinators
 */
export const writeTemplates = async (dir: string, type: string | undefined): Promise<ReadonlyArray<string>> => {
  if (type !== undefined && !importable.includes(type as Importable)) throw new Args.UsageError(`未知的数据类型“${type}”：${importable.join(" | ")}`, `unknown record type "${type}": ${importable.join(" | ")}`)
  const types = type === undefined ? importable : [type as Importable]
  const out: Array<string> = []
  for (const t of types) {
    out.push(writeAtomically(join(dir, `${t}.xlsx`), await run(Template.xlsx(entityOf[t]))))
    out.push(writeAtomically(join(dir, `${t}.csv`), Template.csv(entityOf[t])))
  }
  return out
}

/** The rejected rows' problems as a table: sheet, row, column, value, reason. */
const problemsTable = (problems: ReadonlyArray<Import.Problem>, lang: Lang): Table.Table =>
  Table.make({
    name: { zh: "不合格的行", en: "rejected rows" },
    lang,
    columns: [
      { key: "sheet", header: { zh: "工作表", en: "sheet" }, kind: "text" },
      { key: "row", header: { zh: "行", en: "row" }, kind: "integer" },
      { key: "column", header: { zh: "列", en: "column" }, kind: "text" },
      { key: "value", header: { zh: "值", en: "value" }, kind: "text" },
      { key: "zh", header: { zh: "原因", en: "reason (zh)" }, kind: "text" },
      { key: "en", header: { zh: "原因（英文）", en: "reason" }, kind: "text" }
    ],
    rows: problems.map((p) => [p.sheet, p.row, p.column === undefined ? "" : `${p.column.letter} ${p.column.header}`, p.value === undefined ? "" : typeof p.value === "string" ? p.value : JSON.stringify(p.value), p.zh, p.en])
  })

/**
 * `chanjiao import <file> --type …`: decodes every row; writes nothing unless all are valid (or, with
 * `--partial`, the valid ones, saving the rejected rows to `--rejected`). Records already stored under the same
 * id or natural key with the same content are skipped, so importing a file twice changes nothing.
 *
 * @since 0.1.0
 * @category combinators
 */
export const importFile = async (args: Args.Args, io: Io, lang: Lang, withStore: <A>(program: Effect.Effect<A, unknown, Store.Store>) => Promise<A>): Promise<number> => {
  const type = typeOption(args)
  const file = resolve(io.cwd, args.positionals[0]!)
  let bytes: Uint8Array
  try {
    bytes = readFileSync(file)
  } catch (e) {
    throw new FileError(`无法读取文件 ${file}：${(e as Error).message}`, `cannot read ${file}: ${(e as Error).message}`)
  }
  const parsed = await Effect.runPromise(Effect.either(Import.parse(bytes, { type: entityOf[type] })))
  if (parsed._tag === "Left") throw new FileError(parsed.left.zh, parsed.left.en)
  const { valid, invalid } = parsed.right
  for (const p of invalid) io.err(`  ${Import.format(p, lang)}\n`)
  const partial = args.options.partial === true
  if (invalid.length > 0 && !partial) {
    const rows = new Set(invalid.map((p) => p.row)).size
    io.err(lang === "zh" ? `${rows} 行有误，未写入任何数据。\n` : `${rows} row(s) are invalid; nothing was written.\n`)
    return 2
  }
  if (invalid.length > 0) {
    const rejected = resolve(io.cwd, Args.text(args, "rejected") ?? `${file}.rejected.csv`)
    writeAtomically(rejected, Csv.write(problemsTable(invalid, lang)))
    io.err(lang === "zh" ? `不合格的行已写入 ${rejected}\n` : `rejected rows written to ${rejected}\n`)
  }
  const actor = Args.text(args, "actor") ?? "chanjiao import"
  const at = DateTime.unsafeMake(io.instant()) as DateTime.Utc
  const result = await withStore(
    Effect.gen(function* () {
      const store = yield* Store.Store
      const fresh: Array<unknown> = []
      let unchanged = 0
      let updated = 0
      return yield* store.transaction(
        Effect.gen(function* () {
          for (const { value } of valid) {
            const id = (value as { id?: string }).id
            const existing = id === undefined ? undefined : yield* store.find(type as Aggregates.TypeName, id)
            if (existing === undefined) {
              fresh.push(value)
              continue
            }
            // Idempotent: the same content again is no change; a changed record is an update of what is stored.
            if (Json.stringify(Json.normalise(existing.value)) === Json.stringify(Json.normalise(value))) unchanged++
            else {
              yield* store.put(type as Aggregates.TypeName, value, { actor, at, expectedVersion: existing.version })
              updated++
            }
          }
          if (fresh.length > 0) yield* store.createMany(type as Aggregates.TypeName, fresh, { actor, at })
          return { created: fresh.length, updated, unchanged }
        })
      )
    })
  )
  io.out(
    lang === "zh"
      ? `已导入 ${file}：新增 ${result.created} 条，更新 ${result.updated} 条，未变 ${result.unchanged} 条${invalid.length > 0 ? `，跳过不合格 ${new Set(invalid.map((p) => p.row)).size} 行` : ""}。\n`
      : `imported ${file}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged${invalid.length > 0 ? `, ${new Set(invalid.map((p) => p.row)).size} invalid row(s) skipped` : ""}.\n`
  )
  return 0
}
