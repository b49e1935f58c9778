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

  const response = await fetch('/api/directline/token', { method: 'POST' });
  const { token } = await response.json();
  const directLine = window.WebChat.createDirectLine({ token, domain: `${location.origin}/v3/directline`, webSocket: true });
  const store = window.WebChat.createStore();
  const element = document.getElementById('webchat');

  function render(locale) {
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
