// views/admin/user-fields.js: an account's fields; retired choices only
// where the account has them.
import * as lookups from '../../lookups.js';
import { ROLES } from '../../format.js';

export async function userFields({ creating, user = {} }) {
  const [positions, locations] = await Promise.all([lookups.list('positions'), lookups.locationChoices()]);
  const mine = new Set(user.location_ids || []);
  const staffRoles = ROLES.filter((r) => r.value !== 'customer');
  // Staff and participant accounts do not turn into each other (the API
  // refuses it), so an edit offers only the roles of the account's kind.
  const roles = creating ? ROLES : user.role === 'customer' ? ROLES.filter((r) => r.value === 'customer') : staffRoles;
  const fields = [];
  if (creating) {
    fields.push({ name: 'login', label: 'Login', required: true, maxlength: 64, spellcheck: false, autocomplete: 'off',
      hint: 'What they type to sign in: letters, digits and . _ @ -' });
  }
  fields.push(
    { name: 'display_name', label: 'Name', required: true, maxlength: 190, autocomplete: 'off' },
    { name: 'email', label: 'Email', type: 'email', maxlength: 254, autocomplete: 'off' },
    { name: 'role', label: 'Role', type: 'select', required: true, emptyLabel: creating ? 'Choose a role' : null, options: roles,
      hint: 'Statewide users see every record and administer Pathway; the others see the participants of their office locations.' },
    { name: 'staff_position_id', label: 'Staff position', type: 'select', int: true,
      options: positions.filter((p) => p.active || p.id === user.staff_position_id).map((p) => ({ value: p.id, label: p.name })) },
    { name: 'location_ids', label: 'Office locations', type: 'checkboxes', int: true,
      hint: 'The participants of these locations are the ones this account sees (statewide users see all).',
      emptyText: 'No office locations exist yet: add one under Office locations first.',
      options: locations.filter((l) => l.record.active || mine.has(l.value)).map(({ value, label }) => ({ value, label })) },
  );
  if (creating) {
    fields.push(
      { name: 'participant_id', label: 'Participant number', int: true, inputmode: 'numeric', width: 'short',
        hint: 'Only for participant (read-only) accounts: the participant whose own outcomes they see.' },
      { name: 'password', label: 'First password', type: 'password', required: true, autocomplete: 'new-password',
        hint: 'At least 12 characters, not the login, not a common password. Give it to them in person or by phone.' },
    );
  }
  return fields;
}

export const USER_LABELS = {
  login: 'Login', display_name: 'Name', email: 'Email', role: 'Role', staff_position_id: 'Staff position',
  location_ids: 'Office locations', participant_id: 'Participant number', active: 'Active', totp_enabled: 'Authenticator app',
};
