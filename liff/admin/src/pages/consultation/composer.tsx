import type { CannedReply } from '@contracts/consultations.js'
import { type ApiError, asApiError } from '@shared/lib/api.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { ListIcon, LockIcon, PaperclipIcon, SendIcon } from '@shared/ui/icons.js'
import { useToast } from '@shared/ui/toast.js'
import { useEffect, useRef, useState } from 'preact/hooks'
import { adminApi } from '../../lib/api.js'
import { t } from '../../lib/i18n.js'
import { useAdmin } from '../../lib/session.js'
import type { AttachmentMeta } from '../../lib/types.js'
import { CannedPicker, PlaceholderChips } from './canned.js'
import { uploadAttachment } from './types.js'
import './composer.css'

function readDraft(key: string): string {
  try {
    return sessionStorage.getItem(key) ?? ''
  } catch {
    return ''
  }
}

function writeDraft(key: string, text: string) {
  try {
    if (text) {
      sessionStorage.setItem(key, text)
    } else {
      sessionStorage.removeItem(key)
    }
  } catch {
    // Private mode: the draft lasts while the page is open.
  }
}

type Props = { caseId: string; blocked: boolean; closed: boolean; onDone: () => Promise<void> }

/** The message body POST /api/admin/cases/:id/messages takes: text, a canned reply used, files uploaded first. */
export type MessageBody = { body?: string; cannedReplyId?: string; attachmentIds?: string[] }

/**
 * The answer box under the chat. Enter adds a line (answers are often several); Ctrl/⌘+Enter or the button sends.
 * The draft lives here, so messages that arrive while the officer types (the page reloads the thread) leave it be.
 * The internal-note switch turns the box yellow and saves a note instead (never sent, no files).
 */
export function ChatComposer({ caseId, blocked, closed, onDone }: Props) {
  const { lang } = useAdmin()
  const notify = useToast()
  const draftKey = `rsz.admin.draft.${caseId}`
  const [text, setText] = useState(() => readDraft(draftKey))
  // The draft outlives a look at another case (this tab only): an answer half written is not lost.
  useEffect(() => writeDraft(draftKey, text), [draftKey, text])
  const [note, setNote] = useState(false)
  const [files, setFiles] = useState<AttachmentMeta[]>([])
  const [cannedId, setCannedId] = useState<string | null>(null)
  const [picking, setPicking] = useState(false)
  const [busy, setBusy] = useState<'sending' | 'uploading' | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const box = useRef<HTMLTextAreaElement>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const path = (what: string) => `/cases/${encodeURIComponent(caseId)}/${what}`
  const ready = note ? text.trim() !== '' : text.trim() !== '' || files.length > 0

  async function send() {
    if (!ready || busy) {
      return
    }
    setBusy('sending')
    setError(null)
    try {
      if (note) {
        await adminApi(path('notes'), { method: 'POST', body: { body: text.trim() } })
      } else {
        const body: MessageBody = {}
        if (text.trim()) {
          body.body = text.trim()
        }
        if (cannedId) {
          body.cannedReplyId = cannedId
        }
        if (files.length > 0) {
          body.attachmentIds = files.map((f) => f.id)
        }
        await adminApi(path('messages'), { method: 'POST', body })
      }
      setText('')
      setFiles([])
      setCannedId(null)
      notify(t(lang, note ? 'composer.noteSaved' : 'composer.sent'))
      await onDone()
      box.current?.focus()
    } catch (err) {
      setError(asApiError(err))
    } finally {
      setBusy(null)
    }
  }

  async function attach(list: FileList | null) {
    const picked = Array.from(list ?? [])
    if (picked.length === 0) {
      return
    }
    setBusy('uploading')
    setError(null)
    try {
      for (const file of picked) {
        const meta = await uploadAttachment(caseId, file)
        setFiles((now) => [...now, meta])
      }
    } catch (err) {
      setError(asApiError(err))
    } finally {
      setBusy(null)
      if (fileInput.current) {
        fileInput.current.value = ''
      }
    }
  }

  function insert(r: CannedReply) {
    const el = box.current
    const start = el?.selectionStart ?? text.length
    const end = el?.selectionEnd ?? start
    // On its own line when the officer has already written something on this one.
    const before = text.slice(0, start)
    const piece = before && !/\s$/.test(before) ? `\n${r.body}` : r.body
    setText(before + piece + text.slice(end))
    setCannedId(r.id)
    setPicking(false)
    window.setTimeout(() => {
      el?.focus()
      el?.setSelectionRange(start + piece.length, start + piece.length)
    }, 0)
  }

  return (
    <>
      {/* Outside the form: the picker has a form of its own (keeping the draft as a canned reply). */}
      <CannedPicker lang={lang} open={picking} draft={text} onClose={() => setPicking(false)} onPick={insert} />
      <form
        class={`chat-composer${note ? ' is-note' : ''}`}
        onSubmit={(e) => {
          e.preventDefault()
          void send()
        }}
      >
        <label class="check composer-note-toggle">
          <input type="checkbox" checked={note} onChange={(e) => setNote(e.currentTarget.checked)} />
          <LockIcon />
          <span>{t(lang, 'composer.noteToggle')}</span>
        </label>
        <label class="visually-hidden" for="con-reply">
          {t(lang, note ? 'composer.noteLabel' : 'composer.messageLabel')}
        </label>
        <textarea
          ref={box}
          id="con-reply"
          rows={3}
          maxLength={note ? 4000 : 2000}
          placeholder={t(lang, note ? 'composer.notePlaceholder' : 'composer.placeholder')}
          value={text}
          onInput={(e) => {
            setText(e.currentTarget.value)
            if (!e.currentTarget.value.trim()) {
              setCannedId(null)
            }
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault()
              void send()
            }
          }}
        />
        {note ? null : <PlaceholderChips lang={lang} text={text} />}
        {files.length > 0 && !note ? (
          <ul class="composer-files">
            {files.map((f) => (
              <li key={f.id} class="file-chip">
                <PaperclipIcon />
                <span>{f.fileName ?? t(lang, 'timeline.attachment')}</span>
                <button
                  type="button"
                  class="file-chip-remove"
                  aria-label={t(lang, 'composer.removeFile', { name: f.fileName ?? '' })}
                  onClick={() => setFiles(files.filter((x) => x.id !== f.id))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {blocked && !note ? <p class="notice notice-warn">{t(lang, 'case.blocked')}</p> : null}
        {closed && !note ? <p class="notice notice-info">{t(lang, 'con.closedHint')}</p> : null}
        {busy === 'uploading' ? <p class="field-hint">{t(lang, 'composer.uploading')}</p> : null}
        {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
        <div class="composer-bar">
          {note ? null : (
            <>
              <button type="button" class="button button-secondary button-small" onClick={() => setPicking(true)}>
                <ListIcon />
                <span>{t(lang, 'composer.canned')}</span>
              </button>
              <label class="button button-secondary button-small composer-attach">
                <PaperclipIcon />
                <span>{t(lang, 'composer.attach')}</span>
                <input
                  ref={fileInput}
                  type="file"
                  multiple
                  class="visually-hidden"
                  disabled={busy !== null}
                  onChange={(e) => void attach(e.currentTarget.files)}
                />
              </label>
            </>
          )}
          <button
            type="submit"
            class="button button-primary composer-send"
            title={t(lang, 'composer.shortcut')}
            disabled={!ready || busy !== null}
          >
            {note ? <LockIcon /> : <SendIcon />}
            <span>{t(lang, note ? 'composer.saveNote' : 'composer.send')}</span>
          </button>
        </div>
      </form>
    </>
  )
}
