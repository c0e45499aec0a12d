/* nbody.h - the part of nbody.c and nbody_v1.c that does not depend on the
 * pragma spelling: the particles, the two step functions, the sequential
 * reference, the initial state, the check and main's driver. The including
 * file defines nbody_tasks, the steps with tasks. */
#ifndef NBODY_H
#define NBODY_H

#include "example.h"
#include <math.h>

struct particle {
    double x, y, z, vx, vy, vz, m;
};

struct accel {
    double x, y, z;
};

/* Accelerations of particles lo..lo+cnt-1 from all n particles. */
static void accelerate(int n, const struct particle *p, int lo, int cnt, struct accel *a)
{
    const double eps2 = 1e-4; /* softening: no infinite force at distance 0 */
    for (int i = lo; i < lo + cnt; i++) {
        double ax = 0.0, ay = 0.0, az = 0.0;
        for (int j = 0; j < n; j++) {
            double dx = p[j].x - p[i].x, dy = p[j].y - p[i].y, dz = p[j].z - p[i].z;
            double d2 = dx * dx + dy * dy + dz * dz + eps2;
            double s = p[j].m / (d2 * sqrt(d2));
            ax += s * dx;
            ay += s * dy;
            az += s * dz;
        }
        a[i].x = ax;
        a[i].y = ay;
        a[i].z = az;
    }
}

/* One leapfrog-style step of particles lo..lo+cnt-1. */
static void move(struct particle *p, const struct accel *a, int lo, int cnt, double dt)
{
    for (int i = lo; i < lo + cnt; i++) {
        p[i].vx += dt * a[i].x;
        p[i].vy += dt * a[i].y;
        p[i].vz += dt * a[i].z;
        p[i].x += dt * p[i].vx;
        p[i].y += dt * p[i].vy;
        p[i].z += dt * p[i].vz;
    }
}

/* steps time steps of the n particles p, a block of bs at a time, with
 * tasks, a the scratch accelerations; then waits for them. Defined by the
 * including file. */
static void nbody_tasks(int n, int bs, int steps, double dt, struct particle *p, struct accel *a);

/* The reference: the same functions, called in order. */
static void nbody_seq(int n, int steps, double dt, struct particle *p, struct accel *a)
{
    for (int s = 0; s < steps; s++) {
        accelerate(n, p, 0, n, a);
        move(p, a, 0, n, dt);
    }
}

/* Particles in the unit cube, at rest, with masses in (0, 1/n]. */
static void init(int n, struct particle *p)
{
    unsigned long long s = 88172645463325252ull;
    for (int i = 0; i < n; i++) {
        double r[4];
        for (int k = 0; k < 4; k++)
            r[k] = (double)(ex_xorshift64(&s) >> 11) / 9007199254740992.0;
        p[i] = (struct particle){r[0], r[1], r[2], 0.0, 0.0, 0.0, (r[3] + 1e-3) / n};
    }
}

/* The main of nbody.c and nbody_v1.c; name is the program's name, for its
 * messages. */
static int nbody_main(const char *name, int argc, char **argv)
{
    ex_begin(name, "[N [BS [STEPS]]]");
    int n = (int)ex_arg(argc, argv, 1, "number of particles N", 1024, 1, 1 << 24);
    int bs = (int)ex_arg(argc, argv, 2, "block size BS", 128, 1, 1 << 24);
    int steps = (int)ex_arg(argc, argv, 3, "number of steps STEPS", 20, 1, 1 << 24);
    double dt = 1e-3;
    struct particle *p = ex_alloc(n, sizeof *p), *ref = ex_alloc(n, sizeof *ref);
    struct accel *a = ex_alloc(n, sizeof *a), *ra = ex_alloc(n, sizeof *ra);
    init(n, p);
    init(n, ref);

    double t0 = ex_now();
    nbody_tasks(n, bs, steps, dt, p, a);
    double t1 = ex_now();
    nbody_seq(n, steps, dt, ref, ra);
    double t2 = ex_now();

    long differ = ex_count_differ(p, ref, n, sizeof *p);
    double speed = 0.0;
    for (int i = 0; i < n; i++)
        speed += sqrt(p[i].vx * p[i].vx + p[i].vy * p[i].vy + p[i].vz * p[i].vz);
    free(p), free(ref), free(a), free(ra);

    return ex_report(differ == 0,
                     "n=%d bs=%d steps=%d, mean speed %.6f, %ld particles differ from "
                     "sequential; tasks %.3f s, sequential %.3f s",
                     n, bs, steps, speed / n, differ, t1 - t0, t2 - t1);
}

#endif
