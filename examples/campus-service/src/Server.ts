/**
 * Serving the campus API over `node:http` without `@effect/platform-node`: the API becomes a web handler
 * (`Request` → `Response`, `HttpApiBuilder.toWebHandler`), and a small adapter turns Node's
 * `IncomingMessage`/`ServerResponse` into those and back (Node 20 has `Request`/`Response` built in).
 *
 * The store is opened first, in a `ManagedRuntime` the server owns: a database that cannot be reached fails
 * `serve` with the store's `StoreError` before the port is opened; `close()` stops the server, then closes the
 * connections.
 *
 * @since 0.1.0
 */
import type { Errors, Store } from "@chanjiao/store"
import { Store as StoreModule } from "@chanjiao/store"
import { HttpApiBuilder, HttpServer } from "@effect/platform"
import * as Cause from "effect/Cause"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { createServer } from "node:http"
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import * as Handlers from "./Handlers.js"

/**
 * A web handler.
 *
 * @since 0.1.0
 * @category models
 */
export type WebHandler = (request: Request) => Promise<Response>

const internalError = JSON.stringify({ _tag: "InternalError", messageZh: "服务内部错误", messageEn: "internal server error" })

const tooLarge = (limit: number) =>
  JSON.stringify({ _tag: "PayloadTooLarge", messageZh: `请求体超过 ${limit} 字节`, messageEn: `the request body is larger than ${limit} bytes` })

/**
 * The adapter: a `node:http` listener over a web handler. The body is read whole (the API takes small JSON
 * bodies) up to `maxBodyBytes` (default 1 MiB; more answers 413); any failure of the adapter itself answers 500
 * with a bilingual message, never a stack trace.
 *
 * @since 0.1.0
 * @category constructors
 */
export const toNodeListener =
  (handler: WebHandler, options: { readonly maxBodyBytes?: number | undefined } = {}): RequestListener =>
  (req: IncomingMessage, res: ServerResponse) => {
    const limit = options.maxBodyBytes ?? 1024 * 1024
    void (async () => {
      try {
        const chunks: Array<Buffer> = []
        let size = 0
        // Past the limit the rest is read and dropped (not kept), so the 413 reaches the client.
        for await (const chunk of req) {
          size += (chunk as Buffer).length
          if (size <= limit) chunks.push(chunk as Buffer)
        }
        if (size > limit) {
          res.writeHead(413, { "content-type": "application/json" })
          res.end(tooLarge(limit))
          return
        }
        const headers = new Headers()
        for (const [name, value] of Object.entries(req.headers)) {
          if (Array.isArray(value)) for (const v of value) headers.append(name, v)
          else if (value !== undefined) headers.set(name, value)
        }
        const method = req.method ?? "GET"
        const init: RequestInit = { method, headers }
        if (method !== "GET" && method !== "HEAD" && chunks.length > 0) init.body = Buffer.concat(chunks)
        const response = await handler(new Request(new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`), init))
        const out: Record<string, string | Array<string>> = {}
        response.headers.forEach((value, name) => {
          out[name] = value
        })
        const cookies = response.headers.getSetCookie()
        if (cookies.length > 0) out["set-cookie"] = cookies
        const body = Buffer.from(await response.arrayBuffer())
        res.writeHead(response.status, out)
        res.end(body)
      } catch {
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json; charset=utf-8" })
        res.end(internalError)
      }
    })()
  }

/**
 * The API as a web handler over a store that is already open.
 *
 * @since 0.1.0
 * @category constructors
 */
export const webHandler = (store: Store.Service, options: Handlers.Options = {}): { readonly handler: WebHandler; readonly dispose: () => Promise<void> } => {
  const { dispose, handler } = HttpApiBuilder.toWebHandler(
    Layer.mergeAll(Handlers.layer(options).pipe(Layer.provide(Layer.succeed(StoreModule.Store, store))), HttpServer.layerContext)
  )
  return {
    handler: async (request) => {
      const response = await handler(request)
      // The router's own answers (no route; a defect) have no body: give them one in both languages.
      if ((response.status === 404 || response.status >= 500) && response.headers.get("content-type") === null) {
        const body = response.status === 404 ? routeNotFound(request) : JSON.parse(internalError)
        return new Response(JSON.stringify(body), { status: response.status, headers: { "content-type": "application/json" } })
      }
      return response
    },
    dispose
  }
}

const routeNotFound = (request: Request) => {
  const what = `${request.method} ${new URL(request.url).pathname}`
  return { _tag: "RouteNotFound", messageZh: `没有这个接口：${what}`, messageEn: `no such endpoint: ${what}` }
}

/**
 * @since 0.1.0
 * @category models
 */
export interface ServeOptions extends Handlers.Options {
  /** The store: `Layers.layerSqlite({ filename })`, `Client.layerFromUrl({ url })`, or a host's own. */
  readonly store: Layer.Layer<Store.Store, Errors.StoreError>
  /** The port (default 3000; `0` picks a free one). */
  readonly port?: number | undefined
  /** The interface to listen on (default `127.0.0.1`). */
  readonly host?: string | undefined
  /** The largest request body accepted (default 1 MiB); a larger one answers 413. */
  readonly maxBodyBytes?: number | undefined
}

/**
 * A running service.
 *
 * @since 0.1.0
 * @category models
 */
export interface Running {
  /** `http://host:port` */
  readonly url: string
  readonly port: number
  /** The store the service runs on (for seeding, tests, or a host's own jobs). */
  readonly store: Store.Service
  readonly runtime: ManagedRuntime.ManagedRuntime<Store.Store, Errors.StoreError>
  /** Stops accepting requests, waits for those in flight, closes the database connections. */
  readonly close: () => Promise<void>
}

/**
 * Opens the store (migrating it) and starts the service. Rejects with the store's `StoreError` when the
 * database cannot be opened.
 *
 * @since 0.1.0
 * @category constructors
 */
export const serve = async (options: ServeOptions): Promise<Running> => {
  const runtime = ManagedRuntime.make(options.store)
  const opened = await runtime.runPromiseExit(StoreModule.Store)
  if (Exit.isFailure(opened)) {
    await runtime.dispose()
    throw Cause.squash(opened.cause)
  }
  const store = opened.value
  const web = webHandler(store, options)
  const server = createServer(toNodeListener(web.handler, { maxBodyBytes: options.maxBodyBytes }))
  const host = options.host ?? "127.0.0.1"
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject)
      server.listen(options.port ?? 3000, host, () => {
        server.off("error", reject)
        resolve()
      })
    })
  } catch (e) {
    await web.dispose()
    await runtime.dispose()
    throw e
  }
  const port = (server.address() as AddressInfo).port
  let closing: Promise<void> | undefined
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    store,
    runtime,
    close: () =>
      (closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve())
          server.closeIdleConnections()
        })
        await web.dispose()
        await runtime.dispose()
      })())
  }
}
