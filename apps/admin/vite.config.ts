import { defineConfig } from 'vite';

// The server serves the built console under /admin/ and redirects / there.
export default defineConfig({
  base: '/admin/',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // One console bundle (antd + pro-components) is expected to be large.
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
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
