/**
 * The value of `work`, or `'no answer'` when it has none within `ms`: for tests of timeouts, which
 * must fail, not hang, when the timeout does not work. Choose `ms` generously (the configured timeout
 * plus ample slack for a busy machine): it only tells "answered in time" from "hangs".
 */
export async function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T | 'no answer'> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'no answer'>((resolve) => {
    timer = setTimeout(() => resolve('no answer'), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
