// Loaded before every browser test file (web-test-runner.config.mjs, testRunnerHtml): a
// "ResizeObserver loop" error means a ResizeObserver callback resized what it observes in the
// same frame (it broke CI once: popover sizes written by a second observer beside the positioning's
// autoUpdate). Whatever a test does with window.onerror, the running test fails with this message.
window.addEventListener(
  'error',
  (event) => {
    if (!/ResizeObserver loop/i.test(event.message ?? '') || /bj test:/.test(event.message)) return;
    const message = `bj test: the browser reported "${event.message}": a ResizeObserver callback resized an observed element in the same frame`;
    (window.__bjResizeObserverLoops ??= []).push(event.message);
    setTimeout(() => {
      throw new Error(message);
    });
  },
  true,
);
