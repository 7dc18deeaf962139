// views/participant/outcomes.js: #/participants/:id/outcomes?enrollment=N:
// Summary (R-SUM-1), the sections of sections.js, and Exit (checklist with
// a way to each unmet item, exits, undo, late exclusion). Customers read.
import * as api from '../../api.js';
import * as router from '../../router.js';
import * as session from '../../session.js';
import { h, focus } from '../../dom.js';
import { flash, announce } from '../../announce.js';
import { RecordForm } from '../../form.js';
import { profileBox, tabs, breadcrumbs, fullName } from './box.js';
import { exitFields, hardFields, notEnrolledFields, FIX } from './exit-fields.js';
import { recordSection, section, table, today, takeFocus, upload } from './records.js';
import * as sec from './sections.js';

function checklist(r, fixes) {
  return h('ol', { class: 'checklist' }, r.checklist.map((c) => h('li', { class: c.met ? 'check-met' : 'check-unmet' },
    h('span', { class: c.met ? 'badge badge-ok' : 'badge badge-off' }, c.met ? 'Met' : 'Not met'), ' ',
    c.label, c.required ? '' : ' (shown only, not required)',
    !c.met && c.why ? h('p', { class: 'why' }, `Why: ${c.why}`) : null,
    !c.met && fixes[c.code] ? h('p', { class: 'no-print' }, 'Where to fix it: ',
      h('button', { type: 'button', class: 'link', 'data-action': 'fix', 'data-code': c.code }, fixes[c.code].label)) : null)));
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
    x.school_status_label ? [h('dt', {}, 'School status at exit'), h('dd', {}, x.school_status_label)] : null,
    x.exclusion_reason_label ? [h('dt', {}, 'Outcome'), h('dd', {}, x.exclusion_reason_label)] : null,
    h('dt', {}, 'Exited by'), h('dd', {}, `${x.exited_by || ''}`));
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
    const write = !s.scope.participant_id;
    const base = `/enrollments/${e.id}`;
    // One after the other: parallel reads of one enrollment (its lock)
    // stalled each other on the test stack.
    const summary = await api.get(`${base}/summary`);
    const services = await api.get(`${base}/services?limit=200`);
    const unassigned = await api.get(`${base}/services?unassigned=true&limit=200`);
    const goals = await api.get(`${base}/goals?limit=200`);
    const readiness = await api.get(`${base}/exit`);
    const postExit = await api.get(`${base}/post-exit`);
    const profile = await api.get(`/programs/${readiness.program_id}`);
    const settings = profile.settings || {};
    const wording = settings.wording || {};
    const creds = await api.get(`${base}/credentials?limit=200`);
    const candidates = write ? (await api.get(`${base}/skill-gains/efl-candidates?limit=200`)).items : [];
    const fu = await api.get(`${base}/follow-ups`);
    const x = readiness.exit;
    const exited = !!x;
    const ctx = { base, pid: id, eid: e.id, write };
    const secs = {};
    const add = async (def) => (secs[def.key] = await recordSection({ ...ctx, ...def }));
    await add(sec.services({ base, items: services.items, goals: goals.items, types: profile.service_types, exited }));
    await add(sec.goals({ base, items: goals.items }));
    await add(sec.assessments(ctx));
    await add(sec.skillGains({ base, candidates, education: p.highest_education,
      help: () => h('p', {}, h('button', { type: 'button', class: 'link', 'data-action': 'goto', 'data-key': 'assessment' }, 'View/Add Basic Skills Assessment Results')) }));
    await add(sec.credentials({ base, items: creds.items, last: creds.last_allowed_date || (creds.items[0] || {}).last_allowed_date, services: services.items }));
    const jobs = await add(sec.employment(ctx));
    if (settings.trackers) await add(sec.trackers({ base, trackers: settings.trackers, reasons: profile.exit_reasons }));
    await add(sec.quarters({ base, pe: postExit, jobs: jobs.items }));
    await add(sec.stories(ctx));
    await add(sec.followUps({ base, fu, open: !!fu.exit_date && x.kind !== 'hard' }));

    const picker = enr.length > 1 ? h('nav', { 'aria-label': 'Enrollments', class: 'enrollment-picker' },
      h('ul', { class: 'plain-list' }, enr.map((y) => h('li', {}, h('a', { href: `#/participants/${id}/outcomes?enrollment=${y.id}`, 'aria-current': y.id === e.id ? 'true' : null }, `${y.program_name} at ${y.provider_name}`))))) : null;

    const privileged = write && /^(statewide|program_manager)$/.test(s.user.role);
    // Each exit form only where the API would take it.
    const form = (ok, name, submitLabel, fields) => (ok ? new RecordForm({ name, noun: 'exit', submitLabel, fields, record: { exit_date: today() } }) : null);
    const may = (kind) => write && !exited && readiness.kinds_possible.includes(kind);
    const regular = form(may('regular'), 'exit', 'Exit participant', exitFields(readiness, profile));
    const hard = form(may('hard'), 'hard-exit', 'Record hard exit', hardFields(readiness));
    const notEnrolled = form(may('not_enrolled'), 'not-enrolled', 'Close as not enrolled', notEnrolledFields(wording.not_enrolled_note));
    const late = form(privileged && x && /regular|soft/.test(x.kind) && !x.exclusion_reason && x.exclusion_deadline >= today() && readiness.hard_reasons.length,
      'exclusion', 'Add the exclusion', hardFields(readiness, true));
    const blockedBox = h('div', { class: 'notice-box notice-error', id: 'exit-blocked', tabindex: '-1', hidden: true, role: 'alert' });

    // Where each unmet item is put right: an open record, a new one, or the
    // exit form's field.
    const fixes = {};
    const kinds = sec.trackerKinds(settings.trackers);
    for (const c of write && !exited ? readiness.checklist : []) {
      const [key, kind, preset = {}, edit] = FIX[c.code] || [];
      const to = secs[key];
      const f = c.field && regular && regular.field(c.field);
      const r = to && [...to.items].reverse().find((y) => (kind ? edit && y.tracker_type === kind && (kind === 'intervention' || !y.end_date || y.status === 'ACTIVE')
        : key === 'goal' ? !y.progress || !y.actual_completion_date : /open|planned/.test(y.status)));
      if (f) fixes[c.code] = { label: `${f.label} in the regular exit form below`, go: () => focus(regular.control(c.field)) };
      else if (r) fixes[c.code] = { label: `Update ${kind ? `${r.tracker_type_label} #${r.id}` : `${key}: ${r.statement || r.service_type_name}`}`, go: () => to.edit(r, preset) };
      else if (to) fixes[c.code] = { label: `Add a new ${kind ? kinds[kind] : to === secs.msg ? 'measurable skill gain' : key}`, go: () => to.add({ tracker_type: kind, ...preset }) };
    }

    const note = (t) => t && h('p', { class: 'hint' }, t);
    const more = (f, summary, t) => f && h('details', { class: 'no-print' }, h('summary', {}, summary.call ? summary() : summary), note(t), f.el);
    const exitSection = section('exit', 'Exit',
      exitFacts(readiness),
      h('h3', {}, 'Exit checklist'),
      checklist(readiness, fixes),
      readiness.blocked && !exited ? h('p', { class: 'hint' }, 'Some required items are not met yet, so the regular exit will be refused until they are.') : null,
      h('p', { class: 'no-print' }, h('button', { type: 'button', class: 'button button-secondary', 'data-action': 'print' }, 'Print the checklist')),
      exited ? storedExit(x) : null,
      privileged && exited ? h('form', { class: 'form no-print', 'data-form': 'undo' },
        h('div', { class: 'field' }, h('label', { for: 'undo-reason' }, 'Why undo this exit (required)'), h('textarea', { id: 'undo-reason', name: 'reason', class: 'input', rows: 2 })),
        h('button', { type: 'submit', class: 'button button-danger' }, 'Undo the exit')) : null,
      more(late, () => `Add an exclusion after exit (until ${x.exclusion_deadline})`),
      regular && h('div', { class: 'no-print' }, h('h3', {}, 'Regular exit'), note(wording.exit_note), blockedBox, regular.el),
      more(hard, 'Hard exit (the participant cannot continue)', wording.hard_exit_note),
      more(notEnrolled, 'Not enrolled (never received a service)'));

    const block = (key, title, ...more) => section(key, title, secs[key].node, ...more);
    const node = h('div', { class: 'outcomes' }, head, picker,
      h('p', { class: 'enrollment-title' }, `${e.program_name} at ${e.provider_name} (${e.location_name || ''})`),
      section('summary', 'Summary', table('Summary', ['Item', 'Result', 'Status'], summary.items.map((i) => [i.label, i.result, i.status])) || h('p', {}, 'Nothing to summarise.')),
      block('service', 'Services / Activities', h('h3', {}, 'Activities not assigned to a goal'),
        unassigned.items.length ? h('ul', { class: 'plain-list' }, unassigned.items.map((y) => h('li', {}, `${y.service_type_name} (${y.status_label})`))) : h('p', {}, 'None.')),
      ...['goal=Goals', 'assessment=Assessments', 'msg=Measurable Skill Gains', 'credential=Credentials', 'job=Employment', 'tracker=C-Work trackers', 'exit',
        'quarter=Post-exit', 'story=Success stories', 'followup=Follow-up'].map((k) => (k === 'exit' ? exitSection : secs[k.split('=')[0]] && block(...k.split('=')))));

    const showBlocked = (err) => {
      const unmet = (err.body && err.body.unmet) || [];
      blockedBox.hidden = false;
      blockedBox.replaceChildren(h('p', {}, err.message),
        h('ul', {}, unmet.map((u) => h('li', {}, `${u.label} ${u.why || ''}`))));
      focus(blockedBox);
    };
    const done = (msg) => {
      flash(msg);
      router.dispatch();
    };
    const values = (f) => Object.fromEntries(Object.entries(f.values()).filter(([, v]) => v !== null));
    // A hard exit's or exclusion's reason, case note and document.
    const evidence = async (f, extra) => {
      const v = f.values();
      const file = f.control('file').files[0];
      const b = { reason: v.reason, case_note: { body: v.body }, ...extra };
      if (file) b.document_id = await upload(file, ctx, 'hard_exit');
      return b;
    };
    // Refusals show beside the fields, a blocked exit above the form.
    const send = async (f, path, body, msg) => {
      try {
        await api.post(`${base}/${path}`, await body());
        done(`${name}${msg}`);
      } catch (err) {
        if (err.code === 'exit_blocked') showBlocked(err); else f.showErrors(err);
      }
    };
    const all = (k) => Object.assign({}, ...Object.values(secs).map((y) => y[k]));

    return {
      title: `${name}: Outcomes`,
      node,
      focus: takeFocus(node),
      changes: all('changes'),
      actions: {
        ...all('actions'),
        print: () => window.print(),
        fix: (el) => fixes[el.dataset.code].go(),
        goto: (el) => secs[el.dataset.key].add(),
        complete: async (el) => {
          const svc = services.items.find((y) => String(y.id) === el.dataset.id);
          try {
            await api.patch(`/services/${svc.id}`, { status: 'completed_successful', end_date: today() }, { ifMatch: svc });
            done(`${svc.service_type_name} marked completed.`);
          } catch (err) { announce(err.message, 'error'); }
        },
      },
      forms: {
        ...all('forms'),
        exit: () => send(regular, 'exit', () => ({ kind: 'regular', ...values(regular) }), ' exited.'),
        'hard-exit': () => send(hard, 'exit', () => evidence(hard, { kind: 'hard', exit_date: hard.values().exit_date }), ': hard exit recorded.'),
        exclusion: () => send(late, 'exclusion', () => evidence(late, {}), ': exclusion added; the exit now leaves the indicators.'),
        'not-enrolled': () => send(notEnrolled, 'exit', () => ({ kind: 'not_enrolled', ...values(notEnrolled) }), ': closed as not enrolled.'),
        undo: async (f) => {
          try {
            await api.del(`${base}/exit${api.query({ reason: f.elements.reason.value.trim() })}`, { ifMatch: `"${readiness.version}"` });
            done('Exit undone: the enrollment is open again.');
          } catch (err) { announce(err.message, 'error'); }
        },
      },
    };
  },
};
