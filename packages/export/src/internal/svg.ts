/**
 * Charts drawn as inline SVG by hand: no library, no script, no network. Each chart is an `<svg role="img">` with a
 * `<title>` and a `<desc>` that says in words what the bars show, for screen readers and for print.
 * @internal
 */
import { escape } from "./html.js"

export interface Segment {
  readonly value: number
  readonly color: string
  readonly name: string
}

export interface Bar {
  readonly label: string
  readonly segments: ReadonlyArray<Segment>
  /** Text after the bar (defaults to the total). */
  readonly note?: string
}

const fmt = (n: number) => String(Math.round(n * 100) / 100)

/**
 * A horizontal bar chart: one row per bar, segments stacked left to right. `marker` draws a vertical line at a
 * value (a threshold); `max` fixes the scale.
 */
export const hbars = (spec: {
  readonly id: string
  readonly title: string
  readonly description: string
  readonly bars: ReadonlyArray<Bar>
  readonly max?: number
  readonly marker?: { readonly at: number; readonly label: string }
  readonly labelWidth?: number
}): string => {
  const labelW = spec.labelWidth ?? 220
  const barW = 360
  const noteW = 190
  const rowH = 20
  const top = spec.marker === undefined ? 6 : 20
  const width = labelW + barW + noteW
  const height = top + Math.max(1, spec.bars.length) * rowH + 6
  const total = (b: Bar) => b.segments.reduce((n, s) => n + Math.max(0, s.value), 0)
  const max = spec.max ?? Math.max(1, ...spec.bars.map(total))
  const x = (v: number) => labelW + (Math.min(v, max) / max) * barW
  const parts: Array<string> = []
  parts.push(`<svg class="chart" role="img" aria-labelledby="${spec.id}-t ${spec.id}-d" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`)
  parts.push(`<title id="${spec.id}-t">${escape(spec.title)}</title><desc id="${spec.id}-d">${escape(spec.description)}</desc>`)
  spec.bars.forEach((b, i) => {
    const y = top + i * rowH
    parts.push(`<text x="${labelW - 6}" y="${y + 14}" text-anchor="end" class="lbl">${escape(b.label)}</text>`)
    let at = 0
    for (const s of b.segments) {
      if (s.value <= 0) continue
      const x0 = x(at)
      const x1 = x(at + s.value)
      parts.push(`<rect x="${fmt(x0)}" y="${y + 3}" width="${fmt(Math.max(1, x1 - x0))}" height="${rowH - 6}" fill="${s.color}"><title>${escape(`${b.label}：${s.name} ${fmt(s.value)}`)}</title></rect>`)
      at += s.value
    }
    parts.push(`<text x="${labelW + barW + 6}" y="${y + 14}" class="val">${escape(b.note ?? fmt(total(b)))}</text>`)
  })
  if (spec.marker !== undefined) {
    const mx = fmt(x(spec.marker.at))
    parts.push(`<line x1="${mx}" y1="12" x2="${mx}" y2="${height - 2}" class="marker"/>`)
    parts.push(`<text x="${mx}" y="10" text-anchor="middle" class="mlbl">${escape(spec.marker.label)}</text>`)
  }
  parts.push(`<line x1="${labelW}" y1="${top - 2}" x2="${labelW}" y2="${height - 2}" class="axis"/>`)
  parts.push("</svg>")
  return parts.join("")
}

/** A vertical bar chart (grade distribution). */
export const vbars = (spec: { readonly id: string; readonly title: string; readonly description: string; readonly bars: ReadonlyArray<{ readonly label: string; readonly value: number; readonly color: string }> }): string => {
  const colW = 90
  const chartH = 160
  const width = Math.max(1, spec.bars.length) * colW + 20
  const height = chartH + 50
  const max = Math.max(1, ...spec.bars.map((b) => b.value))
  const parts: Array<string> = []
  parts.push(`<svg class="chart" role="img" aria-labelledby="${spec.id}-t ${spec.id}-d" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`)
  parts.push(`<title id="${spec.id}-t">${escape(spec.title)}</title><desc id="${spec.id}-d">${escape(spec.description)}</desc>`)
  spec.bars.forEach((b, i) => {
    const h = (b.value / max) * chartH
    const x0 = 10 + i * colW + 15
    const y0 = 20 + chartH - h
    parts.push(`<rect x="${x0}" y="${fmt(y0)}" width="${colW - 30}" height="${fmt(Math.max(b.value > 0 ? 1 : 0, h))}" fill="${b.color}"/>`)
    parts.push(`<text x="${x0 + (colW - 30) / 2}" y="${fmt(y0 - 4)}" text-anchor="middle" class="val">${b.value}</text>`)
    parts.push(`<text x="${x0 + (colW - 30) / 2}" y="${20 + chartH + 16}" text-anchor="middle" class="lbl">${escape(b.label)}</text>`)
  })
  parts.push(`<line x1="10" y1="${20 + chartH}" x2="${width - 10}" y2="${20 + chartH}" class="axis"/>`)
  parts.push("</svg>")
  return parts.join("")
}
