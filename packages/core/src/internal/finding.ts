/**
 * Building a finding from what a rule version says (`Rule.context`'s `finding`), shared with the bulk checkers
 * that stamp findings without a context object per subject.
 * @internal
 */
import type { Finding, ParameterUse, Severity, SubjectRef } from "../Finding.js"
import type * as Parameter from "../Parameter.js"
import type { Resolved } from "../Policy.js"
import type { FindingInput, Rule, Version } from "../Rule.js"

// A finding records the same parameter versions again and again under one resolved policy: remember them.
const uses = new WeakMap<Resolved, Map<string, ParameterUse | undefined>>()

const usesOf = (policy: Resolved): Map<string, ParameterUse | undefined> => {
  let cache = uses.get(policy)
  if (cache === undefined) {
    cache = new Map()
    uses.set(policy, cache)
  }
  return cache
}

const use = (cache: Map<string, ParameterUse | undefined>, policy: Resolved, p: Parameter.Any): ParameterUse | undefined => {
  const hit = cache.get(p.id)
  if (hit !== undefined || cache.has(p.id)) return hit
  const u = useUncached(policy, p)
  cache.set(p.id, u)
  return u
}

const useUncached = (policy: Resolved, p: Parameter.Any): ParameterUse | undefined => {
  const r = policy.explain(p)
  if (r.entry === undefined || r.layer === undefined) return undefined
  return {
    id: p.id,
    effectiveFrom: r.entry.effectiveFrom,
    level: r.layer.scope.level,
    scope: r.layer.scope,
    layer: r.layer.id,
    source: r.layer.source,
    verified: r.entry.verified,
    value: r.entry.value
  }
}

/**
 * A finding of a rule version about a subject: stamped with the rule id and version, subject, date, citations
 * and the resolved parameter versions. A finding that rests on an unverified parameter, or on an unverified
 * rule (confidence M), is marked `verified: false`, and a `violation` becomes a `warning`.
 */
export const make = <S>(rule: Rule<S>, version: Version<S>, subject: SubjectRef, policy: Resolved, input: FindingInput): Finding => {
  // Plain loops: bulk checks make a finding for many subjects.
  const parameters: Array<ParameterUse> = []
  if (input.parameters !== undefined && input.parameters.length > 0) {
    const cache = usesOf(policy)
    for (const p of input.parameters) {
      const u = use(cache, policy, p)
      if (u !== undefined) parameters.push(u)
    }
  }
  let verified = rule.confidence !== "M"
  for (let k = 0; verified && k < parameters.length; k++) verified = parameters[k]!.verified
  const severity: Severity = !verified && input.severity === "violation" ? "warning" : input.severity
  const out: {
    -readonly [K in keyof Finding]: Finding[K]
  } = {
    ruleId: rule.id,
    ruleVersion: version.effectiveFrom,
    severity,
    subject,
    asOf: policy.asOf,
    message: input.message,
    parameters,
    citations: input.citations === undefined ? version.citations.slice() : [...version.citations, ...input.citations],
    verified
  }
  if (input.remedy !== undefined) out.remedy = input.remedy
  if (input.deadline !== undefined) out.deadline = input.deadline
  if (input.measured !== undefined) out.measured = input.measured
  if (input.threshold !== undefined) out.threshold = input.threshold
  return out
}
