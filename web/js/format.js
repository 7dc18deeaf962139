// format.js: how values read on screen: dates in the user's locale, role
// codes as the words staff use for them.

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

// An RFC 3339 timestamp from the API ("2026-11-23T05:13:02Z") in local time.
export function when(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

export function time(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : timeOnly.format(d);
}

export const ROLES = [
  { value: 'statewide', label: 'Statewide user' },
  { value: 'program_manager', label: 'Program manager' },
  { value: 'intermediary', label: 'Intermediary' },
  { value: 'provider_partner', label: 'Provider partner' },
  { value: 'customer', label: 'Participant (read-only)' },
];

export function roleLabel(code) {
  const r = ROLES.find((x) => x.value === code);
  return r ? r.label : code;
}
