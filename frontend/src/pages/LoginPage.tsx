import { type FormEvent, useEffect, useState } from 'react';
import { login, RateLimitedError } from '../api';

type Props = {
  /** Why the user is here, e.g. an expired session. */
  notice?: string;
  onSignedIn: () => Promise<void>;
};

export function LoginPage({ notice, onSignedIn }: Props) {
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // After too many attempts the server refuses for a while: the button waits as long.
  const [waitSeconds, setWaitSeconds] = useState(0);
  const message = error ?? notice;

  useEffect(() => {
    if (waitSeconds <= 0) return;
    const timer = setTimeout(() => setWaitSeconds(0), waitSeconds * 1000);
    return () => clearTimeout(timer);
  }, [waitSeconds]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSubmitting(true);
    setError(null);
    try {
      await login(String(form.get('email')), String(form.get('password')));
      await onSignedIn();
    } catch (failure) {
      setError((failure as Error).message);
      if (failure instanceof RateLimitedError) setWaitSeconds(failure.retryAfterSeconds);
      setSubmitting(false);
    }
  }

  return (
    <main className="login">
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title">
        <p className="brand">Cobranças</p>
        <h1 id="login-title">Entrar</h1>
        {message && (
          <p className="banner banner-error" role="alert">
            {message}
          </p>
        )}
        <label className="field">
          <span>E-mail</span>
          <input name="email" type="email" autoComplete="username" required autoFocus />
        </label>
        <label className="field">
          <span>Senha</span>
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <button type="submit" className="button" disabled={submitting || waitSeconds > 0}>
          Entrar
        </button>
      </form>
    </main>
  );
}
