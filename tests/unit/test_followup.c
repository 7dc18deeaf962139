/*
 * test_followup.c: follow-up rules, the schedule of due contacts and
 * "follow-up complete" (R-FUP-1, R-EXIT-4).
 */
#include "unit_main.h"

#include "pw.h"
#include "rules/exit.h"
#include "rules/followup.h"

#define D pw_unit_date

static void test_rule_and_outcome_codes(void)
{
	static const char *const rules[] = {"none", "youth_12_months_after_exit",
	                                    "after_first_employment_12_months"};
	static const char *const outcomes[] = {"completed", "declined", "unable_to_locate"};
	enum pw_followup_rule r;
	enum pw_followup_outcome o;

	for (size_t i = 0; i < PW_ARRAY_LEN(rules); i++) {
		PW_CHECK(pw_followup_rule_from_code(rules[i], &r) == PW_OK && (size_t)r == i, "%s",
		         rules[i]);
		CU_ASSERT_STRING_EQUAL(pw_followup_rule_code(r), rules[i]);
		CU_ASSERT_TRUE(pw_followup_rule_label(r)[0] != '\0');
	}
	for (size_t i = 0; i < PW_ARRAY_LEN(outcomes); i++) {
		PW_CHECK(pw_followup_outcome_from_code(outcomes[i], &o) == PW_OK && (size_t)o == i,
		         "%s", outcomes[i]);
		CU_ASSERT_STRING_EQUAL(pw_followup_outcome_code(o), outcomes[i]);
	}
	CU_ASSERT_EQUAL(pw_followup_rule_from_code("youth", &r), PW_ERR_INVALID);
	CU_ASSERT_EQUAL(pw_followup_outcome_from_code("no_answer", &o), PW_ERR_INVALID);
	CU_ASSERT_STRING_EQUAL(pw_followup_state_code(PW_FOLLOWUP_NOT_REQUIRED), "not_required");
	CU_ASSERT_STRING_EQUAL(pw_followup_due_state_code(PW_FOLLOWUP_DUE_OVERDUE), "overdue");
}

static void test_contact_methods_are_the_case_note_list(void)
{
	static const char *const expect[] = {"in_person", "phone", "email", "text",
	                                     "video",     "mail",  "other"};
	size_t n = 0;
	const char *const *methods = pw_followup_contact_methods(&n);

	CU_ASSERT_EQUAL_FATAL(n, PW_ARRAY_LEN(expect));
	for (size_t i = 0; i < n; i++)
		PW_CHECK(strcmp(methods[i], expect[i]) == 0, "%zu: %s", i, methods[i]);
}

static struct pw_followup_facts exited(enum pw_followup_rule rule, const char *exit_date)
{
	return (struct pw_followup_facts){.rule = rule,
	                                  .status = PW_ENROLLMENT_EXITED,
	                                  .exit_kind = PW_EXIT_REGULAR,
	                                  .exit_date = D(exit_date)};
}

/* Youth: one contact in each of the four calendar quarters after exit. */
static void test_youth_schedule_is_the_four_quarters_after_exit(void)
{
	static const struct {
		const char *exit;
		const char *p[4][2];
	} rows[] = {
	        {"2023-07-31",
	         {{"2023-10-01", "2023-12-31"},
	          {"2024-01-01", "2024-03-31"},
	          {"2024-04-01", "2024-06-30"},
	          {"2024-07-01", "2024-09-30"}}},
	        {"2023-09-30", /* the last period ends exactly 12 months after exit */
	         {{"2023-10-01", "2023-12-31"},
	          {"2024-01-01", "2024-03-31"},
	          {"2024-04-01", "2024-06-30"},
	          {"2024-07-01", "2024-09-30"}}},
	        {"2024-06-30",
	         {{"2024-07-01", "2024-09-30"},
	          {"2024-10-01", "2024-12-31"},
	          {"2025-01-01", "2025-03-31"},
	          {"2025-04-01", "2025-06-30"}}},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_followup_facts f =
		        exited(PW_FOLLOWUP_RULE_YOUTH_12_MONTHS_AFTER_EXIT, rows[i].exit);
		struct pw_followup_due due[PW_FOLLOWUP_MAX_DUE];
		size_t n = 99;

		CU_ASSERT_EQUAL(pw_followup_schedule(&f, D(rows[i].exit), due, &n), PW_OK);
		PW_CHECK(n == 4, "exit %s: %zu contacts", rows[i].exit, n);
		for (size_t k = 0; k < n && k < 4; k++)
			PW_CHECK(due[k].number == (int)k + 1 && due[k].from == D(rows[i].p[k][0]) &&
			                 due[k].due == D(rows[i].p[k][1]) &&
			                 due[k].state == PW_FOLLOWUP_DUE_UPCOMING,
			         "exit %s, contact %zu", rows[i].exit, k + 1);
		CU_ASSERT_TRUE(pw_date_diff(due[3].due, D(rows[i].exit)) >= 365);
	}
}

/* Adult / DW: 3-month periods from the first day of employment, up to 12
 * months, counting only what lies after the exit. */
static void test_adult_schedule_follows_the_first_day_of_employment(void)
{
	static const struct {
		const char *what, *exit;
		size_t n_jobs;
		struct {
			const char *start, *end;
		} jobs[2];
		size_t n;
		const char *p[4][2];
	} rows[] = {
	        {"job held at exit",
	         "2024-01-31",
	         1,
	         {{"2023-12-15", NULL}},
	         4,
	         {{"2024-02-01", "2024-03-14"},
	          {"2024-03-15", "2024-06-14"},
	          {"2024-06-15", "2024-09-14"},
	          {"2024-09-15", "2024-12-14"}}},
	        {"job started long before exit: only the rest of the 12 months",
	         "2024-01-31",
	         1,
	         {{"2023-05-10", NULL}},
	         2,
	         {{"2024-02-01", "2024-02-09"}, {"2024-02-10", "2024-05-09"}}},
	        {"job found after exit",
	         "2024-01-31",
	         1,
	         {{"2024-03-01", NULL}},
	         4,
	         {{"2024-03-01", "2024-05-31"},
	          {"2024-06-01", "2024-08-31"},
	          {"2024-09-01", "2024-11-30"},
	          {"2024-12-01", "2025-02-28"}}},
	        {"month ends clamp (Nov 30 + 3 months = Feb 29)",
	         "2023-11-30",
	         1,
	         {{"2023-11-30", NULL}},
	         4,
	         {{"2023-12-01", "2024-02-28"},
	          {"2024-02-29", "2024-05-29"},
	          {"2024-05-30", "2024-08-29"},
	          {"2024-08-30", "2024-11-29"}}},
	        {"the earliest job held at or after exit counts; one that ended before does not",
	         "2024-01-31",
	         2,
	         {{"2023-01-01", "2024-01-30"}, {"2024-01-31", "2024-02-15"}},
	         4,
	         {{"2024-02-01", "2024-04-29"},
	          {"2024-04-30", "2024-07-30"},
	          {"2024-07-31", "2024-10-30"},
	          {"2024-10-31", "2025-01-30"}}},
	        {"no job: nothing scheduled", "2024-01-31", 0, {{NULL, NULL}}, 0, {{NULL, NULL}}},
	        {"only a job that ended before exit",
	         "2024-01-31",
	         1,
	         {{"2023-06-01", "2023-12-31"}},
	         0,
	         {{NULL, NULL}}},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_post_exit_job jobs[2];
		struct pw_followup_facts f =
		        exited(PW_FOLLOWUP_RULE_AFTER_FIRST_EMPLOYMENT_12_MONTHS, rows[i].exit);
		struct pw_followup_due due[PW_FOLLOWUP_MAX_DUE];
		size_t n = 99;

		for (size_t j = 0; j < rows[i].n_jobs; j++)
			jobs[j] = (struct pw_post_exit_job){
			        (int64_t)j + 1, D(rows[i].jobs[j].start), D(rows[i].jobs[j].end)};
		f.jobs = jobs;
		f.n_jobs = rows[i].n_jobs;
		CU_ASSERT_EQUAL(pw_followup_schedule(&f, D("2024-02-01"), due, &n), PW_OK);
		PW_CHECK(n == rows[i].n, "%s: %zu contacts", rows[i].what, n);
		for (size_t k = 0; k < n && k < rows[i].n; k++)
			PW_CHECK(due[k].number == (int)k + 1 && due[k].from == D(rows[i].p[k][0]) &&
			                 due[k].due == D(rows[i].p[k][1]),
			         "%s: contact %zu", rows[i].what, k + 1);
	}
}

static void test_no_schedule_for_hard_exit_rule_none_or_still_enrolled(void)
{
	static const struct {
		const char *what;
		enum pw_followup_rule rule;
		enum pw_enrollment_status status;
		enum pw_exit_kind kind;
		enum pw_followup_state state;
		bool complete;
	} rows[] = {
	        {"hard exit: no follow-up required", PW_FOLLOWUP_RULE_YOUTH_12_MONTHS_AFTER_EXIT,
	         PW_ENROLLMENT_EXITED, PW_EXIT_HARD, PW_FOLLOWUP_NOT_REQUIRED, true},
	        {"rule none", PW_FOLLOWUP_RULE_NONE, PW_ENROLLMENT_EXITED, PW_EXIT_REGULAR,
	         PW_FOLLOWUP_NOT_REQUIRED, true},
	        {"not enrolled", PW_FOLLOWUP_RULE_YOUTH_12_MONTHS_AFTER_EXIT,
	         PW_ENROLLMENT_NOT_ENROLLED, PW_EXIT_NOT_ENROLLED, PW_FOLLOWUP_NOT_REQUIRED, true},
	        {"still enrolled", PW_FOLLOWUP_RULE_YOUTH_12_MONTHS_AFTER_EXIT,
	         PW_ENROLLMENT_ENROLLED, PW_EXIT_REGULAR, PW_FOLLOWUP_NOT_EXITED, false},
	        {"soft exit gets a schedule", PW_FOLLOWUP_RULE_YOUTH_12_MONTHS_AFTER_EXIT,
	         PW_ENROLLMENT_EXITED, PW_EXIT_SOFT, PW_FOLLOWUP_IN_PROGRESS, false},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_followup_facts f = {.rule = rows[i].rule,
		                              .status = rows[i].status,
		                              .exit_kind = rows[i].kind,
		                              .exit_date = D("2024-01-31")};
		struct pw_followup_due due[PW_FOLLOWUP_MAX_DUE];
		struct pw_followup_status st;
		size_t n = 99;

		CU_ASSERT_EQUAL(pw_followup_schedule(&f, D("2024-02-15"), due, &n), PW_OK);
		PW_CHECK((n == 0) == (rows[i].state != PW_FOLLOWUP_IN_PROGRESS), "%s: %zu",
		         rows[i].what, n);
		CU_ASSERT_EQUAL(pw_followup_evaluate(&f, D("2024-02-15"), &st), PW_OK);
		PW_CHECK(st.state == rows[i].state && st.complete == rows[i].complete, "%s: %s",
		         rows[i].what, pw_followup_state_code(st.state));
	}
}

/* Youth exit 2023-07-31: Q1 Oct-Dec 2023 ... Q4 Jul-Sep 2024. */
static void test_follow_up_complete_when_every_due_contact_is_done(void)
{
	static const struct {
		const char *what;
		size_t n;
		struct {
			const char *date;
			enum pw_followup_outcome o;
		} c[5];
		const char *as_of;
		const char
		        *states; /* one letter per contact: U upcoming, O open, D done, X overdue */
		enum pw_followup_state state;
	} rows[] = {
	        {"nothing due yet", 0, {{NULL, 0}}, "2023-09-15", "UUUU", PW_FOLLOWUP_IN_PROGRESS},
	        {"first quarter running",
	         0,
	         {{NULL, 0}},
	         "2023-10-01",
	         "OUUU",
	         PW_FOLLOWUP_IN_PROGRESS},
	        {"first quarter done, second running",
	         1,
	         {{"2023-11-02", PW_FOLLOWUP_COMPLETED}},
	         "2024-02-15",
	         "DOUU",
	         PW_FOLLOWUP_IN_PROGRESS},
	        {"on the first quarter's last day it is still open",
	         0,
	         {{NULL, 0}},
	         "2023-12-31",
	         "OUUU",
	         PW_FOLLOWUP_IN_PROGRESS},
	        {"first quarter missed", 0, {{NULL, 0}}, "2024-01-01", "XOUU", PW_FOLLOWUP_OVERDUE},
	        {"declined and unable to locate count as done",
	         4,
	         {{"2023-12-31", PW_FOLLOWUP_DECLINED},
	          {"2024-01-01", PW_FOLLOWUP_UNABLE_TO_LOCATE},
	          {"2024-06-30", PW_FOLLOWUP_COMPLETED},
	          {"2024-07-01", PW_FOLLOWUP_COMPLETED}},
	         "2024-07-02",
	         "DDDD",
	         PW_FOLLOWUP_COMPLETE},
	        {"two contacts in one quarter leave another uncovered",
	         4,
	         {{"2023-10-05", PW_FOLLOWUP_COMPLETED},
	          {"2023-12-05", PW_FOLLOWUP_COMPLETED},
	          {"2024-04-05", PW_FOLLOWUP_COMPLETED},
	          {"2024-07-05", PW_FOLLOWUP_COMPLETED}},
	         "2024-10-01",
	         "DXDD",
	         PW_FOLLOWUP_OVERDUE},
	        {"contacts before the first quarter do not count",
	         2,
	         {{"2023-07-31", PW_FOLLOWUP_COMPLETED}, {"2023-09-30", PW_FOLLOWUP_COMPLETED}},
	         "2023-10-15",
	         "OUUU",
	         PW_FOLLOWUP_IN_PROGRESS},
	        {"a contact dated on a quarter's last day counts for it",
	         1,
	         {{"2023-12-31", PW_FOLLOWUP_COMPLETED}},
	         "2024-01-01",
	         "DOUU",
	         PW_FOLLOWUP_IN_PROGRESS},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_followup_contact c[5];
		struct pw_followup_facts f =
		        exited(PW_FOLLOWUP_RULE_YOUTH_12_MONTHS_AFTER_EXIT, "2023-07-31");
		struct pw_followup_due due[PW_FOLLOWUP_MAX_DUE];
		struct pw_followup_status st;
		char got[5] = "";
		size_t n = 0;

		for (size_t j = 0; j < rows[i].n; j++)
			c[j] = (struct pw_followup_contact){(int64_t)j + 1, D(rows[i].c[j].date),
			                                    rows[i].c[j].o};
		f.contacts = c;
		f.n_contacts = rows[i].n;
		CU_ASSERT_EQUAL(pw_followup_schedule(&f, D(rows[i].as_of), due, &n), PW_OK);
		for (size_t k = 0; k < n && k < 4; k++)
			got[k] = "UODX"[due[k].state];
		PW_CHECK(strcmp(got, rows[i].states) == 0, "%s: got %s", rows[i].what, got);
		CU_ASSERT_EQUAL(pw_followup_evaluate(&f, D(rows[i].as_of), &st), PW_OK);
		PW_CHECK(st.state == rows[i].state, "%s: %s", rows[i].what,
		         pw_followup_state_code(st.state));
		PW_CHECK(st.complete == (rows[i].state == PW_FOLLOWUP_COMPLETE), "%s",
		         rows[i].what);
	}
}

/* Follow-up after exit never moves the exit date: follow-up services do not
 * extend exit, and nothing in the schedule writes an exit date. */
static void test_follow_up_never_moves_the_exit_date(void)
{
	struct pw_service s[2] = {
	        {1,
	         "Work Experience",
	         {.extends_exit = true},
	         PW_SERVICE_COMPLETED_SUCCESSFUL,
	         D("2023-05-01"),
	         D("2023-07-31")},
	        {2,
	         "Follow-up call",
	         {.extends_exit = true, .followup = true},
	         PW_SERVICE_COMPLETED_SUCCESSFUL,
	         D("2023-10-15"),
	         D("2023-10-15")},
	};
	struct pw_exit_facts ef = {.status = PW_ENROLLMENT_ENROLLED,
	                           .services = s,
	                           .n_services = 2,
	                           .supportive_extends_exit = true};
	struct pw_followup_contact c = {1, D("2023-10-15"), PW_FOLLOWUP_COMPLETED};
	struct pw_followup_facts f =
	        exited(PW_FOLLOWUP_RULE_YOUTH_12_MONTHS_AFTER_EXIT, "2023-07-31");
	struct pw_followup_status st;
	pw_date exit_date = PW_DATE_NONE;

	CU_ASSERT_TRUE(pw_exit_soft_due(&ef, D("2023-10-30"), &exit_date));
	CU_ASSERT_EQUAL(exit_date, D("2023-07-31"));
	f.contacts = &c;
	f.n_contacts = 1;
	CU_ASSERT_EQUAL(pw_followup_evaluate(&f, D("2023-10-30"), &st), PW_OK);
	CU_ASSERT_EQUAL(f.exit_date, D("2023-07-31"));
	CU_ASSERT_EQUAL(st.n_done, 1);
}

static void test_contact_validation(void)
{
	static const struct {
		const char *what, *date;
		int outcome;
		const char *expect;
	} rows[] = {
	        {"completed today", "2024-02-01", PW_FOLLOWUP_COMPLETED, ""},
	        {"declined last month", "2024-01-02", PW_FOLLOWUP_DECLINED, ""},
	        {"tomorrow", "2024-02-02", PW_FOLLOWUP_COMPLETED, "R-DATE-4:contact_date"},
	        {"no date", NULL, PW_FOLLOWUP_UNABLE_TO_LOCATE, "R-FUP-1:contact_date"},
	        {"unknown outcome", "2024-01-02", 9, "R-FUP-1:outcome"},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_followup_contact c = {1, D(rows[i].date),
		                                (enum pw_followup_outcome)rows[i].outcome};
		struct pw_violations v;
		char got[128];
		int rc;

		pw_violations_init(&v);
		rc = pw_followup_validate_contact(&c, D("2024-02-01"), &v);
		pw_unit_violations(&v, got, sizeof(got));
		PW_CHECK(strcmp(got, rows[i].expect) == 0, "%s: got \"%s\"", rows[i].what, got);
		PW_CHECK(rc == (rows[i].expect[0] ? PW_ERR_INVALID : PW_OK), "%s", rows[i].what);
	}
}

static const struct pw_unit_test tests[] = {
        {"follow-up rule and contact outcome codes", test_rule_and_outcome_codes},
        {"contact methods are the seven of the case-note form, in order",
         test_contact_methods_are_the_case_note_list},
        {"youth: one contact in each of the four quarters after exit (12 months or more)",
         test_youth_schedule_is_the_four_quarters_after_exit},
        {"adult/DW: quarterly up to 12 months after the first day of employment",
         test_adult_schedule_follows_the_first_day_of_employment},
        {"no schedule after a hard exit, under rule none, or before exit",
         test_no_schedule_for_hard_exit_rule_none_or_still_enrolled},
        {"follow-up complete when every due contact is done, declined or unable to locate",
         test_follow_up_complete_when_every_due_contact_is_done},
        {"follow-up never moves the exit date", test_follow_up_never_moves_the_exit_date},
        {"contacts need a date not in the future and a known outcome", test_contact_validation},
};

int main(void)
{
	return pw_unit_run("followup", tests, PW_ARRAY_LEN(tests));
}
