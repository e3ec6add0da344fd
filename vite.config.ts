import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  // Relative asset URLs: the same build is served by Electron's custom protocol and by the local HTTP server.
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Loaded from disk or 127.0.0.1, never over a network: one bundle is simpler than code splitting.
    chunkSizeWarningLimit: 1500,
  },
});
