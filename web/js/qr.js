// qr.js: a QR code as inline SVG drawn with DOM calls (no markup parsed);
// the encoding is the vendored lean-qr's (web/README.md).
import { generate, correction } from '../vendor/lean-qr-2.7.4.js';
import { svg } from './dom.js';

// label: what a screen reader says. The white four-module quiet zone is
// drawn, so it scans on any background.
export function qrCode(text, label) {
  const code = generate(text, { minCorrectionLevel: correction.M });
  const size = code.size + 8;
  const dark = (x, y) => code.get(x - 4, y - 4);
  // One path; each run of dark modules in a row is one rectangle.
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
