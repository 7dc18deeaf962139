/*
 * test_filetype.c: document kinds judged by content (rules/filetype.c),
 * table-driven: byte arrays in, the kind expected out. Every detection runs
 * on an exact-size heap copy of its input, so under AddressSanitizer a read
 * one byte past a truncated or hostile file fails the test.
 */
#include "unit_main.h"

#include <stdint.h>
#include <stdlib.h>

#include "rules/filetype.h"

#define FT_UNKNOWN PW_FILETYPE_UNKNOWN
#define FT_PDF     PW_FILETYPE_PDF
#define FT_PNG     PW_FILETYPE_PNG
#define FT_JPEG    PW_FILETYPE_JPEG
#define FT_TIFF    PW_FILETYPE_TIFF
#define FT_DOCX    PW_FILETYPE_DOCX
#define FT_TEXT    PW_FILETYPE_TEXT

/* Detects on a heap copy of exactly n bytes. */
static enum pw_filetype detect(const void *bytes, size_t n)
{
	unsigned char *copy = n ? malloc(n) : NULL;
	enum pw_filetype t;

	if (n && !copy) {
		CU_FAIL("out of memory");
		return FT_UNKNOWN;
	}
	if (n)
		memcpy(copy, bytes, n);
	t = pw_filetype_detect(copy, n);
	free(copy);
	return t;
}

struct sample {
	const char *what;
	const char *bytes; /* may hold NULs: len says how many */
	size_t len;
	enum pw_filetype want;
};

#define S(what, lit, want)                                                                         \
	{                                                                                          \
		what, lit, sizeof(lit) - 1, want                                                   \
	}

/* A PNG signature and a whole IHDR chunk (1x1, 8-bit RGBA). */
#define PNG_HEAD                                                                                   \
	"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"    \
	"\x00\x1f\x15\xc4\x89"
/* SOI, an APP0 JFIF segment of length 16. */
#define JPEG_HEAD "\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
/* Header, first IFD at 8 with one 12-byte entry, next IFD offset 0. */
#define TIFF_LE                                                                                    \
	"II*\x00\x08\x00\x00\x00\x01\x00\x00\x01\x03\x00\x01\x00\x00\x00\x01\x00\x00\x00"          \
	"\x00\x00\x00\x00"
#define TIFF_BE                                                                                    \
	"MM\x00*\x00\x00\x00\x08\x00\x01\x01\x00\x00\x03\x00\x00\x00\x01\x00\x01\x00\x00"          \
	"\x00\x00\x00\x00"

static const struct sample samples[] = {
        S("a PDF header", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", FT_PDF),
        S("a PDF 2.0 header", "%PDF-2.0\n", FT_PDF),
        S("'%PDF-' without a version is only text", "%PDF-", FT_TEXT),
        S("'%PDF-x.y' with letters is only text", "%PDF-x.y and more", FT_TEXT),
        S("a PDF signature not at the start is text", " %PDF-1.4", FT_TEXT),
        S("a PNG with its IHDR", PNG_HEAD, FT_PNG),
        S("a PNG signature alone", "\x89PNG\r\n\x1a\n", FT_UNKNOWN),
        S("a PNG cut inside IHDR", "\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00", FT_UNKNOWN),
        S("a PNG whose first chunk is not IHDR",
          "\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIDAT\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
          "\x00\x1f\x15\xc4\x89",
          FT_UNKNOWN),
        S("a JPEG with an APP0 segment", JPEG_HEAD, FT_JPEG),
        S("a JPEG starting with a quantisation table", "\xff\xd8\xff\xdb\x00\x04\x00\x00", FT_JPEG),
        S("SOI and a marker byte only", "\xff\xd8\xff", FT_UNKNOWN),
        S("SOI followed by EOI", "\xff\xd8\xff\xd9\x00\x00", FT_UNKNOWN),
        S("a JPEG segment longer than the file", "\xff\xd8\xff\xe0\xff\xff\x00\x00", FT_UNKNOWN),
        S("a JPEG segment length below 2", "\xff\xd8\xff\xe0\x00\x01\x00\x00", FT_UNKNOWN),
        S("a little-endian TIFF", TIFF_LE, FT_TIFF),
        S("a big-endian TIFF", TIFF_BE, FT_TIFF),
        S("a TIFF header alone", "II*\x00\x08\x00\x00\x00", FT_UNKNOWN),
        S("a TIFF whose IFD lies past the end", "II*\x00\xff\xff\xff\xff\x01\x00", FT_UNKNOWN),
        S("a TIFF whose IFD points into the header", "MM\x00*\x00\x00\x00\x04\x00\x01", FT_UNKNOWN),
        S("a TIFF with an empty IFD", "II*\x00\x08\x00\x00\x00\x00\x00", FT_UNKNOWN),
        S("a TIFF whose IFD claims more entries than fit",
          "II*\x00\x08\x00\x00\x00\x02\x00\x00\x01\x03\x00\x01\x00\x00\x00\x01\x00\x00\x00",
          FT_UNKNOWN),
        S("BigTIFF is not accepted", "II+\x00\x08\x00\x00\x00\x10\x00\x00\x00\x00\x00\x00\x00",
          FT_UNKNOWN),
        S("plain ASCII with tab, CR, LF and FF", "Case note\r\n\tline two\f", FT_TEXT),
        S("UTF-8 with two-, three- and four-byte characters",
          "Caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", FT_TEXT),
        S("a UTF-8 byte order mark", "\xef\xbb\xbfhello", FT_TEXT),
        S("the last code point U+10FFFF", "x\xf4\x8f\xbf\xbf", FT_TEXT),
        S("HTML is only text", "<html><script>alert(1)</script></html>", FT_TEXT),
        S("a NUL byte",
          "abc\x00"
          "def",
          FT_UNKNOWN),
        S("a C0 control character", "abc\x01", FT_UNKNOWN),
        S("an escape character", "abc\x1b[31m", FT_UNKNOWN),
        S("DEL", "abc\x7f", FT_UNKNOWN),
        S("a C1 control (U+0085)", "abc\xc2\x85", FT_UNKNOWN),
        S("an overlong two-byte form", "\xc0\x80", FT_UNKNOWN),
        S("an overlong three-byte form", "\xe0\x80\xaf", FT_UNKNOWN),
        S("an overlong four-byte form", "\xf0\x80\x80\xaf", FT_UNKNOWN),
        S("a UTF-16 surrogate", "\xed\xa0\x80", FT_UNKNOWN),
        S("a code point past U+10FFFF", "\xf4\x90\x80\x80", FT_UNKNOWN),
        S("a lead byte F5", "\xf5\x80\x80\x80", FT_UNKNOWN),
        S("a lone continuation byte",
          "a\x80"
          "b",
          FT_UNKNOWN),
        S("a character cut at the end", "euro \xe2\x82", FT_UNKNOWN),
        S("a lead byte followed by ASCII",
          "\xc3"
          "A",
          FT_UNKNOWN),
        S("Latin-1 text", "Caf\xe9", FT_UNKNOWN),
        S("a GIF", "GIF89a\x01\x00\x01\x00\x80\x00\x00", FT_UNKNOWN),
        S("an ELF executable",
          "\x7f"
          "ELF\x02\x01\x01\x00",
          FT_UNKNOWN),
        S("a ZIP signature alone", "PK\x03\x04", FT_UNKNOWN),
        S("nothing at all", "", FT_UNKNOWN),
};

static void test_each_sample_is_judged_by_its_content(void)
{
	for (size_t i = 0; i < PW_ARRAY_LEN(samples); i++) {
		enum pw_filetype got = detect(samples[i].bytes, samples[i].len);
		PW_CHECK(got == samples[i].want, "%s: got %s, want %s", samples[i].what,
		         pw_filetype_mime(got), pw_filetype_mime(samples[i].want));
	}
	PW_CHECK(pw_filetype_detect(NULL, 0) == FT_UNKNOWN, "NULL input");
}

static void test_every_truncation_of_a_binary_sample_is_refused_without_overread(void)
{
	/* Each sample is exactly as long as its kind's checks need (PNG's
	 * whole IHDR, JPEG's first segment, TIFF's first IFD entry), so every
	 * shorter prefix must be refused as that kind. */
	static const struct sample whole[] = {
	        S("png", PNG_HEAD, FT_PNG),
	        S("jpeg", JPEG_HEAD, FT_JPEG),
	        S("tiff le", TIFF_LE, FT_TIFF),
	        S("tiff be", TIFF_BE, FT_TIFF),
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(whole); i++) {
		PW_CHECK(detect(whole[i].bytes, whole[i].len) == whole[i].want, "%s whole",
		         whole[i].what);
		for (size_t n = 0; n < whole[i].len; n++) {
			enum pw_filetype got = detect(whole[i].bytes, n);
			PW_CHECK(got != whole[i].want, "%s cut to %zu bytes taken as %s",
			         whole[i].what, n, pw_filetype_mime(got));
		}
	}
}

/* ---- DOCX: ZIP files built from a table of entry names ---- */

#define ZIP_CAP 4096

struct zip {
	unsigned char b[ZIP_CAP];
	size_t len;
	size_t cd_off, eocd_off;
	size_t central[8]; /* offset of each central directory entry */
};

static void put16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
}

static void put32(unsigned char *p, uint32_t v)
{
	put16(p, v & 0xffff);
	put16(p + 2, v >> 16);
}

/* A stored (uncompressed) ZIP of empty entries named names[0..n), with an
 * archive comment. Empty entries have CRC 0, so the archive is valid. */
static void build_zip(struct zip *z, const char *const *names, size_t n, const char *comment)
{
	size_t locals[8], k = 0;

	memset(z, 0, sizeof(*z));
	for (size_t i = 0; i < n; i++) {
		size_t nl = strlen(names[i]);
		locals[i] = k;
		memcpy(z->b + k, "PK\x03\x04", 4);
		put16(z->b + k + 4, 20);
		put16(z->b + k + 26, (unsigned)nl);
		memcpy(z->b + k + 30, names[i], nl);
		k += 30 + nl;
	}
	z->cd_off = k;
	for (size_t i = 0; i < n; i++) {
		size_t nl = strlen(names[i]);
		z->central[i] = k;
		memcpy(z->b + k, "PK\x01\x02", 4);
		put16(z->b + k + 4, 20);
		put16(z->b + k + 6, 20);
		put16(z->b + k + 28, (unsigned)nl);
		put32(z->b + k + 42, (uint32_t)locals[i]);
		memcpy(z->b + k + 46, names[i], nl);
		k += 46 + nl;
	}
	z->eocd_off = k;
	memcpy(z->b + k, "PK\x05\x06", 4);
	put16(z->b + k + 8, (unsigned)n);
	put16(z->b + k + 10, (unsigned)n);
	put32(z->b + k + 12, (uint32_t)(k - z->cd_off));
	put32(z->b + k + 16, (uint32_t)z->cd_off);
	put16(z->b + k + 20, (unsigned)strlen(comment));
	memcpy(z->b + k + 22, comment, strlen(comment));
	z->len = k + 22 + strlen(comment);
}

enum zip_patch {
	ZP_NONE,
	ZP_CD_OFFSET,     /* EOCD: central directory offset := value */
	ZP_CD_SIZE,       /* EOCD: central directory size := value */
	ZP_ENTRIES,       /* EOCD: both entry counts := value */
	ZP_DISK,          /* EOCD: this disk's number := value */
	ZP_LOCAL_OFFSET,  /* first central entry: local header offset := value */
	ZP_NAME_LEN,      /* first central entry: name length := value */
	ZP_COMMENT_LEN,   /* EOCD: comment length := value */
	ZP_CUT,           /* drop the last value bytes */
	ZP_BREAK_LOCAL,   /* overwrite the first local header's signature */
	ZP_BREAK_CENTRAL, /* overwrite the second central entry's signature */
};

static const char *const docx_names[] = {"[Content_Types].xml", "_rels/.rels", "word/document.xml",
                                         "word/_rels/document.xml.rels"};
static const char *const xlsx_names[] = {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml"};
static const char *const no_types_names[] = {"_rels/.rels", "word/document.xml"};
static const char *const lookalike_names[] = {"[Content_Types].xml.bak", "word/document.xml"};
static const char *const word_dir_only[] = {"[Content_Types].xml", "word/"};
static const char *const one_name[] = {"[Content_Types].xml"};

static const struct zip_case {
	const char *what;
	const char *const *names;
	size_t n;
	const char *comment;
	enum zip_patch patch;
	uint32_t value;
	enum pw_filetype want;
} zip_cases[] = {
        {"a Word document", docx_names, 4, "", ZP_NONE, 0, FT_DOCX},
        {"a Word document with an archive comment", docx_names, 4, "made by a test", ZP_NONE, 0,
         FT_DOCX},
        {"a comment that holds a fake end record", docx_names, 4,
         "PK\x05\x06 fake end record inside", ZP_NONE, 0, FT_DOCX},
        {"a spreadsheet (xl/) is not a Word document", xlsx_names, 3, "", ZP_NONE, 0, FT_UNKNOWN},
        {"no [Content_Types].xml", no_types_names, 2, "", ZP_NONE, 0, FT_UNKNOWN},
        {"names that only start like the parts", lookalike_names, 2, "", ZP_NONE, 0, FT_UNKNOWN},
        {"a bare word/ directory is no part", word_dir_only, 2, "", ZP_NONE, 0, FT_UNKNOWN},
        {"a single entry", one_name, 1, "", ZP_NONE, 0, FT_UNKNOWN},
        {"central directory offset past the end", docx_names, 4, "", ZP_CD_OFFSET, 0x7fffffff,
         FT_UNKNOWN},
        {"central directory offset 0xFFFFFFFF (ZIP64)", docx_names, 4, "", ZP_CD_OFFSET,
         0xffffffffu, FT_UNKNOWN},
        {"central directory size past the end record", docx_names, 4, "", ZP_CD_SIZE, 0xfffffff0u,
         FT_UNKNOWN},
        {"central directory size too small for its entries", docx_names, 4, "", ZP_CD_SIZE, 50,
         FT_UNKNOWN},
        {"more entries claimed than present", docx_names, 4, "", ZP_ENTRIES, 40, FT_UNKNOWN},
        {"entry count 0xFFFF (ZIP64)", docx_names, 4, "", ZP_ENTRIES, 0xffff, FT_UNKNOWN},
        {"a multi-disk archive", docx_names, 4, "", ZP_DISK, 1, FT_UNKNOWN},
        {"a local header offset past the directory", docx_names, 4, "", ZP_LOCAL_OFFSET,
         0xfffffff0u, FT_UNKNOWN},
        {"a local header offset not at a local header", docx_names, 4, "", ZP_LOCAL_OFFSET, 3,
         FT_UNKNOWN},
        {"a name length running past the directory", docx_names, 4, "", ZP_NAME_LEN, 0xffff,
         FT_UNKNOWN},
        {"a comment length that does not end at the end", docx_names, 4, "abc", ZP_COMMENT_LEN, 9,
         FT_UNKNOWN},
        {"the end record cut off", docx_names, 4, "", ZP_CUT, 1, FT_UNKNOWN},
        {"a broken local header signature", docx_names, 4, "", ZP_BREAK_LOCAL, 0, FT_UNKNOWN},
        {"a broken central entry signature", docx_names, 4, "", ZP_BREAK_CENTRAL, 0, FT_UNKNOWN},
};

static void apply_patch(struct zip *z, enum zip_patch patch, uint32_t v)
{
	switch (patch) {
	case ZP_NONE:
		break;
	case ZP_CD_OFFSET:
		put32(z->b + z->eocd_off + 16, v);
		break;
	case ZP_CD_SIZE:
		put32(z->b + z->eocd_off + 12, v);
		break;
	case ZP_ENTRIES:
		put16(z->b + z->eocd_off + 8, (unsigned)v);
		put16(z->b + z->eocd_off + 10, (unsigned)v);
		break;
	case ZP_DISK:
		put16(z->b + z->eocd_off + 4, (unsigned)v);
		break;
	case ZP_LOCAL_OFFSET:
		put32(z->b + z->central[0] + 42, v);
		break;
	case ZP_NAME_LEN:
		put16(z->b + z->central[0] + 28, (unsigned)v);
		break;
	case ZP_COMMENT_LEN:
		put16(z->b + z->eocd_off + 20, (unsigned)v);
		break;
	case ZP_CUT:
		z->len -= v;
		break;
	case ZP_BREAK_LOCAL:
		z->b[2] = 'X';
		break;
	case ZP_BREAK_CENTRAL:
		z->b[z->central[1] + 3] = 'X';
		break;
	}
}

static void test_zip_archives_are_docx_only_when_whole_and_holding_word_parts(void)
{
	for (size_t i = 0; i < PW_ARRAY_LEN(zip_cases); i++) {
		const struct zip_case *c = &zip_cases[i];
		struct zip z;
		enum pw_filetype got;

		build_zip(&z, c->names, c->n, c->comment);
		apply_patch(&z, c->patch, c->value);
		got = detect(z.b, z.len);
		PW_CHECK(got == c->want, "%s: got %s", c->what, pw_filetype_mime(got));
	}
}

static void test_every_truncation_of_a_docx_is_refused_without_overread(void)
{
	struct zip z;

	build_zip(&z, docx_names, 4, "");
	PW_CHECK(detect(z.b, z.len) == FT_DOCX, "the whole archive");
	for (size_t n = 0; n < z.len; n++)
		PW_CHECK(detect(z.b, n) != FT_DOCX, "cut to %zu of %zu bytes", n, z.len);
}

static void test_random_corruption_of_a_docx_never_reads_out_of_bounds(void)
{
	/* A fixed LCG, so a failure can be replayed. Each round overwrites
	 * 1..4 bytes of the central directory or end record with random
	 * values; the result only has to be a kind, never a crash. */
	uint32_t seed = 20260101u;
	size_t docx = 0;

	for (int round = 0; round < 5000; round++) {
		struct zip z;
		enum pw_filetype got;
		int k;

		build_zip(&z, docx_names, 4, "");
		seed = seed * 1103515245u + 12345u;
		k = 1 + (int)((seed >> 16) % 4);
		for (int j = 0; j < k; j++) {
			size_t span = z.len - z.cd_off, at;
			seed = seed * 1103515245u + 12345u;
			at = z.cd_off + (seed >> 8) % span;
			seed = seed * 1103515245u + 12345u;
			z.b[at] = (unsigned char)(seed >> 16);
		}
		got = detect(z.b, z.len);
		PW_CHECK(got == FT_DOCX || got == FT_UNKNOWN, "round %d gave %s", round,
		         pw_filetype_mime(got));
		docx += got == FT_DOCX;
	}
	/* Some corruptions hit bytes detection ignores (times, sizes). */
	PW_CHECK(docx > 0 && docx < 5000, "%zu of 5000 still DOCX", docx);
}

static void test_declared_content_types_name_kinds(void)
{
	static const struct {
		const char *ct;
		enum pw_filetype want;
	} rows[] = {
	        {"application/pdf", FT_PDF},
	        {"APPLICATION/PDF", FT_PDF},
	        {"application/pdf; name=\"scan.pdf\"", FT_PDF},
	        {"  image/png  ", FT_PNG},
	        {"image/jpeg", FT_JPEG},
	        {"image/jpg", FT_JPEG},
	        {"image/tiff", FT_TIFF},
	        {"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	         FT_DOCX},
	        {"text/plain", FT_TEXT},
	        {"text/plain; charset=utf-8", FT_TEXT},
	        {"text/plain;charset=\"UTF-8\"", FT_TEXT},
	        {"text/plain; charset=us-ascii", FT_TEXT},
	        {"text/plain; format=flowed; charset=utf-8", FT_TEXT},
	        {"text/plain; charset=iso-8859-1", FT_UNKNOWN},
	        {"text/plain; charset=windows-1252", FT_UNKNOWN},
	        {"text/plain; charset", FT_UNKNOWN},
	        {"text/html", FT_UNKNOWN},
	        {"application/pdfx", FT_UNKNOWN},
	        {"application/zip", FT_UNKNOWN},
	        {"application/octet-stream", FT_UNKNOWN},
	        {"image/svg+xml", FT_UNKNOWN},
	        {"", FT_UNKNOWN},
	        {";", FT_UNKNOWN},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		enum pw_filetype got = pw_filetype_from_mime(rows[i].ct);
		PW_CHECK(got == rows[i].want, "\"%s\": got %d, want %d", rows[i].ct, (int)got,
		         (int)rows[i].want);
	}
	PW_CHECK(pw_filetype_from_mime(NULL) == FT_UNKNOWN, "NULL");
}

static void test_each_kind_has_its_canonical_type_label_and_extension(void)
{
	static const struct {
		enum pw_filetype t;
		const char *mime, *ext;
	} rows[] = {
	        {FT_PDF, "application/pdf", ".pdf"},
	        {FT_PNG, "image/png", ".png"},
	        {FT_JPEG, "image/jpeg", ".jpg"},
	        {FT_TIFF, "image/tiff", ".tif"},
	        {FT_DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	         ".docx"},
	        {FT_TEXT, "text/plain; charset=utf-8", ".txt"},
	        {FT_UNKNOWN, "application/octet-stream", ""},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		PW_CHECK(!strcmp(pw_filetype_mime(rows[i].t), rows[i].mime), "mime of %d",
		         (int)rows[i].t);
		PW_CHECK(!strcmp(pw_filetype_extension(rows[i].t), rows[i].ext), "ext of %d",
		         (int)rows[i].t);
		PW_CHECK(pw_filetype_label(rows[i].t)[0] != '\0', "label of %d", (int)rows[i].t);
		/* The canonical type reads back as the same kind. */
		if (rows[i].t != FT_UNKNOWN)
			PW_CHECK(pw_filetype_from_mime(rows[i].mime) == rows[i].t,
			         "round trip of %s", rows[i].mime);
	}
}

static void test_text_check_for_names_refuses_what_text_refuses(void)
{
	static const char name[] = "r\xc3\xa9sum\xc3\xa9.pdf";

	PW_CHECK(pw_filetype_is_text((const unsigned char *)name, sizeof(name) - 1), "UTF-8 name");
	PW_CHECK(pw_filetype_is_text((const unsigned char *)"%PDF-1.4", 8),
	         "a name that looks like a PDF is still text");
	PW_CHECK(!pw_filetype_is_text((const unsigned char *)"a\x00"
	                                                     "b",
	                              3),
	         "NUL");
	PW_CHECK(!pw_filetype_is_text((const unsigned char *)"\xff", 1), "invalid byte");
	PW_CHECK(!pw_filetype_is_text(NULL, 0), "nothing");
}

static const struct pw_unit_test tests[] = {
        {"each sample is judged by its content", test_each_sample_is_judged_by_its_content},
        {"every truncation of a binary sample is refused without over-read",
         test_every_truncation_of_a_binary_sample_is_refused_without_overread},
        {"ZIP archives are DOCX only when whole and holding word parts",
         test_zip_archives_are_docx_only_when_whole_and_holding_word_parts},
        {"every truncation of a DOCX is refused without over-read",
         test_every_truncation_of_a_docx_is_refused_without_overread},
        {"random corruption of a DOCX never reads out of bounds",
         test_random_corruption_of_a_docx_never_reads_out_of_bounds},
        {"declared content types name kinds", test_declared_content_types_name_kinds},
        {"each kind has its canonical type, label and extension",
         test_each_kind_has_its_canonical_type_label_and_extension},
        {"the text check for names refuses what text refuses",
         test_text_check_for_names_refuses_what_text_refuses},
};

int main(void)
{
	return pw_unit_run("filetype", tests, PW_ARRAY_LEN(tests));
}
