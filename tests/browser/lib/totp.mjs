// lib/totp.mjs: RFC 6238 codes (HMAC-SHA1, 30-second steps, six digits),
// as the authenticator app on a phone would show them. The server refuses
// a code whose step was already used (replay) and accepts one step of
// drift, so codeFor() never hands out a step twice for one secret: it uses
// the current step, else the next one, else waits for time to catch up.
// The steps handed out are kept in a file beside the stack, so test files
// (separate processes) share what they used.
import { createHmac } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const STEP_SECONDS = 30;

export function base32Decode(text) {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out = [];
  for (const ch of clean) {
    const idx = ALPHABET.indexOf(ch);
    if (idx < 0) throw new Error(`not base32: ${ch}`);
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

// The code of one time step (RFC 4226 dynamic truncation).
export function hotp(secret, counter) {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', base32Decode(secret)).update(msg).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const bin = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  return String(bin % 1e6).padStart(6, '0');
}

export function currentStep(now = Date.now()) {
  return Math.floor(now / 1000 / STEP_SECONDS);
}

function ledgerPath() {
  return join(process.env.PATHWAY_TEST_DIR || '/tmp', 'totp-steps.json');
}

function readLedger() {
  try {
    return JSON.parse(readFileSync(ledgerPath(), 'utf8'));
  } catch {
    return {};
  }
}

// A code the server will take for secret: never a step used before.
export async function codeFor(secret) {
  for (;;) {
    const ledger = readLedger();
    const last = ledger[secret] ?? -1;
    const now = currentStep();
    // The current step's code stays good for one more step (drift), and
    // the next step's is taken at once, for the same reason.
    const step = last < now ? now : last < now + 1 ? now + 1 : null;
    if (step !== null) {
      ledger[secret] = step;
      writeFileSync(ledgerPath(), JSON.stringify(ledger));
      return hotp(secret, step);
    }
    const msIntoStep = Date.now() % (STEP_SECONDS * 1000);
    await sleep(STEP_SECONDS * 1000 - msIntoStep + 200);
  }
}

// Records that a step was used outside codeFor (the enrolment confirm).
export function markUsed(secret, step) {
  const ledger = readLedger();
  ledger[secret] = Math.max(ledger[secret] ?? -1, step);
  writeFileSync(ledgerPath(), JSON.stringify(ledger));
}
