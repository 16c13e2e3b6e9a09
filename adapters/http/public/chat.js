// The web chat. Plain JavaScript, no build step, no third-party code. Answer text is only ever
// written with textContent, never parsed as HTML: the report's words and the user's come back in it.

const UI = {
  'zh-Hans': {
    title: '政府信息公开年报问答',
    titleShort: '信息公开问答',
    reportShort: '{city} · {year}年',
    intro: '我只根据《{title}》回答，每个回答都附有原文出处。',
    examplesHeading: '可以这样问：',
    label: '输入你的问题',
    placeholder: '请用一句话提问',
    send: '发送',
    newChat: '新对话',
    close: '关闭',
    langGroup: '界面语言',
    log: '对话',
    you: '你问：',
    bot: '回答：',
    source: '出处：',
    showQuote: '查看原文',
    suggestions: '你还可以问：',
    clarify: '请选择：',
    tryThese: '可以试试这些问题：',
    thinking: '正在查找…',
    disclaimer: '回答仅依据报告原文，一切以报告原文为准。',
    rateLimited: '提问太频繁了，请 {s} 秒后再试。',
    offline: '暂时连不上服务器，请检查网络后再试。',
    failed: '出错了，请稍后再试。',
  },
  'zh-Hant': {
    title: '政府信息公開年報問答',
    titleShort: '信息公開問答',
    reportShort: '{city} · {year}年',
    intro: '我只根據《{title}》回答，每個回答都附有原文出處。',
    examplesHeading: '可以這樣問：',
    label: '輸入你的問題',
    placeholder: '請用一句話提問',
    send: '發送',
    newChat: '新對話',
    close: '關閉',
    langGroup: '介面語言',
    log: '對話',
    you: '你問：',
    bot: '回答：',
    source: '出處：',
    showQuote: '查看原文',
    suggestions: '你還可以問：',
    clarify: '請選擇：',
    tryThese: '可以試試這些問題：',
    thinking: '正在查找…',
    disclaimer: '回答僅依據報告原文，一切以報告原文為準。',
    rateLimited: '提問太頻繁了，請 {s} 秒後再試。',
    offline: '暫時連不上伺服器，請檢查網路後再試。',
    failed: '出錯了，請稍後再試。',
  },
  en: {
    title: 'Open Government Information Q&A',
    titleShort: 'Report Q&A',
    reportShort: '{city} · {year}',
    intro: 'I answer only from the {title}, and every answer shows its source in the report.',
    examplesHeading: 'Try asking:',
    label: 'Your question',
    placeholder: 'Ask one question',
    send: 'Send',
    newChat: 'New chat',
    close: 'Close',
    langGroup: 'Interface language',
    log: 'Conversation',
    you: 'You asked: ',
    bot: 'Answer: ',
    source: 'Source: ',
    showQuote: 'Show the original text',
    suggestions: 'You could also ask:',
    clarify: 'Which one do you mean?',
    tryThese: 'Try asking:',
    thinking: 'Looking it up…',
    disclaimer: 'Answers come only from the report; the report’s own text prevails.',
    rateLimited: 'Too many questions; please try again in {s} s.',
    offline: 'Cannot reach the server; check the connection and try again.',
    failed: 'Something went wrong; please try again later.',
  },
};
const LANGS = Object.keys(UI);
const SESSION_KEY = 'gongkai-qa:session';
const LANG_KEY = 'gongkai-qa:ui-lang';
const TIMEOUT_MS = 15000;

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const els = {
  log: $('log'),
  main: $('main'),
  welcome: $('welcome'),
  examples: $('examples'),
  intro: $('intro'),
  reportFull: $('report-full'),
  reportShort: $('report-short'),
  form: /** @type {HTMLFormElement} */ ($('ask-form')),
  input: /** @type {HTMLInputElement} */ ($('question')),
  send: $('send'),
  newChat: $('new-chat'),
  close: $('close-embed'),
};
const params = new URLSearchParams(location.search);
const embedded = params.get('embed') === '1';

/** Storage can be blocked (private mode, third-party iframes); the chat then works without memory. */
const store = (storage) => ({
  get: (key) => { try { return storage().getItem(key); } catch { return null; } },
  set: (key, value) => { try { storage().setItem(key, value); } catch { /* not kept */ } },
  remove: (key) => { try { storage().removeItem(key); } catch { /* nothing kept */ } },
});
const session = store(() => sessionStorage);
const prefs = store(() => localStorage);

let uiLang = pickLang();
let meta = null;
let pending = false;
let turnCount = 0;

/**
 * The interface language: the page's ?lang= (the embed's data-lang), else the visitor's earlier
 * choice, else the first of the browser's languages this page speaks (zh-TW, zh-HK, zh-MO and
 * zh-Hant read traditional script, other Chinese simplified, any English English). The page is
 * static, so this is the one place the choice is made; a browser speaking none of them gets 简.
 */
function pickLang() {
  const asked = params.get('lang') || prefs.get(LANG_KEY);
  if (asked && LANGS.includes(asked)) return asked;
  for (const tag of navigator.languages || [navigator.language || '']) {
    if (/^zh[-_](hant|tw|hk|mo)\b/i.test(tag)) return 'zh-Hant';
    if (/^zh\b/i.test(tag)) return 'zh-Hans';
    if (/^en\b/i.test(tag)) return 'en';
  }
  return 'zh-Hans';
}

const t = (key, values = {}) => UI[uiLang][key].replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? ''));

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Puts the interface (not the answers, which follow each question's script) in the chosen language. */
function applyLang() {
  document.documentElement.lang = uiLang;
  document.title = t('title');
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-label]')) node.setAttribute('aria-label', t(node.dataset.i18nLabel));
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) node.setAttribute('placeholder', t(node.dataset.i18nPlaceholder));
  for (const button of document.querySelectorAll('[data-ui-lang]')) button.setAttribute('aria-pressed', String(button.dataset.uiLang === uiLang));
  for (const node of document.querySelectorAll('[data-ui-text]')) node.textContent = t(node.dataset.uiText);
  renderMeta();
}

function renderMeta() {
  if (!meta) return;
  const title = meta.title[uiLang];
  els.reportFull.textContent = title;
  els.reportShort.textContent = t('reportShort', { city: meta.city[uiLang], year: meta.year });
  els.intro.textContent = t('intro', { title });
  els.examples.replaceChildren(
    ...meta.examples[uiLang].map((q) => {
      const li = el('li');
      const button = el('button', 'example', q);
      button.type = 'button';
      button.lang = uiLang;
      button.addEventListener('click', (event) => tapped(event, q));
      li.append(button);
      return li;
    }),
  );
}

/** Interface text inside the conversation, kept current on a language switch ('sr-only': for screen readers). */
function uiText(key, className) {
  const node = el('span', className, t(key));
  node.dataset.uiText = key;
  return node;
}

function addTurn(node) {
  els.welcome.hidden = true;
  els.log.append(node);
  node.scrollIntoView({ block: 'nearest' });
  return node;
}

function userTurn(text) {
  const li = el('li', 'turn user');
  li.append(uiText('you', 'sr-only'), el('span', undefined, text));
  return addTurn(li);
}

/**
 * Drops the message's lines that only list the suggestions, since they follow as buttons. When
 * what is left ends with its own lead-in ("例如：", "可以问："), that sentence already heads the
 * buttons (`leadsIn`), and the page adds no label of its own: the heading is said once.
 */
function withoutListedOptions(message, suggestions) {
  if (suggestions.length === 0) return { text: message, leadsIn: false };
  const offered = new Set(suggestions);
  const kept = message.split('\n').filter((line) => {
    const item = line.match(/^\s*(?:•|\d+[.、])\s*(.+?)\s*$/);
    return !(item && offered.has(item[1]));
  });
  const text = kept.join('\n').trimEnd();
  return { text, leadsIn: /[:：]$/.test(text) };
}

const CHIPS_LABEL = { clarify: 'clarify', answered: 'suggestions' };

function citationNode(citation, answerLang) {
  const box = el('div', 'citation');
  const title = el('span', 'cite-section');
  if (answerLang === 'en' && citation.sectionEn) {
    title.lang = 'en';
    title.textContent = citation.sectionEn;
    const original = el('span', undefined, ` (${citation.section})`);
    original.lang = 'zh-Hant';
    title.append(original);
  } else {
    title.lang = answerLang;
    title.textContent = citation.section;
  }
  const details = el('details');
  const summary = el('summary');
  summary.append(uiText('showQuote'));
  const quote = el('blockquote', 'quote', citation.quote);
  quote.lang = answerLang === 'en' ? 'zh-Hant' : answerLang;
  details.append(summary, quote);
  box.append(uiText('source', 'cite-label'), title, details);
  return box;
}

function botTurn(answer) {
  const li = el('li', 'turn bot');
  li.dataset.outcome = answer.outcome;
  const { text, leadsIn } = withoutListedOptions(answer.message, answer.suggestions);
  const message = el('p', 'message', text);
  message.lang = answer.lang;
  message.id = `message-${++turnCount}`;
  li.append(uiText('bot', 'sr-only'), message);
  for (const citation of answer.citations) li.append(citationNode(citation, answer.lang));
  if (answer.suggestions.length > 0) {
    const chips = el('div', 'chips');
    chips.setAttribute('role', 'group');
    // A lead-in heads the buttons only when nothing (a citation) stands between them.
    if (leadsIn && answer.citations.length === 0) {
      chips.classList.add('follows-message');
      chips.setAttribute('aria-labelledby', message.id);
    } else {
      const label = el('p', 'chips-label');
      label.id = `chips-${turnCount}`;
      label.append(uiText(CHIPS_LABEL[answer.outcome] || 'tryThese'));
      chips.setAttribute('aria-labelledby', label.id);
      li.append(label);
    }
    for (const suggestion of answer.suggestions) {
      const chip = el('button', 'chip', suggestion);
      chip.type = 'button';
      chip.lang = answer.lang;
      chip.addEventListener('click', (event) => tapped(event, suggestion));
      chips.append(chip);
    }
    li.append(chips);
  }
  if (answer.questionId) li.append(feedbackNode(answer.questionId));
  return addTurn(li);
}

function noticeTurn(text) {
  const li = el('li', 'turn notice', text);
  return addTurn(li);
}

function setBusy(busy) {
  pending = busy;
  els.log.setAttribute('aria-busy', String(busy));
  els.send.setAttribute('aria-disabled', String(busy));
}

async function postQuestion(question) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const body = { question };
    const sessionId = session.get(SESSION_KEY);
    if (sessionId) body.sessionId = sessionId;
    if (chosenReport) body.report = chosenReport;
    return await fetch('api/ask', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: controller.signal,
    });
  } finally {
    clearTimeout(timer);
  }
}

async function ask(raw) {
  const question = raw.trim();
  if (!question || pending) return;
  setBusy(true);
  userTurn(question);
  const waiting = addTurn(el('li', 'turn bot pending'));
  waiting.setAttribute('aria-hidden', 'true');
  waiting.append(uiText('thinking'));
  try {
    const res = await postQuestion(question);
    waiting.remove();
    if (res.ok) {
      const answer = await res.json();
      session.set(SESSION_KEY, answer.sessionId);
      botTurn(answer).scrollIntoView({ block: 'start' });
    } else if (res.status === 429) {
      noticeTurn(t('rateLimited', { s: res.headers.get('Retry-After') || '60' }));
    } else {
      noticeTurn(t('failed'));
    }
  } catch {
    waiting.remove();
    noticeTurn(t('offline'));
  } finally {
    setBusy(false);
  }
}

/**
 * A tapped example or suggestion is asked at once. From the keyboard (a click with no pointer,
 * detail 0) focus moves to the text box, since examples disappear and suggestions scroll away;
 * a finger tap leaves focus alone so the phone's keyboard does not pop up.
 */
function tapped(event, question) {
  if (event.detail === 0) els.input.focus();
  ask(question);
}

function newChat() {
  session.remove(SESSION_KEY);
  els.log.replaceChildren();
  els.welcome.hidden = false;
  els.input.value = '';
  els.input.focus();
}

els.form.addEventListener('submit', (event) => {
  event.preventDefault();
  const question = els.input.value;
  if (!question.trim() || pending) return;
  els.input.value = '';
  els.input.focus();
  ask(question);
});

for (const button of document.querySelectorAll('[data-ui-lang]')) {
  button.addEventListener('click', () => {
    uiLang = button.dataset.uiLang;
    prefs.set(LANG_KEY, uiLang);
    applyLang();
  });
}

els.newChat.addEventListener('click', newChat);

if (embedded) {
  document.body.classList.add('embedded');
  els.close.hidden = false;
  const closeEmbed = () => window.parent.postMessage({ type: 'gongkai-qa:close' }, '*');
  els.close.addEventListener('click', closeEmbed);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') closeEmbed();
  });
}

applyLang();
fetch('api/meta')
  .then((res) => (res.ok ? res.json() : null))
  .then((data) => {
    meta = data;
    renderMeta();
  })
  .catch(() => {});
if (embedded) els.input.focus();

// --- Feedback on answers (👍/👎 and an optional one-line comment), sent to POST api/feedback. ---
// Present only when the server logs questions (the reply then carries a questionId).

const FEEDBACK_UI = {
  'zh-Hans': { helpful: '这个回答有帮助吗？', up: '有帮助', down: '没有帮助', why: '一句话说说原因（可选）', sendComment: '提交', thanks: '谢谢您的反馈！', notSent: '反馈没能提交，请稍后再试。' },
  'zh-Hant': { helpful: '這個回答有幫助嗎？', up: '有幫助', down: '沒有幫助', why: '一句話說說原因（可選）', sendComment: '提交', thanks: '謝謝您的回饋！', notSent: '回饋沒能提交，請稍後再試。' },
  en: { helpful: 'Did this answer help?', up: 'Helpful', down: 'Not helpful', why: 'One line on why (optional)', sendComment: 'Send', thanks: 'Thank you for the feedback!', notSent: 'The feedback could not be sent; please try again later.' },
};
for (const lang of LANGS) Object.assign(UI[lang], FEEDBACK_UI[lang]);

function sendFeedback(questionId, rating, comment) {
  const body = comment ? { questionId, rating, comment } : { questionId, rating };
  return fetch('api/feedback', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then((res) => res.ok);
}

/** 👍/👎 under an answer; after a thumb, a one-line comment box that may be left empty. */
function feedbackNode(questionId) {
  const box = el('div', 'feedback');
  const group = el('div', 'feedback-thumbs');
  group.setAttribute('role', 'group');
  const label = uiText('helpful', 'feedback-label');
  label.id = `feedback-${questionId}`;
  group.setAttribute('aria-labelledby', label.id);
  const status = el('p', 'feedback-status');
  status.setAttribute('role', 'status');
  const thumbs = [['up', '👍'], ['down', '👎']].map(([rating, icon]) => {
    const button = el('button', 'thumb');
    const mark = el('span', 'thumb-icon', icon);
    mark.setAttribute('aria-hidden', 'true');
    button.append(mark, uiText(rating));
    button.type = 'button';
    button.dataset.rating = rating;
    button.setAttribute('aria-pressed', 'false');
    button.addEventListener('click', async () => {
      for (const other of thumbs) other.setAttribute('aria-pressed', String(other === button));
      const ok = await sendFeedback(questionId, rating).catch(() => false);
      status.replaceChildren(uiText(ok ? 'thanks' : 'notSent'));
      if (ok && !box.querySelector('form')) box.append(commentForm(questionId, () => button.dataset.rating, status));
    });
    return button;
  });
  group.append(label, ...thumbs);
  box.append(group, status);
  return box;
}

function commentForm(questionId, rating, status) {
  const form = el('form', 'feedback-comment');
  const input = el('input');
  input.type = 'text';
  input.maxLength = 200;
  input.dataset.i18nPlaceholder = 'why';
  input.setAttribute('placeholder', t('why'));
  input.dataset.i18nLabel = 'why';
  input.setAttribute('aria-label', t('why'));
  const send = el('button', 'feedback-send');
  send.type = 'submit';
  send.append(uiText('sendComment'));
  form.append(input, send);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const comment = input.value.replace(/\s+/g, ' ').trim();
    if (!comment) return;
    const ok = await sendFeedback(questionId, rating(), comment).catch(() => false);
    status.replaceChildren(uiText(ok ? 'thanks' : 'notSent'));
    if (ok) form.remove();
  });
  return form;
}

// --- Which report: with a library of several, a picker in the bar (GET api/reports). "By the
// question" lets the question, the conversation or the default decide; a pick sends `report`.

const REPORT_UI = {
  'zh-Hans': { reportPick: '报告', reportAuto: '按问题自动选择' },
  'zh-Hant': { reportPick: '報告', reportAuto: '按問題自動選擇' },
  en: { reportPick: 'Report', reportAuto: 'Chosen by the question' },
};
for (const lang of LANGS) Object.assign(UI[lang], REPORT_UI[lang]);

/** The pack id picked in the bar, or '' to let the question decide. */
let chosenReport = '';

function renderReportPicker(reports) {
  if (!Array.isArray(reports) || reports.length < 2) return;
  const select = el('select', 'tool report-pick');
  select.id = 'report-pick';
  select.dataset.i18nLabel = 'reportPick';
  select.setAttribute('aria-label', t('reportPick'));
  const auto = el('option');
  auto.value = '';
  auto.dataset.uiText = 'reportAuto';
  auto.textContent = t('reportAuto');
  select.append(auto);
  for (const report of reports) {
    const option = el('option', undefined, report.title && report.title['zh'] ? report.title.zh : report.id);
    option.value = report.id;
    select.append(option);
  }
  select.addEventListener('change', () => {
    chosenReport = select.value;
  });
  document.querySelector('.bar-tools')?.prepend(select);
}

fetch('api/reports')
  .then((res) => (res.ok ? res.json() : null))
  .then((data) => renderReportPicker(data?.reports))
  .catch(() => {});
