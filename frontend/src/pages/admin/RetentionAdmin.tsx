import { type FormEvent, useState } from 'react';
import { useExecute, useQuery } from '../../data';
import type { AdminRetentionQuery } from '../../gql/graphql';
import { Empty, ErrorBanner, FormErrors, Loading, SuccessNotice } from '../../ui/Feedback';
import { TextField } from '../../ui/Field';
import { adminRetentionQuery, setDataRetentionMutation } from './webhookQueries';

type Company = AdminRetentionQuery['companies'][number];

/** Dados pessoais (LGPD): each company's retention period (days, or kept until someone asks). */
export function RetentionAdmin() {
  const result = useQuery(adminRetentionQuery);
  const [notice, setNotice] = useState<string | null>(null);
  if (result.error && !result.data) return <ErrorBanner message={result.error} onRetry={result.reload} />;
  if (!result.data) return <Loading />;
  const companies = result.data.companies;
  return (
    <>
      <p>
        Depois do prazo de retenção, os clientes quitados e sem movimento têm os dados pessoais anonimizados
        automaticamente (nomes, documentos, contatos e endereços); valores e datas ficam, pela escrituração. Sem prazo, os
        dados ficam até que o titular peça a anonimização (na tela Débitos do Cliente).
      </p>
      {notice && <SuccessNotice>{notice}</SuccessNotice>}
      {companies.length === 0 && <Empty>Nenhuma empresa cadastrada.</Empty>}
      <ul className="admin-cards">
        {companies.map((company) => (
          <RetentionCard key={`${company.id}-${company.retentionDays ?? ''}`} company={company} onSaved={(message) => (setNotice(message), result.reload())} />
        ))}
      </ul>
    </>
  );
}

function RetentionCard({ company, onSaved }: { company: Company; onSaved: (message: string) => void }) {
  const run = useExecute();
  const [days, setDays] = useState(company.retentionDays === null || company.retentionDays === undefined ? '' : String(company.retentionDays));
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  async function save(value: number | null) {
    setErrors([]);
    setBusy(true);
    try {
      const { setDataRetention } = await run(setDataRetentionMutation, { input: { companyId: company.id, days: value } });
      if (setDataRetention.errors.length) setErrors(setDataRetention.errors.map((e) => e.message));
      else
        onSaved(
          value === null
            ? `${company.name}: dados pessoais mantidos sem prazo.`
            : `${company.name}: dados pessoais anonimizados após ${value} dias sem movimento.`,
        );
    } catch (failure) {
      setErrors([(failure as Error).message]);
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const text = days.trim();
    if (text === '') return void save(null);
    if (!/^\d+$/.test(text)) {
      setErrors(['Informe o prazo em dias (só números), ou deixe em branco para não ter prazo.']);
      return;
    }
    void save(Number(text));
  }

  return (
    <li className="admin-card">
      <form aria-label={`Retenção de ${company.name}`} onSubmit={submit}>
        <strong>{company.name}</strong>
        <p>
          {company.retentionDays ? `Prazo atual: ${company.retentionDays} dias.` : 'Prazo atual: sem prazo (desligado).'}
        </p>
        <FormErrors messages={errors} />
        <TextField
          label={`Prazo de retenção de ${company.name} (dias)`}
          hint="De 30 a 36.500 dias; em branco: sem prazo."
          inputMode="numeric"
          value={days}
          onChange={(e) => setDays(e.target.value)}
        />
        <div className="form-actions">
          <button type="submit" className="button button-small" disabled={busy}>
            Salvar prazo
          </button>
          {company.retentionDays !== null && company.retentionDays !== undefined && (
            <button type="button" className="button button-quiet button-small" disabled={busy} onClick={() => save(null)}>
              Desligar retenção
            </button>
          )}
        </div>
      </form>
    </li>
  );
}
