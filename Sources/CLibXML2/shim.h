#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU, so its headers pull in the system's <unicode/*.h>, whose UErrorCode
// clashes with Foundation's own ICU module in any file importing both. We never touch the ICU converter
// fields of xmlCharEncodingHandler (only pointers to it), so the headers are read without ICU.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/tree.h>
#endif
