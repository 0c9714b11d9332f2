import { Args } from "@chanjiao/cli"
import { describe, expect, it } from "vitest"

describe("argument parsing", () => {
  it("reads a command, positionals, --name value, --name=value and flags", () => {
    expect(Args.parse(["import", "a.xlsx", "--type", "teacher", "--partial", "--db=sqlite:x.db"])).toEqual({
      command: "import",
      positionals: ["a.xlsx"],
      options: { type: "teacher", partial: true, db: "sqlite:x.db" }
    })
    expect(Args.parse([]).command).toBe("help")
    expect(Args.parse(["-v"]).command).toBe("version")
  })

  it("refuses what a command does not take, with Chinese and English messages", () => {
    const cases: ReadonlyArray<[ReadonlyArray<string>, RegExp]> = [
      [["nope"], /未知命令/],
      [["check", "--out", "x"], /不接受选项 --out/],
      [["check", "--date"], /--date 需要一个值/],
      [["import", "--partial=yes", "f"], /不带值/],
      [["import"], /需要 1 个参数/],
      [["check", "extra"], /需要 0 个参数/]
    ]
    for (const [argv, zh] of cases) {
      try {
        Args.parse(argv)
        expect.fail(argv.join(" "))
      } catch (e) {
        expect(e).toBeInstanceOf(Args.UsageError)
        expect((e as Args.UsageError).zh).toMatch(zh)
        expect((e as Args.UsageError).en.length).toBeGreaterThan(0)
      }
    }
  })

  it("checks choices", () => {
    const args = Args.parse(["check", "--format", "pdf"])
    expect(() => Args.choice(args, "format", ["text", "json"] as const, "text")).toThrow(/--format 应为 text \| json 之一/)
    expect(Args.choice(Args.parse(["check"]), "format", ["text", "json"] as const, "text")).toBe("text")
  })
})
