/**
 * The API key lives in sessionStorage for this tab only and travels as an Authorization header,
 * never in a URL or a cookie: another site cannot make the browser send it (no CSRF), and closing
 * the tab forgets it.
 */
const KEY_ITEM = 'shipwatch.apiKey';

export function storedKey(): string | null {
  try {
    return sessionStorage.getItem(KEY_ITEM);
  } catch {
    return null;
  }
}

export function storeKey(key: string): void {
  sessionStorage.setItem(KEY_ITEM, key);
}

export function forgetKey(): void {
  sessionStorage.removeItem(KEY_ITEM);
}
