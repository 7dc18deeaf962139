// Checks on the files themselves, no browser: the size budget, the rules
// that keep the app safe under its CSP (no inline script or style, no HTML
// parsed from strings), and that the automake lists name every file, so
// `make install` and `make dist` ship what the app loads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WEB_ROOT } from './lib/env.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const BUDGET = 200 * 1024; // issue 7: all JS and CSS, before compression

function walk(dir, skip = () => false) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (skip(path, name)) continue;
    if (statSync(path).isDirectory()) out.push(...walk(path, skip));
    else out.push(path);
  }
  return out;
}

// The paths a fragment names (words that start with prefix).
function listed(mkFile, prefix) {
  const text = readFileSync(mkFile, 'utf8').replace(/^#.*$/gm, '').replace(/\\\n/g, ' ');
  return new Set(text.split(/\s+/).filter((w) => w.startsWith(prefix)));
}

const webFiles = walk(WEB_ROOT);
const ownJs = webFiles.filter((f) => f.endsWith('.js') && !f.includes('/vendor/'));

test('all JavaScript and CSS together stay under 200 KB before compression', () => {
  const assets = webFiles.filter((f) => /\.(js|css)$/.test(f));
  const total = assets.reduce((sum, f) => sum + statSync(f).size, 0);
  console.log(`web/ JS+CSS: ${assets.length} files, ${total} bytes (${(total / 1024).toFixed(1)} KB of ${BUDGET / 1024} KB)`);
  assert.ok(total < BUDGET, `${total} bytes is over the budget of ${BUDGET}`);
});

test('index.html has no inline script, inline style or event-handler attribute', () => {
  const html = readFileSync(join(WEB_ROOT, 'index.html'), 'utf8');
  for (const tag of html.match(/<script\b[^>]*>/g) || []) {
    assert.match(tag, /\ssrc="/, `inline script: ${tag}`);
  }
  assert.doesNotMatch(html, /<style\b/i, 'a <style> element');
  assert.doesNotMatch(html, /\sstyle=/i, 'a style attribute');
  assert.doesNotMatch(html, /\son[a-z]+=/i, 'an inline event handler');
});

test('the app never parses markup from strings', () => {
  for (const file of ownJs) {
    // Comments may name what the code must not do.
    const code = readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '');
    for (const banned of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'eval(', 'new Function']) {
      assert.ok(!code.includes(banned), `${relative(WEB_ROOT, file)} uses ${banned}`);
    }
  }
});

test('only api.js calls fetch', () => {
  for (const file of ownJs) {
    if (file.endsWith('/js/api.js')) continue;
    assert.doesNotMatch(readFileSync(file, 'utf8'), /\bfetch\(/, `${relative(WEB_ROOT, file)} calls fetch`);
  }
});

test('web/web.mk names every file under web/, and nothing that is not there', () => {
  const names = listed(join(WEB_ROOT, 'web.mk'), 'web/');
  const present = new Set(webFiles.map((f) => `web/${relative(WEB_ROOT, f)}`).filter((f) => f !== 'web/web.mk'));
  for (const f of present) assert.ok(names.has(f), `${f} is not listed in web/web.mk`);
  for (const f of names) assert.ok(present.has(f), `web/web.mk lists ${f}, which does not exist`);
});

test('tests/browser/browser.mk names every file of the browser tests', () => {
  const names = listed(join(HERE, 'browser.mk'), 'tests/browser/');
  const present = walk(HERE, (path, name) => name === 'node_modules')
    .map((f) => `tests/browser/${relative(HERE, f)}`)
    .filter((f) => f !== 'tests/browser/browser.mk');
  for (const f of present) assert.ok(names.has(f), `${f} is not listed in tests/browser/browser.mk`);
  for (const f of names) assert.ok(present.includes(f), `browser.mk lists ${f}, which does not exist`);
});

test('the vendored files are the ones web/vendor/fetch.sh verified', () => {
  const out = execFileSync(join(WEB_ROOT, 'vendor', 'fetch.sh'), ['--check'], { encoding: 'utf8' });
  assert.match(out, /^ok {2}lean-qr-2\.7\.4\.js/m);
});
