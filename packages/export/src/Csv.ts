/**
 * CSV that opens correctly in Excel and WPS on Chinese Windows: UTF-8 **with a BOM** by default (without it
 * Excel reads UTF-8 as GBK and shows garbage), or GB18030 for older tools; RFC 4180 quoting with CRLF line
 * ends; and cells that a spreadsheet would run as a formula neutralised (OWASP "CSV injection"): text starting
 * with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`. Numbers passed as numbers stay numbers
 * (`-5` is a number, not a formula); dates are written `YYYY-MM-DD`; shares as `30.5%` (Excel reads that back as
 * the number 0.305).
 *
 * @since 0.1.0
 */
import { Entities, Finding, Indicators } from "@chanjiao/core"
import iconv from "iconv-lite"
import { isoDate } from "./internal/dates.js"
import type { Lang } from "./internal/text.js"
import { yesNo } from "./internal/text.js"
import * as Table from "./Table.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** `utf-8` (default, with a BOM) or `gb18030` (no BOM; what older Chinese tools expect). */
  readonly encoding?: "utf-8" | "gb18030"
  /** Write the UTF-8 byte order mark (default `true`; ignored for GB18030). */
  readonly bom?: boolean
}

/**
 * The UTF-8 byte order mark, `EF BB BF`.
 *
 * @since 0.1.0
 * @category constants
 */
export const BOM: Uint8Array = Uint8Array.of(0xef, 0xbb, 0xbf)

const dangerous = new Set(["=", "+", "-", "@", "\t", "\r"])

/**
 * Neutralises a text cell a spreadsheet would run as a formula: a leading `=`, `+`, `-`, `@`, tab or carriage
 * return gets a `'` in front (OWASP). Other text is unchanged.
 *
 * @example
 * ```ts
 * import { Csv } from "@chanjiao/export"
 *
 * Csv.neutralise("=HYPERLINK(\"…\")") // "'=HYPERLINK(\"…\")"
 * Csv.neutralise("岗位实习") // "岗位实习"
 * ```
 *
 * @since 0.1.0
 * @category combinators
 */
export const neutralise = (text: string): string => (text.length > 0 && dangerous.has(text.charAt(0)) ? `'${text}` : text)

/**
 * Quotes a field per RFC 4180 when it holds a comma, a double quote, CR or LF (quotes inside are doubled).
 *
 * @since 0.1.0
 * @category combinators
 */
export const quote = (field: string): string => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field)

const number = (n: number): string => (Number.isFinite(n) ? String(Object.is(n, -0) ? 0 : n) : "")

/**
 * The text of one cell as it is written (before quoting): numbers as numbers, dates `YYYY-MM-DD`, shares
 * `30.5%`, yes/no as 是/否, text neutralised.
 *
 * @since 0.1.0
 * @category combinators
 */
export const cellText = (cell: Table.Cell, lang: Lang = "zh"): string => {
  if (cell === null || cell === undefined) return ""
  if (typeof cell === "number") return number(cell)
  if (typeof cell === "boolean") return yesNo(cell, lang)
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : isoDate(cell)
  if (Table.isPercent(cell)) return Number.isFinite(cell.value) ? `${Number((cell.value * 100).toFixed(6))}%` : ""
  return neutralise(cell)
}

/**
 * A table as CSV text (no BOM): a header row, then one record per row, CRLF line ends.
 *
 * @since 0.1.0
 * @category encoding
 */
export const text = (table: Table.Table): string => {
  const lines: Array<string> = [table.columns.map((c) => quote(neutralise(c.header[table.lang]))).join(",")]
  for (const row of table.rows) {
    const out: Array<string> = []
    for (let i = 0; i < table.columns.length; i++) out.push(quote(cellText(row[i], table.lang)))
    lines.push(out.join(","))
  }
  return `${lines.join("\r\n")}\r\n`
}

/**
 * Encodes CSV text: UTF-8 with a BOM (default), UTF-8 without, or GB18030.
 *
 * @since 0.1.0
 * @category encoding
 */
export const encode = (csv: string, options: Options = {}): Uint8Array => {
  if (options.encoding === "gb18030") return new Uint8Array(iconv.encode(csv, "gb18030"))
  const body = new TextEncoder().encode(csv)
  if (options.bom === false) return body
  const out = new Uint8Array(BOM.length + body.length)
  out.set(BOM, 0)
  out.set(body, BOM.length)
  return out
}

/**
 * A table as CSV bytes.
 *
 * @example
 * ```ts
 * import { Csv, Table } from "@chanjiao/export"
 *
 * const bytes = Csv.write(
 *   Table.make({
 *     name: { zh: "示例", en: "example" },
 *     columns: [{ key: "a", header: { zh: "名称", en: "name" }, kind: "text" }],
 *     rows: [["=1+1"]]
 *   })
 * )
 * // EF BB BF, then 名称\r\n'=1+1\r\n
 * ```
 *
 * @since 0.1.0
 * @category encoding
 */
export const write = (table: Table.Table, options: Options = {}): Uint8Array => encode(text(table), options)

/**
 * Findings as CSV (see `Table.findings`).
 *
 * @since 0.1.0
 * @category encoding
 */
export const findings = (list: ReadonlyArray<Finding.Finding>, options: Options & Table.Options = {}): Uint8Array => write(Table.findings(list, options), options)

/**
 * Indicator values as CSV (see `Table.indicators`).
 *
 * @since 0.1.0
 * @category encoding
 */
export const indicators = (values: ReadonlyArray<Indicators.Value>, options: Options & Table.Options = {}): Uint8Array => write(Table.indicators(values, options), options)

/**
 * An entity list as CSV, personal numbers masked unless `unmask` (see `Table.entities`).
 *
 * @since 0.1.0
 * @category encoding
 */
export const entities = <N extends Entities.Name>(type: N, values: ReadonlyArray<Table.EntityType<N>>, options: Options & Table.Options = {}): Uint8Array =>
  write(Table.entities(type, values, options), options)
