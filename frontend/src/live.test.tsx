import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderSignedIn } from './test/render';
import { LiveUpdates, liveSocket } from './live';

class FakeSocket {
  static last: FakeSocket | null = null;
  sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  readonly url: string;
  constructor(url: string) {
    this.url = url;
    FakeSocket.last = this;
  }
  send(text: string) {
    this.sent.push(JSON.parse(text));
  }
  close() {}
  receive(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
}

describe('live updates', () => {
  const original = liveSocket.create;
  afterEach(() => {
    liveSocket.create = original;
  });

  it('subscribes to the debtor, refetches on a colleague\'s change and says who did it', () => {
    liveSocket.create = (url) => new FakeSocket(url) as unknown as WebSocket;
    const reload = vi.fn();
    renderSignedIn(<LiveUpdates debtorId="RGVidG9yOjE=" onUpdate={reload} />);
    const socket = FakeSocket.last!;
    expect(socket.url).toMatch(/^ws:\/\/.*\/graphql$/);
    act(() => socket.onopen!());
    expect(socket.sent[0]).toEqual({ type: 'connection_init', payload: {} });
    act(() => socket.receive({ type: 'connection_ack' }));
    expect(socket.sent[1]).toMatchObject({ type: 'subscribe', payload: { variables: { debtorId: 'RGVidG9yOjE=' } } });
    const update = { kind: 'payment.settle', debtorId: 'RGVidG9yOjE=', actor: 'Bruno Lima', actorUserId: 'VXNlcjoy', at: '' };
    act(() => socket.receive({ id: '1', type: 'next', payload: { data: { liveUpdates: update } } }));
    expect(reload).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status').textContent).toBe('Atualizado por Bruno Lima: pagamento registrado.');
    // One's own change (Ana's) is already on screen.
    act(() => socket.receive({ id: '1', type: 'next', payload: { data: { liveUpdates: { ...update, actorUserId: 'VXNlcjox' } } } }));
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
