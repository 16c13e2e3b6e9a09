import type { Contact, DomainIngest } from '../knowledge/schema.js';
import { simplify } from '../text/script.js';
import type { DraftSection } from './sections.js';
import { isTableLine } from './sentences.js';

/** At most this many pieces (office, address, phone, e-mail, website, postcode) make the contact. */
const MAX_PIECES = 6;

const ADDRESS = /[\w.-]+@[\w-]+\.[\w.]+|https?:\/\/|www\./i;

type Words = Pick<DomainIngest, 'contactWords' | 'contactLeadWords'>;

/** A sentence of the report that mentions a contact word (电话, 邮箱, 地址…). */
export const mentionsContact = (text: string, d: Pick<DomainIngest, 'contactWords'>) => d.contactWords.some((w) => simplify(text).includes(w));

/**
 * A piece of text that gives a contact, not one that only mentions a way of asking ("通过电话、来访"):
 * a contact word followed by a colon (联系电话：…, 地址：…), or an e-mail or web address.
 */
export function givesContact(text: string, d: Pick<DomainIngest, 'contactWords'>): boolean {
  const s = simplify(text);
  return d.contactWords.some((w) => s.includes(`${w}：`) || s.includes(`${w}:`)) || ADDRESS.test(s);
}

interface Piece {
  section: DraftSection;
  line: number;
  text: string;
}

/**
 * Clauses of a section's text lines, cut after 。；！？ and at line ends, with no minimum length: a
 * contact is often a line of its own as short as "电话：0000-1234567".
 */
export function piecesOf(section: DraftSection): Piece[] {
  return section.lines
    .filter((l) => !isTableLine(l.text))
    .flatMap((l) => [...l.text.matchAll(/[^。；;！!？?]+[。；;！!？?]*/g)].map((m) => ({ section, line: l.line, text: m[0].trim() })))
    .filter((p) => p.text.length > 0);
}

/**
 * The body's contact as the report gives it, for the pack's meta: the first piece of text that
 * gives one, the pieces right after it that give more, and the piece just before that names the
 * office to turn to ("可与…办公室联系。"), all from one section and quoted verbatim (pieces on
 * different lines joined by …). None when the report gives no contact: replies then say nothing of
 * one rather than invent it.
 */
export function findContact(sections: DraftSection[], d: Words): Contact | undefined {
  for (const section of sections) {
    const pieces = piecesOf(section);
    const first = pieces.findIndex((p) => givesContact(p.text, d));
    if (first < 0) continue;
    const before = pieces[first - 1];
    const from = before && d.contactLeadWords.some((w) => simplify(before.text).includes(w)) ? first - 1 : first;
    let to = first;
    while (to + 1 - from < MAX_PIECES && givesContact(pieces[to + 1]?.text ?? '', d)) to++;
    const chosen = pieces.slice(from, to + 1);
    const quote = chosen.map((p, i) => (i > 0 && chosen[i - 1]?.line !== p.line ? `…${p.text}` : p.text)).join('');
    // Pieces of one line were trimmed: where that changed the text, join them by … as well.
    const verbatim = quote.split('…').every((part) => section.lines.some((l) => l.text.includes(part)));
    return { section: section.id, quote: verbatim ? quote : chosen.map((p) => p.text).join('…') };
  }
  return undefined;
}
