/*
 * db.h: one MariaDB connection, prepared statements, transactions.
 *
 * Each worker thread owns one pw_db. SQL is always a constant string; values
 * travel as bound parameters (struct pw_db_param), never inside the text.
 * Statements are prepared once per connection and cached by their SQL
 * pointer, so a hot query costs one round trip.
 *
 * Connection loss is not fatal: pw_db_ensure() reconnects (pinging first
 * when the connection has been idle), a statement that finds the connection
 * gone before anything was done in the request reconnects and retries once,
 * and otherwise the caller gets PW_ERR_DB_UNAVAILABLE (503) and the next
 * request starts from a fresh connection.
 */
#ifndef PW_DB_H
#define PW_DB_H

#include <stddef.h>

struct pw_config;
struct pw_db;

enum pw_db_type { PW_DB_NULL, PW_DB_INT, PW_DB_TEXT, PW_DB_DOUBLE, PW_DB_BLOB };

struct pw_db_param {
	enum pw_db_type type;
	long long i;
	double d;
	const char *s; /* TEXT/BLOB bytes, borrowed for the call */
	size_t len;
};

#define PW_P_NULL ((struct pw_db_param){.type = PW_DB_NULL})
#define PW_P_INT(v) ((struct pw_db_param){.type = PW_DB_INT, .i = (long long)(v)})
#define PW_P_DOUBLE(v) ((struct pw_db_param){.type = PW_DB_DOUBLE, .d = (v)})
#define PW_P_TEXTN(p, n) ((struct pw_db_param){.type = PW_DB_TEXT, .s = (p), .len = (n)})
#define PW_P_TEXT(p) pw_db_text_param(p)
#define PW_P_BLOB(p, n) ((struct pw_db_param){.type = PW_DB_BLOB, .s = (p), .len = (n)})

/* A TEXT parameter from a NUL-terminated string; NULL gives SQL NULL. */
struct pw_db_param pw_db_text_param(const char *s);

/* A result set, every cell as text (NULL pointer for SQL NULL). */
struct pw_db_rows {
	size_t nrows, ncols;
	char **cells;          /* nrows * ncols, each NUL-terminated, owned */
	unsigned long *lens;   /* byte lengths of cells */
};

/*
 * A connection handle for cfg (borrowed; must outlive the handle).
 * rw_timeout is the read/write timeout in seconds. Does not connect yet.
 * Returns NULL when out of memory.
 */
struct pw_db *pw_db_new(const struct pw_config *cfg, int rw_timeout);
void pw_db_free(struct pw_db *db);

/* Connects if needed, or pings an idle connection and reconnects if it is
 * gone. PW_OK or PW_ERR_DB_UNAVAILABLE. Marks the start of a request. */
int pw_db_ensure(struct pw_db *db);

/* Runs sql with params; affected rows and insert id when not NULL. */
int pw_db_exec(struct pw_db *db, const char *sql, const struct pw_db_param *params, size_t n,
	       unsigned long long *affected, unsigned long long *insert_id);

/* An INSERT: *id gets the new row's id. */
int pw_db_insert(struct pw_db *db, const char *sql, const struct pw_db_param *params, size_t n,
		 long long *id);

/*
 * A statement that must change exactly one row, typically an UPDATE or
 * DELETE guarded by "WHERE id = ? AND version = ?": PW_ERR_STALE when it
 * changed none (the version moved on, or the row is gone).
 */
int pw_db_exec_one(struct pw_db *db, const char *sql, const struct pw_db_param *params, size_t n);

/* Runs a query; *out is a new result the caller frees with pw_db_rows_free. */
int pw_db_query(struct pw_db *db, const char *sql, const struct pw_db_param *params, size_t n,
		struct pw_db_rows **out);
void pw_db_rows_free(struct pw_db_rows *rows);

/* Cell text or NULL; row and col must be in range. */
const char *pw_db_cell(const struct pw_db_rows *r, size_t row, size_t col);
/* Cell as an integer, or dflt for NULL or a non-number. */
long long pw_db_cell_int(const struct pw_db_rows *r, size_t row, size_t col, long long dflt);

/* Turns autocommit off or on for the session. With it off, the statements
 * after a DDL statement's implicit commit stay in a transaction that a
 * rollback undoes (migrations use this). */
int pw_db_set_autocommit(struct pw_db *db, int on);

int pw_db_begin(struct pw_db *db);
int pw_db_commit(struct pw_db *db);
/* Always safe to call; a rollback on a dead connection is a no-op. */
void pw_db_rollback(struct pw_db *db);

/*
 * Runs a whole SQL script (several statements) as text. Only for files
 * that ship with Pathway (migrations, demo data), never for request input.
 * On failure, err gets the server's message and the statement number.
 */
int pw_db_run_script(struct pw_db *db, const char *sql, size_t len, char *err, size_t errlen);

/* The server's last error text, for logs (never for responses). */
const char *pw_db_error(struct pw_db *db);
/* The server's last error number. */
unsigned pw_db_errno(struct pw_db *db);

#endif
