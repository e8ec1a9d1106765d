import {
  CONSULTATION_TOPIC_LABELS,
  type Holiday,
  type OfficeHours,
  type TopicSetting,
  type Weekday,
} from '@contracts/consultations.js'
import { day, type Language, t } from '../../lib/i18n.js'

/** Monday first, the way the office's week is read. */
const WEEK: Weekday[] = ['1', '2', '3', '4', '5', '6', '0']

type Editor<T> = { lang: Language; value: T; onChange: (v: T) => void }

/** Opening periods per weekday; a day without periods is closed. */
export function HoursEditor({ lang, value, onChange }: Editor<OfficeHours>) {
  const set = (d: Weekday, periods: { from: string; to: string }[]) => {
    const next = { ...value }
    if (periods.length > 0) {
      next[d] = periods
    } else {
      delete next[d]
    }
    onChange(next)
  }
  return (
    <div class="hours">
      {WEEK.map((d) => {
        const periods = value[d] ?? []
        const name = t(lang, `weekday.${d}`)
        return (
          <fieldset key={d} class={`hours-day${periods.length ? '' : ' is-closed'}`}>
            <legend class="hours-name">{name}</legend>
            <label class="check">
              <input
                type="checkbox"
                checked={periods.length > 0}
                onChange={(e) => set(d, e.currentTarget.checked ? [{ from: '08:30', to: '16:30' }] : [])}
              />
              <span>{t(lang, periods.length ? 'settings.open' : 'settings.closedDay')}</span>
            </label>
            {periods.map((p, i) => (
              <div key={i} class="hours-period">
                <label class="field">
                  <span class="field-label">{t(lang, 'settings.from')}</span>
                  <input
                    type="time"
                    aria-label={`${name} ${t(lang, 'settings.from')} ${i + 1}`}
                    value={p.from}
                    onInput={(e) =>
                      set(
                        d,
                        periods.map((x, j) => (j === i ? { ...x, from: e.currentTarget.value } : x)),
                      )
                    }
                  />
                </label>
                <label class="field">
                  <span class="field-label">{t(lang, 'settings.to')}</span>
                  <input
                    type="time"
                    aria-label={`${name} ${t(lang, 'settings.to')} ${i + 1}`}
                    value={p.to}
                    onInput={(e) =>
                      set(
                        d,
                        periods.map((x, j) => (j === i ? { ...x, to: e.currentTarget.value } : x)),
                      )
                    }
                  />
                </label>
                <button
                  type="button"
                  class="button button-secondary button-small"
                  aria-label={`${t(lang, 'settings.removePeriod')} ${name} ${i + 1}`}
                  onClick={() =>
                    set(
                      d,
                      periods.filter((_, j) => j !== i),
                    )
                  }
                >
                  {t(lang, 'common.remove')}
                </button>
                {p.from >= p.to ? <p class="field-error">{t(lang, 'settings.badPeriod')}</p> : null}
              </div>
            ))}
            {periods.length > 0 ? (
              <button
                type="button"
                class="button button-secondary button-small"
                onClick={() => set(d, [...periods, { from: '13:00', to: '16:30' }])}
              >
                {t(lang, 'settings.addPeriod')}
              </button>
            ) : null}
          </fieldset>
        )
      })}
    </div>
  )
}

/** The year of a YYYY-MM-DD, in the Buddhist Era. */
const beYear = (ymd: string) => Number(ymd.slice(0, 4)) + 543

/** The holidays of one year (BE), added, edited and removed in place; the other years are kept as they are. */
export function HolidaysEditor({ lang, value, onChange, year }: Editor<Holiday[]> & { year: number }) {
  const rows = value.map((h, i) => ({ h, i })).filter(({ h }) => !h.date || beYear(h.date) === year)
  const update = (i: number, patch: Partial<Holiday>) =>
    onChange(value.map((h, j) => (j === i ? { ...h, ...patch } : h)))
  return (
    <div class="list-fieldset">
      {rows.length === 0 ? <p class="hint">{t(lang, 'settings.noHolidays')}</p> : null}
      {rows.map(({ h, i }, n) => (
        <div key={i} class="list-item holiday-item">
          <label class="field">
            <span class="field-label">{t(lang, 'settings.holidayDate')}</span>
            <input
              type="date"
              aria-label={`${t(lang, 'settings.holidayDate')} ${n + 1}`}
              min={`${year - 543}-01-01`}
              max={`${year - 543}-12-31`}
              value={h.date}
              onInput={(e) => update(i, { date: e.currentTarget.value })}
            />
            <span class="field-hint">{h.date ? day(lang, h.date) : '\u00a0'}</span>
          </label>
          <label class="field">
            <span class="field-label">{t(lang, 'settings.holidayTh')}</span>
            <input
              type="text"
              lang="th"
              value={h.nameTh}
              onInput={(e) => update(i, { nameTh: e.currentTarget.value })}
            />
          </label>
          <label class="field">
            <span class="field-label">{t(lang, 'settings.holidayEn')}</span>
            <input
              type="text"
              lang="en"
              value={h.nameEn}
              onInput={(e) => update(i, { nameEn: e.currentTarget.value })}
            />
          </label>
          <button
            type="button"
            class="button button-secondary button-small"
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            {t(lang, 'common.remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        class="button button-secondary"
        onClick={() => onChange([...value, { date: '', nameTh: '', nameEn: '' }])}
      >
        {t(lang, 'settings.addHoliday')}
      </button>
    </div>
  )
}

/** Each topic: offered or not, its place in the list, its answer times in office minutes. */
export function TopicsEditor({ lang, value, onChange }: Editor<TopicSetting[]>) {
  const sorted = [...value].sort((a, b) => a.position - b.position)
  const update = (topic: string, patch: Partial<TopicSetting>) =>
    onChange(sorted.map((s) => (s.topic === topic ? { ...s, ...patch } : s)))
  const move = (from: number, to: number) => {
    const next = [...sorted]
    const [item] = next.splice(from, 1)
    if (item) {
      next.splice(to, 0, item)
    }
    onChange(next.map((s, i) => ({ ...s, position: i + 1 })))
  }
  return (
    <ol class="topic-list">
      {sorted.map((s, i) => {
        const name = CONSULTATION_TOPIC_LABELS[s.topic][lang]
        const minutes = (key: 'firstResponseMinutes' | 'nextResponseMinutes', label: string) => (
          <label class="field">
            <span class="field-label">{label}</span>
            <input
              type="number"
              inputMode="numeric"
              min={1}
              max={10_080}
              step={1}
              required
              aria-label={`${name}: ${label}`}
              value={s[key]}
              onInput={(e) => update(s.topic, { [key]: e.currentTarget.valueAsNumber })}
            />
          </label>
        )
        return (
          <li key={s.topic} class={`topic-item${s.active ? '' : ' is-off'}`} data-topic={s.topic}>
            <div class="topic-head">
              <span class="topic-order">{i + 1}</span>
              <label class="check">
                <input
                  type="checkbox"
                  aria-label={`${t(lang, 'settings.topicActive')}: ${name}`}
                  checked={s.active}
                  onChange={(e) => update(s.topic, { active: e.currentTarget.checked })}
                />
                <span class="topic-name">{name}</span>
              </label>
              <span class="topic-moves">
                <button
                  type="button"
                  class="button button-secondary button-small"
                  aria-label={t(lang, 'settings.moveUp', { topic: name })}
                  disabled={i === 0}
                  onClick={() => move(i, i - 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  class="button button-secondary button-small"
                  aria-label={t(lang, 'settings.moveDown', { topic: name })}
                  disabled={i === sorted.length - 1}
                  onClick={() => move(i, i + 1)}
                >
                  ↓
                </button>
              </span>
            </div>
            <div class="pair">
              {minutes('firstResponseMinutes', t(lang, 'settings.firstResponse'))}
              {minutes('nextResponseMinutes', t(lang, 'settings.nextResponse'))}
            </div>
          </li>
        )
      })}
    </ol>
  )
}
