/*
 * test_credential.c: unit tests for rules/credential.c (R-CRED-1, R-DATE-4):
 * the dropdown lists, the one-year window after exit (leap days included),
 * required fields, the region's agency code and the linked service.
 */
#include <string.h>

#include "unit_main.h"
#include "rules/credential.h"

/* The violation of v on field, or NULL. */
static const struct pw_violation *on_field(const struct pw_violations *v, const char *field)
{
	for (size_t i = 0; i < v->n; i++)
		if (v->items[i].field != NULL && strcmp(v->items[i].field, field) == 0)
			return &v->items[i];
	return NULL;
}

/* A credential that passes against base_context(): the seed 003 record. */
static struct pw_credential good_credential(void)
{
	struct pw_credential c = {
	        .type = PW_CRED_OCCUPATIONAL_CERTIFICATE,
	        .title = "Certified Nursing Assistant",
	        .institution = "Los Angeles Trade-Technical College",
	        .source = PW_CRED_SOURCE_CERTIFICATE,
	        .date_attained = pw_unit_date("2015-08-08"),
	        .experience_in_field = PW_ANSWER_YES,
	        .agency_code = "LA-042",
	};
	return c;
}

/* Seed 003: participation and exit on 8/18/2014, maximum date 8/18/2015. */
static struct pw_credential_context base_context(void)
{
	struct pw_credential_context ctx = {
	        .participation_date = pw_unit_date("2014-08-18"),
	        .exit_date = pw_unit_date("2014-08-18"),
	        .as_of = pw_unit_date("2016-01-04"),
	        .agency_code_required = true,
	        .service_link = PW_CRED_LINK_SAME_ENROLLMENT,
	};
	return ctx;
}

static void test_type_labels(void)
{
	static const struct {
		enum pw_credential_type type;
		const char *code;
		const char *label;
	} rows[] = {
	        {PW_CRED_SECONDARY_DIPLOMA, "secondary_diploma", "H.S. Diploma/Equivalency/G.E.D."},
	        {PW_CRED_AA_AS, "aa_as", "A.A. or A.S. Diploma/Degree"},
	        {PW_CRED_BA_BS, "ba_bs", "B.A. or B.S. Diploma/Degree"},
	        {PW_CRED_OCCUPATIONAL_LICENSE, "occupational_license",
	         "Occupational Skills License"},
	        {PW_CRED_OCCUPATIONAL_CERTIFICATE, "occupational_certificate",
	         "Occupational Skills Certificate or Credential"},
	        {PW_CRED_OTHER, "other", "Other Recognized Diploma, Degree, or Certificate"},
	        {PW_CRED_OCCUPATIONAL_CERTIFICATION, "occupational_certification",
	         "Occupational Certification"},
	        {PW_CRED_GRADUATE, "graduate", "Graduate/Post Graduate"},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		enum pw_credential_type t = PW_CRED_TYPE_NONE;

		PW_CHECK(strcmp(pw_credential_type_code(rows[i].type), rows[i].code) == 0,
		         "row %zu", i);
		PW_CHECK(strcmp(pw_credential_type_label(rows[i].type), rows[i].label) == 0,
		         "row %zu label %s", i, pw_credential_type_label(rows[i].type));
		PW_CHECK(pw_credential_type_from_code(rows[i].code, &t) == PW_OK &&
		                 t == rows[i].type,
		         "row %zu from code", i);
		PW_CHECK(pw_credential_type_valid(rows[i].type), "row %zu valid", i);
	}
}

static void test_source_labels(void)
{
	static const struct {
		enum pw_credential_source source;
		const char *code;
		const char *label;
	} rows[] = {
	        {PW_CRED_SOURCE_CREDENTIAL, "copy_of_credential", "Copy of Credential"},
	        {PW_CRED_SOURCE_DIPLOMA, "copy_of_diploma", "Copy of Diploma"},
	        {PW_CRED_SOURCE_CERTIFICATE, "copy_of_certificate", "Copy of Certificate"},
	        {PW_CRED_SOURCE_DEGREE, "copy_of_degree", "Copy of Degree"},
	        {PW_CRED_SOURCE_GRADUATION_LIST, "copy_of_graduation_list",
	         "Copy of Graduation List"},
	        {PW_CRED_SOURCE_TRANSCRIPT, "written_verification_of_transcript",
	         "Written Verification of Transcript"},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		enum pw_credential_source s = PW_CRED_SOURCE_NONE;

		PW_CHECK(strcmp(pw_credential_source_code(rows[i].source), rows[i].code) == 0,
		         "row %zu", i);
		PW_CHECK(strcmp(pw_credential_source_label(rows[i].source), rows[i].label) == 0,
		         "row %zu", i);
		PW_CHECK(pw_credential_source_from_code(rows[i].code, &s) == PW_OK &&
		                 s == rows[i].source,
		         "row %zu from code", i);
	}
}

static void test_unknown_codes(void)
{
	static const char *const bad[] = {"", "Other", "other ", "secondary", "copy_of_", NULL};
	enum pw_credential_type t = PW_CRED_GRADUATE;
	enum pw_credential_source s = PW_CRED_SOURCE_DEGREE;

	for (size_t i = 0; i < PW_ARRAY_LEN(bad); i++) {
		PW_CHECK(pw_credential_type_from_code(bad[i], &t) == PW_ERR_INVALID, "row %zu", i);
		PW_CHECK(pw_credential_source_from_code(bad[i], &s) == PW_ERR_INVALID, "row %zu",
		         i);
	}
	PW_CHECK(t == PW_CRED_GRADUATE && s == PW_CRED_SOURCE_DEGREE, "outputs were touched");
	PW_CHECK(strcmp(pw_credential_type_code(PW_CRED_TYPE_NONE), "") == 0, "NONE has no code");
	PW_CHECK(strcmp(pw_credential_type_label((enum pw_credential_type)99), "") == 0,
	         "out of range has no label");
	PW_CHECK(!pw_credential_type_valid(PW_CRED_TYPE_NONE), "NONE is not valid");
	PW_CHECK(!pw_credential_source_valid((enum pw_credential_source) - 1), "-1 is not valid");
}

static void test_last_allowed(void)
{
	static const struct {
		const char *exit;
		const char *last;
	} rows[] = {
	        {"2014-08-18", "2015-08-18"}, /* seed 003 */
	        {"2024-02-29", "2025-02-28"}, /* leap day: never Mar 1, never more than a year */
	        {"2020-02-29", "2021-02-28"},
	        {"2023-02-28", "2024-02-28"}, /* into a leap year: still the 28th */
	        {"2023-03-01", "2024-03-01"},
	        {"2019-12-31", "2020-12-31"},
	        {"2023-06-30", "2024-06-30"},
	        {NULL, NULL}, /* not exited: no limit */
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		pw_date got = pw_credential_last_allowed(pw_unit_date(rows[i].exit));
		char buf[PW_DATE_STRLEN] = "";

		if (got != PW_DATE_NONE)
			pw_date_format(got, buf);
		PW_CHECK(got == pw_unit_date(rows[i].last), "exit %s: got %s, want %s",
		         rows[i].exit ? rows[i].exit : "none", buf,
		         rows[i].last ? rows[i].last : "none");
	}
}

/* R-CRED-1 / R-DATE-4 at the edges of the window. */
static void test_window_edges(void)
{
	static const struct {
		const char *participation;
		const char *exit;
		const char *as_of;
		const char *date;
		const char *rule;   /* expected rule on date_attained, NULL = accepted */
		const char *naming; /* a date the message must name */
	} rows[] = {
	        {"2014-08-18", "2014-08-18", "2016-01-04", "2014-08-17", "R-CRED-1", "2014-08-18"},
	        {"2014-08-18", "2014-08-18", "2016-01-04", "2014-08-18", NULL, NULL},
	        {"2014-08-18", "2014-08-18", "2016-01-04", "2015-08-18", NULL, NULL},
	        {"2014-08-18", "2014-08-18", "2016-01-04", "2015-08-19", "R-CRED-1", "2015-08-18"},
	        {"2023-09-01", "2024-02-29", "2026-01-05", "2025-02-28", NULL, NULL},
	        {"2023-09-01", "2024-02-29", "2026-01-05", "2025-03-01", "R-CRED-1", "2025-02-28"},
	        /* Still enrolled: no upper limit but today. */
	        {"2023-09-01", NULL, "2024-05-20", "2024-05-20", NULL, NULL},
	        {"2023-09-01", NULL, "2024-05-20", "2024-05-21", "R-DATE-4", "2024-05-20"},
	        /* Inside the window but after today. */
	        {"2023-09-01", "2024-01-10", "2024-03-01", "2024-03-02", "R-DATE-4", "2024-03-01"},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_credential c = good_credential();
		struct pw_credential_context ctx = base_context();
		struct pw_violations v;
		const struct pw_violation *got;
		int rc;

		ctx.participation_date = pw_unit_date(rows[i].participation);
		ctx.exit_date = pw_unit_date(rows[i].exit);
		ctx.as_of = pw_unit_date(rows[i].as_of);
		c.date_attained = pw_unit_date(rows[i].date);
		pw_violations_init(&v);
		rc = pw_credential_validate(&c, &ctx, NULL, &v);
		got = on_field(&v, "date_attained");
		if (rows[i].rule == NULL) {
			PW_CHECK(rc == PW_OK && v.n == 0, "row %zu (%s) refused: %s", i,
			         rows[i].date, v.n ? v.items[0].message : "");
			continue;
		}
		PW_CHECK(rc == PW_ERR_INVALID && got != NULL, "row %zu (%s) accepted", i,
		         rows[i].date);
		if (got == NULL)
			continue;
		PW_CHECK(strcmp(got->rule, rows[i].rule) == 0, "row %zu rule %s", i, got->rule);
		PW_CHECK(strstr(got->message, rows[i].naming) != NULL, "row %zu message: %s", i,
		         got->message);
		PW_CHECK(v.n == 1, "row %zu: %zu violations", i, v.n);
	}
}

static void test_day_after_window(void)
{
	struct pw_credential c = good_credential();
	struct pw_credential_context ctx = base_context();
	struct pw_credential_window w = {0, 0};
	struct pw_violations v;
	const struct pw_violation *got;

	c.date_attained = pw_unit_date("2015-08-19");
	pw_violations_init(&v);
	CU_ASSERT_EQUAL(pw_credential_validate(&c, &ctx, &w, &v), PW_ERR_INVALID);
	CU_ASSERT_EQUAL(w.first, pw_unit_date("2014-08-18"));
	CU_ASSERT_EQUAL(w.last_allowed, pw_unit_date("2015-08-18"));
	got = on_field(&v, "date_attained");
	CU_ASSERT_PTR_NOT_NULL_FATAL(got);
	CU_ASSERT_STRING_EQUAL(got->rule, "R-CRED-1");
	PW_CHECK(strstr(got->message, "2015-08-19") != NULL, "%s", got->message);
	PW_CHECK(strstr(got->message, "2015-08-18") != NULL, "%s", got->message);
	PW_CHECK(strstr(got->message, "2014-08-18") != NULL, "%s", got->message);
}

static void test_seed_record_passes(void)
{
	struct pw_credential c = good_credential();
	struct pw_credential_context ctx = base_context();
	struct pw_credential_window w;
	struct pw_violations v;

	pw_violations_init(&v);
	CU_ASSERT_EQUAL(pw_credential_validate(&c, &ctx, &w, &v), PW_OK);
	CU_ASSERT_EQUAL(v.n, 0);
	CU_ASSERT_EQUAL(w.last_allowed, pw_unit_date("2015-08-18"));
	/* The window while still enrolled has no upper limit. */
	ctx.exit_date = PW_DATE_NONE;
	pw_violations_init(&v);
	CU_ASSERT_EQUAL(pw_credential_validate(&c, &ctx, &w, &v), PW_OK);
	CU_ASSERT_EQUAL(w.last_allowed, PW_DATE_NONE);
}

static void test_empty_record_names_fields(void)
{
	static const char *const fields[] = {"type",   "title",       "institution",
	                                     "source", "agency_code", "date_attained"};
	struct pw_credential c;
	struct pw_credential_context ctx = base_context();
	struct pw_violations v;

	memset(&c, 0, sizeof(c));
	c.date_attained = PW_DATE_NONE;
	c.title = " \t";
	pw_violations_init(&v);
	CU_ASSERT_EQUAL(pw_credential_validate(&c, &ctx, NULL, &v), PW_ERR_INVALID);
	for (size_t i = 0; i < PW_ARRAY_LEN(fields); i++) {
		const struct pw_violation *got = on_field(&v, fields[i]);

		PW_CHECK(got != NULL, "no violation on %s", fields[i]);
		if (got != NULL)
			PW_CHECK(strcmp(got->rule, "R-CRED-1") == 0, "%s: %s", fields[i],
			         got->rule);
	}
	CU_ASSERT_EQUAL(v.n, PW_ARRAY_LEN(fields));
}

static void test_other_needs_text(void)
{
	static const struct {
		enum pw_credential_type type;
		const char *other;
		bool refused;
	} rows[] = {
	        {PW_CRED_OTHER, NULL, true},
	        {PW_CRED_OTHER, "   ", true},
	        {PW_CRED_OTHER, "Forklift operator card", false},
	        {PW_CRED_OCCUPATIONAL_LICENSE, NULL, false},
	        {PW_CRED_OCCUPATIONAL_LICENSE, "ignored for this type", false},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_credential c = good_credential();
		struct pw_credential_context ctx = base_context();
		struct pw_violations v;

		c.type = rows[i].type;
		c.other_credential = rows[i].other;
		pw_violations_init(&v);
		pw_credential_validate(&c, &ctx, NULL, &v);
		PW_CHECK((on_field(&v, "other_credential") != NULL) == rows[i].refused, "row %zu",
		         i);
		PW_CHECK(v.n == (rows[i].refused ? 1u : 0u), "row %zu: %zu violations", i, v.n);
	}
}

static void test_agency_code_by_region(void)
{
	static const struct {
		bool required;
		const char *code;
		bool refused;
	} rows[] = {
	        {true, NULL, true}, /* Los Angeles County */
	        {true, "", true},         {true, "LA-042", false},
	        {false, NULL, false}, /* any other region */
	        {false, "LA-042", false},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_credential c = good_credential();
		struct pw_credential_context ctx = base_context();
		struct pw_violations v;
		int rc;

		ctx.agency_code_required = rows[i].required;
		c.agency_code = rows[i].code;
		pw_violations_init(&v);
		rc = pw_credential_validate(&c, &ctx, NULL, &v);
		PW_CHECK((rc == PW_ERR_INVALID) == rows[i].refused, "row %zu rc %d", i, rc);
		PW_CHECK((on_field(&v, "agency_code") != NULL) == rows[i].refused, "row %zu", i);
	}
}

static void test_linked_service(void)
{
	static const struct {
		enum pw_credential_link link;
		bool required;
		bool refused;
	} rows[] = {
	        {PW_CRED_LINK_SAME_ENROLLMENT, true, false},
	        {PW_CRED_LINK_SAME_ENROLLMENT, false, false},
	        {PW_CRED_LINK_OTHER_ENROLLMENT, false, true},
	        {PW_CRED_LINK_OTHER_ENROLLMENT, true, true},
	        {PW_CRED_LINK_NONE, false, false}, /* CalJOBS: linking is optional */
	        {PW_CRED_LINK_NONE, true, true},   /* workNet: added from the service */
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_credential c = good_credential();
		struct pw_credential_context ctx = base_context();
		struct pw_violations v;

		ctx.service_link = rows[i].link;
		ctx.service_required = rows[i].required;
		pw_violations_init(&v);
		pw_credential_validate(&c, &ctx, NULL, &v);
		PW_CHECK((on_field(&v, "service_id") != NULL) == rows[i].refused, "row %zu", i);
		PW_CHECK(v.n == (rows[i].refused ? 1u : 0u), "row %zu: %zu violations", i, v.n);
	}
}

static void test_overlong_text(void)
{
	char title[PW_CREDENTIAL_TEXT_MAX + 2];
	struct pw_credential c = good_credential();
	struct pw_credential_context ctx = base_context();
	struct pw_violations v;

	memset(title, 'x', sizeof(title) - 1);
	title[sizeof(title) - 1] = '\0'; /* one byte over the limit */
	c.title = title;
	pw_violations_init(&v);
	CU_ASSERT_EQUAL(pw_credential_validate(&c, &ctx, NULL, &v), PW_ERR_INVALID);
	CU_ASSERT_PTR_NOT_NULL(on_field(&v, "title"));
	title[PW_CREDENTIAL_TEXT_MAX] = '\0'; /* exactly the limit */
	pw_violations_init(&v);
	CU_ASSERT_EQUAL(pw_credential_validate(&c, &ctx, NULL, &v), PW_OK);
}

static void test_no_participation_date(void)
{
	struct pw_credential c = good_credential();
	struct pw_credential_context ctx = base_context();
	struct pw_violations v;

	ctx.participation_date = PW_DATE_NONE;
	pw_violations_init(&v);
	CU_ASSERT_EQUAL(pw_credential_validate(&c, &ctx, NULL, &v), PW_ERR_INVALID);
	CU_ASSERT_PTR_NOT_NULL(on_field(&v, "participation_date"));
}

static void test_in_window(void)
{
	static const struct {
		const char *date;
		const char *participation;
		const char *exit;
		bool in;
	} rows[] = {
	        {"2014-08-18", "2014-08-18", "2014-08-18", true},
	        {"2014-08-17", "2014-08-18", "2014-08-18", false},
	        {"2015-08-18", "2014-08-18", "2014-08-18", true},
	        {"2015-08-19", "2014-08-18", "2014-08-18", false},
	        {"2025-02-28", "2023-01-01", "2024-02-29", true},
	        {"2025-03-01", "2023-01-01", "2024-02-29", false},
	        {"2030-01-01", "2023-01-01", NULL, true}, /* not exited */
	        {NULL, "2023-01-01", NULL, false},        /* no date */
	        {"2023-05-01", NULL, NULL, false},        /* no participation */
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++)
		PW_CHECK(pw_credential_in_window(pw_unit_date(rows[i].date),
		                                 pw_unit_date(rows[i].participation),
		                                 pw_unit_date(rows[i].exit)) == rows[i].in,
		         "row %zu", i);
}

static const struct pw_unit_test tests[] = {
        {"credential types carry the workNet dropdown labels and round-trip their codes",
         test_type_labels},
        {"credential sources carry the workNet dropdown labels and round-trip their codes",
         test_source_labels},
        {"unknown, empty or NULL codes are refused and leave the output untouched",
         test_unknown_codes},
        {"the last allowed date is one year after exit, and a Feb 29 exit ends on Feb 28",
         test_last_allowed},
        {"credential dates on each edge of participation, the year after exit and today",
         test_window_edges},
        {"a credential dated 2015-08-19 after a 2014-08-18 exit is refused naming 2015-08-18's "
         "limit",
         test_day_after_window},
        {"the seed 003 credential passes and the window is handed back", test_seed_record_passes},
        {"an empty credential is refused naming type, title, institution, source, agency code, "
         "date",
         test_empty_record_names_fields},
        {"an 'other' credential needs the other-credential text; other types do not",
         test_other_needs_text},
        {"the agency code is required only where the region says so", test_agency_code_by_region},
        {"a service of another enrollment is refused; a workNet profile needs a linked service",
         test_linked_service},
        {"a title one byte over the limit is refused, one at the limit passes", test_overlong_text},
        {"an enrollment without a participation date cannot date a credential",
         test_no_participation_date},
        {"the window predicate used by the indicators matches the validation", test_in_window},
};

int main(void)
{
	return pw_unit_run("credential", tests, PW_ARRAY_LEN(tests));
}
