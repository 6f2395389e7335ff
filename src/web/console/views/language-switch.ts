import { h } from '../dom.js';
import { LANGUAGES, language, setLanguage } from '../i18n/language.js';

/** TR | EN buttons; the page is drawn again in the chosen language. */
export function languageSwitch(rerender: () => void): HTMLElement {
  return h(
    'div',
    { class: 'language-switch', role: 'group', 'aria-label': 'Dil / Language' },
    ...LANGUAGES.map((code) =>
      h(
        'button',
        {
          type: 'button',
          'data-language': code,
          'aria-pressed': String(code === language()),
          onclick: () => {
            setLanguage(code);
            rerender();
          },
        },
        code.toUpperCase(),
      ),
    ),
  );
}
