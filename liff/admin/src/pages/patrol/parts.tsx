import { VISIT_RESULT_LABELS } from '@contracts/house-watch.js'
import type { VisitView } from '@contracts/patrol.js'
import { formatDistance } from '@shared/ui/map/geo.js'
import type { MapMarker, MapMarkerTone } from '@shared/ui/map/index.js'
import type { ComponentChildren, VNode } from 'preact'
import { type Language, t, when } from '../../lib/i18n.js'

/** What the patrol pages know about a point. */
type Point = { id: string; kind: 'house' | 'red_box'; code: string; nameTh: string | null; nameEn: string | null }

/** A red box by its name, a house by its code (its address is shown beside it). */
export function pointName(lang: Language, p: Point): string {
  const name = lang === 'th' ? p.nameTh : (p.nameEn ?? p.nameTh)
  return name ? `${p.code} · ${name}` : p.code
}

export const distance = (lang: Language, meters: number) => formatDistance(meters, lang)

/** "far from the point" or a finding: a supervisor should look. */
export const needsLook = (v: VisitView) => v.gpsCheck === 'far' || v.result !== 'normal'

export function toneOf(visits: VisitView[]): MapMarkerTone {
  if (visits.some(needsLook)) {
    return 'flagged'
  }
  return visits.length > 0 ? 'done' : 'normal'
}

export function markerOf(
  lang: Language,
  p: Point & { lat: number; lng: number; visits: VisitView[]; status?: string },
  order?: number,
) {
  return {
    id: p.id,
    lat: p.lat,
    lng: p.lng,
    kind: p.kind,
    label: pointName(lang, p),
    tone: p.status === 'missed' ? 'missed' : toneOf(p.visits),
    ...(order === undefined ? {} : { order }),
  } satisfies MapMarker
}

function gpsText(lang: Language, v: VisitView): string {
  if (v.gpsCheck === 'far') {
    return t(lang, 'patrol.gps.far', { distance: distance(lang, v.distanceMeters ?? 0) })
  }
  return t(lang, v.gpsCheck === 'near' ? 'patrol.gps.near' : 'patrol.gps.unknown')
}

/** One check-in: when, who (rank and name), the GPS check and what was found. */
export function VisitLine({ lang, v }: { lang: Language; v: VisitView }) {
  return (
    <li class={`visit-line${needsLook(v) ? ' visit-line--flag' : ''}`}>
      <span class="visit-line__when">{when(lang, v.at)}</span>
      <span>{v.officerName}</span>
      <span class={`visit-gps visit-gps--${v.gpsCheck}`}>{gpsText(lang, v)}</span>
      <span class={v.result === 'normal' ? 'visit-result' : 'visit-result visit-result--finding'}>
        {VISIT_RESULT_LABELS[v.result][lang]}
      </span>
    </li>
  )
}

export function KindBadge({ lang, kind }: { lang: Language; kind: Point['kind'] }) {
  return <span class={`kind patrol-kind-${kind}`}>{t(lang, `patrol.kind.${kind}`)}</span>
}

/** The station's pin (where rounds start) before the points' pins; none when the station has no location. */
export function withStation(lang: Language, start: { lat: number; lng: number } | null, points: MapMarker[]) {
  const station: MapMarker[] = start
    ? [{ id: 'station', ...start, kind: 'station', label: t(lang, 'patrol.station') }]
    : []
  return [...station, ...points]
}

/** Both patrol pages: the map beside (phone: above) the list or table, which has its own heading. */
export function MapAndList({
  map,
  title,
  id,
  children,
}: {
  map: VNode | null
  title: string
  id: string
  children: ComponentChildren
}) {
  return (
    <div class="patrol-layout">
      <div class="patrol-map">{map}</div>
      <section aria-labelledby={id}>
        <h2 id={id} class="patrol-list-title">
          {title}
        </h2>
        {children}
      </section>
    </div>
  )
}
