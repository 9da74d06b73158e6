import { readdirSync, readFileSync } from "node:fs";

/** Memory and CPU of the workerd processes of one local Worker, read from /proc (Linux). */
export interface WorkerdUsage {
  rssKb: number;
  cpuMs: number;
}

/** Clock ticks per second of /proc's utime and stime: 100 on Linux. */
const TICKS_PER_SECOND = 100;

/** /proc/<pid>/stat fields after the command name (which may hold spaces). */
function statFields(pid: string): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** The workerd processes in a process group (wrangler started with its own group). */
export function workerdIn(group: number): string[] {
  return readdirSync("/proc").filter((pid) => {
    if (!/^\d+$/.test(pid)) return false;
    const fields = statFields(pid);
    if (!fields || Number(fields[2]) !== group) return false;
    try {
      return readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "workerd";
    } catch {
      return false;
    }
  });
}

export function workerdUsage(pids: string[]): WorkerdUsage {
  let rssKb = 0;
  let ticks = 0;
  for (const pid of pids) {
    const fields = statFields(pid);
    if (!fields) continue;
    // utime and stime are fields 14 and 15 of stat; the slice starts at field 3.
    ticks += Number(fields[11]) + Number(fields[12]);
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    rssKb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  }
  return { rssKb, cpuMs: (ticks * 1000) / TICKS_PER_SECOND };
}
