import { ButtonGroup, Heading, PrimaryActionButton, SecondaryActionButton } from '@utrecht/component-library-react';
import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal question before a step that cannot be undone: the browser's own dialog element keeps
 * focus inside it, Escape closes it, and focus returns to the button that opened it.
 */
export function ConfirmDialog({
  open,
  title,
  confirmLabel,
  busy = false,
  onConfirm,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal?.();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby={headingId} className="spoorboek-dialog" onClose={onClose}>
      {open && (
        <>
          <Heading level={2} id={headingId}>
            {title}
          </Heading>
          {children}
          <ButtonGroup>
            <PrimaryActionButton type="button" busy={busy} disabled={busy} onClick={onConfirm}>
              {confirmLabel}
            </PrimaryActionButton>
            <SecondaryActionButton type="button" onClick={onClose}>
              Terug
            </SecondaryActionButton>
          </ButtonGroup>
        </>
      )}
    </dialog>
  );
}
