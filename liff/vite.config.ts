import preact from '@preact/preset-vite'
import { defineConfig } from 'vite'

// Absolute paths, so the build works from any working directory (npm run build:liff runs it from the repo root).
const here = (path: string) => decodeURIComponent(new URL(path, import.meta.url).pathname)

export default defineConfig({
  root: here('.'),
  base: '/liff/',
  plugins: [preact()],
  // What both LIFF apps use (liff/shared/), and the types and rules they share with the server (bot/contracts/,
  // plain TypeScript without server imports); the same aliases are in liff/admin/vite.config.ts and the tsconfigs.
  resolve: { alias: { '@shared': here('shared'), '@contracts': here('../bot/contracts') } },
  build: {
    outDir: here('../dist/liff'),
    emptyOutDir: true,
    target: 'es2020',
    // No source maps in the served build: the server only serves what a citizen's phone needs.
    sourcemap: false,
  },
  server: {
    // npm run dev:liff: the app on Vite's port, its API on the bot (npm run dev, port 3000).
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
})
