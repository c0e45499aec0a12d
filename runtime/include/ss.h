/* ss.h - public API of the ss task runtime (libssrt).
 *
 * Everything a user program (or a hand-written benchmark) needs to create
 * tasks with data dependences and wait for them. Every function returns
 * SS_OK (0) or a negative ss_error_t; ss_strerror() names it. The calls the
 * ssc compiler emits live in ss_abi.h, versioned separately.
 */
#ifndef SS_H
#define SS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Error codes, one X-macro list (libuv style): name, value, message. */
#define SS_ERRORS(X)                                                          \
    X(SS_OK, 0, "success")                                                    \
    X(SS_EINVAL, -1, "invalid argument")                                      \
    X(SS_ENOMEM, -2, "out of memory")                                         \
    X(SS_ESTATE, -3, "runtime not in a state that allows this call")          \
    X(SS_ENOTWORKER, -4, "calling thread is not a runtime thread")            \
    X(SS_EABI, -5, "ABI version mismatch")                                    \
    X(SS_ERANGE, -6, "value out of range")                                    \
    X(SS_ESYS, -7, "system call failed")                                      \
    X(SS_ECONSTRAINT, -8, "no resource of this machine can satisfy the task")

typedef enum ss_error {
#define SS_ERR_ENUM_(name, value, msg) name = value,
    SS_ERRORS(SS_ERR_ENUM_)
#undef SS_ERR_ENUM_
} ss_error_t;

/* Message for an error code; "unknown error" for anything else. Never NULL. */
const char *ss_strerror(int err);

/* Dependence types (OpenMP depend kinds; OmpSs names in comments). */
typedef enum ss_dep_type {
    SS_DEP_IN = 1,            /* in / input: read */
    SS_DEP_OUT = 2,           /* out / output: write (ordered like inout) */
    SS_DEP_INOUT = 3,         /* inout: read and write */
    SS_DEP_INOUTSET = 4,      /* concurrent: members run together */
    SS_DEP_MUTEXINOUTSET = 5  /* commutative: members exclusive, any order */
} ss_dep_type_t;

/* One dimension of a region, OmpSs-2 convention: dims[0] is innermost and
 * counted in bytes; outer dimensions are counted in elements of the next
 * inner dimension. start is inclusive, end exclusive, start <= end <= size. */
typedef struct ss_dim {
    size_t size, start, end;
} ss_dim_t;

#define SS_MAX_DIMS 8

/* Where a task version runs. */
typedef enum ss_device {
    SS_DEVICE_SMP = 0,  /* a core of this process */
    SS_DEVICE_CUDA = 1  /* a CUDA GPU, driven from a core */
} ss_device_t;

/* Resource constraints of a task version, with the keys of COMPSs. A zero
 * or NULL field constrains nothing. Evaluated per task at its creation. */
typedef struct ss_constraints {
    unsigned computing_units;           /* cores held while it runs (1) */
    double memory_size;                 /* GB reserved from the memory
                                           budget while it runs */
    const char *processor_architecture; /* equals the machine's (uname -m:
                                           "x86_64", "aarch64") */
    const char *processor_type;         /* "CPU" or "GPU" */
    const char *processor_name;         /* a substring of the processor's
                                           model name, any case */
    double processor_speed;             /* GHz, at least */
    const char *app_software;           /* comma-separated features, each
                                           listed in SS_FEATURES */
} ss_constraints_t;

/* What happens when a task fails (its body reported a failure with
 * ss_task_fail, its program exited non-zero, or it ran past its time-out).
 * COMPSs semantics; see docs/failures.md. */
typedef enum ss_on_failure {
    SS_ON_FAILURE_FAIL = 0,     /* default: stop the program cleanly, exit 1 */
    SS_ON_FAILURE_RETRY = 1,    /* run again, up to `retries` times, then FAIL */
    SS_ON_FAILURE_CANCEL = 2,   /* cancel_successors: nothing that depends on
                                   it runs; independent work completes */
    SS_ON_FAILURE_IGNORE = 3    /* successors run; its missing file outputs
                                   are created empty */
} ss_on_failure_t;

/* Computes a task's constraints from its argument block. */
typedef void (*ss_constraints_fn)(const void *args, ss_constraints_t *c);

/* One more implementation of a task type (OmpSs `implements`). It takes
 * the type's argument block. Static; the runtime links it (`next`). */
typedef struct ss_task_version {
    const char *name;              /* unique within the type (stats, models) */
    ss_device_t device;
    void (*run)(void *args);       /* SMP: the body; CUDA: the launcher */
    ss_constraints_fn constraints; /* NULL: none */
    struct ss_task_version *next;  /* runtime */
} ss_task_version_t;

/* A task type: one per task site, static, registered once (explicitly with
 * ss_task_type_register or implicitly on first use). The runtime fills the
 * fields from "id" to "impl"; the user fills the rest. */
typedef struct ss_task_type {
    const char *label;              /* shown in traces and messages; may be NULL */
    const char *file;               /* source location of the task site */
    unsigned line, col;
    void (*run)(void *args);        /* the body; may be NULL (an empty task) */
    void (*run_serial)(void *args); /* body for final context; NULL: run */
    /* Filled by the runtime: */
    uint32_t id;                    /* dense process-local index */
    uint64_t key;                   /* stable identity: hash of label, file, line */
    int registered;                 /* accessed atomically */
    void *impl;                     /* versions and models, when any */
    /* Optional (zero by SS_TASK_TYPE): */
    ss_device_t device;             /* where `run` runs */
    ss_constraints_fn constraints;  /* constraints of `run`; NULL: none */
    const char *func;               /* a function task's name: versions
                                       registered for it by name join */
    ss_on_failure_t on_failure;     /* SS_ON_FAILURE_FAIL by default */
    unsigned retries;               /* SS_ON_FAILURE_RETRY: extra runs */
    double time_out;                /* seconds a run may take; 0 = none */
} ss_task_type_t;

/* Initializer for a static ss_task_type_t. */
#define SS_TASK_TYPE(label_, run_)                                            \
    { .label = (label_), .file = __FILE__, .line = __LINE__, .run = (run_) }

/* Add a version to a type before its first task is created. The runtime
 * then runs, per task, the version predicted to finish first among those
 * that can run (see docs/versions.md). Errors: SS_EINVAL (NULL, no run
 * function, a name already used in the type), SS_ESTATE (the type already
 * has tasks). */
int ss_task_type_add_version(ss_task_type_t *type, ss_task_version_t *version);

/* Number of usable CUDA devices (0 without a GPU, a driver or libcuda). */
int ss_cuda_devices(void);


/* Opaque handle of a created, not yet submitted task. */
typedef struct ss_task *ss_task_t;

/* Flags for ss_task_create. */
enum {
    SS_TASK_UNDEFERRED = 1u << 0, /* if(0): submit blocks, runs it in place */
    SS_TASK_FINAL = 1u << 1,      /* final: its descendants run inline */
    SS_TASK_WAIT = 1u << 2        /* implicit taskwait at the end of the body */
};

/* Start the runtime (optional: the first call of any function starts it).
 * Reads the SS_* environment settings once. The calling thread becomes
 * worker 0. Errors: SS_ESTATE after ss_finalize, SS_ESYS, SS_ENOMEM. */
int ss_init(void);

/* Wait for all tasks, stop the workers, release everything. Called by exit()
 * if not called explicitly. Errors: SS_ESTATE (not running, or called from
 * inside a task), SS_ENOTWORKER (from a thread the runtime does not own). */
int ss_finalize(void);

/* Register a task type. Idempotent. Errors: SS_EINVAL (NULL). */
int ss_task_type_register(ss_task_type_t *type);

/* Create a task of type `type` with an argument block of args_size bytes
 * (returned in *args, zeroed, 16-byte aligned, allocated with the task) and
 * room for up to max_deps dependences. Fill the arguments, add dependences,
 * then ss_task_submit. Errors: SS_EINVAL (NULL type/out pointers, unknown
 * flag bits, args_size or max_deps too large), SS_ENOTWORKER, SS_ENOMEM. */
int ss_task_create(ss_task_type_t *type, size_t args_size, unsigned max_deps,
                   unsigned flags, ss_task_t *task, void **args);

/* Add a dependence on a multi-dimensional region (see ss_dim_t).
 * Errors: SS_EINVAL (NULL task, bad type, ndims 0 or > SS_MAX_DIMS, a
 * dimension with start > end or end > size, a region that wraps around the
 * address space, a submitted task, or a task already holding max_deps
 * dependences), SS_ENOTWORKER (from a thread the runtime does not own; the
 * same holds for every call taking a ss_task_t). An empty region (some
 * start == end) is accepted and ignored. Identical regions of one task are
 * merged (in + out = inout). */
int ss_task_depend(ss_task_t task, ss_dep_type_t type, const void *base,
                   unsigned ndims, const ss_dim_t *dims);

/* Convenience: dependence on the bytes [addr, addr + len). */
int ss_task_depend_bytes(ss_task_t task, ss_dep_type_t type, const void *addr,
                         size_t len);

/* Higher runs first; default 0. Errors: SS_EINVAL (NULL task). */
int ss_task_set_priority(ss_task_t task, int priority);

/* Submit: the task runs once its dependences are satisfied. The handle is
 * invalid afterwards. With SS_TASK_UNDEFERRED the call returns after the task
 * ran (the caller runs other ready tasks while it waits). Errors: SS_EINVAL. */
int ss_task_submit(ss_task_t task);

/* Wait until all descendants of the current task have completed. */
int ss_taskwait(void);

/* Wait only for the previous sibling accesses that conflict with the given
 * dependences (taskwait on / in / out / inout). Errors as ss_task_depend. */
typedef struct ss_dep {
    ss_dep_type_t type;
    const void *base;
    unsigned ndims;
    const ss_dim_t *dims;
} ss_dep_t;
int ss_taskwait_on(unsigned ndeps, const ss_dep_t *deps);

/* 1 inside a final (or included) task, else 0. */
int ss_in_final(void);

/* Number of workers (after start) and the calling worker's index, or a
 * negative error (SS_ENOTWORKER for a foreign thread). */
int ss_num_workers(void);
int ss_worker_id(void);

/* Print the effective settings, one per line, to stderr (also done at start
 * when SS_PRINT_CONFIG=1). */
void ss_print_config(void);

/* ---- files, programs, failures (docs/failures.md) ---------------------- */

/* A dependence on the file at `path` (the name, not the bytes): tasks that
 * read and write files are ordered like tasks on memory. Paths are compared
 * after making them absolute and removing "." and ".." components, without
 * following symbolic links. Errors: SS_EINVAL (NULL or empty path, or as
 * ss_task_depend), SS_ENOMEM. */
int ss_task_depend_file(ss_task_t task, ss_dep_type_t type, const char *path);

/* Called from a running task body: this run failed with `code` (non-zero)
 * and a message (printf format). The body should return next; the task's
 * failure policy then applies. Errors: SS_EINVAL (code 0, NULL format),
 * SS_ESTATE (not inside a task). */
int ss_task_fail(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* An external program run by a task body (a binary or MPI task). */
typedef struct ss_exec {
    const char *const *argv;  /* program (PATH searched) and arguments, NULL-
                                 terminated; passed as they are, no shell */
    const char *workdir;      /* NULL: the current directory */
    const char *in, *out, *err; /* files for stdin / stdout / stderr (out and
                                   err truncated); NULL: inherited */
    int status_ok;            /* a non-zero exit status is not a failure */
    const char *mpi_runner;   /* "mpirun": an MPI task; NULL: a plain one */
    unsigned processes;       /* MPI: ranks (-np) */
    unsigned per_node;        /* MPI: ranks per node (0: runner's default) */
} ss_exec_t;

/* From a task body: start the program in its own process group, wait for
 * it (killing the whole group at the task's time-out) and report a failure
 * to the task when it cannot start, is killed, times out or (unless
 * status_ok) exits non-zero. Returns the exit status (>= 0), or -1 after a
 * failure without one. Errors: SS_EINVAL (no argv), SS_ESTATE (not inside
 * a task). */
int ss_exec(const ss_exec_t *e);

#ifdef __cplusplus
}
#endif
#endif /* SS_H */
