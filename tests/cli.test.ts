/**
 * The `chanjiao` command end to end: the demo into a temporary directory, then every command against the demo
 * database, bad arguments, bad files, and an unreachable database (exit code 3). Commands run in-process through
 * `Cli.run` (the same code the executable runs); two runs go through the real executable to check exit codes.
 */
import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { Cli, Demo } from "@chanjiao/cli"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import * as XLSX from "xlsx"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const work = mkdtempSync(join(tmpdir(), "chanjiao-cli-"))
const demoDir = join(work, "demo")
const db = `sqlite:${join(demoDir, "demo.sqlite")}`

const run = async (...argv: Array<string>) => {
  let out = ""
  let err = ""
  const code = await Cli.run(argv, { out: (t) => void (out += t), err: (t) => void (err += t), tty: false, cwd: work, now: () => 0, today: () => "2025-08-31", instant: () => "2025-09-01T08:00:00.000Z" })
  return { code, out, err }
}

/** Two good and two bad enterprise rows, in the columns of the template `templates` writes into `dir`. */
const enterpriseFiles = async (dir: string) => {
  const t = await run("templates", "--out", dir, "--type", "enterprise")
  expect(t.code).toBe(0)
  const header = readFileSync(join(work, dir, "enterprise.csv"), "utf8").replace(/^\uFEFF/, "").split(/\r?\n/)[0]!
  const columns = header.split(",")
  const row = (values: Record<string, string>) => columns.map((c) => values[c] ?? "").join(",")
  const idCol = columns.find((c) => c.includes("编号"))!
  const codeCol = columns.find((c) => c.includes("信用代码"))!
  const nameCol = columns.find((c) => c.includes("名称"))!
  return {
    good: [header, row({ [idCol]: "e-new-1", [codeCol]: "91370828MA3C4P2X1N", [nameCol]: "导入测试企业一" }), row({ [idCol]: "e-new-2", [codeCol]: "91110000100000589A", [nameCol]: "导入测试企业二" })].join("\r\n"),
    bad: [header, row({ [idCol]: "e-bad-1", [codeCol]: "91370828MA3C4P2X1X", [nameCol]: "抄错代码" }), row({ [idCol]: "e-bad-2", [codeCol]: "91110000100000589A", [nameCol]: "" })].join("\r\n")
  }
}

let summary: Demo.Summary
beforeAll(async () => {
  summary = await Demo.build(demoDir, { seed: 2024, lang: "zh", io: { out: () => undefined, err: () => undefined, tty: false, cwd: work, now: () => 0, today: () => "2025-08-31", instant: () => "2025-09-01T08:00:00.000Z" } })
}, 120_000)
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe("chanjiao demo", () => {
  it("writes report.html, report.xlsx and findings.csv", () => {
    expect(summary.files.map((f) => f.split("/").pop())).toEqual(["report.html", "report.xlsx", "findings.csv"])
    for (const f of summary.files) expect(existsSync(f)).toBe(true)
  })

  it("report.xlsx reads back with an independent reader (SheetJS) with the expected sheets and values", () => {
    const wb = XLSX.read(readFileSync(join(demoDir, "report.xlsx")), { cellDates: true })
    const names = wb.SheetNames.join("|")
    expect(names).toMatch(/指标/)
    expect(names).toMatch(/检查结论|结论/)
    const indicatorsSheet = wb.Sheets[wb.SheetNames.find((n) => n.includes("指标"))!]!
    const rows = XLSX.utils.sheet_to_json<Array<unknown>>(indicatorsSheet, { header: 1 })
    const flat = rows.map((r) => r.join(" ")).join("\n")
    expect(flat).toContain("IND-ENROL-1200")
    expect(flat).toContain("达标")
    const enrol = summary.evaluation.indicators.find((v) => v.indicator === "IND-ENROL-1200")!
    expect(rows.some((r) => r.includes("IND-ENROL-1200") && r.includes(enrol.value))).toBe(true)
  })

  it("findings.csv starts with a BOM and holds the planted breaches' rule ids", () => {
    const bytes = readFileSync(join(demoDir, "findings.csv"))
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString("utf8")
    for (const rule of ["INT-PAY-80", "INT-INSURE", "INT-FEE-BAN", "INT-AGREE-3P", "TCH-EP-5Y6M"]) expect(text).toContain(rule)
  })

  it("report.html is self-contained: no external references", () => {
    const html = readFileSync(join(demoDir, "report.html"), "utf8")
    expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i)
    expect(html).not.toMatch(/@import|url\(\s*["']?https?:/i)
    expect(html).toContain("<svg")
    expect(html).toContain("合成数据")
  })

  it("is deterministic: the same seed gives the same findings and indicators", async () => {
    const again = await Demo.build(join(work, "again"), { seed: 2024, lang: "zh", io: { out: () => undefined, err: () => undefined, tty: false, cwd: work, now: () => 0, today: () => "2025-08-31", instant: () => "2025-09-01T08:00:00.000Z" } })
    expect(again.evaluation.findings.map((f) => `${f.ruleId}|${f.subject.id}|${f.severity}`)).toEqual(summary.evaluation.findings.map((f) => `${f.ruleId}|${f.subject.id}|${f.severity}`))
    expect(readFileSync(join(work, "again", "findings.csv"))).toEqual(readFileSync(join(demoDir, "findings.csv")))
    expect(readFileSync(join(work, "again", "report.html"), "utf8")).toBe(readFileSync(join(demoDir, "report.html"), "utf8"))
  }, 120_000)

  it("prints a Chinese summary, and an English one with --lang en", () => {
    const zh = Demo.summary(summary, "zh", 1)
    expect(zh).toContain("合成数据")
    expect(zh).toContain("违规")
    expect(Demo.summary(summary, "en", 1)).toContain("violations")
  })
})

describe("chanjiao commands on the demo database", () => {
  it("check lists findings, violations first; --fail-on violation exits 1; --format json is JSON", async () => {
    const text = await run("check", "--db", db, "--date", "2025-08-31")
    expect(text.code).toBe(0)
    expect(text.out).toMatch(/违规 \d+ 条/)
    expect((await run("check", "--db", db, "--date", "2025-08-31", "--fail-on", "violation")).code).toBe(1)
    const json = await run("check", "--db", db, "--date", "2025-08-31", "--format", "json", "--lang", "en")
    const findings = JSON.parse(json.out) as Array<{ ruleId: string; severity: string }>
    expect(findings.length).toBe(summary.evaluation.findings.length)
    expect(findings[0]!.severity).toBe("violation")
  })

  it("indicators prints every indicator of the period, as text, JSON, CSV or XLSX", async () => {
    const text = await run("indicators", "--db", db, "--period", "2024")
    expect(text.code).toBe(0)
    expect(text.out).toContain("IND-ENROL-1200")
    expect(text.out).toContain("2024–2025 学年指标")
    const json = JSON.parse((await run("indicators", "--db", db, "--period", "2024-2025", "--format", "json")).out) as Array<unknown>
    expect(json.length).toBe(summary.evaluation.indicators.length)
    expect((await run("indicators", "--db", db, "--format", "csv", "--lang", "en")).out.split("\n")[0]).toMatch(/indicator/i)
    const x = await run("indicators", "--db", db, "--format", "xlsx", "--out", "ind.xlsx")
    expect([x.code, existsSync(join(work, "ind.xlsx"))]).toEqual([0, true])
  })

  it("export writes csv, xlsx, json and html files", async () => {
    for (const format of ["csv", "xlsx", "json", "html"]) {
      const r = await run("export", "--db", db, "--date", "2025-08-31", "--format", format, "--out", `export-${format}`)
      expect(r.code, r.err).toBe(0)
      expect(readdirSync(join(work, `export-${format}`)).length).toBeGreaterThan(0)
    }
    const csv = readFileSync(join(work, "export-csv", "findings.csv"), "utf8")
    // ID numbers are masked unless --unmask.
    expect(csv).not.toMatch(/\b\d{17}[\dX]\b/)
  })

  it("warnings lists agreement warnings; migrate is a no-op on a migrated database", async () => {
    const w = await run("warnings", "--db", db, "--date", "2025-06-15")
    expect(w.code).toBe(0)
    expect(w.out).toMatch(/检查结果/)
    const m = await run("migrate", "--db", db)
    expect([m.code, m.out]).toEqual([0, "数据库结构已是最新。\n"])
  })

  it("templates, then import: bad rows are all reported and nothing is written; a good file imports once and again changes nothing", async () => {
    const { good, bad } = await enterpriseFiles("tpl")
    expect(readdirSync(join(work, "tpl")).sort()).toEqual(["enterprise.csv", "enterprise.xlsx"])
    const fresh = `sqlite:${join(work, "import.sqlite")}`
    writeFileSync(join(work, "bad.csv"), `\uFEFF${bad}\r\n`)
    writeFileSync(join(work, "good.csv"), `\uFEFF${good}\r\n`)
    const refused = await run("import", "bad.csv", "--type", "enterprise", "--db", fresh)
    expect(refused.code).toBe(2)
    expect(refused.err).toMatch(/第 ?2 ?行/)
    expect(refused.err).toMatch(/第 ?3 ?行/)
    expect(refused.err).toContain("未写入任何数据")
    const first = await run("import", "good.csv", "--type", "enterprise", "--db", fresh)
    expect([first.code, first.out]).toEqual([0, expect.stringContaining("新增 2 条")])
    const second = await run("import", "good.csv", "--type", "enterprise", "--db", fresh)
    expect(second.out).toContain("新增 0 条，更新 0 条，未变 2 条")
  })
})

describe("chanjiao --prefix", () => {
  it("works on our tables under a host's prefix, and only on them; a bad prefix is bad input (exit 2)", async () => {
    const shared = `sqlite:${join(work, "campus.sqlite")}`
    const m = await run("migrate", "--db", shared, "--prefix", "xy_cj_")
    expect(m.code).toBe(0)
    writeFileSync(join(work, "one.csv"), `\uFEFF${(await enterpriseFiles("tpl-prefix")).good}\r\n`)
    const imported = await run("import", "one.csv", "--type", "enterprise", "--db", shared, "--prefix", "xy_cj_")
    expect([imported.code, imported.out]).toEqual([0, expect.stringContaining("新增 2 条")])
    // Under the default prefix the same file has its own, empty tables: importing there adds the two again.
    const other = await run("import", "one.csv", "--type", "enterprise", "--db", shared)
    expect(other.out).toContain("新增 2 条")
    const again = await run("import", "one.csv", "--type", "enterprise", "--db", shared, "--prefix", "xy_cj_")
    expect(again.out).toContain("未变 2 条")
    expect((await run("demo", "--prefix", "xy_cj_")).code).toBe(2)
    const bad = await run("check", "--db", shared, "--prefix", "XY prefix")
    expect(bad.code).toBe(2)
    expect(bad.err).toMatch(/^错误：--prefix 应为小写字母开头/)
  })
})

describe("chanjiao mistakes", () => {
  it("bad arguments exit 2 with a bilingual message and no stack trace", async () => {
    for (const argv of [["frobnicate"], ["check", "--date", "2025-02-30"], ["check", "--nope"], ["indicators", "--period", "24"], ["import"], ["check", "--format", "pdf"], ["demo", "--seed", "-1"]]) {
      const r = await run(...argv)
      expect(r.code, argv.join(" ")).toBe(2)
      expect(r.err, argv.join(" ")).toMatch(/^错误：/)
      expect(r.err).not.toMatch(/\n\s+at /)
    }
    expect((await run("check", "--nope", "--lang", "en")).err).toMatch(/^error: check does not take --nope/)
  })

  it("an unreadable import file exits 2; an unreachable database exits 3 with a clear message", async () => {
    expect((await run("import", "missing.xlsx", "--type", "teacher", "--db", "memory:")).code).toBe(2)
    const down = await run("check", "--db", "postgres://nobody@127.0.0.1:1/none")
    expect(down.code).toBe(3)
    expect(down.err).toMatch(/数据库不可用|不可用/)
    expect(down.err).toContain("127.0.0.1")
  })

  it("help is in Chinese and English; the real executable returns the documented exit codes", () => {
    // The executable from its sources (as `npm run chanjiao` runs it), in another directory.
    const bin = (args: Array<string>) => spawnSync(join(root, "node_modules/.bin/tsx"), ["--tsconfig", join(root, "packages/cli/tsconfig.run.json"), join(root, "packages/cli/src/bin.ts"), ...args], { cwd: work, encoding: "utf8" })
    const help = bin(["--help"])
    expect(help.status).toBe(0)
    expect(help.stdout).toContain("用法 Usage")
    expect(help.stdout).toContain("退出码 Exit codes")
    expect(bin(["check", "--date", "yesterday"]).status).toBe(2)
    expect(bin(["migrate", "--db", "mysql://root@127.0.0.1:1/none"]).status).toBe(3)
  }, 60_000)
})
