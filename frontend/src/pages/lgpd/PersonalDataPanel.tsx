import { type FormEvent, useState } from 'react';
import { useExecute } from '../../data';
import { ErrorBanner, FormErrors, SuccessNotice } from '../../ui/Feedback';
import { TextAreaField } from '../../ui/Field';
import { useSession } from '../../session';
import { anonymizeDebtorMutation, exportDebtorDataQuery } from './queries';

/**
 * Dados pessoais (LGPD) on Débitos do Cliente, for administrators: the debtor's data as a JSON
 * file (art. 18 II and V) and the anonymisation (arts. 16 and 18), refused by the API while
 * something is open.
 */
export function PersonalDataPanel({
  debtorId,
  anonymizedAt,
  onAnonymized,
}: {
  debtorId: string;
  anonymizedAt?: string | null;
  onAnonymized?: () => void;
}) {
  const { user } = useSession();
  const run = useExecute();
  const [exportError, setExportError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(anonymizedAt ? 'Os dados pessoais deste cliente já foram anonimizados.' : null);
  if (user.role !== 'ADMIN') return null;

  async function download() {
    setExportError(null);
    setExporting(true);
    try {
      const { exportDebtorData } = await run(exportDebtorDataQuery, { debtorId });
      if (exportDebtorData === null || exportDebtorData === undefined) {
        setExportError('Cliente não encontrado, ou fora das empresas que você pode ver.');
        return;
      }
      const url = URL.createObjectURL(new Blob([exportDebtorData], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `dados-pessoais-cliente-${debtorId}.json`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (failure) {
      setExportError((failure as Error).message);
    } finally {
      setExporting(false);
    }
  }

  function ask(event: FormEvent) {
    event.preventDefault();
    setErrors([]);
    if (!reason.trim()) {
      setErrors(['Informe o motivo (por exemplo, o pedido do titular e a data).']);
      return;
    }
    setConfirming(true);
  }

  async function anonymize() {
    setErrors([]);
    try {
      const { anonymizeDebtor } = await run(anonymizeDebtorMutation, { input: { debtorId, reason: reason.trim() } });
      if (anonymizeDebtor.errors.length) setErrors(anonymizeDebtor.errors.map((e) => e.message));
      else {
        setDone('Dados pessoais anonimizados. Valores, datas e pagamentos foram mantidos.');
        setAsking(false);
        onAnonymized?.();
      }
    } catch (failure) {
      setErrors([(failure as Error).message]);
    } finally {
      setConfirming(false);
    }
  }

  return (
    <section className="section personal-data" aria-labelledby="personal-data-title">
      <h2 id="personal-data-title">Dados pessoais (LGPD)</h2>
      {done && <SuccessNotice>{done}</SuccessNotice>}
      {exportError && <ErrorBanner message={exportError} />}
      <div className="form-actions">
        <button type="button" className="button button-quiet" onClick={download} disabled={exporting}>
          {exporting ? 'Exportando…' : 'Exportar dados (JSON)'}
        </button>
        {!asking && !done && (
          <button type="button" className="button button-quiet" onClick={() => (setAsking(true), setErrors([]))}>
            Anonimizar
          </button>
        )}
      </div>
      {asking && (
        <form aria-label="Anonimizar dados pessoais" onSubmit={ask}>
          <p>
            Nome, documento, contatos, endereço e o conteúdo dos e-mails serão substituídos para sempre; valores, datas e
            pagamentos ficam. Só é possível quando nada está em aberto.
          </p>
          <FormErrors messages={errors} />
          <TextAreaField
            label="Motivo da anonimização"
            value={reason}
            rows={2}
            onChange={(e) => (setReason(e.target.value), setConfirming(false))}
          />
          <div className="form-actions">
            {confirming ? (
              <>
                <button type="button" className="button button-danger" onClick={anonymize}>
                  Confirmar anonimização
                </button>
                <button type="button" className="button button-quiet" onClick={() => setConfirming(false)}>
                  Voltar
                </button>
              </>
            ) : (
              <>
                <button type="submit" className="button">
                  Anonimizar dados
                </button>
                <button type="button" className="button button-quiet" onClick={() => (setAsking(false), setErrors([]))}>
                  Cancelar
                </button>
              </>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
