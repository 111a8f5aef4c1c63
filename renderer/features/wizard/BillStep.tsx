import { useState } from 'react';
import { useDropzone, type FileRejection } from 'react-dropzone';
import { BILL_FILE_TYPES, BILL_MAX_BYTES } from '../../../shared/ipc';
import { useWizard } from '../../store/wizardStore';
import { Button } from '../../ui/Button';
import { formatBytes, plural } from '../../ui/format';
import { IconFile, IconTrash, IconUpload } from '../../ui/icons';
import { Banner, ProgressBar } from '../../ui/states';
import { billContentRefusal } from './billContent';
import { BillPreview } from './BillPreview';
import { useFieldError, useToCorrect } from './wizardFields';

// The shared list, as the mutable arrays react-dropzone's type asks for.
const ACCEPT = Object.fromEntries(
  Object.entries(BILL_FILE_TYPES).map(([mime, extensions]) => [mime, [...extensions]]),
);

/** Why a file was refused before upload, in words. */
export function refusalReason(rejection: FileRejection): string {
  const { file, errors } = rejection;
  const codes = new Set(errors.map((e) => e.code));
  if (codes.has('file-too-large')) {
    return `${file.name} is ${formatBytes(file.size)}; Twilio accepts a utility bill of at most 10 MB. Scan it at a lower resolution or save it as a smaller PDF.`;
  }
  if (codes.has('file-invalid-type')) {
    const kind = file.type || file.name.split('.').pop() || 'unknown type';
    return `${file.name} is not a PDF, JPEG or PNG (it is ${kind}). Twilio accepts a utility bill as a PDF or an image.`;
  }
  if (codes.has('too-many-files')) return 'Drop one file: the request takes one utility bill.';
  return `${file.name} was refused: ${errors.map((e) => e.message).join('; ')}`;
}

/**
 * What one drop refused, each thing said once: several files dropped together are one
 * mistake (react-dropzone refuses each of them as "too many files"), named in one message.
 */
export function refusalsOfDrop(rejections: readonly FileRejection[]): string[] {
  const tooMany = rejections.filter((r) => r.errors.some((e) => e.code === 'too-many-files'));
  if (tooMany.length > 0) {
    const names = tooMany.map((r) => r.file.name);
    const shown = names.length > 3 ? [...names.slice(0, 3), `${names.length - 3} more`] : names;
    return [
      `Drop one file: the request takes one utility bill, and ${plural(names.length, 'file')} came at once (${shown.join(', ')}).`,
    ];
  }
  return [...new Set(rejections.map(refusalReason))];
}

const PHASE_WORDS: Record<string, string> = {
  reading: 'Reading the file…',
  checking: 'Checking the file…',
  storing: 'Saving a copy in PortDesk…',
  uploading: 'Uploading to Twilio…',
  uploaded: 'Uploaded',
  failed: 'Not attached',
};

/** The utility bill by drag and drop or a file picker, checked before it is sent. */
export function BillStep() {
  const bill = useWizard((s) => s.draft?.bill ?? null);
  const draftId = useWizard((s) => s.draft?.id);
  const upload = useWizard((s) => s.upload);
  const billBytes = useWizard((s) => s.billBytes);
  const attach = useWizard((s) => s.attachBill);
  const removeBill = useWizard((s) => s.removeBill);
  const billError = useFieldError('bill');
  const documentError = useFieldError('billDocumentId');
  const error = billError ?? documentError;
  const toCorrect = useToCorrect('bill');
  const [refused, setRefused] = useState<string[]>([]);
  // The zone's own look, not react-dropzone's: its reject state outlives the drop (until the
  // next drag event), and a drag's late-resolving dragenter can even revive it after the drop.
  // Red while a refused file is dragged over it and after a refusal, until the next drag or
  // click; the reason, below, stays until the next file replaces it.
  const [dragging, setDragging] = useState(false);
  const [showRefused, setShowRefused] = useState(false);

  /** Name and size passed the drop zone; the first bytes decide before anything is sent. */
  async function attachIfBill(file: File) {
    const refusal = await billContentRefusal(file);
    if (refusal) {
      setRefused((shown) => (shown.includes(refusal) ? shown : [...shown, refusal]));
      setShowRefused(true);
    } else await attach(file);
  }

  const busy = upload !== null && upload.phase !== 'failed' && upload.phase !== 'uploaded';
  const { getRootProps, getInputProps, isDragActive, isDragReject, open } = useDropzone({
    accept: ACCEPT,
    maxSize: BILL_MAX_BYTES,
    maxFiles: 1,
    multiple: false,
    noClick: true,
    noKeyboard: true,
    disabled: busy,
    onDragLeave: () => setDragging(false),
    onDrop: (accepted, rejections) => {
      setRefused(refusalsOfDrop(rejections));
      setShowRefused(rejections.length > 0);
      const file = accepted[0];
      if (file) void attachIfBill(file);
    },
  });
  const active = dragging && isDragActive;
  const reject = active ? isDragReject : showRefused;

  function choose() {
    setShowRefused(false);
    open();
  }

  return (
    <div className="stack stack--lg">
      <div>
        <h2>Utility bill</h2>
        <p className="muted">
          A recent bill (dated within the last 30 days) from the losing carrier, showing the
          account, the customer or authorized person&apos;s name and the service address. PDF, JPEG
          or PNG, at most 10 MB, not password-protected.
        </p>
      </div>
      {toCorrect ? (
        <Banner tone="warning" title="To correct">
          {toCorrect}
        </Banner>
      ) : null}

      {bill ? (
        <div className="bill-card card" data-testid="bill-card">
          <div className="card__body row">
            <span className="bill-card__icon" aria-hidden="true">
              <IconFile size={24} />
            </span>
            <div className="grow">
              <p className="bill-card__name">{bill.name}</p>
              <p className="muted small">
                {formatBytes(bill.sizeBytes)} ·{' '}
                {bill.mimeType === 'application/pdf'
                  ? 'PDF'
                  : bill.mimeType.replace('image/', '').toUpperCase()}{' '}
                ·{' '}
                {bill.uploaded
                  ? 'uploaded to Twilio'
                  : 'saved in PortDesk; uploaded when you submit'}
              </p>
            </div>
            <Button onPress={choose} isDisabled={busy}>
              Replace…
            </Button>
            <Button
              variant="ghost"
              onPress={() => void removeBill()}
              isDisabled={busy}
              aria-label={`Remove ${bill.name}`}
            >
              <IconTrash /> Remove
            </Button>
          </div>
        </div>
      ) : null}

      {bill && billBytes && billBytes.draftId === draftId ? (
        <BillPreview
          key={`${billBytes.draftId}:${billBytes.name}:${billBytes.bytes.byteLength}`}
          bill={billBytes}
        />
      ) : null}

      <div
        {...getRootProps({
          className: `dropzone ${active ? 'dropzone--active' : ''} ${reject ? 'dropzone--reject' : ''} ${bill ? 'dropzone--compact' : ''}`,
          onDragEnter: () => {
            setDragging(true);
            setShowRefused(false);
          },
          onDrop: () => setDragging(false),
          onClick: () => setShowRefused(false),
        })}
        data-testid="bill-dropzone"
      >
        <input {...getInputProps({ 'aria-label': 'Utility bill file' })} />
        <IconUpload size={bill ? 20 : 32} />
        <p className="dropzone__title">
          {active
            ? isDragReject
              ? 'That file type is not accepted'
              : 'Drop the bill here'
            : bill
              ? 'Drop another file to replace it'
              : 'Drag the utility bill here'}
        </p>
        {bill ? null : (
          <>
            <p className="muted small">or</p>
            <Button variant="primary" onPress={choose} isDisabled={busy}>
              Choose a file…
            </Button>
          </>
        )}
      </div>

      {upload && upload.phase !== 'uploaded' ? (
        upload.phase === 'failed' ? (
          <Banner tone="danger" title={`${upload.name} was not attached`} role="alert">
            {upload.message}
          </Banner>
        ) : (
          <ProgressBar
            label={`${upload.name}: ${PHASE_WORDS[upload.phase] ?? upload.phase}`}
            value={upload.loadedBytes}
            max={Math.max(upload.totalBytes, 1)}
            detail={`${formatBytes(upload.loadedBytes)} of ${formatBytes(upload.totalBytes)}`}
          />
        )
      ) : null}
      {refused.map((reason) => (
        <Banner key={reason} tone="danger" title="File refused" role="alert">
          {reason}
        </Banner>
      ))}
      {error && !bill ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
