/* config_shim.c - thin C wrapper of core/config.h. */
#include "config_shim.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/config.h"

unsigned shim_config_rows(void) { return ssi_config_table_len; }
const char *shim_config_name(unsigned row) { return ssi_config_table[row].name; }
int shim_config_kind(unsigned row) { return (int)ssi_config_table[row].kind; }
int shim_config_is_bool(unsigned row) { return ssi_config_table[row].kind == SSI_CFG_BOOL; }
long shim_config_def(unsigned row) { return ssi_config_table[row].def; }
long shim_config_min(unsigned row) { return ssi_config_table[row].min; }
long shim_config_max(unsigned row) { return ssi_config_table[row].max; }
const char *shim_config_help(unsigned row) { return ssi_config_table[row].help; }
const char *shim_config_sdef(unsigned row) { return ssi_config_table[row].sdef; }
unsigned shim_config_str_max(void) { return SSI_CFG_STR_MAX; }

const char *shim_config_word(unsigned row, unsigned i)
{
    const char *const *w = ssi_config_table[row].words;
    for (unsigned k = 0; w && w[k]; k++)
        if (k == i)
            return w[k];
    return NULL;
}

static char *text_of(unsigned row, const ssi_config_t *cfg)
{
    char *buf = malloc(SSI_CFG_STR_MAX + 2);
    if (buf)
        ssi_config_format(&ssi_config_table[row], cfg, buf, SSI_CFG_STR_MAX + 2);
    return buf;
}

char *shim_config_default_text(unsigned row) { return text_of(row, NULL); }

int shim_config_parse(unsigned row, const char *text, long *out)
{
    return ssi_config_parse(&ssi_config_table[row], text, out);
}

int shim_config_parse_string(unsigned row, const char *text, char *out)
{
    return ssi_config_parse_string(&ssi_config_table[row], text, out);
}

static ssi_config_t last;

static long value_of(const ssi_config_t *cfg, unsigned row)
{
    if (ssi_config_table[row].kind == SSI_CFG_STRING)
        return 0;
    return *(const long *)((const char *)cfg + ssi_config_table[row].offset);
}

int shim_config_load(long *values, unsigned n, char **warnings, int capture)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *warn = NULL;
    if (capture && !(warn = open_memstream(&buf, &len)))
        return -1000;
    int rc = ssi_config_load(&last, warn);
    if (warn)
        fclose(warn);
    for (unsigned i = 0; i < n && i < ssi_config_table_len; i++)
        values[i] = value_of(&last, i);
    if (warnings)
        *warnings = buf;
    else
        free(buf);
    return rc;
}

char *shim_config_loaded_text(unsigned row) { return text_of(row, &last); }

char *shim_config_print_defaults(void)
{
    ssi_config_t cfg;
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    if (!out)
        return NULL;
    for (unsigned i = 0; i < ssi_config_table_len; i++) {
        const ssi_config_row_t *row = &ssi_config_table[i];
        if (row->kind == SSI_CFG_STRING)
            strcpy((char *)&cfg + row->offset, row->sdef);
        else
            *(long *)((char *)&cfg + row->offset) = row->def;
    }
    ssi_config_print(&cfg, out);
    fclose(out);
    return buf;
}
