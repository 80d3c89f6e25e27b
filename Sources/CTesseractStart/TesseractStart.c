/* Tesseract spends ~85 % of an engine's start (~0.08 s of CPU of ~0.1 s, measured with Debian's
   5.3.0 and its LSTM-only eng.traineddata) in tesseract::UnicharAmbigs::LoadUniversal: it parses
   the built-in "universal ambiguities" text and inserts every entry into sorted lists, one by one.
   That table belongs to the legacy engine: in 5.3.0 it is read only by Dict::NoDangerousAmbig
   (the legacy segmentation search's language model), adaptive classification (legacy) and
   applybox (training) — never on the LSTM path. Screenwright starts every engine in
   OEM_LSTM_ONLY mode, so the table is dead weight, built twice per run (two engines).

   LoadUniversal is an exported function that init_tesseract_lang_data calls through the PLT, so a
   definition in the executable (exported with --export-dynamic-symbol, see Package.swift) takes
   its place. This one does nothing only while `screenwright_tess_start` is starting an LSTM-only
   engine on the calling thread; any other caller gets the library's own function (found with
   dlsym(RTLD_NEXT)). If the library binds the call internally (another build), the library's
   function simply runs: slower, never different. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdatomic.h>
#include <tesseract/capi.h>
#include "CTesseractStart.h"

#define LOAD_UNIVERSAL "_ZN9tesseract13UnicharAmbigs13LoadUniversalERKNS_10UNICHARSETEPS1_"

static _Thread_local int skipping = 0;
static atomic_long skipped = 0;

typedef void (*load_universal_fn)(void *self, const void *encoder_set, void *unicharset);

/* void tesseract::UnicharAmbigs::LoadUniversal(const UNICHARSET &, UNICHARSET *): `this` and the
   two references are passed as three pointers on every ABI Tesseract runs on. */
void screenwright_load_universal(void *self, const void *encoder_set, void *unicharset)
    __asm__(LOAD_UNIVERSAL) __attribute__((visibility("default"), used));

void screenwright_load_universal(void *self, const void *encoder_set, void *unicharset) {
    if (skipping) {
        atomic_fetch_add(&skipped, 1);
        return;
    }
    static _Atomic(load_universal_fn) original = NULL;
    load_universal_fn f = atomic_load(&original);
    if (f == NULL) {
        f = (load_universal_fn)dlsym(RTLD_NEXT, LOAD_UNIVERSAL);
        atomic_store(&original, f);
    }
    if (f != NULL) f(self, encoder_set, unicharset);
}

int screenwright_tess_start(struct TessBaseAPI *api, const char *language, int trim) {
    skipping = trim != 0;
    int rc = TessBaseAPIInit2(api, NULL, language, OEM_LSTM_ONLY);
    skipping = 0;
    int mode = OEM_LSTM_ONLY;
    if (rc == 0 && TessBaseAPIGetIntVariable(api, "tessedit_ocr_engine_mode", &mode) && mode != OEM_LSTM_ONLY) {
        /* No LSTM model in this language's data: Tesseract fell back to its legacy engine, which
           does read the table. Start again in the default mode, nothing skipped. */
        rc = TessBaseAPIInit2(api, NULL, language, OEM_DEFAULT);
    }
    return rc;
}

long screenwright_tess_ambig_loads_skipped(void) { return atomic_load(&skipped); }
