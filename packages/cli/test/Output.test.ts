import { Output } from "@chanjiao/cli"
import { describe, expect, it } from "vitest"

describe("progress bar", () => {
  const io = (tty: boolean, clock: { t: number }) => {
    const err: Array<string> = []
    return { err, io: { out: () => undefined, err: (s: string) => void err.push(s), tty, cwd: "/", now: () => clock.t, today: () => "2025-01-01", instant: () => "2025-01-01T00:00:00Z" } }
  }
  it("draws only on a terminal and only once a step has run for over a second", () => {
    const clock = { t: 0 }
    const quick = io(true, clock)
    const bar = Output.progress(quick.io, "写入", 10)
    bar.tick(5)
    bar.end()
    expect(quick.err).toEqual([])
    const slow = io(true, clock)
    const bar2 = Output.progress(slow.io, "写入", 3000)
    clock.t = 1500
    bar2.tick(1200)
    bar2.end()
    expect(slow.err[0]).toBe("\r写入 [##########..............]  40% 1,200/3,000")
    expect(slow.err.at(-1)).toBe("\n")
    const piped = io(false, clock)
    const bar3 = Output.progress(piped.io, "写入", 10)
    clock.t = 5000
    bar3.tick(5)
    bar3.end()
    expect(piped.err).toEqual([])
  })
})
