// lib/env.mjs: what tests/browser/run tells the tests about the stack it
// started. A test run without it fails at once with a clear message rather
// than testing something else.
import { execFileSync } from 'node:child_process';

function need(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests through tests/browser/run`);
  return value;
}

export const BASE_URL = need('PATHWAY_TEST_URL');
export const WEB_ROOT = need('PATHWAY_WEB_ROOT');
export const SHOTS = need('PATHWAY_BROWSER_SHOTS');
const CTL = need('PATHWAY_TEST_CTL');
need('PATHWAY_TEST_DIR');

export const PASSWORD = 'Pathway-Demo-2026';

// Runs one SQL statement in the stack's database (through
// tests/integration/stackctl) and returns the rows as arrays of strings.
export function sql(statement) {
  const out = execFileSync(CTL, ['sql', statement], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return out.split('\n').filter(Boolean).map((line) => line.split('\t'));
}

// SQL string literal for values the tests make up themselves.
export function quote(s) {
  return `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
