import { kitT } from '../i18n/kit.js'

/** Thai and English together (Thai first): errors must reach the reader whatever language is set. */
export function ErrorNotice({
  th,
  en,
  reqId,
  onRetry,
}: {
  th: string
  en: string
  reqId?: string
  onRetry?: () => void
}) {
  return (
    <div class="notice notice-error" role="alert">
      <p lang="th">{th}</p>
      <p lang="en">{en}</p>
      {reqId ? (
        <p class="notice-ref">
          {`${kitT('th', 'error.reference')} · ${kitT('en', 'error.reference')}: `}
          <code>{reqId}</code>
        </p>
      ) : null}
      {onRetry ? (
        <button type="button" class="button button-secondary" onClick={onRetry}>
          {`${kitT('th', 'common.retry')} · ${kitT('en', 'common.retry')}`}
        </button>
      ) : null}
    </div>
  )
}
