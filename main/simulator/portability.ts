import type { NumberType } from './model';
import { classifyNumber } from './phoneRules';
import { NOT_PORTABLE } from './reasonCodes';
import type { SimStore } from './store';

export interface PortabilityVerdict {
  phoneNumber: string;
  portable: boolean;
  pinAndAccountNumberRequired: boolean;
  notPortableReason: string | null;
  notPortableReasonCode: number | null;
  numberType: NumberType;
  country: string | null;
  /** Set only when the number is in (or being ported into) the caller's account. */
  accountSid: string | null;
}

/**
 * The portability rules, first match wins (docs/simulator.md): invalid → 22102, outside the US →
 * 22130, toll-free → 22133, ported into this account → 22131, in one of this account's open
 * requests → 22136, in another Twilio account → 22132, otherwise portable (mobile numbers need a
 * PIN and the account number).
 */
export function evaluatePortability(
  phoneNumber: string,
  store: SimStore,
  accountSid: string,
): PortabilityVerdict {
  const check = classifyNumber(phoneNumber);
  if (!check.ok) {
    return notPortable(phoneNumber, NOT_PORTABLE.invalidPhoneNumber, 'UNKNOWN', null, null);
  }
  const { country, numberType } = check.number;
  if (country !== 'US') {
    return notPortable(phoneNumber, NOT_PORTABLE.unsupported, numberType, country, null);
  }
  if (numberType === 'TOLL-FREE') {
    return notPortable(phoneNumber, NOT_PORTABLE.manualPortingAvailable, numberType, country, null);
  }
  if (store.ownedNumbers.has(phoneNumber)) {
    return notPortable(
      phoneNumber,
      NOT_PORTABLE.alreadyInTargetAccount,
      numberType,
      country,
      accountSid,
    );
  }
  if (store.openNumber(phoneNumber) !== undefined) {
    return notPortable(
      phoneNumber,
      NOT_PORTABLE.alreadyInOneOfYourAccounts,
      numberType,
      country,
      accountSid,
    );
  }
  if (store.inTwilio.has(phoneNumber)) {
    return notPortable(
      phoneNumber,
      NOT_PORTABLE.alreadyInTwilioDifferentOwner,
      numberType,
      country,
      null,
    );
  }
  return {
    phoneNumber,
    portable: true,
    pinAndAccountNumberRequired: numberType === 'MOBILE',
    notPortableReason: null,
    notPortableReasonCode: null,
    numberType,
    country,
    accountSid: null,
  };
}

export function unauthorizedTarget(phoneNumber: string): PortabilityVerdict {
  const check = classifyNumber(phoneNumber);
  return notPortable(
    phoneNumber,
    NOT_PORTABLE.unauthorized,
    check.ok ? check.number.numberType : 'UNKNOWN',
    check.ok ? check.number.country : null,
    null,
  );
}

function notPortable(
  phoneNumber: string,
  reason: { code: number; reason: string },
  numberType: NumberType,
  country: string | null,
  accountSid: string | null,
): PortabilityVerdict {
  return {
    phoneNumber,
    portable: false,
    pinAndAccountNumberRequired: false,
    notPortableReason: reason.reason,
    notPortableReasonCode: reason.code,
    numberType,
    country,
    accountSid,
  };
}
