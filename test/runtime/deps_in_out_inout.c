/* in / out / inout on whole variables: readers see the value of the last
 * writer created before them; a writer waits for every reader created before
 * it (and they see the old value); writers run in creation order. Part 1
 * times it with probes; part 2 checks values over many random sequences on a
 * few variables. */
#include "rt_test.h"

#define NV 8

typedef struct {
    int kind;          /* 0 reader, 1 out writer, 2 inout writer */
    int v;             /* variable */
    long expect;       /* value the task must see (out: ignored) */
    long write;        /* value an out writer stores; inout adds it */
    long readers_before; /* readers of v created before this writer */
} op_t;

static long var[NV];
static atomic_long readers_done[NV];
static atomic_int errors;

static void op_body(void *p)
{
    op_t *o = p;
    if (o->kind == 0) {
        if (var[o->v] != o->expect) {
            fprintf(stderr, "reader of v%d saw %ld, want %ld\n", o->v, var[o->v],
                    o->expect);
            atomic_fetch_add(&errors, 1);
        }
        atomic_fetch_add(&readers_done[o->v], 1);
        return;
    }
    long done = atomic_load(&readers_done[o->v]);
    if (done != o->readers_before) {
        fprintf(stderr, "writer of v%d ran with %ld of %ld earlier readers done\n",
                o->v, done, o->readers_before);
        atomic_fetch_add(&errors, 1);
    }
    if (o->kind == 1) {
        var[o->v] = o->write;
    } else {
        if (var[o->v] != o->expect) {
            fprintf(stderr, "inout writer of v%d saw %ld, want %ld\n", o->v,
                    var[o->v], o->expect);
            atomic_fetch_add(&errors, 1);
        }
        var[o->v] += o->write;
    }
}

static ss_task_type_t op_type = SS_TASK_TYPE("op", op_body);

int main(void)
{
    RT_OK(ss_init());
    long x = 0;

    /* Part 1: W(out) R R R W(inout) R W(out) W(inout) R, timed. */
    const ss_dep_type_t seq[] = {SS_DEP_OUT, SS_DEP_IN, SS_DEP_IN, SS_DEP_IN,
                                 SS_DEP_INOUT, SS_DEP_IN, SS_DEP_OUT, SS_DEP_INOUT,
                                 SS_DEP_IN};
    const int n = sizeof seq / sizeof seq[0];
    for (int rep = 0; rep < 5; rep++) {
        rt_probes_reset();
        for (int i = 0; i < n; i++)
            rt_probe1(i, -1, 2000, seq[i], &x, sizeof x);
        RT_OK(ss_taskwait());
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
                if (seq[i] != SS_DEP_IN || seq[j] != SS_DEP_IN) {
                    char what[64];
                    snprintf(what, sizeof what, "sequence step %d then %d", i, j);
                    RT_CHECK_BEFORE(i, j, what);
                }
    }

    /* Part 2: random sequences, values checked. */
    long shadow[NV] = {0}, readers[NV] = {0};
    unsigned rng = 12345;
    const long nops = rt_scaled(200000, 1000);
    for (long i = 0; i < nops; i++) {
        rng = rng * 1103515245u + 12345u;
        unsigned r = rng >> 8;
        op_t o;
        memset(&o, 0, sizeof o);
        o.v = (int)(r % NV);
        unsigned k = (r / NV) % 10;
        o.kind = k < 6 ? 0 : k < 8 ? 1 : 2;
        o.expect = shadow[o.v];
        o.write = (long)(i + 1);
        o.readers_before = readers[o.v];
        ss_dep_type_t t = o.kind == 0 ? SS_DEP_IN : o.kind == 1 ? SS_DEP_OUT : SS_DEP_INOUT;
        if (o.kind == 0)
            readers[o.v]++;
        else if (o.kind == 1)
            shadow[o.v] = o.write;
        else
            shadow[o.v] += o.write;
        ss_dim_t d;
        ss_dep_t dep = rt_dep_bytes(t, &var[o.v], sizeof(long), &d);
        rt_spawn(&op_type, &o, sizeof o, 1, &dep, 0);
        if (i % 50000 == 49999)
            RT_OK(ss_taskwait());
    }
    RT_OK(ss_taskwait());
    RT_CHECK(atomic_load(&errors) == 0, "%d ordering errors", atomic_load(&errors));
    for (int v = 0; v < NV; v++) {
        RT_CHECK(var[v] == shadow[v], "v%d = %ld, want %ld", v, var[v], shadow[v]);
        RT_CHECK(atomic_load(&readers_done[v]) == readers[v], "v%d readers %ld/%ld", v,
                 atomic_load(&readers_done[v]), readers[v]);
    }
    RT_OK(ss_finalize());
    return 0;
}
