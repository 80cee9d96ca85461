// Shared by the benchmarks: start the real server in its own process, measure it, stop it, and the
// throwaway databases it runs on (PGlite in a temp dir; PostgreSQL when BENCH_DATABASE_URL is set).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/server/db/client';

export const PORT = 18_321;
export const BASE = `http://127.0.0.1:${PORT}`;

export interface Target {
  name: string;
  env: Record<string, string>;
  open: () => ReturnType<typeof openDatabase>;
  cleanup: () => Promise<void>;
}

const BENCH_SECRET_KEY = randomBytes(32).toString('hex');

export async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; ms: number }> {
  const t = performance.now();
  // BENCH_CPU_PROF=dir writes a V8 CPU profile of each server run there (open it in Chrome DevTools).
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : [];
  const child = spawn('node', [...prof, '--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(PORT),
      APP_TODAY: '2026-03-16',
      LOG_LEVEL: 'error',
      // PostgreSQL needs an explicit key for the machine-API secrets; a throwaway one suits a bench.
      APP_SECRET_KEY: process.env.APP_SECRET_KEY ?? BENCH_SECRET_KEY,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return { child, ms: performance.now() - t };
    } catch {}
    if (child.exitCode !== null) throw new Error('server exited during start');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const peakRssMb = (pid: number) => {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : Number.NaN;
};

export async function stop(child: ChildProcess) {
  const done = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await done;
}

export const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : Number.NaN;

/** PGlite always; PostgreSQL (a throwaway database) when BENCH_DATABASE_URL or TEST_DATABASE_URL is set. */
export async function benchTargets(prefix: string): Promise<Target[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `${prefix}-pglite-`));
  const targets: Target[] = [
    {
      name: 'PGlite',
      env: { DATA_DIR: dir, DATABASE_URL: '' },
      open: () => openDatabase({ dataDir: dir }),
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    },
  ];
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!pgUrl) {
    console.log('(set BENCH_DATABASE_URL to also measure PostgreSQL)');
    return targets;
  }
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  await admin(`create database ${name}`);
  targets.push({
    name: 'PostgreSQL',
    env: { DATABASE_URL: url.toString() },
    open: () => openDatabase({ databaseUrl: url.toString() }),
    cleanup: () => admin(`drop database ${name} with (force)`),
  });
  return targets;
}
