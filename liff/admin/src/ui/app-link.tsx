import type { ComponentChildren } from 'preact'
import { hrefFor, navigate } from '../../../src/lib/router.js'

type AppLinkProps = {
  to: string
  class?: string
  /** Marks the link of the page shown (aria-current="page"). */
  current?: boolean
  label?: string
  children: ComponentChildren
}

/** A real link that navigates in-app on a plain click (like the citizen app's Link), with aria-current. */
export function AppLink({ to, class: className, current, label, children }: AppLinkProps) {
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) {
      return
    }
    e.preventDefault()
    navigate(to)
  }
  return (
    <a
      class={className}
      href={hrefFor(to)}
      onClick={onClick}
      aria-current={current ? 'page' : undefined}
      aria-label={label}
    >
      {children}
    </a>
  )
}
