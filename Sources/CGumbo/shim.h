#ifndef CGUMBO_SHIM_H
#define CGUMBO_SHIM_H
// Gumbo: an HTML5 parser in C with no dependencies (no ICU), the worker's scrapers' HTML parser.
#include <gumbo.h>
#endif
