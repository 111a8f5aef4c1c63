import { useEffect, useRef, useState } from 'react';
import type { LocalBillBytes } from '../../store/wizard/wizardState';
import { formatBytes, plural } from '../../ui/format';
import { Banner, Spinner } from '../../ui/states';
import { pageSizeWords } from './pageSize';
import type { PdfPreview } from './pdfPreview';

type State = { phase: 'loading' } | { phase: 'done'; result: PdfPreview };

/**
 * The attached bill as the agent will send it: a PDF's first page drawn by pdf.js (loaded on
 * demand), its page count and page size; an image as it is. Known only for a file attached in
 * this session: the renderer never reads a stored bill back from main.
 */
export function BillPreview({ bill }: { bill: LocalBillBytes }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<State>({ phase: 'loading' });
  const isPdf = bill.mimeType === 'application/pdf';
  const imageRef = useRef<HTMLImageElement>(null);

  // The image is shown from a blob: URL (the CSP's img-src allows it), revoked when done.
  useEffect(() => {
    const image = imageRef.current;
    if (isPdf || !image) return undefined;
    const url = URL.createObjectURL(new Blob([bill.bytes.slice()], { type: bill.mimeType }));
    image.src = url;
    return () => URL.revokeObjectURL(url);
  }, [bill, isPdf]);

  // A new bill remounts this component (BillStep keys it), so the state starts at loading.
  useEffect(() => {
    if (!isPdf) return undefined;
    let live = true;
    void (async () => {
      const canvas = canvasRef.current;
      if (!canvas) return;
      const { renderPdfPreview } = await import('./pdfPreview');
      const result = await renderPdfPreview(bill.bytes, canvas);
      if (live) setState({ phase: 'done', result });
    })();
    return () => {
      live = false;
    };
  }, [bill, isPdf]);

  const result = state.phase === 'done' ? state.result : null;
  return (
    <section className="bill-preview card" aria-label={`Preview of ${bill.name}`}>
      <div className="card__body bill-preview__body">
        {isPdf ? (
          <canvas
            ref={canvasRef}
            className="bill-preview__page"
            role="img"
            aria-label={`First page of ${bill.name}`}
            hidden={!result?.ok}
          />
        ) : (
          <img ref={imageRef} className="bill-preview__page" alt={`${bill.name} as attached`} />
        )}
        <div className="stack">
          <h3>Preview</h3>
          {!isPdf ? (
            <p className="muted small">
              {bill.mimeType.replace('image/', '').toUpperCase()} image ·{' '}
              {formatBytes(bill.bytes.byteLength)}
            </p>
          ) : state.phase === 'loading' ? (
            <p className="row muted small">
              <Spinner /> Reading the PDF…
            </p>
          ) : result?.ok ? (
            <p className="small" data-testid="bill-preview-facts">
              {plural(result.pages, 'page')} · {pageSizeWords(result.widthPt, result.heightPt)} ·{' '}
              {formatBytes(bill.bytes.byteLength)}
            </p>
          ) : result?.problem === 'encrypted' ? (
            <Banner tone="danger" title="This PDF is password-protected" role="alert">
              Twilio and the carrier cannot open it. Save or print an unprotected copy of the bill
              and attach that.
            </Banner>
          ) : (
            <Banner tone="warning" title="PortDesk cannot read this PDF" role="alert">
              It may be damaged or not really a PDF; Twilio may not be able to read it either. Open
              it on your computer to check, or attach another copy.
            </Banner>
          )}
          {result?.ok ? (
            <p className="muted small">
              Check that the bill shows the account, the customer&apos;s name and the service
              address, and that it is recent (within 30 days).
            </p>
          ) : null}
        </div>
      </div>
    </section>
  );
}
