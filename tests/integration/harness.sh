#!/usr/bin/env bash
# tests/integration/harness.sh: runs the integration suite (pathway-itest)
# against a real stack of its own: a throwaway MariaDB, the workers built in
# this tree and an nginx on a free port, all in one temporary directory with
# private sockets, so it can run beside a running dev instance or another
# suite. `make check` runs it (a TESTS entry, cwd = the build directory) with
# abs_top_srcdir and abs_top_builddir exported by AM_TESTS_ENVIRONMENT. It
# writes nothing outside its temporary directory (distcheck's srcdir is
# read-only).
#
# The suite gets these variables:
#   PATHWAY_TEST_URL         http://127.0.0.1:PORT (nginx in front of the workers)
#   PATHWAY_TEST_DIR         the temporary directory (layout: conf/dev/stack.sh)
#   PATHWAY_TEST_SOCKET      the workers' FastCGI socket
#   PATHWAY_TEST_CONF        the workers' config file
#   PATHWAY_TEST_PIDFILE     the workers' parent's pid file
#   PATHWAY_TEST_DB_SOCKET   the MariaDB socket (user root, database pathway)
#   PATHWAY_TEST_MIGRATIONS  the migrations directory
#   PATHWAY_TEST_CTL         tests/integration/stackctl (db-stop, db-start, sql ...)
#   PATHWAY_FCGI_BIN, PATHWAY_ADMIN_BIN  the binaries under test
#
# With PATHWAY_TEST_VALGRIND=1 (tests/run does this with a build without
# sanitizers) the workers run under valgrind, every process with its own log,
# and only the suites in PATHWAY_TEST_SUITES (comma-separated; default a
# selection that walks the main request paths without the process tests,
# which time signals) are run; any valgrind error or leak fails the run.
# Password hashing is made cheap for that run (valgrind makes Argon2's
# 19 MiB slow), which changes no code path.
#
# Exit status: the suite's, or 1 when the stack cannot be built or torn down
# cleanly (the workers must exit 0 on SIGTERM; sanitizer reports from the
# workers fail the run). Never 77: these tests do not skip. On failure the
# temporary directory is kept and the tail of every log printed.
set -euo pipefail

: "${abs_top_srcdir:?is not set: run this through make check}"
: "${abs_top_builddir:?is not set: run this through make check}"
# shellcheck source-path=SCRIPTDIR source=../../conf/dev/stack.sh
source "$abs_top_srcdir/conf/dev/stack.sh"

readonly PROCESSES=2 THREADS=4
readonly FCGI_BIN=$abs_top_builddir/pathway-fcgi
readonly ADMIN_BIN=$abs_top_builddir/pathway-admin
readonly ITEST_BIN=$abs_top_builddir/tests/integration/pathway-itest
readonly CTL=$abs_top_srcdir/tests/integration/stackctl

TEST_DIR=
SUITE_STATUS=1
VALGRIND=${PATHWAY_TEST_VALGRIND:-}
SUITES=${PATHWAY_TEST_SUITES:-}
[[ -n $VALGRIND && -z $SUITES ]] && SUITES=health,http,org,participants,services,idempotency

# Writes a wrapper that runs the workers under valgrind (forked workers are
# followed as they are forked) and prints its path.
valgrind_wrapper() {
	local w=$TEST_DIR/valgrind-pathway-fcgi
	printf '%s\n' '#!/bin/sh' \
		"exec valgrind --quiet --error-exitcode=99 --leak-check=full \\" \
		"  --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \\" \
		"  --num-callers=30 --log-file='$TEST_DIR/valgrind/%p.log' '$FCGI_BIN' \"\$@\"" >"$w"
	chmod +x "$w"
	printf '%s\n' "$w"
}

# Fails when any valgrind log holds an error or a leak.
check_valgrind_logs() {
	local log errors=0
	[[ -n $VALGRIND ]] || return 0
	for log in "$TEST_DIR"/valgrind/*.log; do
		[[ -s $log ]] || continue
		printf -- '---- valgrind %s ----\n' "$log" >&2
		cat -- "$log" >&2
		errors=1
	done
	if ((errors)); then
		printf 'FAIL: valgrind reported errors or leaks in the workers (above)\n' >&2
		return 1
	fi
	printf 'valgrind: no errors or leaks in the workers\n'
}

# Options for the throwaway MariaDB: small and fast rather than durable.
write_mysqld_opts() {
	printf '%s\n' '# Throwaway test server (tests/integration/harness.sh).' \
		--innodb-buffer-pool-size=64M --innodb-log-file-size=16M \
		--innodb-flush-log-at-trx-commit=2 --skip-log-bin \
		>"$PW_I/etc/mysqld.opts"
}

# Starts nginx on a free port, trying a few: another program may take the
# port between the check and the bind. Prints the port.
start_nginx_on_free_port() {
	local try port
	for try in 1 2 3 4 5; do
		port=$(pw_free_port)
		pw_nginx_write_conf "$port" "$PROCESSES" "$THREADS"
		if pw_nginx_try_start >&2; then
			printf '%s\n' "$port"
			return 0
		fi
		pw_note "port $port: nginx could not start (try $try of 5)" >&2
	done
	pw_show_log "$PW_NGINX_ERRLOG" 10
	pw_die "nginx did not start on any of 5 free ports"
}

# Builds the stack and runs the suite; sets SUITE_STATUS.
run_suite() {
	pw_require_root
	local bin
	for bin in "$FCGI_BIN" "$ADMIN_BIN" "$ITEST_BIN"; do
		[[ -x $bin ]] || pw_die "missing $bin (make check builds it)"
	done
	TEST_DIR=$(mktemp -d "${TMPDIR:-/tmp}/pathway-it.XXXXXX")
	# nginx's workers (www-data) must traverse it to reach the socket.
	chmod 0711 "$TEST_DIR"
	pw_instance "$TEST_DIR"
	pw_instance_dirs
	pw_step "integration stack in $TEST_DIR"
	mkdir -p "$TEST_DIR/sanitizer"

	write_mysqld_opts
	pw_db_init
	pw_db_start
	pw_db_create
	pw_fcgi_write_conf "$PROCESSES" "$THREADS"
	if [[ -n $VALGRIND ]]; then
		mkdir -p "$TEST_DIR/valgrind"
		printf '\n[auth]\n%s\n%s\n' 'password_opslimit = 1' 'password_memlimit_kib = 8192' \
			>>"$PW_FCGI_CONF"
	fi
	pw_fcgi_check_conf "$FCGI_BIN"
	pw_step "migrating"
	pw_admin "$ADMIN_BIN" migrate --dir "$abs_top_srcdir/db/migrations" || pw_die "pathway-admin migrate failed"
	pw_step "loading demo data"
	pw_admin "$ADMIN_BIN" demo --dir "$abs_top_srcdir/db/demo" || pw_die "pathway-admin demo failed"

	local -a san_env
	mapfile -t san_env < <(pw_sanitizer_env "$TEST_DIR/sanitizer")
	if [[ -n $VALGRIND ]]; then
		pw_fcgi_start "$(valgrind_wrapper)"
	else
		pw_fcgi_start "$FCGI_BIN" "${san_env[@]}"
	fi
	local port
	port=$(start_nginx_on_free_port)
	local url=http://127.0.0.1:$port
	pw_step "waiting for $url/api/v1/health"
	pw_wait_http_200 "$url/api/v1/health" 60 || pw_die "the stack does not answer at $url/api/v1/health"

	export PATHWAY_TEST_URL=$url PATHWAY_TEST_DIR=$TEST_DIR
	export PATHWAY_TEST_SLOTS=$((PROCESSES * THREADS))
	export PATHWAY_TEST_SOCKET=$PW_FCGI_SOCKET PATHWAY_TEST_CONF=$PW_FCGI_CONF
	export PATHWAY_TEST_PIDFILE=$PW_FCGI_PIDFILE PATHWAY_TEST_DB_SOCKET=$PW_DB_SOCKET
	export PATHWAY_TEST_MIGRATIONS=$abs_top_srcdir/db/migrations PATHWAY_TEST_CTL=$CTL
	export PATHWAY_FCGI_BIN=$FCGI_BIN PATHWAY_ADMIN_BIN=$ADMIN_BIN
	pw_step "running $ITEST_BIN${SUITES:+ (suites $SUITES)}"
	if "$ITEST_BIN" ${SUITES:+"$SUITES"}; then
		SUITE_STATUS=0
	else
		SUITE_STATUS=$?
		printf 'pathway-itest exited with status %s\n' "$SUITE_STATUS" >&2
	fi
}

# Stops the workers and checks they ended as promised: exit 0 on SIGTERM.
# Returns 1 otherwise. Not running (a test stopped them) is no failure here.
stop_workers_checked() {
	pw_fcgi_running || {
		pw_fcgi_stop
		return 0
	}
	if ! pw_fcgi_stop; then
		printf 'FAIL: pathway-fcgi did not exit within 30 s of SIGTERM (killed)\n' >&2
		return 1
	fi
	local code
	if ! pw_wait_for 5 test -s "$PW_FCGI_EXIT"; then
		printf 'FAIL: pathway-fcgi exit status was not recorded in %s\n' "$PW_FCGI_EXIT" >&2
		return 1
	fi
	code=$(<"$PW_FCGI_EXIT")
	if [[ $code != 0 ]]; then
		printf 'FAIL: pathway-fcgi exited with status %s on SIGTERM (expected 0)\n' "$code" >&2
		return 1
	fi
}

# Prints everything the workers' sanitizers wrote; returns 1 if any of it is
# an error report (ASan/LSan "ERROR:", UBSan "runtime error:"). Warnings alone
# (e.g. "failed to allocate" with allocator_may_return_null) are shown only.
check_sanitizer_reports() {
	local report errors=0
	for report in "$TEST_DIR"/sanitizer/*; do
		[[ -f $report ]] || continue
		printf -- '---- sanitizer output %s ----\n' "$report" >&2
		cat -- "$report" >&2
		if grep -qE 'ERROR: |runtime error:' "$report"; then
			errors=1
		fi
	done
	if ((errors)); then
		printf 'FAIL: the workers wrote sanitizer error reports (above)\n' >&2
		return 1
	fi
}

# The EXIT trap: tears the stack down, decides the final status, keeps the
# directory and shows the logs on failure, removes it on success.
finish() {
	local status=$SUITE_STATUS log
	set +e
	trap - EXIT INT TERM
	if [[ -n $TEST_DIR ]]; then
		pw_step "tearing down $TEST_DIR"
		pw_nginx_stop || printf 'warning: nginx had to be killed\n' >&2
		stop_workers_checked || status=1
		pw_db_stop || printf 'warning: MariaDB had to be killed\n' >&2
		check_sanitizer_reports || status=1
		check_valgrind_logs || status=1
		if ((status != 0)); then
			for log in "$TEST_DIR"/log/*; do
				pw_show_log "$log" 25
			done
			printf 'the stack was left in %s for inspection\n' "$TEST_DIR" >&2
		else
			rm -rf -- "$TEST_DIR"
		fi
	fi
	# 77 would mean "skipped" to automake; nothing here skips.
	((status == 77)) && status=1
	exit "$status"
}

trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
run_suite
