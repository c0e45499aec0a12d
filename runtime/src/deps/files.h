/* files.h - file dependences: a path is interned once per process into a
 * record whose first byte is the "memory" the dependence engine orders
 * tasks on, so tasks on files are ordered exactly as tasks on memory. */
#ifndef SSI_FILES_H
#define SSI_FILES_H

#include <stdint.h>

#include "task/task.h"

/* The record of a path (made absolute, "." and ".." removed lexically),
 * created on first use; NULL on ENOMEM or an empty path. Its address
 * identifies the file; ssi_file_path gives the path back. */
const char *ssi_file_intern(const char *path);

/* The path of an access whose `file` flag is set. */
static inline const char *ssi_file_path(const ssi_access_t *a)
{
    return (const char *)a->region.lo;
}

/* Add a dependence of t on the file (ss_task_depend_file's errors). */
int ssi_task_add_file_dep(ssi_task_t *t, ss_dep_type_t type, const char *path);

/* Free every record (finalize). */
void ssi_files_fini(void);

#endif
