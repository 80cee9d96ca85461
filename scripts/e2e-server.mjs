// The server under e2e: a fresh demo data folder per run, a pinned business date, loopback only.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const port = process.argv[2] ?? '18090';
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fs-e2e-'));
const child = spawn('node', ['--import', 'tsx', 'src/server/main.ts'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: port,
    DATA_DIR: dataDir,
    APP_TODAY: '2026-03-16',
    DATABASE_URL: '',
    SEED_DEMO: '1',
    DEMO_DECISIONS: '5000',
    LOGIN_RATE_LIMIT: '1000',
  },
});
const stop = () => child.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
