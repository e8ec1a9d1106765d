import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // The LIFF apps' aliases (liff/vite.config.ts): tests import their catalogues and helpers.
  resolve: {
    alias: {
      '@shared': fileURLToPath(new URL('../liff/shared', import.meta.url)),
      '@contracts': fileURLToPath(new URL('../bot/contracts', import.meta.url)),
    },
  },
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
})
