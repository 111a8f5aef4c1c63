/**
 * The CSP has no 'unsafe-eval': zod must not probe for `new Function` (the probe itself shows up
 * as a CSP violation report in the console). Run first, before any schema is built.
 *
 * Written into the object zod keeps its config in (`globalThis.__zod_globalConfig`, which every
 * copy of zod adopts or creates when it loads) instead of calling `z.config`: importing zod
 * here put ~18 KB of it into the first view, which builds no schema; the schemas live in lazy
 * chunks (docs/ui.md, "Bundle"). tests/unit/renderer/zodConfig.test.ts checks zod still reads it.
 */
interface ZodGlobalConfig {
  jitless?: boolean;
}

const holder = globalThis as { __zod_globalConfig?: ZodGlobalConfig };
holder.__zod_globalConfig ??= {};
holder.__zod_globalConfig.jitless = true;
