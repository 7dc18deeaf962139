/*
 * auth.c: credential primitives (see auth.h).
 */
#include "auth.h"

#include "config.h"
#include "pw.h"

#include <ctype.h>
#include <liboath/oath.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define TOTP_STEP 30
#define TOTP_DIGITS 6

int pw_auth_init(void)
{
	if (sodium_init() < 0)
		return PW_ERR_IO;
	if (oath_init() != OATH_OK)
		return PW_ERR_IO;
	return PW_OK;
}

void pw_auth_done(void)
{
	oath_done();
}

static unsigned long long memlimit(const struct pw_config *cfg)
{
	return (unsigned long long)cfg->password_memlimit_kib * 1024ULL;
}

int pw_auth_hash_password(const struct pw_config *cfg, const char *pw, size_t len,
			  char out[PW_PASSWORD_HASH_MAX], char params[64])
{
	char str[crypto_pwhash_STRBYTES];

	if (crypto_pwhash_str_alg(str, pw, len, (unsigned long long)cfg->password_opslimit,
				  (size_t)memlimit(cfg), crypto_pwhash_ALG_ARGON2ID13) != 0)
		return PW_ERR_NOMEM;
	if (strlen(str) >= PW_PASSWORD_HASH_MAX)
		return PW_ERR_INVALID;
	memcpy(out, str, strlen(str) + 1);
	snprintf(params, 64, "m=%d,t=%d,p=1", cfg->password_memlimit_kib, cfg->password_opslimit);
	return PW_OK;
}

int pw_auth_verify_password(const char *hash, const char *pw, size_t len)
{
	return crypto_pwhash_str_verify(hash, pw, len) == 0 ? PW_OK : PW_ERR_UNAUTHORIZED;
}

int pw_auth_needs_rehash(const struct pw_config *cfg, const char *hash)
{
	return crypto_pwhash_str_needs_rehash(hash, (unsigned long long)cfg->password_opslimit,
					      (size_t)memlimit(cfg)) != 0;
}

void pw_auth_burn_verify(const struct pw_config *cfg, const char *pw, size_t len)
{
	unsigned char out[32], salt[crypto_pwhash_SALTBYTES] = {0};

	/* Same algorithm and cost as a real verification. */
	if (crypto_pwhash(out, sizeof(out), pw, len, salt,
			  (unsigned long long)cfg->password_opslimit, (size_t)memlimit(cfg),
			  crypto_pwhash_ALG_ARGON2ID13) != 0)
		return;
	sodium_memzero(out, sizeof(out));
}

/* Passwords at least 12 characters long that lists of leaked passwords show
 * again and again; compared without regard to case. */
static const char *const common[] = {
	"123456789012", "1234567890123", "12345678901234", "123456123456", "111111111111",
	"000000000000", "123123123123", "987654321098", "password1234", "password12345",
	"password123!", "passwordpassword", "qwertyuiop12", "qwertyuiopas", "qwerty123456",
	"1q2w3e4r5t6y", "1qaz2wsx3edc", "zaq12wsxcde3", "iloveyou1234", "welcome12345",
	"welcome123456", "changeme1234", "letmein12345", "letmeinplease", "administrator",
	"admin1234567", "abcdefghijkl", "abc123abc123", "abcd1234abcd", "trustno1trustno1",
	"football1234", "baseball1234", "superman1234", "sunshine1234", "princess1234",
	"monkey123456", "dragon123456", "master123456", "whatever1234", "starwars1234",
	"passw0rd1234", "p@ssw0rd1234", "p@ssword1234", "summer2024!!", "winter2024!!",
	"spring2025!!", "autumn2025!!", "pathway12345", "pathway123456", "workforce123",
	"qwertyqwerty", "asdfghjklasd", "zxcvbnm12345", "temppassword", "temporary123",
	"defaultpassword", "secretpassword", "mypassword123", "newpassword123", "changemenow!",
};

int pw_auth_password_policy(const char *pw, size_t len, const char *login, char *why,
			    size_t whylen)
{
	size_t chars = 0, same = 1;

	for (size_t i = 0; i < len; i++)
		if (((unsigned char)pw[i] & 0xC0) != 0x80)
			chars++;
	if (memchr(pw, '\0', len)) {
		snprintf(why, whylen, "The password must not contain a NUL character.");
		return PW_ERR_INVALID;
	}
	if (chars < PW_PASSWORD_MIN) {
		snprintf(why, whylen, "The password must be at least %d characters long.",
			 PW_PASSWORD_MIN);
		return PW_ERR_INVALID;
	}
	if (len > PW_PASSWORD_MAX) {
		snprintf(why, whylen, "The password must be at most %d bytes long.",
			 PW_PASSWORD_MAX);
		return PW_ERR_INVALID;
	}
	for (size_t i = 1; i < len; i++)
		if (pw[i] == pw[0])
			same++;
	if (same == len) {
		snprintf(why, whylen, "The password must not repeat one character.");
		return PW_ERR_INVALID;
	}
	if (login && strlen(login) == len && !strncasecmp(pw, login, len)) {
		snprintf(why, whylen, "The password must not be the login name.");
		return PW_ERR_INVALID;
	}
	for (size_t i = 0; i < PW_ARRAY_LEN(common); i++)
		if (strlen(common[i]) == len && !strncasecmp(pw, common[i], len)) {
			snprintf(why, whylen,
				 "The password is on a list of commonly used passwords; choose "
				 "another.");
			return PW_ERR_INVALID;
		}
	return PW_OK;
}

int pw_auth_new_token(char out[PW_TOKEN_LEN + 1])
{
	unsigned char raw[32];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(out, PW_TOKEN_LEN + 1, raw, sizeof(raw),
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof(raw));
	return PW_OK;
}

void pw_auth_sha256(const void *p, size_t n, unsigned char out[PW_HASH_LEN])
{
	crypto_hash_sha256(out, p, n);
}

int pw_auth_equal(const char *a, size_t alen, const char *b, size_t blen)
{
	unsigned char da[PW_HASH_LEN], db[PW_HASH_LEN];

	/* Comparing digests keeps the time independent of both lengths. */
	crypto_hash_sha256(da, (const unsigned char *)a, alen);
	crypto_hash_sha256(db, (const unsigned char *)b, blen);
	return sodium_memcmp(da, db, PW_HASH_LEN) == 0 && alen == blen;
}

int pw_totp_new_secret(char out[PW_TOTP_SECRET_B32])
{
	char raw[20], *b32 = NULL;
	size_t n = 0;
	int rc = PW_ERR_NOMEM;

	randombytes_buf(raw, sizeof(raw));
	if (oath_base32_encode(raw, sizeof(raw), &b32, &n) != OATH_OK)
		goto out;
	/* 20 bytes are exactly 32 base32 characters: no padding. */
	if (n != 32)
		goto out;
	memcpy(out, b32, 32);
	out[32] = '\0';
	rc = PW_OK;
out:
	sodium_memzero(raw, sizeof(raw));
	if (b32) {
		sodium_memzero(b32, n);
		free(b32);
	}
	return rc;
}

/* Decodes the base32 secret into a malloc'd buffer. */
static int decode_secret(const char *b32, char **raw, size_t *n)
{
	return oath_base32_decode(b32, strlen(b32), raw, n) == OATH_OK ? PW_OK : PW_ERR_INVALID;
}

int pw_totp_verify(const char *secret_b32, const char *code, time_t now, long long last_step,
		   long long *step)
{
	char *raw = NULL;
	size_t n = 0;
	int pos = 0, r, rc;

	if (!code || strlen(code) != TOTP_DIGITS)
		return PW_ERR_INVALID;
	for (int i = 0; i < TOTP_DIGITS; i++)
		if (!isdigit((unsigned char)code[i]))
			return PW_ERR_INVALID;
	rc = decode_secret(secret_b32, &raw, &n);
	if (rc != PW_OK)
		return rc;
	/* A window of 1: the previous, current and next step (clock drift). */
	r = oath_totp_validate2(raw, n, now, TOTP_STEP, 0, 1, &pos, code);
	sodium_memzero(raw, n);
	free(raw);
	if (r < 0)
		return PW_ERR_UNAUTHORIZED;
	*step = (long long)(now / TOTP_STEP) + pos;
	if (*step <= last_step)
		return PW_ERR_UNAUTHORIZED; /* replay of a used code */
	return PW_OK;
}

int pw_totp_code(const char *secret_b32, time_t now, char out[7])
{
	char *raw = NULL;
	size_t n = 0;
	int r, rc = decode_secret(secret_b32, &raw, &n);

	if (rc != PW_OK)
		return rc;
	r = oath_totp_generate(raw, n, now, TOTP_STEP, 0, TOTP_DIGITS, out);
	sodium_memzero(raw, n);
	free(raw);
	return r == OATH_OK ? PW_OK : PW_ERR_INVALID;
}

/* Appends s percent-encoded (RFC 3986 unreserved characters kept). */
static size_t encode_into(char *out, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t k = 0;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
			out[k++] = (char)c;
		} else {
			out[k++] = '%';
			out[k++] = hex[c >> 4];
			out[k++] = hex[c & 15];
		}
	}
	out[k] = '\0';
	return k;
}

char *pw_totp_uri(const char *issuer, const char *login, const char *secret_b32)
{
	size_t cap = 3 * (2 * strlen(issuer) + strlen(login)) + strlen(secret_b32) + 128;
	char *out = malloc(cap), *p;

	if (!out)
		return NULL;
	p = out + sprintf(out, "otpauth://totp/");
	p += encode_into(p, issuer);
	p += sprintf(p, ":");
	p += encode_into(p, login);
	p += sprintf(p, "?secret=%s&issuer=", secret_b32);
	p += encode_into(p, issuer);
	sprintf(p, "&algorithm=SHA1&digits=%d&period=%d", TOTP_DIGITS, TOTP_STEP);
	return out;
}

int pw_recovery_code_new(char out[PW_RECOVERY_CODE_LEN + 3])
{
	static const char alphabet[] = "abcdefghjkmnpqrstuvwxyz23456789";
	size_t k = 0;

	for (int i = 0; i < PW_RECOVERY_CODE_LEN; i++) {
		if (i && i % 4 == 0)
			out[k++] = '-';
		out[k++] = alphabet[randombytes_uniform(sizeof(alphabet) - 1)];
	}
	out[k] = '\0';
	return PW_OK;
}

int pw_recovery_code_hash(const char *typed, unsigned char out[PW_HASH_LEN])
{
	char norm[PW_RECOVERY_CODE_LEN];
	size_t k = 0;

	for (const char *p = typed; *p; p++) {
		if (*p == '-' || *p == ' ')
			continue;
		if (k == sizeof(norm))
			return PW_ERR_INVALID;
		norm[k++] = (char)tolower((unsigned char)*p);
	}
	if (k != sizeof(norm))
		return PW_ERR_INVALID;
	crypto_hash_sha256(out, (const unsigned char *)norm, k);
	return PW_OK;
}
