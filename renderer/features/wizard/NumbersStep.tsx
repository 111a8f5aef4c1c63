import { useEffect, useMemo, useState } from 'react';
import { FileTrigger } from 'react-aria-components';
import {
  MAX_NUMBERS_PER_REQUEST,
  formatUsPhoneNumber,
  parsePhoneList,
  type PhoneEntryStatus,
  type PhoneListResult,
} from '../../../shared/domain/phoneNumbers';
import type { DraftPhoneNumber } from '../../../shared/views';
import { copyToClipboard } from '../../store/clipboard';
import type { NotAddedNumber } from '../../store/wizard/wizardState';
import { useWizard } from '../../store/wizardStore';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/fields';
import { formatCount, plural } from '../../ui/format';
import { IconCopy, IconFile, IconTrash, IconX } from '../../ui/icons';
import { ConfirmDialog } from '../../ui/Dialog';
import { Banner } from '../../ui/states';
import { CsvImportDialog } from './CsvImportDialog';
import { HeldNumbersNotice } from './HeldNumbers';
import { NotAddedRows } from './NotAddedRows';
import { fieldErrorsOf, useFieldError, useToCorrect } from './wizardFields';

const STATUS_WORDS: Record<Exclude<PhoneEntryStatus, 'ok'>, string> = {
  invalid: 'Not a valid number',
  toll_free: 'Toll-free',
  non_us: 'Not a US number',
  duplicate: 'Duplicate',
  over_limit: 'Over the limit',
};

/** Paste numbers in any format (or import a CSV); each line is checked and explained. */
export function NumbersStep() {
  const draft = useWizard((s) => s.draft);
  const edit = useWizard((s) => s.edit);
  const keepNotAdded = useWizard((s) => s.keepNotAdded);
  const [text, setText] = useState('');
  const [csvFile, setCsvFile] = useState<File | null>(null);
  const [added, setAdded] = useState<number | null>(null);
  const [confirmRemoveAll, setConfirmRemoveAll] = useState(false);
  const focusField = useWizard((s) => s.focusField);
  const clearFocusField = useWizard((s) => s.clearFocusField);
  const error = useFieldError('phoneNumbers');
  const toCorrect = useToCorrect('phoneNumbers');
  const numbers = useMemo(() => draft?.payload.phoneNumbers ?? [], [draft?.payload.phoneNumbers]);

  // What is wrong with a number already in the request (not portable, listed twice, held by
  // another request): marked on its chip and said under the list, so Review's "Edit" lands
  // on something.
  const numberProblems = useMemo(() => {
    const byIndex = new Map<number, string[]>();
    if (!draft) return byIndex;
    for (const e of fieldErrorsOf(draft)) {
      const match = /^phoneNumbers\.(\d+)\.phoneNumber$/.exec(e.field);
      if (!match) continue;
      const index = Number(match[1]);
      byIndex.set(index, [...(byIndex.get(index) ?? []), e.message]);
    }
    return byIndex;
  }, [draft]);
  const held = useMemo(
    () => new Set((draft?.heldNumbers ?? []).map((h) => h.phoneNumber)),
    [draft?.heldNumbers],
  );

  useEffect(() => {
    if (!focusField) return;
    const match = /^phoneNumbers\.(\d+)/.exec(focusField);
    const target = match
      ? document.querySelector<HTMLElement>(`[data-number-index="${match[1]}"]`)
      : document.getElementById('numbers-list-title');
    if (target) {
      target.scrollIntoView({ block: 'center' });
      target.focus();
    }
    clearFocusField();
  }, [focusField, clearFocusField]);

  const parsed: PhoneListResult | null = useMemo(
    () =>
      text.trim()
        ? parsePhoneList(text, { alreadyListed: numbers.map((n) => n.phoneNumber) })
        : null,
    [text, numbers],
  );
  const problems = parsed?.lines.flatMap((line) =>
    line.entries
      .filter((e) => e.status !== 'ok')
      .map((entry) => ({ line: line.lineNumber, entry })),
  );
  const notes = parsed?.lines.filter((line) => line.note && line.entries.length === 0) ?? [];

  function addNumbers(list: readonly string[], pins?: ReadonlyMap<string, string>) {
    const next: DraftPhoneNumber[] = [
      ...numbers,
      ...list.map((phoneNumber) => ({ phoneNumber, pin: pins?.get(phoneNumber) ?? null })),
    ];
    edit({ phoneNumbers: next });
    setAdded(list.length);
  }

  function addParsed() {
    if (!parsed) return;
    addNumbers(parsed.numbers);
    // Refused for good (no edit makes them portable through the API): their lines leave the
    // box, so they are listed under it with their reasons until copied or dismissed.
    keepNotAdded(
      parsed.lines.flatMap((line) =>
        line.entries.flatMap((entry): NotAddedNumber[] =>
          entry.status === 'toll_free' || entry.status === 'non_us'
            ? [{ text: entry.text, status: entry.status, reason: entry.reason ?? '' }]
            : [],
        ),
      ),
    );
    // Keep only the lines that still need the agent, so they can be fixed in place.
    const keep = new Set(
      parsed.lines
        .filter((line) =>
          line.entries.some((e) => e.status === 'invalid' || e.status === 'over_limit'),
        )
        .map((line) => line.lineNumber),
    );
    setText(
      text
        .split(/\r\n|\r|\n/)
        .filter((_, index) => keep.has(index + 1))
        .join('\n'),
    );
  }

  function remove(phoneNumber: string) {
    edit({ phoneNumbers: numbers.filter((n) => n.phoneNumber !== phoneNumber) });
    setAdded(null);
  }

  const room = MAX_NUMBERS_PER_REQUEST - numbers.length;

  return (
    <div className="stack stack--lg">
      <div>
        <h2>Numbers to port</h2>
        <p className="muted">
          Paste them in any format — one or several per line, with labels or extensions — or import
          a CSV. US local and mobile numbers only; at most {formatCount(MAX_NUMBERS_PER_REQUEST)}{' '}
          per request.
        </p>
      </div>
      {toCorrect ? (
        <Banner tone="warning" title="To correct">
          {toCorrect}
        </Banner>
      ) : null}
      <div className="numbers-input">
        <TextField
          label="Paste numbers"
          multiline
          rows={7}
          value={text}
          onChange={(value) => {
            setText(value);
            setAdded(null);
          }}
          placeholder={
            '(415) 555-0132\n415.555.0133, +1 415 555 0134\nMain line: 1-415-555-0135 ext 12'
          }
          description={room > 0 ? `Room for ${formatCount(room)} more.` : 'This request is full.'}
        />
        <div className="row">
          <Button
            variant="primary"
            isDisabled={!parsed || parsed.numbers.length === 0}
            onPress={addParsed}
          >
            {parsed && parsed.numbers.length > 0
              ? `Add ${plural(parsed.numbers.length, 'number')}`
              : 'Add numbers'}
          </Button>
          <FileTrigger
            acceptedFileTypes={['.csv', 'text/csv', '.txt', 'text/plain']}
            onSelect={(files) => {
              const file = files?.[0];
              if (file) setCsvFile(file);
            }}
          >
            <Button>
              <IconFile /> Import CSV…
            </Button>
          </FileTrigger>
          {parsed ? (
            <span className="muted small" role="status">
              {summaryOf(parsed)}
            </span>
          ) : added !== null ? (
            <span className="small text-success" role="status">
              {plural(added, 'number')} added.
            </span>
          ) : null}
        </div>
        {problems && problems.length + notes.length > 0 ? (
          <ul className="line-problems" aria-label="Lines that need attention">
            {problems.map(({ line, entry }, index) => (
              <li key={`${line}-${index}`} className={`line-problem line-problem--${entry.status}`}>
                <span className="line-problem__line">Line {line}</span>
                <span
                  className={`flag ${entry.status === 'duplicate' ? 'tone-neutral' : entry.status === 'invalid' ? 'tone-danger' : 'tone-warning'}`}
                >
                  {STATUS_WORDS[entry.status as Exclude<PhoneEntryStatus, 'ok'>]}
                </span>
                <span className="line-problem__reason">{entry.reason}</span>
              </li>
            ))}
            {notes.map((line) => (
              <li key={`note-${line.lineNumber}`} className="line-problem">
                <span className="line-problem__line">Line {line.lineNumber}</span>
                <span className="flag tone-neutral">Skipped</span>
                <span className="line-problem__reason">
                  {line.note} <span className="muted">“{line.text.slice(0, 60)}”</span>
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        <NotAddedList />
      </div>

      <section aria-labelledby="numbers-list-title" className="stack">
        <div className="row row--between">
          <h3 id="numbers-list-title">In this request: {plural(numbers.length, 'number')}</h3>
          {numbers.length > 0 ? (
            <Button variant="ghost" size="sm" onPress={() => setConfirmRemoveAll(true)}>
              <IconTrash size={14} /> Remove all
            </Button>
          ) : null}
        </div>
        {error ? (
          <p className="field__error" role="alert">
            {error}
          </p>
        ) : null}
        {numbers.length === 0 ? (
          <p className="muted">No numbers yet. Paste some above.</p>
        ) : (
          <ul className="number-chips" aria-label="Numbers in this request">
            {numbers.map((n, index) => (
              <li
                key={n.phoneNumber}
                className={`number-chip ${numberProblems.has(index) || held.has(n.phoneNumber) ? 'number-chip--problem' : ''}`}
                data-number-index={index}
                tabIndex={-1}
                title={numberProblems.get(index)?.join(' ')}
              >
                <span className="tabular">{formatUsPhoneNumber(n.phoneNumber)}</span>
                {held.has(n.phoneNumber) ? (
                  <span className="number-chip__flag">in another request</span>
                ) : numberProblems.has(index) ? (
                  <span className="number-chip__flag">to fix</span>
                ) : null}
                <Button
                  variant="ghost"
                  size="sm"
                  iconOnly
                  aria-label={`Remove ${formatUsPhoneNumber(n.phoneNumber)}`}
                  onPress={() => remove(n.phoneNumber)}
                >
                  <IconX size={12} />
                </Button>
              </li>
            ))}
          </ul>
        )}
        {numberProblems.size > 0 ? (
          <ul className="review-errors" aria-label="Numbers to fix">
            {[...numberProblems].map(([index, messages]) => (
              <li key={index}>
                <span className="flag tone-danger">Number {index + 1}</span> {messages.join(' ')}
              </li>
            ))}
          </ul>
        ) : null}
        <HeldNumbersNotice />
      </section>
      <ConfirmDialog
        isOpen={confirmRemoveAll}
        onOpenChange={setConfirmRemoveAll}
        title={`Remove all ${plural(numbers.length, 'number')}?`}
        confirmLabel="Remove all"
        danger
        onConfirm={() => {
          setConfirmRemoveAll(false);
          edit({ phoneNumbers: [] });
          setAdded(null);
        }}
      >
        <p>
          The request is left without numbers, and their portability answers and PINs go with them.
          Paste or import them again to bring them back.
        </p>
      </ConfirmDialog>
      {csvFile ? (
        <CsvImportDialog
          file={csvFile}
          alreadyListed={numbers.map((n) => n.phoneNumber)}
          onClose={() => setCsvFile(null)}
          onImport={(list, pins, rowsNotAdded) => {
            addNumbers(list, pins);
            keepNotAdded(rowsNotAdded);
            setCsvFile(null);
          }}
        />
      ) : null}
    </div>
  );
}

/** What an Add left out for good, with the reasons, until the agent copies or dismisses it. */
function NotAddedList() {
  const notAdded = useWizard((s) => s.notAdded);
  const dismiss = useWizard((s) => s.dismissNotAdded);
  if (notAdded.length === 0) return null;

  const copy = () =>
    copyToClipboard(
      notAdded
        .map((n) => n.text)
        .filter((text) => text !== '')
        .join('\n'),
      {
        copied: `Copied ${plural(notAdded.length, 'number')} not added.`,
        failedPrefix: 'Not copied',
      },
    );

  return (
    <Banner
      tone="warning"
      title={`Not added: ${plural(notAdded.length, notAdded.some((n) => n.row !== undefined) ? 'row' : 'number')}`}
      action={
        <div className="row">
          <Button size="sm" onPress={() => void copy()}>
            <IconCopy size={14} /> Copy
          </Button>
          <Button variant="ghost" size="sm" onPress={dismiss}>
            Dismiss
          </Button>
        </div>
      }
    >
      <NotAddedRows rows={notAdded} label="Numbers not added" />
    </Banner>
  );
}

function summaryOf(parsed: PhoneListResult): string {
  const { counts } = parsed;
  const parts = [`${plural(counts.ok, 'number')} ready`];
  if (counts.invalid) parts.push(`${formatCount(counts.invalid)} invalid`);
  if (counts.duplicate) parts.push(`${plural(counts.duplicate, 'duplicate')} merged`);
  if (counts.toll_free) parts.push(`${formatCount(counts.toll_free)} toll-free`);
  if (counts.non_us) parts.push(`${formatCount(counts.non_us)} not US`);
  if (counts.over_limit) parts.push(`${formatCount(counts.over_limit)} over the limit`);
  return parts.join(' · ');
}
