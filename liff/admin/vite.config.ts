import preact from '@preact/preset-vite'
import { defineConfig } from 'vite'

// The officers' page (LIFF_ID_ADMIN), built next to the citizen app: `npm run build:liff` runs both configs.
// Absolute paths, so the build works from any working directory.
const here = (path: string) => decodeURIComponent(new URL(path, import.meta.url).pathname)

export default defineConfig({
  root: here('.'),
  base: '/admin/',
  plugins: [preact()],
  resolve: { alias: { '@shared': here('../shared'), '@contracts': here('../../bot/contracts') } },
  // The same .env files as the citizen app (liff/): VITE_LIFF_ID_ADMIN, if set, is the build-time LIFF ID.
  envDir: here('..'),
  build: {
    outDir: here('../../dist/admin'),
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/admin/config.json': 'http://127.0.0.1:3000' },
  },
})
