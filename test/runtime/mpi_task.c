/* mpi_task: an MPI task runs 4 ranks of a real MPI program under Open MPI's
 * mpirun (loopback, settings of REFERENCE 8 for root on 2 cores) and holds
 * 4 cores while it runs (computing_units from the processes). The ranks
 * print their rank and size; rank 0 prints the MPI_Allreduce sum of the
 * ranks and its argument, which has spaces. Skipped (77) without mpirun or
 * the test's MPI program (built when CMake finds mpicc). */
#include "rt_test.h"
#include "rt_trace.h"

static char out[4200];
static const char *prog;

static void body(void *p)
{
    (void)p;
    const char *argv[] = {prog, "an argument with spaces", NULL};
    ss_exec_t e = {.argv = argv, .out = out, .mpi_runner = "mpirun", .processes = 4};
    ss_exec(&e);
}

static void four_cores(const void *p, ss_constraints_t *c)
{
    (void)p;
    c->computing_units = 4;
}

static ss_task_type_t mpi = {.label = "mpi", .file = "mpi.c", .line = 1, .run = body,
                             .constraints = four_cores, .time_out = 120};

int main(void)
{
    prog = getenv("SS_MPI_RANKS");
    if (!prog || access(prog, X_OK) || !rt_have_program("mpirun"))
        rt_skip("no mpirun or no MPI test program (mpicc missing at build time)");
    static const char *const env[][2] = {
        {"OMPI_ALLOW_RUN_AS_ROOT", "1"}, {"OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1"},
        {"OMPI_MCA_rmaps_base_oversubscribe", "1"}, {"OMPI_MCA_mpi_yield_when_idle", "1"},
        {"OMPI_MCA_btl_tcp_if_include", "lo"}, {"OMPI_MCA_oob_tcp_if_include", "lo"}};
    for (unsigned i = 0; i < sizeof env / sizeof env[0]; i++)
        setenv(env[i][0], env[i][1], 1);
    const char *dir = rt_tmpdir();
    snprintf(out, sizeof out, "%s/mpi.out", dir);
    rt_need_workers(4);
    rt_spawn(&mpi, NULL, 0, 0, NULL, 0);
    RT_OK(ss_taskwait());
    char *text = rt_read_file(out, NULL);
    RT_CHECK(text, "mpirun wrote nothing");
    for (int r = 0; r < 4; r++) {
        char want[32];
        snprintf(want, sizeof want, "rank %d of 4\n", r);
        RT_CHECK(strstr(text, want), "no '%s' in:\n%s", want, text);
    }
    RT_CHECK(strstr(text, "sum 6 an argument with spaces\n"), "no sum line in:\n%s", text);
    free(text);
    rt_rmdir(dir);
    RT_OK(ss_finalize());
    return 0;
}
