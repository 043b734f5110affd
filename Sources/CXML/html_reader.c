#include "CXML.h"
#include "xml_safety.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

/* An HTML page read from memory with libxml2's HTML parser, which repairs what real pages get
 * wrong (unclosed elements, stray end tags, missing html/head/body). Nothing outside the page is
 * read: no network, no external entities. */

typedef struct {
    xmlParserCtxtPtr parser;
    const tj_xml_handlers *handlers;
    void *context;
    tj_xml_result *result;
    int32_t max_depth, depth;
    int stopped, too_deep, out_of_memory, encoding_failed;
    tj_xml_attribute *attributes;
    size_t attributes_capacity;
} html_reader;

static tj_text html_text(const xmlChar *bytes) {
    tj_text value = {bytes, bytes ? (int64_t)strlen((const char *)bytes) : 0};
    return value;
}

static void html_stop(html_reader *state) {
    state->stopped = 1;
    xmlStopParser(state->parser);
}

static int html_line(html_reader *state) { return state->parser->input ? state->parser->input->line : 0; }
static int html_column(html_reader *state) { return state->parser->input ? state->parser->input->col : 0; }

static void html_start(void *context, const xmlChar *name, const xmlChar **attributes) {
    html_reader *state = context;
    if (state->stopped) return;
    state->depth += 1;
    if (state->depth > state->max_depth) {
        state->too_deep = 1;
        state->result->line = html_line(state);
        state->result->column = html_column(state);
        snprintf(state->result->message, sizeof state->result->message, "elements nested more than %d deep", (int)state->max_depth);
        html_stop(state);
        return;
    }
    size_t count = 0;
    while (attributes && attributes[2 * count]) count++;
    if (count > state->attributes_capacity) {
        size_t grown = state->attributes_capacity ? state->attributes_capacity * 2 : 16;
        while (grown < count) grown *= 2;
        tj_xml_attribute *items = realloc(state->attributes, grown * sizeof *items);
        if (!items) {
            state->out_of_memory = 1;
            html_stop(state);
            return;
        }
        state->attributes = items;
        state->attributes_capacity = grown;
    }
    for (size_t index = 0; index < count; index++) {
        state->attributes[index].prefix = html_text(NULL);
        state->attributes[index].name = html_text(attributes[2 * index]);
        state->attributes[index].value = html_text(attributes[2 * index + 1]);
    }
    if (state->handlers->start(state->context, html_text(NULL), html_text(name), state->attributes, (int32_t)count, NULL, 0,
                               html_line(state), html_column(state))) {
        html_stop(state);
    }
}

static void html_end(void *context, const xmlChar *name) {
    html_reader *state = context;
    if (state->stopped) return;
    state->depth -= 1;
    if (state->handlers->end(state->context, html_text(NULL), html_text(name), html_line(state), html_column(state))) html_stop(state);
}

static void html_characters(void *context, const xmlChar *bytes, int count) {
    html_reader *state = context;
    if (state->stopped) return;
    tj_text piece = {bytes, count};
    if (state->handlers->text(state->context, piece, html_line(state), html_column(state))) html_stop(state);
}

static void html_comment(void *context, const xmlChar *value) {
    html_reader *state = context;
    if (state->stopped || !state->handlers->comment) return;
    if (state->handlers->comment(state->context, html_text(value))) html_stop(state);
}

static void html_doctype(void *context, const xmlChar *name, const xmlChar *public_id, const xmlChar *system_id) {
    html_reader *state = context;
    if (state->stopped || !state->handlers->doctype) return;
    if (state->handlers->doctype(state->context, html_text(name), html_text(public_id), html_text(system_id))) html_stop(state);
}

/* Bytes that are not valid in the page's encoding stop libxml2's decoder, and the rest of the
 * page would be lost without a word: such a page is refused instead, and nothing is printed. */
static void html_structured_error(void *context, xmlErrorPtr error) {
    html_reader *state = context;
    if (!error || state->encoding_failed) return;
    if (error->domain == XML_FROM_I18N || (error->domain == XML_FROM_IO && error->code == XML_IO_ENCODER) ||
        error->code == XML_ERR_INVALID_ENCODING) {
        state->encoding_failed = 1;
        state->result->line = state->parser && state->parser->input ? state->parser->input->line : 0;
        snprintf(state->result->message, sizeof state->result->message, "bytes that are not valid in its encoding");
    }
}

static void html_generic_error(void *context, const char *message, ...) {
    (void)context, (void)message;
}

static xmlParserInputPtr html_no_entity(void *context, const xmlChar *public_id, const xmlChar *system_id) {
    (void)context, (void)public_id, (void)system_id;
    return NULL;
}

int32_t tj_html_read(const uint8_t *bytes, int64_t length, const char *name, const char *encoding, int32_t max_depth,
                     const tj_xml_handlers *handlers, void *context, tj_xml_result *result) {
    (void)name;
    memset(result, 0, sizeof *result);
    if (length > 0x7fffffff) {
        snprintf(result->message, sizeof result->message, "the page is larger than 2 GB");
        return TJ_TMX_MALFORMED;
    }
    tj_initialize_libxml();
    html_reader state;
    memset(&state, 0, sizeof state);
    state.handlers = handlers;
    state.context = context;
    state.result = result;
    state.max_depth = max_depth > 0 ? max_depth : 256;

    htmlParserCtxtPtr parser = htmlCreateMemoryParserCtxt((const char *)bytes, (int)length);
    if (!parser) return TJ_TMX_NO_MEMORY;
    state.parser = parser;
    xmlSAXHandler *handler = calloc(1, sizeof *handler);
    if (!handler) {
        htmlFreeParserCtxt(parser);
        return TJ_TMX_NO_MEMORY;
    }
    handler->startElement = html_start;
    handler->endElement = html_end;
    handler->characters = html_characters;
    handler->ignorableWhitespace = html_characters;
    handler->cdataBlock = html_characters;
    handler->comment = html_comment;
    handler->internalSubset = html_doctype;
    handler->resolveEntity = html_no_entity;
    if (parser->sax) xmlFree(parser->sax);
    parser->sax = handler;
    parser->userData = &state;
    htmlCtxtUseOptions(parser, HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
    if (encoding) {
        xmlCharEncodingHandlerPtr converter = xmlFindCharEncodingHandler(encoding);
        if (!converter) {
            snprintf(result->message, sizeof result->message, "the encoding '%.64s' is not known", encoding);
            htmlFreeParserCtxt(parser);
            return TJ_TMX_MALFORMED;
        }
        xmlSwitchToEncoding(parser, converter);
    }
    xmlSetStructuredErrorFunc(&state, html_structured_error);
    xmlSetGenericErrorFunc(NULL, html_generic_error);
    htmlParseDocument(parser);
    xmlSetStructuredErrorFunc(NULL, NULL);
    xmlSetGenericErrorFunc(NULL, NULL);
    int32_t status = TJ_TMX_OK;
    if (state.out_of_memory) {
        status = TJ_TMX_NO_MEMORY;
    } else if (state.too_deep || state.encoding_failed) {
        status = TJ_TMX_MALFORMED;
    } else if (state.stopped) {
        status = TJ_TMX_STOPPED;
    }
    if (parser->myDoc) {
        xmlFreeDoc(parser->myDoc);
        parser->myDoc = NULL;
    }
    free(state.attributes);
    htmlFreeParserCtxt(parser);
    return status;
}
