#include "CZlib.h"

int nk_inflate_init2(z_stream *stream, int windowBits) { return inflateInit2(stream, windowBits); }
int nk_deflate_init2(z_stream *stream, int level, int windowBits) {
    return deflateInit2(stream, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
}
