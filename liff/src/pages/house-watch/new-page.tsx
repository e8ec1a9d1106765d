import { type ApiError, asApiError } from '@shared/lib/api.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import { api } from '../../lib/api.js'
import { useSession } from '../../lib/session.js'
import { Shell } from '../../ui/shell.js'
import type { FieldErrors } from '../lost-document/fields.js'
import { fieldId } from '../lost-document/state.js'
import { newIdempotencyKey } from '../lost-document/submit.js'
import { HwDone } from './done.js'
import { ht } from './enrol-texts.js'
import { NotifyAndConsent } from './notify-section.js'
import { PinSection } from './pin-section.js'
import { DetailsSection, HouseAddressSection, OwnerSection, PeriodSection } from './sections.js'
import { check, type HwFormInfo, type HwFormState, type HwReceipt, initialState, toDraft } from './state.js'
import { EnrolRefused, type Outside, postEnrolment } from './submit.js'
import '../lost-document/form.css'
import '../lost-document/form-parts.css'
import './enrol.css'
import { FormFooter } from '../../ui/form-footer.js'

function focusField(field: string) {
  const el = document.getElementById(fieldId(field))
  el?.scrollIntoView({ block: 'center' })
  el?.focus({ preventScroll: true })
}

/** The right station's answer for a house outside the area: the words and a tap-to-call button. */
function OutsideNotice({ outside, lang }: { outside: Outside; lang: 'th' | 'en' }) {
  return (
    <div class="notice notice-error" role="alert">
      <p>
        <strong>{ht(lang, 'outsideTitle')}</strong>
      </p>
      <p class="hw-outside">{lang === 'th' ? outside.th : outside.en}</p>
      <a class="button button-primary" href={`tel:${(outside.station?.phone ?? '191').replace(/[^\d+]/g, '')}`}>
        {ht(lang, 'call', { phone: outside.station?.phone ?? '191' })}
      </a>
    </div>
  )
}

/**
 * The house-watch form (issue #13): owner, address, the pin (GPS or the map), the absence, emergency contact,
 * notes, photo, how the owner hears, consent. It checks as the citizen types (the server's own rules), names a
 * house outside the station's area with the station to call, and files the request once however often it is sent.
 */
export function HouseWatchNewPage() {
  const { lang } = useSession()
  const [info, setInfo] = useState<HwFormInfo | null>(null)
  const [loadError, setLoadError] = useState<ApiError | null>(null)
  const [attempt, setAttempt] = useState(0)
  const [s, setS] = useState<HwFormState | null>(null)
  const [touched, setTouched] = useState<Set<string>>(() => new Set())
  const [tried, setTried] = useState(false)
  const [serverErrors, setServerErrors] = useState<FieldErrors>({})
  const [outside, setOutside] = useState<Outside | null>(null)
  const [sending, setSending] = useState(false)
  const [sendError, setSendError] = useState<ApiError | null>(null)
  const [done, setDone] = useState<HwReceipt | null>(null)
  const key = useRef(newIdempotencyKey())

  useEffect(() => {
    setLoadError(null)
    api<HwFormInfo>('/api/liff/house-watch/form').then(
      (form) => {
        setInfo(form)
        setS(initialState(form, lang))
      },
      (err: unknown) => setLoadError(asApiError(err)),
    )
  }, [attempt])

  const issues = useMemo(() => (s && info ? check(s, info) : []), [s, info])
  const errors = useMemo<FieldErrors>(() => {
    const out: FieldErrors = {}
    for (const i of issues) {
      if ((tried || touched.has(i.field)) && !out[i.field]) {
        out[i.field] = lang === 'th' ? i.messageTh : i.messageEn
      }
    }
    return { ...out, ...serverErrors }
  }, [issues, touched, tried, serverErrors, lang])

  const title = ht(lang, 'title')
  if (done) {
    return (
      <Shell lang={lang} title={title} back={{ to: '' }}>
        <HwDone receipt={done} />
      </Shell>
    )
  }
  if (!info || !s) {
    return (
      <Shell lang={lang} title={title} back={{ to: '' }}>
        {loadError ? (
          <ErrorNotice
            th={loadError.th}
            en={loadError.en}
            reqId={loadError.reqId}
            onRetry={() => setAttempt((n) => n + 1)}
          />
        ) : (
          <div class="loading" aria-hidden="true" />
        )}
      </Shell>
    )
  }

  const set = (patch: Partial<HwFormState>) => {
    setS({ ...s, ...patch })
    setServerErrors({})
    if (patch.location) {
      setOutside(null)
    }
  }
  const touch = (field: string) => setTouched((t) => (t.has(field) ? t : new Set(t).add(field)))
  const props = { lang, s, info, set, errors, touch }
  const shown = Object.keys(errors).filter((f) => errors[f])

  async function send(e: Event) {
    e.preventDefault()
    if (sending || !s || !info) {
      return
    }
    setTried(true)
    const first = issues[0]
    if (first) {
      focusField(first.field)
      return
    }
    setSending(true)
    setSendError(null)
    setOutside(null)
    try {
      setDone(await postEnrolment(toDraft(s, info), s.photo, key.current))
      window.scrollTo(0, 0)
    } catch (err) {
      if (err instanceof EnrolRefused && err.outside) {
        setOutside(err.outside)
        focusField('location')
      } else if (err instanceof EnrolRefused) {
        setServerErrors(
          Object.fromEntries(err.problems.map((d) => [d.field, lang === 'th' ? d.messageTh : d.messageEn])),
        )
        if (err.problems[0]) {
          focusField(err.problems[0].field)
        }
      } else {
        setSendError(asApiError(err))
      }
    } finally {
      setSending(false)
    }
  }

  return (
    <Shell lang={lang} title={title} back={{ to: '' }}>
      <p class="lead">{ht(lang, 'intro')}</p>
      <form noValidate onSubmit={send}>
        <OwnerSection {...props} />
        <HouseAddressSection {...props} />
        <PinSection {...props} />
        {outside ? <OutsideNotice outside={outside} lang={lang} /> : null}
        <PeriodSection {...props} />
        <DetailsSection {...props} />
        <NotifyAndConsent {...props} />
        <FormFooter
          tried={tried}
          shown={shown}
          errors={errors}
          focusField={focusField}
          errorsTitle={ht(lang, 'errorsTitle', { n: shown.length })}
          sendError={sendError}
          sending={sending}
          submitLabel={ht(lang, sending ? 'submitting' : 'submit')}
        />
      </form>
    </Shell>
  )
}
