#include "CXML.h"
#include "xml_safety.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/* A growable byte buffer. */
typedef struct {
    uint8_t *bytes;
    size_t count, capacity;
} buffer;

/* Text kept in the unit's arena by offset, since the arena may move while it grows. */
typedef struct {
    size_t offset, length;
    int present;
} span;

typedef struct {
    span language, segment;
    int32_t has_segment, codes;
} variant_spans;

typedef struct {
    span type, value;
} property_spans;

enum target { TARGET_NONE, TARGET_SEGMENT, TARGET_NOTE, TARGET_PROPERTY };

/* The element and attribute names the reader looks for, interned in the parser's dictionary:
 * libxml2 hands names over from that dictionary, so a name is recognised by its address. */
typedef struct {
    const xmlChar *tmx, *header, *tu, *tuv, *seg, *note, *prop;
    const xmlChar *bpt, *ept, *it, *ph, *ut, *sub;
    const xmlChar *xml, *lang, *srclang, *tuid, *creationid, *changeid, *creationdate, *changedate, *type;
} names;

typedef struct {
    xmlParserCtxtPtr parser;
    names name;
    tj_tmx_unit_callback callback;
    void *context;
    tj_tmx_result *result;
    int stopped, out_of_memory, refused;
    int has_error;

    int in_unit;
    enum target target;
    int code_depth;
    span property_type;
    span tuid, creationid, changeid, creationdate, changedate;

    /* The current unit's texts; the current element's text. */
    buffer arena, text;
    variant_spans *variants;
    size_t variant_count, variant_capacity;
    span *notes;
    size_t note_count, note_capacity;
    property_spans *properties;
    size_t property_count, property_capacity;

    /* What the callback sees, rebuilt for each unit. */
    tj_tmx_variant *out_variants;
    tj_text *out_notes;
    tj_tmx_property *out_properties;
    size_t out_variant_capacity, out_note_capacity, out_property_capacity;
} reader;

static int reserve(void **items, size_t *capacity, size_t needed, size_t size) {
    if (needed <= *capacity) return 1;
    size_t grown = *capacity ? *capacity * 2 : 8;
    while (grown < needed) grown *= 2;
    void *moved = realloc(*items, grown * size);
    if (!moved) return 0;
    *items = moved;
    *capacity = grown;
    return 1;
}

static int append(buffer *target, const uint8_t *bytes, size_t count) {
    if (count == 0) return 1;
    if (!reserve((void **)&target->bytes, &target->capacity, target->count + count + 1, 1)) return 0;
    memcpy(target->bytes + target->count, bytes, count);
    target->count += count;
    return 1;
}

static void fail_memory(reader *state) {
    if (!state->out_of_memory) {
        state->out_of_memory = 1;
        xmlStopParser(state->parser);
    }
}

/* Copies text into the arena. An attribute value keeps `&` as "&#38;" when libxml2 does not
 * replace entities; `decode_ampersands` turns those back into `&`. */
static span keep(reader *state, const uint8_t *bytes, size_t count, int decode_ampersands) {
    span kept = {state->arena.count, 0, 1};
    if (!decode_ampersands || count == 0 || !memchr(bytes, '&', count)) {
        if (!append(&state->arena, bytes, count)) fail_memory(state);
        kept.length = count;
        return kept;
    }
    size_t index = 0;
    while (index < count) {
        if (index + 5 <= count && memcmp(bytes + index, "&#38;", 5) == 0) {
            if (!append(&state->arena, (const uint8_t *)"&", 1)) fail_memory(state);
            index += 5;
        } else {
            if (!append(&state->arena, bytes + index, 1)) fail_memory(state);
            index += 1;
        }
    }
    kept.length = state->arena.count - kept.offset;
    return kept;
}

static int intern(xmlDictPtr dictionary, names *name) {
#define INTERN(field, text) if (!(name->field = xmlDictLookup(dictionary, (const xmlChar *)text, -1))) return 0;
    INTERN(tmx, "tmx") INTERN(header, "header") INTERN(tu, "tu") INTERN(tuv, "tuv") INTERN(seg, "seg")
    INTERN(note, "note") INTERN(prop, "prop") INTERN(bpt, "bpt") INTERN(ept, "ept") INTERN(it, "it") INTERN(ph, "ph")
    INTERN(ut, "ut") INTERN(sub, "sub") INTERN(xml, "xml") INTERN(lang, "lang") INTERN(srclang, "srclang")
    INTERN(tuid, "tuid") INTERN(creationid, "creationid") INTERN(changeid, "changeid")
    INTERN(creationdate, "creationdate") INTERN(changedate, "changedate") INTERN(type, "type")
#undef INTERN
    return 1;
}

/* The value of an attribute without a prefix (or with `prefix`), or NULL. */
static const xmlChar *attribute(const xmlChar **attributes, int count, const xmlChar *prefix, const xmlChar *name,
                                size_t *length) {
    for (int index = 0; index < count; index++) {
        const xmlChar **entry = attributes + index * 5;
        if (entry[1] == prefix && entry[0] == name) {
            *length = (size_t)(entry[4] - entry[3]);
            return entry[3];
        }
    }
    return NULL;
}

static span keep_attribute(reader *state, const xmlChar **attributes, int count, const xmlChar *prefix, const xmlChar *name) {
    size_t length = 0;
    const xmlChar *value = attribute(attributes, count, prefix, name, &length);
    if (!value) return (span){0, 0, 0};
    return keep(state, value, length, 1);
}

static int is_code(const reader *state, const xmlChar *name) {
    const names *known = &state->name;
    return name == known->bpt || name == known->ept || name == known->it || name == known->ph || name == known->ut ||
           name == known->sub;
}

static void start_element(void *context, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri,
                          int namespace_count, const xmlChar **namespaces, int attribute_count, int defaulted,
                          const xmlChar **attributes) {
    (void)uri, (void)namespace_count, (void)namespaces, (void)defaulted;
    reader *state = context;
    if (prefix) return;
    if (name == state->name.tmx) {
        state->result->saw_root = 1;
    } else if (name == state->name.header && !state->in_unit) {
        size_t length = 0;
        const xmlChar *value = attribute(attributes, attribute_count, NULL, state->name.srclang, &length);
        state->result->has_source_language = value != NULL;
        if (value) {
            state->arena.count = 0;
            span decoded = keep(state, value, length, 1);
            size_t kept = decoded.length < sizeof state->result->source_language - 1 ? decoded.length
                                                                                      : sizeof state->result->source_language - 1;
            memcpy(state->result->source_language, state->arena.bytes + decoded.offset, kept);
            state->result->source_language[kept] = 0;
        }
    } else if (name == state->name.tu) {
        state->in_unit = 1;
        state->target = TARGET_NONE;
        state->code_depth = 0;
        state->arena.count = 0;
        state->variant_count = state->note_count = state->property_count = 0;
        state->tuid = keep_attribute(state, attributes, attribute_count, NULL, state->name.tuid);
        state->creationid = keep_attribute(state, attributes, attribute_count, NULL, state->name.creationid);
        state->changeid = keep_attribute(state, attributes, attribute_count, NULL, state->name.changeid);
        state->creationdate = keep_attribute(state, attributes, attribute_count, NULL, state->name.creationdate);
        state->changedate = keep_attribute(state, attributes, attribute_count, NULL, state->name.changedate);
    } else if (name == state->name.tuv && state->in_unit) {
        if (!reserve((void **)&state->variants, &state->variant_capacity, state->variant_count + 1, sizeof(variant_spans))) {
            fail_memory(state);
            return;
        }
        variant_spans *added = &state->variants[state->variant_count++];
        memset(added, 0, sizeof *added);
        added->language = keep_attribute(state, attributes, attribute_count, state->name.xml, state->name.lang);
        if (!added->language.present) added->language = keep_attribute(state, attributes, attribute_count, NULL, state->name.lang);
    } else if (name == state->name.seg && state->in_unit && state->variant_count > 0) {
        state->target = TARGET_SEGMENT;
        state->variants[state->variant_count - 1].has_segment = 1;
        state->text.count = 0;
    } else if (name == state->name.note && state->in_unit && state->target == TARGET_NONE) {
        state->target = TARGET_NOTE;
        state->text.count = 0;
    } else if (name == state->name.prop && state->in_unit && state->target == TARGET_NONE) {
        state->target = TARGET_PROPERTY;
        state->property_type = keep_attribute(state, attributes, attribute_count, NULL, state->name.type);
        state->text.count = 0;
    } else if (is_code(state, name) && state->target == TARGET_SEGMENT && state->variant_count > 0) {
        if (state->code_depth == 0) state->variants[state->variant_count - 1].codes += 1;
        state->code_depth += 1;
    }
}

static tj_text text_of(const reader *state, span kept) {
    tj_text text = {NULL, 0};
    if (kept.present) {
        text.bytes = state->arena.bytes + kept.offset;
        text.length = (int64_t)kept.length;
    }
    return text;
}

static void finish_unit(reader *state) {
    if (!reserve((void **)&state->out_variants, &state->out_variant_capacity, state->variant_count, sizeof(tj_tmx_variant)) ||
        !reserve((void **)&state->out_notes, &state->out_note_capacity, state->note_count, sizeof(tj_text)) ||
        !reserve((void **)&state->out_properties, &state->out_property_capacity, state->property_count, sizeof(tj_tmx_property))) {
        fail_memory(state);
        return;
    }
    for (size_t index = 0; index < state->variant_count; index++) {
        const variant_spans *kept = &state->variants[index];
        state->out_variants[index] = (tj_tmx_variant){
            text_of(state, kept->language), text_of(state, kept->segment), kept->has_segment, kept->codes};
    }
    for (size_t index = 0; index < state->note_count; index++) state->out_notes[index] = text_of(state, state->notes[index]);
    for (size_t index = 0; index < state->property_count; index++) {
        state->out_properties[index] = (tj_tmx_property){
            text_of(state, state->properties[index].type), text_of(state, state->properties[index].value)};
    }
    tj_tmx_unit unit = {
        text_of(state, state->tuid), text_of(state, state->creationid), text_of(state, state->changeid),
        text_of(state, state->creationdate), text_of(state, state->changedate),
        state->out_variants, (int32_t)state->variant_count,
        state->out_notes, (int32_t)state->note_count,
        state->out_properties, (int32_t)state->property_count,
    };
    if (state->callback(state->context, &unit) != 0) {
        state->stopped = 1;
        xmlStopParser(state->parser);
    }
}

static void end_element(void *context, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri) {
    (void)uri;
    reader *state = context;
    if (prefix) return;
    if (name == state->name.seg && state->target == TARGET_SEGMENT && state->variant_count > 0) {
        state->variants[state->variant_count - 1].segment = keep(state, state->text.bytes, state->text.count, 0);
        state->target = TARGET_NONE;
        state->code_depth = 0;
    } else if (name == state->name.note && state->target == TARGET_NOTE) {
        if (!reserve((void **)&state->notes, &state->note_capacity, state->note_count + 1, sizeof(span))) {
            fail_memory(state);
            return;
        }
        state->notes[state->note_count++] = keep(state, state->text.bytes, state->text.count, 0);
        state->target = TARGET_NONE;
    } else if (name == state->name.prop && state->target == TARGET_PROPERTY) {
        if (!reserve((void **)&state->properties, &state->property_capacity, state->property_count + 1, sizeof(property_spans))) {
            fail_memory(state);
            return;
        }
        span type = state->property_type.present ? state->property_type : keep(state, (const uint8_t *)"", 0, 0);
        state->properties[state->property_count++] = (property_spans){type, keep(state, state->text.bytes, state->text.count, 0)};
        state->target = TARGET_NONE;
    } else if (is_code(state, name)) {
        if (state->target == TARGET_SEGMENT && state->code_depth > 0) state->code_depth -= 1;
    } else if (name == state->name.tu && state->in_unit) {
        state->in_unit = 0;
        finish_unit(state);
    }
}

static void characters(void *context, const xmlChar *bytes, int count) {
    reader *state = context;
    if (state->target == TARGET_NONE || state->code_depth > 0) return;
    if (!append(&state->text, bytes, (size_t)count)) fail_memory(state);
}

static void record_error(reader *state, int line, int column, int code, const char *message) {
    tj_keep_first_error(&state->has_error, &state->result->line, &state->result->column, &state->result->code,
                        state->result->message, sizeof state->result->message, line, column, code, message);
}

static void structured_error(void *context, xmlErrorPtr error) {
    reader *state = context;
    if (!error || error->level < XML_ERR_ERROR) return;
    /* An entity used but not declared is fatal here, whatever libxml2 makes of it. */
    if (error->level == XML_ERR_FATAL || error->code == XML_WAR_UNDECLARED_ENTITY || error->code == XML_ERR_UNDECLARED_ENTITY) {
        record_error(state, error->line, error->int2, error->code, error->message);
        if (error->level != XML_ERR_FATAL) xmlStopParser(state->parser);
    }
}

static void entity_declaration(void *context, const xmlChar *name, int type, const xmlChar *public_id,
                               const xmlChar *system_id, xmlChar *content) {
    (void)name, (void)type, (void)public_id, (void)system_id, (void)content;
    reader *state = context;
    state->refused = 1;
    state->result->refused_entities = 1;
    record_error(state, xmlSAX2GetLineNumber(state->parser), xmlSAX2GetColumnNumber(state->parser), XML_ERR_ENTITY_LOOP,
                 "entity declarations are not accepted (no external entities, no entity expansion)");
    xmlStopParser(state->parser);
}

static void release(reader *state) {
    free(state->arena.bytes);
    free(state->text.bytes);
    free(state->variants);
    free(state->notes);
    free(state->properties);
    free(state->out_variants);
    free(state->out_notes);
    free(state->out_properties);
}

int32_t tj_tmx_read(const char *path, tj_tmx_unit_callback callback, void *context, tj_tmx_result *result) {
    memset(result, 0, sizeof *result);
    tj_initialize_libxml();
    int file = open(path, O_RDONLY | O_CLOEXEC);
    if (file < 0) {
        result->code = errno;
        return TJ_TMX_UNREADABLE;
    }
    enum { chunk_size = 1 << 18 };
    uint8_t *chunk = malloc(chunk_size);
    reader state;
    memset(&state, 0, sizeof state);
    state.callback = callback;
    state.context = context;
    state.result = result;
    if (!chunk || !reserve((void **)&state.arena.bytes, &state.arena.capacity, 4096, 1)) {
        free(chunk);
        close(file);
        release(&state);
        return TJ_TMX_NO_MEMORY;
    }

    xmlSAXHandler handler;
    memset(&handler, 0, sizeof handler);
    handler.initialized = XML_SAX2_MAGIC;
    handler.startElementNs = start_element;
    handler.endElementNs = end_element;
    handler.characters = characters;
    handler.ignorableWhitespace = characters;
    handler.cdataBlock = characters;
    handler.serror = structured_error;
    handler.entityDecl = entity_declaration;
    tj_refuse_outside_input(&handler);

    ssize_t count;
    do {
        count = read(file, chunk, 4);
    } while (count < 0 && errno == EINTR);
    if (count < 0) {
        result->code = errno;
        free(chunk);
        close(file);
        release(&state);
        return TJ_TMX_UNREADABLE;
    }
    state.parser = xmlCreatePushParserCtxt(&handler, &state, (const char *)chunk, (int)count, path);
    if (!state.parser) {
        free(chunk);
        close(file);
        release(&state);
        return TJ_TMX_NO_MEMORY;
    }
    if (!state.parser->dict || !intern(state.parser->dict, &state.name)) {
        xmlFreeParserCtxt(state.parser);
        free(chunk);
        close(file);
        release(&state);
        return TJ_TMX_NO_MEMORY;
    }
    xmlCtxtUseOptions(state.parser, XML_PARSE_NONET);
    state.parser->replaceEntities = 0;
    state.parser->loadsubset = 0;
    state.parser->validate = 0;

    int32_t status = TJ_TMX_OK;
    for (;;) {
        count = read(file, chunk, chunk_size);
        if (count < 0) {
            if (errno == EINTR) continue;
            result->code = errno;
            status = TJ_TMX_UNREADABLE;
            break;
        }
        xmlParseChunk(state.parser, (const char *)chunk, (int)count, count == 0);
        if (state.stopped || state.out_of_memory || state.has_error || state.parser->instate == XML_PARSER_EOF || count == 0) break;
    }
    if (status == TJ_TMX_OK) {
        if (state.out_of_memory) {
            status = TJ_TMX_NO_MEMORY;
        } else if (state.stopped) {
            status = TJ_TMX_STOPPED;
        } else if (state.has_error || state.refused || !state.parser->wellFormed) {
            if (!state.has_error) {
                xmlErrorPtr last = xmlCtxtGetLastError(state.parser);
                record_error(&state, last ? last->line : xmlSAX2GetLineNumber(state.parser),
                             last ? last->int2 : xmlSAX2GetColumnNumber(state.parser), last ? last->code : 1,
                             last ? last->message : NULL);
            }
            status = TJ_TMX_MALFORMED;
        }
    }
    tj_free_parser(state.parser);
    free(chunk);
    close(file);
    release(&state);
    return status;
}
