import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import react from '@vitejs/plugin-react';
import { createRequest, formatDocument, stringifyDocument } from 'urql';
import { defineConfig, type Plugin } from 'vitest/config';

const here = path.dirname(fileURLToPath(import.meta.url));
const govukAssets = path.resolve(here, '../../node_modules/govuk-frontend/dist/govuk/assets');

/**
 * govuk-frontend's compiled CSS points at /assets/fonts/… and /assets/images/…: copy those files
 * into the build (and serve them in development) so the GOV.UK typeface and crest load.
 */
function govukAssetsPlugin(): Plugin {
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  return {
    name: 'sendbench-govuk-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = req.url?.split('?')[0] ?? '';
        if (!url.startsWith('/assets/fonts/') && !url.startsWith('/assets/images/')) return next();
        const file = path.join(govukAssets, url.slice('/assets/'.length));
        if (!file.startsWith(govukAssets) || !fs.existsSync(file)) return next();
        res.setHeader('content-type', file.endsWith('.woff2') ? 'font/woff2' : file.endsWith('.woff') ? 'font/woff' : file.endsWith('.svg') ? 'image/svg+xml' : 'application/octet-stream');
        fs.createReadStream(file).pipe(res);
      });
    },
    generateBundle() {
      for (const file of files(govukAssets)) {
        const rel = path.relative(govukAssets, file);
        if (!rel.startsWith('fonts') && !rel.startsWith('images')) continue;
        this.emitFile({ type: 'asset', fileName: `assets/${rel.split(path.sep).join('/')}`, source: fs.readFileSync(file) });
      }
    },
  };
}

/**
 * dist/trusted-documents.json: every operation exactly as the dashboard sends it (urql parses the
 * generated text, its document cache adds __typename, and prints it), keyed by SHA-256, for the
 * server's trusted-documents mode (packages/server/src/plugins/trusted-documents.ts).
 */
function trustedDocumentsPlugin(): Plugin {
  return {
    name: 'sendbench-trusted-documents',
    async generateBundle() {
      const generated: Record<string, unknown> = await import('./src/gql/graphql');
      const manifest: Record<string, string> = {};
      for (const value of Object.values(generated)) {
        const text = value instanceof String ? value.toString() : undefined;
        if (!text || !/^\s*query\b/.test(text)) continue;
        const sent = stringifyDocument(formatDocument(createRequest(text, {}).query));
        manifest[createHash('sha256').update(sent, 'utf8').digest('hex')] = sent;
      }
      this.emitFile({ type: 'asset', fileName: 'trusted-documents.json', source: `${JSON.stringify(manifest, null, 2)}\n` });
    },
  };
}

export default defineConfig({
  plugins: [react(), govukAssetsPlugin(), trustedDocumentsPlugin()],
  // The schema package is compiled to CommonJS for the server; the dashboard takes its source so
  // that unused parts of the catalogue are left out of the bundle.
  resolve: { alias: { '@sendbench/schema': path.resolve(here, '../schema/src/index.ts') } },
  // govuk-frontend's CSS keeps an old IE media hack that lightningcss rejects; it only drops it.
  css: { lightningcss: { errorRecovery: true } },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // dist/.vite/manifest.json: which chunk holds each page (scripts/route-pages.mjs reads it).
    manifest: true,
    chunkSizeWarningLimit: 700,
    // The schema package's modules only declare data: let unused declarations (the catalogue,
    // the data sets) drop out of the bundle even though they are built by top-level calls.
    rolldownOptions: {
      treeshake: { moduleSideEffects: (id: string) => !id.includes('/packages/schema/src/') },
      // recharts and its d3/redux helpers in one lazily loaded, well-named chunk.
      output: {
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [{ name: 'recharts', test: /node_modules[\\/](recharts|d3-[a-z-]+|internmap|decimal\.js-light|@reduxjs|redux|redux-thunk|reselect|immer|react-redux|es-toolkit|eventemitter3|tiny-invariant|victory-vendor|clsx)[\\/]/ }],
        },
      },
    },
  },
  server: { proxy: { '/graphql': `http://127.0.0.1:${process.env.API_PORT ?? '4000'}` } },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
  },
});
