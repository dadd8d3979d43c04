// Live updates: a GraphQL subscription (graphql-transport-ws over WebSocket at /graphql, the
// session cookie authenticates it) tells a screen that a colleague changed what it shows; the
// screen refetches and says who did it.
import { useEffect, useRef, useState } from 'react';
import './live.css';
import { useSession } from './session';

export type LiveUpdate = { kind: string; debtorId: string | null; actor: string; actorUserId: string | null; at: string };

const SUBSCRIPTION = `subscription Live($debtorId: ID) {
  liveUpdates(debtorId: $debtorId) { kind debtorId actor actorUserId at }
}`;

const WHAT: Record<string, string> = {
  'payment.settle': 'pagamento registrado',
  'payment.reverse': 'pagamento estornado',
  'email.queue': 'e-mail de cobrança na fila',
  'email.sent': 'e-mail enviado',
  'email.failed': 'e-mail não entregue',
  'appointment.create': 'agendamento criado',
  'appointment.update': 'agendamento alterado',
  'appointment.complete': 'agendamento concluído',
  'appointment.delete': 'agendamento excluído',
  'debtor.update': 'dados do cliente alterados',
  'entry.create': 'lançamento incluído',
  'entry.update': 'lançamento alterado',
  'entry.cancel': 'lançamento cancelado',
};

/** The pt-BR notice for an update. */
export function describe(update: LiveUpdate): string {
  const what = WHAT[update.kind];
  return `Atualizado por ${update.actor}${what ? `: ${what}` : ''}.`;
}

/** How sockets are made; tests replace it (jsdom has no server to talk to). */
export const liveSocket: { create: ((url: string) => WebSocket) | null } = {
  create:
    typeof WebSocket === 'undefined' || import.meta.env.MODE === 'test'
      ? null
      : (url) => new WebSocket(url, 'graphql-transport-ws'),
};

/**
 * Subscribes while mounted (again after a dropped connection) and calls `onUpdate` for each
 * change made by someone else; returns the latest one.
 */
export function useLiveUpdates(debtorId: string | null, onUpdate: (update: LiveUpdate) => void): LiveUpdate | null {
  const { user } = useSession();
  const [last, setLast] = useState<LiveUpdate | null>(null);
  const callback = useRef(onUpdate);
  useEffect(() => {
    callback.current = onUpdate;
  }, [onUpdate]);

  useEffect(() => {
    const create = liveSocket.create;
    if (!create) return undefined;
    let socket: WebSocket | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let delay = 1000;
    let stopped = false;
    const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`;

    function open() {
      const ws = create!(url);
      socket = ws;
      ws.onopen = () => ws.send(JSON.stringify({ type: 'connection_init', payload: {} }));
      ws.onmessage = (event: MessageEvent) => {
        let message: { type?: string; payload?: { data?: { liveUpdates?: LiveUpdate } } };
        try {
          message = JSON.parse(String(event.data));
        } catch {
          return;
        }
        if (message.type === 'connection_ack') {
          delay = 1000;
          ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: SUBSCRIPTION, variables: { debtorId } } }));
        } else if (message.type === 'ping') {
          ws.send(JSON.stringify({ type: 'pong' }));
        } else if (message.type === 'next') {
          const update = message.payload?.data?.liveUpdates;
          if (update && update.actorUserId !== user.id) {
            setLast(update);
            callback.current(update);
          }
        }
      };
      ws.onclose = () => {
        if (stopped) return;
        retry = setTimeout(open, delay);
        delay = Math.min(delay * 2, 30000);
      };
    }

    open();
    return () => {
      stopped = true;
      clearTimeout(retry);
      socket?.close();
    };
  }, [debtorId, user.id]);

  return last;
}

/** Mount on a screen: refetches on a colleague's change and says who made it. */
export function LiveUpdates({ debtorId = null, onUpdate }: { debtorId?: string | null; onUpdate: () => void }) {
  const last = useLiveUpdates(debtorId, onUpdate);
  return (
    <p className="live-notice" role="status" aria-live="polite">
      {last ? describe(last) : ''}
    </p>
  );
}
