import type { Logger } from '../core/ports';

/**
 * JSON lines on stderr (electron-builder's launchers and journald keep them). The core's log
 * data is secret-free by design; this adds nothing to it.
 */
export function createMainLogger(write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Logger {
  const log = (level: string) => (msg: string, data?: Record<string, unknown>) => {
    write(JSON.stringify({ at: new Date().toISOString(), level, msg, ...data }));
  };
  return { info: log('info'), warn: log('warn'), error: log('error') };
}
