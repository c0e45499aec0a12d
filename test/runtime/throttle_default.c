/* The default throttle window (SS_THROTTLE_TASKS unset, i.e. 0): 64
 * pending tasks per worker. With one worker, a chain of 100,000 tasks
 * (each blocked by the previous one) never has more than the window plus
 * one throttle check period (64 submissions) pending at once: past the
 * window the creator runs the chain's ready head instead of creating.
 * With the old default of 2^22 the whole chain was pending. */
#include "rt_chain.h"

int main(void)
{
    unsetenv("SS_THROTTLE_TASKS");
    setenv("SS_NUM_THREADS", "1", 1);
    RT_OK(ss_init());
    long max_pending = rt_chain_run(rt_scaled(100000, 10000));
    fprintf(stderr, "chain: at most %ld tasks pending (default window 64, 1 worker)\n",
            max_pending);
    RT_CHECK(max_pending <= 64 + 64,
             "%ld tasks pending at once: the default window of 64 per worker is not in effect",
             max_pending);
    RT_OK(ss_finalize());
    return 0;
}
