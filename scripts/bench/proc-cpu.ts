import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time (user + system) used so far by the PostgreSQL server listening on `port` and its
 * backends, from /proc (Linux). With CPU time per operation a benchmark's cost can be compared
 * between runs even when other work shares the machine; wall-clock throughput cannot.
 */
const TICKS_PER_SECOND = 100;

function stat(pid: string): { ppid: string; ticks: number; childTicks: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may contain spaces: fields follow its last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // utime + stime, and cutime + cstime: children that have exited (a PostgreSQL backend whose
    // connection closed) still count.
    return { ppid: fields[1]!, ticks: Number(fields[11]) + Number(fields[12]), childTicks: Number(fields[13]) + Number(fields[14]) };
  } catch {
    return null; // The process ended while we looked.
  }
}

function postmasterOf(port: number): string | null {
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (args[0]?.endsWith('/postgres') && args[args.indexOf('-p') + 1] === String(port)) return pid;
    } catch {
      // Gone.
    }
  }
  return null;
}

/** Milliseconds of CPU used by process `root` and its live children; null when it is gone. */
export function treeCpuMs(root: string): number | null {
  const own = stat(root);
  if (!own) return null;
  let ticks = own.ticks + own.childTicks;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    const s = stat(pid);
    if (s?.ppid === root) ticks += s.ticks;
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** Milliseconds of CPU used by the PostgreSQL server on `port` and its live backends; null off Linux. */
export function postgresCpuMs(port: number): number | null {
  const root = postmasterOf(port);
  return root ? treeCpuMs(root) : null;
}

/** This process's CPU time in milliseconds. */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
