import { describe, expect, it } from "@effect/vitest"
import { Identity, Student } from "@chanjiao/core"
import * as Effect from "effect/Effect"
import * as fc from "effect/FastCheck"
import * as XLSX from "xlsx"
import { Csv, Html, Mask, Table, Xlsx } from "@chanjiao/export"
import * as F from "./fixtures.js"

const idOf = (t: { readonly idNumber?: string | undefined }) => t.idNumber!
const teacherId = idOf(F.teachers[0]!)
const studentId = idOf(F.students[0]!)

describe("masking", () => {
  it("keeps the first 6 and last 4 characters of an ID number, 3 and 4 of a mobile", () => {
    expect(Mask.idNumber("110105199001011234")).toBe("110105********1234")
    expect(Mask.mobile("13812345678")).toBe("138****5678")
  })

  it.prop("masks every valid ID number to its shape, alone or in text", [Identity.idNumberArbitrary(fc)], ([id]) => {
    expect(Mask.idNumber(id)).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/)
    expect(Mask.text(`身份证 ${id}。`)).toBe(`身份证 ${Mask.idNumber(id)}。`)
  })

  it.prop("masks every mobile number in text", [fc.stringMatching(/^1[3-9]\d{9}$/)], ([m]) => {
    expect(Mask.text(`电话${m}`)).toBe(`电话${Mask.mobile(m)}`)
  })

  it("finds ID and mobile numbers in free text, not inside longer codes", () => {
    expect(Mask.text(`学生 ${studentId}，电话 13900001111 或 +86 139-0000-1111`)).toBe(`学生 ${studentId.slice(0, 6)}********${studentId.slice(-4)}，电话 139****1111 或 +86 139****1111`)
    // A 20-digit number or a credit code is not a personal number.
    expect(Mask.text("编号 12345678901234567890 代码 91370828MA3C4P2X1N")).toBe("编号 12345678901234567890 代码 91370828MA3C4P2X1N")
  })

  it("masks by Schema brand at any depth: a guardian's mobile, mentors inside a list, extension text", () => {
    const s: Student.Student = { ...F.students[0]!, guardian: { name: "张父", mobile: "13811112222" as never }, extensions: { note: "家长电话 13811112222" } }
    const m = Mask.value(Student.Student, s)
    expect(m.idNumber).toBe(Mask.idNumber(studentId))
    expect(m.mobile).toBe("139****1111")
    expect(m.guardian?.mobile).toBe("138****2222")
    expect(m.extensions).toEqual({ note: "家长电话 138****2222" })
    // The input is not changed.
    expect(s.mobile).toBe("13900001111")
  })
})

describe("masking is on by default in every exporter, off only when asked", () => {
  it("CSV", () => {
    const masked = new TextDecoder().decode(Csv.entities("Teacher", F.teachers))
    expect(masked).not.toContain(teacherId)
    expect(masked).toContain(Mask.idNumber(teacherId))
    expect(masked).toContain("138****5678")
    const plain = new TextDecoder().decode(Csv.entities("Teacher", F.teachers, { unmask: true }))
    expect(plain).toContain(teacherId)
    expect(plain).toContain("13812345678")
  })

  it("CSV of internships masks mentors' mobiles inside the JSON cell", () => {
    const text = new TextDecoder().decode(Csv.entities("Internship", F.internships))
    expect(text).not.toContain("13700002222")
    expect(text).toContain("137****2222")
  })

  it.effect("XLSX (in memory and streaming)", () =>
    Effect.gen(function* () {
      const wb = XLSX.read(yield* Xlsx.entities("Student", F.students))
      const all = JSON.stringify(XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]!]!, { header: 1 }))
      expect(all).not.toContain(studentId)
      expect(all).toContain(Mask.idNumber(studentId))
      const chunks: Array<Uint8Array> = []
      const { Writable } = yield* Effect.promise(() => import("node:stream"))
      const out = new Writable({ write: (c: Uint8Array, _e, cb) => (chunks.push(c), cb()) })
      yield* Xlsx.stream([Table.entityStream("Student", F.students)], out)
      const streamed = XLSX.read(Buffer.concat(chunks))
      expect(JSON.stringify(XLSX.utils.sheet_to_json(streamed.Sheets[streamed.SheetNames[0]!]!, { header: 1 }))).not.toContain(studentId)
    }),
    30_000
  )

  it("HTML report", () => {
    const html = Html.render(F.report)
    expect(html).not.toContain(teacherId)
    expect(html).not.toContain("13812345678")
    expect(html).toContain(Mask.idNumber(teacherId))
    expect(Html.render(F.report, { unmask: true })).toContain(teacherId)
  })

  it("findings: personal numbers in subject ids and messages", () => {
    const finding = { ...F.findings[0]!, subject: { type: "Student", id: studentId, label: `张同学 ${studentId}` } }
    const text = new TextDecoder().decode(Csv.findings([finding]))
    expect(text).not.toContain(studentId)
    expect(new TextDecoder().decode(Csv.findings([finding], { unmask: true }))).toContain(studentId)
  })
})
