/**
 * The store's errors: each says what is wrong in Chinese and English, and none carries a driver's error type
 * (the cause is kept for diagnostics only).
 *
 * @since 0.1.0
 */
import { Errors as CoreErrors } from "@chanjiao/core"
import * as Schema from "effect/Schema"

/**
 * Why a store operation failed.
 *
 * - `not-found`: the aggregate does not exist.
 * - `conflict`: a concurrent change won (see also {@link Conflict}, which carries the current version).
 * - `constraint`: a uniqueness or integrity rule of the data (a natural key held by another record).
 * - `unavailable`: the database cannot be reached, or a connection was lost.
 * - `migration`: the schema could not be brought up to date.
 * - `corrupt`: a stored row no longer decodes with its Schema.
 * - `invalid`: the call or the configuration is wrong (an expected version that is not a whole number, a lease
 *   out of range, text a database cannot store, an unknown url scheme, a bad table prefix): fix the caller.
 * - `unknown`: anything else the driver reported.
 *
 * @since 0.1.0
 * @category models
 */
export const Reason = Schema.Literal("not-found", "conflict", "constraint", "unavailable", "migration", "corrupt", "invalid", "unknown")

/**
 * @since 0.1.0
 * @category models
 */
export type Reason = typeof Reason.Type

const reasonZh: Record<Reason, string> = {
  "not-found": "记录不存在",
  conflict: "数据已被他人修改",
  constraint: "违反数据唯一性或完整性约束",
  unavailable: "数据库不可用",
  migration: "数据库结构升级失败",
  corrupt: "存储的数据已损坏，无法解析",
  invalid: "调用参数或配置无效",
  unknown: "存储出错"
}

/**
 * A storage failure, with a reason and messages; `cause` keeps the driver's error for logs.
 *
 * @since 0.1.0
 * @category errors
 */
export class StoreError extends Schema.TaggedError<StoreError>("@chanjiao/store/StoreError")("StoreError", {
  reason: Reason,
  /** What was being done, in English: `insert teacher t-1`. */
  operation: Schema.String,
  detail: Schema.optional(Schema.String),
  cause: Schema.optional(Schema.Unknown)
}) {
  /** One sentence in Chinese. */
  get messageZh(): string {
    return `${reasonZh[this.reason]}（${this.operation}）${this.detail === undefined ? "" : `：${this.detail}`}`
  }
  /** One sentence in English. */
  get messageEn(): string {
    return `${this.reason}: ${this.operation}${this.detail === undefined ? "" : ` — ${this.detail}`}`
  }
  override get message(): string {
    return `${this.messageZh} / ${this.messageEn}`
  }
}

/**
 * A stale write: the caller read `expected`, the store holds `current` (0 when the aggregate does not exist,
 * for a creation that found it missing — or the version it has, for one that found it there).
 *
 * @since 0.1.0
 * @category errors
 */
export class Conflict extends Schema.TaggedError<Conflict>("@chanjiao/store/Conflict")("Conflict", {
  type: Schema.String,
  id: Schema.String,
  expected: Schema.Number,
  current: Schema.Number
}) {
  get messageZh(): string {
    return this.expected === 0
      ? `${this.type} ${this.id} 已存在（当前版本 ${this.current}），不能重复创建`
      : `${this.type} ${this.id} 已被他人修改：读取时为第 ${this.expected} 版，现在是第 ${this.current} 版；请重新读取后再保存`
  }
  get messageEn(): string {
    return this.expected === 0
      ? `${this.type} ${this.id} exists already (version ${this.current}); it cannot be created again`
      : `${this.type} ${this.id} was changed by someone else: read at version ${this.expected}, now at ${this.current}; read it again and retry`
  }
  override get message(): string {
    return `${this.messageZh} / ${this.messageEn}`
  }
}

/**
 * A life-cycle event the core's machine refused (wrong state, role, or a guard's violation); nothing was
 * written. `findings` are the core's findings, as JSON.
 *
 * @since 0.1.0
 * @category errors
 */
export class TransitionRefused extends Schema.TaggedError<TransitionRefused>("@chanjiao/store/TransitionRefused")("TransitionRefused", {
  type: Schema.String,
  id: Schema.String,
  event: Schema.String,
  reason: Schema.String,
  messageZh: Schema.String,
  messageEn: Schema.String,
  findings: Schema.Array(Schema.Unknown)
}) {
  override get message(): string {
    return `${this.messageZh} / ${this.messageEn}`
  }
}

/**
 * An aggregate type the store does not know, or one without a life cycle asked for a transition.
 *
 * @since 0.1.0
 * @category errors
 */
export class UnknownType extends Schema.TaggedError<UnknownType>("@chanjiao/store/UnknownType")("UnknownType", {
  type: Schema.String,
  detail: Schema.String
}) {
  get messageZh(): string {
    return `未知的数据类型或操作：${this.type}（${this.detail}）`
  }
  get messageEn(): string {
    return `unknown aggregate type or operation: ${this.type} (${this.detail})`
  }
  override get message(): string {
    return `${this.messageZh} / ${this.messageEn}`
  }
}

/**
 * A bulk write refused because some records are invalid: every invalid record, by its position in the input,
 * with all its problems. Nothing was written.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidRecords extends Schema.TaggedError<InvalidRecords>("@chanjiao/store/InvalidRecords")("InvalidRecords", {
  type: Schema.String,
  total: Schema.Number,
  invalid: Schema.Array(Schema.Struct({ index: Schema.Number, error: CoreErrors.InvalidInput }))
}) {
  get messageZh(): string {
    const first = this.invalid.slice(0, 3).map((r) => `第 ${r.index + 1} 条：${r.error.messageZh}`)
    return `${this.total} 条 ${this.type} 记录中有 ${this.invalid.length} 条不合格，未写入任何数据。${first.join("；")}${this.invalid.length > 3 ? "……" : ""}`
  }
  get messageEn(): string {
    const first = this.invalid.slice(0, 3).map((r) => `#${r.index + 1}: ${r.error.messageEn}`)
    return `${this.invalid.length} of ${this.total} ${this.type} records are invalid; nothing was written. ${first.join("; ")}${this.invalid.length > 3 ? " …" : ""}`
  }
  override get message(): string {
    return `${this.messageZh} / ${this.messageEn}`
  }
}
