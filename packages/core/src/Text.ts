/**
 * Bilingual text: every message, title and label chanjiao produces is zh-CN first, English second.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * A pair of a Simplified Chinese and an English text.
 *
 * @since 0.1.0
 * @category models
 */
export interface Text {
  readonly zh: string
  readonly en: string
}

/**
 * @since 0.1.0
 * @category schemas
 */
export const Text: Schema.Schema<Text> = Schema.Struct({
  zh: Schema.String,
  en: Schema.String
}).annotations({
  identifier: "Text",
  title: "双语文本",
  description: "中文与英文两种文字的同一内容 — the same content in Simplified Chinese and English",
  examples: [{ zh: "岗位实习", en: "post internship" }]
})

/**
 * @since 0.1.0
 * @category constructors
 */
export const make = (zh: string, en: string): Text => ({ zh, en })

/**
 * Joins a text into one line, Chinese first: `"中文 (English)"`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const format = (text: Text): string => `${text.zh} (${text.en})`
