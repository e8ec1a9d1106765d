import type { Language } from '../../lib/i18n.js'
import { COMPASS, compassName, mc } from './texts.js'

const FOVS = [60, 90, 120, 360] as const
// The compass as a 3×3 grid: arrows around, the chosen direction in the middle.
const GRID = [315, 0, 45, 270, -1, 90, 225, 180, 135]
const ARROW: Record<number, string> = { 0: '↑', 45: '↗', 90: '→', 135: '↘', 180: '↓', 225: '↙', 270: '←', 315: '↖' }

/** How wide the camera sees, and where it looks: a compass of 8 arrows or a slider (the map draws the cone). */
export function DirectionControls(props: {
  lang: Language
  deg: number
  fov: number
  onDeg: (deg: number) => void
  onFov: (fov: number) => void
}) {
  const { lang, deg: chosen, fov, onDeg, onFov } = props
  return (
    <>
      <fieldset class="camera-fov">
        <legend class="field-label">{mc(lang, 'fov')}</legend>
        {FOVS.map((f) => (
          <label key={f} class={`camera-choice${fov === f ? ' camera-choice--on' : ''}`}>
            <input type="radio" name="fov" value={f} checked={fov === f} onChange={() => onFov(f)} />
            {mc(lang, `fov.${f}`)}
          </label>
        ))}
      </fieldset>
      {fov < 360 ? (
        <div class="camera-compass-wrap">
          <fieldset class="camera-compass" aria-label={mc(lang, 'direction')}>
            {GRID.map((deg) =>
              deg < 0 ? (
                <output key="mid" class="camera-compass-mid" aria-live="polite">
                  {chosen}°
                </output>
              ) : (
                <button
                  key={deg}
                  type="button"
                  class={`camera-compass-btn${chosen === deg ? ' camera-compass-btn--on' : ''}`}
                  aria-pressed={chosen === deg}
                  aria-label={COMPASS.find((c) => c.deg === deg)?.[lang]}
                  onClick={() => onDeg(deg)}
                >
                  {ARROW[deg]}
                </button>
              ),
            )}
          </fieldset>
          <label class="field camera-slider" for="f-direction">
            <span class="field-label">
              {mc(lang, 'directionValue', { deg: chosen, name: compassName(lang, chosen) })}
            </span>
            <input
              id="f-direction"
              type="range"
              min={0}
              max={359}
              step={5}
              value={chosen}
              onInput={(e) => onDeg(Number(e.currentTarget.value))}
            />
          </label>
        </div>
      ) : null}
    </>
  )
}
