/*
 * store/meta.h: facts about the database itself.
 */
#ifndef PW_STORE_META_H
#define PW_STORE_META_H

struct pw_db;

/* The highest applied migration version (0 when none). */
int pw_meta_schema_version(struct pw_db *db, long long *version);

#endif
