import { type FormEvent, type ReactNode, useState } from 'react';
import { Dialog } from './Dialog';
import { FormErrors } from './Feedback';
import { TextAreaField } from './Field';

type ConfirmProps = {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Red confirm button, for what cannot be undone. */
  danger?: boolean;
  busy?: boolean;
  errors?: readonly string[];
  onConfirm: () => void;
  onCancel: () => void;
};

/** "Are you sure?" with the consequence spelled out; the safe choice (Cancelar) is the default focus. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  danger,
  busy,
  errors = [],
  onConfirm,
  onCancel,
}: ConfirmProps) {
  return (
    <Dialog title={title} onClose={onCancel} busy={busy}>
      <div className="stack">
        <div>{children}</div>
        <FormErrors messages={errors} />
        <div className="form-actions">
          <button
            type="button"
            className={`button${danger ? ' button-danger' : ''}`}
            onClick={onConfirm}
            disabled={busy}
          >
            {busy ? 'Aguarde…' : confirmLabel}
          </button>
          <button type="button" className="button button-quiet" onClick={onCancel} disabled={busy} data-autofocus>
            Cancelar
          </button>
        </div>
      </div>
    </Dialog>
  );
}

type ReasonProps = {
  title: string;
  children?: ReactNode;
  reasonLabel: string;
  confirmLabel: string;
  busy?: boolean;
  /** The reason field's error from the API, and the others. */
  reasonError?: string;
  errors?: readonly string[];
  onConfirm: (reason: string) => void;
  onCancel: () => void;
};

/** A confirmation that needs a written reason (cancel an entry, reverse a payment). */
export function ReasonDialog({
  title,
  children,
  reasonLabel,
  confirmLabel,
  busy,
  reasonError,
  errors = [],
  onConfirm,
  onCancel,
}: ReasonProps) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    onConfirm(reason.trim());
  }

  return (
    <Dialog title={title} onClose={onCancel} busy={busy}>
      <form className="stack" onSubmit={submit} noValidate>
        {children}
        <TextAreaField
          label={reasonLabel}
          rows={3}
          required
          maxLength={500}
          value={reason}
          error={missing && !reason.trim() ? 'Informe o motivo.' : reasonError}
          onChange={(event) => setReason(event.target.value)}
        />
        <FormErrors messages={errors} />
        <div className="form-actions">
          <button type="submit" className="button button-danger" disabled={busy}>
            {busy ? 'Aguarde…' : confirmLabel}
          </button>
          <button type="button" className="button button-quiet" onClick={onCancel} disabled={busy}>
            Voltar
          </button>
        </div>
      </form>
    </Dialog>
  );
}
