// functask.cpp - function tasks: the spawn wrapper after the declaration
// (or after the #include that brought it) and the rewriting of calls.
#include "lowering.h"

#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

using namespace clang;

namespace ssc {


FtText Lowering::ft_text(const FunctionDecl *fd) const {
    FtText t;
    std::string vmlocals, unused;
    for (unsigned i = 0; i < fd->getNumParams(); i++) {
        const ParmVarDecl *pv = fd->getParamDecl(i);
        std::string pn = pv->getName().empty() ? "__ss_p" + std::to_string(i) : pv->getName().str();
        QualType ty = pv->getType();
        bool vm = ty->isVariablyModifiedType();
        unsigned k = 0;
        std::string d = vm ? vm_decl(ty, pn, k, true) : decl(ty, pn);
        std::string f = "f_" + std::to_string(i);
        t.params += (i ? ", " : "") + d;
        t.call += (i ? ", " : "") + std::string("__ss_a->") + f;
        if (vm) {
            t.fields += "void *" + f + "; ";
            vmlocals += d + " = __ss_a->" + f + "; ";
            t.fill += "__ss_a->" + f + " = (void *)" + pn + "; ";
        } else {
            t.fields += decl(ty.getUnqualifiedType(), f) + "; ";
            t.locals += d + " = __ss_a->" + f + "; ";
            t.fill += "__ss_a->" + f + " = " + pn + "; ";
        }
        unused += "(void)" + pn + "; ";
    }
    if (fd->getNumParams() == 0)
        t.params = "void";
    if (t.fields.empty())
        t.fields = "char __ss_unused; ";
    t.locals += vmlocals + unused;
    return t;
}

std::string Lowering::gen_functask(FuncTask &ft, std::string &proto) {
    const FunctionDecl *fd = ft.fd;
    const PragmaRec &p = *ft.prag;
    std::string name = fd->getName().str(), N = std::to_string(ft.num);
    std::string S = "__ss_fargs_" + N;
    FtText t = ft_text(fd);
    std::string spawn = "__ss_spawn_" + name;
    proto = "__attribute__((unused)) static void " + spawn + "(" + t.params + ");";
    Ctx none;
    std::string o = "struct " + S + " { " + t.fields + "};\n";
    o += ft_run(ft, "__ss_frun_" + N, S);
    if (any_deps(p))
        o += "__SS_GLUE void __ss_fdeps_" + N + "(ss_task_t __ss_t, void *__ss_v) { struct " + S +
             " *__ss_a = (struct " + S + " *)__ss_v; " + t.locals + deps(p, none, "__ss_t") + "}\n";
    std::string cons = ft_cons(ft, "__ss_fcons_" + N, S);
    o += cons;
    o += type_desc(p, ft.num, "__ss_frun_" + N, "\"" + name + "\"",
                   std::string(", .device = ") + (ft.device == DEV_CUDA ? "SS_DEVICE_CUDA" : "SS_DEVICE_SMP") +
                   ", .constraints = " + (cons.empty() ? "0" : "__ss_fcons_" + N) + ", .func = \"" + name + "\"");
    std::string prio = "0";
    if (const Clause *pr = p.dir.find(C_priority))
        prio = "(int)(" + toks(p, pr->expr, none) + ")";
    o += "__SS_GLUE void " + spawn + "(" + t.params + ") { struct " + S + " __ss_s, *__ss_a = &__ss_s; " +
         t.fill + "ss_abi_spawn(&__ss_tt_" + N + ", __ss_a, sizeof __ss_s, " + dep_count(p, none) + ", " +
         flags(p, none) + ", " + prio + ", " + (any_deps(p) ? "__ss_fdeps_" + N : std::string("0")) + "); }\n";
    if (ft.impl)
        o += gen_version(ft);
    return o;
}

void Lowering::collect_functasks() {
    for (FuncTask &ft : u_.functasks) {
        const FunctionDecl *fd = ft.fd;
        if (!fd->getReturnType()->isVoidType()) {
            error(fd->getLocation(), "a function task must return void, not '" +
                                     fd->getReturnType().getAsString(pol_) + "'");
            continue;
        }
        if (fd->isVariadic()) {
            error(fd->getLocation(), "a function task cannot be variadic");
            continue;
        }
        if (!check_device(ft) || !check_implements(ft) || !check_binary(ft))
            continue;
        for (Clause &c : ft.prag->dir.clauses) {
            if (c.id == C_private_ || c.id == C_firstprivate || c.id == C_shared || c.id == C_default_)
                u_.warning(ft.prag->toks[c.tok].getLocation(),
                           std::string("'") + kClauses[c.id].name +
                           "' has no effect on a function task: parameters are firstprivate");
            if (c.id != C_reduction)
                continue;
            // A reduction on a global stays (its updates are made mutually
            // exclusive); on a parameter, a copy, it means nothing, and the
            // dependence would be on a local of the dependence callback.
            for (auto v = c.vars.begin(); v != c.vars.end();) {
                bool param = false;
                for (const ParmVarDecl *pv : fd->parameters())
                    param |= pv->getName() == v->first;
                if (!param) {
                    ++v;
                    continue;
                }
                u_.warning(ft.prag->toks[v->second].getLocation(),
                           "reduction on parameter '" + v->first +
                           "' has no effect on a function task: parameters are firstprivate");
                v = c.vars.erase(v);
            }
        }
        ft.num = ntypes_++;
        ftmap_[fd->getCanonicalDecl()] = &ft;
        std::string proto;
        std::string body = gen_functask(ft, proto);
        // Where the prototype and the wrapper go.
        if (in_main(ft.prag->hash) && in_main(fd->getEndLoc())) {
            Edit pe;
            pe.b = off(ft.prag->hash);
            pe.e = in_main(ft.prag->eod) ? off(ft.prag->eod) : pe.b;
            pe.kind = Edit::TEXT;
            pe.text = proto + line_marker(pe.e);
            edits_.push_back(pe);
            if (const PragmaRec *t = ft.prag->target) {  // its clauses are the task's
                Edit te;
                te.b = off(t->hash);
                te.e = in_main(t->eod) ? off(t->eod) : te.b;
                te.kind = Edit::TEXT;
                edits_.push_back(te);
            }
            unsigned end = tok_end(SM_.getExpansionLoc(fd->getEndLoc()));
            if (!fd->doesThisDeclarationHaveABody()) {  // after the prototype's ';'
                unsigned n = skip_space(end);
                if (n < buf_.size() && buf_[n] == ';')
                    end = n + 1;
            }
            Edit we;
            we.b = we.e = end;
            we.kind = Edit::TEXT;
            we.text = "\n" + body + line_marker(end);
            edits_.push_back(we);
        } else {
            // Declared in a header: after the #include that brought it in.
            SourceLocation l = SM_.getExpansionLoc(ft.prag->hash);
            FileID f = SM_.getFileID(l);
            SourceLocation inc = SM_.getIncludeLoc(f);
            while (inc.isValid() && !in_main(inc)) {
                f = SM_.getFileID(SM_.getExpansionLoc(inc));
                inc = SM_.getIncludeLoc(f);
            }
            if (!inc.isValid()) {
                error(ft.prag->hash, "cannot place the task wrapper of '" + fd->getName().str() + "'");
                continue;
            }
            unsigned o = off(inc);
            while (o < buf_.size() && buf_[o] != '\n')
                o++;
            if (o < buf_.size())
                o++;
            Edit we;
            we.b = we.e = o;
            we.kind = Edit::TEXT;
            we.text = proto + "\n" + body + line_marker(o);
            edits_.push_back(we);
        }
    }
    // Calls of function tasks go to their spawn wrappers.
    for (const CallExpr *c : found_.fcalls) {
        const FunctionDecl *callee = c->getDirectCallee();
        auto it = ftmap_.find(callee->getCanonicalDecl());
        if (it == ftmap_.end())
            continue;
        auto *dr = dyn_cast<DeclRefExpr>(c->getCallee()->IgnoreParenImpCasts());
        if (!dr)
            continue;
        SourceLocation l = dr->getLocation();
        const FuncTask &ft = *it->second;
        if (l.isMacroID()) {
            if (!SM_.isMacroArgExpansion(l)) {
                std::string m = "call of function task '" + callee->getName().str() + "' inside a macro body";
                if (ft.device == DEV_CUDA || ft.binary)  // the kernel or program is no C function
                    error(SM_.getExpansionLoc(l), m + " cannot spawn it, and a " +
                                                  (ft.binary ? "binary" : "device(cuda)") + " task has no C body");
                else
                    u_.warning(SM_.getExpansionLoc(l), m + " runs as a plain call");
                continue;
            }
            l = SM_.getSpellingLoc(l);
        }
        if (!in_main(l))
            continue;
        if (in_main(ft.prag->hash) && off(l) < off(ft.prag->hash))
            continue;  // before the task declaration: a plain call
        Edit e;
        e.b = off(l);
        e.e = e.b + unsigned(callee->getName().size());
        e.kind = Edit::TEXT;
        e.text = "__ss_spawn_" + callee->getName().str();
        edits_.push_back(e);
    }
}

}  // namespace ssc
