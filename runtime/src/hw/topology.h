/* topology.h - the machine as hwloc sees it: cores, NUMA nodes, memory,
 * caches, the processor, binding; plus what the settings add (reserved
 * cores, features). Constraints of tasks are matched against ssi_machine. */
#ifndef SSI_TOPOLOGY_H
#define SSI_TOPOLOGY_H

#include <stdint.h>

/* Facts about this machine. Owner: hw/topology.c, written once at start
 * (ssi_topology_init), read-only afterwards. */
typedef struct ssi_machine {
    int cores;              /* cores (PUs when hwloc shows no cores) */
    int reserved;           /* SS_RESERVED_CORES, clamped below cores */
    int numa_nodes;
    uint64_t memory;        /* bytes of memory hwloc reports (0: unknown) */
    uint64_t cache;         /* bytes of the largest cache (0: unknown) */
    char arch[72];          /* uname -m */
    char cpu_model[128];    /* hwloc's CPUModel, or /proc/cpuinfo's */
    double ghz;             /* maximum processor speed (0: unknown) */
    int synthetic;          /* HWLOC_SYNTHETIC topology (no binding) */
} ssi_machine_t;

extern ssi_machine_t ssi_machine;

/* Load the topology and fill ssi_machine; returns the number of cores a
 * worker may use (cores - reserved, >= 1), or < 0 on error. */
int ssi_topology_init(void);
void ssi_topology_fini(void);
/* Bind the calling thread to the index-th unreserved core (modulo their
 * number). 0 or -1. Does nothing on synthetic topologies. */
int ssi_topology_bind_self(int index);

#endif
