// versions.cpp - heterogeneous tasks: the checks of constraints, devices,
// ndrange and implements; the constraints callback of a task type; the run
// function of a function task (a call, or for device(cuda) a kernel
// launcher); and the version that a function task with implements(f)
// registers for f.
#include "lowering.h"

#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace ssc {

// Each marker argument ((void)(expr), 0) holds one clause expression as the
// user wrote it; index them by their first token.
void Lowering::collect_slot_exprs() {
    for (auto &m : found_.calls)
        for (unsigned i = 1; i < m.second->getNumArgs(); i++) {
            auto *comma = dyn_cast<BinaryOperator>(m.second->getArg(i)->IgnoreParens());
            if (!comma || comma->getOpcode() != BO_Comma)
                continue;
            auto *cast = dyn_cast<CStyleCastExpr>(comma->getLHS()->IgnoreParens());
            auto *paren = cast ? dyn_cast<ParenExpr>(cast->getSubExprAsWritten()) : nullptr;
            if (paren)
                slot_exprs_[paren->getSubExpr()->getBeginLoc().getRawEncoding()] = paren->getSubExpr();
        }
}

const Expr *Lowering::slot_expr(const PragmaRec &p, Range r) const {
    if (r.empty() || r.b >= p.toks.size())
        return nullptr;
    auto it = slot_exprs_.find(p.toks[r.b].getLocation().getRawEncoding());
    return it == slot_exprs_.end() ? nullptr : it->second;
}

// Each value has the type its key needs (pragmas.def, SS_CONSTRAINT); a
// constant one is in range.
void Lowering::check_constraints(const PragmaRec &p) {
    const Clause *c = p.dir.find(C_constraints);
    if (!c)
        return;
    for (const Constraint &k : c->cons) {
        const Expr *e = slot_expr(p, k.value);
        if (!e)
            continue;
        QualType t = e->getType();
        std::string key = std::string("constraint '") + kConstraints[k.id].name + "'";
        std::string type = "'" + t.getAsString(pol_) + "'";
        SourceLocation l = tok_loc(p, k.value.b);
        switch (kConstraints[k.id].type) {
        case K_INT:
            if (!t->isIntegerType()) {
                error(l, key + " needs an integer, not " + type);
            } else if (auto v = e->getIntegerConstantExpr(C_)) {
                if (!v->isStrictlyPositive())
                    error(l, key + " must be positive, not " + llvm::toString(*v, 10));
            }
            break;
        case K_REAL: {
            if (!t->isRealType()) {
                error(l, key + " needs a number, not " + type);
                break;
            }
            Expr::EvalResult r;
            if (e->EvaluateAsRValue(r, C_) && !r.HasSideEffects &&
                ((r.Val.isInt() && r.Val.getInt().isNegative()) ||
                 (r.Val.isFloat() && r.Val.getFloat().isNegative())))
                error(l, key + " cannot be negative");
            break;
        }
        case K_STRING:
        case K_PTYPE:
            if (!is_char_pointer(C_, t)) {
                error(l, key + " needs a string (a char pointer), not " + type);
            } else if (kConstraints[k.id].type == K_PTYPE) {
                auto *lit = dyn_cast<StringLiteral>(e->IgnoreParens());
                if (lit && lit->getString() != "CPU" && lit->getString() != "GPU")
                    error(l, key + " must be \"CPU\" or \"GPU\", not \"" + lit->getString().str() + "\"");
            }
            break;
        }
    }
}

// device(cuda) goes with ndrange, whose arguments are the number of
// dimensions (1 to 3), then that many global sizes and local sizes, all
// integers; the kernel itself is in a .cu file.
bool Lowering::check_device(FuncTask &ft) {
    const PragmaRec &p = *ft.prag;
    const Clause *dev = p.dir.find(C_device), *nd = p.dir.find(C_ndrange);
    ft.device = dev ? dev->device : DEV_SMP;
    std::string name = ft.fd->getName().str();
    bool ok = true;
    auto fail = [&](SourceLocation l, const std::string &m) {
        error(l, m);
        ok = false;
    };
    if (nd && ft.device != DEV_CUDA)
        fail(tok_loc(p, nd->tok), "'ndrange' needs device(cuda): it is the launch shape of a CUDA kernel");
    if (ft.device == DEV_CUDA && !nd)
        fail(tok_loc(p, dev->tok), "a device(cuda) function task needs ndrange(n, global sizes, local sizes), "
                                   "the launch shape of its kernel");
    const FunctionDecl *def = nullptr;
    if (ft.device == DEV_CUDA && ft.fd->hasBody(def))
        fail(def->getLocation(), "device(cuda) function task '" + name + "' is a kernel defined in a .cu file: "
                                 "declare it here without a body");
    if (!ok || !nd)
        return ok;
    size_t count = nd->exprs.size();
    ft.ndims = unsigned(count / 2);  // without the expression (no check function): from the count
    if (const Expr *n = slot_expr(p, nd->exprs[0])) {
        llvm::Optional<llvm::APSInt> v = n->getIntegerConstantExpr(C_);
        if (!v || v->isNegative() || v->getActiveBits() > 2 || v->isNullValue()) {
            fail(tok_loc(p, nd->exprs[0].b),
                 "the first argument of 'ndrange' is the number of dimensions: an integer constant 1, 2 or 3");
            return false;
        }
        ft.ndims = unsigned(v->getZExtValue());
    }
    if (count != 1 + 2 * ft.ndims) {
        fail(tok_loc(p, nd->tok), "'ndrange' with " + std::to_string(ft.ndims) +
                                  (ft.ndims == 1 ? " dimension" : " dimensions") + " takes " +
                                  std::to_string(1 + 2 * ft.ndims) + " arguments (the number of dimensions, "
                                  "then the global sizes, then the local sizes), not " + std::to_string(count));
        return false;
    }
    for (size_t i = 1; i < count; i++)
        if (const Expr *e = slot_expr(p, nd->exprs[i]))
            if (!e->getType()->isIntegerType())
                fail(tok_loc(p, nd->exprs[i].b), "argument " + std::to_string(i + 1) +
                                                 " of 'ndrange' must be an integer, not '" +
                                                 e->getType().getAsString(pol_) + "'");
    return ok;
}

// implements(f): f is a function task declared before this one (so its
// argument struct is in this unit), with the same parameters.
bool Lowering::check_implements(FuncTask &ft) {
    const PragmaRec &p = *ft.prag;
    const Clause *im = p.dir.find(C_implements);
    if (!im)
        return true;
    const FunctionDecl *g = ft.fd;
    std::string gn = g->getName().str(), fn = im->text;
    SourceLocation l = tok_loc(p, im->expr.b);
    const Expr *e = slot_expr(p, im->expr);
    auto *dr = dyn_cast_or_null<DeclRefExpr>(e ? e->IgnoreParens() : nullptr);
    const FunctionDecl *f = dr ? dyn_cast<FunctionDecl>(dr->getDecl()) : nullptr;
    std::string why;
    auto it = f ? ftmap_.find(f->getCanonicalDecl()) : ftmap_.end();
    if (!f)
        why = "'" + fn + "' in implements(" + fn + ") is not a function";
    else if (f->getCanonicalDecl() == g->getCanonicalDecl())
        why = "function task '" + gn + "' cannot implement itself";
    else if (it == ftmap_.end())
        why = "'" + fn + "' in implements(" + fn + ") is not a function task declared before '" + gn + "'";
    if (!why.empty()) {
        error(l, why);
        return false;
    }
    const FunctionDecl *fd = it->second->fd;
    if (fd->getNumParams() != g->getNumParams()) {
        auto count = [](unsigned n) { return std::to_string(n) + (n == 1 ? " parameter" : " parameters"); };
        error(g->getLocation(), "'" + gn + "' has " + count(g->getNumParams()) + " but '" + fn +
                                "', which it implements, has " + count(fd->getNumParams()));
        u_.note(fd->getLocation(), "'" + fn + "' declared here");
        return false;
    }
    for (unsigned i = 0; i < g->getNumParams(); i++) {
        const ParmVarDecl *a = g->getParamDecl(i), *b = fd->getParamDecl(i);
        if (C_.typesAreCompatible(a->getType().getUnqualifiedType(), b->getType().getUnqualifiedType()))
            continue;
        std::string k = "parameter " + std::to_string(i + 1);
        error(a->getLocation(), k + " of '" + gn + "' ('" + decl(a->getType(), a->getName().str()) +
                                "') differs from " + k + " of '" + fn + "' ('" +
                                decl(b->getType(), b->getName().str()) + "'), which it implements");
        u_.note(b->getLocation(), k + " of '" + fn + "' declared here");
        return false;
    }
    ft.impl = it->second;
    return true;
}

// __ss_c->key = (type)(value); for each constraint, in the context ctx.
std::string Lowering::constraint_sets(const PragmaRec &p, const Ctx &ctx) const {
    std::string s;
    if (const Clause *c = p.dir.find(C_constraints))
        for (const Constraint &k : c->cons) {
            ConstraintType t = kConstraints[k.id].type;
            s += std::string("__ss_c->") + kConstraints[k.id].name + " = (" +
                 (t == K_INT ? "unsigned" : t == K_REAL ? "double" : "const char *") + ")(" +
                 toks(p, k.value, ctx) + "); ";
        }
    return s;
}

// The constraints callback of function task ft on the argument block
// `struct args` (its own, or that of the function task it implements, whose
// fields are the same): the parameters are locals. Empty without
// constraints.
std::string Lowering::ft_cons(const FuncTask &ft, const std::string &fn, const std::string &args) const {
    const PragmaRec &p = *ft.prag;
    // An MPI task holds a core per process unless its constraints say otherwise.
    const Clause *procs = p.dir.find(C_mpi) ? p.dir.find(C_processes) : nullptr;
    if (!p.dir.find(C_constraints) && !procs)
        return "";
    Ctx none;
    return "__SS_GLUE void " + fn + "(const void *__ss_v, ss_constraints_t *__ss_c) { struct " + args +
           " *__ss_a = (struct " + args + " *)__ss_v; " + ft_text(ft.fd).locals +
           (procs ? "__ss_c->computing_units = (unsigned)(" + toks(p, procs->expr, none) + "); " : "") +
           constraint_sets(p, none) + "}\n";
}

// The run function of function task ft on the argument block `struct
// args`: onready, then a call of the function; for a binary task, the
// program (programs.cpp, bin_call); for device(cuda), a launch
// of the kernel of that name with the parameters (pointers translated to
// device addresses) over the ndrange, evaluated with the parameters as
// locals.
std::string Lowering::ft_run(const FuncTask &ft, const std::string &fn, const std::string &args) const {
    const PragmaRec &p = *ft.prag;
    const FunctionDecl *fd = ft.fd;
    FtText t = ft_text(fd);
    Ctx none;
    std::string o = "__SS_GLUE void " + fn + "(void *__ss_v) { struct " + args + " *__ss_a = (struct " + args +
                    " *)__ss_v; ";
    const Clause *ready = p.dir.find(C_onready);
    if (ready || ft.device == DEV_CUDA || ft.binary)
        o += t.locals;
    if (ready)
        o += "(void)(" + toks(p, ready->expr, none) + "); ";
    if (ft.binary)
        return o + bin_call(ft) + "}\n";
    std::string name = fd->getName().str();
    if (ft.device != DEV_CUDA)
        return o + name + "(" + t.call + "); }\n";
    std::string kp;
    for (unsigned i = 0; i < fd->getNumParams(); i++) {
        QualType ty = fd->getParamDecl(i)->getType();
        std::string f = "__ss_a->f_" + std::to_string(i);
        if (ty->isPointerType() && !ty->isFunctionPointerType()) {
            std::string d = "__ss_d" + std::to_string(i);
            o += "void *" + d + " = ss_abi_cuda_ptr(" + f + "); ";
            f = d;
        }
        kp += (i ? ", &" : "&") + f;
    }
    o += fd->getNumParams() ? "void *__ss_kp[] = { " + kp + " }; " : "void **__ss_kp = 0; ";
    const Clause *nd = p.dir.find(C_ndrange);
    std::string gs, ls;
    for (unsigned i = 0; i < ft.ndims; i++) {
        gs += (i ? ", " : "") + std::string("(size_t)(") + toks(p, nd->exprs[1 + i], none) + ")";
        ls += (i ? ", " : "") + std::string("(size_t)(") + toks(p, nd->exprs[1 + ft.ndims + i], none) + ")";
    }
    std::string n = std::to_string(ft.ndims);
    return o + "size_t __ss_gs[" + n + "] = { " + gs + " }, __ss_ls[" + n + "] = { " + ls + " }; " +
           "ss_abi_cuda_launch(\"" + name + "\", " + n + ", __ss_gs, __ss_ls, 0, __ss_kp); }\n";
}

// implements(f): one more version of f, registered by name from a
// constructor; it runs (or launches) this function task on f's argument
// block, with this task's constraints.
std::string Lowering::gen_version(const FuncTask &ft) const {
    std::string N = std::to_string(ft.num), args = "__ss_fargs_" + std::to_string(ft.impl->num);
    std::string name = ft.fd->getName().str(), base = ft.impl->fd->getName().str();
    std::string cons = ft_cons(ft, "__ss_fvcons_" + N, args);
    return ft_run(ft, "__ss_fvrun_" + N, args) + cons + "static ss_task_version_t __ss_fver_" + N +
           " = { .name = \"" + name + "\", .device = " +
           (ft.device == DEV_CUDA ? "SS_DEVICE_CUDA" : "SS_DEVICE_SMP") + ", .run = __ss_fvrun_" + N +
           ", .constraints = " + (cons.empty() ? "0" : "__ss_fvcons_" + N) + " };\n" +
           "__attribute__((constructor)) static void __ss_fvreg_" + N + "(void) { ss_abi_version_register(\"" +
           base + "\", &__ss_fver_" + N + "); }\n";
}

}  // namespace ssc
