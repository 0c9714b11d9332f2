import { Aggregates } from "@chanjiao/store"
import { Validation } from "@chanjiao/core"
import { Generate } from "@chanjiao/testkit"
const r = Generate.school(0, Generate.sizes.province, { seed: 7 })
const type = (process.env.TYPE ?? "internship") as Aggregates.TypeName
const xs = JSON.parse(JSON.stringify(Generate.byType(r).find(([t]) => t === type)![1])) as unknown[]
const c = Validation.decode((Aggregates.types[type].schema as any))
const t = performance.now(); let n = 0
while (performance.now() - t < 4000) { for (const x of xs) c(x); n += xs.length }
console.log(type, (performance.now()-t)/n*1000, "µs")
