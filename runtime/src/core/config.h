/* config.h - the one table of runtime settings (SS_* environment variables).
 *
 * getenv() is called only in config.c. Settings are parsed once by
 * ssi_config_load() and are read-only afterwards. A bad value prints one
 * warning line naming the variable and the value and keeps the default.
 */
#ifndef SSI_CONFIG_H
#define SSI_CONFIG_H

#include <stdio.h>

typedef struct ssi_config {
    long num_threads;    /* SS_NUM_THREADS; 0 = one per core */
    long bind;           /* SS_BIND */
    long throttle_tasks; /* SS_THROTTLE_TASKS */
    long queue_limit;    /* SS_QUEUE_LIMIT */
    long spin_us;        /* SS_SPIN_US */
    long stack_kib;      /* SS_STACK_KIB */
    long print_config;   /* SS_PRINT_CONFIG */
} ssi_config_t;

typedef enum { SSI_CFG_INT, SSI_CFG_BOOL } ssi_cfg_kind_t;

typedef struct ssi_config_row {
    const char *name;  /* environment variable */
    ssi_cfg_kind_t kind;
    long def, min, max;
    const char *help;  /* one line */
    unsigned offset;   /* of the long in ssi_config_t */
} ssi_config_row_t;

/* The table and its length (used by the docs check in the tests). */
extern const ssi_config_row_t ssi_config_table[];
extern const unsigned ssi_config_table_len;

/* Fill *cfg from the defaults and the environment; warnings go to `warn`.
 * Returns the number of warnings printed. */
int ssi_config_load(ssi_config_t *cfg, FILE *warn);

/* Parse one value as the table row says; 0 on success, -1 if invalid. */
int ssi_config_parse(const ssi_config_row_t *row, const char *text, long *out);

/* Print "NAME=value  # help" for every row. */
void ssi_config_print(const ssi_config_t *cfg, FILE *out);

#endif
