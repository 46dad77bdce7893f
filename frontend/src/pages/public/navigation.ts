/**
 * Where the account pages send people afterwards. `?next=` comes from the address bar, so
 * anyone can craft it: only a path on this site is followed (never `//evil.example`,
 * `/\evil.example` or `https://…`, which browsers would read as another origin), and never
 * back to the account pages themselves. Notices passed in navigation state are read here too.
 */

export const AFTER_SIGN_IN = '/dashboard';

const BASE = 'https://jeseci.invalid';
const ACCOUNT_PAGES = new Set(['/signin', '/signup', '/forgot-password', '/reset-password']);

/**
 * The path to go to after signing in or up: `next` when it is a same-site path, else
 * `fallback`. Takes what the router gives (`?next=a&next=b` arrives as an array: refused).
 */
export function safeNextPath(next: unknown, fallback = AFTER_SIGN_IN): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//')) return fallback;
  // Browsers treat `\` as `/` and drop tabs and newlines in URLs, so `/\host` or `/\t/host` could leave the site.
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return fallback;
  }
  // Dot segments can rebuild a `//host` path (`/..//evil.example`), so check what they resolved to.
  if (url.origin !== BASE || url.pathname.startsWith('//') || ACCOUNT_PAGES.has(url.pathname)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** A link to `page` that carries `next` along (so sign-in ⇄ sign-up keep the destination). */
export function withNext(page: string, next: unknown): string {
  const safe = safeNextPath(next, '');
  return safe ? `${page}?next=${encodeURIComponent(safe)}` : page;
}

export interface NoticeState {
  notice: string;
}

/** A one-line notice handed to the next page through navigation state (e.g. "Your account was deleted."). */
export function noticeFrom(state: unknown): string | undefined {
  const notice = (state as Partial<NoticeState> | null | undefined)?.notice;
  return typeof notice === 'string' && notice.length > 0 ? notice : undefined;
}
