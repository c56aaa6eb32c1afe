import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { defineConfig } from 'vite';

// Built into the `ui` Maven module's classes as static/ui/, which Spring Boot serves at /ui/ from the standalone jar.
// `npm run dev` serves the sources with hot reload and sends the API to an engine on port 8080.
const engine = process.env.NEWSROOM_URL ?? 'http://localhost:8080';
const outDir = 'target/classes/static/ui';

// every asset also as .gz, which standalone sends to browsers that accept gzip (it compresses nothing on the fly)
const precompress = {
  name: 'precompress',
  apply: 'build',
  closeBundle() {
    const assets = join(outDir, 'assets');
    for (const file of readdirSync(assets).filter((name) => /\.(js|css)$/.test(name))) {
      writeFileSync(join(assets, `${file}.gz`), gzipSync(readFileSync(join(assets, file)), { level: 9 }));
    }
  },
};

export default defineConfig({
  base: '/ui/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  plugins: [precompress],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: Object.fromEntries(['/api', '/audit', '/feed', '/site'].map((path) => [path, engine])),
  },
});
