// views/admin/index.js: the admin home: one entry per section.
import { h } from '../../dom.js';
import { SECTIONS, adminHeader } from './nav.js';

export default {
  async render() {
    return {
      title: 'Admin',
      node: h('div', {},
        adminHeader(null),
        h('h1', {}, 'Administration'),
        h('p', {}, 'Accounts and the organisation every record hangs from. Only statewide users see this area.'),
        h('ul', { class: 'cards cards-links' }, SECTIONS.map((s) => h('li', { class: 'panel' },
          h('h2', {}, h('a', { href: `#/admin/${s.key}` }, s.label)),
          h('p', {}, s.blurb))))),
    };
  },
};
