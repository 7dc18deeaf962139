/*
 * test_service.c: service statuses, the qualifying services of the 90-day
 * clock, and the checks on service records and status changes
 * (R-SVC-1..4, R-DATE-4).
 */
#include "unit_main.h"

#include "pw.h"
#include "rules/service.h"

#define D pw_unit_date

/* Type presets. */
#define T_PLAIN                                                                                    \
	{                                                                                          \
		.extends_exit = true                                                               \
	}
#define T_SUPPORTIVE                                                                               \
	{                                                                                          \
		.extends_exit = true, .supportive = true                                           \
	}
#define T_SELF                                                                                     \
	{                                                                                          \
		.extends_exit = true, .self_service = true                                         \
	}
#define T_INFO                                                                                     \
	{                                                                                          \
		.extends_exit = true, .info_only = true                                            \
	}
#define T_FOLLOWUP                                                                                 \
	{                                                                                          \
		.extends_exit = true, .followup = true                                             \
	}
#define T_NOCLOCK                                                                                  \
	{                                                                                          \
		.extends_exit = false                                                              \
	}

static void test_status_codes_round_trip(void)
{
	static const struct {
		const char *code, *label;
		enum pw_service_status status;
	} rows[] = {
	        {"planned", "Planned", PW_SERVICE_PLANNED},
	        {"open", "Started/Open", PW_SERVICE_OPEN},
	        {"completed_successful", "Completed Successfully", PW_SERVICE_COMPLETED_SUCCESSFUL},
	        {"completed_unsuccessful", "Completed Unsuccessfully",
	         PW_SERVICE_COMPLETED_UNSUCCESSFUL},
	        {"deleted", "Deleted", PW_SERVICE_DELETED},
	};
	static const char *const bad[] = {"", "Open", "completed", "started", "deleted "};
	enum pw_service_status s = PW_SERVICE_OPEN;

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		PW_CHECK(pw_service_status_from_code(rows[i].code, &s) == PW_OK &&
		                 s == rows[i].status,
		         "%s", rows[i].code);
		CU_ASSERT_STRING_EQUAL(pw_service_status_code(rows[i].status), rows[i].code);
		CU_ASSERT_STRING_EQUAL(pw_service_status_label(rows[i].status), rows[i].label);
	}
	s = PW_SERVICE_DELETED;
	for (size_t i = 0; i < PW_ARRAY_LEN(bad); i++)
		PW_CHECK(pw_service_status_from_code(bad[i], &s) == PW_ERR_INVALID, "\"%s\"",
		         bad[i]);
	CU_ASSERT_EQUAL(pw_service_status_from_code(NULL, &s), PW_ERR_INVALID);
	CU_ASSERT_EQUAL(s, PW_SERVICE_DELETED);
	CU_ASSERT_STRING_EQUAL(pw_service_status_code((enum pw_service_status)99), "");
}

static void test_which_types_extend_exit(void)
{
	static const struct {
		const char *what;
		struct pw_service_type t;
		bool supportive_extends, qualifies;
	} rows[] = {
	        {"plain service", T_PLAIN, true, true},
	        {"type that does not extend exit", T_NOCLOCK, true, false},
	        {"self-service never", T_SELF, true, false},
	        {"information-only never", T_INFO, true, false},
	        {"follow-up never", T_FOLLOWUP, true, false},
	        {"supportive by default", T_SUPPORTIVE, true, true},
	        {"supportive when the profile says not", T_SUPPORTIVE, false, false},
	        {"plain service whatever the supportive flag", T_PLAIN, false, true},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++)
		PW_CHECK(pw_service_type_qualifies(&rows[i].t, rows[i].supportive_extends) ==
		                 rows[i].qualifies,
		         "%s", rows[i].what);
}

static void test_last_qualifying_service_date(void)
{
	/* Each case: up to 4 services, the profile flag, the expected index
	 * (-1: none) and date. */
	static const struct {
		const char *what;
		size_t n;
		struct {
			struct pw_service_type t;
			enum pw_service_status st;
			const char *start, *end;
		} s[4];
		bool supportive_extends;
		int index;
		const char *date;
	} rows[] = {
	        {"latest end date wins",
	         3,
	         {{T_PLAIN, PW_SERVICE_COMPLETED_SUCCESSFUL, "2024-01-02", "2024-01-10"},
	          {T_PLAIN, PW_SERVICE_COMPLETED_UNSUCCESSFUL, "2024-01-05", "2024-02-01"},
	          {T_PLAIN, PW_SERVICE_COMPLETED_SUCCESSFUL, "2024-01-20", "2024-01-25"}},
	         true,
	         1,
	         "2024-02-01"},
	        {"a service with no end counts at its start",
	         2,
	         {{T_PLAIN, PW_SERVICE_COMPLETED_SUCCESSFUL, "2024-01-02", "2024-01-10"},
	          {T_PLAIN, PW_SERVICE_OPEN, "2024-01-15", NULL}},
	         true,
	         1,
	         "2024-01-15"},
	        {"deleted services never count",
	         2,
	         {{T_PLAIN, PW_SERVICE_COMPLETED_SUCCESSFUL, "2024-01-02", "2024-01-10"},
	          {T_PLAIN, PW_SERVICE_DELETED, "2024-03-01", "2024-03-02"}},
	         true,
	         0,
	         "2024-01-10"},
	        {"self-service, info-only and follow-up never count",
	         4,
	         {{T_PLAIN, PW_SERVICE_COMPLETED_SUCCESSFUL, "2024-01-02", "2024-01-10"},
	          {T_SELF, PW_SERVICE_COMPLETED_SUCCESSFUL, "2024-03-01", "2024-03-01"},
	          {T_INFO, PW_SERVICE_COMPLETED_SUCCESSFUL, "2024-03-01", "2024-03-01"},
	          {T_FOLLOWUP, PW_SERVICE_OPEN, "2024-03-01", NULL}},
	         true,
	         0,
	         "2024-01-10"},
	        {"supportive counts by default",
	         2,
	         {{T_PLAIN, PW_SERVICE_COMPLETED_SUCCESSFUL, "2024-01-02", "2024-01-10"},
	          {T_SUPPORTIVE, PW_SERVICE_COMPLETED_SUCCESSFUL, "2024-02-01", "2024-02-05"}},
	         true,
	         1,
	         "2024-02-05"},
	        {"supportive left out when the profile says so",
	         2,
	         {{T_PLAIN, PW_SERVICE_COMPLETED_SUCCESSFUL, "2024-01-02", "2024-01-10"},
	          {T_SUPPORTIVE, PW_SERVICE_COMPLETED_SUCCESSFUL, "2024-02-01", "2024-02-05"}},
	         false,
	         0,
	         "2024-01-10"},
	        {"a planned service counts at its planned start",
	         2,
	         {{T_PLAIN, PW_SERVICE_COMPLETED_SUCCESSFUL, "2024-01-02", "2024-01-10"},
	          {T_PLAIN, PW_SERVICE_PLANNED, "2024-02-01", NULL}},
	         true,
	         1,
	         "2024-02-01"},
	        {"ties go to the first listed",
	         2,
	         {{T_PLAIN, PW_SERVICE_COMPLETED_SUCCESSFUL, "2024-01-02", "2024-01-10"},
	          {T_PLAIN, PW_SERVICE_COMPLETED_SUCCESSFUL, "2024-01-03", "2024-01-10"}},
	         true,
	         0,
	         "2024-01-10"},
	        {"only non-qualifying services: none",
	         1,
	         {{T_SELF, PW_SERVICE_COMPLETED_SUCCESSFUL, "2024-01-02", "2024-01-10"}},
	         true,
	         -1,
	         NULL},
	        {"no services: none", 0, {{T_PLAIN, PW_SERVICE_OPEN, NULL, NULL}}, true, -1, NULL},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_service s[4];
		size_t idx = 99;
		pw_date d = PW_DATE_NONE;
		int rc;

		for (size_t j = 0; j < rows[i].n; j++) {
			s[j] = (struct pw_service){.id = (int64_t)j + 1,
			                           .type = rows[i].s[j].t,
			                           .status = rows[i].s[j].st,
			                           .start = D(rows[i].s[j].start),
			                           .end = D(rows[i].s[j].end)};
		}
		rc = pw_service_last_qualifying(s, rows[i].n, rows[i].supportive_extends, &idx, &d);
		if (rows[i].index < 0) {
			PW_CHECK(rc == PW_ERR_NOT_FOUND && idx == 99, "%s", rows[i].what);
		} else {
			PW_CHECK(rc == PW_OK && idx == (size_t)rows[i].index &&
			                 d == D(rows[i].date),
			         "%s: rc %d index %zu", rows[i].what, rc, idx);
		}
	}
}

static void test_validate_service_records(void)
{
	static const struct {
		const char *what;
		enum pw_service_status st;
		const char *start, *end, *as_of;
		int grace;
		const char *expect;
	} rows[] = {
	        {"completed with end after start", PW_SERVICE_COMPLETED_SUCCESSFUL, "2024-01-02",
	         "2024-01-10", "2024-02-01", 7, ""},
	        {"completed on its start day", PW_SERVICE_COMPLETED_UNSUCCESSFUL, "2024-01-02",
	         "2024-01-02", "2024-01-02", 7, ""},
	        {"completed needs an end date", PW_SERVICE_COMPLETED_SUCCESSFUL, "2024-01-02", NULL,
	         "2024-02-01", 7, "R-SVC-1:end_date"},
	        {"end before start", PW_SERVICE_COMPLETED_SUCCESSFUL, "2024-01-10", "2024-01-09",
	         "2024-02-01", 7, "R-SVC-1:end_date"},
	        {"start is required", PW_SERVICE_OPEN, NULL, NULL, "2024-02-01", 7,
	         "R-SVC-1:start_date"},
	        {"open service starting tomorrow", PW_SERVICE_OPEN, "2024-02-02", NULL,
	         "2024-02-01", 7, "R-DATE-4:start_date"},
	        {"open service starting today", PW_SERVICE_OPEN, "2024-02-01", NULL, "2024-02-01",
	         7, ""},
	        {"completed with an end tomorrow", PW_SERVICE_COMPLETED_SUCCESSFUL, "2024-01-02",
	         "2024-02-02", "2024-02-01", 7, "R-DATE-4:end_date"},
	        {"planned in the future", PW_SERVICE_PLANNED, "2024-06-01", "2024-07-01",
	         "2024-02-01", 7, ""},
	        {"planned start exactly grace days ago", PW_SERVICE_PLANNED, "2024-01-25", NULL,
	         "2024-02-01", 7, ""},
	        {"planned start one day past the grace", PW_SERVICE_PLANNED, "2024-01-24", NULL,
	         "2024-02-01", 7, "R-SVC-1:start_date"},
	        {"planned start yesterday with no grace", PW_SERVICE_PLANNED, "2024-01-31", NULL,
	         "2024-02-01", 0, "R-SVC-1:start_date"},
	        {"deleted with no dates", PW_SERVICE_DELETED, NULL, NULL, "2024-02-01", 7, ""},
	        {"deleted with end before start", PW_SERVICE_DELETED, "2024-01-10", "2024-01-01",
	         "2024-02-01", 7, "R-SVC-1:end_date"},
	        {"completed in the future twice over", PW_SERVICE_COMPLETED_SUCCESSFUL,
	         "2024-03-01", "2024-03-05", "2024-02-01", 7,
	         "R-DATE-4:start_date,R-DATE-4:end_date"},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_service s = {.id = 1,
		                       .name = "VT - Vocational Training",
		                       .type = T_PLAIN,
		                       .status = rows[i].st,
		                       .start = D(rows[i].start),
		                       .end = D(rows[i].end)};
		struct pw_violations v;
		char got[256];
		int rc;

		pw_violations_init(&v);
		rc = pw_service_validate(&s, D(rows[i].as_of), rows[i].grace, &v);
		pw_unit_violations(&v, got, sizeof(got));
		PW_CHECK(strcmp(got, rows[i].expect) == 0, "%s: got \"%s\"", rows[i].what, got);
		PW_CHECK(rc == (rows[i].expect[0] ? PW_ERR_INVALID : PW_OK), "%s: rc %d",
		         rows[i].what, rc);
	}
}

static void test_unknown_status_value_is_refused(void)
{
	struct pw_service s = {.type = T_PLAIN,
	                       .status = (enum pw_service_status)42,
	                       .start = D("2024-01-01"),
	                       .end = PW_DATE_NONE};
	struct pw_violations v;

	pw_violations_init(&v);
	CU_ASSERT_EQUAL(pw_service_validate(&s, D("2024-02-01"), 7, &v), PW_ERR_INVALID);
	CU_ASSERT_STRING_EQUAL(v.items[0].field, "status");
}

static void test_status_changes(void)
{
	static const struct {
		const char *what;
		enum pw_service_status from, to;
		const char *end;
		int rc;
	} rows[] = {
	        {"planned to open", PW_SERVICE_PLANNED, PW_SERVICE_OPEN, NULL, PW_OK},
	        {"open to completed with an end", PW_SERVICE_OPEN, PW_SERVICE_COMPLETED_SUCCESSFUL,
	         "2024-01-20", PW_OK},
	        {"open to completed without an end", PW_SERVICE_OPEN,
	         PW_SERVICE_COMPLETED_SUCCESSFUL, NULL, PW_ERR_INVALID},
	        {"completed reopened", PW_SERVICE_COMPLETED_UNSUCCESSFUL, PW_SERVICE_OPEN, NULL,
	         PW_OK},
	        {"open removed", PW_SERVICE_OPEN, PW_SERVICE_DELETED, NULL, PW_OK},
	        {"deleted cannot come back", PW_SERVICE_DELETED, PW_SERVICE_OPEN, NULL,
	         PW_ERR_CONFLICT},
	        {"started cannot go back to planned", PW_SERVICE_OPEN, PW_SERVICE_PLANNED, NULL,
	         PW_ERR_CONFLICT},
	        {"completed cannot go back to planned", PW_SERVICE_COMPLETED_SUCCESSFUL,
	         PW_SERVICE_PLANNED, NULL, PW_ERR_CONFLICT},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_service before = {.type = T_PLAIN,
		                            .status = rows[i].from,
		                            .start = D("2024-01-10"),
		                            .end = PW_DATE_NONE};
		struct pw_service after = before;
		struct pw_violations v;
		int rc;

		after.status = rows[i].to;
		after.end = D(rows[i].end);
		pw_violations_init(&v);
		rc = pw_service_validate_change(&before, &after, D("2024-02-01"), 7, &v);
		PW_CHECK(rc == rows[i].rc, "%s: rc %d", rows[i].what, rc);
		PW_CHECK((v.n == 0) == (rc == PW_OK), "%s: %zu violations", rows[i].what, v.n);
	}
}

static void test_no_service_added_after_exit_except_follow_up(void)
{
	static const struct {
		const char *what;
		bool closed;
		struct pw_service_type t;
		int rc;
	} rows[] = {
	        {"open enrollment takes any service", false, T_PLAIN, PW_OK},
	        {"open enrollment takes supportive", false, T_SUPPORTIVE, PW_OK},
	        {"exited enrollment refuses a service", true, T_PLAIN, PW_ERR_CONFLICT},
	        {"exited enrollment refuses supportive", true, T_SUPPORTIVE, PW_ERR_CONFLICT},
	        {"exited enrollment refuses self-service", true, T_SELF, PW_ERR_CONFLICT},
	        {"exited enrollment takes a follow-up service", true, T_FOLLOWUP, PW_OK},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_violations v;
		int rc;

		pw_violations_init(&v);
		rc = pw_service_check_enrollment_open(rows[i].closed, &rows[i].t, &v);
		PW_CHECK(rc == rows[i].rc, "%s", rows[i].what);
		if (rc != PW_OK)
			PW_CHECK(v.n == 1 && strcmp(v.items[0].rule, "R-SVC-4") == 0, "%s",
			         rows[i].what);
	}
}

static void test_display_name_is_bounded_and_utf8_safe(void)
{
	/* "é" is two bytes (0xC3 0xA9); with 12 bytes of room, 8 are kept and the
	 * 8th and 9th bytes of the name hold an "é" that must not be split. */
	struct pw_service cut = {.id = 42, .name = "abcdefg\xC3\xA9hijklmn"};
	struct pw_service fits = {.id = 42, .name = "abcdefgh\xC3\xA9ijklmn"};
	struct pw_service anon = {.id = 42};
	char buf[12], big[64];

	CU_ASSERT_EQUAL(pw_service_display_name(&cut, buf, sizeof(buf)), 10);
	CU_ASSERT_STRING_EQUAL(buf, "abcdefg...");
	CU_ASSERT_TRUE(pw_unit_utf8_valid(buf));
	pw_service_display_name(&fits, buf, sizeof(buf));
	CU_ASSERT_STRING_EQUAL(buf, "abcdefgh...");
	pw_service_display_name(&cut, big, sizeof(big));
	CU_ASSERT_STRING_EQUAL(big, cut.name);
	pw_service_display_name(&anon, big, sizeof(big));
	CU_ASSERT_STRING_EQUAL(big, "Service #42");
	CU_ASSERT_EQUAL(pw_service_display_name(&cut, buf, 0), 0);
	CU_ASSERT_EQUAL(pw_service_display_name(&cut, buf, 3), 0);
	CU_ASSERT_STRING_EQUAL(buf, "");
}

static const struct pw_unit_test tests[] = {
        {"service status codes and labels round-trip; unknown codes are refused",
         test_status_codes_round_trip},
        {"self-service, info-only and follow-up never extend exit; supportive unless the profile "
         "says not",
         test_which_types_extend_exit},
        {"last qualifying service date is the latest end (or start while open) of qualifying, "
         "non-deleted services",
         test_last_qualifying_service_date},
        {"service records: end >= start, completed needs an end, no future dates unless planned, "
         "planned start grace",
         test_validate_service_records},
        {"an unknown status value is refused", test_unknown_status_value_is_refused},
        {"status changes: deleted stays deleted, started never goes back to planned",
         test_status_changes},
        {"an exited enrollment takes no service except follow-up services",
         test_no_service_added_after_exit_except_follow_up},
        {"display names are bounded and never split a UTF-8 character",
         test_display_name_is_bounded_and_utf8_safe},
};

int main(void)
{
	return pw_unit_run("service", tests, PW_ARRAY_LEN(tests));
}
