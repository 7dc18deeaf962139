# shellcheck shell=bash
# conf/dev/stack.sh: the pieces the run command (conf/dev/run), the stop command
# (conf/dev/stop), the test command (tests/run), the integration harness
# (tests/integration/harness.sh) and the benchmark share. Source it; it defines
# functions and a few read-only settings and starts nothing by itself.
#
# Everything one running copy of Pathway needs (a private MariaDB, the workers,
# an nginx) lives in one "instance" directory with a fixed layout, so that any
# script, even a different process such as tests/integration/stackctl, can find
# every socket, pid file and log from the directory alone (see pw_instance).
#
# Every process started here is recorded in a pid file and stopped through it,
# after checking that the pid still belongs to that process: a sysadmin may run
# other nginx or MariaDB servers on the same machine and we must never touch them.
#
# All functions are safe under `set -euo pipefail`; failures end in pw_die with
# one line saying what failed, after printing the relevant log tail.

PW_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
readonly PW_ROOT

# What the build, the servers and the tests need on a fresh Debian 12.
readonly -a PW_PACKAGES=(
	build-essential autoconf automake libtool pkg-config
	libfcgi-dev libmariadb-dev libjson-c-dev libcunit1-dev libcurl4-openssl-dev
	libsodium-dev liboath-dev
	mariadb-server mariadb-client nginx-light curl valgrind wrk
	clang libclang-rt-14-dev
)

# ---------------------------------------------------------------------------
# Messages and small helpers
# ---------------------------------------------------------------------------

# One line per step, so a long log reads as a list of what happened.
pw_step() { printf '==> %s\n' "$*"; }

# A remark that is not a step (a choice made, something reused).
pw_note() { printf '    %s\n' "$*"; }

# Stops the calling script with one clear line on stderr.
pw_die() {
	printf 'error: %s\n' "$*" >&2
	exit 1
}

# Prints the last lines of a log under a header, so a failure shows its cause.
# Missing or empty logs are said to be so rather than silently skipped.
pw_show_log() {
	local file=$1 lines=${2:-30}
	if [[ -s $file ]]; then
		printf -- '---- last %s lines of %s ----\n' "$lines" "$file" >&2
		tail -n "$lines" -- "$file" >&2
		printf -- '---- end of %s ----\n' "$file" >&2
	else
		printf -- '---- %s is missing or empty ----\n' "$file" >&2
	fi
}

# Everything here starts servers, installs packages and chowns sockets.
pw_require_root() {
	[[ $EUID -eq 0 ]] || pw_die "run this as root (sudo $0)"
}

# Calls "$@" every 0.1 s until it succeeds or TIMEOUT seconds pass. Returns
# the last status, so callers decide what a timeout means. Polling with a
# deadline replaces guessed sleeps: fast machines go fast, slow ones still work.
pw_wait_for() {
	local timeout=$1
	shift
	local deadline=$((SECONDS + timeout))
	until "$@"; do
		((SECONDS < deadline)) || return 1
		sleep 0.1
	done
}

# Paths end up in nginx and ini files and in sed replacements; refuse the few
# characters that would need escaping there rather than escape them badly.
pw_check_path() {
	local path=$1
	if [[ $path =~ [^][A-Za-z0-9_./+@:,~=\ -] ]]; then
		pw_die "path has characters the generated configs cannot carry: $path"
	fi
}

# A unix socket path must fit sockaddr_un.sun_path (108 bytes with the NUL).
pw_check_socket_path() {
	local path=$1
	((${#path} <= 100)) ||
		pw_die "socket path too long for a unix socket (${#path} > 100 bytes): $path; use a shorter checkout or TMPDIR"
}

# ---------------------------------------------------------------------------
# Processes and pid files
# ---------------------------------------------------------------------------

# True when PID exists and is not a zombie. A zombie (exited, not yet reaped
# by its parent, e.g. this shell) must count as gone.
pw_pid_running() {
	local pid=$1 stat
	[[ $pid =~ ^[0-9]+$ ]] || return 1
	stat=$(cat "/proc/$pid/stat" 2>/dev/null) || return 1
	stat=${stat##*) }
	[[ ${stat:0:1} != Z ]]
}

# The negation, for pw_wait_for.
pw_pid_gone() { ! pw_pid_running "$1"; }

# Prints the pid recorded in PIDFILE when that process is alive and its command
# line contains MATCH (a path unique to the instance). The check guards against
# a stale pid file whose number now belongs to somebody else's process.
pw_pid_from_file() {
	local pidfile=$1 match=$2 pid cmdline
	[[ -r $pidfile ]] || return 1
	read -r pid <"$pidfile" || [[ -n ${pid:-} ]] || return 1
	pw_pid_running "$pid" || return 1
	cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
	[[ $cmdline == *"$match"* ]] || return 1
	printf '%s\n' "$pid"
}

# Stops the process named in PIDFILE (if it is ours and alive) with SIGTERM and
# waits up to TIMEOUT seconds, then SIGKILL. Returns 0 when it ended on
# SIGTERM or was not running, 1 when it had to be killed. Idempotent.
pw_stop_pidfile() {
	local name=$1 pidfile=$2 match=$3 timeout=${4:-30} pid
	if ! pid=$(pw_pid_from_file "$pidfile" "$match"); then
		pw_note "$name is not running"
		rm -f -- "$pidfile"
		return 0
	fi
	pw_step "stopping $name (pid $pid)"
	kill -TERM "$pid" 2>/dev/null || true
	if ! pw_wait_for "$timeout" pw_pid_gone "$pid"; then
		printf 'warning: %s (pid %s) ignored SIGTERM for %ss; sending SIGKILL\n' \
			"$name" "$pid" "$timeout" >&2
		kill -KILL "$pid" 2>/dev/null || true
		pw_wait_for 10 pw_pid_gone "$pid" || true
		rm -f -- "$pidfile"
		return 1
	fi
	rm -f -- "$pidfile"
	return 0
}

# Finds a TCP port on 127.0.0.1 that nothing uses, without python or ss: read
# every local port the kernel lists, pick random candidates below the
# ephemeral range (so outgoing connections cannot take it meanwhile).
pw_free_port() {
	local -A used=()
	local _sl local_addr _rest port try table
	for table in /proc/net/tcp /proc/net/tcp6; do
		[[ -r $table ]] || continue
		while read -r _sl local_addr _rest; do
			[[ $local_addr == *:* ]] || continue
			used[$((16#${local_addr##*:}))]=1
		done < <(tail -n +2 "$table")
	done
	for ((try = 0; try < 200; try++)); do
		port=$((20000 + RANDOM % 12000))
		if [[ -z ${used[$port]:-} ]]; then
			printf '%s\n' "$port"
			return 0
		fi
	done
	pw_die "no free TCP port found on 127.0.0.1"
}

# The worker reads PATHWAY_* variables as overrides of its config file. The
# dev and test instances write everything into a generated file instead (so a
# human can read what ran), so these variables are removed from the
# environment of the programs started here. The list is read from
# conf/pathway.conf, where every key names its variable.
pw_config_env_vars() {
	grep -o '(PATHWAY_[A-Z0-9_]*)' "$PW_ROOT/conf/pathway.conf" | tr -d '()' | sort -u
	printf '%s\n' PATHWAY_CONFIG
}

# Sets PW_ENV_UNSET to `env` options removing those variables. An array
# rather than a wrapper function, so a backgrounded `env ... prog &` stays one
# simple command and $! is the program's own pid.
pw_env_unset_args() {
	local var
	PW_ENV_UNSET=()
	while read -r var; do
		PW_ENV_UNSET+=(-u "$var")
	done < <(pw_config_env_vars)
}

# Runs "$@" with the PATHWAY_* config overrides removed (see above).
pw_clean_env() {
	pw_env_unset_args
	env "${PW_ENV_UNSET[@]}" "$@"
}

# ---------------------------------------------------------------------------
# Packages
# ---------------------------------------------------------------------------

# Installs those of the given Debian packages that are missing, with one
# apt-get update first, and nothing at all when everything is present (so a
# re-run on a prepared machine does not touch the network).
pw_install_packages() {
	local -a missing=()
	local pkg
	for pkg in "$@"; do
		if [[ $(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null) != installed ]]; then
			missing+=("$pkg")
		fi
	done
	if ((${#missing[@]} == 0)); then
		pw_note "packages: all ${#} present"
		return 0
	fi
	pw_step "installing ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	local -a apt_opts=(-q -o DPkg::Lock::Timeout=300
		-o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
	# One update per run is enough, even when a second list follows.
	if [[ -z ${PW_APT_UPDATED:-} ]]; then
		apt-get "${apt_opts[@]}" update || pw_die "apt-get update failed"
		PW_APT_UPDATED=1
	fi
	apt-get "${apt_opts[@]}" install -y --no-install-recommends "${missing[@]}" ||
		pw_die "apt-get install failed for: ${missing[*]}"
}

# The build, servers and test tools (PW_PACKAGES).
pw_install_base() {
	pw_step "checking Debian packages"
	pw_install_packages "${PW_PACKAGES[@]}"
}

# The browser tests also need Chromium and Node.js with npm. Node is only
# installed from Debian when no node/npm is on PATH, so a newer Node that a
# developer installed another way is left alone.
pw_install_browser() {
	pw_step "checking browser-test packages"
	local -a pkgs=(chromium)
	command -v node >/dev/null || pkgs+=(nodejs)
	command -v npm >/dev/null || pkgs+=(npm)
	pw_install_packages "${pkgs[@]}"
}

# ---------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------

# Regenerates configure when it is missing or older than its inputs. A
# configured build tree regenerates itself later through automake's rebuild
# rules, but only once configure exists.
pw_autogen() {
	local src=$PW_ROOT
	if [[ -f $src/config.status ]]; then
		pw_die "$src is configured in-tree; run 'make distclean' there first (builds here are out of tree)"
	fi
	if [[ ! -x $src/configure || $src/configure -ot $src/configure.ac || $src/configure -ot $src/Makefile.am ]]; then
		pw_step "regenerating the build system (autogen.sh)"
		"$src/autogen.sh" || pw_die "autogen.sh failed"
	fi
}

# Prints the arguments BUILDDIR was configured with, one per line
# (config.status --config prints them shell-quoted for exactly this use).
pw_configured_args() {
	local builddir=$1 quoted
	quoted=$("$builddir/config.status" --config) || return 1
	(
		eval "set -- $quoted"
		(($# == 0)) || printf '%s\n' "$@"
	)
}

# Configures BUILDDIR (out of tree) with the given configure arguments unless
# it already is configured with exactly those, then builds with make -j2.
pw_build() {
	local builddir=$1
	shift
	local want have
	pw_autogen
	mkdir -p -- "$builddir"
	want=$( (($# == 0)) || printf '%s\n' "$@")
	if [[ -x $builddir/config.status && -f $builddir/Makefile ]] &&
		have=$(pw_configured_args "$builddir") && [[ $have == "$want" ]]; then
		pw_note "reusing the configured build in $builddir"
	else
		if [[ -f $builddir/Makefile ]]; then
			# Other options: objects built with the old flags must go, or
			# make would consider them up to date.
			pw_step "$builddir was configured with other options: cleaning it"
			make -s -C "$builddir" distclean >/dev/null 2>&1 || true
		fi
		pw_step "configuring $builddir ${*:-(default options)}"
		(cd "$builddir" && "$PW_ROOT/configure" "$@" >configure.out 2>&1) || {
			pw_show_log "$builddir/config.log" 40
			pw_show_log "$builddir/configure.out" 20
			pw_die "configure failed in $builddir"
		}
	fi
	pw_step "building in $builddir"
	make -C "$builddir" -j2 || pw_die "make failed in $builddir"
}

# ---------------------------------------------------------------------------
# Instance layout
# ---------------------------------------------------------------------------

# Sets the PW_* path variables for the instance rooted at DIR. Nothing is
# created here; pw_instance_dirs does that. The layout:
#   DIR/mysql/data           MariaDB data directory        (DIR/mysql is 0700)
#   DIR/mysql/mysqld.sock    MariaDB socket (no TCP port)
#   DIR/mysql/mysqld.pid
#   DIR/run/pathway.sock     the workers' FastCGI socket (0660, group www-data)
#   DIR/run/pathway-fcgi.pid DIR/run/nginx.pid
#   DIR/run/pathway-fcgi.exit  the workers' exit status, written when they end
#   DIR/etc/pathway.conf     generated worker/admin config
#   DIR/etc/mysqld.opts      optional extra mariadbd options, one per line
#   DIR/etc/nginx/           generated nginx.conf and its includes
#   DIR/log/                 every log
#   DIR/tmp/nginx/           nginx's temporary files
pw_instance() {
	local dir=$1
	pw_check_path "$dir"
	PW_I=$dir
	PW_DB_DIR=$dir/mysql
	PW_DB_DATADIR=$dir/mysql/data
	PW_DB_SOCKET=$dir/mysql/mysqld.sock
	PW_DB_PIDFILE=$dir/mysql/mysqld.pid
	PW_DB_LOG=$dir/log/mysqld.err
	PW_DB_NAME=pathway
	PW_FCGI_SOCKET=$dir/run/pathway.sock
	PW_FCGI_PIDFILE=$dir/run/pathway-fcgi.pid
	PW_FCGI_STAMP=$dir/run/pathway-fcgi.stamp
	PW_FCGI_EXIT=$dir/run/pathway-fcgi.exit
	PW_FCGI_CONF=$dir/etc/pathway.conf
	PW_FCGI_LOG=$dir/log/pathway-fcgi.log
	PW_FCGI_OUT=$dir/log/pathway-fcgi.out
	PW_NGINX_DIR=$dir/etc/nginx
	PW_NGINX_CONF=$dir/etc/nginx/nginx.conf
	PW_NGINX_PIDFILE=$dir/run/nginx.pid
	PW_NGINX_ERRLOG=$dir/log/nginx-error.log
	PW_NGINX_ACCESSLOG=$dir/log/nginx-access.log
	PW_NGINX_TMP=$dir/tmp/nginx
	pw_check_socket_path "$PW_DB_SOCKET"
	pw_check_socket_path "$PW_FCGI_SOCKET"
	# Read by other scripts that source this file.
	export PW_I PW_DB_SOCKET PW_DB_NAME PW_FCGI_SOCKET PW_FCGI_PIDFILE PW_FCGI_CONF
}

# Creates the instance directories with the modes the servers need: nginx's
# workers (www-data) must traverse DIR and DIR/run to reach the socket; only
# root may enter the MariaDB directory.
pw_instance_dirs() {
	mkdir -p -- "$PW_I"/{run,etc/nginx,log,tmp/nginx} "$PW_DB_DIR"
	chmod 0755 -- "$PW_I"/run "$PW_I"/etc "$PW_I"/log "$PW_I"/tmp
	chmod 0700 -- "$PW_DB_DIR"
}

# ---------------------------------------------------------------------------
# MariaDB (private instance: own datadir and socket, no network)
# ---------------------------------------------------------------------------

# The client command line for the private server, as root over its socket
# (unix_socket authentication: we are root, so we are MariaDB's root).
pw_mariadb() {
	mariadb --no-defaults --socket="$PW_DB_SOCKET" --user=root "$@"
}

# True when the private server answers (even "access denied" means it is up).
pw_db_ping() {
	mariadb-admin --no-defaults --socket="$PW_DB_SOCKET" --user=root \
		--connect-timeout=2 ping >/dev/null 2>&1
}

# True once the server answers, or once process PID has died (no use waiting).
pw_db_ready_or_dead() { pw_db_ping || pw_pid_gone "$1"; }

# Creates the data directory once; a directory that already holds the system
# tables is reused as it is.
pw_db_init() {
	pw_instance_dirs
	if [[ -d $PW_DB_DATADIR/mysql ]]; then
		pw_note "reusing the MariaDB data in $PW_DB_DATADIR"
		return 0
	fi
	pw_step "creating a MariaDB data directory in $PW_DB_DATADIR"
	mkdir -p -- "$PW_DB_DATADIR" "$PW_I/tmp/mysql"
	# Its own temporary directory: servers of other instances (a test run
	# beside a dev instance) must not meet in a shared /tmp.
	mariadb-install-db --no-defaults --datadir="$PW_DB_DATADIR" --user=root \
		--tmpdir="$PW_I/tmp/mysql" \
		--skip-test-db >"$PW_I/log/mariadb-install-db.log" 2>&1 || {
		pw_show_log "$PW_I/log/mariadb-install-db.log" 40
		pw_die "mariadb-install-db failed for $PW_DB_DATADIR"
	}
}

# Starts the private server in the background unless it already runs, and
# waits until it answers. Extra mariadbd options are read from
# DIR/etc/mysqld.opts when it exists (throwaway test servers trade durability
# for speed there), so every later restart, from any script, uses them too.
pw_db_start() {
	local pid bgpid
	if pid=$(pw_pid_from_file "$PW_DB_PIDFILE" "$PW_DB_DATADIR"); then
		pw_note "MariaDB already running (pid $pid)"
		pw_wait_for 60 pw_db_ping || pw_die "MariaDB (pid $pid) does not answer on $PW_DB_SOCKET"
		return 0
	fi
	pw_step "starting MariaDB in $PW_DB_DATADIR (socket $PW_DB_SOCKET)"
	rm -f -- "$PW_DB_PIDFILE"
	local -a extra=()
	if [[ -f $PW_I/etc/mysqld.opts ]]; then
		mapfile -t extra < <(grep -v '^[[:space:]]*\(#\|$\)' "$PW_I/etc/mysqld.opts")
	fi
	# setsid: a terminal's SIGINT/SIGHUP must not reach the server; its output
	# goes to files so a caller reading our stdout (popen) is not held open.
	mkdir -p -- "$PW_I/tmp/mysql"
	setsid mariadbd --no-defaults --datadir="$PW_DB_DATADIR" --tmpdir="$PW_I/tmp/mysql" \
		--socket="$PW_DB_SOCKET" --skip-networking --user=root \
		--pid-file="$PW_DB_PIDFILE" --log-error="$PW_DB_LOG" \
		${extra[@]+"${extra[@]}"} </dev/null >>"$PW_I/log/mysqld.out" 2>&1 &
	bgpid=$!
	if ! pw_wait_for 60 pw_db_ready_or_dead "$bgpid" ||
		! pw_pid_running "$bgpid" || ! pw_db_ping; then
		pw_show_log "$PW_DB_LOG" 30
		pw_show_log "$PW_I/log/mysqld.out" 10
		pw_pid_running "$bgpid" && kill -TERM "$bgpid" 2>/dev/null
		pw_die "MariaDB did not start (datadir $PW_DB_DATADIR)"
	fi
	# mariadbd writes its pid file just before it accepts connections.
	pw_wait_for 10 test -s "$PW_DB_PIDFILE" || pw_die "MariaDB wrote no pid file $PW_DB_PIDFILE"
}

# Stops the private server by its pid file; a clean shutdown can take a while
# (InnoDB flushes), hence the long timeout.
pw_db_stop() {
	pw_stop_pidfile MariaDB "$PW_DB_PIDFILE" "$PW_DB_DATADIR" 120
}

# Creates the application database if it is not there.
pw_db_create() {
	pw_mariadb -e "CREATE DATABASE IF NOT EXISTS \`$PW_DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" ||
		pw_die "could not create database $PW_DB_NAME"
}

# Runs one SQL statement in the application database and prints the rows
# tab-separated without a header (what tests parse).
pw_sql() {
	pw_mariadb --batch --skip-column-names --database="$PW_DB_NAME" --execute="$1"
}

# ---------------------------------------------------------------------------
# Workers (pathway-fcgi) and the admin tool
# ---------------------------------------------------------------------------

# Writes the instance's worker config: conf/pathway.conf with the keys that
# belong to this instance replaced, so the file documents what actually ran.
# PROCESSES and THREADS are arguments; everything else follows the layout.
# Fails if conf/pathway.conf lost one of the keys we set, rather than run with
# a default we did not mean.
pw_fcgi_write_conf() {
	local processes=$1 threads=$2 tmp key value
	local -a keys=(listen socket_mode socket_group processes threads pid_file log_file socket name user password_file)
	local -A values=(
		[listen]="unix:$PW_FCGI_SOCKET" [socket_mode]=0660 [socket_group]=www-data
		[processes]=$processes [threads]=$threads
		[pid_file]=$PW_FCGI_PIDFILE [log_file]=$PW_FCGI_LOG
		[socket]=$PW_DB_SOCKET [name]=$PW_DB_NAME [user]=root [password_file]=""
	)
	local -a sed_args=()
	for key in "${keys[@]}"; do
		value=${values[$key]}
		sed_args+=(-e "s|^${key}[[:space:]]*=.*|${key} = ${value}|")
	done
	pw_instance_dirs
	tmp=$PW_FCGI_CONF.new
	{
		printf '; Generated by conf/dev/stack.sh from conf/pathway.conf for the\n'
		printf '; instance in %s. Rewritten at every start: edit the source.\n\n' "$PW_I"
		sed "${sed_args[@]}" "$PW_ROOT/conf/pathway.conf"
	} >"$tmp"
	for key in "${keys[@]}"; do
		value=${values[$key]}
		if ! grep -qxF -- "$key = $value" "$tmp" || [[ $(grep -c "^${key}[[:space:]]*=" "$tmp") != 1 ]]; then
			pw_die "conf/pathway.conf must have exactly one '$key =' line (conf/dev/stack.sh sets it)"
		fi
	done
	mv -f -- "$tmp" "$PW_FCGI_CONF"
}

# Checks the generated config with the worker's own validator.
pw_fcgi_check_conf() {
	local bin=$1 out
	out=$(pw_clean_env "$bin" -c "$PW_FCGI_CONF" --check 2>&1) ||
		pw_die "pathway-fcgi rejects $PW_FCGI_CONF: $out"
}

# What identifies the running workers: the binary and the config they started
# with. conf/dev/run restarts the workers when this changes.
pw_fcgi_fingerprint() {
	local bin=$1
	sha256sum -- "$bin" "$PW_FCGI_CONF" | cut -d' ' -f1 | tr '\n' ' '
}

# True once the workers' socket and pid file exist, or once PID has died.
pw_fcgi_ready_or_dead() {
	[[ -S $PW_FCGI_SOCKET && -s $PW_FCGI_PIDFILE ]] || pw_pid_gone "$1"
}

# Starts the workers in the background and waits until their socket and pid
# file exist. Extra environment for the workers (e.g. ASAN_OPTIONS) can be
# given as NAME=VALUE arguments after the binary.
pw_fcgi_start() {
	local bin=$1
	shift
	local pid
	if pid=$(pw_pid_from_file "$PW_FCGI_PIDFILE" "$PW_FCGI_CONF"); then
		pw_note "workers already running (pid $pid)"
		return 0
	fi
	[[ -x $bin ]] || pw_die "no worker binary at $bin (build first)"
	pw_step "starting the workers ($PW_FCGI_SOCKET)"
	rm -f -- "$PW_FCGI_SOCKET" "$PW_FCGI_PIDFILE"
	rm -f -- "$PW_FCGI_EXIT"
	pw_env_unset_args
	# setsid: a terminal's SIGINT/SIGHUP (SIGHUP means "reload" to the
	# workers) must not reach them; output goes to files, not our stdout.
	# A small shell waits for the workers and records their exit status, so
	# whoever stops them (this shell or another) can check it was 0.
	# shellcheck disable=SC2016 # the inner shell expands its own arguments
	env "${PW_ENV_UNSET[@]}" "$@" setsid bash -c '"$1" -c "$2"; echo "$?" >"$3"' \
		pathway-fcgi-run "$bin" "$PW_FCGI_CONF" "$PW_FCGI_EXIT" </dev/null >>"$PW_FCGI_OUT" 2>&1 &
	PW_FCGI_BGPID=$!
	if ! pw_wait_for 30 pw_fcgi_ready_or_dead "$PW_FCGI_BGPID" ||
		! pw_pid_running "$PW_FCGI_BGPID" || [[ ! -S $PW_FCGI_SOCKET ]]; then
		pw_show_log "$PW_FCGI_OUT" 30
		pw_show_log "$PW_FCGI_LOG" 10
		# setsid made the wrapper a process group leader: end the group.
		pw_pid_running "$PW_FCGI_BGPID" && kill -TERM -- "-$PW_FCGI_BGPID" 2>/dev/null
		pw_die "the workers did not start (config $PW_FCGI_CONF)"
	fi
	pw_fcgi_fingerprint "$bin" >"$PW_FCGI_STAMP"
}

# Stops the workers (SIGTERM to the supervising parent, which stops its
# children and exits). Returns 1 if they had to be killed.
pw_fcgi_stop() {
	pw_stop_pidfile pathway-fcgi "$PW_FCGI_PIDFILE" "$PW_FCGI_CONF" 30
}

# True while the instance's workers run.
pw_fcgi_running() { pw_pid_from_file "$PW_FCGI_PIDFILE" "$PW_FCGI_CONF" >/dev/null; }

# Prints NAME=VALUE arguments for pw_fcgi_start that make sanitizer builds of
# the workers write their reports to files in DIR (named asan.PID, ubsan.PID),
# on top of the caller's ASAN_OPTIONS/UBSAN_OPTIONS: a worker's stderr is a
# log nobody reads, and the harness fails the suite when such files appear.
# allocator_may_return_null=1: an impossible allocation returns NULL as libc's
# malloc does, instead of an ASan report. libfcgi asks for one when it reads
# the crafted PARAMS record of CVE-2025-23016 (a test sends it on purpose) and
# then aborts that child, exactly as a production build does.
pw_sanitizer_env() {
	local dir=$1
	printf 'ASAN_OPTIONS=%sallocator_may_return_null=1:log_path=%s/asan\n' "${ASAN_OPTIONS:+$ASAN_OPTIONS:}" "$dir"
	printf 'UBSAN_OPTIONS=%slog_path=%s/ubsan\n' "${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}" "$dir"
}

# Runs pathway-admin against the instance's config: pw_admin BIN ARGS...
pw_admin() {
	local bin=$1
	shift
	[[ -x $bin ]] || pw_die "no admin binary at $bin (build first)"
	pw_clean_env "$bin" -c "$PW_FCGI_CONF" "$@"
}

# ---------------------------------------------------------------------------
# nginx
# ---------------------------------------------------------------------------

# The user nginx's workers run as: www-data when it can read the web root and
# reach the socket directory (then the socket's 0660/www-data protects the
# workers from every other local user), else root, with a note. Checkouts in
# a home directory that others cannot enter need root.
pw_nginx_user() {
	local webroot=$1
	if runuser -u www-data -- test -r "$webroot" -a -x "$webroot" -a -x "$PW_I/run" 2>/dev/null; then
		printf 'www-data\n'
	else
		printf 'note: www-data cannot reach %s or %s; nginx workers run as root\n' \
			"$webroot" "$PW_I/run" >&2
		printf 'root\n'
	fi
}

# Copies conf/nginx/NAME into the instance with the shipped values replaced
# by this instance's (web root, socket, port, keepalive), and fails if a
# shipped value is no longer where this function expects it.
pw_nginx_template() {
	local name=$1 webroot=$2 port=$3 keepalive=$4 out
	out=$PW_NGINX_DIR/$name
	sed -e "s|^\([[:space:]]*\)root /usr/local/share/pathway/web;|\1root \"$webroot\";|" \
		-e "s|^\([[:space:]]*\)server unix:/run/pathway/pathway.sock;|\1server \"unix:$PW_FCGI_SOCKET\";|" \
		-e "s|^\([[:space:]]*\)listen 127.0.0.1:8080;|\1listen 127.0.0.1:$port;|" \
		-e "s|^\([[:space:]]*\)keepalive [0-9]*;|\1keepalive $keepalive;|" \
		"$PW_ROOT/conf/nginx/$name" >"$out"
	local want
	for want in "root \"$webroot\";" "server \"unix:$PW_FCGI_SOCKET\";" \
		"listen 127.0.0.1:$port;" "keepalive $keepalive;"; do
		grep -qF -- "$want" "$out" ||
			pw_die "conf/nginx/$name: found no line to turn into '$want'; update pw_nginx_template"
	done
	if grep -qE '/usr/local/share/pathway/web|/run/pathway/pathway\.sock' "$out"; then
		pw_die "conf/nginx/$name: a shipped path was not replaced; update pw_nginx_template"
	fi
}

# Writes the instance's nginx.conf around conf/nginx/pathway.conf (the shipped
# site, with its own upstream). Arguments: PORT, the workers' PROCESSES and
# THREADS (to size the upstream keepalive: one nginx worker here, and each
# kept connection holds a worker thread), and optional extra files to include
# in the http context (the benchmark adds its own server blocks that way).
pw_nginx_write_conf() {
	local port=$1 processes=$2 threads=$3
	shift 3
	local webroot=$PW_ROOT/web user extra module
	pw_instance_dirs
	user=$(pw_nginx_user "$webroot")
	pw_nginx_template pathway.conf "$webroot" "$port" $((processes * threads))
	ln -sfn /etc/nginx/mime.types "$PW_NGINX_DIR/mime.types"
	ln -sfn /etc/nginx/fastcgi_params "$PW_NGINX_DIR/fastcgi_params"
	{
		printf '# Generated by conf/dev/stack.sh for the instance in %s.\n' "$PW_I"
		printf '# Rewritten at every start: edit conf/nginx/ instead.\n'
		printf 'user %s;\nworker_processes 1;\n' "$user"
		printf 'pid "%s";\nerror_log "%s" warn;\n' "$PW_NGINX_PIDFILE" "$PW_NGINX_ERRLOG"
		printf 'events { worker_connections 1024; }\n'
		printf 'http {\n'
		printf '    include mime.types;\n    default_type application/octet-stream;\n'
		printf '    sendfile on;\n    tcp_nopush on;\n    keepalive_timeout 65;\n'
		printf '    log_format pathway %s;\n' \
			"'\$remote_addr [\$time_local] \"\$request\" \$status \$body_bytes_sent \$request_time rid=\$request_id'"
		printf '    access_log "%s" pathway;\n' "$PW_NGINX_ACCESSLOG"
		printf '    client_body_temp_path "%s/client_body";\n' "$PW_NGINX_TMP"
		for module in fastcgi proxy uwsgi scgi; do
			# Only modules compiled in know their directive.
			if ! nginx -V 2>&1 | grep -q -- "--without-http_${module}_module"; then
				printf '    %s_temp_path "%s/%s";\n' "$module" "$PW_NGINX_TMP" "$module"
			fi
		done
		for extra in "$@"; do
			printf '    include "%s";\n' "$extra"
		done
		printf '    include pathway.conf;\n}\n'
	} >"$PW_NGINX_CONF"
}

# Checks the generated config.
pw_nginx_test() {
	local out
	out=$(nginx -e "$PW_NGINX_ERRLOG" -p "$PW_I" -c "$PW_NGINX_CONF" -t 2>&1) || {
		printf '%s\n' "$out" >&2
		pw_die "nginx rejects $PW_NGINX_CONF"
	}
}

# True while the instance's nginx master runs.
pw_nginx_running() { pw_pid_from_file "$PW_NGINX_PIDFILE" "$PW_NGINX_CONF" >/dev/null; }

# Starts nginx unless it already runs; returns 1 with nginx's message on
# stderr when it cannot (typically: the port is taken). nginx daemonizes only
# after loading its config and binding its port, so its exit status tells.
pw_nginx_try_start() {
	local pid out
	if pid=$(pw_pid_from_file "$PW_NGINX_PIDFILE" "$PW_NGINX_CONF"); then
		pw_note "nginx already running (pid $pid)"
		return 0
	fi
	pw_step "starting nginx ($PW_NGINX_CONF)"
	pw_nginx_test
	out=$(nginx -e "$PW_NGINX_ERRLOG" -p "$PW_I" -c "$PW_NGINX_CONF" 2>&1 </dev/null) || {
		printf '%s\n' "$out" >&2
		return 1
	}
	pw_wait_for 10 pw_nginx_running ||
		pw_die "nginx wrote no pid file $PW_NGINX_PIDFILE"
}

# pw_nginx_try_start, or stop the script with nginx's error log.
pw_nginx_start() {
	pw_nginx_try_start && return 0
	pw_show_log "$PW_NGINX_ERRLOG" 10
	pw_die "nginx did not start (is the port taken?)"
}

# Stops nginx (SIGTERM: fast shutdown of master and workers).
pw_nginx_stop() {
	pw_stop_pidfile nginx "$PW_NGINX_PIDFILE" "$PW_NGINX_CONF" 30
}

# Prints the text between "# BEGIN NAME" and "# END NAME" markers of FILE with
# indentation removed: the unit that conf/nginx/pathway.conf mirrors from
# pathway-upstream.conf and pathway-locations.conf.
pw_nginx_block() {
	local file=$1 name=$2
	sed -n "/# BEGIN $name\$/,/# END $name\$/p" "$file" | sed 's/^[[:space:]]*//'
}

# Checks the shipped nginx files: the site file must carry the same upstream
# and locations as the two drop-in files, and both ways of deploying them (a
# site of its own; includes in an existing server block) must pass nginx -t.
# Uses its own temporary directory; touches no instance.
pw_nginx_check_shipped() {
	local src=$PW_ROOT/conf/nginx tmp name rc=0 out
	for name in pathway-upstream.conf pathway-locations.conf; do
		if [[ -z $(pw_nginx_block "$src/$name" "$name") ]]; then
			printf 'conf/nginx/%s has no "# BEGIN %s" ... "# END %s" block\n' "$name" "$name" "$name" >&2
			rc=1
		elif ! diff -u <(pw_nginx_block "$src/$name" "$name") <(pw_nginx_block "$src/pathway.conf" "$name") >&2; then
			printf 'conf/nginx/pathway.conf no longer mirrors %s (diff above)\n' "$name" >&2
			rc=1
		fi
	done
	tmp=$(mktemp -d) || return 1
	mkdir -p "$tmp/snippets" "$tmp/conf.d" "$tmp/sites-enabled"
	ln -s /etc/nginx/mime.types /etc/nginx/fastcgi_params "$tmp/"
	cp "$src/pathway.conf" "$tmp/sites-enabled/"
	cp "$src/pathway-upstream.conf" "$tmp/conf.d/"
	cp "$src/pathway-locations.conf" "$tmp/snippets/"
	# Way 1: the site file alone, as in /etc/nginx/sites-enabled/.
	# Way 2: the upstream in conf.d/, the locations inside an existing server.
	printf 'pid %s/nginx.pid;\nevents {}\nhttp { include mime.types; include sites-enabled/*; }\n' "$tmp" >"$tmp/site.conf"
	printf 'pid %s/nginx.pid;\nevents {}\nhttp { include mime.types; include conf.d/*.conf;\n  server { listen 127.0.0.1:8081; server_name existing; include snippets/pathway-locations.conf; } }\n' "$tmp" >"$tmp/dropin.conf"
	for name in site dropin; do
		if ! out=$(nginx -e "$tmp/error.log" -p "$tmp" -c "$tmp/$name.conf" -t 2>&1); then
			printf 'nginx -t failed for the %s layout:\n%s\n' "$name" "$out" >&2
			rc=1
		fi
	done
	rm -rf -- "$tmp"
	return "$rc"
}

# ---------------------------------------------------------------------------
# The whole stack
# ---------------------------------------------------------------------------

# True when URL answers 200.
pw_http_200() {
	[[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1") == 200 ]]
}

# Polls URL until it answers 200, for up to TIMEOUT seconds.
pw_wait_http_200() {
	pw_wait_for "${2:-60}" pw_http_200 "$1"
}

# Stops nginx, the workers and MariaDB of the current instance, in that order
# (front to back, so no request reaches a half-stopped stack). Returns 1 if
# any had to be killed.
pw_stack_stop() {
	local rc=0
	pw_nginx_stop || rc=1
	pw_fcgi_stop || rc=1
	pw_db_stop || rc=1
	return "$rc"
}
