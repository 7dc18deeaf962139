// views/admin/program.js: #/admin/programs/:id, a program profile as lists
// and its document in a JSON editor (PUT, If-Match); #/admin/programs/new,
// a program from a copy of another's profile (POST). R-ACL-2.
import * as api from '../../api.js';
import * as router from '../../router.js';
import { h, replace, focus } from '../../dom.js';
import { RecordForm, formProblem } from '../../form.js';
import { announce, flash } from '../../announce.js';
import { notFound } from '../problem.js';
import { trackerKinds } from '../participant/sections.js';
import { adminHeader } from './nav.js';
import { status } from './table.js';

const TRAIL = ['Program profiles', '#/admin/programs'];
const yes = (b) => (b ? 'Yes' : 'No');
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// The profile to edit, without what the API derives (and would ignore).
const text = (p, drop = {}) => JSON.stringify({
  ...p, id: undefined, version: undefined, follow_up_rule_label: undefined, completion_statuses: undefined,
  checklist: p.checklist.map(({ label, ...c }) => c), summary: p.summary.map((s) => s.code),
  hard_exit_reasons: p.hard_exit_reasons.map((r) => r.code), ...drop,
}, null, 2);

// JSON.parse, or a problem naming the line and column: the end of the
// longest start of the text that can still begin a document (browsers'
// messages do not always say where).
function parse(el) {
  const s = el.value;
  try {
    return JSON.parse(s);
  } catch (e) {
    const fits = (n) => {
      try { JSON.parse(s.slice(0, n)); } catch (x) { return /end of JSON/.test(x.message) || /position (\d+)/.exec(x.message)?.[1] >= n; }
      return true;
    };
    let [lo, hi] = [0, s.length];
    if (fits(hi)) lo = hi;
    while (hi - lo > 1) { const m = (lo + hi) >> 1; if (fits(m)) lo = m; else hi = m; }
    const lines = s.slice(0, lo).split('\n');
    el.setSelectionRange(lo, lo + 1);
    const text = `The document is not valid JSON at line ${lines.length}, column ${lines.at(-1).length + 1} (${e.message.split(/ in JSON|, "/)[0]}).`;
    throw formProblem(text, [{ field: 'doc', text }]);
  }
}

// The API's problems (fields are paths: "service_types[2].code") go beside
// the editor unless the form has that field.
function send(form, action) {
  return form.submit(async () => {
    try {
      return await action(parse(form.control('doc')));
    } catch (err) {
      if (err.status === 422) {
        err.details = err.details.map((d) => (form.field(d.field) ? d
          : { field: 'doc', text: `${d.field || 'document'}: ${d.problem}${d.rule ? ` (Rule ${d.rule}.)` : ''}` }));
      }
      throw err;
    }
  }, { onStale: form.onStale });
}

function holds(p) {
  const list = (title, items) => [h('h3', {}, `${title} (${items.length})`), h('ul', {}, items.map((x) => h('li', {}, x)))];
  const trackers = p.settings?.trackers || {};
  return [
    h('dl', { class: 'facts' }, [['System', p.system_code], ['Youth program', yes(p.is_youth)],
      ['Common exit group', p.common_exit_group || 'None'], ['Fiscal year starts in month', p.fiscal_year_start_month],
      ['Follow-up', p.follow_up_rule_label], ['Days planned services stay open', p.planned_grace_days],
      ['Supportive services extend the exit', yes(p.supportive_extends_exit)],
      ['Hard exit needs a document', yes(p.hard_exit_needs_document)], ['Offers “not enrolled”', yes(p.offers_not_enrolled)]]
      .map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    list('Exit checklist', p.checklist.map((c) => `${c.label}${c.required ? '' : ' (optional)'}`)),
    list('Summary items', p.summary.map((s) => s.label)),
    list('Exit reasons', p.exit_reasons.map((r) => `${r.label} (${r.code})`)),
    list('Hard-exit reasons', p.hard_exit_reasons.map((r) => `${r.code} ${r.label}`)),
    list('Completion statuses', (p.completion_statuses || []).map((c) => `${c.label}: ${c.outcome_reasons.map((r) => r.label).join('; ') || 'no outcome reasons'}`)),
    list('Service types', p.service_types.map((t) => `${t.code} - ${t.name}${t.active ? '' : ' (retired)'}`)),
    list('Trackers', Object.entries(trackerKinds(trackers)).map(([k, l]) => `${l}: ${trackers[k].fields.map((f) => f.label).join(', ')}`)),
  ];
}

const DOC = { name: 'doc', label: 'Profile document (JSON)', type: 'textarea', rows: 24, spellcheck: false, width: 'code', required: true };

async function create() {
  const all = await api.getAll('/programs');
  const form = new RecordForm({
    name: 'program', noun: 'program', submitLabel: 'Create program',
    fields: [
      { name: 'code', label: 'Code', required: true, width: 'short', spellcheck: false, hint: 'a-z, 0-9 and _, e.g. reentry_pilot. It never changes.' },
      { name: 'name', label: 'Name', required: true },
      { name: 'from', label: 'Start from a copy of', type: 'select', required: true, int: true, options: all.map((p) => ({ value: p.id, label: p.name })) },
      { ...DOC, hint: 'The copy’s profile without its code and name. Change what differs.' },
    ],
    after: [h('a', { href: TRAIL[1], class: 'button button-secondary' }, 'Cancel')],
  });
  const copy = async () => {
    const src = await api.get(`/programs/${form.value(form.field('from'))}`);
    form.setValue(DOC, text(src, { code: undefined, name: undefined, service_types: src.service_types.map(({ id, ...t }) => t) }));
  };
  form.control('from').dataset.change = 'from';
  if (all.length) await copy();
  return {
    title: 'Add a program',
    node: h('div', {}, adminHeader('programs', [TRAIL, ['Add a program']]), h('h1', {}, 'Add a program'), form.el),
    changes: { from: copy },
    forms: {
      program: () => send(form, async (d) => {
        const { code, name } = form.values();
        const made = await api.post('/programs', { ...d, code, name });
        flash(`Program “${made.name}” created.`);
        router.go(`#/admin/programs/${made.id}`);
      }),
    },
  };
}

export default {
  async render({ params }) {
    if (params.id === 'new') return create();
    if (!/^[1-9][0-9]*$/.test(params.id)) return notFound.render();
    const path = `/programs/${params.id}`;
    const p = await api.get(path);
    const form = new RecordForm({ name: 'program', noun: 'program', fields: [DOC], submitLabel: 'Save profile' });
    const top = h('div', {});
    const summary = h('div', {});
    let base; // the document the editor started from, parsed
    const take = (r) => {
      base = JSON.parse(text(r));
      form.setRecord({ doc: text(r), version: r.version });
      replace(top, h('div', { class: 'title-row' }, h('h1', {}, `Program: ${r.name}`), status(r.active)),
        h('p', { class: 'muted record-facts' }, `Code ${r.code} · version ${r.version}`));
      replace(summary, holds(r));
    };
    take(p);
    // A 412: the members they changed; reloading takes theirs for those and
    // keeps what was typed for the rest (when it parses), as form.js does.
    let latest;
    let now;
    form.onStale = async () => {
      latest = await api.get(path);
      now = JSON.parse(text(latest));
      const changed = Object.keys({ ...base, ...now }).filter((k) => !same(base[k], now[k]));
      replace(form.conflict,
        h('h2', { class: 'conflict-title' }, 'Someone else saved this program after you opened it'),
        h('p', {}, `Your changes are not saved yet. They changed: ${changed.join(', ') || 'nothing here'}.`),
        h('p', {}, 'Reloading takes their version in; the members only you changed keep what you typed.'),
        h('button', { type: 'button', class: 'button', 'data-action': 'theirs' }, 'Reload their version'));
      form.conflict.hidden = false;
      focus(form.conflict);
      announce('Not saved: someone else changed this program meanwhile.', 'error');
    };
    return {
      title: `Program ${p.name}`,
      node: h('div', {},
        adminHeader('programs', [TRAIL, [p.name]]), top,
        h('section', { class: 'panel', 'aria-labelledby': 'holds-heading' }, h('h2', { id: 'holds-heading' }, 'What this profile holds'), summary),
        h('section', { class: 'panel', 'aria-labelledby': 'doc-heading' }, h('h2', { id: 'doc-heading' }, 'Edit the profile'),
          h('p', {}, 'Members left out take their defaults. Saving checks every code against the rules.'), form.el)),
      forms: {
        program: async () => {
          const saved = await send(form, (d) => api.put(path, d, { ifMatch: form.record }));
          if (!saved) return;
          take(saved);
          announce(`Saved. This program is now at version ${saved.version}.`);
        },
      },
      actions: {
        theirs: async () => {
          let mine = null;
          try { mine = JSON.parse(form.control('doc').value); } catch { /* theirs whole */ }
          const doc = mine ? Object.fromEntries(Object.keys({ ...now, ...mine }).map((k) => [k, same(base[k], now[k]) ? mine[k] : now[k]])) : now;
          take(latest);
          form.setValue(DOC, JSON.stringify(doc, null, 2));
          form.conflict.hidden = true;
          focus(form.control('doc'));
          announce(`Their version ${form.record.version} is loaded.`, 'info');
        },
      },
    };
  },
};
