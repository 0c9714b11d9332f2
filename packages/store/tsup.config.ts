import { packageConfig } from "../../scripts/tsup-package.js"

// The package and the conformance kit share their code (tags, errors) through chunks.
export default packageConfig({ entry: ["src/index.ts", "src/testing.ts", "src/fixtures.ts"], external: ["vitest", "@effect/vitest"] })
