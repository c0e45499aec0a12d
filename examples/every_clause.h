/* every_clause.h - the part of every_clause.c and every_clause_v1.c that
 * does not depend on the pragma spelling: the check counters, the helpers
 * the tests call, the bodies of the two function tasks and main's driver.
 * The including file declares the function tasks vec_copy and scale_matrix
 * before it includes this, and defines the tests. */
#ifndef EVERY_CLAUSE_H
#define EVERY_CLAUSE_H

#include "example.h"
#include <pthread.h>
#include <stdatomic.h>

/* ---- checking ---- */

static int tasking; /* 1: the pragmas are honoured; 0: sequential build */
static int checks, failures;

static void check(int ok, const char *what)
{
    checks++;
    if (!ok) {
        failures++;
        fprintf(stderr, "%s: check failed: %s\n", ex_name, what);
    }
}

static void pause_ms(int ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

/* ---- for test_exclusive: an increment that notices overlapping calls ---- */

static atomic_int inside, overlaps;

static void exclusive_increment(int *v)
{
    if (atomic_fetch_add(&inside, 1) != 0)
        atomic_fetch_add(&overlaps, 1);
    int old = *v;
    pause_ms(2);
    *v = old + 1;
    atomic_fetch_sub(&inside, 1);
}

/* ---- for test_scheduling_clauses: the onready action ---- */

static atomic_int ready_calls;
static int ready_saw = -1;

/* Called only from an onready clause: not static, so that a build without
 * tasks, which drops the clause, does not warn that it is unused. */
void note_ready(const int *p);
void note_ready(const int *p)
{
    ready_saw = *p;
    atomic_fetch_add(&ready_calls, 1);
}

/* Set by the release test of the OmpSs-2 spelling (v1 has no release):
 * the writer started while the reader ran. */
static int release_early;

/* ---- the bodies of the function tasks the including file declared ---- */

void vec_copy(int n, const double *src, double *dst)
{
    for (int i = 0; i < n; i++)
        dst[i] = src[i];
}

void scale_matrix(int n, double (*m)[n], double f)
{
    pause_ms(5);
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            m[i][j] *= f;
}

/* ---- the tests, defined by the including file, in the order they run ---- */

static void test_data_sharing(void); /* also sets tasking */
static void test_dependences(void);
static void test_sections(void);
static void test_multidependences(void);
static void test_concurrent(void);
static void test_exclusive(void);
static void test_weak(void);
static void test_if_final(void);
static void test_scheduling_clauses(void);
static void test_reduction(void);
static void test_partial_waits(void);
static void test_vla(void);

/* The main of every_clause.c and every_clause_v1.c; name is the program's
 * name, for its messages. */
static int every_clause_main(const char *name, int argc, char **argv)
{
    ex_begin(name, "[tasks|sequential]");
    const char *expect = argc > 1 ? argv[1] : NULL;
    if (expect && strcmp(expect, "tasks") && strcmp(expect, "sequential"))
        ex_usage();
    test_data_sharing();
    if (expect)
        check(tasking == !strcmp(expect, "tasks"), "built the way the argument says");
    test_dependences();
    test_sections();
    test_multidependences();
    test_concurrent();
    test_exclusive();
    test_weak();
    test_if_final();
    test_scheduling_clauses();
    test_reduction();
    test_partial_waits();
    test_vla();
    const char *early = "; after release a writer started before the reader ended";
    return ex_report(failures == 0, "%s, %d checks, %d failed%s",
                     tasking ? "with tasks" : "sequential", checks, failures,
                     release_early ? early : "");
}

#endif
