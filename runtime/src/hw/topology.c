/* topology.c - hwloc topology loading and worker binding. */
#include "hw/topology.h"

#include <hwloc.h>
#include <string.h>

#include "core/runtime.h"

/* Owner: this file; written at init/fini only, stored in ssi_rt.topology. */
static hwloc_topology_t topo;
static int ncores;
static int synthetic;

int ssi_topology_init(void)
{
    if (hwloc_topology_init(&topo))
        return -1;
    if (hwloc_topology_load(topo)) {
        hwloc_topology_destroy(topo);
        return -1;
    }
    ssi_rt.topology = topo;
    const char *backend = hwloc_obj_get_info_by_name(
        hwloc_get_root_obj(topo), "Backend");
    synthetic = backend && !strcmp(backend, "Synthetic");
    ncores = hwloc_get_nbobjs_by_type(topo, HWLOC_OBJ_CORE);
    if (ncores <= 0)
        ncores = hwloc_get_nbobjs_by_type(topo, HWLOC_OBJ_PU);
    if (ncores <= 0)
        ncores = 1;
    return ncores;
}

void ssi_topology_fini(void)
{
    if (ssi_rt.topology) {
        hwloc_topology_destroy(topo);
        ssi_rt.topology = NULL;
    }
}

int ssi_topology_bind_self(int index)
{
    if (synthetic || !ssi_rt.topology)
        return 0;
    hwloc_obj_t core = hwloc_get_obj_by_type(topo, HWLOC_OBJ_CORE, index % ncores);
    if (!core)
        core = hwloc_get_obj_by_type(topo, HWLOC_OBJ_PU, index % ncores);
    if (!core)
        return -1;
    return hwloc_set_cpubind(topo, core->cpuset, HWLOC_CPUBIND_THREAD) ? -1 : 0;
}
