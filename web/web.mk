# web/: the single-page app, installed as static files under
# $(pkgdatadir)/web, the root the shipped nginx config serves.
webdir = $(pkgdatadir)/web
dist_web_DATA = web/index.html
webcssdir = $(webdir)/css
dist_webcss_DATA = web/css/app.css
webjsdir = $(webdir)/js
dist_webjs_DATA = web/js/app.js
