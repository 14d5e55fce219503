import { defineConfig } from 'vite';

/**
 * Vendor chunks by package, so a release leaves them cached on the member's phone. zod and the
 * contracts go with the pages that validate forms; qrcode only with the card page. The entry is
 * named member-entry-*.js so the build output shows its size.
 */
// antd-mobile is left to rollup, so each page chunk carries only the components it uses and the
// entry only the shell's (TabBar, Skeleton, ErrorBlock).
const vendorChunks: [chunk: string, packages: RegExp][] = [
  ['react', /\/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom|cookie|set-cookie-parser)\//],
  ['query', /\/node_modules\/@tanstack\//],
];

// The server serves the built member app under /member/.
export default defineConfig({
  base: '/member/',
  esbuild: { jsx: 'automatic' },
  // The root node_modules holds an older react-dom for another package: bundle only this app's React 19.
  resolve: { dedupe: ['react', 'react-dom'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      output: { entryFileNames: 'assets/member-entry-[hash].js', manualChunks: (id) => vendorChunks.find(([, re]) => re.test(id))?.[0] },
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' || warning.code === 'INVALID_ANNOTATION') return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5174,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
