// Lint, and the layer rules of DESIGN.md: a wrong import fails `npm test`.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'http', 'https', 'net', 'tls', 'child_process', 'worker_threads'];
const zone = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});
const ban = (group, message) => ({ group, message });

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    // Plain JavaScript scripts run on Node.
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  // Layers. Only src/main/electron, src/main/index.ts and src/preload may import electron.
  zone(['src/shared/**'], [
    ban(nodeBuiltins, 'src/shared is isomorphic: no Node built-ins.'),
    ban(['react', 'react-dom', 'react/*', 'zustand', 'electron'], 'src/shared is isomorphic: no React, no electron.'),
    ban(['**/main/**', '**/renderer/**', '**/preload/**', '**/mock-gateway/**'], 'src/shared depends on nothing else in src.'),
  ]),
  zone(['src/main/core/**'], [
    ban(['electron', 'electron/*'], 'The core is plain Node: Electron capabilities come in through ports.'),
    ban(['react', 'react-dom', 'zustand'], 'The core has no UI.'),
    ban(['**/mock-gateway/**', '**/renderer/**', '**/preload/**', '**/electron/**', '**/web/**', '**/cli/**'], 'The core imports only src/shared and its own modules.'),
  ]),
  zone(['src/main/web/**', 'src/main/cli/**', 'src/main/host/**'], [
    ban(['electron', 'electron/*'], 'Only src/main/electron and src/main/index.ts import electron.'),
    ban(['**/renderer/**', '**/preload/**', '**/main/electron/**'], 'Hosts share the core, not each other.'),
  ]),
  zone(['src/main/electron/**', 'src/main/index.ts'], [
    ban(['**/renderer/**', '**/main/web/**', '**/main/cli/**'], 'The Electron host builds on the core and shared only.'),
  ]),
  zone(['src/preload/**'], [
    ban(['**/main/**', '**/renderer/**', '**/mock-gateway/**'], 'The preload exposes the bridge from the contract only.'),
    ban(nodeBuiltins, 'The preload is sandboxed: no Node built-ins.'),
  ]),
  zone(['src/renderer/**'], [
    ban(['electron', 'electron/*'], 'The renderer talks to its host only through the Bridge.'),
    ban(nodeBuiltins, 'The renderer runs in a browser: no Node built-ins.'),
    ban(['**/main/**', '**/preload/**', '**/mock-gateway/**'], 'The renderer imports only src/shared and its own modules.'),
  ]),
  zone(['src/mock-gateway/**'], [
    ban(['electron', 'electron/*'], 'The mock gateway is plain Node.'),
    ban(['**/main/**', '**/renderer/**', '**/preload/**'], 'The mock gateway may import src/shared only.'),
  ]),
);
