/**
 * Schools, their majors, and their training bases.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Count, Extensions, field, Id, list, Name, Quantity, Yuan } from "./Entity.js"
import { CityCode, CreditCode, DivisionCode, MajorCode, ProvinceCode, SchoolCode } from "./Identity.js"
import { describe } from "./internal/annotations.js"
import { IsoDate } from "./IsoDate.js"
import type { Text } from "./Text.js"

/**
 * The kind of school: 中职 (secondary), 技工学校 (technical school), 高职专科, 高职本科.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SchoolType = Schema.Literal("secondary", "technical", "higher-vocational", "vocational-undergraduate").annotations(
  describe({
    identifier: "SchoolType",
    zh: "学校类型",
    en: "school type",
    descriptionZh: "secondary 中职；technical 技工学校；higher-vocational 高职专科；vocational-undergraduate 高职本科",
    descriptionEn: "secondary, technical school, higher vocational (专科), vocational undergraduate",
    examples: ["secondary" as const]
  })
)

/**
 * @since 0.1.0
 * @category models
 */
export type SchoolType = typeof SchoolType.Type

/**
 * @since 0.1.0
 * @category constants
 */
export const schoolTypeLabel: { readonly [K in SchoolType]: Text } = {
  secondary: { zh: "中职", en: "secondary vocational" },
  technical: { zh: "技工学校", en: "technical school" },
  "higher-vocational": { zh: "高职专科", en: "higher vocational" },
  "vocational-undergraduate": { zh: "高职本科", en: "vocational undergraduate" }
}

/**
 * The physical conditions the 设置标准 and 达标工程 measure (IND-LAND, IND-BUILD, IND-TRACK, IND-EQUIP,
 * IND-BOOKS), as reported on a date.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Facilities = Schema.Struct({
  asOf: field(IsoDate, "统计日期", "as of"),
  landArea: field(Quantity, "占地面积（平方米）", "campus land (m²)", "不含教职工宿舍和相对独立的附属机构"),
  buildingArea: field(Quantity, "校舍建筑面积（平方米）", "building floor area (m²)"),
  trackLength: Schema.optional(field(Quantity, "环形跑道（米）", "ring track (m)")),
  equipmentValue: field(Yuan, "教学仪器设备总值（元）", "teaching equipment value (yuan)"),
  books: field(Count, "纸质图书（册）", "printed books")
}).annotations(describe({ identifier: "Facilities", zh: "办学条件", en: "facilities" }))

/**
 * A school (the host system's own school, or one of many on a provincial platform).
 *
 * @since 0.1.0
 * @category schemas
 */
export const School = Schema.Struct({
  id: field(Id, "学校编号", "school id"),
  code: field(SchoolCode, "学校标识码", "school code"),
  name: field(Name, "学校名称", "school name"),
  type: SchoolType,
  province: field(ProvinceCode, "省份代码", "province code"),
  city: Schema.optional(field(CityCode, "地市代码", "city code")),
  county: Schema.optional(field(DivisionCode, "区县代码", "county code")),
  creditCode: Schema.optional(field(CreditCode, "统一社会信用代码", "unified social credit code")),
  foundedOn: Schema.optional(field(IsoDate, "建校日期", "founded on")),
  legalPerson: field(Schema.Boolean, "具备法人资格", "is a legal person"),
  hasCharter: field(Schema.Boolean, "有学校章程", "has a charter"),
  attachedClassesOnly: field(Schema.Boolean, "仅举办附设中职班", "runs only attached classes", "只举办附设中职班的学校不纳入达标工程"),
  facilities: Schema.optional(Facilities),
  extensions: Schema.optional(Extensions)
}).pipe(
  Schema.filter((s) =>
    s.city !== undefined && !s.city.startsWith(s.province)
      ? `地市代码 ${s.city} 不属于省份 ${s.province} / city ${s.city} is not in province ${s.province}`
      : s.county !== undefined && s.city !== undefined && !s.county.startsWith(s.city)
        ? `区县代码 ${s.county} 不属于地市 ${s.city} / county ${s.county} is not in city ${s.city}`
        : undefined
  ),
  Schema.annotations(
    describe({
      identifier: "School",
      zh: "学校",
      en: "school",
      descriptionZh: "职业学校的基本信息与办学条件",
      descriptionEn: "a vocational school and its facilities",
      examples: [
        {
          id: "s-jx",
          code: "3137004512",
          name: "金乡县职业中等专业学校",
          type: "secondary",
          province: "37",
          city: "3708",
          county: "370828",
          legalPerson: true,
          hasCharter: true,
          attachedClassesOnly: false
        } as never
      ]
    })
  )
)

/**
 * @since 0.1.0
 * @category models
 */
export interface School extends Schema.Schema.Type<typeof School> {}

/**
 * A major a school runs, with its 2021-catalogue code and, for 一专一名企, its designated leading enterprise.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Major = Schema.Struct({
  id: field(Id, "专业编号", "major id"),
  schoolId: field(Id, "学校编号", "school id"),
  code: field(MajorCode, "专业代码", "major code"),
  name: field(Name, "专业名称", "major name"),
  enrolling: field(Schema.Boolean, "正在招生", "enrolling students"),
  establishedOn: Schema.optional(field(IsoDate, "设置日期", "established on")),
  leadingEnterpriseId: Schema.optional(field(Id, "合作名企编号", "leading partner enterprise id", "一专一名企：本专业的牵头合作企业")),
  extensions: Schema.optional(Extensions)
}).annotations(
  describe({
    identifier: "Major",
    zh: "专业",
    en: "major",
    descriptionZh: "学校开设的专业（2021年专业目录代码）",
    descriptionEn: "a major a school runs (2021 catalogue code)",
    examples: [{ id: "m-1", schoolId: "s-jx", code: "710201", name: "计算机应用", enrolling: true } as never]
  })
)

/**
 * @since 0.1.0
 * @category models
 */
export interface Major extends Schema.Schema.Type<typeof Major> {}

/**
 * How a training base or internship venue is registered (INT-UNIT-LEGAL: an in-school or park base can be an
 * internship unit only as a legal person or an unincorporated organisation).
 *
 * @since 0.1.0
 * @category schemas
 */
export const LegalRegistration = Schema.Literal("legal-person", "unincorporated", "none").annotations(
  describe({
    identifier: "LegalRegistration",
    zh: "登记情况",
    en: "legal registration",
    descriptionZh: "legal-person 法人；unincorporated 非法人组织；none 未登记",
    descriptionEn: "legal person, unincorporated organisation, or not registered"
  })
)

/**
 * A training base (实训基地), on or off campus, possibly co-built with enterprises under an agreement.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TrainingBase = Schema.Struct({
  id: field(Id, "基地编号", "base id"),
  schoolId: field(Id, "学校编号", "school id"),
  name: field(Name, "基地名称", "base name"),
  location: field(Schema.Literal("on-campus", "off-campus"), "校内/校外", "on or off campus"),
  kind: field(
    Schema.Literal("training", "productive", "virtual-simulation", "factory-in-school", "school-in-factory", "other"),
    "基地类型",
    "kind",
    "training 实训；productive 生产性；virtual-simulation 虚拟仿真；factory-in-school 校中厂；school-in-factory 厂中校"
  ),
  majorCodes: list(MajorCode, "服务专业", "majors served"),
  coBuiltWith: list(Id, "共建企业编号", "co-built with (enterprise ids)"),
  agreementId: Schema.optional(field(Id, "合作协议编号", "agreement id")),
  capacity: Schema.optional(field(Count, "工位数", "work stations")),
  area: Schema.optional(field(Quantity, "面积（平方米）", "area (m²)")),
  legalRegistration: LegalRegistration,
  creditCode: Schema.optional(field(CreditCode, "统一社会信用代码", "unified social credit code")),
  openedOn: Schema.optional(field(IsoDate, "启用日期", "opened on")),
  extensions: Schema.optional(Extensions)
}).annotations(
  describe({
    identifier: "TrainingBase",
    zh: "实训基地",
    en: "training base",
    descriptionZh: "校内或校外实训基地，可与企业共建",
    descriptionEn: "an on- or off-campus training base, possibly co-built with enterprises",
    examples: [
      {
        id: "b-1",
        schoolId: "s-jx",
        name: "电子商务实训基地",
        location: "on-campus",
        kind: "productive",
        majorCodes: ["730701"],
        coBuiltWith: ["e-1"],
        legalRegistration: "none"
      } as never
    ]
  })
)

/**
 * @since 0.1.0
 * @category models
 */
export interface TrainingBase extends Schema.Schema.Type<typeof TrainingBase> {}
