import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it, vi } from "vitest"

const here = dirname(fileURLToPath(import.meta.url))
const tmp = join(here, ".tmp-docs")

// Every ```ts block of these pages is a self-contained program that must run without throwing.
const pages = ["docs/concepts.md", "docs/teacher-qualification.md", "docs/internships.md", "docs/grading.md", "docs/agreements.md", "docs/indicators.md", "docs/storage.md", "docs/import-export.md", "docs/plugins.md"]

describe("docs examples run", () => {
  mkdirSync(tmp, { recursive: true })
  afterAll(() => rmSync(tmp, { recursive: true, force: true }))
  for (const page of pages) {
    const text = readFileSync(join(here, "..", page), "utf8")
    const blocks = [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!)
    it(`${page} has examples`, () => expect(blocks.length).toBeGreaterThan(0))
    // Run here inside vitest, an example could use what needs it; a reader runs it with plain node. Only the
    // example of the conformance kit itself (a test file, calling `suite`) may import the kit.
    it(`${page}: examples import nothing that needs a test runner`, () => {
      for (const code of blocks) if (!/\bsuite\(/.test(code)) expect(code).not.toMatch(/from "(@chanjiao\/store\/testing|vitest|@effect\/vitest)"/)
    })
    blocks.forEach((code, i) => {
      it(`${page} example ${i + 1}`, async () => {
        const file = join(tmp, `${page.replace(/[/.]/g, "_")}_${i + 1}.ts`)
        writeFileSync(file, code)
        const log = vi.spyOn(console, "log").mockImplementation(() => undefined)
        try {
          await import(file)
          // Where the page shows the output (`// → …`), the example printed it.
          const printed = log.mock.calls.map((c) => c.join(" ")).join("\n")
          for (const m of code.matchAll(/\/\/ → (.+)$/gm)) expect(printed).toContain(m[1]!.trim())
        } finally {
          log.mockRestore()
        }
      })
    })
  }
})
