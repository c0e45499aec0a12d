/* taskloop.c - loops split into tasks by taskloop: one with grainsize(G)
 * fills an array; after a taskwait a second one, every chunk declaring
 * in() on the whole array, reads it into another array; a task with inout()
 * on the first array must then wait for all those chunks before it
 * overwrites it; after another taskwait, a taskloop with num_tasks() and a
 * reduction counts over a strided loop. Checks everything against plain
 * loops. The values, the reference and the check are in taskloop.h; this
 * file holds the tasks.
 *
 * Usage: taskloop [N [G]]   (default N=2097152, G=4096)
 * Build: ssc -fompss -O2 taskloop.c -o taskloop */
#include "taskloop.h"

static long taskloop_tasks(long n, long g, double *a, double *b)
{
    (void)g; /* only the pragmas use g: a build without tasks ignores them */
#pragma oss taskloop grainsize(g) label("fill")
    for (long i = 0; i < n; i++)
        a[i] = f(i);
#pragma oss taskwait

    /* Each chunk reads far from its own iterations: a[n-1-i]. */
#pragma oss taskloop grainsize(g) in(a[0;n]) label("mirror")
    for (long i = 0; i < n; i++)
        b[i] = a[i] + 2.0 * a[n - 1 - i];

    /* Writes a: runs only after every "mirror" chunk has read it. */
#pragma oss task inout(a[0;n]) label("halve")
    for (long i = 0; i < n; i++)
        a[i] *= 0.5;
#pragma oss taskwait

    long hits = 0;
#pragma oss taskloop num_tasks(16) reduction(+: hits) label("count")
    for (long i = 0; i < n; i += 2)
        hits += b[i] > a[i];
#pragma oss taskwait
    return hits;
}

int main(int argc, char **argv)
{
    return taskloop_main("taskloop", argc, argv);
}
