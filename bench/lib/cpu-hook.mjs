// Preloaded into every Node process by bench/cpu.mjs (NODE_OPTIONS=--import): as the process exits,
// appends its CPU seconds (its own, and those of the children it waited for: browsers, tsc…) to the
// file BJ_CPU_LOG names. Linux only (/proc/self/stat); records nothing elsewhere.
import { appendFileSync, readFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const log = process.env.BJ_CPU_LOG;
if (log && isMainThread) {
  process.on('exit', () => {
    try {
      const stat = readFileSync('/proc/self/stat', 'utf8');
      // Fields after "(comm) ": state ppid … utime stime cutime cstime (14–17), in clock ticks (100/s).
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const record = {
        pid: process.pid,
        ppid: process.ppid,
        argv: process.argv.slice(1).join(' ').slice(0, 400),
        self: (Number(f[11]) + Number(f[12])) / 100,
        children: (Number(f[13]) + Number(f[14])) / 100,
        wall: Number(process.uptime().toFixed(1)),
      };
      appendFileSync(log, `${JSON.stringify(record)}\n`);
    } catch {
      // Not Linux, or the file is gone: nothing recorded.
    }
  });
}
