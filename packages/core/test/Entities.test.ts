import { describe, expect, it } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Either from "effect/Either"
import * as JSONSchema from "effect/JSONSchema"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import * as fc from "effect/FastCheck"
import { Entities, Entity, Errors, Identity, Student, Teacher, Validation } from "../src/index.js"

const entries = Object.entries(Entities.all) as ReadonlyArray<[Entities.Name, Schema.Schema<unknown, unknown, never>]>

describe("entity schemas", () => {
  for (const [name, schema] of entries) {
    it.prop(`${name}: decode ∘ encode is the identity`, [Arbitrary.make(schema)], ([value]) => {
      const encoded = Schema.encodeSync(schema)(value)
      // Through JSON, as values travel between a campus system and chanjiao.
      const decoded = Validation.decode(schema)(JSON.parse(JSON.stringify(encoded)))
      expect(decoded).toEqual(Either.right(value))
    }, { fastCheck: { numRuns: 60 } })

    it.prop(`${name}: decoding arbitrary JSON never throws`, [fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true })], ([input]) => {
      const result = Validation.decode(schema)(input)
      expect(Either.isLeft(result)).toBe(true)
      if (Either.isLeft(result)) {
        expect(result.left).toBeInstanceOf(Errors.InvalidInput)
        expect(result.left.issues.length).toBeGreaterThan(0)
        for (const issue of result.left.issues) {
          expect(issue.zh.length).toBeGreaterThan(0)
          expect(issue.en.length).toBeGreaterThan(0)
        }
      }
    })

    it(`${name}: is annotated and has a JSON Schema`, () => {
      expect(AST.getIdentifierAnnotation(schema.ast)).toEqual(Option.some(name))
      expect(Option.isSome(AST.getTitleAnnotation(schema.ast))).toBe(true)
      expect(Option.getOrElse(AST.getDescriptionAnnotation(schema.ast), () => "")).toMatch(/[\u4e00-\u9fff].* — .*[a-z]/)
      expect(Entity.titleEn(schema)).toBeDefined()
      const json = JSONSchema.make(schema)
      expect(JSON.stringify(json)).toContain('"extensions"')
      // Every example given in the annotations decodes.
      const examples = AST.getExamplesAnnotation(schema.ast)
      if (Option.isSome(examples)) for (const ex of examples.value) expect(Either.isRight(Validation.decode(schema)(ex))).toBe(true)
    })
  }
})

describe("decoding never throws, whatever it is given", () => {
  const decodeTeacher = Validation.decode(Teacher.Teacher)
  it("deeply nested, cyclic, throwing and proxied input all come back as InvalidInput", () => {
    let deep: unknown = 1
    for (let i = 0; i < 20_000; i++) deep = [deep]
    const cyclic: Record<string, unknown> = { id: "x" }
    cyclic["self"] = cyclic
    const throwing = Object.defineProperty({}, "id", { enumerable: true, get: () => { throw new Error("boom") } })
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    for (const input of [{ ...teacherRow, extensions: { deep } }, { ...teacherRow, extensions: cyclic }, throwing, proxy, 10n, Symbol("s")]) {
      const r = decodeTeacher(input)
      expect(Either.isLeft(r)).toBe(true)
      if (Either.isLeft(r)) expect(r.left).toBeInstanceOf(Errors.InvalidInput)
    }
  })

  it("names the bound a number broke and the type a field expects", () => {
    const grade = Validation.decode(Student.Student)({ ...studentRow, grade: 7 })
    expect(Either.isLeft(grade) && grade.left.issues[0]?.zh).toContain("不能大于 6")
    const text = Validation.decode(Student.Student)({ ...studentRow, grade: "2" })
    expect(Either.isLeft(text) && text.left.issues[0]?.zh).toBe("“年级”应为数字，实际为 \"2\"")
    const missing = Validation.decode(Student.Student)({ ...studentRow, enrolledOn: undefined })
    expect(Either.isLeft(missing) && missing.left.issues[0]?.zh).toContain("入学日期")
  })
})

const studentRow = {
  id: "st-1",
  schoolId: "s-jx",
  name: "张同学",
  majorCode: "710201",
  enrolledOn: "2023-09-01",
  grade: 2,
  status: "enrolled",
  fullTimeDiploma: true
}

const teacherRow = {
  id: "t-001",
  schoolId: "s-jx",
  name: "李老师",
  idNumber: `37082819850301002${Identity.idNumberCheck("37082819850301002")}`,
  employment: "full-time",
  courseType: "professional",
  internshipTutor: true,
  hiredOn: "2015-09-01",
  majorCodes: ["710201"]
}

describe("entities in use", () => {
  it("decodes a minimal campus row: lists left out are empty, birth date comes from the ID number", () => {
    const r = Validation.decode(Teacher.Teacher)(teacherRow)
    expect(Either.isRight(r)).toBe(true)
    if (Either.isRight(r)) {
      expect(r.right.practice).toEqual([])
      expect(Teacher.birthDate(r.right)).toBe("1985-03-01")
      expect(Teacher.ageAt(r.right, "2025-02-28" as never)).toBe(39)
      expect(Teacher.titleLevelOn(r.right, "2025-01-01" as never)).toBe("none")
    }
  })

  it("reports every problem of a bad row with its path, never a stack trace", () => {
    const r = Validation.decode(Student.Student)({
      id: "st-1",
      schoolId: "s-jx",
      name: "张同学",
      idNumber: "370828200503010021",
      majorCode: "71020",
      enrolledOn: "2023-09-31",
      grade: 0,
      status: "enrolled",
      fullTimeDiploma: true,
      dormitory: "3-201"
    })
    expect(Either.isLeft(r)).toBe(true)
    if (Either.isLeft(r)) {
      const byPath = Object.fromEntries(r.left.issues.map((i) => [i.path.join("."), i]))
      expect(Object.keys(byPath).sort()).toEqual(["dormitory", "enrolledOn", "grade", "idNumber", "majorCode"])
      expect(byPath["idNumber"]?.zh).toContain("校验码不符")
      expect(byPath["enrolledOn"]?.en).toContain("does not exist")
      expect(byPath["grade"]?.zh).toContain("不能小于 1")
      expect(byPath["dormitory"]?.zh).toContain("extensions")
      expect(r.left.message).toContain("Student 数据有 5 处问题")
      expect(r.left.message).toContain("Student input has 5 problem(s)")
      expect(r.left.message).not.toMatch(/\n\s+at /)
    }
  })

  it("checks cross-field consistency (birth date and sex against the ID number)", () => {
    const r = Validation.decode(Student.Student)({
      id: "st-1",
      schoolId: "s-jx",
      name: "张同学",
      idNumber: "370828200503010025",
      birthDate: "2005-03-02",
      majorCode: "710201",
      enrolledOn: "2023-09-01",
      grade: 2,
      status: "enrolled",
      fullTimeDiploma: true
    })
    expect(Either.isLeft(r) && r.left.issues[0]?.zh).toContain("不一致")
    expect(Either.isLeft(r) && r.left.issues[0]?.en).toContain("differs")
  })

  it("types extension fields a host system declares", () => {
    const CampusTeacher = Entity.withExtensions(Teacher.Teacher, Schema.Struct({ dormitory: Schema.String, badge: Schema.Number }))
    const ok = Validation.decode(CampusTeacher)({ ...teacherRow, idNumber: undefined, extensions: { dormitory: "3-201", badge: 7 } })
    expect(Either.isRight(ok) && ok.right.extensions?.badge).toBe(7)
    const bad = Validation.decode(CampusTeacher)({ ...teacherRow, idNumber: undefined, extensions: { dormitory: "3-201", badge: "seven" } })
    expect(Either.isLeft(bad) && bad.left.issues[0]?.path).toEqual(["extensions", "badge"])
  })

  it("decodeAll keeps valid rows and reports each invalid one by index", () => {
    const { invalid, valid } = Validation.decodeAll(Teacher.Teacher)([{ ...teacherRow, idNumber: undefined }, { ...teacherRow, hiredOn: "2015-9-1" }, 42])
    expect(valid.length).toBe(1)
    expect(invalid.map((i) => i.index)).toEqual([1, 2])
  })
})

describe("errors inside extensions point at the offending value", () => {
  it("a non-JSON value deep in extensions is reported at its own path", () => {
    const r = Validation.decode(Student.Student)({ ...studentRow, extensions: { a: [1, { b: Number.NaN }] } })
    expect(Either.isLeft(r) && r.left.issues[0]?.path).toEqual(["extensions", "a", 1, "b"])
  })
})
