import type { UserConfig } from 'vite';

/**
 * What the two phone apps built from this package share (the member app at /member/, the merchant
 * app at /merchant/). Vendor chunks by package, so a release leaves them cached on the phone. zod
 * and the contracts go with the pages that validate forms; qrcode only with the pages that show a
 * QR code, the camera scanner (@zxing) only with the merchant's scan page. The entry is named
 * `<name>-entry-*.js` so the build output shows its size.
 */
// antd-mobile is left to rollup, so each page chunk carries only the components it uses and the
// entry only the shell's (TabBar, Skeleton, ErrorBlock).
const vendorChunks: [chunk: string, packages: RegExp][] = [
  ['react', /\/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom|cookie|set-cookie-parser)\//],
  ['query', /\/node_modules\/@tanstack\//],
  ['zxing', /\/node_modules\/@zxing\//],
];

export function phoneAppConfig({ base, entryName, root, outDir, devPort }: { base: string; entryName: string; root?: string; outDir: string; devPort: number }): UserConfig {
  return {
    base,
    root,
    publicDir: new URL('./public', import.meta.url).pathname,
    esbuild: { jsx: 'automatic' },
    // The root node_modules holds an older react-dom for another package: bundle only this app's React 19.
    resolve: { dedupe: ['react', 'react-dom'] },
    build: {
      outDir,
      emptyOutDir: true,
      chunkSizeWarningLimit: 600,
      rollupOptions: {
        output: { entryFileNames: `assets/${entryName}-entry-[hash].js`, manualChunks: (id) => vendorChunks.find(([, re]) => re.test(id))?.[0] },
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' || warning.code === 'INVALID_ANNOTATION') return;
          warn(warning);
        },
      },
    },
    server: {
      port: devPort,
      proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
    },
  };
}
