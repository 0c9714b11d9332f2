/**
 * The local documents the packs rest on, as citations (`shared/domain/regulations.md`, the rows marked L). The
 * catalogue read most of them second-hand (a school's summary, a news report, a repost): each citation says
 * where it was read. Where the catalogue records no date of the document itself, a pack's values start on a
 * date it can vouch for, stated in the value's note.
 *
 * @since 0.1.0
 */
import type { Citation, IsoDate } from "@chanjiao/core"

const d = (s: string) => s as IsoDate.IsoDate

/**
 * INT-FILING, INT-TRAINING, INT-UNIT-LIST: a Yunnan vocational school's summary of how it implements the 2021
 * internship provisions and the provincial rules (unit list decided by the Party committee and published; 岗位实习
 * filed with the competent authority, cross-province or overseas approved; dedicated training first).
 *
 * @since 0.1.0
 * @category citations
 */
export const yunnanSummary = (article: string): Citation.Citation => ({
  document: "职业学校学生实习管理规定及云南省实施要求（学校落实情况转述）",
  article,
  url: "http://www.ynny.cn/info/1105/13383.htm",
  confidence: "L"
})

/**
 * INT-MAJOR-MATCH (专业大类): the Shaanxi 实施细则 under the 2021 provisions — internships may not cross the
 * student's 专业大类 ("不得"). Read in a repost of 2023-01-04.
 *
 * @since 0.1.0
 * @category citations
 */
export const shaanxiDetail = (article: string): Citation.Citation => ({
  document: "陕西省职业学校学生实习管理实施细则",
  article,
  issuer: "陕西省教育厅等部门",
  url: "http://tour.mbatrip.com/tour/2023/0104/52741.html",
  confidence: "L"
})

/**
 * INT-DISGUISE-BAN, INT-MAJOR-MATCH (专业大类, "原则上不得"): a provincial 实施细则 reported in the news; the
 * catalogue does not record which province issued it, so the pack that encodes it takes the province as an
 * option.
 *
 * @since 0.1.0
 * @category citations
 */
export const provincialDetail = (article: string): Citation.Citation => ({
  document: "省级职业学校学生实习管理实施细则（新闻报道，省份未载明）",
  article,
  url: "http://gocodog.com/index.php?c=show&id=1874",
  confidence: "L"
})

/**
 * PT-TERM, PT-SHARE-30, PT-EXP-YEARS, PT-QUOTA-STAFF: Yantai (Shandong), 2015 — part-time professional teachers
 * (up to 20% of the staffing quota; generally ≤ 30% of all teachers; ≥ 5 years of production experience; term
 * ≤ 2 years and ≥ 1 semester).
 *
 * @since 0.1.0
 * @category citations
 */
export const yantai2015 = (article: string): Citation.Citation => ({
  document: "烟台市职业院校兼职教师聘用管理规定（2015年，新闻转述）",
  article,
  issuer: "烟台市",
  date: d("2015-01-01"),
  url: "http://sceneii.com/news/22978.html",
  confidence: "L"
})

/**
 * ENT-LOCAL-JX-10, ENT-LOCAL-JX-2: Jiangxi's 2015 school–enterprise cooperation measures — enterprises above
 * designated size offer 顶岗实习 posts for ≥ 10% of their technical posts and host teacher practice for ≥ 2% of
 * their headcount.
 *
 * @since 0.1.0
 * @category citations
 */
export const jiangxi2015 = (article: string): Citation.Citation => ({
  document: "江西省职业院校校企合作促进办法（2015年，新闻转述）",
  article,
  issuer: "江西省人民政府",
  date: d("2015-01-01"),
  url: "http://nanchang.baogaosu.com/xinwen/%E8%81%8C%E4%B8%9A%E9%99%A2%E6%A0%A1%E5%AD%A6%E7%94%9F%E9%A1%B6%E5%B2%97%E5%AE%9E%E4%B9%A0%E6%9C%89%E6%96%B0%E8%A7%84/40054154",
  confidence: "L"
})

/**
 * APP-TJ-RATIO: Tianjin's enterprise new-type apprenticeship rules — ≤ 8 apprentices per mentor, classes ≤ 40,
 * ≥ 600 class-hours a year of which ≥ 160 centralised, online ≤ 50% and video-recorded ≥ 25% of the centralised
 * hours.
 *
 * @since 0.1.0
 * @category citations
 */
export const tianjinApprenticeship = (article: string): Citation.Citation => ({
  document: "天津市企业新型学徒制培训管理要求（转述）",
  article,
  issuer: "天津市人力资源和社会保障局",
  url: "http://tjbcrcw.com/contents/6529/280252.html",
  confidence: "L"
})

/**
 * APP-ZJ-STUDENT: Zhejiang's apprenticeship rules — student apprentices 1 year; subsidies ≥ 3,000 (student) and
 * ≥ 4,000 (employee) yuan per apprentice per year.
 *
 * @since 0.1.0
 * @category citations
 */
export const zhejiangApprenticeship = (article: string): Citation.Citation => ({
  document: "浙江省学徒制培养实施办法（转述）",
  article,
  url: "http://52souxue.com/plus/view.php?aid=147197",
  confidence: "L"
})

/**
 * SD-TITLE-CAP: 山东省中等专业学校教师职务结构比例指导标准 (old, before 2010; whether it is still in force was not
 * established).
 *
 * @since 0.1.0
 * @category citations
 */
export const shandongTitles = (article: string): Citation.Citation => ({
  document: "山东省中等专业学校教师职务结构比例指导标准",
  article,
  url: "http://m.r1worldwide.com/shtml/view-5194182.html",
  confidence: "L"
})

/**
 * PEI-SD-SCOPE: the Linyi notice on the third batch of 产教融合型企业 (临发改社会〔2024〕45号), which restates the
 * Shandong conditions of 鲁发改社会〔2019〕1016号 under 发改社会〔2019〕590号. Read directly (in part).
 *
 * @since 0.1.0
 * @category citations
 */
export const shandongPei = (article: string): Citation.Citation => ({
  document: "关于开展第三批省级产教融合型企业申报工作的通知（临沂市转发山东省要求）",
  docNumber: "临发改社会〔2024〕45号",
  article,
  issuer: "临沂市发展和改革委员会",
  url: "http://fgw.linyi.gov.cn/info/1741/15263.htm",
  confidence: "L"
})

/**
 * PEI-JS-5Y: Jiangsu's 产教融合型企业 conditions — ≥ 5 years of continuous operation; in principle above
 * designated size or an industry leader.
 *
 * @since 0.1.0
 * @category citations
 */
export const jiangsuPei = (article: string): Citation.Citation => ({
  document: "江苏省产教融合型企业建设培育条件（转述）",
  article,
  url: "http://yejxv.com/display.asp?id=19272",
  confidence: "L"
})
