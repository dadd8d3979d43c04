// The dialogs that undo: reverse a mistaken payment (estorno) and cancel an entry. Both ask
// for a reason, which the audit trail keeps.
import { useExecute, useMutationForm } from '../../data';
import { formatDate } from '../../format';
import type { EntryRowFragment, PaymentRowFragment } from '../../gql/graphql';
import { ReasonDialog } from '../../ui/ConfirmDialog';
import { Money } from '../../ui/Values';
import { cancelEntryMutation, reversePaymentMutation } from './queries';

const FIELDS = ['reason'] as const;

type ReverseProps = {
  payment: PaymentRowFragment;
  onClose: () => void;
  onReversed: (entry: EntryRowFragment) => void;
};

export function ReversePaymentDialog({ payment, onClose, onReversed }: ReverseProps) {
  const run = useExecute();
  const form = useMutationForm(FIELDS);
  async function reverse(reason: string) {
    const payload = await form.submit(
      async () => (await run(reversePaymentMutation, { input: { paymentId: payment.id, reason } })).reversePayment,
    );
    if (payload?.entry) onReversed(payload.entry);
  }
  return (
    <ReasonDialog
      title="Estornar pagamento"
      reasonLabel="Motivo do estorno"
      confirmLabel={`Estornar pagamento de ${formatDate(payment.paidOn)}`}
      busy={form.saving}
      reasonError={form.errors.fields.reason}
      errors={form.errors.general}
      onConfirm={reverse}
      onCancel={onClose}
    >
      <p className="dialog-lead">
        Pagamento de <Money value={payment.receivedAmount} strong /> em {formatDate(payment.paidOn)}. O valor volta a
        ficar em aberto no lançamento.
      </p>
    </ReasonDialog>
  );
}

type CancelProps = {
  entry: Pick<EntryRowFragment, 'id' | 'code' | 'description'>;
  onClose: () => void;
  onCancelled: (entry: EntryRowFragment) => void;
};

export function CancelEntryDialog({ entry, onClose, onCancelled }: CancelProps) {
  const run = useExecute();
  const form = useMutationForm(FIELDS);
  async function cancel(reason: string) {
    const payload = await form.submit(
      async () => (await run(cancelEntryMutation, { input: { id: entry.id, reason } })).cancelEntry,
    );
    if (payload?.entry) onCancelled(payload.entry);
  }
  return (
    <ReasonDialog
      title={`Cancelar lançamento ${entry.code}`}
      reasonLabel="Motivo do cancelamento"
      confirmLabel="Cancelar lançamento"
      busy={form.saving}
      reasonError={form.errors.fields.reason}
      errors={form.errors.general}
      onConfirm={cancel}
      onCancel={onClose}
    >
      <p className="dialog-lead">
        {entry.description}. Um lançamento cancelado deixa de ser cobrado e não pode mais ser alterado.
      </p>
    </ReasonDialog>
  );
}
