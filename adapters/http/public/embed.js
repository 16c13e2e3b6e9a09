// Adds a floating chat button to any page; the chat opens in an iframe served by the bot's own
// server. Paste: <script src="https://BOT-HOST/embed.js" defer></script>
// Options as data- attributes on that tag: data-lang="zh-Hans|zh-Hant|en", data-label="按钮文字".
// Styles are set through the DOM (no stylesheet, no inline <style>), so host pages with a strict CSP
// need only allow this script and frames from the bot's host.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src || window.gongkaiQaEmbed) return;

  var base = new URL('./', script.src);
  var lang = script.getAttribute('data-lang') || '';
  var LABELS = { 'zh-Hans': '问答助手', 'zh-Hant': '問答助手', en: 'Ask about the report' };
  var TITLES = { 'zh-Hans': '政府信息公开年报问答', 'zh-Hant': '政府信息公開年報問答', en: 'Open Government Information Q&A' };
  var CLOSE = { 'zh-Hans': '关闭', 'zh-Hant': '關閉', en: 'Close' };
  var label = script.getAttribute('data-label') || LABELS[lang] || LABELS['zh-Hans'];
  var closeLabel = CLOSE[lang] || CLOSE['zh-Hans'];
  var frameTitle = TITLES[lang] || TITLES['zh-Hans'];
  var ID = 'gongkai-qa-panel';
  var Z = '2147483000';

  var button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', ID);
  button.setAttribute('data-gongkai-qa', 'button');
  assign(button.style, {
    position: 'fixed', right: '20px', bottom: '20px', zIndex: Z,
    padding: '0 20px', minHeight: '48px', border: '0', borderRadius: '24px',
    background: '#1e4fa8', color: '#fff', font: '600 16px/1 system-ui, sans-serif',
    boxShadow: '0 4px 14px rgba(0,0,0,.25)', cursor: 'pointer',
  });

  var panel = document.createElement('div');
  panel.id = ID;
  panel.setAttribute('data-gongkai-qa', 'panel');
  assign(panel.style, {
    position: 'fixed', zIndex: Z, background: '#fff', overflow: 'hidden', display: 'none',
    boxShadow: '0 8px 30px rgba(0,0,0,.3)',
  });

  var frame = null;
  var isOpen = false;

  function assign(target, values) {
    for (var key in values) target[key] = values[key];
  }

  function layout() {
    var small = window.innerWidth < 520;
    assign(panel.style, small
      ? { inset: '0', width: '100%', height: '100%', borderRadius: '0', right: '0', bottom: '0' }
      : { inset: 'auto', right: '20px', bottom: '80px', width: '380px', height: 'min(620px, calc(100vh - 100px))', borderRadius: '14px' });
    // On a phone the panel fills the screen and the chat's own close button closes it.
    button.style.display = small && isOpen ? 'none' : '';
  }

  function open() {
    if (!frame) {
      frame = document.createElement('iframe');
      var src = new URL(base.href);
      src.searchParams.set('embed', '1');
      if (lang) src.searchParams.set('lang', lang);
      frame.src = src.href;
      frame.title = frameTitle;
      assign(frame.style, { border: '0', width: '100%', height: '100%', display: 'block' });
      panel.appendChild(frame);
    }
    isOpen = true;
    panel.style.display = 'block';
    button.setAttribute('aria-expanded', 'true');
    // The button now closes the panel, and says so.
    button.textContent = closeLabel;
    layout();
    frame.focus();
  }

  function close() {
    isOpen = false;
    panel.style.display = 'none';
    button.setAttribute('aria-expanded', 'false');
    button.textContent = label;
    layout();
    button.focus();
  }

  button.addEventListener('click', function () {
    if (!isOpen) open();
    else close();
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && isOpen) close();
  });
  window.addEventListener('message', function (event) {
    var fromChat = frame && event.source === frame.contentWindow && event.origin === base.origin;
    if (fromChat && event.data && event.data.type === 'gongkai-qa:close') close();
  });
  window.addEventListener('resize', layout);

  function mount() {
    document.body.appendChild(panel);
    document.body.appendChild(button);
    layout();
  }
  window.gongkaiQaEmbed = { open: open, close: close };
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
