import { defineProject } from "vitest/config"
import { alias } from "../vitest.shared.js"

export default defineProject({
  resolve: { alias },
  test: {
    name: "repo",
    include: ["**/*.test.ts"],
    // End-to-end tests (the demo, the CLI on its database, docs examples) do real work: give them room on a busy
    // machine. Nothing here is a timing assertion.
    testTimeout: 60_000
  }
})
