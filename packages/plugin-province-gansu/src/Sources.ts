/**
 * The Gansu documents this pack reads, as citations. A province pack starts here: every value and every rule
 * of the pack points at one of these, with the article and the confidence the catalogue read it with
 * (`shared/domain/shuangshi.md` §1.1).
 *
 * @since 0.1.0
 */
import type { Citation, IsoDate } from "@chanjiao/core"

const d = (s: string) => s as IsoDate.IsoDate

/**
 * Where the Gansu standard was read (a repost dated 2023-02-05 of the 甘肃省教育厅 document).
 *
 * @since 0.1.0
 * @category constants
 */
export const url = "http://www.jinengpingjia.com/html/dfwj/14212.html"

/**
 * The date the Gansu standard and its procedure were issued, and the first day this pack's values apply.
 *
 * @since 0.1.0
 * @category constants
 */
export const issuedOn: IsoDate.IsoDate = d("2023-01-15")

/**
 * 《甘肃省职业教育“双师型”教师认定标准（试行）》, 甘肃省教育厅, 2023-01-15. Read from the header to the start of
 * 第三条: 第一条 (built on the MoE basic standard) and 第二条 (认定范围 and 认定对象) were read; the level criteria
 * (第三条 on) were not.
 *
 * @since 0.1.0
 * @category citations
 */
export const standard = (article: string): Citation.Citation => ({
  document: "甘肃省职业教育“双师型”教师认定标准（试行）",
  article,
  issuer: "甘肃省教育厅",
  date: issuedOn,
  url,
  confidence: "L"
})

/**
 * 《甘肃省职业教育“双师型”教师认定实施办法（试行）》, issued with the standard. Only the issuing notice was read:
 * it says Gansu certifies at the provincial level (省级认定); the articles of the procedure were not reached.
 *
 * @since 0.1.0
 * @category citations
 */
export const procedure = (article: string): Citation.Citation => ({
  document: "甘肃省职业教育“双师型”教师认定实施办法（试行）",
  article,
  issuer: "甘肃省教育厅",
  date: issuedOn,
  url,
  confidence: "L"
})
