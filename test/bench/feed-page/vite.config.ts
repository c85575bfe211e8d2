import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// P5's page: the renderer's feed next to a bare virtual list. Built into the bench's scratch folder.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  logLevel: 'error',
  build: { outDir: process.env.BENCH_FEED_OUT ?? 'dist', emptyOutDir: true },
});
