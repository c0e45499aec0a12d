/* every_clause.c - one program using nearly every directive and clause of
 * the pragma language, each in a small test whose check makes the clause's
 * effect visible where a program can see it: tasks that should wait for a
 * writer find its value (writers sleep first, so a missing dependence shows
 * as a stale read), mutually exclusive tasks never overlap, final and if(0)
 * tasks run on the creating thread before the creator goes on, private and
 * firstprivate copies do not leak, and so on.
 *
 * Built without -fompss the pragmas are ignored and the program runs
 * sequentially; the first test tells the two apart (a private variable
 * written by a task changes the creator's copy only when there are no
 * tasks), and the few checks that depend on it say so.
 *
 * The check counters, the helpers the tests call, the bodies of the two
 * function tasks and main's driver are in every_clause.h; this file holds
 * the tests.
 *
 * Usage: every_clause [tasks|sequential]   (with an argument, it also checks
 *        that it was built that way: with -fompss, or without)
 * Build: ssc -fompss -O2 every_clause.c -o every_clause */

/* ---- function tasks declared as they would be in a header; their bodies
 * are in every_clause.h, which comes after the declarations ---- */

/* dst[0..n) = src[0..n): shaping [n]p turns a pointer into an array. */
#pragma oss task in([n]src) out([n]dst) label("vec_copy")
void vec_copy(int n, const double *src, double *dst);

/* m[i][j] *= f for an n x n matrix passed as a pointer to VLA rows. */
#pragma oss task inout(m[0;n][0;n]) label("scale_matrix") cost(n * n)
void scale_matrix(int n, double (*m)[n], double f);

#include "every_clause.h"

/* ---- private, firstprivate, shared, default(shared) ---- */

static void test_data_sharing(void)
{
    int probe = 0;
#pragma oss task private(probe) label("probe")
    {
        probe = 1;
    }
#pragma oss taskwait
    tasking = probe == 0;

    int sh = 0, fp = 10, pv = 20, df = 0;
#pragma oss task shared(sh) firstprivate(fp) private(pv) default(shared) label("sharing")
    {
        pause_ms(20); /* let the creator change fp first */
        pv = fp + 1;
        sh = pv;
        df = 2 * fp;
        fp = 99;
    }
    fp = 12;
#pragma oss taskwait
    check(sh == 11, "firstprivate(fp) is the value at creation, shared(sh) is written back");
    check(df == 20, "default(shared) makes df the creator's variable");
    check(fp == 12, "a write to firstprivate fp stays in the task");
    check(pv == (tasking ? 20 : 11), "a write to private pv stays in the task");

    int q = 0, k = 3;
#pragma oss task default(none) shared(q) firstprivate(k) label("default(none)")
    q = 2 * k;
#pragma oss taskwait
    check(q == 6, "default(none) with every variable listed");
}

/* ---- in, out, inout, input, output, depend(in|out|inout: ...) ---- */

static void test_dependences(void)
{
    int x = 0, y = 0, z = 0;
#pragma oss task out(x) label("x = 1")
    {
        pause_ms(20);
        x = 1;
    }
#pragma oss task inout(x) label("x = 10x + 2")
    {
        pause_ms(5);
        x = 10 * x + 2;
    }
#pragma oss task input(x) output(y) label("y from x")
    y = 10 * x + 3;
#pragma oss task depend(in: x, y) depend(out: z) label("z from y")
    z = y + x;
#pragma oss task depend(inout: z) label("z *= 2")
    z *= 2;
#pragma oss taskwait
    check(x == 12 && y == 123 && z == 270, "in/out/inout/input/output/depend chain");

    /* Other lvalues: *p, a struct member, a section through ->. */
    struct acc {
        int n;
        double v[4];
    } s = {0, {0}}, *ps = &s;
    int *p = &s.n;
#pragma oss task out(*p) label("*p")
    {
        pause_ms(10);
        *p = 4;
    }
#pragma oss task in(s.n) out(ps->v[0;4]) label("ps->v")
    for (int i = 0; i < 4; i++)
        ps->v[i] = s.n + i;
#pragma oss task inout(s.v[1:2]) label("s.v[1:2]")
    {
        s.v[1] *= 10;
        s.v[2] *= 10;
    }
#pragma oss taskwait
    check(s.n == 4 && s.v[0] == 4 && s.v[1] == 50 && s.v[2] == 60 && s.v[3] == 7,
          "dependences on *p, s.n, ps->v[0;4], s.v[1:2]");
}

/* ---- sections a[l;n], a[l:u] (inclusive), depend(in: a[l:n]) (length) ---- */

static void test_sections(void)
{
    int a[16] = {0};
    int seen_len = -1, seen_incl = -1, seen_omp = -1;
#pragma oss task out(a[3]) label("a[3]")
    {
        pause_ms(20);
        a[3] = 1;
    }
#pragma oss task in(a[0;4]) shared(seen_len) label("in a[0;4]")
    seen_len = a[3];
#pragma oss task out(a[12]) label("a[12]")
    {
        pause_ms(20);
        a[12] = 1;
    }
#pragma oss task in(a[8:12]) shared(seen_incl) label("in a[8:12]")
    seen_incl = a[12]; /* 8..12: the upper bound is included */
#pragma oss task out(a[14]) label("a[14]")
    {
        pause_ms(20);
        a[14] = 1;
    }
#pragma oss task depend(in: a[10:5]) shared(seen_omp) label("depend in a[10:5]")
    seen_omp = a[14]; /* OpenMP lower:length, 10..14 */
#pragma oss taskwait
    check(seen_len == 1, "in(a[0;4]) waits for a writer of a[3]");
    check(seen_incl == 1, "in(a[8:12]) includes a[12]");
    check(seen_omp == 1, "depend(in: a[10:5]) is 5 elements from 10, up to a[14]");

    /* Shaping plus section on a pointer; a function task with shaping. */
    double src[8], dst[8] = {0};
    double *sp = src;
    int sz = 8;
#pragma oss task out(([sz]sp)[0:sz - 1]) label("fill src")
    {
        pause_ms(10);
        for (int i = 0; i < sz; i++)
            sp[i] = i * 1.5;
    }
    vec_copy(8, src, dst);
#pragma oss taskwait
    check(memcmp(src, dst, sizeof src) == 0 && dst[7] == 10.5,
          "function task in([n]src) out([n]dst) after out(([sz]sp)[0:sz-1])");
}

/* ---- multidependences ---- */

static void test_multidependences(void)
{
    int md[8] = {0};
    int sum1 = 0, sum2 = 0;
    for (int k = 0; k < 8; k++) {
#pragma oss task out(md[k]) label("md[k]")
        {
            pause_ms(2 * (8 - k));
            md[k] = k * k;
        }
    }
#pragma oss task in({md[j], j = 0;8}) out(sum1) label("in {md[j], j=0;8}")
    for (int i = 0; i < 8; i++)
        sum1 += md[i];
#pragma oss task in({md[2 * j;2], j = 0:3}) out(sum2) label("in {md[2j;2], j=0:3}")
    for (int i = 0; i < 8; i++)
        sum2 += md[i];
#pragma oss taskwait
    check(sum1 == 140 && sum2 == 140, "multidependences wait for every element's writer");
}

/* ---- concurrent, depend(inoutset), atomic ---- */

static void test_concurrent(void)
{
    long c = 0, s = 0, seen_c = -1, seen_s = -1;
    for (int k = 1; k <= 8; k++) {
#pragma oss task concurrent(c) label("concurrent")
        {
            for (int i = 0; i < 1000; i++) {
#pragma oss atomic
                c += k;
            }
        }
#pragma oss task depend(inoutset: s) label("inoutset")
        {
            for (int i = 0; i < 1000; i++) {
#pragma oss atomic
                s++;
            }
        }
    }
#pragma oss task in(c, s) out(seen_c, seen_s) label("after the set")
    {
        seen_c = c;
        seen_s = s;
    }
#pragma oss taskwait
    check(c == 36000 && s == 8000, "atomic updates in concurrent/inoutset tasks");
    check(seen_c == 36000 && seen_s == 8000, "in() after concurrent/inoutset waits for the set");
}

/* ---- commutative, depend(mutexinoutset), critical ---- */

static void test_exclusive(void)
{
    int m = 0, mx = 0;
    for (int k = 0; k < 6; k++) {
#pragma oss task commutative(m) label("commutative")
        exclusive_increment(&m);
    }
#pragma oss taskwait
    check(m == 6 && atomic_load(&overlaps) == 0, "commutative tasks never overlap");
    for (int k = 0; k < 6; k++) {
#pragma oss task depend(mutexinoutset: mx) label("mutexinoutset")
        exclusive_increment(&mx);
    }
#pragma oss taskwait
    check(mx == 6 && atomic_load(&overlaps) == 0, "mutexinoutset tasks never overlap");

    long cr = 0, named = 0;
    for (int k = 0; k < 8; k++) {
#pragma oss task shared(cr, named) label("critical")
        {
            for (int i = 0; i < 2000; i++) {
#pragma oss critical
                {
                    cr += 1;
                }
#pragma oss critical(named_counter)
                named += 2;
            }
        }
    }
#pragma oss taskwait
    check(cr == 16000 && named == 32000, "critical and critical(name) updates are not lost");
}

/* ---- weakin, weakout, weakinout on tasks that create subtasks ---- */

static void test_weak(void)
{
    enum { NW = 64, WB = 16 };
    double w[NW];
    double wsum = 0.0;
#pragma oss task weakout(w[0;NW]) label("weakout parent")
    {
        for (int b = 0; b < NW; b += WB) {
#pragma oss task out(w[b;WB]) label("fill block")
            {
                pause_ms(10);
                for (int i = b; i < b + WB; i++)
                    w[i] = i;
            }
        }
    }
#pragma oss task weakinout(w[0;NW]) label("weakinout parent")
    {
        for (int b = 0; b < NW; b += WB) {
#pragma oss task inout(w[b;WB]) label("double block")
            for (int i = b; i < b + WB; i++)
                w[i] *= 2;
        }
    }
#pragma oss task weakin(w[0;NW]) weakinout(wsum) label("weakin parent")
    {
        for (int b = 0; b < NW; b += WB) {
#pragma oss task in(w[b;WB]) commutative(wsum) label("sum block")
            for (int i = b; i < b + WB; i++)
                wsum += w[i];
        }
    }
#pragma oss taskwait
    int ok = wsum == 2.0 * (NW * (NW - 1) / 2);
    for (int i = 0; i < NW; i++)
        ok &= w[i] == 2.0 * i;
    check(ok, "subtasks of weak parents are ordered across parents");
}

/* ---- if(0), final(1) ---- */

static void test_if_final(void)
{
    pthread_t creator = pthread_self();
    int done = 0, same_thread = 0;
#pragma oss task if(0) shared(done, same_thread) label("if(0)")
    {
        pause_ms(20);
        same_thread = pthread_equal(pthread_self(), creator);
        done = 1;
    }
    check(done == 1, "if(0): the creator goes on only after the task finished");
    check(same_thread, "if(0): the task runs on the creating thread");

    int d = 0;
#pragma oss task out(d) label("writer before if(0)")
    {
        pause_ms(20);
        d = 5;
    }
#pragma oss task if(0) inout(d) label("if(0) with a dependence")
    d += 1;
    check(d == 6, "if(0): the dependences are still honoured");

    int result = 0;
#pragma oss task final(1) shared(result) label("final(1)")
    {
        pthread_t me = pthread_self();
        int child = 0, grandchild = 0, inline_run = 1;
#pragma oss task shared(child, grandchild, inline_run) label("child of final")
        {
            inline_run &= pthread_equal(pthread_self(), me);
#pragma oss task shared(grandchild, inline_run) label("grandchild of final")
            {
                pause_ms(10);
                inline_run &= pthread_equal(pthread_self(), me);
                grandchild = 1;
            }
            child = grandchild + 1; /* no taskwait: the grandchild already ran */
        }
        result = child == 2 && inline_run;
    }
#pragma oss taskwait
    check(result, "final(1): nested tasks run at once, on the same thread");
}

/* ---- onready, priority, label, cost, wait, untied, mergeable ---- */

static void test_scheduling_clauses(void)
{
    int v = 0, calls_in_body = -1;
#pragma oss task out(v) priority(1) label("before onready")
    {
        pause_ms(20);
        v = 42;
    }
#pragma oss task in(v) onready(note_ready(&v)) shared(calls_in_body) priority(10) cost(5) \
    label("onready")
    calls_in_body = atomic_load(&ready_calls);
#pragma oss taskwait
    if (tasking)
        check(calls_in_body == 1 && ready_saw == 42 && v == 42,
              "onready runs once, after the dependences, before the body");
    else
        check(calls_in_body == 0 && v == 42, "no onready call without tasks");

    int wv = 0, seen = 0;
#pragma oss task wait out(wv) priority(2) untied mergeable label("wait")
    {
#pragma oss task shared(wv) label("child of wait")
        {
            pause_ms(20);
            wv = 7;
        }
    }
#pragma oss task in(wv) out(seen) label("after wait")
    seen = wv;
#pragma oss taskwait
    check(seen == 7, "wait: a task ends only after its children");
}

/* ---- reduction ---- */

static void test_reduction(void)
{
    int data[100];
    for (int i = 0; i < 100; i++)
        data[i] = i;
    long sum = 0;
    for (int b = 0; b < 100; b += 10) {
#pragma oss task in(data[b;10]) reduction(+: sum) priority(b / 10) label("reduce")
        for (int i = b; i < b + 10; i++)
            sum += data[i];
    }
#pragma oss taskwait
    check(sum == 4950, "reduction(+: sum)");

    long count = 0;
#pragma oss taskloop grainsize(7) reduction(+: count) label("taskloop")
    for (int i = 0; i < 100; i++)
        count += data[i] % 3 == 0;
#pragma oss taskwait
    check(count == 34, "taskloop grainsize() reduction()");
}

/* ---- taskwait on(), taskwait in(), release ---- */

static atomic_int writer_started;

static void test_partial_waits(void)
{
    int tw = 0, slow = 0;
#pragma oss task out(tw) label("tw = 1")
    {
        pause_ms(20);
        tw = 1;
    }
#pragma oss task out(slow) label("slow, unrelated")
    {
        pause_ms(50);
        slow = 1;
    }
#pragma oss taskwait on(tw)
    check(tw == 1, "taskwait on(tw) waits for the writer of tw");
#pragma oss task inout(tw) label("tw = 2")
    {
        pause_ms(20);
        tw = 2;
    }
#pragma oss taskwait in(tw)
    check(tw == 2, "taskwait in(tw) waits for the writer of tw");
#pragma oss taskwait
    check(slow == 1, "taskwait waits for everything");

    /* release: after `release in(r)` a writer of r may start while the
     * reader is still running. The reader waits a little for it, which
     * shows the effect when there is a second worker to run the writer. */
    int r = 5, out_r = 0, early = 0;
#pragma oss task in(r) out(out_r) shared(early) label("release")
    {
        int v = r;
#pragma oss release in(r)
        for (int i = 0; i < 50 && !atomic_load(&writer_started); i++)
            pause_ms(2);
        early = atomic_load(&writer_started);
        out_r = v + 1;
    }
#pragma oss task inout(r) label("writer after release")
    {
        atomic_store(&writer_started, 1);
        r = 10;
    }
#pragma oss taskwait
    check(out_r == 6 && r == 10, "release in(r): the reader read r before the writer");
    release_early = early;
}

/* ---- a function task with a VLA parameter ---- */

static void test_vla(void)
{
    enum { N = 6 };
    double m[N][N];
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            m[i][j] = i * N + j;
    scale_matrix(N, m, 2.0);
    scale_matrix(N, m, 0.25);
    double total = 0.0;
#pragma oss task in(m[0;N][0;N]) out(total) label("sum matrix")
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            total += m[i][j];
#pragma oss taskwait
    check(total == 0.5 * (N * N * (N * N - 1) / 2), "function task on double (*m)[n]");
}

int main(int argc, char **argv)
{
    return every_clause_main("every_clause", argc, argv);
}
