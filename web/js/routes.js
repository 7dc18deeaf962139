// routes.js: every screen and who may see it (the first match wins).
// access: public, signed-in, statewide (admin) or programs (statewide users
// and program managers, R-ACL-2); the API refuses the others anyway.
import signin from './views/signin.js';
import home, { account } from './views/home.js';
import authenticator from './views/authenticator.js';
import adminIndex from './views/admin/index.js';
import usersList from './views/admin/users.js';
import userNew from './views/admin/user-new.js';
import userEdit from './views/admin/user-edit.js';
import orgList from './views/admin/org-list.js';
import orgNew from './views/admin/org-new.js';
import orgEdit from './views/admin/org-edit.js';
import program from './views/admin/program.js';
import caseload from './views/caseload.js';
import profile from './views/participant/profile.js';
import outcomes from './views/participant/outcomes.js';
import dashboard from './views/dashboard.js';
import participantEdit from './views/participant-edit.js';

const programs = { render: (c) => orgList.render({ ...c, params: { kind: 'programs' } }) };

export const routes = [
  { pattern: '/signin', view: signin, access: 'public' },
  { pattern: '/', view: home, access: 'signed-in' },
  { pattern: '/account', view: account, access: 'signed-in' },
  { pattern: '/account/authenticator', view: authenticator, access: 'signed-in' },
  { pattern: '/participants', view: caseload, access: 'signed-in' },
  { pattern: '/participants/new', view: participantEdit, access: 'signed-in' },
  { pattern: '/participants/:id', view: profile, access: 'signed-in' },
  { pattern: '/participants/:id/edit', view: participantEdit, access: 'signed-in' },
  { pattern: '/participants/:id/outcomes', view: outcomes, access: 'signed-in' },
  { pattern: '/my', view: dashboard, access: 'signed-in' },
  { pattern: '/admin', view: adminIndex, access: 'statewide' },
  { pattern: '/admin/users', view: usersList, access: 'statewide' },
  { pattern: '/admin/users/new', view: userNew, access: 'statewide' },
  { pattern: '/admin/users/:id', view: userEdit, access: 'statewide' },
  { pattern: '/admin/programs', view: programs, access: 'programs' },
  { pattern: '/admin/programs/:id', view: program, access: 'programs' },
  { pattern: '/admin/:kind', view: orgList, access: 'statewide' },
  { pattern: '/admin/:kind/new', view: orgNew, access: 'statewide' },
  { pattern: '/admin/:kind/:id', view: orgEdit, access: 'statewide' },
];
