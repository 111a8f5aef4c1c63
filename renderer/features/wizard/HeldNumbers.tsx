import { formatUsPhoneNumber } from '../../../shared/domain/phoneNumbers';
import { normaliseNumberStatus } from '../../../shared/domain/statuses';
import type { HeldNumberView } from '../../../shared/views';
import { useApp } from '../../store/appStore';
import { useWizard } from '../../store/wizardStore';
import { Button } from '../../ui/Button';
import { plural } from '../../ui/format';
import { Banner } from '../../ui/states';
import { numberStatusLabel } from '../../ui/status';

/** "Initech's request KW1417… in Demo (simulator), number Waiting for Signature". */
function whereHeld(held: HeldNumberView, draftAccountId: string): string {
  const whose = held.customerName ? `${held.customerName}’s request` : 'request';
  const account =
    held.accountId === draftAccountId ? 'this account' : `another account, ${held.accountLabel}`;
  const status = numberStatusLabel(normaliseNumberStatus(held.numberStatus)).toLowerCase();
  return `is in ${whose} ${held.requestSid} (${account}; there it is ${status})`;
}

/**
 * Numbers Twilio says are already in one of the agent's accounts (22131, 22136) or in a port
 * in progress (22137), when PortDesk has the request that holds them: named, with a link to it
 * and a way to leave the number out. Shown on Numbers and Portability.
 */
export function HeldNumbersNotice() {
  const draft = useWizard((s) => s.draft);
  const edit = useWizard((s) => s.edit);
  const navigate = useApp((s) => s.navigate);
  const held = draft?.heldNumbers ?? [];
  if (!draft || held.length === 0) return null;
  const numbers = new Set(held.map((h) => h.phoneNumber));

  return (
    <Banner
      tone="warning"
      title={`Already in a request PortDesk has: ${plural(numbers.size, 'number')}`}
    >
      <p>
        Twilio takes a number in one request at a time. Finish or cancel it there, or leave it out
        of this one.
      </p>
      <ul className="held-list" aria-label="Numbers already in another request">
        {held.map((h) => (
          <li key={`${h.phoneNumber}-${h.requestSid}`} className="held-list__item">
            <span>
              <strong className="tabular">{formatUsPhoneNumber(h.phoneNumber)}</strong>{' '}
              {whereHeld(h, draft.accountId)}.
            </span>
            <span className="row">
              <Button size="sm" onPress={() => navigate({ screen: 'request', sid: h.requestSid })}>
                Open {h.requestSid.slice(0, 10)}…
              </Button>
              <Button
                size="sm"
                variant="ghost"
                aria-label={`Leave ${formatUsPhoneNumber(h.phoneNumber)} out`}
                onPress={() =>
                  edit({
                    phoneNumbers: draft.payload.phoneNumbers.filter(
                      (n) => n.phoneNumber !== h.phoneNumber,
                    ),
                  })
                }
              >
                Leave it out
              </Button>
            </span>
          </li>
        ))}
      </ul>
    </Banner>
  );
}
