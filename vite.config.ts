import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
// With its .js extension Vite's config loader resolves the .ts file (it warns about extension-less imports).
import { injectCspMeta } from './shared/content-security-policy.js';

export default defineConfig({
  root: 'renderer',
  // Relative asset URLs: the same build is served by Electron's custom protocol and by the local HTTP server.
  base: './',
  // The page's <meta> policy is the hosts' header policy (shared/content-security-policy.ts), filled in before Vite reads the page.
  plugins: [react(), { name: 'cnfs-csp-meta', transformIndexHtml: { order: 'pre', handler: injectCspMeta } }],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Loaded from disk or 127.0.0.1, never over a network: one bundle is simpler than code splitting.
    chunkSizeWarningLimit: 1500,
  },
});
