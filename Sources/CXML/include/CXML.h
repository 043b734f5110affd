#ifndef TARJUMAN_CXML_H
#define TARJUMAN_CXML_H

/*
 * Tarjuman's XML readers on the system libxml2: the streamed TMX reader (SAX, fed from the file
 * in chunks) and a reader of whole documents (TBX, XLIFF), element by element.
 * Only plain C types cross this header: the libxml2 headers stay in the .c file, so they
 * cannot clash with the copy Foundation's XML module sees.
 */

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* UTF-8 text inside the reader's buffers; `bytes` is NULL when the attribute or element is absent. */
typedef struct {
    const uint8_t *bytes;
    int64_t length;
} tj_text;

/* One `tuv`: its language attribute (`xml:lang`, else `lang`) and its segment's text, with
 * inline codes (`bpt` `ept` `it` `ph` `ut` `sub`) left out and counted. */
typedef struct {
    tj_text language;
    tj_text segment;
    int32_t has_segment;
    int32_t codes;
} tj_tmx_variant;

typedef struct {
    tj_text type;
    tj_text value;
} tj_tmx_property;

/* One `tu` as read; valid only during the callback. */
typedef struct {
    tj_text tuid, creationid, changeid, creationdate, changedate;
    const tj_tmx_variant *variants;
    int32_t variant_count;
    const tj_text *notes;
    int32_t note_count;
    const tj_tmx_property *properties;
    int32_t property_count;
} tj_tmx_unit;

/* Called for each `tu` when it closes; a non-zero answer stops the reading. */
typedef int32_t (*tj_tmx_unit_callback)(void *context, const tj_tmx_unit *unit);

enum {
    TJ_TMX_OK = 0,
    /* The XML is not well-formed, or declares entities: see line, column, code, message. */
    TJ_TMX_MALFORMED = 1,
    /* The callback asked to stop. */
    TJ_TMX_STOPPED = 2,
    /* The file could not be opened or read: see code (errno). */
    TJ_TMX_UNREADABLE = 3,
    /* Memory ran out. */
    TJ_TMX_NO_MEMORY = 4,
};

typedef struct {
    int32_t saw_root;
    /* The header's srclang, NUL-terminated and cut to fit; has_source_language tells if present. */
    int32_t has_source_language;
    char source_language[64];
    /* Set when the file was refused for declaring entities. */
    int32_t refused_entities;
    int32_t line, column, code;
    char message[256];
} tj_tmx_result;

/* Reads the TMX file at `path`, calling `callback` for every `tu` in order. Entity
 * declarations are refused, external DTDs and entities are never loaded, nothing is fetched
 * from the network. Returns one of the TJ_TMX_ codes and fills `result`. */
int32_t tj_tmx_read(const char *path, tj_tmx_unit_callback callback, void *context, tj_tmx_result *result);

/* One attribute of an element: prefix (NULL bytes when none), local name, and value with
 * character references decoded. Valid only during the callback. */
typedef struct {
    tj_text prefix;
    tj_text name;
    tj_text value;
} tj_xml_attribute;

/* What a document reader calls; a non-zero answer stops the reading (TJ_TMX_STOPPED). Line and
 * column are where the parser is. Text may come in several pieces. `start` also gets the
 * namespace declarations the element makes (name: the prefix, NULL bytes for the default
 * namespace; value: the URI; prefix: unused). `comment` and `doctype` may be NULL; the HTML
 * reader calls them (doctype: the name, public and system identifiers, NULL bytes when absent). */
typedef struct {
    int32_t (*start)(void *context, tj_text prefix, tj_text name, const tj_xml_attribute *attributes, int32_t count,
                     const tj_xml_attribute *namespaces, int32_t namespace_count, int32_t line, int32_t column);
    int32_t (*end)(void *context, tj_text prefix, tj_text name, int32_t line, int32_t column);
    int32_t (*text)(void *context, tj_text text, int32_t line, int32_t column);
    int32_t (*comment)(void *context, tj_text text);
    int32_t (*doctype)(void *context, tj_text name, tj_text public_id, tj_text system_id);
} tj_xml_handlers;

typedef struct {
    /* Set when the document was refused for declaring entities. */
    int32_t refused_entities;
    int32_t line, column, code;
    char message[256];
} tj_xml_result;

/* Reads a whole XML document held in memory (any encoding libxml2 recognises), calling the
 * handlers for every element and text in order. Entity declarations are refused, external DTDs
 * and entities are never loaded, nothing is fetched from the network, and elements nested more
 * than `max_depth` deep stop it as malformed. Returns one of the TJ_TMX_ codes. */
int32_t tj_xml_read(const uint8_t *bytes, int64_t length, const char *name, int32_t max_depth,
                    const tj_xml_handlers *handlers, void *context, tj_xml_result *result);

/* Reads an HTML page held in memory with libxml2's lenient HTML parser, calling the handlers for
 * every element (names lowercased, no prefixes; an attribute without a value has NULL value
 * bytes), text, comment and the doctype, in order. `encoding` names the page's encoding when the
 * caller knows it (NULL: the page's own declaration, else UTF-8). No network, no external input;
 * elements nested more than `max_depth` deep stop it as malformed. Returns one of the TJ_TMX_
 * codes; TJ_TMX_MALFORMED only for the depth bound or an unknown encoding. */
int32_t tj_html_read(const uint8_t *bytes, int64_t length, const char *name, const char *encoding, int32_t max_depth,
                     const tj_xml_handlers *handlers, void *context, tj_xml_result *result);

#ifdef __cplusplus
}
#endif

#endif
