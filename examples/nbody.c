/* nbody.c - direct-sum n-body time steps with two inline tasks per block
 * of particles and step: one computes the accelerations of the block from
 * all positions (in on every particle, out on the block's accelerations),
 * one moves the block (in on its accelerations, inout on its particles).
 * No taskwait between steps: the dependences alone order the steps. Checks
 * the final state bit for bit against the same functions run sequentially.
 *
 * Usage: nbody [N [BS [STEPS]]]   (default N=1024, BS=128, STEPS=20)
 * Build: ssc -fompss -O2 nbody.c -o nbody -lm */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

/* The reference: the same functions, called in order. */
static void nbody_seq(int n, int steps, double dt, struct particle *p, struct accel *a)
{
    for (int s = 0; s < steps; s++) {
        accelerate(n, p, 0, n, a);
        move(p, a, 0, n, dt);
    }
}

static int arg_int(int argc, char **argv, int i, const char *what, int def)
{
    if (argc <= i)
        return def;
    char *end;
    long v = strtol(argv[i], &end, 10);
    if (*end || v < 1 || v > 1 << 24) {
        fprintf(stderr, "nbody: bad %s '%s'\nusage: nbody [N [BS [STEPS]]]\n", what, argv[i]);
        exit(2);
    }
    return (int)v;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Particles in the unit cube, at rest, with masses in (0, 1/n]. */
static void init(int n, struct particle *p)
{
    unsigned long long s = 88172645463325252ull;
    for (int i = 0; i < n; i++) {
        double r[4];
        for (int k = 0; k < 4; k++) {
            s ^= s << 13, s ^= s >> 7, s ^= s << 17; /* xorshift64 */
            r[k] = (double)(s >> 11) / 9007199254740992.0;
        }
        p[i] = (struct particle){r[0], r[1], r[2], 0.0, 0.0, 0.0, (r[3] + 1e-3) / n};
    }
}

int main(int argc, char **argv)
{
    int n = arg_int(argc, argv, 1, "number of particles N", 1024);
    int bs = arg_int(argc, argv, 2, "block size BS", 128);
    int steps = arg_int(argc, argv, 3, "number of steps STEPS", 20);
    double dt = 1e-3;
    struct particle *p = malloc(n * sizeof *p), *ref = malloc(n * sizeof *ref);
    struct accel *a = malloc(n * sizeof *a), *ra = malloc(n * sizeof *ra);
    if (!p || !ref || !a || !ra) {
        fprintf(stderr, "nbody: out of memory\n");
        return 2;
    }
    init(n, p);
    init(n, ref);

    double t0 = now();
    nbody_tasks(n, bs, steps, dt, p, a);
    double t1 = now();
    nbody_seq(n, steps, dt, ref, ra);
    double t2 = now();

    int differ = 0;
    double speed = 0.0;
    for (int i = 0; i < n; i++) {
        differ += memcmp(&p[i], &ref[i], sizeof p[i]) != 0;
        speed += sqrt(p[i].vx * p[i].vx + p[i].vy * p[i].vy + p[i].vz * p[i].vz);
    }
    printf("nbody: %s (n=%d bs=%d steps=%d, mean speed %.6f, %d particles differ from "
           "sequential; tasks %.3f s, sequential %.3f s)\n",
           differ ? "FAILED" : "ok", n, bs, steps, speed / n, differ, t1 - t0, t2 - t1);
    free(p), free(ref), free(a), free(ra);
    return differ ? 1 : 0;
}
