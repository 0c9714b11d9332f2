/**
 * Starts the campus service: `npm start` (or `npm run demo`, which also writes the demo school's records).
 *
 * - `PORT` (default 3000), `HOST` (default 127.0.0.1);
 * - `DATABASE_URL`: `sqlite:<file>` (default `sqlite:campus-service.db`), `postgres://…`, `mysql://…`;
 * - `CHANJIAO_TABLE_PREFIX`: the prefix of chanjiao's tables in that database (default `cj_`);
 * - `--demo`: write the demo records (those missing) before serving.
 */
import { Errors } from "@chanjiao/store"
import { Client } from "@chanjiao/store-sql"
import * as Demo from "./Demo.js"
import { serve } from "./Server.js"

const url = process.env.DATABASE_URL ?? "sqlite:campus-service.db"
const prefix = process.env.CHANJIAO_TABLE_PREFIX
const layer = Client.layerFromUrl({ url, prefix })

const fail = (e: unknown): never => {
  // Our errors carry a Chinese and an English message; print those, not a stack.
  const m = e as { messageZh?: unknown; messageEn?: unknown; message?: unknown }
  console.error(typeof m.messageZh === "string" ? `${m.messageZh}\n${String(m.messageEn)}` : String(m.message ?? e))
  process.exit(1)
}

if (layer instanceof Errors.StoreError) fail(layer)
else {
  const port = Number(process.env.PORT ?? 3000)
  const running = await serve({ store: layer, port: Number.isInteger(port) && port >= 0 ? port : 3000, host: process.env.HOST ?? "127.0.0.1" }).catch(fail)
  if (process.argv.includes("--demo")) {
    const n = await running.runtime.runPromise(Demo.seedNow(running.store)).catch(fail)
    console.log(`示例数据已写入 ${n} 条 / demo records written: ${n}`)
  }
  console.log(`校企合作服务已启动 campus service listening on ${running.url}/api`)
  const stop = () => void running.close().then(() => process.exit(0))
  process.once("SIGINT", stop)
  process.once("SIGTERM", stop)
}
