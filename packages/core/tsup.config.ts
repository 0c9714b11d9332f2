import { packageConfig } from "../../scripts/tsup-package.js"

// One entry: every class (tagged errors, schemas) exists once per format, so `instanceof` holds.
export default packageConfig({ entry: ["src/index.ts"] })
