import { describe, expect, it, vi } from 'vitest';
import { createHostHandlers } from '../../../src/main/electron/host-handlers';

describe('host handlers', () => {
  const openExternal = vi.fn(async () => {});
  const handlers = createHostHandlers({ version: '1.2.3', demo: () => true, openExternal });

  it('describes the host', async () => {
    expect(await handlers['app:info']({})).toEqual({ host: 'electron', version: '1.2.3', demo: true });
  });

  it('opens only safe links, through the one URL check', async () => {
    await expect(handlers['links:open']({ url: 'https://docs.placet.io/' })).resolves.toEqual({ done: true });
    expect(openExternal).toHaveBeenCalledWith('https://docs.placet.io/');
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'https://a@b.example/', 'smb://x/y']) {
      await expect(handlers['links:open']({ url })).rejects.toMatchObject({ code: 'unsafe-url' });
    }
    expect(openExternal).toHaveBeenCalledTimes(1);
  });
});
