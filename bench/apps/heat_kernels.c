/* heat_kernels.c - see heat_kernels.h. Compiled once by gcc and linked into
 * every version, so all runtimes run the same kernel machine code. */
#include "heat_kernels.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Hot top edge, warm bottom and left edges, cold right edge and interior. */
static double *grid(int n)
{
    double (*a)[n + 2] = malloc(sizeof(double[n + 2][n + 2]));
    if (!a) {
        fprintf(stderr, "heat: out of memory\n");
        exit(2);
    }
    for (int i = 0; i < n + 2; i++)
        for (int j = 0; j < n + 2; j++)
            a[i][j] = i == 0 ? 1.0 : i == n + 1 ? 0.5 : j == 0 ? 0.25 : 0.0;
    return &a[0][0];
}

double *heat_alloc(int n, int bs)
{
    if (bs < 1 || n < bs || n % bs) {
        fprintf(stderr, "heat: block size %d must divide the grid size %d\n", bs, n);
        exit(2);
    }
    return grid(n);
}

void heat_block(int n, double (*a)[n + 2], int ii, int jj, int bs)
{
    for (int i = ii; i < ii + bs; i++)
        for (int j = jj; j < jj + bs; j++)
            a[i][j] = 0.25 * (a[i - 1][j] + a[i + 1][j] + a[i][j - 1] + a[i][j + 1]);
}

long heat_task_count(int n, int bs, int steps)
{
    return (long)(n / bs) * (n / bs) * steps;
}

int heat_verify(int n, int steps, const double *got)
{
    double (*r)[n + 2] = (double (*)[n + 2])grid(n);
    for (int t = 0; t < steps; t++)
        heat_block(n, r, 1, 1, n);
    const double (*a)[n + 2] = (const double (*)[n + 2])got;
    int rc = 0;
    for (int i = 0; i < n + 2 && !rc; i++)
        if (memcmp(a[i], r[i], sizeof r[i])) {
            fprintf(stderr, "heat: row %d differs from the plain sweeps\n", i);
            rc = -1;
        }
    free(r);
    return rc;
}
