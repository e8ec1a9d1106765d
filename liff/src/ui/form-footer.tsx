import type { ApiError } from '@shared/lib/api.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'

type Props<F extends string> = {
  /** The citizen pressed send once: from then on the fields still wrong are listed. */
  tried: boolean
  shown: readonly F[]
  errors: Partial<Record<F, string>>
  focusField: (field: F) => void
  /** "N fields to fix", in the page's words. */
  errorsTitle: string
  sendError: ApiError | null
  sending: boolean
  submitLabel: string
}

/**
 * The end of a citizen's form (the lost-document report, the house-watch enrolment): the fields still wrong as links
 * that move to them, the server's answer when sending failed, and the send button.
 */
export function FormFooter<F extends string>(p: Props<F>) {
  return (
    <>
      {p.tried && p.shown.length > 0 ? (
        <div class="notice notice-error" role="alert">
          <p>{p.errorsTitle}</p>
          <ul class="error-links">
            {p.shown.map((field) => (
              <li key={field}>
                <button type="button" class="link-button" onClick={() => p.focusField(field)}>
                  {p.errors[field]}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {p.sendError ? <ErrorNotice th={p.sendError.th} en={p.sendError.en} reqId={p.sendError.reqId} /> : null}
      <button
        type="submit"
        class="button button-primary button-wide button-submit"
        disabled={p.sending}
        aria-busy={p.sending ? 'true' : 'false'}
      >
        {p.submitLabel}
      </button>
    </>
  )
}
