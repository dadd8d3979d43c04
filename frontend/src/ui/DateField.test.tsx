import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { DateField, TimeField, maskDate, maskTime, parseDate, parseTime } from './DateField';

describe('dates and times as a Brazilian reads them', () => {
  it('masks and checks what is typed', () => {
    expect(maskDate('0903')).toBe('09/03');
    expect(maskDate('09032026')).toBe('09/03/2026');
    expect(maskDate('09/03/2026x')).toBe('09/03/2026');
    expect(maskDate('2026-03-09')).toBe('09/03/2026');
    expect(parseDate('09/03/2026')).toBe('2026-03-09');
    expect(parseDate('29/02/2028')).toBe('2028-02-29');
    expect(parseDate('29/02/2026')).toBeNull();
    expect(parseDate('31/04/2026')).toBeNull();
    expect(parseDate('09/13/2026')).toBeNull();
    expect(parseDate('09/03/26')).toBeNull();
    expect(maskTime('1430')).toBe('14:30');
    expect(parseTime('23:59')).toBe('23:59');
    expect(parseTime('24:00')).toBeNull();
    expect(parseTime('10:60')).toBeNull();
  });

  it('hands the form an ISO value only once it is a real date, and says what is wrong', async () => {
    const seen: string[] = [];
    function Form() {
      const [date, setDate] = useState('2026-12-04');
      const [time, setTime] = useState('');
      return (
        <>
          <DateField label="Data" value={date} onChange={(v) => {
              seen.push(v);
              setDate(v);
            }} />
          <TimeField label="Hora" value={time} onChange={setTime} />
          <output>{`${date}|${time}`}</output>
          <button type="button" onClick={() => setDate('2027-01-02')}>
            Outra
          </button>
        </>
      );
    }
    const user = userEvent.setup();
    render(<Form />);
    const date = screen.getByLabelText('Data') as HTMLInputElement;
    expect(date.value).toBe('04/12/2026');
    expect(date.type).toBe('text');
    await user.clear(date);
    await user.type(date, '31022026');
    expect(date.value).toBe('31/02/2026');
    expect(screen.getByText(/Data inválida: use dd\/mm\/aaaa/)).toBeTruthy();
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('status').textContent).toBe('|');
    await user.clear(date);
    await user.type(date, '28022026');
    expect(screen.queryByText(/Data inválida/)).toBeNull();
    await user.type(screen.getByLabelText('Hora'), '0905');
    expect(screen.getByRole('status').textContent).toBe('2026-02-28|09:05');
    expect(seen.at(-1)).toBe('2026-02-28');
    // A value set from outside (a reset, a preset) shows as typed text.
    await user.click(screen.getByRole('button', { name: 'Outra' }));
    expect(date.value).toBe('02/01/2027');
  });
});
