import { type ComponentChildren, createContext } from 'preact'
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks'
import { CheckIcon } from './icons.js'

type Notify = (message: string) => void
const ToastContext = createContext<Notify>(() => {})

/** Short confirmations ("saved"). The live region is always in the page, so screen readers announce each one. */
export function ToastProvider({ children }: { children: ComponentChildren }) {
  const [message, setMessage] = useState('')
  const timer = useRef<number | undefined>(undefined)
  const notify = useCallback<Notify>((text) => {
    window.clearTimeout(timer.current)
    setMessage(text)
    timer.current = window.setTimeout(() => setMessage(''), 4_000)
  }, [])
  useEffect(() => () => window.clearTimeout(timer.current), [])
  return (
    <ToastContext.Provider value={notify}>
      {children}
      <div class="toast-region" role="status" aria-live="polite" aria-atomic="true">
        {message ? (
          <div class="toast">
            <CheckIcon />
            <span>{message}</span>
          </div>
        ) : null}
      </div>
    </ToastContext.Provider>
  )
}

export function useToast(): Notify {
  return useContext(ToastContext)
}
