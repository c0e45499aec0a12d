// lower.cpp - turns recorded pragmas and the AST into the translated file.
//
// The output is the user's file with edits: each task site (pragma plus
// statement) becomes creation code; references to captured variables inside
// task bodies are respelled per context (a shared variable is `(*__ssp_x)`
// inside its outlined body); calls of function tasks go to a spawn wrapper.
// Outlined functions are emitted before the enclosing function, innermost
// first. See docs/compiler.md for the generated shape and the data-sharing
// rules. This file finds the sites, their captures and the edits, renders
// text, and runs the whole; lowering.h lists the other parts.
#include "lowering.h"

#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <set>

using namespace clang;

namespace ssc {

std::string Unit::predefines() {
    return "int __ss_mark(int, ...);\n"
           "#define _OMPSS 1\n#define _OMPSS_2 1\n#define __SSC__ 1\n";
}

void Unit::report(DiagnosticsEngine::Level lv, SourceLocation l, const std::string &msg) {
    DiagnosticsEngine &d = ci_.getDiagnostics();
    unsigned id = d.getCustomDiagID(lv, "%0");
    d.Report(l, id) << msg;
}

const char *const kTargetAlone =
    "'#pragma omp target' must be followed by '#pragma omp task' and a function declaration";

FuncTask *Unit::top_level(Decl *d) {
    SourceManager &SM = ci_.getSourceManager();
    if (pending_target && SM.isBeforeInTranslationUnit(pending_target->hash, d->getBeginLoc())) {
        error(pending_target->hash, kTargetAlone);
        pending_target = nullptr;
    }
    if (pending.empty())
        return nullptr;
    PragmaRec *p = pending.front();
    if (!SM.isBeforeInTranslationUnit(p->hash, d->getBeginLoc()))
        return nullptr;  // a declaration before the pragma (lookahead)
    pending.erase(pending.begin());
    auto *fd = dyn_cast<FunctionDecl>(d);
    if (!fd) {
        error(p->hash, "a task pragma at file scope must precede a function declaration");
        return nullptr;
    }
    if (!pending.empty() && SM.isBeforeInTranslationUnit(pending.front()->hash, d->getBeginLoc())) {
        error(pending.front()->hash, "two task pragmas before one function declaration");
        pending.erase(pending.begin());
    }
    FuncTask ft;
    ft.prag = p;
    ft.fd = fd;
    functasks.push_back(ft);
    return &functasks.back();
}

void Unit::finish_pending() {
    for (PragmaRec *p : pending)
        error(p->hash, "a task pragma at file scope must precede a function declaration");
    pending.clear();
    if (pending_target)
        error(pending_target->hash, kTargetAlone);
    pending_target = nullptr;
}

namespace {

bool is_marker(const Expr *e, unsigned &id, const CallExpr **call) {
    if (!e)
        return false;
    auto *ce = dyn_cast<CallExpr>(e->IgnoreParenImpCasts());
    if (!ce || !ce->getDirectCallee() || ce->getDirectCallee()->getName() != "__ss_mark" ||
        ce->getNumArgs() < 1)
        return false;
    auto *lit = dyn_cast<IntegerLiteral>(ce->getArg(0)->IgnoreParenImpCasts());
    if (!lit)
        return false;
    id = unsigned(lit->getValue().getZExtValue());
    if (call)
        *call = ce;
    return true;
}

class Finder : public RecursiveASTVisitor<Finder> {
public:
    explicit Finder(Found &f) : f_(f) {}
    bool TraverseFunctionDecl(FunctionDecl *fd) {
        const FunctionDecl *saved = cur_;
        if (fd->doesThisDeclarationHaveABody())
            cur_ = fd;
        bool r = RecursiveASTVisitor::TraverseFunctionDecl(fd);
        cur_ = saved;
        return r;
    }
    bool VisitWhileStmt(WhileStmt *w) {
        unsigned id;
        if (is_marker(w->getCond(), id, nullptr))
            f_.whiles[id] = w;
        return true;
    }
    bool VisitCallExpr(CallExpr *c) {
        unsigned id;
        const CallExpr *ce;
        if (is_marker(c, id, &ce)) {
            f_.calls[id] = ce;
            f_.funcs[id] = cur_;
        } else if (c->getDirectCallee()) {
            f_.fcalls.push_back(c);
        }
        return true;
    }
    bool VisitDeclRefExpr(DeclRefExpr *e) {
        if (isa<VarDecl>(e->getDecl()))
            f_.refs.push_back(e);
        else if (auto *ec = dyn_cast<EnumConstantDecl>(e->getDecl()))
            if (ec->getDeclContext()->getParent() && ec->getDeclContext()->getParent()->isFunctionOrMethod())
                f_.enums.push_back(e);
        return true;
    }
    bool VisitReturnStmt(ReturnStmt *r) {
        f_.jumps.push_back(r);
        return true;
    }
    bool VisitBreakStmt(BreakStmt *b) {
        f_.jumps.push_back(b);
        return true;
    }
    bool VisitContinueStmt(ContinueStmt *c) {
        f_.jumps.push_back(c);
        return true;
    }
    bool VisitGotoStmt(GotoStmt *g) {
        f_.jumps.push_back(g);
        return true;
    }

private:
    Found &f_;
    const FunctionDecl *cur_ = nullptr;
};

}  // namespace

unsigned Lowering::skip_space(unsigned o) const {
    while (o < buf_.size()) {
        char c = buf_[o];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            o++;
        } else if (c == '/' && o + 1 < buf_.size() && buf_[o + 1] == '/') {
            while (o < buf_.size() && buf_[o] != '\n')
                o++;
        } else if (c == '/' && o + 1 < buf_.size() && buf_[o + 1] == '*') {
            size_t e = buf_.find("*/", o + 2);
            o = e == StringRef::npos ? unsigned(buf_.size()) : unsigned(e + 2);
        } else {
            break;
        }
    }
    return o;
}

bool Lowering::stmt_range(const Stmt *s, unsigned &b, unsigned &e, bool semi) {
    CharSourceRange r = SM_.getExpansionRange(s->getSourceRange());
    if (!in_main(r.getBegin()) || !in_main(r.getEnd()))
        return false;
    b = off(r.getBegin());
    e = r.isTokenRange() ? tok_end(r.getEnd()) : off(r.getEnd());
    if (semi && !isa<CompoundStmt>(s)) {
        unsigned n = skip_space(e);
        if (n < buf_.size() && buf_[n] == ';')
            e = n + 1;
    }
    return true;
}

std::string Lowering::quoted_file() const {
    std::string q = "\"";
    for (char c : fname_) {
        if (c == '"' || c == '\\')
            q += '\\';
        q += c;
    }
    return q + "\"";
}

std::string Lowering::line_marker(unsigned o) const {
    unsigned line = SM_.getLineNumber(main_, o), col = SM_.getColumnNumber(main_, o);
    return "\n#line " + std::to_string(line) + " " + quoted_file() + "\n" +
           std::string(col > 1 ? col - 1 : 0, ' ');
}

std::string Lowering::toks(const PragmaRec &p, Range r, const Ctx &ctx) const {
    std::string s;
    for (unsigned i = r.b; i < r.e && i < p.toks.size(); i++) {
        const Token &t = p.toks[i];
        if (!s.empty())
            s += ' ';
        auto it = tokvar_.find(t.getLocation().getRawEncoding());
        auto en = tokenum_.find(t.getLocation().getRawEncoding());
        if (t.getIdentifierInfo() && it != tokvar_.end())
            s += ctx.get(it->second);
        else if (t.getIdentifierInfo() && en != tokenum_.end())
            s += en->second;
        else
            s += PP_.getSpelling(t);
    }
    return s;
}

std::string Lowering::render(unsigned b, unsigned e, const Ctx &ctx) {
    std::string out;
    unsigned pos = b;
    auto it = std::lower_bound(edits_.begin(), edits_.end(), b,
                               [](const Edit &x, unsigned v) { return x.b < v; });
    for (; it != edits_.end() && it->b < e; ++it) {
        if (it->b < pos || it->e > e)
            continue;
        out.append(buf_.data() + pos, it->b - pos);
        out += apply(*it, ctx);
        pos = it->e;
    }
    out.append(buf_.data() + pos, e - pos);
    return out;
}

std::string Lowering::apply(const Edit &ed, const Ctx &ctx) {
    switch (ed.kind) {
    case Edit::VAR:
        return ctx.spell.count(ed.var) ? ctx.get(ed.var) : buf_.substr(ed.b, ed.e - ed.b).str();
    case Edit::TEXT:
        return ed.text;
    case Edit::SITE:
        return gen_site(ed.site, ctx) + line_marker(ed.e);
    }
    return "";
}

bool Lowering::collect_sites() {
    for (auto &up : u_.pragmas) {
        PragmaRec &p = *up;
        if (p.file_scope)
            continue;
        Site s;
        s.prag = &p;
        auto call = found_.calls.find(p.id);
        if (call == found_.calls.end())
            continue;  // dropped by error recovery
        s.mark = call->second;
        s.func = found_.funcs[p.id];
        if (!in_main(p.hash)) {
            error(p.hash, "task pragmas inside headers or macro expansions are not supported");
            continue;
        }
        s.begin = off(p.hash);
        Form form = kDirectives[p.dir.id].form;
        if (form == F_STANDALONE) {
            s.stmt = s.mark;
            s.end = in_main(p.eod) ? off(p.eod) : s.begin;
            s.stmt_begin = s.stmt_end = s.end;
        } else {
            auto w = found_.whiles.find(p.id);
            if (w == found_.whiles.end())
                continue;
            s.stmt = w->second->getBody();
            if (!stmt_range(s.stmt, s.stmt_begin, s.stmt_end)) {
                error(p.hash, "the statement after this pragma must be written in the main file, outside macros");
                continue;
            }
            // The statement may be another directive: its marker's tokens sit
            // at that directive's name, but its text starts at its '#'.
            unsigned inner;
            const auto *iw = dyn_cast<WhileStmt>(s.stmt);
            if (is_marker(iw ? iw->getCond() : dyn_cast<Expr>(s.stmt), inner, nullptr) &&
                inner < u_.pragmas.size()) {
                const PragmaRec &ip = *u_.pragmas[inner];
                if (in_main(ip.hash))
                    s.stmt_begin = off(ip.hash);
                if (kDirectives[ip.dir.id].form == F_STANDALONE && in_main(ip.eod))
                    s.stmt_end = std::max(s.stmt_end, off(ip.eod));
            }
            s.end = s.stmt_end;
            if (form == F_LOOP && !isa<ForStmt>(s.stmt)) {
                error(s.stmt->getBeginLoc(), "expected a for loop after 'taskloop'");
                continue;
            }
        }
        if (!s.func) {
            error(p.hash, "pragma outside a function body");
            continue;
        }
        s.num = ntypes_++;
        sites_.push_back(s);
    }
    std::sort(sites_.begin(), sites_.end(), [](const Site &a, const Site &b) { return a.begin < b.begin; });
    return ok_;
}

// The loop or switch a break (the loop a continue) leaves, or the labelled
// statement a goto jumps to. In the AST a break or continue directly in a
// construct's statement leaves the marker's while, which the lowering removes.
const Stmt *Lowering::jump_target(const Stmt *j) const {
    if (auto *g = dyn_cast<GotoStmt>(j))
        return g->getLabel()->getStmt();
    bool loops_only = isa<ContinueStmt>(j);
    DynTypedNodeList ps = C_.getParents(*j);
    while (!ps.empty()) {
        const Stmt *p = ps[0].get<Stmt>();
        if (!p)
            return nullptr;
        if (isa<ForStmt>(p) || isa<WhileStmt>(p) || isa<DoStmt>(p) || (!loops_only && isa<SwitchStmt>(p)))
            return p;
        ps = C_.getParents(*p);
    }
    return nullptr;
}

// The body of a task runs in another function, and a critical region must
// reach its unlock: no return, break, continue or goto may leave either.
void Lowering::check_jumps(const Site &s, std::set<const Stmt *> &reported) {
    DirId d = s.prag->dir.id;
    if (!is_task_like(d) && d != D_critical)
        return;
    std::string where = d == D_critical ? "a critical region" : d == D_taskloop ? "a taskloop body" : "a task body";
    auto inside = [&](const Stmt *x) {
        SourceLocation l = SM_.getExpansionLoc(x->getBeginLoc());
        return in_main(l) && off(l) >= s.stmt_begin && off(l) < s.stmt_end;
    };
    for (const Stmt *j : found_.jumps) {  // in source order
        if (!inside(j) || reported.count(j))
            continue;
        const Stmt *t = isa<ReturnStmt>(j) ? nullptr : jump_target(j);
        // A taskloop's iterations are split among tasks: break cannot end the loop.
        bool leaves = isa<ReturnStmt>(j) || (t && (!inside(t) || (t == s.stmt && isa<BreakStmt>(j))));
        if (!leaves)
            continue;
        reported.insert(j);
        const char *what = isa<ReturnStmt>(j) ? "'return'" : isa<BreakStmt>(j) ? "'break'"
                         : isa<ContinueStmt>(j) ? "'continue'" : "'goto'";
        error(j->getBeginLoc(), std::string(what) + " cannot leave " + where);
    }
}

void Lowering::collect_captures(Site &s) {
    const Directive &d = s.prag->dir;
    std::vector<const VarDecl *> order;
    std::set<const VarDecl *> seen;
    std::map<const VarDecl *, SourceLocation> first_use;
    const VarDecl *loopvar = nullptr;
    if (d.id == D_taskloop) {
        auto *fs = cast<ForStmt>(s.stmt);
        if (auto *ds = dyn_cast_or_null<DeclStmt>(fs->getInit())) {
            if (ds->isSingleDecl())
                loopvar = dyn_cast<VarDecl>(ds->getSingleDecl());
        } else if (auto *bo = dyn_cast_or_null<BinaryOperator>(fs->getInit())) {
            if (auto *dr = dyn_cast<DeclRefExpr>(bo->getLHS()->IgnoreParenImpCasts()))
                loopvar = dyn_cast<VarDecl>(dr->getDecl());
        }
    }
    for (const DeclRefExpr *r : found_.refs) {
        SourceLocation l = SM_.getExpansionLoc(r->getLocation());
        if (!in_main(l) || off(l) < s.begin || off(l) >= s.end)
            continue;
        const VarDecl *v = cast<VarDecl>(r->getDecl());
        if (!(v->hasLocalStorage() || v->isStaticLocal()) || v == loopvar)
            continue;
        SourceLocation dl = SM_.getExpansionLoc(v->getLocation());
        if (in_main(dl) && off(dl) >= s.begin && off(dl) < s.end)
            continue;  // declared inside the task
        if (seen.insert(v).second) {
            order.push_back(v);
            first_use[v] = r->getLocation();
        }
    }
    // Explicit data sharing.
    std::map<std::string, Sharing> expl;
    DefaultKind def = DEF_SHARED;
    bool has_default = false;
    std::set<const VarDecl *> depbase;
    for (const Clause &c : d.clauses) {
        if (c.id == C_private_ || c.id == C_firstprivate || c.id == C_shared || c.id == C_reduction)
            for (auto &v : c.vars)
                expl[v.first] = c.id == C_private_ ? Sharing::Private
                               : c.id == C_firstprivate ? Sharing::FirstPrivate : Sharing::Shared;
        if (c.id == C_default_) {
            def = c.def;
            has_default = true;
        }
        for (const Ref &r : c.refs) {
            // The base variable: the first identifier of the root.
            for (unsigned i = r.root.b; i < r.root.e; i++) {
                const Token &t = s.prag->toks[i];
                if (!t.getIdentifierInfo())
                    continue;
                auto it = tokvar_.find(t.getLocation().getRawEncoding());
                if (it != tokvar_.end() && r.shape.empty())
                    depbase.insert(it->second);
                break;
            }
        }
    }
    for (const VarDecl *v : order) {
        Capture c;
        c.var = v;
        c.field = "f_" + v->getName().str();
        QualType t = v->getType();
        auto e = expl.find(v->getName().str());
        if (e != expl.end()) {
            c.how = e->second;
        } else if (v->isStaticLocal()) {
            c.how = Sharing::Shared;
        } else if (has_default && def == DEF_NONE) {
            error(first_use[v], "variable '" + v->getName().str() +
                                "' must be listed in private, firstprivate or shared: default(none) is in effect");
            u_.note(s.prag->hash, "default(none) given here");
            continue;
        } else if (has_default) {
            c.how = def == DEF_SHARED ? Sharing::Shared
                  : def == DEF_PRIVATE ? Sharing::Private : Sharing::FirstPrivate;
        } else if (t->isArrayType() || (depbase.count(v) && !t->isPointerType())) {
            c.how = Sharing::Shared;
        } else {
            c.how = Sharing::FirstPrivate;
        }
        if (local_type(t)) {
            std::vector<const Decl *> decls;
            bool ok = gather_local(t, decls);
            for (const Decl *d : decls) {
                auto *nd = cast<NamedDecl>(d);
                auto &h = hoist_[s.func];
                if (std::find(h.begin(), h.end(), d) != h.end())
                    continue;
                std::string key = (isa<TypedefNameDecl>(nd) ? "" : "struct ") + nd->getName().str();
                if (!hoisted_names_.insert(key).second)
                    ok = false;  // another function's type of the same name
                h.push_back(d);
            }
            if (!ok) {
                error(s.prag->hash, "cannot capture '" + v->getName().str() +
                                    "': its type is declared inside the function and cannot be moved "
                                    "to file scope (an unnamed struct, an enum, or a name used twice)");
                continue;
            }
            c.local = true;
        }
        if (t->isVariablyModifiedType() && c.how != Sharing::Shared && C_.getAsArrayType(t)) {
            error(s.prag->hash, "variable-length array '" + v->getName().str() +
                                "' can only be shared by a task");
            continue;
        }
        c.addr = c.how != Sharing::Shared && depbase.count(v) && !t->isPointerType() &&
                 !t->isVariablyModifiedType();
        s.caps.push_back(c);
    }
}

void Lowering::collect_edits() {
    // Sites as edits.
    for (size_t i = 0; i < sites_.size(); i++) {
        Edit e;
        e.b = sites_[i].begin;
        e.e = sites_[i].end;
        e.kind = Edit::SITE;
        e.site = int(i);
        edits_.push_back(e);
    }
    // Constants of function-local enums have no name at file scope, where
    // task bodies go: use their values.
    std::set<unsigned> done;
    for (const DeclRefExpr *r : found_.enums) {
        auto *ec = cast<EnumConstantDecl>(r->getDecl());
        std::string v = "(" + llvm::toString(ec->getInitVal(), 10) + ")";
        tokenum_[r->getLocation().getRawEncoding()] = v;
        SourceLocation l = r->getLocation();
        if (l.isMacroID()) {
            if (!SM_.isMacroArgExpansion(l))
                continue;
            l = SM_.getSpellingLoc(l);
        }
        if (!in_main(l) || !done.insert(off(l)).second)
            continue;
        Edit e;
        e.b = off(l);
        e.e = e.b + unsigned(ec->getName().size());
        e.kind = Edit::TEXT;
        e.text = v;
        edits_.push_back(e);
    }
    // Variable references inside task statements.
    for (const DeclRefExpr *r : found_.refs) {
        const VarDecl *v = cast<VarDecl>(r->getDecl());
        if (!(v->hasLocalStorage() || v->isStaticLocal()))
            continue;
        SourceLocation l = r->getLocation();
        SourceLocation x = SM_.getExpansionLoc(l);
        if (!in_main(x))
            continue;
        unsigned xo = off(x);
        bool inside = false;
        for (const Site &s : sites_)
            inside |= is_task_like(s.prag->dir.id) && xo >= s.stmt_begin && xo < s.stmt_end;
        if (!inside)
            continue;
        SourceLocation w = l;
        if (l.isMacroID()) {
            w = SM_.getSpellingLoc(l);
            if (!SM_.isMacroArgExpansion(l) || !in_main(w)) {
                // Spelled in a macro body: shared variables fall back to a
                // #define inside the outlined body.
                for (Site &s : sites_)
                    if (is_task_like(s.prag->dir.id) && xo >= s.stmt_begin && xo < s.stmt_end)
                        s.macro_shared.push_back(v->getName().str());
                continue;
            }
        }
        unsigned o = off(w);
        if (!done.insert(o).second)
            continue;
        Edit e;
        e.b = o;
        e.e = o + unsigned(v->getName().size());
        e.kind = Edit::VAR;
        e.var = v;
        edits_.push_back(e);
    }
}

bool Lowering::run(std::string &out) {
    Finder(found_).TraverseDecl(C_.getTranslationUnitDecl());
    for (const DeclRefExpr *r : found_.refs)
        tokvar_[r->getLocation().getRawEncoding()] = cast<VarDecl>(r->getDecl());
    collect_slot_exprs();
    for (auto &p : u_.pragmas)  // in source order; a target's clauses are its task's
        if (p->dir.id != D_target) {
            check_constraints(*p);
            check_files_failure(*p);
        }
    collect_sites();
    std::set<const Stmt *> reported;
    for (size_t i = 0; i < sites_.size(); i++) {
        Site &s = sites_[i];
        if (is_task_like(s.prag->dir.id))
            collect_captures(s);
        check_jumps(s, reported);
        if (s.prag->dir.id == D_taskloop)
            extras_[int(i)] = {{"__ss_kb", "long long"}, {"__ss_ke", "long long"},
                               {"__ss_lo", "long long"}, {"__ss_st", "long long"}};
        if (s.prag->dir.id == D_task || s.prag->dir.id == D_taskloop || s.prag->dir.id == D_taskwait)
            func_sites_[s.func].push_back(int(i));
    }
    collect_edits();
    collect_functasks();
    if (!ok_)
        return false;
    sort_edits();
    // Outlined code per enclosing function, innermost sites first. (The
    // insertions join the sorted edits only after all of it is generated.)
    std::vector<Edit> inserts;
    for (auto &fs : func_sites_) {
        std::vector<int> order = fs.second;
        std::sort(order.begin(), order.end(), [&](int a, int b) {
            if (sites_[a].end != sites_[b].end)
                return sites_[a].end < sites_[b].end;
            return sites_[a].begin > sites_[b].begin;
        });
        // Types declared inside the function that captures use, copied to
        // file scope (in source order); then a prototype, since the
        // enclosing function may call itself from a task body.
        std::string text;
        std::vector<const Decl *> hs = hoist_[fs.first];
        std::sort(hs.begin(), hs.end(), [&](const Decl *a, const Decl *b) {
            return off(a->getBeginLoc()) < off(b->getBeginLoc());
        });
        for (const Decl *d : hs) {
            unsigned b = off(d->getBeginLoc()), e = tok_end(d->getEndLoc());
            text += line_marker(b).substr(1) + buf_.substr(b, e - b).str() + ";\n";
        }
        const FunctionDecl *fd = fs.first;
        if (fd->getBody()) {
            SourceLocation db = SM_.getExpansionLoc(fd->getBeginLoc());
            SourceLocation bb = SM_.getExpansionLoc(fd->getBody()->getBeginLoc());
            if (in_main(db) && in_main(bb) && off(db) < off(bb) && fd->getNumParams() + 1 > 0 &&
                fd->hasPrototype())
                text += buf_.substr(off(db), off(bb) - off(db)).str() + ";\n";
        }
        for (int i : order)
            text += gen_outlined(i);
        SourceLocation fl = SM_.getExpansionLoc(fs.first->getBeginLoc());
        if (!in_main(fl)) {
            error(fl, "tasks inside functions defined in headers or macros are not supported");
            continue;
        }
        unsigned o = off(fl);
        while (o > 0 && buf_[o - 1] != '\n')
            o--;
        Edit e;
        e.b = e.e = o;
        e.kind = Edit::TEXT;
        e.text = text + line_marker(o).substr(1);
        inserts.push_back(e);
    }
    edits_.insert(edits_.end(), inserts.begin(), inserts.end());
    if (!ok_)
        return false;
    sort_edits();
    Ctx top;
    std::string body = render(0, unsigned(buf_.size()), top);
    if (!ok_)
        return false;
    out = "/* Translated by ssc from " + fname_ + "; do not edit. */\n"
          "#define _OMPSS 1\n#define _OMPSS_2 1\n#define __SSC__ 1\n"
          "#include \"ss_abi.h\"\n"
          "#if defined(__GNUC__) && !defined(__clang__) && defined(__OPTIMIZE__)\n"
          "#define __SS_GLUE static __attribute__((optimize(\"O1\")))\n"
          "#else\n#define __SS_GLUE static\n#endif\n";
    if (!criticals_.empty())
        out += "#include <pthread.h>\n";
    for (const std::string &m : criticals_)
        out += "__attribute__((weak)) pthread_mutex_t " + m + " = PTHREAD_MUTEX_INITIALIZER;\n";
    out += "__attribute__((constructor)) static void __ss_unit_check(void) { ss_abi_check(SS_ABI_VERSION, " +
           quoted_file() + "); }\n";
    out += "#line 1 " + quoted_file() + "\n" + body;
    if (!body.empty() && body.back() != '\n')
        out += "\n";
    return true;
}

bool Unit::lower(ASTContext &ctx, std::string &out) {
    Lowering l(*this, ctx);
    return l.run(out);
}

}  // namespace ssc
