import { invokeContract, isInvokeChannel, type InvokeChannel, type InvokeInput, type InvokeOutput } from './contract';
import { AppFailure, errResult, okResult, type Result } from './result';

/** One handler per invoke channel: the compiler demands them all. Inputs arrive already parsed. */
export type InvokeHandlers = {
  [C in InvokeChannel]: (input: InvokeInput<C>) => Promise<InvokeOutput<C>> | InvokeOutput<C>;
};

/**
 * Validates an untrusted call and runs its handler. Shared by every host (Electron IPC, web host
 * WebSocket) so all of them reject the same things the same way. Never throws.
 */
export async function dispatchInvoke(
  handlers: InvokeHandlers,
  channel: unknown,
  input: unknown,
  onInternalError?: (err: unknown) => void,
): Promise<Result<unknown>> {
  if (!isInvokeChannel(channel)) return errResult('unknown-channel', 'Unknown call');
  const parsed = invokeContract[channel].input.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    return errResult('invalid-input', `Invalid input for ${channel}${where}: ${issue?.message ?? 'rejected'}`);
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    return okResult(await handler(parsed.data));
  } catch (err) {
    if (err instanceof AppFailure) return errResult(err.code, err.message);
    onInternalError?.(err);
    return errResult('internal', 'Something went wrong inside the app; details are in the log.');
  }
}

export type { InvokeChannel, InvokeInput, InvokeOutput };
