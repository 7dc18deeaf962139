// dom.js: building the DOM. Text goes in only as text nodes, never
// innerHTML, so no typed or fetched text becomes markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

// Set as properties: their attributes do not track changes, or mean
// "true" by their mere presence.
const PROPS = new Set(['value', 'checked', 'selected', 'disabled', 'hidden', 'required',
  'multiple', 'readOnly', 'indeterminate']);

function setAttrs(el, attrs) {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false && !PROPS.has(key)) continue;
    if (key === 'class') {
      el.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (key === 'style' || key.startsWith('on')) {
      // Inline styles break the CSP and inline handlers bypass delegation.
      throw new Error(`dom.js: "${key}" is not allowed; use classes and data-action`);
    } else if (PROPS.has(key)) {
      el[key] = value;
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.append(child);
    else el.append(document.createTextNode(String(child)));
  }
}

// h('p', {class: 'note'}, 'Hello ', h('strong', {}, name)): strings become
// text nodes, null/false are skipped, arrays flattened.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

// The same for SVG elements (the QR code).
export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null) el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

// Replaces the children of el.
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

// A unique id for label/description wiring.
let counter = 0;
export function uid(prefix = 'id') {
  counter += 1;
  return `${prefix}-${counter}`;
}

// Adds one token to an element's space-separated attribute (aria-describedby).
export function addToken(el, attr, token) {
  const tokens = new Set((el.getAttribute(attr) || '').split(/\s+/).filter(Boolean));
  tokens.add(token);
  el.setAttribute(attr, [...tokens].join(' '));
}

export function removeToken(el, attr, token) {
  const tokens = (el.getAttribute(attr) || '').split(/\s+/).filter((t) => t && t !== token);
  if (tokens.length) el.setAttribute(attr, tokens.join(' '));
  else el.removeAttribute(attr);
}

// Event delegation: one listener on root; fn(el, value, event) for events
// inside an element with data-<attr>.
export function delegate(root, type, attr, fn) {
  root.addEventListener(type, (event) => {
    const el = event.target instanceof Element ? event.target.closest(`[data-${attr}]`) : null;
    if (el && root.contains(el)) fn(el, el.dataset[attr.replace(/-(.)/g, (_, c) => c.toUpperCase())], event);
  });
}

// Moves focus to el, making it focusable first if it is not (headings).
export function focus(el) {
  if (!el) return;
  if (!el.hasAttribute('tabindex') && !el.matches('a[href], button, input, select, textarea')) {
    el.setAttribute('tabindex', '-1');
  }
  el.focus();
}

// A box that scrolls a wide table sideways: a focusable, labelled region
// so keyboards scroll it too (WCAG 2.1.1).
export function scrollRegion(label, content) {
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': label }, content);
}
