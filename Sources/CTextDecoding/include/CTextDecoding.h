#ifndef TARJUMAN_CTEXTDECODING_H
#define TARJUMAN_CTEXTDECODING_H

/*
 * Tarjuman's UTF-8 decoding for segmentation (SSE on x86-64, plain C elsewhere): no ICU here.
 * Only plain C types cross this header.
 */

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Decodes well-formed UTF-8 into UTF-16 for sentence segmentation, in one pass:
 * - every line break (LF, CR, CRLF, VT, FF, NEL, U+2028, U+2029) is written as a space and recorded
 *   in `breaks` as (offset << 3) | (CRLF ? 1 : 0) | (U+2029 ? 2 : 0) | (VT or U+2028 ? 4 : 0);
 * - the offsets of U+2026 and of closing quotes (U+0022, U+00BB, U+201D) are recorded in `marks`;
 * - the UTF-16 offsets of surrogate pairs are recorded in `pairs`.
 * `units`, `breaks`, `marks` and `pairs` must each hold `length` entries.
 * Returns the number of UTF-16 units; the other counts go to *break_count, *mark_count, *pair_count. */
int32_t tj_decode_for_segmentation(const uint8_t *utf8, int32_t length, uint16_t *units,
                                   int32_t *breaks, int32_t *break_count,
                                   int32_t *marks, int32_t *mark_count,
                                   int32_t *pairs, int32_t *pair_count);

/* The UTF-8 offset of the character that starts `units` UTF-16 code units after the character
 * at UTF-8 offset `from` of well-formed `utf8` (`length` when the text ends first). */
int32_t tj_utf8_advance(const uint8_t *utf8, int32_t length, int32_t from, int32_t units);

#ifdef __cplusplus
}
#endif

#endif
