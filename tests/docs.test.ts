import { readdirSync, readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { National } from "../packages/core/src/index.js"
import { fillRegion, GENERATED, generatedFiles, regions, renderParameters } from "../scripts/docs-lib.js"

const docs = join(dirname(fileURLToPath(import.meta.url)), "..", "docs")

describe("generated docs", () => {
  for (const file of generatedFiles()) {
    it(`docs/${file.path} is up to date (run npm run docs)`, () => {
      expect(readFileSync(join(docs, file.path), "utf8")).toBe(file.content)
    })
  }

  for (const region of regions) {
    it(`docs/${region.path} region "${region.name}" is up to date (run npm run docs)`, () => {
      const page = readFileSync(join(docs, region.path), "utf8")
      expect(fillRegion(page, region.name, region.render())).toBe(page)
    })
  }

  it("no stale generated schema file is left behind", () => {
    const expected = new Set(generatedFiles().map((f) => f.path))
    for (const name of readdirSync(join(docs, "schemas"))) expect(expected.has(`schemas/${name}`), name).toBe(true)
  })

  it("the parameter catalogue lists every parameter with each dated value and citation", () => {
    const page = renderParameters()
    expect(page.startsWith(GENERATED)).toBe(true)
    for (const p of National.parameters) {
      expect(page).toContain(`## ${p.id}`)
      for (const e of p.history) expect(page).toContain(`| ${e.effectiveFrom} |`)
    }
    expect(page).toContain("教职成〔2021〕4号")
    expect(page).toContain("**未核实 unverified**")
  })
})
