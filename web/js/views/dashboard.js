// views/dashboard.js: #/my, a customer's read-only "My Dashboard": profile
// box, enrollments and their summaries (R-SUM-1), links to Outcomes.
import * as api from '../api.js';
import * as session from '../session.js';
import { h } from '../dom.js';
import { profileBox, enrollmentStatus } from './participant/box.js';

export default {
  async render() {
    const pid = session.session().scope.participant_id;
    if (!pid) {
      return { title: 'My Dashboard', node: h('div', {}, h('h1', {}, 'My Dashboard'), h('p', {}, 'This page is for participants. Staff find participants in the caseload.'), h('p', {}, h('a', { href: '#/participants' }, 'Go to the caseload'))) };
    }
    const p = await api.get(`/participants/${pid}`);
    const enr = p.enrollments || [];
    const summaries = await Promise.all(enr.map((e) => api.get(`/enrollments/${e.id}/summary`).catch(() => null)));
    return {
      title: 'My Dashboard',
      node: h('div', {},
        h('h1', {}, 'My Dashboard'),
        profileBox(p),
        enr.map((e, i) => h('section', { class: 'panel', 'aria-labelledby': `my-enr-${e.id}` },
          h('h2', { id: `my-enr-${e.id}` }, `${e.program_name} at ${e.provider_name}`),
          h('p', {}, `Status: ${enrollmentStatus(e)}. Case manager: ${e.case_manager_name || 'none yet'}.`),
          summaries[i] ? h('ul', { class: 'plain-list' }, summaries[i].items.map((it) => h('li', {}, `${it.label} ${it.result} (${it.status})`))) : null,
          h('p', {}, h('a', { href: `#/participants/${pid}/outcomes?enrollment=${e.id}` }, 'See the details of my outcomes'))))),
    };
  },
};
