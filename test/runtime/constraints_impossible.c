/* constraints_impossible: a task whose constraints no resource of the
 * machine can ever satisfy fails at submission (SS_ECONSTRAINT, never a
 * hang) with one line on stderr naming the task, its source location, the
 * constraint and what the machine has; the task never runs. One child
 * process per constraint. */
#include "rt_test.h"

static atomic_int ran;

static void body(void *p)
{
    (void)p;
    atomic_store(&ran, 1);
}

typedef struct {
    const char *name;
    ss_constraints_t c;
    ss_device_t device;
    const char *want; /* in the message */
} case_t;

static const case_t cases[] = {
    {"units", {.computing_units = 64}, SS_DEVICE_SMP,
     "needs computing_units(64); the runtime has 2 workers on "},
    {"memory", {.memory_size = 1e6}, SS_DEVICE_SMP,
     "needs memory_size(1e+06 GB); the memory budget is "},
    {"arch", {.processor_architecture = "sparc64"}, SS_DEVICE_SMP,
     "needs processor_architecture(\"sparc64\"); this machine is "},
    {"type", {.processor_type = "GPU"}, SS_DEVICE_SMP,
     "needs processor_type(\"GPU\"); a smp version runs on a CPU"},
    {"name", {.processor_name = "NoSuchCPU 9000"}, SS_DEVICE_SMP,
     "needs processor_name(\"NoSuchCPU 9000\"); the processor is "},
    {"speed", {.processor_speed = 1000}, SS_DEVICE_SMP, "needs processor_speed(1000 GHz)"},
    {"software", {.app_software = "blas, fftw"}, SS_DEVICE_SMP,
     "needs app_software \"fftw\"; SS_FEATURES is \"blas\""},
    {"cuda", {0}, SS_DEVICE_CUDA, "needs a CUDA device; this machine has none ("},
};
#define NCASES (sizeof cases / sizeof cases[0])

static const case_t *current;

static void constraints(const void *p, ss_constraints_t *c)
{
    (void)p;
    *c = current->c;
}

static ss_task_type_t type = {.label = "impossible", .file = "impossible.c", .line = 42,
                              .run = body, .constraints = constraints};

static int child(const char *name)
{
    for (unsigned i = 0; i < NCASES; i++)
        if (!strcmp(cases[i].name, name))
            current = &cases[i];
    RT_CHECK(current, "no case %s", name);
    type.device = current->device;
    ss_task_t t;
    RT_OK(ss_task_create(&type, 0, 0, 0, &t, NULL));
    RT_EXPECT(ss_task_submit(t), SS_ECONSTRAINT);
    RT_OK(ss_taskwait());
    RT_CHECK(!atomic_load(&ran), "the task ran");
    RT_OK(ss_finalize());
    return 0;
}

int main(void)
{
    const char *mode = getenv("RT_CHILD");
    if (mode)
        return child(mode);
    for (unsigned i = 0; i < NCASES; i++) {
        if (cases[i].device == SS_DEVICE_CUDA && ss_cuda_devices() > 0)
            continue; /* possible here */
        const char *env[] = {"SS_NUM_THREADS=2", "SS_FEATURES=blas", "SS_MEMORY_MB",
                             "SS_RESERVED_CORES", NULL};
        rt_child_t c;
        rt_run_child(cases[i].name, env, &c);
        RT_CHECK(c.status == 0, "%s: child exited with %d; stderr:\n%s", cases[i].name,
                 c.status, c.err);
        const char *head = "ss: error: task 'impossible' (impossible.c:42): no version "
                           "can run on this machine: version 'impossible' (";
        RT_CHECK(!strncmp(c.err, head, strlen(head)), "%s: message is:\n%s", cases[i].name,
                 c.err);
        RT_CHECK(strstr(c.err, cases[i].want), "%s: no '%s' in:\n%s", cases[i].name,
                 cases[i].want, c.err);
        char *nl = strchr(c.err, '\n');
        RT_CHECK(nl && nl[1] == 0, "%s: want one line, got:\n%s", cases[i].name, c.err);
    }
    return 0;
}
