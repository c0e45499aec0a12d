/* args.h - the ssc command line, parsed and classified: which arguments
 * reach the translator, each compile command and the link command. */
#ifndef SSC_ARGS_H
#define SSC_ARGS_H

#include <stddef.h>

/* Where an argument goes (bits of arg_t.cls). */
enum {
    A_COMPILE = 1u << 0, /* each command that compiles a translated source */
    A_LINK = 1u << 1,    /* the link command */
    A_TRANS = 1u << 2,   /* ssc-translate too (after its `--`) */
    A_DEP = 1u << 3,     /* dependency-file option: compile commands only */
    A_LANG = 1u << 4,    /* -x LANG: sets the language of later inputs */
    A_OUT = 1u << 5,     /* -o FILE */
    A_INPUT = 1u << 6,   /* an input file (see arg_t.kind) */
    A_DRIVER = 1u << 7,  /* ssc's own option: never passed on */
};

typedef enum {
    IN_C,     /* C source: translated with -fompss */
    IN_CUDA,  /* CUDA source (.cu, -x cuda): nvcc makes a fat binary of it */
    IN_OTHER, /* something cc compiles or assembles (.s, .S, .i, -x LANG) */
    IN_LINK,  /* linker input (.o, .a, .so) */
} input_kind_t;

typedef enum {
    MODE_LINK,       /* no -c, -S, -E: compile and link */
    MODE_COMPILE,    /* -c */
    MODE_ASSEMBLY,   /* -S */
    MODE_SYNTAX,     /* -fsyntax-only */
    MODE_PREPROCESS, /* -E, -M, -MM: cc runs on the original sources */
} ssc_mode_t;

/* One argument, or an option with its separate value (n == 2). */
typedef struct {
    char **v;
    int n;
    unsigned cls;
    input_kind_t kind; /* for A_INPUT */
    const char *lang;  /* for A_INPUT: the -x language in force, or NULL */
} arg_t;

typedef struct {
    arg_t *args;
    size_t nargs;
    size_t nsources; /* IN_C inputs */
    size_t ncuda;    /* IN_CUDA inputs */
    size_t ninputs;  /* all inputs */
    ssc_mode_t mode;
    const char *output;     /* -o, or NULL */
    const char *dep_file;   /* -MF, or NULL */
    int dep_md;             /* -MD or -MMD given */
    int dep_target;         /* -MT or -MQ given */
    int ompss;              /* -fompss / -fompss-2 */
    int keep;               /* -fssc-keep / --keep */
    const char *spelling;   /* -fssc-spelling=oss|both, or NULL */
    int verbose;            /* -v */
    int help, version;      /* --help, --version */
} cmdline_t;

/* Parse argv[1..argc-1] (response files @FILE are expanded first). Returns 0,
 * or -1 after printing one `ssc: error:` line for bad usage. */
int cmdline_parse(cmdline_t *cl, int argc, char **argv);

#endif
