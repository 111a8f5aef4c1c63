/** Payloads of the account channels. Secrets go in once (add, rotate) and never come back. */
import { z } from 'zod';
import { normaliseName, singleLineNameProblem } from '../domain/textRules';
import { AccountIdSchema, AccountSidSchema, KeySidSchema, SecretSchema } from './fieldSchemas';

export const CredentialInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('api_key'), keySid: KeySidSchema, secret: SecretSchema }),
  z.strictObject({ kind: z.literal('auth_token'), authToken: SecretSchema }),
]);
export type CredentialInput = z.input<typeof CredentialInputSchema>;

/** Shown in the tray, pop-ups and every list: one plain line (see shared/domain/textRules.ts). */
export const AccountLabelSchema = z
  .string()
  .trim()
  .min(1, 'Give the account a name you will recognise')
  .max(80, 'At most 80 characters')
  .superRefine((label, ctx) => {
    const message = singleLineNameProblem(label);
    if (message !== null) ctx.addIssue({ code: 'custom', message });
  })
  .overwrite(normaliseName);

export const AddAccountSchema = z.strictObject({
  label: AccountLabelSchema,
  accountSid: AccountSidSchema,
  credential: CredentialInputSchema,
});
export const RenameAccountSchema = z.strictObject({
  accountId: AccountIdSchema,
  label: AccountLabelSchema,
});
export const RotateSecretSchema = z.strictObject({
  accountId: AccountIdSchema,
  credential: CredentialInputSchema,
});
export const AccountRefSchema = z.strictObject({ accountId: AccountIdSchema });
export const RemoveAccountSchema = z.strictObject({
  accountId: AccountIdSchema,
  confirmationToken: z.string().min(1).max(128),
});
