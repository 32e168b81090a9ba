// Vite build of the explorer: `vite build client` writes the static bundle to dist/client,
// which the server serves; the Cypher editor is split into its own lazily loaded chunk.
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
    sourcemap: false,
  },
  server: {
    // The contract lives one level up, outside the Vite root.
    fs: { allow: ['..'] },
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
