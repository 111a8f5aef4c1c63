/** Submit-time rules per part of the draft: numbers, losing carrier and address, schedule, emails. */
import {
  checkAccountNumber,
  checkCity,
  checkEmail,
  checkFullName,
  checkPin,
  checkUsState,
  checkZip,
  type FieldRuleResult,
} from '../fieldRules';
import type { LosingCarrierInformation } from '../portIn';
import {
  checkTargetPortDate,
  compareOffsetTimes,
  formatOffsetTime,
  parseOffsetTime,
} from '../portDates';
import { MAX_NUMBERS_PER_REQUEST, checkUsPhoneNumber, formatUsPhoneNumber } from '../phoneNumbers';
import { explainReason } from '../reasonCodes';
import { singleLineNameProblem } from '../textRules';
import {
  MAX_NOTIFICATION_EMAILS,
  type DraftIssue,
  type NumberPortability,
  type PortInDraft,
  type PortInDraftAddress,
  type PortInDraftLosingCarrier,
  type PortInDraftNumber,
} from './draftTypes';

export function clean(value: string | null | undefined): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** Runs a field rule on a given value: its error is recorded, its kept value returned. */
function applyRule(
  rule: (typed: string) => FieldRuleResult,
  typed: string,
  field: string,
  issues: IssueList,
): string {
  const result = rule(typed);
  if (result.ok) return result.value;
  issues.error(field, result.message);
  return typed;
}

/** A one-line name given: only the text rules apply (control, bidi, lone surrogates). */
function nameRule(typed: string): FieldRuleResult {
  const problem = singleLineNameProblem(typed);
  return problem === null ? { ok: true, value: typed } : { ok: false, message: problem };
}

export class IssueList {
  readonly errors: DraftIssue[] = [];
  readonly warnings: DraftIssue[] = [];
  error(field: string, message: string): void {
    this.errors.push({ field, message });
  }
  warn(field: string, message: string): void {
    this.warnings.push({ field, message });
  }
}

interface CheckedNumbers {
  list: { phoneNumber: string; pin: string | null }[];
  /** Numbers whose portability check asks for a PIN and the account number, formatted. */
  needingAccountNumber: string[];
}

export function checkNumbers(
  numbers: PortInDraftNumber[],
  portability: ReadonlyMap<string, NumberPortability> | undefined,
  issues: IssueList,
): CheckedNumbers {
  const list: CheckedNumbers['list'] = [];
  const needingAccountNumber: string[] = [];
  if (numbers.length === 0) {
    issues.error('phoneNumbers', 'Add at least one phone number to port.');
  } else if (numbers.length > MAX_NUMBERS_PER_REQUEST) {
    issues.error(
      'phoneNumbers',
      `A port-in request holds at most ${MAX_NUMBERS_PER_REQUEST.toLocaleString('en-US')} numbers; this draft has ${numbers.length.toLocaleString('en-US')}. Split them into several requests.`,
    );
  }
  const firstIndex = new Map<string, number>();
  numbers.forEach((entry, index) => {
    const path = `phoneNumbers.${index}`;
    const typed = clean(entry.phoneNumber);
    const pin = clean(entry.pin);
    if (typed === '') {
      issues.error(
        `${path}.phoneNumber`,
        `Phone number ${index + 1} is empty: enter it or remove the row.`,
      );
      return;
    }
    const verdict = checkUsPhoneNumber(typed);
    if (verdict.status !== 'ok') {
      issues.error(`${path}.phoneNumber`, verdict.reason);
      return;
    }
    const shown = formatUsPhoneNumber(verdict.e164);
    if (verdict.caution) issues.warn(`${path}.phoneNumber`, verdict.caution);
    const earlier = firstIndex.get(verdict.e164);
    if (earlier !== undefined) {
      issues.error(
        `${path}.phoneNumber`,
        `${shown} is listed twice (numbers ${earlier + 1} and ${index + 1}): remove one.`,
      );
      return;
    }
    firstIndex.set(verdict.e164, index);
    const checked = portability?.get(verdict.e164);
    if (checked && !checked.portable) {
      const reason = explainReason({
        code: checked.notPortableReasonCode ?? null,
        name: checked.notPortableReason ?? null,
        kind: 'not_portable',
      });
      issues.error(
        `${path}.phoneNumber`,
        `${shown} can't be ported through the API: ${reason.meaning} ${reason.fix}`,
      );
    }
    if (checked?.pinAndAccountNumberRequired) {
      needingAccountNumber.push(shown);
      if (pin === '') {
        issues.error(
          `${path}.pin`,
          `${shown} needs the port-out PIN (usually a mobile number): the customer gets it from the losing carrier.`,
        );
      }
    }
    const keptPin = pin === '' ? null : applyRule(checkPin, pin, `${path}.pin`, issues);
    list.push({ phoneNumber: verdict.e164, pin: keptPin });
  });
  return { list, needingAccountNumber };
}

function checkAddress(address: PortInDraftAddress, issues: IssueList) {
  const base = 'losingCarrier.address';
  const street = clean(address.street);
  const typedCity = clean(address.city);
  const country = clean(address.country).toUpperCase() || 'US';
  if (street === '') {
    issues.error(
      `${base}.street`,
      'Enter the street of the service address (where the lines are in service).',
    );
  } else {
    applyRule(nameRule, street, `${base}.street`, issues);
  }
  const city =
    typedCity === ''
      ? (issues.error(`${base}.city`, 'Enter the city of the service address.'), '')
      : applyRule(checkCity, typedCity, `${base}.city`, issues);
  const state = applyRule(checkUsState, clean(address.state), `${base}.state`, issues);
  const zip = applyRule(checkZip, clean(address.zip), `${base}.zip`, issues);
  if (country !== 'US') {
    issues.error(
      `${base}.country`,
      'The service address must be in the US: the Porting API ports US numbers only.',
    );
  }
  const street2 = clean(address.street2);
  if (street2 !== '') applyRule(nameRule, street2, `${base}.street2`, issues);
  return { street, street2: street2 === '' ? null : street2, city, state, zip, country: 'US' };
}

export function checkLosingCarrier(
  carrier: PortInDraftLosingCarrier,
  needingAccountNumber: string[],
  issues: IssueList,
): LosingCarrierInformation {
  const customerName = clean(carrier.customerName);
  const typedAccountNumber = clean(carrier.accountNumber);
  const btnTyped = clean(carrier.accountTelephoneNumber);
  const typedRepresentative = clean(carrier.authorizedRepresentative);
  const email = clean(carrier.authorizedRepresentativeEmail);

  if (customerName === '') {
    issues.error(
      'losingCarrier.customerName',
      'Enter the customer name exactly as the losing carrier has it (see the bill).',
    );
  } else {
    applyRule(nameRule, customerName, 'losingCarrier.customerName', issues);
  }
  const accountNumber =
    typedAccountNumber === ''
      ? ''
      : applyRule(checkAccountNumber, typedAccountNumber, 'losingCarrier.accountNumber', issues);
  if (accountNumber === '' && needingAccountNumber.length > 0) {
    const example = needingAccountNumber[0] ?? '';
    const count = needingAccountNumber.length;
    const more = count > 1 ? ` and ${count - 1} more` : '';
    const verb = count > 1 ? 'need' : 'needs';
    issues.error(
      'losingCarrier.accountNumber',
      `Enter the account number with the losing carrier: ${example}${more} ${verb} a PIN and the account number.`,
    );
  }
  let accountTelephoneNumber: string | null = null;
  if (btnTyped !== '') {
    const verdict = checkUsPhoneNumber(btnTyped);
    if (verdict.status === 'invalid' || verdict.status === 'non_us') {
      issues.error(
        'losingCarrier.accountTelephoneNumber',
        `Billing telephone number: ${verdict.reason}`,
      );
    } else {
      accountTelephoneNumber = verdict.e164;
    }
  }
  const representative =
    typedRepresentative === ''
      ? (issues.error(
          'losingCarrier.authorizedRepresentative',
          'Enter the first and last name of the person authorized on the carrier account.',
        ),
        '')
      : applyRule(
          checkFullName,
          typedRepresentative,
          'losingCarrier.authorizedRepresentative',
          issues,
        );
  if (email === '') {
    issues.error(
      'losingCarrier.authorizedRepresentativeEmail',
      "Enter the authorized representative's email: Twilio sends the letter of authorization there to be signed.",
    );
  } else {
    applyRule(checkEmail, email, 'losingCarrier.authorizedRepresentativeEmail', issues);
  }
  const address = carrier.address ?? {};
  return {
    customerType: carrier.customerType ?? null,
    customerName,
    accountNumber: accountNumber === '' ? null : accountNumber,
    accountTelephoneNumber,
    authorizedRepresentative: representative,
    authorizedRepresentativeEmail: email,
    addressSid: null,
    address: checkAddress(address, issues),
  };
}

export function checkSchedule(draft: PortInDraft, today: string, issues: IssueList) {
  const date = clean(draft.targetPortInDate);
  const startTyped = clean(draft.targetPortInTimeRangeStart);
  const endTyped = clean(draft.targetPortInTimeRangeEnd);
  if (date !== '') {
    for (const issue of checkTargetPortDate(date, { today })) {
      if (issue.severity === 'error') issues.error('targetPortInDate', issue.message);
      else issues.warn('targetPortInDate', issue.message);
    }
  }
  const start = startTyped === '' ? null : parseOffsetTime(startTyped);
  const end = endTyped === '' ? null : parseOffsetTime(endTyped);
  const example = 'a time with its UTC offset, like 10:00:00-05:00';
  if (startTyped !== '' && !start)
    issues.error('targetPortInTimeRangeStart', `Port window start must be ${example}.`);
  if (endTyped !== '' && !end)
    issues.error('targetPortInTimeRangeEnd', `Port window end must be ${example}.`);
  if ((startTyped === '') !== (endTyped === '')) {
    const missing = startTyped === '' ? 'targetPortInTimeRangeStart' : 'targetPortInTimeRangeEnd';
    issues.error(missing, 'Give both a start and an end for the port window, or neither.');
  }
  if (start && end && (compareOffsetTimes(startTyped, endTyped) ?? 0) >= 0) {
    issues.error('targetPortInTimeRangeEnd', 'The port window must end after it starts.');
  }
  if (date === '' && (startTyped !== '' || endTyped !== '')) {
    issues.error('targetPortInDate', 'Pick a target port date to go with the port window.');
  }
  return {
    targetPortInDate: date === '' ? null : date,
    targetPortInTimeRangeStart: start ? formatOffsetTime(start) : null,
    targetPortInTimeRangeEnd: end ? formatOffsetTime(end) : null,
  };
}

export function checkNotificationEmails(emails: string[], issues: IssueList): string[] {
  const kept: string[] = [];
  const seen = new Set<string>();
  emails.forEach((typed, index) => {
    const email = clean(typed);
    if (email === '') return;
    const checked = checkEmail(email);
    if (!checked.ok) {
      issues.error(`notificationEmails.${index}`, checked.message);
      return;
    }
    if (seen.has(email.toLowerCase())) return;
    seen.add(email.toLowerCase());
    kept.push(email);
  });
  if (kept.length > MAX_NOTIFICATION_EMAILS) {
    issues.error(
      'notificationEmails',
      `At most ${MAX_NOTIFICATION_EMAILS} notification emails; this draft has ${kept.length}.`,
    );
  }
  return kept;
}
