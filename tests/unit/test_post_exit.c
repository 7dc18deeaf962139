/*
 * test_post_exit.c: the four quarters after exit and the check of one
 * quarter's entry (R-PEX-1, R-DATE-2, R-EXIT-7).
 */
#include "unit_main.h"

#include "pw.h"
#include "rules/post_exit.h"

#define D pw_unit_date

static void test_four_quarters_after_exit(void)
{
	static const struct {
		const char *exit;
		const char *q[4][2];
	} rows[] = {
	        {"2017-06-01",
	         {{"2017-07-01", "2017-09-30"},
	          {"2017-10-01", "2017-12-31"},
	          {"2018-01-01", "2018-03-31"},
	          {"2018-04-01", "2018-06-30"}}},
	        {"2023-07-31",
	         {{"2023-10-01", "2023-12-31"},
	          {"2024-01-01", "2024-03-31"},
	          {"2024-04-01", "2024-06-30"},
	          {"2024-07-01", "2024-09-30"}}},
	        {"2024-03-31",
	         {{"2024-04-01", "2024-06-30"},
	          {"2024-07-01", "2024-09-30"},
	          {"2024-10-01", "2024-12-31"},
	          {"2025-01-01", "2025-03-31"}}},
	        {"2024-04-01",
	         {{"2024-07-01", "2024-09-30"},
	          {"2024-10-01", "2024-12-31"},
	          {"2025-01-01", "2025-03-31"},
	          {"2025-04-01", "2025-06-30"}}},
	        {"2024-06-30",
	         {{"2024-07-01", "2024-09-30"},
	          {"2024-10-01", "2024-12-31"},
	          {"2025-01-01", "2025-03-31"},
	          {"2025-04-01", "2025-06-30"}}},
	        {"2024-07-01",
	         {{"2024-10-01", "2024-12-31"},
	          {"2025-01-01", "2025-03-31"},
	          {"2025-04-01", "2025-06-30"},
	          {"2025-07-01", "2025-09-30"}}},
	        {"2024-09-30",
	         {{"2024-10-01", "2024-12-31"},
	          {"2025-01-01", "2025-03-31"},
	          {"2025-04-01", "2025-06-30"},
	          {"2025-07-01", "2025-09-30"}}},
	        {"2024-12-31",
	         {{"2025-01-01", "2025-03-31"},
	          {"2025-04-01", "2025-06-30"},
	          {"2025-07-01", "2025-09-30"},
	          {"2025-10-01", "2025-12-31"}}},
	};
	static const enum pw_exit_kind kinds[] = {PW_EXIT_REGULAR, PW_EXIT_SOFT};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		for (size_t k = 0; k < PW_ARRAY_LEN(kinds); k++) {
			struct pw_post_exit_quarter q[PW_POST_EXIT_QUARTERS];

			PW_CHECK(pw_post_exit_schedule(kinds[k], D(rows[i].exit), q) == 4,
			         "exit %s", rows[i].exit);
			for (int n = 0; n < 4; n++)
				PW_CHECK(q[n].number == n + 1 && q[n].first == D(rows[i].q[n][0]) &&
				                 q[n].last == D(rows[i].q[n][1]) &&
				                 q[n].index ==
				                         pw_quarter_index(D(rows[i].exit)) + n + 1,
				         "exit %s (%s), Q%d", rows[i].exit,
				         pw_exit_kind_code(kinds[k]), n + 1);
		}
	}
}

static void test_only_regular_and_soft_exits_have_quarters(void)
{
	struct pw_post_exit_quarter q[PW_POST_EXIT_QUARTERS];

	memset(q, 0x7F, sizeof(q));
	CU_ASSERT_TRUE(pw_post_exit_applies(PW_EXIT_REGULAR));
	CU_ASSERT_TRUE(pw_post_exit_applies(PW_EXIT_SOFT));
	CU_ASSERT_FALSE(pw_post_exit_applies(PW_EXIT_HARD));
	CU_ASSERT_FALSE(pw_post_exit_applies(PW_EXIT_NOT_ENROLLED));
	CU_ASSERT_EQUAL(pw_post_exit_schedule(PW_EXIT_HARD, D("2024-01-01"), q), 0);
	CU_ASSERT_EQUAL(pw_post_exit_schedule(PW_EXIT_NOT_ENROLLED, D("2024-01-01"), q), 0);
	CU_ASSERT_EQUAL(pw_post_exit_schedule(PW_EXIT_SOFT, PW_DATE_NONE, q), 0);
	CU_ASSERT_EQUAL(q[0].number, 0x7F7F7F7F);
	CU_ASSERT_EQUAL(pw_post_exit_quarter(D("2024-01-01"), 0, q), PW_ERR_INVALID);
	CU_ASSERT_EQUAL(pw_post_exit_quarter(D("2024-01-01"), 5, q), PW_ERR_INVALID);
}

static void test_outcome_and_source_codes(void)
{
	static const struct {
		const char *code, *label;
		bool job, employed;
	} outcomes[] = {
	        {"employed", "Employed", true, true},
	        {"employed_registered_apprenticeship", "Employed in a Registered Apprenticeship",
	         true, true},
	        {"military", "Entered military service", false, true},
	        {"education_training", "In education or training", false, false},
	        {"not_employed", "Not employed", false, false},
	        {"not_yet_known", "Not yet known", false, false},
	};
	static const struct {
		const char *code, *label;
	} sources[] = {
	        {"ui_wage_match", "UI wage match"},
	        {"federal_military_records", "Federal or military records"},
	        {"pay_stub", "Pay stub"},
	        {"employer_verification", "Employer verification"},
	        {"other", "Other"},
	};
	enum pw_post_exit_outcome o;
	enum pw_post_exit_source s;

	for (size_t i = 0; i < PW_ARRAY_LEN(outcomes); i++) {
		PW_CHECK(pw_post_exit_outcome_from_code(outcomes[i].code, &o) == PW_OK, "%s",
		         outcomes[i].code);
		CU_ASSERT_STRING_EQUAL(pw_post_exit_outcome_code(o), outcomes[i].code);
		CU_ASSERT_STRING_EQUAL(pw_post_exit_outcome_label(o), outcomes[i].label);
		PW_CHECK(pw_post_exit_outcome_needs_job(o) == outcomes[i].job, "%s",
		         outcomes[i].code);
		PW_CHECK(pw_post_exit_outcome_counts_as_employed(o) == outcomes[i].employed, "%s",
		         outcomes[i].code);
	}
	for (size_t i = 0; i < PW_ARRAY_LEN(sources); i++) {
		PW_CHECK(pw_post_exit_source_from_code(sources[i].code, &s) == PW_OK, "%s",
		         sources[i].code);
		CU_ASSERT_STRING_EQUAL(pw_post_exit_source_code(s), sources[i].code);
		CU_ASSERT_STRING_EQUAL(pw_post_exit_source_label(s), sources[i].label);
	}
	CU_ASSERT_EQUAL(pw_post_exit_outcome_from_code("Employed", &o), PW_ERR_INVALID);
	CU_ASSERT_EQUAL(pw_post_exit_source_from_code(NULL, &s), PW_ERR_INVALID);
}

/* Exit 2023-07-31 (regular): Q1 2023-10-01..2023-12-31, Q2 2024-01-01..03-31. */
static void test_filling_a_quarter(void)
{
	enum { NONE = -1 };
	const struct pw_post_exit_job jobs[] = {
	        {10, D("2023-09-30"), D("2023-09-30")}, /* one day, before Q1 */
	        {11, D("2023-08-30"), D("2023-10-01")}, /* ends on Q1's first day */
	        {12, D("2023-12-31"), PW_DATE_NONE},    /* starts on Q1's last day */
	        {13, D("2024-01-01"), PW_DATE_NONE},    /* starts the day after Q1 */
	};
	static const struct {
		const char *what;
		int quarter;
		const char *outcome;
		int64_t earnings; /* NONE: not given */
		const char *verified, *source;
		int64_t job;
		const char *as_of;
		int rc;
		const char *expect;
	} rows[] = {
	        {"employed, verified on the quarter's first day", 1, "employed", 520000,
	         "2023-10-01", "pay_stub", 11, "2023-10-01", PW_OK, ""},
	        {"filled before the quarter begins", 1, "employed", 520000, "2023-09-30",
	         "pay_stub", 11, "2023-09-30", PW_ERR_CONFLICT, "R-PEX-1:quarter"},
	        {"empty entry before the quarter begins", 2, "not_yet_known", NONE, NULL, NULL, 0,
	         "2023-09-30", PW_OK, ""},
	        {"not yet known once begun", 2, "not_yet_known", NONE, NULL, NULL, 0, "2024-01-01",
	         PW_OK, ""},
	        {"negative earnings", 1, "not_employed", -100, "2023-12-01", NULL, 0, "2024-01-15",
	         PW_ERR_INVALID, "R-PEX-1:earnings"},
	        {"zero earnings", 1, "not_employed", 0, "2023-12-01", NULL, 0, "2024-01-15", PW_OK,
	         ""},
	        {"verified in the future", 1, "not_employed", NONE, "2024-01-16", NULL, 0,
	         "2024-01-15", PW_ERR_INVALID, "R-DATE-4:verified_date"},
	        {"verified before the quarter", 2, "education_training", NONE, "2023-12-31", NULL,
	         0, "2024-01-15", PW_ERR_INVALID, "R-PEX-1:verified_date"},
	        {"known outcome without verified date", 1, "military", NONE, NULL,
	         "federal_military_records", 0, "2024-01-15", PW_ERR_INVALID,
	         "R-PEX-1:verified_date"},
	        {"employed without job and source", 1, "employed", 100, "2023-12-01", NULL, 0,
	         "2024-01-15", PW_ERR_INVALID, "R-PEX-1:verification_source,R-PEX-1:employment_id"},
	        {"job ended the day before the quarter", 1, "employed", 100, "2023-12-01",
	         "ui_wage_match", 10, "2024-01-15", PW_ERR_INVALID, "R-PEX-1:employment_id"},
	        {"job starting on the quarter's last day", 1, "employed_registered_apprenticeship",
	         100, "2023-12-31", "employer_verification", 12, "2024-01-15", PW_OK, ""},
	        {"job starting the day after the quarter", 1, "employed", 100, "2023-12-31",
	         "employer_verification", 13, "2024-01-15", PW_ERR_INVALID,
	         "R-PEX-1:employment_id"},
	        {"current job in a later quarter", 2, "employed", 100, "2024-03-31", "other", 13,
	         "2024-04-02", PW_OK, ""},
	        {"someone else's job", 1, "employed", 100, "2023-12-01", "pay_stub", 99,
	         "2024-01-15", PW_ERR_INVALID, "R-PEX-1:employment_id"},
	        {"education outcome referring to a job", 1, "education_training", NONE,
	         "2023-12-01", NULL, 11, "2024-01-15", PW_ERR_INVALID, "R-PEX-1:employment_id"},
	        {"quarter 5 does not exist", 5, "not_employed", NONE, "2023-12-01", NULL, 0,
	         "2025-01-15", PW_ERR_INVALID, "R-PEX-1:quarter"},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_post_exit_entry e = {.has_earnings = rows[i].earnings != NONE,
		                               .earnings_cents = rows[i].earnings,
		                               .verified = D(rows[i].verified),
		                               .has_source = rows[i].source != NULL,
		                               .job_id = rows[i].job};
		struct pw_violations v;
		char got[256];
		int rc;

		CU_ASSERT_EQUAL(pw_post_exit_outcome_from_code(rows[i].outcome, &e.outcome), PW_OK);
		if (rows[i].source)
			CU_ASSERT_EQUAL(pw_post_exit_source_from_code(rows[i].source, &e.source),
			                PW_OK);
		pw_violations_init(&v);
		rc = pw_post_exit_validate(PW_EXIT_REGULAR, D("2023-07-31"), rows[i].quarter, &e,
		                           jobs, PW_ARRAY_LEN(jobs), D(rows[i].as_of), &v);
		pw_unit_violations(&v, got, sizeof(got));
		PW_CHECK(rc == rows[i].rc, "%s: rc %d", rows[i].what, rc);
		PW_CHECK(strcmp(got, rows[i].expect) == 0, "%s: got \"%s\"", rows[i].what, got);
	}
}

static void test_hard_exit_has_no_quarter_to_fill(void)
{
	struct pw_post_exit_entry e = {.outcome = PW_POST_EXIT_NOT_EMPLOYED,
	                               .verified = D("2024-01-02")};
	struct pw_violations v;

	pw_violations_init(&v);
	CU_ASSERT_EQUAL(pw_post_exit_validate(PW_EXIT_HARD, D("2023-07-31"), 1, &e, NULL, 0,
	                                      D("2024-01-15"), &v),
	                PW_ERR_CONFLICT);
	CU_ASSERT_EQUAL(pw_post_exit_validate(PW_EXIT_NOT_ENROLLED, D("2023-07-31"), 1, &e, NULL, 0,
	                                      D("2024-01-15"), &v),
	                PW_ERR_CONFLICT);
	CU_ASSERT_EQUAL(v.n, 2);
	e.outcome = (enum pw_post_exit_outcome)77;
	pw_violations_init(&v);
	CU_ASSERT_EQUAL(pw_post_exit_validate(PW_EXIT_SOFT, D("2023-07-31"), 1, &e, NULL, 0,
	                                      D("2024-01-15"), &v),
	                PW_ERR_INVALID);
	CU_ASSERT_STRING_EQUAL(v.items[0].field, "outcome");
}

/* R-EXIT-7: an undo removes only quarters that hold no data. */
static void test_only_empty_quarters_are_removed_on_undo(void)
{
	struct pw_post_exit_entry empty = {.outcome = PW_POST_EXIT_NOT_YET_KNOWN,
	                                   .verified = PW_DATE_NONE};
	struct pw_post_exit_entry e;

	CU_ASSERT_TRUE(pw_post_exit_entry_is_empty(&empty));
	e = empty;
	e.outcome = PW_POST_EXIT_NOT_EMPLOYED;
	CU_ASSERT_FALSE(pw_post_exit_entry_is_empty(&e));
	e = empty;
	e.has_earnings = true;
	CU_ASSERT_FALSE(pw_post_exit_entry_is_empty(&e));
	e = empty;
	e.verified = D("2024-01-01");
	CU_ASSERT_FALSE(pw_post_exit_entry_is_empty(&e));
	e = empty;
	e.has_source = true;
	CU_ASSERT_FALSE(pw_post_exit_entry_is_empty(&e));
	e = empty;
	e.job_id = 5;
	CU_ASSERT_FALSE(pw_post_exit_entry_is_empty(&e));
}

static const struct pw_unit_test tests[] = {
        {"four calendar quarters after exit, including exits on quarter and PY boundaries",
         test_four_quarters_after_exit},
        {"only regular and soft exits create post-exit quarters",
         test_only_regular_and_soft_exits_have_quarters},
        {"outcome and verification source codes and labels", test_outcome_and_source_codes},
        {"filling a quarter: not before it begins, earnings >= 0, verified date, overlapping job",
         test_filling_a_quarter},
        {"hard and not-enrolled exits have no quarter to fill; unknown outcomes are refused",
         test_hard_exit_has_no_quarter_to_fill},
        {"undoing an exit removes only quarters without data",
         test_only_empty_quarters_are_removed_on_undo},
};

int main(void)
{
	return pw_unit_run("post_exit", tests, PW_ARRAY_LEN(tests));
}
