import { useState } from 'react';
import { PIN_FORMAT_HINT } from '../../../shared/domain/fieldRules';
import { formatUsPhoneNumber } from '../../../shared/domain/phoneNumbers';
import type { IpcError } from '../../../shared/ipc';
import type { PortabilityResultView } from '../../../shared/views';
import { describeError } from '../../bridge';
import { useApp } from '../../store/appStore';
import { useWizard } from '../../store/wizardStore';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/fields';
import { formatCount, formatRelative, plural } from '../../ui/format';
import { IconCheck, IconRefresh, IconTrash } from '../../ui/icons';
import { Banner, ProgressBar } from '../../ui/states';
import { ReasonCard } from '../detail/Timeline';
import { HeldNumbersNotice } from './HeldNumbers';
import { portabilityTally } from './portabilityTally';
import { useFieldError, useToCorrect } from './wizardFields';

/** Checks each number with Twilio's Portability API; PIN-required numbers get a PIN field. */
export function PortabilityStep({ onGoToNumbers }: { onGoToNumbers: () => void }) {
  const draft = useWizard((s) => s.draft);
  const start = useWizard((s) => s.startPortability);
  const cancel = useWizard((s) => s.cancelPortability);
  const edit = useWizard((s) => s.edit);
  const offline = useApp((s) => s.sync?.state === 'offline');
  const [startError, setStartError] = useState<IpcError | null>(null);
  const [showPortable, setShowPortable] = useState(false);
  const pinToCorrect = useToCorrect('pin');
  if (!draft) return null;

  const numbers = draft.payload.phoneNumbers;
  const { portability } = draft;
  const {
    portable,
    needPin,
    notPortable,
    failed,
    unchecked: uncheckedRows,
  } = portabilityTally(numbers, portability.results);
  const unchecked = uncheckedRows.map((r) => r.number.phoneNumber);
  const running = portability.state === 'running';

  async function run(subset?: string[]) {
    setStartError(null);
    const error = await start(subset);
    if (error) setStartError(error);
  }

  function setPin(phoneNumber: string, pin: string) {
    edit({
      phoneNumbers: numbers.map((n) =>
        n.phoneNumber === phoneNumber ? { ...n, pin: pin === '' ? null : pin } : n,
      ),
    });
  }

  if (numbers.length === 0) {
    return (
      <div className="stack">
        <h2>Portability check</h2>
        <p className="muted">
          Add the numbers first; then PortDesk asks Twilio whether each one can be ported.
        </p>
        <div>
          <Button variant="primary" onPress={onGoToNumbers}>
            Add numbers
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className="stack stack--lg">
      <div>
        <h2>Portability check</h2>
        <p className="muted">
          Twilio says, number by number, whether it can be ported and whether the losing carrier
          needs a PIN and the account number. Fix what it finds before you submit: a rejection
          restarts the carrier&apos;s clock.
        </p>
      </div>
      {pinToCorrect ? (
        <Banner tone="warning" title="To correct">
          {pinToCorrect} Check portability, then enter the PIN for each number that needs one.
        </Banner>
      ) : null}
      {startError ? (
        <Banner tone="danger" title="The check did not start" role="alert">
          {describeError(startError)}
        </Banner>
      ) : null}
      <div className="card">
        <div className="card__body stack">
          {running ? (
            <>
              <ProgressBar
                label="Checking portability"
                value={portability.done}
                max={portability.total}
                detail={`${formatCount(portability.done)} of ${formatCount(portability.total)}`}
              />
              <div>
                <Button onPress={() => void cancel()}>Stop checking</Button>
              </div>
            </>
          ) : (
            <div className="row">
              <Button
                variant="primary"
                onPress={() =>
                  void run(
                    unchecked.length && unchecked.length < numbers.length ? unchecked : undefined,
                  )
                }
              >
                <IconRefresh size={14} />
                {portability.results.length === 0
                  ? `Check ${plural(numbers.length, 'number')}`
                  : unchecked.length > 0
                    ? `Check ${plural(unchecked.length, 'new number')}`
                    : 'Check all again'}
              </Button>
              {portability.state === 'canceled' ? (
                <span className="muted">
                  Stopped: {formatCount(portability.done)} of {formatCount(portability.total)}{' '}
                  checked.
                </span>
              ) : null}
              {portability.state === 'failed' ? (
                <span className="text-danger" role="alert">
                  {offline
                    ? 'Twilio could not be reached: this computer seems to be offline. Check again when the network is back; the other steps work offline.'
                    : portability.results.length > 0
                      ? 'The check stopped with an error; the results so far are kept.'
                      : 'The check stopped with an error before Twilio answered. Try again.'}
                </span>
              ) : null}
              {portability.results[0] ? (
                <span className="muted small">
                  Last checked {formatRelative(portability.results[0].checkedAt)}
                </span>
              ) : null}
            </div>
          )}
          {portability.results.length > 0 ? (
            <dl className="tally">
              <div className="tally__item tone-success">
                <dt>Portable</dt>
                <dd>{formatCount(portable.length)}</dd>
              </div>
              <div className={`tally__item ${needPin.length ? 'tone-warning' : ''}`}>
                <dt>Portable, need PIN</dt>
                <dd>{formatCount(needPin.length)}</dd>
              </div>
              <div className={`tally__item ${notPortable.length ? 'tone-danger' : ''}`}>
                <dt>Not portable</dt>
                <dd>{formatCount(notPortable.length)}</dd>
              </div>
              <div className={`tally__item ${failed.length ? 'tone-danger' : ''}`}>
                <dt>Check failed</dt>
                <dd>{formatCount(failed.length)}</dd>
              </div>
              <div className="tally__item">
                <dt>Not checked</dt>
                <dd>{formatCount(unchecked.length)}</dd>
              </div>
            </dl>
          ) : null}
        </div>
      </div>

      <HeldNumbersNotice />
      {notPortable.length > 0 ? (
        <section className="stack" aria-labelledby="not-portable-title">
          <div className="row row--between">
            <h3 id="not-portable-title">Not portable ({formatCount(notPortable.length)})</h3>
            <Button
              variant="danger"
              onPress={() => {
                const drop = new Set(notPortable.map((r) => r.number.phoneNumber));
                edit({ phoneNumbers: numbers.filter((n) => !drop.has(n.phoneNumber)) });
              }}
            >
              <IconTrash size={14} /> Remove {plural(notPortable.length, 'non-portable number')}
            </Button>
          </div>
          <ResultList
            rows={notPortable
              .map((r) => r.result)
              .filter((r): r is PortabilityResultView => r !== null)}
          />
        </section>
      ) : null}

      {failed.length > 0 ? (
        <section className="stack" aria-labelledby="failed-title">
          <div className="row row--between">
            <h3 id="failed-title">Check failed ({formatCount(failed.length)})</h3>
            <Button
              onPress={() => void run(failed.map((r) => r.number.phoneNumber))}
              isDisabled={running}
            >
              Check these again
            </Button>
          </div>
          <ResultList
            rows={failed.map((r) => r.result).filter((r): r is PortabilityResultView => r !== null)}
          />
        </section>
      ) : null}

      {needPin.length > 0 ? (
        <section className="stack" aria-labelledby="pin-title">
          <h3 id="pin-title">PIN and account number required ({formatCount(needPin.length)})</h3>
          <Banner tone="warning">
            The losing carrier needs the port-out PIN for these numbers (usually mobiles) and the
            account number, which you enter with the carrier details. Only the account holder can
            get the PIN from the carrier.
          </Banner>
          <p className="field__help" id="pin-format">
            PINs: {PIN_FORMAT_HINT}
          </p>
          <ul className="pin-list">
            {needPin.map(({ number }) => (
              <PinRow
                key={number.phoneNumber}
                phoneNumber={number.phoneNumber}
                pin={number.pin ?? ''}
                index={numbers.indexOf(number)}
                onChange={(pin) => setPin(number.phoneNumber, pin)}
              />
            ))}
          </ul>
        </section>
      ) : null}

      {portable.length > 0 ? (
        <section className="stack" aria-labelledby="portable-title">
          <div className="row row--between">
            <h3 id="portable-title">
              <span className="text-success">
                <IconCheck size={16} />
              </span>{' '}
              Portable ({formatCount(portable.length)})
            </h3>
            <Button
              variant="ghost"
              size="sm"
              onPress={() => setShowPortable(!showPortable)}
              aria-expanded={showPortable}
            >
              {showPortable ? 'Hide' : 'Show'}
            </Button>
          </div>
          {showPortable ? (
            <ul className="number-chips">
              {portable.map(({ number }) => (
                <li key={number.phoneNumber} className="number-chip">
                  {formatUsPhoneNumber(number.phoneNumber)}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

function PinRow({
  phoneNumber,
  pin,
  index,
  onChange,
}: {
  phoneNumber: string;
  pin: string;
  index: number;
  onChange: (pin: string) => void;
}) {
  const error = useFieldError(`phoneNumbers.${index}.pin`);
  const touch = useWizard((s) => s.touch);
  return (
    <li className="pin-row">
      <span className="tabular pin-row__number">{formatUsPhoneNumber(phoneNumber)}</span>
      <TextField
        label={`PIN for ${formatUsPhoneNumber(phoneNumber)}`}
        value={pin}
        onChange={onChange}
        onBlur={() => touch(`phoneNumbers.${index}.pin`)}
        error={error}
        autoComplete="off"
        className="pin-row__field"
        placeholder="Port-out PIN"
      />
    </li>
  );
}

function ResultList({ rows }: { rows: PortabilityResultView[] }) {
  return (
    <ul className="result-list">
      {rows.map((row) => (
        <li key={row.phoneNumber} className="result-row">
          <span className="tabular result-row__number">{formatUsPhoneNumber(row.phoneNumber)}</span>
          {row.reason ? (
            <ReasonCard reason={row.reason} compact />
          ) : (
            <span className="muted">No reason given</span>
          )}
        </li>
      ))}
    </ul>
  );
}
