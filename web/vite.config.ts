import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import crypto from 'node:crypto';
import { portalAntdCss } from './build/antd-style.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Writes each text asset of the build also as `.br` (brotli, best quality) and `.gz` (gzip -9), once, so the
 * server sends them as they are (@fastify/static `preCompressed`) instead of compressing on every request.
 */
function preCompress(): Plugin {
  let outDir = '';
  return {
    name: 'yiwang-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = (await fs.readdir(outDir, { recursive: true }))
        .map((f) => path.join(outDir, f))
        .filter((f) => /\.(js|css|html|svg|json|txt|webmanifest)$/.test(f));
      await Promise.all(
        files.map(async (file) => {
          const data = await fs.readFile(file);
          if (data.length < 1024) return;
          const [br, gz] = await Promise.all([
            brotli(data, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
              },
            }),
            gzip(data, { level: 9 }),
          ]);
          await Promise.all([fs.writeFile(`${file}.br`, br), fs.writeFile(`${file}.gz`, gz)]);
        }),
      );
    },
  };
}

/**
 * Writes the styles of the portal's first-screen antd components as `assets/antd-<hash>.css` and links it
 * before the app's own stylesheet, so the browser does not generate them at runtime (web/build/antd-style.ts).
 */
function antdStaticStyle(): Plugin {
  let fileName = '';
  return {
    name: 'yiwang-antd-static-style',
    apply: 'build',
    buildStart() {
      const css = portalAntdCss();
      // antd names its classes `css-dev-only-…` outside production; the browser's would not match them.
      if (css.includes('css-dev-only')) throw new Error('antd styles must be extracted with NODE_ENV=production');
      fileName = `assets/antd-${crypto.createHash('sha256').update(css).digest('base64url').slice(0, 8)}.css`;
      this.emitFile({ type: 'asset', fileName, source: css });
    },
    // Before the app's stylesheet: the app's rules override antd's of the same specificity.
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        const link = `<link rel="stylesheet" href="/${fileName}">\n    `;
        const at = html.search(/<link rel="stylesheet"|<\/head>/);
        return html.slice(0, at) + link + html.slice(at);
      },
    },
  };
}

/**
 * The web app: root = web/, output web/dist (served by the Fastify server with an SPA
 * fallback, under a strict CSP: no inline scripts, no external assets).
 * Vendor code is split into stable chunks so no single chunk is huge: React, antd (and its
 * rc-* components), icons, ECharts; each app area is its own lazy chunk (see src/App.tsx).
 */
export default defineConfig({
  root,
  base: '/',
  plugins: [react(), antdStaticStyle(), preCompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 600,
    // Inline assets are emitted as data: URIs, which the CSP allows for images only; keep
    // everything else as files.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // entriesAware names list every route sharing a piece; keep file names short.
        chunkFileNames: (chunk) => `assets/${chunk.name.split('~')[0]}-[hash].js`,
        codeSplitting: {
          groups: [
            {
              name: 'vendor-react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/,
              priority: 50,
            },
            {
              name: 'vendor-echarts',
              test: /node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor)[\\/]/,
              priority: 40,
            },
            // Icons by the routes that use them: a page carries its own icons, not every icon of the app.
            {
              name: 'vendor-icons',
              test: /node_modules[\\/]@ant-design[\\/]icons(-svg)?[\\/]/,
              priority: 30,
              entriesAware: true,
              entriesAwareMergeThreshold: 8 * 1024,
            },
            { name: 'vendor-dayjs', test: /node_modules[\\/]dayjs[\\/]/, priority: 30 },
            // Typography on its own: every area uses it, and grouped with the routes' other pieces it brought them
            // (List, for one) into pages that use none of them.
            { name: 'vendor-antd-typography', test: /node_modules[\\/]antd[\\/]es[\\/]typography[\\/]/, priority: 25 },
            // Tags and the grid likewise: the portal home uses neither any more, and grouped by the routes that do they
            // came with radio buttons and others into the supervision area's first load.
            { name: 'vendor-antd-tag', test: /node_modules[\\/]antd[\\/]es[\\/]tag[\\/]/, priority: 25 },
            { name: 'vendor-antd-grid', test: /node_modules[\\/]antd[\\/]es[\\/](grid|row|col)[\\/]/, priority: 25 },
            // antd with its rc-* components and css-in-js (~1 MB minified): split by which
            // routes use each module (entriesAware), so the entry does not carry Table, Form or
            // the pickers that only lazy pages need, and no piece is huge.
            {
              name: 'vendor-antd',
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[a-z-]+|@emotion|stylis|classnames|clsx|@babel[\\/]runtime)[\\/]/,
              priority: 20,
              entriesAware: true,
              entriesAwareMergeThreshold: 30 * 1024,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://localhost:3000',
      '/healthz': 'http://localhost:3000',
    },
  },
});
