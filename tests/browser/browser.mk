# tests/browser/: the browser tests (playwright-core + Debian chromium), run
# by tests/run through tests/browser/run, not by `make check` (they need
# root, Chromium and the npm packages). Listed so `make dist` carries them;
# tests/browser/static.test.mjs fails when a file here is missing.
EXTRA_DIST += \
	tests/browser/run \
	tests/browser/.npmrc \
	tests/browser/package.json \
	tests/browser/package-lock.json \
	tests/browser/fixtures/users.tsv \
	tests/browser/lib/app.mjs \
	tests/browser/lib/browser.mjs \
	tests/browser/lib/env.mjs \
	tests/browser/lib/totp.mjs \
	tests/browser/a11y.test.mjs \
	tests/browser/admin.test.mjs \
	tests/browser/caseload.test.mjs \
	tests/browser/keyboard.test.mjs \
	tests/browser/outcome-forms.test.mjs \
	tests/browser/outcomes.test.mjs \
	tests/browser/participants.test.mjs \
	tests/browser/programs.test.mjs \
	tests/browser/session.test.mjs \
	tests/browser/signin.test.mjs \
	tests/browser/static.test.mjs
