/*
 * db.c: MariaDB Connector/C behind the small interface of db.h.
 */
#include "db.h"

#include "config.h"
#include "log.h"
#include "pw.h"

#include <errmsg.h>
#include <mysql.h>
#include <mysqld_error.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define STMT_CACHE 96
#define CELL_INITIAL 256
/* A connection idle this long is pinged before use. */
#define IDLE_PING_SECONDS 1

struct cached_stmt {
	const char *sql; /* the constant string's address is the key */
	MYSQL_STMT *stmt;
};

struct pw_db {
	const struct pw_config *cfg;
	int rw_timeout;
	MYSQL *conn; /* NULL when not connected */
	struct cached_stmt cache[STMT_CACHE];
	size_t ncache, next_evict;
	time_t last_used;
	int in_tx;
	int fresh; /* no statement has run yet since pw_db_ensure */
	unsigned last_errno;
	char last_error[256];
};

struct pw_db_param pw_db_text_param(const char *s)
{
	if (!s)
		return PW_P_NULL;
	return PW_P_TEXTN(s, strlen(s));
}

static time_t now_mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
}

struct pw_db *pw_db_new(const struct pw_config *cfg, int rw_timeout)
{
	struct pw_db *db = calloc(1, sizeof(*db));

	if (!db)
		return NULL;
	db->cfg = cfg;
	db->rw_timeout = rw_timeout;
	return db;
}

static void drop_cache(struct pw_db *db)
{
	for (size_t i = 0; i < db->ncache; i++)
		mysql_stmt_close(db->cache[i].stmt);
	db->ncache = 0;
	db->next_evict = 0;
}

static void disconnect(struct pw_db *db)
{
	drop_cache(db);
	if (db->conn)
		mysql_close(db->conn);
	db->conn = NULL;
	db->in_tx = 0;
}

void pw_db_free(struct pw_db *db)
{
	if (!db)
		return;
	disconnect(db);
	free(db);
}

static void remember_error(struct pw_db *db, unsigned no, const char *msg)
{
	db->last_errno = no;
	snprintf(db->last_error, sizeof(db->last_error), "%s", msg ? msg : "");
}

const char *pw_db_error(struct pw_db *db)
{
	return db->last_error;
}

unsigned pw_db_errno(struct pw_db *db)
{
	return db->last_errno;
}

/* Errors after which the connection cannot be used again. */
static int connection_lost(unsigned no)
{
	switch (no) {
	case CR_SERVER_GONE_ERROR:
	case CR_SERVER_LOST:
	case CR_CONNECTION_ERROR:
	case CR_CONN_HOST_ERROR:
	case CR_SERVER_LOST_EXTENDED:
	case CR_COMMANDS_OUT_OF_SYNC:
	case ER_CONNECTION_KILLED:
	case ER_SERVER_SHUTDOWN:
	case 4031: /* ER_CLIENT_INTERACTION_TIMEOUT */
		return 1;
	}
	return 0;
}

/* Maps a server error to a pw_rc, dropping a dead connection. */
static int map_error(struct pw_db *db, unsigned no, const char *msg, const char *sql)
{
	remember_error(db, no, msg);
	if (connection_lost(no)) {
		pw_log("warn", "db: connection lost (%u %s)", no, msg ? msg : "");
		disconnect(db);
		return PW_ERR_DB_UNAVAILABLE;
	}
	switch (no) {
	case ER_DUP_ENTRY:
		return PW_ERR_DUPLICATE;
	case ER_LOCK_DEADLOCK:
	case ER_LOCK_WAIT_TIMEOUT:
		return PW_ERR_CONFLICT;
	case ER_STATEMENT_TIMEOUT:
		/* A statement's own max_statement_time ran out: a limit the
		 * caller set and handles (the capped count gives up), not a
		 * fault. */
		pw_log("info", "db: statement time limit reached: %.120s", sql ? sql : "(none)");
		return PW_ERR_DB;
	}
	pw_log("error", "db: error %u: %s; statement: %.120s", no, msg ? msg : "",
	       sql ? sql : "(none)");
	return PW_ERR_DB;
}

static int connect_now(struct pw_db *db)
{
	const struct pw_config *cfg = db->cfg;
	unsigned ct = (unsigned)cfg->db_timeout, rw = (unsigned)db->rw_timeout;
	const char *sock = cfg->db_socket && *cfg->db_socket ? cfg->db_socket : NULL;
	MYSQL *m = mysql_init(NULL);

	if (!m)
		return PW_ERR_NOMEM;
	mysql_optionsv(m, MYSQL_OPT_CONNECT_TIMEOUT, &ct);
	mysql_optionsv(m, MYSQL_OPT_READ_TIMEOUT, &rw);
	mysql_optionsv(m, MYSQL_OPT_WRITE_TIMEOUT, &rw);
	mysql_optionsv(m, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	/* UTC everywhere, strict types, and no silent truncation. */
	mysql_optionsv(m, MYSQL_INIT_COMMAND,
		       "SET time_zone = '+00:00', sql_mode = "
		       "'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,ERROR_FOR_DIVISION_BY_ZERO,"
		       "NO_ENGINE_SUBSTITUTION'");
	if (!mysql_real_connect(m, sock ? NULL : cfg->db_host, cfg->db_user, cfg->db_password,
				cfg->db_name, sock ? 0 : (unsigned)cfg->db_port, sock, 0)) {
		remember_error(db, mysql_errno(m), mysql_error(m));
		mysql_close(m);
		return PW_ERR_DB_UNAVAILABLE;
	}
	db->conn = m;
	db->last_used = now_mono();
	db->in_tx = 0;
	return PW_OK;
}

int pw_db_ensure(struct pw_db *db)
{
	int rc = PW_OK;

	if (db->conn && !db->in_tx && now_mono() - db->last_used >= IDLE_PING_SECONDS) {
		if (mysql_ping(db->conn) != 0) {
			remember_error(db, mysql_errno(db->conn), mysql_error(db->conn));
			disconnect(db);
		} else {
			db->last_used = now_mono();
		}
	}
	if (!db->conn)
		rc = connect_now(db);
	db->fresh = 1;
	return rc;
}

/* The cached prepared statement for sql, preparing it on first use. */
static int prepare(struct pw_db *db, const char *sql, MYSQL_STMT **out)
{
	MYSQL_STMT *st;
	size_t slot;

	for (size_t i = 0; i < db->ncache; i++)
		if (db->cache[i].sql == sql) {
			*out = db->cache[i].stmt;
			return PW_OK;
		}
	st = mysql_stmt_init(db->conn);
	if (!st)
		return PW_ERR_NOMEM;
	if (mysql_stmt_prepare(st, sql, (unsigned long)strlen(sql)) != 0) {
		unsigned no = mysql_stmt_errno(st);
		char msg[256];
		snprintf(msg, sizeof(msg), "%s", mysql_stmt_error(st));
		mysql_stmt_close(st);
		return map_error(db, no, msg, sql);
	}
	if (db->ncache < STMT_CACHE) {
		slot = db->ncache++;
	} else {
		slot = db->next_evict;
		db->next_evict = (db->next_evict + 1) % STMT_CACHE;
		mysql_stmt_close(db->cache[slot].stmt);
	}
	db->cache[slot].sql = sql;
	db->cache[slot].stmt = st;
	*out = st;
	return PW_OK;
}

/* Binds params and executes; the statement is ready for results after. */
static int execute(struct pw_db *db, const char *sql, const struct pw_db_param *params, size_t n,
		   MYSQL_STMT **out)
{
	MYSQL_BIND *b = NULL;
	unsigned long *lens = NULL;
	MYSQL_STMT *st = NULL;
	int rc;

	if (!db->conn)
		return PW_ERR_DB_UNAVAILABLE;
	rc = prepare(db, sql, &st);
	if (rc != PW_OK)
		goto out;
	if (mysql_stmt_param_count(st) != n) {
		pw_log("error", "db: statement wants %lu parameters, got %zu: %.120s",
		       mysql_stmt_param_count(st), n, sql);
		rc = PW_ERR_DB;
		goto out;
	}
	if (n) {
		b = calloc(n, sizeof(*b));
		lens = calloc(n, sizeof(*lens));
		if (!b || !lens) {
			rc = PW_ERR_NOMEM;
			goto out;
		}
		for (size_t i = 0; i < n; i++) {
			const struct pw_db_param *p = &params[i];
			switch (p->type) {
			case PW_DB_NULL:
				b[i].buffer_type = MYSQL_TYPE_NULL;
				break;
			case PW_DB_INT:
				b[i].buffer_type = MYSQL_TYPE_LONGLONG;
				b[i].buffer = (void *)&p->i;
				break;
			case PW_DB_DOUBLE:
				b[i].buffer_type = MYSQL_TYPE_DOUBLE;
				b[i].buffer = (void *)&p->d;
				break;
			case PW_DB_TEXT:
			case PW_DB_BLOB:
				b[i].buffer_type =
					p->type == PW_DB_TEXT ? MYSQL_TYPE_STRING : MYSQL_TYPE_BLOB;
				b[i].buffer = (void *)(p->s ? p->s : "");
				lens[i] = (unsigned long)p->len;
				b[i].buffer_length = lens[i];
				b[i].length = &lens[i];
				break;
			}
		}
		if (mysql_stmt_bind_param(st, b) != 0) {
			rc = map_error(db, mysql_stmt_errno(st), mysql_stmt_error(st), sql);
			goto out;
		}
	}
	if (mysql_stmt_execute(st) != 0) {
		rc = map_error(db, mysql_stmt_errno(st), mysql_stmt_error(st), sql);
		goto out;
	}
	db->last_used = now_mono();
	*out = st;
	rc = PW_OK;
out:
	free(b);
	free(lens);
	return rc;
}

/* execute(), reconnecting and retrying once when a stale connection is
 * found by the first statement of a request outside a transaction. */
static int execute_retry(struct pw_db *db, const char *sql, const struct pw_db_param *params,
			 size_t n, MYSQL_STMT **out)
{
	int first = db->fresh && !db->in_tx;
	int rc = execute(db, sql, params, n, out);

	if (rc == PW_ERR_DB_UNAVAILABLE && first && connect_now(db) == PW_OK)
		rc = execute(db, sql, params, n, out);
	if (rc == PW_OK)
		db->fresh = 0;
	return rc;
}

int pw_db_exec(struct pw_db *db, const char *sql, const struct pw_db_param *params, size_t n,
	       unsigned long long *affected, unsigned long long *insert_id)
{
	MYSQL_STMT *st = NULL;
	int rc = execute_retry(db, sql, params, n, &st);

	if (rc != PW_OK)
		return rc;
	if (affected)
		*affected = (unsigned long long)mysql_stmt_affected_rows(st);
	if (insert_id)
		*insert_id = (unsigned long long)mysql_stmt_insert_id(st);
	/* A statement that produced a result set must be drained. No
	 * mysql_stmt_reset here: it costs a round trip (COM_STMT_RESET) and a
	 * completed statement is ready to run again without it. */
	if (mysql_stmt_field_count(st) > 0)
		mysql_stmt_free_result(st);
	return PW_OK;
}

int pw_db_insert(struct pw_db *db, const char *sql, const struct pw_db_param *params, size_t n,
		 long long *id)
{
	unsigned long long insert_id = 0;
	int rc = pw_db_exec(db, sql, params, n, NULL, &insert_id);

	if (rc == PW_OK)
		*id = (long long)insert_id;
	return rc;
}

int pw_db_exec_one(struct pw_db *db, const char *sql, const struct pw_db_param *params, size_t n)
{
	unsigned long long affected = 0;
	int rc = pw_db_exec(db, sql, params, n, &affected, NULL);

	if (rc == PW_OK && affected != 1)
		rc = PW_ERR_STALE;
	return rc;
}

void pw_db_rows_free(struct pw_db_rows *rows)
{
	if (!rows)
		return;
	for (size_t i = 0; i < rows->nrows * rows->ncols; i++)
		free(rows->cells[i]);
	free(rows->cells);
	free(rows->lens);
	free(rows);
}

/* Appends the current row of st (bound to binds/bufs) to rows. */
static int take_row(MYSQL_STMT *st, struct pw_db_rows *rows, size_t *cap, MYSQL_BIND *binds,
		    unsigned long *lens, my_bool *nulls)
{
	size_t nc = rows->ncols, base;

	if (rows->nrows == *cap) {
		size_t ncap = *cap ? *cap * 2 : 16;
		char **c = realloc(rows->cells, ncap * nc * sizeof(*c));
		unsigned long *l;
		if (!c)
			return PW_ERR_NOMEM;
		rows->cells = c;
		l = realloc(rows->lens, ncap * nc * sizeof(*l));
		if (!l)
			return PW_ERR_NOMEM;
		rows->lens = l;
		*cap = ncap;
	}
	base = rows->nrows * nc;
	for (size_t c = 0; c < nc; c++) {
		rows->cells[base + c] = NULL;
		rows->lens[base + c] = 0;
	}
	rows->nrows++;
	for (size_t c = 0; c < nc; c++) {
		char *cell;
		if (nulls[c])
			continue;
		cell = malloc(lens[c] + 1);
		if (!cell)
			return PW_ERR_NOMEM;
		if (lens[c] <= binds[c].buffer_length) {
			memcpy(cell, binds[c].buffer, lens[c]);
		} else {
			/* The value was longer than the bound buffer: fetch it whole. */
			MYSQL_BIND one;
			unsigned long got = 0;
			memset(&one, 0, sizeof(one));
			one.buffer_type = MYSQL_TYPE_STRING;
			one.buffer = cell;
			one.buffer_length = lens[c];
			one.length = &got;
			if (mysql_stmt_fetch_column(st, &one, (unsigned)c, 0) != 0) {
				free(cell);
				return PW_ERR_DB;
			}
		}
		cell[lens[c]] = '\0';
		rows->cells[base + c] = cell;
		rows->lens[base + c] = lens[c];
	}
	return PW_OK;
}

int pw_db_query(struct pw_db *db, const char *sql, const struct pw_db_param *params, size_t n,
		struct pw_db_rows **out)
{
	MYSQL_STMT *st = NULL;
	MYSQL_RES *meta = NULL;
	MYSQL_BIND *binds = NULL;
	unsigned long *lens = NULL;
	my_bool *nulls = NULL;
	char *bufs = NULL;
	struct pw_db_rows *rows = NULL;
	size_t nc, cap = 0;
	int rc, f;

	rc = execute_retry(db, sql, params, n, &st);
	if (rc != PW_OK)
		return rc;
	rows = calloc(1, sizeof(*rows));
	if (!rows) {
		rc = PW_ERR_NOMEM;
		goto out;
	}
	meta = mysql_stmt_result_metadata(st);
	if (!meta) {
		*out = rows; /* no result set: zero rows */
		rows = NULL;
		rc = PW_OK;
		goto out;
	}
	nc = mysql_num_fields(meta);
	rows->ncols = nc;
	if (mysql_stmt_store_result(st) != 0) {
		rc = map_error(db, mysql_stmt_errno(st), mysql_stmt_error(st), sql);
		goto out;
	}
	binds = calloc(nc, sizeof(*binds));
	lens = calloc(nc, sizeof(*lens));
	nulls = calloc(nc, sizeof(*nulls));
	bufs = malloc(nc * CELL_INITIAL + 1);
	if (!binds || !lens || !nulls || !bufs) {
		rc = PW_ERR_NOMEM;
		goto out;
	}
	for (size_t c = 0; c < nc; c++) {
		binds[c].buffer_type = MYSQL_TYPE_STRING;
		binds[c].buffer = bufs + c * CELL_INITIAL;
		binds[c].buffer_length = CELL_INITIAL;
		binds[c].length = &lens[c];
		binds[c].is_null = &nulls[c];
	}
	if (mysql_stmt_bind_result(st, binds) != 0) {
		rc = map_error(db, mysql_stmt_errno(st), mysql_stmt_error(st), sql);
		goto out;
	}
	while ((f = mysql_stmt_fetch(st)) == 0 || f == MYSQL_DATA_TRUNCATED) {
		rc = take_row(st, rows, &cap, binds, lens, nulls);
		if (rc != PW_OK)
			goto out;
	}
	if (f == 1) {
		rc = map_error(db, mysql_stmt_errno(st), mysql_stmt_error(st), sql);
		goto out;
	}
	*out = rows;
	rows = NULL;
	rc = PW_OK;
out:
	if (meta)
		mysql_free_result(meta);
	if (st && db->conn) {
		mysql_stmt_free_result(st);
		/* Only a fetch that stopped part way leaves server-side state to
		 * clear; after a full fetch the reset would be a wasted round
		 * trip on every query. */
		if (rc != PW_OK)
			mysql_stmt_reset(st);
	}
	pw_db_rows_free(rows);
	free(binds);
	free(lens);
	free(nulls);
	free(bufs);
	return rc;
}

const char *pw_db_cell(const struct pw_db_rows *r, size_t row, size_t col)
{
	return r->cells[row * r->ncols + col];
}

long long pw_db_cell_int(const struct pw_db_rows *r, size_t row, size_t col, long long dflt)
{
	const char *s = pw_db_cell(r, row, col);
	char *end;
	long long v;

	if (!s || !*s)
		return dflt;
	v = strtoll(s, &end, 10);
	return *end ? dflt : v;
}

/* Runs a constant statement with no parameters through the text protocol. */
static int simple(struct pw_db *db, const char *sql)
{
	if (!db->conn)
		return PW_ERR_DB_UNAVAILABLE;
	if (mysql_real_query(db->conn, sql, (unsigned long)strlen(sql)) != 0)
		return map_error(db, mysql_errno(db->conn), mysql_error(db->conn), sql);
	db->last_used = now_mono();
	return PW_OK;
}

int pw_db_set_autocommit(struct pw_db *db, int on)
{
	return simple(db, on ? "SET autocommit = 1" : "SET autocommit = 0");
}

int pw_db_begin(struct pw_db *db)
{
	int first = db->fresh && !db->in_tx;
	int rc = simple(db, "START TRANSACTION");

	if (rc == PW_ERR_DB_UNAVAILABLE && first && connect_now(db) == PW_OK)
		rc = simple(db, "START TRANSACTION");
	if (rc == PW_OK) {
		db->in_tx = 1;
		db->fresh = 0;
	}
	return rc;
}

int pw_db_commit(struct pw_db *db)
{
	int rc;

	if (!db->conn)
		return PW_ERR_DB_UNAVAILABLE;
	rc = simple(db, "COMMIT");
	db->in_tx = 0;
	return rc;
}

void pw_db_rollback(struct pw_db *db)
{
	if (db->conn && db->in_tx && mysql_real_query(db->conn, "ROLLBACK", 8) != 0)
		map_error(db, mysql_errno(db->conn), mysql_error(db->conn), "ROLLBACK");
	db->in_tx = 0;
}

int pw_db_run_script(struct pw_db *db, const char *sql, size_t len, char *err, size_t errlen)
{
	int rc = PW_OK, status, n = 1;

	err[0] = '\0';
	if (!db->conn)
		return PW_ERR_DB_UNAVAILABLE;
	if (mysql_set_server_option(db->conn, MYSQL_OPTION_MULTI_STATEMENTS_ON) != 0)
		return map_error(db, mysql_errno(db->conn), mysql_error(db->conn), "multi on");
	if (mysql_real_query(db->conn, sql, (unsigned long)len) != 0) {
		snprintf(err, errlen, "statement %d: %s", n, mysql_error(db->conn));
		rc = map_error(db, mysql_errno(db->conn), mysql_error(db->conn), "script");
		goto out;
	}
	do {
		MYSQL_RES *res = mysql_store_result(db->conn);
		if (res)
			mysql_free_result(res);
		status = mysql_next_result(db->conn);
		n++;
		if (status > 0) {
			snprintf(err, errlen, "statement %d: %s", n, mysql_error(db->conn));
			rc = map_error(db, mysql_errno(db->conn), mysql_error(db->conn), "script");
			goto out;
		}
	} while (status == 0);
	db->last_used = now_mono();
out:
	if (db->conn)
		mysql_set_server_option(db->conn, MYSQL_OPTION_MULTI_STATEMENTS_OFF);
	return rc;
}
