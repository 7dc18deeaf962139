/*
 * test_summary.c: the Outcomes tab summary (R-SUM-1, R-EMP-2), including
 * Billy Elliott's ISETS summary exactly as seed 004 shows it.
 */
#include "unit_main.h"

#include "pw.h"
#include "rules/summary.h"

#define D pw_unit_date

#define T_PLAIN                                                                                    \
	{                                                                                          \
		.extends_exit = true                                                               \
	}
#define T_SUPPORTIVE                                                                               \
	{                                                                                          \
		.extends_exit = true, .supportive = true                                           \
	}

static const char *const isets_items[] = {
        "activity_completed_successfully", "credential_gained", "employment_gained",
        "employment_retained_90_days",     "exited_completion",
};

static const char *const worknet_items[] = {
        "services_complete", "msg_entered", "credentials_entered", "exited", "followup_complete",
};

struct expect {
	const char *label, *result, *status;
};

static void check_rows(const char *what, const struct pw_summary_result *r, const struct expect *e,
                       size_t n)
{
	for (size_t i = 0; i < n; i++) {
		PW_CHECK(strcmp(r[i].label, e[i].label) == 0, "%s: label %zu \"%s\"", what, i + 1,
		         r[i].label);
		PW_CHECK(strcmp(r[i].result, e[i].result) == 0, "%s: result %zu \"%s\"", what,
		         i + 1, r[i].result);
		PW_CHECK(strcmp(pw_summary_status_text(r[i].complete), e[i].status) == 0,
		         "%s: status %zu", what, i + 1);
	}
}

static void test_billy_elliott_isets_summary_as_in_seed_004(void)
{
	/* Activities from the seed: four Started/Open, Transportation supportive. */
	const struct pw_service services[] = {
	        {1, "BE - Basic Education (ABE/GED)", T_PLAIN, PW_SERVICE_OPEN, D("2023-08-22"),
	         PW_DATE_NONE},
	        {2, "SJS - Supervised Job Search", T_PLAIN, PW_SERVICE_OPEN, D("2023-08-28"),
	         PW_DATE_NONE},
	        {3, "Transportation", T_SUPPORTIVE, PW_SERVICE_OPEN, D("2023-08-22"), PW_DATE_NONE},
	        {4, "VT - Vocational Training", T_PLAIN, PW_SERVICE_OPEN, D("2023-08-28"),
	         PW_DATE_NONE},
	};
	/* One current job since 2023-09-15: 111 days on 2024-01-04. */
	const struct pw_post_exit_job jobs[] = {{501, D("2023-09-15"), PW_DATE_NONE}};
	const struct pw_summary_facts f = {.services = services,
	                                   .n_services = 4,
	                                   .n_skill_gains = 0,
	                                   .n_credentials = 1,
	                                   .jobs = jobs,
	                                   .n_jobs = 1,
	                                   .status = PW_ENROLLMENT_ENROLLED,
	                                   .exit_date = PW_DATE_NONE,
	                                   .as_of = D("2024-01-04")};
	static const struct expect want[] = {
	        {"Successfully completed a SNAP E&T Activity.", "Not Completed", "Not Complete"},
	        {"Gained a credential.", "At least 1 credential entered.", "Complete"},
	        {"Gained employment.", "At least 1 employment entered.", "Complete"},
	        {"Retained employment for 90 Days.", "Complete (111 Days)", "Complete"},
	        {"Exited from program. (Successful/Unsuccessful)", "Not Completed", "Not Complete"},
	};
	struct pw_summary_result r[5];
	struct pw_violations v;

	CU_ASSERT_EQUAL(pw_date_diff(D("2024-01-04"), D("2023-09-15")), 111);
	pw_violations_init(&v);
	CU_ASSERT_EQUAL(pw_summary_evaluate(&f, isets_items, 5, r, 5, &v), PW_OK);
	check_rows("Billy Elliott", r, want, 5);
	for (size_t i = 0; i < 5; i++)
		CU_ASSERT_STRING_EQUAL(r[i].code, isets_items[i]);
}

static void test_worknet_summary_of_a_new_customer_as_in_seed_001(void)
{
	const struct pw_service services[] = {
	        {1, "Work Experience", T_PLAIN, PW_SERVICE_OPEN, D("2024-01-02"), PW_DATE_NONE},
	};
	const struct pw_summary_facts f = {.services = services,
	                                   .n_services = 1,
	                                   .status = PW_ENROLLMENT_ENROLLED,
	                                   .as_of = D("2024-02-01")};
	static const struct expect want[] = {
	        {"All services marked as complete (successfully/unsuccessfully).", "Not Completed",
	         "Not Complete"},
	        {"Measurable Skill Gains (MSG) have been entered.", "Not Completed",
	         "Not Complete"},
	        {"Industry recognized credentials have been entered.", "Not Completed",
	         "Not Complete"},
	        {"Customer is exited.", "Not Completed", "Not Complete"},
	        {"Follow-up is complete.", "Not Completed", "Not Complete"},
	};
	struct pw_summary_result r[5];
	struct pw_violations v;

	pw_violations_init(&v);
	CU_ASSERT_EQUAL(pw_summary_evaluate(&f, worknet_items, 5, r, 5, &v), PW_OK);
	check_rows("new workNet customer", r, want, 5);
}

static void test_worknet_summary_after_a_complete_youth_exit(void)
{
	const struct pw_service services[] = {
	        {1, "Work Experience", T_PLAIN, PW_SERVICE_COMPLETED_SUCCESSFUL, D("2023-01-02"),
	         D("2023-03-01")},
	        {2, "Tutoring", T_PLAIN, PW_SERVICE_DELETED, D("2023-02-01"), PW_DATE_NONE},
	        {3,
	         "Follow-up call",
	         {.followup = true},
	         PW_SERVICE_OPEN,
	         D("2024-01-02"),
	         PW_DATE_NONE},
	};
	const struct pw_followup_contact contacts[] = {
	        {1, D("2023-05-15"), PW_FOLLOWUP_COMPLETED},
	        {2, D("2023-08-15"), PW_FOLLOWUP_DECLINED},
	        {3, D("2023-11-15"), PW_FOLLOWUP_UNABLE_TO_LOCATE},
	        {4, D("2024-02-15"), PW_FOLLOWUP_COMPLETED},
	};
	const struct pw_followup_facts fu = {.rule = PW_FOLLOWUP_RULE_YOUTH_12_MONTHS_AFTER_EXIT,
	                                     .status = PW_ENROLLMENT_EXITED,
	                                     .exit_kind = PW_EXIT_REGULAR,
	                                     .exit_date = D("2023-03-01"),
	                                     .contacts = contacts,
	                                     .n_contacts = 4};
	const struct pw_summary_facts f = {.services = services,
	                                   .n_services = 3,
	                                   .n_skill_gains = 2,
	                                   .n_credentials = 1,
	                                   .status = PW_ENROLLMENT_EXITED,
	                                   .exit_kind = PW_EXIT_REGULAR,
	                                   .exit_date = D("2023-03-01"),
	                                   .followup = &fu,
	                                   .as_of = D("2024-04-01")};
	static const struct expect want[] = {
	        {"All services marked as complete (successfully/unsuccessfully).",
	         "All services complete.", "Complete"},
	        {"Measurable Skill Gains (MSG) have been entered.",
	         "At least 1 skill gain entered.", "Complete"},
	        {"Industry recognized credentials have been entered.",
	         "At least 1 credential entered.", "Complete"},
	        {"Customer is exited.", "Exited 2023-03-01 (Regular exit)", "Complete"},
	        {"Follow-up is complete.", "Complete", "Complete"},
	};
	struct pw_summary_result r[5];
	struct pw_violations v;

	pw_violations_init(&v);
	CU_ASSERT_EQUAL(pw_summary_evaluate(&f, worknet_items, 5, r, 5, &v), PW_OK);
	check_rows("exited youth", r, want, 5);
}

/* R-EMP-2: days = (end or as_of) - start, the longest job counts. */
static void test_retained_employment_days(void)
{
	static const struct {
		const char *what;
		size_t n;
		struct {
			const char *start, *end;
		} jobs[3];
		const char *result;
	} rows[] = {
	        {"no job", 0, {{NULL, NULL}}, "Not Completed"},
	        {"current job on day 89", 1, {{"2024-01-01", NULL}}, "Not Completed"},
	        {"current job on day 90", 1, {{"2023-12-31", NULL}}, "Complete (90 Days)"},
	        {"90 days across Feb 29", 1, {{"2023-12-31", "2024-03-30"}}, "Complete (90 Days)"},
	        {"a job ending after as-of counts to as-of",
	         1,
	         {{"2023-12-01", "2024-06-30"}},
	         "Complete (120 Days)"},
	        {"ended job counts to its end",
	         1,
	         {{"2023-01-01", "2023-04-11"}},
	         "Complete (100 Days)"},
	        {"short jobs do not add up",
	         2,
	         {{"2024-01-01", "2024-02-15"}, {"2024-02-16", NULL}},
	         "Not Completed"},
	        {"the longest job counts",
	         3,
	         {{"2023-01-01", "2023-02-01"}, {"2023-06-01", "2023-09-19"}, {"2024-03-01", NULL}},
	         "Complete (110 Days)"},
	        {"a job starting after as-of counts 0", 1, {{"2024-04-15", NULL}}, "Not Completed"},
	        {"a job without a start is ignored", 1, {{NULL, "2024-03-01"}}, "Not Completed"},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		static const char *const item[] = {"employment_retained_90_days"};
		struct pw_post_exit_job jobs[3];
		struct pw_summary_facts f = {
		        .jobs = jobs, .n_jobs = rows[i].n, .as_of = D("2024-03-30")};
		struct pw_summary_result r;
		struct pw_violations v;

		for (size_t j = 0; j < rows[i].n; j++)
			jobs[j] = (struct pw_post_exit_job){
			        (int64_t)j + 1, D(rows[i].jobs[j].start), D(rows[i].jobs[j].end)};
		pw_violations_init(&v);
		CU_ASSERT_EQUAL(pw_summary_evaluate(&f, item, 1, &r, 1, &v), PW_OK);
		PW_CHECK(strcmp(r.result, rows[i].result) == 0, "%s: \"%s\"", rows[i].what,
		         r.result);
		PW_CHECK(r.complete == (strncmp(rows[i].result, "Complete", 8) == 0), "%s",
		         rows[i].what);
	}
}

static void test_exited_and_activity_items(void)
{
	static const struct {
		const char *what;
		enum pw_enrollment_status status;
		enum pw_exit_kind kind;
		const char *completion;
		const char *result;
	} rows[] = {
	        {"successful ISETS exit", PW_ENROLLMENT_EXITED, PW_EXIT_REGULAR,
	         "exited_successful", "Exited - Successful Completion"},
	        {"unsuccessful ISETS exit", PW_ENROLLMENT_EXITED, PW_EXIT_REGULAR,
	         "exited_unsuccessful", "Exited - Unsuccessful Completion"},
	        {"soft exit without completion status", PW_ENROLLMENT_EXITED, PW_EXIT_SOFT, NULL,
	         "Exited 2023-07-31 (Soft exit)"},
	        {"not exited", PW_ENROLLMENT_ENROLLED, PW_EXIT_REGULAR, "exited_successful",
	         "Not Completed"},
	        {"not enrolled is no exit from the program", PW_ENROLLMENT_NOT_ENROLLED,
	         PW_EXIT_NOT_ENROLLED, NULL, "Not Completed"},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		static const char *const item[] = {"exited_completion"};
		struct pw_summary_facts f = {.status = rows[i].status,
		                             .exit_kind = rows[i].kind,
		                             .exit_date = D("2023-07-31"),
		                             .completion_status = rows[i].completion,
		                             .as_of = D("2024-03-30")};
		struct pw_summary_result r;
		struct pw_violations v;

		pw_violations_init(&v);
		CU_ASSERT_EQUAL(pw_summary_evaluate(&f, item, 1, &r, 1, &v), PW_OK);
		PW_CHECK(strcmp(r.result, rows[i].result) == 0, "%s: \"%s\"", rows[i].what,
		         r.result);
	}

	static const struct {
		const char *what;
		struct pw_service_type t;
		enum pw_service_status st;
		bool complete;
	} act[] = {
	        {"activity completed successfully", T_PLAIN, PW_SERVICE_COMPLETED_SUCCESSFUL, true},
	        {"activity completed unsuccessfully", T_PLAIN, PW_SERVICE_COMPLETED_UNSUCCESSFUL,
	         false},
	        {"supportive service completed successfully", T_SUPPORTIVE,
	         PW_SERVICE_COMPLETED_SUCCESSFUL, false},
	        {"activity still open", T_PLAIN, PW_SERVICE_OPEN, false},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(act); i++) {
		static const char *const item[] = {"activity_completed_successfully"};
		struct pw_service s = {1,
		                       "SJS - Supervised Job Search",
		                       act[i].t,
		                       act[i].st,
		                       D("2023-08-28"),
		                       D("2023-10-01")};
		struct pw_summary_facts f = {
		        .services = &s, .n_services = 1, .as_of = D("2024-03-30")};
		struct pw_summary_result r;
		struct pw_violations v;

		pw_violations_init(&v);
		CU_ASSERT_EQUAL(pw_summary_evaluate(&f, item, 1, &r, 1, &v), PW_OK);
		PW_CHECK(r.complete == act[i].complete, "%s", act[i].what);
	}
}

static void test_followup_item_states(void)
{
	static const struct {
		const char *what;
		enum pw_exit_kind kind;
		size_t contacts;
		const char *result;
		bool complete;
	} rows[] = {
	        {"hard exit needs no follow-up", PW_EXIT_HARD, 0, "Not Required", true},
	        {"youth with every quarter contacted", PW_EXIT_SOFT, 4, "Complete", true},
	        {"youth missing the last quarter", PW_EXIT_SOFT, 3, "Not Completed", false},
	};
	const struct pw_followup_contact contacts[] = {
	        {1, D("2023-10-02"), PW_FOLLOWUP_COMPLETED},
	        {2, D("2024-01-02"), PW_FOLLOWUP_COMPLETED},
	        {3, D("2024-04-02"), PW_FOLLOWUP_COMPLETED},
	        {4, D("2024-07-02"), PW_FOLLOWUP_COMPLETED},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		static const char *const item[] = {"followup_complete"};
		struct pw_followup_facts fu = {.rule = PW_FOLLOWUP_RULE_YOUTH_12_MONTHS_AFTER_EXIT,
		                               .status = PW_ENROLLMENT_EXITED,
		                               .exit_kind = rows[i].kind,
		                               .exit_date = D("2023-07-31"),
		                               .contacts = contacts,
		                               .n_contacts = rows[i].contacts};
		struct pw_summary_facts f = {.status = PW_ENROLLMENT_EXITED,
		                             .exit_kind = rows[i].kind,
		                             .exit_date = D("2023-07-31"),
		                             .followup = &fu,
		                             .as_of = D("2024-10-15")};
		struct pw_summary_result r;
		struct pw_violations v;

		pw_violations_init(&v);
		CU_ASSERT_EQUAL(pw_summary_evaluate(&f, item, 1, &r, 1, &v), PW_OK);
		PW_CHECK(strcmp(r.result, rows[i].result) == 0 && r.complete == rows[i].complete,
		         "%s: \"%s\"", rows[i].what, r.result);
	}
}

static void test_unknown_summary_codes_are_errors(void)
{
	static const char *const bad[] = {"exited", "gained_employment", NULL, "exited"};
	struct pw_summary_facts f = {.as_of = D("2024-03-30")};
	struct pw_summary_result r[4];
	struct pw_violations v;

	pw_violations_init(&v);
	CU_ASSERT_EQUAL(pw_summary_evaluate(&f, bad, 4, r, 4, &v), PW_ERR_INVALID);
	CU_ASSERT_EQUAL(v.n, 3);
	CU_ASSERT_STRING_EQUAL(v.items[0].rule, "R-SUM-1");
	CU_ASSERT_EQUAL(pw_summary_evaluate(&f, isets_items, 5, r, 4, &v), PW_ERR_TOO_LARGE);
	for (size_t i = 0; i < pw_summary_kind_count(); i++)
		PW_CHECK(pw_summary_kind_known(pw_summary_kind_code(i)) &&
		                 pw_summary_kind_label(i) != NULL,
		         "kind %zu", i);
	CU_ASSERT_PTR_NULL(pw_summary_kind_code(pw_summary_kind_count()));
	f.as_of = PW_DATE_NONE;
	CU_ASSERT_EQUAL(pw_summary_evaluate(&f, isets_items, 1, r, 1, &v), PW_ERR_INVALID);
}

static const struct pw_unit_test tests[] = {
        {"Billy Elliott's ISETS summary comes out exactly as seed 004 shows it",
         test_billy_elliott_isets_summary_as_in_seed_004},
        {"a new workNet customer's summary reads Not Completed everywhere (seed 001)",
         test_worknet_summary_of_a_new_customer_as_in_seed_001},
        {"workNet summary after a complete youth exit and follow-up",
         test_worknet_summary_after_a_complete_youth_exit},
        {"retained employment: (end or as-of) - start, longest job, 90 days needed",
         test_retained_employment_days},
        {"exited shows the completion status; only successful non-supportive activities count",
         test_exited_and_activity_items},
        {"follow-up item: not required after a hard exit, complete when every quarter is contacted",
         test_followup_item_states},
        {"unknown or repeated summary codes are errors", test_unknown_summary_codes_are_errors},
};

int main(void)
{
	return pw_unit_run("summary", tests, PW_ARRAY_LEN(tests));
}
