#ifndef SCREENWRIGHT_CTESSERACT_SHIM_H
#define SCREENWRIGHT_CTESSERACT_SHIM_H
#include <tesseract/capi.h>
#endif
