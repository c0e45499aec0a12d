/* nbody_kernels.h - direct-sum n-body steps for bench/apps/nbody_*.c: the
 * particles, the two block kernels (accelerations of a block from all
 * particles; moving a block) and the check against the same kernels run
 * sequentially. */
#ifndef BENCH_NBODY_KERNELS_H
#define BENCH_NBODY_KERNELS_H

typedef struct nb_particle {
    double x, y, z, vx, vy, vz, m;
} nb_particle_t;

typedef struct nb_accel {
    double x, y, z;
} nb_accel_t;

#define NB_DT 1e-3 /* time step */

/* n particles in the unit cube, at rest, deterministic masses; exits on
 * bad sizes (bs must divide n) or no memory. */
nb_particle_t *nb_alloc(int n, int bs);

/* Accelerations a[lo..lo+cnt) of particles lo..lo+cnt-1 from all n. */
void nb_accelerate(int n, const nb_particle_t *p, int lo, int cnt, nb_accel_t *a);

/* One step of particles lo..lo+cnt-1 with accelerations a[lo..lo+cnt). */
void nb_move(nb_particle_t *p, const nb_accel_t *a, int lo, int cnt);

/* Number of tasks for steps steps in blocks of bs: two per block and step. */
long nb_task_count(int n, int bs, int steps);

/* Run steps steps of the whole system sequentially from the start and
 * compare with p bit for bit. Returns 0 if equal, else prints the first
 * differing particle on stderr and returns -1. */
int nb_verify(int n, int steps, const nb_particle_t *p);

#endif /* BENCH_NBODY_KERNELS_H */
