// A @web/test-runner reporter that writes every test's outcome, per browser, to a JSON file
// (web-test-runner.config.mjs adds it when BJ_RESULTS names the file; scripts/stress.mjs reads it).
import { writeFileSync } from 'node:fs';
import path from 'node:path';

/** @returns {import('@web/test-runner').Reporter} */
export function jsonReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      const results = [];
      for (const session of sessions) {
        const browser = session.browser.name;
        const walk = (suite, trail) => {
          for (const t of suite.tests ?? []) {
            if (t.skipped) continue;
            results.push({
              browser,
              file: path.relative(process.cwd(), session.testFile),
              name: [...trail, t.name].join(' > '),
              passed: t.passed,
              ms: t.duration,
              error: t.error?.message,
            });
          }
          for (const s of suite.suites ?? []) walk(s, [...trail, s.name]);
        };
        if (session.testResults) walk(session.testResults, []);
        // A file that failed outside its tests (did not load, a hook or an uncaught error between tests).
        if (!session.passed && (session.errors?.length || !session.testResults)) {
          results.push({
            browser,
            file: path.relative(process.cwd(), session.testFile),
            name: '(file)',
            passed: false,
            error: session.errors?.map((e) => e.message).join('; ') || `session ended ${session.status}`,
          });
        }
      }
      writeFileSync(file, JSON.stringify(results, null, 1));
    },
  };
}
