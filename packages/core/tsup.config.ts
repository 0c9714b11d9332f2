import { defineConfig } from "tsup"

// One entry: every class (tagged errors, schemas) exists once per format, so `instanceof` holds.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  // Declarations come from tsc (tsconfig.build.json): a bundled .d.ts loses values that share a name with
  // a type inside `export * as` namespaces (e.g. the `Teacher` schema beside the `Teacher` interface).
  dts: false,
  clean: true,
  sourcemap: true,
  target: "es2022",
  platform: "neutral",
  treeshake: true,
  tsconfig: "tsconfig.src.json",
  // effect is a peer dependency: never bundle it (two copies would break Schema and tagged errors).
  external: [/^effect($|\/)/]
})
