// The bench's side of the load generator (load.ts, forked once), and CPU accounting per process.
import { fork, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { LoadJob, LoadResult } from './load.js';

/**
 * A bench script forked once and driven by messages: `run(job)` sends the job with an id and
 * resolves with the result carrying that id (load.js, mix-load.js answer this way).
 */
export class ForkedWorker<Job, Result extends { id: number }> {
  private child: ChildProcess;
  private nextId = 1;
  private pending = new Map<number, { resolve(r: Result): void; reject(e: Error): void }>();

  /** `script`: a file next to this one, e.g. './load.js' */
  constructor(script: string) {
    this.child = fork(fileURLToPath(new URL(script, import.meta.url)), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (msg: { ok: true; result: Result } | { ok: false; id: number; error: string }) => {
      const id = msg.ok ? msg.result.id : msg.id;
      const waiter = this.pending.get(id);
      this.pending.delete(id);
      if (msg.ok) waiter?.resolve(msg.result);
      else waiter?.reject(new Error(msg.error));
    });
    this.child.on('exit', (code) => {
      for (const waiter of this.pending.values()) waiter.reject(new Error(`${script} exited (${code})`));
      this.pending.clear();
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  run(job: Omit<Job, 'id'>): Promise<Result> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ ...job, id });
    });
  }

  stop(): void {
    if (this.child.connected) this.child.disconnect();
  }
}

/** The autocannon load generator (load.ts). */
export class LoadGenerator extends ForkedWorker<LoadJob, LoadResult> {
  constructor() {
    super('./load.js');
  }
}

/** CPU time in µs, by who spent it. Linux only (procfs); zeros elsewhere. */
export interface CpuSample {
  server: number;
  loadGenerator: number;
  postgres: number;
  /** the whole machine, busy time */
  machineBusy: number;
}

const TICK_US = 10_000; // USER_HZ = 100 on Linux

function procTimes(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_US;
}

function readCpu(loadPid: number | undefined): CpuSample {
  const own = process.cpuUsage();
  const sample: CpuSample = { server: own.user + own.system, loadGenerator: 0, postgres: 0, machineBusy: 0 };
  try {
    if (loadPid) sample.loadGenerator = procTimes(readFileSync(`/proc/${loadPid}/stat`, 'utf8'));
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) === 'postgres') sample.postgres += procTimes(stat);
      } catch {
        /* the process ended */
      }
    }
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
    sample.machineBusy = (cpu.slice(0, 8).reduce((a, b) => a + b, 0) - idle) * TICK_US;
  } catch {
    /* no procfs */
  }
  return sample;
}

/** Starts measuring; the returned function gives the CPU spent since, per process group. */
export function cpuMeter(loadPid: number | undefined): () => CpuSample {
  const before = readCpu(loadPid);
  return () => {
    const after = readCpu(loadPid);
    return {
      server: after.server - before.server,
      loadGenerator: after.loadGenerator - before.loadGenerator,
      postgres: after.postgres - before.postgres,
      machineBusy: after.machineBusy - before.machineBusy,
    };
  };
}

/** the share of the machine's CPU that processes other than ours used during a measurement */
export function otherShare(cpu: CpuSample, seconds: number): number {
  const other = cpu.machineBusy - cpu.server - cpu.loadGenerator - cpu.postgres;
  return Math.max(0, other) / (seconds * 1e6 * availableParallelism());
}
