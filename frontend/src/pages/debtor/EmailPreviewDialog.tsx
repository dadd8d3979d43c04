import { useQuery } from '../../data';
import type { SendCollectionEmailInput } from '../../gql/graphql';
import { Dialog } from '../../ui/Dialog';
import { ErrorBanner, Loading } from '../../ui/Feedback';
import { previewCollectionEmailQuery } from './queries';

type Props = {
  input: SendCollectionEmailInput;
  onClose: () => void;
  /** `confirmed`: the preview showed the recent-contact warning, so sending needs no second question. */
  onSend: (confirmed: boolean) => void;
};

/** Exactly what "Enviar E-mail" would send (placeholders filled), with the API's warnings; sends nothing. */
export function EmailPreviewDialog({ input, onClose, onSend }: Props) {
  const result = useQuery(previewCollectionEmailQuery, { input });
  const preview = result.data?.previewCollectionEmail;
  const problems = preview?.errors ?? [];
  const recent = preview?.warnings.some((warning) => warning.code === 'RECENTLY_CONTACTED') ?? false;

  return (
    <Dialog title="Pré-visualização do e-mail" onClose={onClose} wide>
      <div className="stack">
        {result.error && <ErrorBanner message={result.error} onRetry={result.reload} />}
        {!preview && !result.error && <Loading>Montando o e-mail…</Loading>}
        {preview && (
          <>
            {preview.warnings.map((warning) => (
              <p key={warning.code} className="banner banner-warning" role="status">
                {warning.message}
              </p>
            ))}
            {problems.length > 0 && <ErrorBanner message={problems.map((problem) => problem.message).join('\n')} />}
            <dl className="email-meta">
              <div>
                <dt>Para</dt>
                <dd className="break">{preview.to.join(', ') || '—'}</dd>
              </div>
              <div>
                <dt>Assunto</dt>
                <dd>
                  <strong>{preview.subject ?? '—'}</strong>
                </dd>
              </div>
            </dl>
            {preview.html && (
              <iframe className="email-frame" title="Conteúdo do e-mail" sandbox="" srcDoc={preview.html} />
            )}
          </>
        )}
        <div className="form-actions">
          <button
            type="button"
            className="button"
            onClick={() => onSend(recent)}
            disabled={!preview || problems.length > 0}
          >
            {recent ? 'Enviar mesmo assim' : 'Enviar E-mail'}
          </button>
          <button type="button" className="button button-quiet" onClick={onClose}>
            Fechar
          </button>
        </div>
      </div>
    </Dialog>
  );
}
