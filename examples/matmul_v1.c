/* matmul_v1.c - matmul.c in the OmpSs v1 spelling: #pragma omp task ...
 * Blocked matrix multiplication C += A*B with one function task per tile
 * product, input([bs][bs]A, [bs][bs]B) inout([bs][bs]C) (input is the v1
 * name of in). The inputs are small integers, so every order of the sums is
 * exact and the result must equal a plain triple loop bit for bit. The
 * kernel, the reference, the inputs and the check are in matmul.h; this
 * file holds the tasks.
 *
 * Usage: matmul_v1 [N [BS]]   (default N=512, BS=64; BS must divide N)
 * Build: ssc -fompss -O2 matmul_v1.c -o matmul_v1 */
#include "matmul.h"

/* c += a * b on row-major bs x bs tiles. */
#pragma omp task input([bs][bs]a, [bs][bs]b) inout([bs][bs]c) label("matmul")
static void matmul_tile(int bs, const double *a, const double *b, double *c)
{
    tile_product(bs, a, b, c);
}

static void matmul_tasks(int nt, int bs, double *a, double *b, double *c)
{
    for (int i = 0; i < nt; i++)
        for (int j = 0; j < nt; j++)
            for (int k = 0; k < nt; k++)
                matmul_tile(bs, tile(a, nt, bs, i, k), tile(b, nt, bs, k, j),
                            tile(c, nt, bs, i, j));
#pragma omp taskwait
}

int main(int argc, char **argv)
{
    return matmul_main("matmul_v1", argc, argv);
}
