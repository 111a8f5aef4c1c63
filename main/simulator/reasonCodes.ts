/**
 * Reason strings for the codes the simulator emits (REASON-CODES.md). Twilio names no enum value
 * for 22157–22159; the simulator's names for them are documented in docs/simulator.md.
 */
export const REJECTION_REASONS: Readonly<Record<number, string>> = {
  22150: 'CONTACT_SUPPORT_REQUIRED',
  22151: 'PHONE_NUMBER_WITH_CARRIER_RESTRICTION',
  22152: 'PHONE_NUMBER_INACTIVE_OR_DISCONNECTED',
  22153: 'INVALID_END_USER_NAME',
  22154: 'INVALID_ADDRESS',
  22155: 'INVALID_PIN',
  22156: 'INVALID_ACCOUNT_NUMBER',
  22157: 'INVALID_SUBSCRIPTION_RIGHT',
  22158: 'PORT_DATE_REJECTED',
  22159: 'NOT_PORTABLE',
};

export function isRejectionCode(code: unknown): code is number {
  return typeof code === 'number' && Object.hasOwn(REJECTION_REASONS, code);
}

export function rejectionReason(code: number): string {
  return REJECTION_REASONS[code] ?? 'CONTACT_SUPPORT_REQUIRED';
}

export const NOT_PORTABLE = {
  unsupported: { code: 22130, reason: 'UNSUPPORTED' },
  alreadyInTargetAccount: { code: 22131, reason: 'ALREADY_IN_THE_TARGET_ACCOUNT' },
  alreadyInTwilioDifferentOwner: { code: 22132, reason: 'ALREADY_IN_TWILIO_DIFFERENT_OWNER' },
  manualPortingAvailable: { code: 22133, reason: 'MANUAL_PORTING_AVAILABLE' },
  alreadyInOneOfYourAccounts: { code: 22136, reason: 'ALREADY_IN_ONE_OF_YOUR_TWILIO_ACCOUNTS' },
  invalidPhoneNumber: { code: 22102, reason: 'INVALID_PHONE_NUMBER' },
  unauthorized: { code: 20003, reason: 'UNAUTHORIZED' },
} as const;
