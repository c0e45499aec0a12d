/* proc.h - what the ssc driver needs from the system: growable argument
 * vectors, running a child without a shell, and a temporary directory that
 * is removed when ssc exits (normally or on SIGINT/SIGTERM/SIGHUP). */
#ifndef SSC_PROC_H
#define SSC_PROC_H

#include <stddef.h>

/* A NULL-terminated argument vector. It never frees its strings: the driver
 * is short-lived and builds a handful of commands. */
typedef struct {
    char **v;
    size_t n, cap;
} vec_t;

void vec_push(vec_t *vec, const char *s);
void vec_pushv(vec_t *vec, const vec_t *other);
/* Push a string built by printf-style formatting. */
void vec_pushf(vec_t *vec, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* printf into a fresh heap string; exits with an ssc error if out of memory. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void *xrealloc(void *p, size_t size);

/* Print one `ssc: error: ...` line to stderr. */
void ssc_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print argv shell-quoted on one line to stderr (for -v). */
void print_command(char *const argv[]);

/* Run argv[0] (searched in PATH) with argv, wait for it, and return its exit
 * status. A child that cannot start or dies from a signal gets one
 * `ssc: error:` line and a non-zero result (1, or 128 + the signal); a child
 * that exits non-zero gets one line naming the tool and its status. */
int run_command(char *const argv[], int verbose);

/* Path of NAME inside ssc's temporary directory, created on first use
 * (under $TMPDIR or /tmp) and removed with its files when ssc exits. */
char *temp_path(const char *name);

#endif
