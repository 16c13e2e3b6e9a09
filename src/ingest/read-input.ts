import { Parser } from 'htmlparser2';
import { IngestError } from './ingest-error.js';

/** A 10-page report is about 30 KB of text; anything far larger is not one. */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024;

const BLOCK = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'table', 'tbody', 'thead', 'tr', 'blockquote', 'pre', 'hr', 'dd', 'dt', 'center']);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'iframe', 'svg', 'select', 'button', 'form']);
const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'area', 'base', 'col', 'embed', 'source', 'track', 'wbr']);
/** class or id words of page furniture in government site templates. */
const FURNITURE = /(^|[\s_-])(nav|navbar|menu|footer|foot|header|head|top|breadcrumb|crumbs?|position|location|sidebar|side|share|copyright|banner|toolbar|search)([\s_-]|$)/i;

/** The page's text with blocks on their own lines and table cells separated by " | ", and its <title>. */
export function htmlToText(html: string): { text: string; title: string | undefined } {
  let out = '';
  let title = '';
  let inTitle = false;
  const stack: { name: string; skip: boolean }[] = [];
  const skipping = () => stack.some((s) => s.skip);
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const furniture = FURNITURE.test(`${attrs.class ?? ''} ${attrs.id ?? ''}`);
        if (!VOID.has(name)) stack.push({ name, skip: SKIP.has(name) || furniture });
        if (name === 'title') inTitle = true;
        if (skipping()) return;
        if (BLOCK.has(name)) out += '\n';
        if (name === 'td' || name === 'th') out += ' | ';
      },
      ontext(text) {
        if (inTitle) title += text;
        else if (!skipping() && !stack.some((s) => s.name === 'head')) out += text.replace(/[ \t\r\n]+/g, ' ');
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (VOID.has(name)) return;
        const at = stack.map((s) => s.name).lastIndexOf(name);
        if (at >= 0) stack.splice(at);
        if (!skipping() && BLOCK.has(name)) out += '\n';
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  const text = out
    .split('\n')
    .map((l) => l.replace(/\u00a0/g, ' ').trim())
    .join('\n');
  return { text, title: title.trim() || undefined };
}

const looksLikeHtml = (text: string) => /^\s*(<!doctype html|<html|<head|<body|<meta|<div|<p[\s>])/i.test(text) || (text.match(/<\/?(p|div|td|tr|span|br)\b/gi)?.length ?? 0) > 10;

/**
 * The report's text from a file's bytes: UTF-8 (or GB18030, which older Chinese sites still save),
 * HTML turned into lines. Refuses, with a reason, what cannot be a report: nothing, a binary file,
 * a file too large to be one.
 */
export function readInput(bytes: Uint8Array): { text: string; html: boolean; title: string | undefined } {
  if (bytes.length === 0) throw new IngestError('the file is empty');
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new IngestError(`the file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; an annual report's text is far smaller (at most ${MAX_INPUT_BYTES / 1024 / 1024} MB)`);
  }
  if (bytes.includes(0)) throw new IngestError('the file is binary (it has NUL bytes), not text or HTML: save the report as UTF-8 text or HTML');
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      raw = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw new IngestError('the file is neither UTF-8 nor GB18030 text: save the report as UTF-8 text or HTML');
    }
  }
  raw = raw.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  // eslint-disable-next-line no-control-regex
  const control = raw.match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  if (control > raw.length / 100) throw new IngestError('the file is binary (full of control characters), not text or HTML');
  if (!looksLikeHtml(raw)) return { text: raw, html: false, title: undefined };
  const { text, title } = htmlToText(raw);
  return { text, html: true, title };
}
