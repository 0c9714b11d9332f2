/**
 * Several local rules live in core and only run where a pack turns them on (INT-FILING, INT-TRAINING,
 * INT-UNIT-LIST, INT-DISGUISE-BAN read a gate parameter the pack sets). Core's findings for them name the rule's
 * generic citation and do not record the gate: `attribute` adds, to each finding, every parameter the rule
 * version declares that a plugin's layer decided (its dated value, layer and plugin) and that value's own
 * citation — so the finding cites the local document the pack encodes, e.g. the Yunnan summary for
 * INT-FILING. Findings that already record a parameter are left as they are for it. Pure.
 *
 * @since 0.1.0
 */
import { Policy } from "@chanjiao/core"
import type { Citation, Finding, IsoDate, Jurisdiction, Plugin } from "@chanjiao/core"

const same = (a: Citation.Citation, b: Citation.Citation) =>
  a.document === b.document && a.article === b.article && a.docNumber === b.docNumber && a.url === b.url && a.date === b.date

/**
 * The findings with the plugin-decided parameters of their rule and those values' citations added. A finding
 * whose added value is unverified becomes unverified, and a `violation` on it a `warning` (as core stamps it).
 *
 * @since 0.1.0
 * @category combinators
 */
export const attribute = (composed: Plugin.Composed, jurisdiction: Jurisdiction.Jurisdiction, findings: ReadonlyArray<Finding.Finding>): ReadonlyArray<Finding.Finding> => {
  const plugins = new Set(composed.plugins.map((p) => p.id))
  const resolved = new Map<string, Policy.Resolved>()
  const at = (d: IsoDate.IsoDate) => {
    let r = resolved.get(d)
    if (r === undefined) {
      r = Policy.at(composed.policy, jurisdiction, d)
      resolved.set(d, r)
    }
    return r
  }
  return findings.map((f) => {
    const version = composed.policy.rules.get(f.ruleId)?.versions.find((v) => v.effectiveFrom === f.ruleVersion)
    if (version === undefined) return f
    const uses: Array<Finding.ParameterUse> = []
    const citations: Array<Citation.Citation> = []
    for (const p of version.parameters) {
      if (f.parameters.some((u) => u.id === p.id)) continue
      const r = at(f.asOf).explain(p)
      if (r.entry === undefined || r.layer === undefined || !plugins.has(r.layer.source)) continue
      uses.push({ id: p.id, effectiveFrom: r.entry.effectiveFrom, level: r.layer.scope.level, scope: r.layer.scope, layer: r.layer.id, source: r.layer.source, verified: r.entry.verified, value: r.entry.value })
      const c = r.entry.citation
      if (![...f.citations, ...citations].some((x) => same(x, c))) citations.push(c)
    }
    if (uses.length === 0) return f
    const verified = f.verified && uses.every((u) => u.verified)
    return {
      ...f,
      parameters: [...f.parameters, ...uses],
      citations: [...f.citations, ...citations],
      verified,
      severity: !verified && f.severity === "violation" ? "warning" : f.severity
    }
  })
}
