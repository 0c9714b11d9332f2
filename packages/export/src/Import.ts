/**
 * The pure half of import: bytes of an XLSX or CSV file in, decoded entities and **every** problem out. Nothing is
 * written here — the caller (the CLI) decides to write all rows, or none, or the valid ones.
 *
 * - The format is told by the bytes: an XLSX is a ZIP (`PK`); anything else is read as CSV, in UTF-8 with or
 *   without BOM, UTF-16 with BOM, or GB18030 (what Excel on Chinese Windows saves).
 * - Headers are matched to fields by their Chinese or English titles (as the templates and the exports write
 *   them), or by the field path (`unit.name`); spaces and a trailing `*` are ignored. An unknown column is a
 *   problem (a misspelt header is never silently dropped).
 * - Cells are read as people type them: Excel dates or `2024-09-01`, `2024/9/1`, `2024年9月1日`; numbers with
 *   thousands separators; 是/否 (also yes/no, true/false, 1/0); enumerations by value or Chinese label
 *   (`岗位实习` or `post`); lists separated by 、 or ; (or a JSON array); lists of objects as a JSON array.
 *   A leading `'` that neutralised a formula in an export is removed again.
 * - Each row is decoded with `Validation.decode` of the entity's Schema; every issue is reported with its sheet,
 *   row (1-based, as Excel shows it), column (letter and header), the cell's value, and a Chinese and an English
 *   message.
 *
 * @since 0.1.0
 */
import { Entities, Validation } from "@chanjiao/core"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type * as Schema from "effect/Schema"
import type * as ExcelJS from "exceljs"
import { ImportError } from "./Errors.js"
import { decodeText, delimiterOf, parse as parseCsv } from "./internal/csv.js"
import { fromSerial, isoDate, parseDateText } from "./internal/dates.js"
import { type Field, fieldsOf, getPath, setPath } from "./internal/fields.js"
import { loadExcel } from "./internal/xlsx.js"
import type { EntityType } from "./Table.js"
import { letter, schemaOf } from "./Template.js"

/**
 * A cell as read from the file.
 *
 * @since 0.1.0
 * @category models
 */
export type Raw = string | number | boolean | undefined

/**
 * One problem, located as the person who fills the sheet sees it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Problem {
  readonly sheet: string
  /** The row number Excel shows (the header is row 1 in a template). */
  readonly row: number
  /** The column (letter and header), when the problem is in one. */
  readonly column: { readonly letter: string; readonly header: string } | undefined
  /** The cell's value as read, or what was there. */
  readonly value: unknown
  readonly zh: string
  readonly en: string
}

/**
 * A decoded row.
 *
 * @since 0.1.0
 * @category models
 */
export interface Valid<A> {
  readonly row: number
  readonly value: A
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Result<A> {
  /** The sheet read (`CSV` for a CSV file). */
  readonly sheet: string
  /** The rows with data (empty rows are skipped). */
  readonly rows: number
  readonly valid: ReadonlyArray<Valid<A>>
  /** Every problem, by row then column. Empty when every row is valid. */
  readonly invalid: ReadonlyArray<Problem>
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Options<N extends Entities.Name = Entities.Name> {
  /** The entity every row is. */
  readonly type: N
  /** The sheet to read (by name); by default the first visible sheet that is not the instructions or the lists. */
  readonly sheet?: string
}

/**
 * The file formats told apart by their first bytes.
 *
 * @since 0.1.0
 * @category models
 */
export type Format = "xlsx" | "xls" | "csv"

/**
 * Tells the format by the magic bytes: `PK\x03\x04` is a ZIP (XLSX), `D0 CF 11 E0` an old binary XLS/ET file;
 * anything else is read as CSV.
 *
 * @since 0.1.0
 * @category getters
 */
export const detect = (bytes: Uint8Array): Format =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04 ? "xlsx" : bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0 ? "xls" : "csv"

// ---------------------------------------------------------------------------------------------------------------
// Reading the grid
// ---------------------------------------------------------------------------------------------------------------

interface Grid {
  readonly sheet: string
  readonly rows: ReadonlyArray<{ readonly number: number; readonly cells: ReadonlyArray<Raw> }>
}

const skipSheets = new Set(["说明", "选项", "instructions", "options"])

const rawOf = (v: ExcelJS.CellValue): Raw => {
  if (v === null || v === undefined) return undefined
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v
  if (v instanceof Date) return isoDate(v)
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("")
    if ("result" in v) return v.result === undefined ? undefined : rawOf(v.result as ExcelJS.CellValue)
    if ("text" in v && typeof v.text === "string") return v.text
    if ("error" in v) return String(v.error)
  }
  return undefined
}

const xlsxGrid = (bytes: Uint8Array, sheet: string | undefined): Effect.Effect<Grid, ImportError> =>
  Effect.tryPromise({
    try: async () => {
      const Excel = await loadExcel()
      const wb = new Excel.Workbook()
      await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer)
      return wb
    },
    catch: () => new ImportError({ reason: "unreadable", zh: "无法读取该 XLSX 文件（文件已损坏或不是 Excel 工作簿）", en: "the XLSX file cannot be read (damaged, or not an Excel workbook)" })
  }).pipe(
    Effect.flatMap((wb) => {
      const ws =
        sheet !== undefined
          ? wb.getWorksheet(sheet)
          : wb.worksheets.find((w) => w.state !== "hidden" && w.state !== "veryHidden" && !skipSheets.has(w.name.trim().toLowerCase()))
      if (ws === undefined) {
        return Effect.fail(
          new ImportError({
            reason: "no-sheet",
            zh: sheet === undefined ? "工作簿中没有数据工作表" : `工作簿中没有名为“${sheet}”的工作表`,
            en: sheet === undefined ? "the workbook has no data sheet" : `the workbook has no sheet named "${sheet}"`
          })
        )
      }
      const rows: Array<{ number: number; cells: Array<Raw> }> = []
      ws.eachRow({ includeEmpty: false }, (row, number) => {
        const cells: Array<Raw> = []
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          cells[col - 1] = rawOf(cell.value)
        })
        rows.push({ number, cells })
      })
      return Effect.succeed({ sheet: ws.name, rows })
    })
  )

const csvGrid = (bytes: Uint8Array): Grid => {
  const { text } = decodeText(bytes)
  const records = parseCsv(text, delimiterOf(text))
  return { sheet: "CSV", rows: records.map((cells, i) => ({ number: i + 1, cells })) }
}

// ---------------------------------------------------------------------------------------------------------------
// Headers
// ---------------------------------------------------------------------------------------------------------------

const norm = (s: string): string =>
  s
    .normalize("NFKC")
    .replace(/[\s*]+/g, "")
    .toLowerCase()

/** Every name a column of a field may carry: its headers (zh, en), its path, its own titles when unambiguous. */
const headerIndex = (fields: ReadonlyArray<Field>): ReadonlyMap<string, Field> => {
  const index = new Map<string, Field>()
  const own = new Map<string, Array<Field>>()
  for (const f of fields) {
    for (const name of [f.header.zh, f.header.en, f.key]) index.set(norm(name), f)
    for (const name of [f.title.zh, f.title.en]) own.set(norm(name), [...(own.get(norm(name)) ?? []), f])
  }
  for (const [name, fs] of own) if (fs.length === 1 && !index.has(name)) index.set(name, fs[0]!)
  return index
}

const isEmpty = (r: Raw) => r === undefined || (typeof r === "string" && r.trim() === "")

// ---------------------------------------------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------------------------------------------

type Coerced = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly value: unknown; readonly zh: string; readonly en: string }

const ok = (value: unknown): Coerced => ({ ok: true, value })

const unquote = (s: string): string => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s)

const trueWords = new Set(["是", "true", "yes", "y", "1", "√", "对", "有"])
const falseWords = new Set(["否", "false", "no", "n", "0", "×", "x", "错", "无"])

const stripNote = (s: string) => norm(s).replace(/[（(][^）)]*[）)]$/, "")

const enumValue = (f: Field, raw: string): string | undefined => {
  const t = raw.trim()
  const n = norm(t)
  for (const o of f.options) if (o.value === t) return o.value
  for (const o of f.options) if (norm(o.value) === n) return o.value
  for (const o of f.options) if (o.label !== undefined && (norm(o.label) === n || stripNote(o.label) === stripNote(t))) return o.value
  return undefined
}

const allowed = (f: Field) => f.options.map((o) => o.label ?? o.value).join("、")

const numberOf = (s: string, percentOk: boolean): number | undefined => {
  let t = s.normalize("NFKC").trim().replace(/,/g, "")
  let scale = 1
  if (percentOk && t.endsWith("%")) {
    t = t.slice(0, -1)
    scale = 0.01
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return undefined
  return Number(t) * scale
}

const item = (f: Field, raw: string): Coerced => {
  const t = raw.trim()
  switch (f.item) {
    case "enum": {
      const v = enumValue(f, t)
      return v === undefined
        ? { ok: false, value: raw, zh: `“${f.header.zh}”中的“${t}”不是可选值（可选：${allowed(f)}）`, en: `"${t}" in "${f.header.en}" is not an allowed value (${f.options.map((o) => o.value).join(", ")})` }
        : ok(v)
    }
    case "date":
      return ok(parseDateText(t) ?? t)
    case "integer":
    case "number":
      return ok(numberOf(t, false) ?? t)
    default:
      return ok(t)
  }
}

/** A cell as the value its field expects (or, when it cannot be read, the text for the Schema to reject). */
const coerce = (f: Field, raw: Raw): Coerced => {
  if (isEmpty(raw)) return ok(undefined)
  const text = typeof raw === "string" ? unquote(raw.trim()) : String(raw)
  switch (f.kind) {
    case "text":
      return ok(typeof raw === "number" && Number.isInteger(raw) && Math.abs(raw) > Number.MAX_SAFE_INTEGER ? raw.toLocaleString("en-US", { useGrouping: false }) : text)
    case "integer":
    case "number":
      return typeof raw === "number" ? ok(raw) : ok(numberOf(text, f.kind === "number") ?? text)
    case "boolean": {
      if (typeof raw === "boolean") return ok(raw)
      const w = norm(text)
      if (trueWords.has(w)) return ok(true)
      if (falseWords.has(w)) return ok(false)
      return { ok: false, value: raw, zh: `“${f.header.zh}”应填“是”或“否”，实际为“${text}”`, en: `"${f.header.en}" takes yes or no (是/否), got "${text}"` }
    }
    case "date":
      if (typeof raw === "number") return ok(fromSerial(raw) ?? raw)
      // A General-formatted date cell saved to CSV is its serial number (45536 is 2024-09-01).
      if (/^\d{1,7}(\.\d+)?$/.test(text) && text.length !== 8) return ok(fromSerial(Number(text)) ?? text)
      return ok(parseDateText(text) ?? text)
    case "enum": {
      const v = enumValue(f, text)
      return v === undefined
        ? { ok: false, value: raw, zh: `“${f.header.zh}”应为以下之一：${allowed(f)}，实际为“${text}”`, en: `"${f.header.en}" must be one of ${f.options.map((o) => o.value).join(", ")}, got "${text}"` }
        : ok(v)
    }
    case "list": {
      if (text.startsWith("[")) {
        try {
          const parsed: unknown = JSON.parse(text)
          if (Array.isArray(parsed)) return ok(parsed)
        } catch {
          // Not JSON: read as a separated list.
        }
      }
      const items: Array<unknown> = []
      for (const part of text.split(/[、;；\r\n]+/)) {
        if (part.trim() === "") continue
        const c = item(f, part)
        if (!c.ok) return c
        items.push(c.value)
      }
      return ok(items)
    }
    case "json": {
      try {
        return ok(JSON.parse(text) as unknown)
      } catch {
        return { ok: false, value: raw, zh: `“${f.header.zh}”应为 JSON（如 ${f.array ? "[{…}]" : "{…}"}），无法读取“${text.length > 40 ? `${text.slice(0, 37)}...` : text}”`, en: `"${f.header.en}" must be JSON (${f.array ? "[{…}]" : "{…}"}); cannot read it` }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------------------------

const startsWith = (path: ReadonlyArray<string | number>, prefix: ReadonlyArray<string>) => prefix.length <= path.length && prefix.every((p, i) => path[i] === p)

/** The column an issue belongs to: the field whose path begins the issue's, else the first field under it. */
const fieldOfIssue = (fields: ReadonlyArray<Field>, path: ReadonlyArray<string | number>): Field | undefined => {
  let best: Field | undefined
  for (const f of fields) if (startsWith(path, f.path) && (best === undefined || f.path.length > best.path.length)) best = f
  if (best !== undefined || path.length === 0) return best
  return fields.find((f) => path.every((p, i) => f.path[i] === p))
}

/**
 * Reads the rows of a grid (already split into cells) against a schema. Exposed for callers that read files
 * themselves; `parse` reads the bytes.
 *
 * @since 0.1.0
 * @category decoding
 */
export const rows = <A>(
  schema: Schema.Schema<A, unknown, never>,
  grid: { readonly sheet: string; readonly rows: ReadonlyArray<{ readonly number: number; readonly cells: ReadonlyArray<Raw> }> }
): Effect.Effect<Result<A>, ImportError> =>
  Effect.suspend(() => {
    const fields = fieldsOf(schema.ast)
    const index = headerIndex(fields)
    const decode = Validation.decode(schema)
    // The header row: the first of the first ten rows naming a field (a title row above it is allowed).
    const headerAt = grid.rows.slice(0, 10).findIndex((r) => r.cells.some((c) => typeof c === "string" && index.has(norm(c))))
    if (headerAt < 0) {
      return Effect.fail(
        new ImportError({
          reason: "no-header",
          zh: `在“${grid.sheet}”的前 10 行中找不到表头（如“${fields[0]?.header.zh ?? ""}”）`,
          en: `no header row in the first 10 rows of "${grid.sheet}" (e.g. "${fields[0]?.header.en ?? ""}")`
        })
      )
    }
    const header = grid.rows[headerAt]!
    const problems: Array<Problem & { readonly col: number }> = []
    const columns: Array<{ readonly col: number; readonly field: Field; readonly header: string }> = []
    const taken = new Map<string, string>()
    header.cells.forEach((c, i) => {
      if (isEmpty(c)) return
      const name = String(c).trim()
      const f = index.get(norm(name))
      const column = { letter: letter(i + 1), header: name }
      if (f === undefined) {
        problems.push({ sheet: grid.sheet, row: header.number, col: i, column, value: name, zh: `无法识别的列“${name}”，该列不能导入`, en: `unknown column "${name}": it cannot be imported` })
      } else if (taken.has(f.key)) {
        problems.push({ sheet: grid.sheet, row: header.number, col: i, column, value: name, zh: `列“${name}”与“${taken.get(f.key)!}”是同一字段，重复`, en: `column "${name}" repeats the field of "${taken.get(f.key)!}"` })
      } else {
        taken.set(f.key, name)
        columns.push({ col: i, field: f, header: name })
      }
    })
    const byKey = new Map(columns.map((c) => [c.field.key, c] as const))
    const valid: Array<Valid<A>> = []
    let count = 0
    for (const r of grid.rows.slice(headerAt + 1)) {
      if (columns.every((c) => isEmpty(r.cells[c.col]))) continue
      count++
      const input: Record<string, unknown> = {}
      const own: Array<Problem & { readonly col: number }> = []
      const ownKeys = new Set<string>()
      for (const c of columns) {
        const raw = r.cells[c.col]
        const v = coerce(c.field, raw)
        if (!v.ok) {
          own.push({ sheet: grid.sheet, row: r.number, col: c.col, column: { letter: letter(c.col + 1), header: c.header }, value: raw, zh: v.zh, en: v.en })
          ownKeys.add(c.field.key)
          // Still set what was there, so the object's other checks run; its own issue is reported once.
          setPath(input, c.field.path, raw)
        } else if (v.value !== undefined) setPath(input, c.field.path, v.value)
      }
      // A required list left empty is an empty list (inside an object only when that object has content).
      for (const f of fields) {
        if (!f.array || !f.required || getPath(input, f.path) !== undefined) continue
        const parent = f.path.slice(0, -1)
        if (parent.length === 0 || getPath(input, parent) !== undefined) setPath(input, f.path, [])
      }
      const decoded = decode(input)
      if (Either.isRight(decoded) && own.length === 0) {
        valid.push({ row: r.number, value: decoded.right })
        continue
      }
      problems.push(...own)
      if (Either.isLeft(decoded)) {
        for (const issue of decoded.left.issues) {
          const f = fieldOfIssue(fields, issue.path)
          if (f !== undefined && ownKeys.has(f.key)) continue
          const c = f === undefined ? undefined : byKey.get(f.key)
          const detail = f !== undefined && f.kind === "json" && issue.path.length > f.path.length ? ` (${issue.path.slice(f.path.length).join(".")})` : ""
          problems.push({
            sheet: grid.sheet,
            row: r.number,
            col: c?.col ?? Number.MAX_SAFE_INTEGER,
            column: c !== undefined ? { letter: letter(c.col + 1), header: c.header } : f !== undefined ? { letter: "", header: f.header.zh } : undefined,
            // A check of the whole row (end before start) has no one cell: its value is the row, not shown.
            value: c !== undefined ? r.cells[c.col] : f !== undefined ? issue.value : undefined,
            zh: `${issue.zh}${detail}`,
            en: `${issue.en}${detail}`
          })
        }
      }
    }
    problems.sort((a, b) => a.row - b.row || a.col - b.col)
    return Effect.succeed({ sheet: grid.sheet, rows: count, valid, invalid: problems.map(({ col: _, ...p }) => p) })
  })

const unsupported = new ImportError({
  reason: "unsupported-format",
  zh: "这是旧版 .xls/.et 文件，请在 Excel 或 WPS 中另存为 .xlsx 或 CSV 后再导入",
  en: "this is an old .xls/.et file: save it as .xlsx or CSV in Excel or WPS, then import it"
})

/**
 * Reads an XLSX or CSV file against any struct schema (a host's extended entity).
 *
 * @since 0.1.0
 * @category decoding
 */
export const parseWith = <A>(schema: Schema.Schema<A, unknown, never>, bytes: Uint8Array, options: { readonly sheet?: string } = {}): Effect.Effect<Result<A>, ImportError> =>
  Effect.suspend(() => {
    const format = detect(bytes)
    if (format === "xls") return Effect.fail(unsupported)
    const grid = format === "xlsx" ? xlsxGrid(bytes, options.sheet) : Effect.sync(() => csvGrid(bytes))
    return Effect.flatMap(grid, (g) => rows(schema, g))
  })

/**
 * Reads an XLSX or CSV file of one entity: every row decoded, every problem listed.
 *
 * @example
 * ```ts
 * import { Import } from "@chanjiao/export"
 * import * as Effect from "effect/Effect"
 * import { readFileSync } from "node:fs"
 *
 * const result = await Effect.runPromise(Import.parse(readFileSync("教师.xlsx"), { type: "Teacher" }))
 * for (const p of result.invalid) console.log(`${p.sheet} 第${p.row}行 ${p.column?.letter ?? ""}列：${p.zh}`)
 * ```
 *
 * @since 0.1.0
 * @category decoding
 */
export const parse = <N extends Entities.Name>(bytes: Uint8Array, options: Options<N>): Effect.Effect<Result<EntityType<N>>, ImportError> =>
  parseWith(schemaOf(options.type) as Schema.Schema<EntityType<N>, unknown, never>, bytes, options.sheet === undefined ? {} : { sheet: options.sheet })

/**
 * One line per problem, for people: `教师 第3行 C列（姓名）：…`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const format = (p: Problem, lang: "zh" | "en" = "zh"): string => {
  const col = p.column === undefined ? "" : lang === "zh" ? ` ${p.column.letter}列（${p.column.header}）` : `, column ${p.column.letter} (${p.column.header})`
  return lang === "zh" ? `${p.sheet} 第${p.row}行${col}：${p.zh}` : `${p.sheet} row ${p.row}${col}: ${p.en}`
}
