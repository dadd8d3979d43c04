// Labelled form controls with a hint and an error wired to the control for screen readers.
import { type ComponentProps, type ReactNode, useId } from 'react';
import { formatMoneyInput, parseMoneyInput } from '../money';

export type ControlProps = {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
};

type FieldProps = {
  label: string;
  error?: string;
  hint?: string;
  className?: string;
  children: (control: ControlProps) => ReactNode;
};

export function Field({ label, error, hint, className, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint && (
        <small className="field-hint" id={hintId}>
          {hint}
        </small>
      )}
      {error && (
        <small className="field-error" id={errorId}>
          {error}
        </small>
      )}
    </div>
  );
}

type Common = { label: string; error?: string; hint?: string; className?: string };

export function TextField({ label, error, hint, className, ...input }: Common & ComponentProps<'input'>) {
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {(control) => <input {...input} {...control} />}
    </Field>
  );
}

export function SelectField({ label, error, hint, className, children, ...select }: Common & ComponentProps<'select'>) {
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {(control) => (
        <select {...select} {...control}>
          {children}
        </select>
      )}
    </Field>
  );
}

export function TextAreaField({ label, error, hint, className, ...textarea }: Common & ComponentProps<'textarea'>) {
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {(control) => <textarea {...textarea} {...control} />}
    </Field>
  );
}

type MoneyFieldProps = Common & {
  /** What the user typed, e.g. "1.234,56"; parse it with parseMoneyInput on submit. */
  value: string;
  onChange: (text: string) => void;
  name?: string;
  required?: boolean;
  disabled?: boolean;
};

/** A money input in Brazilian notation; tidies what was typed ("1234,5" → "1.234,50") on blur. */
export function MoneyField({ value, onChange, name, required, disabled, ...field }: MoneyFieldProps) {
  return (
    <Field {...field}>
      {(control) => (
        <input
          {...control}
          className="input-money"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          placeholder="0,00"
          name={name}
          required={required}
          disabled={disabled}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onBlur={() => {
            const parsed = parseMoneyInput(value);
            if (parsed.ok) onChange(formatMoneyInput(parsed.value));
          }}
        />
      )}
    </Field>
  );
}
