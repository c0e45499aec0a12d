/* A chain of tasks with inout on one variable runs in program order. */
#include <stdio.h>
#include <stdlib.h>

#include "ss.h"

typedef struct { long *x; long i; } args_t;

static void step(void *p)
{
    args_t *a = p;
    if (*a->x != a->i) {
        fprintf(stderr, "step %ld saw %ld\n", a->i, *a->x);
        exit(1);
    }
    *a->x = a->i + 1;
}

static ss_task_type_t step_type = SS_TASK_TYPE("step", step);

int main(void)
{
    long x = 0;
    const long n = 200000;
    for (long i = 0; i < n; i++) {
        ss_task_t t;
        args_t *a;
        if (ss_task_create(&step_type, sizeof *a, 1, 0, &t, (void **)&a))
            return 1;
        a->x = &x;
        a->i = i;
        if (ss_task_depend_bytes(t, SS_DEP_INOUT, &x, sizeof x) || ss_task_submit(t))
            return 1;
    }
    if (ss_taskwait())
        return 1;
    if (x != n) {
        fprintf(stderr, "x = %ld, want %ld\n", x, n);
        return 1;
    }
    return ss_finalize() == SS_OK ? 0 : 1;
}
