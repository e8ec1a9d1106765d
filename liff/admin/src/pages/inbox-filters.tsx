import { SearchIcon } from '@shared/ui/icons.js'
import { useEffect, useState } from 'preact/hooks'
import { KIND_LABELS, STATUSES_BY_KIND, statusLabel } from '../i18n/labels.js'
import { type Language, t } from '../lib/i18n.js'
import { CASE_KINDS } from '../lib/types.js'
import { DateField } from '../ui/date-field.js'
import { type Filters, NO_FILTERS } from './inbox-data.js'

type Props = { lang: Language; filters: Filters; onChange: (f: Filters) => void }

const ALL_STATUSES = [...new Set(Object.values(STATUSES_BY_KIND).flat())]

/** Search as the officer types (a short pause first), so a reference number finds its case at once. */
function SearchBox({ lang, filters, onChange }: Props) {
  const [text, setText] = useState(filters.q)
  useEffect(() => setText(filters.q), [filters.q])
  useEffect(() => {
    if (text === filters.q) {
      return
    }
    const timer = window.setTimeout(() => onChange({ ...filters, q: text }), 350)
    return () => window.clearTimeout(timer)
  }, [text])
  return (
    <form
      class="search"
      onSubmit={(e) => {
        e.preventDefault()
        onChange({ ...filters, q: text })
      }}
    >
      <label class="visually-hidden" for="inbox-q">
        {t(lang, 'inbox.search')}
      </label>
      <SearchIcon />
      <input
        id="inbox-q"
        type="search"
        inputMode="search"
        autoComplete="off"
        placeholder={t(lang, 'inbox.searchPlaceholder')}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
    </form>
  )
}

function activeCount(f: Filters): number {
  return [f.kind !== '', f.status !== '', f.overdue, f.range !== 'all'].filter(Boolean).length
}

/** Who: mine / unassigned / everyone, as three large toggles. */
function AssigneeToggle({ lang, filters, onChange }: Props) {
  const options = [
    ['all', 'inbox.assigneeAll'],
    ['me', 'inbox.assigneeMe'],
    ['none', 'inbox.assigneeNone'],
  ] as const
  return (
    <fieldset class="segmented">
      <legend class="visually-hidden">{t(lang, 'inbox.assignee')}</legend>
      {options.map(([value, key]) => (
        <label key={value} class={`segment${filters.assignee === value ? ' is-on' : ''}`}>
          <input
            type="radio"
            name="assignee"
            value={value}
            checked={filters.assignee === value}
            onChange={() => onChange({ ...filters, assignee: value })}
          />
          <span>{t(lang, key)}</span>
        </label>
      ))}
    </fieldset>
  )
}

export function InboxFilters(props: Props) {
  const { lang, filters, onChange } = props
  const statuses = filters.kind ? STATUSES_BY_KIND[filters.kind] : ALL_STATUSES
  const active = activeCount(filters)
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch })
  return (
    <div class="filters">
      <SearchBox {...props} />
      <AssigneeToggle {...props} />
      <details class="more-filters" open={active > 0 || undefined}>
        <summary>
          {t(lang, 'inbox.moreFilters')}
          {active > 0 ? <span class="count-pill">{active}</span> : null}
        </summary>
        <div class="filter-grid">
          <label class="field">
            <span class="field-label">{t(lang, 'inbox.kind')}</span>
            <select
              value={filters.kind}
              onChange={(e) => set({ kind: e.currentTarget.value as Filters['kind'], status: '' })}
            >
              <option value="">{t(lang, 'inbox.allKinds')}</option>
              {CASE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k][lang]}
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            <span class="field-label">{t(lang, 'inbox.status')}</span>
            <select value={filters.status} onChange={(e) => set({ status: e.currentTarget.value })}>
              <option value="">{t(lang, 'inbox.allStatuses')}</option>
              {statuses.map((s) => (
                <option key={s} value={s}>
                  {statusLabel(lang, s)}
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            <span class="field-label">{t(lang, 'inbox.range')}</span>
            <select value={filters.range} onChange={(e) => set({ range: e.currentTarget.value as Filters['range'] })}>
              <option value="all">{t(lang, 'inbox.rangeAll')}</option>
              <option value="today">{t(lang, 'inbox.rangeToday')}</option>
              <option value="7d">{t(lang, 'inbox.range7')}</option>
              <option value="30d">{t(lang, 'inbox.range30')}</option>
              <option value="custom">{t(lang, 'inbox.rangeCustom')}</option>
            </select>
          </label>
          {filters.range === 'custom' ? (
            <div class="date-pair">
              <DateField
                lang={lang}
                label={t(lang, 'inbox.from')}
                value={filters.from}
                max={filters.to}
                onChange={(from) => set({ from })}
              />
              <DateField
                lang={lang}
                label={t(lang, 'inbox.to')}
                value={filters.to}
                min={filters.from}
                onChange={(to) => set({ to })}
              />
            </div>
          ) : null}
          <label class="check">
            <input
              type="checkbox"
              checked={filters.overdue}
              onChange={(e) => set({ overdue: e.currentTarget.checked })}
            />
            <span>{t(lang, 'inbox.overdueOnly')}</span>
          </label>
          {active > 0 ? (
            <button
              type="button"
              class="button button-secondary"
              onClick={() => onChange({ ...NO_FILTERS, q: filters.q, assignee: filters.assignee })}
            >
              {t(lang, 'inbox.clearFilters')}
            </button>
          ) : null}
        </div>
      </details>
    </div>
  )
}
