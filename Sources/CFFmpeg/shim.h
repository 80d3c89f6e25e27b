#ifndef SCREENWRIGHT_CFFMPEG_SHIM_H
#define SCREENWRIGHT_CFFMPEG_SHIM_H
#include <libavformat/avformat.h>
#include <libavcodec/avcodec.h>
#include <libavutil/avutil.h>
#include <libavutil/imgutils.h>
#include <libavutil/display.h>
#include <libavutil/log.h>
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

static inline void sw_quiet_logs(void) { av_log_set_level(AV_LOG_QUIET); }
#endif
