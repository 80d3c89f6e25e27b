#ifndef SCREENWRIGHT_CTESSERACT_SHIM_H
#define SCREENWRIGHT_CTESSERACT_SHIM_H
#include <tesseract/capi.h>

/* libgomp, Tesseract's OpenMP runtime (Debian builds Tesseract with OpenMP). Declared here
   rather than through <omp.h>, which lives in GCC's private include directory. */
extern void omp_set_max_active_levels(int max_levels);
extern int omp_get_max_active_levels(void);
#endif
