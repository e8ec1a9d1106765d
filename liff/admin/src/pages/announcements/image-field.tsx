import type { AnnouncementImage } from '@contracts/announcement-card.js'
import { type ApiError, asApiError } from '@shared/lib/api.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useState } from 'preact/hooks'
import { num, t } from '../../lib/i18n.js'
import { useAdmin } from '../../lib/session.js'
import { uploadImage } from './api.js'

/** Choose a picture: uploaded at once, resized by the server to LINE's limits; shows what LINE will get. */
export function ImageField({
  value,
  onChange,
}: {
  value: AnnouncementImage | null
  onChange: (v: AnnouncementImage | null) => void
}) {
  const { lang } = useAdmin()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  async function choose(file: File | undefined) {
    if (!file) {
      return
    }
    setBusy(true)
    setError(null)
    try {
      const { id: _, ...image } = await uploadImage(file)
      onChange(image)
    } catch (err) {
      setError(asApiError(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <div class="field ann-image">
      <span class="field-label" id="ann-image-label">
        {t(lang, 'ann.image')}
      </span>
      <span class="field-hint">{t(lang, 'ann.imageHint')}</span>
      {value ? (
        <div class="ann-image-chosen">
          <img src={value.previewImageUrl} alt={t(lang, 'ann.imageChosen')} />
          <span class="hint">{`${num(lang, value.width)} × ${num(lang, value.height)} px`}</span>
          <button type="button" class="button button-secondary button-small" onClick={() => onChange(null)}>
            {t(lang, 'ann.imageRemove')}
          </button>
        </div>
      ) : null}
      <label class={`button button-secondary ann-file${busy ? ' is-busy' : ''}`}>
        <input
          type="file"
          accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
          aria-labelledby="ann-image-label"
          disabled={busy}
          onChange={(e) => {
            const input = e.currentTarget
            void choose(input.files?.[0]).finally(() => {
              input.value = ''
            })
          }}
        />
        <span>{busy ? t(lang, 'ann.imageUploading') : t(lang, value ? 'ann.imageReplace' : 'ann.imagePick')}</span>
      </label>
      {value && !value.originalContentUrl.startsWith('https://') ? (
        <p class="notice notice-info">{t(lang, 'ann.imageNotHttps')}</p>
      ) : null}
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
    </div>
  )
}
