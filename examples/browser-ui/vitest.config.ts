import { defineProject } from "vitest/config"
import { alias } from "../../vitest.shared.js"

export default defineProject({
  resolve: { alias },
  test: {
    name: "example-browser-ui",
    include: ["test/**/*.test.ts"],
    // Building the page and starting Chromium take a few seconds on a busy machine; no assertion is timed.
    hookTimeout: 120_000,
    testTimeout: 60_000
  }
})
