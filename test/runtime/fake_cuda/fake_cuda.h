/* fake_cuda.h - what the fake CUDA driver (fake_cuda.c, built as
 * libcuda.so.1 in its own folder) counts, for tests that run the runtime's
 * CUDA module on it: fake_cuda_stats(out) fills FAKE_NSTATS counters. */
#ifndef FAKE_CUDA_H
#define FAKE_CUDA_H

enum {
    FAKE_ALLOCS_LIVE,   /* cuMemAlloc not yet freed */
    FAKE_STREAMS_LIVE,  /* cuStreamCreate not yet destroyed */
    FAKE_CTX_REFS,      /* primary context retains not yet released */
    FAKE_MODULES_LIVE,  /* cuModuleLoadData not yet unloaded */
    FAKE_HTOD_BYTES,    /* bytes copied to the device */
    FAKE_DTOH_BYTES,    /* bytes copied to the host */
    FAKE_LAUNCHES,      /* kernels launched */
    FAKE_NSTATS
};

typedef void (*fake_cuda_stats_fn)(long out[FAKE_NSTATS]);

#endif
