import { describe, expect, it } from "@effect/vitest"
import { Entities } from "@chanjiao/core"
import type { Teacher } from "@chanjiao/core"
import * as Arbitrary from "effect/Arbitrary"
import * as Effect from "effect/Effect"
import * as fc from "effect/FastCheck"
import type * as Schema from "effect/Schema"
import ExcelJS from "exceljs"
import iconv from "iconv-lite"
import * as XLSX from "xlsx"
import { Csv, Import, Json, Table, Template, Xlsx } from "@chanjiao/export"
import * as F from "./fixtures.js"

const part = (bytes: Uint8Array, path: string): string => new TextDecoder().decode(XLSX.CFB.find(XLSX.CFB.read(bytes, { type: "array" }), `/${path}`)!.content as Uint8Array)

/** A clerk opens the template in Excel, types rows under the headers (dates as dates), and saves it. */
const fill = (template: Uint8Array, columns: ReadonlyArray<Table.Column>, rows: ReadonlyArray<ReadonlyArray<Table.Cell>>) =>
  Effect.promise(async () => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(template) as unknown as ExcelJS.Buffer)
    const ws = wb.worksheets[0]!
    rows.forEach((cells, r) =>
      cells.forEach((c, i) => {
        if (c === undefined || c === null) return
        ws.getRow(r + 2).getCell(i + 1).value = columns[i]!.kind === "date" && typeof c === "string" ? new Date(`${c}T00:00:00Z`) : (c as ExcelJS.CellValue)
      })
    )
    return new Uint8Array(await wb.xlsx.writeBuffer())
  })

const teacherRow = (i: number): Teacher.Teacher =>
  F.teacher(`t-${String(i).padStart(3, "0")}`, {
    name: `教师${i}`,
    idNumber: F.idNumber(`3708281985${String(1 + (i % 12)).padStart(2, "0")}${String(1 + (i % 28)).padStart(2, "0")}${String(100 + i).slice(-3)}`),
    hiredOn: F.D(`20${String(10 + (i % 14))}-09-01`),
    titles: i % 3 === 0 ? [{ level: "intermediate", name: "讲师", series: "teacher", obtainedOn: F.D("2018-09-01") }] : []
  })

describe("templates", () => {
  it.effect("XLSX: the data sheet, the instructions and the hidden lists, with drop-downs on enumerations and yes/no", () =>
    Effect.gen(function* () {
      const bytes = yield* Template.xlsx("Teacher")
      const wb = XLSX.read(bytes)
      expect(wb.SheetNames).toEqual(["教师", "说明", "选项"])
      expect(wb.Workbook!.Sheets!.map((s) => s.Hidden)).toEqual([0, 0, 1])
      const header = XLSX.utils.sheet_to_json<Array<string>>(wb.Sheets["教师"]!, { header: 1 })[0]!
      expect(header).toEqual(Table.schemaColumns(Entities.all.Teacher).map((c) => c.header.zh))
      const sheet = part(bytes, "xl/worksheets/sheet1.xml")
      const employment = Template.letter(header.indexOf("任职类型") + 1)
      expect(sheet).toMatch(new RegExp(`<dataValidation type="list" allowBlank="1" showErrorMessage="1"[^>]*sqref="${employment}2:${employment}2001"><formula1>&apos;选项&apos;!\\$([A-Z]+)\\$2:\\$\\1\\$3</formula1>`))
      expect(sheet).toMatch(/<pane[^>]*state="frozen"/)
      // Every column is explained in 说明.
      const help = XLSX.utils.sheet_to_json<Array<string>>(wb.Sheets["说明"]!, { header: 1 })
      const rows = help.slice(help.findIndex((r) => r[0] === "列") + 1)
      expect(rows.map((r) => r[1])).toEqual(header)
      const employmentRow = rows.find((r) => r[2] === "employment")!
      expect(employmentRow.slice(3, 6)).toEqual(["必填", "从下拉列表选择", "专任（full-time）、兼职（part-time）"])
      expect(rows.find((r) => r[2] === "hiredOn")!.slice(3, 5)).toEqual(["必填", "日期 YYYY-MM-DD（如 2024-09-01）"])
      expect(rows.find((r) => r[2] === "titles")![6]).toContain("level 职称级别（必填）")
      const lists = XLSX.utils.sheet_to_json<Array<string>>(wb.Sheets["选项"]!, { header: 1 })
      expect(lists[0]).toContain("任职类型")
    }),
    30_000
  )

  it.effect("XLSX templates are byte-identical for identical input", () =>
    Effect.gen(function* () {
      expect(Buffer.from(yield* Template.xlsx("Internship")).equals(Buffer.from(yield* Template.xlsx("Internship")))).toBe(true)
    }),
    30_000
  )

  it("CSV: the header row only, UTF-8 with BOM or GB18030", () => {
    const bytes = Template.csv("Student")
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder().decode(bytes.slice(3))).toBe(`${Table.schemaColumns(Entities.all.Student).map((c) => c.header.zh).join(",")}\r\n`)
    expect(iconv.decode(Buffer.from(Template.csv("Student", { encoding: "gb18030", lang: "en" })), "gb18030").startsWith("student id,school id,name")).toBe(true)
  })
})

describe("import", () => {
  it.effect("round trip: template → rows typed in → parse gives the values back", () =>
    Effect.gen(function* () {
      for (const [type, values] of [
        ["Teacher", F.teachers],
        ["Student", F.students],
        ["Internship", F.internships],
        ["CooperationAgreement", F.cooperation]
      ] as const) {
        const schema = Entities.all[type] as unknown as Schema.Schema<unknown, unknown, never>
        const columns = Table.schemaColumns(schema)
        const rows = values.map((v) => Table.schemaRow(schema, v as never, { unmask: true }))
        const filled = yield* fill(yield* Template.xlsx(type), columns, rows)
        const result = yield* Import.parse(filled, { type })
        expect(result.invalid).toEqual([])
        expect(result.sheet).toBe(Table.titleOf(schema).zh)
        expect(result.valid.map((v) => v.row)).toEqual(values.map((_, i) => i + 2))
        expect(result.valid.map((v) => Json.normalise(v.value))).toEqual(values.map((v) => Json.normalise(v)))
      }
    }),
    30_000
  )

  it.effect("a file with 3 bad rows among 100 reports exactly those 3, with their cells", () =>
    Effect.gen(function* () {
      const teachers = Array.from({ length: 100 }, (_, i) => teacherRow(i + 1))
      const columns = Table.schemaColumns(Entities.all.Teacher)
      const header = columns.map((c) => c.header.zh)
      const rows = teachers.map((t) => [...Table.schemaRow(Entities.all.Teacher, t, { unmask: true })])
      const at = (h: string) => header.indexOf(h)
      const good = teachers[16]!.idNumber!
      const badId = `${good.slice(0, 17)}${good.endsWith("1") ? "2" : "1"}`
      rows[16]![at("公民身份号码")] = badId // Excel row 18: a typo in the check digit
      rows[41]![at("入职日期")] = "2024-02-30" // row 43: a date that does not exist
      rows[87]![at("任职类型")] = "临时工" // row 89: not one of the list
      const filled = yield* fill(yield* Template.xlsx("Teacher"), columns.map((c) => ({ ...c, kind: c.key === "hiredOn" ? "text" : c.kind })), rows)
      const result = yield* Import.parse(filled, { type: "Teacher" })
      expect(result.rows).toBe(100)
      expect(result.valid.length).toBe(97)
      expect([...new Set(result.invalid.map((p) => p.row))]).toEqual([18, 43, 89])
      expect(result.invalid.map((p) => [p.sheet, p.row, p.column, p.value])).toEqual([
        ["教师", 18, { letter: Template.letter(at("公民身份号码") + 1), header: "公民身份号码" }, badId],
        ["教师", 43, { letter: Template.letter(at("入职日期") + 1), header: "入职日期" }, "2024-02-30"],
        ["教师", 89, { letter: Template.letter(at("任职类型") + 1), header: "任职类型" }, "临时工"]
      ])
      expect(result.invalid[0]!.zh).toContain("校验码不符")
      expect(result.invalid[1]!.zh).toContain("不存在")
      expect(result.invalid[2]!.zh).toBe("“任职类型”应为以下之一：专任、兼职，实际为“临时工”")
      expect(result.invalid[2]!.en).toContain("full-time, part-time")
      expect(Import.format(result.invalid[0]!)).toMatch(/^教师 第18行 [A-Z]+列（公民身份号码）：/)
    }),
    30_000
  )

  it.effect("reads CSV in UTF-8 with or without BOM, GB18030, and English headers", () =>
    Effect.gen(function* () {
      for (const bytes of [
        Csv.entities("Teacher", F.teachers, { unmask: true }),
        Csv.entities("Teacher", F.teachers, { unmask: true, bom: false }),
        Csv.entities("Teacher", F.teachers, { unmask: true, encoding: "gb18030" }),
        Csv.entities("Teacher", F.teachers, { unmask: true, lang: "en" })
      ]) {
        const result = yield* Import.parse(bytes, { type: "Teacher" })
        expect(result.sheet).toBe("CSV")
        expect(result.invalid).toEqual([])
        expect(result.valid.map((v) => Json.normalise(v.value))).toEqual(F.teachers.map((t) => Json.normalise(t)))
      }
    }),
    30_000
  )

  it.effect("cells as people type them: Excel serial dates, 2024/9/1, 是/否, labels, lists, the neutralising quote", () =>
    Effect.gen(function* () {
      const csv = [
        "学生编号,学校编号,姓名,专业代码,入学日期,年级,学籍状态,全日制学历教育,手机号码",
        `st-1,s-jx,张同学,710201,45536,2,在读,是,+86 139 0000 1111`,
        `st-2,s-jx,赵同学,710201,2024/9/1,3,graduated,TRUE,`,
        `st-3,s-jx,'-钱同学,710201,2024年9月1日,1,休学,否,`
      ].join("\r\n")
      const result = yield* Import.parse(new TextEncoder().encode(csv), { type: "Student" })
      expect(result.invalid).toEqual([])
      expect(result.valid.map((v) => [v.value.enrolledOn, v.value.status, v.value.fullTimeDiploma, v.value.name, v.value.mobile])).toEqual([
        ["2024-09-01", "enrolled", true, "张同学", "13900001111"],
        ["2024-09-01", "graduated", true, "赵同学", undefined],
        ["2024-09-01", "suspended", false, "-钱同学", undefined]
      ])
    })
  )

  it.effect("unknown and repeated columns, bad JSON, and whole-row checks are all reported", () =>
    Effect.gen(function* () {
      const header = Table.schemaColumns(Entities.all.Internship).map((c) => c.header.zh)
      const json = [...Table.schemaRow(Entities.all.Internship, F.internships[0]!, { unmask: true })]
      json[header.indexOf("企业指导人员")] = "[{name: 王师傅}]" // not JSON
      const dates = [...Table.schemaRow(Entities.all.Internship, F.internships[1]!, { unmask: true })]
      dates[header.indexOf("结束日期")] = "2024-08-01" // before the start: the entity's own check, on no one cell
      const table = Table.make({
        name: { zh: "学生实习", en: "internships" },
        columns: [...header, "宿舍", "实习编号 "].map((h, i) => ({ key: `c${i}`, header: { zh: h, en: h }, kind: "text" as const })),
        rows: [
          [...json, "3-201", undefined],
          [...dates, undefined, undefined]
        ]
      })
      const result = yield* Import.parse(Csv.write(table), { type: "Internship" })
      expect(result.valid).toEqual([])
      const messages = result.invalid.map((p) => [p.row, p.column?.header, p.zh])
      expect(messages).toContainEqual([1, "宿舍", "无法识别的列“宿舍”，该列不能导入"])
      expect(messages).toContainEqual([1, "实习编号", "列“实习编号”与“实习编号”是同一字段，重复"])
      expect(messages.find((m) => m[0] === 2 && m[1] === "企业指导人员")![2]).toContain("应为 JSON")
      expect(result.invalid.find((p) => p.row === 3)).toMatchObject({ column: undefined, value: undefined })
      expect(result.invalid.find((p) => p.row === 3)!.zh).toContain("早于开始日期")
    })
  )

  it.effect("files that are not a table: old .xls, a damaged workbook, no header", () =>
    Effect.gen(function* () {
      const xls = yield* Effect.flip(Import.parse(Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), { type: "Teacher" }))
      expect([xls.reason, xls.zh]).toEqual(["unsupported-format", "这是旧版 .xls/.et 文件，请在 Excel 或 WPS 中另存为 .xlsx 或 CSV 后再导入"])
      const damaged = yield* Effect.flip(Import.parse(Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 1, 2, 3), { type: "Teacher" }))
      expect(damaged.reason).toBe("unreadable")
      const noHeader = yield* Effect.flip(Import.parse(new TextEncoder().encode("a,b\r\n1,2\r\n"), { type: "Teacher" }))
      expect(noHeader.reason).toBe("no-header")
      expect(noHeader.message).toContain("教师编号")
    })
  )

  it.effect("export → import is lossless for every entity (canonical values: text trimmed, no control characters)", () =>
    Effect.gen(function* () {
      for (const [type, schema] of Object.entries(Entities.all) as ReadonlyArray<[Entities.Name, Schema.Schema<unknown, unknown, never>]>) {
        const fields = Table.schemaColumns(schema)
        // What a cell cannot carry: surrounding spaces (trimmed on import), an empty text or an empty object
        // (read as "not filled"), control characters (an XLSX cannot hold them).
        const canonical = (v: unknown): boolean => {
          const row = Table.schemaRow(schema, v as never, { unmask: true })
          if (Object.keys((v as { readonly extensions?: object }).extensions ?? { x: 1 }).length === 0) return false
          return row.every((c, i) => typeof c !== "string" || (c === c.trim() && c !== "" && c !== "{}" && !/[\u0000-\u0008\u000b-\u001f]/.test(c) && (fields[i]!.kind !== "text" || !c.startsWith("'"))))
        }
        const values = fc.sample(Arbitrary.make(schema).filter(canonical), { numRuns: 25, seed: 2024 })
        for (const bytes of [Csv.entities(type, values as never, { unmask: true }), yield* Xlsx.entities(type, values as never, { unmask: true })]) {
          const result = yield* Import.parse(bytes, { type })
          expect(result.invalid).toEqual([])
          expect(result.valid.map((v) => Json.normalise(v.value))).toEqual(values.map((v) => Json.normalise(v)))
        }
      }
    }),
    120_000
  )
})
