import { defineConfig } from "tsup"

// One entry: every class (tagged errors, schemas) exists once per format, so `instanceof` holds.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: { compilerOptions: { composite: false, incremental: false } },
  clean: true,
  sourcemap: true,
  target: "es2022",
  platform: "neutral",
  treeshake: true,
  tsconfig: "tsconfig.src.json",
  // effect is a peer dependency: never bundle it (two copies would break Schema and tagged errors).
  external: [/^effect($|\/)/]
})
