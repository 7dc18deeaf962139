// enrol.js: setting up an authenticator app (sign-in and account screens):
// 1. the secret as QR code, link and key, and the first code; 2. the
// recovery codes, shown once, with "I have saved them".
import * as session from './session.js';
import { h } from './dom.js';
import { RecordForm, formProblem } from './form.js';
import { qrCode } from './qr.js';

// "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": easier to type from.
function grouped(secret) {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

// Step 1 (a new secret each time): {node, forms}; onConfirmed(codes).
export async function enrolStep({ headingLevel = 'h1', onConfirmed }) {
  const { secret, otpauth_uri: uri } = await session.startEnrolment();
  const form = new RecordForm({
    name: 'enrol-confirm',
    submitLabel: 'Confirm and continue',
    fields: [{
      name: 'code', label: 'Code from the app', required: true, inputmode: 'numeric',
      autocomplete: 'one-time-code', maxlength: 6, width: 'short', spellcheck: false,
      hint: 'Six digits. The app shows a new one every 30 seconds.',
    }],
  });
  const node = h('div', { class: 'enrol' },
    h(headingLevel, {}, 'Set up your authenticator app'),
    h('p', {}, 'Your role needs a second step when you sign in: a code from an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator or FreeOTP).'),
    h('ol', { class: 'steps' },
      h('li', {}, 'In the app, add an account and scan this QR code.',
        h('div', { class: 'qr-box' }, qrCode(uri, 'QR code to scan with your authenticator app'))),
      h('li', {}, 'If you cannot scan it, add the account by hand with this key:',
        h('p', { class: 'secret', 'data-secret': '' }, grouped(secret)),
        h('p', { class: 'hint' }, 'Or open this set-up link on the phone:'),
        h('p', { class: 'otpauth' }, h('code', {}, uri))),
      h('li', {}, 'Type the code the app shows for Pathway, to check it works.')),
    form.el);
  return {
    node,
    forms: {
      'enrol-confirm': () => form.submit(async () => {
        const code = form.value(form.field('code')) || '';
        try {
          onConfirmed(await session.confirmEnrolment(code));
        } catch (err) {
          if (err.code === 'invalid_code') {
            err.details = [{ field: 'code', text: 'That code does not match. Check the time on your phone and type the newest code.' }];
          }
          throw err;
        }
      }),
    },
  };
}

// Step 2. codes: the recovery codes; onSaved() runs once the user says
// they kept them.
export function recoveryCodesStep({ codes, headingLevel = 'h1', onSaved }) {
  const form = new RecordForm({
    name: 'codes-saved',
    submitLabel: 'Continue',
    fields: [{ name: 'saved', type: 'checkbox', label: 'I have saved these recovery codes somewhere safe' }],
  });
  const node = h('div', { class: 'recovery' },
    h(headingLevel, {}, 'Save your recovery codes'),
    h('p', {}, 'If you lose your phone, each of these codes signs you in once instead of a code from the app. This is the only time Pathway shows them: print them or write them down, and keep them away from your computer.'),
    h('ol', { class: 'recovery-codes', 'aria-label': 'Recovery codes' }, codes.map((c) => h('li', {}, h('code', {}, c)))),
    form.el);
  return {
    node,
    forms: {
      'codes-saved': () => form.submit(async () => {
        if (!form.value(form.field('saved'))) {
          throw formProblem('Please confirm you saved the codes.',
            [{ field: 'saved', text: 'Tick the box once you have saved the codes: they are not shown again.' }]);
        }
        onSaved();
      }),
    },
  };
}
