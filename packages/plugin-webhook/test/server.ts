/**
 * A local receiver for the tests: node:http on 127.0.0.1 (port 0) that verifies every request with
 * `Signature.verify`, deduplicates on the idempotency key and counts, and fails a share of requests chosen by a
 * seeded generator: a dropped connection, a 503, or a hang longer than the client's timeout (after it has
 * processed the event, as a slow receiver would: the sender never learns it arrived).
 */
import { createServer } from "node:http"
import type { IncomingMessage, ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { Signature } from "../src/index.js"

/** mulberry32: a small seeded generator, so the failures are reproducible in kind and share. */
export const prng = (seed: number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export type Fate = "ok" | "drop" | "status" | "hang"

export interface Arrival {
  readonly key: string
  readonly eventId: string
  readonly attempt: number
  readonly fate: Fate
}

export interface ServerOptions {
  readonly secret: string
  /** The fate of each request (default: always "ok"). */
  readonly fate?: (key: string) => Fate
  /** How long a "hang" waits before it answers (longer than the client's timeout). */
  readonly hangMillis?: number
  /** Called on every signed request as it arrives, before anything else. */
  readonly onArrival?: (arrival: Arrival) => void
  /** `verify`'s clock (default: the real one). */
  readonly now?: () => number
}

export interface Receiver {
  readonly url: string
  /** Every verified request, in order of arrival. */
  readonly arrivals: Array<Arrival>
  /** Processed deliveries per idempotency key (a duplicate counts again; the first one is the one processed). */
  readonly processed: Map<string, number>
  /** The body of the first processed delivery per key. */
  readonly bodies: Map<string, { readonly id: string; readonly event: string; readonly payload: unknown }>
  /** Requests whose signature did not verify (answered 401). */
  readonly badSignatures: Array<string>
  readonly close: () => Promise<void>
}

/** A fate generator: `failRate` of requests fail (a third of them by a dropped connection), `hangRate` hang. */
export const flaky = (seed: number, failRate: number, hangRate: number): ((key: string) => Fate) => {
  const next = prng(seed)
  return () => {
    const r = next()
    if (r < failRate / 3) return "drop"
    if (r < failRate) return "status"
    if (r < failRate + hangRate) return "hang"
    return "ok"
  }
}

export const startReceiver = async (options: ServerOptions): Promise<Receiver> => {
  const arrivals: Array<Arrival> = []
  const processed = new Map<string, number>()
  const bodies = new Map<string, { id: string; event: string; payload: unknown }>()
  const badSignatures: Array<string> = []
  const timers = new Set<NodeJS.Timeout>()

  const handle = (req: IncomingMessage, res: ServerResponse, raw: Buffer) => {
    const verified = Signature.verify(options.secret, req.headers, raw, options.now === undefined ? {} : { now: options.now() })
    if (verified._tag === "Left") {
      badSignatures.push(verified.left.reason)
      res.writeHead(401, { "content-type": "text/plain; charset=utf-8" }).end(verified.left.message)
      return
    }
    const key = verified.right.idempotencyKey ?? ""
    const body = JSON.parse(raw.toString("utf8")) as { id: string; event: string; payload: unknown }
    const fate = options.fate?.(key) ?? "ok"
    const arrival: Arrival = { key, eventId: body.id, attempt: Number(req.headers["chanjiao-delivery-attempt"]), fate }
    options.onArrival?.(arrival)
    arrivals.push(arrival)
    switch (fate) {
      case "drop":
        req.socket.destroy()
        return
      case "status":
        res.writeHead(503, { "content-type": "text/plain" }).end("busy")
        return
      case "hang":
      case "ok": {
        // Deduplicate on the key: the first delivery is processed, later ones are counted and answered 200.
        processed.set(key, (processed.get(key) ?? 0) + 1)
        if (!bodies.has(key)) bodies.set(key, body)
        if (fate === "ok") {
          res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}')
          return
        }
        const timer = setTimeout(() => {
          timers.delete(timer)
          if (!res.destroyed) res.writeHead(200).end()
        }, options.hangMillis ?? 1000)
        timers.add(timer)
      }
    }
  }

  const server = createServer((req, res) => {
    const chunks: Array<Buffer> = []
    req.on("data", (c: Buffer) => chunks.push(c))
    req.on("end", () => handle(req, res, Buffer.concat(chunks)))
    req.on("error", () => {})
  })
  server.keepAliveTimeout = 5000
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hooks/chanjiao`,
    arrivals,
    processed,
    bodies,
    badSignatures,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t)
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
