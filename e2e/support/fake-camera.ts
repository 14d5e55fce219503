import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

/**
 * A camera for Chromium made from a screenshot: Chromium's fake capture device plays a Y4M file
 * (`--use-file-for-fake-video-capture`), so a page's getUserMedia sees the picture as a phone's
 * camera would. Y4M is a one-line header and raw I420 frames (BT.601 luma and chroma).
 */
export function writeY4mFromPng(png: Buffer, path: string, frames = 2): { width: number; height: number } {
  const img = PNG.sync.read(png);
  // I420 halves the chroma planes: crop to even dimensions.
  const width = img.width & ~1;
  const height = img.height & ~1;
  const y = Buffer.alloc(width * height);
  const u = Buffer.alloc((width / 2) * (height / 2));
  const v = Buffer.alloc((width / 2) * (height / 2));
  const px = (x: number, yy: number) => {
    const i = (yy * img.width + x) * 4;
    // Transparent pixels are shown on white, as on a screen.
    const a = img.data[i + 3] / 255;
    return [img.data[i] * a + 255 * (1 - a), img.data[i + 1] * a + 255 * (1 - a), img.data[i + 2] * a + 255 * (1 - a)];
  };
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const [r, g, b] = px(col, row);
      y[row * width + col] = Math.round(0.257 * r + 0.504 * g + 0.098 * b + 16);
    }
  }
  for (let row = 0; row < height; row += 2) {
    for (let col = 0; col < width; col += 2) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]]) {
        const [pr, pg, pb] = px(col + dx, row + dy);
        r += pr / 4;
        g += pg / 4;
        b += pb / 4;
      }
      const k = (row / 2) * (width / 2) + col / 2;
      u[k] = Math.round(-0.148 * r - 0.291 * g + 0.439 * b + 128);
      v[k] = Math.round(0.439 * r - 0.368 * g - 0.071 * b + 128);
    }
  }
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, u, v]);
  writeFileSync(path, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), ...Array.from({ length: frames }, () => frame)]));
  return { width, height };
}

/** A plain PNG of one colour with a darker frame: a stand-in licence, logo or cover to upload. */
export function samplePng(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const png = new PNG({ width, height });
  for (let yy = 0; yy < height; yy++)
    for (let x = 0; x < width; x++) {
      const edge = x < 6 || yy < 6 || x >= width - 6 || yy >= height - 6;
      const i = (yy * width + x) * 4;
      png.data[i] = edge ? r * 0.6 : r;
      png.data[i + 1] = edge ? g * 0.6 : g;
      png.data[i + 2] = edge ? b * 0.6 : b;
      png.data[i + 3] = 255;
    }
  return PNG.sync.write(png);
}
