import {
  AuditIcon,
  ChartIcon,
  ChatIcon,
  CheckIcon,
  InboxIcon,
  LockIcon,
  MapIcon,
  SendIcon,
  StationIcon,
  TemplateIcon,
  UsersIcon,
} from '@shared/ui/icons.js'
import type { FunctionComponent } from 'preact'
import type { AdminKey } from '../lib/i18n.js'
import type { Permission } from '../lib/types.js'

export type NavItem = { route: string; label: AdminKey; icon: FunctionComponent; permissions: Permission[] }

/** The pages, in the order officers use them; an item shows when the role has any of its permissions. */
export const NAV: NavItem[] = [
  { route: '', label: 'nav.inbox', icon: InboxIcon, permissions: ['cases.read'] },
  { route: 'dashboard', label: 'nav.dashboard', icon: ChartIcon, permissions: ['dashboard.read'] },
  // House-watch patrols (issue #13): the round for patrol officers, a shift's coverage for supervisors.
  { route: 'patrol', label: 'nav.patrol', icon: MapIcon, permissions: ['patrol.read'] },
  { route: 'patrol/coverage', label: 'nav.coverage', icon: CheckIcon, permissions: ['patrol.coverage'] },
  { route: 'households', label: 'nav.households', icon: UsersIcon, permissions: ['households.read'] },
  // Announcements to the zone's households (issue #14).
  {
    route: 'announcements',
    label: 'nav.announcements',
    icon: SendIcon,
    permissions: ['broadcasts.send', 'broadcasts.approve'],
  },
  // CCOC cameras (issue #15).
  { route: 'cameras', label: 'nav.cameras', icon: MapIcon, permissions: ['cameras.read'] },
  { route: 'officers', label: 'nav.officers', icon: UsersIcon, permissions: ['officers.manage'] },
  { route: 'audit', label: 'nav.audit', icon: AuditIcon, permissions: ['audit.read'] },
  { route: 'templates', label: 'nav.templates', icon: TemplateIcon, permissions: ['templates.edit'] },
  { route: 'station', label: 'nav.station', icon: StationIcon, permissions: ['station.edit', 'groups.bind'] },
  { route: 'privacy', label: 'nav.privacy', icon: LockIcon, permissions: ['privacy.requests'] },
  // 'consultations.settings' (admin, supervisor): issue #12's permission, named as C1 adds it to the contract.
  {
    route: 'consultations',
    label: 'nav.consultations',
    icon: ChatIcon,
    permissions: ['consultations.settings' as Permission],
  },
  // Patrols (issue #13): check in at a point.
  { route: 'patrol/scan', label: 'nav.patrolScan', icon: MapIcon, permissions: ['patrol.check_in'] },
  { route: 'patrol/points', label: 'nav.patrolPoints', icon: StationIcon, permissions: ['patrol.points'] },
  // House watch (issue #13): approval, limits, shifts.
  {
    route: 'house-watch-settings',
    label: 'nav.houseWatchSettings',
    icon: StationIcon,
    permissions: ['house_watch.settings'],
  },
  // CCOC footage requests (issue #15).
  { route: 'ccoc', label: 'nav.ccoc', icon: MapIcon, permissions: ['footage.request'] },
]

export function isCurrent(item: NavItem, route: string): boolean {
  if (item.route === 'announcements') {
    return route === 'announcements' || route.startsWith('announcements/')
  }
  return item.route === '' ? route === '' || route.startsWith('cases/') : route === item.route
}
