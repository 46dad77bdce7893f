// The Solid app's dev server and build. In development it passes /api/* (WebSocket
// upgrades included) to the Worker, so the browser sees one origin as it does in
// production, where Pages and the Worker share a zone.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [solid()],
  server: {
    host: 'localhost',
    proxy: {
      '/api': { target: process.env.JESECI_API_URL ?? 'http://127.0.0.1:8787', ws: true },
    },
  },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
