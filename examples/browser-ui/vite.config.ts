import { fileURLToPath } from "node:url"
import { defineConfig } from "vite"

// The page bundles @chanjiao/core from its sources (like the tests, see vitest.shared.ts): `npm run dev` needs no
// build of the core first. `base: "./"` makes dist/ work from any path, even a file server's sub-folder.
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  resolve: {
    alias: { "@chanjiao/core": fileURLToPath(new URL("../../packages/core/src/index.ts", import.meta.url)) }
  },
  build: { outDir: "dist", emptyOutDir: true, target: "es2022", sourcemap: true },
  server: { host: "127.0.0.1" },
  preview: { host: "127.0.0.1" }
})
