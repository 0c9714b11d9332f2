import { defineConfig } from "tsup"

/**
 * The build of every package: ESM + CJS with source maps, declarations from tsc (tsconfig.build.json — a bundled
 * .d.ts loses values that share a name with a type inside `export * as` namespaces, e.g. `Teacher.Teacher`), and
 * peers never bundled (two copies of effect, @effect/sql or a @chanjiao package would break tags, schemas and
 * tagged errors). Several entries share their code through chunks (`splitting`), so a class exists once per
 * format and `instanceof` holds across entries.
 */
export const packageConfig = (options: {
  readonly entry: ReadonlyArray<string>
  /** `node` for packages that use Node libraries (streams, Buffer, native drivers); `neutral` otherwise. */
  readonly platform?: "neutral" | "node"
  /** Dependencies installed with the package, kept external as well. */
  readonly external?: ReadonlyArray<string>
  /** Prepended to an entry (a shebang for an executable). */
  readonly banner?: string
}) =>
  defineConfig({
    entry: [...options.entry],
    format: ["esm", "cjs"],
    splitting: options.entry.length > 1,
    dts: false,
    clean: true,
    sourcemap: true,
    target: "es2022",
    platform: options.platform ?? "neutral",
    treeshake: true,
    tsconfig: "tsconfig.src.json",
    external: [/^effect($|\/)/, /^@effect\//, /^@chanjiao\//, ...(options.external ?? [])],
    ...(options.banner === undefined ? {} : { banner: { js: options.banner } })
  })
