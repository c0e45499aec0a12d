/* nbody_v1.c - nbody.c in the OmpSs v1 spelling: #pragma omp task ...
 * Direct-sum n-body time steps with two inline tasks per block
 * of particles and step: one computes the accelerations of the block from
 * all positions (in on every particle, out on the block's accelerations),
 * one moves the block (in on its accelerations, inout on its particles).
 * No taskwait between steps: the dependences alone order the steps. Checks
 * the final state bit for bit against the same functions run sequentially.
 * Written with the v1 clause names input/output and [lower:upper] sections
 * (upper bound included). The step functions, the reference and the check
 * are in nbody.h; this file holds the tasks.
 *
 * Usage: nbody_v1 [N [BS [STEPS]]]   (default N=1024, BS=128, STEPS=20)
 * Build: ssc -fompss -O2 nbody_v1.c -o nbody_v1 -lm */
#include "nbody.h"

static void nbody_tasks(int n, int bs, int steps, double dt, struct particle *p, struct accel *a)
{
    for (int s = 0; s < steps; s++) {
        for (int lo = 0; lo < n; lo += bs) {
            int cnt = n - lo < bs ? n - lo : bs;
#pragma omp task input(p[0:n - 1]) output(a[lo:lo + cnt - 1]) label("accelerate")
            accelerate(n, p, lo, cnt, a);
        }
        for (int lo = 0; lo < n; lo += bs) {
            int cnt = n - lo < bs ? n - lo : bs;
#pragma omp task input(a[lo:lo + cnt - 1]) inout(p[lo:lo + cnt - 1]) label("move")
            move(p, a, lo, cnt, dt);
        }
    }
#pragma omp taskwait
}

int main(int argc, char **argv)
{
    return nbody_main("nbody_v1", argc, argv);
}
