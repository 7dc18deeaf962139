/*
 * filetype.c: content-based detection of document kinds (see filetype.h).
 *
 * Every multi-byte read goes through rd16/rd32 after a length check written
 * as "what is left >= what is needed", never as "offset + size <= n", so an
 * offset taken from the file cannot wrap the arithmetic.
 */
#include "rules/filetype.h"

#include <stdint.h>
#include <string.h>

struct kind_row {
	enum pw_filetype type;
	const char *mime;
	const char *label;
	const char *ext;
};

static const struct kind_row kinds[] = {
        {PW_FILETYPE_UNKNOWN, "application/octet-stream", "an unrecognised file", ""},
        {PW_FILETYPE_PDF, "application/pdf", "a PDF document", ".pdf"},
        {PW_FILETYPE_PNG, "image/png", "a PNG image", ".png"},
        {PW_FILETYPE_JPEG, "image/jpeg", "a JPEG image", ".jpg"},
        {PW_FILETYPE_TIFF, "image/tiff", "a TIFF image", ".tif"},
        {PW_FILETYPE_DOCX,
         "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         "a Word (DOCX) document", ".docx"},
        {PW_FILETYPE_TEXT, "text/plain; charset=utf-8", "plain text", ".txt"},
};

#define NKINDS (sizeof(kinds) / sizeof(kinds[0]))

static const struct kind_row *row_of(enum pw_filetype t)
{
	for (size_t i = 0; i < NKINDS; i++)
		if (kinds[i].type == t)
			return &kinds[i];
	return &kinds[0];
}

const char *pw_filetype_mime(enum pw_filetype t)
{
	return row_of(t)->mime;
}

const char *pw_filetype_label(enum pw_filetype t)
{
	return row_of(t)->label;
}

const char *pw_filetype_extension(enum pw_filetype t)
{
	return row_of(t)->ext;
}

static unsigned rd16le(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static uint32_t rd32le(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static unsigned rd16be(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | (unsigned)p[1];
}

static uint32_t rd32be(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

static int is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* "%PDF-" and a version "d.d". */
static int is_pdf(const unsigned char *p, size_t n)
{
	return n >= 8 && !memcmp(p, "%PDF-", 5) && is_digit(p[5]) && p[6] == '.' && is_digit(p[7]);
}

/* The signature, then the whole IHDR chunk (length 13, type, data, CRC). */
static int is_png(const unsigned char *p, size_t n)
{
	static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

	return n >= 33 && !memcmp(p, sig, 8) && rd32be(p + 8) == 13 && !memcmp(p + 12, "IHDR", 4);
}

/*
 * SOI (FF D8), then a marker segment: FF, a marker that carries a length
 * (not a restart marker, SOI or EOI), and a length of at least 2 that fits.
 */
static int is_jpeg(const unsigned char *p, size_t n)
{
	unsigned len;

	if (n < 6 || p[0] != 0xff || p[1] != 0xd8 || p[2] != 0xff)
		return 0;
	if (p[3] < 0xc0 || p[3] == 0xff || (p[3] >= 0xd0 && p[3] <= 0xd9))
		return 0;
	len = rd16be(p + 4);
	return len >= 2 && n - 4 >= len;
}

/* "II*\0" (little-endian) or "MM\0*" (big-endian), then the offset of the
 * first image file directory, which must be whole: a count of at least one,
 * that many 12-byte entries and the 4-byte offset of the next directory. */
static int is_tiff(const unsigned char *p, size_t n)
{
	int le;
	uint32_t off;
	unsigned count;

	if (n < 8)
		return 0;
	if (!memcmp(p, "II*\0", 4))
		le = 1;
	else if (!memcmp(p, "MM\0*", 4))
		le = 0;
	else
		return 0;
	off = le ? rd32le(p + 4) : rd32be(p + 4);
	if (off < 8 || off > n || n - off < 2)
		return 0;
	count = le ? rd16le(p + off) : rd16be(p + off);
	return count >= 1 && n - off - 2 >= 4 && (n - off - 6) / 12 >= count;
}

/* ZIP record sizes and signatures (APPNOTE.TXT 4.3). */
#define ZIP_LOCAL_SIZE   30
#define ZIP_CENTRAL_SIZE 46
#define ZIP_EOCD_SIZE    22
#define ZIP_COMMENT_MAX  65535u

static int has_sig(const unsigned char *p, unsigned char a, unsigned char b)
{
	return p[0] == 'P' && p[1] == 'K' && p[2] == a && p[3] == b;
}

/*
 * The end-of-central-directory record: the last "PK\5\6" whose comment
 * length makes the record end exactly at the end of the data (a signature
 * inside the comment does not). Returns its offset, or n when none.
 */
static size_t find_eocd(const unsigned char *p, size_t n)
{
	size_t lowest, pos;

	if (n < ZIP_EOCD_SIZE)
		return n;
	lowest = n - ZIP_EOCD_SIZE > ZIP_COMMENT_MAX ? n - ZIP_EOCD_SIZE - ZIP_COMMENT_MAX : 0;
	for (pos = n - ZIP_EOCD_SIZE;; pos--) {
		if (has_sig(p + pos, 5, 6) && rd16le(p + pos + 20) == n - pos - ZIP_EOCD_SIZE)
			return pos;
		if (pos == lowest)
			break;
	}
	return n;
}

static int name_is(const unsigned char *name, size_t len, const char *want)
{
	size_t wl = strlen(want);

	return len == wl && !memcmp(name, want, wl);
}

static int name_starts(const unsigned char *name, size_t len, const char *prefix)
{
	size_t pl = strlen(prefix);

	return len > pl && !memcmp(name, prefix, pl);
}

/*
 * A ZIP (single disk, no ZIP64) whose central directory lies inside the
 * data, every entry of which is whole and points at a local file header
 * before the directory, listing "[Content_Types].xml" and a "word/" part.
 */
static int is_docx(const unsigned char *p, size_t n)
{
	size_t eocd, q, cd_end;
	uint32_t cd_size, cd_off;
	unsigned entries;
	int types = 0, word = 0;

	if (n < ZIP_LOCAL_SIZE + ZIP_EOCD_SIZE || !has_sig(p, 3, 4))
		return 0;
	eocd = find_eocd(p, n);
	if (eocd == n)
		return 0;
	/* Disk numbers 0, and this disk holds every entry. */
	if (rd16le(p + eocd + 4) != 0 || rd16le(p + eocd + 6) != 0 ||
	    rd16le(p + eocd + 8) != rd16le(p + eocd + 10))
		return 0;
	entries = rd16le(p + eocd + 10);
	cd_size = rd32le(p + eocd + 12);
	cd_off = rd32le(p + eocd + 16);
	if (entries < 2 || entries == 0xffff || cd_off == 0xffffffffu || cd_off > eocd ||
	    cd_size > eocd - cd_off)
		return 0;
	cd_end = (size_t)cd_off + cd_size;
	q = cd_off;
	for (unsigned i = 0; i < entries; i++) {
		size_t nlen, xlen, clen, whole;
		uint32_t local;

		if (cd_end - q < ZIP_CENTRAL_SIZE || !has_sig(p + q, 1, 2))
			return 0;
		nlen = rd16le(p + q + 28);
		xlen = rd16le(p + q + 30);
		clen = rd16le(p + q + 32);
		local = rd32le(p + q + 42);
		whole = ZIP_CENTRAL_SIZE + nlen + xlen + clen;
		if (cd_end - q < whole)
			return 0;
		if (local > cd_off || cd_off - local < ZIP_LOCAL_SIZE || !has_sig(p + local, 3, 4))
			return 0;
		if (name_is(p + q + ZIP_CENTRAL_SIZE, nlen, "[Content_Types].xml"))
			types = 1;
		else if (name_starts(p + q + ZIP_CENTRAL_SIZE, nlen, "word/"))
			word = 1;
		q += whole;
	}
	return types && word;
}

/*
 * Valid UTF-8 (RFC 3629: shortest form, no surrogates, at most U+10FFFF)
 * with no NUL and no control character but tab, LF, FF and CR; DEL and
 * the C1 controls U+0080..U+009F are refused too.
 */
static int is_text(const unsigned char *p, size_t n)
{
	size_t i = 0;

	if (n == 0)
		return 0;
	while (i < n) {
		unsigned char c = p[i];
		uint32_t cp;
		size_t more;

		if (c < 0x80) {
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r') ||
			    c == 0x7f)
				return 0;
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			more = 1;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			more = 2;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			more = 3;
			cp = c & 0x07;
		} else {
			return 0; /* a continuation byte, C0/C1 (overlong) or F5..FF */
		}
		if (n - i - 1 < more)
			return 0;
		for (size_t k = 1; k <= more; k++) {
			if ((p[i + k] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (p[i + k] & 0x3f);
		}
		if ((more == 2 && cp < 0x800) || (more == 3 && (cp < 0x10000 || cp > 0x10ffff)) ||
		    (cp >= 0xd800 && cp <= 0xdfff) || (cp >= 0x80 && cp <= 0x9f))
			return 0;
		i += more + 1;
	}
	return 1;
}

int pw_filetype_is_text(const unsigned char *p, size_t n)
{
	return p && is_text(p, n);
}

enum pw_filetype pw_filetype_detect(const unsigned char *p, size_t n)
{
	if (!p || n == 0)
		return PW_FILETYPE_UNKNOWN;
	if (is_pdf(p, n))
		return PW_FILETYPE_PDF;
	if (is_png(p, n))
		return PW_FILETYPE_PNG;
	if (is_jpeg(p, n))
		return PW_FILETYPE_JPEG;
	if (is_tiff(p, n))
		return PW_FILETYPE_TIFF;
	if (n >= 4 && has_sig(p, 3, 4))
		return is_docx(p, n) ? PW_FILETYPE_DOCX : PW_FILETYPE_UNKNOWN;
	if (is_text(p, n))
		return PW_FILETYPE_TEXT;
	return PW_FILETYPE_UNKNOWN;
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* Case-insensitive comparison of s[0..n) with the NUL-terminated want. */
static int ieq(const char *s, size_t n, const char *want)
{
	size_t wl = strlen(want);

	if (n != wl)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (lower((unsigned char)s[i]) != lower((unsigned char)want[i]))
			return 0;
	return 1;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* Checks the parameters of text/plain (after the first ';'): a charset, if
 * any, must be utf-8 or us-ascii. */
static int text_params_ok(const char *s)
{
	while (*s) {
		const char *name, *val;
		size_t nlen, vlen;

		while (*s == ';' || is_space(*s))
			s++;
		name = s;
		while (*s && *s != '=' && *s != ';')
			s++;
		nlen = (size_t)(s - name);
		while (nlen && is_space(name[nlen - 1]))
			nlen--;
		if (*s != '=') {
			if (nlen)
				return 0; /* a parameter without a value */
			continue;
		}
		s++;
		while (is_space(*s))
			s++;
		if (*s == '"') {
			val = ++s;
			while (*s && *s != '"')
				s++;
			vlen = (size_t)(s - val);
			if (*s == '"')
				s++;
		} else {
			val = s;
			while (*s && *s != ';')
				s++;
			vlen = (size_t)(s - val);
			while (vlen && is_space(val[vlen - 1]))
				vlen--;
		}
		if (ieq(name, nlen, "charset") && !ieq(val, vlen, "utf-8") &&
		    !ieq(val, vlen, "utf8") && !ieq(val, vlen, "us-ascii"))
			return 0;
		while (*s && *s != ';')
			s++;
	}
	return 1;
}

enum pw_filetype pw_filetype_from_mime(const char *content_type)
{
	static const struct {
		const char *name;
		enum pw_filetype type;
	} names[] = {
	        {"application/pdf", PW_FILETYPE_PDF},
	        {"image/png", PW_FILETYPE_PNG},
	        {"image/jpeg", PW_FILETYPE_JPEG},
	        {"image/jpg", PW_FILETYPE_JPEG},
	        {"image/tiff", PW_FILETYPE_TIFF},
	        {"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	         PW_FILETYPE_DOCX},
	        {"text/plain", PW_FILETYPE_TEXT},
	};
	const char *s = content_type, *end;
	size_t len;

	if (!s)
		return PW_FILETYPE_UNKNOWN;
	while (is_space(*s))
		s++;
	end = s;
	while (*end && *end != ';')
		end++;
	len = (size_t)(end - s);
	while (len && is_space(s[len - 1]))
		len--;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!ieq(s, len, names[i].name))
			continue;
		if (names[i].type == PW_FILETYPE_TEXT && *end && !text_params_ok(end))
			return PW_FILETYPE_UNKNOWN;
		return names[i].type;
	}
	return PW_FILETYPE_UNKNOWN;
}
