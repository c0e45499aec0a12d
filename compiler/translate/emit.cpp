// emit.cpp - the code that replaces each task site: the spawn call, the
// outlined body and dependence callback, taskloop chunks, atomic, critical,
// taskwait and release.
#include "lowering.h"

#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

using namespace clang;

namespace ssc {

bool any_deps(const PragmaRec &p) {
    for (const Clause &c : p.dir.clauses)
        if (has_deps(c))
            return true;
    return false;
}

// At the task site: fill an argument block on the stack and hand it to
// ss_abi_spawn, which creates the task (copying the block, calling the
// dependence callback) or, in a final context, runs the body in place. The
// clause expressions are evaluated here, in the creator's context.
std::string Lowering::create(int idx, const Ctx &P) {
    const Site &s = sites_[idx];
    const PragmaRec &p = *s.prag;
    std::string N = std::to_string(s.num);
    std::string prio = "0";
    if (const Clause *pr = p.dir.find(C_priority))
        prio = "(int)(" + toks(p, pr->expr, P) + ")";
    return "struct __ss_args_" + N + " __ss_s, *__ss_a = &__ss_s; " + fills(s, P) +
           "ss_abi_spawn(&__ss_tt_" + N + ", __ss_a, sizeof __ss_s, " + dep_count(p, P) + ", " +
           flags(p, P) + ", " + prio + ", " + (any_deps(p) ? "__ss_deps_" + N : std::string("0")) + "); ";
}

std::string Lowering::gen_outlined(int idx) {
    Site &s = sites_[idx];
    const PragmaRec &p = *s.prag;
    std::string N = std::to_string(s.num);
    if (p.dir.id == D_taskwait) {
        bool any = false;
        for (const Clause &c : p.dir.clauses)
            any |= has_deps(c);
        return any ? type_desc(p, s.num, "0", "\"taskwait\"") : "";
    }
    std::string prologue, fields;
    Ctx B = body_ctx(s, prologue, fields);
    std::string o = "struct __ss_args_" + N + " { " + fields + "};\n";
    std::string head = "struct __ss_args_" + N + " *__ss_a = (struct __ss_args_" + N +
                       " *)__ss_v; (void)__ss_a; " + prologue;
    o += "static void __ss_run_" + N + "(void *__ss_v) { " + head;
    if (const Clause *c = p.dir.find(C_onready))
        o += "(void)(" + toks(p, c->expr, B) + "); ";
    std::string defs, undefs;
    std::set<std::string> ms(s.macro_shared.begin(), s.macro_shared.end());
    for (const Capture &c : s.caps)
        if (c.how == Sharing::Shared && ms.count(c.var->getName().str())) {
            std::string n = c.var->getName().str();
            defs += "\n#define " + n + " (*__ssp_" + n + ")";
            undefs += "\n#undef " + n;
        }
    o += defs;
    if (p.dir.id == D_taskloop) {
        auto *fs = cast<ForStmt>(s.stmt);
        unsigned bb, be;
        stmt_range(fs->getBody(), bb, be);
        std::string itype = "long long", iname = "__ss_i";
        if (auto *ds = dyn_cast_or_null<DeclStmt>(fs->getInit())) {
            auto *v = cast<VarDecl>(ds->getSingleDecl());
            itype = v->getType().getAsString(pol_);
            iname = v->getName().str();
        } else if (auto *bo = dyn_cast_or_null<BinaryOperator>(fs->getInit())) {
            auto *v = cast<VarDecl>(cast<DeclRefExpr>(bo->getLHS()->IgnoreParenImpCasts())->getDecl());
            itype = v->getType().getAsString(pol_);
            iname = v->getName().str();
        }
        o += "for (long long __ss_k = __ss_kb; __ss_k < __ss_ke; __ss_k++) { " + itype + " " +
             iname + " = (" + itype + ")(__ss_lo + __ss_k * __ss_st); " + line_marker(bb) +
             render(bb, be, B) + "\n}";
    } else {
        o += line_marker(s.stmt_begin) + render(s.stmt_begin, s.stmt_end, B);
    }
    o += undefs + "\n}\n";
    // The glue reads the argument block directly (no unpacking), except
    // for variably modified types, which need typed locals.
    std::string vmhead;
    Ctx F = field_ctx(s, vmhead);
    std::string fhead = "struct __ss_args_" + N + " *__ss_a = (struct __ss_args_" + N +
                        " *)__ss_v; (void)__ss_a; " + vmhead;
    if (any_deps(p))
        o += "__SS_GLUE void __ss_deps_" + N + "(ss_task_t __ss_t, void *__ss_v) { " + fhead +
             deps(p, F, "__ss_t") + "}\n";
    std::string cons = constraint_sets(p, F);
    if (!cons.empty())
        o += "__SS_GLUE void __ss_cons_" + N + "(const void *__ss_v, ss_constraints_t *__ss_c) { " + fhead +
             cons + "}\n";
    o += type_desc(p, s.num, "__ss_run_" + N, "0", cons.empty() ? "" : ", .constraints = __ss_cons_" + N);
    return o;
}

std::string Lowering::gen_taskloop(int idx, const Ctx &P) {
    Site &s = sites_[idx];
    auto *fs = cast<ForStmt>(s.stmt);
    const PragmaRec &p = *s.prag;
    const VarDecl *iv = nullptr;
    const Expr *init = nullptr;
    if (auto *ds = dyn_cast_or_null<DeclStmt>(fs->getInit())) {
        if (ds->isSingleDecl())
            if ((iv = dyn_cast<VarDecl>(ds->getSingleDecl())))
                init = iv->getInit();
    } else if (auto *bo = dyn_cast_or_null<BinaryOperator>(fs->getInit())) {
        if (bo->getOpcode() == BO_Assign)
            if (auto *dr = dyn_cast<DeclRefExpr>(bo->getLHS()->IgnoreParenImpCasts())) {
                iv = dyn_cast<VarDecl>(dr->getDecl());
                init = bo->getRHS();
            }
    }
    auto expr_text = [&](const Expr *e) {
        unsigned b, en;
        if (!stmt_range(e, b, en, false))
            return std::string("0");
        return "(" + render(b, en, P) + ")";
    };
    auto is_iv = [&](const Expr *e) {
        auto *dr = dyn_cast<DeclRefExpr>(e->IgnoreParenImpCasts());
        return dr && dr->getDecl() == iv;
    };
    if (!iv || !init || !iv->getType()->isIntegerType()) {
        error(fs->getBeginLoc(), "taskloop needs 'for (i = lower; ...)' with an integer loop variable");
        return "";
    }
    std::string op, hi;
    if (auto *c = dyn_cast_or_null<BinaryOperator>(fs->getCond())) {
        static const std::map<BinaryOperatorKind, std::pair<const char *, const char *>> flip = {
            {BO_LT, {"<", ">"}}, {BO_LE, {"<=", ">="}}, {BO_GT, {">", "<"}},
            {BO_GE, {">=", "<="}}, {BO_NE, {"!=", "!="}}};
        auto f = flip.find(c->getOpcode());
        if (f != flip.end()) {
            if (is_iv(c->getLHS())) {
                op = f->second.first;
                hi = expr_text(c->getRHS());
            } else if (is_iv(c->getRHS())) {
                op = f->second.second;
                hi = expr_text(c->getLHS());
            }
        }
    }
    std::string st;
    const Expr *inc = fs->getInc();
    if (auto *u = dyn_cast_or_null<UnaryOperator>(inc)) {
        if (is_iv(u->getSubExpr()))
            st = u->isIncrementOp() ? "1" : "-1";
    } else if (auto *ca = dyn_cast_or_null<CompoundAssignOperator>(inc)) {
        if (is_iv(ca->getLHS()) && (ca->getOpcode() == BO_AddAssign || ca->getOpcode() == BO_SubAssign))
            st = (ca->getOpcode() == BO_AddAssign ? "" : "-") + expr_text(ca->getRHS());
    } else if (auto *as = dyn_cast_or_null<BinaryOperator>(inc)) {
        if (as->getOpcode() == BO_Assign && is_iv(as->getLHS()))
            if (auto *add = dyn_cast<BinaryOperator>(as->getRHS()->IgnoreParenImpCasts()))
                if (add->getOpcode() == BO_Add && is_iv(add->getLHS()))
                    st = expr_text(add->getRHS());
    }
    if (op.empty() || st.empty()) {
        error(fs->getBeginLoc(), "taskloop needs a loop 'i < | <= | > | >= | != bound' stepping i by a constant amount");
        return "";
    }
    std::string trip;
    if (op == "<") trip = "(__ss_lo < __ss_hi ? (__ss_hi - __ss_lo + __ss_st - 1) / __ss_st : 0)";
    else if (op == "<=") trip = "(__ss_lo <= __ss_hi ? (__ss_hi - __ss_lo) / __ss_st + 1 : 0)";
    else if (op == ">") trip = "(__ss_lo > __ss_hi ? (__ss_lo - __ss_hi - __ss_st - 1) / -__ss_st : 0)";
    else if (op == ">=") trip = "(__ss_lo >= __ss_hi ? (__ss_lo - __ss_hi) / -__ss_st + 1 : 0)";
    else trip = "((__ss_hi - __ss_lo) / __ss_st)";
    std::string grain = "(__ss_n + 4 * ss_num_workers() - 1) / (4 * ss_num_workers())";
    if (const Clause *g = p.dir.find(C_grainsize))
        grain = "(long long)(" + toks(p, g->expr, P) + ")";
    else if (const Clause *n = p.dir.find(C_num_tasks))
        grain = "(__ss_n + (long long)(" + toks(p, n->expr, P) + ") - 1) / (long long)(" + toks(p, n->expr, P) + ")";
    unsigned bb, be;
    stmt_range(fs->getBody(), bb, be);
    std::string itype = iv->getType().getAsString(pol_), iname = iv->getName().str();
    std::string c = "{ long long __ss_lo = (long long)" + expr_text(init) + ", __ss_hi = (long long)" + hi +
                    ", __ss_st = (long long)(" + st + "); long long __ss_n = " + trip +
                    "; long long __ss_g = " + grain + "; if (__ss_g < 1) __ss_g = 1; "
                    "for (long long __ss_kb = 0; __ss_kb < __ss_n; __ss_kb += __ss_g) { "
                    "long long __ss_ke = __ss_n - __ss_kb < __ss_g ? __ss_n : __ss_kb + __ss_g; "
                    "{ " + create(idx, P) + "} } }";
    return c;
}

std::string Lowering::gen_atomic(int idx, const Ctx &P) {
    Site &s = sites_[idx];
    const Expr *e = dyn_cast<Expr>(s.stmt);
    auto text = [&](const Expr *x) {
        unsigned b, en;
        if (!stmt_range(x, b, en, false))
            return std::string("0");
        return "(" + render(b, en, P) + ")";
    };
    auto same = [&](const Expr *a, const Expr *b) {
        unsigned ab, ae, bb, be;
        if (!stmt_range(a, ab, ae, false) || !stmt_range(b, bb, be, false))
            return false;
        return buf_.substr(ab, ae - ab) == buf_.substr(bb, be - bb);
    };
    std::string x, op, v;
    bool rev = false;
    if (e)
        e = e->IgnoreParens();
    if (auto *u = dyn_cast_or_null<UnaryOperator>(e)) {
        if (u->isIncrementDecrementOp()) {
            x = text(u->getSubExpr());
            op = u->isIncrementOp() ? "+" : "-";
            v = "1";
        }
    } else if (auto *ca = dyn_cast_or_null<CompoundAssignOperator>(e)) {
        x = text(ca->getLHS());
        op = BinaryOperator::getOpcodeStr(BinaryOperator::getOpForCompoundAssignment(ca->getOpcode())).str();
        v = text(ca->getRHS());
    } else if (auto *as = dyn_cast_or_null<BinaryOperator>(e)) {
        if (as->getOpcode() == BO_Assign)
            if (auto *r = dyn_cast<BinaryOperator>(as->getRHS()->IgnoreParenImpCasts())) {
                if (same(r->getLHS(), as->getLHS())) {
                    v = text(r->getRHS());
                } else if (same(r->getRHS(), as->getLHS())) {
                    v = text(r->getLHS());
                    rev = true;
                }
                if (!v.empty()) {
                    x = text(as->getLHS());
                    op = BinaryOperator::getOpcodeStr(r->getOpcode()).str();
                }
            }
    }
    if (x.empty()) {
        error(s.stmt->getBeginLoc(), "'atomic' needs 'x op= e;', 'x = x op e;', 'x++;', '++x;', 'x--;' or '--x;'");
        return "";
    }
    return "{ __typeof__(" + x + ") *__ss_p = &" + x + ", __ss_o, __ss_n; __typeof__(" + v +
           ") __ss_e = " + v + "; __atomic_load(__ss_p, &__ss_o, __ATOMIC_RELAXED); do { __ss_n = " +
           (rev ? "__ss_e " + op + " __ss_o" : "__ss_o " + op + " __ss_e") +
           "; } while (!__atomic_compare_exchange(__ss_p, &__ss_o, &__ss_n, 0, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED)); }";
}

std::string Lowering::gen_site(int idx, const Ctx &P) {
    Site &s = sites_[idx];
    const PragmaRec &p = *s.prag;
    std::string N = std::to_string(s.num);
    switch (p.dir.id) {
    case D_task:
        return "{ " + create(idx, P) + "}";
    case D_taskloop:
        return gen_taskloop(idx, P);
    case D_taskwait: {
        bool any = false;
        for (const Clause &c : p.dir.clauses)
            any |= has_deps(c);
        if (!any)
            return "ss_abi_taskwait();";
        return "{ unsigned __ss_nd = " + dep_count(p, P) + "; void *__ss_v; ss_task_t __ss_t = "
               "ss_abi_task_create(&__ss_tt_" + N + ", 0, __ss_nd, SS_TASK_UNDEFERRED, &__ss_v); " +
               deps(p, P, "__ss_t") + "ss_abi_task_submit(__ss_t); }";
    }
    case D_release:
        return "{ " + deps(p, P, nullptr) + "}";
    case D_critical: {
        const Clause *c = p.dir.find(C_name);
        std::string m = "__ss_critical_" + (c ? c->text : std::string());
        criticals_.insert(m);
        return "{ pthread_mutex_lock(&" + m + ");" + line_marker(s.stmt_begin) +
               render(s.stmt_begin, s.stmt_end, P) + "\npthread_mutex_unlock(&" + m + "); }";
    }
    case D_atomic:
        return gen_atomic(idx, P);
    default:
        return "";
    }
}

}  // namespace ssc
