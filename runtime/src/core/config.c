/* config.c - the settings table, environment parsing and printing.
 * The only file that calls getenv(). */
#include "config.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define ROW(name, kind, def, min, max, field, help)                           \
    { name, kind, def, min, max, help, offsetof(ssi_config_t, field) }

const ssi_config_row_t ssi_config_table[] = {
    ROW("SS_NUM_THREADS", SSI_CFG_INT, 0, 0, 1024, num_threads,
        "worker threads including the main thread; 0 = one per core"),
    ROW("SS_BIND", SSI_CFG_BOOL, 1, 0, 1, bind,
        "bind each worker to its own core with hwloc"),
    ROW("SS_THROTTLE_TASKS", SSI_CFG_INT, 1L << 22, 64, 1L << 40, throttle_tasks,
        "pending tasks (blocked included) past which creators run ready work"),
    ROW("SS_QUEUE_LIMIT", SSI_CFG_INT, 64, 1, 1L << 30, queue_limit,
        "ready tasks queued by a worker past which it runs new ones inline"),
    ROW("SS_SPIN_US", SSI_CFG_INT, 100, 0, 1000000, spin_us,
        "microseconds an idle worker looks for work before it sleeps"),
    ROW("SS_STACK_KIB", SSI_CFG_INT, 8192, 64, 1L << 22, stack_kib,
        "stack size of worker threads in KiB"),
    ROW("SS_PRINT_CONFIG", SSI_CFG_BOOL, 0, 0, 1, print_config,
        "print the effective settings to stderr at start"),
};
const unsigned ssi_config_table_len =
    sizeof ssi_config_table / sizeof ssi_config_table[0];

static long *field(ssi_config_t *cfg, const ssi_config_row_t *row)
{
    return (long *)((char *)cfg + row->offset);
}

int ssi_config_parse(const ssi_config_row_t *row, const char *text, long *out)
{
    if (!text || !*text)
        return -1;
    if (row->kind == SSI_CFG_BOOL) {
        static const char *yes[] = {"1", "true", "yes", "on"};
        static const char *no[] = {"0", "false", "no", "off"};
        for (unsigned i = 0; i < 4; i++) {
            if (!strcasecmp(text, yes[i])) { *out = 1; return 0; }
            if (!strcasecmp(text, no[i])) { *out = 0; return 0; }
        }
        return -1;
    }
    char *end;
    errno = 0;
    long v = strtol(text, &end, 0);
    if (errno || end == text || *end || v < row->min || v > row->max)
        return -1;
    *out = v;
    return 0;
}

int ssi_config_load(ssi_config_t *cfg, FILE *warn)
{
    int warnings = 0;
    for (unsigned i = 0; i < ssi_config_table_len; i++) {
        const ssi_config_row_t *row = &ssi_config_table[i];
        long *f = field(cfg, row);
        *f = row->def;
        const char *text = getenv(row->name);
        if (!text)
            continue;
        if (ssi_config_parse(row, text, f) == 0)
            continue;
        *f = row->def;
        warnings++;
        if (warn) {
            if (row->kind == SSI_CFG_BOOL)
                fprintf(warn, "ss: warning: %s='%s' is not a boolean (0/1); "
                        "using the default %ld\n", row->name, text, row->def);
            else
                fprintf(warn, "ss: warning: %s='%s' is not an integer in "
                        "[%ld, %ld]; using the default %ld\n", row->name, text,
                        row->min, row->max, row->def);
        }
    }
    return warnings;
}

void ssi_config_print(const ssi_config_t *cfg, FILE *out)
{
    for (unsigned i = 0; i < ssi_config_table_len; i++) {
        const ssi_config_row_t *row = &ssi_config_table[i];
        fprintf(out, "%s=%ld  # %s\n", row->name,
                *field((ssi_config_t *)cfg, row), row->help);
    }
}
