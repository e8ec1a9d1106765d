import type { ComponentChildren } from 'preact'

/**
 * The one wrapper of every icon in both apps: a 24×24 stroke drawing in the text colour, drawn at `size` pixels.
 * Decorative (aria-hidden): every control that shows an icon also has a text label.
 */
export function SvgIcon({ children, size = 24 }: { children: ComponentChildren; size?: number }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      {children}
    </svg>
  )
}
