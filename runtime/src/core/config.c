/* config.c - the settings table, environment parsing and printing.
 * The only file that calls getenv(). */
#include "config.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define ROW(name_, kind_, def_, min_, max_, field_, help_)                    \
    { .name = name_, .kind = kind_, .def = def_, .min = min_, .max = max_,    \
      .help = help_, .offset = offsetof(ssi_config_t, field_) }
#define CHOICE_ROW(name_, words_, def_, field_, help_)                        \
    { .name = name_, .kind = SSI_CFG_CHOICE, .def = def_, .min = 0,           \
      .max = sizeof words_ / sizeof words_[0] - 2, .help = help_,             \
      .offset = offsetof(ssi_config_t, field_), .words = words_ }
#define STRING_ROW(name_, sdef_, minlen_, field_, help_)                      \
    { .name = name_, .kind = SSI_CFG_STRING, .min = minlen_,                  \
      .max = SSI_CFG_STR_MAX - 1, .help = help_,                              \
      .offset = offsetof(ssi_config_t, field_), .sdef = sdef_ }

/* Indexed by enum ssi_trace_mode. */
static const char *const trace_words[] = {"off", "json", "paraver", "both", NULL};

const ssi_config_row_t ssi_config_table[] = {
    ROW("SS_NUM_THREADS", SSI_CFG_INT, 0, 0, 1024, num_threads,
        "worker threads including the main thread; 0 = one per core"),
    ROW("SS_BIND", SSI_CFG_BOOL, 1, 0, 1, bind,
        "bind each worker to its own core with hwloc"),
    ROW("SS_THROTTLE_TASKS", SSI_CFG_INT, 0, 0, 1L << 40, throttle_tasks,
        "pending tasks (blocked included) past which creators run ready work; "
        "0 = 64 per worker"),
    ROW("SS_QUEUE_LIMIT", SSI_CFG_INT, 64, 1, 1L << 30, queue_limit,
        "ready tasks queued by a worker past which it runs new ones inline"),
    ROW("SS_SPIN_US", SSI_CFG_INT, 100, 0, 1000000, spin_us,
        "microseconds an idle worker looks for work before it sleeps"),
    ROW("SS_STACK_KIB", SSI_CFG_INT, 8192, 64, 1L << 22, stack_kib,
        "stack size of worker threads in KiB"),
    ROW("SS_PRINT_CONFIG", SSI_CFG_BOOL, 0, 0, 1, print_config,
        "print the effective settings to stderr at start"),
    CHOICE_ROW("SS_TRACE", trace_words, SSI_TRACE_OFF, trace,
               "timeline trace written at finalize: Chrome JSON, Paraver, both"),
    STRING_ROW("SS_TRACE_FILE", "ss-trace", 1, trace_file,
               "trace file names: PREFIX.json, PREFIX.prv/.pcf/.row"),
    STRING_ROW("SS_GRAPH", "", 0, graph,
               "task graph file (.dot; .svg/.png rendered with Graphviz); empty = none"),
    ROW("SS_GRAPH_LIMIT", SSI_CFG_INT, 1000, 0, 1L << 30, graph_limit,
        "tasks past which the graph shows one node per label; 0 = never"),
    ROW("SS_STATS", SSI_CFG_BOOL, 0, 0, 1, stats,
        "print task, worker and scheduler statistics to stderr at finalize"),
    ROW("SS_PROFILE", SSI_CFG_BOOL, 0, 0, 1, profile,
        "time each task's phases (create, dependences, scheduling, run, release) and print the breakdown at finalize"),
    ROW("SS_RESERVED_CORES", SSI_CFG_INT, 0, 0, 1 << 20, reserved_cores,
        "cores left to other programs: no worker binds there and tasks cannot hold them"),
    STRING_ROW("SS_FEATURES", "", 0, features,
               "comma-separated node features (installed software) that app_software constraints may ask for"),
    ROW("SS_MEMORY_MB", SSI_CFG_INT, 0, 0, 1L << 40, memory_mb,
        "memory budget of memory_size constraints in MiB; 0 = the machine's memory"),
    STRING_ROW("SS_PERF_MODEL", "", 0, perf_model,
               "file of the version performance model: loaded at start, saved at finalize; empty = none"),
    ROW("SS_CALIBRATION", SSI_CFG_INT, 3, 1, 1000, calibration,
        "runs of each version per data-size bucket before its timing history is trusted"),
    ROW("SS_FAIL_GRACE_S", SSI_CFG_INT, 10, 0, 86400, fail_grace_s,
        "seconds a failing program lets running C tasks finish before it exits"),
    ROW("SS_RESUME", SSI_CFG_BOOL, 0, 0, 1, resume,
        "skip tasks whose file outputs are newer than their file inputs (and listed in SS_RESUME_LOG when set)"),
    STRING_ROW("SS_RESUME_LOG", "", 0, resume_log,
               "completion log of tasks with file outputs, appended as they finish; empty = none"),
};
const unsigned ssi_config_table_len =
    sizeof ssi_config_table / sizeof ssi_config_table[0];

static long *field(ssi_config_t *cfg, const ssi_config_row_t *row)
{
    return (long *)((char *)cfg + row->offset);
}

static char *string_field(ssi_config_t *cfg, const ssi_config_row_t *row)
{
    return (char *)cfg + row->offset;
}

int ssi_config_parse(const ssi_config_row_t *row, const char *text, long *out)
{
    if (!text || !*text || row->kind == SSI_CFG_STRING)
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
    if (row->kind == SSI_CFG_CHOICE) {
        for (long i = 0; row->words[i]; i++)
            if (!strcasecmp(text, row->words[i])) { *out = i; return 0; }
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

int ssi_config_parse_string(const ssi_config_row_t *row, const char *text, char *out)
{
    if (!text || row->kind != SSI_CFG_STRING)
        return -1;
    size_t n = strlen(text);
    if ((long)n < row->min || (long)n > row->max || n >= SSI_CFG_STR_MAX)
        return -1;
    memcpy(out, text, n + 1);
    return 0;
}

static void set_default(ssi_config_t *cfg, const ssi_config_row_t *row)
{
    if (row->kind == SSI_CFG_STRING)
        strcpy(string_field(cfg, row), row->sdef);
    else
        *field(cfg, row) = row->def;
}

static void warn_bad(const ssi_config_row_t *row, const char *text, FILE *warn)
{
    char def[SSI_CFG_STR_MAX + 2];
    ssi_config_format(row, NULL, def, sizeof def);
    fprintf(warn, "ss: warning: %s='%s' is not ", row->name, text);
    switch (row->kind) {
    case SSI_CFG_BOOL:
        fprintf(warn, "a boolean (0/1)");
        break;
    case SSI_CFG_CHOICE:
        fprintf(warn, "one of");
        for (unsigned i = 0; row->words[i]; i++)
            fprintf(warn, "%s %s", i ? "," : "", row->words[i]);
        break;
    case SSI_CFG_STRING:
        fprintf(warn, "a string of %ld to %ld characters", row->min, row->max);
        break;
    default:
        fprintf(warn, "an integer in [%ld, %ld]", row->min, row->max);
        break;
    }
    fprintf(warn, "; using the default %s\n", def);
}

int ssi_config_load(ssi_config_t *cfg, FILE *warn)
{
    int warnings = 0;
    for (unsigned i = 0; i < ssi_config_table_len; i++) {
        const ssi_config_row_t *row = &ssi_config_table[i];
        set_default(cfg, row);
        const char *text = getenv(row->name);
        if (!text)
            continue;
        int rc = row->kind == SSI_CFG_STRING
                     ? ssi_config_parse_string(row, text, string_field(cfg, row))
                     : ssi_config_parse(row, text, field(cfg, row));
        if (rc == 0)
            continue;
        set_default(cfg, row);
        warnings++;
        if (warn)
            warn_bad(row, text, warn);
    }
    return warnings;
}

void ssi_config_format(const ssi_config_row_t *row, const ssi_config_t *cfg,
                       char *buf, size_t cap)
{
    if (row->kind == SSI_CFG_STRING) {
        const char *s = cfg ? (const char *)cfg + row->offset : row->sdef;
        snprintf(buf, cap, "%s", *s ? s : "\"\"");
        return;
    }
    long v = cfg ? *(const long *)((const char *)cfg + row->offset) : row->def;
    if (row->kind == SSI_CFG_CHOICE && v >= row->min && v <= row->max)
        snprintf(buf, cap, "%s", row->words[v]);
    else
        snprintf(buf, cap, "%ld", v);
}

void ssi_config_print(const ssi_config_t *cfg, FILE *out)
{
    char value[SSI_CFG_STR_MAX + 2];
    for (unsigned i = 0; i < ssi_config_table_len; i++) {
        const ssi_config_row_t *row = &ssi_config_table[i];
        ssi_config_format(row, cfg, value, sizeof value);
        fprintf(out, "%s=%s  # %s\n", row->name, value, row->help);
    }
}
