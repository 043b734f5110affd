/* The system libxml2, found through pkg-config (libxml-2.0). Only the CXML target includes it. */
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
