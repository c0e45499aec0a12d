/* cholesky_ss.c - tiled Cholesky with one ss task per tile kernel;
 * dependences on whole tiles (all bs*bs doubles of each). Usage:
 * cholesky_ss BS [N]. Reports seconds for the factorization. */
#include "ss_common.h"
#include "cholesky_main.h"

/* Arguments of every kernel task: up to three tiles and the tile size. */
typedef struct tile_args {
    double *a, *b, *c;
    int bs;
} tile_args_t;

static void potrf_body(void *p)
{
    tile_args_t *t = p;
    chol_potrf(t->a, t->bs);
}

static void trsm_body(void *p)
{
    tile_args_t *t = p;
    chol_trsm(t->a, t->b, t->bs);
}

static void syrk_body(void *p)
{
    tile_args_t *t = p;
    chol_syrk(t->a, t->b, t->bs);
}

static void gemm_body(void *p)
{
    tile_args_t *t = p;
    chol_gemm(t->a, t->b, t->c, t->bs);
}

static ss_task_type_t potrf_type = SS_TASK_TYPE("potrf", potrf_body);
static ss_task_type_t trsm_type = SS_TASK_TYPE("trsm", trsm_body);
static ss_task_type_t syrk_type = SS_TASK_TYPE("syrk", syrk_body);
static ss_task_type_t gemm_type = SS_TASK_TYPE("gemm", gemm_body);

/* Create and submit one kernel task: tiles in[0..nin) are read, tile out is
 * read and written; the arguments are (in..., out). */
static void spawn(ss_task_type_t *type, int bs, int nin, double *in0,
                  double *in1, double *out)
{
    size_t bytes = (size_t)bs * bs * sizeof(double);
    ss_task_t t;
    void *p;
    SS_TRY(ss_task_create(type, sizeof(tile_args_t), (unsigned)nin + 1, 0, &t, &p));
    tile_args_t *a = p;
    a->bs = bs;
    a->a = nin > 0 ? in0 : out;
    a->b = nin > 1 ? in1 : out;
    a->c = out;
    if (nin > 0)
        SS_TRY(ss_task_depend_bytes(t, SS_DEP_IN, in0, bytes));
    if (nin > 1)
        SS_TRY(ss_task_depend_bytes(t, SS_DEP_IN, in1, bytes));
    SS_TRY(ss_task_depend_bytes(t, SS_DEP_INOUT, out, bytes));
    SS_TRY(ss_task_submit(t));
}

static void factor(chol_mat_t *m)
{
    int nt = m->nt, bs = m->bs;
    for (int k = 0; k < nt; k++) {
        double *akk = chol_tile(m, k, k);
        spawn(&potrf_type, bs, 0, NULL, NULL, akk);
        for (int i = k + 1; i < nt; i++)
            spawn(&trsm_type, bs, 1, akk, NULL, chol_tile(m, i, k));
        for (int i = k + 1; i < nt; i++) {
            double *aik = chol_tile(m, i, k);
            spawn(&syrk_type, bs, 1, aik, NULL, chol_tile(m, i, i));
            for (int j = k + 1; j < i; j++)
                spawn(&gemm_type, bs, 2, aik, chol_tile(m, j, k),
                      chol_tile(m, i, j));
        }
    }
    SS_TRY(ss_taskwait());
}

static int run(chol_mat_t *m, uint64_t *ns)
{
    int threads = bench_ss_start();
    uint64_t t0 = bench_now_ns();
    factor(m);
    *ns = bench_now_ns() - t0;
    return threads;
}

int main(int argc, char **argv)
{
    int rc = chol_bench_main(argc, argv, run);
    SS_TRY(ss_finalize());
    return rc;
}
