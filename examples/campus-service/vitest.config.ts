import { defineProject } from "vitest/config"
import { alias } from "../../vitest.shared.js"

export default defineProject({
  resolve: { alias },
  test: {
    name: "example-campus-service",
    include: ["test/**/*.test.ts"],
    // End-to-end over HTTP and a database: work, not timing (see the root's end-to-end tests).
    testTimeout: 60_000
  }
})
