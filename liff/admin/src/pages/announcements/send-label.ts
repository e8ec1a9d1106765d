import { useEffect, useState } from 'preact/hooks'
import type { AdminKey } from '../../lib/i18n.js'
import { broadcastsApi } from './api.js'

/** Whether the station wants a supervisor's approval before an announcement goes out (assumed so until known). */
export function useRequireApproval(): boolean {
  const [required, setRequired] = useState(true)
  useEffect(() => {
    broadcastsApi.settings().then(
      (s) => setRequired(s.requireApproval),
      () => undefined,
    )
  }, [])
  return required
}

/** What the send button does, said on it: to a supervisor when approval is required, else at a time, else now. */
export function sendLabel(requireApproval: boolean, scheduled: boolean): AdminKey {
  return requireApproval ? 'ann.submitApproval' : scheduled ? 'ann.schedule' : 'ann.sendNow'
}
