/* ssc.c - the ssc driver. Without -fompss it is the system C compiler; with
 * -fompss it runs ssc-translate on each C source, compiles the result with
 * the C compiler and the user's flags, makes each CUDA source a fat binary
 * (nvcc) inside an object that registers it, and links against libssrt. */
#include "args.h"
#include "proc.h"
#include "ssc_config.h"

#include "ss_abi.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Where the driver finds its tools: configured at build time, each
 * overridable by one environment variable (read only here). */
typedef struct {
    vec_t cc;                /* the C compiler command, split into words */
    const char *translate;   /* ssc-translate */
    const char *include_dir; /* holds ss.h and ss_abi.h */
    const char *lib_dir;     /* holds libssrt.so */
} config_t;

/* nvcc's options unless SSC_NVCC_FLAGS says otherwise: PTX for every GPU
 * from Turing on (compiled by the driver at load), and Hopper code. */
#define SSC_NVCC_FLAGS \
    "-gencode arch=compute_75,code=compute_75 -gencode arch=compute_90,code=sm_90"

static const char *env_or(const char *name, const char *def)
{
    const char *v = getenv(name);
    return v && *v ? v : def;
}

static void config_load(config_t *cfg)
{
    char *cc = strdup(env_or("SSC_CC", SSC_DEFAULT_CC));
    if (!cc) {
        ssc_error("out of memory");
        exit(1);
    }
    for (char *w = strtok(cc, " \t"); w; w = strtok(NULL, " \t"))
        vec_push(&cfg->cc, w);
    if (!cfg->cc.n) {
        ssc_error("SSC_CC names no command");
        exit(1);
    }
    cfg->translate = env_or("SSC_TRANSLATE", SSC_TRANSLATE_PATH);
    cfg->include_dir = env_or("SSC_RUNTIME_INCLUDE", SSC_RUNTIME_INCLUDE);
    cfg->lib_dir = env_or("SSC_RUNTIME_LIBDIR", SSC_RUNTIME_LIBDIR);
}

static void print_help(void)
{
    printf(
        "usage: ssc [options] file...\n"
        "\n"
        "A C compiler for task-parallel C with OmpSs pragmas (#pragma oss).\n"
        "Without -fompss, ssc runs the system C compiler with the same\n"
        "arguments: pragmas are ignored and the program is sequential C.\n"
        "Every option cc accepts is accepted and passed on.\n"
        "\n"
        "ssc options:\n"
        "  -fompss, -fompss-2     translate OmpSs pragmas into runtime calls;\n"
        "                         when linking, link libssrt too (use it on\n"
        "                         the compile and the link commands); .cu\n"
        "                         sources (kernels of device(cuda) tasks)\n"
        "                         become objects holding nvcc's fat binary\n"
        "  -fssc-spelling=both    translate '#pragma oss' and '#pragma omp'\n"
        "                         (OmpSs v1); the default\n"
        "  -fssc-spelling=oss     translate '#pragma oss' only; '#pragma omp'\n"
        "                         is left to the C compiler\n"
        "  -fssc-keep, --keep     keep each translated source as NAME.ss.c\n"
        "                         next to the output\n"
        "  -v                     print each command before running it\n"
        "  --help                 print this help\n"
        "  --version              print the ssc, runtime ABI and clang versions\n"
        "\n"
        "Forwarded to the translator: -I -D -U -std= -ansi -include -imacros\n"
        "-isystem -iquote -idirafter -undef -nostdinc. Dependency files\n"
        "(-MD, -MMD, -MF, -MT, -MQ, -MP) name the original source.\n"
        "\n"
        "environment:\n"
        "  SSC_CC               C compiler command (default: %s)\n"
        "  SSC_TRANSLATE        the translator (default: %s)\n"
        "  SSC_RUNTIME_INCLUDE  directory of ss.h and ss_abi.h (default: %s)\n"
        "  SSC_RUNTIME_LIBDIR   directory of libssrt.so (default: %s)\n"
        "  SSC_NVCC             nvcc, for .cu sources (default: nvcc on PATH,\n"
        "                       else $CUDA_HOME/bin/nvcc, CUDA_HOME=/usr/local/cuda)\n"
        "  SSC_NVCC_FLAGS       nvcc's options (default: %s)\n"
        "  TMPDIR               where translated sources go without -fssc-keep\n",
        SSC_DEFAULT_CC, SSC_TRANSLATE_PATH, SSC_RUNTIME_INCLUDE,
        SSC_RUNTIME_LIBDIR, SSC_NVCC_FLAGS);
}

static void print_version(const config_t *cfg)
{
    printf("ssc version %s\n", SSC_VERSION);
    printf("runtime ABI version %d\n", SS_ABI_VERSION);
    printf("translator built with clang %s\n", SSC_CLANG_VERSION);
    printf("C compiler: %s\n", cfg->cc.v[0]);
}

static void push_arg(vec_t *cmd, const arg_t *a)
{
    for (int i = 0; i < a->n; i++)
        vec_push(cmd, a->v[i]);
}

/* Without -fompss, with no inputs, or for -E/-M: cc does it all. */
static int exec_cc(const config_t *cfg, const cmdline_t *cl)
{
    vec_t cmd = {0};
    vec_pushv(&cmd, &cfg->cc);
    for (size_t i = 0; i < cl->nargs; i++)
        if (!(cl->args[i].cls & A_DRIVER))
            push_arg(&cmd, &cl->args[i]);
    if (cl->ompss)
        vec_pushf(&cmd, "-I%s", cfg->include_dir);
    if (cl->verbose)
        print_command(cmd.v);
    fflush(NULL);
    execvp(cmd.v[0], cmd.v);
    ssc_error("cannot run '%s': %s", cmd.v[0], strerror(errno));
    return 1;
}

/* ---- file names ---- */

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* "dir/x.y.c" -> "x.y" */
static char *stem(const char *path)
{
    const char *base = base_name(path);
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    return xasprintf("%.*s", (int)n, base);
}

/* "dir/x.o" -> "dir/x" (what gcc does to -o for -MD) */
static char *strip_suffix(const char *path)
{
    const char *base = base_name(path);
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - path) : strlen(path);
    return xasprintf("%.*s", (int)n, path);
}

/* "dir/x.o" -> "dir", "x.o" -> "." */
static char *dir_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return xasprintf(".");
    if (slash == path)
        return xasprintf("/");
    return xasprintf("%.*s", (int)(slash - path), path);
}

/* ---- one C source: translate, then compile ---- */

/* The files that belong to source number K of the command line. */
typedef struct {
    const char *src;        /* as the user wrote it */
    int cuda;               /* a CUDA source: translated is the C file
                               holding its fat binary */
    char *translated;       /* ssc-translate's output */
    char *out;              /* the object (or .s); NULL for -fsyntax-only */
    char *dep_file;         /* the .d to fix, or NULL */
    char *dep_target;       /* -MT to add when linking, or NULL */
} unit_t;

static void plan_unit(const cmdline_t *cl, const char *src, int cuda, size_t k,
                      unit_t *u)
{
    char *s = stem(src);
    const char *ext = cuda ? "cu.c" : "ss.c";
    u->src = src;
    u->cuda = cuda;
    u->out = NULL;
    if (cl->mode == MODE_COMPILE || cl->mode == MODE_ASSEMBLY)
        u->out = cl->output ? xasprintf("%s", cl->output)
                            : xasprintf("%s.%s", s,
                                        cl->mode == MODE_COMPILE ? "o" : "s");
    else if (cl->mode == MODE_LINK)
        u->out = temp_path(xasprintf("%s.%zu.o", s, k));

    if (cl->keep) {
        const char *next_to = cl->mode == MODE_LINK
                                  ? (cl->output ? cl->output : "a.out")
                                  : (u->out ? u->out : s);
        u->translated = xasprintf("%s/%s.%s", dir_name(next_to), s, ext);
    } else {
        u->translated = temp_path(xasprintf("%s.%zu.%s", s, k, ext));
    }

    /* gcc's names for -MD without -MF: from -o when compiling; when
     * linking, from -o (one source) or "OUT-STEM.d" (several). */
    u->dep_file = NULL;
    u->dep_target = NULL;
    if (!cl->dep_md || cuda)
        return;
    if (cl->dep_file)
        u->dep_file = xasprintf("%s", cl->dep_file);
    else if (cl->mode != MODE_LINK)
        u->dep_file = u->out ? xasprintf("%s.d", strip_suffix(u->out))
                             : xasprintf("%s.d", s);
    else if (cl->nsources == 1 && cl->output)
        u->dep_file = xasprintf("%s.d", strip_suffix(cl->output));
    else
        u->dep_file = xasprintf("%s-%s.d",
                                cl->output ? strip_suffix(cl->output) : "a", s);
    if (cl->mode == MODE_LINK && !cl->dep_target)
        u->dep_target = cl->output && cl->nsources == 1
                            ? xasprintf("%s", cl->output)
                            : xasprintf("%s.o", s);
}

static int translate(const config_t *cfg, const cmdline_t *cl,
                     const arg_t *src, const unit_t *u)
{
    vec_t cmd = {0};
    vec_push(&cmd, cfg->translate);
    vec_push(&cmd, u->src);
    vec_push(&cmd, "-o");
    vec_push(&cmd, u->translated);
    if (cl->spelling) /* else the translator's default: both */
        vec_pushf(&cmd, "--spelling=%s", cl->spelling);
    vec_push(&cmd, "--");
    vec_push(&cmd, "-resource-dir=" SSC_CLANG_RESOURCE_DIR);
    if (src->lang || strcmp(u->src + strlen(u->src) - 2, ".c")) {
        vec_push(&cmd, "-x");
        vec_push(&cmd, "c");
    }
    for (size_t i = 0; i < cl->nargs; i++)
        if (cl->args[i].cls & A_TRANS)
            push_arg(&cmd, &cl->args[i]);
    vec_pushf(&cmd, "-I%s", cfg->include_dir);
    return run_command(cmd.v, cl->verbose);
}

static int compile(const config_t *cfg, const cmdline_t *cl, const unit_t *u)
{
    vec_t cmd = {0};
    vec_pushv(&cmd, &cfg->cc);
    /* Quote includes resolve as if the original were compiled. */
    vec_push(&cmd, "-iquote");
    vec_push(&cmd, dir_name(u->src));
    for (size_t i = 0; i < cl->nargs; i++)
        if (cl->args[i].cls & (u->cuda ? A_COMPILE : A_COMPILE | A_DEP))
            push_arg(&cmd, &cl->args[i]);
    if (cl->mode == MODE_LINK)
        vec_push(&cmd, "-c");
    if (u->dep_file && !cl->dep_file) {
        vec_push(&cmd, "-MF");
        vec_push(&cmd, u->dep_file);
    }
    if (u->dep_target) {
        vec_push(&cmd, "-MT");
        vec_push(&cmd, u->dep_target);
    }
    vec_pushf(&cmd, "-I%s", cfg->include_dir);
    vec_push(&cmd, u->translated);
    if (u->out) {
        vec_push(&cmd, "-o");
        vec_push(&cmd, u->out);
    }
    return run_command(cmd.v, cl->verbose);
}

/* The .d file names the translated source; make it name the original. */
static int fix_dep_file(const unit_t *u)
{
    FILE *f = fopen(u->dep_file, "rb");
    if (!f)
        return 0; /* cc wrote none (e.g. -fsyntax-only): nothing to fix */
    size_t len = 0, cap = 1 << 14;
    char *text = xrealloc(NULL, cap);
    size_t got;
    while ((got = fread(text + len, 1, cap - len - 1, f)) > 0)
        if ((len += got) + 1 == cap)
            text = xrealloc(text, cap *= 2);
    fclose(f);
    text[len] = '\0';

    f = fopen(u->dep_file, "wb");
    if (!f) {
        ssc_error("cannot rewrite '%s': %s", u->dep_file, strerror(errno));
        return 1;
    }
    size_t from = strlen(u->translated);
    for (char *p = text, *hit; *p; p = hit + from) {
        hit = strstr(p, u->translated);
        if (!hit) {
            fputs(p, f);
            break;
        }
        fwrite(p, 1, (size_t)(hit - p), f);
        fputs(u->src, f);
    }
    if (fclose(f)) {
        ssc_error("cannot rewrite '%s': %s", u->dep_file, strerror(errno));
        return 1;
    }
    return 0;
}

static int build_unit(const config_t *cfg, const cmdline_t *cl,
                      const arg_t *src, const unit_t *u)
{
    int rc = translate(cfg, cl, src, u);
    if (!rc)
        rc = compile(cfg, cl, u);
    if (!rc && u->dep_file)
        rc = fix_dep_file(u);
    return rc;
}

/* ---- one CUDA source: nvcc's fat binary inside a C object ---- */

/* nvcc: SSC_NVCC, else nvcc on PATH, else $CUDA_HOME/bin/nvcc (CUDA_HOME
 * defaults to /usr/local/cuda); NULL if there is none. */
static char *find_nvcc(void)
{
    const char *env = getenv("SSC_NVCC");
    if (env && *env)
        return xasprintf("%s", env);
    for (const char *p = getenv("PATH"); p && *p;) {
        size_t n = strcspn(p, ":");
        char *cand = xasprintf("%.*s/nvcc", (int)n, n ? p : ".");
        if (!access(cand, X_OK))
            return cand;
        p += n + (p[n] == ':');
    }
    char *cand = xasprintf("%s/bin/nvcc", env_or("CUDA_HOME", "/usr/local/cuda"));
    return access(cand, X_OK) ? NULL : cand;
}

/* s as a C string literal. */
static char *c_literal(const char *s)
{
    char *out = xrealloc(NULL, 4 * strlen(s) + 3), *o = out;
    *o++ = '"';
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            o += sprintf(o, "\\%c", c);
        else if (c < 32 || c == 127)
            o += sprintf(o, "\\%03o", c);
        else
            *o++ = (char)c;
    }
    *o++ = '"';
    *o = '\0';
    return out;
}

/* The C file holding the fat binary as bytes, and a constructor that hands
 * it to the runtime (ss_abi_cuda_module), which loads it on the first CUDA
 * task. */
static int write_image(const char *fatbin, const unit_t *u)
{
    FILE *in = fopen(fatbin, "rb");
    if (!in) {
        ssc_error("cannot read '%s': %s", fatbin, strerror(errno));
        return 1;
    }
    FILE *out = fopen(u->translated, "w");
    if (!out) {
        ssc_error("cannot write '%s': %s", u->translated, strerror(errno));
        fclose(in);
        return 1;
    }
    char *unit = c_literal(u->src);
    fprintf(out, "/* Written by ssc: the CUDA fat binary that nvcc made of %s, registered\n"
                 " * with the runtime before main. Do not edit. */\n"
                 "#include \"ss_abi.h\"\n"
                 "static const unsigned char __ss_cuda_image[] __attribute__((aligned(8))) = {",
            base_name(u->src));
    size_t n = 0;
    for (int c; (c = getc(in)) != EOF; n++)
        fprintf(out, "%s0x%02x,", n % 16 ? "" : "\n", c);
    fprintf(out, "\n};\n__attribute__((constructor)) static void __ss_cuda_unit(void)\n{\n"
                 "    ss_abi_check(SS_ABI_VERSION, %s);\n"
                 "    ss_abi_cuda_module(__ss_cuda_image, sizeof __ss_cuda_image, %s);\n}\n",
            unit, unit);
    int bad = ferror(in);
    fclose(in);
    if (fclose(out) || bad || !n) {
        ssc_error(n ? "cannot write '%s'" : "nvcc wrote an empty fat binary for '%s'",
                  n ? u->translated : u->src);
        return 1;
    }
    return 0;
}

/* nvcc -fatbin with SSC_NVCC_FLAGS and the user's -I, -D and -U, then the C
 * file holding the result, compiled like a translated source. */
static int build_cuda(const config_t *cfg, const cmdline_t *cl, const char *nvcc,
                      const unit_t *u)
{
    size_t n = strlen(u->translated) - strlen(".cu.c");
    char *fatbin = xasprintf("%.*s.fatbin", (int)n, u->translated);
    vec_t cmd = {0};
    vec_push(&cmd, nvcc);
    vec_push(&cmd, "-fatbin");
    char *flags = xasprintf("%s", env_or("SSC_NVCC_FLAGS", SSC_NVCC_FLAGS));
    for (char *w = strtok(flags, " \t"); w; w = strtok(NULL, " \t"))
        vec_push(&cmd, w);
    for (size_t i = 0; i < cl->nargs; i++) {
        const arg_t *a = &cl->args[i];
        if ((a->cls & A_TRANS) && strchr("IDU", a->v[0][1]))
            push_arg(&cmd, a);
    }
    vec_push(&cmd, "-o");
    vec_push(&cmd, fatbin);
    vec_push(&cmd, "-x");
    vec_push(&cmd, "cu");
    vec_push(&cmd, u->src);
    int rc = run_command(cmd.v, cl->verbose);
    if (rc || cl->mode == MODE_SYNTAX)
        return rc;
    if (write_image(fatbin, u))
        return 1;
    return compile(cfg, cl, u);
}

/* ---- the other inputs and the link ---- */

/* -c/-S/-fsyntax-only: cc handles the inputs that are not C sources. */
static int compile_others(const config_t *cfg, const cmdline_t *cl)
{
    vec_t cmd = {0};
    vec_pushv(&cmd, &cfg->cc);
    for (size_t i = 0; i < cl->nargs; i++) {
        const arg_t *a = &cl->args[i];
        if (a->cls & A_INPUT ? a->kind != IN_C && a->kind != IN_CUDA
                             : a->cls & (A_COMPILE | A_DEP | A_LANG))
            push_arg(&cmd, a);
    }
    if (cl->output && cl->mode != MODE_SYNTAX) {
        vec_push(&cmd, "-o");
        vec_push(&cmd, cl->output);
    }
    return run_command(cmd.v, cl->verbose);
}

static int link_all(const config_t *cfg, const cmdline_t *cl, unit_t *units)
{
    vec_t cmd = {0};
    vec_pushv(&cmd, &cfg->cc);
    size_t k = 0;
    for (size_t i = 0; i < cl->nargs; i++) {
        const arg_t *a = &cl->args[i];
        if (a->cls & (A_DRIVER | A_DEP))
            continue;
        if (!(a->cls & A_INPUT) || (a->kind != IN_C && a->kind != IN_CUDA)) {
            push_arg(&cmd, a);
            continue;
        }
        if (a->lang) { /* under -x c: the object is no C source */
            vec_push(&cmd, "-x");
            vec_push(&cmd, "none");
        }
        vec_push(&cmd, units[k++].out);
        if (a->lang) {
            vec_push(&cmd, "-x");
            vec_push(&cmd, a->lang);
        }
    }
    vec_pushf(&cmd, "-L%s", cfg->lib_dir);
    vec_push(&cmd, "-lssrt");
    vec_pushf(&cmd, "-Wl,-rpath,%s", cfg->lib_dir);
    vec_push(&cmd, "-pthread");
    return run_command(cmd.v, cl->verbose);
}

static int check_sources(const cmdline_t *cl)
{
    if (cl->output && cl->mode != MODE_LINK && cl->ninputs > 1) {
        ssc_error("cannot specify '-o' with '-c', '-S' or '-fsyntax-only' "
                  "and several input files");
        return 1;
    }
    for (size_t i = 0; i < cl->nargs; i++) {
        const arg_t *a = &cl->args[i];
        if (!(a->cls & A_INPUT) || (a->kind != IN_C && a->kind != IN_CUDA))
            continue;
        if (!strcmp(a->v[0], "-")) {
            ssc_error("-fompss cannot translate standard input; "
                      "write the source to a file");
            return 1;
        }
        if (access(a->v[0], R_OK)) {
            ssc_error("'%s': %s", a->v[0], strerror(errno));
            return 1;
        }
    }
    return 0;
}

/* The first input of that kind (for messages). */
static const char *first_input(const cmdline_t *cl, input_kind_t kind)
{
    for (size_t i = 0; i < cl->nargs; i++)
        if ((cl->args[i].cls & A_INPUT) && cl->args[i].kind == kind)
            return cl->args[i].v[0];
    return "";
}

static int run_ompss(const config_t *cfg, const cmdline_t *cl)
{
    if (check_sources(cl))
        return 1;
    if (cl->nsources && strchr(cfg->translate, '/') &&
        access(cfg->translate, X_OK)) {
        ssc_error("cannot run the translator '%s': %s (build the target "
                  "ssc-translate, or set SSC_TRANSLATE)", cfg->translate,
                  strerror(errno));
        return 1;
    }
    char *nvcc = NULL;
    if (cl->ncuda && !(nvcc = find_nvcc())) {
        ssc_error("%s: CUDA sources need nvcc, which was not found (set SSC_NVCC)",
                  first_input(cl, IN_CUDA));
        return 1;
    }
    unit_t *units = xrealloc(NULL, (cl->nsources + cl->ncuda + 1) * sizeof *units);
    int status = 0;
    size_t k = 0;
    for (size_t i = 0; i < cl->nargs; i++) {
        const arg_t *a = &cl->args[i];
        if (!(a->cls & A_INPUT) || (a->kind != IN_C && a->kind != IN_CUDA))
            continue;
        plan_unit(cl, a->v[0], a->kind == IN_CUDA, k, &units[k]);
        int rc = a->kind == IN_CUDA ? build_cuda(cfg, cl, nvcc, &units[k])
                                    : build_unit(cfg, cl, a, &units[k]);
        if (rc && !status)
            status = rc;
        k++;
    }
    if (status)
        return status;
    if (cl->mode == MODE_LINK)
        return link_all(cfg, cl, units);
    if (cl->ninputs > cl->nsources + cl->ncuda)
        return compile_others(cfg, cl);
    return 0;
}

int main(int argc, char **argv)
{
    cmdline_t cl;
    if (argc < 2) {
        ssc_error("no input files (see ssc --help)");
        return 1;
    }
    if (cmdline_parse(&cl, argc, argv))
        return 1;
    config_t cfg = {0};
    config_load(&cfg);
    if (cl.help) {
        print_help();
        return 0;
    }
    if (cl.version) {
        print_version(&cfg);
        return 0;
    }
    if (cl.verbose)
        fprintf(stderr, "ssc version %s (runtime ABI %d, clang %s)\n",
                SSC_VERSION, SS_ABI_VERSION, SSC_CLANG_VERSION);
    /* A kernel runs only as a device(cuda) task: nothing to do with it in a
     * sequential build, and no preprocessed form to give. */
    if (cl.ncuda && !cl.ompss) {
        ssc_error("%s: CUDA sources need -fompss (their kernels run as "
                  "device(cuda) tasks)", first_input(&cl, IN_CUDA));
        return 1;
    }
    if (cl.ncuda && cl.mode == MODE_PREPROCESS) {
        ssc_error("%s: -E, -M and -MM do not apply to CUDA sources",
                  first_input(&cl, IN_CUDA));
        return 1;
    }
    if (!cl.ompss || !cl.ninputs || cl.mode == MODE_PREPROCESS)
        return exec_cc(&cfg, &cl);
    return run_ompss(&cfg, &cl);
}
