// views/authenticator.js: an optional authenticator app set up (enrol.js);
// from then on every sign-in asks for a code.
import * as session from '../session.js';
import * as router from '../router.js';
import { h, replace, focus } from '../dom.js';
import { flash } from '../announce.js';
import { enrolStep, recoveryCodesStep } from '../enrol.js';

export default {
  async render() {
    if (session.session().user.totp_enabled) {
      return {
        title: 'Authenticator app',
        node: h('div', { class: 'page-narrow' },
          h('h1', {}, 'Authenticator app'),
          h('p', {}, 'Your account already signs in with a code from an authenticator app.'),
          h('p', {}, h('a', { href: '#/' }, 'Back to the home page'))),
      };
    }
    const box = h('div', { class: 'page-narrow' });
    const view = { title: 'Set up an authenticator app', node: box, forms: {} };
    const step = await enrolStep({
      onConfirmed: (codes) => {
        const next = recoveryCodesStep({
          codes,
          onSaved: () => {
            flash('Your authenticator app is set up. From now on, signing in asks for its code.');
            router.go('#/');
          },
        });
        replace(box, next.node);
        Object.assign(view.forms, next.forms);
        focus(box.querySelector('h1'));
      },
    });
    replace(box, step.node);
    Object.assign(view.forms, step.forms);
    return view;
  },
};
