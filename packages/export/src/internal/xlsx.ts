/**
 * Sheet layout shared by the in-memory and the streaming XLSX writers (exceljs): headers, widths, frozen header
 * row, cell values and colours.
 * @internal
 */
import * as Effect from "effect/Effect"
import type * as ExcelJS from "exceljs"
import type * as Table from "../Table.js"
import { isoDate } from "./dates.js"
import { tones } from "./format.js"
import { displayWidth, type Lang, xmlSafe, yesNo } from "./text.js"
import { pinTimestamps } from "./zip.js"

/** Excel's limit on the characters of one cell. */
export const MAX_CELL = 32_767

export const DATE_FORMAT = "yyyy-mm-dd"
export const PERCENT_FORMAT = "0.0%"

/** A date cell as Excel stores it: midnight UTC of that day (exceljs converts it to the day's serial number). */
export const excelDate = (iso: string): Date | undefined => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (m === null) return undefined
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return isoDate(d) === iso ? d : undefined
}

const text = (s: string): string => {
  const clean = xmlSafe(s)
  return clean.length > MAX_CELL ? `${clean.slice(0, MAX_CELL - 1)}…` : clean
}

/** The exceljs value of a cell, and the number format it needs beyond its column's. */
export const cellValue = (cell: Table.Cell, column: Table.Column, lang: Lang): { readonly value: ExcelJS.CellValue; readonly numFmt?: string } => {
  if (cell === null || cell === undefined) return { value: null }
  if (typeof cell === "number") return { value: Number.isFinite(cell) ? cell : null }
  if (typeof cell === "boolean") return { value: yesNo(cell, lang) }
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? { value: null } : { value: new Date(Date.UTC(cell.getUTCFullYear(), cell.getUTCMonth(), cell.getUTCDate())), numFmt: DATE_FORMAT }
  if (typeof cell === "object") return { value: Number.isFinite(cell.value) ? cell.value : null, numFmt: PERCENT_FORMAT }
  if (column.kind === "date") {
    const d = excelDate(cell)
    if (d !== undefined) return { value: d }
  }
  // Text stays text: exceljs stores a string as a string cell, never as a formula, so no `'` is needed here.
  return { value: text(cell) }
}

/** What a cell reads as, for the column width. */
const shown = (cell: Table.Cell, lang: Lang): string => {
  if (cell === null || cell === undefined) return ""
  if (typeof cell === "number") return String(Math.round(cell * 100) / 100)
  if (typeof cell === "boolean") return yesNo(cell, lang)
  if (cell instanceof Date) return "2024-09-01"
  if (typeof cell === "object") return "100.0%"
  const first = cell.split(/\r?\n/, 1)[0] ?? ""
  return first.length > 200 ? first.slice(0, 200) : first
}

/** Column widths in characters (CJK counting double): the widest of the header and the first rows, 6 to 60. */
export const widths = (table: { readonly columns: ReadonlyArray<Table.Column>; readonly lang: Lang }, rows: ReadonlyArray<Table.Row>): ReadonlyArray<number> =>
  table.columns.map((c, i) => {
    if (c.width !== undefined) return c.width
    let w = displayWidth(c.header[table.lang])
    if (c.kind === "date") w = Math.max(w, 10)
    for (let r = 0; r < rows.length && r < 2000; r++) w = Math.max(w, displayWidth(shown(rows[r]![i], table.lang)))
    return Math.min(60, Math.max(6, w + 2))
  })

const HEADER_FILL = "FFD9E1F2"

/** A frozen header row: given when the sheet is added (the streaming writer's `views` cannot be set later). */
export const frozenHeader: Partial<ExcelJS.AddWorksheetOptions> = { views: [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }] }

/** Columns, header row style and filter on a worksheet (in memory or streaming). */
export const layout = (
  ws: ExcelJS.Worksheet,
  table: { readonly columns: ReadonlyArray<Table.Column>; readonly lang: Lang },
  colWidths: ReadonlyArray<number>,
  // Text columns formatted as text (`@`) keep what a clerk types as typed (ID numbers, leading zeros): for
  // templates. Exports write text cells as text anyway, and a style on every cell costs exceljs dearly.
  textFormat = false
): void => {
  ws.columns = table.columns.map((c, i) => ({
    header: text(c.header[table.lang]),
    key: `c${i}`,
    width: colWidths[i] ?? 12,
    ...(c.kind === "date" ? { style: { numFmt: DATE_FORMAT } } : c.kind === "percent" ? { style: { numFmt: PERCENT_FORMAT } } : c.kind === "text" && textFormat ? { style: { numFmt: "@" } } : {})
  }))
  const header = ws.getRow(1)
  header.font = { bold: true }
  header.alignment = { vertical: "middle" }
  for (let i = 1; i <= table.columns.length; i++) {
    const cell = header.getCell(i)
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } }
    cell.border = { bottom: { style: "thin" } }
  }
  if (table.columns.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } }
}

/**
 * Adds a row: its values in one `addRow` (cheaper in exceljs than a cell at a time), then the per-cell number
 * formats (shares, `Date` cells) and verdict colours where a cell needs them.
 */
export const addRow = (ws: ExcelJS.Worksheet, cells: Table.Row, table: { readonly columns: ReadonlyArray<Table.Column>; readonly lang: Lang }): ExcelJS.Row => {
  const n = table.columns.length
  // Empty cells are left out (`undefined`: exceljs creates no cell for them; `null` would be an empty cell).
  const values = new Array<ExcelJS.CellValue | undefined>(n)
  let extra: Array<number> | undefined
  for (let i = 0; i < n; i++) {
    const column = table.columns[i]!
    const { value, numFmt } = cellValue(cells[i], column, table.lang)
    values[i] = value === null ? undefined : value
    if (value !== null && (numFmt !== undefined || (column.tones !== undefined && typeof value === "string" && column.tones[value] !== undefined))) (extra ??= []).push(i)
  }
  const row = ws.addRow(values)
  for (const i of extra ?? []) {
    const column = table.columns[i]!
    const cell = row.getCell(i + 1)
    const { numFmt } = cellValue(cells[i], column, table.lang)
    if (numFmt !== undefined) cell.numFmt = numFmt
    const tone = column.tones?.[String(values[i])]
    if (tone !== undefined) {
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: tones[tone].fill } }
      cell.font = { color: { argb: tones[tone].font } }
    }
  }
  return row
}

const forbidden = /[[\]:*?/\\]/g

/** Sheet names: at most 31 characters, none of `[]:*?/\`, unique in the workbook. */
export const sheetNames = (names: ReadonlyArray<string>): ReadonlyArray<string> => {
  const used = new Set<string>()
  return names.map((n) => {
    const base = (xmlSafe(n).replace(forbidden, "_").replace(/^'+|'+$/g, "").trim() || "Sheet").slice(0, 31)
    let name = base
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base.slice(0, 31 - String(k).length - 2)}(${k})`
    used.add(name.toLowerCase())
    return name
  })
}

/** exceljs, loaded on first use: CSV, JSON and HTML users never pay for loading it. */
export type Excel = typeof import("exceljs")
let excel: Promise<Excel> | undefined
// exceljs is CommonJS: from ESM its exports are the namespace's `default` (its types declare only the named ones).
export const loadExcel = (): Promise<Excel> => (excel ??= import("exceljs").then((m) => (m as { readonly default?: Excel }).default ?? m))

/** The bytes of a workbook built by `build` (given exceljs), with every ZIP entry's time pinned to `date`. */
export const bytesOf = (build: (Excel: Excel) => ExcelJS.Workbook, date: Date): Effect.Effect<Uint8Array> =>
  Effect.promise(async () => {
    const wb = build(await loadExcel())
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer())
    pinTimestamps(bytes, date)
    return bytes
  })
