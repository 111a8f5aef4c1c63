// pdf.js, loaded only when a PDF bill is previewed (BillPreview imports this module lazily), so
// it is not in the first-paint bundle. The worker is a separate file Vite bundles from the
// `new URL(…, import.meta.url)` below; the CSP's `worker-src 'self'` lets it run, and
// `isEvalSupported: false` keeps pdf.js from compiling fonts with `new Function` (no eval).
import { GlobalWorkerOptions, getDocument } from 'pdfjs-dist';

let workerStarted = false;

function startWorker(): void {
  if (workerStarted) return;
  workerStarted = true;
  GlobalWorkerOptions.workerPort = new Worker(
    new URL('pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url),
    { type: 'module' },
  );
}

export type PdfPreview =
  | { ok: true; pages: number; widthPt: number; heightPt: number }
  | { ok: false; problem: 'encrypted' | 'unreadable'; detail: string };

/** The preview's largest side in CSS pixels (the canvas is drawn at the screen's density). */
const PREVIEW_PX = 360;

/**
 * Reads a PDF's page count and first page size, and draws the first page on `canvas`. A PDF
 * that needs a password, or that pdf.js cannot parse, is answered in words, not thrown.
 */
export async function renderPdfPreview(
  bytes: Uint8Array,
  canvas: HTMLCanvasElement,
): Promise<PdfPreview> {
  startWorker();
  // pdf.js hands the buffer to its worker (detaching it): give it a copy.
  const task = getDocument({ data: bytes.slice(), isEvalSupported: false });
  let pdf;
  try {
    pdf = await task.promise;
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problem: name === 'PasswordException' ? 'encrypted' : 'unreadable',
      detail,
    };
  }
  try {
    const page = await pdf.getPage(1);
    const natural = page.getViewport({ scale: 1 });
    const scale = PREVIEW_PX / Math.max(natural.width, natural.height);
    const density = window.devicePixelRatio || 1;
    const viewport = page.getViewport({ scale: scale * density });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.style.width = `${Math.floor(viewport.width / density)}px`;
    canvas.style.height = `${Math.floor(viewport.height / density)}px`;
    await page.render({ canvas, viewport }).promise;
    return { ok: true, pages: pdf.numPages, widthPt: natural.width, heightPt: natural.height };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: 'unreadable', detail };
  } finally {
    void pdf.destroy();
  }
}
