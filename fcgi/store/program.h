/*
 * store/program.h: program profiles as the handlers use them.
 *
 * pw_program_load reads one profile (the programs row and its checklist,
 * summary items, exit reasons and service-type catalog) into plain structs
 * that the rules in fcgi/rules/ take directly. Everything lives in the
 * caller's arena.
 */
#ifndef PW_STORE_PROGRAM_H
#define PW_STORE_PROGRAM_H

#include "rules/checklist.h"
#include "rules/service.h"

#include <stdbool.h>
#include <stddef.h>

struct pw_db;
struct pw_db_rows;
struct pw_arena;

struct pw_service_type_row {
	long long id;
	const char *code;
	const char *name;
	struct pw_service_type flags; /* R-SVC-2 */
	bool has_amount;
	bool active;
};

struct pw_exit_reason_row {
	const char *code;
	const char *label;
};

struct pw_profile {
	long long id;
	const char *code;        /* "wioa_adult", "snap_to_success", "cwork", ... */
	const char *name;
	const char *system_code; /* "caljobs", "worknet", "isets", "cwork" */
	bool is_youth;
	const char *common_exit_group; /* NULL for none (R-EXIT-2) */
	int fiscal_year_start_month;   /* R-DATE-3 */
	bool supportive_extends_exit;  /* R-SVC-2 */
	const char *follow_up_rule;    /* R-FUP-1 code */
	const char **hard_reasons;     /* R-EXIT-4: "01".."07" offered */
	size_t n_hard_reasons;
	bool hard_needs_document;
	bool offers_not_enrolled; /* R-EXIT-6 */
	int planned_grace_days;   /* R-SVC-1 */
	struct pw_checklist_item_def *checklist; /* R-CHK-*, in order */
	size_t n_checklist;
	const char **summary; /* R-SUM-1 item codes, in order */
	size_t n_summary;
	struct pw_exit_reason_row *exit_reasons;
	size_t n_exit_reasons;
	struct pw_service_type_row *service_types; /* the catalog, in order */
	size_t n_service_types;
	const char *settings_json; /* NULL when none */
	bool active;
	int version;
};

/* Loads program id into out; PW_ERR_NOT_FOUND when there is none. */
int pw_program_load(struct pw_db *db, struct pw_arena *a, long long id, struct pw_profile *out);

/* The catalog entry with this id in p, or NULL. */
const struct pw_service_type_row *pw_program_service_type(const struct pw_profile *p,
							  long long service_type_id);

/* ---- for the programs API (api/programs.c) ---------------------------- */

/* The catalog entry with this code in p, or NULL. */
const struct pw_service_type_row *pw_program_service_type_by_code(const struct pw_profile *p,
                                                                  const char *code);

/*
 * One page of programs in id order after after_id, at most limit rows.
 * Columns: id, code, name, system_code, is_youth, common_exit_group, active,
 * version. *out is the caller's, freed with pw_db_rows_free.
 */
int pw_program_list(struct pw_db *db, long long after_id, int limit, struct pw_db_rows **out);

/*
 * Inserts profile p (already validated) with its checklist, summary, exit
 * reasons and service types; p->id and the service types' ids are ignored
 * and *id gets the new program's id. Call inside a transaction: on failure
 * part of it may be written. PW_ERR_DUPLICATE when the code is taken.
 */
int pw_program_create(struct pw_db *db, const struct pw_profile *p, long long *id);

/*
 * Replaces program id at version with profile p (already validated): the
 * programs row (code excepted: it never changes) and its checklist, summary
 * and exit reasons. Service types are matched by code, because services
 * refer to their ids: a listed code updates its row in place (same id) or
 * adds one; a code no longer listed is kept but made inactive. Bumps the
 * version. PW_ERR_STALE when no row has that id and version. Call inside a
 * transaction.
 */
int pw_program_replace(struct pw_db *db, long long id, int version, const struct pw_profile *p);

#endif
