/* config_shim.h - plain-C view of core/config.h for the config unit test. */
#ifndef CONFIG_SHIM_H
#define CONFIG_SHIM_H

#ifdef __cplusplus
extern "C" {
#endif

/* Kinds of rows, as in ssi_cfg_kind_t. */
enum { SHIM_INT = 0, SHIM_BOOL = 1, SHIM_CHOICE = 2, SHIM_STRING = 3 };

/* The settings table, row by row. */
unsigned shim_config_rows(void);
const char *shim_config_name(unsigned row);
int shim_config_kind(unsigned row);
int shim_config_is_bool(unsigned row);
long shim_config_def(unsigned row);
long shim_config_min(unsigned row);
long shim_config_max(unsigned row);
const char *shim_config_help(unsigned row);
/* CHOICE rows: word i, or NULL past the last one. */
const char *shim_config_word(unsigned row, unsigned i);
/* STRING rows: the default. */
const char *shim_config_sdef(unsigned row);
/* Bytes of a string setting, NUL included. */
unsigned shim_config_str_max(void);

/* The default of `row` as printed (malloc'd; free it). */
char *shim_config_default_text(unsigned row);

/* ssi_config_parse on row `row`: 0 and *out set, or -1. */
int shim_config_parse(unsigned row, const char *text, long *out);
/* ssi_config_parse_string: 0 and out (shim_config_str_max() bytes) set,
 * or -1. */
int shim_config_parse_string(unsigned row, const char *text, char *out);

/* ssi_config_load from the current environment. values[i] gets the setting
 * of row i (up to n rows; a STRING row gives 0); the warnings written to the
 * `warn` stream are returned in a malloc'd string (*warnings, free it).
 * Returns what ssi_config_load returned. With capture == 0 the warn stream
 * is NULL. */
int shim_config_load(long *values, unsigned n, char **warnings, int capture);

/* Row `row` of the configuration the last shim_config_load produced, as
 * printed (malloc'd; free it). */
char *shim_config_loaded_text(unsigned row);

/* ssi_config_print of the defaults into a malloc'd string. */
char *shim_config_print_defaults(void);

#ifdef __cplusplus
}
#endif
#endif
