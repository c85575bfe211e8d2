/** An error that becomes Placet's error body `{statusCode, message, timestamp, path}`. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notYourAgent = (): HttpError => new HttpError(403, 'Not your agent');
export const agentNotFound = (): HttpError => new HttpError(404, 'Agent not found');
export const messageNotFound = (): HttpError => new HttpError(404, 'Message not found');
export const validationFailed = (): HttpError => new HttpError(400, 'Validation failed');

export function errorBody(statusCode: number, message: string | string[], path: string, now: number) {
  return { statusCode, message, timestamp: new Date(now).toISOString(), path };
}
