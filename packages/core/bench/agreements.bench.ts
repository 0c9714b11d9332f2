/**
 * Agreement life cycles at scale: `nextEvents` for 100,000 agreements, then `advance` over them. The target of
 * the agreements issue: both under 1 s here. The baseline is a hand-written switch over the same states.
 */
import { bench } from "../../../scripts/bench-harness.js"
import { Agreements, IsoDate, Jurisdiction, Lifecycle, National, Policy } from "@chanjiao/core"
import type { Agreement } from "@chanjiao/core"

const N = 100_000
const D = IsoDate.unsafeMake
const states = ["draft", "in-review", "signed", "in-force", "expiring"] as const
const policy = Policy.at(National.policy, Jurisdiction.national, D("2025-09-01"))
const base = IsoDate.toEpochDays(D("2022-01-01"))
const agreements: Array<Agreement.CooperationAgreement> = Array.from({ length: N }, (_, i) => {
  const start = IsoDate.fromEpochDays(base + (i % 1200))
  return {
    id: `c${i}`,
    schoolId: "s",
    enterpriseId: "e",
    enterpriseCreditCode: "91370828MA3C4P2X1N" as Agreement.CooperationAgreement["enterpriseCreditCode"],
    title: "协议",
    majorCodes: [],
    leadingPartnerFor: [],
    forms: ["joint-training"],
    mechanisms: [],
    objectives: ["实习"],
    rightsAndObligations: true,
    takesInterns: i % 2 === 0,
    term: { start, end: IsoDate.addDays(IsoDate.addYears(start, 3), -1) },
    signatures: [],
    attachments: [],
    deliverables: [],
    amendments: [],
    lifecycle: { machine: "cooperation-agreement", version: 1, state: states[i % states.length]!, since: start }
  }
})
const actor = { id: "admin", roles: ["school-admin"] }
const ref = { type: "CooperationAgreement", id: "x" }

// Baseline: a hand-written switch listing the buttons of each state, and the date checks of advance.
const baseline = () => {
  let n = 0
  const today = "2025-09-01"
  for (const a of agreements) {
    switch (a.lifecycle!.state) {
      case "draft":
        n += a.forms.length > 0 ? 2 : 1
        break
      case "in-review":
        n += 2
        break
      default:
        n += a.term.start <= today ? 3 : 1
    }
  }
  return n
}

bench([
  {
    name: "agreements: nextEvents (buttons with reasons)",
    size: "100,000 agreements",
    items: N,
    targetMs: 1000,
    runs: 5,
    ours: () => agreements.reduce((n, a) => n + Lifecycle.nextEvents(Agreements.cooperation, a, actor, { policy, ref }).length, 0),
    baseline
  },
  {
    name: "agreements: advance to a date (start, expiring, expiry)",
    size: "100,000 agreements",
    items: N,
    targetMs: 1000,
    runs: 5,
    ours: () => agreements.reduce((n, a) => n + Lifecycle.advance(Agreements.cooperation, a, policy).emitted.length, 0),
    baseline
  }
])
