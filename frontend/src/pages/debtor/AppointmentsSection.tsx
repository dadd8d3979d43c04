import { useState } from 'react';
import { useExecute } from '../../data';
import type { AppointmentRowFragment } from '../../gql/graphql';
import { Empty, ErrorBanner, SuccessNotice, UndoNotice } from '../../ui/Feedback';
import { Section } from '../../ui/Section';
import { DateText, Text } from '../../ui/Values';
import { AppointmentForm, DeleteAppointmentDialog, when } from './AppointmentForm';
import { completeAppointmentMutation } from './queries';

type Props = {
  debtorId: string;
  appointments: readonly AppointmentRowFragment[];
  users: readonly { id: string; name: string }[];
  currentUserId: string;
  /** The company's today, from the server: the default date of a new appointment. */
  today: string;
  onChange: (appointments: AppointmentRowFragment[]) => void;
};

/** Pending first, each group by date and time. */
export function byAgenda(a: AppointmentRowFragment, b: AppointmentRowFragment): number {
  if (a.done !== b.done) return a.done ? 1 : -1;
  return `${a.date}T${a.time}`.localeCompare(`${b.date}T${b.time}`);
}

type Editing = { mode: 'add' } | { mode: 'edit'; appointment: AppointmentRowFragment } | null;

/** Agendamentos: reminders and tasks about this debtor, each with a responsible user. */
export function AppointmentsSection({ debtorId, appointments, users, currentUserId, today, onChange }: Props) {
  const run = useExecute();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<AppointmentRowFragment | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [toggling, setToggling] = useState<ReadonlySet<string>>(new Set());
  // The appointment just ticked Concluído, offered back with "Desfazer".
  const [undoable, setUndoable] = useState<AppointmentRowFragment | null>(null);
  const sorted = [...appointments].sort(byAgenda);

  function replace(saved: AppointmentRowFragment) {
    const exists = appointments.some((appointment) => appointment.id === saved.id);
    onChange(exists ? appointments.map((a) => (a.id === saved.id ? saved : a)) : [...appointments, saved]);
  }

  async function toggleDone(appointment: AppointmentRowFragment) {
    setNotice(null);
    setError(null);
    setUndoable(null);
    setToggling((current) => new Set(current).add(appointment.id));
    try {
      const { completeAppointment: result } = await run(completeAppointmentMutation, {
        input: { id: appointment.id, done: !appointment.done },
      });
      if (result.appointment) {
        replace(result.appointment);
        if (result.appointment.done) setUndoable(result.appointment);
        else if (appointment === undoable) setNotice(`Agendamento de ${when(appointment)} voltou a pendente.`);
      } else setError(result.errors.map((e) => e.message).join('\n'));
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setToggling((current) => {
        const next = new Set(current);
        next.delete(appointment.id);
        return next;
      });
    }
  }

  return (
    <Section title="Agendamentos" count={appointments.length} defaultOpen={false}>
      {sorted.length === 0 ? (
        <Empty>Nenhum agendamento.</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table table-cards">
            <caption className="visually-hidden">Agendamentos</caption>
            <thead>
              <tr>
                <th scope="col">Concluído</th>
                <th scope="col">Data</th>
                <th scope="col">Hora</th>
                <th scope="col">Responsável</th>
                <th scope="col">Empresa</th>
                <th scope="col">Observações Gerais</th>
                <th scope="col">
                  <span className="visually-hidden">Ações</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((appointment) => (
                <tr key={appointment.id} className={appointment.done ? 'row-muted' : undefined}>
                  <td className="card-check" data-label="Concluído">
                    <input
                      type="checkbox"
                      className="row-check"
                      checked={appointment.done}
                      disabled={toggling.has(appointment.id)}
                      aria-label={`Concluído: agendamento de ${when(appointment)}`}
                      onChange={() => void toggleDone(appointment)}
                    />
                  </td>
                  <td data-label="Data">
                    <DateText value={appointment.date} />
                  </td>
                  <td className="date" data-label="Hora">
                    {appointment.time.slice(0, 5)}
                  </td>
                  <td data-label="Responsável">{appointment.responsible.name}</td>
                  <td data-label="Empresa">
                    <Text value={appointment.company?.name} />
                  </td>
                  <td className="prewrap card-wide">{appointment.notes}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="button button-quiet button-small"
                      aria-label={`Editar agendamento de ${when(appointment)}`}
                      onClick={() => {
                        setNotice(null);
                        setEditing({ mode: 'edit', appointment });
                      }}
                    >
                      Editar
                    </button>
                    <button
                      type="button"
                      className="button button-quiet button-danger button-small"
                      aria-label={`Excluir agendamento de ${when(appointment)}`}
                      onClick={() => {
                        setNotice(null);
                        setDeleting(appointment);
                      }}
                    >
                      Excluir
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {error && <ErrorBanner message={error} />}
      {notice && <SuccessNotice>{notice}</SuccessNotice>}
      {undoable && (
        <UndoNotice onUndo={() => void toggleDone(undoable)} onClose={() => setUndoable(null)}>
          Agendamento de {when(undoable)} concluído.
        </UndoNotice>
      )}
      {editing ? (
        <AppointmentForm
          key={editing.mode === 'edit' ? editing.appointment.id : 'new'}
          debtorId={debtorId}
          appointment={editing.mode === 'edit' ? editing.appointment : undefined}
          users={users}
          currentUserId={currentUserId}
          today={today}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            replace(saved);
            setEditing(null);
            setNotice(editing.mode === 'edit' ? 'Agendamento atualizado.' : 'Agendamento salvo.');
          }}
        />
      ) : (
        <div className="form-actions">
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              setNotice(null);
              setEditing({ mode: 'add' });
            }}
          >
            Adicionar <span className="visually-hidden">agendamento</span>
          </button>
        </div>
      )}
      {deleting && (
        <DeleteAppointmentDialog
          appointment={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={(id) => {
            onChange(appointments.filter((appointment) => appointment.id !== id));
            setDeleting(null);
            setNotice('Agendamento excluído.');
          }}
        />
      )}
    </Section>
  );
}
