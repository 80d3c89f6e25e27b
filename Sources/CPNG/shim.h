#ifndef SCREENWRIGHT_CPNG_SHIM_H
#define SCREENWRIGHT_CPNG_SHIM_H
/* libpng's simplified API (png_image_*) keeps setjmp/longjmp inside libpng: errors come back as
   return values and png_image.message, so no longjmp ever crosses Swift frames. */
#include <png.h>
#include <string.h>
static inline size_t sw_png_row_stride(const png_image *img) { return PNG_IMAGE_ROW_STRIDE(*img); }
static inline png_uint_32 sw_png_format_gray(void) { return PNG_FORMAT_GRAY; }
static inline png_uint_32 sw_png_format_rgb(void) { return PNG_FORMAT_RGB; }
static inline png_uint_32 sw_png_format_rgba(void) { return PNG_FORMAT_RGBA; }
static inline png_uint_32 sw_png_version(void) { return PNG_IMAGE_VERSION; }
static inline int sw_png_failed(const png_image *img) { return PNG_IMAGE_FAILED(*img); }
#endif
