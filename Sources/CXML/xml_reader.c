#include "CXML.h"
#include "xml_safety.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/* A whole XML document read from memory with libxml2's SAX parser, element by element, for
 * the document-sized formats (TBX, XLIFF). The same safety as the TMX reader: entity
 * declarations refused, no DTD or external entity loaded, no network; and a bounded depth. */

typedef struct {
    xmlParserCtxtPtr parser;
    const tj_xml_handlers *handlers;
    void *context;
    tj_xml_result *result;
    int32_t max_depth, depth;
    int stopped, out_of_memory, has_error;
    /* Decoded attribute values, and the attributes handed to the callback. */
    uint8_t *values;
    size_t values_count, values_capacity;
    tj_xml_attribute *attributes;
    size_t attributes_capacity;
    size_t *offsets;
} document_reader;

static tj_text text(const xmlChar *bytes) {
    tj_text value = {bytes, bytes ? (int64_t)strlen((const char *)bytes) : 0};
    return value;
}

static void record(document_reader *state, int line, int column, int code, const char *message) {
    tj_keep_first_error(&state->has_error, &state->result->line, &state->result->column, &state->result->code,
                        state->result->message, sizeof state->result->message, line, column, code, message);
}

static void stop(document_reader *state) {
    state->stopped = 1;
    xmlStopParser(state->parser);
}

static int line_of(document_reader *state) { return xmlSAX2GetLineNumber(state->parser); }
static int column_of(document_reader *state) { return xmlSAX2GetColumnNumber(state->parser); }

static int put_value(document_reader *state, const xmlChar *bytes, size_t count) {
    if (state->values_count + count > state->values_capacity) {
        size_t grown = state->values_capacity ? state->values_capacity * 2 : 1024;
        while (grown < state->values_count + count) grown *= 2;
        uint8_t *values = realloc(state->values, grown);
        if (!values) return 0;
        state->values = values;
        state->values_capacity = grown;
    }
    /* Without entity replacement libxml2 keeps `&` in attributes as "&#38;": turn it back. */
    size_t index = 0;
    while (index < count) {
        if (bytes[index] == '&' && index + 5 <= count && memcmp(bytes + index, "&#38;", 5) == 0) {
            state->values[state->values_count++] = '&';
            index += 5;
        } else {
            state->values[state->values_count++] = bytes[index++];
        }
    }
    return 1;
}

static void start_element(void *context, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri,
                          int namespace_count, const xmlChar **namespaces, int count, int defaulted,
                          const xmlChar **attributes) {
    (void)uri, (void)defaulted;
    document_reader *state = context;
    if (state->stopped || state->has_error) return;
    state->depth += 1;
    if (state->depth > state->max_depth) {
        char message[128];
        snprintf(message, sizeof message, "elements nested more than %d deep", (int)state->max_depth);
        record(state, line_of(state), column_of(state), XML_ERR_INTERNAL_ERROR, message);
        stop(state);
        return;
    }
    size_t needed = (size_t)count + (size_t)namespace_count;
    if (needed > state->attributes_capacity) {
        size_t grown = state->attributes_capacity ? state->attributes_capacity * 2 : 16;
        while (grown < needed) grown *= 2;
        tj_xml_attribute *items = realloc(state->attributes, grown * sizeof *items);
        size_t *offsets = realloc(state->offsets, grown * 2 * sizeof *offsets);
        if (items) state->attributes = items;
        if (offsets) state->offsets = offsets;
        if (!items || !offsets) {
            state->out_of_memory = 1;
            stop(state);
            return;
        }
        state->attributes_capacity = grown;
    }
    state->values_count = 0;
    for (int index = 0; index < count; index++) {
        const xmlChar **entry = attributes + index * 5;
        state->offsets[2 * index] = state->values_count;
        if (!put_value(state, entry[3], (size_t)(entry[4] - entry[3]))) {
            state->out_of_memory = 1;
            stop(state);
            return;
        }
        state->offsets[2 * index + 1] = state->values_count;
    }
    for (int index = 0; index < count; index++) {
        const xmlChar **entry = attributes + index * 5;
        size_t start = state->offsets[2 * index], end = state->offsets[2 * index + 1];
        state->attributes[index].prefix = text(entry[1]);
        state->attributes[index].name = text(entry[0]);
        state->attributes[index].value.bytes = state->values ? state->values + start : (const uint8_t *)"";
        state->attributes[index].value.length = (int64_t)(end - start);
    }
    tj_xml_attribute *declarations = state->attributes ? state->attributes + count : NULL;
    for (int index = 0; index < namespace_count; index++) {
        declarations[index].prefix = text(NULL);
        declarations[index].name = text(namespaces[2 * index]);
        declarations[index].value = text(namespaces[2 * index + 1]);
    }
    if (state->handlers->start(state->context, text(prefix), text(name), state->attributes, count, declarations, namespace_count,
                               line_of(state), column_of(state))) {
        stop(state);
    }
}

static void end_element(void *context, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri) {
    (void)uri;
    document_reader *state = context;
    if (state->stopped || state->has_error) return;
    state->depth -= 1;
    if (state->handlers->end(state->context, text(prefix), text(name), line_of(state), column_of(state))) stop(state);
}

static void characters(void *context, const xmlChar *bytes, int count) {
    document_reader *state = context;
    if (state->stopped || state->has_error) return;
    tj_text piece = {bytes, count};
    if (state->handlers->text(state->context, piece, line_of(state), column_of(state))) stop(state);
}

static void structured_error(void *context, xmlErrorPtr error) {
    document_reader *state = context;
    if (!error || error->level < XML_ERR_ERROR) return;
    if (error->level == XML_ERR_FATAL || error->code == XML_WAR_UNDECLARED_ENTITY || error->code == XML_ERR_UNDECLARED_ENTITY) {
        record(state, error->line, error->int2, error->code, error->message);
        if (error->level != XML_ERR_FATAL) xmlStopParser(state->parser);
    }
}

static void entity_declaration(void *context, const xmlChar *name, int type, const xmlChar *public_id,
                               const xmlChar *system_id, xmlChar *content) {
    (void)name, (void)type, (void)public_id, (void)system_id, (void)content;
    document_reader *state = context;
    state->result->refused_entities = 1;
    record(state, line_of(state), column_of(state), XML_ERR_ENTITY_LOOP,
           "entity declarations are not accepted (no external entities, no entity expansion)");
    xmlStopParser(state->parser);
}

int32_t tj_xml_read(const uint8_t *bytes, int64_t length, const char *name, int32_t max_depth,
                    const tj_xml_handlers *handlers, void *context, tj_xml_result *result) {
    memset(result, 0, sizeof *result);
    tj_initialize_libxml();
    document_reader state;
    memset(&state, 0, sizeof state);
    state.handlers = handlers;
    state.context = context;
    state.result = result;
    state.max_depth = max_depth > 0 ? max_depth : 64;

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

    int64_t first = length < 4 ? length : 4;
    state.parser = xmlCreatePushParserCtxt(&handler, &state, (const char *)bytes, (int)first, name);
    if (!state.parser) return TJ_TMX_NO_MEMORY;
    xmlCtxtUseOptions(state.parser, XML_PARSE_NONET);
    state.parser->replaceEntities = 0;
    state.parser->loadsubset = 0;
    state.parser->validate = 0;

    enum { chunk_size = 1 << 18 };
    int64_t offset = first;
    for (;;) {
        int64_t remaining = length - offset;
        int count = remaining > chunk_size ? chunk_size : (int)remaining;
        xmlParseChunk(state.parser, (const char *)bytes + offset, count, offset + count >= length);
        offset += count;
        if (state.stopped || state.out_of_memory || state.has_error || state.parser->instate == XML_PARSER_EOF ||
            offset >= length) {
            break;
        }
    }
    int32_t status = TJ_TMX_OK;
    if (state.out_of_memory) {
        status = TJ_TMX_NO_MEMORY;
    } else if (state.has_error || !state.parser->wellFormed) {
        if (!state.has_error) {
            xmlErrorPtr last = xmlCtxtGetLastError(state.parser);
            record(&state, last ? last->line : line_of(&state), last ? last->int2 : column_of(&state), last ? last->code : 1,
                   last ? last->message : NULL);
        }
        status = TJ_TMX_MALFORMED;
    } else if (state.stopped) {
        status = TJ_TMX_STOPPED;
    }
    tj_free_parser(state.parser);
    free(state.values);
    free(state.attributes);
    free(state.offsets);
    return status;
}
