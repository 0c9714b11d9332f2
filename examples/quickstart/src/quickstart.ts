/**
 * The quickstart: decode a few campus records (one of each kind valid, several not), resolve the national
 * policy at two dates, and describe what was found — in Chinese, with the English alongside where it helps.
 * Pure: it returns the lines; `main.ts` prints them.
 */
import { Citation, Enterprise, IsoDate, Jurisdiction, National, Parameter, Policy, Teacher, Validation } from "@chanjiao/core"
import * as Either from "effect/Either"

/** Rows as a campus system would send them (JSON). */
export const enterprises: ReadonlyArray<unknown> = [
  { id: "e-1", creditCode: "91370828MA3C4P2X1N", name: "金乡县某电子商务有限公司", size: "small" },
  // A typo in the last character: the check character says so.
  { id: "e-2", creditCode: "91370828MA3C4P2X1P", name: "某机械制造有限公司" },
  // A letter the code never uses (I), and a size that is not one of the listed values.
  { id: "e-3", creditCode: "91370828MA3C4P2I1N", name: "某信息技术有限公司", size: "huge" }
]

export const teachers: ReadonlyArray<unknown> = [
  {
    id: "t-001",
    schoolId: "s-jx",
    name: "李老师",
    idNumber: "370828198503010025",
    employment: "full-time",
    courseType: "professional",
    internshipTutor: true,
    hiredOn: "2015-09-01",
    majorCodes: ["710201"],
    practice: [
      {
        id: "p-1",
        enterpriseCreditCode: "91370828MA3C4P2X1N",
        enterpriseName: "金乡县某电子商务有限公司",
        form: "post",
        start: "2023-07-01",
        end: "2023-08-31",
        content: ["new-technology", "post-duties"]
      }
    ]
  },
  // A wrong check digit in the ID number, a date that does not exist, and a column chanjiao does not know.
  {
    id: "t-002",
    schoolId: "s-jx",
    name: "王老师",
    idNumber: "370828199001010021",
    employment: "full-time",
    courseType: "public",
    internshipTutor: false,
    hiredOn: "2019-02-30",
    wechat: "wang-laoshi"
  },
  // A part-time teacher without the engagement details a part-time teacher needs.
  {
    id: "t-003",
    schoolId: "s-jx",
    name: "赵师傅",
    employment: "part-time",
    courseType: "professional",
    internshipTutor: false,
    hiredOn: "2022-03-01"
  }
]

/** The lines the quickstart prints. */
export const run = (): ReadonlyArray<string> => {
  const out: Array<string> = []
  out.push("chanjiao 产教 · 快速上手 quickstart", "")

  out.push("一、校验企业信息（统一社会信用代码，GB 32100-2015）")
  const e = Validation.decodeAll(Enterprise.Enterprise)(enterprises)
  for (const ok of e.valid) out.push(`  ✓ ${ok.name}（${ok.creditCode}）`)
  for (const bad of e.invalid) {
    out.push(`  ✗ 第${bad.index + 1}行：`)
    for (const issue of bad.error.issues) out.push(`      ${issue.path.join(".")}：${issue.zh}`)
  }

  out.push("", "二、校验教师信息（公民身份号码，GB 11643-1999）")
  const t = Validation.decodeAll(Teacher.Teacher)(teachers)
  const asOf = IsoDate.unsafeMake("2024-09-01")
  for (const ok of t.valid) {
    const birth = Teacher.birthDate(ok)
    out.push(`  ✓ ${ok.name}：出生日期 ${birth ?? "未知"}（取自身份证号），${asOf} 时 ${Teacher.ageAt(ok, asOf) ?? "?"} 岁，企业实践 ${ok.practice.length} 段`)
  }
  for (const bad of t.invalid) {
    out.push(`  ✗ 第${bad.index + 1}行：`)
    for (const issue of bad.error.issues) out.push(`      ${issue.path.length > 0 ? issue.path.join(".") : "整行"}：${issue.zh}`)
  }
  out.push(`  合计：${t.valid.length} 条有效，${t.invalid.length} 条有误；有误的行不会写入任何数据。`)

  out.push("", "三、按日期确定适用的国家规定（同一规则，不同日期，不同版本）")
  const shown = [National.internshipKinds, National.internshipConsentScope, National.internshipPayBasis, National.internshipPayCycleMaxMonths, National.teacherPracticeMinMonths]
  for (const date of ["2019-09-01", "2024-09-01"].map(IsoDate.unsafeMake)) {
    const resolved = Policy.at(National.policy, Jurisdiction.national, date)
    out.push(`  【${date}】`)
    for (const p of shown) {
      const r = resolved.explain(p)
      const where = r.entry ? `${Citation.format(r.entry.citation)}，自 ${r.entry.effectiveFrom} 起` : ""
      out.push(
        r.status === "in-force"
          ? `    ${p.title.zh}：${Parameter.formatValue(p, r.value)}　依据 ${where}`
          : `    ${p.title.zh}：当日无规定（${r.status === "not-yet" ? "尚未生效" : "已废止"}）`
      )
    }
  }

  out.push("", "四、学校自定参数叠加在国家规定之上（学校 ← 市 ← 省 ← 国家）")
  const school = Policy.overlay({
    id: "s-jx-settings",
    title: { zh: "本校实习管理办法", en: "school internship rules" },
    scope: { level: "school", code: "3137004512" } as unknown as Jurisdiction.Scope,
    source: "school",
    values: [
      Policy.set(National.internshipMaxDailyHours, [
        { effectiveFrom: IsoDate.unsafeMake("2024-03-01"), value: 7, citation: { document: "金乡县职业中等专业学校学生实习管理办法", confidence: "L" }, verified: true }
      ])
    ]
  })
  const withSchool = Policy.withOverlays(National.policy, [school])
  if (Either.isRight(withSchool)) {
    const where = { province: "37", city: "3708", school: "3137004512" } as unknown as Jurisdiction.Jurisdiction
    for (const date of ["2023-09-01", "2024-09-01"].map(IsoDate.unsafeMake)) {
      const r = Policy.at(withSchool.right, where, date).explain(National.internshipMaxDailyHours)
      const verified = r.entry?.verified ? "" : "（未经核实，按警示处理）"
      out.push(`  【${date}】每日工作时长上限 ${Parameter.formatValue(National.internshipMaxDailyHours, r.value)}，来自“${r.layer?.title.zh}”${verified}`)
    }
  }
  out.push("", "完成。用 npm test 运行全部测试。")
  return out
}
