/**
 * The console's entry: signed out it shows the key form; signed in it draws the shell for the
 * hash route (`#/lookup/…`, `#/anomalies`, `#/dashboard`, `#/shipments`).
 */
import './console.css';
import { api, whenUnauthorized } from './api.js';
import type { Me } from './api-types.js';
import { replaceChildren } from './dom.js';
import { language, setLanguage } from './i18n/language.js';
import { forgetKey, storedKey } from './session.js';
import { setShopTimeZone } from './format.js';
import { renderShell, routeOf } from './shell.js';
import { renderSignIn } from './views/sign-in.js';

const root = document.getElementById('app');
let me: Me | null = null;

function draw(): void {
  if (!root) return;
  if (!me) {
    replaceChildren(root, renderSignIn(signedIn, draw));
    return;
  }
  replaceChildren(root, renderShell(me, routeOf(location.hash, me), { signOut, rerender: draw }));
}

function signedIn(who: Me): void {
  me = who;
  setShopTimeZone(who.timeZone);
  draw();
}

function signOut(): void {
  forgetKey();
  me = null;
  location.hash = '';
  draw();
}

whenUnauthorized(() => {
  me = null;
  draw();
});
window.addEventListener('hashchange', draw);
setLanguage(language());

const key = storedKey();
if (key) {
  api
    .get<Me>('/v1/me', key)
    .then(signedIn)
    .catch(() => {
      forgetKey();
      draw();
    });
} else {
  draw();
}
