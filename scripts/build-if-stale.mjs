// Builds the SPA when dist/ is missing or older than its sources, so `npm start` always serves the current UI.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const SOURCES = ['src/client', 'src/domain', 'index.html', 'vite.config.ts', 'public', 'package-lock.json'];

function newest(p) {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(p).map((f) => newest(path.join(p, f))));
}

const built = existsSync('dist/index.html') ? statSync('dist/index.html').mtimeMs : 0;
if (built >= Math.max(...SOURCES.map(newest))) {
  console.log('SPA is up to date (dist/).');
} else {
  console.log('Building the SPA (vite build)…');
  const t = Date.now();
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
  console.log(`SPA built in ${((Date.now() - t) / 1000).toFixed(1)} s.`);
}
