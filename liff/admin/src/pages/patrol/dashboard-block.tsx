import { DEFAULT_SHIFTS, VISIT_RESULT_LABELS } from '@contracts/house-watch.js'
import type { HouseWatchStats } from '@contracts/patrol.js'
import { Card } from '@shared/ui/card.js'
import { day, type Language, num, t } from '../../lib/i18n.js'
import { HBars, Legend, StackedBars } from '../../ui/charts.js'
import './patrol.css'

const SHIFT_SERIES = ['visited', 'missed'] as const

/** A column's short shift name: ดึก / เช้า / บ่าย (Night / Morning / Afternoon); a station's own shift by its key. */
function shiftName(lang: Language, key: string): string {
  const known = DEFAULT_SHIFTS.find((s) => s.key === key)
  return known ? (lang === 'th' ? known.nameTh.replace('เวร', '') : known.nameEn) : key
}

/** The dashboard's house-watch block: watches and boxes now, each shift's coverage (7 days), flags and findings. */
export function HouseWatchBlock({ lang, stats }: { lang: Language; stats: HouseWatchStats }) {
  const columns = stats.perShift.map((s) => ({
    key: `${s.date}|${s.shiftKey}`,
    label: `${day(lang, s.date).split(' ')[0]} ${shiftName(lang, s.shiftKey)}`,
  }))
  const byKey = new Map(stats.perShift.map((s) => [`${s.date}|${s.shiftKey}`, s]))
  const series = SHIFT_SERIES.map((k) => ({ key: `hw-${k}`, label: t(lang, `coverage.${k}`) }))
  const visited = stats.perShift.reduce((n, s) => n + s.visited, 0)
  const missed = stats.perShift.reduce((n, s) => n + s.missed, 0)
  const summary = t(lang, 'dash.hw.perShiftSummary', { visited: num(lang, visited), missed: num(lang, missed) })
  return (
    <section class="con-dash" aria-labelledby="hw-dash-title">
      <h2 id="hw-dash-title" class="con-dash-title">
        {t(lang, 'dash.hw.title')}
      </h2>
      <div class="dash-grid">
        <div class="stats">
          <div class="stat">
            <p class="stat-label">{t(lang, 'dash.hw.activeWatches')}</p>
            <p class="stat-value">{num(lang, stats.activeWatches)}</p>
          </div>
          <div class="stat">
            <p class="stat-label">{t(lang, 'dash.hw.redBoxes')}</p>
            <p class="stat-value">{num(lang, stats.activeRedBoxes)}</p>
          </div>
          <div class={`stat${stats.flaggedVisits > 0 ? ' stat-bad' : ' stat-good'}`}>
            <p class="stat-label">{t(lang, 'dash.hw.flagged')}</p>
            <p class="stat-value">{num(lang, stats.flaggedVisits)}</p>
          </div>
        </div>
        <Card title={t(lang, 'dash.hw.perShift')}>
          <StackedBars
            columns={columns}
            series={series}
            value={(c, s) => {
              const row = byKey.get(c)
              return row ? (s === 'hw-visited' ? row.visited : row.missed) : 0
            }}
            title={t(lang, 'dash.hw.perShift')}
            summary={summary}
          />
          <Legend series={series} />
          <p class="hint">{summary}</p>
        </Card>
        <Card title={t(lang, 'dash.hw.findings')}>
          {stats.findings.length > 0 ? (
            <HBars
              rows={stats.findings.map((f) => ({
                key: f.result,
                label: VISIT_RESULT_LABELS[f.result][lang],
                value: f.count,
                text: num(lang, f.count),
              }))}
            />
          ) : (
            <p class="hint">{t(lang, 'dash.hw.noFindings')}</p>
          )}
        </Card>
      </div>
    </section>
  )
}
