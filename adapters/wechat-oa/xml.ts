import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * Values stay strings: a MsgId is a 64-bit number that a JavaScript number would round, and a
 * CreateTime or AgentID is only compared. Attributes never occur in the platform's XML.
 */
const parser = new XMLParser({ parseTagValue: false, ignoreAttributes: true, trimValues: true });
const builder = new XMLBuilder({ cdataPropName: '__cdata' });

/** Why refused: the platform never sends a DTD, and one could declare entities that expand without bound. */
const DTD = /<!(DOCTYPE|ENTITY)/i;

/**
 * The children of the `<xml>` root, or undefined when the body is not well-formed XML with that
 * root. Values are whatever the parser read (strings, or arrays and objects for repeated and
 * nested elements); callers check the fields they use.
 */
export function parseXml(body: string): Record<string, unknown> | undefined {
  if (DTD.test(body) || XMLValidator.validate(body) !== true) return undefined;
  const root: unknown = (parser.parse(body) as { xml?: unknown }).xml;
  return typeof root === 'object' && root !== null && !Array.isArray(root) ? (root as Record<string, unknown>) : undefined;
}

/** One field of a reply: text goes in CDATA (the builder splits a `]]>` inside), numbers bare, as the platform's examples do. */
export type XmlField = string | number;

/** A reply document `<xml>…</xml>` with the fields in the given order. */
export function buildXml(fields: Record<string, XmlField>): string {
  const children = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === 'number' ? v : { __cdata: v }]));
  return builder.build({ xml: children }) as string;
}
