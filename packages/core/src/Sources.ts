/**
 * The documents chanjiao's national defaults cite, as data (see `shared/domain/regulations.md`).
 * Each citation carries the confidence with which the catalogue read it.
 *
 * @since 0.1.0
 */
import type { Citation } from "./Citation.js"
import type { IsoDate } from "./IsoDate.js"

const d = (s: string) => s as IsoDate

const INTERNSHIP_2021_URL = "http://www.moe.gov.cn/srcsite/A07/moe_737/s3876_qt/202201/t20220121_595529.html"

/**
 * 《职业学校学生实习管理规定》(2021), 教职成〔2021〕4号, in force 2021-12-31; `article` pinpoints.
 *
 * @since 0.1.0
 * @category citations
 */
export const internship2021 = (article: string, confidence: Citation["confidence"] = "D"): Citation => ({
  document: "职业学校学生实习管理规定",
  docNumber: "教职成〔2021〕4号",
  article,
  issuer: "教育部等八部门",
  date: d("2021-12-31"),
  url: INTERNSHIP_2021_URL,
  confidence
})

/**
 * 《职业学校学生实习管理规定》(2016), repealed by the 2021 provisions. Its 文号 and exact issue date
 * (2016-04-11) are not in the sources read; the date is background knowledge.
 *
 * @since 0.1.0
 * @category citations
 */
export const internship2016 = (article: string, confidence: Citation["confidence"] = "D"): Citation => ({
  document: "职业学校学生实习管理规定（2016年）",
  article,
  issuer: "教育部等五部门",
  date: d("2016-04-11"),
  confidence
})

/**
 * 《职业学校教师企业实践规定》, 教师〔2016〕3号, 2016-05-11.
 *
 * @since 0.1.0
 * @category citations
 */
export const teacherPractice2016 = (article: string): Citation => ({
  document: "职业学校教师企业实践规定",
  docNumber: "教师〔2016〕3号",
  article,
  issuer: "教育部等七部门",
  date: d("2016-05-11"),
  confidence: "D"
})

/**
 * 《中等职业学校设置标准》, 教职成〔2010〕12号, 2010-07-06.
 *
 * @since 0.1.0
 * @category citations
 */
export const setupStandard2010 = (article: string, confidence: Citation["confidence"] = "D"): Citation => ({
  document: "中等职业学校设置标准",
  docNumber: "教职成〔2010〕12号",
  article,
  issuer: "教育部",
  date: d("2010-07-06"),
  confidence
})

/**
 * 《职业学校办学条件达标工程实施方案》 (教育部等五部门, reported November 2022; 文号 not verified).
 *
 * @since 0.1.0
 * @category citations
 */
export const dabiao2022 = (article: string, confidence: Citation["confidence"] = "S"): Citation => ({
  document: "职业学校办学条件达标工程实施方案",
  article,
  issuer: "教育部等五部门",
  confidence
})

/**
 * 《国家职业教育改革实施方案》, 国发〔2019〕4号 (the numbers cited from it are unverified, M).
 *
 * @since 0.1.0
 * @category citations
 */
export const reform2019: Citation = {
  document: "国家职业教育改革实施方案",
  docNumber: "国发〔2019〕4号",
  issuer: "国务院",
  confidence: "M"
}

/**
 * 《职业学校校企合作促进办法》 (2018; 文号 教职成〔2018〕1号 unverified), published 2018-02-22.
 *
 * @since 0.1.0
 * @category citations
 */
export const cooperation2018 = (article: string, confidence: Citation["confidence"] = "M"): Citation => ({
  document: "职业学校校企合作促进办法",
  docNumber: "教职成〔2018〕1号",
  article,
  issuer: "教育部等六部门",
  date: d("2018-02-22"),
  confidence
})

/**
 * 《中华人民共和国劳动法》 and the State Council's working-hours rules (the numbers as applied to interns are M).
 *
 * @since 0.1.0
 * @category citations
 */
export const labourLaw = (article: string): Citation => ({
  document: "中华人民共和国劳动法",
  article,
  issuer: "全国人民代表大会常务委员会",
  confidence: "M"
})

/**
 * 《建设产教融合型企业实施办法（试行）》, 发改社会〔2019〕590号, 2019-04-03.
 *
 * @since 0.1.0
 * @category citations
 */
export const peiMeasures2019 = (article: string, confidence: Citation["confidence"] = "D"): Citation => ({
  document: "建设产教融合型企业实施办法（试行）",
  docNumber: "发改社会〔2019〕590号",
  article,
  issuer: "国家发展改革委、教育部",
  date: d("2019-04-03"),
  confidence
})
