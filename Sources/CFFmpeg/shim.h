#ifndef SCREENWRIGHT_CFFMPEG_SHIM_H
#define SCREENWRIGHT_CFFMPEG_SHIM_H
#include <libavformat/avformat.h>
#include <libavcodec/avcodec.h>
#include <libavutil/avutil.h>
#include <libavutil/imgutils.h>
#include <libavutil/display.h>
#include <libavutil/log.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>

/* Macros Swift cannot import, as functions. */
static inline int sw_averror(int e) { return AVERROR(e); }
static inline int sw_averror_eof(void) { return AVERROR_EOF; }
static inline int64_t sw_nopts(void) { return AV_NOPTS_VALUE; }

/* sws_scale through a shim: AVFrame's data/linesize import into Swift as tuples. */
static inline int sw_scale_frame(struct SwsContext *ctx, const AVFrame *src,
                                 uint8_t *dst, int dst_stride) {
    uint8_t *planes[4] = { dst, NULL, NULL, NULL };
    int strides[4] = { dst_stride, 0, 0, 0 };
    return sws_scale(ctx, (const uint8_t * const *)src->data, src->linesize, 0, src->height, planes, strides);
}

/* The rotation (degrees, counter-clockwise as FFmpeg reports it) from a stream's display matrix, or 0. */
static inline double sw_stream_rotation(const AVStream *st) {
    size_t size = 0;
    const uint8_t *m = av_stream_get_side_data(st, AV_PKT_DATA_DISPLAYMATRIX, &size);
    if (!m || size < 9 * sizeof(int32_t)) return 0;
    double r = av_display_rotation_get((const int32_t *)m);
    return r != r ? 0 : r; /* NaN -> 0 */
}

/* Whether frames of pixel format `fmt` keep 8-bit luma alone in plane 0 with two chroma planes
   (planar YUV such as yuv420p, yuvj420p, yuv422p, yuv444p): then a gray rendition depends on
   plane 0 only. Sets the chroma planes' size shifts. */
static inline int sw_planar_yuv8(int fmt, int *log2_chroma_w, int *log2_chroma_h) {
    const AVPixFmtDescriptor *d = av_pix_fmt_desc_get((enum AVPixelFormat)fmt);
    if (!d || d->nb_components != 3) return 0;
    if (d->flags & (AV_PIX_FMT_FLAG_RGB | AV_PIX_FMT_FLAG_PAL | AV_PIX_FMT_FLAG_BE | AV_PIX_FMT_FLAG_HWACCEL | AV_PIX_FMT_FLAG_BITSTREAM)) return 0;
    if (!(d->flags & AV_PIX_FMT_FLAG_PLANAR)) return 0;
    for (int i = 0; i < 3; i++) {
        if (d->comp[i].plane != i || d->comp[i].depth != 8 || d->comp[i].step != 1 || d->comp[i].shift != 0) return 0;
    }
    *log2_chroma_w = d->log2_chroma_w; *log2_chroma_h = d->log2_chroma_h;
    return 1;
}

/* sws_scale of three planes held by the caller (luma plus two chroma planes) into one. */
static inline int sw_scale_planes(struct SwsContext *ctx, const uint8_t *y, int y_stride,
                                  const uint8_t *u, const uint8_t *v, int c_stride, int height,
                                  uint8_t *dst, int dst_stride) {
    const uint8_t *src[4] = { y, u, v, NULL };
    int strides[4] = { y_stride, c_stride, c_stride, 0 };
    uint8_t *planes[4] = { dst, NULL, NULL, NULL };
    int dstrides[4] = { dst_stride, 0, 0, 0 };
    return sws_scale(ctx, src, strides, 0, height, planes, dstrides);
}

/* A frame's plane 0: pointer and line size (AVFrame's arrays import into Swift as tuples). */
static inline const uint8_t *sw_frame_plane0(const AVFrame *f, int *linesize) { *linesize = f->linesize[0]; return f->data[0]; }

static inline void sw_quiet_logs(void) { av_log_set_level(AV_LOG_QUIET); }
#endif
