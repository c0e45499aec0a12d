// lowering.h - the state of one lowering (class Lowering), shared by the
// files that implement it:
//   lower.cpp    finding task sites, captures and edits; rendering; run()
//   types.cpp    declarators, variably modified types, function-local types,
//                the argument block (fields, unpacking, filling)
//   regions.cpp  dependences: counts, regions, flags, task-type descriptors
//   emit.cpp     the code of each site: spawn, outlined body, taskloop,
//                atomic, critical, taskwait, release
//   functask.cpp function tasks: spawn wrappers and call rewriting
//   versions.cpp devices, constraints and versions (implements): their
//                checks, the constraints callbacks, CUDA launchers
//   programs.cpp file dependences, binary and MPI tasks, failure policies
//                and time-outs: their checks, binary task bodies
#ifndef SSC_LOWERING_H
#define SSC_LOWERING_H

#include "lower.h"

#include "clang/AST/ASTContext.h"
#include "clang/Lex/Preprocessor.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace ssc {

using namespace clang;

struct Edit {
    unsigned b, e;
    enum Kind { VAR, TEXT, SITE } kind;
    const VarDecl *var = nullptr;
    std::string text;
    int site = -1;
};

struct Found {
    std::map<unsigned, const WhileStmt *> whiles;
    std::map<unsigned, const CallExpr *> calls;
    std::map<unsigned, const FunctionDecl *> funcs;
    std::vector<const DeclRefExpr *> refs;
    std::vector<const DeclRefExpr *> enums;  // constants of enums local to a function
    std::vector<const Stmt *> jumps;  // return, break, continue, goto
    std::vector<const CallExpr *> fcalls;
};

// The text a function task's parameters give (functask.cpp, ft_text).
struct FtText {
    std::string params;  // parameter list of the spawn wrapper
    std::string fields;  // members of the argument struct f_0, f_1, ...
    std::string locals;  // the parameters as locals read from __ss_a, each then (void)
    std::string fill;    // the spawn wrapper filling __ss_a
    std::string call;    // arguments of a call from __ss_a: __ss_a->f_0, ...
};

inline bool is_task_like(DirId d) { return d == D_task || d == D_taskloop; }
const char *dep_name(DepKind k);
bool has_deps(const Clause &c);
bool any_deps(const PragmaRec &p);
// A char pointer or char array (a string), qualifiers aside.
bool is_char_pointer(const ASTContext &C, QualType t);

class Lowering {
public:
    Lowering(Unit &u, ASTContext &c)
        : u_(u), C_(c), SM_(c.getSourceManager()), PP_(u.ci().getPreprocessor()),
          pol_(c.getLangOpts()) {
        main_ = SM_.getMainFileID();
        buf_ = SM_.getBufferData(main_);
        fname_ = SM_.getFileEntryForID(main_) ? SM_.getFileEntryForID(main_)->getName().str() : "input.c";
        pol_.SuppressTagKeyword = false;
        pol_.Bool = false;
    }
    bool run(std::string &out);

private:
    Unit &u_;
    ASTContext &C_;
    SourceManager &SM_;
    Preprocessor &PP_;
    PrintingPolicy pol_;
    FileID main_;
    StringRef buf_;
    std::string fname_;
    Found found_;
    std::vector<Site> sites_;
    std::vector<Edit> edits_;
    std::map<unsigned, const VarDecl *> tokvar_;  // raw location -> variable
    std::map<unsigned, std::string> tokenum_;     // raw location -> local enum value
    std::map<const FunctionDecl *, FuncTask *> ftmap_;
    std::set<std::string> criticals_;
    std::map<const FunctionDecl *, std::vector<int>> func_sites_;
    std::map<int, std::string> outlined_;  // site -> outlined code
    bool ok_ = true;
    unsigned ntypes_ = 0;

    // Per-site extra firstprivate values for taskloop chunks.
    struct Extra { std::string name, type; };
    std::map<int, std::vector<Extra>> extras_;

    void error(SourceLocation l, const std::string &m) { u_.error(l, m); ok_ = false; }

    bool in_main(SourceLocation l) const { return l.isFileID() && SM_.getFileID(l) == main_; }
    unsigned off(SourceLocation l) const { return SM_.getFileOffset(l); }
    unsigned tok_end(SourceLocation l) const {
        return off(l) + Lexer::MeasureTokenLength(l, SM_, C_.getLangOpts());
    }
    unsigned skip_space(unsigned o) const;
    bool stmt_range(const Stmt *s, unsigned &b, unsigned &e, bool semi = true);
    std::string line_marker(unsigned o) const;
    std::string quoted_file() const;

    bool collect_sites();
    const Stmt *jump_target(const Stmt *j) const;
    void check_jumps(const Site &s, std::set<const Stmt *> &reported);
    void collect_captures(Site &s);
    void collect_edits();
    void collect_functasks();

    std::string render(unsigned b, unsigned e, const Ctx &ctx);
    void sort_edits() {
        std::stable_sort(edits_.begin(), edits_.end(), [](const Edit &a, const Edit &b) {
            if (a.b != b.b)
                return a.b < b.b;
            bool az = a.b == a.e, bz = b.b == b.e;
            if (az != bz)
                return az;  // insertions before replacements at one offset
            return a.e > b.e;
        });
    }
    std::string apply(const Edit &ed, const Ctx &ctx);
    std::string toks(const PragmaRec &p, Range r, const Ctx &ctx) const;

    std::string decl(QualType t, const std::string &name) const;
    bool local_type(QualType t) const;
    bool gather_local(QualType t, std::vector<const Decl *> &out, int depth = 0) const;
    std::map<const FunctionDecl *, std::vector<const Decl *>> hoist_;  // per function, in order
    std::set<std::string> hoisted_names_;
    void vm_sizes(QualType t, const std::string &path, std::vector<std::string> &out) const;
    std::string vm_decl(QualType t, const std::string &inner, unsigned &k, bool pretty) const;

    std::string dep_count(const PragmaRec &p, const Ctx &ctx) const;
    std::string iter_loops(const PragmaRec &p, const Ref &r, const Ctx &ctx) const;
    std::string deps(const PragmaRec &p, const Ctx &ctx, const char *sink) const;
    std::string one_ref(const PragmaRec &p, const Ref &r, DepKind k, const Ctx &ctx, const char *sink) const;
    std::string flags(const PragmaRec &p, const Ctx &ctx) const;
    std::string type_desc(const PragmaRec &p, unsigned num, const std::string &run, const std::string &label,
                          const std::string &more = "") const;

    // Devices, constraints and versions (versions.cpp).
    std::map<unsigned, const Expr *> slot_exprs_;  // clause expressions by their first token
    void collect_slot_exprs();
    const Expr *slot_expr(const PragmaRec &p, Range r) const;
    SourceLocation tok_loc(const PragmaRec &p, unsigned t) const {
        return t < p.toks.size() ? p.toks[t].getLocation() : p.eod;
    }
    void check_constraints(const PragmaRec &p);
    bool check_device(FuncTask &ft);
    bool check_implements(FuncTask &ft);
    std::string constraint_sets(const PragmaRec &p, const Ctx &ctx) const;
    std::string ft_run(const FuncTask &ft, const std::string &fn, const std::string &args) const;
    std::string ft_cons(const FuncTask &ft, const std::string &fn, const std::string &args) const;
    std::string gen_version(const FuncTask &ft) const;

    // Files, programs and failures (programs.cpp).
    std::map<const PragmaRec *, std::string> fail_fields_;  // ", .on_failure = ..." of its task type
    void check_files_failure(const PragmaRec &p);
    bool check_binary(FuncTask &ft);
    std::string bin_call(const FuncTask &ft) const;

    // Task sites.
    Ctx body_ctx(const Site &s, std::string &prologue, std::string &fields);
    std::string fills(const Site &s, const Ctx &P);
    Ctx field_ctx(const Site &s, std::string &decls);
    std::string create(int idx, const Ctx &P);
    std::string gen_site(int idx, const Ctx &P);
    std::string gen_outlined(int idx);
    std::string gen_taskloop(int idx, const Ctx &P);
    std::string gen_atomic(int idx, const Ctx &P);
    FtText ft_text(const FunctionDecl *fd) const;
    std::string gen_functask(FuncTask &ft, std::string &proto);
};

}  // namespace ssc
#endif
