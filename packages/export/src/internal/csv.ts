/**
 * Reading CSV files people saved from Excel or WPS: the encoding guessed from the bytes, RFC 4180 records.
 * @internal
 */
import iconv from "iconv-lite"

/** Text of a CSV file: UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode text"), else GB18030. */
export const decodeText = (bytes: Uint8Array): { readonly text: string; readonly encoding: string } => {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" }
  } catch {
    // Not valid UTF-8: what Excel on Chinese Windows writes, GBK, of which GB18030 is a superset.
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "gb18030"), encoding: "gb18030" }
  }
}

/**
 * RFC 4180 records: fields separated by `delimiter`, quoted fields may hold delimiters, quotes (doubled) and line
 * breaks; records end with CRLF, LF or CR. A final line break does not start an empty record.
 */
export const parse = (text: string, delimiter = ","): ReadonlyArray<ReadonlyArray<string>> => {
  const records: Array<Array<string>> = []
  let record: Array<string> = []
  let field = ""
  let quoted = false
  let i = 0
  const n = text.length
  const endField = () => {
    record.push(field)
    field = ""
  }
  const endRecord = () => {
    endField()
    records.push(record)
    record = []
  }
  while (i < n) {
    const c = text[i]!
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
        i++
        continue
      }
      field += c
      i++
      continue
    }
    if (c === '"' && field === "") {
      quoted = true
      i++
    } else if (c === delimiter) {
      endField()
      i++
    } else if (c === "\r") {
      endRecord()
      i += text[i + 1] === "\n" ? 2 : 1
    } else if (c === "\n") {
      endRecord()
      i++
    } else {
      field += c
      i++
    }
  }
  if (field !== "" || record.length > 0 || quoted) endRecord()
  return records
}

/** The delimiter of a file: a tab when the first line has tabs and no commas (a "text (tab delimited)" save). */
export const delimiterOf = (text: string): string => {
  const first = text.slice(0, Math.max(0, text.search(/\r|\n/)) || text.length)
  return !first.includes(",") && first.includes("\t") ? "\t" : ","
}
