/**
 * Where the CLI writes: standard output for results, standard error for progress and errors. A progress bar is
 * drawn only on a terminal and only for steps that take over a second.
 *
 * @since 0.1.0
 */

/**
 * @since 0.1.0
 * @category models
 */
export interface Io {
  readonly out: (text: string) => void
  readonly err: (text: string) => void
  /** Whether standard error is a terminal (progress bars are drawn only then). */
  readonly tty: boolean
  readonly cwd: string
  /** Milliseconds since some fixed point, for deciding when a step is slow enough for a bar. */
  readonly now: () => number
  /** Today's date (`YYYY-MM-DD`), the default `--date`; tests pass a fixed one. */
  readonly today: () => string
  /** The current instant (ISO 8601), recorded in the audit of what the CLI writes. */
  readonly instant: () => string
}

/**
 * A progress reporter for one step of `total` units.
 *
 * @since 0.1.0
 * @category models
 */
export interface Progress {
  readonly tick: (done: number) => void
  readonly end: () => void
}

/**
 * A bar on standard error once the step has run for a second (`label [#####.....] 40% 1,200/3,000`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const progress = (io: Io, label: string, total: number): Progress => {
  const started = io.now()
  let drawn = false
  const draw = (done: number) => {
    const share = total === 0 ? 1 : Math.min(1, done / total)
    const width = 24
    const full = Math.round(share * width)
    io.err(`\r${label} [${"#".repeat(full)}${".".repeat(width - full)}] ${String(Math.round(share * 100)).padStart(3)}% ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")}`)
    drawn = true
  }
  return {
    tick: (done) => {
      if (io.tty && io.now() - started > 1000) draw(done)
    },
    end: () => {
      if (drawn) {
        draw(total)
        io.err("\n")
      }
    }
  }
}
