#!/usr/bin/env node
// `npm run lint:packages`: publint --strict and @arethetypeswrong/cli over every publishable package
// (run after `npm run build`). Exits non-zero if any package has a problem.
import { spawnSync } from "node:child_process"
import { join } from "node:path"
import { publishable, root } from "./packages.mjs"

const bin = (name) => join(root, "node_modules", ".bin", name)
let failed = 0
for (const { dir, pkg } of publishable()) {
  for (const [label, cmd, args] of [
    ["publint --strict", bin("publint"), ["--strict", dir]],
    ["attw", bin("attw"), ["--pack", dir, "--format", "table-flipped"]]
  ]) {
    console.log(`\n▶ ${pkg.name}: ${label}`)
    const r = spawnSync(cmd, args, { stdio: "inherit", cwd: root })
    if (r.status !== 0) {
      failed++
      console.error(`✗ ${pkg.name}: ${label} failed`)
    }
  }
}
if (failed > 0) {
  console.error(`\nlint:packages: ${failed} check(s) failed`)
  process.exit(1)
}
console.log("\nlint:packages: every publishable package passes publint --strict and attw")
