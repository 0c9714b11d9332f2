/**
 * Command-line arguments: a command, its positionals, and `--name value` / `--flag` options, checked against
 * what each command accepts. A mistake is a `UsageError` with a Chinese and an English message (exit code 2).
 *
 * @since 0.1.0
 */

/**
 * The commands.
 *
 * @since 0.1.0
 * @category models
 */
export type Command = "demo" | "templates" | "import" | "check" | "indicators" | "export" | "migrate" | "warnings" | "help" | "version"

/**
 * Parsed arguments.
 *
 * @since 0.1.0
 * @category models
 */
export interface Args {
  readonly command: Command
  readonly positionals: ReadonlyArray<string>
  readonly options: Readonly<Record<string, string | true>>
}

/**
 * A usage mistake.
 *
 * @since 0.1.0
 * @category errors
 */
export class UsageError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string
  ) {
    super(`${zh} / ${en}`)
    this.name = "UsageError"
  }
}

const commands: ReadonlyArray<Command> = ["demo", "templates", "import", "check", "indicators", "export", "migrate", "warnings", "help", "version"]

// What each command accepts: option names, and whether each takes a value.
const global = { db: true, prefix: true, lang: true, help: false } as const
// The demo writes its own database, and templates none: a table prefix means nothing to them.
const { prefix: _prefix, ...withoutPrefix } = global
const accepted: Record<Command, Record<string, boolean>> = {
  demo: { ...withoutPrefix, out: true, seed: true },
  templates: { ...withoutPrefix, out: true, type: true },
  import: { ...global, type: true, partial: false, actor: true, rejected: true },
  check: { ...global, date: true, school: true, "fail-on": true, format: true },
  indicators: { ...global, period: true, school: true, format: true, out: true },
  export: { ...global, format: true, out: true, date: true, period: true, school: true, unmask: false },
  migrate: { ...global },
  warnings: { ...global, date: true, school: true, format: true },
  help: { ...global },
  version: { ...global }
}
const positionals: Record<Command, [number, number]> = {
  demo: [0, 0],
  templates: [0, 0],
  import: [1, 1],
  check: [0, 0],
  indicators: [0, 0],
  export: [0, 0],
  migrate: [0, 0],
  warnings: [0, 0],
  help: [0, 1],
  version: [0, 0]
}

/**
 * Parses `argv` (without the node and script paths).
 *
 * @since 0.1.0
 * @category constructors
 */
export const parse = (argv: ReadonlyArray<string>): Args => {
  const [first, ...rest] = argv
  if (first === undefined || first === "--help" || first === "-h") return { command: "help", positionals: [], options: {} }
  if (first === "--version" || first === "-v") return { command: "version", positionals: [], options: {} }
  if (!commands.includes(first as Command)) {
    throw new UsageError(`未知命令“${first}”。可用命令：${commands.join("、")}`, `unknown command "${first}"; commands: ${commands.join(", ")}`)
  }
  const command = first as Command
  const allowed = accepted[command]
  const options: Record<string, string | true> = {}
  const pos: Array<string> = []
  for (let k = 0; k < rest.length; k++) {
    const arg = rest[k]!
    if (arg === "-h") {
      options.help = true
      continue
    }
    if (!arg.startsWith("--")) {
      pos.push(arg)
      continue
    }
    const eq = arg.indexOf("=")
    const name = arg.slice(2, eq === -1 ? undefined : eq)
    if (!(name in allowed)) {
      throw new UsageError(`命令 ${command} 不接受选项 --${name}（可用：${Object.keys(allowed).map((o) => `--${o}`).join(" ")}）`, `${command} does not take --${name} (it takes ${Object.keys(allowed).map((o) => `--${o}`).join(" ")})`)
    }
    if (allowed[name] === true) {
      const value = eq === -1 ? rest[++k] : arg.slice(eq + 1)
      if (value === undefined || value === "" || (eq === -1 && value.startsWith("--"))) throw new UsageError(`选项 --${name} 需要一个值`, `--${name} needs a value`)
      options[name] = value
    } else {
      if (eq !== -1) throw new UsageError(`选项 --${name} 不带值`, `--${name} takes no value`)
      options[name] = true
    }
  }
  const [min, max] = positionals[command]
  if (options.help !== true && (pos.length < min || pos.length > max)) {
    throw new UsageError(
      min === max ? `命令 ${command} 需要 ${min} 个参数，收到 ${pos.length} 个` : `命令 ${command} 需要 ${min}–${max} 个参数，收到 ${pos.length} 个`,
      min === max ? `${command} takes ${min} argument(s), got ${pos.length}` : `${command} takes ${min}–${max} argument(s), got ${pos.length}`
    )
  }
  return { command, positionals: pos, options }
}

/**
 * An option's value among choices.
 *
 * @since 0.1.0
 * @category combinators
 */
export const choice = <A extends string>(args: Args, name: string, choices: ReadonlyArray<A>, fallback: A): A => {
  const v = args.options[name]
  if (v === undefined) return fallback
  if (v === true || !choices.includes(v as A)) throw new UsageError(`--${name} 应为 ${choices.join(" | ")} 之一，收到“${String(v)}”`, `--${name} must be one of ${choices.join(" | ")}, got "${String(v)}"`)
  return v as A
}

/**
 * An option's string value.
 *
 * @since 0.1.0
 * @category combinators
 */
export const text = (args: Args, name: string): string | undefined => {
  const v = args.options[name]
  return typeof v === "string" ? v : undefined
}
