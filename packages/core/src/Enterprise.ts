/**
 * Enterprises a school cooperates with, identified by their 统一社会信用代码.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Contact, Count, Extensions, field, Id, list, Name } from "./Entity.js"
import { CreditCode, DivisionCode } from "./Identity.js"
import { describe } from "./internal/annotations.js"
import { IsoDate } from "./IsoDate.js"

/**
 * Where an enterprise stands as a 产教融合型企业 (PEI-PRINCIPLES: build first, certify later, dynamic
 * management): applied, in the reserve pool (cultivation), certified, or revoked.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PeiStatus = Schema.Struct({
  status: field(Schema.Literal("applied", "in-pool", "certified", "revoked"), "产教融合型企业状态", "status", "applied 已申报；in-pool 入库培育；certified 已认定；revoked 已撤销"),
  level: field(Schema.Literal("national", "provincial"), "级别", "level"),
  since: field(IsoDate, "日期", "since"),
  batch: Schema.optional(field(Schema.String, "批次", "batch"))
}).annotations(describe({ identifier: "PeiStatus", zh: "产教融合型企业", en: "industry–education integration enterprise status" }))

/**
 * @since 0.1.0
 * @category schemas
 */
export const Enterprise = Schema.Struct({
  id: field(Id, "企业编号", "enterprise id"),
  creditCode: field(CreditCode, "统一社会信用代码", "unified social credit code"),
  name: field(Name, "企业名称", "enterprise name"),
  division: Schema.optional(field(DivisionCode, "注册地区划代码", "registered division")),
  industry: Schema.optional(field(Schema.String, "所属行业", "industry")),
  size: Schema.optional(field(Schema.Literal("large", "medium", "small", "micro"), "企业规模", "size")),
  aboveDesignatedSize: Schema.optional(field(Schema.Boolean, "规模以上企业", "above designated size")),
  foundedOn: Schema.optional(field(IsoDate, "成立日期", "founded on")),
  employees: Schema.optional(field(Count, "在岗职工数", "employees on post")),
  centralStateOwned: Schema.optional(field(Schema.Boolean, "中央企业", "central state-owned")),
  mainBusinessEducation: Schema.optional(field(Schema.Boolean, "主营教育培训", "main business is education or training")),
  pei: Schema.optional(PeiStatus),
  contacts: list(Contact, "联系人", "contacts"),
  extensions: Schema.optional(Extensions)
}).annotations(
  describe({
    identifier: "Enterprise",
    zh: "合作企业",
    en: "enterprise",
    descriptionZh: "与学校合作的企业，以统一社会信用代码识别",
    descriptionEn: "an enterprise a school cooperates with, identified by its credit code",
    examples: [{ id: "e-1", creditCode: "91370828MA3C4P2X1N", name: "金乡县某电子商务有限公司", size: "small", contacts: [] } as never]
  })
)

/**
 * @since 0.1.0
 * @category models
 */
export interface Enterprise extends Schema.Schema.Type<typeof Enterprise> {}
