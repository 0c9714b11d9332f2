import { packageConfig } from "../../scripts/tsup-package.js"

// One entry (every class exists once per format); exceljs and iconv-lite are Node libraries, installed with the
// package and kept external.
export default packageConfig({ entry: ["src/index.ts"], platform: "node", external: ["exceljs", "iconv-lite"] })
