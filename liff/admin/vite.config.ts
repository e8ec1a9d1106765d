import preact from '@preact/preset-vite'
import { defineConfig, loadEnv } from 'vite'

// The officers' page (LIFF_ID_ADMIN), built next to the citizen app: `npm run build:liff` runs both configs.
// Absolute paths, so the build works from any working directory.
const here = (path: string) => decodeURIComponent(new URL(path, import.meta.url).pathname)

export default defineConfig(({ mode }) => ({
  root: here('.'),
  base: '/admin/',
  plugins: [preact()],
  // The shared LIFF bootstrap (../src/lib/liff.ts) prefers a build-time LIFF ID; here that must be the admin app's.
  define: {
    'import.meta.env.VITE_LIFF_ID_CITIZEN': JSON.stringify(loadEnv(mode, here('..'), 'VITE_').VITE_LIFF_ID_ADMIN ?? ''),
  },
  build: {
    outDir: here('../../dist/admin'),
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/admin/config.json': 'http://127.0.0.1:3000' },
  },
}))
