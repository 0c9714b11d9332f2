/**
 * A vitest reporter that ends the run with one plain line, `vitest: N passed, N failed, N skipped`, so a
 * CI reading closing lines knows how many tests ran.
 */
import type { Reporter, TestModule } from "vitest/node"

export default class SummaryReporter implements Reporter {
  private line = ""

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let passed = 0
    let failed = 0
    let skipped = 0
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        const state = t.result().state
        if (state === "passed") passed++
        else if (state === "failed") failed++
        else skipped++
      }
      // A module that failed to load has no tests but is a failure.
      if (m.state() === "failed" && [...m.children.allTests()].length === 0) failed++
    }
    this.line = `vitest: ${passed} passed, ${failed} failed, ${skipped} skipped`
  }

  // The default reporter prints its summary after onTestRunEnd; printing here puts ours last.
  onFinished(): void {
    if (this.line !== "") process.stdout.write(`\n${this.line}\n`)
  }
}
