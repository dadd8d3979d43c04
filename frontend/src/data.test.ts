import { describe, expect, it } from 'vitest';
import { formErrors, newIdempotencyKey } from './data';

describe('formErrors', () => {
  it('places errors by their path without "input", the rest in general', () => {
    const errors = formErrors(
      [
        { field: ['input', 'address', 'postalCode'], code: 'INVALID_POSTAL_CODE', message: 'CEP inválido.' },
        { field: ['input', 'email'], code: 'INVALID_EMAIL', message: 'E-mail inválido.' },
        { field: ['input', 'email'], code: 'TOO_LONG', message: 'Longo demais.' },
        { field: ['input', 'id'], code: 'NOT_FOUND', message: 'Cliente não encontrado.' },
        { field: null, code: 'FORBIDDEN', message: 'Sem permissão.' },
      ],
      ['address.postalCode', 'email'],
    );
    expect(errors).toEqual({
      fields: { 'address.postalCode': 'CEP inválido.', email: 'E-mail inválido. Longo demais.' },
      general: ['Cliente não encontrado.', 'Sem permissão.'],
    });
  });
});

describe('newIdempotencyKey', () => {
  it('is 128 random bits in hex, different every time', () => {
    const keys = new Set(Array.from({ length: 100 }, newIdempotencyKey));
    expect(keys.size).toBe(100);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{32}$/);
  });
});
