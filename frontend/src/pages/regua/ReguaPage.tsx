import './regua.css';
import { useState } from 'react';
import { useQuery } from '../../data';
import type { ReguaQuery } from './gql/graphql';
import { Page } from '../../Page';
import { navigate, useLocation } from '../../router';
import { useSession } from '../../session';
import { Empty, ErrorBanner, Loading } from '../../ui/Feedback';
import { SelectField } from '../../ui/Field';
import { reguaQuery } from './queries';
import { StepsEditor } from './StepsEditor';
import { TemplatesSection } from './TemplatesSection';
import { TomorrowPlan } from './TomorrowPlan';

type Company = ReguaQuery['companies'][number];

/** Only who may change data edits the régua (the API refuses the others as well). */
export function canEditRegua(user: { role?: string | null }): boolean {
  return user.role === 'ADMIN' || user.role === 'COLLECTOR';
}

/** Régua de cobrança: per company, the steps, the e-mail templates and tomorrow's plan. */
export function ReguaPage() {
  const { user } = useSession();
  const { query } = useLocation();
  const result = useQuery(reguaQuery);
  // Bumped when the steps are saved: the plan depends on them.
  const [stepsVersion, setStepsVersion] = useState(0);
  const readOnly = !canEditRegua(user);

  if (!result.data) {
    return (
      <Page title="Régua de cobrança">
        {result.error ? <ErrorBanner message={result.error} onRetry={result.reload} /> : <Loading />}
      </Page>
    );
  }
  const { companies, emailPlaceholders } = result.data;
  if (companies.length === 0) {
    return (
      <Page title="Régua de cobrança">
        <Empty>Nenhuma empresa ao seu alcance.</Empty>
      </Page>
    );
  }
  const requested = query.get('empresa');
  const company = companies.find((c) => c.id === requested) ?? companies[0]!;

  function patch(change: (company: Company) => Company) {
    result.update((data) => ({
      ...data,
      companies: data.companies.map((c) => (c.id === company.id ? change(c) : c)),
    }));
  }

  return (
    <Page title="Régua de cobrança" tabTitle={`Régua de cobrança — ${company.name}`}>
      {result.error && <ErrorBanner message={result.error} onRetry={result.reload} />}
      <div className="regua-company">
        {companies.length > 1 ? (
          <SelectField
            label="Empresa"
            name="empresa"
            value={company.id}
            onChange={(event) => navigate({ name: 'regua' }, { empresa: event.target.value })}
          >
            {companies.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
        ) : (
          <p className="page-subtitle">
            <strong>{company.name}</strong>
          </p>
        )}
        {readOnly && <p className="banner banner-info">Acesso somente leitura: você vê a régua, mas não a altera.</p>}
      </div>
      <StepsEditor
        key={`steps-${company.id}`}
        companyId={company.id}
        steps={company.collectionSteps}
        templates={company.emailTemplates}
        readOnly={readOnly}
        onSaved={(steps) => {
          patch((c) => ({ ...c, collectionSteps: steps }));
          setStepsVersion((v) => v + 1);
        }}
      />
      <TemplatesSection
        key={`templates-${company.id}`}
        companyId={company.id}
        companyName={company.name}
        templates={company.emailTemplates}
        placeholders={emailPlaceholders}
        readOnly={readOnly}
        onChange={(emailTemplates) => patch((c) => ({ ...c, emailTemplates }))}
      />
      <TomorrowPlan key={`plan-${company.id}`} companyId={company.id} today={company.today} version={stepsVersion} />
    </Page>
  );
}
