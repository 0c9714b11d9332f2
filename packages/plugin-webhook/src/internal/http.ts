/**
 * One HTTP POST with a timeout, over the global `fetch` (Node 20). The body of the response is read (up to
 * 64 KiB, then dropped) so the connection can be reused.
 * @internal
 */

export interface Answer {
  readonly status: number
  /** `Retry-After` in milliseconds, when the endpoint sent one. */
  readonly retryAfterMillis: number | undefined
}

/** Marks an abort caused by our own timer (not by the caller's interruption). */
export class Timeout extends Error {
  constructor(readonly millis: number) {
    super(`no response within ${millis} ms`)
  }
}

const retryAfter = (value: string | null, now: number): number | undefined => {
  if (value === null) return undefined
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

const drain = async (response: Response): Promise<void> => {
  const reader = response.body?.getReader()
  if (reader === undefined) return
  let read = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return
    read += value.byteLength
    if (read > 65_536) {
      await reader.cancel()
      return
    }
  }
}

export const post = async (url: string, headers: Record<string, string>, body: string, timeoutMillis: number, interrupted: AbortSignal): Promise<Answer> => {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(new Timeout(timeoutMillis)), timeoutMillis)
  const onInterrupt = () => controller.abort(interrupted.reason)
  if (interrupted.aborted) onInterrupt()
  else interrupted.addEventListener("abort", onInterrupt, { once: true })
  try {
    // Redirects are not followed: a POST turned into a GET elsewhere is not a delivery (3xx counts as failed).
    const response = await fetch(url, { method: "POST", headers, body, redirect: "manual", signal: controller.signal })
    await drain(response)
    return { status: response.status, retryAfterMillis: retryAfter(response.headers.get("retry-after"), Date.now()) }
  } catch (e) {
    if (controller.signal.reason instanceof Timeout) throw controller.signal.reason
    throw e
  } finally {
    clearTimeout(timer)
    interrupted.removeEventListener("abort", onInterrupt)
  }
}

/** A short description of a network error (undici puts the system error in `cause`). */
export const describe = (e: unknown): string => {
  const cause = (e as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause
  if (cause !== undefined && typeof cause.code === "string") return cause.code
  if (cause !== undefined && typeof cause.message === "string") return cause.message
  return e instanceof Error ? e.message : String(e)
}
