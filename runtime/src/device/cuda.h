/* cuda.h - CUDA GPUs through the CUDA driver API, loaded at run time with
 * dlopen("libcuda.so.1"): libssrt and the programs built with ssc have no
 * link-time dependence on CUDA, and a machine without a GPU (or without the
 * driver) runs the same binary on its other versions.
 *
 * Owner of all CUDA state (library handle, contexts, loaded modules, the
 * per-worker "current CUDA task"): device/cuda.c. */
#ifndef SSI_CUDA_H
#define SSI_CUDA_H

#include "task/task.h"

/* Load the driver and count devices, once (thread-safe, lazy). Returns the
 * number of usable devices, 0 when there are none. */
int ssi_cuda_count(void);

/* Why ssi_cuda_count() is 0, for messages: "libcuda.so.1: cannot open
 * shared object file", "cuInit: CUDA_ERROR_NO_DEVICE", ... ("" otherwise). */
const char *ssi_cuda_why_none(void);

/* Run a CUDA version of t on device `dev` (0 <= dev < ssi_cuda_count()), on
 * the calling worker: allocate device memory for each dependence region of t
 * (its bounding bytes; overlapping regions of the task share one buffer),
 * copy in every region but `out`-only ones, call launcher(t->args) with t as
 * the calling thread's current CUDA task (what ss_abi_cuda_ptr and
 * ss_abi_cuda_launch use), wait for the kernels, copy back every region
 * but `in`-only ones, free. A CUDA error aborts with one line naming the
 * task (label, file:line), the call and the CUDA error name. */
void ssi_cuda_run(ssi_task_t *t, int dev, void (*launcher)(void *));

/* Release contexts and modules at finalize (nothing if never loaded). */
void ssi_cuda_fini(void);

#endif
