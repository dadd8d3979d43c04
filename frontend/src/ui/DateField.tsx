// Dates and times typed as a Brazilian reads them, whatever the browser's language: a native
// <input type="date"> shows mm/dd/yyyy and "10:00 AM" in an English browser. These are text
// inputs with a mask (digits only; the slashes and the colon are put in as one types) that hand
// the form an ISO value ("2026-03-09", "14:30") once what was typed is a real date or time.
import { useState } from 'react';
import { Field } from './Field';

type Props = {
  label: string;
  /** ISO: yyyy-mm-dd for DateField, HH:MM for TimeField; '' when empty or not yet valid. */
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  className?: string;
  name?: string;
  required?: boolean;
  disabled?: boolean;
};

/** "09032026" or "09/03/2026" → "09/03/2026"; partial input keeps its partial mask. */
export function maskDate(typed: string): string {
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(typed); // pasted from a spreadsheet or the API
  if (iso) return `${iso[3]}/${iso[2]}/${iso[1]}`;
  const digits = typed.replace(/\D/g, '').slice(0, 8);
  if (digits.length <= 2) return digits;
  if (digits.length <= 4) return `${digits.slice(0, 2)}/${digits.slice(2)}`;
  return `${digits.slice(0, 2)}/${digits.slice(2, 4)}/${digits.slice(4)}`;
}

/** "09/03/2026" → "2026-03-09"; null unless it is a whole, real calendar date. */
export function parseDate(text: string): string | null {
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  if (!match) return null;
  const [, day, month, year] = match;
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  if (y < 1900 || m < 1 || m > 12 || d < 1) return null;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate(); // calendar arithmetic, no zone
  if (d > daysInMonth) return null;
  return `${year}-${month}-${day}`;
}

/** "1430" or "14:30" → "14:30". */
export function maskTime(typed: string): string {
  const digits = typed.replace(/\D/g, '').slice(0, 4);
  if (digits.length <= 2) return digits;
  return `${digits.slice(0, 2)}:${digits.slice(2)}`;
}

/** "14:30" → "14:30"; null unless 00:00–23:59. */
export function parseTime(text: string): string | null {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) return null;
  return text;
}

const isoToDateText = (iso: string) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : '';
};
const isoToTimeText = (iso: string) => (/^\d{2}:\d{2}/.test(iso) ? iso.slice(0, 5) : '');

type Kind = {
  mask: (typed: string) => string;
  parse: (text: string) => string | null;
  fromValue: (value: string) => string;
  placeholder: string;
  length: number;
  invalid: string;
};

const DATE: Kind = {
  mask: maskDate,
  parse: parseDate,
  fromValue: isoToDateText,
  placeholder: 'dd/mm/aaaa',
  length: 10,
  invalid: 'Data inválida: use dd/mm/aaaa (por exemplo 09/03/2026).',
};

const TIME: Kind = {
  mask: maskTime,
  parse: parseTime,
  fromValue: isoToTimeText,
  placeholder: 'hh:mm',
  length: 5,
  invalid: 'Hora inválida: use hh:mm, de 00:00 a 23:59.',
};

export function DateField(props: Props) {
  return <MaskedField kind={DATE} {...props} />;
}

export function TimeField(props: Props) {
  return <MaskedField kind={TIME} {...props} />;
}

function MaskedField({ kind, label, value, onChange, error, hint, className, name, required, disabled }: Props & { kind: Kind }) {
  const [text, setText] = useState(() => kind.fromValue(value));
  // The value `text` stands for: a different one came from outside (a reset, a preset).
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    setText(kind.fromValue(value));
  }

  function type(typed: string) {
    const next = kind.mask(typed);
    const parsed = kind.parse(next) ?? '';
    setText(next);
    setShownValue(parsed);
    onChange(parsed); // also while incomplete: the form may clear its error about the field
  }

  // What was typed and is not a date: said once it is complete, or when the form finds the field
  // wanting (not on blur: a message appearing then moves the button being clicked).
  const own = text && !kind.parse(text) && (text.length >= kind.length || error) ? kind.invalid : undefined;
  // The form's error was about the value shown then: typing something else takes it away.
  const theirs = text === kind.fromValue(value) ? error : undefined;
  return (
    <Field label={label} error={own ?? theirs} hint={hint} className={className}>
      {(control) => (
        <input
          {...control}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          className="input-masked"
          placeholder={kind.placeholder}
          maxLength={kind.length}
          name={name}
          required={required}
          disabled={disabled}
          value={text}
          onChange={(event) => type(event.target.value)}
        />
      )}
    </Field>
  );
}
