/* sched.c - ready-task placement, work finding, stealing and sleeping. */
#include "sched/sched.h"

#include <linux/futex.h>
#include <linux/membarrier.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "fail/fail.h"
#include "hetero/hetero.h"

/* Scheduler state shared by all workers. Owner: this file. */
static struct {
    /* Event count: a sleeper registers in `sleepers`, issues a barrier on
     * every thread of the process (membarrier, the rare side), re-checks
     * for work and futex-waits on seq; a pusher, after publishing a task,
     * only reads `sleepers` (a compiler barrier on the hot side) and bumps
     * seq before waking. The process-wide barrier orders each pusher's
     * publication before its read of `sleepers`, so either the sleeper sees
     * the work or the pusher sees the sleeper. Without membarrier the
     * pushers fall back to a seq_cst fence. */
    atomic_uint seq;
    atomic_int sleepers;
    atomic_int stop;
    int membarrier_ok;
    /* Tasks with priority != 0: a max-heap guarded by prio_lock; nprio is
     * its size, read without the lock as a hint. */
    ssi_lock_t prio_lock;
    atomic_int nprio;
    ssi_task_t **heap;
    int heap_cap;
} sched;

static void futex_wait(atomic_uint *addr, unsigned val, long ns)
{
    struct timespec ts = {ns / 1000000000L, ns % 1000000000L};
    syscall(SYS_futex, addr, FUTEX_WAIT_PRIVATE, val, &ts, NULL, 0);
}

static void futex_wake(atomic_uint *addr, int n)
{
    syscall(SYS_futex, addr, FUTEX_WAKE_PRIVATE, n, NULL, NULL, 0);
}

int ssi_sched_init(void)
{
    atomic_store(&sched.seq, 0);
    atomic_store(&sched.sleepers, 0);
    atomic_store(&sched.stop, 0);
    atomic_store(&sched.nprio, 0);
    sched.heap = NULL;
    sched.heap_cap = 0;
    sched.membarrier_ok =
        syscall(SYS_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0) == 0;
    return SS_OK;
}

void ssi_sched_fini(void)
{
    free(sched.heap);
    sched.heap = NULL;
    sched.heap_cap = 0;
}

static void wake_one(void)
{
    /* Pairs with the barrier after the increment of sleepers in
     * ssi_sched_idle (see the event count above). */
    if (sched.membarrier_ok)
        atomic_signal_fence(memory_order_seq_cst);
    else
        atomic_thread_fence(memory_order_seq_cst);
    if (atomic_load_explicit(&sched.sleepers, memory_order_relaxed) > 0) {
        atomic_fetch_add_explicit(&sched.seq, 1, memory_order_seq_cst);
        futex_wake(&sched.seq, 1);
    }
}

/* ---- priority heap ------------------------------------------------------ */

static void heap_push(ssi_task_t *t)
{
    ssi_lock(&sched.prio_lock);
    int n = atomic_load_explicit(&sched.nprio, memory_order_relaxed);
    if (n == sched.heap_cap) {
        int cap = sched.heap_cap ? sched.heap_cap * 2 : 256;
        ssi_task_t **h = realloc(sched.heap, (size_t)cap * sizeof *h);
        if (!h)
            ssi_fatal(t, "out of memory queueing a task with a priority");
        sched.heap = h;
        sched.heap_cap = cap;
    }
    int i = n;
    while (i > 0 && sched.heap[(i - 1) / 2]->priority < t->priority) {
        sched.heap[i] = sched.heap[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    sched.heap[i] = t;
    atomic_store_explicit(&sched.nprio, n + 1, memory_order_release);
    ssi_unlock(&sched.prio_lock);
}

/* heap_pop past its emptiness test. */
static __attribute__((noinline)) ssi_task_t *heap_pop_locked(int min)
{
    ssi_lock(&sched.prio_lock);
    int n = atomic_load_explicit(&sched.nprio, memory_order_relaxed);
    if (n == 0 || sched.heap[0]->priority < min) {
        ssi_unlock(&sched.prio_lock);
        return NULL;
    }
    ssi_task_t *top = sched.heap[0], *last = sched.heap[--n];
    int i = 0;
    for (;;) {
        int c = 2 * i + 1;
        if (c >= n)
            break;
        if (c + 1 < n && sched.heap[c + 1]->priority > sched.heap[c]->priority)
            c++;
        if (sched.heap[c]->priority <= last->priority)
            break;
        sched.heap[i] = sched.heap[c];
        i = c;
    }
    sched.heap[i] = last;
    atomic_store_explicit(&sched.nprio, n, memory_order_relaxed);
    ssi_unlock(&sched.prio_lock);
    return top;
}

/* Pop the top if its priority is at least `min`. The emptiness test is
 * inline: every scheduling point makes it, and the heap is nearly always
 * empty. */
static inline ssi_task_t *heap_pop(int min)
{
    if (atomic_load_explicit(&sched.nprio, memory_order_relaxed) == 0)
        return NULL;
    return heap_pop_locked(min);
}

/* ---- placement ---------------------------------------------------------- */

void ssi_sched_push(ssi_worker_t *w, ssi_task_t *list, int keep_first)
{
    int pushed = 0;
    while (list) {
        ssi_task_t *t = list;
        list = t->qnext;
        if (t->priority) {
            heap_push(t);
            pushed = 1;
        } else if (keep_first && !w->next) {
            w->next = t;
        } else {
            if (ssi_deque_push(&w->dq, t))
                ssi_fatal(t, "out of memory queueing a ready task");
            pushed = 1;
        }
        keep_first = 0;
    }
    if (pushed)
        wake_one();
}

void ssi_sched_push_one(ssi_worker_t *w, ssi_task_t *t)
{
    if (ssi_deque_push(&w->dq, t))
        ssi_fatal(t, "out of memory queueing a ready task");
    wake_one();
}

/* ---- finding work ------------------------------------------------------- */

static ssi_task_t *steal(ssi_worker_t *w)
{
    int n = ssi_rt.nworkers;
    if (n < 2)
        return NULL;
    /* xorshift32 for the first victim, then a full round. */
    uint32_t x = w->rng;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    w->rng = x;
    int start = (int)(x % (uint32_t)n);
    for (int k = 0; k < n; k++) {
        int v = (start + k) % n;
        if (v == w->id)
            continue;
        ssi_task_t *t = ssi_deque_steal(&ssi_rt.workers[v].dq);
        if (t) {
            w->stole = 1;
            atomic_store_explicit(&w->steals,
                                  atomic_load_explicit(&w->steals, memory_order_relaxed) + 1,
                                  memory_order_relaxed);
            return t;
        }
    }
    return NULL;
}

ssi_task_t *ssi_sched_get(ssi_worker_t *w)
{
    /* The program is failing (stop here), or a multi-core task waits for
     * workers to hold (lend ourselves). */
    int attn = atomic_load_explicit(&ssi_attention, memory_order_relaxed);
    if (SSI_UNLIKELY(attn)) {
        if (attn & SSI_ATTN_FAILING)
            ssi_fail_park(w);
        if (attn & SSI_ATTN_GANG)
            ssi_gang_join(w);
    }
    /* A positive priority beats even the immediate successor. */
    ssi_task_t *t = heap_pop(1);
    if (t)
        return t;
    if ((t = w->next)) {
        w->next = NULL;
        return t;
    }
    if ((t = ssi_deque_pop(&w->dq)))
        return t;
    if ((t = heap_pop(INT32_MIN)))
        return t;
    return steal(w);
}

static int descends(const ssi_task_t *t, const ssi_task_t *anc)
{
    for (const ssi_task_t *p = t->parent; p; p = p->parent)
        if (p == anc)
            return 1;
    return 0;
}

ssi_task_t *ssi_sched_get_descendant(ssi_worker_t *w, const ssi_task_t *anc)
{
    ssi_task_t *t = w->next;
    if (t && descends(t, anc)) {
        w->next = NULL;
        return t;
    }
    t = ssi_deque_pop(&w->dq);
    if (!t || descends(t, anc))
        return t;
    if (ssi_deque_push(&w->dq, t)) /* not ours: back where it was */
        ssi_fatal(t, "out of memory re-queueing a task");
    return NULL;
}

static int work_visible(void)
{
    if (atomic_load_explicit(&sched.nprio, memory_order_relaxed) ||
        atomic_load_explicit(&sched.stop, memory_order_relaxed) ||
        atomic_load_explicit(&ssi_attention, memory_order_relaxed))
        return 1;
    for (int v = 0; v < ssi_rt.nworkers; v++)
        if (ssi_deque_size(&ssi_rt.workers[v].dq))
            return 1;
    return 0;
}

void ssi_sched_idle(ssi_worker_t *w)
{
    (void)w;
    atomic_fetch_add_explicit(&sched.sleepers, 1, memory_order_seq_cst);
    if (sched.membarrier_ok)
        syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0);
    unsigned seq = atomic_load_explicit(&sched.seq, memory_order_seq_cst);
    if (!work_visible())
        futex_wait(&sched.seq, seq, 50 * 1000 * 1000L);
    atomic_fetch_sub_explicit(&sched.sleepers, 1, memory_order_relaxed);
}

void ssi_sched_wake_all(void)
{
    atomic_fetch_add_explicit(&sched.seq, 1, memory_order_seq_cst);
    futex_wake(&sched.seq, 1 << 30);
}

void ssi_sched_stop(void)
{
    atomic_store_explicit(&sched.stop, 1, memory_order_seq_cst);
    atomic_fetch_add_explicit(&sched.seq, 1, memory_order_seq_cst);
    futex_wake(&sched.seq, 1 << 30);
}

int ssi_sched_stopping(void)
{
    return atomic_load_explicit(&sched.stop, memory_order_acquire);
}
