import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** PGlite allows one process per data folder: a second one would corrupt it. Returns the release function. */
export function acquireDataDirLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'server.pid');
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8'));
    if (pid && pid !== process.pid && alive(pid)) {
      console.error(`${dataDir} is in use by process ${pid}. Stop it first, or talk to it through its API.`);
      process.exit(1);
    }
  }
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}

/** The PID of a live server holding the folder, if any (CLIs refuse to open it then). */
export function dataDirOwner(dataDir: string): number | null {
  const file = path.join(dataDir, 'server.pid');
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8'));
  return pid && alive(pid) ? pid : null;
}
