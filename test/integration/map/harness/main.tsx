// A page with the shared map in both modes, for test/integration/map/map-view.int.test.ts (built by Vite there).
import '@shared/styles/fonts.css'
import '@shared/styles/base.css'
import '@shared/styles/page.css'
import '@shared/styles/components.css'
import { setMapTiles } from '@shared/lib/map-tiles.js'
import { type LatLng, MapView } from '@shared/ui/map/index.js'
import { render } from 'preact'
import { useState } from 'preact/hooks'

const query = new URLSearchParams(window.location.search)
const lang = query.get('lang') === 'en' ? 'en' : 'th'
// As initLiff does with the server's config (MAP_TILE_URL, MAP_TILE_ATTRIBUTION).
setMapTiles({ tileUrl: 'https://tiles.example.test/{z}/{x}/{y}.png', attribution: '© Test Tiles <b>' })

function Harness() {
  const [pin, setPin] = useState<LatLng | null>(null)
  const station = { lat: 12.68, lng: 101.28 }
  return (
    <main style={{ padding: '12px', display: 'grid', gap: '24px', maxWidth: '960px' }}>
      <section id="markers">
        <h2>markers</h2>
        <MapView
          lang={lang}
          center={station}
          markers={[
            { id: 'me', lat: 12.68, lng: 101.28, label: 'me', kind: 'me' },
            { id: 'h', lat: 12.69, lng: 101.28, label: 'HW-000001', kind: 'house', order: 1, tone: 'done' },
            { id: 'b', lat: 12.68, lng: 101.29, label: 'RB-001', kind: 'red_box', order: 2, tone: 'missed' },
          ]}
          route={[station, { lat: 12.69, lng: 101.28 }, { lat: 12.68, lng: 101.29 }]}
          jurisdiction={{
            type: 'Polygon',
            coordinates: [
              [
                [101.26, 12.66],
                [101.31, 12.66],
                [101.31, 12.71],
                [101.26, 12.71],
                [101.26, 12.66],
              ],
            ],
          }}
        />
      </section>
      <section id="pick">
        <h2>pick</h2>
        <MapView lang={lang} center={station} pick={{ value: pin, onChange: setPin }} />
        <output id="picked">{pin ? `${pin.lat.toFixed(4)},${pin.lng.toFixed(4)}` : 'none'}</output>
      </section>
    </main>
  )
}

const root = document.getElementById('app')
if (root) {
  render(<Harness />, root)
}
