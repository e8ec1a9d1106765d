import { useEffect, useId, useRef, useState } from 'preact/hooks'

/** The width the chart has on screen, so it is drawn in real pixels (text stays readable on a phone). */
function useWidth(fallback = 340) {
  const ref = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState(fallback)
  useEffect(() => {
    const el = ref.current
    if (!el || typeof ResizeObserver === 'undefined') {
      return
    }
    const observer = new ResizeObserver(([entry]) => {
      if (entry) {
        setWidth(Math.max(240, Math.floor(entry.contentRect.width)))
      }
    })
    observer.observe(el)
    return () => observer.disconnect()
  }, [])
  return { ref, width }
}

export type Series = { key: string; label: string }

type StackedProps = {
  /** x values in order (e.g. days) with their short labels. */
  columns: { key: string; label: string }[]
  series: Series[]
  value: (column: string, series: string) => number
  title: string
  summary: string
}

/** A round top for the y axis whose half is a whole number too (cases are counted, not measured). */
function niceMax(n: number): number {
  if (n <= 4) {
    return 4
  }
  const step = 10 ** Math.floor(Math.log10(n))
  const top = Math.ceil(n / step) * step
  return top % 2 === 0 ? top : top + step
}

/** Stacked columns with a y axis; the colours come from CSS classes `.series-<key>`. */
export function StackedBars({ columns, series, value, title, summary }: StackedProps) {
  const { ref, width } = useWidth()
  const id = useId()
  const height = 220
  const pad = { left: 34, right: 8, top: 10, bottom: 28 }
  const totals = columns.map((c) => series.reduce((sum, s) => sum + value(c.key, s.key), 0))
  const max = niceMax(Math.max(0, ...totals))
  const plotW = width - pad.left - pad.right
  const plotH = height - pad.top - pad.bottom
  const slot = plotW / Math.max(1, columns.length)
  const barW = Math.max(2, Math.min(28, slot * 0.7))
  const every = Math.max(1, Math.ceil(columns.length / Math.floor(plotW / 44)))
  const y = (v: number) => pad.top + plotH - (v / max) * plotH
  return (
    <div ref={ref} class="chart">
      <svg
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
      >
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{summary}</desc>
        {[0, max / 2, max].map((tick) => (
          <g key={tick} class="axis">
            <line x1={pad.left} x2={width - pad.right} y1={y(tick)} y2={y(tick)} />
            <text x={pad.left - 6} y={y(tick) + 4} text-anchor="end">
              {tick}
            </text>
          </g>
        ))}
        {columns.map((c, i) => {
          let base = 0
          const x = pad.left + i * slot + (slot - barW) / 2
          return (
            <g key={c.key}>
              {series.map((s) => {
                const v = value(c.key, s.key)
                if (v <= 0) {
                  return null
                }
                const top = y(base + v)
                const h = y(base) - top
                base += v
                return <rect key={s.key} class={`series-${s.key}`} x={x} y={top} width={barW} height={h} rx={2} />
              })}
              {i % every === 0 ? (
                <text class="axis-label" x={x + barW / 2} y={height - 8} text-anchor="middle">
                  {c.label}
                </text>
              ) : null}
            </g>
          )
        })}
      </svg>
    </div>
  )
}

export function Legend({ series }: { series: Series[] }) {
  return (
    <ul class="legend">
      {series.map((s) => (
        <li key={s.key}>
          <svg width="14" height="14" aria-hidden="true">
            <rect class={`series-${s.key}`} width="14" height="14" rx="3" />
          </svg>
          {s.label}
        </li>
      ))}
    </ul>
  )
}

/** Horizontal bars with HTML labels (Thai wraps properly) and an SVG bar each. */
export function HBars({ rows }: { rows: { key: string; label: string; value: number; text: string }[] }) {
  const max = Math.max(1, ...rows.map((r) => r.value))
  return (
    <ul class="hbars">
      {rows.map((r) => (
        <li key={r.key}>
          <span class="hbar-label">{r.label}</span>
          <svg class="hbar" width="100%" height="16" aria-hidden="true">
            <rect class="hbar-track" width="100%" height="16" rx="4" />
            <rect class="hbar-fill" width={`${(r.value / max) * 100}%`} height="16" rx="4" />
          </svg>
          <span class="hbar-value">{r.text}</span>
        </li>
      ))}
    </ul>
  )
}

/** A half-circle gauge (LINE message quota); `ratio` 0..1, over 0.8 turns amber, over 0.95 red. */
export function Gauge({ ratio, label, caption }: { ratio: number; label: string; caption: string }) {
  const r = 80
  const clamped = Math.min(1, Math.max(0, ratio))
  const angle = Math.PI * (1 - clamped)
  const end = { x: 100 + r * Math.cos(angle), y: 100 - r * Math.sin(angle) }
  const level = clamped > 0.95 ? 'gauge-red' : clamped > 0.8 ? 'gauge-amber' : 'gauge-ok'
  return (
    <figure class="gauge">
      <svg viewBox="0 0 200 112" width="220" height="123" role="img" aria-label={`${label}: ${caption}`}>
        <path class="gauge-track" d={`M 20 100 A ${r} ${r} 0 0 1 180 100`} />
        {clamped > 0 ? (
          <path
            class={`gauge-fill ${level}`}
            d={`M 20 100 A ${r} ${r} 0 0 1 ${end.x.toFixed(2)} ${end.y.toFixed(2)}`}
          />
        ) : null}
        <text x="100" y="92" text-anchor="middle" class="gauge-value">
          {`${Math.round(clamped * 100)}%`}
        </text>
      </svg>
      <figcaption>{caption}</figcaption>
    </figure>
  )
}
