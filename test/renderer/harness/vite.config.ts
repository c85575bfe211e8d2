import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Builds the screenshot harness: `npx vite build --config test/renderer/harness/vite.config.ts`.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: { outDir: resolve(import.meta.dirname, '../../../out/renderer-harness'), emptyOutDir: true, target: 'esnext' },
});
