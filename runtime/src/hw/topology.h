/* topology.h - the machine as hwloc sees it: core count and binding. */
#ifndef SSI_TOPOLOGY_H
#define SSI_TOPOLOGY_H

/* Load the topology; returns the number of cores (>= 1), or < 0 on error. */
int ssi_topology_init(void);
void ssi_topology_fini(void);
/* Bind the calling thread to core (index % cores). 0 or -1. Does nothing
 * on synthetic topologies. */
int ssi_topology_bind_self(int index);

#endif
