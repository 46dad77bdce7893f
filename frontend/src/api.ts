/**
 * Talking to the API from the browser: same origin, JSON, and the API's one error shape
 * turned into an `ApiRequestError` whose message is the server's own sentence.
 */
export interface ApiErrorBody {
  error: { code: string; message: string; requestId: string; details?: unknown };
}

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | undefined,
  ) {
    super(body?.error.message ?? `The server answered ${status}.`);
    this.name = 'ApiRequestError';
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  const error = (value as { error?: { message?: unknown } } | null)?.error;
  return typeof error?.message === 'string';
}

export async function getJson<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { Accept: 'application/json', ...init?.headers } });
  } catch {
    throw new Error('Could not reach the server. Check your connection and try again.');
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw new ApiRequestError(response.status, isErrorBody(body) ? body : undefined);
  return body as T;
}
