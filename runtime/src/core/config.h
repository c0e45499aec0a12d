/* config.h - the one table of runtime settings (SS_* environment variables).
 *
 * getenv() is called only in config.c. Settings are parsed once by
 * ssi_config_load() and are read-only afterwards. A bad value prints one
 * warning line naming the variable and the value and keeps the default.
 */
#ifndef SSI_CONFIG_H
#define SSI_CONFIG_H

#include <stddef.h>
#include <stdio.h>

/* Bytes of a string setting, its terminating NUL included. */
#define SSI_CFG_STR_MAX 256

/* SS_TRACE: which timeline files are written at finalize. */
enum ssi_trace_mode {
    SSI_TRACE_OFF = 0,
    SSI_TRACE_JSON = 1,
    SSI_TRACE_PARAVER = 2,
    SSI_TRACE_BOTH = 3 /* JSON | PARAVER */
};

typedef struct ssi_config {
    long num_threads;    /* SS_NUM_THREADS; 0 = one per core */
    long bind;           /* SS_BIND */
    long throttle_tasks; /* SS_THROTTLE_TASKS */
    long queue_limit;    /* SS_QUEUE_LIMIT */
    long spin_us;        /* SS_SPIN_US */
    long stack_kib;      /* SS_STACK_KIB */
    long print_config;   /* SS_PRINT_CONFIG */
    long trace;          /* SS_TRACE: enum ssi_trace_mode */
    char trace_file[SSI_CFG_STR_MAX]; /* SS_TRACE_FILE: file name prefix */
    char graph[SSI_CFG_STR_MAX];      /* SS_GRAPH: task graph file; "" = none */
    long graph_limit;    /* SS_GRAPH_LIMIT; 0 = never collapse */
    long stats;          /* SS_STATS */
    long profile;        /* SS_PROFILE */
    long reserved_cores; /* SS_RESERVED_CORES */
    char features[SSI_CFG_STR_MAX];   /* SS_FEATURES: comma-separated */
    long memory_mb;      /* SS_MEMORY_MB; 0 = the machine's memory */
    char perf_model[SSI_CFG_STR_MAX]; /* SS_PERF_MODEL: file; "" = none */
    long calibration;    /* SS_CALIBRATION */
    long fail_grace_s;   /* SS_FAIL_GRACE_S */
    long resume;         /* SS_RESUME */
    char resume_log[SSI_CFG_STR_MAX]; /* SS_RESUME_LOG: file; "" = none */
} ssi_config_t;

/* Kinds of settings: an integer in [min, max]; a boolean (0/1); a choice
 * among words (the value is the word's index); a string whose length is in
 * [min, max] (max < SSI_CFG_STR_MAX). */
typedef enum { SSI_CFG_INT, SSI_CFG_BOOL, SSI_CFG_CHOICE, SSI_CFG_STRING } ssi_cfg_kind_t;

typedef struct ssi_config_row {
    const char *name;  /* environment variable */
    ssi_cfg_kind_t kind;
    long def, min, max; /* CHOICE: indexes into words; STRING: lengths */
    const char *help;  /* one line */
    unsigned offset;   /* of the long (STRING: of the char array) in ssi_config_t */
    const char *const *words; /* CHOICE: accepted words, NULL-terminated */
    const char *sdef;  /* STRING: the default */
} ssi_config_row_t;

/* The table and its length (used by the docs check in the tests). */
extern const ssi_config_row_t ssi_config_table[];
extern const unsigned ssi_config_table_len;

/* Fill *cfg from the defaults and the environment; warnings go to `warn`.
 * Returns the number of warnings printed. */
int ssi_config_load(ssi_config_t *cfg, FILE *warn);

/* Parse one value of an INT, BOOL or CHOICE row as the table row says; 0 on
 * success, -1 if invalid (always -1 for a STRING row: see
 * ssi_config_parse_string). */
int ssi_config_parse(const ssi_config_row_t *row, const char *text, long *out);

/* Check and copy one value of a STRING row into out (SSI_CFG_STR_MAX
 * bytes); 0 on success, -1 if its length is outside the row's range. */
int ssi_config_parse_string(const ssi_config_row_t *row, const char *text, char *out);

/* The value of `row` in *cfg as printed: a number, a choice's word, a
 * string ("" for an empty one). cfg NULL: the row's default. */
void ssi_config_format(const ssi_config_row_t *row, const ssi_config_t *cfg,
                       char *buf, size_t cap);

/* Print "NAME=value  # help" for every row. */
void ssi_config_print(const ssi_config_t *cfg, FILE *out);

#endif
