// Vite build for the dashboard SPA: served by the Lantern server under /app/, built into dashboard/dist.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 700,
  },
  server: {
    // `npx vite --config dashboard/vite.config.ts` during development: the API runs on `npm start`'s port.
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
      '/lantern.js': { target: 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
});
