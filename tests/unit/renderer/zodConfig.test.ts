import { describe, expect, it } from 'vitest';
import '../../../renderer/zodConfig';

describe('renderer/zodConfig', () => {
  it('makes zod skip its `new Function` probe without importing zod', async () => {
    // Loaded after the config, as the renderer's lazy chunks load zod after main.tsx ran it.
    const { globalConfig, util } = await import('zod/v4/core');
    const { z } = await import('zod');
    expect(globalConfig.jitless).toBe(true);
    expect(util.allowsEval.value).toBe(false);
    // Schemas still parse (the interpreted path).
    expect(z.object({ a: z.string() }).parse({ a: 'x' })).toEqual({ a: 'x' });
  });
});
