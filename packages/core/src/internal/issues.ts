/**
 * Turns Effect's ParseIssue tree into a flat list of bilingual, located problems.
 * @internal
 */
import * as Option from "effect/Option"
import type * as ParseResult from "effect/ParseResult"
import * as AST from "effect/SchemaAST"
import type { Text } from "../Text.js"
import { Diagnose, type Diagnosis, TitleEn } from "./annotations.js"

export interface FlatIssue {
  readonly path: ReadonlyArray<string | number>
  readonly zh: string
  readonly en: string
  readonly value: unknown
}

const show = (u: unknown): string => {
  try {
    return showUnsafe(u)
  } catch {
    return "(无法显示 unreadable)"
  }
}

const showUnsafe = (u: unknown): string => {
  if (u === undefined) return "undefined"
  if (typeof u === "string") return JSON.stringify(u.length > 60 ? `${u.slice(0, 57)}...` : u)
  if (typeof u === "number" || typeof u === "boolean" || u === null) return String(u)
  if (Array.isArray(u)) return `[…${u.length}]`
  if (typeof u === "object") return "{…}"
  return typeof u
}

// Only our own titles are for people: Effect's built-in schemas carry titles such as "string" or "minLength(1)".
const titled = (ast: AST.Annotated): Text | undefined => {
  const title = AST.getTitleAnnotation(ast)
  const en = ast.annotations[TitleEn]
  if (Option.isNone(title) || typeof en !== "string") return undefined
  return { zh: title.value, en }
}

/** What kind of value a schema expects, for "expected a number" messages. */
const kindOf = (ast: AST.AST): Text | undefined => {
  switch (ast._tag) {
    case "StringKeyword":
      return { zh: "文本", en: "text" }
    case "NumberKeyword":
      return { zh: "数字", en: "a number" }
    case "BooleanKeyword":
      return { zh: "是/否（true/false）", en: "true or false" }
    case "TypeLiteral":
      return { zh: "对象", en: "an object" }
    case "TupleType":
      return { zh: "列表", en: "a list" }
    case "UndefinedKeyword":
      return { zh: "不填", en: "nothing" }
    case "Refinement":
      return kindOf(ast.from)
    case "Transformation":
      return kindOf(ast.from)
    case "Suspend":
      return kindOf(ast.f())
    case "Declaration":
      return undefined
    default:
      return undefined
  }
}

/** The value a refinement saw: after a normalising transformation, not the raw input. */
const refinedActual = (issue: ParseResult.Refinement): unknown =>
  issue.kind === "Predicate" && issue.issue._tag === "Type" ? issue.issue.actual : issue.actual

const literals = (ast: AST.AST): ReadonlyArray<AST.LiteralValue> | undefined => {
  if (ast._tag === "Literal") return [ast.literal]
  if (ast._tag === "Union") {
    const out: Array<AST.LiteralValue> = []
    for (const m of ast.types) {
      const l = literals(m)
      if (l === undefined) return undefined
      out.push(...l)
    }
    return out
  }
  return undefined
}

const isEmptyMember = (i: ParseResult.ParseIssue): boolean =>
  i._tag === "Type" && (i.ast._tag === "UndefinedKeyword" || (i.ast._tag === "Literal" && i.ast.literal === null))

export const label = (ast: AST.AST): Text => {
  const t = titled(ast)
  if (t !== undefined) return t
  const lits = literals(ast)
  if (lits !== undefined) {
    const list = lits.map((l) => JSON.stringify(l)).join(lits.length > 1 ? "、" : "")
    return lits.length > 1 ? { zh: `以下之一：${list}`, en: `one of ${lits.map((l) => JSON.stringify(l)).join(", ")}` } : { zh: list, en: list }
  }
  switch (ast._tag) {
    case "StringKeyword":
      return { zh: "文本", en: "a string" }
    case "NumberKeyword":
      return { zh: "数字", en: "a number" }
    case "BooleanKeyword":
      return { zh: "布尔值（true/false）", en: "a boolean" }
    case "TypeLiteral":
      return { zh: "对象", en: "an object" }
    case "TupleType":
      return { zh: "列表", en: "an array" }
    case "UndefinedKeyword":
      return { zh: "不填", en: "nothing" }
    case "Refinement":
      return label(ast.from)
    case "Transformation":
      return label(ast.to)
    case "Suspend":
      return label(ast.f())
    default:
      return { zh: "有效值", en: "a valid value" }
  }
}

/** Bilingual text for a failed built-in refinement, read from its JSON Schema annotation. */
const fromJsonSchema = (ast: AST.Refinement, actual: unknown): Text | undefined => {
  const js = AST.getJSONSchemaAnnotation(ast)
  if (Option.isNone(js)) return undefined
  const j = js.value as Record<string, unknown>
  if (j["type"] === "integer") return { zh: "必须是整数", en: "must be an integer" }
  // Name the bound the value broke (a range has both).
  const n = typeof actual === "number" ? actual : Number.NaN
  const min = j["minimum"]
  const max = j["maximum"]
  const range = typeof min === "number" && typeof max === "number" ? { zh: `（范围 ${min}–${max}）`, en: ` (range ${min}–${max})` } : { zh: "", en: "" }
  if (typeof max === "number" && n > max) return { zh: `不能大于 ${max}${range.zh}`, en: `must be at most ${max}${range.en}` }
  if (typeof min === "number" && !(n >= min)) return { zh: `不能小于 ${min}${range.zh}`, en: `must be at least ${min}${range.en}` }
  if (typeof j["exclusiveMinimum"] === "number") return { zh: `必须大于 ${j["exclusiveMinimum"]}`, en: `must be greater than ${j["exclusiveMinimum"]}` }
  if (typeof j["exclusiveMaximum"] === "number") return { zh: `必须小于 ${j["exclusiveMaximum"]}`, en: `must be less than ${j["exclusiveMaximum"]}` }
  if (j["pattern"] === "^\\S[\\s\\S]*\\S$|^\\S$|^$") return { zh: "首尾不能有空格", en: "must not start or end with spaces" }
  if (j["minLength"] === 1 || j["minItems"] === 1) return { zh: "不能为空", en: "must not be empty" }
  if (typeof j["minLength"] === "number") return { zh: `至少 ${j["minLength"]} 个字符`, en: `must have at least ${j["minLength"]} characters` }
  if (typeof j["maxLength"] === "number") return { zh: `最多 ${j["maxLength"]} 个字符`, en: `must have at most ${j["maxLength"]} characters` }
  if (typeof j["minItems"] === "number") return { zh: `至少 ${j["minItems"]} 项`, en: `must have at least ${j["minItems"]} items` }
  if (typeof j["maxItems"] === "number") return { zh: `最多 ${j["maxItems"]} 项`, en: `must have at most ${j["maxItems"]} items` }
  if (typeof j["pattern"] === "string") return { zh: `格式不符合 ${j["pattern"]}`, en: `must match ${j["pattern"]}` }
  return undefined
}

const refinementText = (issue: ParseResult.Refinement, context: Text | undefined): Text => {
  const actual = refinedActual(issue)
  const diagnose = issue.ast.annotations[Diagnose] as Diagnosis | undefined
  const diagnosed = diagnose?.(actual)
  if (diagnosed !== undefined) return diagnosed
  const builtIn = fromJsonSchema(issue.ast, actual)
  const what = context ?? titled(issue.ast)
  if (builtIn !== undefined) {
    return what
      ? { zh: `“${what.zh}”${builtIn.zh}，实际为 ${show(actual)}`, en: `${what.en} ${builtIn.en}, got ${show(actual)}` }
      : { zh: `${builtIn.zh}，实际为 ${show(actual)}`, en: `${builtIn.en}, got ${show(actual)}` }
  }
  // A filter that returned its own message (our cross-field checks put "中文 / English" there).
  const inner = issue.issue
  const msg = inner._tag === "Type" ? inner.message : undefined
  if (msg !== undefined) {
    const [zh, en] = msg.includes(" / ") ? msg.split(" / ", 2) : [msg, msg]
    return { zh: zh!, en: en! }
  }
  const desc = AST.getDescriptionAnnotation(issue.ast)
  const d = Option.isSome(desc) ? desc.value : "constraint"
  return { zh: `不满足要求（${d}），实际为 ${show(issue.actual)}`, en: `does not satisfy ${d}, got ${show(issue.actual)}` }
}

const walk = (
  issue: ParseResult.ParseIssue,
  path: ReadonlyArray<string | number>,
  context: Text | undefined,
  out: Array<FlatIssue>
): void => {
  switch (issue._tag) {
    case "Pointer": {
      const segments: ReadonlyArray<PropertyKey> = Array.isArray(issue.path) ? issue.path : [issue.path as PropertyKey]
      const next = [...path, ...segments.map((s: PropertyKey) => (typeof s === "symbol" ? String(s) : s))]
      walk(issue.issue, next, undefined, out)
      return
    }
    case "Missing": {
      const key = path[path.length - 1]
      const ast = issue.ast as AST.Annotated & { readonly type?: AST.AST }
      const what = titled(ast) ?? (ast.type !== undefined ? titled(ast.type) : undefined)
      out.push({
        path,
        zh: what ? `缺少必填项“${what.zh}”（${String(key)}）` : `缺少必填项“${String(key)}”`,
        en: `required field "${String(key)}" is missing`,
        value: undefined
      })
      return
    }
    case "Unexpected": {
      const key = path[path.length - 1]
      out.push({
        path,
        zh: `不认识的字段“${String(key)}”（宿主系统自有数据请放在 extensions 中）`,
        en: `unknown field "${String(key)}" (put the host system's own data under "extensions")`,
        value: issue.actual
      })
      return
    }
    case "Forbidden":
      out.push({ path, zh: "无法同步校验该值", en: "this value cannot be checked synchronously", value: issue.actual })
      return
    case "Type": {
      const expected = context ?? label(issue.ast)
      if (issue.message !== undefined && issue.message.includes(" / ")) {
        const [zh, en] = issue.message.split(" / ", 2)
        out.push({ path, zh: zh!, en: en!, value: issue.actual })
        return
      }
      const kind = kindOf(issue.ast)
      if (kind !== undefined && context !== undefined) {
        out.push({
          path,
          zh: `“${context.zh}”应为${kind.zh}，实际为 ${show(issue.actual)}`,
          en: `${context.en} must be ${kind.en}, got ${show(issue.actual)}`,
          value: issue.actual
        })
        return
      }
      out.push({
        path,
        zh: `应为${kind?.zh ?? expected.zh}，实际为 ${show(issue.actual)}`,
        en: `expected ${kind?.en ?? expected.en}, got ${show(issue.actual)}`,
        value: issue.actual
      })
      return
    }
    case "Refinement": {
      const ctx = context ?? titled(issue.ast)
      if (issue.kind === "From") walk(issue.issue, path, ctx, out)
      else {
        const t = refinementText(issue, context)
        out.push({ path, zh: t.zh, en: t.en, value: issue.actual })
      }
      return
    }
    case "Transformation":
      walk(issue.issue, path, context ?? titled(issue.ast), out)
      return
    case "Composite": {
      const issues = Array.isArray(issue.issues) ? issue.issues : [issue.issues as ParseResult.ParseIssue]
      if (issue.ast._tag === "Union") {
        // An optional or nullable field is a union with undefined/null: report the real member's problem.
        const real = issues.filter((i: ParseResult.ParseIssue) => !isEmptyMember(i))
        if (real.length === 1 && literals(issue.ast) === undefined) {
          walk(real[0]!, path, context, out)
          return
        }
        // Of several members, the one the value matched in shape (it failed deeper inside) says most.
        const deeper = real.filter((i: ParseResult.ParseIssue) => i._tag !== "Type")
        const shaped =
          deeper.length === 1
            ? deeper[0]
            : deeper.find((i: ParseResult.ParseIssue) => {
                const ast = "ast" in i ? (i.ast as { readonly _tag?: string }) : undefined
                return ast?._tag === (Array.isArray(issue.actual) ? "TupleType" : "TypeLiteral")
              })
        if (shaped !== undefined && literals(issue.ast) === undefined) {
          walk(shaped, path, context, out)
          return
        }
        const expected = context ?? label(issue.ast)
        const lits = literals(issue.ast)
        const allowed = lits?.filter((l) => l !== null && l !== undefined)
        // A union of structs fails once for each member; one message naming what was expected reads better.
        out.push({
          path,
          zh: lits
            ? `应为${expected.zh}（可选值：${allowed!.map((l) => JSON.stringify(l)).join("、")}），实际为 ${show(issue.actual)}`
            : `不符合“${expected.zh}”的任何一种形式`,
          en: lits
            ? `expected ${expected.en} (one of ${allowed!.map((l) => JSON.stringify(l)).join(", ")}), got ${show(issue.actual)}`
            : `does not match any form of ${expected.en}`,
          value: issue.actual
        })
        return
      }
      for (const i of issues) walk(i, path, undefined, out)
      return
    }
  }
}

export const flatten = (issue: ParseResult.ParseIssue): ReadonlyArray<FlatIssue> => {
  const out: Array<FlatIssue> = []
  walk(issue, [], undefined, out)
  return out
}
