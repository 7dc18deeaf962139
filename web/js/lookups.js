// lookups.js: regions, providers, office locations, staff positions, as
// choices and names; loaded once per sign-in, until forget().
import { getAll } from './api.js';

const PATHS = {
  regions: '/regions',
  providers: '/providers',
  locations: '/office-locations',
  positions: '/staff-positions',
};

const cache = new Map();

// The list named kind (a key of PATHS), every page of it.
export function list(kind) {
  if (!cache.has(kind)) {
    const p = getAll(PATHS[kind]);
    cache.set(kind, p);
    p.catch(() => cache.delete(kind)); // a failed load is tried again next time
  }
  return cache.get(kind);
}

export function forget(kind) {
  if (kind) cache.delete(kind);
  else cache.clear();
}

// {id: record} of a list, for showing names.
export async function byId(kind) {
  return new Map((await list(kind)).map((r) => [r.id, r]));
}

// Office locations labelled with their provider ("East LA Office (WDACS)"),
// for choosing a user's locations and for the home page's scope.
export async function locationChoices({ activeOnly = false } = {}) {
  const [locations, providers] = await Promise.all([list('locations'), byId('providers')]);
  return locations
    .filter((l) => !activeOnly || l.active)
    .map((l) => {
      const p = providers.get(l.provider_id);
      return { value: l.id, label: p ? `${l.name} (${p.name})` : l.name, record: l };
    });
}
