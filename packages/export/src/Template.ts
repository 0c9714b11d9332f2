/**
 * Import templates generated from the Schemas, for the clerks who fill them in Excel or WPS:
 *
 * - an XLSX with the data sheet (Chinese headers; required ones in red; text columns formatted as text so ID
 *   numbers keep every digit; dates formatted `yyyy-mm-dd`; a drop-down list on every enumeration and yes/no
 *   column), a 说明 sheet (each column: what it means, required or not, format, allowed values, an example —
 *   all read from the Schema's annotations) and a hidden 选项 sheet holding the drop-down lists;
 * - a CSV with the header row only (UTF-8 with BOM, or GB18030).
 *
 * Nested objects are flattened into columns; lists of plain values are one cell separated by 、; lists of objects
 * (a teacher's titles, an internship's enterprise mentors) are one cell holding a JSON array — the 说明 sheet
 * shows the shape of one item.
 *
 * @since 0.1.0
 */
import { Entities } from "@chanjiao/core"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as AST from "effect/SchemaAST"
import type * as Schema from "effect/Schema"
import type * as ExcelJS from "exceljs"
import * as Csv from "./Csv.js"
import { type Field, fieldsOf, getPath, setPath, structOf } from "./internal/fields.js"
import { stringify } from "./internal/json.js"
import type { Lang, Text } from "./internal/text.js"
import * as L from "./internal/xlsx.js"
import * as Table from "./Table.js"
import * as Xlsx from "./Xlsx.js"

/**
 * What a template is for: an entity of `Entities.all`, or any struct schema (a host's extended entity).
 *
 * @since 0.1.0
 * @category models
 */
export type Target = Entities.Name | Schema.Schema<unknown, unknown, never>

/**
 * @since 0.1.0
 * @category models
 */
export interface Options extends Xlsx.Options {
  /** Header language (Chinese by default). The importer reads either. */
  readonly lang?: Lang
  /** How many rows get the drop-down lists (default 2,000). */
  readonly rows?: number
}

/**
 * The schema of a target.
 *
 * @since 0.1.0
 * @category getters
 */
export const schemaOf = (target: Target): Schema.Schema<unknown, unknown, never> =>
  typeof target === "string" ? (Entities.all[target] as unknown as Schema.Schema<unknown, unknown, never>) : target

const kindText: { readonly [K in Field["kind"]]: Text } = {
  text: { zh: "文本", en: "text" },
  integer: { zh: "整数", en: "whole number" },
  number: { zh: "数字", en: "number" },
  boolean: { zh: "是/否", en: "yes/no" },
  date: { zh: "日期 YYYY-MM-DD（如 2024-09-01）", en: "date YYYY-MM-DD (e.g. 2024-09-01)" },
  enum: { zh: "从下拉列表选择", en: "one of the list" },
  list: { zh: "多个值用“、”分隔", en: "several values separated by 、 or ;" },
  json: { zh: "JSON（格式见说明）", en: "JSON (see the description)" }
}

/** The value a template offers for a literal: its Chinese label where there is one (the importer reads both). */
const optionText = (o: Field["options"][number], lang: Lang) => (lang === "zh" ? o.label ?? o.value : o.value)

/** A skeleton of one item of a list of objects, from the item's schema: what a JSON cell should hold. */
const skeleton = (f: Field): string | undefined => {
  if (f.kind !== "json") return undefined
  const item = f.ast._tag === "TupleType" ? f.ast.rest[0]?.type : undefined
  if (item === undefined || structOf(item) === undefined) return f.array ? "[]" : "{}"
  const own = Option.getOrUndefined(AST.getExamplesAnnotation(item))?.[0]
  if (own !== undefined) return stringify([own])
  const obj: Record<string, unknown> = {}
  for (const x of fieldsOf(item)) {
    if (!x.always) continue
    setPath(obj, x.path, x.kind === "integer" || x.kind === "number" ? 0 : x.kind === "boolean" ? true : x.kind === "date" ? "2024-09-01" : x.kind === "enum" ? x.options[0]?.value ?? "" : x.array ? [] : x.title.zh)
  }
  return stringify([obj])
}

/** The fields of one item of a list of objects, for the instructions. */
const itemFields = (f: Field, lang: Lang): string | undefined => {
  if (f.kind !== "json" || f.ast._tag !== "TupleType") return undefined
  const item = f.ast.rest[0]?.type
  if (item === undefined || structOf(item) === undefined) return undefined
  const fields = fieldsOf(item)
  return fields.map((x) => `${x.key} ${x.title[lang]}${x.always ? (lang === "zh" ? "（必填）" : " (required)") : ""}`).join(lang === "zh" ? "；" : "; ")
}

/** Codes whose examples say something about the field (an ID number, a credit code); `Id` and `Name` do not. */
const specific = new Set(["IdNumber", "MobileNumber", "CreditCode", "MajorCode", "SecondaryMajorCode", "SchoolCode", "ProvinceCode", "CityCode", "DivisionCode"])

/** An example for a column: the entity's own example where it has the field, else one made from the field. */
const example = (f: Field, lang: Lang, entityExample: unknown): string => {
  if (f.kind === "enum") return f.options[0] === undefined ? "" : optionText(f.options[0], lang)
  if (f.kind === "list" && f.item === "enum") return f.options.slice(0, 2).map((o) => optionText(o, lang)).join(lang === "zh" ? "、" : "; ")
  if (f.kind === "boolean") return lang === "zh" ? "是" : "yes"
  if (f.kind === "json") return skeleton(f) ?? ""
  const own = getPath(entityExample, f.path)
  if (typeof own === "string" || typeof own === "number") return String(own)
  if (Array.isArray(own) && own.length > 0) return own.join(lang === "zh" ? "、" : "; ")
  if (f.kind === "date") return "2024-09-01"
  const ex = f.examples[0]
  return (typeof ex === "string" || typeof ex === "number") && f.brands.some((b) => specific.has(b)) ? String(ex) : ""
}

const requiredText = (f: Field, lang: Lang): string => {
  if (f.always) return lang === "zh" ? "必填" : "required"
  if (f.required && f.parents.length > 0) return lang === "zh" ? "填写该组其他列时必填" : "required when the group is filled"
  return lang === "zh" ? "选填" : "optional"
}

/**
 * The letters of a 1-based column number, as Excel names columns: 1 → A, 27 → AA.
 *
 * @since 0.1.0
 * @category getters
 */
export const letter = (n: number): string => {
  let s = ""
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s
  return s
}

/**
 * The instructions (说明) as a table: one row per column of the template.
 *
 * @since 0.1.0
 * @category constructors
 */
export const instructions = (target: Target, lang: Lang = "zh"): Table.Table => {
  const schema = schemaOf(target)
  const fields = fieldsOf(schema.ast)
  const entityExample = Option.getOrUndefined(AST.getExamplesAnnotation(schema.ast))?.[0]
  const c = (key: string, zh: string, en: string, width?: number): Table.Column => ({ key, header: { zh, en }, kind: "text", ...(width === undefined ? {} : { width }) })
  return {
    name: { zh: "说明", en: "Instructions" },
    lang,
    columns: [
      c("column", "列", "column", 6),
      c("header", "表头", "header", 24),
      c("field", "字段", "field", 24),
      c("required", "是否必填", "required", 14),
      c("format", "格式", "format", 24),
      c("options", "可选值", "allowed values", 36),
      c("description", "说明", "description", 48),
      c("example", "示例", "example", 30),
      c(lang === "zh" ? "headerEn" : "headerZh", lang === "zh" ? "英文表头" : "Chinese header", lang === "zh" ? "English header" : "Chinese header", 24)
    ],
    rows: fields.map((f, i): Table.Row => [
      letter(i + 1),
      f.header[lang],
      f.key,
      requiredText(f, lang),
      kindText[f.kind][lang],
      f.options.length === 0 ? undefined : f.options.map((o) => (o.label === undefined ? o.value : lang === "zh" ? `${o.label}（${o.value}）` : `${o.value} (${o.label})`)).join(lang === "zh" ? "、" : "; "),
      // An enumeration's description is its list of labels, already shown as the allowed values.
      [f.options.some((o) => o.label !== undefined) ? "" : f.description?.[lang] ?? "", itemFields(f, lang) === undefined ? "" : `${lang === "zh" ? "每项字段：" : "fields of each item: "}${itemFields(f, lang)}`].filter((x) => x !== "").join(lang === "zh" ? "。" : ". ") || undefined,
      example(f, lang, entityExample),
      f.header[lang === "zh" ? "en" : "zh"]
    ])
  }
}

const notes: ReadonlyArray<Text> = [
  { zh: "第一行是表头，请勿修改或删除；从第二行起每行一条记录。", en: "Row 1 holds the headers: do not change them. One record per row from row 2." },
  { zh: "表头为红色的列为必填；“填写该组其他列时必填”指同一组（如实习报酬）只要填了一列，组内必填列都要填。", en: "Red headers are required; 'required when the group is filled' means: once any column of a group (e.g. pay) is filled, its required columns must be too." },
  { zh: "日期写作 YYYY-MM-DD（如 2024-09-01），也可直接输入 Excel 日期；是/否列填“是”或“否”。", en: "Dates are written YYYY-MM-DD (e.g. 2024-09-01) or entered as Excel dates; yes/no columns take 是 or 否." },
  { zh: "多个值用“、”或“;”分隔；JSON 列填写 JSON 数组，每项的字段见“说明”列。", en: "Several values are separated by 、 or ;. JSON columns hold a JSON array; the fields of an item are listed in the description." },
  { zh: "导入时逐行检查，所有错误会连同所在工作表、行、列一起列出。", en: "The import checks every row and lists every problem with its sheet, row and column." }
]

/** The XLSX template's workbook (before it is written). */
const workbook = (Excel: L.Excel, target: Target, options: Options): ExcelJS.Workbook => {
  const lang = options.lang ?? "zh"
  const schema = schemaOf(target)
  const fields = fieldsOf(schema.ast)
  const title = Table.titleOf(schema)
  const rows = options.rows ?? 2000
  const wb = new Excel.Workbook()
  const date = options.date ?? Xlsx.defaultDate
  wb.creator = options.creator ?? "chanjiao"
  wb.lastModifiedBy = options.creator ?? "chanjiao"
  wb.created = date
  wb.modified = date
  const [dataName, helpName, listName] = L.sheetNames([title[lang], lang === "zh" ? "说明" : "Instructions", lang === "zh" ? "选项" : "Options"]) as [string, string, string]

  // The data sheet.
  const data = wb.addWorksheet(dataName, L.frozenHeader)
  const columns = Table.schemaColumns(schema)
  L.layout(data, { columns, lang }, L.widths({ columns, lang }, []), true)
  fields.forEach((f, i) => {
    const cell = data.getRow(1).getCell(i + 1)
    if (f.always) cell.font = { bold: true, color: { argb: "FFC00000" } }
    const note = [requiredText(f, lang), kindText[f.kind][lang], f.description?.[lang] ?? ""].filter((x) => x !== "").join(lang === "zh" ? "；" : "; ")
    cell.note = note
  })

  // The instructions second, then the drop-down lists on a hidden sheet (an inline list is limited to 255
  // characters).
  const help = wb.addWorksheet(helpName)
  const lists = wb.addWorksheet(listName, { state: "hidden" })
  // exceljs keeps data validations on the worksheet (`ws.dataValidations`) but its types do not declare them.
  const validations = (data as unknown as { readonly dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } }).dataValidations
  let listColumn = 0
  const yesNo = lang === "zh" ? ["是", "否"] : ["yes", "no"]
  fields.forEach((f, i) => {
    const values = f.kind === "enum" ? f.options.map((o) => optionText(o, lang)) : f.kind === "boolean" ? yesNo : undefined
    if (values === undefined) return
    listColumn++
    const col = letter(listColumn)
    lists.getCell(`${col}1`).value = f.header[lang]
    values.forEach((v, k) => (lists.getCell(`${col}${k + 2}`).value = v))
    const target = `${letter(i + 1)}2:${letter(i + 1)}${rows + 1}`
    validations.add(target, {
      type: "list",
      allowBlank: true,
      formulae: [`'${listName}'!$${col}$2:$${col}$${values.length + 1}`],
      showErrorMessage: true,
      errorStyle: "error",
      errorTitle: lang === "zh" ? "请从列表中选择" : "Pick from the list",
      error: lang === "zh" ? `“${f.header.zh}”只能填写列表中的值` : `"${f.header.en}" takes one of the listed values`
    })
  })

  // The instructions: general notes, then one row per column.
  const t = instructions(target, lang)
  help.columns = t.columns.map((c) => ({ key: c.key, width: c.width ?? 16 }))
  help.getCell("A1").value = lang === "zh" ? `${title.zh}导入模板说明` : `${title.en}: how to fill in this template`
  help.getCell("A1").font = { bold: true, size: 14 }
  notes.forEach((n, k) => (help.getCell(`A${k + 2}`).value = `${k + 1}. ${n[lang]}`))
  const headerRow = notes.length + 3
  const header = help.getRow(headerRow)
  t.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1)
    cell.value = c.header[lang]
    cell.font = { bold: true }
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } }
  })
  t.rows.forEach((r, k) => {
    const row = help.getRow(headerRow + 1 + k)
    r.forEach((v, i) => {
      if (typeof v === "string") row.getCell(i + 1).value = v
    })
    row.alignment = { wrapText: true, vertical: "top" }
  })
  help.views = [{ state: "frozen", xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }]
  // The data sheet is the one that opens.
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" }]
  return wb
}

/**
 * The XLSX template of an entity (or any struct schema).
 *
 * @example
 * ```ts
 * import { Template } from "@chanjiao/export"
 * import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as AST from "effect/SchemaAST"
 *
 * const bytes = await Effect.runPromise(Template.xlsx("Teacher")) // 教师.xlsx: 教师, 选项 (hidden), 说明
 * ```
 *
 * @since 0.1.0
 * @category encoding
 */
export const xlsx = (target: Target, options: Options = {}): Effect.Effect<Uint8Array> => L.bytesOf((Excel) => workbook(Excel, target, options), options.date ?? Xlsx.defaultDate)

/**
 * The CSV template: the header row only.
 *
 * @since 0.1.0
 * @category encoding
 */
export const csv = (target: Target, options: Csv.Options & { readonly lang?: Lang } = {}): Uint8Array => {
  const schema = schemaOf(target)
  return Csv.write({ name: Table.titleOf(schema), lang: options.lang ?? "zh", columns: Table.schemaColumns(schema), rows: [] }, options)
}
