import { defineConfig } from "tsup"

// One entry: every class exists once per format, so `instanceof` holds.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  // Declarations come from tsc (tsconfig.build.json): a bundled .d.ts loses values that share a name with
  // a type inside `export * as` namespaces.
  dts: false,
  clean: true,
  sourcemap: true,
  target: "es2022",
  platform: "neutral",
  treeshake: true,
  tsconfig: "tsconfig.src.json",
  // Peers and drivers are never bundled: two copies of effect, @effect/sql or @chanjiao/store would break
  // tags, schemas and tagged errors; the database drivers are native or have their own dependency trees.
  external: [/^effect($|\/)/, /^@effect\//, /^@chanjiao\//, "better-sqlite3", "pg", "mysql2"]
})
