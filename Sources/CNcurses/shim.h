#ifndef RINGSIDE_CNCURSES_SHIM_H
#define RINGSIDE_CNCURSES_SHIM_H
// SwiftPM drops pkg-config's -D_XOPEN_SOURCE; without this the wide-char API is hidden.
#define NCURSES_WIDECHAR 1
#include <ncurses.h>
#endif
