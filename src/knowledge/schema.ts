import { z } from 'zod';

const id = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'ids are lower-case letters, digits, dots and dashes');
const nonEmpty = z.string().min(1);

/** Text in both reply languages: `zh` in mainland simplified Chinese (traditional is converted from it). */
export const LocalText = z.object({ zh: nonEmpty, en: nonEmpty }).strict();

/** The parts the Regulations ask every annual report to have, plus the title and anything else. */
export const SectionKind = z.enum(['title', 'overview', 'proactive', 'on-request', 'fees', 'review', 'problems', 'other']);

export const Section = z
  .object({
    id,
    title: nonEmpty.describe('the title exactly as written in the source'),
    titleEn: nonEmpty,
    parent: id.nullable(),
    origin: z.enum(['report', 'encyclopedia']).describe('encyclopedia sections were added by the page, not the report'),
    kind: SectionKind.optional().describe('the statutory part this section belongs to, as ingest read it from its title'),
    text: z.string().describe('the section body, verbatim from the source'),
  })
  .strict();

/**
 * Where a citizen asks for what the report does not hold: the body's contact for open-government
 * requests (office, phone, address, e-mail, website) in the report's own words, so replies that
 * cannot answer can point there and cite it. Absent when the report gives none: never invented.
 */
export const Contact = z
  .object({
    section: id,
    quote: nonEmpty.describe('verbatim excerpt of the section that gives the contact (… may join excerpts)'),
  })
  .strict();

export const Meta = z
  .object({
    id,
    title: LocalText,
    city: LocalText,
    region: LocalText,
    year: z.number().int().min(1900).max(2100),
    legalBasis: LocalText,
    scope: LocalText.describe('one sentence on what the report covers, used when a question falls outside it'),
    source: nonEmpty.describe('where the text comes from, for /source and README'),
    examples: z.object({ zh: z.array(nonEmpty).min(3), en: z.array(nonEmpty).min(3) }).strict(),
    contact: Contact.optional().describe("the body's contact for open-government requests as the report gives it; out-of-scope and unknown replies quote it"),
  })
  .strict();

export const Concept = z
  .object({
    id,
    zh: z.array(nonEmpty).default([]),
    en: z.array(nonEmpty).default([]).describe('English words or phrases; matched after stemming'),
    family: id.optional().describe('concepts of one family replace each other in follow-ups (website → other forms)'),
    generic: z
      .boolean()
      .default(false)
      .describe('a word that only shapes a question (多少, 哪些, 一共): alone it asks "which figure?"'),
  })
  .strict();

export const Fact = z
  .object({
    id,
    value: z.number(),
    approx: z.boolean().default(false),
    unit: z.object({ zh: z.string(), en: z.string() }).strict(),
    label: LocalText,
    section: id,
    quote: nonEmpty.describe('verbatim excerpt of the section that states the value'),
    source: z.string().optional().describe('how the value is written in the text when not in Arabic digits, e.g. 五個部分'),
    none: z.boolean().default(false).describe('a negation the report states (未收到申请, 没有收费): the reply quotes it instead of a number'),
    table: z.object({ row: nonEmpty, column: nonEmpty }).strict().optional().describe('the table cell this figure comes from, named as the table names its row and column'),
  })
  .strict();

export const ListItem = z.object({ zh: nonEmpty, en: nonEmpty }).strict();

export const List = z
  .object({ id, label: LocalText, section: id, quote: nonEmpty, items: z.array(ListItem).min(1) })
  .strict();

export const Derived = z
  .object({
    id,
    label: LocalText,
    op: z.enum(['ratio-percent', 'ratio', 'difference', 'sum', 'per-month']),
    args: z
      .array(id)
      .min(1)
      .describe('fact ids or earlier derived ids: ratio is args[0]/args[1], ratio-percent ×100, difference args[0]−args[1]−…, per-month args[0]/12 (a year\'s figure spread over its months)'),
    decimals: z.number().int().min(0).max(4).default(0),
    unit: z.object({ zh: z.string(), en: z.string() }).strict(),
  })
  .strict();

export const Cite = z.object({ section: id, quote: nonEmpty }).strict();

export const Intent = z
  .object({
    id,
    question: LocalText.describe('the canonical question, offered as a suggestion or clarify option'),
    match: z
      .object({
        all: z.array(z.array(id).min(1)).default([]).describe('each group: at least one of its concepts must be in the question'),
        weights: z.record(id, z.number().positive()).describe('concept → weight; the score is the sum of matched weights'),
        none: z.array(id).default([]).describe('concepts that rule this intent out'),
      })
      .strict(),
    reply: LocalText.describe('templates: {f:fact-id}, {d:derived-id}, {l:list-id} (numbered items), {n:list-id} (item count)'),
    cite: z.array(Cite).min(1),
    checks: id.optional().describe('the fact or derived figure an "is it N?" question is checked against'),
    surface: z
      .string()
      .optional()
      .describe('the report\'s own words for what the rule answers (mainland simplified); a question sharing more of their character pairs scores higher, so two figures known by the same concepts are told apart'),
    years: z.array(z.number().int()).default([]).describe('years other than the report year this rule itself speaks of (a 2010 report it mentions)'),
    suggest: z.array(id).default([]),
  })
  .strict();

export const Scope = z
  .object({
    places: z.array(Concept).describe('names of places the report covers'),
    otherPlaces: Concept.describe('places the report does not cover'),
    topics: z.array(Concept).describe('topics the report does not cover (weather, budgets, …)'),
    greetings: Concept,
    followUpMarkers: Concept.describe('words that mark a question as continuing the last topic'),
    yesNoMarkers: Concept.describe('words that make a question an "is it …?" question'),
    placeEndings: z
      .array(nonEmpty)
      .default([])
      .describe('endings of administrative names (镇, 街道, 局): a name so ending that the report never mentions is another place or body'),
    notPlaceStarts: z.array(nonEmpty).default([]).describe('characters no such name holds (各乡镇, 有几个旗县): a name is the longest run before its ending without them'),
    askMarkers: Concept.optional().describe('words that make a clause of a long message a question (多少, 吗, 想知道): the other clauses are context'),
    comparisons: z
      .array(Concept)
      .default([])
      .describe('words asking to compare two figures, one concept per operation: difference, ratio, share, which, equal, sum'),
    askedAttributes: z
      .array(
        z
          .object({
            id,
            zh: z.array(nonEmpty),
            en: z.array(nonEmpty),
            evidence: z.array(nonEmpty).describe('patterns (regular expressions) a reply template or quote holds when it gives this attribute'),
            what: LocalText.describe('how a reply names what the report does not give'),
          })
          .strict(),
      )
      .default([])
      .describe('what a question can ask for besides a figure (a date, names, a person): a rule whose reply does not hold it is no answer'),
    detailMarkers: Concept.optional().describe('words asking for more about the item just given (具体表现呢, 为什么): answered from the report text under that item'),
    operandJoints: Concept.optional().describe('words joining the two figures a comparison names (比, 和, than)'),
    splitMarkers: Concept.optional().describe('words asking how a figure the question restates splits up (分别, 各占, month by month): a breakdown, unless the report gives its parts'),
    selfIntroMarkers: Concept.optional().describe('words introducing the asker (我是, 住在, I live in): a place named after them is where the asker is from, not what is asked about'),
  })
  .strict();

/** A pack's own scope words: its places, and any words it adds to the domain's. */
export const PackScope = Scope.partial().required({ places: true }).strict();

/** A pack's lexicon.json: only what is its own; the domain lexicon supplies the shared vocabulary. */
export const PackLexicon = z.object({ concepts: z.array(Concept), scope: PackScope }).strict();

/** knowledge/domain/lexicon.json: the vocabulary every annual report shares, loaded beside every pack. */
export const DomainLexicon = z
  .object({ concepts: z.array(Concept), scope: Scope.omit({ places: true }) })
  .strict();

/** The whole knowledge of one report, as the engine consumes it. */
export const Knowledge = z
  .object({
    meta: Meta,
    sections: z.array(Section).min(1),
    facts: z.array(Fact),
    derived: z.array(Derived),
    lists: z.array(List),
    concepts: z.array(Concept),
    intents: z.array(Intent).min(1),
    scope: Scope,
  })
  .strict();

export type Knowledge = z.infer<typeof Knowledge>;
export type Contact = z.infer<typeof Contact>;
export type Section = z.infer<typeof Section>;
export type Fact = z.infer<typeof Fact>;
export type List = z.infer<typeof List>;
export type Derived = z.infer<typeof Derived>;
export type Concept = z.infer<typeof Concept>;
export type Intent = z.infer<typeof Intent>;
export type DomainLexicon = z.infer<typeof DomainLexicon>;
export type PackLexicon = z.infer<typeof PackLexicon>;
export type SectionKind = z.infer<typeof SectionKind>;

const TableColumn = z
  .object({ zh: nonEmpty, en: z.string(), default: z.boolean().default(false), group: nonEmpty.optional().describe('columns answered together (行政复议, 行政诉讼) when one data row holds several') })
  .strict();

/**
 * knowledge/domain/ingest.json: what every annual report shares that `ingest` reads it by: the
 * statutory parts and their words, units, Taiwan-style phrases, page chrome, negations and the
 * national format's tables (since 2019 every report fills the same ones).
 */
export const DomainIngest = z
  .object({
    sectionKinds: z.array(
      z.object({ kind: SectionKind, words: z.array(nonEmpty).min(1), en: nonEmpty, concepts: z.array(id).default([]).describe('domain concepts a question about this part uses; its figures weigh them higher') }).strict(),
    ),
    reportWords: z.array(nonEmpty).min(1).describe('words that make a line the title of such a report'),
    statutoryWords: z.array(nonEmpty).min(1).describe('a text with none of these is not such a report'),
    selfNames: z.array(nonEmpty).describe('how a body names itself (我局, 本镇): dropped from figure labels'),
    places: z.array(nonEmpty).describe('administrative units, to split a body name into its places'),
    bodySuffixes: z.array(nonEmpty).describe('endings of a body name that are not a place (人民政府, 办事处)'),
    units: z
      .array(z.object({ zh: nonEmpty, en: z.string(), scale: z.number().positive().optional(), as: nonEmpty.optional() }).strict())
      .describe('units a figure is counted in, longest first; `scale` and `as` turn 万人次 into 人次'),
    phrases: z.array(z.object({ from: nonEmpty, to: nonEmpty }).strict()).describe('Taiwan-style words and the mainland words people type'),
    chrome: z
      .object({
        lines: z.array(nonEmpty).describe('regular expressions of page lines that are not the report'),
        infoboxStart: z.array(nonEmpty),
        footerStart: z.array(nonEmpty),
      })
      .strict(),
    negations: z.array(nonEmpty).describe('regular expressions of clauses stating that nothing happened'),
    tables: z
      .array(
        z
          .object({
            id,
            marker: z.array(nonEmpty).min(1).describe('header cells that identify the table, each found in some header cell; "商业企业|商业" accepts either (a PDF wraps 商业企业 over two lines)'),
            columns: z.array(TableColumn).min(1).describe('its numeric columns in reading order'),
            row: LocalText.optional().describe('the row name when the table has one data row and no row label'),
            askedRow: z
              .array(nonEmpty)
              .optional()
              .describe('words of the row a question naming a column and no row asks for (本年新收: "企业申请了几件" asks for the applications received)'),
            columnGroups: z
              .array(z.object({ zh: nonEmpty, en: z.string(), columns: z.array(nonEmpty).min(2) }).strict())
              .default([])
              .describe('a header spanning several columns (法人或其他组织) the table gives no figure of its own for: each row\'s is the sum of its columns, by a declared formula'),
            unit: nonEmpty,
          })
          .strict(),
      )
      .describe('tables of the national format whose flattened header order differs from their columns'),
    tableHeaders: z.array(nonEmpty).describe('cells that are column headers, not row labels'),
    tableUnits: z.array(z.object({ words: z.array(nonEmpty).min(1), unit: nonEmpty }).strict()),
    headingEndings: z.array(nonEmpty).default([]).describe('last words of a heading followed by its text on the same line ("一、主动公开情况 全年…")'),
    listRoles: z
      .array(z.object({ concept: id, words: z.array(nonEmpty).min(1) }).strict())
      .default([])
      .describe('in a problems part, words that make a list its problems or its measures (checked in order)'),
    contactWords: z.array(nonEmpty).default([]).describe('words of a sentence that gives the body\'s contact (电话, 邮箱, 地址): it answers contact questions'),
    contactFields: z.array(nonEmpty).default([]).describe('concepts of one contact field each (phone, address, office hours): a question naming one is answered by that contact line only'),
    contactLeadWords: z
      .array(nonEmpty)
      .default([])
      .describe('words of the sentence just before a contact that names the office to turn to (联系, 受理): the pack\'s contact includes it'),
  })
  .strict();

export type DomainIngest = z.infer<typeof DomainIngest>;
