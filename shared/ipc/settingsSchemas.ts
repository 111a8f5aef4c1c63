/** Payloads of the outbox, sync, settings and clipboard channels. */
import { z } from 'zod';
import { AgeingDaysSchema, SyncCadenceMinutesSchema } from '../settings';
import { NOTIFICATION_KINDS } from '../views';
import { AccountIdSchema, ClockTimeSchema, multiLineText, OutboxIdSchema } from './fieldSchemas';

export const OutboxRefSchema = z.strictObject({ id: OutboxIdSchema });
export const SyncNowSchema = z.strictObject({ accountId: AccountIdSchema.optional() });

export const SettingsPatchSchema = z
  .strictObject({
    syncCadenceMinutes: SyncCadenceMinutesSchema,
    notifications: z
      .strictObject(
        Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, z.boolean()])) as Record<
          (typeof NOTIFICATION_KINDS)[number],
          z.ZodBoolean
        >,
      )
      .partial(),
    quietHours: z
      .strictObject({ enabled: z.boolean(), start: ClockTimeSchema, end: ClockTimeSchema })
      .partial(),
    theme: z.enum(['system', 'light', 'dark']),
    ageingDays: AgeingDaysSchema,
    defaultAccountId: AccountIdSchema.nullable(),
    autoUpdate: z.boolean(),
  })
  .partial();
export type SettingsPatch = z.output<typeof SettingsPatchSchema>;

/** What the renderer copies: SIDs, numbers, a list of them one per line. */
export const ClipboardSchema = z.strictObject({ text: multiLineText(100_000) });
