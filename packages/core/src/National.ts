/**
 * The national defaults: every value a national rule compares against, as a dated, cited parameter (rule ids
 * from `shared/domain/regulations.md` §10), and the national policy with every rule registered so far.
 * Values the catalogue could not confirm (M) carry `verified: false`, so findings that use them are warnings
 * until a policy pack confirms them. Local (L) values are not here: they belong in provincial and local packs.
 *
 * @since 0.1.0
 */
import { parameters } from "./internal/national-parameters.js"
import * as Policy from "./Policy.js"
import * as Agreements from "./Agreements.js"
import * as DualQualified from "./DualQualified.js"
import * as Grading from "./Grading.js"
import * as InternshipGates from "./InternshipGates.js"
import * as PartTime from "./PartTime.js"
import * as Practice from "./Practice.js"
import type * as Rule from "./Rule.js"
import * as TeacherPlan from "./TeacherPlan.js"

export * from "./internal/national-parameters.js"

/**
 * The national policy: every national parameter, no overlays, and every national rule.
 *
 * @since 0.1.0
 * @category constants
 */
export const policy: Policy.Policy = Policy.unsafeMake({
  id: "cn.national",
  title: { zh: "国家规定（默认）", en: "national defaults" },
  parameters,
  rules: [...Practice.rules, ...DualQualified.rules, ...PartTime.rules, ...TeacherPlan.rules, ...(InternshipGates.rules as ReadonlyArray<Rule.Any>), ...(Grading.gradingRules as ReadonlyArray<Rule.Any>),
    Agreements.warningsRule as Rule.Any
  ],
  source: "@chanjiao/core"
})
