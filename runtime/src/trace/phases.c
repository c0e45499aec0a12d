/* phases.c - per-task cost by phase (SS_PROFILE): each worker adds the
 * ticks of each phase it runs; at finalize the sums become mean nanoseconds
 * per task, printed to stderr. The tick counter (the TSC on x86) is
 * converted with the rate measured between start and finalize. */
#include <stdio.h>

#include "trace/trace_priv.h"

static uint64_t tick0, ns0;

static uint64_t mono_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void ssi_phases_start(void)
{
    ns0 = mono_ns();
    tick0 = ssi_ticks();
}

void ssi_phase_add(ssi_worker_t *w, int phase, uint64_t ticks)
{
    ssi_trace_worker_t *tw = &ssi_trace.w[w->id];
    tw->phase_ticks[phase] += ticks;
    tw->phase_count[phase]++;
}

void ssi_trace_print_phases(FILE *out)
{
    static const char *names[SSI_PH_COUNT] = {
        "create", "register dependences", "scheduling", "run (body)",
        "release successors"};
    uint64_t ticks = ssi_ticks() - tick0, ns = mono_ns() - ns0;
    double ns_per_tick = ticks ? (double)ns / (double)ticks : 1.0;
    uint64_t sum[SSI_PH_COUNT] = {0}, cnt[SSI_PH_COUNT] = {0};
    for (int i = 0; i < ssi_trace.nworkers; i++)
        for (int p = 0; p < SSI_PH_COUNT; p++) {
            sum[p] += ssi_trace.w[i].phase_ticks[p];
            cnt[p] += ssi_trace.w[i].phase_count[p];
        }
    uint64_t tasks = cnt[SSI_PH_RUN];
    fprintf(out, "ss profile: per-task cost by phase, %llu tasks run (SS_PROFILE)\n",
            (unsigned long long)tasks);
    fprintf(out, "  %-22s %12s %14s %12s\n", "phase", "times", "total ms", "ns/task");
    double total = 0;
    for (int p = 0; p < SSI_PH_COUNT; p++) {
        double ms = (double)sum[p] * ns_per_tick / 1e6;
        double per = tasks ? (double)sum[p] * ns_per_tick / (double)tasks : 0;
        if (p != SSI_PH_RUN)
            total += per;
        fprintf(out, "  %-22s %12llu %14.3f %12.1f\n", names[p],
                (unsigned long long)cnt[p], ms, per);
    }
    fprintf(out, "  %-22s %12s %14s %12.1f\n", "runtime (all but run)", "", "", total);
}
