/** Waits until `check` returns a value other than undefined/false, polling; fails with `what` after the deadline. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined | false>, deadlineMs = 10_000): Promise<T> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
