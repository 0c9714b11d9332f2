/**
 * Assessments of an internship by the school and by the enterprise (双主体考核评价), process and result.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Extensions, field, Id, list, Name, Note, Quantity } from "./Entity.js"
import { describe } from "./internal/annotations.js"
import { IsoDate } from "./IsoDate.js"
import type { Text } from "./Text.js"

/**
 * The four grades (INT-ASSESS-GRADES): 优秀 / 良好 / 合格 / 不合格.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Grade = Schema.Literal("excellent", "good", "pass", "fail").annotations(
  describe({ identifier: "Grade", zh: "等级", en: "grade", descriptionZh: "excellent 优秀；good 良好；pass 合格；fail 不合格", descriptionEn: "excellent, good, pass, fail" })
)

/**
 * @since 0.1.0
 * @category models
 */
export type Grade = typeof Grade.Type

/**
 * @since 0.1.0
 * @category constants
 */
export const gradeLabel: { readonly [K in Grade]: Text } = {
  excellent: { zh: "优秀", en: "excellent" },
  good: { zh: "良好", en: "good" },
  pass: { zh: "合格", en: "pass" },
  fail: { zh: "不合格", en: "fail" }
}

/**
 * A score on one criterion of a rubric.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Score = Schema.Struct({
  criterion: field(Schema.String.pipe(Schema.minLength(1)), "评价项目", "criterion"),
  score: field(Quantity, "得分", "score"),
  max: field(Quantity.pipe(Schema.positive()), "满分", "maximum")
}).pipe(
  Schema.filter((s) => (s.score > s.max ? `得分 ${s.score} 超过满分 ${s.max} / score ${s.score} exceeds the maximum ${s.max}` : undefined)),
  Schema.annotations(describe({ identifier: "Score", zh: "评分", en: "score" }))
)

/**
 * @since 0.1.0
 * @category schemas
 */
export const Assessment = Schema.Struct({
  id: field(Id, "评价编号", "assessment id"),
  internshipId: field(Id, "实习编号", "internship id"),
  assessor: field(Schema.Literal("school", "enterprise"), "评价主体", "assessor", "school 学校；enterprise 企业"),
  assessorId: field(Id, "评价人编号", "assessor id"),
  assessorName: Schema.optional(field(Name, "评价人", "assessor name")),
  stage: field(Schema.Literal("process", "result"), "评价类型", "stage", "process 过程性；result 结果性"),
  submittedOn: field(IsoDate, "提交日期", "submitted on"),
  scores: list(Score, "评分", "scores"),
  grade: Schema.optional(Grade),
  comment: Schema.optional(Note),
  revision: field(Schema.Number.pipe(Schema.int(), Schema.positive()), "修订次数", "revision"),
  extensions: Schema.optional(Extensions)
}).annotations(
  describe({
    identifier: "Assessment",
    zh: "实习考核评价",
    en: "internship assessment",
    descriptionZh: "学校或企业对一次实习的过程性或结果性评价",
    descriptionEn: "the school's or the enterprise's process or result assessment of an internship"
  })
)

/**
 * @since 0.1.0
 * @category models
 */
export interface Assessment extends Schema.Schema.Type<typeof Assessment> {}
