#ifndef TARJUMAN_XML_SAFETY_H
#define TARJUMAN_XML_SAFETY_H

/* What the TMX and the document readers share: no entity but XML's five, no external input, the
 * first error kept on one line, libxml2 set up once, nothing of the parser's left behind. */

#include <stddef.h>
#include <stdint.h>

#include <libxml/parser.h>

/* Keeps the first error (later ones are dropped) with its message on one line. */
void tj_keep_first_error(int *has_error, int32_t *line, int32_t *column, int32_t *code, char *message, size_t size,
                         int at_line, int at_column, int error_code, const char *text);

/* Sets `handler` to resolve XML's predefined entities only and never to load external input. */
void tj_refuse_outside_input(xmlSAXHandler *handler);

/* Readies libxml2 once per process. */
void tj_initialize_libxml(void);

/* Frees what the parser built besides the events (the document libxml2 makes for a DTD). */
void tj_free_parser(xmlParserCtxtPtr parser);

#endif
