/** Forma de pagamento: the label people read → the code the API keeps. */
export const PAYMENT_METHODS = [
  { value: 'PIX', label: 'PIX' },
  { value: 'BOLETO', label: 'Boleto' },
  { value: 'TRANSFER', label: 'Transferência' },
  { value: 'CASH', label: 'Dinheiro' },
  { value: 'CARD', label: 'Cartão' },
  { value: 'CHECK', label: 'Cheque' },
  { value: 'OTHER', label: 'Outro' },
] as const;

export type PaymentMethod = (typeof PAYMENT_METHODS)[number]['value'];

/** A stored method as a label; a code from another system is shown as it came. */
export function paymentMethodLabel(method: string | null | undefined): string {
  if (!method) return '—';
  return PAYMENT_METHODS.find((option) => option.value === method)?.label ?? method;
}
