import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

/** What one load run measured. */
export interface LoadFigures {
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  ok: number;
  shed: number;
  otherStatus: number;
  errors: number;
  /** The server's CPU time (user + system) per answered request: steadier than req/s on a shared machine. */
  serverCpuUsPerRequest: number | undefined;
}

export interface HttpFigures {
  idleRssMb: number | undefined;
  load: LoadFigures[];
  peakRssMb: number | undefined;
  exitCode: number | null;
}

/** The Node flags of `npm start`, read from package.json so the bench runs the server exactly as operators do. */
export function startFlags(root: string): string[] {
  const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const words = (scripts.start ?? '').split(/\s+/);
  return words.slice(1, -1).filter((w) => w.startsWith('--'));
}

/** Linux reports process CPU time in clock ticks of 1/100 s (USER_HZ). */
const TICK_US = 10_000;

/** CPU time (user + system) the process has used, in microseconds; Linux only. */
function cpuUs(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * TICK_US;
  } catch {
    return undefined;
  }
}

function memoryMb(pid: number | undefined, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const kb = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Starts `npm start`'s script on a free port of 127.0.0.1 and resolves with its URL once it serves. */
function startServer(script: string, flags: string[], sqliteFile: string, extraEnv: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...flags, script], {
      // One client makes every request, so the per-client question limit is lifted; logs at warn so
      // the figure is the server's, not the terminal's. The question log starts empty each run, so
      // figures do not drift with how many runs came before.
      env: { ...process.env, SQLITE_FILE: sqliteFile, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', HTTP_RATE_LIMIT_PER_MINUTE: '1000000000', TELEGRAM_BOT_TOKEN: '', WECHATY_PUPPET: '', ...extraEnv },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start within 30 s: ${out}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /open (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url });
      }
    });
    child.on('error', reject);
  });
}

async function load(server: ChildProcess, url: string, questions: string[], connections: number, seconds: number): Promise<LoadFigures> {
  const requests = questions.map((question) => ({ method: 'POST' as const, path: '/api/ask', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) }));
  const cpuBefore = cpuUs(server.pid);
  const result = await autocannon({ url, connections, duration: seconds, requests, timeout: 10 });
  const cpuAfter = cpuUs(server.pid);
  const stats = result.statusCodeStats ?? {};
  const count = (status: string) => stats[status as `${number}`]?.count ?? 0;
  const ok = count('200');
  const shed = count('503');
  return {
    connections,
    seconds,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    ok,
    shed,
    otherStatus: Object.values(stats).reduce((sum, s) => sum + (s.count ?? 0), 0) - ok - shed,
    errors: result.errors,
    serverCpuUsPerRequest: cpuBefore === undefined || cpuAfter === undefined || ok === 0 ? undefined : (cpuAfter - cpuBefore) / (ok + shed),
  };
}

/**
 * The HTTP figures of `npm run bench`: `npm start`'s script with its own flags on 127.0.0.1, its
 * RSS idle, then POST /api/ask over a mix of questions for a fixed time at each number of
 * connections (after a short warm-up), then its peak RSS, then SIGTERM. Bounded: about
 * `warmUp + sum(runs)` seconds plus start-up.
 */
export async function benchHttp(options: {
  script: string;
  flags: string[];
  questions: string[];
  runs: { connections: number; seconds: number }[];
  warmUpSeconds: number;
  /** Variables for this server beyond the bench's own (ANSWER_CACHE_SIZE=0: every question reaches the engine). */
  env?: Record<string, string>;
}): Promise<HttpFigures> {
  const scratch = mkdtempSync(join(tmpdir(), 'gongkai-bench-http-'));
  const { child, url } = await startServer(options.script, options.flags, join(scratch, 'questions.sqlite'), options.env ?? {});
  try {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const idleRssMb = memoryMb(child.pid, 'VmRSS');
    await load(child, url, options.questions, 50, options.warmUpSeconds);
    const figures: LoadFigures[] = [];
    for (const run of options.runs) figures.push(await load(child, url, options.questions, run.connections, run.seconds));
    const peakRssMb = memoryMb(child.pid, 'VmHWM');
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    return { idleRssMb, load: figures, peakRssMb, exitCode: await exited };
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(scratch, { recursive: true, force: true });
  }
}
