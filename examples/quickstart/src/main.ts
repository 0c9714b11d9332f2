import { run } from "./quickstart.js"

for (const line of run()) console.log(line)
