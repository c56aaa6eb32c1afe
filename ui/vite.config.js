import { defineConfig } from 'vite';

// Built into the `ui` Maven module's classes as static/ui/, which Spring Boot serves at /ui/ from the standalone jar.
// `npm run dev` serves the sources with hot reload and sends the API to an engine on port 8080.
const engine = process.env.NEWSROOM_URL ?? 'http://localhost:8080';

export default defineConfig({
  base: '/ui/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'target/classes/static/ui',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: Object.fromEntries(['/api', '/audit', '/feed', '/site'].map((path) => [path, engine])),
  },
});
