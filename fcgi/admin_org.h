/*
 * admin_org.h: pathway-admin commands that create accounts and organisation
 * records from the shell, and the demo data loader.
 */
#ifndef PW_ADMIN_ORG_H
#define PW_ADMIN_ORG_H

struct pw_db;
struct pw_config;

/* The loaded configuration, set by main before a command runs. */
extern const struct pw_config *pw_admin_config;

int pw_admin_create_user(struct pw_db *db, int argc, char **argv);
int pw_admin_create_region(struct pw_db *db, int argc, char **argv);
int pw_admin_create_provider(struct pw_db *db, int argc, char **argv);
int pw_admin_create_location(struct pw_db *db, int argc, char **argv);
int pw_admin_create_position(struct pw_db *db, int argc, char **argv);
/* demo [--dir DIR]: the SQL scripts of DIR, then the accounts of DIR/users.tsv. */
int pw_admin_demo(struct pw_db *db, int argc, char **argv);

#endif
