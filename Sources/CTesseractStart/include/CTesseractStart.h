#ifndef SCREENWRIGHT_CTESSERACTSTART_H
#define SCREENWRIGHT_CTESSERACTSTART_H
/* Starting a Tesseract engine without the work its LSTM engine never uses (see TesseractStart.c). */

struct TessBaseAPI;

/* Initialises `api` for `language` with the LSTM engine (OEM_LSTM_ONLY). When `trim` is non-zero,
   the legacy engine's universal ambiguity table is not built during the start (it is consulted
   only by the legacy engine). If the language's data has no LSTM model, the engine is started
   again in Tesseract's default mode with nothing left out. Returns 0 on success, as
   TessBaseAPIInit2 does. */
int screenwright_tess_start(struct TessBaseAPI *api, const char *language, int trim);

/* How many universal-ambiguity loads were left out in this process (a test's evidence that the
   skip reaches the library). */
long screenwright_tess_ambig_loads_skipped(void);

#endif
