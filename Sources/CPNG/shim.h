#ifndef SCREENWRIGHT_CPNG_SHIM_H
#define SCREENWRIGHT_CPNG_SHIM_H
/* libpng reports errors by longjmp. Every longjmp stays inside the functions of this header:
   sw_png_decode sets the jump point, and errors come back to Swift as a return code plus text.
   Writing uses the simplified png_image_* API, which keeps its own setjmp inside libpng. */
#include <png.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    uint8_t *pixels;          /* malloc'd, tightly packed; free with sw_png_free */
    uint32_t width, height;
    char message[200];
} sw_png_result;

typedef struct { const uint8_t *data; size_t size, pos; } sw_png_source;

static void sw_png_read_fn(png_structp png, png_bytep out, size_t len) {
    sw_png_source *s = (sw_png_source *)png_get_io_ptr(png);
    if (len > s->size - s->pos) png_error(png, "file ends too early (truncated)");
    memcpy(out, s->data + s->pos, len);
    s->pos += len;
}
static void sw_png_error_fn(png_structp png, png_const_charp msg) {
    sw_png_result *r = (sw_png_result *)png_get_error_ptr(png);
    snprintf(r->message, sizeof r->message, "%s", msg ? msg : "libpng error");
    png_longjmp(png, 1);
}
static void sw_png_warning_fn(png_structp png, png_const_charp msg) { (void)png; (void)msg; }

/* Decodes PNG bytes into 1 (gray), 3 (RGB) or 4 (RGBA) 8-bit channels: palette, low-bit gray,
   tRNS and 16-bit inputs are normalised. Returns 0 on success, 1 on a libpng error (message set),
   2 when the header's size exceeds the limits (width/height set, nothing allocated). */
static inline int sw_png_decode(const uint8_t *data, size_t size, int channels,
                                uint32_t max_side, uint64_t max_pixels, sw_png_result *res) {
    memset(res, 0, sizeof *res);
    sw_png_source src = { data, size, 0 };
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, res, sw_png_error_fn, sw_png_warning_fn);
    if (!png) { snprintf(res->message, sizeof res->message, "out of memory"); return 1; }
    png_infop info = png_create_info_struct(png);
    uint8_t *volatile pixels = NULL;
    png_bytep *volatile rows = NULL;
    if (!info || setjmp(png_jmpbuf(png))) {
        free(pixels); free(rows);
        png_destroy_read_struct(&png, info ? &info : NULL, NULL);
        if (!res->message[0]) snprintf(res->message, sizeof res->message, "libpng error");
        return 1;
    }
    png_set_user_limits(png, 0x7fffffff, 0x7fffffff);   /* we check the size ourselves, below */
    png_set_read_fn(png, &src, sw_png_read_fn);
    png_read_info(png, info);
    png_uint_32 w = png_get_image_width(png, info), h = png_get_image_height(png, info);
    if (w > max_side || h > max_side || (uint64_t)w * h > max_pixels) {
        res->width = w; res->height = h;
        png_destroy_read_struct(&png, &info, NULL);
        return 2;
    }
    int color = png_get_color_type(png, info), depth = png_get_bit_depth(png, info);
    if (depth == 16) png_set_strip_16(png);
    if (color == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
    if (color == PNG_COLOR_TYPE_GRAY && depth < 8) png_set_expand_gray_1_2_4_to_8(png);
    int has_alpha = (color & PNG_COLOR_MASK_ALPHA) != 0;
    if (png_get_valid(png, info, PNG_INFO_tRNS)) { png_set_tRNS_to_alpha(png); has_alpha = 1; }
    int is_gray = (color == PNG_COLOR_TYPE_GRAY || color == PNG_COLOR_TYPE_GRAY_ALPHA);
    if (channels == 1) {
        if (!is_gray) png_set_rgb_to_gray_fixed(png, 1, -1, -1);
        if (has_alpha) png_set_strip_alpha(png);
    } else {
        if (is_gray) png_set_gray_to_rgb(png);
        if (channels == 3 && has_alpha) png_set_strip_alpha(png);
        if (channels == 4 && !has_alpha) png_set_filler(png, 0xff, PNG_FILLER_AFTER);
    }
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
    size_t rowbytes = png_get_rowbytes(png, info);
    if (rowbytes != (size_t)w * channels) png_error(png, "unexpected row layout after normalisation");
    pixels = (uint8_t *)malloc(rowbytes * h);
    rows = (png_bytep *)malloc(sizeof(png_bytep) * h);
    if (!pixels || !rows) png_error(png, "out of memory");
    for (png_uint_32 y = 0; y < h; y++) rows[y] = pixels + y * rowbytes;
    png_read_image(png, rows);
    png_read_end(png, NULL);
    free(rows);
    png_destroy_read_struct(&png, &info, NULL);
    res->pixels = pixels; res->width = w; res->height = h;
    return 0;
}
static inline void sw_png_free(sw_png_result *res) { free(res->pixels); res->pixels = NULL; }

static inline png_uint_32 sw_png_format_gray(void) { return PNG_FORMAT_GRAY; }
static inline png_uint_32 sw_png_format_rgb(void) { return PNG_FORMAT_RGB; }
static inline png_uint_32 sw_png_format_rgba(void) { return PNG_FORMAT_RGBA; }
static inline png_uint_32 sw_png_version(void) { return PNG_IMAGE_VERSION; }
#endif
