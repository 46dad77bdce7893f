/**
 * The API's one error shape, turned into an `ApiRequestError` whose message is the
 * server's own sentence, and whose `fieldErrors` put each validation issue on its field.
 */
export interface ApiIssue {
  path: string;
  message: string;
  code?: string;
}

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

  get code(): string | undefined {
    return this.body?.error.code;
  }

  /** Validation issues by field path ("email", "response.code"); the first message wins. */
  get fieldErrors(): Record<string, string> {
    const details = this.body?.error.details;
    const fields: Record<string, string> = {};
    if (!Array.isArray(details)) return fields;
    for (const issue of details as Partial<ApiIssue>[]) {
      if (typeof issue.path === 'string' && typeof issue.message === 'string') fields[issue.path] ??= issue.message;
    }
    return fields;
  }
}

export const OFFLINE_MESSAGE = 'Could not reach the server. Check your connection and try again.';

export function isErrorBody(value: unknown): value is ApiErrorBody {
  const error = (value as { error?: { message?: unknown } } | null)?.error;
  return typeof error?.message === 'string';
}

/** A sentence for any thrown value, for error states. */
export function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}
