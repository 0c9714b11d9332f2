/**
 * Students, with the 一生一专项 special project the school's plan assigns each of them, and their order-class
 * or apprenticeship membership.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Contact, Extensions, field, Id, Name, Sex } from "./Entity.js"
import * as Identity from "./Identity.js"
import { IdNumber, MajorCode, MobileNumber } from "./Identity.js"
import { describe } from "./internal/annotations.js"
import type { IsoDate } from "./IsoDate.js"
import * as Iso from "./IsoDate.js"

/**
 * A student's special project (一生一专项).
 *
 * @since 0.1.0
 * @category schemas
 */
export const SpecialProject = Schema.Struct({
  title: field(Name, "专项名称", "project"),
  kind: field(Schema.Literal("skill", "competition", "certificate", "innovation", "craft", "service", "other"), "专项类别", "kind"),
  assignedOn: field(Iso.IsoDate, "确定日期", "assigned on"),
  mentorTeacherId: Schema.optional(field(Id, "指导教师编号", "mentor teacher id"))
}).annotations(describe({ identifier: "SpecialProject", zh: "学生专项", en: "special project" }))

/**
 * Membership of an order class (订单班) or a modern apprenticeship class, under a cooperation agreement.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CooperativeClass = Schema.Struct({
  kind: field(Schema.Literal("order-class", "apprenticeship"), "培养形式", "kind", "order-class 订单班；apprenticeship 现代学徒制"),
  agreementId: field(Id, "合作协议编号", "agreement id"),
  className: field(Name, "班级名称", "class name"),
  joinedOn: field(Iso.IsoDate, "加入日期", "joined on")
}).annotations(describe({ identifier: "CooperativeClass", zh: "订单班/学徒班", en: "order or apprenticeship class" }))

/**
 * @since 0.1.0
 * @category schemas
 */
export const Student = Schema.Struct({
  id: field(Id, "学生编号", "student id"),
  schoolId: field(Id, "学校编号", "school id"),
  name: field(Name, "姓名", "name"),
  studentNumber: Schema.optional(field(Schema.String, "学籍号", "student number")),
  idNumber: Schema.optional(field(IdNumber, "公民身份号码", "resident ID number")),
  birthDate: Schema.optional(field(Iso.IsoDate, "出生日期", "birth date", "填写身份证号时可不填，自动取号码中的日期")),
  sex: Schema.optional(Sex),
  mobile: Schema.optional(field(MobileNumber, "手机号码", "mobile number")),
  majorCode: field(MajorCode, "专业代码", "major code"),
  enrolledOn: field(Iso.IsoDate, "入学日期", "enrolled on"),
  grade: field(Schema.Number.pipe(Schema.int(), Schema.between(1, 6)), "年级", "grade", "在读年级，1 为一年级（INT-GRADE-1）"),
  classId: Schema.optional(field(Id, "班级编号", "class id")),
  status: field(Schema.Literal("enrolled", "suspended", "graduated", "withdrawn"), "学籍状态", "status", "enrolled 在读；suspended 休学；graduated 毕业；withdrawn 退学"),
  fullTimeDiploma: field(Schema.Boolean, "全日制学历教育", "full-time diploma student"),
  guardian: Schema.optional(Contact),
  specialProject: Schema.optional(SpecialProject),
  cooperativeClass: Schema.optional(CooperativeClass),
  extensions: Schema.optional(Extensions)
}).pipe(
  Schema.filter((s) => {
    const identity = Identity.personInconsistency(s)
    if (identity !== undefined) return identity
    return undefined
  }),
  Schema.annotations(
    describe({
      identifier: "Student",
      zh: "学生",
      en: "student",
      descriptionZh: "在籍学生及其专业、年级、监护人、一生一专项与订单班信息",
      descriptionEn: "an enrolled student with major, grade, guardian, special project and class",
      examples: [
        {
          id: "st-1",
          schoolId: "s-jx",
          name: "张同学",
          majorCode: "710201",
          enrolledOn: "2023-09-01",
          grade: 2,
          status: "enrolled",
          fullTimeDiploma: true
        } as never
      ]
    })
  )
)

/**
 * @since 0.1.0
 * @category models
 */
export interface Student extends Schema.Schema.Type<typeof Student> {}

/**
 * The student's birth date: the one given, else the one in the ID number.
 *
 * @since 0.1.0
 * @category getters
 */
export const birthDate = (p: Pick<Student, "birthDate" | "idNumber">): IsoDate | undefined => Identity.personBirthDate(p)

/**
 * The student's sex: the one given, else the one in the ID number.
 *
 * @since 0.1.0
 * @category getters
 */
export const sex = (s: Pick<Student, "sex" | "idNumber">): "male" | "female" | undefined =>
  Identity.personSex(s)

/**
 * Completed years of age on a date, when a birth date is known (INT-AGE-16, INT-MINOR-PROHIB).
 *
 * @since 0.1.0
 * @category getters
 */
export const ageAt = (p: Pick<Student, "birthDate" | "idNumber">, on: IsoDate): number | undefined => Identity.personAgeAt(p, on)
