// views/participant/outcomes.js: #/participants/:id/outcomes?enrollment=N,
// the Outcomes tab of one enrollment: Summary (R-SUM-1), Services /
// Activities (and those not assigned to a goal), Goals, Exit (readiness
// checklist, last qualifying service, soft-exit clock, the regular and the
// hard exit forms, undo) and the post-exit quarters.
import * as api from '../../api.js';
import * as router from '../../router.js';
import * as session from '../../session.js';
import { h, focus } from '../../dom.js';
import { flash, announce } from '../../announce.js';
import { RecordForm } from '../../form.js';
import { profileBox, tabs, breadcrumbs, fullName } from './box.js';
import { exitFields, hardFields } from './exit-fields.js';
import { credentialsSection } from './credentials.js';

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function section(id, title, ...content) {
  return h('section', { class: 'panel outcome-section', 'aria-labelledby': `${id}-heading`, id },
    h('h2', { id: `${id}-heading` }, title), ...content);
}

function simpleTable(caption, heads, rows) {
  if (!rows.length) return null;
  return h('div', { class: 'table-wrap', role: 'region', 'aria-label': `${caption} (table)`, tabindex: '0' },
    h('table', { class: 'table' }, h('caption', { class: 'visually-hidden' }, caption),
      h('thead', {}, h('tr', {}, heads.map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((c, i) => (i ? h('td', {}, c) : h('th', { scope: 'row' }, c))))))));
}

function serviceRows(list, canWrite) {
  return list.map((s) => [s.service_type_name, s.status_label, s.start_date || '', s.end_date || '', s.goal_statement || 'Not assigned to a goal',
    canWrite && (s.status === 'open' || s.status === 'planned')
      ? h('button', { type: 'button', class: 'button button-secondary button-small', 'data-action': 'complete', 'data-id': String(s.id), 'aria-label': `Mark completed: ${s.service_type_name}` }, 'Mark completed')
      : '']);
}

function checklist(r) {
  return h('ol', { class: 'checklist' }, r.checklist.map((c) => h('li', { class: c.met ? 'check-met' : 'check-unmet' },
    h('span', { class: c.met ? 'badge badge-ok' : 'badge badge-off' }, c.met ? 'Met' : 'Not met'), ' ',
    c.label, c.required ? '' : ' (shown only, not required)',
    !c.met && c.why ? h('p', { class: 'why' }, `Why: ${c.why}`) : null)));
}

function exitFacts(r) {
  const lq = r.last_qualifying_service;
  const se = r.soft_exit;
  const soft = !se ? 'Not applicable.'
    : se.blocked_by ? `Held: ${se.blocked_by.name} is ${se.blocked_by.status_label || se.blocked_by.status}, so no soft exit is projected.`
      : se.projected_date ? `${se.projected_date} (${se.days_left} days left${se.due ? ', due now' : ''}).` : 'None projected.';
  return h('dl', { class: 'facts' },
    h('dt', {}, 'Status'), h('dd', {}, `${r.status_label}, case ${r.case_status}`),
    h('dt', {}, 'Last qualifying service'), h('dd', {}, lq ? `${lq.name} (${lq.status_label}), ${lq.date}` : 'None yet'),
    h('dt', {}, 'Projected soft exit'), h('dd', {}, soft));
}

function storedExit(x) {
  return h('dl', { class: 'facts' },
    h('dt', {}, 'Exit'), h('dd', {}, `${x.kind_label || x.kind} on ${x.exit_date}`),
    x.exit_reason_label ? [h('dt', {}, 'Reason'), h('dd', {}, x.exit_reason_label)] : null,
    x.exclusion_reason_label ? [h('dt', {}, 'Outcome'), h('dd', {}, x.exclusion_reason_label)] : null,
    h('dt', {}, 'Exited by'), h('dd', {}, `${x.exited_by || ''}`));
}

function quarters(pe) {
  if (!pe || !pe.quarters || !pe.quarters.length) return h('p', {}, 'The post-exit quarters start after a regular or soft exit.');
  return simpleTable('Post-exit quarters', ['Quarter', 'From', 'To', 'Begun', 'Outcome', 'Earnings'],
    pe.quarters.map((q) => [`Quarter ${q.quarter}`, q.first_day, q.last_day, q.begun ? 'Yes' : 'Not yet', q.outcome_label || 'Not entered', q.earnings === null ? '' : String(q.earnings)]));
}

export default {
  async render({ params, query }) {
    const id = Number(params.id);
    const p = await api.get(`/participants/${id}`);
    const name = fullName(p);
    const enr = p.enrollments || [];
    const head = [breadcrumbs(p), h('h1', {}, `${name}: Outcomes`), tabs(id, 'outcomes'), profileBox(p)];
    if (!enr.length) return { title: `${name}: Outcomes`, node: h('div', {}, head, h('p', {}, 'No enrollments you can see.')) };
    const eid = Number(query.get('enrollment')) || enr[0].id;
    const e = enr.find((x) => x.id === eid) || enr[0];
    const s = session.session();
    const canWrite = !s.scope.participant_id;
    const base = `/enrollments/${e.id}`;
    // One after the other: the readiness and post-exit reads take the
    // enrollment's lock, and parallel reads of one enrollment were seen to
    // stall each other on the test stack.
    const summary = await api.get(`${base}/summary`);
    const services = await api.get(`${base}/services?limit=200`);
    const unassigned = await api.get(`${base}/services?unassigned=true&limit=200`);
    const goals = await api.get(`${base}/goals?limit=200`);
    const readiness = await api.get(`${base}/exit`);
    const postExit = await api.get(`${base}/post-exit`);
    const creds = await credentialsSection(e.id, canWrite);

    const picker = enr.length > 1 ? h('nav', { 'aria-label': 'Enrollments', class: 'enrollment-picker' },
      h('ul', { class: 'plain-list' }, enr.map((x) => h('li', {}, h('a', { href: `#/participants/${id}/outcomes?enrollment=${x.id}`, 'aria-current': x.id === e.id ? 'true' : null }, `${x.program_name} at ${x.provider_name}`))))) : null;

    const exited = !!readiness.exit;
    const regular = canWrite && !exited && readiness.kinds_possible.includes('regular')
      ? new RecordForm({ name: 'exit', noun: 'exit', submitLabel: 'Exit participant', fields: exitFields(readiness), record: { exit_date: today() } }) : null;
    const hard = canWrite && !exited && readiness.kinds_possible.includes('hard')
      ? new RecordForm({ name: 'hard-exit', noun: 'hard exit', submitLabel: 'Record hard exit', fields: hardFields(readiness), record: { exit_date: today() } }) : null;
    const blockedBox = h('div', { class: 'notice-box notice-error', id: 'exit-blocked', tabindex: '-1', hidden: true, role: 'alert' });
    const canUndo = canWrite && exited && (s.user.role === 'statewide' || s.user.role === 'program_manager');

    const exitSection = section('exit', 'Exit',
      exitFacts(readiness),
      h('h3', {}, 'Exit checklist'),
      checklist(readiness),
      readiness.blocked && !exited ? h('p', { class: 'hint' }, 'Some required items are not met yet, so the regular exit will be refused until they are.') : null,
      h('p', { class: 'no-print' }, h('button', { type: 'button', class: 'button button-secondary', 'data-action': 'print' }, 'Print the checklist')),
      exited ? storedExit(readiness.exit) : null,
      canUndo ? h('form', { class: 'form no-print', 'data-form': 'undo' },
        h('div', { class: 'field' }, h('label', { for: 'undo-reason' }, 'Why undo this exit (required)'), h('textarea', { id: 'undo-reason', name: 'reason', class: 'input', rows: 2 })),
        h('button', { type: 'submit', class: 'button button-danger' }, 'Undo the exit')) : null,
      regular ? h('div', { class: 'no-print' }, h('h3', {}, 'Regular exit'), blockedBox, regular.el) : null,
      hard ? h('details', { class: 'no-print' }, h('summary', {}, 'Hard exit (the participant cannot continue)'), hard.el) : null);

    const node = h('div', { class: 'outcomes' }, head, picker,
      h('p', { class: 'enrollment-title' }, `${e.program_name} at ${e.provider_name} (${e.location_name || ''})`),
      section('summary', 'Summary', simpleTable('Summary', ['Item', 'Result', 'Status'], summary.items.map((i) => [i.label, i.result, i.status])) || h('p', {}, 'Nothing to summarise.')),
      section('services', 'Services / Activities',
        simpleTable('Services', ['Activity', 'Status', 'Start', 'End', 'Goal', 'Action'], serviceRows(services.items, canWrite && !exited)) || h('p', {}, 'No services yet.'),
        h('h3', {}, 'Activities not assigned to a goal'),
        unassigned.items.length ? h('ul', { class: 'plain-list' }, unassigned.items.map((x) => h('li', {}, `${x.service_type_name} (${x.status_label})`))) : h('p', {}, 'None.')),
      section('goals', 'Goals', goals.items.length ? h('ul', { class: 'plain-list' }, goals.items.map((g) => h('li', {}, `${g.statement || g.goal_statement || 'Goal'}${g.status_label ? ` (${g.status_label})` : ''}`))) : h('p', {}, 'No goals yet.')),
      section('credentials', 'Credentials', creds.node),
      exitSection,
      section('post-exit', 'Post-exit', quarters(postExit)));

    const showBlocked = (err) => {
      const unmet = (err.body && err.body.unmet) || [];
      blockedBox.hidden = false;
      blockedBox.replaceChildren(h('p', {}, err.message),
        h('ul', {}, unmet.map((u) => h('li', {}, `${u.label} ${u.why || ''}`))));
      focus(blockedBox);
    };

    return {
      title: `${name}: Outcomes`,
      node,
      actions: {
        print: () => window.print(),
        complete: async (el) => {
          const svc = services.items.find((x) => String(x.id) === el.dataset.id);
          try {
            await api.patch(`/services/${svc.id}`, { status: 'completed_successful', end_date: today() }, { ifMatch: svc });
            flash(`${svc.service_type_name} marked completed.`);
            router.dispatch();
          } catch (err) { announce(err.message, 'error'); }
        },
      },
      forms: {
        credential: () => creds.submit((msg) => { flash(msg); router.dispatch(); }),
        exit: async () => {
          try {
            await api.post(`${base}/exit`, { kind: 'regular', ...Object.fromEntries(Object.entries(regular.values()).filter(([, v]) => v !== null)) });
            flash(`${name} exited.`);
            router.dispatch();
          } catch (err) {
            if (err.code === 'exit_blocked') showBlocked(err); else regular.showErrors(err);
          }
        },
        'hard-exit': async (f) => {
          const v = hard.values();
          const file = f.elements.file.files[0];
          try {
            const body = { kind: 'hard', reason: v.reason, exit_date: v.exit_date, case_note: { body: v.body } };
            if (file) {
              const fd = new FormData();
              fd.append('participant_id', String(id));
              fd.append('enrollment_id', String(e.id));
              fd.append('document_type', 'hard_exit');
              fd.append('file', file, file.name);
              body.document_id = (await api.upload('/documents', fd)).id;
            }
            await api.post(`${base}/exit`, body);
            flash(`${name}: hard exit recorded.`);
            router.dispatch();
          } catch (err) { hard.showErrors(err); }
        },
        undo: async (f) => {
          try {
            await api.del(`${base}/exit${api.query({ reason: f.elements.reason.value.trim() })}`, { ifMatch: `"${readiness.version}"` });
            flash('Exit undone.');
            router.dispatch();
          } catch (err) { announce(err.message, 'error'); }
        },
      },
    };
  },
};
