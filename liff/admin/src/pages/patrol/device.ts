import { MAX_VISIT_PHOTO_BYTES, type ScanPosition } from '@contracts/house-watch.js'
import liff from '@line/liff'
import { useEffect, useState } from 'preact/hooks'

/** LINE's QR scanner: in the LINE app (scanCodeV2), not in an outside browser. */
export function canScan(): boolean {
  try {
    return liff.isApiAvailable('scanCodeV2')
  } catch {
    return false
  }
}

/** What the scanner read, or null when the officer closed it without a code. */
export async function scanQr(): Promise<string | null> {
  const { value } = await liff.scanCodeV2()
  return value ?? null
}

export type Fix = { state: 'waiting' } | { state: 'fix'; position: ScanPosition } | { state: 'none' }

/**
 * The phone's position while the page is open (a watch, so it sharpens as the GPS settles); `retry` asks again after
 * a refusal or a timeout. Without a fix the visit is recorded as 'unknown', never refused.
 */
export function usePosition(): { fix: Fix; retry: () => void } {
  const [fix, setFix] = useState<Fix>({ state: 'waiting' })
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    if (!('geolocation' in navigator)) {
      setFix({ state: 'none' })
      return
    }
    setFix({ state: 'waiting' })
    const id = navigator.geolocation.watchPosition(
      (p) =>
        setFix({
          state: 'fix',
          position: { lat: p.coords.latitude, lng: p.coords.longitude, accuracy: Math.round(p.coords.accuracy) },
        }),
      () => setFix((f) => (f.state === 'fix' ? f : { state: 'none' })),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 10_000 },
    )
    return () => navigator.geolocation.clearWatch(id)
  }, [attempt])
  return { fix, retry: () => setAttempt((n) => n + 1) }
}

/**
 * A camera photo made small enough to send and to show as a LINE image (≤ 1 MB, JPEG, longest side 1600 px): phones
 * take 3–12 MB pictures; the outside of a house needs far less. Resolves to base64 without the data: prefix.
 */
export async function shrinkPhoto(file: File): Promise<{ base64: string; preview: string }> {
  const bitmap = await createImageBitmap(file)
  let side = 1600
  for (let quality = 0.82; ; quality -= 0.12) {
    const scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height))
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(bitmap.width * scale)
    canvas.height = Math.round(bitmap.height * scale)
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
    const url = canvas.toDataURL('image/jpeg', quality)
    const base64 = url.slice(url.indexOf(',') + 1)
    if ((base64.length * 3) / 4 <= MAX_VISIT_PHOTO_BYTES || quality < 0.3) {
      if ((base64.length * 3) / 4 > MAX_VISIT_PHOTO_BYTES) {
        side = Math.round(side * 0.7)
        quality = 0.94
        continue
      }
      return { base64, preview: url }
    }
  }
}
