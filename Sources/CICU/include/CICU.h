#ifndef TARJUMAN_CICU_H
#define TARJUMAN_CICU_H

/*
 * Tarjuman's window onto the system ICU library. Only plain C types cross this
 * header: Foundation on Linux carries its own ICU module, and exposing
 * the ICU headers to Swift would clash with it.
 */

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* An opened ICU sentence break iterator for one locale. */
typedef struct tj_sentence_breaker tj_sentence_breaker;

/* Opens a sentence break iterator for `locale` (for example "ar" or "en@ss=standard").
 * Returns NULL and a non-zero *status when ICU cannot open it. */
tj_sentence_breaker *tj_sentence_breaker_open(const char *locale, int32_t *status);

/* Opens a word break iterator for `locale` (for example "ar"), used through the same type. */
tj_sentence_breaker *tj_word_breaker_open(const char *locale, int32_t *status);

void tj_sentence_breaker_close(tj_sentence_breaker *breaker);

/* Like tj_sentence_boundaries, and also writes the rule status of the piece that ends at each
 * boundary into `statuses` (ICU's UBRK_WORD_* values: below 100 for spaces and punctuation). */
int32_t tj_word_boundaries(tj_sentence_breaker *breaker, const uint16_t *text, int32_t length,
                           int32_t *boundaries, int32_t *statuses, int32_t capacity);

/* Writes the sentence boundaries of `text` (UTF-16 code unit offsets, 0 and `length`
 * included) into `boundaries`, at most `capacity` of them. Returns how many there are;
 * a count above `capacity` means the buffer was too small. Returns -1 on an ICU error. */
int32_t tj_sentence_boundaries(tj_sentence_breaker *breaker, const uint16_t *text, int32_t length,
                               int32_t *boundaries, int32_t capacity);

/* NFKC normalization of a sequence of Unicode scalars with a map back to the input:
 * output scalar i comes from input scalars [source_start[i], source_end[i]).
 * Returns the output length; a value above `capacity` means the buffers were too small
 * (nothing useful was written). Returns -1 on an ICU error. */
int32_t tj_nfkc_mapped(const int32_t *input, int32_t length, int32_t *output,
                       int32_t *source_start, int32_t *source_end, int32_t capacity);

/* The ICU version string, for example "72.1". */
const char *tj_icu_version(void);

#ifdef __cplusplus
}
#endif

#endif
