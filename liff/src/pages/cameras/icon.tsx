import { SvgIcon as Svg } from '@shared/ui/svg-icon.js'

/** A CCTV camera on its bracket: "My cameras" (drawn like the shared icon set, liff/shared/ui/icons.tsx). */
export const CameraIcon = () => (
  <Svg>
    <path d="M3 7l13 4-1.5 4.5L1.5 11.5z" />
    <path d="M16 11l4-1.2v4.4l-5.2-.6" />
    <path d="M7 13.5V18H3" />
  </Svg>
)
