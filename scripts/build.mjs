#!/usr/bin/env node
// `npm run build`: builds every package that has a build script, each after the @chanjiao packages it depends on
// (npm's own workspace order is alphabetical, which would build the CLI before the core it imports).
import { spawnSync } from "node:child_process"
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { root } from "./packages.mjs"

const packages = ["packages", "examples"]
  .flatMap((group) => (existsSync(join(root, group)) ? readdirSync(join(root, group)).map((name) => join(root, group, name)) : []))
  .filter((dir) => existsSync(join(dir, "package.json")))
  .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) }))
const byName = new Map(packages.map((p) => [p.pkg.name, p]))
const order = []
const visiting = new Set()
const visit = (p) => {
  if (order.includes(p)) return
  if (visiting.has(p)) throw new Error(`build: dependency cycle at ${p.pkg.name}`)
  visiting.add(p)
  for (const dep of Object.keys({ ...p.pkg.dependencies, ...p.pkg.peerDependencies, ...p.pkg.devDependencies })) {
    const d = byName.get(dep)
    if (d !== undefined && d !== p) visit(d)
  }
  visiting.delete(p)
  order.push(p)
}
for (const p of [...packages].sort((a, b) => a.pkg.name.localeCompare(b.pkg.name))) visit(p)
for (const { dir, pkg } of order) {
  if (pkg.scripts?.build === undefined) continue
  const r = spawnSync("npm", ["run", "build", "--silent"], { cwd: dir, stdio: "inherit" })
  if (r.status !== 0) {
    console.error(`build: ${pkg.name} failed`)
    process.exit(r.status ?? 1)
  }
}
