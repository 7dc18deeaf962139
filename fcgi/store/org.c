/*
 * store/org.c: SQL of the organisation records (see org.h).
 */
#include "store/org.h"

#include "db.h"
#include "pw.h"

#include <stdlib.h>

#define TAIL ", version, DATE_FORMAT(created_at, '%Y-%m-%dT%H:%i:%sZ'), " \
	     "DATE_FORMAT(updated_at, '%Y-%m-%dT%H:%i:%sZ') "

struct kind_sql {
	size_t nfields;
	const char *get, *list, *insert, *update;
};

/* Field order per kind:
 *   region:   code, name, requires_agency_code, active
 *   provider: name, agency_code, active
 *   location: provider_id, region_id, name, address, active
 *   position: name, active */
static const struct kind_sql kinds[] = {
	[PW_ORG_REGION] = {
		4,
		"SELECT id, code, name, requires_agency_code, active" TAIL
		"FROM regions WHERE id = ?",
		"SELECT id, code, name, requires_agency_code, active" TAIL
		"FROM regions WHERE id > ? ORDER BY id LIMIT ?",
		"INSERT INTO regions (code, name, requires_agency_code, active) VALUES (?, ?, ?, ?)",
		"UPDATE regions SET code = IF(?, ?, code), name = IF(?, ?, name), "
		"requires_agency_code = IF(?, ?, requires_agency_code), active = IF(?, ?, active), "
		"version = version + 1, updated_at = UTC_TIMESTAMP(6) WHERE id = ? AND version = ?",
	},
	[PW_ORG_PROVIDER] = {
		3,
		"SELECT id, name, agency_code, active" TAIL "FROM providers WHERE id = ?",
		"SELECT id, name, agency_code, active" TAIL
		"FROM providers WHERE id > ? ORDER BY id LIMIT ?",
		"INSERT INTO providers (name, agency_code, active) VALUES (?, ?, ?)",
		"UPDATE providers SET name = IF(?, ?, name), agency_code = IF(?, ?, agency_code), "
		"active = IF(?, ?, active), version = version + 1, "
		"updated_at = UTC_TIMESTAMP(6) WHERE id = ? AND version = ?",
	},
	[PW_ORG_LOCATION] = {
		5,
		"SELECT id, provider_id, region_id, name, address, active" TAIL
		"FROM office_locations WHERE id = ?",
		"SELECT id, provider_id, region_id, name, address, active" TAIL
		"FROM office_locations WHERE id > ? ORDER BY id LIMIT ?",
		"INSERT INTO office_locations (provider_id, region_id, name, address, active) "
		"VALUES (?, ?, ?, ?, ?)",
		"UPDATE office_locations SET provider_id = IF(?, ?, provider_id), "
		"region_id = IF(?, ?, region_id), name = IF(?, ?, name), "
		"address = IF(?, ?, address), active = IF(?, ?, active), version = version + 1, "
		"updated_at = UTC_TIMESTAMP(6) WHERE id = ? AND version = ?",
	},
	[PW_ORG_POSITION] = {
		2,
		"SELECT id, name, active" TAIL "FROM staff_positions WHERE id = ?",
		"SELECT id, name, active" TAIL "FROM staff_positions WHERE id > ? ORDER BY id LIMIT ?",
		"INSERT INTO staff_positions (name, active) VALUES (?, ?)",
		"UPDATE staff_positions SET name = IF(?, ?, name), active = IF(?, ?, active), "
		"version = version + 1, updated_at = UTC_TIMESTAMP(6) WHERE id = ? AND version = ?",
	},
};

size_t pw_org_nfields(enum pw_org_kind kind)
{
	return kinds[kind].nfields;
}

int pw_org_get(struct pw_db *db, enum pw_org_kind kind, long long id, struct pw_db_rows **out)
{
	struct pw_db_param p[] = {PW_P_INT(id)};

	return pw_db_query(db, kinds[kind].get, p, 1, out);
}

int pw_org_list(struct pw_db *db, enum pw_org_kind kind, long long after_id, int limit,
		struct pw_db_rows **out)
{
	struct pw_db_param p[] = {PW_P_INT(after_id), PW_P_INT(limit)};

	return pw_db_query(db, kinds[kind].list, p, 2, out);
}

int pw_org_create(struct pw_db *db, enum pw_org_kind kind, const struct pw_db_param *vals,
		  long long *id)
{
	unsigned long long insert_id = 0;
	int rc = pw_db_exec(db, kinds[kind].insert, vals, kinds[kind].nfields, NULL, &insert_id);

	if (rc == PW_OK)
		*id = (long long)insert_id;
	return rc;
}

int pw_org_update(struct pw_db *db, enum pw_org_kind kind, long long id, int version,
		  const int *given, const struct pw_db_param *vals)
{
	size_t n = kinds[kind].nfields, k = 0;
	struct pw_db_param *p = calloc(2 * n + 2, sizeof(*p));
	unsigned long long affected = 0;
	int rc;

	if (!p)
		return PW_ERR_NOMEM;
	for (size_t i = 0; i < n; i++) {
		p[k++] = PW_P_INT(given[i] ? 1 : 0);
		p[k++] = vals[i];
	}
	p[k++] = PW_P_INT(id);
	p[k++] = PW_P_INT(version);
	rc = pw_db_exec(db, kinds[kind].update, p, k, &affected, NULL);
	free(p);
	if (rc == PW_OK && affected != 1)
		rc = PW_ERR_STALE;
	return rc;
}

int pw_org_location_staff(struct pw_db *db, long long location_id, struct pw_db_rows **out)
{
	static const char sql[] =
		"SELECT u.id, u.display_name, u.role, u.staff_position_id, sp.name "
		"FROM user_locations ul JOIN users u ON u.id = ul.user_id "
		"LEFT JOIN staff_positions sp ON sp.id = u.staff_position_id "
		"WHERE ul.location_id = ? AND u.active = 1 AND u.role <> 'customer' "
		"ORDER BY u.display_name, u.id";
	struct pw_db_param p[] = {PW_P_INT(location_id)};

	return pw_db_query(db, sql, p, 1, out);
}
