import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { invokeChannels, invokeContract, type InvokeChannel } from '../../../src/shared/ipc/contract';
import { silentLogger } from '../../../src/main/core/ports';
import { registerIpc } from '../../../src/main/electron/register-ipc';
import { FakeIpcMain, senderEvent } from './fake-ipc';
import { fakeHandlers } from './fake-handlers';

// QUALITY.md 16: 1,000 fuzzed payloads per channel through the real IPC wiring never throw, never
// reach a handler unless valid, and come back as a typed validation error.

const runs = 1_000;

function keysOf(channel: InvokeChannel): string[] {
  const schema = invokeContract[channel].input as unknown as { shape?: Record<string, unknown> };
  return schema.shape ? Object.keys(schema.shape) : [];
}

/** Junk of every kind, plus objects with the channel's own keys holding junk (the interesting cases). */
function payloads(channel: InvokeChannel): fc.Arbitrary<unknown> {
  const keys = [...keysOf(channel), '__proto__', 'constructor', 'toString', 'extra'];
  const value = fc.oneof(
    fc.anything(),
    fc.string({ maxLength: 5_000 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom('pending', 'system', 'https://placet.example', 'a'.repeat(300), '', ' ', '\u0000'),
  );
  return fc.oneof(
    fc.anything({ withObjectString: true, withNullPrototype: true, withMap: true, withSet: true, withTypedArray: true }),
    fc.dictionary(fc.constantFrom(...keys), value),
    fc.dictionary(fc.constantFrom(...keys), fc.dictionary(fc.string(), value)),
    fc.array(value),
  );
}

describe.each(invokeChannels)('fuzzing %s', (channel) => {
  it(`${runs} fuzzed payloads: no throw, no invalid input reaches the handler, typed errors`, async () => {
    const ipcMain = new FakeIpcMain();
    const handlers = fakeHandlers();
    registerIpc({ ipcMain, handlers, logger: silentLogger, policy: { trustedOrigins: ['app://companion'], isOurWebContents: () => true } });
    const schema = invokeContract[channel].input as z.ZodType;
    await fc.assert(
      fc.asyncProperty(payloads(channel), async (payload) => {
        handlers[channel].mockClear();
        const valid = schema.safeParse(payload).success;
        const result = (await ipcMain.invoke(channel, senderEvent(), payload)) as { ok: boolean; error?: { code: string; message: string } };
        if (valid) {
          expect(result.ok).toBe(true);
          expect(handlers[channel]).toHaveBeenCalledTimes(1);
        } else {
          expect(result).toEqual({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining(channel) } });
          expect(handlers[channel]).not.toHaveBeenCalled();
        }
        for (const call of handlers[channel].mock.calls) expect(schema.safeParse(call[0]).success).toBe(true);
      }),
      { numRuns: runs },
    );
    for (const other of invokeChannels) if (other !== channel) expect(handlers[other]).not.toHaveBeenCalled();
  });
});
