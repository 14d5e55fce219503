import { defineConfig } from 'vite';

/**
 * Vendor chunks, by package: they change far less often than the console's own code, so a
 * release leaves them cached. pro-components gets its own chunk, which only the console
 * pages import, so the login, register and password pages never download it.
 */
const vendorChunks: [chunk: string, packages: RegExp][] = [
  ['react', /\/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom|cookie|set-cookie-parser)\//],
  ['pro-components', /\/node_modules\/@ant-design\/pro-[^/]+\//],
  // dayjs goes with antd (its date pickers need it; main.tsx sets its locale): left alone, rollup
  // would file it with pro-components, and the entry would then have to load that chunk too.
  ['antd', /\/node_modules\/(antd|@ant-design|@rc-component|rc-[^/]+|dayjs)\//],
];

function vendorChunk(id: string): string | undefined {
  return vendorChunks.find(([, packages]) => packages.test(id))?.[0];
}

// The server serves the built console under /admin/ and redirects / there.
export default defineConfig({
  base: '/admin/',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd with rc-* and dayjs is one chunk of about 1.4 MB: expected; anything larger is not.
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: { manualChunks: vendorChunk },
      onwarn(warning, warn) {
        // antd's "use client" directives and zod's comment placement are harmless noise.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' || warning.code === 'INVALID_ANNOTATION') return;
        warn(warning);
      },
    },
  },
  server: {
    // Keep the browser's Host header: the server's CSRF check compares it with Origin.
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
