/**
 * `@chanjiao/cli`: the `chanjiao` command, also usable as a library (`Cli.run(argv, io)` returns the exit code).
 *
 * @since 0.1.0
 */
export * as Args from "./Args.js"
export * as Cli from "./Cli.js"
export * as Demo from "./Demo.js"
export * as Engine from "./Engine.js"
export * as Output from "./Output.js"
export * as Text from "./Text.js"
