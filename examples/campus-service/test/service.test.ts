/**
 * The campus service end to end on SQLite: a temp file, the default store of the service.
 */
import { Layers } from "@chanjiao/store-sql"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { suite } from "./scenario.js"

// A fresh SQLite file per suite, deleted when the service closes its store.
const sqliteTempFile = () =>
  Layer.unwrapScoped(
    Effect.map(
      Effect.acquireRelease(
        Effect.sync(() => mkdtempSync(join(tmpdir(), "chanjiao-campus-service-"))),
        (dir) => Effect.sync(() => rmSync(dir, { recursive: true, force: true }))
      ),
      (dir) => Layers.layerSqlite({ filename: join(dir, "campus.db") })
    )
  )

suite("SQLite", sqliteTempFile)
