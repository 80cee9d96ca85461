// `npm run dev`: the API (restarting on change) and Vite with HMR proxying /api to it.
import { spawn } from 'node:child_process';

const port = process.env.PORT ?? '8080';
const procs = [
  spawn(
    'node',
    ['--watch-path=src/server', '--watch-path=src/domain', '--import', 'tsx', 'src/server/main.ts'],
    {
      stdio: 'inherit',
      env: { ...process.env, PORT: port },
    },
  ),
  spawn('npx', ['vite', '--port', '5173'], { stdio: 'inherit', env: { ...process.env, PORT: port } }),
];
const stop = () => {
  for (const p of procs) p.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
