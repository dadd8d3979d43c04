import { type FormEvent, useRef, useState } from 'react';
import { type UserError, useExecute } from '../../data';
import type { CollectionStepRowFragment, EmailTemplateRowFragment } from './gql/graphql';
import { formatMoneyInput, parseMoneyInput } from '../../money';
import { Empty, FormErrors, SuccessNotice } from '../../ui/Feedback';
import { MoneyField, SelectField, TextField } from '../../ui/Field';
import { Section } from '../../ui/Section';
import { stepDescription, stepLabel } from './preview';
import { saveCollectionStepsMutation } from './queries';

type Row = { key: number; days: string; templateId: string; enabled: boolean; minimum: string };
type RowErrors = Partial<Record<'days' | 'templateId' | 'minimumOpenAmount', string>>;
type Errors = { rows: RowErrors[]; general: string[] };

const NONE: Errors = { rows: [], general: [] };
const MAX_STEPS = 20;

let nextKey = 1;

function rowOf(step: CollectionStepRowFragment): Row {
  return {
    key: nextKey++,
    days: String(step.days),
    templateId: step.templateId,
    enabled: step.enabled,
    minimum: formatMoneyInput(step.minimumOpenAmount),
  };
}

/** What the form can tell before asking the server, in Portuguese, row by row. */
export function checkRows(rows: readonly Row[]): Errors {
  const errors: Errors = { rows: rows.map(() => ({})), general: [] };
  const seen = new Map<number, number>();
  rows.forEach((row, index) => {
    const problems = errors.rows[index]!;
    const text = row.days.trim();
    if (!/^[+-]?\d+$/.test(text)) {
      problems.days = 'Informe os dias em número inteiro (negativo: antes do vencimento).';
    } else {
      const days = Number(text);
      if (days < -60 || days > 365) problems.days = 'Os dias devem estar entre -60 e 365.';
      else if (seen.has(days)) problems.days = `O passo ${seen.get(days)! + 1} já usa ${stepLabel(days)}.`;
      else seen.set(days, index);
    }
    if (!row.templateId) problems.templateId = 'Escolha o modelo de e-mail do passo.';
    const minimum = row.minimum.trim() === '' ? { ok: true as const } : parseMoneyInput(row.minimum);
    if (!minimum.ok) problems.minimumOpenAmount = minimum.message;
  });
  if (rows.length > MAX_STEPS) errors.general.push(`A régua pode ter no máximo ${MAX_STEPS} passos.`);
  return errors;
}

/** The server's errors placed on their rows: ["input", "steps", "2", "templateId"] → row 2. */
export function placeErrors(errors: readonly UserError[], count: number): Errors {
  const placed: Errors = { rows: Array.from({ length: count }, () => ({})), general: [] };
  for (const error of errors) {
    const path = (error.field ?? []).filter((part, index) => !(index === 0 && part === 'input'));
    const index = Number(path[1]);
    const field = path[2];
    if (
      path[0] === 'steps' &&
      Number.isInteger(index) &&
      index < count &&
      (field === 'days' || field === 'templateId' || field === 'minimumOpenAmount')
    ) {
      const row = placed.rows[index]!;
      row[field] = row[field] ? `${row[field]} ${error.message}` : error.message;
    } else {
      placed.general.push(error.message);
    }
  }
  return placed;
}

function hasAny(errors: Errors): boolean {
  return errors.general.length > 0 || errors.rows.some((row) => Object.keys(row).length > 0);
}

type Props = {
  companyId: string;
  steps: readonly CollectionStepRowFragment[];
  templates: readonly EmailTemplateRowFragment[];
  readOnly: boolean;
  onSaved: (steps: CollectionStepRowFragment[]) => void;
};

/** Passos da régua: days relative to the due date, template, on/off, minimum open amount. */
export function StepsEditor({ companyId, steps, templates, readOnly, onSaved }: Props) {
  const run = useExecute();
  const [rows, setRows] = useState<Row[]>(() => steps.map(rowOf));
  const [errors, setErrors] = useState<Errors>(NONE);
  const [notice, setNotice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const busy = useRef(false);
  const list = useRef<HTMLOListElement>(null);
  const defaultTemplate = templates.find((template) => template.isDefault) ?? templates[0];

  function change(key: number, patch: Partial<Row>) {
    setNotice(null);
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  }

  function add() {
    setNotice(null);
    const used = rows.map((row) => Number(row.days)).filter(Number.isFinite);
    const days = used.length > 0 ? Math.min(365, Math.max(...used) + 7) : 0;
    setRows((current) => [
      ...current,
      { key: nextKey++, days: String(days), templateId: defaultTemplate?.id ?? '', enabled: true, minimum: '0,00' },
    ]);
    requestAnimationFrame(() => list.current?.querySelector<HTMLInputElement>('li:last-child input')?.focus());
  }

  function remove(key: number) {
    setNotice(null);
    setErrors(NONE);
    setRows((current) => current.filter((row) => row.key !== key));
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (busy.current) return;
    setNotice(null);
    const local = checkRows(rows);
    setErrors(local);
    if (hasAny(local)) return;
    busy.current = true;
    setSaving(true);
    try {
      const { saveCollectionSteps: result } = await run(saveCollectionStepsMutation, {
        input: {
          companyId,
          steps: rows.map((row) => {
            const minimum = parseMoneyInput(row.minimum);
            return {
              days: Number(row.days.trim()),
              templateId: row.templateId,
              enabled: row.enabled,
              minimumOpenAmount: minimum.ok ? minimum.value : '0.00',
            };
          }),
        },
      });
      if (result.errors.length > 0 || !result.steps) {
        setErrors(placeErrors(result.errors, rows.length));
        return;
      }
      setRows(result.steps.map(rowOf));
      setErrors(NONE);
      setNotice(
        result.steps.length === 0
          ? 'Régua salva sem passos: nenhum e-mail automático será enviado por esta empresa.'
          : `Régua salva com ${result.steps.length} ${result.steps.length === 1 ? 'passo' : 'passos'}.`,
      );
      onSaved(result.steps);
    } catch (failure) {
      setErrors({ rows: [], general: [(failure as Error).message] });
    } finally {
      busy.current = false;
      setSaving(false);
    }
  }

  return (
    <Section title="Passos da régua" count={rows.length}>
      <form onSubmit={save} noValidate aria-label="Passos da régua" className="stack">
        <p className="muted">
          Cada passo envia, no dia indicado em relação ao vencimento, um único e-mail por cliente com todos os
          lançamentos que chegaram a ele. Dias negativos: antes do vencimento.
        </p>
        {rows.length === 0 ? (
          <Empty>Nenhum passo: a régua desta empresa não envia e-mails.</Empty>
        ) : (
          <ol className="regua-steps" ref={list}>
            {rows.map((row, index) => {
              const problems = errors.rows[index] ?? {};
              const days = Number(row.days);
              const named = /^[+-]?\d+$/.test(row.days.trim()) ? stepLabel(days) : '';
              return (
                <li key={row.key} className="regua-step">
                  <fieldset disabled={readOnly} className="plain">
                    <legend>
                      Passo {index + 1}
                      {named && <span className="badge badge-info regua-step-label">{named}</span>}
                      {!row.enabled && <span className="badge badge-muted">Desligado</span>}
                    </legend>
                    <div className="regua-step-fields">
                      <TextField
                        label="Dias do vencimento"
                        name={`days-${index}`}
                        inputMode="numeric"
                        value={row.days}
                        hint={named ? stepDescription(days) : 'Ex.: -3, 0, 3, 10, 30'}
                        error={problems.days}
                        onChange={(event) => change(row.key, { days: event.target.value })}
                      />
                      <SelectField
                        label="Modelo de e-mail"
                        name={`template-${index}`}
                        value={row.templateId}
                        error={problems.templateId}
                        onChange={(event) => change(row.key, { templateId: event.target.value })}
                      >
                        {!templates.some((template) => template.id === row.templateId) && (
                          <option value="">Escolha o modelo</option>
                        )}
                        {templates.map((template) => (
                          <option key={template.id} value={template.id}>
                            {template.name}
                          </option>
                        ))}
                      </SelectField>
                      <MoneyField
                        label="Valor mínimo em aberto (R$)"
                        name={`minimum-${index}`}
                        value={row.minimum}
                        error={problems.minimumOpenAmount}
                        onChange={(text) => change(row.key, { minimum: text })}
                      />
                      <label className="check check-field">
                        <input
                          type="checkbox"
                          checked={row.enabled}
                          onChange={(event) => change(row.key, { enabled: event.target.checked })}
                        />
                        Passo ligado
                      </label>
                    </div>
                    {!readOnly && (
                      <button
                        type="button"
                        className="button button-quiet button-small"
                        onClick={() => remove(row.key)}
                        aria-label={`Remover passo ${index + 1}${named ? ` (${named})` : ''}`}
                      >
                        Remover
                      </button>
                    )}
                  </fieldset>
                </li>
              );
            })}
          </ol>
        )}
        <FormErrors messages={errors.general} />
        {notice && <SuccessNotice>{notice}</SuccessNotice>}
        {!readOnly && (
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={saving}>
              {saving ? 'Salvando…' : 'Salvar régua'}
            </button>
            <button
              type="button"
              className="button button-quiet"
              onClick={add}
              disabled={saving || rows.length >= MAX_STEPS || templates.length === 0}
            >
              Adicionar passo
            </button>
          </div>
        )}
      </form>
    </Section>
  );
}
