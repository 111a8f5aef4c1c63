import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { ReactNode } from 'react';
import { Button } from './Button';

/** A modal dialog: focus is trapped inside, Escape closes it, focus returns to the trigger. */
export function ModalDialog({
  isOpen,
  onOpenChange,
  title,
  children,
  wide,
  role = 'dialog',
  isDismissable = true,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children: ReactNode;
  wide?: boolean;
  role?: 'dialog' | 'alertdialog';
  isDismissable?: boolean;
}) {
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={isDismissable}
    >
      <Modal className={`modal ${wide ? 'modal--wide' : ''}`}>
        <Dialog className="dialog" role={role}>
          <Heading slot="title">{title}</Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/** "Are you sure?" with the consequence spelled out and a clearly labelled action. */
export function ConfirmDialog({
  isOpen,
  onOpenChange,
  title,
  children,
  confirmLabel,
  cancelLabel = 'Keep it',
  onConfirm,
  danger,
  busy,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
  danger?: boolean;
  busy?: boolean;
}) {
  return (
    <ModalDialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      title={title}
      role="alertdialog"
      isDismissable={!busy}
    >
      <div className="stack">{children}</div>
      <div className="dialog__actions">
        <Button onPress={() => onOpenChange(false)} isDisabled={busy} autoFocus>
          {cancelLabel}
        </Button>
        <Button variant={danger ? 'danger' : 'primary'} onPress={onConfirm} isDisabled={busy}>
          {busy ? <span className="spinner" aria-hidden="true" /> : null}
          {confirmLabel}
        </Button>
      </div>
    </ModalDialog>
  );
}
