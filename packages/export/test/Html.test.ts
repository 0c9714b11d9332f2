import { describe, expect, it } from "@effect/vitest"
import * as fc from "effect/FastCheck"
import { Html, Report } from "@chanjiao/export"
import * as F from "./fixtures.js"

const hostile = `<script>alert("x")</script><img src="https://evil.example/x.png" onerror=alert(1)> javascript:alert(1) http://tracker.example/p`
const hostileReport: Report.Report = {
  ...F.report,
  school: { ...F.report.school, name: hostile },
  teachers: F.report.teachers.map((t) => ({ ...t, name: hostile })),
  findings: F.report.findings.map((f) => ({ ...f, message: { zh: hostile, en: hostile }, subject: { ...f.subject, label: hostile } }))
}

/** What would make a browser fetch something or run something. */
const remote = /https?:\/\/|\/\/[a-z0-9]|\ssrc\s*=|<link\b|<script\b|<iframe\b|<object\b|<embed\b|@import|url\s*\(|\son[a-z]+\s*=/i

describe("HTML report", () => {
  const html = Html.render(F.report)

  it("is one self-contained document: nothing fetched, nothing run", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true)
    expect(html).not.toMatch(remote)
    expect(html).not.toContain("http://")
    expect(html).not.toContain("https://")
  })

  it("escapes hostile text everywhere (school name, teacher names, messages)", () => {
    const out = Html.render(hostileReport)
    expect(out).not.toMatch(remote)
    expect(out).not.toContain("<script>")
    expect(out).not.toContain("<img")
    expect(out).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;&#x2F;script&gt;")
    // Shown as text: the escaped school name is in the title and the header.
    expect(out).toContain(`<title>${Html.escapeHtml(hostile)} · `)
  })

  it.prop("no text can break out of its element or bring a URL in", [fc.string({ unit: "grapheme" })], ([s]) => {
    const out = Html.render({ ...F.report, school: { ...F.report.school, name: s } })
    expect(out).not.toMatch(remote)
    const escaped = Html.escapeHtml(s)
    expect(escaped).not.toMatch(/[<>"'/`=]/)
  })

  it("is Chinese first with English subtitles, and printable", () => {
    expect(html).toContain('<html lang="zh-CN">')
    expect(html).toContain('<h2>指标 <span class="en">Indicators</span></h2>')
    expect(html).toContain("@media print")
    expect(html).toMatch(/section \{ break-before: page; \}/)
    expect(html).toContain("本报告使用合成数据")
  })

  it("shows every indicator with threshold, verdict and citation", () => {
    for (const v of F.report.indicators.filter((x) => x.schoolId === "s-jx" || x.schoolId === "*")) expect(html).toContain(`<td>${v.indicator}`)
    expect(html).toContain("≤ 20 生&#x2F;师")
    expect(html).toMatch(/class="badge v-met">达标/)
    expect(html).toMatch(/class="badge v-not-met">不达标/)
    expect(html).toMatch(/class="badge v-not-applicable">不适用/)
    expect(html).toContain("《中等职业学校设置标准》 教职成〔2010〕12号 第七条")
  })

  it("draws the charts as inline SVG, each with a title and a text description", () => {
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? []
    expect(svgs.length).toBe(5)
    for (const svg of svgs) {
      expect(svg).toMatch(/^<svg class="chart" role="img" aria-labelledby="([a-z-]+)-t \1-d"/)
      expect(svg).toMatch(/<title id="[a-z-]+-t">[^<]+<\/title><desc id="[a-z-]+-d">[^<]+<\/desc>/)
      expect(svg).not.toContain("xmlns")
    }
    expect(html).toContain("INT-PAY-80：违规 1，警示 0，提示 0")
    expect(html).toMatch(/良好 good：1；合格 pass：0；不合格 fail：1；未评定 not graded：1/)
    expect(html).toContain("校企合作协议：草拟 0，审核中 0，已签订 0，生效中 0，即将到期 1，已到期 1")
  })

  it("lists the findings and has a section per teacher and per internship", () => {
    expect(html).toContain('<section id="findings">')
    for (const t of F.report.teachers) expect(html).toContain(`id="teacher-${t.id}"`)
    for (const i of F.report.internships) expect(html).toContain(`id="internship-${i.id}"`)
    const i2 = html.slice(html.indexOf('id="internship-i-2"'))
    expect(i2.slice(0, i2.indexOf("</article>"))).toContain("INT-PAY-80")
    expect(html).toContain("赵同学 · 岗位实习")
  })

  it("is byte-identical for identical input", () => {
    expect(Html.encode(F.report)).toEqual(Html.encode({ ...F.report }))
  })
})
