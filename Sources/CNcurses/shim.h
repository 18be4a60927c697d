#ifndef RINGSIDE_CNCURSES_SHIM_H
#define RINGSIDE_CNCURSES_SHIM_H
// SwiftPM drops pkg-config's -D_XOPEN_SOURCE; without this the wide-char API is hidden.
#define NCURSES_WIDECHAR 1
#include <ncurses.h>
#include <term.h>
#include <signal.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

// Swift does not import function-like macros, and Swift 6 strict concurrency rejects
// reads of mutable C globals (stdscr, LINES, COLS, stdin, stdout, cur_term). Everything
// RingsideTerminal needs from those goes through these small accessors instead.

// MARK: Attributes (the A_* macros)
static inline attr_t rs_attr_normal(void) { return A_NORMAL; }
static inline attr_t rs_attr_bold(void) { return A_BOLD; }
static inline attr_t rs_attr_dim(void) { return A_DIM; }
static inline attr_t rs_attr_reverse(void) { return A_REVERSE; }
static inline attr_t rs_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t rs_attr_standout(void) { return A_STANDOUT; }
static inline attr_t rs_color_pair_attr(int pair) { return (attr_t)COLOR_PAIR(pair); }

// MARK: The standard screen and the C stdio streams
static inline WINDOW *rs_stdscr(void) { return stdscr; }
static inline int rs_lines(void) { return LINES; }
static inline int rs_cols(void) { return COLS; }
static inline int rs_screen_height(void) { return stdscr ? getmaxy(stdscr) : 0; }
static inline int rs_screen_width(void) { return stdscr ? getmaxx(stdscr) : 0; }
static inline int rs_colors(void) { return COLORS; }
static inline int rs_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *rs_stdin(void) { return stdin; }
static inline FILE *rs_stdout(void) { return stdout; }

// MARK: Key codes that are function-like macros
static inline int rs_key_f(int n) { return KEY_F(n); }

// MARK: Mouse masks (NCURSES_MOUSE_MASK is a function-like macro)
static inline mmask_t rs_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t rs_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t rs_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t rs_button3_pressed(void) { return BUTTON3_PRESSED; }
static inline mmask_t rs_button3_clicked(void) { return BUTTON3_CLICKED; }
static inline mmask_t rs_button4_pressed(void) { return BUTTON4_PRESSED; }
#if defined(BUTTON5_PRESSED)
static inline mmask_t rs_button5_pressed(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t rs_button5_pressed(void) { return 0; }
#endif

// MARK: Pre-flight terminfo check
/// Loads the terminfo entry for $TERM without touching the screen and reports whether
/// it has cursor addressing ("cup"). Returns 1 if usable, 0 if the entry exists but lacks
/// "cup", -1 if $TERM has no terminfo entry. Frees the entry again so newterm starts clean.
static inline int rs_terminfo_has_cursor_addressing(void) {
    int err = 0;
    if (setupterm(NULL, 1, &err) != OK) { return -1; }
    char *cup = tigetstr("cup");
    int ok = (cup != NULL && cup != (char *)-1) ? 1 : 0;
    TERMINAL *entry = cur_term;
    set_curterm(NULL);
    del_curterm(entry);
    return ok;
}

// MARK: Signals
/// Installs `handler` for `sig` with sigaction and no SA_RESTART, so a blocking read
/// returns early (EINTR) and the main loop notices the flag promptly. Saves the previous
/// disposition in `old` so teardown can put it back.
static inline int rs_install_signal_handler(int sig, void (*handler)(int), struct sigaction *old) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    return sigaction(sig, &action, old);
}

static inline int rs_restore_signal_handler(int sig, const struct sigaction *old) {
    return sigaction(sig, old, NULL);
}

/// Unblocks SIGINT, SIGTERM and SIGHUP in the calling thread, saving its mask in `old`.
/// A program started from a thread that blocks them (a test runner's worker thread, via
/// posix_spawn) inherits that mask, and its handlers would then never run.
static inline int rs_unblock_termination_signals(sigset_t *old) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    return pthread_sigmask(SIG_UNBLOCK, &set, old);
}

/// Puts back a mask saved by rs_unblock_termination_signals.
static inline int rs_restore_signal_mask(const sigset_t *mask) {
    return pthread_sigmask(SIG_SETMASK, mask, NULL);
}

#endif
