import { SvgIcon as Svg } from './svg-icon.js'

// The one icon set of both LIFF apps (bot/richmenu/icons.ts draws the rich menu in the same style). Sizes are the
// ones each icon is shown at: 24 for service rows, 22 for the officers' navigation, 20 in buttons and links, 18 in
// badges and small labels.

// Services and places
export const DocumentIcon = () => (
  <Svg>
    <path d="M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z" />
    <path d="M14 2v6h6" />
    <path d="M9 13h6" />
    <path d="M9 17h4" />
  </Svg>
)

export const ListIcon = () => (
  <Svg>
    <path d="M9 6h12" />
    <path d="M9 12h12" />
    <path d="M9 18h12" />
    <path d="M4 6h.01" />
    <path d="M4 12h.01" />
    <path d="M4 18h.01" />
  </Svg>
)

export const PhoneIcon = () => (
  <Svg>
    <path d="M22 16.9v3a2 2 0 0 1-2.2 2 19.8 19.8 0 0 1-8.6-3.1 19.5 19.5 0 0 1-6-6A19.8 19.8 0 0 1 2.1 4.2 2 2 0 0 1 4.1 2h3a2 2 0 0 1 2 1.7c.1.9.4 1.8.7 2.7a2 2 0 0 1-.5 2.1L8 9.8a16 16 0 0 0 6 6l1.3-1.3a2 2 0 0 1 2.1-.4c.9.3 1.8.6 2.7.7a2 2 0 0 1 1.7 2z" />
  </Svg>
)

export const MapIcon = () => (
  <Svg>
    <path d="M21 10c0 7-9 13-9 13S3 17 3 10a9 9 0 0 1 18 0z" />
    <circle cx="12" cy="10" r="3" />
  </Svg>
)

const CHAT_BUBBLE =
  'M21 11.5a8.4 8.4 0 0 1-9 8.4 9 9 0 0 1-3.9-.9L3 21l1.9-5.1A8.4 8.4 0 0 1 3 11.5 8.5 8.5 0 0 1 12 3a8.4 8.4 0 0 1 9 8.5z'

export const ChatIcon = () => (
  <Svg>
    <path d={CHAT_BUBBLE} />
  </Svg>
)

export const SettingsIcon = () => (
  <Svg>
    <circle cx="12" cy="12" r="3" />
    <path d="M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z" />
  </Svg>
)

// The officers' navigation
export const InboxIcon = () => (
  <Svg size={22}>
    <path d="M22 12h-6l-2 3h-4l-2-3H2" />
    <path d="M5.5 5.1 2 12v6a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2v-6l-3.5-6.9A2 2 0 0 0 16.8 4H7.2a2 2 0 0 0-1.7 1.1z" />
  </Svg>
)

export const ChartIcon = () => (
  <Svg size={22}>
    <path d="M3 3v18h18" />
    <path d="M8 17V11M13 17V7M18 17v-4" />
  </Svg>
)

export const UsersIcon = () => (
  <Svg size={22}>
    <circle cx="9" cy="8" r="4" />
    <path d="M2 21v-1a6 6 0 0 1 12 0v1M16 4a4 4 0 0 1 0 8M22 21v-1a6 6 0 0 0-4-5.6" />
  </Svg>
)

export const AuditIcon = () => (
  <Svg size={22}>
    <path d="M9 5H7a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2h-2" />
    <rect x="9" y="3" width="6" height="4" rx="1" />
    <path d="M9 12h6M9 16h4" />
  </Svg>
)

/** The chat bubble with lines of text: the status messages officers edit. */
export const TemplateIcon = () => (
  <Svg size={22}>
    <path d={CHAT_BUBBLE} />
    <path d="M8 10h8M8 14h5" />
  </Svg>
)

export const StationIcon = () => (
  <Svg size={22}>
    <path d="M3 21h18M5 21V10l7-5 7 5v11M9 21v-6h6v6" />
  </Svg>
)

export const MenuIcon = () => (
  <Svg size={22}>
    <path d="M4 6h16M4 12h16M4 18h16" />
  </Svg>
)

// In buttons and links
export const ChevronIcon = () => (
  <Svg size={20}>
    <path d="m9 18 6-6-6-6" />
  </Svg>
)

export const BackIcon = () => (
  <Svg size={20}>
    <path d="m15 18-6-6 6-6" />
  </Svg>
)

export const CheckIcon = () => (
  <Svg size={20}>
    <path d="M20 6 9 17l-5-5" />
  </Svg>
)

export const SearchIcon = () => (
  <Svg size={20}>
    <circle cx="11" cy="11" r="7" />
    <path d="m20 20-3.5-3.5" />
  </Svg>
)

export const SendIcon = () => (
  <Svg size={20}>
    <path d="m22 2-7 20-4-9-9-4z" />
    <path d="M22 2 11 13" />
  </Svg>
)

export const LogoutIcon = () => (
  <Svg size={20}>
    <path d="M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4M16 17l5-5-5-5M21 12H9" />
  </Svg>
)

export const GlobeIcon = () => (
  <Svg size={20}>
    <circle cx="12" cy="12" r="9" />
    <path d="M3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18" />
  </Svg>
)

// In badges and small labels
export const AlertIcon = () => (
  <Svg size={18}>
    <path d="M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z" />
    <path d="M12 9v4M12 17h.01" />
  </Svg>
)

export const ClockIcon = () => (
  <Svg size={18}>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 7v5l3 2" />
  </Svg>
)

export const EyeIcon = () => (
  <Svg size={18}>
    <path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z" />
    <circle cx="12" cy="12" r="3" />
  </Svg>
)

export const LockIcon = () => (
  <Svg size={18}>
    <rect x="4" y="11" width="16" height="10" rx="2" />
    <path d="M8 11V7a4 4 0 0 1 8 0v4" />
  </Svg>
)

export const UserIcon = () => (
  <Svg size={18}>
    <circle cx="12" cy="8" r="4" />
    <path d="M4 21v-1a8 8 0 0 1 16 0v1" />
  </Svg>
)

export const PaperclipIcon = () => (
  <Svg size={18}>
    <path d="m21 11-8.5 8.5a5 5 0 0 1-7-7L14 4a3.5 3.5 0 0 1 5 5l-8.5 8.5a2 2 0 0 1-3-3L15 7" />
  </Svg>
)

/** The police-style shield of the station, in both apps' headers. Not decorative: it has a label. */
export function StationBadge({ label }: { label: string }) {
  return (
    <svg class="badge" role="img" aria-label={label} width="40" height="40" viewBox="0 0 40 40">
      <path d="M20 2 35 8v11c0 9.5-6.4 16.6-15 19-8.6-2.4-15-9.5-15-19V8z" fill="#f2c230" />
      <path d="M20 6 31.5 10.6v8.6c0 7.6-5 13.3-11.5 15.3-6.5-2-11.5-7.7-11.5-15.3v-8.6z" fill="#0b2f6b" />
      <path d="m20 12 2.2 4.6 5 .7-3.6 3.5.9 5L20 23.4l-4.5 2.4.9-5-3.6-3.5 5-.7z" fill="#f2c230" />
    </svg>
  )
}
