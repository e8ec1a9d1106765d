/**
 * Writes the sample registry (416 synthetic cameras of the Rayong City zone) to bot/cameras/seed/rayong-cameras.csv:
 *   npx tsx bot/cameras/seed/write-sample.cli.ts
 * The file is committed; a unit test checks that it is what this writes.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { sampleCsv } from './sample.js'

const file = fileURLToPath(new URL('./rayong-cameras.csv', import.meta.url))
writeFileSync(file, sampleCsv())
console.log(`wrote ${file}`)
