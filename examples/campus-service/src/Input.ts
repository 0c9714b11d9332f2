/**
 * Reading a request at the boundary: the actor headers, a JSON body and the query string, each decoded with the
 * core's `Validation.decode` (every problem reported, unknown fields refused) into a typed value or a 400 that
 * says what is wrong in Chinese and English.
 *
 * The actor comes from two headers standing in for the host's login: `x-actor` (the person's id) and
 * `x-roles` (comma-separated roles, e.g. `school-admin,school-signatory`). Header values are ASCII: a Chinese
 * name is sent percent-encoded (`x-actor: %E7%8E%8B%E8%80%81%E5%B8%88`) and decoded here.
 *
 * @since 0.1.0
 */
import { Errors, Validation } from "@chanjiao/core"
import type { Lifecycle } from "@chanjiao/core"
import type { HttpServerRequest } from "@effect/platform"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type * as Schema from "effect/Schema"
import { InvalidRequest, Unauthenticated } from "./Api.js"

/**
 * The core's `InvalidInput` as the API's 400.
 *
 * @since 0.1.0
 * @category errors
 */
export const invalid = (e: Errors.InvalidInput): InvalidRequest => new InvalidRequest({ entity: e.entity, messageZh: e.messageZh, messageEn: e.messageEn, issues: e.issues })

/**
 * A 400 with one located issue.
 *
 * @since 0.1.0
 * @category errors
 */
export const invalidAt = (entity: string, path: ReadonlyArray<string | number>, zh: string, en: string): InvalidRequest =>
  invalid(new Errors.InvalidInput({ entity, issues: [{ path, zh, en }] }))

const header = (request: HttpServerRequest.HttpServerRequest, name: string): string | undefined => {
  const v = request.headers[name]
  return v === undefined || v.trim() === "" ? undefined : v.trim()
}

const percentDecoded = (name: string, raw: string): Either.Either<string, InvalidRequest> => {
  try {
    return Either.right(decodeURIComponent(raw))
  } catch {
    return Either.left(invalidAt("Headers", [name], "请求头不是有效的百分号编码", "the header is not valid percent-encoding"))
  }
}

/**
 * The actor, when the request names one.
 *
 * @since 0.1.0
 * @category decoding
 */
export const optionalActor = (request: HttpServerRequest.HttpServerRequest): Effect.Effect<Lifecycle.Actor | undefined, InvalidRequest> =>
  Effect.suspend(() => {
    const raw = header(request, "x-actor")
    if (raw === undefined) return Effect.succeed(undefined)
    const id = percentDecoded("x-actor", raw)
    if (Either.isLeft(id)) return Effect.fail(id.left)
    const roles: Array<string> = []
    for (const part of (header(request, "x-roles") ?? "").split(",")) {
      const role = part.trim()
      if (role !== "") roles.push(role)
    }
    return Effect.succeed({ id: id.right, roles })
  })

/**
 * The actor, required: 401 without one.
 *
 * @since 0.1.0
 * @category decoding
 */
export const actor = (request: HttpServerRequest.HttpServerRequest): Effect.Effect<Lifecycle.Actor, InvalidRequest | Unauthenticated> =>
  Effect.flatMap(optionalActor(request), (a) =>
    a === undefined
      ? Effect.fail(new Unauthenticated({ messageZh: "缺少操作人：请在请求头 x-actor 中给出操作人编号（x-roles 给出角色）", messageEn: "no actor: give the actor's id in the x-actor header (and roles in x-roles)" }))
      : Effect.succeed(a)
  )

/**
 * The body as JSON, decoded with `schema`; also returns the parsed JSON (what a store write takes).
 *
 * @since 0.1.0
 * @category decoding
 */
export const body = <A, I>(request: HttpServerRequest.HttpServerRequest, schema: Schema.Schema<A, I, never>): Effect.Effect<{ readonly value: A; readonly json: unknown }, InvalidRequest> => {
  const decode = Validation.decode(schema)
  return Effect.flatMap(
    Effect.mapError(request.text, () => invalidAt("Body", [], "无法读取请求体", "the request body cannot be read")),
    (text) => {
      let json: unknown
      try {
        json = JSON.parse(text)
      } catch {
        return Effect.fail(invalidAt("Body", [], "请求体不是有效的 JSON", "the request body is not valid JSON"))
      }
      const r = decode(json)
      return Either.isLeft(r) ? Effect.fail(invalid(r.left)) : Effect.succeed({ value: r.right, json })
    }
  )
}

/**
 * The query string decoded with `schema` (a name given twice is a list).
 *
 * @since 0.1.0
 * @category decoding
 */
export const query = <A, I>(request: HttpServerRequest.HttpServerRequest, schema: Schema.Schema<A, I, never>): Effect.Effect<A, InvalidRequest> =>
  Effect.suspend(() => {
    const q = request.url.indexOf("?")
    const params = new URLSearchParams(q < 0 ? "" : request.url.slice(q + 1))
    const record: Record<string, string | Array<string>> = {}
    for (const key of new Set(params.keys())) {
      const all = params.getAll(key)
      record[key] = all.length === 1 ? all[0]! : all
    }
    return Either.mapLeft(Validation.decode(schema)(record), invalid)
  })
