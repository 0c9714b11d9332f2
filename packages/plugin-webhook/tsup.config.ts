import { packageConfig } from "../../scripts/tsup-package.js"

export default packageConfig({ entry: ["src/index.ts"], platform: "node" })
