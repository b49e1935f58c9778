// The NewsQA web chat: the official Web Chat over NewsQA's own Direct Line endpoint, in Arabic (right to left) or English.
(async function () {
  'use strict';

  const texts = {
    'ar-SA': {
      dir: 'rtl', lang: 'ar',
      tagline: 'اسأل عن المقالات الإخبارية بالعربية أو بالإنجليزية؛ كل إجابة تذكر مصدرها.',
      examples: ['من هو المتحدث باسم الحشد الشعبي؟', 'كم رفع الناتو عدد جنوده في العراق؟', 'لخص المقال الثاني'],
      placeholder: 'اكتب سؤالك هنا'
    },
    'en-US': {
      dir: 'ltr', lang: 'en',
      tagline: 'Ask about the news articles in Arabic or English; every answer cites its source.',
      examples: ['Who commands the French forces in the Middle East?', 'What did Defense Secretary Lloyd Austin say about the attacks?', 'Summarize the first article'],
      placeholder: 'Type your question'
    }
  };

  // Every block of text reads in the direction of its own text, whatever the page's (an Arabic quote in the English
  // page, the English welcome in the Arabic page): Web Chat renders its blocks without a dir, so each one it adds is
  // given dir="auto", which the browser resolves from the block's first strong letter.
  const textBlocks = [
    '.webchat__bubble__content :is(p, li, blockquote, h1, h2, h3, h4, h5, h6, td, th)',
    '.webchat__modal-dialog__box :is(p, li, blockquote, h1, h2, h3, h4, h5, h6, td, th)',
    '.webchat__citation-modal-dialog__header',
    '[class*="webchat__suggested-action"][class*="__text"]',
    '[class*="webchat__link-definitions__list-item"][class*="text"]'
  ].join(', ');
  function orient(node) {
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    for (const block of [node, ...node.querySelectorAll(textBlocks)]) {
      if (block.matches(textBlocks) && !block.hasAttribute('dir')) block.setAttribute('dir', 'auto');
    }
  }
  new MutationObserver(changes => changes.forEach(c => c.addedNodes.forEach(orient))).observe(document.body, { childList: true, subtree: true });

  // The tab's conversation survives a refresh: its id and latest token are kept for the tab's session, and a refreshed
  // page reconnects to it (Direct Line's GET /conversations/{id}) from the start, since its transcript starts empty,
  // and is shown the conversation so far; a dropped socket is reconnected by botframework-directlinejs from its own
  // watermark. A conversation that has ended, or a token past its time, starts a new one.
  const sessionKey = 'newsqa.directline';
  const domain = `${location.origin}/v3/directline`;
  let directLine;
  const store = window.WebChat.createStore();
  const element = document.getElementById('webchat');
  let locale = 'ar-SA';

  function remember() {
    if (!directLine || !directLine.conversationId) return;
    sessionStorage.setItem(sessionKey, JSON.stringify({ conversationId: directLine.conversationId, token: directLine.token }));
  }

  async function connect() {
    const saved = JSON.parse(sessionStorage.getItem(sessionKey) || 'null');
    if (saved && saved.conversationId && saved.token) {
      directLine = window.WebChat.createDirectLine({ token: saved.token, conversationId: saved.conversationId, domain, webSocket: true });
    } else {
      const response = await fetch('/api/directline/token', { method: 'POST' });
      const { token } = await response.json();
      directLine = window.WebChat.createDirectLine({ token, domain, webSocket: true });
    }

    const current = directLine;
    current.activity$.subscribe(() => { if (current === directLine) remember(); });
    current.connectionStatus$.subscribe(status => {
      if (current !== directLine) return;
      if (status === 2) remember(); // Online
      if (saved && (status === 3 || status === 4 || status === 5)) { // ExpiredToken, FailedToConnect, Ended
        sessionStorage.removeItem(sessionKey);
        current.end();
        connect().then(() => render(locale));
      }
    });
  }

  // directlinejs refreshes its token every 15 minutes; keep the newest for the next refresh of the page.
  setInterval(remember, 60 * 1000);
  window.addEventListener('pagehide', remember);
  await connect();

  function render(chosen) {
    locale = chosen;
    const t = texts[locale];
    document.documentElement.lang = t.lang;
    document.documentElement.dir = t.dir;
    document.getElementById('tagline').textContent = t.tagline;
    document.querySelectorAll('[data-locale]').forEach(b => b.setAttribute('aria-pressed', String(b.dataset.locale === locale)));

    const examples = document.querySelector('.examples');
    examples.replaceChildren(...t.examples.map(text => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = text;
      button.addEventListener('click', () => store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text } }));
      return button;
    }));

    window.WebChat.renderWebChat({
      directLine, store, locale,
      overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: t.placeholder },
      styleOptions: { hideUploadButton: true, bubbleMaxWidth: 720, primaryFont: "system-ui, 'Noto Naskh Arabic', sans-serif" }
    }, element);
  }

  document.querySelectorAll('[data-locale]').forEach(b => b.addEventListener('click', () => render(b.dataset.locale)));
  render('ar-SA');
})();
