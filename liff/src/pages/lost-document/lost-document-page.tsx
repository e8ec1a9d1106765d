import { type ApiError, asApiError } from '@shared/lib/api.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import { api } from '../../lib/api.js'
import { useSession } from '../../lib/session.js'
import { Shell } from '../../ui/shell.js'
import { AddressSection } from './address-section.js'
import { StoryAndConfirm } from './confirm-section.js'
import { Done } from './done.js'
import type { FieldErrors } from './fields.js'
import { ItemsSection } from './items-section.js'
import { PersonSection } from './person-section.js'
import { check, type FormState, fieldId, initialState, toDraft } from './state.js'
import { newIdempotencyKey, postReport, ReportRejected } from './submit.js'
import { ft } from './texts.js'
import type { FormInfo, ReportSummary } from './types.js'
import { WhenWhereSection } from './when-where-section.js'
import './form.css'
import './form-parts.css'
import { FormFooter } from '../../ui/form-footer.js'

function focusField(field: string) {
  const el = document.getElementById(fieldId(field))
  el?.scrollIntoView({ block: 'center' })
  el?.focus({ preventScroll: true })
}

/**
 * The lost-document form. It checks as the citizen types (the server's own rules), shows a problem once a field
 * is left or the form is sent, and files the report once however often "send" is tapped.
 */
export function LostDocumentPage() {
  const { lang } = useSession()
  const [info, setInfo] = useState<FormInfo | null>(null)
  const [loadError, setLoadError] = useState<ApiError | null>(null)
  const [attempt, setAttempt] = useState(0)
  const [s, setS] = useState<FormState | null>(null)
  const [touched, setTouched] = useState<Set<string>>(() => new Set())
  const [tried, setTried] = useState(false)
  const [serverErrors, setServerErrors] = useState<FieldErrors>({})
  const [sending, setSending] = useState(false)
  const [sendError, setSendError] = useState<ApiError | null>(null)
  const [done, setDone] = useState<ReportSummary | null>(null)
  const key = useRef(newIdempotencyKey())

  useEffect(() => {
    setLoadError(null)
    api<FormInfo>('/api/liff/lost-documents/form').then(
      (form) => {
        setInfo(form)
        setS(initialState(form))
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

  if (done) {
    return (
      <Shell lang={lang} title={ft(lang, 'title')} back={{ to: '' }}>
        <Done report={done} />
      </Shell>
    )
  }
  if (!info || !s) {
    return (
      <Shell lang={lang} title={ft(lang, 'title')} back={{ to: '' }}>
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

  const set = (patch: Partial<FormState>) => {
    setS({ ...s, ...patch })
    setServerErrors({})
  }
  const touch = (field: string) => setTouched((t) => (t.has(field) ? t : new Set(t).add(field)))
  const props = { lang, s, set, errors, touch }
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
    try {
      const result = await postReport(toDraft(s, info), key.current)
      setDone(result.report)
      window.scrollTo(0, 0)
    } catch (err) {
      if (err instanceof ReportRejected) {
        setServerErrors(
          Object.fromEntries(err.details.map((d) => [d.field, lang === 'th' ? d.messageTh : d.messageEn])),
        )
        if (err.details[0]) {
          focusField(err.details[0].field)
        }
      } else {
        setSendError(asApiError(err))
      }
    } finally {
      setSending(false)
    }
  }

  return (
    <Shell lang={lang} title={ft(lang, 'title')} back={{ to: '' }}>
      <p class="lead">{ft(lang, 'intro')}</p>
      <p class="warning">{info.texts.s137[lang]}</p>
      <form noValidate onSubmit={send}>
        <PersonSection {...props} lastId={info.prefill?.idMasked ?? null} />
        <AddressSection {...props} />
        <ItemsSection {...props} types={info.documentTypes} />
        <WhenWhereSection {...props} />
        <StoryAndConfirm {...props} texts={info.texts} />
        <FormFooter
          tried={tried}
          shown={shown}
          errors={errors}
          focusField={focusField}
          errorsTitle={ft(lang, 'errorsTitle', { n: shown.length })}
          sendError={sendError}
          sending={sending}
          submitLabel={ft(lang, sending ? 'submitting' : 'submit')}
        />
      </form>
    </Shell>
  )
}
