/* topology.c - hwloc topology loading, machine facts and worker binding. */
#include "hw/topology.h"

#include <hwloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>

#include "core/runtime.h"

ssi_machine_t ssi_machine;

/* Owner: this file; written at init/fini only, stored in ssi_rt.topology. */
static hwloc_topology_t topo;

static void copy_str(char *dst, size_t cap, const char *src)
{
    snprintf(dst, cap, "%s", src ? src : "");
}

/* The first "key : value" line of /proc/cpuinfo whose key starts with
 * `key` (hwloc has no CPUModel on some virtual machines). */
static int cpuinfo(const char *key, char *out, size_t cap)
{
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (!f)
        return 0;
    char line[512];
    int found = 0;
    while (!found && fgets(line, sizeof line, f)) {
        char *colon = strchr(line, ':');
        if (!colon || strncmp(line, key, strlen(key)))
            continue;
        char *v = colon + 1;
        while (*v == ' ' || *v == '\t')
            v++;
        v[strcspn(v, "\n")] = 0;
        copy_str(out, cap, v);
        found = 1;
    }
    fclose(f);
    return found;
}

static double max_ghz(void)
{
    FILE *f = fopen("/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq", "r");
    long khz = 0;
    if (f) {
        if (fscanf(f, "%ld", &khz) != 1)
            khz = 0;
        fclose(f);
    }
    if (khz > 0)
        return khz / 1e6;
    char mhz[64];
    return cpuinfo("cpu MHz", mhz, sizeof mhz) ? atof(mhz) / 1e3 : 0;
}

static void read_facts(ssi_machine_t *m)
{
    hwloc_obj_t root = hwloc_get_root_obj(topo);
    const char *backend = hwloc_obj_get_info_by_name(root, "Backend");
    m->synthetic = backend && !strcmp(backend, "Synthetic");
    m->cores = hwloc_get_nbobjs_by_type(topo, HWLOC_OBJ_CORE);
    if (m->cores <= 0)
        m->cores = hwloc_get_nbobjs_by_type(topo, HWLOC_OBJ_PU);
    if (m->cores <= 0)
        m->cores = 1;
    m->numa_nodes = hwloc_get_nbobjs_by_type(topo, HWLOC_OBJ_NUMANODE);
    m->memory = root->total_memory;
    for (hwloc_obj_type_t c = HWLOC_OBJ_L1CACHE; c <= HWLOC_OBJ_L5CACHE; c++) {
        hwloc_obj_t o = hwloc_get_obj_by_type(topo, c, 0);
        if (o && o->attr && o->attr->cache.size > m->cache)
            m->cache = o->attr->cache.size;
    }
    hwloc_obj_t pkg = hwloc_get_obj_by_type(topo, HWLOC_OBJ_PACKAGE, 0);
    const char *model = pkg ? hwloc_obj_get_info_by_name(pkg, "CPUModel") : NULL;
    if (model)
        copy_str(m->cpu_model, sizeof m->cpu_model, model);
    else if (!cpuinfo("model name", m->cpu_model, sizeof m->cpu_model))
        copy_str(m->cpu_model, sizeof m->cpu_model, "unknown");
    struct utsname u;
    copy_str(m->arch, sizeof m->arch, uname(&u) ? "unknown" : u.machine);
    m->ghz = max_ghz();
}

int ssi_topology_init(void)
{
    memset(&ssi_machine, 0, sizeof ssi_machine);
    if (hwloc_topology_init(&topo))
        return -1;
    if (hwloc_topology_load(topo)) {
        hwloc_topology_destroy(topo);
        return -1;
    }
    ssi_rt.topology = topo;
    read_facts(&ssi_machine);
    long r = ssi_rt.cfg.reserved_cores;
    ssi_machine.reserved = r < ssi_machine.cores ? (int)r : ssi_machine.cores - 1;
    return ssi_machine.cores - ssi_machine.reserved;
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
    if (ssi_machine.synthetic || !ssi_rt.topology)
        return 0;
    int usable = ssi_machine.cores - ssi_machine.reserved;
    int i = ssi_machine.reserved + index % usable;
    hwloc_obj_t core = hwloc_get_obj_by_type(topo, HWLOC_OBJ_CORE, (unsigned)i);
    if (!core)
        core = hwloc_get_obj_by_type(topo, HWLOC_OBJ_PU, (unsigned)i);
    if (!core)
        return -1;
    return hwloc_set_cpubind(topo, core->cpuset, HWLOC_CPUBIND_THREAD) ? -1 : 0;
}
