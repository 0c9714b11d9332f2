#!/usr/bin/env node
// Copies a package's ESM declaration tree (dist/dts) to dist/dts-cjs and marks that folder CommonJS, so
// `require` resolves to declarations TypeScript reads as CommonJS and `import` to ones it reads as ESM
// (what @arethetypeswrong/cli checks). Usage: node scripts/dual-dts.mjs <package-dir>
import { cpSync, existsSync, rmSync, writeFileSync } from "node:fs"
import { join, resolve } from "node:path"

const dir = resolve(process.argv[2] ?? ".")
const esm = join(dir, "dist", "dts")
const cjs = join(dir, "dist", "dts-cjs")
if (!existsSync(join(esm, "index.d.ts"))) {
  console.error(`dual-dts: ${esm}/index.d.ts is missing; run tsc -p tsconfig.build.json first`)
  process.exit(1)
}
rmSync(cjs, { recursive: true, force: true })
cpSync(esm, cjs, { recursive: true })
writeFileSync(join(cjs, "package.json"), `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`)
