/* nbody_kernels.c - see nbody_kernels.h. Compiled once by gcc and linked
 * into every version, so all runtimes run the same kernel machine code. */
#include "nbody_kernels.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static nb_particle_t *particles(int n)
{
    nb_particle_t *p = malloc((size_t)n * sizeof *p);
    if (!p) {
        fprintf(stderr, "nbody: out of memory\n");
        exit(2);
    }
    unsigned long long s = 88172645463325252ull;
    for (int i = 0; i < n; i++) {
        double r[4];
        for (int k = 0; k < 4; k++) {
            s ^= s << 13, s ^= s >> 7, s ^= s << 17; /* xorshift64 */
            r[k] = (double)(s >> 11) / 9007199254740992.0;
        }
        p[i] = (nb_particle_t){r[0], r[1], r[2], 0.0, 0.0, 0.0, (r[3] + 1e-3) / n};
    }
    return p;
}

nb_particle_t *nb_alloc(int n, int bs)
{
    if (bs < 1 || n < bs || n % bs) {
        fprintf(stderr, "nbody: block size %d must divide the particle count %d\n", bs, n);
        exit(2);
    }
    return particles(n);
}

void nb_accelerate(int n, const nb_particle_t *p, int lo, int cnt, nb_accel_t *a)
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
        a[i] = (nb_accel_t){ax, ay, az};
    }
}

void nb_move(nb_particle_t *p, const nb_accel_t *a, int lo, int cnt)
{
    for (int i = lo; i < lo + cnt; i++) {
        p[i].vx += NB_DT * a[i].x;
        p[i].vy += NB_DT * a[i].y;
        p[i].vz += NB_DT * a[i].z;
        p[i].x += NB_DT * p[i].vx;
        p[i].y += NB_DT * p[i].vy;
        p[i].z += NB_DT * p[i].vz;
    }
}

long nb_task_count(int n, int bs, int steps)
{
    return 2L * (n / bs) * steps;
}

int nb_verify(int n, int steps, const nb_particle_t *got)
{
    nb_particle_t *p = particles(n);
    nb_accel_t *a = malloc((size_t)n * sizeof *a);
    if (!a) {
        fprintf(stderr, "nbody: out of memory\n");
        exit(2);
    }
    for (int s = 0; s < steps; s++) {
        nb_accelerate(n, p, 0, n, a);
        nb_move(p, a, 0, n);
    }
    int rc = 0;
    for (int i = 0; i < n && !rc; i++)
        if (memcmp(&p[i], &got[i], sizeof p[i])) {
            fprintf(stderr, "nbody: particle %d differs from the sequential run\n", i);
            rc = -1;
        }
    free(a);
    free(p);
    return rc;
}
