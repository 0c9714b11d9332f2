/**
 * What Gansu says, as dated, cited values: the pack's own parameters (who certifies, which schools the
 * standard covers) and the Gansu overlay, which sets them and confirms the national default the Gansu text
 * settles (DS-ELIGIBLE-INSCHOOL: contract teachers after 2 years). Everything else — the level thresholds the
 * text was not read for, the statutory retirement ages — is left to the national defaults.
 *
 * @since 0.1.0
 */
import { Identity, National, Parameter, Policy, School } from "@chanjiao/core"
import type { Jurisdiction, Text } from "@chanjiao/core"
import * as Schema from "effect/Schema"
import * as Sources from "./Sources.js"

/**
 * The province code of Gansu (GB/T 2260: 62).
 *
 * @since 0.1.0
 * @category constants
 */
export const provinceCode: Identity.ProvinceCode = "62" as Identity.ProvinceCode

/**
 * The scope of the Gansu layer: the province 62 (its cities and schools included).
 *
 * @since 0.1.0
 * @category constants
 */
export const scope: Jurisdiction.Scope = { level: "province", code: provinceCode }

/**
 * The body that certifies 双师型 teachers, and at which level (DS-CERTIFIER).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Certifier = Schema.Struct({
  name: Schema.String.pipe(Schema.minLength(1)),
  level: Schema.Literal("province", "city", "school")
}).annotations({ identifier: "DualQualifiedCertifier", title: "认定机构", description: "双师型教师的认定机构及其层级 — the certifying body and its level" })

/**
 * @since 0.1.0
 * @category models
 */
export interface Certifier extends Schema.Schema.Type<typeof Certifier> {}

/**
 * DS-CERTIFIER: who certifies 双师型 teachers in Gansu — 甘肃省教育厅, 省级认定. No national value: where no
 * provincial pack names a certifier, the DS-CERTIFIER-GS rule is silent.
 *
 * @since 0.1.0
 * @category parameters
 */
export const certifier: Parameter.Parameter<Certifier> = Parameter.make({
  id: "gansu.certifier",
  title: { zh: "双师型教师认定机构（甘肃）", en: "dual-qualified certifier (Gansu)" },
  description: { zh: "甘肃省实行省级认定，由甘肃省教育厅认定", en: "Gansu certifies at the provincial level: the Gansu Department of Education" },
  unit: "category",
  ruleIds: ["DS-CERTIFIER", "DS-CERTIFIER-GS"],
  schema: Certifier,
  history: []
})

const SchoolTypes = Schema.Array(School.SchoolType)

/**
 * 认定范围 (第二条): the kinds of school whose teachers the Gansu standard names — 中职, 高职 (专科 and 本科). No
 * national value: the DS-ELIGIBLE-*-GS rules run only where this is set, i.e. in Gansu. Technical schools, which
 * the text does not name, are in {@link scopeInferredSchoolTypes}.
 *
 * @since 0.1.0
 * @category parameters
 */
export const scopeSchoolTypes: Parameter.Parameter<ReadonlyArray<School.SchoolType>> = Parameter.make({
  id: "gansu.scopeSchoolTypes",
  title: { zh: "认定范围内的学校类型（甘肃）", en: "schools in scope (Gansu)" },
  description: {
    zh: "第二条认定范围：中职学校、高职学校（专科、本科及以上）、举办高职教育的普通高校及其他依法设立的职业教育机构",
    en: "第二条: 中职, 高职 (专科 and 本科), universities running 高职 programmes, other lawful vocational institutions"
  },
  unit: "list",
  ruleIds: ["DS-ELIGIBLE-INSCHOOL", "DS-ELIGIBLE-ENTERPRISE", "DS-ELIGIBLE-INSCHOOL-GS", "DS-ELIGIBLE-ENTERPRISE-GS"],
  schema: SchoolTypes,
  history: [],
  labels: School.schoolTypeLabel
})

/**
 * 认定范围 (第二条), the inferred part: kinds of school the text does not name but that are read into "其他依法设立的
 * 职业教育机构" (technical schools). Kept apart from {@link scopeSchoolTypes} so that its `verified: false` marks
 * only the findings about such schools.
 *
 * @since 0.1.0
 * @category parameters
 */
export const scopeInferredSchoolTypes: Parameter.Parameter<ReadonlyArray<School.SchoolType>> = Parameter.make({
  id: "gansu.scopeInferredSchoolTypes",
  title: { zh: "按推断计入认定范围的学校类型（甘肃）", en: "schools read into the scope (Gansu, inferred)" },
  description: {
    zh: "第二条“其他依法设立的职业教育机构”中按推断计入的学校类型（技工学校）",
    en: "kinds of school read into 第二条's “other lawful vocational institutions” (technical schools): an inference"
  },
  unit: "list",
  ruleIds: ["DS-ELIGIBLE-INSCHOOL", "DS-ELIGIBLE-ENTERPRISE", "DS-ELIGIBLE-INSCHOOL-GS", "DS-ELIGIBLE-ENTERPRISE-GS"],
  schema: SchoolTypes,
  history: [],
  labels: School.schoolTypeLabel
})

/**
 * The parameters this pack adds to a policy (core's own are overlaid, not redefined).
 *
 * @since 0.1.0
 * @category parameters
 */
export const parameters: ReadonlyArray<Parameter.Any> = [certifier, scopeSchoolTypes, scopeInferredSchoolTypes]

const contractNote: Text.Text = {
  zh: "第二条：非在编合同制教师聘期达到2年的，按校内专业课教师申报",
  en: "第二条: a non-establishment contract teacher whose contract has run 2 years applies as an in-school professional-course teacher"
}

/**
 * The Gansu layer (province 62, from 2023-01-15): every value with its article, `verified: true` where
 * `shuangshi.md` §1.1 read it (第二条 and the issuing notice). The one inference — technical schools counted as
 * "other lawful vocational institutions" — is its own value, `verified: false`. The per-level criteria of 第三条
 * were not read, so the pack sets none and the national placeholders (`verified: false`) stay in force for Gansu.
 *
 * @since 0.1.0
 * @category overlays
 */
export const overlay: Policy.Overlay = Policy.overlay({
  id: "gansu",
  title: { zh: "甘肃省职业教育“双师型”教师认定标准（试行）", en: "Gansu dual-qualified teacher standard (trial)" },
  scope,
  source: "@chanjiao/plugin-province-gansu",
  values: [
    // DS-ELIGIBLE-INSCHOOL: the national default already is 2 years, borrowed from Gansu and unverified as a
    // national rule; in Gansu it is the province's own text, read directly.
    Policy.set(National.dsContractYearsMin, [
      { effectiveFrom: Sources.issuedOn, value: 2, citation: Sources.standard("第二条"), verified: true, note: contractNote }
    ]),
    // DS-CERTIFIER: 省级认定 (the issuing notice).
    Policy.set<Certifier>(certifier, [
      {
        effectiveFrom: Sources.issuedOn,
        value: { name: "甘肃省教育厅", level: "province" },
        citation: Sources.procedure("印发通知（省级认定）"),
        verified: true
      }
    ]),
    Policy.set<ReadonlyArray<School.SchoolType>>(scopeSchoolTypes, [
      {
        effectiveFrom: Sources.issuedOn,
        value: ["secondary", "higher-vocational", "vocational-undergraduate"],
        citation: Sources.standard("第二条"),
        verified: true
      }
    ]),
    Policy.set<ReadonlyArray<School.SchoolType>>(scopeInferredSchoolTypes, [
      {
        effectiveFrom: Sources.issuedOn,
        value: ["technical"],
        citation: Sources.standard("第二条"),
        verified: false,
        note: {
          zh: "技工学校按“其他依法设立的职业教育机构”计入（推断，原文未点名）",
          en: "technical schools counted as “other lawful vocational institutions” (inferred: the text does not name them)"
        }
      }
    ])
  ]
})
