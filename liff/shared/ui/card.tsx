import type { ComponentChildren } from 'preact'

/** A white panel with an optional heading. */
export function Card({ title, children }: { title?: string; children: ComponentChildren }) {
  return (
    <section class="card">
      {title ? <h2 class="card-title">{title}</h2> : null}
      {children}
    </section>
  )
}
