import { type ApiError, asApiError } from '@shared/lib/api.js'
import { closeToChat } from '@shared/lib/liff.js'
import { Link } from '@shared/lib/router.js'
import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import {
  ChatIcon,
  ChevronIcon,
  DocumentIcon,
  ListIcon,
  MapIcon,
  PhoneIcon,
  SettingsIcon,
  StationIcon,
  UsersIcon,
} from '@shared/ui/icons.js'
import { useEffect, useState } from 'preact/hooks'
import { api } from '../lib/api.js'
import { LANGUAGE_NAMES, type Language, t } from '../lib/i18n.js'
import { useSession } from '../lib/session.js'
import type { StationInfo } from '../lib/types.js'
import { Shell } from '../ui/shell.js'
import { CameraIcon } from './cameras/icon.js'
import { HouseWatchIcon } from './house-watch/icon.js'
import './home.css'

function Station({ lang, station }: { lang: Language; station: StationInfo }) {
  const phoneDigits = station.phone.replace(/[^\d+]/g, '')
  const hasMap = station.latitude !== null && station.longitude !== null
  const mapUrl = `https://www.google.com/maps/search/?api=1&query=${station.latitude},${station.longitude}`
  return (
    <>
      <p class="station-name">{lang === 'th' ? station.nameTh : station.nameEn}</p>
      <p class="station-address">{lang === 'th' ? station.addressTh : station.addressEn}</p>
      <p class="hint">{t(lang, 'home.stationOpen')}</p>
      <div class="button-row">
        <a class="button button-primary" href={`tel:${phoneDigits}`}>
          <PhoneIcon />
          <span>
            {t(lang, 'home.callStation')} <span class="nowrap">{station.phone}</span>
          </span>
        </a>
        {hasMap ? (
          <a class="button button-secondary" href={mapUrl} target="_blank" rel="noopener noreferrer">
            <MapIcon />
            <span>{t(lang, 'home.map')}</span>
          </a>
        ) : null}
      </div>
    </>
  )
}

/** Home: who is signed in, the services that exist today, settings. New services add their entry here. */
export function HomePage() {
  const { me, lang, liff } = useSession()
  const [station, setStation] = useState<StationInfo | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    setError(null)
    api<StationInfo>('/api/liff/station').then(setStation, (err: unknown) => setError(asApiError(err)))
  }, [attempt])

  const title = me.displayName ? t(lang, 'home.hello', { name: me.displayName }) : t(lang, 'home.helloNameless')
  return (
    <Shell lang={lang} title={title}>
      <p class="lead">{t(lang, 'home.intro')}</p>
      <h2 class="section-title">{t(lang, 'home.services')}</h2>
      <ul class="actions services">
        <li>
          <Link class="action" to="lost-document">
            <span class="action-icon">
              <DocumentIcon />
            </span>
            <span class="action-text">
              <span class="action-label">{t(lang, 'home.lostDocument')}</span>
              <span class="action-hint">{t(lang, 'home.lostDocumentHint')}</span>
            </span>
            <ChevronIcon />
          </Link>
        </li>
        <li>
          <Link class="action" to="consultation">
            <span class="action-icon">
              <ChatIcon />
            </span>
            <span class="action-text">
              <span class="action-label">{t(lang, 'home.consultation')}</span>
              <span class="action-hint">{t(lang, 'home.consultationHint')}</span>
            </span>
            <ChevronIcon />
          </Link>
        </li>
        <li>
          <Link class="action" to="house-watch/new">
            <span class="action-icon">
              <StationIcon />
            </span>
            <span class="action-text">
              <span class="action-label">{t(lang, 'home.houseWatch')}</span>
              <span class="action-hint">{t(lang, 'home.houseWatchHint')}</span>
            </span>
            <ChevronIcon />
          </Link>
        </li>
        <li>
          <Link class="action" to="house-watch/mine">
            <span class="action-icon">
              <HouseWatchIcon />
            </span>
            <span class="action-text">
              <span class="action-label">{t(lang, 'home.myHouseWatches')}</span>
              <span class="action-hint">{t(lang, 'home.myHouseWatchesHint')}</span>
            </span>
            <ChevronIcon />
          </Link>
        </li>
        <li>
          <Link class="action" to="cameras">
            <span class="action-icon">
              <CameraIcon />
            </span>
            <span class="action-text">
              <span class="action-label">{t(lang, 'home.myCameras')}</span>
              <span class="action-hint">{t(lang, 'home.myCamerasHint')}</span>
            </span>
            <ChevronIcon />
          </Link>
        </li>
        <li>
          <Link class="action" to="household">
            <span class="action-icon">
              <UsersIcon />
            </span>
            <span class="action-text">
              <span class="action-label">{t(lang, 'home.myHousehold')}</span>
              <span class="action-hint">{t(lang, 'home.myHouseholdHint')}</span>
            </span>
            <ChevronIcon />
          </Link>
        </li>
        <li>
          <Link class="action" to="footage">
            <span class="action-icon">
              <CameraIcon />
            </span>
            <span class="action-text">
              <span class="action-label">{t(lang, 'home.footage')}</span>
              <span class="action-hint">{t(lang, 'home.footageHint')}</span>
            </span>
            <ChevronIcon />
          </Link>
        </li>
        <li>
          <Link class="action" to="my-reports">
            <span class="action-icon">
              <ListIcon />
            </span>
            <span class="action-text">
              <span class="action-label">{t(lang, 'home.myReports')}</span>
              <span class="action-hint">{t(lang, 'home.myReportsHint')}</span>
            </span>
            <ChevronIcon />
          </Link>
        </li>
      </ul>
      <Card title={t(lang, 'home.station')}>
        {station ? (
          <Station lang={lang} station={station} />
        ) : error ? (
          <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} onRetry={() => setAttempt((n) => n + 1)} />
        ) : (
          <p class="hint">{t(lang, 'common.loading')}</p>
        )}
      </Card>
      <ul class="actions">
        {liff.inClient ? (
          <li>
            <button type="button" class="action" onClick={() => closeToChat(liff)}>
              <span class="action-icon">
                <ChatIcon />
              </span>
              <span class="action-text">
                <span class="action-label">{t(lang, 'home.chat')}</span>
                <span class="action-hint">{t(lang, 'home.chatHint')}</span>
              </span>
              <ChevronIcon />
            </button>
          </li>
        ) : null}
        <li>
          <Link class="action" to="settings">
            <span class="action-icon">
              <SettingsIcon />
            </span>
            <span class="action-text">
              <span class="action-label">{t(lang, 'home.settings')}</span>
              <span class="action-hint">{t(lang, 'home.settingsHint', { language: LANGUAGE_NAMES[me.language] })}</span>
            </span>
            <ChevronIcon />
          </Link>
        </li>
      </ul>
    </Shell>
  )
}
