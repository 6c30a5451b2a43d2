import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API server listens on :3000 in development (`npm run serve`); the dev server proxies to it so
// cookies stay first-party and the CSRF double-submit works exactly as in production.
const apiTarget = process.env.TIANFU_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd is large; one vendor chunk keeps the app shell cacheable between releases.
    chunkSizeWarningLimit: 1600,
  },
});
