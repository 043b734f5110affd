#include "CTextDecoding.h"
#include <string.h>

#if defined(__x86_64__)
#include <immintrin.h>

/* For an 8-bit mask of the character starts among 8 byte positions: the shuffle that gathers
 * their 16-bit values to the front, and the positions themselves. */
static uint8_t gather16[256][16];

static void build_tables(void) {
    for (int mask = 0; mask < 256; mask++) {
        int k = 0;
        memset(gather16[mask], 0x80, 16);
        for (int p = 0; p < 8; p++) {
            if (mask & (1 << p)) {
                gather16[mask][2 * k] = (uint8_t)(2 * p);
                gather16[mask][2 * k + 1] = (uint8_t)(2 * p + 1);
                k++;
            }
        }
    }
}

/* Decodes 16 bytes at a time while the text holds only the common characters: ASCII other
 * than controls and '"', and two-byte characters other than U+0080..U+00BF (Arabic letters
 * among them). Stops before the first other character (line breaks, quotes, three- and four-byte
 * characters), which the caller decodes one at a time, or when fewer than 16 bytes are left.
 * Writes units as the scalar loop does (and up to 8 entries past the last one written, which
 * the buffer has room for); returns the bytes consumed, `*count` advances. */
__attribute__((target("sse4.1,popcnt")))
static int32_t decode_simple_blocks(const uint8_t *utf8, int32_t start, int32_t length,
                                    uint16_t *units, int32_t *count) {
    int32_t i = start;
    int32_t n = *count;
    const __m128i low5 = _mm_set1_epi16(0x1F);
    const __m128i low6 = _mm_set1_epi16(0x3F);
    /* Unsigned comparisons through signed ones on bytes with the top bit flipped. */
    const __m128i flip = _mm_set1_epi8((char)0x80);
    const __m128i below_space = _mm_set1_epi8((char)(0x20 ^ 0x80));
    const __m128i above_two_byte = _mm_set1_epi8((char)(0xDF ^ 0x80));
    const __m128i quote = _mm_set1_epi8(0x22);
    const __m128i c2 = _mm_set1_epi8((char)0xC2);
    const __m128i top2 = _mm_set1_epi8((char)0xC0);
    const __m128i top3 = _mm_set1_epi8((char)0xE0);
    const __m128i cont_tag = _mm_set1_epi8((char)0x80);
    const __m128i lead_tag = _mm_set1_epi8((char)0xC0);
    const __m128i zero = _mm_setzero_si128();
    while (i + 16 <= length) {
        __m128i bytes = _mm_loadu_si128((const __m128i *)(utf8 + i));
        __m128i flipped = _mm_xor_si128(bytes, flip);
        __m128i special = _mm_or_si128(_mm_cmplt_epi8(flipped, below_space), _mm_cmpgt_epi8(flipped, above_two_byte));
        special = _mm_or_si128(special, _mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, c2)));
        int special_mask = _mm_movemask_epi8(special);
        __m128i lead_mask = _mm_cmpeq_epi8(_mm_and_si128(bytes, top3), lead_tag);
        int starts = ~_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(bytes, top2), cont_tag)) & 0xFFFF;
        int leads = _mm_movemask_epi8(lead_mask);
        int consumed = 16;
        if (special_mask) {
            /* Only the characters before the first special byte; no special byte continues a
             * character, so they are complete. */
            consumed = __builtin_ctz(special_mask);
            if (consumed == 0) break;
            starts &= (1 << consumed) - 1;
        } else if (leads & 0x8000) {
            /* A character cut by the block's end waits for the next block. */
            starts &= 0x7FFF;
            consumed = 15;
        }
        /* Each byte's 16-bit value: a two-byte lead combined with the byte after it. */
        __m128i next = _mm_srli_si128(bytes, 1);

        __m128i lo = _mm_unpacklo_epi8(bytes, zero);
        __m128i lo_next = _mm_unpacklo_epi8(next, zero);
        __m128i lo_two = _mm_or_si128(_mm_slli_epi16(_mm_and_si128(lo, low5), 6), _mm_and_si128(lo_next, low6));
        __m128i lo_value = _mm_blendv_epi8(lo, lo_two, _mm_unpacklo_epi8(lead_mask, lead_mask));

        __m128i hi = _mm_unpackhi_epi8(bytes, zero);
        __m128i hi_next = _mm_unpackhi_epi8(next, zero);
        __m128i hi_two = _mm_or_si128(_mm_slli_epi16(_mm_and_si128(hi, low5), 6), _mm_and_si128(hi_next, low6));
        __m128i hi_value = _mm_blendv_epi8(hi, hi_two, _mm_unpackhi_epi8(lead_mask, lead_mask));

        /* Gather the values of the character starts, eight positions at a time. */
        int lo_mask = starts & 0xFF, hi_mask = starts >> 8;
        int lo_count = __builtin_popcount(lo_mask), hi_count = __builtin_popcount(hi_mask);

        _mm_storeu_si128((__m128i *)(units + n), _mm_shuffle_epi8(lo_value, _mm_loadu_si128((const __m128i *)gather16[lo_mask])));
        n += lo_count;
        _mm_storeu_si128((__m128i *)(units + n), _mm_shuffle_epi8(hi_value, _mm_loadu_si128((const __m128i *)gather16[hi_mask])));
        n += hi_count;
        i += consumed;
        if (special_mask) break;
    }
    *count = n;
    return i - start;
}

/* Steps over 16-byte blocks while they hold no more character starts than `*remaining` units
 * (a start counts one unit, a four-byte lead two), then finds the start in the next block by
 * its bit when that block has no four-byte character. Returns where it stopped, which may be
 * inside a character when `*remaining` is still above zero. */
__attribute__((target("sse4.1,popcnt")))
static int32_t skip_blocks(const uint8_t *utf8, int32_t i, int32_t length, int32_t *remaining) {
    const __m128i top2 = _mm_set1_epi8((char)0xC0);
    const __m128i cont_tag = _mm_set1_epi8((char)0x80);
    const __m128i flip = _mm_set1_epi8((char)0x80);
    const __m128i below_four_byte = _mm_set1_epi8((char)(0xEF ^ 0x80));
    int32_t left = *remaining;
    while (i + 16 <= length) {
        __m128i bytes = _mm_loadu_si128((const __m128i *)(utf8 + i));
        int starts = ~_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(bytes, top2), cont_tag)) & 0xFFFF;
        int wide = _mm_movemask_epi8(_mm_cmpgt_epi8(_mm_xor_si128(bytes, flip), below_four_byte));
        int block = __builtin_popcount(starts) + __builtin_popcount(wide);
        if (block <= left) {
            left -= block;
            i += 16;
            continue;
        }
        if (wide == 0) {
            for (int k = 0; k < left; k++) starts &= starts - 1;
            i += __builtin_ctz(starts);
            left = 0;
        }
        break;
    }
    *remaining = left;
    return i;
}

/* Set once when the library loads, before any thread can decode. */
static int simd_ready;

__attribute__((constructor))
static void prepare_simd(void) {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("sse4.1") && __builtin_cpu_supports("popcnt")) {
        build_tables();
        simd_ready = 1;
    }
}
#endif

int32_t tj_decode_for_segmentation(const uint8_t *utf8, int32_t length, uint16_t *units,
                                   int32_t *breaks, int32_t *break_count,
                                   int32_t *marks, int32_t *mark_count,
                                   int32_t *pairs, int32_t *pair_count) {
    int32_t count = 0, nbreaks = 0, nmarks = 0, npairs = 0;
    int32_t i = 0;
#if defined(__x86_64__)
    int simd = simd_ready;
#endif
    while (i < length) {
#if defined(__x86_64__)
        if (simd) {
            /* Blocks of common characters at once, then the one character that stopped them. */
            i += decode_simple_blocks(utf8, i, length, units, &count);
            if (i >= length) break;
        }
#endif
        uint32_t lead = utf8[i];
        if (lead >= 0xC3 && lead < 0xE0) {
            units[count++] = (uint16_t)(((lead & 0x1F) << 6) | (utf8[i + 1] & 0x3F));
            i += 2;
        } else if (lead < 0x80) {
            if (lead > 0x22) {
                units[count++] = (uint16_t)lead;
            } else if (lead == 0x0A || lead == 0x0B || lead == 0x0C || lead == 0x0D) {
                if (lead == 0x0A && i > 0 && utf8[i - 1] == 0x0D && nbreaks > 0) {
                    breaks[nbreaks - 1] |= 1;
                } else {
                    breaks[nbreaks++] = (count << 3) | (lead == 0x0B ? 4 : 0);
                }
                units[count++] = 0x20;
            } else {
                if (lead == 0x22) marks[nmarks++] = count;
                units[count++] = (uint16_t)lead;
            }
            i += 1;
        } else if (lead < 0xE0) {
            uint16_t unit = (uint16_t)(((lead & 0x1F) << 6) | (utf8[i + 1] & 0x3F));
            if (unit == 0x85) {
                breaks[nbreaks++] = count << 3;
                unit = 0x20;
            } else if (unit == 0xBB) {
                marks[nmarks++] = count;
            }
            units[count++] = unit;
            i += 2;
        } else if (lead < 0xF0) {
            uint16_t unit = (uint16_t)(((lead & 0x0F) << 12) | ((utf8[i + 1] & 0x3F) << 6) | (utf8[i + 2] & 0x3F));
            if (unit == 0x2028 || unit == 0x2029) {
                breaks[nbreaks++] = (count << 3) | (unit == 0x2029 ? 2 : 4);
                unit = 0x20;
            } else if (unit == 0x2026 || unit == 0x201D) {
                marks[nmarks++] = count;
            }
            units[count++] = unit;
            i += 3;
        } else {
            uint32_t scalar = ((lead & 0x07) << 18) | ((utf8[i + 1] & 0x3F) << 12)
                | ((utf8[i + 2] & 0x3F) << 6) | (utf8[i + 3] & 0x3F);
            scalar -= 0x10000;
            pairs[npairs++] = count;
            units[count++] = (uint16_t)(0xD800 + (scalar >> 10));
            units[count++] = (uint16_t)(0xDC00 + (scalar & 0x3FF));
            i += 4;
        }
    }
    *break_count = nbreaks;
    *mark_count = nmarks;
    *pair_count = npairs;
    return count;
}


int32_t tj_utf8_advance(const uint8_t *utf8, int32_t length, int32_t from, int32_t units) {
    int32_t i = from;
    int32_t remaining = units;
#if defined(__x86_64__)
    if (simd_ready) i = skip_blocks(utf8, i, length, &remaining);
#endif
    /* Continuation bytes are stepped over, so a start inside a character is fine. */
    while (i < length) {
        uint8_t byte = utf8[i];
        if ((byte & 0xC0) != 0x80) {
            if (remaining <= 0) break;
            remaining -= byte >= 0xF0 ? 2 : 1;
        }
        i++;
    }
    return i;
}
