import { validateDraftForSubmit, type NumberPortability } from '../../../shared/domain/draft';
import type { DraftView, FieldError } from '../../../shared/views';

/** Domain paths that the views spell differently (as main renames them). */
const VIEW_PATH: Readonly<Record<string, string>> = {
  accountId: 'account',
  billDocumentId: 'bill',
};

/** Only main can judge these: whether the bill is still on disk, whether the account exists. */
const MAIN_ONLY = new Set(['account', 'bill']);

function toViewPath(path: string): string {
  const [head = '', ...rest] = path.split('.');
  const renamed = VIEW_PATH[head];
  return renamed === undefined ? path : [renamed, ...rest].join('.');
}

const cache = new WeakMap<DraftView, { today: string; errors: FieldError[] }>();

/**
 * The draft's field errors as the agent types. Main re-judges a draft only when asked
 * (`validateDraft`, submit) and, on a save, just drops the errors of the fields edited; so the
 * wizard re-runs the same rules (shared/domain/draft.ts) on the draft it holds, fed with the
 * portability answers and bill it shows, and keeps main's word on what only main knows.
 */
export function liveFieldErrors(draft: DraftView, today: string): FieldError[] {
  if (draft.status !== 'editing' && draft.status !== 'failed') return draft.fieldErrors;
  const cached = cache.get(draft);
  if (cached?.today === today) return cached.errors;

  const portability = new Map<string, NumberPortability>();
  for (const result of draft.portability.results) {
    // A failed check judged nothing, as in main.
    if (result.outcome === 'failed') continue;
    portability.set(result.phoneNumber, {
      portable: result.outcome === 'portable',
      pinAndAccountNumberRequired: result.pinAndAccountNumberRequired,
      // The reason, so the error says it ("In one of your accounts…"), not "no reason given".
      notPortableReason: result.reason?.name ?? null,
      notPortableReasonCode: result.reason?.code ?? null,
    });
  }
  const verdict = validateDraftForSubmit(
    {
      ...draft.payload,
      accountId: draft.accountId,
      // Any id: the rules only ask whether a bill is attached.
      billDocumentId: draft.bill ? 1 : null,
    },
    { today, portability },
  );
  const live = verdict.ok
    ? []
    : verdict.errors.map((issue) => ({ field: toViewPath(issue.field), message: issue.message }));
  const judged = new Set(live.map((error) => error.field));
  const fromMain = draft.fieldErrors.filter(
    (error) => MAIN_ONLY.has(toViewPath(error.field)) && !judged.has(toViewPath(error.field)),
  );
  const errors = [...live, ...fromMain];
  cache.set(draft, { today, errors });
  return errors;
}
