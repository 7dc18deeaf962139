// views/admin/org-new.js: creating an organisation record
// (#/admin/providers/new and the others of org-kinds.js).
import * as api from '../../api.js';
import * as router from '../../router.js';
import * as lookups from '../../lookups.js';
import { h } from '../../dom.js';
import { RecordForm } from '../../form.js';
import { flash } from '../../announce.js';
import { notFound } from '../problem.js';
import { kindOf } from './org-kinds.js';
import { adminHeader } from './nav.js';
import { filled, capital } from './record.js';

export default {
  async render({ params }) {
    const kind = kindOf(params.kind);
    if (!kind) return notFound.render();
    const form = new RecordForm({
      name: 'record',
      noun: kind.one,
      fields: await kind.fields(),
      submitLabel: `Create ${kind.one}`,
      after: [h('a', { href: `#/admin/${kind.key}`, class: 'button button-secondary' }, 'Cancel')],
    });
    return {
      title: kind.add,
      node: h('div', {},
        adminHeader(kind.key, [[kind.many, `#/admin/${kind.key}`], [kind.add]]),
        h('h1', {}, kind.add),
        form.el),
      forms: {
        record: () => form.submit(async () => {
          const created = await api.post(kind.api, filled(form.values()));
          lookups.forget(kind.lookup);
          flash(`${capital(kind.one)} “${created.name}” created.`);
          router.go(`#/admin/${kind.key}/${created.id}`);
        }),
      },
    };
  },
};
