/* config_shim.h - plain-C view of core/config.h for the config unit test. */
#ifndef CONFIG_SHIM_H
#define CONFIG_SHIM_H

#ifdef __cplusplus
extern "C" {
#endif

/* The settings table, row by row. */
unsigned shim_config_rows(void);
const char *shim_config_name(unsigned row);
int shim_config_is_bool(unsigned row);
long shim_config_def(unsigned row);
long shim_config_min(unsigned row);
long shim_config_max(unsigned row);
const char *shim_config_help(unsigned row);

/* ssi_config_parse on row `row`: 0 and *out set, or -1. */
int shim_config_parse(unsigned row, const char *text, long *out);

/* ssi_config_load from the current environment. values[i] gets the setting
 * of row i (up to n rows); the warnings written to the `warn` stream are
 * returned in a malloc'd string (*warnings, free it). Returns what
 * ssi_config_load returned. With capture == 0 the warn stream is NULL. */
int shim_config_load(long *values, unsigned n, char **warnings, int capture);

/* ssi_config_print of the defaults into a malloc'd string. */
char *shim_config_print_defaults(void);

#ifdef __cplusplus
}
#endif
#endif
