import type { ComponentChildren } from 'preact'
import { useEffect, useId, useRef } from 'preact/hooks'
import '../styles/dialog.css'

export type DialogProps = {
  open: boolean
  title: string
  /** Escape, the backdrop's close gesture, or a Cancel button: the caller sets open to false. */
  onClose: () => void
  children: ComponentChildren
}

/**
 * A modal dialog on the native <dialog> element: the browser traps the focus, Escape closes it and the focus
 * returns to the control that opened it. The content is mounted only while open, so a form starts empty each time.
 */
export function Dialog({ open, title, onClose, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) {
      return
    }
    if (open && !dialog.open) {
      dialog.showModal()
    } else if (!open && dialog.open) {
      dialog.close()
    }
  }, [open])
  return (
    <dialog
      ref={ref}
      class="dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
    >
      {open ? (
        <div class="dialog-body">
          <h2 id={titleId} class="dialog-title">
            {title}
          </h2>
          {children}
        </div>
      ) : null}
    </dialog>
  )
}
