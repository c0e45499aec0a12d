/* ss_abi.h - the calls that ssc-generated code makes into libssrt.
 *
 * Not for hand-written programs (use ss.h). These calls do not validate:
 * generated code is trusted, and a failure that cannot be reported (no
 * memory) aborts with one line naming the task type and source location.
 * Every translation unit that ssc emits checks SS_ABI_VERSION at load time
 * through ss_abi_check(); a mismatch is refused with a clear message.
 */
#ifndef SS_ABI_H
#define SS_ABI_H

#include "ss.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Bump on any change to the structs or calls below. */
#define SS_ABI_VERSION 4

/* Called from a constructor of each generated translation unit. Exits the
 * process with status 70 and one line on stderr naming `unit`, the version it
 * was built for and the runtime's, if they differ. */
void ss_abi_check(unsigned abi_version, const char *unit);

/* The runtime's ABI version (for ssc --version). */
unsigned ss_abi_version(void);

/* Create a task; never returns NULL (aborts naming the type on failure). */
ss_task_t ss_abi_task_create(ss_task_type_t *type, size_t args_size,
                             unsigned max_deps, unsigned flags, void **args);

/* Add a dependence; the region is trusted (generated from the source). */
void ss_abi_task_depend(ss_task_t task, ss_dep_type_t type, const void *base,
                        unsigned ndims, const ss_dim_t *dims);

/* The whole object [addr, addr + size). */
void ss_abi_dep_object(ss_task_t task, ss_dep_type_t type, const void *addr,
                       size_t size);

/* Array sections of an array of elements of `elem` bytes starting at base:
 * sec holds (extent, lower, length) per dimension, outermost first; an
 * extent of 0 (a pointer) means the dimension ends with the section. */
void ss_abi_dep_sections(ss_task_t task, ss_dep_type_t type, const void *base,
                         size_t elem, unsigned ndims, const size_t *sec);

/* #pragma oss release: the running task no longer accesses the region
 * (arguments as for ss_abi_dep_object / ss_abi_dep_sections). Waits for the
 * task's children that access it, then releases the task's own dependences
 * on exactly that region; other regions are released when the task ends. */
void ss_abi_release_object(const void *addr, size_t size);
void ss_abi_release_sections(const void *base, size_t elem, unsigned ndims,
                             const size_t *sec);

void ss_abi_task_set_priority(ss_task_t task, int priority);

/* A dependence on the file named by path (see ss_task_depend_file). */
void ss_abi_dep_file(ss_task_t task, ss_dep_type_t type, const char *path);

/* The body of a binary or MPI task: split `tmpl` at blanks into words and
 * replace, inside each word, every {name} by values[i] where names[i] ==
 * name ({{ and }} are literal braces), so a value becomes part of exactly
 * one argument whatever it contains; then run `binary` with those
 * arguments as ss_exec does with the other fields of *opts (opts->argv is
 * ignored). An unknown {name} aborts naming the task. */
void ss_abi_exec(const char *binary, const char *tmpl, unsigned n,
                 const char *const *names, const char *const *values,
                 const ss_exec_t *opts);

/* A whole task site in one call: in a final context run type->run(args) in
 * place (the serial version); otherwise create the task, copy the argument
 * block `args` (args_size bytes) into it, let `deps` (may be NULL) add the
 * dependences from that copy, set the priority and submit. */
void ss_abi_spawn(ss_task_type_t *type, void *args, size_t args_size,
                  unsigned max_deps, unsigned flags, int priority,
                  void (*deps)(ss_task_t task, void *args));
void ss_abi_task_submit(ss_task_t task);

/* ---- versions (implements) and devices ---------------------------------
 * A function task `f` has a type whose `func` is "f" (its own body is the
 * first version, on type->device with type->constraints). A function task
 * with implements(f) registers one more version of every type of `f` from
 * a constructor, by name, so versions in other translation units join.
 * The version's run function takes the argument block of `f`'s type (same
 * parameters, same layout). */
void ss_abi_version_register(const char *func, ss_task_version_t *version);

/* A CUDA module (a fat binary made by nvcc from a .cu unit), registered by
 * a constructor of the object ssc made from it; loaded on the first CUDA
 * task. `unit` names the .cu file in messages. */
void ss_abi_cuda_module(const void *image, size_t size, const char *unit);

/* Inside the launcher of a CUDA version: the device address of host
 * address p, which must lie in a dependence region of the running task
 * (whose regions the runtime copied to the GPU before the launcher ran and
 * copies back after the kernel finished). NULL gives NULL; an address
 * outside every region aborts naming the task. */
void *ss_abi_cuda_ptr(const void *p);

/* Inside the launcher: launch kernel `name` (C linkage, from a registered
 * module) over an ndrange of `ndims` (1-3) dimensions: global[i] work-items
 * in groups of local[i] (grid = ceil(global / local)); params as
 * cuLaunchKernel's kernelParams. The runtime waits for it after the
 * launcher returns. Aborts naming the task and kernel on a CUDA error. */
void ss_abi_cuda_launch(const char *name, unsigned ndims, const size_t *global,
                        const size_t *local, size_t shared_bytes, void **params);
void ss_abi_taskwait(void);
int ss_abi_in_final(void);

#ifdef __cplusplus
}
#endif
#endif /* SS_ABI_H */
