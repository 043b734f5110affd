#include "xml_safety.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <libxml/tree.h>

void tj_keep_first_error(int *has_error, int32_t *line, int32_t *column, int32_t *code, char *message, size_t size,
                         int at_line, int at_column, int error_code, const char *text) {
    if (*has_error) return;
    *has_error = 1;
    *line = at_line;
    *column = at_column;
    *code = error_code;
    snprintf(message, size, "%s", text ? text : "malformed XML");
    size_t length = strlen(message);
    while (length > 0 && (message[length - 1] == '\n' || message[length - 1] == ' ')) message[--length] = 0;
}

static xmlEntityPtr predefined_only(void *context, const xmlChar *name) {
    (void)context;
    return xmlGetPredefinedEntity(name);
}

static xmlParserInputPtr no_external_entity(void *context, const xmlChar *public_id, const xmlChar *system_id) {
    (void)context, (void)public_id, (void)system_id;
    return NULL;
}

void tj_refuse_outside_input(xmlSAXHandler *handler) {
    handler->getEntity = predefined_only;
    handler->getParameterEntity = predefined_only;
    handler->resolveEntity = no_external_entity;
}

static pthread_once_t initialized = PTHREAD_ONCE_INIT;

static void initialize(void) {
    xmlInitParser();
}

void tj_initialize_libxml(void) {
    pthread_once(&initialized, initialize);
}

void tj_free_parser(xmlParserCtxtPtr parser) {
    /* A DOCTYPE with declarations makes libxml2 build a document to hold them, even in SAX mode. */
    if (parser->myDoc) {
        xmlFreeDoc(parser->myDoc);
        parser->myDoc = NULL;
    }
    xmlFreeParserCtxt(parser);
}
