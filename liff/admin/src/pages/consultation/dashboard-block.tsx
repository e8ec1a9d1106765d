import { CONSULTATION_TOPIC_LABELS, type ConsultationStats } from '@contracts/consultations.js'
import { Card } from '@shared/ui/card.js'
import type { ComponentChildren } from 'preact'
import { kindLabel } from '../../i18n/labels.js'
import { day, duration, type Language, num, t } from '../../lib/i18n.js'
import { HBars } from '../../ui/charts.js'
import './dashboard.css'

const rating = (lang: Language, r: number | null) =>
  r === null ? '—' : `★ ${r.toLocaleString(lang === 'th' ? 'th-TH' : 'en-GB', { maximumFractionDigits: 1 })}`

/** `2026-12` as `ธ.ค. 2569` / `Dec 2026`. */
const monthLabel = (lang: Language, month: string) => day(lang, `${month}-01`).split(' ').slice(1).join(' ')

function Table({ head, children }: { head: string[]; children: ComponentChildren }) {
  return (
    <div class="con-table-wrap">
      <table class="con-table">
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={h} scope="col" class={i > 0 ? 'num' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  )
}

/**
 * The consultations' block of the dashboard (C1's `consultations` on GET /api/admin/dashboard): per topic and per
 * officer (officers get their own line only) with response times in office time, how often the common answers were
 * enough, and the messages per month: pushes per kind (LINE quota) and the replies that went free.
 */
export function ConsultationBlock({ lang, stats }: { lang: Language; stats: ConsultationStats }) {
  const topics = [...stats.perTopic].sort((a, b) => b.opened - a.opened)
  const months = [...new Set(stats.pushesPerMonth.map((p) => p.month))].sort()
  // A column per kind that cost pushes; replies (free) are one column for all kinds.
  const kinds = [...new Set(stats.pushesPerMonth.filter((p) => p.pushes > 0).map((p) => p.kind))]
  const pushes = new Map(stats.pushesPerMonth.map((p) => [`${p.month}|${p.kind}`, p.pushes]))
  // What replies saved: messages that went free, per month (all kinds together).
  const replies = new Map<string, number>()
  for (const p of stats.pushesPerMonth) {
    replies.set(p.month, (replies.get(p.month) ?? 0) + p.replies)
  }
  const none = <p class="hint">{t(lang, 'dash.con.none')}</p>
  return (
    <section class="con-dash" aria-labelledby="con-dash-title">
      <h2 id="con-dash-title" class="con-dash-title">
        {t(lang, 'dash.con.title')}
      </h2>
      <div class="dash-grid">
        <Card title={t(lang, 'dash.con.perTopic')}>
          {topics.length === 0 ? (
            none
          ) : (
            <>
              <HBars
                rows={topics.map((p) => ({
                  key: p.topic,
                  label: CONSULTATION_TOPIC_LABELS[p.topic][lang],
                  value: p.opened,
                  text: num(lang, p.opened),
                }))}
              />
              <Table
                head={[
                  t(lang, 'dash.con.topic'),
                  t(lang, 'dash.con.firstResponse'),
                  t(lang, 'dash.con.nextResponse'),
                  t(lang, 'dash.con.rating'),
                ]}
              >
                {topics.map((p) => (
                  <tr key={p.topic}>
                    <th scope="row">{CONSULTATION_TOPIC_LABELS[p.topic][lang]}</th>
                    <td class="num">{duration(lang, p.medianFirstResponseOfficeMinutes)}</td>
                    <td class="num">{duration(lang, p.medianNextResponseOfficeMinutes)}</td>
                    <td class="num">
                      {rating(lang, p.averageRating)}
                      {p.ratings > 0 ? (
                        <span class="con-sub">{t(lang, 'dash.con.ratings', { n: num(lang, p.ratings) })}</span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </Table>
              <p class="hint">{t(lang, 'dash.con.officeTime')}</p>
            </>
          )}
        </Card>
        <Card title={t(lang, 'dash.con.perOfficer')}>
          {stats.perOfficer.length === 0 ? (
            none
          ) : (
            <Table
              head={[
                t(lang, 'dash.con.officer'),
                t(lang, 'dash.con.answered'),
                t(lang, 'dash.con.responses'),
                t(lang, 'dash.con.rating'),
              ]}
            >
              {stats.perOfficer.map((o) => (
                <tr key={o.officerId}>
                  <th scope="row">{o.displayName}</th>
                  <td class="num">{num(lang, o.answered)}</td>
                  <td class="num">
                    {duration(lang, o.medianFirstResponseOfficeMinutes)}
                    {/* The next answer under the first: five columns do not fit a phone. */}
                    {o.medianNextResponseOfficeMinutes === null ? null : (
                      <span class="con-sub">
                        {t(lang, 'dash.con.next', { d: duration(lang, o.medianNextResponseOfficeMinutes) })}
                      </span>
                    )}
                  </td>
                  <td class="num">{rating(lang, o.averageRating)}</td>
                </tr>
              ))}
            </Table>
          )}
          {stats.perOfficer.length === 0 ? null : <p class="hint">{t(lang, 'dash.con.officeTime')}</p>}
        </Card>
        <Card title={t(lang, 'dash.con.answers')}>
          {stats.commonAnswers.length === 0 ? (
            none
          ) : (
            <Table head={[t(lang, 'dash.con.answers'), t(lang, 'dash.con.shown'), t(lang, 'dash.con.sufficed')]}>
              {stats.commonAnswers.map((a) => (
                <tr key={a.answerId}>
                  <th scope="row">
                    {a.titleTh}
                    <span class="con-sub">{CONSULTATION_TOPIC_LABELS[a.topic][lang]}</span>
                  </th>
                  <td class="num">{num(lang, a.shown)}</td>
                  <td class="num">
                    {num(lang, a.sufficed)}
                    {a.shown > 0 ? <span class="con-sub">{Math.round((a.sufficed / a.shown) * 100)}%</span> : null}
                  </td>
                </tr>
              ))}
            </Table>
          )}
        </Card>
        <Card title={t(lang, 'dash.con.pushes')}>
          {months.length === 0 ? (
            none
          ) : (
            <Table
              head={[t(lang, 'dash.con.month'), ...kinds.map((k) => kindLabel(lang, k)), t(lang, 'dash.con.replies')]}
            >
              {months.map((m) => (
                <tr key={m}>
                  <th scope="row">{monthLabel(lang, m)}</th>
                  {kinds.map((k) => (
                    <td key={k} class="num">
                      {num(lang, pushes.get(`${m}|${k}`) ?? 0)}
                    </td>
                  ))}
                  <td class="num">{num(lang, replies.get(m) ?? 0)}</td>
                </tr>
              ))}
            </Table>
          )}
        </Card>
      </div>
    </section>
  )
}
