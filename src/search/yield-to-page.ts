/** Yielding to the page between slices of long work (building the search index). DOM-free. */

/** Resolves on a next task: a message-channel turn, not a timer (nested timers are clamped to 4 ms). */
export function yieldToPage(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}
