/*
 * test_exit.c: exit kinds and codes, the 90-day soft exit and its
 * projection, common exit, and the checks on regular, hard, late-exclusion,
 * not-enrolled and undone exits (R-EXIT-1..8).
 */
#include "unit_main.h"

#include "pw.h"
#include "rules/exit.h"

#define D pw_unit_date

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
#define T_FOLLOWUP                                                                                 \
	{                                                                                          \
		.extends_exit = true, .followup = true                                             \
	}

static const char *const all_reasons[] = {"01", "02", "03", "04", "05", "06", "07"};

/* A completed qualifying service ending on `end` (NULL: none). */
static struct pw_service done(int64_t id, const char *start, const char *end)
{
	return (struct pw_service){.id = id,
	                           .name = "BE - Basic Education (ABE/GED)",
	                           .type = T_PLAIN,
	                           .status = PW_SERVICE_COMPLETED_SUCCESSFUL,
	                           .start = D(start),
	                           .end = D(end)};
}

static struct pw_exit_facts enrolled(const struct pw_service *s, size_t n)
{
	return (struct pw_exit_facts){.status = PW_ENROLLMENT_ENROLLED,
	                              .participation_date = D("2023-06-01"),
	                              .services = s,
	                              .n_services = n,
	                              .supportive_extends_exit = true};
}

static void test_codes_round_trip(void)
{
	static const struct {
		const char *code, *label;
	} hard[] = {
	        {"01", "Institutionalized"},
	        {"02", "Health/Medical"},
	        {"03", "Deceased"},
	        {"04", "Reservist called to Active Duty"},
	        {"05", "In Foster Care and moved from area by foster care system"},
	        {"06", "Ineligible"},
	        {"07", "Criminal Offender"},
	};
	static const char *const bad_hard[] = {"1", "00", "08", "3 ", "", "Deceased"};
	static const char *const kinds[] = {"regular", "soft", "hard", "not_enrolled"};
	static const char *const statuses[] = {"referred", "enrolled", "exited", "not_enrolled"};
	enum pw_exit_hard_reason r;
	enum pw_exit_kind k;
	enum pw_enrollment_status st;
	enum pw_exit_school_status ss;

	for (size_t i = 0; i < PW_ARRAY_LEN(hard); i++) {
		PW_CHECK(pw_exit_hard_reason_from_code(hard[i].code, &r) == PW_OK &&
		                 (int)r == (int)i + 1,
		         "%s", hard[i].code);
		CU_ASSERT_STRING_EQUAL(pw_exit_hard_reason_code(r), hard[i].code);
		CU_ASSERT_STRING_EQUAL(pw_exit_hard_reason_label(r), hard[i].label);
	}
	for (size_t i = 0; i < PW_ARRAY_LEN(bad_hard); i++)
		PW_CHECK(pw_exit_hard_reason_from_code(bad_hard[i], &r) == PW_ERR_INVALID, "\"%s\"",
		         bad_hard[i]);
	for (size_t i = 0; i < PW_ARRAY_LEN(kinds); i++) {
		PW_CHECK(pw_exit_kind_from_code(kinds[i], &k) == PW_OK && (size_t)k == i, "%s",
		         kinds[i]);
		CU_ASSERT_STRING_EQUAL(pw_exit_kind_code(k), kinds[i]);
	}
	for (size_t i = 0; i < PW_ARRAY_LEN(statuses); i++) {
		PW_CHECK(pw_exit_enrollment_status_from_code(statuses[i], &st) == PW_OK &&
		                 (size_t)st == i,
		         "%s", statuses[i]);
		CU_ASSERT_STRING_EQUAL(pw_exit_enrollment_status_code(st), statuses[i]);
	}
	CU_ASSERT_EQUAL(pw_exit_kind_from_code("Soft", &k), PW_ERR_INVALID);
	CU_ASSERT_EQUAL(pw_exit_enrollment_status_from_code(NULL, &st), PW_ERR_INVALID);
	CU_ASSERT_EQUAL(pw_exit_school_status_from_code("not_attending_hs_graduate", &ss), PW_OK);
	CU_ASSERT_EQUAL((int)ss, 5);
	CU_ASSERT_STRING_EQUAL(pw_exit_school_status_label(ss),
	                       "Not attending school; H.S. Graduate");
	CU_ASSERT_EQUAL(pw_exit_school_status_from_code("graduate", &ss), PW_ERR_INVALID);
	CU_ASSERT_TRUE(pw_exit_enrollment_is_closed(PW_ENROLLMENT_EXITED));
	CU_ASSERT_TRUE(pw_exit_enrollment_is_closed(PW_ENROLLMENT_NOT_ENROLLED));
	CU_ASSERT_FALSE(pw_exit_enrollment_is_closed(PW_ENROLLMENT_ENROLLED));
	CU_ASSERT_FALSE(pw_exit_enrollment_is_closed(PW_ENROLLMENT_REFERRED));
}

/* R-EXIT-1 boundaries: day 90 after L keeps the enrollment, day 91 exits it. */
static void test_soft_exit_on_day_91_not_day_90(void)
{
	static const struct {
		const char *what, *last, *as_of;
		bool due;
		const char *sweep;
		int days_left;
	} rows[] = {
	        {"worked example: still enrolled on day 90", "2024-01-01", "2024-03-31", false,
	         "2024-04-01", 1},
	        {"worked example: soft-exited on day 91", "2024-01-01", "2024-04-01", true,
	         "2024-04-01", 0},
	        {"long after", "2024-01-01", "2024-12-31", true, "2024-04-01", 0},
	        {"on the last service day", "2024-01-01", "2024-01-01", false, "2024-04-01", 91},
	        {"common year day 90", "2023-01-01", "2023-04-01", false, "2023-04-02", 1},
	        {"common year day 91", "2023-01-01", "2023-04-02", true, "2023-04-02", 0},
	        {"across Feb 29 2024, day 90", "2023-12-03", "2024-03-02", false, "2024-03-03", 1},
	        {"across Feb 29 2024, day 91", "2023-12-03", "2024-03-03", true, "2024-03-03", 0},
	        {"across Feb 28 2023, day 90", "2022-12-03", "2023-03-03", false, "2023-03-04", 1},
	        {"across Feb 28 2023, day 91", "2022-12-03", "2023-03-04", true, "2023-03-04", 0},
	        {"from Feb 29, day 90", "2024-02-29", "2024-05-29", false, "2024-05-30", 1},
	        {"from Feb 29, day 91", "2024-02-29", "2024-05-30", true, "2024-05-30", 0},
	        {"day 90 is June 30 (program year end)", "2024-04-01", "2024-06-30", false,
	         "2024-07-01", 1},
	        {"day 91 is July 1 (new program year)", "2024-04-01", "2024-07-01", true,
	         "2024-07-01", 0},
	        {"day 90 is July 1", "2023-04-02", "2023-07-01", false, "2023-07-02", 1},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_service s[2] = {done(1, "2021-01-01", "2021-01-01"),
		                          done(2, "2021-01-01", rows[i].last)};
		struct pw_exit_facts f = enrolled(s, 2);
		struct pw_exit_soft soft;
		pw_date exit_date = PW_DATE_NONE;

		f.participation_date = D("2022-01-01");
		PW_CHECK(pw_exit_soft_status(&f, D(rows[i].as_of), &soft) == PW_OK, "%s",
		         rows[i].what);
		PW_CHECK(soft.due == rows[i].due, "%s: due %d", rows[i].what, soft.due);
		PW_CHECK(soft.has_last && soft.last_index == 1 && soft.last_date == D(rows[i].last),
		         "%s: last service", rows[i].what);
		PW_CHECK(soft.sweep_date == D(rows[i].sweep), "%s: sweep date", rows[i].what);
		PW_CHECK(soft.days_left == rows[i].days_left, "%s: %d days left", rows[i].what,
		         soft.days_left);
		PW_CHECK(pw_exit_soft_due(&f, D(rows[i].as_of), &exit_date) == rows[i].due, "%s",
		         rows[i].what);
		if (rows[i].due)
			PW_CHECK(exit_date == D(rows[i].last), "%s: exit date is L", rows[i].what);
	}
}

static void test_soft_exit_waits_for_open_or_planned_qualifying_services(void)
{
	static const struct {
		const char *what;
		struct pw_service_type t;
		enum pw_service_status st;
		const char *start;
		bool supportive_extends;
		bool due;
	} rows[] = {
	        {"an open qualifying service blocks", T_PLAIN, PW_SERVICE_OPEN, "2023-10-01", true,
	         false},
	        {"a planned qualifying service blocks", T_PLAIN, PW_SERVICE_PLANNED, "2023-10-01",
	         true, false},
	        {"an open self-service does not block", T_SELF, PW_SERVICE_OPEN, "2023-10-01", true,
	         true},
	        {"an open follow-up service does not block", T_FOLLOWUP, PW_SERVICE_OPEN,
	         "2024-03-01", true, true},
	        {"an open supportive service blocks by default", T_SUPPORTIVE, PW_SERVICE_OPEN,
	         "2023-10-01", true, false},
	        {"an open supportive service does not block when the profile says so", T_SUPPORTIVE,
	         PW_SERVICE_OPEN, "2023-10-01", false, true},
	        {"a deleted service does not block", T_PLAIN, PW_SERVICE_DELETED, "2023-10-01",
	         true, true},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_service s[2] = {done(1, "2023-09-01", "2023-09-30"),
		                          {.id = 2,
		                           .type = rows[i].t,
		                           .status = rows[i].st,
		                           .start = D(rows[i].start),
		                           .end = PW_DATE_NONE}};
		struct pw_exit_facts f = enrolled(s, 2);
		struct pw_exit_soft soft;

		f.supportive_extends_exit = rows[i].supportive_extends;
		pw_exit_soft_status(&f, D("2024-06-01"), &soft);
		PW_CHECK(soft.due == rows[i].due, "%s", rows[i].what);
		PW_CHECK(soft.blocked == !rows[i].due, "%s: blocked", rows[i].what);
		if (soft.blocked)
			PW_CHECK(soft.blocking_index == 1 && soft.sweep_date == PW_DATE_NONE &&
			                 soft.days_left == -1,
			         "%s: no projection while blocked", rows[i].what);
	}
}

static void test_soft_exit_only_for_enrolled_with_a_service(void)
{
	struct pw_service s[1] = {done(1, "2023-09-01", "2023-09-30")};
	struct pw_exit_facts f = enrolled(s, 1);
	struct pw_exit_soft soft;

	f.status = PW_ENROLLMENT_EXITED;
	CU_ASSERT_FALSE(pw_exit_soft_due(&f, D("2024-06-01"), NULL));
	f.status = PW_ENROLLMENT_REFERRED;
	CU_ASSERT_FALSE(pw_exit_soft_due(&f, D("2024-06-01"), NULL));
	f = enrolled(NULL, 0);
	CU_ASSERT_EQUAL(pw_exit_soft_status(&f, D("2024-06-01"), &soft), PW_OK);
	CU_ASSERT_FALSE(soft.due);
	CU_ASSERT_FALSE(soft.has_last);
	CU_ASSERT_EQUAL(soft.days_left, -1);
	CU_ASSERT_EQUAL(pw_exit_soft_status(&f, PW_DATE_NONE, &soft), PW_ERR_INVALID);
}

/* R-EXIT-2: two programs in one common-exit group. */
static void test_common_exit_waits_for_every_program_and_uses_the_latest_l(void)
{
	static const struct {
		const char *what;
		const char *last_a, *last_b; /* NULL: no service at all */
		bool b_open;                 /* B also has an open service */
		enum pw_enrollment_status status_b;
		const char *as_of;
		bool due;
		const char *exit_date;
		int blocker;
	} rows[] = {
	        {"A eligible, B not yet: neither exits", "2024-01-01", "2024-01-15", false,
	         PW_ENROLLMENT_ENROLLED, "2024-04-01", false, NULL, 1},
	        {"B on its day 90: neither exits", "2024-01-01", "2024-01-15", false,
	         PW_ENROLLMENT_ENROLLED, "2024-04-14", false, NULL, 1},
	        {"both eligible: both exit on the latest L", "2024-01-01", "2024-01-15", false,
	         PW_ENROLLMENT_ENROLLED, "2024-04-15", true, "2024-01-15", -1},
	        {"latest L whichever program holds it", "2024-01-15", "2024-01-01", false,
	         PW_ENROLLMENT_ENROLLED, "2024-05-01", true, "2024-01-15", -1},
	        {"an open service in B blocks both", "2024-01-01", "2024-01-01", true,
	         PW_ENROLLMENT_ENROLLED, "2024-12-01", false, NULL, 1},
	        {"B without any service blocks both", "2024-01-01", NULL, false,
	         PW_ENROLLMENT_ENROLLED, "2024-12-01", false, NULL, 1},
	        {"B already exited is left out", "2024-01-01", "2024-06-01", false,
	         PW_ENROLLMENT_EXITED, "2024-04-01", true, "2024-01-01", -1},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_service sa[1] = {done(1, "2023-09-01", rows[i].last_a)};
		struct pw_service sb[2] = {done(2, "2023-09-01", rows[i].last_b),
		                           {.id = 3,
		                            .type = T_PLAIN,
		                            .status = PW_SERVICE_OPEN,
		                            .start = D("2023-12-01"),
		                            .end = PW_DATE_NONE}};
		struct pw_exit_facts m[2] = {enrolled(sa, 1),
		                             enrolled(sb, rows[i].last_b ? 1 + rows[i].b_open : 0)};
		struct pw_exit_common c;

		m[1].status = rows[i].status_b;
		PW_CHECK(pw_exit_common_status(m, 2, D(rows[i].as_of), &c) == PW_OK, "%s",
		         rows[i].what);
		PW_CHECK(c.due == rows[i].due, "%s: due %d", rows[i].what, c.due);
		PW_CHECK(c.exit_date == D(rows[i].exit_date), "%s: exit date", rows[i].what);
		PW_CHECK(c.has_blocker == (rows[i].blocker >= 0) &&
		                 (!c.has_blocker || c.blocker == (size_t)rows[i].blocker),
		         "%s: blocker", rows[i].what);
	}
}

static void test_common_exit_needs_an_enrolled_member(void)
{
	struct pw_service s[1] = {done(1, "2023-09-01", "2024-01-01")};
	struct pw_exit_facts m[1] = {enrolled(s, 1)};
	struct pw_exit_common c;

	m[0].status = PW_ENROLLMENT_EXITED;
	CU_ASSERT_EQUAL(pw_exit_common_status(m, 1, D("2024-06-01"), &c), PW_OK);
	CU_ASSERT_FALSE(c.due);
	CU_ASSERT_EQUAL(c.n_members, 0);
	CU_ASSERT_EQUAL(pw_exit_common_status(NULL, 0, D("2024-06-01"), &c), PW_OK);
	CU_ASSERT_FALSE(c.due);
}

/* R-EXIT-3: L = 2024-03-01, participation 2024-01-10, as of 2024-06-30. */
static void test_regular_exit_date_checks(void)
{
	static const struct {
		const char *what, *exit_date;
		const char *expect;
	} rows[] = {
	        {"on the last service date", "2024-03-01", ""},
	        {"on a quarter's last day", "2024-03-31", ""},
	        {"on a quarter's first day", "2024-04-01", ""},
	        {"on the program year's last day (as of)", "2024-06-30", ""},
	        {"the day before the last service", "2024-02-29", "R-EXIT-3:exit_date"},
	        {"tomorrow", "2024-07-01", "R-EXIT-3:exit_date"},
	        {"before participation and before L", "2024-01-09",
	         "R-EXIT-3:exit_date,R-EXIT-3:exit_date"},
	        {"no date", NULL, "R-EXIT-3:exit_date"},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_service s[2] = {done(1, "2024-01-10", "2024-02-01"),
		                          done(2, "2024-02-01", "2024-03-01")};
		struct pw_exit_facts f = enrolled(s, 2);
		struct pw_violations v;
		char got[256];
		int rc;

		f.participation_date = D("2024-01-10");
		pw_violations_init(&v);
		rc = pw_exit_check_regular(&f, D(rows[i].exit_date), D("2024-06-30"), &v);
		pw_unit_violations(&v, got, sizeof(got));
		PW_CHECK(strcmp(got, rows[i].expect) == 0, "%s: got \"%s\"", rows[i].what, got);
		PW_CHECK(rc == (rows[i].expect[0] ? PW_ERR_INVALID : PW_OK), "%s", rows[i].what);
	}
}

static void test_regular_exit_only_when_enrolled(void)
{
	struct pw_service s[1] = {done(1, "2024-01-10", "2024-02-01")};
	struct pw_exit_facts f = enrolled(s, 1);
	struct pw_violations v;

	pw_violations_init(&v);
	f.status = PW_ENROLLMENT_EXITED;
	CU_ASSERT_EQUAL(pw_exit_check_regular(&f, D("2024-02-01"), D("2024-03-01"), &v),
	                PW_ERR_CONFLICT);
	f.status = PW_ENROLLMENT_REFERRED;
	CU_ASSERT_EQUAL(pw_exit_check_regular(&f, D("2024-02-01"), D("2024-03-01"), &v),
	                PW_ERR_CONFLICT);
	CU_ASSERT_EQUAL(v.n, 2);
}

static void test_hard_exit_checks(void)
{
	static const char *const offered[] = {"01", "02", "03", "04", "05"};
	static const struct {
		const char *what, *reason;
		bool note, doc;
		const char *exit_date;
		const char *expect;
	} rows[] = {
	        {"deceased with note and document", "03", true, true, "2024-03-01", ""},
	        {"reason not offered by this program", "06", true, true, "2024-03-01",
	         "R-EXIT-4:reason"},
	        {"unknown reason code", "3", true, true, "2024-03-01", "R-EXIT-4:reason"},
	        {"no reason", NULL, true, true, "2024-03-01", "R-EXIT-4:reason"},
	        {"no case note", "01", false, false, "2024-03-01", "R-EXIT-4:case_note_id"},
	        {"note without the required document", "01", true, false, "2024-03-01",
	         "R-EXIT-4:document_id"},
	        {"exit date in the future", "02", true, true, "2024-03-02", "R-EXIT-4:exit_date"},
	        {"exit date before the open service started", "02", true, true, "2024-02-14",
	         "R-EXIT-4:exit_date"},
	        {"exit date before a completed service ended", "02", true, true, "2024-01-31",
	         "R-EXIT-4:exit_date"},
	        {"exit date on the open service's start", "02", true, true, "2024-02-15", ""},
	};
	struct pw_exit_profile p = {.hard_reasons = offered,
	                            .n_hard_reasons = PW_ARRAY_LEN(offered),
	                            .hard_needs_document = true};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_service s[2] = {done(1, "2024-01-10", "2024-02-01"),
		                          {.id = 2,
		                           .type = T_PLAIN,
		                           .status = PW_SERVICE_OPEN,
		                           .start = D("2024-02-15"),
		                           .end = PW_DATE_NONE}};
		struct pw_exit_facts f = enrolled(s, 2);
		struct pw_exit_hard_request r = {.reason = rows[i].reason,
		                                 .exit_date = D(rows[i].exit_date),
		                                 .has_case_note = rows[i].note,
		                                 .has_document = rows[i].doc};
		enum pw_exit_hard_reason got_reason = PW_EXIT_HARD_INELIGIBLE;
		struct pw_violations v;
		char got[256];
		int rc;

		pw_violations_init(&v);
		rc = pw_exit_check_hard(&f, &p, &r, D("2024-03-01"), &got_reason, &v);
		pw_unit_violations(&v, got, sizeof(got));
		PW_CHECK(strcmp(got, rows[i].expect) == 0, "%s: got \"%s\"", rows[i].what, got);
		PW_CHECK(rc == (rows[i].expect[0] ? PW_ERR_INVALID : PW_OK), "%s", rows[i].what);
		if (rc == PW_OK)
			PW_CHECK(strcmp(pw_exit_hard_reason_code(got_reason), rows[i].reason) == 0,
			         "%s: reason", rows[i].what);
	}
}

static void test_hard_exit_without_document_rule_and_state(void)
{
	struct pw_exit_profile p = {.hard_reasons = all_reasons, .n_hard_reasons = 7};
	struct pw_exit_hard_request r = {
	        .reason = "07", .exit_date = D("2024-03-01"), .has_case_note = true};
	struct pw_exit_facts f = enrolled(NULL, 0);
	struct pw_violations v;

	pw_violations_init(&v);
	CU_ASSERT_EQUAL(pw_exit_check_hard(&f, &p, &r, D("2024-03-01"), NULL, &v), PW_OK);
	f.status = PW_ENROLLMENT_EXITED;
	CU_ASSERT_EQUAL(pw_exit_check_hard(&f, &p, &r, D("2024-03-01"), NULL, &v), PW_ERR_CONFLICT);
}

static void test_hard_exit_ends_open_services_unsuccessfully(void)
{
	static const struct {
		enum pw_service_status from;
		bool changes;
		enum pw_service_status to;
	} rows[] = {
	        {PW_SERVICE_OPEN, true, PW_SERVICE_COMPLETED_UNSUCCESSFUL},
	        {PW_SERVICE_PLANNED, true, PW_SERVICE_DELETED},
	        {PW_SERVICE_COMPLETED_SUCCESSFUL, false, PW_SERVICE_COMPLETED_SUCCESSFUL},
	        {PW_SERVICE_COMPLETED_UNSUCCESSFUL, false, PW_SERVICE_COMPLETED_UNSUCCESSFUL},
	        {PW_SERVICE_DELETED, false, PW_SERVICE_DELETED},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_service s = {
		        .status = rows[i].from, .start = D("2024-01-01"), .end = PW_DATE_NONE};
		enum pw_service_status st = rows[i].from;
		pw_date end = PW_DATE_NONE;

		PW_CHECK(pw_exit_hard_service_change(&s, D("2024-03-01"), &st, &end) ==
		                 rows[i].changes,
		         "%s", pw_service_status_code(rows[i].from));
		PW_CHECK(st == rows[i].to, "%s", pw_service_status_code(rows[i].from));
		if (rows[i].from == PW_SERVICE_OPEN)
			CU_ASSERT_EQUAL(end, D("2024-03-01"));
	}
}

/* R-EXIT-5: the end of the 4th quarter after the exit quarter. */
static void test_exclusion_window_ends_with_the_fourth_quarter_after_exit(void)
{
	static const struct {
		const char *exit, *deadline;
	} rows[] = {
	        {"2017-06-01", "2018-06-30"}, {"2023-07-31", "2024-09-30"},
	        {"2024-03-31", "2025-03-31"}, {"2024-04-01", "2025-06-30"},
	        {"2024-06-30", "2025-06-30"}, {"2024-07-01", "2025-09-30"},
	        {"2024-09-30", "2025-09-30"}, {"2024-12-31", "2025-12-31"},
	        {"2024-01-01", "2025-03-31"},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++)
		PW_CHECK(pw_exit_exclusion_deadline(D(rows[i].exit)) == D(rows[i].deadline),
		         "exit %s", rows[i].exit);
	CU_ASSERT_EQUAL(pw_exit_exclusion_deadline(PW_DATE_NONE), PW_DATE_NONE);
}

static void test_late_exclusion_checks(void)
{
	static const struct {
		const char *what;
		enum pw_enrollment_status status;
		enum pw_exit_kind kind;
		const char *reason, *as_of;
		int rc;
	} rows[] = {
	        {"soft exit, on the last day of the window", PW_ENROLLMENT_EXITED, PW_EXIT_SOFT,
	         "03", "2025-06-30", PW_OK},
	        {"regular exit, within the window", PW_ENROLLMENT_EXITED, PW_EXIT_REGULAR, "03",
	         "2024-07-01", PW_OK},
	        {"the day after the window", PW_ENROLLMENT_EXITED, PW_EXIT_SOFT, "03", "2025-07-01",
	         PW_ERR_CONFLICT},
	        {"already hard exited", PW_ENROLLMENT_EXITED, PW_EXIT_HARD, "03", "2024-07-01",
	         PW_ERR_CONFLICT},
	        {"not enrolled never counted", PW_ENROLLMENT_NOT_ENROLLED, PW_EXIT_NOT_ENROLLED,
	         "03", "2024-07-01", PW_ERR_CONFLICT},
	        {"still enrolled: use a hard exit", PW_ENROLLMENT_ENROLLED, PW_EXIT_REGULAR, "03",
	         "2024-07-01", PW_ERR_CONFLICT},
	        {"reason not offered", PW_ENROLLMENT_EXITED, PW_EXIT_SOFT, "07", "2024-07-01",
	         PW_ERR_INVALID},
	};
	static const char *const offered[] = {"01", "02", "03"};
	struct pw_exit_profile p = {.hard_reasons = offered, .n_hard_reasons = 3};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_exit_facts f = enrolled(NULL, 0);
		struct pw_exit_hard_request r = {.reason = rows[i].reason, .has_case_note = true};
		struct pw_violations v;
		int rc;

		f.status = rows[i].status;
		f.exit_kind = rows[i].kind;
		f.exit_date = D("2024-04-01");
		pw_violations_init(&v);
		rc = pw_exit_check_late_exclusion(&f, &p, &r, D(rows[i].as_of), NULL, &v);
		PW_CHECK(rc == rows[i].rc, "%s: rc %d", rows[i].what, rc);
		PW_CHECK((v.n == 0) == (rc == PW_OK), "%s", rows[i].what);
	}
}

static void test_not_enrolled_only_without_any_service_received(void)
{
	static const struct {
		const char *what;
		bool offers;
		enum pw_enrollment_status status;
		int n;
		enum pw_service_status st;
		int rc;
	} rows[] = {
	        {"referred, no services", true, PW_ENROLLMENT_REFERRED, 0, PW_SERVICE_OPEN, PW_OK},
	        {"enrolled, only a planned service", true, PW_ENROLLMENT_ENROLLED, 1,
	         PW_SERVICE_PLANNED, PW_OK},
	        {"enrolled, only a deleted service", true, PW_ENROLLMENT_ENROLLED, 1,
	         PW_SERVICE_DELETED, PW_OK},
	        {"an open service was received", true, PW_ENROLLMENT_ENROLLED, 1, PW_SERVICE_OPEN,
	         PW_ERR_CONFLICT},
	        {"a completed service was received", true, PW_ENROLLMENT_ENROLLED, 1,
	         PW_SERVICE_COMPLETED_UNSUCCESSFUL, PW_ERR_CONFLICT},
	        {"program without not-enrolled", false, PW_ENROLLMENT_REFERRED, 0, PW_SERVICE_OPEN,
	         PW_ERR_CONFLICT},
	        {"already exited", true, PW_ENROLLMENT_EXITED, 0, PW_SERVICE_OPEN, PW_ERR_CONFLICT},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_service s[1] = {{.id = 1,
		                           .type = T_SELF,
		                           .status = rows[i].st,
		                           .start = D("2024-01-02"),
		                           .end = D("2024-01-02")}};
		struct pw_exit_facts f = enrolled(s, (size_t)rows[i].n);
		struct pw_exit_profile p = {.offers_not_enrolled = rows[i].offers};
		struct pw_violations v;

		f.status = rows[i].status;
		pw_violations_init(&v);
		PW_CHECK(pw_exit_check_not_enrolled(&f, &p, &v) == rows[i].rc, "%s", rows[i].what);
	}
}

static void test_undo_needs_privilege_an_exit_and_a_reason(void)
{
	static const struct {
		const char *what;
		bool privileged;
		enum pw_enrollment_status status;
		const char *reason;
		int rc;
	} rows[] = {
	        {"program manager with a reason", true, PW_ENROLLMENT_EXITED,
	         "Back-dated service found", PW_OK},
	        {"not-enrolled closure undone", true, PW_ENROLLMENT_NOT_ENROLLED,
	         "Entered in error", PW_OK},
	        {"provider staff", false, PW_ENROLLMENT_EXITED, "Back-dated service found",
	         PW_ERR_FORBIDDEN},
	        {"not exited", true, PW_ENROLLMENT_ENROLLED, "x", PW_ERR_CONFLICT},
	        {"blank reason", true, PW_ENROLLMENT_EXITED, " \t\n", PW_ERR_INVALID},
	        {"no reason", true, PW_ENROLLMENT_EXITED, NULL, PW_ERR_INVALID},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_exit_facts f = enrolled(NULL, 0);
		struct pw_violations v;

		f.status = rows[i].status;
		pw_violations_init(&v);
		PW_CHECK(pw_exit_check_undo(&f, rows[i].privileged, rows[i].reason, &v) ==
		                 rows[i].rc,
		         "%s", rows[i].what);
	}
	CU_ASSERT_EQUAL(pw_exit_undo_status(PW_EXIT_SOFT), PW_ENROLLMENT_ENROLLED);
	CU_ASSERT_EQUAL(pw_exit_undo_status(PW_EXIT_REGULAR), PW_ENROLLMENT_ENROLLED);
	CU_ASSERT_EQUAL(pw_exit_undo_status(PW_EXIT_HARD), PW_ENROLLMENT_ENROLLED);
	CU_ASSERT_EQUAL(pw_exit_undo_status(PW_EXIT_NOT_ENROLLED), PW_ENROLLMENT_REFERRED);
}

static void test_exit_kinds_possible_now(void)
{
#define K(k) PW_EXIT_KIND_BIT(PW_EXIT_##k)
	static const struct {
		const char *what;
		enum pw_enrollment_status status;
		bool served, offers_hard, offers_not_enrolled;
		const char *as_of;
		unsigned mask;
	} rows[] = {
	        {"enrolled, served, within 90 days", PW_ENROLLMENT_ENROLLED, true, true, false,
	         "2024-03-31", K(REGULAR) | K(HARD)},
	        {"enrolled, served, day 91", PW_ENROLLMENT_ENROLLED, true, true, false,
	         "2024-04-01", K(REGULAR) | K(SOFT) | K(HARD)},
	        {"no hard reasons offered", PW_ENROLLMENT_ENROLLED, true, false, false,
	         "2024-03-31", K(REGULAR)},
	        {"C-Work, never served", PW_ENROLLMENT_ENROLLED, false, false, true, "2024-03-31",
	         K(REGULAR) | K(NOT_ENROLLED)},
	        {"C-Work referral, never served", PW_ENROLLMENT_REFERRED, false, false, true,
	         "2024-03-31", K(NOT_ENROLLED)},
	        {"C-Work, served", PW_ENROLLMENT_ENROLLED, true, false, true, "2024-03-31",
	         K(REGULAR)},
	        {"exited: nothing", PW_ENROLLMENT_EXITED, true, true, true, "2024-04-01", 0},
	};
#undef K
	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_service s[1] = {done(1, "2023-12-01", "2024-01-01")};
		struct pw_exit_facts f = enrolled(s, rows[i].served ? 1 : 0);
		struct pw_exit_profile p = {.hard_reasons = all_reasons,
		                            .n_hard_reasons = rows[i].offers_hard ? 7 : 0,
		                            .offers_not_enrolled = rows[i].offers_not_enrolled};
		unsigned got;

		f.status = rows[i].status;
		got = pw_exit_kinds_possible(&f, &p, D(rows[i].as_of));
		PW_CHECK(got == rows[i].mask, "%s: got %#x", rows[i].what, got);
	}
}

static void test_profile_hard_reasons_are_checked(void)
{
	static const char *const bad[] = {"01", "09"};
	static const char *const dup[] = {"03", "03"};
	struct pw_exit_profile p = {.hard_reasons = all_reasons, .n_hard_reasons = 7};
	struct pw_violations v;

	pw_violations_init(&v);
	CU_ASSERT_EQUAL(pw_exit_profile_validate(&p, &v), PW_OK);
	p.hard_reasons = bad;
	p.n_hard_reasons = 2;
	CU_ASSERT_EQUAL(pw_exit_profile_validate(&p, &v), PW_ERR_INVALID);
	p.hard_reasons = dup;
	CU_ASSERT_EQUAL(pw_exit_profile_validate(&p, &v), PW_ERR_INVALID);
	CU_ASSERT_EQUAL(v.n, 2);
}

static const struct pw_unit_test tests[] = {
        {"exit kinds, enrollment statuses, PIRL 923 reasons and school statuses round-trip",
         test_codes_round_trip},
        {"soft exit on day 91 after the last service, not on day 90 (leap years, PY ends)",
         test_soft_exit_on_day_91_not_day_90},
        {"soft exit waits while a qualifying service is open or planned",
         test_soft_exit_waits_for_open_or_planned_qualifying_services},
        {"soft exit only for an enrolled enrollment with a qualifying service",
         test_soft_exit_only_for_enrolled_with_a_service},
        {"common exit: one program not yet eligible blocks both; the latest L is used",
         test_common_exit_waits_for_every_program_and_uses_the_latest_l},
        {"common exit needs at least one enrolled member",
         test_common_exit_needs_an_enrolled_member},
        {"regular exit date >= last service, >= participation, not in the future",
         test_regular_exit_date_checks},
        {"regular exit only for an enrolled enrollment", test_regular_exit_only_when_enrolled},
        {"hard exit needs an offered reason, a case note, a document and a sound date",
         test_hard_exit_checks},
        {"hard exit without a document rule; refused once exited",
         test_hard_exit_without_document_rule_and_state},
        {"hard exit ends open services unsuccessfully and drops planned ones",
         test_hard_exit_ends_open_services_unsuccessfully},
        {"an exclusion can be added up to the end of the 4th quarter after exit",
         test_exclusion_window_ends_with_the_fourth_quarter_after_exit},
        {"late exclusion only for regular / soft exits within the window",
         test_late_exclusion_checks},
        {"not enrolled only when no service was ever received",
         test_not_enrolled_only_without_any_service_received},
        {"undoing an exit needs privilege, an exit and a reason",
         test_undo_needs_privilege_an_exit_and_a_reason},
        {"which exit kinds are possible now", test_exit_kinds_possible_now},
        {"a profile's hard exit reasons are checked", test_profile_hard_reasons_are_checked},
};

int main(void)
{
	return pw_unit_run("exit", tests, PW_ARRAY_LEN(tests));
}
