import { type FormEvent, useState } from 'react';
import { useExecute, useMutationForm } from '../../data';
import { formatDate } from '../../format';
import type { AppointmentRowFragment } from '../../gql/graphql';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormErrors } from '../../ui/Feedback';
import { DateField, TimeField } from '../../ui/DateField';
import { SelectField, TextAreaField } from '../../ui/Field';
import { deleteAppointmentMutation, scheduleAppointmentMutation, updateAppointmentMutation } from './queries';

const FIELDS = ['responsibleId', 'date', 'time', 'notes'] as const;
const ID_FIELD = ['id'] as const;

/** "01/12/2030 14:30", naming an appointment in labels and messages. */
export const when = (appointment: Pick<AppointmentRowFragment, 'date' | 'time'>) =>
  `${formatDate(appointment.date)} ${appointment.time.slice(0, 5)}`;

type FormProps = {
  debtorId: string;
  users: readonly { id: string; name: string }[];
  currentUserId: string;
  /** The company's today, from the server (yyyy-mm-dd). */
  today: string;
  appointment?: AppointmentRowFragment;
  onCancel: () => void;
  onSaved: (appointment: AppointmentRowFragment) => void;
};

/** A new appointment, or changes to one (only what changed is sent). */
export function AppointmentForm({ debtorId, appointment, users, currentUserId, today, onCancel, onSaved }: FormProps) {
  const run = useExecute();
  const [responsibleId, setResponsibleId] = useState(
    appointment?.responsible.id ??
      (users.some((user) => user.id === currentUserId) ? currentUserId : (users[0]?.id ?? '')),
  );
  const [date, setDate] = useState(appointment?.date ?? today);
  const [time, setTime] = useState(appointment?.time.slice(0, 5) ?? '');
  const [notes, setNotes] = useState(appointment?.notes ?? '');
  const form = useMutationForm(FIELDS, { responsibleId, date, time, notes });
  // The responsible may be a user who no longer shows in the list (deactivated): keep them visible.
  const options =
    appointment && !users.some((user) => user.id === appointment.responsible.id)
      ? [appointment.responsible, ...users]
      : users;

  async function save(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!responsibleId) missing.responsibleId = 'Escolha o responsável.';
    if (!date) missing.date = 'Informe a data.';
    if (!time) missing.time = 'Informe a hora.';
    if (!notes.trim()) missing.notes = 'Descreva a tarefa ou ação.';
    if (Object.keys(missing).length > 0) {
      form.setErrors({ fields: missing, general: [] });
      return;
    }
    if (appointment) {
      const input = {
        id: appointment.id,
        ...(responsibleId !== appointment.responsible.id && { responsibleId }),
        ...(date !== appointment.date && { date }),
        ...(time !== appointment.time.slice(0, 5) && { time }),
        ...(notes.trim() !== appointment.notes && { notes: notes.trim() }),
      };
      const payload = await form.submit(
        async () => (await run(updateAppointmentMutation, { input })).updateAppointment,
      );
      if (payload?.appointment) onSaved(payload.appointment);
    } else {
      const payload = await form.submit(
        async () =>
          (
            await run(scheduleAppointmentMutation, {
              input: { debtorId, responsibleId, date, time, notes: notes.trim() },
            })
          ).scheduleAppointment,
      );
      if (payload?.appointment) onSaved(payload.appointment);
    }
  }

  return (
    <form
      className="subform"
      onSubmit={save}
      noValidate
      aria-label={appointment ? `Editar agendamento de ${when(appointment)}` : 'Novo agendamento'}
    >
      <div className="form-grid">
        <SelectField
          label="Responsável"
          value={responsibleId}
          error={form.errors.fields.responsibleId}
          required
          onChange={(event) => setResponsibleId(event.target.value)}
        >
          {options.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
        </SelectField>
        <DateField label="Data" value={date} error={form.errors.fields.date} required onChange={setDate} />
        <TimeField label="Hora" value={time} error={form.errors.fields.time} required onChange={setTime} />
      </div>
      <TextAreaField
        label="Observações Gerais"
        rows={3}
        value={notes}
        error={form.errors.fields.notes}
        required
        onChange={(event) => setNotes(event.target.value)}
      />
      <FormErrors messages={form.errors.general} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={form.saving}>
          {form.saving ? 'Salvando…' : 'Salvar Agendamento'}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel} disabled={form.saving}>
          Cancelar
        </button>
      </div>
    </form>
  );
}

export function DeleteAppointmentDialog({
  appointment,
  onClose,
  onDeleted,
}: {
  appointment: AppointmentRowFragment;
  onClose: () => void;
  onDeleted: (id: string) => void;
}) {
  const run = useExecute();
  const form = useMutationForm(ID_FIELD);
  async function remove() {
    const payload = await form.submit(
      async () => (await run(deleteAppointmentMutation, { input: { id: appointment.id } })).deleteAppointment,
    );
    if (payload?.deletedAppointmentId) onDeleted(payload.deletedAppointmentId);
  }
  return (
    <ConfirmDialog
      title="Excluir agendamento"
      confirmLabel="Excluir agendamento"
      danger
      busy={form.saving}
      errors={[...form.errors.general, ...Object.values(form.errors.fields)]}
      onConfirm={remove}
      onCancel={onClose}
    >
      <p>
        Excluir o agendamento de <strong>{when(appointment)}</strong> ({appointment.responsible.name})?
      </p>
    </ConfirmDialog>
  );
}
