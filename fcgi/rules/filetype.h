/*
 * filetype.h: what kind of file a document really is, judged by its bytes.
 *
 * An upload declares a Content-Type, but a header is only a claim: a
 * verification document is accepted only when its content is one of the
 * kinds caseworkers scan or write (PDF, PNG, JPEG, TIFF, Word DOCX, plain
 * UTF-8 text) and agrees with the claim. Detection reads magic numbers and,
 * for DOCX, the ZIP central directory; every read is bounded by the length
 * given, so truncated or hostile input is refused, never over-read.
 * Pure C: no I/O, no allocation.
 */
#ifndef PW_RULES_FILETYPE_H
#define PW_RULES_FILETYPE_H

#include <stddef.h>

enum pw_filetype {
	PW_FILETYPE_UNKNOWN = 0, /* none of the accepted kinds: refused */
	PW_FILETYPE_PDF,
	PW_FILETYPE_PNG,
	PW_FILETYPE_JPEG,
	PW_FILETYPE_TIFF,
	PW_FILETYPE_DOCX,
	PW_FILETYPE_TEXT,
};

/*
 * The kind of the n bytes at p (p may be NULL when n is 0). Binary formats
 * are recognised by their signatures (plus a sanity check of the header that
 * follows: PNG's IHDR, JPEG's first marker, TIFF's first IFD offset); a ZIP
 * is DOCX only when its central directory lists "[Content_Types].xml" and
 * at least one entry under "word/". Text is non-empty, valid UTF-8 (no
 * overlong forms, surrogates or code points past U+10FFFF) without NUL or
 * control characters other than tab, LF, CR and FF. Anything else, the
 * empty input included, is PW_FILETYPE_UNKNOWN.
 */
enum pw_filetype pw_filetype_detect(const unsigned char *p, size_t n);

/*
 * 1 when the n bytes at p are what PW_FILETYPE_TEXT accepts (non-empty
 * valid UTF-8 without NUL or control characters but tab, LF, FF and CR),
 * whatever else they might also be; for checking names and labels.
 */
int pw_filetype_is_text(const unsigned char *p, size_t n);

/* The canonical Content-Type of t ("application/pdf", "text/plain;
 * charset=utf-8", ...); "application/octet-stream" for UNKNOWN. Static. */
const char *pw_filetype_mime(enum pw_filetype t);

/* A short name for messages ("a PDF document", "a PNG image"). Static. */
const char *pw_filetype_label(enum pw_filetype t);

/* The usual file name extension with its dot (".pdf"); "" for UNKNOWN. */
const char *pw_filetype_extension(enum pw_filetype t);

/*
 * The kind a declared Content-Type names: the media type is compared
 * without case and parameters are ignored, except that text/plain with a
 * charset must say utf-8 or us-ascii (a subset of it). "image/jpg" is taken
 * for image/jpeg. Anything else, or NULL, gives PW_FILETYPE_UNKNOWN.
 */
enum pw_filetype pw_filetype_from_mime(const char *content_type);

#endif
