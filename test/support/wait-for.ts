/**
 * Polls `probe` every 100 ms until it gives a value: for what another process does in its own
 * time (a banner printed, a poll finished). The deadline only turns a hang into a named failure.
 */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 45_000): Promise<T> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
