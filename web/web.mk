# web/: the single-page app, shipped as static files.
EXTRA_DIST += web
