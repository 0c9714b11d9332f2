/**
 * XLSX workbooks (exceljs): one sheet per table, Chinese headers from the Schemas' titles, a frozen header row
 * with a filter, column widths from the content (CJK characters count double), dates as real Excel dates
 * (`yyyy-mm-dd`), shares as percentages, and verdicts coloured (达标 green, 基本达标 amber, 不达标 red).
 *
 * `write` builds the workbook in memory and returns its bytes; `stream` writes rows as they arrive (an iterable or
 * async iterable, e.g. a database cursor) to a Node stream with exceljs's streaming writer, waiting for the
 * compressor to keep up, so memory stays flat for hundreds of thousands of rows.
 *
 * Both are deterministic: the workbook's created/modified dates and every ZIP entry's timestamp are pinned
 * (1980-01-01 unless `date` is given), so the same tables give byte-identical files.
 *
 * @since 0.1.0
 */
import { Entities } from "@chanjiao/core"
import * as Effect from "effect/Effect"
import type * as ExcelJS from "exceljs"
import type { Writable } from "node:stream"
import { WriteError } from "./Errors.js"
import * as L from "./internal/xlsx.js"
import type * as Report from "./Report.js"
import * as Table from "./Table.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** The workbook's created and modified date, and every file's time in the ZIP. Default 1980-01-01T00:00:00Z. */
  readonly date?: Date
  /** The author recorded in the workbook's properties. Default `chanjiao`. */
  readonly creator?: string
}

/**
 * The date stamped on workbooks when none is given (the earliest a ZIP entry can carry).
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultDate: Date = new Date(Date.UTC(1980, 0, 1))

const props = (wb: { creator: string; lastModifiedBy: string; created: Date; modified: Date }, options: Options) => {
  const date = options.date ?? defaultDate
  wb.creator = options.creator ?? "chanjiao"
  wb.lastModifiedBy = options.creator ?? "chanjiao"
  wb.created = date
  wb.modified = date
}

/** Builds a workbook in memory: one sheet per table, in order. */
const workbook = (Excel: L.Excel, tables: ReadonlyArray<Table.Table>, options: Options): ExcelJS.Workbook => {
  const wb = new Excel.Workbook()
  props(wb, options)
  const names = L.sheetNames(tables.map((t) => t.name[t.lang]))
  tables.forEach((t, i) => {
    const ws = wb.addWorksheet(names[i]!, L.frozenHeader)
    L.layout(ws, t, L.widths(t, t.rows))
    for (const cells of t.rows) L.addRow(ws, cells, t)
  })
  return wb
}

/**
 * Tables as XLSX bytes, one sheet per table.
 *
 * @example
 * ```ts
 * import { Table, Xlsx } from "@chanjiao/export"
 * import * as Effect from "effect/Effect"
 *
 * const bytes = await Effect.runPromise(Xlsx.write([Table.findings([])]))
 * ```
 *
 * @since 0.1.0
 * @category encoding
 */
export const write = (tables: ReadonlyArray<Table.Table>, options: Options = {}): Effect.Effect<Uint8Array> =>
  L.bytesOf((Excel) => workbook(Excel, tables, options), options.date ?? defaultDate)

// ---------------------------------------------------------------------------------------------------------------
// Streaming
// ---------------------------------------------------------------------------------------------------------------

interface Archive {
  append: (source: unknown, data: Record<string, unknown>) => unknown
}

const pinned = new WeakSet<object>()

/**
 * exceljs's streaming writer zips with archiver, which stamps each entry with the time it is appended and has no
 * option for it. The writer appends its first entries from its constructor (calling `addThemes` first), so a
 * subclass fixes the date there, before anything is appended.
 */
const pinnedWriter = (Excel: L.Excel, date: Date) =>
  class PinnedWorkbookWriter extends Excel.stream.xlsx.WorkbookWriter {
    override addThemes(): Promise<void> {
      const zip = (this as unknown as { readonly zip?: Archive }).zip
      if (zip !== undefined && !pinned.has(zip)) {
        pinned.add(zip)
        const append = zip.append.bind(zip)
        zip.append = (source, data) => append(source, { ...data, date })
      }
      return super.addThemes()
    }
  }

interface Buffered {
  readonly buffers?: ReadonlyArray<{ readonly length: number }>
  readonly pipes?: ReadonlyArray<{ readonly _writableState?: { readonly length: number }; readonly _readableState?: { readonly length: number } }>
}

/**
 * Bytes a streaming sheet holds that the compressor has not taken yet. exceljs writes rows into a buffer piped to
 * archiver without waiting; reading how much is queued (its own buffers and the pipe's) is what lets the writer
 * wait instead of buffering the whole sheet in memory.
 */
const queued = (ws: object): number => {
  const s = (ws as { readonly stream?: Buffered }).stream
  if (s === undefined) return 0
  let n = 0
  for (const b of s.buffers ?? []) n += b.length
  for (const p of s.pipes ?? []) n += (p._writableState?.length ?? 0) + (p._readableState?.length ?? 0)
  return n
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve))

/** How much a sheet may queue before the writer waits for the compressor. */
const HIGH_WATER = 1 << 20

/**
 * Writes tables to a stream, rows as they arrive, with exceljs's streaming writer. Rows are not kept: memory
 * stays flat whatever their number. Column widths come from the columns' `width` or their headers (rows are not
 * read ahead). The stream is ended when the workbook is complete.
 *
 * @example
 * ```ts
 * import { Table, Xlsx } from "@chanjiao/export"
 * import * as Effect from "effect/Effect"
 * import { createWriteStream } from "node:fs"
 *
 * declare const internships: AsyncIterable<import("@chanjiao/core").Internship.Internship>
 * await Effect.runPromise(Xlsx.stream([Table.entityStream("Internship", internships)], createWriteStream("internships.xlsx")))
 * ```
 *
 * @since 0.1.0
 * @category encoding
 */
export const stream = (tables: ReadonlyArray<Table.Stream>, output: Writable, options: Options = {}): Effect.Effect<void, WriteError> =>
  Effect.tryPromise({
    try: async () => {
      const Writer = pinnedWriter(await L.loadExcel(), options.date ?? defaultDate)
      const wb = new Writer({ stream: output, useStyles: true, useSharedStrings: false })
      props(wb, options)
      const names = L.sheetNames(tables.map((t) => t.name[t.lang]))
      let failed: unknown
      output.once("error", (e) => (failed = e))
      for (let s = 0; s < tables.length; s++) {
        const t = tables[s]!
        const ws = wb.addWorksheet(names[s]!, L.frozenHeader)
        L.layout(ws, t, L.widths(t, []))
        ws.getRow(1).commit()
        let n = 0
        for await (const cells of t.rows) {
          L.addRow(ws, cells, t).commit()
          if (++n % 128 === 0) {
            // Let archiver and zlib run; wait while more than HIGH_WATER bytes are queued for them.
            do {
              await turn()
              if (failed !== undefined) throw failed
            } while (queued(ws) > HIGH_WATER)
          }
        }
        ws.commit()
      }
      await wb.commit()
      if (failed !== undefined) throw failed
    },
    catch: (e) => new WriteError({ zh: `写入 XLSX 失败：${String(e)}`, en: `writing the XLSX failed: ${String(e)}` })
  })

// ---------------------------------------------------------------------------------------------------------------
// Ready-made workbooks
// ---------------------------------------------------------------------------------------------------------------

/**
 * The report workbook: indicators (verdicts coloured), findings, grades, the three kinds of agreements, teachers
 * and internships. Personal numbers masked unless `unmask`.
 *
 * @since 0.1.0
 * @category encoding
 */
export const report = (r: Report.Report, options: Options & Table.Options = {}): Effect.Effect<Uint8Array> =>
  Effect.suspend(() =>
    write(
      [
        Table.indicators(r.indicators, options),
        Table.findings(r.findings, options),
        Table.grades(r.grades, options),
        Table.entities("CooperationAgreement", r.agreements.cooperation, options),
        Table.entities("InternshipAgreement", r.agreements.internship, options),
        Table.entities("ApprenticeshipAgreement", r.agreements.apprenticeship, options),
        Table.entities("Teacher", r.teachers, options),
        Table.entities("Internship", r.internships, options)
      ],
      options
    )
  )

/**
 * An entity list as a one-sheet workbook.
 *
 * @since 0.1.0
 * @category encoding
 */
export const entities = <N extends Entities.Name>(type: N, values: ReadonlyArray<Table.EntityType<N>>, options: Options & Table.Options = {}): Effect.Effect<Uint8Array> =>
  Effect.suspend(() => write([Table.entities(type, values, options)], options))
