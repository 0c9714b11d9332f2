/**
 * A struct schema seen as spreadsheet columns: nested structs are flattened into one column per leaf, lists of
 * scalars become one cell (items separated by 、), and whatever cannot be flat (lists of objects, extension
 * records, JSON values) is one JSON cell. Titles, descriptions, examples, enumerations and brands (dates,
 * ID numbers, mobile numbers) are read from the Schema's annotations — never from a hand-written copy.
 * @internal
 */
import { Entity } from "@chanjiao/core"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import type { Lang, Text } from "./text.js"

/** How a cell is written and read. */
export type Kind = "text" | "integer" | "number" | "boolean" | "date" | "enum" | "list" | "json"

/** A literal of an enumeration, with its Chinese label where the Schema's description gives one. */
export interface Option_ {
  readonly value: string
  readonly label: string | undefined
}

export interface Field {
  /** The property path inside the entity, e.g. `["unit", "name"]`. */
  readonly path: ReadonlyArray<string>
  readonly key: string
  /** The column header, unique within the entity. */
  readonly header: Text
  /** The field's own title, without the parents that make a header unique. */
  readonly title: Text
  /** What the field means beyond its title (from the description annotation), when it says more. */
  readonly description: Text | undefined
  readonly kind: Kind
  /** For lists: the kind of one item (`text`, `enum`, `date`, `integer`, `number`). */
  readonly item: Kind | undefined
  /** Required within its parent object. */
  readonly required: boolean
  /** Every enclosing object is required too (so the field is required in every row). */
  readonly always: boolean
  /** The enclosing optional objects, outermost first (a cell there is read only if its object has content). */
  readonly parents: ReadonlyArray<ReadonlyArray<string>>
  readonly options: ReadonlyArray<Option_>
  readonly brands: ReadonlyArray<string>
  readonly examples: ReadonlyArray<unknown>
  /** The value is a list (a `list` cell, or a JSON array): an empty cell reads as `[]` where the list is required. */
  readonly array: boolean
  readonly ast: AST.AST
}

/** Every brand on the way down a schema's refinements and transformations (`IsoDate`, `IdNumber`…). */
export const brandsOf = (ast: AST.AST): ReadonlyArray<string> => {
  const out: Array<string> = []
  let a: AST.AST | undefined = ast
  while (a !== undefined) {
    const b = AST.getBrandAnnotation(a)
    if (Option.isSome(b)) for (const x of b.value) if (typeof x === "string") out.push(x)
    a = a._tag === "Refinement" ? a.from : a._tag === "Transformation" ? a.from : undefined
  }
  return out
}

/** The struct under refinements, struct transformations (lists with defaults) and suspensions. */
export const structOf = (ast: AST.AST): AST.TypeLiteral | undefined => {
  switch (ast._tag) {
    case "TypeLiteral":
      return ast.indexSignatures.length === 0 && ast.propertySignatures.length > 0 ? ast : undefined
    case "Refinement":
      return structOf(ast.from)
    case "Transformation":
      return ast.transformation._tag === "TypeLiteralTransformation" ? structOf(ast.from) : undefined
    case "Suspend":
      return structOf(ast.f())
    default:
      return undefined
  }
}

/** `S | undefined` (an optional property's type) without the `undefined`. */
export const defined = (ast: AST.AST): AST.AST => {
  if (ast._tag !== "Union") return ast
  const rest = ast.types.filter((t) => t._tag !== "UndefinedKeyword")
  return rest.length === ast.types.length ? ast : rest.length === 1 ? rest[0]! : AST.Union.make(rest, ast.annotations)
}

const literalsOf = (ast: AST.AST): ReadonlyArray<string> | undefined => {
  if (ast._tag === "Literal") return typeof ast.literal === "string" ? [ast.literal] : undefined
  if (ast._tag === "Union") {
    const out: Array<string> = []
    for (const m of ast.types) {
      const l = literalsOf(m)
      if (l === undefined) return undefined
      out.push(...l)
    }
    return out
  }
  if (ast._tag === "Refinement") return literalsOf(ast.from)
  return undefined
}

const isInteger = (ast: AST.AST): boolean => {
  let a: AST.AST | undefined = ast
  while (a !== undefined) {
    const js = a.annotations[AST.JSONSchemaAnnotationId] as { readonly type?: unknown } | undefined
    if (js?.type === "integer") return true
    a = a._tag === "Refinement" ? a.from : undefined
  }
  return false
}

/** The base keyword under refinements and (normalising) transformations. */
const base = (ast: AST.AST): AST.AST => {
  switch (ast._tag) {
    case "Refinement":
      return base(ast.from)
    case "Transformation":
      return structOf(ast) === undefined ? base(ast.to) : ast
    case "Suspend":
      return base(ast.f())
    default:
      return ast
  }
}

/** The kind of a leaf (a field that is not a nested struct). */
export const kindOf = (ast: AST.AST): { readonly kind: Kind; readonly item: Kind | undefined; readonly options: ReadonlyArray<string> } => {
  if (brandsOf(ast).includes("IsoDate")) return { kind: "date", item: undefined, options: [] }
  const lits = literalsOf(ast)
  if (lits !== undefined && lits.length > 0) return { kind: "enum", item: undefined, options: lits }
  const b = base(ast)
  switch (b._tag) {
    case "StringKeyword":
      return { kind: "text", item: undefined, options: [] }
    case "NumberKeyword":
      return { kind: isInteger(ast) ? "integer" : "number", item: undefined, options: [] }
    case "BooleanKeyword":
      return { kind: "boolean", item: undefined, options: [] }
    case "TupleType": {
      const rest = b.elements.length === 0 && b.rest.length === 1 ? b.rest[0]!.type : undefined
      if (rest !== undefined && structOf(rest) === undefined) {
        const item = kindOf(rest)
        if (item.kind === "text" || item.kind === "enum" || item.kind === "date" || item.kind === "integer" || item.kind === "number") {
          return { kind: "list", item: item.kind, options: item.options }
        }
      }
      return { kind: "json", item: undefined, options: [] }
    }
    default:
      return { kind: "json", item: undefined, options: [] }
  }
}

/** The item schema of a list field. */
export const itemOf = (ast: AST.AST): AST.AST | undefined => {
  const b = base(ast)
  return b._tag === "TupleType" && b.rest.length === 1 ? b.rest[0]!.type : undefined
}

/** Splits "中文说明 — English" descriptions; our own titles carry an English title annotation. */
const textOf = (ast: AST.AST, key: string): { title: Text; description: Text | undefined } => {
  const zh = Option.getOrUndefined(AST.getTitleAnnotation(ast))
  const en = Entity.titleEn(Schema.make(ast))
  // Effect's own schemas carry titles such as "string" or "minLength(1)": only ours (with an English title) count.
  const title = zh !== undefined && en !== undefined ? { zh, en } : { zh: key, en: key }
  const d = Option.getOrUndefined(AST.getDescriptionAnnotation(ast))
  if (d === undefined) return { title, description: undefined }
  const at = d.lastIndexOf(" — ")
  const dz = at < 0 ? d : d.slice(0, at)
  const de = at < 0 ? "" : d.slice(at + 3)
  const same = dz === title.zh && (de === "" || de === title.en)
  return { title, description: same ? undefined : { zh: dz, en: de === title.en ? "" : de } }
}

/**
 * Chinese labels of literals, from descriptions written `post 岗位实习；observation 认识实习` (or with ` / `).
 * A label used by two literals is dropped (it could not be read back).
 */
const labelsOf = (ast: AST.AST, literals: ReadonlyArray<string>): ReadonlyArray<Option_> => {
  const found = new Map<string, string>()
  const d = Option.getOrUndefined(AST.getDescriptionAnnotation(ast))
  const zh = d === undefined ? "" : d.includes(" — ") ? d.slice(0, d.lastIndexOf(" — ")) : d
  for (const segment of zh.split(/[；;]|\s\/\s/)) {
    const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s+(\S.*?)\s*$/.exec(segment)
    // A trailing rule id (`劳务派遣（INT-AGENCY-BAN）`) is a cross-reference, not part of the label.
    if (m !== null && literals.includes(m[1]!) && !found.has(m[1]!)) found.set(m[1]!, m[2]!.replace(/[（(][A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+[）)]$/, ""))
  }
  const counts = new Map<string, number>()
  for (const l of found.values()) counts.set(l, (counts.get(l) ?? 0) + 1)
  return literals.map((value) => {
    const label = found.get(value)
    return { value, label: label !== undefined && counts.get(label) === 1 && !literals.includes(label) ? label : undefined }
  })
}

const examplesOf = (ast: AST.AST): ReadonlyArray<unknown> => Option.getOrElse(AST.getExamplesAnnotation(ast), () => [] as ReadonlyArray<unknown>)

interface Raw {
  readonly path: ReadonlyArray<string>
  readonly titles: ReadonlyArray<Text>
  readonly own: Text
  readonly description: Text | undefined
  readonly required: boolean
  readonly always: boolean
  readonly parents: ReadonlyArray<ReadonlyArray<string>>
  readonly ast: AST.AST
}

const collect = (
  ast: AST.AST,
  path: ReadonlyArray<string>,
  titles: ReadonlyArray<Text>,
  always: boolean,
  parents: ReadonlyArray<ReadonlyArray<string>>,
  out: Array<Raw>
): void => {
  const struct = structOf(ast)
  if (struct === undefined) return
  for (const ps of struct.propertySignatures) {
    if (typeof ps.name !== "string") continue
    const type = defined(ps.type)
    const { title, description } = textOf(type, ps.name)
    const here = [...path, ps.name]
    const required = !ps.isOptional
    if (structOf(type) !== undefined) {
      collect(type, here, [...titles, title], always && required, required ? parents : [...parents, here], out)
    } else {
      out.push({ path: here, titles, own: title, description, required, always: always && required, parents, ast: type })
    }
  }
}

/** Headers unique within the entity: a title shared by several fields is qualified by its parents' titles. */
const unique = (raws: ReadonlyArray<Raw>, lang: Lang): ReadonlyArray<string> => {
  const own = raws.map((r) => r.own[lang])
  const headers = [...own]
  const groups = new Map<string, Array<number>>()
  own.forEach((h, i) => groups.set(h, [...(groups.get(h) ?? []), i]))
  for (const members of groups.values()) {
    if (members.length < 2) continue
    // The one closest to the top keeps its own title when it is the only one at that depth.
    const depth = Math.min(...members.map((i) => raws[i]!.path.length))
    const top = members.filter((i) => raws[i]!.path.length === depth)
    for (const i of members) {
      if (top.length === 1 && top[0] === i) continue
      headers[i] = [...raws[i]!.titles.map((t) => t[lang]), own[i]!].join("·")
    }
  }
  // Still the same (identical parent titles): the property path decides.
  const seen = new Map<string, number>()
  headers.forEach((h) => seen.set(h, (seen.get(h) ?? 0) + 1))
  return headers.map((h, i) => (seen.get(h)! > 1 ? `${h}（${raws[i]!.path.join(".")}）` : h))
}

const cache = new WeakMap<AST.AST, ReadonlyArray<Field>>()

/** The columns of a struct schema (an entity), in the order of its fields. */
export const fieldsOf = (ast: AST.AST): ReadonlyArray<Field> => {
  const hit = cache.get(ast)
  if (hit !== undefined) return hit
  const raws: Array<Raw> = []
  collect(ast, [], [], true, [], raws)
  const zh = unique(raws, "zh")
  const en = unique(raws, "en")
  const fields = raws.map((r, i): Field => {
    const k = kindOf(r.ast)
    const item = k.kind === "list" ? itemOf(r.ast) : undefined
    return {
      path: r.path,
      key: r.path.join("."),
      header: { zh: zh[i]!, en: en[i]! },
      title: r.own,
      description: r.description,
      kind: k.kind,
      item: k.item,
      required: r.required,
      always: r.always,
      parents: r.parents,
      options: k.options.length === 0 ? [] : labelsOf(item ?? r.ast, k.options),
      brands: brandsOf(item ?? r.ast),
      examples: examplesOf(r.ast),
      array: base(r.ast)._tag === "TupleType",
      ast: r.ast
    }
  })
  cache.set(ast, fields)
  return fields
}

/** Reads the value at a path (undefined when a parent is missing). */
export const getPath = (value: unknown, path: ReadonlyArray<string>): unknown => {
  let v: unknown = value
  for (const p of path) {
    if (v === null || typeof v !== "object") return undefined
    v = (v as Record<string, unknown>)[p]
  }
  return v
}

/** Sets a value at a path, creating the parent objects. */
export const setPath = (target: Record<string, unknown>, path: ReadonlyArray<string>, value: unknown): void => {
  let o = target
  for (let i = 0; i < path.length - 1; i++) {
    const p = path[i]!
    const next = o[p]
    if (next === null || typeof next !== "object") {
      const created: Record<string, unknown> = {}
      o[p] = created
      o = created
    } else o = next as Record<string, unknown>
  }
  o[path[path.length - 1]!] = value
}
