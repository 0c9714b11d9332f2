/**
 * Yunnan (云南, province 53): the internship gates core implements as local rules and this pack turns on —
 * INT-FILING (岗位实习 filed with the competent authority; cross-province or overseas approved), INT-TRAINING
 * (dedicated training before 岗位实习) and INT-UNIT-LIST (units decided by the school's Party committee and
 * published). Read in a Yunnan school's summary of the 2021 provisions and the provincial requirements (S/L).
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
export const scope: Jurisdiction.Scope = { level: "province", code: "53" as Identity.ProvinceCode }

// The summary implements the 2021 provisions: the gates apply from the day those took effect.
const from = "2021-12-31"
const note = { zh: "学校转述的云南省要求；自2021年实习规定施行之日起", en: "Yunnan's requirements as a school summarises them; from the 2021 provisions' effective date" }

/**
 * The Yunnan pack (instance id `yunnan` by default).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: { readonly id?: string } = {}): Plugin.Plugin =>
  pack({
    id: options.id ?? "yunnan",
    pack: "yunnan",
    title: { zh: "云南省岗位实习备案、岗前培训与实习单位名单", en: "Yunnan: internship filing, training and unit list" },
    citation: Sources.yunnanSummary("实习管理“三个全程”“两个及时”"),
    scope,
    values: [
      // INT-FILING
      value(National.internshipGateFiling, { from, value: true, citation: Sources.yunnanSummary("岗位实习备案；跨省或境外实习审批"), verified: true, note }),
      // INT-TRAINING
      value(National.internshipGateTraining, { from, value: true, citation: Sources.yunnanSummary("岗前专门培训"), verified: true, note }),
      // INT-UNIT-LIST
      value(National.internshipGateUnitList, { from, value: true, citation: Sources.yunnanSummary("实习单位经学校党委会研究确定并公布"), verified: true, note })
    ]
  })
