import type { InvokeHandlers } from '../../shared/ipc/dispatch';
import { AppFailure } from '../../shared/ipc/result';
import { isSafeExternalUrl } from './external-url';

export type HostHandlers = Pick<InvokeHandlers, 'app:info' | 'links:open'>;

export interface HostHandlerDeps {
  version: string;
  demo(): boolean;
  /** shell.openExternal */
  openExternal(url: string): Promise<void>;
}

/** The two calls the desktop host answers itself; the core answers the rest. */
export function createHostHandlers(deps: HostHandlerDeps): HostHandlers {
  return {
    'app:info': () => ({ host: 'electron', version: deps.version, demo: deps.demo() }),
    'links:open': async ({ url }) => {
      if (!isSafeExternalUrl(url)) throw new AppFailure('unsafe-url', 'Only http, https and mailto links open outside the app.');
      await deps.openExternal(url);
      return { done: true };
    },
  };
}
