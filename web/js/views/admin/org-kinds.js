// views/admin/org-kinds.js: the organisation resources share one shape, so
// this table and the org-list, org-new and org-edit screens serve them all.
import * as lookups from '../../lookups.js';

export const KINDS = {
  providers: {
    api: '/providers', entity: 'provider', lookup: 'providers',
    one: 'provider', many: 'Providers', add: 'Add a provider',
    fields: async () => [
      { name: 'name', label: 'Name', required: true, maxlength: 190 },
      { name: 'agency_code', label: 'Agency code', maxlength: 32, width: 'short',
        hint: 'The code the state gave this agency. Regions that need one on credentials use it.' },
    ],
    columns: [['name', 'Name'], ['agency_code', 'Agency code']],
  },
  'office-locations': {
    api: '/office-locations', entity: 'office_location', lookup: 'locations',
    one: 'office location', many: 'Office locations', add: 'Add an office location',
    fields: async () => {
      const [providers, regions] = await Promise.all([lookups.list('providers'), lookups.list('regions')]);
      const choices = (list, key) => list.map((r) => ({ value: r.id, label: r.active ? r[key] : `${r[key]} (retired)` }));
      return [
        { name: 'provider_id', label: 'Provider', type: 'select', int: true, required: true,
          emptyLabel: 'Choose a provider', options: choices(providers, 'name') },
        { name: 'region_id', label: 'LWIA / Region', type: 'select', int: true, required: true,
          emptyLabel: 'Choose a region', options: choices(regions, 'name') },
        { name: 'name', label: 'Name', required: true, maxlength: 190,
          hint: 'Unique within the provider, e.g. "East LA Office".' },
        { name: 'address', label: 'Address', type: 'textarea', maxlength: 400 },
      ];
    },
    columns: [['name', 'Name'], ['provider_id', 'Provider'], ['region_id', 'LWIA / Region'], ['address', 'Address']],
  },
  regions: {
    api: '/regions', entity: 'region', lookup: 'regions',
    one: 'region', many: 'LWIA / Regions', add: 'Add a region',
    fields: async () => [
      { name: 'code', label: 'Code', required: true, maxlength: 32, width: 'short', spellcheck: false,
        hint: 'Short and unique, e.g. CA-LA-WDACS.' },
      { name: 'name', label: 'Name', required: true, maxlength: 190 },
      { name: 'requires_agency_code', label: 'Credentials in this region need an agency code', type: 'checkbox',
        hint: 'Rule R-CRED-1: a credential is refused without the provider’s agency code.' },
    ],
    columns: [['code', 'Code'], ['name', 'Name'], ['requires_agency_code', 'Needs agency code']],
  },
  'staff-positions': {
    api: '/staff-positions', entity: 'staff_position', lookup: 'positions',
    one: 'staff position', many: 'Staff positions', add: 'Add a staff position',
    fields: async () => [{ name: 'name', label: 'Name', required: true, maxlength: 190 }],
    columns: [['name', 'Name']],
  },
  // Only the list: program.js shows and edits a profile.
  programs: {
    api: '/programs', one: 'program', many: 'Program profiles', add: 'Add a program',
    columns: [['code', 'Code'], ['name', 'Name'], ['system_code', 'System'], ['version', 'Version']],
  },
};

// The kind named by a route's :kind, with its key; null for any other word.
export function kindOf(key) {
  return Object.hasOwn(KINDS, key) ? { key, ...KINDS[key] } : null;
}
