import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer on its own, for the web host and the end-to-end tests. electron.vite.config.ts
// builds the same renderer for the desktop app, together with main and preload.
export const rendererConfig = {
  root: resolve(import.meta.dirname, 'src/renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
  },
};

export default defineConfig(rendererConfig);
