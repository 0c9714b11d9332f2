/**
 * Bilingual text helpers shared by the exporters.
 * @internal
 */
import type { Text as CoreText } from "@chanjiao/core"

export type Text = CoreText.Text

/** The language of headers and labels: Chinese first, English second. */
export type Lang = "zh" | "en"

/** 是/否, yes/no. */
export const yesNo = (b: boolean, lang: Lang): string => (lang === "zh" ? (b ? "是" : "否") : b ? "yes" : "no")

/** Display width of a string in a spreadsheet column: CJK and full-width characters count double. */
export const displayWidth = (s: string): number => {
  let w = 0
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x1f300 ? 2 : 1
  }
  return w
}

/** Characters XML 1.0 cannot hold (C0 controls except tab, LF, CR; lone surrogates; U+FFFE/FFFF). */
// eslint-disable-next-line no-control-regex
const notXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Removes characters an XLSX (XML) file cannot hold; Excel refuses a file that has them. */
export const xmlSafe = (s: string): string => s.replace(notXml, "")
