/**
 * Policy resolution and parameter reads. The acceptance target of the foundation issue: resolving a policy
 * once and then reading 1,000,000 parameter values takes under 1 s on this machine.
 */
import { bench } from "../../../scripts/bench-harness.js"
import { Identity, IsoDate, Jurisdiction, National, Parameter, Policy } from "@chanjiao/core"

const J = { province: "37", city: "3708", school: "3137004512" } as unknown as Jurisdiction.Jurisdiction
const asOf = IsoDate.unsafeMake("2024-09-01")
const params = National.parameters
const N = 1_000_000

// Baseline: the values already in a plain object, read in a hand-written loop.
const plain: Record<string, unknown> = {}
for (const p of params) plain[p.id] = Parameter.valueAt(p, asOf)._tag === "InForce" ? (Parameter.valueAt(p, asOf) as { value: unknown }).value : undefined
const ids = params.map((p) => p.id)

// Dates spread over 15 years, for resolution.
const dates = Array.from({ length: 1000 }, (_, i) => IsoDate.addDays(IsoDate.unsafeMake("2012-01-01"), i * 5))

// Hand-written resolution baseline: a linear scan of each national history for each date.
const scanAll = (date: string) => {
  const out: Record<string, unknown> = {}
  for (const p of params) {
    let v: unknown
    for (const e of p.history) if (e.effectiveFrom <= date) v = e.value
    out[p.id] = v
  }
  return out
}

const codes = Array.from({ length: 100_000 }, (_, i) => {
  const first = `91370828MA${String(i).padStart(7, "0")}`
  return `${first}${Identity.creditCodeCheck(first)}`
})
const isCredit = (s: string) => {
  const cs = "0123456789ABCDEFGHJKLMNPQRTUWXY"
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
  let sum = 0
  for (let i = 0; i < 17; i++) sum += cs.indexOf(s[i]!) * w[i]!
  return cs[(31 - (sum % 31)) % 31] === s[17]
}

bench([
  {
    name: "policy: resolve once + 1,000,000 parameter reads",
    size: "1,000,000 reads",
    items: N,
    targetMs: 1000,
    ours: () => {
      const resolved = Policy.at(National.policy, J, asOf)
      let n = 0
      for (let i = 0; i < N; i++) if (resolved.value(params[i % params.length]!) !== undefined) n++
      return n
    },
    baseline: () => {
      let n = 0
      for (let i = 0; i < N; i++) if (plain[ids[i % ids.length]!] !== undefined) n++
      return n
    }
  },
  {
    name: "policy: Policy.at (school ← city ← province ← national)",
    size: `1,000 dates × ${params.length} parameters`,
    items: dates.length,
    ours: () => dates.map((d) => Policy.at(National.policy, J, d)),
    baseline: () => dates.map(scanAll)
  },
  {
    name: "identity: decode credit codes",
    size: "100,000 codes",
    items: codes.length,
    ours: () => codes.filter(Identity.isCreditCode).length,
    baseline: () => codes.filter(isCredit).length,
    runs: 5
  }
])
