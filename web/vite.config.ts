import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The web app: root = web/, output web/dist (served by the Fastify server with an SPA
 * fallback, under a strict CSP: no inline scripts, no external assets).
 * Vendor code is split into stable chunks so no single chunk is huge: React, antd (and its
 * rc-* components), icons, ECharts; each app area is its own lazy chunk (see src/App.tsx).
 */
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
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
            { name: 'vendor-icons', test: /node_modules[\\/]@ant-design[\\/]icons(-svg)?[\\/]/, priority: 30 },
            { name: 'vendor-dayjs', test: /node_modules[\\/]dayjs[\\/]/, priority: 30 },
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
