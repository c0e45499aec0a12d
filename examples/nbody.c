/* nbody.c - direct-sum n-body time steps with two inline tasks per block
 * of particles and step: one computes the accelerations of the block from
 * all positions (in on every particle, out on the block's accelerations),
 * one moves the block (in on its accelerations, inout on its particles).
 * No taskwait between steps: the dependences alone order the steps. Checks
 * the final state bit for bit against the same functions run sequentially.
 * The step functions, the reference and the check are in nbody.h; this
 * file holds the tasks.
 *
 * Usage: nbody [N [BS [STEPS]]]   (default N=1024, BS=128, STEPS=20)
 * Build: ssc -fompss -O2 nbody.c -o nbody -lm */
#include "nbody.h"

static void nbody_tasks(int n, int bs, int steps, double dt, struct particle *p, struct accel *a)
{
    for (int s = 0; s < steps; s++) {
        for (int lo = 0; lo < n; lo += bs) {
            int cnt = n - lo < bs ? n - lo : bs;
#pragma oss task in(p[0;n]) out(a[lo;cnt]) label("accelerate")
            accelerate(n, p, lo, cnt, a);
        }
        for (int lo = 0; lo < n; lo += bs) {
            int cnt = n - lo < bs ? n - lo : bs;
#pragma oss task in(a[lo;cnt]) inout(p[lo;cnt]) label("move")
            move(p, a, lo, cnt, dt);
        }
    }
#pragma oss taskwait
}

int main(int argc, char **argv)
{
    return nbody_main("nbody", argc, argv);
}
