/* ss_task_create rejects bad arguments with SS_EINVAL (NULL type, NULL task
 * out pointer, NULL args out pointer with args_size > 0, unknown flag bits,
 * absurd args_size / max_deps) and accepts every valid combination; the
 * argument block is zeroed and 16-byte aligned, also when reused. */
#include "rt_test.h"

#include <limits.h>

static atomic_int ran;

static void body(void *p)
{
    (void)p;
    atomic_fetch_add(&ran, 1);
}

static ss_task_type_t type = SS_TASK_TYPE("create", body);

int main(void)
{
    ss_task_t t;
    void *args;

    /* NULL pointers. */
    RT_EXPECT(ss_task_create(NULL, 0, 0, 0, &t, &args), SS_EINVAL);
    RT_EXPECT(ss_task_create(NULL, 16, 1, 0, &t, &args), SS_EINVAL);
    RT_EXPECT(ss_task_create(&type, 0, 0, 0, NULL, &args), SS_EINVAL);
    RT_EXPECT(ss_task_create(&type, 16, 1, 0, NULL, &args), SS_EINVAL);
    RT_EXPECT(ss_task_create(&type, 16, 0, 0, &t, NULL), SS_EINVAL);
    RT_EXPECT(ss_task_create(&type, 1, 0, 0, &t, NULL), SS_EINVAL);

    /* Unknown flag bits: every bit outside the three public ones. */
    const unsigned public_flags = SS_TASK_UNDEFERRED | SS_TASK_FINAL | SS_TASK_WAIT;
    for (unsigned bit = 0; bit < 32; bit++) {
        unsigned f = 1u << bit;
        if (f & public_flags)
            continue;
        int rc = ss_task_create(&type, 8, 1, f, &t, &args);
        if (rc != SS_EINVAL)
            RT_FAIL("flag bit %u (0x%x): ss_task_create returned %d (%s), want "
                    "SS_EINVAL", bit, f, rc, ss_strerror(rc));
        rc = ss_task_create(&type, 8, 1, f | SS_TASK_FINAL, &t, &args);
        if (rc != SS_EINVAL)
            RT_FAIL("flags 0x%x: returned %d, want SS_EINVAL", f | SS_TASK_FINAL, rc);
    }
    RT_EXPECT(ss_task_create(&type, 0, 0, ~0u, &t, &args), SS_EINVAL);

    /* Sizes no task can have. */
    RT_EXPECT(ss_task_create(&type, SIZE_MAX, 0, 0, &t, &args), SS_EINVAL);
    RT_EXPECT(ss_task_create(&type, SIZE_MAX / 2, 0, 0, &t, &args), SS_EINVAL);
    RT_EXPECT(ss_task_create(&type, 0, UINT_MAX, 0, &t, &args), SS_EINVAL);

    /* None of the failed calls created a task: a taskwait returns and
     * nothing ran. */
    RT_OK(ss_taskwait());
    RT_CHECK(atomic_load(&ran) == 0, "a rejected task ran (%d)", atomic_load(&ran));

    /* Valid combinations are accepted (and must then be submitted). */
    int expect = 0;
    RT_OK(ss_task_create(&type, 0, 0, 0, &t, NULL));
    RT_OK(ss_task_submit(t)); expect++;
    RT_OK(ss_task_create(&type, 0, 0, 0, &t, &args));
    RT_OK(ss_task_submit(t)); expect++;
    RT_OK(ss_task_create(&type, 0, 1000, 0, &t, NULL));
    RT_OK(ss_task_submit(t)); expect++;
    const unsigned flag_sets[] = {SS_TASK_UNDEFERRED, SS_TASK_FINAL, SS_TASK_WAIT,
                                  SS_TASK_UNDEFERRED | SS_TASK_FINAL,
                                  SS_TASK_FINAL | SS_TASK_WAIT, public_flags};
    for (unsigned i = 0; i < sizeof flag_sets / sizeof flag_sets[0]; i++) {
        RT_OK(ss_task_create(&type, 24, 2, flag_sets[i], &t, &args));
        RT_CHECK(args != NULL, "args NULL with args_size 24");
        RT_OK(ss_task_submit(t));
        expect++;
    }
    /* A NULL body is an empty task. */
    static ss_task_type_t empty = SS_TASK_TYPE("empty", NULL);
    RT_OK(ss_task_create(&empty, 0, 0, 0, &t, NULL));
    RT_OK(ss_task_submit(t));

    /* Argument blocks: zeroed and 16-byte aligned, for several sizes, also
     * when the memory of earlier (dirtied) blocks is reused. */
    const size_t sizes[] = {1, 8, 15, 16, 17, 100, 1000, 4096, 65536};
    for (int round = 0; round < 50; round++) {
        for (unsigned i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
            unsigned char *a;
            RT_OK(ss_task_create(&type, sizes[i], (unsigned)(round % 4), 0, &t,
                                 (void **)&a));
            RT_CHECK(a != NULL, "args NULL for size %zu", sizes[i]);
            RT_CHECK(((uintptr_t)a & 15) == 0, "args %p for size %zu not 16-byte "
                     "aligned", (void *)a, sizes[i]);
            for (size_t k = 0; k < sizes[i]; k++)
                if (a[k])
                    RT_FAIL("round %d: args byte %zu of %zu is 0x%02x, not zeroed",
                            round, k, sizes[i], a[k]);
            memset(a, 0xA5, sizes[i]); /* dirty it for the next round */
            RT_OK(ss_task_submit(t));
            expect++;
        }
        RT_OK(ss_taskwait());
    }
    RT_OK(ss_taskwait());
    RT_CHECK(atomic_load(&ran) == expect, "ran %d tasks, want %d", atomic_load(&ran),
             expect);
    RT_OK(ss_finalize());
    return 0;
}
