import { useState } from 'react';
import { useExecute, useQuery } from '../../data';
import { formatDate } from '../../format';
import type { MyAppointmentsQuery } from '../../gql/graphql';
import { Page } from '../../Page';
import { href } from '../../router';
import { Empty, ErrorBanner, Loading, SuccessNotice, UndoNotice } from '../../ui/Feedback';
import { DateField } from '../../ui/DateField';
import { Section } from '../../ui/Section';
import { DateText, Text } from '../../ui/Values';
import { completeAppointmentMutation } from '../debtor/queries';
import { myAppointmentsQuery, myCalendarUrlQuery, rotateCalendarUrlMutation } from './queries';

type Appointment = MyAppointmentsQuery['myAppointments'][number];

/** Meus Agendamentos: the signed-in user's tasks across debtors, and their calendar feed. */
export function AgendaPage() {
  const run = useExecute();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [includeDone, setIncludeDone] = useState(false);
  const result = useQuery(myAppointmentsQuery, { from: from || null, to: to || null, includeDone });
  const [changed, setChanged] = useState<Record<string, Appointment>>({});
  const [error, setError] = useState<string | null>(null);
  // The appointment just ticked Concluído, offered back with "Desfazer".
  const [undoable, setUndoable] = useState<Appointment | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function toggle(appointment: Appointment) {
    setError(null);
    setNotice(null);
    setUndoable(null);
    try {
      const { completeAppointment: payload } = await run(completeAppointmentMutation, {
        input: { id: appointment.id, done: !appointment.done },
      });
      if (payload.appointment) {
        const saved = { ...appointment, ...payload.appointment, company: appointment.company };
        setChanged((current) => ({ ...current, [appointment.id]: saved }));
        if (saved.done) setUndoable(saved);
        else if (appointment === undoable) setNotice(`Agendamento de ${appointment.debtor.name} voltou a pendente.`);
      } else setError(payload.errors.map((e) => e.message).join('\n'));
    } catch (failure) {
      setError((failure as Error).message);
    }
  }

  const appointments = (result.data?.myAppointments ?? []).map((a) => changed[a.id] ?? a);
  // "Atrasado" and "Hoje" from the server's date in each appointment's company (the
  // installation's when it has none), never this computer's clock.
  const companyToday = new Map(
    (result.data?.myAppointments ?? []).flatMap((a) => (a.company ? [[a.company.id, a.company.today] as const] : [])),
  );
  const todayOf = (appointment: Appointment) =>
    (appointment.company && companyToday.get(appointment.company.id)) || (result.data?.today ?? '');

  return (
    <Page title="Meus Agendamentos">
      <form className="search-form" aria-label="Filtrar agendamentos" onSubmit={(event) => event.preventDefault()}>
        <div className="form-grid">
          <DateField label="De" value={from} onChange={setFrom} />
          <DateField label="Até" value={to} onChange={setTo} />
          <label className="check check-field">
            <input type="checkbox" checked={includeDone} onChange={(event) => setIncludeDone(event.target.checked)} />
            Mostrar concluídos
          </label>
        </div>
      </form>

      {result.error && <ErrorBanner message={result.error} onRetry={result.reload} />}
      {error && <ErrorBanner message={error} />}
      {notice && <SuccessNotice>{notice}</SuccessNotice>}
      {undoable && (
        <UndoNotice onUndo={() => void toggle(undoable)} onClose={() => setUndoable(null)}>
          Agendamento de {undoable.debtor.name} ({formatDate(undoable.date)} {undoable.time.slice(0, 5)}) concluído.
        </UndoNotice>
      )}
      {!result.data && !result.error && <Loading />}
      {result.data && (
        <div className="results" aria-busy={result.loading}>
          {appointments.length === 0 ? (
            <Empty>Nenhum agendamento seu {includeDone ? 'neste período' : 'pendente'}.</Empty>
          ) : (
            <div className="table-wrap">
              <table className="table table-cards">
                <caption className="visually-hidden">Meus agendamentos</caption>
                <thead>
                  <tr>
                    <th scope="col">Concluído</th>
                    <th scope="col">Data</th>
                    <th scope="col">Hora</th>
                    <th scope="col">Cliente</th>
                    <th scope="col">Empresa</th>
                    <th scope="col">Observações Gerais</th>
                  </tr>
                </thead>
                <tbody>
                  {appointments.map((appointment) => (
                    <tr key={appointment.id} className={appointment.done ? 'row-muted' : undefined}>
                      <td className="card-check" data-label="Concluído">
                        <input
                          type="checkbox"
                          className="row-check"
                          checked={appointment.done}
                          aria-label={`Concluído: ${appointment.debtor.name}, ${formatDate(appointment.date)} ${appointment.time.slice(0, 5)}`}
                          onChange={() => void toggle(appointment)}
                        />
                      </td>
                      <td className="nowrap" data-label="Data">
                        <DateText value={appointment.date} />
                        {!appointment.done && appointment.date < todayOf(appointment) && (
                          <span className="badge badge-danger">Atrasado</span>
                        )}
                        {!appointment.done && appointment.date === todayOf(appointment) && (
                          <span className="badge badge-warning">Hoje</span>
                        )}
                      </td>
                      <td className="date" data-label="Hora">
                        {appointment.time.slice(0, 5)}
                      </td>
                      <td className="card-title">
                        <a
                          href={href(
                            { name: 'debtor', debtorId: appointment.debtor.id },
                            { empresa: appointment.company?.id },
                          )}
                        >
                          {appointment.debtor.name}
                        </a>
                      </td>
                      <td data-label="Empresa">
                        <Text value={appointment.company?.name} />
                      </td>
                      <td className="prewrap card-wide">{appointment.notes}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}

      <CalendarFeed />
    </Page>
  );
}

/**
 * The personal iCalendar address. The server keeps only its hash, so it is shown once (the
 * first time it is asked for); afterwards the user may generate a new one, which ends the old.
 */
function CalendarFeed() {
  const run = useExecute();
  const [url, setUrl] = useState<string | null>(null);
  const [shownBefore, setShownBefore] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const absolute = url ? new URL(url, window.location.origin).toString() : '';

  async function attempt(action: () => Promise<void>) {
    setMessage(null);
    try {
      await action();
    } catch (failure) {
      setMessage((failure as Error).message);
    }
  }
  const show = () =>
    attempt(async () => {
      const { myCalendarUrl } = await run(myCalendarUrlQuery);
      if (myCalendarUrl) setUrl(myCalendarUrl);
      else setShownBefore(true);
    });
  const rotate = () =>
    attempt(async () => {
      const { rotateCalendarUrl: payload } = await run(rotateCalendarUrlMutation);
      if (payload.url) setUrl(payload.url);
      else setMessage(payload.errors.map((e) => e.message).join('\n'));
    });
  async function copy() {
    try {
      await navigator.clipboard.writeText(absolute);
      setMessage('Endereço copiado.');
    } catch {
      setMessage('Não foi possível copiar: selecione o endereço e copie.');
    }
  }
  return (
    <Section title="Agenda no calendário" defaultOpen={false}>
      <p>
        Assine este endereço no seu aplicativo de calendário (Google Agenda, Outlook, Calendário do celular) para ver
        seus agendamentos. Ele é pessoal: não compartilhe. Por segurança ele é mostrado uma única vez: guarde-o no
        aplicativo de calendário.
      </p>
      {url ? (
        <div className="input-with-button">
          <input aria-label="Endereço da agenda" readOnly value={absolute} onFocus={(event) => event.target.select()} />
          <button type="button" className="button search-button" onClick={() => void copy()}>
            Copiar
          </button>
        </div>
      ) : shownBefore ? (
        <>
          <p>
            O endereço da sua agenda já foi mostrado antes. Se você não o tem mais (ou acha que alguém o viu), gere um
            novo: o anterior deixa de funcionar.
          </p>
          <button type="button" className="button" onClick={() => void rotate()}>
            Gerar novo endereço
          </button>
        </>
      ) : (
        <button type="button" className="button" onClick={() => void show()}>
          Mostrar endereço
        </button>
      )}
      {message && (
        <p className="muted" role="status">
          {message}
        </p>
      )}
    </Section>
  );
}
