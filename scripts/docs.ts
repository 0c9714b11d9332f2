/**
 * `npm run docs`: regenerates the generated parts of docs/ (catalogues and JSON Schemas) from the code.
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { generatedFiles } from "./docs-lib.js"

const docs = join(dirname(fileURLToPath(import.meta.url)), "..", "docs")
for (const file of generatedFiles()) {
  const target = join(docs, file.path)
  mkdirSync(dirname(target), { recursive: true })
  writeFileSync(target, file.content)
  console.log(`docs/${file.path}`)
}
