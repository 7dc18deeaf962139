// views/signin.js: #/signin, step by step: password; then the app's code
// (or a recovery code), or setting up an app and its recovery codes. Each
// step replaces the card, focus on its heading; then back to where the
// user was sent from (return-to.js), or home.
import * as session from '../session.js';
import * as router from '../router.js';
import { h, replace, focus } from '../dom.js';
import { RecordForm } from '../form.js';
import { announce } from '../announce.js';
import { takeReturn } from '../return-to.js';
import { enrolStep, recoveryCodesStep } from '../enrol.js';

function minutes(seconds) {
  const m = Math.ceil((seconds || 60) / 60);
  return m === 1 ? 'a minute' : `${m} minutes`;
}

// The API's refusals of a sign-in step, in the words of the screen.
function explain(err, field) {
  if (err.status === 429) {
    err.message = `Too many failed attempts. For your safety, signing in to this account is paused: try again in ${minutes(err.retryAfter)}.`;
    err.details = [];
  } else if (err.code === 'invalid_credentials') {
    err.details = [{ field, text: 'The login or password is not right. Check both and try again.' }];
  } else if (err.code === 'invalid_code') {
    err.details = [{ field, text: 'That code is not right, or it was already used. Type the newest code the app shows.' }];
  }
  return err;
}

export default {
  async render() {
    const card = h('div', { class: 'signin-card' });
    const handlers = { forms: {}, actions: {} };
    const view = { title: 'Sign in', node: h('div', { class: 'signin' }, card), ...handlers };

    // Shows a step: its nodes, its form handlers, its title; focus to its h1.
    function show(step, { focusHeading = true } = {}) {
      replace(card, step.node);
      Object.assign(handlers.forms, step.forms || {});
      Object.assign(handlers.actions, step.actions || {});
      view.forms = handlers.forms;
      view.actions = handlers.actions;
      document.title = `${step.title} · Pathway`;
      if (focusHeading) focus(card.querySelector('h1'));
    }

    function finish() {
      router.go(takeReturn(), { replace: true });
    }

    // After password or code: the next step the session's stage asks for.
    async function next(s) {
      if (s.stage === 'full') finish();
      else if (s.stage === 'password') show(codeStep());
      else if (s.stage === 'enroll') show(await enrol());
    }

    function passwordStep() {
      const form = new RecordForm({
        name: 'signin',
        submitLabel: 'Sign in',
        fields: [
          { name: 'login', label: 'Login', required: true, autocomplete: 'username', spellcheck: false },
          { name: 'password', label: 'Password', type: 'password', required: true, autocomplete: 'current-password' },
        ],
      });
      return {
        title: 'Sign in',
        node: [h('h1', {}, 'Sign in to Pathway'),
          h('p', { class: 'lede' }, 'Outcomes, exits and follow-up for workforce programs.'),
          form.el],
        forms: {
          signin: () => form.submit(async () => {
            const { login, password } = form.values();
            try {
              await next(await session.signIn(login || '', password || ''));
            } catch (err) {
              throw explain(err, 'password');
            }
          }),
        },
      };
    }

    function codeStep() {
      const form = new RecordForm({
        name: 'totp',
        submitLabel: 'Verify',
        fields: [{
          name: 'code', label: 'Code from your authenticator app', required: true, inputmode: 'numeric',
          autocomplete: 'one-time-code', maxlength: 6, width: 'short', spellcheck: false,
          hint: 'Six digits. The app shows a new one every 30 seconds.',
        }],
        after: [h('button', { type: 'button', class: 'button button-secondary', 'data-action': 'start-again' }, 'Start again')],
      });
      return {
        title: 'Security code',
        node: [h('h1', {}, 'Enter your security code'),
          h('p', {}, `Signed in as ${session.session().user.display_name}. Open your authenticator app and type the code it shows for Pathway.`),
          form.el,
          h('p', { class: 'alt' }, 'Lost your phone? ',
            h('button', { type: 'button', class: 'link', 'data-action': 'use-recovery' }, 'Use a recovery code instead'))],
        forms: {
          totp: () => form.submit(async () => {
            try {
              await next(await session.secondFactor({ code: form.value(form.field('code')) || '' }));
            } catch (err) {
              throw explain(err, 'code');
            }
          }),
        },
        actions: {
          'use-recovery': () => show(recoveryStep()),
          'start-again': startAgain,
        },
      };
    }

    function recoveryStep() {
      const form = new RecordForm({
        name: 'recovery',
        submitLabel: 'Sign in',
        fields: [{
          name: 'recovery_code', label: 'Recovery code', required: true, autocomplete: 'off', spellcheck: false,
          hint: 'One of the ten codes you saved when you set up the app, for example abcd-efgh-jkmn. Each works once.',
        }],
      });
      return {
        title: 'Recovery code',
        node: [h('h1', {}, 'Sign in with a recovery code'), form.el,
          h('p', { class: 'alt' },
            h('button', { type: 'button', class: 'link', 'data-action': 'use-app' }, 'Use a code from the app instead'))],
        forms: {
          recovery: () => form.submit(async () => {
            try {
              await next(await session.secondFactor({ recovery: form.value(form.field('recovery_code')) || '' }));
            } catch (err) {
              throw explain(err, 'recovery_code');
            }
          }),
        },
        actions: { 'use-app': () => show(codeStep()) },
      };
    }

    async function enrol() {
      const step = await enrolStep({
        onConfirmed: (codes) => show({
          title: 'Recovery codes',
          ...recoveryCodesStep({ codes, onSaved: finish }),
        }),
      });
      return { title: 'Set up your authenticator app', ...step };
    }

    // Ends the half-finished session and shows the password step again.
    async function startAgain() {
      try {
        await session.signOut();
      } catch {
        session.forget(); // it may have ended already: nothing to undo
      }
      show(passwordStep());
      announce('Signing in was cancelled. You can start again.', 'info');
    }

    const s = session.session();
    if (s && s.stage === 'password') show(codeStep(), { focusHeading: false });
    else if (s && s.stage === 'enroll') show(await enrol(), { focusHeading: false });
    else show(passwordStep(), { focusHeading: false });
    return view;
  },
};
