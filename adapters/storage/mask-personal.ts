/**
 * What a citizen may type that identifies them, and a question never needs: e-mail addresses and
 * long digit runs (phone, ID card and account numbers; the report's own figures are shorter).
 * Masked before the text is logged.
 */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** Seven or more digits, single spaces or hyphens allowed between them (138 0013 8000), an ID card's final X. */
const LONG_DIGITS = /\d(?:[ -]?\d){6,}[Xx]?/g;

/**
 * The question with e-mail addresses and runs of 7 or more digits replaced by a mark. EMAIL is
 * tried only on text with an @: on a long Chinese question it retries from every character (each
 * try runs to the end of the run of letters), which made masking a quarter of a request's CPU.
 */
export function maskPersonal(text: string): string {
  const masked = text.includes('@') ? text.replace(EMAIL, '[email]') : text;
  return masked.replace(LONG_DIGITS, '[number]');
}
