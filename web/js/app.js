// app.js: the entry module: who is signed in, which screen the address
// names and who may see it, focus after a navigation, an ended session.
import * as api from './api.js';
import * as session from './session.js';
import * as router from './router.js';
import * as lookups from './lookups.js';
import { h, replace, focus, delegate } from './dom.js';
import { afterNavigation, flash, announce } from './announce.js';
import { renderHeader, currentSection } from './header.js';
import { routes } from './routes.js';
import { notFound, noAccess, failed } from './views/problem.js';
import { rememberReturn, forgetReturn } from './return-to.js';

const main = document.getElementById('main');

let view = null; // what the current screen returned: {actions, forms, changes}
let renderToken = 0;
let endingSession = false;

// A 401: the session ended. Remember the screen and go to sign in, which
// comes back here.
api.whenSessionEnds(() => {
  if (endingSession || router.current().path === '/signin') return;
  endingSession = true;
  rememberReturn(router.current().hash);
  session.forget();
  flash('Your session has ended. Please sign in again to go on where you were.', 'info');
  router.go('#/signin', { replace: true });
});

session.onChange(() => lookups.forget());
session.onChange(renderHeader);

function canSee(access) {
  if (access === 'public') return true;
  if (!session.signedIn()) return false;
  return access === 'signed-in' || session.isStatewide() || (access === 'programs' && session.role() === 'program_manager');
}

async function show(loc) {
  const token = ++renderToken;
  const found = router.match(loc.path);
  let screen = found ? found.route.view : notFound;
  const access = found ? found.route.access : 'signed-in';

  if (access !== 'public' && !session.signedIn()) {
    rememberReturn(loc.hash);
    router.go('#/signin', { replace: true });
    return;
  }
  if (found && found.route.pattern === '/signin' && session.signedIn()) {
    router.go('#/', { replace: true });
    return;
  }
  if (!canSee(access)) screen = noAccess;

  main.setAttribute('aria-busy', 'true');
  let result;
  try {
    result = await screen.render({ params: found ? found.params : {}, query: loc.query, path: loc.path });
  } catch (err) {
    if (err instanceof api.ApiError && err.status === 401) return; // on the way to sign in
    result = err instanceof api.ApiError && err.status === 404
      ? await notFound.render({ reason: 'record' })
      : await failed.render({ error: err });
  }
  if (token !== renderToken) return; // the user moved on meanwhile
  main.removeAttribute('aria-busy');
  endingSession = false;
  view = result;
  replace(main, result.node);
  main.dataset.shown = loc.hash; // which route is on screen (tests wait for it)
  document.title = result.title ? `${result.title} · Pathway` : 'Pathway';
  renderHeader(session.session(), currentSection(loc.path));
  afterNavigation();
  focus(result.focus || main.querySelector('h1') || main);
}

// One listener per event type: data-action, data-form and data-change name
// functions of the current screen.
delegate(main, 'click', 'action', (el, name, event) => {
  if (view && view.actions && view.actions[name]) view.actions[name](el, event);
});
delegate(main, 'submit', 'form', (form, name, event) => {
  event.preventDefault();
  if (view && view.forms && view.forms[name]) view.forms[name](form, event);
});
delegate(main, 'change', 'change', (el, name, event) => {
  if (view && view.changes && view.changes[name]) view.changes[name](el, event);
});

// The frame's own controls: the skip link and signing out.
delegate(document.body, 'click', 'frame', async (el, name) => {
  if (name === 'skip') {
    focus(main.querySelector('h1') || main);
  } else if (name === 'sign-out') {
    try {
      await session.signOut();
    } catch (err) {
      if (!(err instanceof api.ApiError)) throw err; // an ended session is signed out anyway
    }
    forgetReturn();
    flash('You have signed out.', 'ok');
    router.go('#/signin');
  }
});

async function boot() {
  try {
    await session.load();
  } catch (err) {
    replace(main, h('h1', {}, 'Pathway is not available'), h('p', {}, err.message));
    announce(err.message, 'error');
    return;
  }
  router.define(routes, show);
  router.dispatch();
}

boot();
