import { defineConfig } from "tsup"

// One entry: the generator's code exists once per format.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  // Declarations come from tsc (tsconfig.build.json), as in @chanjiao/core.
  dts: false,
  clean: true,
  sourcemap: true,
  target: "es2022",
  platform: "neutral",
  treeshake: true,
  tsconfig: "tsconfig.src.json",
  // Peers are never bundled: two copies of effect or of the core would break Schema and tagged errors.
  external: [/^effect($|\/)/, /^@effect\//, /^@chanjiao\//]
})
