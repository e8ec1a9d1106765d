import { defineConfig } from 'vitest/config'

// Integration tests: real Postgres + Redis when DATABASE_URL / REDIS_URL are set (CI), else the embedded defaults.
// Each file gets its own database (cloned from a migrated template) and its own BullMQ prefix.
export default defineConfig({
  test: {
    include: ['test/integration/**/*.int.test.ts'],
    environment: 'node',
    globalSetup: ['test/setup/postgres.global.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: two files at a time keeps timing-sensitive tests honest.
    maxWorkers: 2,
    fileParallelism: true,
  },
})
