// The dashboard is built into dist/ and served by the API server at `/` (same origin: the refresh
// cookie and CSRF double-submit need it). `npm run dev -w @saasready/admin` proxies the API to :8000.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500, sourcemap: false },
  server: {
    proxy: { '/api': 'http://localhost:8000' },
  },
});
