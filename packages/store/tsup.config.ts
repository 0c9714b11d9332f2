import { defineConfig } from "tsup"

// Two entries (the package and ./testing) with code splitting on, so the classes they share (tagged errors,
// the Store tag) exist once per format and `instanceof` holds across them.
export default defineConfig({
  entry: ["src/index.ts", "src/testing.ts"],
  format: ["esm", "cjs"],
  splitting: true,
  // Declarations come from tsc (tsconfig.build.json), as in @chanjiao/core.
  dts: false,
  clean: true,
  sourcemap: true,
  target: "es2022",
  platform: "neutral",
  treeshake: true,
  tsconfig: "tsconfig.src.json",
  // Peers are never bundled: two copies of effect or of the core would break Schema, tags and errors.
  external: [/^effect($|\/)/, /^@effect\//, /^@chanjiao\//, /^vitest($|\/)/]
})
