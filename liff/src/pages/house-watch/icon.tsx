import { SvgIcon as Svg } from '@shared/ui/svg-icon.js'

/** A house with a shield: the house-watch service (drawn like the shared icon set, liff/shared/ui/icons.tsx). */
export const HouseWatchIcon = () => (
  <Svg>
    <path d="M3 11l9-7 9 7" />
    <path d="M5 10v10h14V10" />
    <path d="M12 11l3 1.2v2.3c0 2-1.3 3.2-3 3.8-1.7-.6-3-1.8-3-3.8v-2.3z" />
  </Svg>
)
