/**
 * The table every tabular exporter writes: a name, bilingual column headers with a kind (text, number, date…),
 * and rows of plain cells. Builders turn findings, indicator values, grades and entity lists into tables; the
 * CSV and XLSX writers turn tables into bytes.
 *
 * Entity tables take their columns from the Schema: nested objects are flattened into one column per field
 * (headers are the fields' Chinese titles, qualified by the parent's title where two would read the same),
 * lists of plain values are one cell with the items separated by 、 (a JSON array when an item itself holds a
 * separator), and lists of objects or extension fields are one JSON cell. Enumerations read as their Chinese
 * labels where the Schema's description gives them (`post` → 岗位实习). The importer reads all of this back.
 *
 * @since 0.1.0
 */
import { Entities, Entity, Finding, Grading, Indicators } from "@chanjiao/core"
import * as Option from "effect/Option"
import * as AST from "effect/SchemaAST"
import type * as Schema from "effect/Schema"
import * as F from "./internal/format.js"
import { type Field, fieldsOf, getPath } from "./internal/fields.js"
import { stringify } from "./internal/json.js"
import { mayHold, walk } from "./internal/mask.js"
import type * as internalText from "./internal/text.js"
import { yesNo } from "./internal/text.js"
import * as Mask from "./Mask.js"

/**
 * The language of headers and labels: `zh` (default) or `en`.
 *
 * @since 0.1.0
 * @category models
 */
export type Lang = internalText.Lang

/**
 * A Chinese and an English text.
 *
 * @since 0.1.0
 * @category models
 */
export type Text = internalText.Text

/**
 * A share shown as a percentage (`30.5%`); the number itself is kept (0.305).
 *
 * @since 0.1.0
 * @category models
 */
export interface Percent {
  readonly _tag: "Percent"
  readonly value: number
}

/**
 * A cell: text, a number, a share, a yes/no, a date (`YYYY-MM-DD` text in a `date` column, or a `Date`), or empty.
 *
 * @since 0.1.0
 * @category models
 */
export type Cell = string | number | boolean | Date | Percent | null | undefined

/**
 * @since 0.1.0
 * @category models
 */
export type Row = ReadonlyArray<Cell>

/**
 * How a column's cells are written: `date` cells become real dates in XLSX; `integer`, `number` and `percent`
 * cells numbers.
 *
 * @since 0.1.0
 * @category models
 */
export type ColumnKind = "text" | "integer" | "number" | "percent" | "date" | "boolean"

/**
 * A cell colour: Excel's good (green), neutral (amber) and bad (red) styles.
 *
 * @since 0.1.0
 * @category models
 */
export type Tone = F.Tone

/**
 * @since 0.1.0
 * @category models
 */
export interface Column {
  readonly key: string
  readonly header: Text
  readonly kind: ColumnKind
  /** Width in characters (XLSX); computed from the content when absent. */
  readonly width?: number
  /** Colours by cell text (e.g. 达标 → good): the indicators sheet's verdict colouring. */
  readonly tones?: Readonly<Record<string, Tone>>
}

/**
 * A table held in memory.
 *
 * @since 0.1.0
 * @category models
 */
export interface Table {
  /** The sheet name (XLSX) and the table's title. */
  readonly name: Text
  /** The language of the headers and labels. */
  readonly lang: Lang
  readonly columns: ReadonlyArray<Column>
  readonly rows: ReadonlyArray<Row>
}

/**
 * A table whose rows arrive one by one (from a database cursor, a generator): what the streaming XLSX writer
 * takes, so that memory stays flat whatever the number of rows.
 *
 * @since 0.1.0
 * @category models
 */
export interface Stream {
  readonly name: Text
  readonly lang: Lang
  readonly columns: ReadonlyArray<Column>
  readonly rows: Iterable<Row> | AsyncIterable<Row>
}

/**
 * The options of the table builders: the language of headers and labels (Chinese by default) and masking
 * (on by default).
 *
 * @since 0.1.0
 * @category models
 */
export interface Options extends Mask.Options {
  readonly lang?: Lang
}

/**
 * A table from its parts.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (table: { readonly name: Text; readonly columns: ReadonlyArray<Column>; readonly rows: ReadonlyArray<Row>; readonly lang?: Lang }): Table => ({
  name: table.name,
  lang: table.lang ?? "zh",
  columns: table.columns,
  rows: table.rows
})

/**
 * A share cell.
 *
 * @since 0.1.0
 * @category constructors
 */
export const percent = (value: number): Percent => ({ _tag: "Percent", value })

/**
 * Whether a cell is a share.
 *
 * @since 0.1.0
 * @category guards
 */
export const isPercent = (cell: Cell): cell is Percent => typeof cell === "object" && cell !== null && !(cell instanceof Date) && cell._tag === "Percent"

const col = (key: string, zh: string, en: string, kind: ColumnKind = "text", extra: Partial<Pick<Column, "width" | "tones">> = {}): Column => ({ key, header: { zh, en }, kind, ...extra })

// ---------------------------------------------------------------------------------------------------------------
// Findings
// ---------------------------------------------------------------------------------------------------------------

/**
 * The columns of the findings table.
 *
 * @since 0.1.0
 * @category constants
 */
export const findingColumns: ReadonlyArray<Column> = [
  col("ruleId", "规则编号", "rule id"),
  col("ruleVersion", "规则版本", "rule version", "date"),
  col("severity", "严重程度", "severity", "text", { tones: F.severityTones }),
  col("subjectType", "对象类型", "subject type"),
  col("subjectId", "对象编号", "subject id"),
  col("subjectLabel", "对象", "subject"),
  col("message", "说明", "message", "text", { width: 60 }),
  col("remedy", "整改建议", "remedy", "text", { width: 40 }),
  col("deadline", "整改期限", "deadline", "date"),
  col("measured", "实测值", "measured"),
  col("threshold", "标准", "threshold"),
  col("citation", "依据", "citation", "text", { width: 50 }),
  col("asOf", "评估日期", "evaluated on", "date"),
  col("verified", "已核实", "verified", "boolean")
]

/**
 * Findings as a table, in report order (violations first, then by rule and subject). Subject ids, labels and
 * messages are scanned for personal numbers, which are masked unless `unmask` is set.
 *
 * @since 0.1.0
 * @category constructors
 */
export const findings = (list: ReadonlyArray<Finding.Finding>, options: Options = {}): Table => {
  const lang = options.lang ?? "zh"
  const m = (s: string) => Mask.textWith(s, options)
  const rows = [...list].sort(Finding.order).map((f): Row => [
    f.ruleId,
    f.ruleVersion,
    Finding.severityLabel[f.severity][lang],
    f.subject.type,
    m(f.subject.id),
    f.subject.label === undefined ? undefined : m(f.subject.label),
    m(f.message[lang]),
    f.remedy === undefined ? undefined : m(f.remedy[lang]),
    f.deadline,
    F.measuredText(f, lang),
    F.findingThresholdText(f, lang),
    f.citations.map((c) => F.citationText(c, lang)).join(lang === "zh" ? "；" : "; "),
    f.asOf,
    f.verified
  ])
  return { name: { zh: "检查结论", en: "Findings" }, lang, columns: findingColumns, rows }
}

// ---------------------------------------------------------------------------------------------------------------
// Indicators
// ---------------------------------------------------------------------------------------------------------------

/**
 * The columns of the indicators table.
 *
 * @since 0.1.0
 * @category constants
 */
export const indicatorColumns: ReadonlyArray<Column> = [
  col("indicator", "指标编号", "indicator"),
  col("variant", "口径", "variant"),
  col("name", "指标名称", "name", "text", { width: 36 }),
  col("schoolId", "学校编号", "school id"),
  col("majorCode", "专业代码", "major code"),
  col("enterpriseId", "企业编号", "enterprise id"),
  col("periodStart", "统计期开始", "period start", "date"),
  col("periodEnd", "统计期结束", "period end", "date"),
  col("value", "数值", "value", "number"),
  col("unit", "单位", "unit"),
  col("numerator", "分子", "numerator", "number"),
  col("denominator", "分母", "denominator", "number"),
  col("threshold", "标准", "threshold"),
  col("verdict", "结论", "verdict", "text", { tones: F.verdictTones }),
  col("citation", "依据", "citation", "text", { width: 50 }),
  col("parameter", "参数及版本", "parameter and version", "text", { width: 30 }),
  col("table", "年报表", "report table"),
  col("note", "说明", "note", "text", { width: 40 })
]

/**
 * Indicator values as a table: value (shares as percentages), threshold with its comparator, verdict (达标 /
 * 基本达标 / 不达标 / 不适用), citation and the parameter version used.
 *
 * @since 0.1.0
 * @category constructors
 */
export const indicators = (values: ReadonlyArray<Indicators.Value>, options: Options = {}): Table => {
  const lang = options.lang ?? "zh"
  const rows = values.map((v): Row => {
    const unit = F.unitOf(v)
    const num = (n: number | undefined): Cell => (n === undefined ? undefined : unit === "ratio" ? percent(n) : n)
    return [
      v.indicator,
      v.variant,
      v.name[lang],
      v.schoolId,
      v.majorCode,
      v.enterpriseId,
      v.period.start,
      v.period.end,
      num(v.value),
      unit === "ratio" ? "%" : unit === "count" ? "" : F.withUnit(1, unit, lang).replace(/^1 /, ""),
      v.numerator,
      v.denominator,
      F.thresholdText(v, lang),
      F.verdictLabel[F.verdictOf(v)][lang],
      v.threshold === undefined ? undefined : F.citationText(v.threshold.citation, lang),
      v.threshold === undefined ? undefined : `${v.threshold.parameter}@${v.threshold.effectiveFrom}`,
      v.table,
      v.note?.[lang]
    ]
  })
  return { name: { zh: "指标", en: "Indicators" }, lang, columns: indicatorColumns, rows }
}

// ---------------------------------------------------------------------------------------------------------------
// Grades
// ---------------------------------------------------------------------------------------------------------------

/**
 * The columns of the grades table.
 *
 * @since 0.1.0
 * @category constants
 */
export const gradeColumns: ReadonlyArray<Column> = [
  col("internshipId", "实习编号", "internship id"),
  col("score", "总评分", "score", "number"),
  col("band", "等级", "grade"),
  col("school", "学校评分", "school part", "number"),
  col("enterprise", "企业评分", "enterprise part", "number"),
  col("usedSchool", "采用的学校评价", "school assessment used"),
  col("usedEnterprise", "采用的企业评价", "enterprise assessment used"),
  col("moderation", "评分差距（需复核）", "gap to moderate", "number"),
  col("versions", "评分规则版本", "rubric, weights, bands"),
  col("findings", "问题数", "findings", "integer")
]

/**
 * Dual-subject grading results as a table.
 *
 * @since 0.1.0
 * @category constructors
 */
export const grades = (results: ReadonlyArray<Grading.Result>, options: Options = {}): Table => {
  const lang = options.lang ?? "zh"
  const r1 = (n: number | undefined) => (n === undefined ? undefined : Grading.round1(n))
  const rows = results.map((g): Row => [
    g.internshipId,
    g.score,
    F.gradeLabel(g.band, lang),
    r1(g.parts.school),
    r1(g.parts.enterprise),
    g.used.school,
    g.used.enterprise,
    g.moderation === undefined ? undefined : r1(g.moderation.gap),
    `${g.versions.rubric} / ${g.versions.weights} / ${g.versions.bands}`,
    g.findings.length
  ])
  return { name: { zh: "成绩", en: "Grades" }, lang, columns: gradeColumns, rows }
}

// ---------------------------------------------------------------------------------------------------------------
// Entities
// ---------------------------------------------------------------------------------------------------------------

const columnKind = (f: Field): ColumnKind => (f.kind === "date" ? "date" : f.kind === "integer" ? "integer" : f.kind === "number" ? "number" : "text")

/**
 * The columns of a struct schema (an entity): one per field, nested objects flattened.
 *
 * @since 0.1.0
 * @category constructors
 */
export const schemaColumns = (schema: Schema.Schema.Any): ReadonlyArray<Column> =>
  fieldsOf(schema.ast).map((f): Column => ({ key: f.key, header: f.header, kind: columnKind(f), ...(f.kind === "date" ? { width: 12 } : {}) }))

/** What a list cell is split on when read back: an item holding one (or blank at an end) is written as JSON. */
const separators = /[、;；\r\n]|^\s|\s$|^$/

const enumText = (f: Field, v: unknown, lang: Lang): string => {
  const s = String(v)
  if (lang === "en") return s
  return f.options.find((o) => o.value === s)?.label ?? s
}

/** One field's cell. */
const cellOf = (f: Field, v: unknown, lang: Lang): Cell => {
  if (v === undefined || v === null) return undefined
  switch (f.kind) {
    case "text":
    case "date":
      return typeof v === "string" ? v : String(v)
    case "integer":
    case "number":
      return typeof v === "number" ? v : undefined
    case "boolean":
      return typeof v === "boolean" ? yesNo(v, lang) : undefined
    case "enum":
      return enumText(f, v, lang)
    case "list": {
      if (!Array.isArray(v) || v.length === 0) return undefined
      const items = v.map((x) => (f.item === "enum" ? enumText(f, x, lang) : String(x)))
      // An item holding a separator would be split on the way back (and one starting with `[` read as JSON): such a
      // list is written as a JSON array.
      return items.some((x) => separators.test(x)) || items[0]!.startsWith("[") ? stringify(v) : items.join(lang === "zh" ? "、" : "; ")
    }
    case "json":
      if (Array.isArray(v) && v.length === 0) return undefined
      if (typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0) return undefined
      return stringify(v)
  }
}

/**
 * One row of a struct schema's table (personal numbers masked unless `unmask`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const schemaRow = <A, I>(schema: Schema.Schema<A, I, never>, value: A, options: Options = {}): Row => rowMaker(schema.ast, options)(value)

const makers = new WeakMap<AST.AST, Map<string, (value: unknown) => Row>>()

/**
 * The row function of a schema, built once per schema and options: each field read by its path, and masked only
 * where its schema can hold a personal number (no copy of the whole value per row).
 */
const rowMaker = (ast: AST.AST, options: Options): ((value: unknown) => Row) => {
  const lang = options.lang ?? "zh"
  const unmask = options.unmask === true
  const key = `${lang}|${unmask}`
  const byOptions = makers.get(ast) ?? new Map<string, (value: unknown) => Row>()
  makers.set(ast, byOptions)
  const hit = byOptions.get(key)
  if (hit !== undefined) return hit
  const fields = fieldsOf(ast)
  const mask = fields.map((f) => !unmask && mayHold(f.ast))
  const make = (value: unknown): Row => {
    const out = new Array<Cell>(fields.length)
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i]!
      const v = getPath(value, f.path)
      out[i] = cellOf(f, mask[i] && v !== undefined && v !== null ? walk(f.ast, v) : v, lang)
    }
    return out
  }
  byOptions.set(key, make)
  return make
}

/**
 * A schema's Chinese and English titles (the sheet name of its table).
 *
 * @since 0.1.0
 * @category getters
 */
export const titleOf = (schema: Schema.Schema.Any): Text => ({
  zh: Option.getOrElse(AST.getTitleAnnotation(schema.ast), () => "数据"),
  en: Entity.titleEn(schema) ?? "data"
})

/**
 * Values of any struct schema as a table (the school facts, a host's extended entity).
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromSchema = <A, I>(schema: Schema.Schema<A, I, never>, values: ReadonlyArray<A>, options: Options & { readonly name?: Text } = {}): Table => {
  const lang = options.lang ?? "zh"
  return { name: options.name ?? titleOf(schema), lang, columns: schemaColumns(schema), rows: values.map(rowMaker(schema.ast, options)) }
}

/**
 * The schema of an entity, typed.
 *
 * @since 0.1.0
 * @category models
 */
export type EntityType<N extends Entities.Name> = Schema.Schema.Type<(typeof Entities.all)[N]>

const entitySchema = <N extends Entities.Name>(type: N): Schema.Schema<EntityType<N>, unknown, never> =>
  Entities.all[type] as unknown as Schema.Schema<EntityType<N>, unknown, never>

/**
 * An entity list as a table, e.g. `Table.entities("Teacher", teachers)`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const entities = <N extends Entities.Name>(type: N, values: ReadonlyArray<EntityType<N>>, options: Options = {}): Table =>
  fromSchema(entitySchema(type), values, options)

async function* mapAsync<A, B>(rows: AsyncIterable<A>, f: (a: A) => B): AsyncIterable<B> {
  for await (const r of rows) yield f(r)
}

function* mapSync<A, B>(rows: Iterable<A>, f: (a: A) => B): Iterable<B> {
  for (const r of rows) yield f(r)
}

/**
 * An entity list arriving one by one (a generator, a database cursor) as a streaming table: rows are built as
 * the writer asks for them.
 *
 * @since 0.1.0
 * @category constructors
 */
export const entityStream = <N extends Entities.Name>(type: N, values: Iterable<EntityType<N>> | AsyncIterable<EntityType<N>>, options: Options = {}): Stream => {
  const lang = options.lang ?? "zh"
  const schema = entitySchema(type)
  const row = rowMaker(schema.ast, options)
  return {
    name: titleOf(schema),
    lang,
    columns: schemaColumns(schema),
    rows: Symbol.asyncIterator in values ? mapAsync(values, row) : mapSync(values, row)
  }
}
