// `npm start`: runs the server. The web app is built by `npm install` (scripts/build-web.mjs); it is rebuilt here
// only when web/ changed since, with progress printed, and SKIP_WEB_BUILD=1 skips that. The server runs as the
// JavaScript bundle scripts/build-server.mjs makes (rebuilt here when a source is newer), else through tsx.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildWeb, webBuildStale } from './build-web.mjs';
import { buildServer, serverBuildStale, serverBundle } from './build-server.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

if (process.env.SKIP_WEB_BUILD !== '1' && webBuildStale()) {
  const status = await buildWeb('前端源码比上次构建新');
  if (status !== 0) process.exit(status);
}

const bundled = !serverBuildStale() || (await buildServer());
const args = bundled ? ['--enable-source-maps', serverBundle] : ['--import', 'tsx', 'src/main.ts'];
const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
