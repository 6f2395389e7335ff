import { ApiError, api } from '../api.js';
import type { Me } from '../api-types.js';
import { h } from '../dom.js';
import { pick, type Strings } from '../i18n/language.js';
import { storeKey } from '../session.js';
import { languageSwitch } from './language-switch.js';

const STRINGS: Strings<'title' | 'intro' | 'key' | 'submit' | 'checking' | 'rejected' | 'failed' | 'empty'> = {
  tr: {
    title: 'shipwatch konsolu',
    intro: 'API anahtarınızla giriş yapın (destek, mağaza veya yönetici). Anahtar yalnızca bu sekmede tutulur.',
    key: 'API anahtarı',
    submit: 'Giriş yap',
    checking: 'Kontrol ediliyor…',
    rejected: 'Bu anahtar geçerli değil ya da iptal edilmiş.',
    failed: 'Sunucuya ulaşılamadı: {message}',
    empty: 'Anahtarı girin.',
  },
  en: {
    title: 'shipwatch console',
    intro: 'Sign in with your API key (support, merchant or admin). The key is kept for this tab only.',
    key: 'API key',
    submit: 'Sign in',
    checking: 'Checking…',
    rejected: 'This key is not valid or was revoked.',
    failed: 'Could not reach the server: {message}',
    empty: 'Enter the key.',
  },
};

/** The key is checked against /v1/me before it is kept; it never goes into the URL. */
export function renderSignIn(onSignedIn: (me: Me) => void, rerender: () => void): HTMLElement {
  const s = pick(STRINGS);
  const input = h('input', { id: 'api-key', name: 'api-key', type: 'password', autocomplete: 'off', spellcheck: 'false', required: true });
  const message = h('p', { class: 'form-error', role: 'alert' });
  const button = h('button', { type: 'submit', class: 'primary' }, s.submit);
  const form = h(
    'form',
    {
      class: 'sign-in-form',
      method: 'post',
      onsubmit: (event: Event) => {
        event.preventDefault();
        const key = input.value.trim();
        if (!key) return void (message.textContent = s.empty);
        button.disabled = true;
        message.textContent = s.checking;
        api
          .get<Me>('/v1/me', key)
          .then((me) => {
            storeKey(key);
            onSignedIn(me);
          })
          .catch((error: unknown) => {
            button.disabled = false;
            message.textContent =
              error instanceof ApiError && error.status === 401 ? s.rejected : s.failed.replace('{message}', error instanceof Error ? error.message : String(error));
          });
      },
    },
    h('label', { for: 'api-key' }, s.key),
    input,
    button,
    message,
  );
  return h('main', { class: 'sign-in' }, h('div', { class: 'sign-in-card' }, languageSwitch(rerender), h('h1', {}, s.title), h('p', {}, s.intro), form));
}
