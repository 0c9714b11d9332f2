import { fileURLToPath } from "node:url"

// Tests run against the sources, not dist: `npm test` works on a fresh clone without a build. The packed
// packages are tested separately by `npm run smoke:pack`.
export const alias = {
  "@chanjiao/store/testing": fileURLToPath(new URL("./packages/store/src/testing.ts", import.meta.url)),
  "@chanjiao/store/fixtures": fileURLToPath(new URL("./packages/store/src/fixtures.ts", import.meta.url)),
  "@chanjiao/store-sql": fileURLToPath(new URL("./packages/store-sql/src/index.ts", import.meta.url)),
  "@chanjiao/store": fileURLToPath(new URL("./packages/store/src/index.ts", import.meta.url)),
  "@chanjiao/testkit": fileURLToPath(new URL("./packages/testkit/src/index.ts", import.meta.url)),
  "@chanjiao/export": fileURLToPath(new URL("./packages/export/src/index.ts", import.meta.url)),
  "@chanjiao/cli": fileURLToPath(new URL("./packages/cli/src/index.ts", import.meta.url)),
  "@chanjiao/plugin-province-gansu": fileURLToPath(new URL("./packages/plugin-province-gansu/src/index.ts", import.meta.url)),
  "@chanjiao/plugin-local-rules": fileURLToPath(new URL("./packages/plugin-local-rules/src/index.ts", import.meta.url)),
  "@chanjiao/plugin-webhook": fileURLToPath(new URL("./packages/plugin-webhook/src/index.ts", import.meta.url)),
  "@chanjiao/core": fileURLToPath(new URL("./packages/core/src/index.ts", import.meta.url))
}
