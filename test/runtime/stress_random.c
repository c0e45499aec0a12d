/* Randomized stress test: 3 x 1,000,000 tasks (SS_TEST_SCALE shrinks them)
 * with random dependences on a shared array of 4096 64-bit words, run
 * once sequentially (plain calls in creation order, no runtime) and once with
 * the runtime; the final array and every task's checksum must be identical
 * byte for byte.
 *
 * Each task declares 1-3 accesses of a random type (in, out, inout,
 * inoutset, mutexinoutset) on random regions - 1-D ranges (sometimes given as
 * bytes), 2-D blocks seen with rows of 64, 32, 48, 100 or 128 words, and 3-D
 * boxes (16x16x16 or 8x32x16) of the same memory; half of them come from a
 * small palette so that identical regions meet often, the others overlap
 * partially. Bodies:
 *   in:            fold the values read into the task's checksum;
 *   out / inout:   x = x * 31 + id + 1 (order matters);
 *   inoutset:      atomic x += id + 1 (commutative: members run together);
 *   mutexinoutset: plain x += 3 * (id + 1) (commutative, exclusive).
 * Tasks create children (up to depth 3) on sub-regions of their own accesses
 * with compatible types (in -> in; inoutset -> inoutset; mutexinoutset ->
 * mutexinoutset or inoutset; out/inout -> anything), some as 1-D pieces of a
 * 2-D/3-D parent; they sometimes ss_taskwait (then touch their own region
 * again) or ss_taskwait_on a sub-region (then read or write it). Main does
 * random ss_taskwait and ss_taskwait_on (then reads or writes the region).
 * Random flags (undeferred, final, wait) and priorities. Every decision comes
 * from a per-task generator seeded by (seed, task id), and task ids are
 * reserved per subtree, so both runs make the same decisions.
 *
 * Three rounds (seeds S, S+1, S+2) of 1,000,000 tasks each. SS_STRESS_SEED
 * sets S (default 20240611); SS_TEST_SCALE (e.g. 0.1) shrinks the rounds. */
#include "rt_test.h"

#define NA 4096
#define MAXDEPTH 3
#define FNV 0x100000001b3ULL

/* ---- random numbers ---------------------------------------------------- */

typedef struct { uint64_t s; } rng_t;

static uint64_t splitmix(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static uint32_t rnd(rng_t *r, uint32_t n) /* [0, n) */
{
    return (uint32_t)((splitmix(&r->s) >> 32) % n);
}

static uint64_t seed;

static rng_t rng_for(uint32_t id)
{
    rng_t r = {seed ^ ((uint64_t)id * 0xD1B54A32D192ED03ULL)};
    splitmix(&r.s);
    return r;
}

/* ---- regions ------------------------------------------------------------ */

/* Views of the array: number of dimensions and sizes (dim 0 innermost, in
 * words). */
static const struct { int nd; uint16_t size[3]; } views[] = {
    {1, {NA, 1, 1}},   {2, {64, 64, 1}},  {2, {32, 128, 1}}, {2, {48, 85, 1}},
    {2, {100, 40, 1}}, {2, {128, 32, 1}}, {3, {16, 16, 16}}, {3, {16, 32, 8}},
};
#define NVIEWS (sizeof views / sizeof views[0])

typedef struct {
    uint8_t view, type, expr, pad; /* expr (1-D only): 0 dims, 1 bytes, 2 rebased */
    uint16_t lo[3], hi[3];
} acc_t;

typedef struct {
    uint32_t id, budget;
    uint8_t depth, nacc;
    acc_t acc[3];
} targs_t;

static uint64_t *A;           /* the shared array (per run) */
static uint64_t *cs;          /* per-task checksums (per run) */
static uint64_t main_cs;      /* main's reads */
static atomic_long executed;  /* task bodies run */
static int parallel;          /* 0: sequential run, 1: runtime */

static size_t stride(const acc_t *a, int k)
{
    size_t s = 1;
    for (int j = 0; j < k; j++)
        s *= views[a->view].size[j];
    return s;
}

/* Apply an access's operation to every word of its region. */
static void op(const acc_t *a, uint64_t tag, uint64_t *c)
{
    size_t s1 = stride(a, 1), s2 = stride(a, 2);
    for (size_t z = a->lo[2]; z < a->hi[2]; z++)
        for (size_t y = a->lo[1]; y < a->hi[1]; y++)
            for (size_t x = a->lo[0]; x < a->hi[0]; x++) {
                uint64_t *p = &A[z * s2 + y * s1 + x];
                switch (a->type) {
                case SS_DEP_IN:
                    *c = (*c ^ *p ^ tag) * FNV;
                    break;
                case SS_DEP_OUT:
                case SS_DEP_INOUT:
                    *p = *p * 31 + tag;
                    break;
                case SS_DEP_INOUTSET:
                    __atomic_fetch_add(p, tag, __ATOMIC_RELAXED);
                    break;
                case SS_DEP_MUTEXINOUTSET:
                    *p += 3 * tag;
                    break;
                }
            }
}

/* The ss_task_depend / ss_taskwait_on form of an access. */
static ss_dep_t dep_of(const acc_t *a, ss_dim_t dims[3])
{
    int nd = views[a->view].nd;
    ss_dep_t d = {(ss_dep_type_t)a->type, A, (unsigned)nd, dims};
    for (int k = 0; k < nd; k++) {
        size_t unit = k == 0 ? sizeof(uint64_t) : 1;
        dims[k] = (ss_dim_t){views[a->view].size[k] * unit, a->lo[k] * unit,
                             a->hi[k] * unit};
    }
    if (nd == 1 && a->expr) { /* the same words, described from their start */
        size_t len = (size_t)(a->hi[0] - a->lo[0]) * sizeof(uint64_t);
        d.base = &A[a->lo[0]];
        dims[0] = (ss_dim_t){len, 0, len};
    }
    return d;
}

static void random_box(rng_t *r, acc_t *a, int big)
{
    int nd = views[a->view].nd;
    for (int k = 0; k < 3; k++) {
        a->lo[k] = 0;
        a->hi[k] = 1;
    }
    for (int k = 0; k < nd; k++) {
        uint32_t n = views[a->view].size[k];
        uint32_t maxlen = nd == 1 ? (big ? 512 : 48) : nd == 2 ? (k == 0 ? 16 : 6) : 4;
        if (maxlen > n)
            maxlen = n;
        uint32_t len = 1 + rnd(r, maxlen);
        uint32_t lo = rnd(r, n - len + 1);
        a->lo[k] = (uint16_t)lo;
        a->hi[k] = (uint16_t)(lo + len);
    }
    a->expr = nd == 1 ? (uint8_t)rnd(r, 3) : 0;
}

#define NPALETTE 48
static acc_t palette[NPALETTE];

static void random_region(rng_t *r, acc_t *a)
{
    uint8_t type = a->type;
    if (rnd(r, 2)) {
        *a = palette[rnd(r, NPALETTE)];
    } else {
        a->view = (uint8_t)rnd(r, NVIEWS);
        random_box(r, a, rnd(r, 10) == 0);
    }
    a->type = type;
}

static uint8_t random_type(rng_t *r)
{
    uint32_t k = rnd(r, 100);
    return k < 30 ? SS_DEP_IN : k < 40 ? SS_DEP_OUT : k < 65 ? SS_DEP_INOUT
         : k < 80 ? SS_DEP_INOUTSET : SS_DEP_MUTEXINOUTSET;
}

/* A random sub-region of p, in the same view or (30%) as a 1-D run of
 * contiguous words inside one row of p. */
static void sub_region(rng_t *r, const acc_t *p, acc_t *c)
{
    int nd = views[p->view].nd;
    uint32_t lo[3], hi[3];
    for (int k = 0; k < 3; k++) {
        uint32_t n = p->hi[k] - p->lo[k];
        uint32_t len = 1 + rnd(r, n);
        lo[k] = p->lo[k] + rnd(r, n - len + 1);
        hi[k] = lo[k] + len;
    }
    if (nd > 1 && rnd(r, 10) < 3) {
        size_t base = 0;
        for (int k = 1; k < nd; k++)
            base += (size_t)lo[k] * stride(p, k);
        c->view = 0;
        c->lo[0] = (uint16_t)(base + lo[0]);
        c->hi[0] = (uint16_t)(base + hi[0]);
        c->lo[1] = c->lo[2] = 0;
        c->hi[1] = c->hi[2] = 1;
        c->expr = (uint8_t)rnd(r, 3);
        return;
    }
    c->view = p->view;
    for (int k = 0; k < 3; k++) {
        c->lo[k] = (uint16_t)lo[k];
        c->hi[k] = (uint16_t)hi[k];
    }
    c->expr = nd == 1 ? (uint8_t)rnd(r, 3) : 0;
}

static uint8_t child_type(rng_t *r, uint8_t parent)
{
    switch (parent) {
    case SS_DEP_IN: return SS_DEP_IN;
    case SS_DEP_INOUTSET: return SS_DEP_INOUTSET;
    case SS_DEP_MUTEXINOUTSET:
        return rnd(r, 10) < 7 ? SS_DEP_MUTEXINOUTSET : SS_DEP_INOUTSET;
    default: return random_type(r);
    }
}

/* ---- tasks -------------------------------------------------------------- */

static void task_body(void *p);
static ss_task_type_t task_type = SS_TASK_TYPE("stress", task_body);

static void check_rc(int rc, const char *what)
{
    if (rc != SS_OK)
        RT_FAIL("%s: %s", what, ss_strerror(rc));
}

static void spawn(rng_t *r, const targs_t *a)
{
    unsigned flags = 0;
    uint32_t k = rnd(r, 1000);
    if (k < 15)
        flags |= SS_TASK_UNDEFERRED;
    else if (k < 25)
        flags |= SS_TASK_FINAL;
    if (rnd(r, 20) == 0)
        flags |= SS_TASK_WAIT;
    int prio = rnd(r, 10) == 0 ? (int)rnd(r, 5) - 2 : 0;
    if (!parallel) {
        targs_t copy = *a;
        task_body(&copy);
        return;
    }
    ss_task_t t;
    targs_t *args;
    check_rc(ss_task_create(&task_type, sizeof *a, a->nacc, flags, &t, (void **)&args),
             "ss_task_create");
    *args = *a;
    for (unsigned i = 0; i < a->nacc; i++) {
        const acc_t *x = &a->acc[i];
        if (views[x->view].nd == 1 && x->expr == 1) {
            check_rc(ss_task_depend_bytes(t, (ss_dep_type_t)x->type, &A[x->lo[0]],
                                          (size_t)(x->hi[0] - x->lo[0]) * sizeof(uint64_t)),
                     "ss_task_depend_bytes");
        } else {
            ss_dim_t dims[3];
            ss_dep_t d = dep_of(x, dims);
            check_rc(ss_task_depend(t, d.type, d.base, d.ndims, d.dims), "ss_task_depend");
        }
    }
    if (prio)
        check_rc(ss_task_set_priority(t, prio), "ss_task_set_priority");
    check_rc(ss_task_submit(t), "ss_task_submit");
}

static void taskwait(void)
{
    if (parallel)
        check_rc(ss_taskwait(), "ss_taskwait");
}

static void taskwait_on(const acc_t *a)
{
    if (!parallel)
        return;
    ss_dim_t dims[3];
    ss_dep_t d = dep_of(a, dims);
    check_rc(ss_taskwait_on(1, &d), "ss_taskwait_on");
}

static void task_body(void *p)
{
    const targs_t a = *(const targs_t *)p;
    rng_t r = rng_for(a.id);
    uint64_t c = 0;
    uint64_t tag = (uint64_t)a.id + 1;
    for (unsigned i = 0; i < a.nacc; i++)
        op(&a.acc[i], tag, &c);

    uint32_t remaining = a.budget, next = a.id + 1, extra = 0;
    while (remaining > 0) {
        targs_t ch;
        memset(&ch, 0, sizeof ch);
        ch.id = next;
        ch.depth = (uint8_t)(a.depth + 1);
        ch.nacc = (uint8_t)(1 + (rnd(&r, 4) == 0));
        for (unsigned i = 0; i < ch.nacc; i++) {
            const acc_t *pa = &a.acc[rnd(&r, a.nacc)];
            sub_region(&r, pa, &ch.acc[i]);
            ch.acc[i].type = child_type(&r, pa->type);
        }
        uint32_t cb = 0;
        if (ch.depth < MAXDEPTH && remaining > 1 && rnd(&r, 3) == 0) {
            uint32_t cap = remaining - 1 < 12 ? remaining - 1 : 12;
            cb = rnd(&r, cap + 1);
        }
        ch.budget = cb;
        spawn(&r, &ch);
        next += 1 + cb;
        remaining -= 1 + cb;

        uint32_t k = rnd(&r, 100);
        if (k < 4) {
            taskwait();
        } else if (k < 10) {
            /* taskwait on a piece of one of our accesses, then use it */
            const acc_t *pa = &a.acc[rnd(&r, a.nacc)];
            if (pa->type == SS_DEP_INOUTSET || pa->type == SS_DEP_MUTEXINOUTSET)
                continue;
            acc_t w;
            sub_region(&r, pa, &w);
            w.type = pa->type == SS_DEP_IN || rnd(&r, 2) ? SS_DEP_IN : SS_DEP_INOUT;
            taskwait_on(&w);
            op(&w, tag + 100000000ULL * ++extra, &c);
        }
    }
    if (a.budget && rnd(&r, 4) == 0) {
        taskwait();
        op(&a.acc[0], tag + 100000000ULL * ++extra, &c);
    }
    cs[a.id] = c;
    atomic_fetch_add_explicit(&executed, 1, memory_order_relaxed);
}

/* ---- the program (run twice) -------------------------------------------- */

static void program(long ntasks)
{
    rng_t r = {seed * 0x9E3779B97F4A7C15ULL + 1};
    uint32_t next = 0;
    uint64_t mainops = 0;
    while (next < (uint32_t)ntasks) {
        targs_t t;
        memset(&t, 0, sizeof t);
        t.id = next;
        t.depth = 0;
        uint32_t room = (uint32_t)ntasks - next - 1;
        uint32_t b = rnd(&r, 4) == 0 ? 1 + rnd(&r, 40) : 0;
        t.budget = b < room ? b : room;
        uint32_t k = rnd(&r, 10);
        t.nacc = (uint8_t)(k < 7 ? 1 : k < 9 ? 2 : 3);
        for (unsigned i = 0; i < t.nacc; i++) {
            t.acc[i].type = random_type(&r);
            random_region(&r, &t.acc[i]);
        }
        spawn(&r, &t);
        next += 1 + t.budget;

        k = rnd(&r, 4000);
        if (k < 2) {
            taskwait();
        } else if (k < 10) {
            acc_t w;
            w.type = rnd(&r, 2) ? SS_DEP_IN : SS_DEP_INOUT;
            random_region(&r, &w);
            taskwait_on(&w);
            op(&w, (uint64_t)ntasks + ++mainops, &main_cs);
        }
    }
    taskwait();
}

static void init_memory(long ntasks)
{
    for (int i = 0; i < NA; i++)
        A[i] = (uint64_t)i * 0x9E3779B97F4A7C15ULL;
    memset(cs, 0, (size_t)ntasks * sizeof *cs);
    main_cs = 0;
    atomic_store(&executed, 0);
}

/* One round: the sequential and the runtime run with the same seed. */
static void round_(long ntasks, uint64_t *A_seq, uint64_t *A_par, uint64_t *cs_seq,
                   uint64_t *cs_par)
{
    /* The palette: regions many tasks share exactly. */
    rng_t pr = {seed ^ 0x5EED};
    for (int i = 0; i < NPALETTE; i++) {
        palette[i].view = (uint8_t)rnd(&pr, NVIEWS);
        random_box(&pr, &palette[i], rnd(&pr, 4) == 0);
    }

    /* Sequential run. */
    A = A_seq;
    cs = cs_seq;
    parallel = 0;
    init_memory(ntasks);
    double t0 = rt_now();
    program(ntasks);
    double t_seq = rt_now() - t0;
    uint64_t main_seq = main_cs;
    long n_seq = atomic_load(&executed);
    RT_CHECK(n_seq == ntasks, "sequential run executed %ld of %ld tasks", n_seq, ntasks);

    /* Runtime run. */
    A = A_par;
    cs = cs_par;
    parallel = 1;
    init_memory(ntasks);
    t0 = rt_now();
    program(ntasks);
    double t_par = rt_now() - t0;
    long n_par = atomic_load(&executed);
    fprintf(stderr, "stress_random: seed %llu, %ld tasks, %d workers: sequential %.2f s, "
            "runtime %.2f s\n", (unsigned long long)seed, n_par, ss_num_workers(), t_seq,
            t_par);
    RT_CHECK(n_par == ntasks, "runtime run executed %ld of %ld tasks", n_par, ntasks);

    int bad = 0;
    for (int i = 0; i < NA; i++)
        if (A_par[i] != A_seq[i]) {
            if (bad++ < 10)
                fprintf(stderr, "word %d (row %d col %d of 64): runtime %016llx, "
                        "sequential %016llx\n", i, i / 64, i % 64,
                        (unsigned long long)A_par[i], (unsigned long long)A_seq[i]);
        }
    if (bad)
        fprintf(stderr, "%d of %d words differ\n", bad, NA);
    long badcs = 0;
    for (long i = 0; i < ntasks; i++)
        if (cs_par[i] != cs_seq[i]) {
            if (badcs++ < 10)
                fprintf(stderr, "task %ld: checksum runtime %016llx, sequential %016llx\n",
                        i, (unsigned long long)cs_par[i], (unsigned long long)cs_seq[i]);
        }
    if (badcs)
        fprintf(stderr, "%ld of %ld task checksums differ\n", badcs, ntasks);
    if (main_cs != main_seq)
        fprintf(stderr, "main's checksum differs\n");
    if (bad || badcs || main_cs != main_seq)
        RT_FAIL("the runtime run differs from the sequential run (rerun with "
                "SS_STRESS_SEED=%llu)", (unsigned long long)seed);
}

int main(void)
{
    const char *s = getenv("SS_STRESS_SEED");
    uint64_t seed0 = s && *s ? strtoull(s, NULL, 0) : 20240611;
    /* 3 rounds of 1,000,000 tasks by default (each round a different seed). */
    const long ntasks = rt_scaled(1000000, 1000);
    const int rounds = 3;

    uint64_t *A_seq = aligned_alloc(64, NA * sizeof(uint64_t));
    uint64_t *A_par = aligned_alloc(64, NA * sizeof(uint64_t));
    uint64_t *cs_seq = calloc((size_t)ntasks, sizeof(uint64_t));
    uint64_t *cs_par = calloc((size_t)ntasks, sizeof(uint64_t));
    RT_CHECK(A_seq && A_par && cs_seq && cs_par, "out of memory");
    RT_OK(ss_init());
    for (int r = 0; r < rounds; r++) {
        seed = seed0 + (uint64_t)r;
        round_(ntasks, A_seq, A_par, cs_seq, cs_par);
    }
    RT_OK(ss_finalize());
    free(A_seq);
    free(A_par);
    free(cs_seq);
    free(cs_par);
    return 0;
}
