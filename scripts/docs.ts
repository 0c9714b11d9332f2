/**
 * `npm run docs`: regenerates the generated parts of docs/ (catalogues and JSON Schemas) from the code.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { fillRegion, generatedFiles, regions } from "./docs-lib.js"

const docs = join(dirname(fileURLToPath(import.meta.url)), "..", "docs")
for (const file of generatedFiles()) {
  const target = join(docs, file.path)
  mkdirSync(dirname(target), { recursive: true })
  writeFileSync(target, file.content)
  console.log(`docs/${file.path}`)
}
for (const region of regions) {
  const target = join(docs, region.path)
  writeFileSync(target, fillRegion(readFileSync(target, "utf8"), region.name, region.render()))
  console.log(`docs/${region.path} (${region.name})`)
}
