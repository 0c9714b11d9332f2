/**
 * INT-MAJOR-MATCH's local restriction: several provinces add to "the post matches or is close to the major"
 * that an internship may not cross the student's 专业大类 (Shaanxi: "不得"; another province: "原则上不得").
 * Core's Internship has no field for the 专业大类 a post belongs to, so the packs add one as a typed extension
 * field, `extensions.postMajorCategory` (the first two digits of the major code the post corresponds to, in the
 * same catalogue as the student's major). Core's INT-MAJOR-MATCH already flags an unrelated post; this rule adds
 * the category check for posts that match or are close.
 *
 * @since 0.1.0
 */
import { Entity, Identity, Internship, InternshipGates, Plugin, Rule } from "@chanjiao/core"
import type { Citation, Finding, Parameter, Text } from "@chanjiao/core"
import * as Schema from "effect/Schema"

/**
 * A 专业大类 code: two digits (the first two of a 2021-catalogue major code).
 *
 * @since 0.1.0
 * @category schemas
 */
export const MajorCategory = Schema.String.pipe(Schema.pattern(/^\d{2}$/)).annotations({
  identifier: "MajorCategory",
  title: "专业大类代码",
  description: "2021年专业目录专业代码的前两位 — the first two digits of a 2021-catalogue major code",
  examples: ["71"]
})

/**
 * The extension fields of `Internship` the category rules read (one schema value shared by every pack, so
 * composing several packs that add it is not a conflict).
 *
 * @since 0.1.0
 * @category extensions
 */
export const fields = {
  postMajorCategory: Schema.optional(Entity.field(MajorCategory, "岗位对应专业大类", "major category of the post", "与学生专业同一目录的专业大类代码（前两位）"))
}

/**
 * The `Internship` extension: `postMajorCategory`.
 *
 * @since 0.1.0
 * @category extensions
 */
export const extension: Plugin.Extension<typeof fields> = Plugin.extension(Internship.Internship, fields)

const isCategory = Schema.is(MajorCategory)

/**
 * The 专业大类 recorded for the post, if any.
 *
 * @since 0.1.0
 * @category getters
 */
export const postCategoryOf = (i: Pick<Internship.Internship, "extensions">): string | undefined => {
  const v = i.extensions?.["postMajorCategory"]
  return isCategory(v) ? v : undefined
}

const NONE: ReadonlyArray<Finding.Finding> = []

/**
 * A rule that no 岗位实习 crosses the student's 专业大类 where `gate` is in force (true): a `violation` for "不得",
 * a `warning` for "原则上不得"; an `info` asking for the post's category when the post is only "close" and none
 * is recorded.
 *
 * @since 0.1.0
 * @category constructors
 */
export const rule = (def: {
  readonly id: string
  readonly title: Text.Text
  readonly gate: Parameter.Parameter<boolean>
  readonly severity: "violation" | "warning"
  readonly effectiveFrom: string
  readonly citation: Citation.Citation
}): Rule.Rule<InternshipGates.Judged> =>
  Rule.make<InternshipGates.Judged>({
    id: def.id,
    area: "internship",
    title: def.title,
    description: { zh: "INT-MAJOR-MATCH 的地方限制：岗位实习不得跨专业大类", en: "INT-MAJOR-MATCH's local restriction: no post internship across 专业大类" },
    confidence: "L",
    subject: "Internship",
    versions: [
      {
        effectiveFrom: def.effectiveFrom as Parameter.Entry<boolean>["effectiveFrom"],
        citations: [def.citation],
        parameters: [def.gate],
        check: (j, ctx) => {
          if (ctx.policy.value(def.gate) !== true || !InternshipGates.isPostType(j.internship)) return NONE
          // An unrelated post is core's INT-MAJOR-MATCH violation already.
          const match = j.internship.post.majorMatch
          if (match === "unrelated") return NONE
          const own = Identity.majorCategoryOf(j.student.majorCode)
          const post = postCategoryOf(j.internship)
          if (post === undefined) {
            return match === "close"
              ? [
                  ctx.finding({
                    severity: "info",
                    message: { zh: "岗位与专业相近，但未记录岗位对应的专业大类，无法确认是否跨大类", en: "the post is close to the major but its 专业大类 is not recorded: crossing cannot be ruled out" },
                    remedy: { zh: "在 extensions.postMajorCategory 记录岗位对应的专业大类（两位代码）", en: "record the post's 专业大类 in extensions.postMajorCategory (two digits)" },
                    parameters: [def.gate]
                  })
                ]
              : NONE
          }
          if (post === own) return NONE
          return [
            ctx.finding({
              severity: def.severity,
              message: {
                zh: `岗位实习跨专业大类：学生专业大类 ${own}，岗位对应专业大类 ${post}${def.severity === "warning" ? "（原则上不得）" : ""}`,
                en: `the post internship crosses 专业大类: the student's is ${own}, the post's ${post}${def.severity === "warning" ? " (not allowed in principle)" : ""}`
              },
              measured: { value: post },
              threshold: { comparator: "==", value: own },
              parameters: [def.gate]
            })
          ]
        }
      }
    ]
  })
