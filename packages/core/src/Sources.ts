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

/**
 * 《教育部办公厅关于做好职业教育“双师型”教师认定工作的通知》, 教师厅〔2022〕2号 (read in part: sections 一–三;
 * the attached 《职业教育“双师型”教师基本标准（试行）》 was not read).
 *
 * @since 0.1.0
 * @category citations
 */
export const dualQualifiedNotice2022 = (article: string, confidence: Citation["confidence"] = "S"): Citation => ({
  document: "教育部办公厅关于做好职业教育“双师型”教师认定工作的通知",
  docNumber: "教师厅〔2022〕2号",
  article,
  issuer: "教育部办公厅",
  date: d("2022-10-25"),
  confidence
})

/**
 * 《甘肃省职业教育“双师型”教师认定标准（试行）》, 2023-01-15 (read to the start of 第三条).
 *
 * @since 0.1.0
 * @category citations
 */
export const gansuDualQualified2023 = (article: string): Citation => ({
  document: "甘肃省职业教育“双师型”教师认定标准（试行）",
  article,
  issuer: "甘肃省教育厅",
  date: d("2023-01-15"),
  url: "http://www.jinengpingjia.com/html/dfwj/14212.html",
  confidence: "L"
})

/**
 * The common provincial pattern of 双师型 criteria (`shuangshi.md` §3, rows marked PATTERN): a template whose
 * numbers are placeholders, not read in any primary text.
 *
 * @since 0.1.0
 * @category citations
 */
export const dualQualifiedPattern: Citation = {
  document: "“双师型”教师认定标准（省级通行模式，待核实）",
  article: "shuangshi.md §3",
  confidence: "M"
}

/**
 * 《职业学校兼职教师管理办法》 (2023 revision, 教育部等四部门; 9 chapters / 34 articles, PT-STRUCT; 文号 教师〔2023〕9号
 * not verified). Its eligibility numbers were not read.
 *
 * @since 0.1.0
 * @category citations
 */
export const partTime2023 = (article: string, confidence: Citation["confidence"] = "M"): Citation => ({
  document: "职业学校兼职教师管理办法",
  docNumber: "教师〔2023〕9号",
  article,
  issuer: "教育部等四部门",
  confidence
})

/**
 * 国务院关于工人退休、退职的暂行办法 / 安置老弱病残干部的暂行办法 (国发〔1978〕104号): statutory retirement ages
 * (unverified here; the 2025 gradual raise is not encoded).
 *
 * @since 0.1.0
 * @category citations
 */
export const retirement1978: Citation = {
  document: "国务院关于安置老弱病残干部的暂行办法",
  docNumber: "国发〔1978〕104号",
  issuer: "国务院",
  date: d("1978-06-02"),
  confidence: "M"
}
