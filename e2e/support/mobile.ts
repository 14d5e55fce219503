import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Locator } from 'playwright-core';

/** A phone-sized viewport (iPhone 12–15), the member app's reference size. */
export const PHONE = { width: 390, height: 844 };

/** Reads the QR code shown in an element from a screenshot of it, as a scanner would. */
export async function decodeQr(element: Locator): Promise<string | null> {
  const png = PNG.sync.read(await element.screenshot());
  const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height);
  return code?.data ?? null;
}
