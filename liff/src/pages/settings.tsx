import { type ApiError, asApiError } from '@shared/lib/api.js'
import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { CheckIcon } from '@shared/ui/icons.js'
import { useToast } from '@shared/ui/toast.js'
import { useState } from 'preact/hooks'
import { api } from '../lib/api.js'
import { LANGUAGE_NAMES, LANGUAGES, type Language, t } from '../lib/i18n.js'
import { useSession } from '../lib/session.js'
import type { Me } from '../lib/types.js'
import { Shell } from '../ui/shell.js'
import { AnnouncementsSwitch } from './household/announcements-switch.js'

/** Settings: the citizen's language, saved on the server (the bot's chat messages follow it too). */
export function SettingsPage() {
  const { me, lang, setMe } = useSession()
  const notify = useToast()
  const [saving, setSaving] = useState<Language | null>(null)
  const [error, setError] = useState<ApiError | null>(null)

  async function choose(next: Language) {
    if (next === me.language || saving) {
      return
    }
    setSaving(next)
    setError(null)
    try {
      const updated = await api<Me>('/api/liff/me/language', { method: 'PUT', body: { language: next } })
      setMe(updated)
      notify(t(updated.language, 'settings.saved'))
    } catch (err) {
      setError(asApiError(err))
    } finally {
      setSaving(null)
    }
  }

  const selected = saving ?? me.language
  return (
    <Shell lang={lang} title={t(lang, 'settings.title')} back={{ to: '', label: t(lang, 'common.home') }}>
      <Card>
        <fieldset class="choices" aria-describedby="language-hint" aria-busy={saving ? 'true' : 'false'}>
          <legend class="card-title">{t(lang, 'settings.language')}</legend>
          <p id="language-hint" class="hint">
            {t(lang, 'settings.languageHint')}
          </p>
          {LANGUAGES.map((code) => (
            <label key={code} class={`choice${selected === code ? ' choice-selected' : ''}`} lang={code}>
              <input
                type="radio"
                name="language"
                value={code}
                checked={selected === code}
                onChange={() => void choose(code)}
              />
              <span class="choice-label">{LANGUAGE_NAMES[code]}</span>
              {selected === code ? <CheckIcon /> : null}
            </label>
          ))}
        </fieldset>
        {saving ? <p class="hint">{t(lang, 'settings.saving')}</p> : null}
      </Card>
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
      <AnnouncementsSwitch lang={lang} />
    </Shell>
  )
}
