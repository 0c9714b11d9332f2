/**
 * @chanjiao/export — CSV (UTF-8 with BOM or GB18030, formula-injection safe, personal numbers masked), XLSX
 * (Chinese headers, verdict colours, streaming), JSON and JSON Schema, a self-contained HTML report, and
 * Excel/CSV templates with the pure half of import. Exporters are functions from results to bytes or a stream;
 * files are written only by callers.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as Csv from "./Csv.js"
/** @since 0.1.0 */
export * as Errors from "./Errors.js"
/** @since 0.1.0 */
export * as Html from "./Html.js"
/** @since 0.1.0 */
export * as Import from "./Import.js"
/** @since 0.1.0 */
export * as Json from "./Json.js"
/** @since 0.1.0 */
export * as Mask from "./Mask.js"
/** @since 0.1.0 */
export * as Report from "./Report.js"
/** @since 0.1.0 */
export * as Table from "./Table.js"
/** @since 0.1.0 */
export * as Template from "./Template.js"
/** @since 0.1.0 */
export * as Xlsx from "./Xlsx.js"
