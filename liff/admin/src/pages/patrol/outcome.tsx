import { type CheckInOutcome, VISIT_RESULT_LABELS } from '@contracts/house-watch.js'
import { Card } from '@shared/ui/card.js'
import { t, when } from '../../lib/i18n.js'
import { useAdmin } from '../../lib/session.js'

/** What the check-in recorded: the point, the result, the distance with its near/far flag, the shift and time. */
export function Outcome({ o, onNext }: { o: CheckInOutcome; onNext: () => void }) {
  const { lang } = useAdmin()
  const name = lang === 'th' ? o.point.nameTh : o.point.nameEn
  return (
    <Card title={t(lang, 'scan.done')}>
      {o.sameVisit ? <p class="notice notice-info">{t(lang, 'scan.sameVisit')}</p> : null}
      <dl class="scan-outcome">
        <dt>{t(lang, 'scan.point')}</dt>
        <dd>
          <strong>{o.point.code}</strong>
          {name ? ` · ${name}` : ''}
        </dd>
        <dt>{t(lang, 'scan.result')}</dt>
        <dd>{VISIT_RESULT_LABELS[o.result][lang]}</dd>
        <dt>{t(lang, 'scan.distance')}</dt>
        <dd>
          <span class={`gps-flag gps-flag-${o.gpsCheck}`}>{t(lang, `scan.${o.gpsCheck}`)}</span>
          {o.distanceMeters !== null ? (
            <span class="hint">
              {' '}
              {t(lang, 'scan.distanceValue', { m: Math.round(o.distanceMeters), t: o.toleranceMeters })}
            </span>
          ) : null}
        </dd>
        <dt>{t(lang, 'scan.shift')}</dt>
        <dd>{lang === 'th' ? o.shift.nameTh : o.shift.nameEn}</dd>
        <dt>{t(lang, 'scan.time')}</dt>
        <dd>{when(lang, o.scannedAt)}</dd>
      </dl>
      <button type="button" class="button button-primary button-block" onClick={onNext}>
        {t(lang, 'scan.next')}
      </button>
    </Card>
  )
}
