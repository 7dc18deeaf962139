// views/problem.js: not found, not for your role, failed; each with the
// way home.
import { h } from '../dom.js';

function page(title, ...body) {
  return {
    title,
    node: h('div', { class: 'page-narrow' },
      h('h1', {}, title), ...body,
      h('p', {}, h('a', { href: '#/' }, 'Go to the home page'))),
  };
}

export const notFound = {
  async render({ reason } = {}) {
    return reason === 'record'
      ? page('Record not found', h('p', {}, 'This record does not exist, or it is outside the locations you work with.'))
      : page('Page not found', h('p', {}, 'There is no page at this address. Check the link, or start again from the home page.'));
  },
};

export const noAccess = {
  async render() {
    return page('Not available for your role',
      h('p', {}, 'Your role does not reach this page. If you need something changed here, ask your statewide administrator.'));
  },
};

export const failed = {
  async render({ error }) {
    return page('Something went wrong',
      h('p', {}, error && error.message ? error.message : 'The page could not be shown.'),
      h('p', {}, 'Try again in a moment. If it keeps happening, tell your administrator the time it happened.'));
  },
};
