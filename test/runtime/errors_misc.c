/* ss_strerror names every code with the message of SS_ERRORS and says
 * "unknown error" for anything else (never NULL); ss_task_type_register(NULL)
 * is SS_EINVAL and registration is idempotent; ss_init twice is fine;
 * ss_num_workers / ss_worker_id / ss_in_final / ss_taskwait answer sensibly
 * in main and in tasks. */
#include "rt_test.h"

#include <limits.h>

static int nworkers;
static atomic_int bad_id, tasks_seen;

static void body(void *p)
{
    (void)p;
    int id = ss_worker_id();
    if (id < 0 || id >= nworkers || ss_num_workers() != nworkers || ss_in_final())
        atomic_store(&bad_id, 1);
    if (ss_taskwait() != SS_OK || ss_taskwait_on(0, NULL) != SS_OK)
        atomic_store(&bad_id, 2);
    atomic_fetch_add(&tasks_seen, 1);
}

static ss_task_type_t a_type = SS_TASK_TYPE("a", body);
static ss_task_type_t b_type = SS_TASK_TYPE("b", body);

int main(void)
{
    /* Every code and its message, straight from the X-macro list. */
    struct { int code; const char *name, *msg; } codes[] = {
#define ROW_(name, value, msg) {value, #name, msg},
        SS_ERRORS(ROW_)
#undef ROW_
    };
    unsigned ncodes = sizeof codes / sizeof codes[0];
    RT_CHECK(ncodes == 9, "SS_ERRORS has %u entries", ncodes);
    for (unsigned i = 0; i < ncodes; i++) {
        const char *s = ss_strerror(codes[i].code);
        RT_CHECK(s && !strcmp(s, codes[i].msg), "ss_strerror(%s = %d) = '%s', want '%s'",
                 codes[i].name, codes[i].code, s ? s : "(null)", codes[i].msg);
        for (unsigned j = 0; j < i; j++)
            RT_CHECK(strcmp(s, ss_strerror(codes[j].code)),
                     "%s and %s share a message", codes[i].name, codes[j].name);
    }
    RT_CHECK(!strcmp(ss_strerror(SS_OK), "success"), "SS_OK message");
    RT_CHECK(!strcmp(ss_strerror(SS_EINVAL), "invalid argument"), "SS_EINVAL message");
    const int unknown[] = {1, 2, -9, -10, 7, 100, -100, INT_MAX, INT_MIN};
    for (unsigned i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        const char *s = ss_strerror(unknown[i]);
        RT_CHECK(s && !strcmp(s, "unknown error"), "ss_strerror(%d) = '%s'",
                 unknown[i], s ? s : "(null)");
    }

    /* Registration. Before start too (registering starts nothing wrong). */
    RT_EXPECT(ss_task_type_register(NULL), SS_EINVAL);
    RT_OK(ss_task_type_register(&a_type));
    RT_CHECK(a_type.registered, "a not registered");
    uint32_t id_a = a_type.id;
    uint64_t key_a = a_type.key;
    RT_OK(ss_task_type_register(&a_type));
    RT_CHECK(a_type.id == id_a && a_type.key == key_a, "re-registering changed id/key");
    RT_OK(ss_task_type_register(&b_type));
    RT_CHECK(b_type.id != id_a, "two types share id %u", id_a);
    RT_CHECK(b_type.key != key_a, "two types share key");
    RT_EXPECT(ss_task_type_register(NULL), SS_EINVAL);

    RT_OK(ss_init());
    RT_OK(ss_init());
    nworkers = ss_num_workers();
    RT_CHECK(nworkers >= 1, "ss_num_workers = %d", nworkers);
    RT_EXPECT(ss_worker_id(), 0);
    RT_EXPECT(ss_in_final(), 0);
    RT_OK(ss_taskwait());
    RT_OK(ss_taskwait_on(0, NULL));

    /* A type used without registering is registered implicitly. */
    static ss_task_type_t c_type = SS_TASK_TYPE("c", body);
    for (int i = 0; i < 1000; i++)
        rt_spawn(i % 3 == 0 ? &a_type : i % 3 == 1 ? &b_type : &c_type, NULL, 0, 0,
                 NULL, 0);
    RT_OK(ss_taskwait());
    RT_CHECK(c_type.registered, "implicitly used type not registered");
    RT_CHECK(c_type.id != id_a && c_type.id != b_type.id, "c shares an id");
    RT_CHECK(atomic_load(&tasks_seen) == 1000, "tasks seen %d", atomic_load(&tasks_seen));
    RT_CHECK(!atomic_load(&bad_id), "a task saw a bad worker id / count (%d)",
             atomic_load(&bad_id));
    RT_OK(ss_finalize());
    return 0;
}
