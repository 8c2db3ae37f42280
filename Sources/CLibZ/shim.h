#ifndef CLIBZ_SHIM_H
#define CLIBZ_SHIM_H
#include <zlib.h>

// deflateInit2 is a macro, which Swift cannot call. A window of -15 bits asks for raw deflate data (no zlib
// header or trailer), the form zip entries store.
static inline int clibz_raw_deflate_init(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
}
#endif
