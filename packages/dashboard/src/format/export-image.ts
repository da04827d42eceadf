/**
 * PNG and SVG downloads of what a chart panel shows: every `svg[data-export]` in the panel,
 * stacked under the chart's title, with the source and the OGL attribution underneath, so an
 * image pasted into a report still says where the figures come from.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const FONT = 'Arial, Helvetica, sans-serif';
const MARGIN = 16;

export interface ImageText {
  title: string;
  footer: readonly string[];
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/** Splits text into lines that fit a width, estimating ~0.55 em per character (Arial). */
export function wrapText(text: string, width: number, fontSize: number): string[] {
  const perLine = Math.max(10, Math.floor(width / (fontSize * 0.55)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && `${line} ${word}`.length > perLine) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function sizeOf(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = box.width || Number(svg.getAttribute('width')) || svg.viewBox.baseVal?.width || 300;
  const height = box.height || Number(svg.getAttribute('height')) || svg.viewBox.baseVal?.height || 150;
  return { width: Math.ceil(width), height: Math.ceil(height) };
}

/** One SVG document from the panel's charts (text only where the charts are empty). */
export function composeSvg(container: HTMLElement, text: ImageText): { svg: string; width: number; height: number } {
  const parts = Array.from(container.querySelectorAll<SVGSVGElement>('svg[data-export], svg.recharts-surface'));
  const sizes = parts.map(sizeOf);
  const labelled = parts.map((p) => p.getAttribute('data-export-label'));
  const width = Math.max(480, ...sizes.map((s) => s.width)) + MARGIN * 2;
  const inner = width - MARGIN * 2;
  let y = MARGIN;
  const body: string[] = [];
  const write = (line: string, size: number, colour: string, bold = false) => {
    for (const piece of wrapText(line, inner, size)) {
      y += size + 5;
      body.push(`<text x="${MARGIN}" y="${y}" font-family="${FONT}" font-size="${size}"${bold ? ' font-weight="bold"' : ''} fill="${colour}">${escapeXml(piece)}</text>`);
    }
  };
  write(text.title, 18, '#0b0c0c', true);
  y += 12;
  parts.forEach((part, i) => {
    const label = labelled[i];
    if (label) {
      y += 4;
      write(label, 13, '#0b0c0c');
      y += 4;
    }
    const clone = part.cloneNode(true) as SVGSVGElement;
    clone.setAttribute('x', String(MARGIN));
    clone.setAttribute('y', String(y));
    clone.setAttribute('width', String(sizes[i].width));
    clone.setAttribute('height', String(sizes[i].height));
    clone.removeAttribute('style');
    clone.removeAttribute('class');
    body.push(new XMLSerializer().serializeToString(clone));
    y += sizes[i].height + 8;
  });
  for (const line of text.footer) write(line, 12, '#505a5f');
  const height = y + MARGIN;
  const svg = `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}"><rect width="100%" height="100%" fill="#ffffff"/>${body.join('')}</svg>`;
  return { svg, width, height };
}

/** Offers a file to the user (the browser's normal download). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadSvg(container: HTMLElement, text: ImageText, fileName: string): void {
  const { svg } = composeSvg(container, text);
  downloadBlob(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }), fileName);
}

/** Renders the composed SVG onto a canvas at twice the size and downloads it as PNG. */
export async function downloadPng(container: HTMLElement, text: ImageText, fileName: string): Promise<void> {
  const { svg, width, height } = composeSvg(container, text);
  // A data: URL, not a blob: one: the server's Content-Security-Policy allows images from 'self' and data: only.
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
      image.src = url;
    });
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = width * scale;
    canvas.height = height * scale;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw images.');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The chart could not be saved as PNG.');
    downloadBlob(blob, fileName);
  }
}
