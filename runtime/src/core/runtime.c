/* runtime.c - start and stop of the runtime, fatal errors, ABI check. */
#include "core/runtime.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "deps/deps.h"
#include "deps/files.h"
#include "device/cuda.h"
#include "fail/fail.h"
#include "hetero/hetero.h"
#include "ss_abi.h"
#include "hw/topology.h"
#include "sched/sched.h"
#include "trace/trace.h"
#include "worker/worker.h"

ssi_runtime_t ssi_rt;

_Noreturn void ssi_fatal(const ssi_task_t *task, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (task && task->type)
        fprintf(stderr, "ss: fatal: task '%s' (%s:%u): %s\n",
                task->type->label ? task->type->label : "(unlabelled)",
                task->type->file ? task->type->file : "?", task->type->line, msg);
    else
        fprintf(stderr, "ss: fatal: %s\n", msg);
    abort();
}

static void at_exit(void)
{
    if (atomic_load(&ssi_rt.state) == SSI_RUNNING && ssi_self &&
        ssi_self->id == 0 && ssi_self->current == ssi_rt.root)
        ss_finalize();
}

static ss_task_type_t root_type = {.label = "main", .file = "(runtime)", .registered = 1};

static int start(void)
{
    ssi_config_load(&ssi_rt.cfg, stderr);
    int ncores = ssi_topology_init();
    if (ncores < 1) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        ncores = n > 0 ? (int)n : 1;
    }
    int n = ssi_rt.cfg.num_threads ? (int)ssi_rt.cfg.num_threads : ncores;
    ssi_worker_t *ws = aligned_alloc(64, (size_t)n * sizeof *ws);
    ssi_task_t *root = aligned_alloc(64, 64 + sizeof(ssi_task_t));
    if (!ws || !root) {
        free(ws);
        free(root);
        ssi_topology_fini();
        return SS_ENOMEM;
    }
    memset(ws, 0, (size_t)n * sizeof *ws);
    for (int i = 0; i < n; i++) {
        ws[i].id = i;
        ws[i].rng = 0x9E3779B9u * (uint32_t)(i + 1);
        if (ssi_deque_init(&ws[i].dq, 1024)) {
            for (int j = 0; j < i; j++)
                ssi_deque_destroy(&ws[j].dq);
            free(ws);
            free(root);
            ssi_topology_fini();
            return SS_ENOMEM;
        }
    }
    memset(root, 0, sizeof *root);
    atomic_init(&root->alive, 1);
    root->flags = SSI_TASK_ROOT;
    root->type = &root_type;
    ssi_rt.root = root;
    ssi_rt.workers = ws;
    ssi_rt.nworkers = n;
    ssi_rt.oversubscribed = n > ncores;
    ssi_rt.throttle = ssi_rt.cfg.throttle_tasks ? (unsigned long)ssi_rt.cfg.throttle_tasks
                                                : SSI_THROTTLE_PER_WORKER * (unsigned long)n;
    ws[0].current = root;
    ssi_self = &ws[0];
    ssi_worker_stack_guard(&ws[0]);
    ssi_sched_init();
    ssi_resources_init();
    ssi_model_load();
    ssi_resume_init();
    ssi_trace_init(n);
    /* Workers first: a thread starts on its creator's cores, and with the
     * creator already bound to core 0 a new worker waited there for the
     * creator's time slice (2-5 ms) before binding itself to its own. */
    int rc = ssi_workers_start();
    if (ssi_rt.cfg.bind)
        ssi_topology_bind_self(0);
    if (ssi_rt.cfg.print_config)
        ss_print_config();
    static int registered;
    if (!registered) {
        atexit(at_exit);
        registered = 1;
    }
    return rc;
}

int ssi_ensure_started(void)
{
    if (SSI_LIKELY(ssi_running()))
        return SS_OK;
    int s = atomic_load_explicit(&ssi_rt.state, memory_order_acquire);
    if (s == SSI_OFF) {
        int expected = SSI_OFF;
        if (atomic_compare_exchange_strong(&ssi_rt.state, &expected, SSI_STARTING)) {
            int rc = start();
            /* Pairs with the acquire loads above and below. */
            atomic_store_explicit(&ssi_rt.state, rc == SS_OK ? SSI_RUNNING : SSI_OFF,
                                  memory_order_release);
            return rc;
        }
    }
    while ((s = atomic_load_explicit(&ssi_rt.state, memory_order_acquire)) == SSI_STARTING)
        sched_yield();
    return s == SSI_RUNNING ? SS_OK : SS_ESTATE;
}

SSI_API int ss_init(void)
{
    return ssi_ensure_started();
}

SSI_API int ss_finalize(void)
{
    if (atomic_load(&ssi_rt.state) != SSI_RUNNING)
        return SS_ESTATE;
    ssi_worker_t *w = ssi_self;
    if (!w)
        return SS_ENOTWORKER;
    if (w->current != ssi_rt.root || w->id != 0)
        return SS_ESTATE; /* from inside a task */
    ssi_taskwait(w);
    atomic_store(&ssi_rt.state, SSI_STOPPING);
    ssi_workers_stop();
    ssi_trace_fini();
    ssi_model_fini();
    ssi_resume_fini();
    ssi_cuda_fini();
    ssi_domain_destroy(&w->pool, ssi_rt.root->domain);
    for (int i = 0; i < ssi_rt.nworkers; i++) {
        ssi_pool_drain(&ssi_rt.workers[i].pool);
        ssi_deque_destroy(&ssi_rt.workers[i].dq);
    }
    free(ssi_rt.root);
    ssi_rt.root = NULL;
    ssi_pool_release_all();
    ssi_sched_fini();
    ssi_topology_fini();
    ssi_files_fini();
    free(ssi_rt.workers);
    ssi_rt.workers = NULL;
    ssi_self = NULL;
    atomic_store(&ssi_rt.state, SSI_FINALIZED);
    return SS_OK;
}

SSI_API const char *ss_strerror(int err)
{
    switch (err) {
#define SS_ERR_CASE_(name, value, msg) case value: return msg;
        SS_ERRORS(SS_ERR_CASE_)
#undef SS_ERR_CASE_
    }
    return "unknown error";
}

SSI_API void ss_print_config(void)
{
    ssi_config_print(&ssi_rt.cfg, stderr);
    fprintf(stderr, "# effective workers: %d\n", ssi_rt.nworkers);
    const ssi_machine_t *m = &ssi_machine;
    fprintf(stderr, "# machine: %d cores (%d reserved), %d NUMA nodes, %.1f GB memory, "
            "largest cache %llu KiB, %s, %s, %.2f GHz%s\n", m->cores, m->reserved,
            m->numa_nodes, m->memory / 1073741824.0, (unsigned long long)(m->cache >> 10),
            m->arch, m->cpu_model, m->ghz, m->synthetic ? " (synthetic topology)" : "");
    int gpus = ssi_cuda_count();
    fprintf(stderr, "# CUDA devices: %d%s%s%s\n", gpus, gpus ? "" : " (",
            gpus ? "" : ssi_cuda_why_none(), gpus ? "" : ")");
}

SSI_API unsigned ss_abi_version(void)
{
    return SS_ABI_VERSION;
}

SSI_API void ss_abi_check(unsigned abi_version, const char *unit)
{
    if (abi_version == SS_ABI_VERSION)
        return;
    fprintf(stderr, "ss: error: %s was built for runtime ABI %u but this libssrt "
            "provides ABI %u; rebuild it with the matching ssc\n",
            unit ? unit : "a program", abi_version, SS_ABI_VERSION);
    exit(70);
}
