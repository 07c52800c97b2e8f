// A thin shim over zlib for Swift: inflateInit2/deflateInit2 are macros, wrapped as functions.
#ifndef NEWSKIT_CZLIB_H
#define NEWSKIT_CZLIB_H

#include <zlib.h>

/// windowBits: 15 + 16 for gzip, 15 + 32 to accept gzip or zlib, -15 for raw deflate.
int nk_inflate_init2(z_stream *stream, int windowBits);
int nk_deflate_init2(z_stream *stream, int level, int windowBits);

#endif
