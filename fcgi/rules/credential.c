/*
 * credential.c: credential types, sources, the one-year window after exit and
 * the validation of a credential record (R-CRED-1, R-DATE-4). See
 * credential.h for the contracts.
 */
#include "pw.h"
#include "rules/credential.h"

#include <string.h>

struct code_row {
	const char *code;
	const char *label;
};

/* Labels exactly as the workNet "Credential Type" dropdown shows them. */
static const struct code_row types[] = {
        [PW_CRED_TYPE_NONE] = {NULL, NULL},
        [PW_CRED_SECONDARY_DIPLOMA] = {"secondary_diploma", "H.S. Diploma/Equivalency/G.E.D."},
        [PW_CRED_AA_AS] = {"aa_as", "A.A. or A.S. Diploma/Degree"},
        [PW_CRED_BA_BS] = {"ba_bs", "B.A. or B.S. Diploma/Degree"},
        [PW_CRED_OCCUPATIONAL_LICENSE] = {"occupational_license", "Occupational Skills License"},
        [PW_CRED_OCCUPATIONAL_CERTIFICATE] = {"occupational_certificate",
                                              "Occupational Skills Certificate or Credential"},
        [PW_CRED_OTHER] = {"other", "Other Recognized Diploma, Degree, or Certificate"},
        [PW_CRED_OCCUPATIONAL_CERTIFICATION] = {"occupational_certification",
                                                "Occupational Certification"},
        [PW_CRED_GRADUATE] = {"graduate", "Graduate/Post Graduate"},
};

/* Labels exactly as the workNet "Credential Source" dropdown shows them. */
static const struct code_row sources[] = {
        [PW_CRED_SOURCE_NONE] = {NULL, NULL},
        [PW_CRED_SOURCE_CREDENTIAL] = {"copy_of_credential", "Copy of Credential"},
        [PW_CRED_SOURCE_DIPLOMA] = {"copy_of_diploma", "Copy of Diploma"},
        [PW_CRED_SOURCE_CERTIFICATE] = {"copy_of_certificate", "Copy of Certificate"},
        [PW_CRED_SOURCE_DEGREE] = {"copy_of_degree", "Copy of Degree"},
        [PW_CRED_SOURCE_GRADUATION_LIST] = {"copy_of_graduation_list", "Copy of Graduation List"},
        [PW_CRED_SOURCE_TRANSCRIPT] = {"written_verification_of_transcript",
                                       "Written Verification of Transcript"},
};

static const struct code_row *row_of(const struct code_row *table, size_t n, int v)
{
	if (v <= 0 || (size_t)v >= n)
		return NULL;
	return &table[v];
}

static int index_of(const struct code_row *table, size_t n, const char *code)
{
	if (code == NULL)
		return -1;
	for (size_t i = 1; i < n; i++)
		if (strcmp(table[i].code, code) == 0)
			return (int)i;
	return -1;
}

bool pw_credential_type_valid(enum pw_credential_type t)
{
	return row_of(types, PW_ARRAY_LEN(types), (int)t) != NULL;
}

const char *pw_credential_type_code(enum pw_credential_type t)
{
	const struct code_row *r = row_of(types, PW_ARRAY_LEN(types), (int)t);
	return r ? r->code : "";
}

const char *pw_credential_type_label(enum pw_credential_type t)
{
	const struct code_row *r = row_of(types, PW_ARRAY_LEN(types), (int)t);
	return r ? r->label : "";
}

int pw_credential_type_from_code(const char *code, enum pw_credential_type *out)
{
	int i = index_of(types, PW_ARRAY_LEN(types), code);
	if (i < 0)
		return PW_ERR_INVALID;
	*out = (enum pw_credential_type)i;
	return PW_OK;
}

bool pw_credential_source_valid(enum pw_credential_source s)
{
	return row_of(sources, PW_ARRAY_LEN(sources), (int)s) != NULL;
}

const char *pw_credential_source_code(enum pw_credential_source s)
{
	const struct code_row *r = row_of(sources, PW_ARRAY_LEN(sources), (int)s);
	return r ? r->code : "";
}

const char *pw_credential_source_label(enum pw_credential_source s)
{
	const struct code_row *r = row_of(sources, PW_ARRAY_LEN(sources), (int)s);
	return r ? r->label : "";
}

int pw_credential_source_from_code(const char *code, enum pw_credential_source *out)
{
	int i = index_of(sources, PW_ARRAY_LEN(sources), code);
	if (i < 0)
		return PW_ERR_INVALID;
	*out = (enum pw_credential_source)i;
	return PW_OK;
}

pw_date pw_credential_last_allowed(pw_date exit_date)
{
	/* R-CRED-1: pw_date_add_years maps Feb 29 to Feb 28 of a common year,
	 * which is the choice documented in credential.h. */
	if (!pw_date_is_valid(exit_date))
		return PW_DATE_NONE;
	return pw_date_add_years(exit_date, 1);
}

bool pw_credential_in_window(pw_date d, pw_date participation_date, pw_date exit_date)
{
	pw_date last = pw_credential_last_allowed(exit_date);

	if (!pw_date_is_valid(d) || !pw_date_is_valid(participation_date))
		return false;
	if (d < participation_date)
		return false;
	return last == PW_DATE_NONE || d <= last;
}

/* True when s (NUL-terminated, may be NULL) holds no visible character. */
static bool is_blank(const char *s)
{
	if (s == NULL)
		return true;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			return false;
	return true;
}

/* Checks one text field: required (when asked) and no longer than max bytes. */
static void check_text(struct pw_violations *v, const char *field, const char *s, size_t max,
                       bool required, const char *what)
{
	if (is_blank(s)) {
		if (required)
			pw_violation_add(v, "R-CRED-1", field, "Enter the %s.", what);
		return;
	}
	if (strlen(s) > max)
		pw_violation_add(v, "R-CRED-1", field, "The %s is longer than %zu characters.",
		                 what, max);
}

/* R-CRED-1, R-DATE-4: the date rules, given a known participation date. */
static void check_date(const struct pw_credential *c, const struct pw_credential_context *ctx,
                       pw_date last, struct pw_violations *v)
{
	char d[PW_DATE_STRLEN], lim[PW_DATE_STRLEN], ex[PW_DATE_STRLEN];

	if (!pw_date_is_valid(c->date_attained)) {
		pw_violation_add(v, "R-CRED-1", "date_attained",
		                 "Enter the date the credential was received.");
		return;
	}
	pw_date_format(c->date_attained, d);
	if (c->date_attained < ctx->participation_date) {
		pw_date_format(ctx->participation_date, lim);
		pw_violation_add(v, "R-CRED-1", "date_attained",
		                 "The credential date %s is before the participation date %s.", d,
		                 lim);
	}
	if (last != PW_DATE_NONE && c->date_attained > last) {
		pw_date_format(last, lim);
		pw_date_format(ctx->exit_date, ex);
		pw_violation_add(v, "R-CRED-1", "date_attained",
		                 "The credential date %s is after %s, the last date allowed one "
		                 "year after the exit on %s.",
		                 d, lim, ex);
	}
	if (pw_date_is_valid(ctx->as_of) && c->date_attained > ctx->as_of) {
		pw_date_format(ctx->as_of, lim);
		pw_violation_add(v, "R-DATE-4", "date_attained",
		                 "The credential date %s is in the future (today is %s).", d, lim);
	}
}

int pw_credential_validate(const struct pw_credential *c, const struct pw_credential_context *ctx,
                           struct pw_credential_window *window, struct pw_violations *v)
{
	size_t before = v->n + v->dropped;
	pw_date last = pw_credential_last_allowed(ctx->exit_date);

	if (window != NULL) {
		window->first = pw_date_is_valid(ctx->participation_date) ? ctx->participation_date
		                                                          : PW_DATE_NONE;
		window->last_allowed = last;
	}

	if (row_of(types, PW_ARRAY_LEN(types), (int)c->type) == NULL)
		pw_violation_add(v, "R-CRED-1", "type", "Select the credential type.");
	else if (c->type == PW_CRED_OTHER)
		check_text(v, "other_credential", c->other_credential, PW_CREDENTIAL_TEXT_MAX, true,
		           "other credential");
	if (c->type != PW_CRED_OTHER)
		check_text(v, "other_credential", c->other_credential, PW_CREDENTIAL_TEXT_MAX,
		           false, "other credential");
	check_text(v, "title", c->title, PW_CREDENTIAL_TEXT_MAX, true, "title of the credential");
	check_text(v, "institution", c->institution, PW_CREDENTIAL_TEXT_MAX, true,
	           "institution where the credential was earned");
	if (row_of(sources, PW_ARRAY_LEN(sources), (int)c->source) == NULL)
		pw_violation_add(v, "R-CRED-1", "source",
		                 "Select the credential source that verifies it.");
	if (c->experience_in_field != PW_ANSWER_NONE &&
	    !pw_education_answer_valid(c->experience_in_field))
		pw_violation_add(v, "R-CRED-1", "experience_in_field", "Answer yes or no.");
	/* R-CRED-1 (profile): Los Angeles County requires the agency code. */
	check_text(v, "agency_code", c->agency_code, PW_CREDENTIAL_AGENCY_CODE_MAX,
	           ctx->agency_code_required, "agency code");

	if (ctx->service_link == PW_CRED_LINK_OTHER_ENROLLMENT)
		pw_violation_add(v, "R-CRED-1", "service_id",
		                 "The linked service belongs to another enrollment.");
	else if (ctx->service_link == PW_CRED_LINK_NONE && ctx->service_required)
		pw_violation_add(v, "R-CRED-1", "service_id",
		                 "Select the service for which the credential was earned.");

	if (!pw_date_is_valid(ctx->participation_date))
		pw_violation_add(v, "R-CRED-1", "participation_date",
		                 "The enrollment has no participation date, so no credential "
		                 "can be dated.");
	else
		check_date(c, ctx, last, v);

	return v->n + v->dropped == before ? PW_OK : PW_ERR_INVALID;
}
