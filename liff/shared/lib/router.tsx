import type { ComponentChildren } from 'preact'
import { useEffect, useState } from 'preact/hooks'

/** The app's base ('/liff/' or '/admin/', set by its vite config): its routes are paths under it ('' is home…). */
const BASE = import.meta.env.BASE_URL
const NAVIGATED = 'liff:navigate'

export function currentRoute(): string {
  const path = window.location.pathname
  const rest = path.startsWith(BASE) ? path.slice(BASE.length) : path.replace(/^\//, '')
  return rest.replace(/\/+$/, '')
}

export function hrefFor(route: string): string {
  return `${BASE}${route}`
}

let navigated = false

/** True once after an in-app navigation or back/forward: the new page then moves the focus to its heading. */
export function takeNavigationFocus(): boolean {
  const was = navigated
  navigated = false
  return was
}

export function navigate(route: string) {
  if (route === currentRoute()) {
    return
  }
  navigated = true
  window.history.pushState(null, '', hrefFor(route))
  window.dispatchEvent(new Event(NAVIGATED))
  window.scrollTo(0, 0)
}

/** The current route, updated on links and the back button. */
export function useRoute(): string {
  const [route, setRoute] = useState(currentRoute)
  useEffect(() => {
    const update = () => setRoute(currentRoute())
    const onPopState = () => {
      navigated = true
      update()
    }
    window.addEventListener('popstate', onPopState)
    window.addEventListener(NAVIGATED, update)
    return () => {
      window.removeEventListener('popstate', onPopState)
      window.removeEventListener(NAVIGATED, update)
    }
  }, [])
  return route
}

type LinkProps = {
  to: string
  class?: string
  /** Marks the link of the page shown (aria-current="page"). */
  current?: boolean
  label?: string
  children: ComponentChildren
}

/** A real link (works with keyboard, middle-click, long-press) that navigates in-app on a plain click. */
export function Link({ to, class: className, current, label, children }: LinkProps) {
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
