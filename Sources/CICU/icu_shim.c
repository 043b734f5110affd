#include "CICU.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/uversion.h>
#include <unicode/utf16.h>

struct tj_sentence_breaker {
    UBreakIterator *iterator;
};

static tj_sentence_breaker *open_breaker(UBreakIteratorType type, const char *locale, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(type, locale, NULL, 0, &error);
    if (U_FAILURE(error) || iterator == NULL) {
        if (status) *status = (int32_t)error;
        return NULL;
    }
    tj_sentence_breaker *breaker = malloc(sizeof(tj_sentence_breaker));
    if (breaker == NULL) {
        ubrk_close(iterator);
        if (status) *status = (int32_t)U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    breaker->iterator = iterator;
    if (status) *status = 0;
    return breaker;
}

tj_sentence_breaker *tj_sentence_breaker_open(const char *locale, int32_t *status) {
    return open_breaker(UBRK_SENTENCE, locale, status);
}

tj_sentence_breaker *tj_word_breaker_open(const char *locale, int32_t *status) {
    return open_breaker(UBRK_WORD, locale, status);
}

void tj_sentence_breaker_close(tj_sentence_breaker *breaker) {
    if (breaker == NULL) return;
    ubrk_close(breaker->iterator);
    free(breaker);
}

/* Iterates the boundaries of `text`, writing at most `capacity` of them (and their rule statuses
 * when `statuses` is not NULL); returns how many there are, or -1 on an ICU error. */
static int32_t collect_boundaries(tj_sentence_breaker *breaker, const uint16_t *text, int32_t length,
                                  int32_t *boundaries, int32_t *statuses, int32_t capacity) {
    UErrorCode error = U_ZERO_ERROR;
    static const UChar empty[1] = {0};
    ubrk_setText(breaker->iterator, length > 0 ? (const UChar *)text : empty, length, &error);
    if (U_FAILURE(error)) return -1;
    int32_t count = 0;
    for (int32_t position = ubrk_first(breaker->iterator); position != UBRK_DONE;
         position = ubrk_next(breaker->iterator)) {
        if (count < capacity) {
            boundaries[count] = position;
            if (statuses) statuses[count] = ubrk_getRuleStatus(breaker->iterator);
        }
        count++;
    }
    /* Detach the caller's buffer so the iterator never points at freed memory. */
    ubrk_setText(breaker->iterator, empty, 0, &error);
    return count;
}

int32_t tj_sentence_boundaries(tj_sentence_breaker *breaker, const uint16_t *text, int32_t length,
                               int32_t *boundaries, int32_t capacity) {
    return collect_boundaries(breaker, text, length, boundaries, NULL, capacity);
}

int32_t tj_word_boundaries(tj_sentence_breaker *breaker, const uint16_t *text, int32_t length,
                           int32_t *boundaries, int32_t *statuses, int32_t capacity) {
    return collect_boundaries(breaker, text, length, boundaries, statuses, capacity);
}

/* Appends the scalars of a UTF-16 buffer to the output, all mapped to [start, end). */
static int32_t append_utf16(const UChar *units, int32_t count, int32_t start, int32_t end,
                            int32_t *output, int32_t *source_start, int32_t *source_end,
                            int32_t written, int32_t capacity) {
    int32_t k = 0;
    while (k < count) {
        UChar32 c;
        U16_NEXT(units, k, count, c);
        if (written < capacity) {
            output[written] = c;
            source_start[written] = start;
            source_end[written] = end;
        }
        written++;
    }
    return written;
}

int32_t tj_nfkc_mapped(const int32_t *input, int32_t length, int32_t *output,
                       int32_t *source_start, int32_t *source_end, int32_t capacity) {
    UErrorCode error = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&error);
    if (U_FAILURE(error)) return -1;

    UChar small_in[64], small_out[256];
    int32_t written = 0;
    int32_t i = 0;
    while (i < length) {
        /* A segment runs to the next scalar that normalization cannot combine with what precedes it. */
        int32_t j = i + 1;
        while (j < length && !unorm2_hasBoundaryBefore(nfkc, input[j])) j++;

        if (j == i + 1 && unorm2_isInert(nfkc, input[i])) {
            if (written < capacity) {
                output[written] = input[i];
                source_start[written] = i;
                source_end[written] = i + 1;
            }
            written++;
            i = j;
            continue;
        }

        int32_t in_capacity = 2 * (j - i);
        UChar *in_units = in_capacity <= 64 ? small_in : malloc(sizeof(UChar) * (size_t)in_capacity);
        if (in_units == NULL) return -1;
        int32_t in_count = 0;
        UBool bad = 0;
        for (int32_t k = i; k < j; k++) {
            U16_APPEND(in_units, in_count, in_capacity, (UChar32)input[k], bad);
        }

        if (unorm2_isNormalized(nfkc, in_units, in_count, &error) && U_SUCCESS(error)) {
            for (int32_t k = i; k < j; k++) {
                if (written < capacity) {
                    output[written] = input[k];
                    source_start[written] = k;
                    source_end[written] = k + 1;
                }
                written++;
            }
        } else {
            error = U_ZERO_ERROR;
            int32_t out_capacity = 256;
            UChar *out_units = small_out;
            int32_t out_count = unorm2_normalize(nfkc, in_units, in_count, out_units, out_capacity, &error);
            if (error == U_BUFFER_OVERFLOW_ERROR) {
                error = U_ZERO_ERROR;
                out_capacity = out_count;
                out_units = malloc(sizeof(UChar) * (size_t)out_capacity);
                if (out_units == NULL) {
                    if (in_units != small_in) free(in_units);
                    return -1;
                }
                out_count = unorm2_normalize(nfkc, in_units, in_count, out_units, out_capacity, &error);
            }
            if (U_FAILURE(error)) {
                if (out_units != small_out) free(out_units);
                if (in_units != small_in) free(in_units);
                return -1;
            }
            written = append_utf16(out_units, out_count, i, j, output, source_start, source_end,
                                   written, capacity);
            if (out_units != small_out) free(out_units);
        }
        if (in_units != small_in) free(in_units);
        error = U_ZERO_ERROR;
        i = j;
    }
    return written;
}

const char *tj_icu_version(void) {
    static char version[U_MAX_VERSION_STRING_LENGTH];
    UVersionInfo info;
    u_getVersion(info);
    u_versionToString(info, version);
    return version;
}
