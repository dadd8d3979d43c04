import { useState } from 'react';
import { useExecute } from '../../../data';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { Empty, SuccessNotice } from '../../../ui/Feedback';
import { Section } from '../../../ui/Section';
import { DateText, DateTimeText, Money } from '../../../ui/Values';
import type { PauseRowFragment, PromiseRowFragment } from './gql/graphql';
import { type HoldCompany, type HoldEntry, PauseForm, PromiseForm } from './HoldForms';
import { PROMISE_STATUS } from './labels';
import { cancelPaymentPromiseMutation, resumeCollectionMutation } from './queries';

type Props = {
  debtorId: string;
  companies: readonly HoldCompany[];
  entries: readonly HoldEntry[];
  defaultCompanyId: string;
  pauses: readonly PauseRowFragment[];
  promises: readonly PromiseRowFragment[];
  readOnly: boolean;
  /** Something changed: the pauses, promises and history are asked again. */
  onChange: () => void;
};

type Confirm = { kind: 'resume'; pause: PauseRowFragment } | { kind: 'cancel'; promise: PromiseRowFragment };

/** Pausas e promessas: what holds the régua for this debtor, and the controls to add or end them. */
export function HoldsSection({ debtorId, companies, entries, defaultCompanyId, pauses, promises, readOnly, onChange }: Props) {
  const run = useExecute();
  const [adding, setAdding] = useState<'pause' | 'promise' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmErrors, setConfirmErrors] = useState<string[]>([]);
  const active = pauses.filter((pause) => pause.active);
  const open = promises.filter((promise) => promise.status === 'OPEN');
  const past = [
    ...pauses.filter((pause) => !pause.active).map((pause) => ({ at: pause.createdAt, pause, promise: null })),
    ...promises.filter((promise) => promise.status !== 'OPEN').map((promise) => ({ at: promise.createdAt, pause: null, promise })),
  ].sort((a, b) => (a.at < b.at ? 1 : -1));
  const entryCode = (id: string | null | undefined) => entries.find((entry) => entry.id === id)?.code;

  function done(message: string) {
    setAdding(null);
    setNotice(message);
    onChange();
  }

  async function confirmed(action: Confirm) {
    setBusy(true);
    setConfirmErrors([]);
    try {
      const errors =
        action.kind === 'resume'
          ? (await run(resumeCollectionMutation, { input: { pauseId: action.pause.id } })).resumeCollection.errors
          : (await run(cancelPaymentPromiseMutation, { input: { promiseId: action.promise.id } })).cancelPaymentPromise
              .errors;
      if (errors.length > 0) {
        setConfirmErrors(errors.map((error) => error.message));
        return;
      }
      setConfirm(null);
      done(action.kind === 'resume' ? 'Cobrança retomada.' : 'Promessa cancelada: a régua volta a valer.');
    } catch (failure) {
      setConfirmErrors([(failure as Error).message]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title="Pausas e promessas" count={active.length + open.length}>
      <div className="stack">
        {notice && <SuccessNotice>{notice}</SuccessNotice>}
        {active.length === 0 && open.length === 0 && (
          <Empty>Nenhuma pausa ou promessa em vigor: a régua segue normalmente.</Empty>
        )}
        {active.length > 0 && (
          <ul className="hold-list" aria-label="Pausas em vigor">
            {active.map((pause) => (
              <li key={pause.id} className="hold">
                <div>
                  <span className="badge badge-warning">Pausada</span>{' '}
                  <strong>{pause.company.name}</strong>
                  {pause.entryId && <> · lançamento {entryCode(pause.entryId) ?? 'específico'}</>}
                </div>
                <div>
                  Até <DateText value={pause.until} /> · {pause.reason}
                </div>
                <div className="muted">
                  {pause.createdBy ? `Por ${pause.createdBy.name}, em ` : 'Em '}
                  <DateTimeText value={pause.createdAt} />
                </div>
                {!readOnly && (
                  <div className="row-actions">
                    <button
                      type="button"
                      className="button button-quiet button-small"
                      aria-label={`Retomar cobrança de ${pause.company.name}`}
                      onClick={() => {
                        setConfirmErrors([]);
                        setConfirm({ kind: 'resume', pause });
                      }}
                    >
                      Retomar cobrança
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
        {open.length > 0 && (
          <ul className="hold-list" aria-label="Promessas em aberto">
            {open.map((promise) => (
              <li key={promise.id} className="hold">
                <div>
                  <span className="badge badge-info">Promessa</span> <strong>{promise.company.name}</strong>
                </div>
                <div>
                  <Money value={promise.amount} strong /> até <DateText value={promise.promisedDate} />
                  {promise.note && <> · {promise.note}</>}
                </div>
                <div className="muted">
                  {promise.createdBy ? `Registrada por ${promise.createdBy.name}, em ` : 'Registrada em '}
                  <DateTimeText value={promise.createdAt} />
                </div>
                {!readOnly && (
                  <div className="row-actions">
                    <button
                      type="button"
                      className="button button-quiet button-small"
                      aria-label={`Cancelar promessa de ${promise.company.name}`}
                      onClick={() => {
                        setConfirmErrors([]);
                        setConfirm({ kind: 'cancel', promise });
                      }}
                    >
                      Cancelar promessa
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
        {!readOnly && !adding && (
          <div className="form-actions">
            <button
              type="button"
              className="button button-quiet"
              onClick={() => {
                setNotice(null);
                setAdding('pause');
              }}
            >
              Pausar cobrança
            </button>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => {
                setNotice(null);
                setAdding('promise');
              }}
            >
              Registrar promessa
            </button>
          </div>
        )}
        {adding === 'pause' && (
          <PauseForm
            debtorId={debtorId}
            companies={companies}
            entries={entries}
            defaultCompanyId={defaultCompanyId}
            onDone={done}
            onCancel={() => setAdding(null)}
          />
        )}
        {adding === 'promise' && (
          <PromiseForm
            debtorId={debtorId}
            companies={companies}
            defaultCompanyId={defaultCompanyId}
            onDone={done}
            onCancel={() => setAdding(null)}
          />
        )}
        {past.length > 0 && (
          <details className="hold-past">
            <summary>Encerradas ({past.length})</summary>
            <ul className="hold-list">
              {past.map(({ pause, promise }) =>
                pause ? (
                  <li key={pause.id} className="hold">
                    <div>
                      <span className="badge badge-muted">Pausa encerrada</span> {pause.company.name} · {pause.reason}
                    </div>
                    <div className="muted">
                      Até <DateText value={pause.until} />
                      {pause.endedAt && (
                        <>
                          , retomada em <DateTimeText value={pause.endedAt} />
                        </>
                      )}
                    </div>
                  </li>
                ) : promise ? (
                  <li key={promise.id} className="hold">
                    <div>
                      <span className={`badge ${PROMISE_STATUS[promise.status].badge}`}>
                        Promessa {PROMISE_STATUS[promise.status].label.toLowerCase()}
                      </span>{' '}
                      {promise.company.name}
                    </div>
                    <div className="muted">
                      <Money value={promise.amount} /> até <DateText value={promise.promisedDate} />
                    </div>
                  </li>
                ) : null,
              )}
            </ul>
          </details>
        )}
      </div>
      {confirm && (
        <ConfirmDialog
          title={confirm.kind === 'resume' ? 'Retomar cobrança' : 'Cancelar promessa'}
          confirmLabel={confirm.kind === 'resume' ? 'Retomar cobrança' : 'Cancelar promessa'}
          busy={busy}
          errors={confirmErrors}
          onConfirm={() => void confirmed(confirm)}
          onCancel={() => setConfirm(null)}
        >
          {confirm.kind === 'resume' ? (
            <p>
              Encerrar a pausa de {confirm.pause.company.name} ({confirm.pause.reason})? A régua volta a enviar e-mails a
              este cliente.
            </p>
          ) : (
            <p>
              Cancelar a promessa de pagamento de {confirm.promise.company.name}? A régua volta a enviar e-mails a este
              cliente.
            </p>
          )}
        </ConfirmDialog>
      )}
    </Section>
  );
}
