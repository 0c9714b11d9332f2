/**
 * What the CLI prints for people: help in Chinese and English, and plain-text reports of findings and
 * indicators.
 *
 * @since 0.1.0
 */
import { Finding, Indicators } from "@chanjiao/core"

/**
 * @since 0.1.0
 * @category models
 */
export type Lang = "zh" | "en"

/**
 * @since 0.1.0
 * @category constants
 */
export const version = "0.1.0"

const general = `chanjiao（产教）— 校企合作、产教融合规则工具 · school–enterprise cooperation rules

用法 Usage:  chanjiao <命令 command> [选项 options]

命令 Commands:
  demo                      生成合成示例学校，检查、评分、计算指标并写出报告（./chanjiao-demo/）
                            build a synthetic school, check, grade, compute indicators, write the reports
  templates                 生成导入模板（Excel 与 CSV）· write import templates (Excel and CSV)
  import <文件 file>         导入 Excel/CSV（--type teacher|student|…）· import a file
  check                     按日期检查全部规则（--date, --fail-on violation）· check every rule on a date
  indicators                计算指标（--period 2024, --format text|json|csv|xlsx）· compute the indicators
  export                    导出（--format csv|xlsx|json|html, --out 目录）· export results
  warnings                  协议预警（到期、交付、缺签、一专一名企）· agreement warnings
  migrate                   建立或升级数据库结构 · create or upgrade the database schema

通用选项 Options:
  --db <地址 url>           sqlite:文件.sqlite（默认 sqlite:chanjiao.sqlite）| postgres://… | mysql://… | memory:
  --prefix <前缀 prefix>    我们的表名前缀（默认 cj_），表放在宿主数据库时用 · our table prefix (default cj_)
  --lang zh|en              输出语言（默认中文）· output language (Chinese by default)
  -h, --help                帮助（chanjiao <命令> --help 查看命令帮助）· help (per command too)
  -v, --version             版本 · version

退出码 Exit codes:
  0  成功 · ok
  1  发现违规（使用 --fail-on violation 时）· violations found (with --fail-on violation)
  2  输入有误（参数或文件）· bad input (arguments or files)
  3  数据库不可用或出错 · storage unavailable or failing
`

const perCommand: Record<string, string> = {
  demo: `chanjiao demo [--out 目录 dir] [--seed 数字 n] [--lang zh|en]

生成一所以金乡县职业中等专业学校建设方案为原型的合成学校（约3000名学生、250名教师、各状态的合作协议、一学年的实习
与考核，含可预期的违规），写入嵌入式 SQLite 数据库，检查全部规则、评分、推进协议、计算指标，在输出目录写出
report.html、report.xlsx、findings.csv，并打印摘要。数据为合成数据，同一 --seed 结果相同。

Builds a synthetic school modelled on the seed plan into an embedded SQLite file, evaluates every rule, grades,
advances agreements, computes every indicator, and writes report.html, report.xlsx and findings.csv into the output
directory (default ./chanjiao-demo). The data is synthetic; the same --seed gives the same result.
`,
  check: `chanjiao check [--date YYYY-MM-DD] [--school id,…] [--format text|json|csv] [--fail-on none|violation|warning] [--db url]

按日期检查实习关口、教师资质、评分与协议预警，列出全部结论（违规在前）。--fail-on violation 时发现违规则退出码为 1。
Checks internship gates, teacher qualification, grading and agreement warnings on a date and lists every finding
(violations first). With --fail-on violation the exit code is 1 when a violation is found.
`,
  indicators: `chanjiao indicators [--period 2024] [--school id,…] [--format text|json|csv|xlsx] [--out 文件 file] [--db url]

计算学年（自9月1日起）的全部指标：数值、标准、判定与依据。Computes every indicator of a school year.
`,
  export: `chanjiao export --format csv|xlsx|json|html [--out 目录 dir] [--date YYYY-MM-DD] [--period 2024] [--unmask] [--db url]

导出结论、指标与报告。身份证号、手机号默认脱敏，--unmask 时才输出全文。
Exports findings, indicators and the report. ID and phone numbers are masked unless --unmask is given.
`,
  templates: `chanjiao templates [--out 目录 dir] [--type teacher|student|…]

生成带中文表头、填写说明和下拉选项的导入模板。Writes import templates with Chinese headers, instructions and lists.
`,
  import: `chanjiao import <文件 file.xlsx|file.csv> --type teacher|student|enterprise|… [--partial] [--rejected 文件 file] [--db url]

逐行校验；任何一行有误则不写入任何数据，并列出每个错误（工作表、行、列、值、原因）。--partial 时只写入合格行，
不合格行写入 --rejected 文件。按自然键（信用代码、身份证号、协议编号）幂等：重复导入不会改变数据。
Checks every row; writes nothing unless all rows are valid (or, with --partial, writes the valid rows and saves
the rejected ones). Idempotent by natural keys: importing the same file again changes nothing.
`,
  warnings: `chanjiao warnings [--date YYYY-MM-DD] [--school id,…] [--format text|json] [--db url]

协议预警：即将到期、交付物到期或逾期、三方协议缺签、专业缺少合作名企。Agreement early warnings.
`,
  migrate: `chanjiao migrate [--db url]

建立或升级数据库结构（可重复执行）。Creates or upgrades the database schema (safe to run again).
`
}

/**
 * The help text, general or for one command.
 *
 * @since 0.1.0
 * @category combinators
 */
export const help = (command?: string): string => (command !== undefined && perCommand[command] !== undefined ? perCommand[command] : general)

const severityLabel = { violation: { zh: "违规", en: "violation" }, warning: { zh: "提醒", en: "warning" }, info: { zh: "提示", en: "info" } } as const

/**
 * Findings as text: counts by severity and rule, then each violation and warning on one line.
 *
 * @since 0.1.0
 * @category combinators
 */
export const findingsReport = (findings: ReadonlyArray<Finding.Finding>, date: string, lang: Lang): string => {
  const counts = { violation: 0, warning: 0, info: 0 }
  const byRule = new Map<string, number>()
  for (const f of findings) {
    counts[f.severity]++
    if (f.severity !== "info") byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1)
  }
  const lines: Array<string> = []
  lines.push(
    lang === "zh"
      ? `${date} 检查结果：违规 ${counts.violation} 条，提醒 ${counts.warning} 条，提示 ${counts.info} 条`
      : `Findings on ${date}: ${counts.violation} violation(s), ${counts.warning} warning(s), ${counts.info} info`
  )
  const top = [...byRule].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  if (top.length > 0) lines.push(`${lang === "zh" ? "按规则" : "by rule"}: ${top.map(([r, n]) => `${r} ×${n}`).join(", ")}`)
  for (const f of findings) if (f.severity !== "info") lines.push(`  ${Finding.format(f, lang)}`)
  return `${lines.join("\n")}\n`
}

const verdictLabel = { met: { zh: "达标", en: "met" }, "basically-met": { zh: "基本达标", en: "basically met" }, "not-met": { zh: "不达标", en: "not met" } } as const

const number = (v: number, unit: string) => (unit === "ratio" ? `${(v * 100).toFixed(1)}%` : Number.isInteger(v) ? v.toLocaleString("en-US") : v.toFixed(2))

/**
 * Indicators as text, school by school.
 *
 * @since 0.1.0
 * @category combinators
 */
export const indicatorsReport = (values: ReadonlyArray<Indicators.Value>, period: Indicators.Period, lang: Lang): string => {
  const lines: Array<string> = [lang === "zh" ? `${period.year}–${period.year + 1} 学年指标` : `Indicators of school year ${period.year}–${period.year + 1}`]
  let school = ""
  for (const v of values) {
    if (v.schoolId !== school) {
      school = v.schoolId
      lines.push(`\n[${school === "*" ? (lang === "zh" ? "全部学校" : "all schools") : school}]`)
    }
    const name = lang === "zh" ? v.name.zh : v.name.en
    const scope = v.majorCode !== undefined ? ` (${v.majorCode})` : v.enterpriseId !== undefined ? ` (${v.enterpriseId})` : ""
    const unit = v.threshold === undefined ? "" : v.threshold.comparator
    const value = v.status === "not-applicable" || v.value === undefined ? (lang === "zh" ? "不适用" : "n/a") : number(v.value, unitOf(v))
    const threshold = v.threshold === undefined ? "" : ` ${lang === "zh" ? "标准" : "standard"} ${unit} ${number(v.threshold.value, unitOf(v))}`
    const verdict = v.verdict === undefined ? "" : ` — ${verdictLabel[v.verdict][lang]}`
    lines.push(`  ${v.indicator}${v.variant === undefined ? "" : `/${v.variant}`}${scope} ${name}: ${value}${threshold}${verdict}`)
  }
  return `${lines.join("\n")}\n`
}

// Each definition's unit: shares print as percentages.
const units = new Map(Indicators.catalogue.map((d) => [`${d.id}/${d.variant ?? ""}`, d.unit] as const))
const unitOf = (v: Indicators.Value): string => units.get(`${v.indicator}/${v.variant ?? ""}`) ?? (v.indicator === "IND-DB-TARGET" ? "ratio" : "number")
