/* args.c - parse and classify the ssc command line. One table says, for each
 * option cc knows that matters to ssc, how it takes its value and which
 * commands it reaches; anything else goes to every cc command unchanged. */
#include "args.h"

#include "proc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum {
    M_EXACT,  /* the whole argument */
    M_PREFIX, /* the argument starts with the name; value joined */
    M_SEP,    /* the whole argument; the value is the next argument */
    M_JOS,    /* joined value, or the next argument after the bare name */
} match_t;

typedef enum {
    W_NONE, W_OUTPUT, W_COMPILE, W_ASSEMBLY, W_SYNTAX, W_PREPROCESS,
    W_MD, W_MF, W_MT, W_OMPSS, W_KEEP, W_SPELLING, W_SSC_UNKNOWN,
    W_HELP, W_VERSION, W_VERBOSE, W_LANG,
} what_t;

typedef struct {
    const char *name;
    match_t match;
    unsigned cls;
    what_t what;
} opt_t;

enum { TR = A_COMPILE | A_TRANS, BOTH = A_COMPILE | A_LINK };

/* First match wins: longer names sit before their prefixes. */
static const opt_t opts[] = {
    {"-o", M_JOS, A_OUT, W_OUTPUT},
    {"-c", M_EXACT, A_COMPILE, W_COMPILE},
    {"-S", M_EXACT, A_COMPILE, W_ASSEMBLY},
    {"-E", M_EXACT, 0, W_PREPROCESS},
    {"-M", M_EXACT, 0, W_PREPROCESS},
    {"-MM", M_EXACT, 0, W_PREPROCESS},
    {"-fsyntax-only", M_EXACT, A_COMPILE, W_SYNTAX},
    {"-MD", M_EXACT, A_DEP, W_MD},
    {"-MMD", M_EXACT, A_DEP, W_MD},
    {"-MF", M_JOS, A_DEP, W_MF},
    {"-MT", M_JOS, A_DEP, W_MT},
    {"-MQ", M_JOS, A_DEP, W_MT},
    {"-MP", M_EXACT, A_DEP, W_NONE},
    {"-MG", M_EXACT, A_DEP, W_NONE},
    {"-fompss", M_EXACT, A_DRIVER, W_OMPSS},
    {"-fompss-2", M_EXACT, A_DRIVER, W_OMPSS},
    {"-fssc-keep", M_EXACT, A_DRIVER, W_KEEP},
    {"--keep", M_EXACT, A_DRIVER, W_KEEP},
    {"-fssc-spelling=", M_PREFIX, A_DRIVER, W_SPELLING},
    {"-fssc-", M_PREFIX, A_DRIVER, W_SSC_UNKNOWN},
    {"--help", M_EXACT, A_DRIVER, W_HELP},
    {"--version", M_EXACT, A_DRIVER, W_VERSION},
    {"-v", M_EXACT, BOTH, W_VERBOSE},
    {"-x", M_JOS, A_LANG, W_LANG},
    /* Preprocessor options: the translator must see the same source. */
    {"-I", M_JOS, TR, W_NONE},
    {"-D", M_JOS, TR, W_NONE},
    {"-U", M_JOS, TR, W_NONE},
    {"-std=", M_PREFIX, TR, W_NONE},
    {"-ansi", M_EXACT, TR, W_NONE},
    {"-include", M_JOS, TR, W_NONE},
    {"-imacros", M_JOS, TR, W_NONE},
    {"-isystem", M_JOS, TR, W_NONE},
    {"-iquote", M_JOS, TR, W_NONE},
    {"-idirafter", M_JOS, TR, W_NONE},
    {"-undef", M_EXACT, TR, W_NONE},
    {"-nostdinc", M_EXACT, TR, W_NONE},
    {"-iprefix", M_JOS, A_COMPILE, W_NONE},
    {"-iwithprefixbefore", M_JOS, A_COMPILE, W_NONE},
    {"-iwithprefix", M_JOS, A_COMPILE, W_NONE},
    {"-isysroot", M_JOS, A_COMPILE, W_NONE},
    {"-Xpreprocessor", M_SEP, A_COMPILE, W_NONE},
    {"-Xassembler", M_SEP, A_COMPILE, W_NONE},
    {"-aux-info", M_SEP, A_COMPILE, W_NONE},
    {"-dumpbase", M_SEP, A_COMPILE, W_NONE},
    {"-dumpdir", M_SEP, A_COMPILE, W_NONE},
    {"--param", M_JOS, BOTH, W_NONE},
    {"-B", M_JOS, BOTH, W_NONE},
    /* Linker options: kept out of the compile commands. */
    {"-Xlinker", M_SEP, A_LINK, W_NONE},
    {"-Wl,", M_PREFIX, A_LINK, W_NONE},
    {"-L", M_JOS, A_LINK, W_NONE},
    {"-l", M_JOS, A_LINK, W_NONE},
    {"-T", M_JOS, A_LINK, W_NONE},
    {"-u", M_JOS, A_LINK, W_NONE},
    {"-z", M_JOS, A_LINK, W_NONE},
    {"-e", M_SEP, A_LINK, W_NONE},
    {"-shared", M_EXACT, A_LINK, W_NONE},
    {"-static", M_EXACT, A_LINK, W_NONE},
    {"-static-pie", M_EXACT, A_LINK, W_NONE},
    {"-static-libgcc", M_EXACT, A_LINK, W_NONE},
    {"-shared-libgcc", M_EXACT, A_LINK, W_NONE},
    {"-rdynamic", M_EXACT, A_LINK, W_NONE},
    {"-s", M_EXACT, A_LINK, W_NONE},
    {"-nostdlib", M_EXACT, A_LINK, W_NONE},
    {"-nostartfiles", M_EXACT, A_LINK, W_NONE},
    {"-nodefaultlibs", M_EXACT, A_LINK, W_NONE},
    {"-pie", M_EXACT, A_LINK, W_NONE},
    {"-no-pie", M_EXACT, A_LINK, W_NONE},
};

/* File kinds by suffix; anything else needs -x. */
static const struct {
    const char *suffix;
    input_kind_t kind;
} suffixes[] = {
    {".c", IN_C},      {".i", IN_OTHER}, {".s", IN_OTHER}, {".S", IN_OTHER},
    {".sx", IN_OTHER}, {".o", IN_LINK},  {".a", IN_LINK},  {".so", IN_LINK},
    {".lo", IN_LINK},  {".cu", IN_CUDA},
};

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n > k && !strcmp(s + n - k, suffix);
}

static int input_kind(const char *path, const char *lang, input_kind_t *kind)
{
    if (lang) {
        *kind = !strcmp(lang, "c") ? IN_C : !strcmp(lang, "cuda") ? IN_CUDA : IN_OTHER;
        return 0;
    }
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        if (has_suffix(path, suffixes[i].suffix)) {
            *kind = suffixes[i].kind;
            return 0;
        }
    }
    const char *base = strrchr(path, '/');
    if (strstr(base ? base : path, ".so.")) { /* libfoo.so.1 */
        *kind = IN_LINK;
        return 0;
    }
    return -1;
}

/* ---- response files (@FILE): the words of FILE replace the argument ---- */

typedef struct {
    char **v;
    size_t n, cap;
} words_t;

static void words_push(words_t *w, char *s)
{
    if (w->n == w->cap) {
        w->cap = w->cap ? 2 * w->cap : 32;
        w->v = xrealloc(w->v, w->cap * sizeof *w->v);
    }
    w->v[w->n++] = s;
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t len = 0, cap = 4096;
    char *buf = xrealloc(NULL, cap);
    size_t got;
    while ((got = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += got;
        if (cap - len < 2)
            buf = xrealloc(buf, cap *= 2);
    }
    fclose(f);
    buf[len] = '\0';
    return buf;
}

/* Split like gcc does: whitespace separates, quotes group, backslash escapes. */
static int expand(words_t *out, char *arg, int depth)
{
    char *text = arg[0] == '@' ? read_file(arg + 1) : NULL;
    if (!text) { /* not a readable response file: an ordinary argument */
        words_push(out, arg);
        return 0;
    }
    if (depth > 16) {
        ssc_error("response file '%s' nests too deeply", arg + 1);
        return -1;
    }
    char *p = text;
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
            p++;
        if (!*p)
            return 0;
        char *word = p, *w = p;
        char quote = 0;
        for (; *p; p++) {
            if (quote) {
                if (*p == quote)
                    quote = 0;
                else if (*p == '\\' && p[1])
                    *w++ = *++p;
                else
                    *w++ = *p;
            } else if (*p == '\'' || *p == '"') {
                quote = *p;
            } else if (*p == '\\' && p[1]) {
                *w++ = *++p;
            } else if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
                break;
            } else {
                *w++ = *p;
            }
        }
        int end = !*p;
        *w = '\0';
        if (expand(out, word, depth + 1))
            return -1;
        if (end)
            return 0;
        p++;
    }
}

/* ---- classification ---- */

static const opt_t *find_opt(const char *a)
{
    for (size_t i = 0; i < sizeof opts / sizeof opts[0]; i++) {
        const opt_t *o = &opts[i];
        size_t n = strlen(o->name);
        if (!strncmp(a, o->name, n)) {
            if (!a[n] || o->match == M_PREFIX || o->match == M_JOS)
                return o;
        }
    }
    return NULL;
}

static int apply(cmdline_t *cl, const opt_t *o, const char *value,
                 const char **lang)
{
    static const int rank[] = {
        [MODE_LINK] = 0, [MODE_COMPILE] = 1, [MODE_ASSEMBLY] = 2,
        [MODE_SYNTAX] = 3, [MODE_PREPROCESS] = 4};
    ssc_mode_t mode = cl->mode;
    switch (o->what) {
    case W_OUTPUT: cl->output = value; break;
    case W_COMPILE: mode = MODE_COMPILE; break;
    case W_ASSEMBLY: mode = MODE_ASSEMBLY; break;
    case W_SYNTAX: mode = MODE_SYNTAX; break;
    case W_PREPROCESS: mode = MODE_PREPROCESS; break;
    case W_MD: cl->dep_md = 1; break;
    case W_MF: cl->dep_file = value; break;
    case W_MT: cl->dep_target = 1; break;
    case W_OMPSS: cl->ompss = 1; break;
    case W_KEEP: cl->keep = 1; break;
    case W_VERBOSE: cl->verbose = 1; break;
    case W_HELP: cl->help = 1; break;
    case W_VERSION: cl->version = 1; break;
    case W_LANG: *lang = strcmp(value, "none") ? value : NULL; break;
    case W_SPELLING:
        if (strcmp(value, "oss") && strcmp(value, "both")) {
            ssc_error("'-fssc-spelling=%s': expected 'oss' or 'both'", value);
            return -1;
        }
        cl->spelling = value;
        break;
    case W_SSC_UNKNOWN:
        ssc_error("unknown ssc option '-fssc-%s' (see ssc --help)", value);
        return -1;
    case W_NONE: break;
    }
    if (rank[mode] > rank[cl->mode])
        cl->mode = mode;
    return 0;
}

int cmdline_parse(cmdline_t *cl, int argc, char **argv)
{
    memset(cl, 0, sizeof *cl);
    words_t w = {0};
    for (int i = 1; i < argc; i++)
        if (expand(&w, argv[i], 0))
            return -1;
    cl->args = xrealloc(NULL, (w.n + 1) * sizeof *cl->args);
    const char *lang = NULL;
    for (size_t i = 0; i < w.n; i++) {
        char *a = w.v[i];
        arg_t *arg = &cl->args[cl->nargs++];
        *arg = (arg_t){.v = &w.v[i], .n = 1};
        if (a[0] != '-' || !a[1]) { /* an input file, or "-" for stdin */
            arg->cls = A_INPUT;
            arg->lang = lang;
            if (!strcmp(a, "-")) {
                arg->kind = lang && !strcmp(lang, "c") ? IN_C : IN_OTHER;
            } else if (input_kind(a, lang, &arg->kind)) {
                ssc_error("'%s': unknown file kind (ssc compiles C; use "
                          "-x LANG to name the language)", a);
                return -1;
            }
            cl->ninputs++;
            cl->nsources += arg->kind == IN_C;
            cl->ncuda += arg->kind == IN_CUDA;
            continue;
        }
        const opt_t *o = find_opt(a);
        if (!o) {
            arg->cls = BOTH;
            continue;
        }
        arg->cls = o->cls;
        const char *value = a + strlen(o->name);
        if ((o->match == M_SEP || o->match == M_JOS) && !*value) {
            if (i + 1 == w.n) {
                ssc_error("missing argument to '%s'", a);
                return -1;
            }
            value = w.v[++i];
            arg->n = 2;
        }
        if (apply(cl, o, value, &lang))
            return -1;
    }
    return 0;
}
