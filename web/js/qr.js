// qr.js: a QR code as an inline SVG, for setting up an authenticator app.
// The encoding (Reed-Solomon, masks, versions) comes from the vendored lean-qr
// library (see web/README.md); drawing is done here with DOM calls, so no
// markup string is ever parsed and the CSP needs nothing special.
import { generate, correction } from '../vendor/lean-qr-2.7.4.js';
import { svg } from './dom.js';

// text: what the code holds; label: what a screen reader says instead.
// The four-module quiet zone the standard asks for is part of the drawing,
// painted white, so the code scans on any background.
export function qrCode(text, label) {
  const code = generate(text, { minCorrectionLevel: correction.M });
  const size = code.size + 8;
  const dark = (x, y) => code.get(x - 4, y - 4);
  // One path of unit squares, row by row, merging runs of dark modules into
  // one rectangle each: a few hundred path commands instead of thousands.
  let d = '';
  for (let y = 0; y < size; y += 1) {
    let x = 0;
    while (x < size) {
      if (!dark(x, y)) {
        x += 1;
        continue;
      }
      const start = x;
      while (x < size && dark(x, y)) x += 1;
      d += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  }
  return svg('svg', {
    class: 'qr', viewBox: `0 0 ${size} ${size}`, width: size * 5, height: size * 5,
    role: 'img', 'aria-label': label, 'shape-rendering': 'crispEdges',
  },
  svg('rect', { width: size, height: size, fill: '#fff' }),
  svg('path', { d, fill: '#000' }));
}
