// `npm start`: the desktop app against the embedded mock gateway with a demo account. Where the
// Electron binary cannot be had (offline machines), say so in one line and open the same app
// through the web host in the browser instead.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const passThrough = process.argv.slice(2);

function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' ? path : null;
  } catch {
    return null;
  }
}

function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
  for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => child.kill(s));
}

const binary = electronBinary();
if (binary) {
  const built = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  run(binary, ['.', '--demo', ...passThrough]);
} else {
  console.log('Electron is not available on this machine (its binary could not be downloaded), so Placet Companion opens in your browser instead.');
  run('npm', ['run', '--silent', 'start:web', '--', '--demo', '--open', ...passThrough]);
}
