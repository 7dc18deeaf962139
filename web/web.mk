# web/: the single-page app, installed as static files under
# $(pkgdatadir)/web, the root the shipped nginx config serves. Automake
# wants every file named, one directory variable per folder; the browser
# tests (tests/browser/static.test.mjs) fail when a file under web/ is
# missing here.
webdir = $(pkgdatadir)/web
dist_web_DATA = \
	web/index.html \
	web/favicon.svg

webcssdir = $(webdir)/css
dist_webcss_DATA = \
	web/css/app.css \
	web/css/components.css \
	web/css/forms.css \
	web/css/participant.css \
	web/css/tables.css

webjsdir = $(webdir)/js
dist_webjs_DATA = \
	web/js/announce.js \
	web/js/api.js \
	web/js/app.js \
	web/js/audit.js \
	web/js/dialog.js \
	web/js/dom.js \
	web/js/enrol.js \
	web/js/form.js \
	web/js/format.js \
	web/js/header.js \
	web/js/lookups.js \
	web/js/pager.js \
	web/js/qr.js \
	web/js/return-to.js \
	web/js/router.js \
	web/js/routes.js \
	web/js/session.js

webviewsdir = $(webjsdir)/views
dist_webviews_DATA = \
	web/js/views/authenticator.js \
	web/js/views/caseload.js \
	web/js/views/dashboard.js \
	web/js/views/home.js \
	web/js/views/participant-edit.js \
	web/js/views/problem.js \
	web/js/views/signin.js

webparticipantdir = $(webviewsdir)/participant
dist_webparticipant_DATA = \
	web/js/views/participant/box.js \
	web/js/views/participant/exit-fields.js \
	web/js/views/participant/outcomes.js \
	web/js/views/participant/profile.js \
	web/js/views/participant/records.js \
	web/js/views/participant/sections.js

webadmindir = $(webviewsdir)/admin
dist_webadmin_DATA = \
	web/js/views/admin/index.js \
	web/js/views/admin/nav.js \
	web/js/views/admin/org-edit.js \
	web/js/views/admin/org-kinds.js \
	web/js/views/admin/org-list.js \
	web/js/views/admin/org-new.js \
	web/js/views/admin/program.js \
	web/js/views/admin/record.js \
	web/js/views/admin/table.js \
	web/js/views/admin/user-edit.js \
	web/js/views/admin/user-fields.js \
	web/js/views/admin/user-new.js \
	web/js/views/admin/users.js

# Third-party code, fetched and checked by web/vendor/fetch.sh (see
# web/README.md); its licence ships beside it.
webvendordir = $(webdir)/vendor
dist_webvendor_DATA = \
	web/vendor/lean-qr-2.7.4.js \
	web/vendor/lean-qr-2.7.4.LICENSE.txt

EXTRA_DIST += web/README.md web/vendor/fetch.sh
