// Builds the web app into web/dist when it is missing or older than its sources. Run by `npm install` / `npm ci`
// (the `prepare` script) so that `npm start` never waits for it, and again by `npm start` when sources changed.
// `--if-stale` (the default) skips an up-to-date build; `--force` always builds. A failing build exits non-zero.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dist = path.join(root, 'web/dist/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Whether web/dist is missing or older than anything under web/. */
export function webBuildStale() {
  return !fs.existsSync(dist) || newestMtime(path.join(root, 'web')) > fs.statSync(dist).mtimeMs;
}

/** Builds the web app, printing a line of progress every few seconds; resolves to the exit code. */
export function buildWeb(reason) {
  let vite;
  try {
    const pkg = createRequire(path.join(root, 'package.json')).resolve('vite/package.json');
    vite = path.join(path.dirname(pkg), 'bin/vite.js');
  } catch {
    console.warn('【一网】未安装构建工具 vite（npm install --omit=dev？），跳过前端构建；请执行完整的 npm install。');
    return Promise.resolve(0);
  }
  const started = Date.now();
  console.log(`【一网】正在构建前端（${reason}）…`);
  const ticker = setInterval(
    () => console.log(`【一网】前端构建中… 已用 ${Math.round((Date.now() - started) / 1000)} 秒`),
    10_000,
  );
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
    });
    child.on('exit', (code, signal) => {
      clearInterval(ticker);
      const status = code ?? (signal ? 1 : 0);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (status === 0) console.log(`【一网】前端构建完成（${seconds} 秒）：web/dist`);
      else
        console.error(`【一网】前端构建失败（退出码 ${status}，${seconds} 秒）：见上方错误；修正后执行 npm run build`);
      resolve(status);
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const force = process.argv.includes('--force');
  if (process.env.SKIP_WEB_BUILD === '1') process.exit(0);
  if (!force && !webBuildStale()) {
    console.log('【一网】前端已是最新构建：web/dist');
    process.exit(0);
  }
  process.exit(await buildWeb(force ? '完整构建' : '首次安装或源码有更新'));
}
