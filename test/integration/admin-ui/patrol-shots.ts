import type { Page } from 'playwright-core'
import { fullPageShot, VIEWPORTS, type Viewport } from '../../helpers/liff-page.js'

/** Where the patrol pages' screenshots go for a person to look at (issue #13, hw-checkin). */
export const PATROL_SHOTS = process.env.PATROL_SHOTS_DIR ?? '/tmp/shots-hw-checkin'

export function patrolShot(page: Page, name: string, viewport: Viewport) {
  const { width, height } = VIEWPORTS[viewport]
  return fullPageShot(page, PATROL_SHOTS, `${name}-${width}x${height}`)
}
