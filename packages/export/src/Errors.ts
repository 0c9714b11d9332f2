/**
 * The expected failures of `@chanjiao/export`, each with a Chinese and an English message. Row-by-row problems of
 * an import are not failures: they are listed in the import's result.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * Why a file cannot be imported at all.
 *
 * @since 0.1.0
 * @category errors
 */
export const ImportProblem = Schema.Literal("unsupported-format", "unreadable", "no-sheet", "no-header")

/**
 * @since 0.1.0
 * @category errors
 */
export type ImportProblem = typeof ImportProblem.Type

/**
 * A file that cannot be read as a table at all (not an XLSX or CSV, a damaged workbook, no data sheet, no header
 * row). Nothing was decoded from it.
 *
 * @since 0.1.0
 * @category errors
 */
export class ImportError extends Schema.TaggedError<ImportError>("@chanjiao/export/ImportError")("ImportError", {
  reason: ImportProblem,
  zh: Schema.String,
  en: Schema.String
}) {
  override get message(): string {
    return `${this.zh}\n${this.en}`
  }
}

/**
 * Writing an export to the caller's stream failed (the disk is full, the pipe was closed).
 *
 * @since 0.1.0
 * @category errors
 */
export class WriteError extends Schema.TaggedError<WriteError>("@chanjiao/export/WriteError")("WriteError", {
  zh: Schema.String,
  en: Schema.String
}) {
  override get message(): string {
    return `${this.zh}\n${this.en}`
  }
}
