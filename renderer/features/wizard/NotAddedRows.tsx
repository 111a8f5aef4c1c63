import type { NotAddedNumber } from '../../store/wizard/wizardState';

/** The flag before each line or row that was not added. */
export const NOT_ADDED_WORDS: Record<NotAddedNumber['status'], string> = {
  invalid: 'Not a valid number',
  toll_free: 'Toll-free',
  non_us: 'Not a US number',
  duplicate: 'Duplicate',
  over_limit: 'Over the limit',
  no_number: 'No number',
};

const TONE: Record<NotAddedNumber['status'], string> = {
  invalid: 'tone-danger',
  no_number: 'tone-danger',
  duplicate: 'tone-neutral',
  toll_free: 'tone-warning',
  non_us: 'tone-warning',
  over_limit: 'tone-warning',
};

/** Pasted numbers or CSV rows left out, each with its reason ("Row 7, “abc” — …"). */
export function NotAddedRows({ rows, label }: { rows: readonly NotAddedNumber[]; label: string }) {
  return (
    <ul className="review-errors" aria-label={label}>
      {rows.map((n) => (
        <li key={`${n.row ?? ''}|${n.text}`}>
          <span className={`flag ${TONE[n.status]}`}>{NOT_ADDED_WORDS[n.status]}</span>{' '}
          {n.row !== undefined ? (
            <>
              Row {n.row}
              {n.text ? (
                <>
                  , “<span className="mono">{n.text}</span>”
                </>
              ) : null}
            </>
          ) : (
            <span className="mono">{n.text}</span>
          )}{' '}
          — {n.reason}
        </li>
      ))}
    </ul>
  );
}
