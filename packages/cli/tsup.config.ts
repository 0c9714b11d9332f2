import { packageConfig } from "../../scripts/tsup-package.js"

// The library and the `chanjiao` executable (bin.js keeps its shebang from the source).
export default packageConfig({ entry: ["src/index.ts", "src/bin.ts"], platform: "node", external: ["better-sqlite3", "pg", "mysql2", "exceljs", "iconv-lite"] })
