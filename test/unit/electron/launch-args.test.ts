import { describe, expect, it } from 'vitest';
import { parseLaunchArgs } from '../../../src/main/electron/launch-args';

describe('parseLaunchArgs', () => {
  it('defaults to nothing said', () => {
    expect(parseLaunchArgs(['/usr/bin/electron', '.'])).toEqual({ dataDir: null, demo: null, deepLink: null, hidden: false });
  });

  it('reads our switches in both forms, the last demo switch winning', () => {
    expect(parseLaunchArgs(['electron', '.', '--data-dir=/tmp/a b', '--demo'])).toMatchObject({ dataDir: '/tmp/a b', demo: true });
    expect(parseLaunchArgs(['app', '--data-dir', '/tmp/x', '--demo', '--no-demo', '--hidden'])).toMatchObject({ dataDir: '/tmp/x', demo: false, hidden: true });
  });

  it('does not take a following switch as the data dir', () => {
    expect(parseLaunchArgs(['app', '--data-dir', '--demo'])).toMatchObject({ dataDir: null, demo: true });
    expect(parseLaunchArgs(['app', '--data-dir='])).toMatchObject({ dataDir: null });
  });

  it('picks up a deep link and leaves unknown switches alone', () => {
    expect(parseLaunchArgs(['app', '--enable-logging', 'placet-companion://review/a/b']).deepLink).toBe('placet-companion://review/a/b');
  });
});
