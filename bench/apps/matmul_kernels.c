/* matmul_kernels.c - see matmul_kernels.h. Compiled once by gcc and linked
 * into every version, so all runtimes run the same kernel machine code. */
#include "matmul_kernels.h"

#include <stdio.h>
#include <stdlib.h>

static double aval(int i, int k)
{
    return (double)((i * 7 + k * 3) % 5 - 2);
}

static double bval(int k, int j)
{
    return (double)((k * 5 + j * 11) % 7 - 3);
}

/* Element (i, j) of a tiled matrix x. */
static double *elem(const mm_mat_t *m, double *x, int i, int j)
{
    int bs = m->bs;
    return mm_tile(m, x, i / bs, j / bs) + (i % bs) * bs + j % bs;
}

void mm_init(mm_mat_t *m, int n, int bs)
{
    if (bs < 1 || n < bs || n % bs) {
        fprintf(stderr, "matmul: tile size %d must divide the order %d\n", bs, n);
        exit(2);
    }
    m->n = n, m->bs = bs, m->nt = n / bs;
    size_t bytes = (size_t)n * n * sizeof(double);
    m->a = malloc(bytes), m->b = malloc(bytes), m->c = calloc(1, bytes);
    if (!m->a || !m->b || !m->c) {
        fprintf(stderr, "matmul: out of memory\n");
        exit(2);
    }
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            *elem(m, m->a, i, j) = aval(i, j);
            *elem(m, m->b, i, j) = bval(i, j);
        }
}

void mm_free(mm_mat_t *m)
{
    free(m->a), free(m->b), free(m->c);
}

void mm_kernel(const double *restrict a, const double *restrict b, double *restrict c, int bs)
{
    for (int i = 0; i < bs; i++)
        for (int k = 0; k < bs; k++) {
            double aik = a[i * bs + k];
            for (int j = 0; j < bs; j++)
                c[i * bs + j] += aik * b[k * bs + j];
        }
}

long mm_task_count(const mm_mat_t *m)
{
    return (long)m->nt * m->nt * m->nt;
}

int mm_verify(const mm_mat_t *m)
{
    int n = m->n;
    unsigned h = 12345;
    for (int s = 0; s < 4000; s++) {
        h = h * 1103515245u + 12345u;
        int i = (int)((h >> 8) % (unsigned)n);
        h = h * 1103515245u + 12345u;
        int j = (int)((h >> 8) % (unsigned)n);
        double want = 0;
        for (int k = 0; k < n; k++)
            want += aval(i, k) * bval(k, j);
        double got = *elem(m, m->c, i, j);
        if (got != want) {
            fprintf(stderr, "matmul: C(%d, %d) = %g, expected %g\n", i, j, got, want);
            return -1;
        }
    }
    return 0;
}
