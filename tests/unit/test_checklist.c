/*
 * test_checklist.c: the data-driven exit checklist (R-CHK-1..3, R-EXIT-3,
 * R-EXIT-8) and its value lists (ISETS, C-Work, trackers, goals).
 */
#include "unit_main.h"

#include "pw.h"
#include "rules/checklist.h"

#define D pw_unit_date

#define T_PLAIN                                                                                    \
	{                                                                                          \
		.extends_exit = true                                                               \
	}
#define T_SUPPORTIVE                                                                               \
	{                                                                                          \
		.extends_exit = true, .supportive = true                                           \
	}

static void test_isets_value_lists_match_seed_004(void)
{
	static const struct {
		const char *code, *label, *short_label, *status;
	} reasons[] = {
	        {"unsuccessful_employed_moved_out_of_area",
	         "Unsuccessful - Employed moved out of area", "Employed moved out of area",
	         "exited_unsuccessful"},
	        {"unsuccessful_moved_out_of_area", "Unsuccessful - Moved out of the area",
	         "Moved out of the area", "exited_unsuccessful"},
	        {"unsuccessful_no_longer_eligible", "Unsuccessful - No longer eligible",
	         "No longer eligible", "exited_unsuccessful"},
	        {"unsuccessful_not_right_fit",
	         "Unsuccessful - not the right fit / referred to a different program",
	         "not the right fit / referred to a different program", "exited_unsuccessful"},
	        {"unsuccessful_did_not_meet_requirements",
	         "Unsuccessful - did not meet program requirements",
	         "did not meet program requirements", "exited_unsuccessful"},
	        {"successful_pending_employment",
	         "Successful - Pending employment - working with a person to get a job",
	         "Pending employment - working with a person to get a job", "exited_successful"},
	        {"successful_unemployed", "Successful - Unemployed", "Unemployed",
	         "exited_successful"},
	        {"successful_retention", "Successful - Retention", "Retention",
	         "exited_successful"},
	        {"successful_employed_beyond_90_days", "Successful - Employed beyond 90 days",
	         "Employed beyond 90 days", "exited_successful"},
	        {"successful_completed_requirements", "Successful - Completed Requirements",
	         "Completed Requirements", "exited_successful"},
	};
	static const struct {
		const char *code, *label;
	} statuses[] =
	        {
	                {"exited_unsuccessful", "Exited - Unsuccessful Completion"},
	                {"exited_moved", "Exited - Moved to another program"},
	                {"exited_successful", "Exited - Successful Completion"},
	        },
	  programs[] = {
	          {"snap_jp", "SNAP JP"},
	          {"snap_to_success", "SNAP to Success"},
	          {"earnfare", "Earnfare"},
	  };
	enum pw_checklist_isets_reason r;
	enum pw_checklist_isets_completion c;
	enum pw_checklist_isets_program p;

	CU_ASSERT_EQUAL(PW_ARRAY_LEN(reasons), PW_ISETS_REASON_COUNT);
	for (size_t i = 0; i < PW_ARRAY_LEN(reasons); i++) {
		PW_CHECK(pw_checklist_isets_reason_from_code(reasons[i].code, &r) == PW_OK, "%s",
		         reasons[i].code);
		CU_ASSERT_STRING_EQUAL(pw_checklist_isets_reason_code(r), reasons[i].code);
		CU_ASSERT_STRING_EQUAL(pw_checklist_isets_reason_label(r), reasons[i].label);
		CU_ASSERT_STRING_EQUAL(pw_checklist_isets_reason_short_label(r),
		                       reasons[i].short_label);
		CU_ASSERT_STRING_EQUAL(
		        pw_checklist_isets_completion_code(pw_checklist_isets_reason_completion(r)),
		        reasons[i].status);
	}
	for (size_t i = 0; i < PW_ARRAY_LEN(statuses); i++) {
		PW_CHECK(pw_checklist_isets_completion_from_code(statuses[i].code, &c) == PW_OK,
		         "%s", statuses[i].code);
		CU_ASSERT_STRING_EQUAL(pw_checklist_isets_completion_label(c), statuses[i].label);
	}
	for (size_t i = 0; i < PW_ARRAY_LEN(programs); i++) {
		PW_CHECK(pw_checklist_isets_program_from_code(programs[i].code, &p) == PW_OK, "%s",
		         programs[i].code);
		CU_ASSERT_STRING_EQUAL(pw_checklist_isets_program_label(p), programs[i].label);
	}
	CU_ASSERT_EQUAL(pw_checklist_isets_program_from_code("SNAP JP", &p), PW_ERR_INVALID);
	CU_ASSERT_EQUAL(pw_checklist_isets_reason_from_code("no_outcome_reason", &r),
	                PW_ERR_INVALID);
}

/* Every status against every reason: Unsuccessful reasons only with
 * Unsuccessful Completion, Successful ones only with Successful, none with
 * Moved to another program. */
static void test_completion_status_and_outcome_reason_pairs(void)
{
	static const char *const statuses[] = {"exited_unsuccessful", "exited_moved",
	                                       "exited_successful"};

	for (size_t s = 0; s < PW_ARRAY_LEN(statuses); s++) {
		for (int r = 0; r < PW_ISETS_REASON_COUNT; r++) {
			const char *reason =
			        pw_checklist_isets_reason_code((enum pw_checklist_isets_reason)r);
			bool unsuccessful = strncmp(reason, "unsuccessful_", 13) == 0;
			bool ok = (s == 0 && unsuccessful) || (s == 2 && !unsuccessful);
			struct pw_violations v;

			pw_violations_init(&v);
			PW_CHECK((pw_checklist_isets_check_completion(statuses[s], reason, &v) ==
			          PW_OK) == ok,
			         "%s + %s", statuses[s], reason);
		}
	}

	static const struct {
		const char *status, *reason;
		int rc;
		const char *field;
	} rows[] = {
	        {"exited_moved", NULL, PW_OK, NULL},
	        {"exited_moved", "", PW_OK, NULL},
	        {"exited_successful", NULL, PW_ERR_INVALID, "outcome_reason"},
	        {"exited_unsuccessful", "  ", PW_ERR_INVALID, "outcome_reason"},
	        {NULL, NULL, PW_ERR_INVALID, "completion_status"},
	        {"Exited - Successful Completion", "successful_retention", PW_ERR_INVALID,
	         "completion_status"},
	        {"exited_successful", "completed_requirements", PW_ERR_INVALID, "outcome_reason"},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_violations v;
		int rc;

		pw_violations_init(&v);
		rc = pw_checklist_isets_check_completion(rows[i].status, rows[i].reason, &v);
		PW_CHECK(rc == rows[i].rc, "row %zu", i);
		if (rows[i].field)
			PW_CHECK(v.n == 1 && strcmp(v.items[0].field, rows[i].field) == 0,
			         "row %zu", i);
	}
}

static void test_cwork_exit_reasons_match_seed_002(void)
{
	static const struct {
		const char *code, *label;
	} rows[] = {
	        {"program_completion", "Program completion"},
	        {"unable_to_complete", "Unable to complete program"},
	        {"lack_of_contact", "Lack of contact"},
	        {"no_longer_interested", "No longer interested"},
	        {"groups_classes_only", "Groups/Classes Only"},
	};
	enum pw_checklist_cwork_reason r;

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		PW_CHECK(pw_checklist_cwork_reason_from_code(rows[i].code, &r) == PW_OK, "%s",
		         rows[i].code);
		CU_ASSERT_STRING_EQUAL(pw_checklist_cwork_reason_code(r), rows[i].code);
		CU_ASSERT_STRING_EQUAL(pw_checklist_cwork_reason_label(r), rows[i].label);
		CU_ASSERT_TRUE(strlen(pw_checklist_cwork_reason_help(r)) > 20);
	}
	CU_ASSERT_EQUAL(pw_checklist_cwork_reason_from_code("Program completion", &r),
	                PW_ERR_INVALID);
}

static void test_tracker_and_goal_codes(void)
{
	enum pw_tracker_status st;
	enum pw_tracker_stage sg;
	enum pw_tracker_type t;
	enum pw_goal_progress g;

	CU_ASSERT_EQUAL(pw_checklist_tracker_status_from_code(NULL, &st), PW_OK);
	CU_ASSERT_EQUAL(st, PW_TRACKER_STATUS_NONE);
	CU_ASSERT_EQUAL(pw_checklist_tracker_status_from_code("EXITED", &st), PW_OK);
	CU_ASSERT_EQUAL(st, PW_TRACKER_STATUS_EXITED);
	CU_ASSERT_EQUAL(pw_checklist_tracker_status_from_code("exited", &st), PW_ERR_INVALID);
	CU_ASSERT_EQUAL(pw_checklist_tracker_stage_from_code("PROGRAM_EXIT", &sg), PW_OK);
	CU_ASSERT_STRING_EQUAL(pw_checklist_tracker_stage_label(sg), "PROGRAM EXIT");
	CU_ASSERT_EQUAL(pw_checklist_tracker_type_from_code("ece_course", &t), PW_OK);
	CU_ASSERT_STRING_EQUAL(pw_checklist_tracker_type_label(t), "ECE Course Tracker");
	CU_ASSERT_EQUAL(pw_checklist_goal_progress_from_code("NOT_COMPLETED", &g), PW_OK);
	CU_ASSERT_EQUAL(g, PW_GOAL_NOT_COMPLETED);
	CU_ASSERT_EQUAL(pw_checklist_goal_progress_from_code("Complete", &g), PW_ERR_INVALID);
}

static void test_unknown_or_repeated_item_codes_are_errors(void)
{
	static const struct pw_checklist_item_def bad[] = {
	        {"services_complete", true},
	        {"services_completed", true},
	        {NULL, false},
	        {"services_complete", false},
	};
	struct pw_checklist_facts f = {.as_of = D("2024-03-01")};
	struct pw_checklist_result out[4];
	struct pw_violations v;

	memset(out, 0x5A, sizeof(out));
	pw_violations_init(&v);
	CU_ASSERT_EQUAL(pw_checklist_evaluate(&f, bad, 4, out, 4, &v), PW_ERR_INVALID);
	CU_ASSERT_EQUAL(v.n, 3);
	CU_ASSERT_PTR_NOT_NULL(strstr(v.items[0].message, "\"services_completed\""));
	CU_ASSERT_STRING_EQUAL(v.items[0].field, "checklist");
	CU_ASSERT_PTR_NOT_NULL(strstr(v.items[2].message, "twice"));
	CU_ASSERT_EQUAL(((unsigned char *)out)[0], 0x5A);
	/* All known codes pass. */
	for (size_t i = 0; i < pw_checklist_kind_count(); i++) {
		struct pw_checklist_item_def one = {pw_checklist_kind_code(i), true};

		PW_CHECK(pw_checklist_kind_known(one.code), "%s", one.code);
		PW_CHECK(pw_checklist_evaluate(&f, &one, 1, out, 1, &v) == PW_OK, "%s", one.code);
		PW_CHECK(out[0].label == pw_checklist_kind_label(i) && out[0].label[0] != '\0',
		         "%s", one.code);
	}
	CU_ASSERT_PTR_NULL(pw_checklist_kind_code(pw_checklist_kind_count()));
	/* Too small an output array, and a missing as-of date. */
	CU_ASSERT_EQUAL(pw_checklist_evaluate(&f, bad, 1, out, 0, &v), PW_ERR_TOO_LARGE);
	f.as_of = PW_DATE_NONE;
	CU_ASSERT_EQUAL(pw_checklist_evaluate(&f, bad, 1, out, 1, &v), PW_ERR_INVALID);
}

/* Billy Elliott's activities (seed 004): four open, one of them supportive. */
static const struct pw_service billy[] = {
        {1, "BE - Basic Education (ABE/GED)", T_PLAIN, PW_SERVICE_OPEN, 19591, PW_DATE_NONE},
        {2, "SJS - Supervised Job Search", T_PLAIN, PW_SERVICE_OPEN, 19597, PW_DATE_NONE},
        {3, "Transportation", T_SUPPORTIVE, PW_SERVICE_OPEN, 19591, PW_DATE_NONE},
        {4, "VT - Vocational Training", T_PLAIN, PW_SERVICE_OPEN, 19597, PW_DATE_NONE},
};

static void test_isets_activities_except_supportive(void)
{
	static const struct pw_checklist_item_def items[] = {
	        {"activities_complete_except_supportive", true},
	        {"services_complete", true},
	};
	struct pw_service s[4];
	struct pw_checklist_facts f = {.services = s, .n_services = 4, .as_of = D("2024-01-04")};
	struct pw_checklist_result r[2];
	struct pw_violations v;

	CU_ASSERT_EQUAL(billy[0].start, D("2023-08-22"));
	CU_ASSERT_EQUAL(billy[1].start, D("2023-08-28"));
	memcpy(s, billy, sizeof(s));
	pw_violations_init(&v);
	CU_ASSERT_EQUAL(pw_checklist_evaluate(&f, items, 2, r, 2, &v), PW_OK);
	CU_ASSERT_FALSE(r[0].met);
	CU_ASSERT_STRING_EQUAL(r[0].label,
	                       "All SNAP E&T Activities (not including Supportive Services) have a "
	                       "completion status (successful/unsuccessful) or have been removed.");
	CU_ASSERT_STRING_EQUAL(r[0].why,
	                       "BE - Basic Education (ABE/GED) is Started/Open since 2023-08-22; "
	                       "SJS - Supervised Job Search is Started/Open since 2023-08-28; "
	                       "VT - Vocational Training is Started/Open since 2023-08-28");
	CU_ASSERT_PTR_NULL(strstr(r[0].why, "Transportation"));
	/* Close the three activities; Transportation stays open. */
	s[0].status = PW_SERVICE_COMPLETED_SUCCESSFUL;
	s[0].end = D("2023-12-01");
	s[1].status = PW_SERVICE_COMPLETED_UNSUCCESSFUL;
	s[1].end = D("2023-12-01");
	s[3].status = PW_SERVICE_DELETED;
	CU_ASSERT_EQUAL(pw_checklist_evaluate(&f, items, 2, r, 2, &v), PW_OK);
	CU_ASSERT_TRUE(r[0].met);
	CU_ASSERT_STRING_EQUAL(r[0].why, "");
	/* The WIOA item counts supportive services too. */
	CU_ASSERT_FALSE(r[1].met);
	CU_ASSERT_STRING_EQUAL(r[1].why, "Transportation is Started/Open since 2023-08-22");
}

static void test_isets_exit_fields(void)
{
	static const struct pw_checklist_item_def items[] = {
	        {"activities_complete_except_supportive", true},
	        {"msg_entered", false},
	        {"credentials_entered", false},
	        {"isets_program", true},
	        {"completion_status_and_outcome_reason", true},
	        {"program_completion_date", true},
	};
	static const struct {
		const char *what, *program, *status, *reason, *completed;
		int unmet; /* index of the one unmet required item, -1 for none */
		const char *why;
	} rows[] = {
	        {"complete exit", "snap_to_success", "exited_successful",
	         "successful_completed_requirements", "2024-01-03", -1, NULL},
	        {"moved without a reason", "earnfare", "exited_moved", NULL, "2024-01-03", -1,
	         NULL},
	        {"no program", NULL, "exited_successful", "successful_retention", "2024-01-03", 3,
	         "No program is selected."},
	        {"unknown program", "snap", "exited_successful", "successful_retention",
	         "2024-01-03", 3, "The program is not SNAP JP, SNAP to Success or Earnfare."},
	        {"successful reason with unsuccessful status", "snap_jp", "exited_unsuccessful",
	         "successful_retention", "2024-01-03", 4,
	         "The outcome reason \"Successful - Retention\" does not go with \"Exited - "
	         "Unsuccessful Completion\"."},
	        {"moved with a reason", "snap_jp", "exited_moved", "unsuccessful_moved_out_of_area",
	         "2024-01-03", 4, "\"Exited - Moved to another program\" takes no outcome reason."},
	        {"no completion date", "snap_jp", "exited_unsuccessful",
	         "unsuccessful_no_longer_eligible", NULL, 5,
	         "No program completion date is entered."},
	        {"completion date in the future", "snap_jp", "exited_unsuccessful",
	         "unsuccessful_no_longer_eligible", "2024-01-05", 5,
	         "The program completion date 2024-01-05 is in the future."},
	        {"completion date before participation", "snap_jp", "exited_unsuccessful",
	         "unsuccessful_no_longer_eligible", "2023-08-30", 5,
	         "The program completion date 2023-08-30 is before the participation date "
	         "2023-08-31."},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_checklist_facts f = {
		        .participation_date = D("2023-08-31"),
		        .n_credentials = 1,
		        .exit = {.exit_date = PW_DATE_NONE,
		                 .isets_program = rows[i].program,
		                 .completion_status = rows[i].status,
		                 .outcome_reason = rows[i].reason,
		                 .program_completion_date = D(rows[i].completed)},
		        .as_of = D("2024-01-04")};
		struct pw_checklist_result r[6];
		struct pw_violations v;

		pw_violations_init(&v);
		CU_ASSERT_EQUAL(pw_checklist_evaluate(&f, items, 6, r, 6, &v), PW_OK);
		PW_CHECK(!r[1].met && r[2].met, "%s: optional items", rows[i].what);
		for (int k = 0; k < 6; k++) {
			if (k == 1 || k == 2)
				continue;
			PW_CHECK(r[k].met == (k != rows[i].unmet), "%s: item %s", rows[i].what,
			         r[k].code);
		}
		PW_CHECK(pw_checklist_blocks_exit(r, 6) == (rows[i].unmet >= 0), "%s: blocks",
		         rows[i].what);
		if (rows[i].why)
			PW_CHECK(strcmp(r[rows[i].unmet].why, rows[i].why) == 0, "%s: why \"%s\"",
			         rows[i].what, r[rows[i].unmet].why);
	}
}

/* R-CHK-1: WIOA / workNet. Optional items never block; required ones do. */
static void test_wioa_checklist_blocks_only_on_required_items(void)
{
	static const struct pw_checklist_item_def items[] = {
	        {"services_complete", true}, {"school_status_at_exit", true}, {"exit_reason", true},
	        {"msg_entered", false},      {"credentials_entered", false},
	};
	static const char *const reasons[] = {"entered_employment", "moved", "other"};
	struct pw_service s[2] = {
	        {1, "Work Experience", T_PLAIN, PW_SERVICE_COMPLETED_SUCCESSFUL, D("2024-01-02"),
	         D("2024-02-01")},
	        {2, "VT - Vocational Training", T_PLAIN, PW_SERVICE_OPEN, D("2023-08-28"),
	         PW_DATE_NONE},
	};
	struct pw_checklist_facts f = {
	        .services = s,
	        .n_services = 2,
	        .exit = {.exit_date = D("2024-03-01"), .exit_reason = "moved"},
	        .exit_reasons = reasons,
	        .n_exit_reasons = 3,
	        .as_of = D("2024-03-01")};
	struct pw_checklist_result r[5];
	struct pw_violations v;
	char got[256];

	pw_violations_init(&v);
	CU_ASSERT_EQUAL(pw_checklist_evaluate(&f, items, 5, r, 5, &v), PW_OK);
	CU_ASSERT_FALSE(r[0].met);
	CU_ASSERT_STRING_EQUAL(r[0].why,
	                       "VT - Vocational Training is Started/Open since 2023-08-28");
	CU_ASSERT_FALSE(r[1].met);
	CU_ASSERT_STRING_EQUAL(r[1].field, "school_status");
	CU_ASSERT_TRUE(r[2].met);
	CU_ASSERT_FALSE(r[3].met);
	CU_ASSERT_FALSE(r[4].met);
	CU_ASSERT_TRUE(pw_checklist_blocks_exit(r, 5));
	CU_ASSERT_EQUAL(pw_checklist_blocking_violations(r, 5, &v), PW_ERR_CONFLICT);
	pw_unit_violations(&v, got, sizeof(got));
	CU_ASSERT_STRING_EQUAL(got, "R-CHK-1:services_complete,R-CHK-1:school_status");
	CU_ASSERT_PTR_NOT_NULL(strstr(v.items[0].message, "VT - Vocational Training"));

	/* Close VT, give the school status: optional items still unmet, exit allowed. */
	s[1].status = PW_SERVICE_COMPLETED_UNSUCCESSFUL;
	s[1].end = D("2024-02-01");
	f.exit.school_status = "not_attending_hs_graduate";
	CU_ASSERT_EQUAL(pw_checklist_evaluate(&f, items, 5, r, 5, &v), PW_OK);
	CU_ASSERT_FALSE(pw_checklist_blocks_exit(r, 5));
	pw_violations_init(&v);
	CU_ASSERT_EQUAL(pw_checklist_blocking_violations(r, 5, &v), PW_OK);
	CU_ASSERT_EQUAL(v.n, 0);

	/* A reason outside the profile's list, an unknown school status. */
	f.exit.exit_reason = "retired";
	f.exit.school_status = "graduated";
	CU_ASSERT_EQUAL(pw_checklist_evaluate(&f, items, 5, r, 5, &v), PW_OK);
	CU_ASSERT_FALSE(r[1].met);
	CU_ASSERT_FALSE(r[2].met);
	/* Without a list in the profile, any reason given will do. */
	f.n_exit_reasons = 0;
	CU_ASSERT_EQUAL(pw_checklist_evaluate(&f, items, 5, r, 5, &v), PW_OK);
	CU_ASSERT_TRUE(r[2].met);
}

/* ---- C-Work: a complete exit, then each item failing on its own ---------- */

struct cwork {
	struct pw_service services[1];
	struct pw_tracker trackers[8];
	struct pw_goal goals[2];
	struct pw_checklist_facts f;
};

static const struct pw_checklist_item_def cwork_items[] = {
        {"cwork_intervention_exited", true},
        {"cwork_employment_tracker_exit", true},
        {"cwork_ece_course_closed", true},
        {"cwork_internship_closed", true},
        {"cwork_income_same_fiscal_quarter", true},
        {"cwork_housing_tracker_exit", true},
        {"goals_closed", true},
        {"cwork_exit_reason", true},
        {"exit_comments", true},
};
#define N_CWORK PW_ARRAY_LEN(cwork_items)

static void cwork_init(struct cwork *c)
{
	memset(c, 0, sizeof(*c));
	c->services[0] = (struct pw_service){1,
	                                     "ECE Workshop",
	                                     T_PLAIN,
	                                     PW_SERVICE_COMPLETED_SUCCESSFUL,
	                                     D("2024-01-10"),
	                                     D("2024-02-15")};
	c->trackers[0] = (struct pw_tracker){1,
	                                     PW_TRACKER_INTERVENTION,
	                                     PW_TRACKER_STATUS_EXITED,
	                                     PW_TRACKER_STAGE_NONE,
	                                     D("2023-09-01"),
	                                     D("2024-03-15"),
	                                     D("2023-09-01"),
	                                     "Program completion",
	                                     "Completed the ECE course",
	                                     NULL};
	c->trackers[1] = (struct pw_tracker){2,
	                                     PW_TRACKER_EMPLOYMENT,
	                                     PW_TRACKER_STATUS_NONE,
	                                     PW_TRACKER_STAGE_INTAKE,
	                                     D("2023-09-01"),
	                                     PW_DATE_NONE,
	                                     D("2023-09-01"),
	                                     NULL,
	                                     NULL,
	                                     NULL};
	c->trackers[2] = (struct pw_tracker){3,
	                                     PW_TRACKER_EMPLOYMENT,
	                                     PW_TRACKER_STATUS_NONE,
	                                     PW_TRACKER_STAGE_PROGRAM_EXIT,
	                                     D("2024-03-15"),
	                                     PW_DATE_NONE,
	                                     D("2024-03-15"),
	                                     NULL,
	                                     NULL,
	                                     NULL};
	c->trackers[3] = (struct pw_tracker){4,
	                                     PW_TRACKER_ECE_COURSE,
	                                     PW_TRACKER_STATUS_COMPLETED,
	                                     PW_TRACKER_STAGE_NONE,
	                                     D("2024-01-10"),
	                                     D("2024-02-15"),
	                                     D("2024-01-10"),
	                                     NULL,
	                                     NULL,
	                                     "CD 101"};
	c->trackers[4] = (struct pw_tracker){5,
	                                     PW_TRACKER_INTERNSHIP,
	                                     PW_TRACKER_STATUS_NOT_COMPLETED,
	                                     PW_TRACKER_STAGE_NONE,
	                                     D("2024-01-10"),
	                                     D("2024-02-20"),
	                                     D("2024-01-10"),
	                                     NULL,
	                                     NULL,
	                                     NULL};
	c->trackers[5] = (struct pw_tracker){6,
	                                     PW_TRACKER_INCOME,
	                                     PW_TRACKER_STATUS_NONE,
	                                     PW_TRACKER_STAGE_NONE,
	                                     D("2024-01-02"),
	                                     PW_DATE_NONE,
	                                     D("2024-01-02"),
	                                     NULL,
	                                     NULL,
	                                     NULL};
	c->trackers[6] = (struct pw_tracker){7,
	                                     PW_TRACKER_HOUSING,
	                                     PW_TRACKER_STATUS_NONE,
	                                     PW_TRACKER_STAGE_PROGRAM_EXIT,
	                                     D("2024-03-14"),
	                                     PW_DATE_NONE,
	                                     D("2024-03-14"),
	                                     NULL,
	                                     NULL,
	                                     NULL};
	c->goals[0] = (struct pw_goal){1, "Finish CD 101", PW_GOAL_COMPLETED, D("2024-02-15")};
	c->goals[1] = (struct pw_goal){2, "Find an assistant teacher job", PW_GOAL_NOT_COMPLETED,
	                               D("2024-03-15")};
	c->f = (struct pw_checklist_facts){
	        .services = c->services,
	        .n_services = 1,
	        .supportive_extends_exit = true,
	        .goals = c->goals,
	        .n_goals = 2,
	        .trackers = c->trackers,
	        .n_trackers = 7,
	        .exit = {.exit_date = D("2024-03-15"),
	                 .exit_reason = "program_completion",
	                 .comments = "Completed CD 101; looking for work.",
	                 .program_completion_date = PW_DATE_NONE},
	        .participation_date = D("2023-09-01"),
	        .fy_start_month = 7,
	        .as_of = D("2024-03-20")};
}

static void m_intervention_active(struct cwork *c)
{
	c->trackers[0].status = PW_TRACKER_STATUS_ACTIVE;
}
static void m_intervention_no_reason(struct cwork *c)
{
	c->trackers[0].end_reason = "  ";
}
static void m_intervention_no_details(struct cwork *c)
{
	c->trackers[0].end_details = NULL;
}
static void m_intervention_no_exit_date(struct cwork *c)
{
	c->trackers[0].end_date = PW_DATE_NONE;
}
static void m_intervention_newer_open(struct cwork *c)
{
	/* A newer intervention tracker is the current one, and it is open. */
	c->trackers[7] = (struct pw_tracker){8,
	                                     PW_TRACKER_INTERVENTION,
	                                     PW_TRACKER_STATUS_ACTIVE,
	                                     PW_TRACKER_STAGE_NONE,
	                                     D("2024-01-05"),
	                                     PW_DATE_NONE,
	                                     D("2024-01-05"),
	                                     NULL,
	                                     NULL,
	                                     NULL};
	c->f.n_trackers = 8;
}
static void m_intervention_same_day_newer(struct cwork *c)
{
	/* Made the same day as #1 but dated later: it is the current one. */
	m_intervention_newer_open(c);
	c->trackers[7].created = D("2023-09-01");
}
static void m_intervention_missing(struct cwork *c)
{
	c->trackers[0].type = PW_TRACKER_HOUSING;
}
static void m_employment_missing(struct cwork *c)
{
	c->trackers[2].stage = PW_TRACKER_STAGE_IN_PROGRAM;
}
static void m_employment_old(struct cwork *c)
{
	/* The intake tracker moved to PROGRAM_EXIT instead of a new one. */
	c->trackers[2].type = PW_TRACKER_INCOME;
	c->trackers[1].stage = PW_TRACKER_STAGE_PROGRAM_EXIT;
}
static void m_ece_open(struct cwork *c)
{
	c->trackers[3].status = PW_TRACKER_STATUS_ACTIVE;
}
static void m_ece_no_end(struct cwork *c)
{
	c->trackers[3].end_date = PW_DATE_NONE;
}
static void m_internship_open(struct cwork *c)
{
	c->trackers[4].status = PW_TRACKER_STATUS_NONE;
}
static void m_internship_future_end(struct cwork *c)
{
	c->trackers[4].end_date = D("2024-04-01");
}
static void m_income_last_quarter(struct cwork *c)
{
	c->trackers[5].date = D("2023-12-31");
}
static void m_housing_missing(struct cwork *c)
{
	c->f.n_trackers = 6;
}
static void m_housing_before_last_service(struct cwork *c)
{
	c->trackers[6].created = D("2024-02-14");
}
static void m_goal_on_track(struct cwork *c)
{
	c->goals[1].progress = PW_GOAL_ON_TRACK;
}
static void m_goal_no_date(struct cwork *c)
{
	c->goals[0].actual_completion = PW_DATE_NONE;
}
static void m_reason_missing(struct cwork *c)
{
	c->f.exit.exit_reason = NULL;
}
static void m_reason_unknown(struct cwork *c)
{
	c->f.exit.exit_reason = "moved";
}
static void m_comments_blank(struct cwork *c)
{
	c->f.exit.comments = " \n";
}

static void test_cwork_each_item_fails_on_its_own(void)
{
	static const struct {
		const char *what;
		void (*mutate)(struct cwork *c);
		const char *item, *why;
	} rows[] = {
	        {"intervention still active", m_intervention_active, "cwork_intervention_exited",
	         "Intervention Tracker #1 has Status ACTIVE, not EXITED"},
	        {"intervention without end reason", m_intervention_no_reason,
	         "cwork_intervention_exited", "Intervention Tracker #1 has no End Reason"},
	        {"intervention without end details", m_intervention_no_details,
	         "cwork_intervention_exited", "Intervention Tracker #1 has no End Details"},
	        {"intervention without exit date", m_intervention_no_exit_date,
	         "cwork_intervention_exited", "Intervention Tracker #1 has no Exit Date"},
	        {"a newer intervention tracker is open", m_intervention_newer_open,
	         "cwork_intervention_exited",
	         "Intervention Tracker #8 has Status ACTIVE, not EXITED; Intervention Tracker #8 "
	         "has "
	         "no Exit Date; Intervention Tracker #8 has no End Reason; Intervention Tracker #8 "
	         "has "
	         "no End Details"},
	        {"a same-day intervention tracker dated later is open",
	         m_intervention_same_day_newer, "cwork_intervention_exited",
	         "Intervention Tracker #8 has Status ACTIVE, not EXITED; Intervention Tracker #8 "
	         "has no Exit Date; Intervention Tracker #8 has no End Reason; Intervention "
	         "Tracker #8 has no End Details"},
	        {"no intervention tracker", m_intervention_missing, "cwork_intervention_exited",
	         "No Intervention Tracker has been added."},
	        {"no employment tracker at program exit", m_employment_missing,
	         "cwork_employment_tracker_exit",
	         "No Employment Tracker with Stage PROGRAM EXIT has been added."},
	        {"old employment tracker moved to program exit", m_employment_old,
	         "cwork_employment_tracker_exit",
	         "Employment Tracker #2 (Stage PROGRAM EXIT) was created 2023-09-01, before "
	         "2024-02-15: add a new one."},
	        {"ECE course still active", m_ece_open, "cwork_ece_course_closed",
	         "ECE Course Tracker #4 has Status ACTIVE"},
	        {"ECE course without end date", m_ece_no_end, "cwork_ece_course_closed",
	         "ECE Course Tracker #4 has no End Date"},
	        {"internship without status", m_internship_open, "cwork_internship_closed",
	         "Internship Tracker #5 has Status (no status)"},
	        {"internship ending in the future", m_internship_future_end,
	         "cwork_internship_closed",
	         "Internship Tracker #5 has an End Date in the future (2024-04-01)"},
	        {"income tracker from the previous fiscal quarter", m_income_last_quarter,
	         "cwork_income_same_fiscal_quarter",
	         "No Income Tracker is dated in the exit's fiscal quarter (2024-01-01 to "
	         "2024-03-31); the latest is dated 2023-12-31."},
	        {"no housing tracker", m_housing_missing, "cwork_housing_tracker_exit",
	         "No Housing Tracker with Stage PROGRAM EXIT has been added."},
	        {"housing tracker made before the last service", m_housing_before_last_service,
	         "cwork_housing_tracker_exit",
	         "Housing Tracker #7 (Stage PROGRAM EXIT) was created 2024-02-14, before "
	         "2024-02-15: "
	         "add a new one."},
	        {"goal on track", m_goal_on_track, "goals_closed",
	         "Goal \"Find an assistant teacher job\" is On Track"},
	        {"goal without actual completion date", m_goal_no_date, "goals_closed",
	         "Goal \"Finish CD 101\" has no Actual Completion Date"},
	        {"no exit reason", m_reason_missing, "cwork_exit_reason",
	         "No exit reason is selected."},
	        {"exit reason not C-Work's", m_reason_unknown, "cwork_exit_reason",
	         "The exit reason is not one of the C-Work exit reasons."},
	        {"blank exit comments", m_comments_blank, "exit_comments",
	         "No client exit comments are entered."},
	};
	struct cwork c;
	struct pw_checklist_result r[N_CWORK];
	struct pw_violations v;

	/* The baseline meets everything. */
	cwork_init(&c);
	pw_violations_init(&v);
	CU_ASSERT_EQUAL(pw_checklist_evaluate(&c.f, cwork_items, N_CWORK, r, N_CWORK, &v), PW_OK);
	for (size_t k = 0; k < N_CWORK; k++)
		PW_CHECK(r[k].met, "baseline: %s: %s", r[k].code, r[k].why);

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		cwork_init(&c);
		rows[i].mutate(&c);
		CU_ASSERT_EQUAL(pw_checklist_evaluate(&c.f, cwork_items, N_CWORK, r, N_CWORK, &v),
		                PW_OK);
		for (size_t k = 0; k < N_CWORK; k++) {
			bool target = strcmp(r[k].code, rows[i].item) == 0;

			PW_CHECK(r[k].met == !target, "%s: %s met=%d (%s)", rows[i].what, r[k].code,
			         r[k].met, r[k].why);
			if (target)
				PW_CHECK(strcmp(r[k].why, rows[i].why) == 0, "%s: why \"%s\"",
				         rows[i].what, r[k].why);
		}
		CU_ASSERT_TRUE(pw_checklist_blocks_exit(r, N_CWORK));
	}
}

/* R-DATE-3: the income tracker must share the exit's fiscal quarter. */
static void test_income_tracker_same_fiscal_quarter(void)
{
	static const struct {
		const char *exit, *income;
		int fy_start;
		bool met;
	} rows[] = {
	        {"2024-03-31", "2024-01-01", 7, true},   {"2024-04-01", "2024-03-31", 7, false},
	        {"2024-06-30", "2024-04-01", 7, true},   {"2024-07-01", "2024-06-30", 7, false},
	        {"2023-09-30", "2023-07-01", 7, true},   {"2023-12-31", "2023-10-01", 7, true},
	        {"2023-10-01", "2023-09-30", 10, false}, {"2023-12-31", "2023-10-01", 10, true},
	        {"2024-01-31", "2023-11-01", 2, true},   {"2024-02-01", "2024-01-31", 2, false},
	        {"2024-04-30", "2024-02-01", 2, true},   {"2024-03-31", "2024-01-01", 0, true},
	        {NULL, "2024-03-01", 7, true}, /* readiness: as of 2024-03-20 stands in */
	        {NULL, "2023-12-31", 7, false},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		static const struct pw_checklist_item_def item = {
		        "cwork_income_same_fiscal_quarter", true};
		struct pw_tracker t = {
		        .id = 1, .type = PW_TRACKER_INCOME, .date = D(rows[i].income)};
		struct pw_checklist_facts f = {.trackers = &t,
		                               .n_trackers = 1,
		                               .exit = {.exit_date = D(rows[i].exit)},
		                               .fy_start_month = rows[i].fy_start,
		                               .as_of = D("2024-03-20")};
		struct pw_checklist_result r;
		struct pw_violations v;

		pw_violations_init(&v);
		CU_ASSERT_EQUAL(pw_checklist_evaluate(&f, &item, 1, &r, 1, &v), PW_OK);
		PW_CHECK(r.met == rows[i].met, "exit %s, income %s, FY from %d",
		         rows[i].exit ? rows[i].exit : "(as of)", rows[i].income, rows[i].fy_start);
	}
}

static void test_why_text_is_bounded_whatever_the_input(void)
{
	static const struct pw_checklist_item_def item = {"services_complete", true};
	static struct pw_service many[200];
	static char long_name[1200];
	struct pw_checklist_facts f = {
	        .services = many, .n_services = 200, .as_of = D("2024-03-01")};
	struct pw_checklist_result r;
	struct pw_violations v;
	size_t len;

	for (size_t i = 0; i < 200; i++)
		many[i] = (struct pw_service){(int64_t)i + 1,  "VT - Vocational Training",
		                              T_PLAIN,         PW_SERVICE_OPEN,
		                              D("2023-08-28"), PW_DATE_NONE};
	pw_violations_init(&v);
	CU_ASSERT_EQUAL(pw_checklist_evaluate(&f, &item, 1, &r, 1, &v), PW_OK);
	len = strlen(r.why);
	CU_ASSERT_TRUE(len < PW_CHECKLIST_WHY);
	CU_ASSERT_EQUAL(
	        strncmp(r.why, "VT - Vocational Training is Started/Open since 2023-08-28; ", 59),
	        0);
	/* Three entries of 57 bytes fit (a fourth would pass the reserve kept
	 * for the count); the other 197 are counted. */
	CU_ASSERT_EQUAL(len, 3 * 57 + 2 * 2 + strlen("; and 197 more"));
	CU_ASSERT_STRING_EQUAL(r.why + len - 14, "; and 197 more");

	/* One name far longer than the buffer, in two-byte characters. */
	for (size_t i = 0; i + 2 < sizeof(long_name); i += 2) {
		long_name[i] = (char)0xC3;
		long_name[i + 1] = (char)0xA9;
	}
	many[0].name = long_name;
	f.n_services = 1;
	CU_ASSERT_EQUAL(pw_checklist_evaluate(&f, &item, 1, &r, 1, &v), PW_OK);
	len = strlen(r.why);
	CU_ASSERT_TRUE(len < PW_CHECKLIST_WHY);
	CU_ASSERT_TRUE(len > PW_CHECKLIST_WHY / 2);
	CU_ASSERT_STRING_EQUAL(r.why + len - 3, "...");
	CU_ASSERT_TRUE(pw_unit_utf8_valid(r.why));

	/* The long name first, then more: the long entry is cut, the rest counted. */
	many[1].name = NULL;
	f.n_services = 3;
	CU_ASSERT_EQUAL(pw_checklist_evaluate(&f, &item, 1, &r, 1, &v), PW_OK);
	CU_ASSERT_TRUE(strlen(r.why) < PW_CHECKLIST_WHY);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.why, "...; and 2 more"));
	CU_ASSERT_TRUE(pw_unit_utf8_valid(r.why));
}

static void test_unnamed_service_is_named_by_id(void)
{
	static const struct pw_checklist_item_def item = {"services_complete", true};
	struct pw_service s[2] = {
	        {77, NULL, T_PLAIN, PW_SERVICE_PLANNED, D("2024-04-01"), PW_DATE_NONE},
	        {78,
	         "Follow-up call",
	         {.followup = true},
	         PW_SERVICE_OPEN,
	         D("2024-03-01"),
	         PW_DATE_NONE},
	};
	struct pw_checklist_facts f = {.services = s, .n_services = 2, .as_of = D("2024-03-01")};
	struct pw_checklist_result r;
	struct pw_violations v;

	pw_violations_init(&v);
	CU_ASSERT_EQUAL(pw_checklist_evaluate(&f, &item, 1, &r, 1, &v), PW_OK);
	CU_ASSERT_STRING_EQUAL(r.why, "Service #77 is Planned for 2024-04-01");
}

static const struct pw_unit_test tests[] = {
        {"ISETS programs, completion statuses and outcome reasons match seed 004",
         test_isets_value_lists_match_seed_004},
        {"outcome reasons pair with their completion status; none with Moved",
         test_completion_status_and_outcome_reason_pairs},
        {"C-Work exit reasons match seed 002", test_cwork_exit_reasons_match_seed_002},
        {"tracker and goal codes", test_tracker_and_goal_codes},
        {"unknown or repeated checklist codes in a profile are errors",
         test_unknown_or_repeated_item_codes_are_errors},
        {"ISETS supportive services are excepted from the activities item",
         test_isets_activities_except_supportive},
        {"ISETS program, completion status + reason and completion date", test_isets_exit_fields},
        {"WIOA checklist: required items block the exit, optional ones never",
         test_wioa_checklist_blocks_only_on_required_items},
        {"C-Work: every checklist item fails on its own", test_cwork_each_item_fails_on_its_own},
        {"income tracker in the exit's fiscal quarter, July and other start months",
         test_income_tracker_same_fiscal_quarter},
        {"why text stays bounded and valid UTF-8 whatever the input",
         test_why_text_is_bounded_whatever_the_input},
        {"a service without a name is named by its id; follow-up services are not counted",
         test_unnamed_service_is_named_by_id},
};

int main(void)
{
	return pw_unit_run("checklist", tests, PW_ARRAY_LEN(tests));
}
