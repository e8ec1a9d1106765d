import type { VNode } from 'preact'
import { useAdmin } from './lib/session.js'
import type { Permission } from './lib/types.js'
import { ComposePage } from './pages/announcements/compose.js'
import { BroadcastPage } from './pages/announcements/detail.js'
import { AnnouncementsPage } from './pages/announcements/list.js'
import { AuditPage } from './pages/audit.js'
import { CameraRegistryPage } from './pages/cameras/registry.js'
import { CasePage } from './pages/case-detail.js'
import { CcocQueuePage } from './pages/ccoc/queue.js'
import { CONSULTATION_SETTINGS, ConsultationSettingsPage } from './pages/consultation/settings.js'
import { DashboardPage } from './pages/dashboard.js'
import { HouseWatchSettingsPage } from './pages/house-watch-settings.js'
import { HouseholdsPage } from './pages/households/households-page.js'
import { InboxPage } from './pages/inbox.js'
import { MenuPage } from './pages/menu.js'
import { ForbiddenPage, NotFoundPage } from './pages/not-found.js'
import { OfficersPage } from './pages/officers.js'
import { CoveragePage } from './pages/patrol/coverage.js'
import { PatrolPointsPage } from './pages/patrol/points.js'
import { PatrolScanPage } from './pages/patrol/scan.js'
import { PatrolPage } from './pages/patrol/today.js'
import { PrivacyRequestsPage } from './pages/privacy-requests.js'
import { StationPage } from './pages/station.js'
import { TemplatesPage } from './pages/templates.js'

type Entry = { page: () => VNode; permissions: Permission[] }

/** Path under /admin/ → page and who may see it (the server checks again on every call). */
const PAGES: Record<string, Entry> = {
  '': { page: () => <InboxPage />, permissions: ['cases.read'] },
  dashboard: { page: () => <DashboardPage />, permissions: ['dashboard.read'] },
  officers: { page: () => <OfficersPage />, permissions: ['officers.manage'] },
  audit: { page: () => <AuditPage />, permissions: ['audit.read'] },
  templates: { page: () => <TemplatesPage />, permissions: ['templates.edit'] },
  station: { page: () => <StationPage />, permissions: ['station.edit', 'groups.bind'] },
  privacy: { page: () => <PrivacyRequestsPage />, permissions: ['privacy.requests'] },
  consultations: { page: () => <ConsultationSettingsPage />, permissions: [CONSULTATION_SETTINGS] },
  // Patrols (issue #13): the check-in scan page (the sticker's QR opens it with ?qr=…).
  'patrol/scan': { page: () => <PatrolScanPage />, permissions: ['patrol.check_in'] },
  'patrol/points': { page: () => <PatrolPointsPage />, permissions: ['patrol.points'] },
  // House-watch patrols (issue #13).
  patrol: { page: () => <PatrolPage />, permissions: ['patrol.read'] },
  'patrol/coverage': { page: () => <CoveragePage />, permissions: ['patrol.coverage'] },
  'house-watch-settings': { page: () => <HouseWatchSettingsPage />, permissions: ['house_watch.settings'] },
  // Households of the zone (issue #14): coverage, the address list's import, the list.
  households: { page: () => <HouseholdsPage />, permissions: ['households.read'] },
  // CCOC footage requests (issue #15).
  ccoc: { page: () => <CcocQueuePage />, permissions: ['footage.request'] },
  // Announcements (issue #14): the list and settings, a new one.
  announcements: { page: () => <AnnouncementsPage />, permissions: ['broadcasts.send', 'broadcasts.approve'] },
  'announcements/new': { page: () => <ComposePage />, permissions: ['broadcasts.send'] },
  // CCOC cameras (issue #15): the registry, its map, the import and the verification queue.
  cameras: { page: () => <CameraRegistryPage />, permissions: ['cameras.read'] },
  menu: { page: () => <MenuPage />, permissions: [] },
}

function Guard({ entry }: { entry: Entry }) {
  const { can } = useAdmin()
  if (entry.permissions.length > 0 && !entry.permissions.some(can)) {
    return <ForbiddenPage />
  }
  return entry.page()
}

export function pageFor(route: string): VNode {
  // /admin/cases/:id is the link on the station's LINE group card.
  const caseMatch = /^cases\/([^/]+)$/.exec(route)
  if (caseMatch?.[1]) {
    const id = decodeURIComponent(caseMatch[1])
    return <Guard key={id} entry={{ page: () => <CasePage id={id} />, permissions: ['cases.read'] }} />
  }
  // /admin/announcements/:id (progress) and /admin/announcements/:id/edit (a draft in the composer).
  const ann = /^announcements\/([^/]+)(\/edit)?$/.exec(route)
  if (ann?.[1] && ann[1] !== 'new') {
    const id = decodeURIComponent(ann[1])
    const page = ann[2] ? () => <ComposePage id={id} /> : () => <BroadcastPage id={id} />
    return <Guard key={route} entry={{ page, permissions: ['broadcasts.send', 'broadcasts.approve'] }} />
  }
  const entry = PAGES[route]
  return entry ? <Guard key={route} entry={entry} /> : <NotFoundPage />
}
