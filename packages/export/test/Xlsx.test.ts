import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { Writable } from "node:stream"
import * as XLSX from "xlsx"
import { Table, Xlsx } from "@chanjiao/export"
import * as F from "./fixtures.js"

/** SheetJS, an independent reader, as a clerk's Excel would see the file. */
const read = (bytes: Uint8Array) => XLSX.read(bytes, { cellDates: true, cellStyles: true })
const grid = (wb: XLSX.WorkBook, sheet: string) => XLSX.utils.sheet_to_json<Array<unknown>>(wb.Sheets[sheet]!, { header: 1, raw: true })
/** A file inside the XLSX (a ZIP), read with SheetJS's own ZIP reader. */
const part = (bytes: Uint8Array, path: string): string => {
  const entry = XLSX.CFB.find(XLSX.CFB.read(bytes, { type: "array" }), `/${path}`)
  if (entry === null) throw new Error(`no ${path}`)
  return new TextDecoder().decode(entry.content as Uint8Array)
}

const collect = () => {
  const chunks: Array<Buffer> = []
  const out = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk)
      cb()
    }
  })
  return { out, bytes: () => new Uint8Array(Buffer.concat(chunks)) }
}

describe("XLSX workbook", () => {
  it.effect("one sheet per table, Chinese names and headers, values read back by SheetJS", () =>
    Effect.gen(function* () {
      const bytes = yield* Xlsx.report(F.report)
      const wb = read(bytes)
      expect(wb.SheetNames).toEqual(["指标", "检查结论", "成绩", "校企合作协议", "实习三方协议", "学徒培养协议", "教师", "学生实习"])
      const findings = grid(wb, "检查结论")
      expect(findings[0]!.slice(0, 3)).toEqual(["规则编号", "规则版本", "严重程度"])
      expect(findings.slice(1).map((r) => r[0])).toEqual(expect.arrayContaining(["INT-PAY-80", "INT-FEE-BAN", "INT-AGE-16"]))
      const teachers = grid(wb, "教师")
      expect(teachers[0]!.slice(0, 4)).toEqual(["教师编号", "学校编号", "姓名", "公民身份号码"])
      expect(teachers[1]!.slice(0, 3)).toEqual(["t-001", "s-jx", "李老师"])
      // Masked by default.
      expect(teachers[1]![3]).toBe(`370828********${F.teachers[0]!.idNumber!.slice(-4)}`)
      expect(teachers[3]![2]).toBe("<script>alert(1)</script>")
    }),
    30_000
  )

  it.effect("dates are date cells (yyyy-mm-dd), shares are numbers shown as percentages", () =>
    Effect.gen(function* () {
      const wb = read(yield* Xlsx.report(F.report))
      const ws = wb.Sheets["学生实习"]!
      const header = grid(wb, "学生实习")[0]!
      const start = XLSX.utils.encode_cell({ r: 1, c: header.indexOf("开始日期") })
      expect(ws[start]!.t).toBe("d")
      expect((ws[start]!.v as Date).toISOString()).toBe("2024-09-01T00:00:00.000Z")
      expect(ws[start]!.z).toBe("yyyy-mm-dd")
      const ind = wb.Sheets["指标"]!
      const rows = grid(wb, "指标")
      const r = rows.findIndex((x) => x[0] === "IND-PROF-50")
      const cell = ind[XLSX.utils.encode_cell({ r, c: rows[0]!.indexOf("数值") })]!
      expect(cell.t).toBe("n")
      expect(cell.v).toBe(0.5)
      expect(cell.z).toBe("0.0%")
    })
  )

  it.effect("the header row is frozen, filtered and bold; columns are sized with CJK counting double", () =>
    Effect.gen(function* () {
      const bytes = yield* Xlsx.write([Table.indicators(F.indicators)])
      const sheet = part(bytes, "xl/worksheets/sheet1.xml")
      expect(sheet).toMatch(/<pane[^>]*ySplit="1"[^>]*state="frozen"/)
      expect(sheet).toContain("<autoFilter")
      const wb = read(bytes)
      const cols = wb.Sheets["指标"]!["!cols"]!
      // 指标名称 holds Chinese names: wider than the ASCII id column.
      expect(cols[2]!.wch!).toBeGreaterThan(cols[0]!.wch!)
      expect(cols[0]!.wch!).toBeGreaterThanOrEqual(14)
    })
  )

  it.effect("the indicators sheet colours verdicts: 达标 green, 基本达标 amber, 不达标 red", () =>
    Effect.gen(function* () {
      const t = Table.make({
        name: { zh: "指标", en: "Indicators" },
        columns: [Table.indicatorColumns.find((c) => c.key === "verdict")!],
        rows: [["达标"], ["基本达标"], ["不达标"], ["不适用"]]
      })
      const ws = read(yield* Xlsx.write([t])).Sheets["指标"]!
      const fill = (a: string) => (ws[a] as { s?: { fgColor?: { rgb?: string } } }).s?.fgColor?.rgb
      expect(fill("A2")).toBe("C6EFCE")
      expect(fill("A3")).toBe("FFEB9C")
      expect(fill("A4")).toBe("FFC7CE")
      expect(fill("A5")).toBeUndefined()
    })
  )

  // Live clock: the point is that real time passes between the two writes.
  it.live("is byte-identical for identical input (workbook dates and ZIP timestamps pinned)", () =>
    Effect.gen(function* () {
      const a = yield* Xlsx.report(F.report)
      yield* Effect.sleep("1100 millis") // ZIP timestamps have a 2-second resolution: cross a boundary.
      const b = yield* Xlsx.report(F.report)
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
      expect(part(a, "docProps/core.xml")).toContain("1980-01-01T00:00:00Z")
      const c = yield* Xlsx.report(F.report, { date: new Date(Date.UTC(2025, 0, 15)) })
      expect(part(c, "docProps/core.xml")).toContain("2025-01-15T00:00:00Z")
    }),
    30_000
  )

  it.effect("text Excel cannot hold (control characters) is dropped, long text cut: the file still opens", () =>
    Effect.gen(function* () {
      const t = Table.make({ name: { zh: "a/b:c*?[d]", en: "x" }, columns: [{ key: "a", header: { zh: "说明", en: "note" }, kind: "text" }], rows: [["a\u0000b\u0007c\u000bd"], ["x".repeat(40_000)], ["=1+1"]] })
      const wb = read(yield* Xlsx.write([t]))
      expect(wb.SheetNames).toEqual(["a_b_c___d_"])
      const rows = grid(wb, wb.SheetNames[0]!)
      expect(rows[1]).toEqual(["abcd"])
      expect((rows[2]![0] as string).length).toBe(32_767)
      // Text is stored as text, never as a formula.
      expect(rows[3]).toEqual(["=1+1"])
      expect(wb.Sheets[wb.SheetNames[0]!]!["A4"]!.f).toBeUndefined()
    })
  )
})

describe("XLSX streaming writer", () => {
  async function* rowsOf(n: number) {
    for (let i = 0; i < n; i++) {
      yield F.internship(`i-${i}`, `st-${i % 50}`, { start: F.D("2024-09-01"), end: F.D("2025-02-28") })
    }
  }

  it.effect("writes rows from an async iterable; SheetJS reads every row back", () =>
    Effect.gen(function* () {
      const sink = collect()
      yield* Xlsx.stream([Table.entityStream("Internship", rowsOf(3000)), Table.findings(F.findings)], sink.out)
      const wb = read(sink.bytes())
      expect(wb.SheetNames).toEqual(["学生实习", "检查结论"])
      const rows = grid(wb, "学生实习")
      expect(rows.length).toBe(3001)
      expect(rows[0]!.slice(0, 4)).toEqual(["实习编号", "学校编号", "学生编号", "实习类型"])
      expect(rows[3000]!.slice(0, 4)).toEqual(["i-2999", "s-jx", "st-49", "岗位实习"])
      const header = rows[0]!
      expect(rows[1]![header.indexOf("企业指导人员")]).toContain("137****2222")
      const ws = wb.Sheets["学生实习"]!
      expect(ws[XLSX.utils.encode_cell({ r: 1, c: header.indexOf("开始日期") })]!.t).toBe("d")
      expect(part(sink.bytes(), "xl/worksheets/sheet1.xml")).toMatch(/<pane[^>]*state="frozen"/)
    }),
    30_000
  )

  it.live("is byte-identical for identical input too", () =>
    Effect.gen(function* () {
      const a = collect()
      yield* Xlsx.stream([Table.entityStream("Internship", rowsOf(200))], a.out)
      yield* Effect.sleep("1100 millis")
      const b = collect()
      yield* Xlsx.stream([Table.entityStream("Internship", rowsOf(200))], b.out)
      expect(Buffer.from(a.bytes()).equals(Buffer.from(b.bytes()))).toBe(true)
    }),
    30_000
  )

  it.effect("a failing output stream is a WriteError, not a crash", () =>
    Effect.gen(function* () {
      const out = new Writable({
        write(_chunk, _enc, cb) {
          cb(new Error("disk full"))
        }
      })
      const error = yield* Effect.flip(Xlsx.stream([Table.entityStream("Internship", rowsOf(2000))], out))
      expect(error._tag).toBe("WriteError")
      expect(error.zh).toContain("disk full")
    })
  )
})
