import { packageConfig } from "../../scripts/tsup-package.js"

// The database drivers are native or have their own dependency trees: installed with the package, not bundled.
export default packageConfig({ entry: ["src/index.ts"], platform: "node", external: ["better-sqlite3", "pg", "mysql2"] })
