// `npm start`: runs the server. The web app is built by `npm install` (scripts/build-web.mjs); it is rebuilt here
// only when web/ changed since, with progress printed, and SKIP_WEB_BUILD=1 skips that.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildWeb, webBuildStale } from './build-web.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

if (process.env.SKIP_WEB_BUILD !== '1' && webBuildStale()) {
  const status = await buildWeb('前端源码比上次构建新');
  if (status !== 0) process.exit(status);
}

const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
