/**
 * Every local pack, by where its rule comes from. Each call is a plugin instance; compose the ones that apply
 * to your schools over the national policy:
 *
 * @example
 * ```ts
 * import { National, Plugin } from "@chanjiao/core"
 * import { LocalRules } from "@chanjiao/plugin-local-rules"
 *
 * const bundle = Plugin.unsafeCompose(National.policy, LocalRules.jiangxi(), LocalRules.yantai())
 * ```
 *
 * @since 0.1.0
 */
import type { Plugin } from "@chanjiao/core"
import * as Jiangsu from "./Jiangsu.js"
import * as Jiangxi from "./Jiangxi.js"
import * as ProvincialDetail from "./ProvincialDetail.js"
import * as Shaanxi from "./Shaanxi.js"
import * as Shandong from "./Shandong.js"
import * as Tianjin from "./Tianjin.js"
import * as Yantai from "./Yantai.js"
import * as Yunnan from "./Yunnan.js"
import * as Zhejiang from "./Zhejiang.js"

/**
 * Yunnan (53): INT-FILING, INT-TRAINING, INT-UNIT-LIST.
 * @since 0.1.0
 * @category packs
 */
export const yunnan = (options: { readonly id?: string } = {}): Plugin.Plugin => Yunnan.make(options)

/**
 * Shaanxi (61): INT-MAJOR-MATCH's 专业大类 restriction ("不得"), rule INT-MAJOR-MATCH-SN.
 * @since 0.1.0
 * @category packs
 */
export const shaanxi = (options: { readonly id?: string } = {}): Plugin.Plugin => Shaanxi.make(options)

/**
 * A provincial 实施细则 whose province the catalogue does not name: INT-DISGUISE-BAN, and INT-MAJOR-MATCH's
 * 专业大类 restriction "in principle" (INT-MAJOR-MATCH-PROV) — for the provinces you name.
 * @since 0.1.0
 * @category packs
 */
export const provincialDetail = (options: { readonly provinces: ReadonlyArray<string>; readonly id?: string }): Plugin.Plugin => ProvincialDetail.make(options)

/**
 * Yantai (city 3706, Shandong): PT-TERM, PT-SHARE-30 (and PT-EXP-YEARS, PT-QUOTA-STAFF).
 * @since 0.1.0
 * @category packs
 */
export const yantai = (options: { readonly id?: string } = {}): Plugin.Plugin => Yantai.make(options)

/**
 * Jiangxi (36): ENT-LOCAL-JX-10, ENT-LOCAL-JX-2.
 * @since 0.1.0
 * @category packs
 */
export const jiangxi = (options: { readonly id?: string } = {}): Plugin.Plugin => Jiangxi.make(options)

/**
 * Tianjin (12): APP-TJ-RATIO.
 * @since 0.1.0
 * @category packs
 */
export const tianjin = (options: { readonly id?: string } = {}): Plugin.Plugin => Tianjin.make(options)

/**
 * Zhejiang (33): APP-ZJ-STUDENT (a sign guard of the apprenticeship agreement).
 * @since 0.1.0
 * @category packs
 */
export const zhejiang = (options: { readonly id?: string } = {}): Plugin.Plugin => Zhejiang.make(options)

/**
 * Shandong (37): SD-TITLE-CAP, PEI-SD-SCOPE.
 * @since 0.1.0
 * @category packs
 */
export const shandong = (options: { readonly id?: string } = {}): Plugin.Plugin => Shandong.make(options)

/**
 * Jiangsu (32): PEI-JS-5Y.
 * @since 0.1.0
 * @category packs
 */
export const jiangsu = (options: { readonly id?: string } = {}): Plugin.Plugin => Jiangsu.make(options)

/**
 * One line of the catalogue of packs: a rule id, where it applies, what it rests on, whether its values are
 * verified, and whether the rule is core's (the pack supplies the values) or the pack's own.
 *
 * @since 0.1.0
 * @category models
 */
export interface Entry {
  readonly pack: string
  readonly ruleId: string
  /** The catalogue id the rule encodes (for INT-MAJOR-MATCH-SN and -PROV: INT-MAJOR-MATCH). */
  readonly catalogueId: string
  readonly jurisdiction: string
  readonly source: string
  readonly verified: boolean
  readonly implementedIn: "core" | "pack"
}

/**
 * The catalogue of packs (what the README lists).
 *
 * @since 0.1.0
 * @category constants
 */
export const catalogue: ReadonlyArray<Entry> = [
  { pack: "yunnan", ruleId: "INT-FILING", catalogueId: "INT-FILING", jurisdiction: "province 53", source: "ynny.cn", verified: true, implementedIn: "core" },
  { pack: "yunnan", ruleId: "INT-TRAINING", catalogueId: "INT-TRAINING", jurisdiction: "province 53", source: "ynny.cn", verified: true, implementedIn: "core" },
  { pack: "yunnan", ruleId: "INT-UNIT-LIST", catalogueId: "INT-UNIT-LIST", jurisdiction: "province 53", source: "ynny.cn", verified: true, implementedIn: "core" },
  { pack: "provincialDetail", ruleId: "INT-DISGUISE-BAN", catalogueId: "INT-DISGUISE-BAN", jurisdiction: "provinces given", source: "gocodog.com", verified: true, implementedIn: "core" },
  { pack: "provincialDetail", ruleId: "INT-MAJOR-MATCH-PROV", catalogueId: "INT-MAJOR-MATCH", jurisdiction: "provinces given", source: "gocodog.com", verified: true, implementedIn: "pack" },
  { pack: "shaanxi", ruleId: "INT-MAJOR-MATCH-SN", catalogueId: "INT-MAJOR-MATCH", jurisdiction: "province 61", source: "Shaanxi 细则 (mbatrip)", verified: true, implementedIn: "pack" },
  { pack: "yantai", ruleId: "PT-TERM", catalogueId: "PT-TERM", jurisdiction: "city 3706", source: "sceneii.com", verified: true, implementedIn: "core" },
  { pack: "yantai", ruleId: "PT-SHARE-30", catalogueId: "PT-SHARE-30", jurisdiction: "city 3706", source: "sceneii.com", verified: true, implementedIn: "core" },
  { pack: "yantai", ruleId: "PT-EXP-YEARS", catalogueId: "PT-EXP-YEARS", jurisdiction: "city 3706", source: "sceneii.com", verified: true, implementedIn: "core" },
  { pack: "jiangxi", ruleId: "ENT-LOCAL-JX-10", catalogueId: "ENT-LOCAL-JX-10", jurisdiction: "province 36", source: "Jiangxi 2015 (baogaosu)", verified: true, implementedIn: "pack" },
  { pack: "jiangxi", ruleId: "ENT-LOCAL-JX-2", catalogueId: "ENT-LOCAL-JX-2", jurisdiction: "province 36", source: "Jiangxi 2015 (baogaosu)", verified: true, implementedIn: "pack" },
  { pack: "tianjin", ruleId: "APP-TJ-RATIO", catalogueId: "APP-TJ-RATIO", jurisdiction: "province 12", source: "tjbcrcw.com", verified: true, implementedIn: "pack" },
  { pack: "zhejiang", ruleId: "APP-ZJ-STUDENT", catalogueId: "APP-ZJ-STUDENT", jurisdiction: "province 33", source: "52souxue.com", verified: true, implementedIn: "pack" },
  { pack: "shandong", ruleId: "SD-TITLE-CAP", catalogueId: "SD-TITLE-CAP", jurisdiction: "province 37", source: "r1worldwide.com", verified: false, implementedIn: "pack" },
  { pack: "shandong", ruleId: "PEI-SD-SCOPE", catalogueId: "PEI-SD-SCOPE", jurisdiction: "province 37", source: "临发改社会〔2024〕45号", verified: true, implementedIn: "pack" },
  { pack: "jiangsu", ruleId: "PEI-JS-5Y", catalogueId: "PEI-JS-5Y", jurisdiction: "province 32", source: "yejxv.com", verified: true, implementedIn: "pack" }
]
