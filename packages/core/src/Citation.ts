/**
 * Where a rule or a value comes from: the document, its 文号, the article, who issued it, when, and how sure
 * the catalogue is that it read it right.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { describe } from "./internal/annotations.js"
import { IsoDate } from "./IsoDate.js"
import type { Text } from "./Text.js"

/**
 * How the value was established (see `shared/domain/README.md`):
 * - `D` read in the regulation's own text;
 * - `S` second-hand but consistent;
 * - `M` remembered, not confirmed (values carry `verified: false`);
 * - `I` inferred (a default a policy may change);
 * - `L` local (a province or city) — belongs in a provincial or local policy pack.
 *
 * @since 0.1.0
 * @category models
 */
export const Confidence = Schema.Literal("D", "S", "M", "I", "L").annotations(
  describe({
    identifier: "Confidence",
    zh: "可信度",
    en: "confidence",
    descriptionZh: "D 原文；S 转述；M 未核实；I 推断；L 地方规定",
    descriptionEn: "D read in the text; S second-hand; M unverified; I inferred; L local rule",
    examples: ["D" as const]
  })
)

/**
 * @since 0.1.0
 * @category models
 */
export type Confidence = typeof Confidence.Type

/**
 * The bilingual meaning of each confidence code.
 *
 * @since 0.1.0
 * @category constants
 */
export const confidenceLabel: { readonly [K in Confidence]: Text } = {
  D: { zh: "原文核实", en: "read in the regulation's text" },
  S: { zh: "二手资料，内容一致", en: "second-hand but consistent" },
  M: { zh: "未经核实", en: "unverified" },
  I: { zh: "推断", en: "inferred" },
  L: { zh: "地方规定", en: "local rule" }
}

/**
 * A reference to the law.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Citation = Schema.Struct({
  document: Schema.String.pipe(Schema.minLength(1)).annotations({ title: "文件名称", description: "文件标题 — document title" }),
  docNumber: Schema.optional(Schema.String.pipe(Schema.minLength(1))).annotations({ title: "文号", description: "发文字号，如 教职成〔2021〕4号 — document number" }),
  article: Schema.optional(Schema.String.pipe(Schema.minLength(1))).annotations({ title: "条款", description: "条、款、项，如 第十六条第二项 — article or pinpoint" }),
  issuer: Schema.optional(Schema.String.pipe(Schema.minLength(1))).annotations({ title: "发布机关", description: "issuing body" }),
  date: Schema.optional(IsoDate).annotations({ title: "发布日期", description: "date issued" }),
  url: Schema.optional(Schema.String.pipe(Schema.minLength(1))).annotations({ title: "网址", description: "where it was read" }),
  confidence: Confidence
}).annotations(
  describe({
    identifier: "Citation",
    zh: "法规出处",
    en: "citation",
    descriptionZh: "规则或数值所依据的文件、文号、条款、发布机关、日期与可信度",
    descriptionEn: "the document, number, article, issuer, date and confidence a rule or value rests on",
    examples: [
      {
        document: "职业学校学生实习管理规定",
        docNumber: "教职成〔2021〕4号",
        article: "第十六条",
        issuer: "教育部等八部门",
        date: "2021-12-31" as IsoDate,
        confidence: "D" as const
      }
    ]
  })
)

/**
 * @since 0.1.0
 * @category models
 */
export interface Citation extends Schema.Schema.Type<typeof Citation> {}

/**
 * Builds a citation (a typed literal: no decoding needed for values written in code).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (citation: Citation): Citation => citation

/**
 * One line for people: `《document》 文号 article（issuer, date）`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const format = (c: Citation): string => {
  const head = `《${c.document}》${c.docNumber ? ` ${c.docNumber}` : ""}${c.article ? ` ${c.article}` : ""}`
  const tail = [c.issuer, c.date].filter((x): x is string => x !== undefined)
  return tail.length > 0 ? `${head}（${tail.join("，")}）` : head
}
