/**
 * `@chanjiao/testkit`: seeded, deterministic, realistic datasets for tests, demos and benchmarks.
 *
 * @since 0.1.0
 */
export * as Fixtures from "./Fixtures.js"
export * as Generate from "./Generate.js"
export * as Random from "./Random.js"
