/**
 * Yantai (烟台, Shandong; city 3706), 2015: part-time professional teachers — appointment term at least one
 * semester and at most 2 years (PT-TERM), part-time teachers generally ≤ 30% of all full- and part-time teachers
 * (PT-SHARE-30), ≥ 5 years of production experience (PT-EXP-YEARS), up to 20% of the staffing quota
 * (PT-QUOTA-STAFF). Core implements these rules; this pack gives them Yantai's values (S/L).
 *
 * @since 0.1.0
 */
import { National } from "@chanjiao/core"
import type { Identity, Jurisdiction, Plugin } from "@chanjiao/core"
import { pack, value } from "./internal/pack.js"
import * as Sources from "./Sources.js"

/**
 * @since 0.1.0
 * @category constants
 */
export const scope: Jurisdiction.Scope = { level: "city", code: "3706" as Identity.CityCode }

// The 2015 rules' day and month were not recorded: from the start of 2015.
const from = "2015-01-01"
const dated = { zh: "2015年烟台市规定（具体日期未记录）", en: "Yantai, 2015 (day not recorded)" }

/**
 * The Yantai pack (instance id `yantai` by default).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: { readonly id?: string } = {}): Plugin.Plugin =>
  pack({
    id: options.id ?? "yantai",
    pack: "yantai",
    title: { zh: "烟台市职业院校兼职教师聘用（2015）", en: "Yantai: part-time teachers (2015)" },
    citation: Sources.yantai2015("兼职教师聘用"),
    scope,
    values: [
      // PT-TERM: at least one semester. A semester is taken as 4 months (an autumn or spring term runs about
      // four and a half): an inference, which a school may override with its own layer. The text says "one
      // semester", not a number of months, so the value is unverified (and so are PT-TERM findings resting on it).
      value(National.ptTermMinMonths, {
        from,
        value: 4,
        citation: Sources.yantai2015("聘期不少于一学期"),
        verified: false,
        note: { zh: "一学期按4个月计（换算为推断）", en: "one semester counted as 4 months (the conversion is inferred)" }
      }),
      // PT-TERM: at most 2 years.
      value(National.ptTermMaxYears, { from, value: 2, citation: Sources.yantai2015("聘期不超过2年"), verified: true, note: dated }),
      // PT-SHARE-30: the national 30% is unverified; in Yantai it is the city's own rule.
      value(National.ptShareMax, { from, value: 0.3, citation: Sources.yantai2015("兼职教师一般不超过专兼职教师总数的30%"), verified: true, note: dated }),
      // PT-EXP-YEARS
      value(National.ptMinExperienceYears, { from, value: 5, citation: Sources.yantai2015("5年以上相关生产实践经历"), verified: true, note: dated }),
      // PT-QUOTA-STAFF
      value(National.ptStaffQuotaShare, { from, value: 0.2, citation: Sources.yantai2015("可用不超过20%的编制聘请兼职教师"), verified: true, note: dated })
    ]
  })
