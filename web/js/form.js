// form.js: forms from field descriptions that read their values, put each
// API problem beside its field and handle a stale version (412). Built once,
// only messages change, so nothing typed is lost.
// A field: {name, label, type (text, email, password, search, textarea,
// number, select, checkbox, checkboxes: an array), required, hint, options
// [{value, label}], autocomplete, inputmode, maxlength, int (ids)}.
import { h, uid, addToken, removeToken, focus, delegate, replace } from './dom.js';
import { ApiError } from './api.js';

function controlFor(field, id, describedBy) {
  const common = {
    id,
    name: field.name,
    'aria-describedby': describedBy || null,
    'aria-required': field.required ? 'true' : null,
    autocomplete: field.autocomplete || null,
    inputmode: field.inputmode || null,
    maxlength: field.maxlength || null,
    spellcheck: field.spellcheck === false ? 'false' : null,
    class: field.width ? `input input-${field.width}` : 'input',
  };
  switch (field.type) {
    case 'textarea':
      return h('textarea', { ...common, rows: field.rows || 3 });
    case 'select':
      return h('select', common,
        // A required select may start empty, so nobody saves the first choice by accident.
        !field.required || field.emptyLabel ? h('option', { value: '' }, field.emptyLabel || 'None selected') : null,
        (field.options || []).map((o) => h('option', { value: String(o.value) }, o.label)));
    case 'checkbox':
      return h('input', { ...common, type: 'checkbox', class: 'checkbox' });
    default:
      return h('input', { ...common, type: field.type || 'text' });
  }
}

// One field's block: label, hint, error slot, control.
function fieldBlock(field, formId) {
  const id = `${formId}-${field.name}`;
  const hintId = field.hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  const hint = field.hint ? h('p', { class: 'hint', id: hintId }, field.hint) : null;
  const error = h('p', { class: 'field-error', id: errorId, hidden: true });
  const required = field.required ? h('span', { class: 'required' }, ' (required)') : null;

  if (field.type === 'checkboxes') {
    const boxes = (field.options || []).map((o) => {
      const boxId = `${id}-${o.value}`;
      return h('div', { class: 'check' },
        h('input', { type: 'checkbox', id: boxId, name: field.name, value: String(o.value), class: 'checkbox' }),
        h('label', { for: boxId }, o.label));
    });
    return h('fieldset', { class: 'field field-group', 'data-field': field.name, id, 'aria-describedby': hintId },
      h('legend', {}, field.label, required), hint, error,
      boxes.length ? h('div', { class: 'checks' }, boxes) : h('p', { class: 'hint' }, field.emptyText || 'There is nothing to choose from yet.'));
  }
  if (field.type === 'checkbox') {
    return h('div', { class: 'field field-check', 'data-field': field.name },
      error,
      h('div', { class: 'check' }, controlFor(field, id, hintId), h('label', { for: id }, field.label)),
      hint);
  }
  return h('div', { class: 'field', 'data-field': field.name },
    h('label', { for: id }, field.label, required), hint, error, controlFor(field, id, hintId));
}

// A problem found before sending, shaped like the API's refusals.
export function formProblem(message, details) {
  return new ApiError(422, { error: { code: 'form_problem', message, details } }, null);
}

function same(a, b) {
  const norm = (v) => (Array.isArray(v) ? [...v].sort().join(',') : v === '' || v === undefined ? null : v);
  return norm(a) === norm(b);
}

// Shows a value in a sentence ("Agency code: “A1” → “B2”").
export function describeValue(field, value) {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) return '(empty)';
  if (field && field.type === 'checkbox') return value ? 'Yes' : 'No';
  const label = (v) => {
    const o = field && field.options ? field.options.find((opt) => String(opt.value) === String(v)) : null;
    return o ? o.label : String(v);
  };
  return Array.isArray(value) ? value.map(label).join(', ') : `“${label(value)}”`;
}

// "is required" → "Name is required."; a problem that starts with a
// capital is a sentence of its own and shown as it is.
function sentence(label, problem, rule) {
  const whole = /^[A-Z]/.test(problem || '');
  let s = (whole ? problem : `${label} ${problem || ''}`).trim();
  s = s.charAt(0).toUpperCase() + s.slice(1);
  if (!/[.!?]$/.test(s)) s += '.';
  return rule ? `${s} (Rule ${rule}.)` : s;
}

export class RecordForm {
  // name: the data-form value; record: the values to start from; after:
  // nodes beside the submit button (a Cancel link).
  constructor({ name, fields, record = {}, submitLabel = 'Save', after = [], noun = 'record' }) {
    this.name = name;
    this.fields = fields;
    this.record = record;
    this.noun = noun;
    this.id = uid(`form-${name}`);
    this.summary = h('div', { class: 'error-summary', tabindex: '-1', hidden: true });
    this.conflict = h('div', { class: 'conflict', tabindex: '-1', hidden: true });
    this.button = h('button', { type: 'submit', class: 'button' }, submitLabel);
    this.el = h('form', { class: 'form', 'data-form': name, novalidate: true, id: this.id },
      this.summary, this.conflict,
      fields.map((f) => fieldBlock(f, this.id)),
      h('div', { class: 'form-actions' }, this.button, after));
    delegate(this.el, 'click', 'focus-field', (el, target) => {
      focus(this.el.querySelector(`#${CSS.escape(target)}`));
    });
    delegate(this.el, 'click', 'conflict', () => this.takeTheirs());
    this.setValues(record);
  }

  field(name) {
    return this.fields.find((f) => f.name === name);
  }

  control(name) {
    return this.el.querySelector(`#${CSS.escape(`${this.id}-${name}`)}`);
  }

  setValue(field, value) {
    if (field.type === 'checkboxes') {
      const chosen = new Set((value || []).map(String));
      for (const box of this.el.querySelectorAll(`input[name="${CSS.escape(field.name)}"]`)) box.checked = chosen.has(box.value);
      return;
    }
    const el = this.control(field.name);
    if (!el) return;
    if (field.type === 'checkbox') el.checked = Boolean(value);
    else el.value = value === null || value === undefined ? '' : String(value);
  }

  setValues(record) {
    for (const f of this.fields) {
      if (f.name in record) this.setValue(f, record[f.name]);
    }
  }

  value(field) {
    if (field.type === 'checkboxes') {
      return [...this.el.querySelectorAll(`input[name="${CSS.escape(field.name)}"]:checked`)]
        .map((b) => (field.int ? Number(b.value) : b.value));
    }
    const el = this.control(field.name);
    if (field.type === 'checkbox') return el.checked;
    // Passwords and codes are taken exactly as typed; other text is trimmed.
    const raw = field.type === 'password' ? el.value : el.value.trim();
    if (raw === '') return null;
    // Anything but digits goes as typed, for the API to name the problem.
    return field.int && /^[0-9]+$/.test(raw) ? Number(raw) : raw;
  }

  // Every field's value: {name: value}; empty text is null.
  values() {
    const out = {};
    for (const f of this.fields) out[f.name] = this.value(f);
    return out;
  }

  // The values that differ from the record (what a PATCH sends).
  changes() {
    const out = {};
    for (const f of this.fields) {
      const v = this.value(f);
      if (!same(v, this.record[f.name])) out[f.name] = v;
    }
    return out;
  }

  // A new starting point (after a save): values shown become the record's.
  setRecord(record) {
    this.record = record;
    this.setValues(record);
  }

  clearErrors() {
    this.summary.hidden = true;
    replace(this.summary);
    for (const err of this.el.querySelectorAll('.field-error')) {
      err.hidden = true;
      replace(err);
    }
    for (const el of this.el.querySelectorAll('[data-error-ref]')) {
      el.removeAttribute('aria-invalid');
      removeToken(el, 'aria-describedby', el.dataset.errorRef);
      delete el.dataset.errorRef;
    }
    this.el.querySelectorAll('.field-invalid').forEach((el) => el.classList.remove('field-invalid'));
  }

  // Each problem of err beside its field, and all in the summary (those of
  // fields not shown only there). A detail's `text` is a whole sentence.
  showErrors(err) {
    this.clearErrors();
    const items = [];
    let firstControl = null;
    const byField = new Map();
    for (const d of err.details || []) {
      if (!byField.has(d.field)) byField.set(d.field, []);
      byField.get(d.field).push(d);
    }
    for (const [name, problems] of byField) {
      const f = name ? this.field(name) : null;
      const label = f ? f.label : name ? name.replace(/_/g, ' ') : '';
      const messages = problems.map((d) => d.text || sentence(label, d.problem, d.rule));
      const block = f ? this.el.querySelector(`[data-field="${CSS.escape(name)}"]`) : null;
      if (block) {
        const errorEl = block.querySelector('.field-error');
        replace(errorEl, h('span', { class: 'visually-hidden' }, 'Error: '), messages.join(' '));
        errorEl.hidden = false;
        block.classList.add('field-invalid');
        const controls = f.type === 'checkboxes'
          ? [block, ...block.querySelectorAll('input')]
          : [this.control(name)];
        for (const c of controls) {
          if (c !== block) c.setAttribute('aria-invalid', 'true');
          addToken(c, 'aria-describedby', errorEl.id);
          c.dataset.errorRef = errorEl.id;
        }
        const target = f.type === 'checkboxes' ? block.querySelector('input') || block : controls[0];
        firstControl = firstControl || target;
        for (const m of messages) {
          items.push(h('li', {}, h('button', { type: 'button', class: 'link', 'data-focus-field': target.id }, m)));
        }
      } else {
        for (const m of messages) items.push(h('li', {}, m));
      }
    }
    // One problem beside one field needs no summary: focus goes there.
    if (items.length === 1 && firstControl) {
      focus(firstControl);
      return;
    }
    replace(this.summary,
      h('h2', { class: 'error-summary-title' }, err.message || 'Some fields need attention.'),
      items.length ? h('ul', {}, items) : null);
    this.summary.hidden = false;
    focus(this.summary);
  }

  // Runs action() with the button disabled (no double send). An ApiError
  // shows beside the fields, a 412 calls onStale(err) when given. Resolves
  // to action's result, or undefined.
  async submit(action, { onStale } = {}) {
    if (this.busy) return undefined;
    this.busy = true;
    this.button.disabled = true;
    this.el.setAttribute('aria-busy', 'true');
    try {
      const result = await action();
      this.clearErrors();
      this.conflict.hidden = true;
      return result;
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      // The session ended: app.js is already taking the user to sign in.
      if (err.status === 401 && (err.code === 'unauthenticated' || err.code === 'second_factor_required')) return undefined;
      if (err.status === 412 && onStale) await onStale(err);
      else this.showErrors(err);
      return undefined;
    } finally {
      this.busy = false;
      this.button.disabled = false;
      this.el.removeAttribute('aria-busy');
    }
  }

  // Someone saved the record meanwhile (current): lists what they changed;
  // reloading takes their values for those fields and keeps what was typed
  // in the others.
  showConflict(current, { label = this.noun } = {}) {
    this.clearErrors();
    const theirs = this.fields.filter((f) => f.name in current && !same(current[f.name], this.record[f.name]));
    const list = theirs.length
      ? h('ul', {}, theirs.map((f) => h('li', {},
        h('strong', {}, `${f.label}: `), describeValue(f, this.record[f.name]), ' → ', describeValue(f, current[f.name]))))
      : h('p', {}, 'None of the fields on this form changed (another part of the record did).');
    replace(this.conflict,
      h('h2', { class: 'conflict-title' }, `Someone else saved this ${label} after you opened it`),
      h('p', {}, 'Your changes are not saved yet. What they changed:'),
      list,
      h('p', {}, 'Reload to take their version in. The fields you changed and they did not keep what you typed.'),
      h('div', { class: 'form-actions' },
        h('button', { type: 'button', class: 'button', 'data-conflict': 'reload' }, 'Reload their version')));
    this.conflict.hidden = false;
    this.pending = { current, theirs };
    focus(this.conflict);
  }

  // The "Reload their version" button of showConflict.
  takeTheirs() {
    if (!this.pending) return;
    const { current, theirs } = this.pending;
    this.pending = null;
    const mine = this.values();
    this.record = current;
    for (const f of this.fields) this.setValue(f, theirs.includes(f) ? current[f.name] : mine[f.name]);
    for (const f of theirs) {
      const block = this.el.querySelector(`[data-field="${CSS.escape(f.name)}"]`);
      if (block) block.classList.add('field-updated');
    }
    this.conflict.hidden = true;
    replace(this.conflict);
    if (this.onReloaded) this.onReloaded(current);
    focus(theirs.length ? this.control(theirs[0].name) || this.button : this.button);
  }
}
