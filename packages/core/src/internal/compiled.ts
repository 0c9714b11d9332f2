/**
 * A Schema's decoder compiled into plain closures: the road valid input takes.
 *
 * `Validation.decode` runs effect's `ParseResult` with `{ errors: "all", onExcessProperty: "error" }`. For input
 * that is valid, most of that work (an `Either` per node, the options threaded everywhere, the issue bookkeeping)
 * is not needed: this module walks the same AST with the same rules and returns the decoded value, or `FAIL`
 * the moment anything is off. A `FAIL` (or an exception) sends the input to effect's decoder, which then says
 * what is wrong, every problem of it. So the contract is one-sided:
 *
 *   compiled(input) !== FAIL  ⇒  effect's strict decode succeeds with the same value (same keys, same order).
 *
 * Each case mirrors `ParseResult.go` of effect 3.x for decoding (the lines it follows are named): the keyword
 * checks, refinements (`ast.filter`), transformations (`decode` of a `FinalTransformation`, the delete-then-set
 * of a `TypeLiteralTransformation`), unions (the same candidate order: members with a literal discriminator
 * that matches first, then the others; the first that decodes wins), tuples and arrays, structs and records with
 * excess keys an error. Whatever it does not handle (declarations, template literals, parse-option or
 * decoding-fallback annotations, non-string index signatures) makes `compile` give `undefined`, and the caller
 * keeps effect's decoder alone. A transformation whose `decode` is not synchronous fails here and goes there too.
 *
 * The property tests in `test/Validation.test.ts` (and the store's codec tests) compare both roads on generated
 * valid and broken input for every entity Schema.
 *
 * @internal
 */
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as AST from "effect/SchemaAST"

/** @internal */
export const FAIL: unique symbol = Symbol.for("@chanjiao/core/compiled/FAIL")

/** @internal */
export type Decoder = (input: unknown) => unknown

class Unsupported extends Error {}

const hasOwn = Object.prototype.hasOwnProperty
const isRecordOrArray = (u: unknown): u is { readonly [k: PropertyKey]: unknown } => typeof u === "object" && u !== null
const isRecord = (u: unknown): u is { readonly [k: PropertyKey]: unknown } => isRecordOrArray(u) && !Array.isArray(u)
const fail: Decoder = () => FAIL

/** `ParseResult.getLiterals` (decoding side): the required literal-typed properties of a union member. */
const literalsOf = (ast: AST.AST): ReadonlyArray<readonly [PropertyKey, AST.Literal]> => {
  switch (ast._tag) {
    case "Declaration": {
      const surrogate = AST.getSurrogateAnnotation(ast)
      return Option.isSome(surrogate) ? literalsOf(surrogate.value) : []
    }
    case "TypeLiteral": {
      const out: Array<readonly [PropertyKey, AST.Literal]> = []
      for (const ps of ast.propertySignatures) {
        const type = AST.encodedAST(ps.type)
        if (AST.isLiteral(type) && !ps.isOptional) out.push([ps.name, type])
      }
      return out
    }
    case "TupleType": {
      const out: Array<readonly [PropertyKey, AST.Literal]> = []
      ast.elements.forEach((e, i) => {
        const type = AST.encodedAST(e.type)
        if (AST.isLiteral(type) && !e.isOptional) out.push([i, type])
      })
      return out
    }
    case "Refinement":
      return literalsOf(ast.from)
    case "Suspend":
      return literalsOf(ast.f())
    case "Transformation":
      return literalsOf(ast.from)
    default:
      return []
  }
}

/** `ParseResult.getSearchTree` (decoding side), keeping only what decides the candidates' order. */
const searchTree = (members: ReadonlyArray<AST.AST>) => {
  const keys = new Map<PropertyKey, { readonly buckets: Map<string, Array<AST.AST>> }>()
  // effect keeps the keys in an object: integer-like keys first (ascending), then strings in insertion order,
  // then symbols. Reflect.ownKeys over an object built the same way gives that order back.
  const order: Record<PropertyKey, null> = {}
  const otherwise: Array<AST.AST> = []
  for (const member of members) {
    const tags = literalsOf(member)
    if (tags.length === 0) {
      otherwise.push(member)
      continue
    }
    for (let j = 0; j < tags.length; j++) {
      const [name, literal] = tags[j]!
      // A tuple's tag is at a number index: effect's object (and `order`) holds it as the string key.
      const key = typeof name === "number" ? String(name) : name
      const hash = String(literal.literal)
      // effect's plain objects misbehave here: a key Object.prototype has ("toString", "constructor", ...) makes
      // it throw while building its parser, and a "__proto__" bucket is never found (that member is never tried).
      if (key in Object.prototype || hash === "__proto__") throw new Unsupported()
      let entry = keys.get(key)
      if (entry === undefined) {
        keys.set(key, (entry = { buckets: new Map() }))
        order[key] = null
      }
      const bucket = entry.buckets.get(hash)
      if (bucket !== undefined) {
        if (j < tags.length - 1) continue
        bucket.push(member)
      } else {
        entry.buckets.set(hash, [member])
        break
      }
    }
  }
  return { keys: Reflect.ownKeys(order).map((k) => [k, keys.get(k)!.buckets] as const), otherwise }
}

interface Prop {
  readonly name: PropertyKey
  readonly optional: boolean
  readonly decode: Decoder
}

/** Whether `new Function` may be used here (a Content-Security-Policy without 'unsafe-eval' forbids it). */
let canGenerate: boolean | undefined
const generationAllowed = (): boolean => {
  if (canGenerate === undefined) {
    try {
      canGenerate = new Function("return 1")() === 1
    } catch {
      canGenerate = false
    }
  }
  return canGenerate
}

/**
 * A struct of string-named properties as straight-line code: constant property names let the engine cache its
 * lookups, where the loop below reads and writes through variable keys. The same checks: each property in
 * declaration order (an optional one only when present), then every own key must be a declared one (counted:
 * the declared keys found own must be all the own keys; checked last, which only changes which failure is
 * seen first, and a failure goes to effect's decoder anyway). The names go
 * in as JSON string literals; the property decoders are passed in, not written out. `undefined` when code cannot
 * be generated (symbol names, or `new Function` forbidden), and the loop is used.
 */
const generateStruct = (props: ReadonlyArray<Prop>): Decoder | undefined => {
  if (props.some((p) => typeof p.name !== "string") || !generationAllowed()) return undefined
  const names = props.map((p) => JSON.stringify(p.name))
  const body = [
    "if (typeof u !== 'object' || u === null || Array.isArray(u)) return FAIL",
    // n counts the declared keys that are own keys of u: all own keys are declared iff it reaches their number.
    "var n = 0, o = {}, r",
    ...props.map((p, i) =>
      p.optional
        ? `if (hasOwn.call(u, ${names[i]})) { n++; r = d[${i}](u[${names[i]}]); if (r === FAIL) return FAIL; o[${names[i]}] = r }`
        : `if (hasOwn.call(u, ${names[i]})) n++; r = d[${i}](u[${names[i]}]); if (r === FAIL) return FAIL; o[${names[i]}] = r`
    ),
    // Reflect.ownKeys(u).length, counted without building that list (engines list names far faster).
    "if (Object.getOwnPropertyNames(u).length + Object.getOwnPropertySymbols(u).length !== n) return FAIL",
    "return o"
  ].join("\n")
  try {
    const make = new Function("FAIL", "hasOwn", "d", `"use strict"; return function (u) {\n${body}\n}`) as (fail: typeof FAIL, has: typeof hasOwn, d: ReadonlyArray<Decoder>) => Decoder
    return make(FAIL, hasOwn, props.map((p) => p.decode))
  } catch {
    return undefined
  }
}

/**
 * Whether decoding a value this AST decoded gives it back structurally: no transformation, recursion or
 * declaration anywhere (their outputs need not decode to themselves), and no index signature (a "__proto__"
 * entry becomes a prototype on the first decoding and is gone on the second).
 */
const settled = (ast: AST.AST): boolean => {
  switch (ast._tag) {
    case "Transformation":
    case "Suspend":
    case "Declaration":
      return false
    case "Refinement":
      return settled(ast.from)
    case "Union":
      return ast.types.every(settled)
    case "TupleType":
      return ast.elements.every((e) => settled(e.type)) && ast.rest.every((r) => settled(r.type))
    case "TypeLiteral":
      return ast.indexSignatures.length === 0 && ast.propertySignatures.every((p) => settled(p.type))
    default:
      return true
  }
}

/**
 * Whether decoding gives back the input itself (or fails): then decoding the output again gives it back, whatever
 * the candidate order of a union. A union of structs need not: `typeAST` leaves it the same node, but a member
 * that refused the input (a filter seeing a missing key, a prototype) can accept the output, in its own key order.
 */
const passesThrough = (ast: AST.AST): boolean => {
  switch (ast._tag) {
    case "Literal":
    case "UniqueSymbol":
    case "Enums":
    case "UndefinedKeyword":
    case "NeverKeyword":
    case "UnknownKeyword":
    case "AnyKeyword":
    case "VoidKeyword":
    case "StringKeyword":
    case "NumberKeyword":
    case "BooleanKeyword":
    case "BigIntKeyword":
    case "SymbolKeyword":
    case "ObjectKeyword":
      return true
    case "Refinement":
      return passesThrough(ast.from)
    case "Union":
      return ast.types.every(passesThrough)
    default:
      return false
  }
}

/** The kinds of JavaScript value an AST can accept, as `ParseResult` tells them apart; `undefined`: any kind. */
const kindsOf = (ast: AST.AST): ReadonlyArray<string> | undefined => {
  switch (ast._tag) {
    case "Literal":
      return [ast.literal === null ? "null" : typeof ast.literal]
    case "UndefinedKeyword":
    case "VoidKeyword":
      return ["undefined"]
    case "StringKeyword":
    case "TemplateLiteral":
      return ["string"]
    case "NumberKeyword":
      return ["number"]
    case "BooleanKeyword":
      return ["boolean"]
    case "BigIntKeyword":
      return ["bigint"]
    case "SymbolKeyword":
    case "UniqueSymbol":
      return ["symbol"]
    case "Enums":
      return [...new Set(ast.enums.map(([, v]) => typeof v))]
    case "NeverKeyword":
      return []
    case "TupleType":
      return ["array"]
    case "TypeLiteral":
      // A struct accepts objects that are not arrays; the empty one anything but null and undefined.
      return ast.propertySignatures.length === 0 && ast.indexSignatures.length === 0 ? undefined : ["record"]
    case "Refinement":
      return kindsOf(ast.from)
    case "Union": {
      const all: Array<string> = []
      for (const t of ast.types) {
        const k = kindsOf(t)
        if (k === undefined) return undefined
        all.push(...k)
      }
      return all
    }
    default:
      return undefined
  }
}

/** Whether no kind of value is accepted by two of these members. */
const kindsDisjoint = (members: ReadonlyArray<AST.AST>): boolean => {
  const seen = new Set<string>()
  for (const m of members) {
    const kinds = kindsOf(m)
    if (kinds === undefined) return false
    for (const k of new Set(kinds)) {
      if (seen.has(k)) return false
      seen.add(k)
    }
  }
  return true
}

/**
 * Whether `to` is `AST.typeAST(from)` (up to annotations that do not change decoding), so that decoding a value
 * `from` decoded with `to` gives it back when `to` is `settled`: by induction — a transformation's output is
 * what its own `to` side decoded (and its type side is that side's), a refinement's output passed its filter
 * (the same function on both sides), a struct or tuple holds such values property by property. Unions count
 * only when untouched by `typeAST` (the same node) and `passesThrough`: otherwise a member that failed on the
 * input could accept the output (see `passesThrough`).
 */
const isTypeSide = (from: AST.AST, to: AST.AST): boolean => {
  if (from === to && passesThrough(from)) return true
  if (Option.isSome(AST.getParseOptionsAnnotation(to)) || Option.isSome(AST.getDecodingFallbackAnnotation(to))) return false
  switch (from._tag) {
    case "Union":
      // A union whose members accept disjoint kinds of value (an optional struct: a struct or undefined): a
      // decoded value is of the kind its member accepted, so decoding it again picks that member again.
      return from === to && kindsDisjoint(from.types) && from.types.every((m) => isTypeSide(m, m))
    case "Transformation":
      return isTypeSide(from.to, to)
    case "Refinement":
      return to._tag === "Refinement" && to.filter === from.filter && isTypeSide(from.from, to.from)
    case "TypeLiteral":
      return (
        to._tag === "TypeLiteral" &&
        from.indexSignatures.length === 0 &&
        to.indexSignatures.length === 0 &&
        from.propertySignatures.length === to.propertySignatures.length &&
        from.propertySignatures.every((p, i) => {
          const q = to.propertySignatures[i]!
          return p.name === q.name && p.isOptional === q.isOptional && isTypeSide(p.type, q.type)
        })
      )
    case "TupleType":
      return (
        to._tag === "TupleType" &&
        from.elements.length === to.elements.length &&
        from.rest.length === to.rest.length &&
        from.elements.every((e, i) => e.isOptional === to.elements[i]!.isOptional && isTypeSide(e.type, to.elements[i]!.type)) &&
        from.rest.every((r, i) => isTypeSide(r.type, to.rest[i]!.type))
      )
    case "Literal":
      return to._tag === "Literal" && to.literal === from.literal
    case "StringKeyword":
    case "NumberKeyword":
    case "BooleanKeyword":
    case "UndefinedKeyword":
    case "UnknownKeyword":
    case "AnyKeyword":
      return to._tag === from._tag
    default:
      return false
  }
}

const compileWith = (options: AST.ParseOptions) => {
  if (options.onExcessProperty !== "error" || options.exact === true || options.propertyOrder === "original") throw new Unsupported()
  const memo = new Map<AST.AST, Decoder>()

  const go = (ast: AST.AST): Decoder => {
    const known = memo.get(ast)
    if (known !== undefined) return known
    if (Option.isSome(AST.getParseOptionsAnnotation(ast)) || Option.isSome(AST.getDecodingFallbackAnnotation(ast))) throw new Unsupported()
    // A placeholder while compiling (a node reached again below itself only through `Suspend`, which is lazy).
    let self: Decoder | undefined
    memo.set(ast, (u) => self!(u))
    try {
      self = build(ast)
    } catch (e) {
      memo.delete(ast)
      throw e
    }
    memo.set(ast, self)
    return self
  }

  /** A struct (`ParseResult`'s TypeLiteral case) with the given property decoders and `ast`'s index signatures. */
  const struct = (ast: AST.TypeLiteral, props: ReadonlyArray<Prop>): Decoder => {
    // effect keeps the declared keys in a plain object; "__proto__" would behave oddly there: not ours to copy.
    if (props.some((p) => p.name === "__proto__")) throw new Unsupported()
    const declared = new Set<PropertyKey>(props.map((p) => p.name))
    if (ast.indexSignatures.length === 0) {
      const generated = generateStruct(props)
      if (generated !== undefined) return generated
    }
    const indexes = ast.indexSignatures.map((is) => {
      // Only string-keyed records (a string, or a refined string, as the key): effect reads their keys with
      // Object.keys. A key the parameter refuses is an excess key unless declared, and is not read as an entry.
      let base: AST.AST = is.parameter
      while (base._tag === "Refinement") base = base.from
      if (base._tag !== "StringKeyword") throw new Unsupported()
      return { key: go(is.parameter), value: go(is.type) }
    })
    return (u) => {
      if (!isRecord(u)) return FAIL
      const input = u
      // Reflect.ownKeys(input), as names then symbols (the same list, far faster to get).
      for (const keys of [Object.getOwnPropertyNames(input), Object.getOwnPropertySymbols(input)]) {
        for (const key of keys) {
          if (declared.has(key)) continue
          let expected = false
          for (let i = 0; i < indexes.length && !expected; i++) expected = indexes[i]!.key(key) !== FAIL
          if (!expected) return FAIL
        }
      }
      const out: Record<PropertyKey, unknown> = {}
      for (let i = 0; i < props.length; i++) {
        const p = props[i]!
        if (p.optional && !hasOwn.call(input, p.name)) continue
        const r = p.decode(input[p.name])
        if (r === FAIL) return FAIL
        out[p.name] = r
      }
      for (let i = 0; i < indexes.length; i++) {
        const { key: keyOf, value } = indexes[i]!
        for (const key of Object.keys(input)) {
          if (keyOf(key) === FAIL) continue
          const r = value(input[key])
          if (r === FAIL) return FAIL
          if (!declared.has(key)) out[key] = r
        }
      }
      return out
    }
  }

  /**
   * The type side of a struct with defaults, for values its encoded side has just decoded. effect decodes the
   * result of the defaults again with the type-side struct, whose properties are `typeAST` of the encoded
   * side's: the same AST node when the property holds no transformation (nor recursion). Decoding such a
   * property's value again — a value this same decoder just gave — checks the same values with the same
   * (pure) filters and copies them: it gives the value back, structurally. So those properties are taken as
   * they are; the transformed keys (a default) and every other property are decoded as effect does. Only for
   * properties whose decoded value cannot differ from a second decoding (`settled`); `undefined` when `to` is
   * not a plain struct.
   */
  const typeSideOf = (from: AST.TypeLiteral, to: AST.AST, moved: ReadonlySet<PropertyKey>): Decoder | undefined => {
    if (to._tag !== "TypeLiteral" || to.indexSignatures.length > 0 || to.propertySignatures.length === 0) return undefined
    if (Option.isSome(AST.getParseOptionsAnnotation(to)) || Option.isSome(AST.getDecodingFallbackAnnotation(to))) return undefined
    return struct(
      to,
      to.propertySignatures.map((tp) => {
        const fp = from.propertySignatures.find((p) => p.name === tp.name)
        const trusted = fp !== undefined && !moved.has(tp.name) && fp.isOptional === tp.isOptional && settled(tp.type) && isTypeSide(fp.type, tp.type)
        return { name: tp.name, optional: tp.isOptional, decode: trusted ? (u: unknown) => u : go(tp.type) }
      })
    )
  }

  const build = (ast: AST.AST): Decoder => {
    switch (ast._tag) {
      case "Literal": {
        const literal = ast.literal
        return (u) => (u === literal ? u : FAIL)
      }
      case "UniqueSymbol": {
        const symbol = ast.symbol
        return (u) => (u === symbol ? u : FAIL)
      }
      case "UndefinedKeyword":
        return (u) => (u === undefined ? u : FAIL)
      case "NeverKeyword":
        return fail
      case "UnknownKeyword":
      case "AnyKeyword":
      case "VoidKeyword":
        return (u) => u
      case "StringKeyword":
        return (u) => (typeof u === "string" ? u : FAIL)
      case "NumberKeyword":
        return (u) => (typeof u === "number" ? u : FAIL)
      case "BooleanKeyword":
        return (u) => (typeof u === "boolean" ? u : FAIL)
      case "BigIntKeyword":
        return (u) => (typeof u === "bigint" ? u : FAIL)
      case "SymbolKeyword":
        return (u) => (typeof u === "symbol" ? u : FAIL)
      case "ObjectKeyword":
        return (u) => (isRecordOrArray(u) || typeof u === "function" ? u : FAIL)
      case "Enums": {
        const values = ast.enums.map(([, v]) => v)
        return (u) => (values.some((v) => v === u) ? u : FAIL)
      }
      case "Refinement": {
        const from = go(ast.from)
        const filter = ast.filter
        return (u) => {
          const a = from(u)
          if (a === FAIL) return FAIL
          return Option.isNone(filter(a, options, ast)) ? a : FAIL
        }
      }
      case "Transformation": {
        const from = go(ast.from)
        const to = go(ast.to)
        const tr = ast.transformation
        switch (tr._tag) {
          case "FinalTransformation": {
            const decode = tr.decode
            return (u) => {
              const a = from(u)
              if (a === FAIL) return FAIL
              // Synchronous transformations answer with an Either; anything else goes to effect's decoder.
              const r: unknown = decode(a, options, ast, u)
              if (!Either.isEither(r) || Either.isLeft(r)) return FAIL
              return to(r.right)
            }
          }
          case "ComposeTransformation":
            return (u) => {
              const a = from(u)
              return a === FAIL ? FAIL : to(a)
            }
          case "TypeLiteralTransformation": {
            const steps = tr.propertySignatureTransformations
            // Defaults (each key transformed into itself) from a struct: effect deletes each key and sets it
            // again, which moves it last — and leaves the object in the engine's slow dictionary form for the
            // decoding that follows. The same object is built fresh instead: the other keys in their order,
            // then the transformed keys (those present or defaulted) in the transformations' order.
            let base: AST.AST = ast.from
            while (base._tag === "Refinement") base = base.from
            const moved = new Set<PropertyKey>(steps.map((p) => p.from))
            if (base._tag === "TypeLiteral" && steps.every((p) => p.from === p.to) && moved.size === steps.length) {
              const typeSide = ast.from._tag === "TypeLiteral" ? (typeSideOf(ast.from, ast.to, moved) ?? to) : to
              return (u) => {
                const a = from(u)
                if (a === FAIL) return FAIL
                if (!isRecord(a)) return FAIL
                const input = a as Record<PropertyKey, unknown>
                const proto: unknown = Object.getPrototypeOf(input)
                const out: Record<PropertyKey, unknown> = proto === Object.prototype ? {} : Object.create(proto as object | null)
                for (const keys of [Object.getOwnPropertyNames(input), Object.getOwnPropertySymbols(input)]) {
                  for (const key of keys) if (!moved.has(key)) out[key] = input[key]
                }
                for (const p of steps) {
                  const o = p.decode(hasOwn.call(input, p.from) ? Option.some(input[p.from]) : Option.none())
                  if (Option.isSome(o)) out[p.to] = o.value
                }
                return typeSide(out)
              }
            }
            return (u) => {
              const a = from(u)
              if (a === FAIL) return FAIL
              if (!isRecordOrArray(a)) return FAIL
              const input = a as Record<PropertyKey, unknown>
              for (const p of steps) {
                const o = p.decode(hasOwn.call(input, p.from) ? Option.some(input[p.from]) : Option.none())
                delete input[p.from]
                if (Option.isSome(o)) input[p.to] = o.value
              }
              return to(input)
            }
          }
        }
        throw new Unsupported()
      }
      case "Suspend": {
        let f: Decoder | undefined
        return (u) => {
          if (f === undefined) {
            try {
              f = go(ast.f())
            } catch (e) {
              if (!(e instanceof Unsupported)) throw e
              f = fail
            }
          }
          return f(u)
        }
      }
      case "Union": {
        // Literals only (an enumeration): effect tries them in order and gives back the input on the first
        // that is equal (===); one set lookup does the same (a set compares like === but for NaN, left out).
        if (ast.types.every((t) => t._tag === "Literal" && !Number.isNaN(t.literal) && Option.isNone(AST.getParseOptionsAnnotation(t)) && Option.isNone(AST.getDecodingFallbackAnnotation(t)))) {
          const literals = new Set(ast.types.map((t) => (t as AST.Literal).literal))
          return (u) => (literals.has(u as AST.LiteralValue) ? u : FAIL)
        }
        const tree = searchTree(ast.types)
        const decoders = new Map(ast.types.map((t) => [t, go(t)] as const))
        const otherwise = tree.otherwise.map((t) => decoders.get(t)!)
        if (tree.keys.length === 0) {
          return (u) => {
            for (let i = 0; i < otherwise.length; i++) {
              const r = otherwise[i]!(u)
              if (r !== FAIL) return r
            }
            return FAIL
          }
        }
        const keys = tree.keys.map(([key, buckets]) => [key, new Map([...buckets].map(([lit, ms]) => [lit, ms.map((m) => decoders.get(m)!)] as const))] as const)
        return (u) => {
          if (isRecordOrArray(u)) {
            for (let i = 0; i < keys.length; i++) {
              const [name, buckets] = keys[i]!
              if (!hasOwn.call(u, name)) continue
              const candidates = buckets.get(String(u[name]))
              if (candidates === undefined) continue
              for (let j = 0; j < candidates.length; j++) {
                const r = candidates[j]!(u)
                if (r !== FAIL) return r
              }
            }
          }
          for (let i = 0; i < otherwise.length; i++) {
            const r = otherwise[i]!(u)
            if (r !== FAIL) return r
          }
          return FAIL
        }
      }
      case "TupleType": {
        const elements = ast.elements.map((e) => go(e.type))
        const rest = ast.rest.map((r) => go(r.type))
        const requiredLen = ast.elements.filter((e) => !e.isOptional).length + Math.max(0, ast.rest.length - 1)
        const head = rest[0]
        const tail = rest.slice(1)
        return (u) => {
          if (!Array.isArray(u)) return FAIL
          const input: ReadonlyArray<unknown> = u
          const len = input.length
          if (len < requiredLen) return FAIL
          if (rest.length === 0 && len > elements.length) return FAIL
          const out: Array<unknown> = []
          let i = 0
          for (; i < elements.length; i++) {
            // A missing element: optional, or a required one the length check above has refused already.
            if (len < i + 1) continue
            const r = elements[i]!(input[i])
            if (r === FAIL) return FAIL
            out.push(r)
          }
          if (head !== undefined) {
            for (; i < len - tail.length; i++) {
              const r = head(input[i])
              if (r === FAIL) return FAIL
              out.push(r)
            }
            for (let j = 0; j < tail.length; j++) {
              const index = i + j
              if (len < index + 1) continue
              const r = tail[j]!(input[index])
              if (r === FAIL) return FAIL
              out.push(r)
            }
          }
          return out
        }
      }
      case "TypeLiteral": {
        if (ast.propertySignatures.length === 0 && ast.indexSignatures.length === 0) return (u) => (u === null || u === undefined ? FAIL : u)
        return struct(
          ast,
          ast.propertySignatures.map((ps) => ({ name: ps.name, optional: ps.isOptional, decode: go(ps.type) }))
        )
      }
      case "Declaration":
      case "TemplateLiteral":
        throw new Unsupported()
    }
  }

  return go
}

const caches = new WeakMap<AST.ParseOptions, WeakMap<AST.AST, Decoder | null>>()

/**
 * Compiles `ast` for decoding under `options` (which must have `onExcessProperty: "error"`), or `undefined` when
 * it holds something this module does not handle.
 *
 * @internal
 */
export const compile = (ast: AST.AST, options: AST.ParseOptions): Decoder | undefined => {
  let cache = caches.get(options)
  if (cache === undefined) caches.set(options, (cache = new WeakMap()))
  const known = cache.get(ast)
  if (known !== undefined) return known ?? undefined
  let decoder: Decoder | null
  try {
    decoder = compileWith(options)(ast)
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e
    decoder = null
  }
  cache.set(ast, decoder)
  return decoder ?? undefined
}
