/** The signed-in frame: navigation, who is signed in, language, sign-out, and the current view. */
import type { Me } from './api-types.js';
import { h, replaceChildren } from './dom.js';
import { pick, type Strings } from './i18n/language.js';
import { anomaliesView } from './views/anomalies.js';
import { dashboardView } from './views/dashboard.js';
import { languageSwitch } from './views/language-switch.js';
import { lookupView } from './views/lookup.js';
import { shipmentsView } from './views/shipments.js';
import type { View } from './views/view.js';

export const VIEWS: readonly View[] = [lookupView, anomaliesView, dashboardView, shipmentsView];

const STRINGS: Strings<'signOut' | 'signedInAs' | 'role_admin' | 'role_merchant' | 'role_support' | 'skip'> = {
  tr: {
    signOut: 'Çıkış',
    signedInAs: '{name} · {role}',
    role_admin: 'yönetici',
    role_merchant: 'mağaza',
    role_support: 'destek',
    skip: 'İçeriğe geç',
  },
  en: {
    signOut: 'Sign out',
    signedInAs: '{name} · {role}',
    role_admin: 'admin',
    role_merchant: 'merchant',
    role_support: 'support',
    skip: 'Skip to content',
  },
};

export interface ShellRoute {
  view: View;
  params: string[];
}

/** `#/lookup/TR%20123` → lookup view with ['TR 123']; anything unknown → the first view. */
export function routeOf(hash: string, me: Me): ShellRoute {
  const [name = '', ...rest] = hash.replace(/^#\/?/, '').split('/');
  const visible = VIEWS.filter((v) => v.visibleTo?.(me) ?? true);
  const view = visible.find((v) => v.name === name) ?? visible[0] ?? lookupView;
  return { view, params: rest.filter((p) => p !== '').map((p) => decodeURIComponent(p)) };
}

export function renderShell(me: Me, route: ShellRoute, handlers: { signOut(): void; rerender(): void }): HTMLElement {
  const s = pick(STRINGS);
  const notice = h('div', { class: 'notice', role: 'status', hidden: true });
  const notify = (message: string, kind: 'info' | 'error' = 'info') => {
    notice.className = `notice notice-${kind}`;
    notice.hidden = false;
    notice.textContent = message;
  };
  const main = h('main', { id: 'content', class: 'content', tabindex: '-1' });
  const nav = h(
    'nav',
    { class: 'nav', 'aria-label': 'shipwatch' },
    ...VIEWS.filter((v) => v.visibleTo?.(me) ?? true).map((v) =>
      h('a', { href: `#/${v.name}`, 'data-view': v.name, 'aria-current': v === route.view ? 'page' : null }, v.title()),
    ),
  );
  const header = h(
    'header',
    { class: 'topbar' },
    h('a', { class: 'skip', href: '#content', onclick: (e: Event) => (e.preventDefault(), main.focus()) }, s.skip),
    h('span', { class: 'brand' }, 'shipwatch'),
    nav,
    h(
      'div',
      { class: 'who' },
      h('span', { class: 'who-name', 'data-role': me.role }, s.signedInAs.replace('{name}', me.name).replace('{role}', s[`role_${me.role}`])),
      languageSwitch(handlers.rerender),
      h('button', { type: 'button', class: 'sign-out', onclick: handlers.signOut }, s.signOut),
    ),
  );
  replaceChildren(
    main,
    route.view.render({
      me,
      params: route.params,
      navigate: (hash) => {
        location.hash = hash;
      },
      notify,
    }),
  );
  document.title = `${route.view.title()} · shipwatch`;
  return h('div', { class: 'shell' }, header, notice, main);
}
