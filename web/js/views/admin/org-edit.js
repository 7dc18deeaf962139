// views/admin/org-edit.js: an organisation record: edit, retire or
// reinstate (nothing is deleted), and its history.
import * as api from '../../api.js';
import * as lookups from '../../lookups.js';
import { h, replace, focus } from '../../dom.js';
import { RecordForm } from '../../form.js';
import { announce } from '../../announce.js';
import { auditPanel } from '../../audit.js';
import { notFound } from '../problem.js';
import { kindOf } from './org-kinds.js';
import { adminHeader } from './nav.js';
import { status } from './table.js';
import { saveChanges, toggleActive, facts, capital } from './record.js';

export default {
  async render({ params }) {
    const kind = kindOf(params.kind);
    if (!kind || !/^[1-9][0-9]*$/.test(params.id)) return notFound.render();
    const path = `${kind.api}/${params.id}`;
    const [record, fields] = await Promise.all([api.get(path), kind.fields()]);
    const labels = Object.fromEntries(fields.map((f) => [f.name, f.label]));
    labels.active = 'Active';

    const form = new RecordForm({ name: 'record', noun: kind.one, fields, record, submitLabel: 'Save changes' });
    const heading = h('h1', {});
    const badge = h('span', {});
    const factsLine = h('div', {});
    const retireBox = h('section', { class: 'panel', 'aria-labelledby': 'retire-heading' });
    const history = h('div', {});

    // Everything on the page that shows the record, after a save.
    function refresh(r) {
      replace(heading, `${capital(kind.one)}: ${r.name}`);
      replace(badge, status(r.active));
      replace(factsLine, facts(r));
      replace(retireBox,
        h('h2', { id: 'retire-heading' }, r.active ? `Retire this ${kind.one}` : `Reinstate this ${kind.one}`),
        h('p', {}, r.active
          ? `A retired ${kind.one} is no longer offered for new records. Records that already use it keep it.`
          : `This ${kind.one} is retired. Reinstating it offers it for new records again.`),
        h('button', { type: 'button', class: r.active ? 'button button-danger' : 'button', 'data-action': 'toggle-active' },
          r.active ? `Retire ${kind.one}` : `Reinstate ${kind.one}`));
      replace(history, auditPanel(kind.entity, r.id, labels));
    }
    refresh(record);

    const afterSave = (saved) => {
      lookups.forget(kind.lookup);
      refresh(saved);
    };

    return {
      title: `${capital(kind.one)} ${record.name}`,
      node: h('div', {},
        adminHeader(kind.key, [[kind.many, `#/admin/${kind.key}`], [record.name]]),
        h('div', { class: 'title-row' }, heading, badge),
        factsLine,
        h('section', { class: 'panel', 'aria-labelledby': 'edit-heading' },
          h('h2', { id: 'edit-heading' }, 'Details'), form.el),
        retireBox,
        history),
      forms: {
        record: () => saveChanges(form, path, { noun: kind.one, afterSave }),
      },
      actions: {
        'toggle-active': () => toggleActive(form, path, kind.one, (retiring) => ({
          title: `${retiring ? 'Retire' : 'Reinstate'} ${form.record.name}?`,
          message: retiring
            ? 'It will no longer be offered for new records. You can reinstate it later.'
            : 'It will be offered for new records again.',
          confirmLabel: `${retiring ? 'Retire' : 'Reinstate'} ${kind.one}`,
        }), (saved, retiring) => {
          afterSave(saved);
          focus(retireBox.querySelector('button'));
          announce(`${capital(kind.one)} ${retiring ? 'retired' : 'reinstated'}.`);
        }),
      },
    };
  },
};
