/*
 * auth.h: passwords, session tokens, CSRF tokens and TOTP.
 *
 * Cryptography comes from libsodium (Argon2id, SHA-256, constant-time
 * comparison, random bytes) and liboath (RFC 6238 TOTP); nothing here is
 * home-made beyond gluing them together.
 */
#ifndef PW_AUTH_H
#define PW_AUTH_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

struct pw_config;

#define PW_TOKEN_LEN 43       /* base64url of 32 random bytes */
#define PW_HASH_LEN 32        /* SHA-256 */
#define PW_PASSWORD_HASH_MAX 128
#define PW_PASSWORD_MIN 12
#define PW_PASSWORD_MAX 256
#define PW_TOTP_SECRET_B32 33 /* 20 bytes in base32 and a NUL */
#define PW_RECOVERY_CODES 10
#define PW_RECOVERY_CODE_LEN 12 /* "xxxx-xxxx-xxxx" without dashes */

/* sodium_init and liboath's init; call once per process before threads. */
int pw_auth_init(void);
void pw_auth_done(void);

/*
 * Hashes a password with Argon2id at the configured cost. out receives the
 * self-describing string ($argon2id$v=19$m=...,t=...,p=...$salt$hash) and
 * params a short "m=19456,t=2,p=1" for the account row.
 */
int pw_auth_hash_password(const struct pw_config *cfg, const char *pw, size_t len,
			  char out[PW_PASSWORD_HASH_MAX], char params[64]);
/* PW_OK when pw matches hash (constant time), PW_ERR_UNAUTHORIZED when not. */
int pw_auth_verify_password(const char *hash, const char *pw, size_t len);
/* 1 when hash was made with a lower cost than configured now. */
int pw_auth_needs_rehash(const struct pw_config *cfg, const char *hash);
/* Spends the time of one verification, for a login that does not exist, so
 * timing does not tell whether it does. */
void pw_auth_burn_verify(const struct pw_config *cfg, const char *pw, size_t len);

/*
 * The password policy: at least PW_PASSWORD_MIN characters, at most
 * PW_PASSWORD_MAX bytes, not the login, not on the list of common passwords.
 * Returns PW_OK or PW_ERR_INVALID with a sentence in why.
 */
int pw_auth_password_policy(const char *pw, size_t len, const char *login, char *why,
			    size_t whylen);

/* A fresh random token (base64url, NUL-terminated). */
int pw_auth_new_token(char out[PW_TOKEN_LEN + 1]);
/* SHA-256 of n bytes. */
void pw_auth_sha256(const void *p, size_t n, unsigned char out[PW_HASH_LEN]);
/* Constant-time equality of two strings of the given lengths. */
int pw_auth_equal(const char *a, size_t alen, const char *b, size_t blen);

/* A new TOTP secret, base32 (RFC 4648, no padding). */
int pw_totp_new_secret(char out[PW_TOTP_SECRET_B32]);
/*
 * Checks a 6-digit code against secret at time now, allowing one step of
 * drift either way; a code whose step is not after last_step (-1 for none)
 * is refused as a replay. On success *step is the step used.
 * Returns PW_OK, PW_ERR_UNAUTHORIZED or PW_ERR_INVALID (malformed code).
 */
int pw_totp_verify(const char *secret_b32, const char *code, time_t now, long long last_step,
		   long long *step);
/* The code for secret at time now (for tests and the enrolment check). */
int pw_totp_code(const char *secret_b32, time_t now, char out[7]);
/* otpauth://totp/ISSUER:LOGIN?secret=...&issuer=...&... into a malloc'd
 * string the caller frees; NULL when out of memory. */
char *pw_totp_uri(const char *issuer, const char *login, const char *secret_b32);

/* A recovery code "xxxx-xxxx-xxxx" (lowercase base32 letters and digits). */
int pw_recovery_code_new(char out[PW_RECOVERY_CODE_LEN + 3]);
/* The digest of a recovery code as typed: dashes, spaces and case ignored. */
int pw_recovery_code_hash(const char *typed, unsigned char out[PW_HASH_LEN]);

#endif
