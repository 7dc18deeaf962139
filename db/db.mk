# db/: migrations and demo data, installed under $(pkgdatadir) where
# pathway-admin looks for them by default. Automake wants every file named.
migrationsdir = $(pkgdatadir)/migrations
dist_migrations_DATA = \
	db/migrations/0001_create_schema_migrations.sql \
	db/migrations/0002_create_audit_log.sql \
	db/migrations/0003_create_organisation.sql \
	db/migrations/0004_create_accounts.sql \
	db/migrations/0005_create_programs.sql \
	db/migrations/0006_create_case_records.sql \
	db/migrations/0007_create_idempotency_keys.sql \
	db/migrations/0008_load_program_profiles.sql \
	db/migrations/0011_create_outcome_records.sql

demodir = $(pkgdatadir)/demo
dist_demo_DATA = \
	db/demo/0001_organisation.sql \
	db/demo/0002_users.tsv \
	db/demo/0003_participants.sql \
	db/demo/0004_customers.tsv \
	db/demo/0005_outcomes.sql

EXTRA_DIST += db/README.md
