import { describe, expect, it } from "@effect/vitest"
import { parse } from "csv-parse/sync"
import * as fc from "effect/FastCheck"
import iconv from "iconv-lite"
import { Csv, Table } from "@chanjiao/export"
import * as F from "./fixtures.js"

const utf8 = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes)
const one = (cells: ReadonlyArray<Table.Cell>, kinds: ReadonlyArray<Table.ColumnKind> = cells.map(() => "text")) =>
  Table.make({
    name: { zh: "测试", en: "test" },
    columns: kinds.map((kind, i) => ({ key: `c${i}`, header: { zh: `列${i}`, en: `col ${i}` }, kind })),
    rows: [cells]
  })
/** The records csv-parse (an independent RFC 4180 reader) reads from our bytes. */
const records = (bytes: Uint8Array): Array<Array<string>> => parse(Buffer.from(bytes), { bom: true, relax_column_count: false }) as Array<Array<string>>

describe("CSV encoding", () => {
  it("starts with the UTF-8 byte order mark EF BB BF by default", () => {
    const bytes = Csv.write(one(["岗位实习"]))
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(utf8(bytes)).toBe("\uFEFF列0\r\n岗位实习\r\n")
  })

  it("leaves the BOM out only when asked", () => {
    expect(Csv.write(one(["a"]), { bom: false })).toEqual(new TextEncoder().encode("列0\r\na\r\n"))
  })

  it("writes GB18030 without a BOM, which iconv-lite decodes back (Chinese and emoji included)", () => {
    const text = "实习单位：金乡县某电子商务有限公司 😀 €"
    const bytes = Csv.write(one([text]), { encoding: "gb18030" })
    expect([...bytes.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf])
    expect(iconv.decode(Buffer.from(bytes), "gb18030")).toBe(`列0\r\n${text}\r\n`)
    // Not UTF-8: a UTF-8 reader would see garbage, a GB18030 one the text.
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow()
  })

  it("quotes per RFC 4180: CRLF records, doubled quotes, commas and line breaks inside quotes", () => {
    const bytes = Csv.write(one(['王老师, "高级"', "第一行\r\n第二行", "plain"]))
    expect(utf8(bytes).slice(1)).toBe('列0,列1,列2\r\n"王老师, ""高级""","第一行\r\n第二行",plain\r\n')
    expect(records(bytes)).toEqual([["列0", "列1", "列2"], ['王老师, "高级"', "第一行\r\n第二行", "plain"]])
  })

  it("writes dates as YYYY-MM-DD, shares as percentages and yes/no as 是/否", () => {
    const bytes = Csv.write(one([F.D("2024-09-01"), new Date(Date.UTC(2025, 1, 28, 23, 59)), Table.percent(0.305), true, false, null, undefined], ["date", "date", "percent", "boolean", "boolean", "text", "text"]))
    expect(records(bytes)[1]).toEqual(["2024-09-01", "2025-02-28", "30.5%", "是", "否", "", ""])
  })
})

describe("formula injection (OWASP)", () => {
  const dangerous = ["=", "+", "-", "@", "\t", "\r"]

  for (const c of dangerous) {
    it(`a text cell starting with ${JSON.stringify(c)} is prefixed with '`, () => {
      const value = `${c}HYPERLINK("http://evil.example","x")`
      expect(Csv.neutralise(value)).toBe(`'${value}`)
      const [, row] = records(Csv.write(one([value])))
      expect(row![0]).toBe(`'${value}`)
      expect(row![0]!.charAt(0)).toBe("'")
    })
  }

  it("neutralises before quoting: the quoted field still starts with ' inside its quotes", () => {
    const bytes = Csv.write(one(['=cmd|" /C calc"!A0,x', "\r=1+1", "-2+3,4"]))
    const text = utf8(bytes).slice(1).split("\r\n")[1]!
    expect(text.startsWith(`"'=cmd|"" /C calc""!A0,x","'\r=1+1`)).toBe(true)
    expect(records(bytes)[1]).toEqual(['\'=cmd|" /C calc"!A0,x', "'\r=1+1", "'-2+3,4"])
  })

  it("headers are neutralised too", () => {
    const t = Table.make({ name: { zh: "x", en: "x" }, columns: [{ key: "a", header: { zh: "=SUM(A1)", en: "=SUM(A1)" }, kind: "text" }], rows: [] })
    expect(records(Csv.write(t))[0]).toEqual(["'=SUM(A1)"])
  })

  it("numbers passed as numbers stay numbers, negative ones included; text that only looks numeric is neutralised", () => {
    const [, row] = records(Csv.write(one([-5, -0.25, 0, 1e21, "-5"], ["number", "number", "number", "number", "text"])))
    expect(row).toEqual(["-5", "-0.25", "0", "1e+21", "'-5"])
  })

  it.prop("no field written from text ever starts with a dangerous character", [fc.array(fc.string({ unit: "grapheme" }), { minLength: 1, maxLength: 6 })], ([cells]) => {
    const [, row] = records(Csv.write(one(cells)))
    for (const field of row!) if (field.length > 0) expect(dangerous).not.toContain(field.charAt(0))
  })
})

describe("CSV round-trips through csv-parse", () => {
  // Text that stresses quoting: quotes, commas, CR, LF, CRLF, Chinese, emoji, astral characters.
  const tricky = fc.oneof(
    fc.string({ unit: "grapheme" }),
    fc.string({ unit: fc.constantFrom('"', ",", "\r", "\n", "\r\n", "金", "乡", "、", "😀", "👩‍🏫", " ", "a", "'") })
  )

  it.prop("any text (not starting with a formula character) comes back unchanged", [fc.array(fc.array(tricky, { minLength: 3, maxLength: 3 }), { maxLength: 8 })], ([rows]) => {
    const safe = rows.map((r) => r.map((s) => (/^[=+\-@\t\r]/.test(s) ? `x${s}` : s)))
    const t = Table.make({ name: { zh: "t", en: "t" }, columns: ["a", "b", "c"].map((k) => ({ key: k, header: { zh: k, en: k }, kind: "text" as const })), rows: safe })
    const back = records(Csv.write(t))
    expect(back).toEqual([["a", "b", "c"], ...safe])
  })

  it.prop("text starting with a formula character comes back with one ' in front", [fc.constantFrom("=", "+", "-", "@", "\t", "\r"), fc.string({ unit: "grapheme" })], ([c, s]) => {
    expect(records(Csv.write(one([`${c}${s}`])))[1]).toEqual([`'${c}${s}`])
  })

  it.prop("numbers come back as the same numbers", [fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 5 })], ([ns]) => {
    const [, row] = records(Csv.write(one(ns, ns.map(() => "number"))))
    expect(row!.map(Number)).toEqual(ns.map((n) => (Object.is(n, -0) ? 0 : n)))
  })
})

describe("CSV of results", () => {
  it("findings: Chinese headers, rule ids, severity labels, citations", () => {
    const rows = records(Csv.findings(F.findings))
    expect(rows[0]).toEqual(["规则编号", "规则版本", "严重程度", "对象类型", "对象编号", "对象", "说明", "整改建议", "整改期限", "实测值", "标准", "依据", "评估日期", "已核实"])
    expect(rows.slice(1).map((r) => r[0])).toEqual(expect.arrayContaining(["INT-PAY-80", "INT-FEE-BAN"]))
    expect(rows[1]![2]).toBe("违规")
    expect(rows.find((r) => r[0] === "INT-PAY-80")![11]).toContain("教职成〔2021〕4号")
  })

  it("findings in English", () => {
    const rows = records(Csv.findings(F.findings, { lang: "en" }))
    expect(rows[0]![0]).toBe("rule id")
    expect(rows[1]![2]).toBe("violation")
  })

  it("indicators: value, threshold with comparator, verdict", () => {
    const rows = records(Csv.indicators(F.indicators))
    const str = rows.find((r) => r[0] === "IND-STR-20")!
    const header = rows[0]!
    expect(str[header.indexOf("标准")]).toBe("≤ 20 生/师")
    expect(str[header.indexOf("结论")]).toBe("达标")
    const senior = rows.find((r) => r[0] === "IND-SENIOR-20")!
    expect(senior[header.indexOf("数值")]).toBe("0%")
    expect(senior[header.indexOf("结论")]).toBe("不达标")
  })

  it("entities: headers from the Schema titles, enumerations by their Chinese labels, nested objects flattened", () => {
    const rows = records(Csv.entities("Internship", F.internships))
    const h = rows[0]!
    expect(h.slice(0, 5)).toEqual(["实习编号", "学校编号", "学生编号", "实习类型", "安排方式"])
    expect(rows[1]![h.indexOf("实习类型")]).toBe("岗位实习")
    expect(rows[1]![h.indexOf("实习单位")]).toBe("金乡县某电子商务有限公司")
    expect(rows[1]![h.indexOf("考察方面")]).toBe("qualification、integrity、management、posts、hours、work-environment、living-environment、health-safety")
    expect(JSON.parse(rows[1]![h.indexOf("企业指导人员")]!)).toEqual([{ id: "m-1", name: "王师傅", role: "车间主任", mobile: "137****2222" }])
  })

  it("entities in English use the English titles and the literal values", () => {
    const rows = records(Csv.entities("Internship", F.internships, { lang: "en" }))
    expect(rows[0]!.slice(0, 4)).toEqual(["internship id", "school id", "student id", "internship kind"])
    expect(rows[1]![3]).toBe("post")
  })

  it("is byte-identical for identical input", () => {
    expect(Csv.findings(F.findings)).toEqual(Csv.findings([...F.findings].reverse()))
    expect(Csv.entities("Teacher", F.teachers)).toEqual(Csv.entities("Teacher", F.teachers))
    expect(Csv.indicators(F.indicators, { encoding: "gb18030" })).toEqual(Csv.indicators(F.indicators, { encoding: "gb18030" }))
  })
})
