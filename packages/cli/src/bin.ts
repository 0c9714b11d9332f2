#!/usr/bin/env node
/**
 * The `chanjiao` executable.
 *
 * @since 0.1.0
 */
import { run } from "./Cli.js"

const started = performance.now()
void run(process.argv.slice(2), {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  tty: process.stderr.isTTY === true,
  cwd: process.cwd(),
  now: () => performance.now() - started,
  today: () => new Date().toISOString().slice(0, 10),
  instant: () => new Date().toISOString()
}).then((code) => {
  process.exitCode = code
})
