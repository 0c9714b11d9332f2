/**
 * Masking of personal numbers, walking a value with its schema.
 * @internal
 */
import { Identity } from "@chanjiao/core"
import * as AST from "effect/SchemaAST"
import { brandsOf, structOf } from "./fields.js"
import { put } from "./json.js"

// An 18-character ID number or an 11-digit mobile number standing alone (not inside a longer code).
const idLike = /(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])/g
const mobileLike = /(?<![0-9A-Za-z])(?:(\+?86[ -]?))?(1[3-9]\d)[ -]?\d{4}[ -]?(\d{4})(?![0-9A-Za-z])/g

/** Masks anything in free text shaped like an ID number or a mobile number. */
export const text = (s: string): string =>
  s.replace(idLike, (_, head: string, tail: string) => `${head}********${tail}`).replace(mobileLike, (_, cc: string | undefined, head: string, tail: string) => `${cc ?? ""}${head}****${tail}`)

/** Which personal number a schema holds, by its brand. */
export const personal = (ast: AST.AST): "id" | "mobile" | undefined => {
  const brands = brandsOf(ast)
  return brands.includes("IdNumber") ? "id" : brands.includes("MobileNumber") ? "mobile" : undefined
}

/** Untyped JSON (extension fields): strings are scanned as free text. */
export const json = (v: unknown): unknown => {
  if (typeof v === "string") return text(v)
  if (Array.isArray(v)) return v.map(json)
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v)) put(out, k, json(x))
    return out
  }
  return v
}

const shapeOf = (ast: AST.AST): string => {
  switch (ast._tag) {
    case "Refinement":
      return shapeOf(ast.from)
    case "Transformation":
      return structOf(ast) !== undefined ? "TypeLiteral" : shapeOf(ast.to)
    case "Suspend":
      return shapeOf(ast.f())
    case "StringKeyword":
    case "TemplateLiteral":
      return "string"
    case "Literal":
      return typeof ast.literal
    case "NumberKeyword":
      return "number"
    case "BooleanKeyword":
      return "boolean"
    default:
      return ast._tag
  }
}

/** A copy of a (decoded) value of a schema with every personal number masked, at any depth. */
export const walk = (ast: AST.AST, v: unknown): unknown => {
  if (v === undefined || v === null) return v
  const p = personal(ast)
  if (p !== undefined && typeof v === "string") return p === "id" ? Identity.maskIdNumber(v) : Identity.maskMobile(v)
  switch (ast._tag) {
    case "Refinement":
      return walk(ast.from, v)
    case "Suspend":
      return walk(ast.f(), v)
    case "Transformation":
      return walk(structOf(ast) !== undefined ? ast.from : ast.to, v)
    case "TypeLiteral": {
      if (typeof v !== "object" || Array.isArray(v)) return v
      const src = v as Record<string, unknown>
      const out: Record<string, unknown> = {}
      for (const k of Object.keys(src)) put(out, k, src[k])
      const known = new Set<string>()
      for (const ps of ast.propertySignatures) {
        if (typeof ps.name !== "string") continue
        known.add(ps.name)
        if (ps.name in src) out[ps.name] = walk(ps.type, src[ps.name])
      }
      if (ast.indexSignatures.length > 0) for (const k of Object.keys(src)) if (!known.has(k)) put(out, k, json(src[k]))
      return out
    }
    case "TupleType": {
      if (!Array.isArray(v)) return v
      const rest = ast.rest[0]?.type
      return v.map((x, i) => {
        const t = ast.elements[i]?.type ?? rest
        return t === undefined ? x : walk(t, x)
      })
    }
    case "Union": {
      // The member of the value's shape (an optional field is `S | undefined`); JSON unions are scanned as text.
      const shape = Array.isArray(v) ? "TupleType" : typeof v === "object" ? "TypeLiteral" : typeof v
      for (const m of ast.types) {
        if (m._tag === "UndefinedKeyword") continue
        if (shapeOf(m) === shape || (shape === "string" && personal(m) !== undefined)) return walk(m, v)
      }
      return json(v)
    }
    default:
      return v
  }
}

/** Whether anything under a schema can hold a personal number or untyped text (so masking must look inside). */
export const mayHold = (ast: AST.AST, seen: Set<AST.AST> = new Set()): boolean => {
  if (seen.has(ast)) return false
  seen.add(ast)
  if (personal(ast) !== undefined) return true
  switch (ast._tag) {
    case "Refinement":
      return mayHold(ast.from, seen)
    case "Suspend":
      return true
    case "Transformation":
      return mayHold(ast.from, seen) || mayHold(ast.to, seen)
    case "TypeLiteral":
      return ast.indexSignatures.length > 0 || ast.propertySignatures.some((ps) => mayHold(ps.type, seen))
    case "TupleType":
      return ast.elements.some((e) => mayHold(e.type, seen)) || ast.rest.some((r) => mayHold(r.type, seen))
    case "Union":
      return ast.types.some((m) => mayHold(m, seen))
    default:
      return false
  }
}
