// `npm start`: the desktop app against the embedded mock gateway with a demo account. Where the
// Electron binary cannot be had (offline machines), say so in one line and open the same app
// through the web host in the browser instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const passThrough = process.argv.slice(2);

/** The Electron executable, fetching it once (quietly) if the electron package has not yet. */
function electronBinary() {
  let dir;
  try {
    dir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const installed = () => {
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  };
  if (installed()) return installed();
  // Electron downloads its binary on first use; where there is no network this fails, and we say so once.
  spawnSync(process.execPath, [join(dir, 'install.js')], { stdio: 'ignore', timeout: 180_000 });
  return installed();
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
