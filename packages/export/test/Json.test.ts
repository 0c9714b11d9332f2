import { describe, expect, it } from "@effect/vitest"
import { Entities, Indicators } from "@chanjiao/core"
import AjvModule from "ajv"
import formatsModule from "ajv-formats"
import * as Arbitrary from "effect/Arbitrary"
import * as DateTime from "effect/DateTime"
import * as fc from "effect/FastCheck"
import * as Schema from "effect/Schema"
import { Json } from "@chanjiao/export"
import * as F from "./fixtures.js"

describe("JSON of any result", () => {
  it("sorts keys, writes dates as ISO strings and bigints as decimal strings", () => {
    const value = { b: 1, a: new Date(Date.UTC(2024, 8, 1)), n: 10n, t: DateTime.unsafeMake("2025-03-01T08:00:00Z"), u: undefined, m: new Map([["y", 2], ["x", 1]]), s: new Set([3, 1]), inf: Infinity, neg: -0 }
    expect(Json.stringify(value)).toBe('{"a":"2024-09-01T00:00:00.000Z","b":1,"inf":null,"m":{"x":1,"y":2},"n":"10","neg":0,"s":[3,1],"t":"2025-03-01T08:00:00.000Z"}')
  })

  it.prop("the same value built in any key order gives the same bytes", [fc.dictionary(fc.string(), fc.jsonValue())], ([obj]) => {
    const reversed = Object.fromEntries(Object.entries(obj).reverse())
    expect(Json.encode(reversed)).toEqual(Json.encode(obj))
    // And it is JSON: parsing gives the value back (JSON-normalised).
    expect(JSON.parse(Json.stringify(obj))).toEqual(JSON.parse(JSON.stringify(obj)))
  })

  it("indicator values (lazy provenance getters included) and findings are JSON; identical input, identical bytes", () => {
    const a = Json.encode({ indicators: F.indicators, findings: F.findings, grades: F.grades })
    const b = Json.encode({ grades: F.grades, findings: F.findings, indicators: F.indicators })
    expect(a).toEqual(b)
    const back = JSON.parse(new TextDecoder().decode(a)) as { indicators: Array<{ indicator: string; provenance: { denominator: Array<string> } }> }
    expect(back.indicators.find((v) => v.indicator === "IND-STR-20")!.provenance.denominator).toEqual(["t-001", "t-002"])
    expect(new TextDecoder().decode(a).endsWith("}\n")).toBe(true)
  })

  it("refuses a cyclic value with a clear error (a caller's bug)", () => {
    const o: Record<string, unknown> = {}
    o["self"] = o
    expect(() => Json.stringify(o)).toThrow(/cyclic/)
  })
})

// -------------------------------------------------------------------------------------------------------------
// JSON Schemas
// -------------------------------------------------------------------------------------------------------------

// CommonJS modules with a `default` export: the same under Node's ESM and vitest's interop.
const Ajv = AjvModule.default
const addFormats = formatsModule.default
const ajv = new Ajv({ strict: false, allErrors: true })
addFormats(ajv)
const schemas = Json.jsonSchemas()
const validators = Object.fromEntries(Object.entries(schemas).map(([name, s]) => [name, ajv.compile(s)]))
const inputs = Object.entries(Json.inputs) as ReadonlyArray<[Json.InputName, Schema.Schema<unknown, unknown, never>]>

describe("JSON Schemas of every input", () => {
  it("cover every entity and the school facts, draft-07", () => {
    expect(Object.keys(schemas).sort()).toEqual([...Object.keys(Entities.all), "SchoolFacts"].sort())
    for (const s of Object.values(schemas)) expect(s.$schema).toBe("http://json-schema.org/draft-07/schema#")
  })

  // Every schema's arbitrary works as it stands (the refinements carry their own generators: dates, ID numbers,
  // credit codes, codes), so no input needs filtered samples or hand-written valid examples.
  for (const [name, schema] of inputs) {
    it.prop(`${name}: every arbitrary valid value, encoded, is valid for ajv`, [Arbitrary.make(schema)], ([value]) => {
      const encoded = JSON.parse(JSON.stringify(Schema.encodeSync(schema)(value))) as unknown
      const ok = validators[name]!(encoded)
      expect(ok ? [] : validators[name]!.errors).toEqual([])
    }, { fastCheck: { numRuns: 40 } })
  }

  // Hand-made invalid cases: a field of the wrong type, a required field missing, a value outside an enumeration.
  const valid = (name: Json.InputName): Record<string, unknown> => {
    const [value] = fc.sample(Arbitrary.make(Json.inputs[name] as Schema.Schema<unknown, unknown, never>), { numRuns: 1, seed: 42 })
    return JSON.parse(JSON.stringify(Schema.encodeSync(Json.inputs[name] as Schema.Schema<unknown, unknown, never>)(value))) as Record<string, unknown>
  }
  const cases: { readonly [K in Json.InputName]: { readonly wrongType: string; readonly missing: string; readonly badEnum: readonly [string, ...Array<string>] | undefined } } = {
    School: { wrongType: "legalPerson", missing: "code", badEnum: ["type"] },
    Major: { wrongType: "enrolling", missing: "code", badEnum: undefined },
    Enterprise: { wrongType: "name", missing: "creditCode", badEnum: ["size"] },
    TrainingBase: { wrongType: "name", missing: "location", badEnum: ["kind"] },
    Teacher: { wrongType: "internshipTutor", missing: "hiredOn", badEnum: ["employment"] },
    Student: { wrongType: "grade", missing: "enrolledOn", badEnum: ["status"] },
    Internship: { wrongType: "forProfit", missing: "studentId", badEnum: ["kind"] },
    CooperationAgreement: { wrongType: "takesInterns", missing: "enterpriseId", badEnum: ["forms", "0"] },
    InternshipAgreement: { wrongType: "unitName", missing: "internshipId", badEnum: ["clauses", "0"] },
    ApprenticeshipAgreement: { wrongType: "monthlyWage", missing: "apprenticeId", badEnum: ["kind"] },
    Assessment: { wrongType: "revision", missing: "assessorId", badEnum: ["stage"] },
    Certification: { wrongType: "teacherId", missing: "appliedOn", badEnum: ["state"] },
    SchoolFacts: { wrongType: "books", missing: "landArea", badEnum: undefined }
  }
  for (const [name] of inputs) {
    const c = cases[name]
    it(`${name}: rejects a wrong type (${c.wrongType}), a missing required field (${c.missing})${c.badEnum === undefined ? "" : ` and a value outside an enumeration (${c.badEnum.join(".")})`}`, () => {
      const validate = validators[name]!
      const base = valid(name)
      expect(validate(base)).toBe(true)
      const wrong = { ...base, [c.wrongType]: typeof base[c.wrongType] === "string" ? 42 : "不是数字" }
      expect(validate(wrong)).toBe(false)
      expect(validate.errors!.some((e) => e.instancePath === `/${c.wrongType}` && e.keyword === "type")).toBe(true)
      const missing = { ...base }
      delete missing[c.missing]
      expect(validate(missing)).toBe(false)
      expect(validate.errors!.some((e) => e.keyword === "required" && (e.params as { missingProperty: string }).missingProperty === c.missing)).toBe(true)
      if (c.badEnum !== undefined) {
        // `[field]` is a literal field; `[field, "0"]` a list of literals.
        const bad = { ...base, [c.badEnum[0]]: c.badEnum.length > 1 ? ["不存在的取值"] : "不存在的取值" }
        expect(validate(bad)).toBe(false)
        expect(validate.errors!.some((e) => e.instancePath.startsWith(`/${c.badEnum![0]}`) && (e.keyword === "enum" || e.keyword === "const" || e.keyword === "anyOf"))).toBe(true)
      }
    })
  }

  it("SchoolFacts has a schema next to the entities, for the facts indicators read", () => {
    expect(JSON.stringify(schemas.SchoolFacts)).toContain("landArea")
    expect(JSON.stringify(Json.jsonSchema("SchoolFacts"))).toEqual(JSON.stringify(schemas.SchoolFacts))
    expect(validators["SchoolFacts"]!(Schema.encodeSync(Indicators.SchoolFacts)({ schoolId: "s-jx", asOf: F.D("2024-08-31"), landArea: 50000, buildingArea: 30000, equipmentValue: 4_000_000, books: 60_000, source: "2024年教育事业统计报表" }))).toBe(true)
  })
})
