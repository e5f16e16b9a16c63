#ifndef CREDENCE_ZLIB_H
#define CREDENCE_ZLIB_H
// zlib (the system's), for reading the parts of uploaded workbooks: raw inflate and CRC-32.
#include <zlib.h>

// inflateInit2 is a macro; Swift sees this function instead.
static inline int CredenceZlib_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}
#endif
