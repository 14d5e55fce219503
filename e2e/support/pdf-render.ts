import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';

const require = createRequire(import.meta.url);
const ORIGIN = 'http://pdf-viewer.test';

/**
 * Renders a PDF's first page in Chromium with pdf.js (as a browser's viewer would, with the
 * fonts the PDF embeds: the machine has no CJK system font to fall back on), saves a PNG of it,
 * and answers the text pdf.js reads from every page.
 */
export async function renderPdf(browser: Browser, pdf: Buffer, pngPath: string): Promise<string> {
  const context = await browser.newContext({ viewport: { width: 900, height: 1200 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const files: Record<string, { body: Buffer | string; type: string }> = {
    '/pdf.mjs': { body: readFileSync(require.resolve('pdfjs-dist/build/pdf.min.mjs')), type: 'text/javascript' },
    '/pdf.worker.mjs': { body: readFileSync(require.resolve('pdfjs-dist/build/pdf.worker.min.mjs')), type: 'text/javascript' },
    '/doc.pdf': { body: pdf, type: 'application/pdf' },
    '/': {
      type: 'text/html',
      body: `<!doctype html><meta charset="utf-8"><body style="margin:0;background:#888"><canvas id="c"></canvas>
<script type="module">
import * as pdfjs from '/pdf.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.mjs';
try {
  const doc = await pdfjs.getDocument({ url: '/doc.pdf', disableFontFace: false }).promise;
  const first = await doc.getPage(1);
  const viewport = first.getViewport({ scale: 1.4 });
  const canvas = document.getElementById('c');
  canvas.width = viewport.width;
  canvas.height = viewport.height;
  await first.render({ canvasContext: canvas.getContext('2d'), viewport }).promise;
  const texts = [];
  for (let i = 1; i <= doc.numPages; i++) texts.push((await (await doc.getPage(i)).getTextContent()).items.map((x) => x.str).join(''));
  window.pdfText = texts.join('\\n');
} catch (e) {
  window.pdfText = 'ERROR ' + e.message;
}
</script>`,
    },
  };
  await page.route(`${ORIGIN}/**`, (route) => {
    const f = files[new URL(route.request().url()).pathname];
    return f ? route.fulfill({ status: 200, contentType: f.type, body: f.body }) : route.fulfill({ status: 404, body: '' });
  });
  await page.goto(`${ORIGIN}/`);
  const text = (await (await page.waitForFunction(() => (window as unknown as { pdfText?: string }).pdfText)).jsonValue()) as string;
  await page.locator('#c').screenshot({ path: pngPath });
  await context.close();
  return text;
}
