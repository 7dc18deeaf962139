# conf/: example configuration shipped with the distribution, and the scripts
# behind the run command (conf/dev/run), the stop command (conf/dev/stop) and
# the test command (tests/run), which share conf/dev/stack.sh.
EXTRA_DIST += conf/pathway.conf
EXTRA_DIST += conf/nginx/pathway.conf conf/nginx/pathway-upstream.conf \
	conf/nginx/pathway-locations.conf
EXTRA_DIST += conf/systemd/pathway-fcgi.service conf/systemd/pathway-sweep.service \
	conf/systemd/pathway-sweep.timer conf/systemd/pathway-spawn-fcgi.example \
	conf/pathway.cron
EXTRA_DIST += conf/dev/stack.sh conf/dev/run conf/dev/stop tests/run
