import postgres from 'postgres'
import type { TestProject } from 'vitest/node'
import { createDb } from '../../db/client.js'
import { runMigrations } from '../../db/migrate.js'
import { withDatabase } from '../helpers/pg-url.js'

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string | null
    pgTemplate: string | null
  }
}

/** With DATABASE_URL: build a migrated template database once per run; each test file clones it. */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL
  if (!url) {
    project.provide('pgAdminUrl', null)
    project.provide('pgTemplate', null)
    return
  }
  const adminUrl = withDatabase(url, 'postgres')
  const template = `rsz_test_template_${process.pid}`
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`)
  await admin.unsafe(`CREATE DATABASE ${template}`)
  const handle = await createDb({ databaseUrl: withDatabase(adminUrl, template), maxConnections: 1 })
  await runMigrations(handle)
  await handle.close() // a template with open sessions cannot be cloned
  project.provide('pgAdminUrl', adminUrl)
  project.provide('pgTemplate', template)
  return async () => {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`)
    await admin.end()
  }
}
