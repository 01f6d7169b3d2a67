/** +79161234567 → +7 916 123-45-67 (Russian numbers); anything else as stored. */
export function formatPhone(e164: string | null | undefined): string {
  if (!e164) return '';
  const m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  return m ? `+7 ${m[1]} ${m[2]}-${m[3]}-${m[4]}` : e164;
}

/** Digits worth asking the duplicate check about (a phone being typed is checked once it looks whole). */
export function phoneLooksComplete(raw: string): boolean {
  return raw.replace(/\D/g, '').length >= 10;
}

export function emailLooksComplete(raw: string): boolean {
  return /^[^@\s]+@[^@\s]+\.[^@\s]{2,}$/.test(raw.trim());
}

export function innLooksComplete(raw: string): boolean {
  const digits = raw.replace(/\D/g, '');
  return digits.length === 10 || digits.length === 12;
}
