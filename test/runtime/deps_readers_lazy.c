/* Readers that finish while more readers of the same variable are being
 * registered. The last reader of a satisfied epoch finishes it without the
 * domain lock, racing the creating thread, which joins the next reader from
 * a nonzero count or, at 0, opens a new epoch and claims the old one (see
 * "Lazy finishing" in deps.h). Rounds of a random number of tiny readers of
 * x, then a writer of x: every writer must start with all the readers
 * created before it finished, and every reader after the writer before it
 * finished, seeing its value. Half of the readers also write a slot of
 * their own, so that multi-access releases take both lazy paths. */
#include "rt_test.h"

typedef struct {
    long round;  /* readers: writers finished before them; writer: its index */
    long expect; /* readers: the value of x */
    long before; /* writer: readers created before it */
    long *slot;  /* a reader's own slot, or NULL */
} op_t;

static long x;
static atomic_long readers_done, writers_done;
static atomic_int errors;

static void reader(void *p)
{
    const op_t *o = p;
    long w = atomic_load(&writers_done);
    if (w != o->round || x != o->expect) {
        if (atomic_fetch_add(&errors, 1) < 5)
            fprintf(stderr, "reader of round %ld ran after %ld writers, saw x = %ld, want %ld\n",
                    o->round, w, x, o->expect);
    }
    if (o->slot)
        *o->slot += 1;
    atomic_fetch_add(&readers_done, 1);
}

static void writer(void *p)
{
    const op_t *o = p;
    long r = atomic_load(&readers_done);
    if (r != o->before) {
        if (atomic_fetch_add(&errors, 1) < 5)
            fprintf(stderr, "writer %ld ran with %ld of %ld earlier readers finished\n",
                    o->round, r, o->before);
    }
    x = o->round + 1000;
    atomic_fetch_add(&writers_done, 1);
}

static ss_task_type_t reader_type = SS_TASK_TYPE("reader", reader);
static ss_task_type_t writer_type = SS_TASK_TYPE("writer", writer);

int main(void)
{
    rt_need_workers(2);
    const long rounds = rt_scaled(20000, 200);
    enum { SLOTS = 64 };
    static long slots[SLOTS];
    long readers = 0, value = 0, slot_writes[SLOTS] = {0};
    unsigned rng = 2024;
    ss_dim_t dx, ds;
    for (long r = 0; r < rounds; r++) {
        rng = rng * 1103515245u + 12345u;
        int k = 1 + (int)((rng >> 16) % 48);
        for (int i = 0; i < k; i++) {
            op_t o = {r, value, 0, NULL};
            ss_dep_t d[2] = {rt_dep_bytes(SS_DEP_IN, &x, sizeof x, &dx)};
            unsigned n = 1;
            if ((i + r) & 1) {
                int s = (int)((r * 7 + i) % SLOTS);
                o.slot = &slots[s];
                slot_writes[s]++;
                d[n++] = rt_dep_bytes(SS_DEP_INOUT, o.slot, sizeof *o.slot, &ds);
            }
            rt_spawn(&reader_type, &o, sizeof o, n, d, 0);
            readers++;
        }
        op_t w = {r, 0, readers, NULL};
        ss_dep_t d = rt_dep_bytes(SS_DEP_INOUT, &x, sizeof x, &dx);
        rt_spawn(&writer_type, &w, sizeof w, 1, &d, 0);
        value = r + 1000;
    }
    RT_OK(ss_taskwait());
    RT_CHECK(atomic_load(&errors) == 0, "%d ordering errors", atomic_load(&errors));
    RT_CHECK(atomic_load(&readers_done) == readers, "%ld readers ran, want %ld",
             atomic_load(&readers_done), readers);
    for (int s = 0; s < SLOTS; s++)
        RT_CHECK(slots[s] == slot_writes[s], "slot %d: %ld, want %ld", s, slots[s],
                 slot_writes[s]);
    RT_OK(ss_finalize());
    return 0;
}
