/* config_shim.c - thin C wrapper of core/config.h. */
#include "config_shim.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/config.h"

unsigned shim_config_rows(void) { return ssi_config_table_len; }
const char *shim_config_name(unsigned row) { return ssi_config_table[row].name; }
int shim_config_is_bool(unsigned row) { return ssi_config_table[row].kind == SSI_CFG_BOOL; }
long shim_config_def(unsigned row) { return ssi_config_table[row].def; }
long shim_config_min(unsigned row) { return ssi_config_table[row].min; }
long shim_config_max(unsigned row) { return ssi_config_table[row].max; }
const char *shim_config_help(unsigned row) { return ssi_config_table[row].help; }

int shim_config_parse(unsigned row, const char *text, long *out)
{
    return ssi_config_parse(&ssi_config_table[row], text, out);
}

static long value_of(const ssi_config_t *cfg, unsigned row)
{
    return *(const long *)((const char *)cfg + ssi_config_table[row].offset);
}

int shim_config_load(long *values, unsigned n, char **warnings, int capture)
{
    ssi_config_t cfg;
    char *buf = NULL;
    size_t len = 0;
    FILE *warn = NULL;
    if (capture && !(warn = open_memstream(&buf, &len)))
        return -1000;
    int rc = ssi_config_load(&cfg, warn);
    if (warn)
        fclose(warn);
    for (unsigned i = 0; i < n && i < ssi_config_table_len; i++)
        values[i] = value_of(&cfg, i);
    if (warnings)
        *warnings = buf;
    else
        free(buf);
    return rc;
}

char *shim_config_print_defaults(void)
{
    ssi_config_t cfg;
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    if (!out)
        return NULL;
    for (unsigned i = 0; i < ssi_config_table_len; i++)
        *(long *)((char *)&cfg + ssi_config_table[i].offset) = ssi_config_table[i].def;
    ssi_config_print(&cfg, out);
    fclose(out);
    return buf;
}
