/**
 * Building blocks shared by the entity schemas: ids, names, amounts, periods, extension fields, and the
 * life-cycle stamp persisted aggregates carry.
 *
 * @since 0.1.0
 */
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import { TitleEn, describe } from "./internal/annotations.js"
import { MobileNumber } from "./Identity.js"
import { IsoDate } from "./IsoDate.js"
import type { Text } from "./Text.js"

/**
 * Annotates a field with a Chinese title (used for spreadsheet headers) and an English one.
 *
 * @since 0.1.0
 * @category annotations
 */
export const field = <S extends Schema.Schema.Any>(schema: S, zh: string, en: string, descriptionZh?: string): S =>
  schema.annotations({
    title: zh,
    description: descriptionZh ? `${descriptionZh} — ${en}` : `${zh} — ${en}`,
    [TitleEn]: en
  } as never) as S

/**
 * The English title of a schema or field, if it has one.
 *
 * @since 0.1.0
 * @category annotations
 */
export const titleEn = (schema: Schema.Schema.Any): string | undefined => {
  const v = schema.ast.annotations[TitleEn]
  return typeof v === "string" ? v : undefined
}

/**
 * A record id: 1–128 characters without surrounding spaces. Ids are the host system's own.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Id = Schema.String.pipe(Schema.trimmed(), Schema.minLength(1), Schema.maxLength(128)).annotations(
  describe({ identifier: "Id", zh: "编号", en: "id", descriptionZh: "记录编号（宿主系统自定）", descriptionEn: "a record id chosen by the host system", examples: ["t-001"] })
)

/**
 * A name: 1–200 characters without surrounding spaces.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Name = Schema.String.pipe(Schema.trimmed(), Schema.minLength(1), Schema.maxLength(200)).annotations(
  describe({ identifier: "Name", zh: "名称", en: "name", examples: ["金乡县职业中等专业学校"] })
)

/**
 * A free text note (up to 4,000 characters).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Note = Schema.String.pipe(Schema.maxLength(4000)).annotations(describe({ identifier: "Note", zh: "说明", en: "note" }))

/**
 * An amount of money in yuan (finite, not negative).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Yuan = Schema.Number.pipe(Schema.finite(), Schema.nonNegative()).annotations(
  describe({ identifier: "Yuan", zh: "金额（元）", en: "amount (yuan)", examples: [3200] })
)

/**
 * A count: a non-negative integer.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Count = Schema.Number.pipe(Schema.int(), Schema.nonNegative()).annotations(
  describe({ identifier: "Count", zh: "数量", en: "count", examples: [12] })
)

/**
 * A non-negative finite quantity (area, length, hours).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Quantity = Schema.Number.pipe(Schema.finite(), Schema.nonNegative()).annotations(
  describe({ identifier: "Quantity", zh: "数值", en: "quantity", examples: [8] })
)

/**
 * A share between 0 and 1.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Ratio = Schema.Number.pipe(Schema.finite(), Schema.between(0, 1)).annotations(
  describe({ identifier: "Ratio", zh: "比例", en: "ratio", descriptionZh: "0 到 1 之间的比例", descriptionEn: "a share from 0 to 1", examples: [0.3] })
)

/**
 * @since 0.1.0
 * @category schemas
 */
export const Sex = Schema.Literal("male", "female").annotations(
  describe({ identifier: "Sex", zh: "性别", en: "sex", descriptionZh: "male 男 / female 女", descriptionEn: "male or female", examples: ["female" as const] })
)

/**
 * @since 0.1.0
 * @category constants
 */
export const sexLabel: { readonly male: Text; readonly female: Text } = {
  male: { zh: "男", en: "male" },
  female: { zh: "女", en: "female" }
}

/**
 * A closed period of dates, `end` on or after `start`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Period = Schema.Struct({
  start: field(IsoDate, "开始日期", "start date"),
  end: field(IsoDate, "结束日期", "end date")
}).pipe(
  Schema.filter((p) =>
    p.end < p.start ? `结束日期 ${p.end} 早于开始日期 ${p.start} / end date ${p.end} is before start date ${p.start}` : undefined
  ),
  Schema.annotations(describe({ identifier: "Period", zh: "期间", en: "period", examples: [{ start: "2024-09-01", end: "2025-01-31" } as never] }))
)

/**
 * @since 0.1.0
 * @category models
 */
export interface Period extends Schema.Schema.Type<typeof Period> {}

/**
 * A JSON value: what a host system can store and send back unchanged.
 *
 * @since 0.1.0
 * @category models
 */
export type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [key: string]: Json }

/**
 * @since 0.1.0
 * @category schemas
 */
const JsonKey = Schema.String.pipe(
  Schema.filter((k) => k !== "__proto__" || "键名不能为 __proto__ / the key __proto__ is not allowed")
)

export const Json: Schema.Schema<Json> = Schema.Union(
  Schema.Null,
  Schema.Boolean,
  Schema.Finite,
  Schema.String,
  Schema.Array(Schema.suspend((): Schema.Schema<Json> => Json)),
  Schema.Record({ key: JsonKey, value: Schema.suspend((): Schema.Schema<Json> => Json) })
).annotations({
  identifier: "Json",
  title: "JSON 值",
  description: "可原样保存并返回的 JSON 值 — a JSON value",
  [TitleEn]: "JSON value",
  // JSON-normalised (no -0), so a value survives a trip through JSON text unchanged.
  arbitrary: () => (fc) =>
    fc
      .jsonValue({ maxDepth: 2 })
      .map((v) => JSON.stringify(v))
      .filter((text) => !text.includes('"__proto__"'))
      .map((text) => JSON.parse(text) as Json)
})

/**
 * The host system's own fields on an entity, as JSON. Untyped by default; `withExtensions` types them.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Extensions = Schema.Record({ key: JsonKey, value: Json }).annotations(
  describe({
    identifier: "Extensions",
    zh: "扩展字段",
    en: "extensions",
    descriptionZh: "宿主系统自有的字段（JSON），chanjiao 原样保存",
    descriptionEn: "the host system's own fields (JSON), kept as they are"
  })
)

/**
 * The life-cycle stamp of a persisted aggregate: which machine (and version) it follows, and its state.
 * Loading a state the current machine does not know is an error, never silently accepted.
 *
 * @since 0.1.0
 * @category schemas
 */
export const LifecycleStamp = Schema.Struct({
  machine: field(Schema.String.pipe(Schema.minLength(1)), "流程", "machine"),
  version: field(Schema.Number.pipe(Schema.int(), Schema.positive()), "流程版本", "machine version"),
  state: field(Schema.String.pipe(Schema.minLength(1)), "状态", "state"),
  since: Schema.optional(field(IsoDate, "进入状态日期", "in state since"))
}).annotations(describe({ identifier: "LifecycleStamp", zh: "流程状态", en: "life-cycle state" }))

/**
 * @since 0.1.0
 * @category models
 */
export interface LifecycleStamp extends Schema.Schema.Type<typeof LifecycleStamp> {}

/**
 * A person's contact on a record (an enterprise mentor, a guardian, a contact person).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Contact = Schema.Struct({
  id: Schema.optional(field(Id, "人员编号", "person id", "用于核对谁有权评价（如企业指导人员）")),
  name: field(Name, "姓名", "name"),
  role: Schema.optional(field(Name, "职务/关系", "role or relation")),
  mobile: Schema.optional(field(MobileNumber, "手机号码", "mobile number"))
}).annotations(describe({ identifier: "Contact", zh: "联系人", en: "contact", examples: [{ name: "王师傅", role: "车间主任" }] }))

/**
 * @since 0.1.0
 * @category models
 */
export interface Contact extends Schema.Schema.Type<typeof Contact> {}

/**
 * The schema `withExtensions` returns: the entity's fields with `extensions` typed.
 *
 * @since 0.1.0
 * @category models
 */
export type Extended<Fields extends Schema.Struct.Fields, E, EI> = Schema.Struct<
  Omit<Fields, "extensions"> & { extensions: Schema.optional<Schema.Schema<E, EI, never>> }
>

/**
 * The same entity schema with typed extension fields: a host system declares what it keeps under
 * `extensions`, and decoding checks it. The entity's own cross-field checks and annotations are kept.
 *
 * @example
 * ```ts
 * import { Entity, Teacher } from "@chanjiao/core"
 * import * as Schema from "effect/Schema"
 *
 * const CampusTeacher = Entity.withExtensions(Teacher.Teacher, Schema.Struct({ dormitory: Schema.String }))
 * ```
 *
 * @since 0.1.0
 * @category combinators
 */
export const withExtensions = <Fields extends Schema.Struct.Fields, E, EI>(
  entity: Schema.Struct<Fields> | Schema.filter<Schema.Struct<Fields>>,
  extensions: Schema.Schema<E, EI, never>
): Schema.Schema<Schema.Schema.Type<Extended<Fields, E, EI>>, Schema.Schema.Encoded<Extended<Fields, E, EI>>, never> => {
  const struct: Schema.Struct<Fields> = "fields" in entity ? entity : entity.from
  const extended = Schema.Struct({ ...struct.fields, extensions: Schema.optional(extensions) }) as unknown as Extended<Fields, E, EI>
  type Out = Schema.Schema<Schema.Schema.Type<Extended<Fields, E, EI>>, Schema.Schema.Encoded<Extended<Fields, E, EI>>, never>
  const ast = entity.ast
  const annotate = (s: { readonly ast: AST.AST }): Out => Schema.make(AST.annotations(s.ast, ast.annotations))
  if (ast._tag !== "Refinement") return annotate(extended)
  // Keep the entity's cross-field checks: run its refinement on the extended value.
  return annotate(extended.pipe(Schema.filter((value, options) => Option.getOrUndefined(ast.filter(value, options, ast)))))
}

/**
 * A list field that may be left out of the input (it decodes to an empty list), with Chinese and English
 * titles. Campus rows rarely carry every collection; a missing one means "none recorded".
 *
 * @since 0.1.0
 * @category annotations
 */
export const list = <S extends Schema.Schema.AnyNoContext>(item: S, zh: string, en: string, descriptionZh?: string) =>
  Schema.optionalWith(field(Schema.Array(item), zh, en, descriptionZh), { default: () => [] })
