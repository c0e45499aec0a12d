/* ss_task_type_add_version: SS_EINVAL for a NULL type or version, a version
 * without name or run function, an unknown device, and a name the type
 * already has; a good version is accepted. */
#include "rt_test.h"

static void body(void *p) { (void)p; }

static ss_task_type_t type = SS_TASK_TYPE("k", body);

int main(void)
{
    ss_task_version_t good = {.name = "k_fast", .run = body};
    ss_task_version_t noname = {.run = body}, norun = {.name = "x"};
    ss_task_version_t baddev = {.name = "y", .run = body, .device = (ss_device_t)7};
    ss_task_version_t same = {.name = "k_fast", .run = body};
    RT_EXPECT(ss_task_type_add_version(NULL, &good), SS_EINVAL);
    RT_EXPECT(ss_task_type_add_version(&type, NULL), SS_EINVAL);
    RT_EXPECT(ss_task_type_add_version(&type, &noname), SS_EINVAL);
    RT_EXPECT(ss_task_type_add_version(&type, &norun), SS_EINVAL);
    RT_EXPECT(ss_task_type_add_version(&type, &baddev), SS_EINVAL);
    RT_OK(ss_task_type_add_version(&type, &good));
    RT_EXPECT(ss_task_type_add_version(&type, &same), SS_EINVAL);
    RT_OK(ss_init());
    rt_spawn(&type, NULL, 0, 0, NULL, 0);
    RT_OK(ss_taskwait());
    RT_OK(ss_finalize());
    return 0;
}
