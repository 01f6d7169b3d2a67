import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The gateway (./crm up) serves the API and the sign-in; the dev server forwards to it.
// Open http://localhost:5173 after signing in once at http://localhost:8080 — both are
// "localhost", so the gateway's SESSION and XSRF-TOKEN cookies are sent to the dev server too.
const gateway = process.env.CRM_GATEWAY_URL ?? 'http://localhost:8080';
const forward = { target: gateway, changeOrigin: false, xfwd: true };

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': forward,
      '/oauth2': forward,
      '/login': forward,
      '/logout': forward,
    },
  },
});
