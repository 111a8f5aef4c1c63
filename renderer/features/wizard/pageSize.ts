/** Paper sizes a bill comes in, in PDF points (1/72 in), either way round. */
const PAPER: readonly { name: string; w: number; h: number }[] = [
  { name: 'Letter', w: 612, h: 792 },
  { name: 'Legal', w: 612, h: 1008 },
  { name: 'A4', w: 595, h: 842 },
];

export function pageSizeWords(widthPt: number, heightPt: number): string {
  const inches = (pt: number) => String(Math.round((pt / 72) * 10) / 10);
  const [w, h] = [Math.min(widthPt, heightPt), Math.max(widthPt, heightPt)];
  const paper = PAPER.find((p) => Math.abs(p.w - w) <= 3 && Math.abs(p.h - h) <= 3);
  const size = `${inches(widthPt)} × ${inches(heightPt)} in`;
  return paper ? `${paper.name}, ${size}` : size;
}
