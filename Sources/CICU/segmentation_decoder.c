#include "CICU.h"

int32_t tj_decode_for_segmentation(const uint8_t *utf8, int32_t length, uint16_t *units,
                                   int32_t *unit_bytes,
                                   int32_t *breaks, int32_t *break_count,
                                   int32_t *marks, int32_t *mark_count,
                                   int32_t *pairs, int32_t *pair_count) {
    int32_t count = 0, nbreaks = 0, nmarks = 0, npairs = 0;
    int32_t i = 0;
    while (i < length) {
        uint32_t lead = utf8[i];
        unit_bytes[count] = i;
        if (lead >= 0xC3 && lead < 0xE0) {
            /* Two-byte characters other than U+0080..U+00BF: Arabic letters and most of Latin-1. */
            units[count++] = (uint16_t)(((lead & 0x1F) << 6) | (utf8[i + 1] & 0x3F));
            i += 2;
        } else if (lead < 0x80) {
            if (lead > 0x22) {
                units[count++] = (uint16_t)lead;
            } else if (lead == 0x0A || lead == 0x0B || lead == 0x0C || lead == 0x0D) {
                if (lead == 0x0A && i > 0 && utf8[i - 1] == 0x0D && nbreaks > 0) {
                    breaks[nbreaks - 1] |= 1;
                } else {
                    breaks[nbreaks++] = count << 2;
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
                breaks[nbreaks++] = count << 2;
                unit = 0x20;
            } else if (unit == 0xBB) {
                marks[nmarks++] = count;
            }
            units[count++] = unit;
            i += 2;
        } else if (lead < 0xF0) {
            uint16_t unit = (uint16_t)(((lead & 0x0F) << 12) | ((utf8[i + 1] & 0x3F) << 6) | (utf8[i + 2] & 0x3F));
            if (unit == 0x2028 || unit == 0x2029) {
                breaks[nbreaks++] = (count << 2) | (unit == 0x2029 ? 2 : 0);
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
            unit_bytes[count] = i;
            units[count++] = (uint16_t)(0xDC00 + (scalar & 0x3FF));
            i += 4;
        }
    }
    unit_bytes[count] = length;
    *break_count = nbreaks;
    *mark_count = nmarks;
    *pair_count = npairs;
    return count;
}
