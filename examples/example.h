/* example.h - what the example programs share, none of it about tasks: the
 * program's name for its messages, argument parsing, a clock, checked
 * allocation, bitwise comparison, a pseudo-random sequence and the one
 * result line. Header-only (static inline functions), because run-example.sh
 * and the README build each example from its one .c file. Include it before
 * any system header: it sets _POSIX_C_SOURCE. */
#ifndef EXAMPLE_H
#define EXAMPLE_H

#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The program's name and argument synopsis, for its messages: set once by
 * ex_begin at the start of main, read-only afterwards. */
static const char *ex_name = "example";
static const char *ex_synopsis = "";

static inline void ex_begin(const char *name, const char *synopsis)
{
    ex_name = name;
    ex_synopsis = synopsis;
}

/* Prints "usage: NAME SYNOPSIS" and exits 2. */
static inline void ex_usage(void)
{
    fprintf(stderr, "usage: %s %s\n", ex_name, ex_synopsis);
    exit(2);
}

/* argv[i] as an integer in [min, max], or def when there is no argv[i].
 * Anything else prints "NAME: bad WHAT 'ARG' (MIN..MAX)" and the usage line
 * and exits 2. */
static inline long ex_arg(int argc, char **argv, int i, const char *what, long def, long min,
                          long max)
{
    if (argc <= i)
        return def;
    char *end;
    long v = strtol(argv[i], &end, 10);
    if (end == argv[i] || *end || v < min || v > max) {
        fprintf(stderr, "%s: bad %s '%s' (%ld..%ld)\n", ex_name, what, argv[i], min, max);
        ex_usage();
    }
    return v;
}

/* Exits 2 with "NAME: BS=bs must divide N=n" unless it does. */
static inline void ex_need_divides(long n, long bs)
{
    if (n % bs) {
        fprintf(stderr, "%s: BS=%ld must divide N=%ld\n", ex_name, bs, n);
        exit(2);
    }
}

/* Seconds on the monotonic clock. */
static inline double ex_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* malloc of count elements of size bytes; exits 2 with "NAME: out of
 * memory" when that fails. */
static inline void *ex_alloc(size_t count, size_t size)
{
    void *p = size && count > SIZE_MAX / size ? NULL : malloc(count * size);
    if (!p) {
        fprintf(stderr, "%s: out of memory\n", ex_name);
        exit(2);
    }
    return p;
}

/* How many of the n elements of size bytes at a and at b differ in any bit. */
static inline long ex_count_differ(const void *a, const void *b, size_t n, size_t size)
{
    const char *pa = a, *pb = b;
    long differ = 0;
    for (size_t i = 0; i < n; i++)
        differ += memcmp(pa + i * size, pb + i * size, size) != 0;
    return differ;
}

/* The next number of the xorshift64 sequence whose state is *s (not 0). */
static inline unsigned long long ex_xorshift64(unsigned long long *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* Prints the program's one line, "NAME: ok (DETAILS)" or "NAME: FAILED
 * (DETAILS)" with DETAILS formatted from fmt, and returns the exit status
 * for it: 0 when ok, 1 when not. */
__attribute__((format(printf, 2, 3))) static inline int ex_report(int ok, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    printf("%s: %s (", ex_name, ok ? "ok" : "FAILED");
    vprintf(fmt, ap);
    printf(")\n");
    va_end(ap);
    return ok ? 0 : 1;
}

#endif
