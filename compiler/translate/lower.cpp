// lower.cpp - turns recorded pragmas and the AST into the translated file.
//
// The output is the user's file with edits: each task site (pragma plus
// statement) becomes creation code; references to captured variables inside
// task bodies are respelled per context (a shared variable is `(*__ssp_x)`
// inside its outlined body); calls of function tasks go to a spawn wrapper.
// Outlined functions are emitted before the enclosing function, innermost
// first. See docs/compiler.md for the generated shape and the data-sharing
// rules.
#include "lower.h"

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

void Unit::top_level(Decl *d) {
    if (pending.empty())
        return;
    SourceManager &SM = ci_.getSourceManager();
    PragmaRec *p = pending.front();
    if (!SM.isBeforeInTranslationUnit(p->hash, d->getBeginLoc()))
        return;  // a declaration before the pragma (lookahead)
    pending.erase(pending.begin());
    auto *fd = dyn_cast<FunctionDecl>(d);
    if (!fd) {
        error(p->hash, "a task pragma at file scope must precede a function declaration");
        return;
    }
    if (!pending.empty() && SM.isBeforeInTranslationUnit(pending.front()->hash, d->getBeginLoc())) {
        error(pending.front()->hash, "two task pragmas before one function declaration");
        pending.erase(pending.begin());
    }
    FuncTask ft;
    ft.prag = p;
    ft.fd = fd;
    functasks.push_back(ft);
}

void Unit::finish_pending() {
    for (PragmaRec *p : pending)
        error(p->hash, "a task pragma at file scope must precede a function declaration");
    pending.clear();
}

namespace {

struct Edit {
    unsigned b, e;
    enum Kind { VAR, TEXT, SITE } kind;
    const VarDecl *var = nullptr;
    std::string text;
    int site = -1;
};

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

struct Found {
    std::map<unsigned, const WhileStmt *> whiles;
    std::map<unsigned, const CallExpr *> calls;
    std::map<unsigned, const FunctionDecl *> funcs;
    std::vector<const DeclRefExpr *> refs;
    std::vector<const DeclRefExpr *> enums;  // constants of enums local to a function
    std::vector<const Stmt *> jumps;  // return, break, continue, goto
    std::vector<const CallExpr *> fcalls;
    std::vector<const FunctionDecl *> bodies;  // functions with bodies
};

class Finder : public RecursiveASTVisitor<Finder> {
public:
    explicit Finder(Found &f) : f_(f) {}
    bool TraverseFunctionDecl(FunctionDecl *fd) {
        const FunctionDecl *saved = cur_;
        if (fd->doesThisDeclarationHaveABody()) {
            cur_ = fd;
            f_.bodies.push_back(fd);
        }
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
    void collect_captures(Site &s, int idx);
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
    std::string deps(const PragmaRec &p, const Ctx &ctx, const char *sink) const;
    std::string one_ref(const PragmaRec &p, const Ref &r, DepKind k, const Ctx &ctx, const char *sink) const;
    std::string flags(const PragmaRec &p, const Ctx &ctx) const;
    std::string type_desc(const PragmaRec &p, unsigned num, const std::string &run, const std::string &label) const;

    // Task sites.
    Ctx body_ctx(const Site &s, std::string &prologue, std::string &fields);
    std::string fills(const Site &s, const Ctx &P);
    Ctx field_ctx(const Site &s, std::string &decls);
    std::string create(int idx, const Ctx &P);
    std::string gen_site(int idx, const Ctx &P);
    std::string gen_outlined(int idx);
    std::string gen_taskloop(int idx, const Ctx &P);
    std::string gen_atomic(int idx, const Ctx &P);
    std::string gen_functask(FuncTask &ft, std::string &proto);
};

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

std::string Lowering::decl(QualType t, const std::string &name) const {
    std::string s;
    llvm::raw_string_ostream os(s);
    t.print(os, pol_, name);
    return os.str();
}

// The declarations (inside a function) of the types that t uses, so that
// they can be copied to file scope before the outlined code; false if one
// cannot be (an unnamed struct, an enum, a declaration in a macro).
bool Lowering::gather_local(QualType t, std::vector<const Decl *> &out, int depth) const {
    if (depth > 16 || t.isNull())
        return depth <= 16;
    auto add = [&](const Decl *d) {
        if (std::find(out.begin(), out.end(), d) != out.end())
            return true;
        SourceRange r = d->getSourceRange();
        if (!in_main(r.getBegin()) || !in_main(r.getEnd()))
            return false;
        out.push_back(d);
        return true;
    };
    if (auto *tt = dyn_cast<TypedefType>(t.getTypePtr())) {
        const TypedefNameDecl *td = tt->getDecl();
        if (td->getDeclContext()->isFunctionOrMethod()) {
            if (!gather_local(td->getUnderlyingType(), out, depth + 1))
                return false;
            // Its own text defines an unnamed struct it names.
            if (auto *rt = td->getUnderlyingType()->getAs<RecordType>())
                if (rt->getDecl()->getTypedefNameForAnonDecl() == td)
                    out.erase(std::remove(out.begin(), out.end(), rt->getDecl()), out.end());
            return add(td);
        }
        return true;
    }
    if (auto *pt = t->getAs<PointerType>())
        return gather_local(pt->getPointeeType(), out, depth + 1);
    if (auto *at = C_.getAsArrayType(t))
        return gather_local(at->getElementType(), out, depth + 1);
    if (auto *et = t->getAs<ElaboratedType>())
        return gather_local(et->getNamedType(), out, depth + 1);
    if (auto *tt = t->getAs<TagType>()) {
        const TagDecl *d = tt->getDecl();
        if (!d->getDeclContext()->isFunctionOrMethod())
            return true;
        if (isa<EnumDecl>(d))
            return false;
        const RecordDecl *rd = cast<RecordDecl>(d)->getDefinition();
        if (!rd)
            return false;
        if (!rd->getIdentifier())
            return rd->getTypedefNameForAnonDecl() != nullptr;  // hoisted with its typedef
        for (const FieldDecl *f : rd->fields())
            if (f->getType()->isVariablyModifiedType() || !gather_local(f->getType(), out, depth + 1))
                return false;
        return add(rd);
    }
    return true;
}

bool Lowering::local_type(QualType t) const {
    for (int guard = 0; guard < 32 && !t.isNull(); guard++) {
        if (auto *td = t->getAs<TypedefType>())
            if (td->getDecl()->getDeclContext()->isFunctionOrMethod())
                return true;
        if (auto *tt = t->getAs<TagType>()) {
            if (tt->getDecl()->getDeclContext()->isFunctionOrMethod())
                return true;
            if (!tt->getDecl()->getIdentifier() && !tt->getDecl()->getTypedefNameForAnonDecl())
                return true;
        }
        if (auto *pt = t->getAs<PointerType>())
            t = pt->getPointeeType();
        else if (auto *at = C_.getAsArrayType(t))
            t = at->getElementType();
        else
            break;
    }
    return false;
}

// Extents of the variable-length arrays inside type t, outermost first,
// computed at run time from an object of that type spelled `path`.
void Lowering::vm_sizes(QualType t, const std::string &path, std::vector<std::string> &out) const {
    if (auto *pt = t->getAs<PointerType>()) {
        if (pt->getPointeeType()->isVariablyModifiedType())
            vm_sizes(pt->getPointeeType(), "(*" + path + ")", out);
    } else if (auto *at = C_.getAsArrayType(t)) {
        if (isa<VariableArrayType>(at))
            out.push_back("sizeof(" + path + ") / sizeof((" + path + ")[0])");
        vm_sizes(at->getElementType(), "(" + path + ")[0]", out);
    }
}

// A declarator for a variably modified type, its extents named __ss_vlaK in
// vm_sizes order, or (pretty) printed from the size expressions.
std::string Lowering::vm_decl(QualType t, const std::string &inner, unsigned &k, bool pretty) const {
    if (!t->isVariablyModifiedType())
        return decl(t, inner);
    if (auto *pt = t->getAs<PointerType>()) {
        QualType pointee = pt->getPointeeType();
        std::string q = t.getQualifiers().getAsString();
        std::string s = "*" + (q.empty() ? "" : q + " ") + inner;
        if (C_.getAsArrayType(pointee))
            s = "(" + s + ")";
        return vm_decl(pointee, s, k, pretty);
    }
    const ArrayType *at = C_.getAsArrayType(t);
    std::string dim;
    if (auto *ca = dyn_cast<ConstantArrayType>(at)) {
        dim = std::to_string(ca->getSize().getZExtValue());
    } else if (auto *va = dyn_cast<VariableArrayType>(at)) {
        if (pretty && va->getSizeExpr()) {
            llvm::raw_string_ostream os(dim);
            va->getSizeExpr()->printPretty(os, nullptr, pol_);
            os.flush();
        } else {
            dim = "__ss_vla" + std::to_string(k++);
        }
    }
    return vm_decl(at->getElementType(), inner + "[" + dim + "]", k, pretty);
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

static bool is_task_like(DirId d) { return d == D_task || d == D_taskloop; }

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

void Lowering::collect_captures(Site &s, int idx) {
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
        if (v->isStaticLocal() && c.how != Sharing::Shared) {
            // A static local is reachable only through its address.
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
    (void)idx;
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

// --- dependences -----------------------------------------------------------

static const char *dep_name(DepKind k) {
    switch (k) {
    case DK_IN: return "SS_DEP_IN";
    case DK_OUT: return "SS_DEP_OUT";
    case DK_INOUT: return "SS_DEP_INOUT";
    case DK_INOUTSET: return "SS_DEP_INOUTSET";
    case DK_MUTEXINOUTSET: return "SS_DEP_MUTEXINOUTSET";
    }
    return "SS_DEP_INOUT";
}

static bool has_deps(const Clause &c) {
    DepKind k;
    bool w;
    return clause_dep_kind(c.id, k, w) || c.id == C_depend;
}

std::string Lowering::dep_count(const PragmaRec &p, const Ctx &ctx) const {
    unsigned fixed = 0;
    std::string dyn;
    for (const Clause &c : p.dir.clauses) {
        if (!has_deps(c))
            continue;
        if (c.id == C_reduction) {
            fixed += unsigned(c.vars.size());
            continue;
        }
        for (const Ref &r : c.refs) {
            if (r.iters.empty()) {
                fixed++;
                continue;
            }
            std::string loops;
            for (const Iter &it : r.iters) {
                std::string lo = toks(p, it.lo, ctx), hi = toks(p, it.hi, ctx);
                loops += "for (int " + it.name + " = (" + lo + "); " + it.name +
                         (it.upper ? " <= (" + hi + ")" : " < (" + lo + ") + (" + hi + ")") +
                         "; " + it.name + "++) ";
            }
            dyn += " + ({ unsigned __ss_c = 0; " + loops + "__ss_c++; __ss_c; })";
        }
    }
    return std::to_string(fixed) + "u" + dyn;
}

std::string Lowering::one_ref(const PragmaRec &p, const Ref &r, DepKind k, const Ctx &ctx,
                              const char *task) const {
    std::string R = "(" + toks(p, r.root, ctx) + ")";
    // task == nullptr: #pragma oss release of the running task's region.
    std::string head = task ? std::string(task) + ", " + dep_name(k) + ", " : "";
    std::string fn = task ? "ss_abi_dep_" : "ss_abi_release_";
    if (r.secs.empty() && r.shape.empty())
        return fn + "object(" + head + "&" + R + ", sizeof " + R + "); ";
    if (r.secs.empty()) {  // shaped, whole
        std::string total = "sizeof(*" + R + ")";
        for (const Range &d : r.shape)
            total += " * (size_t)(" + toks(p, d, ctx) + ")";
        return fn + "object(" + head + R + ", " + total + "); ";
    }
    size_t K = r.secs.size();
    std::vector<std::string> ext(K);
    std::string elem, base;
    if (!r.shape.empty()) {
        for (size_t j = 0; j < K; j++)
            ext[j] = "(size_t)(" + toks(p, r.shape[j], ctx) + ")";
        elem = "sizeof(*" + R + ")";
        for (size_t j = K; j < r.shape.size(); j++)
            elem += " * (size_t)(" + toks(p, r.shape[j], ctx) + ")";
        base = R;
    } else {
        std::string zeros;
        for (size_t j = 0; j < K; j++) {
            std::string outer = R + zeros;
            zeros += "[0]";
            if (j == 0)  // 0 for a pointer: no extent
                ext[j] = "(__builtin_types_compatible_p(__typeof__(" + R + "), __typeof__(&" + R +
                         "[0])) ? 0 : sizeof " + R + " / (sizeof " + R + "[0] + 0))";
            else
                ext[j] = "sizeof " + outer + " / sizeof " + R + zeros;
        }
        elem = "sizeof " + R + zeros;
        base = "&" + R + zeros;
    }
    std::string sec;
    for (size_t j = 0; j < K; j++) {
        const Section &x = r.secs[j];
        std::string lo = x.lo.empty() ? "0" : "(" + toks(p, x.lo, ctx) + ")", len;
        if (x.kind == Section::INDEX)
            len = "1";
        else if (x.hi.empty())
            len = ext[j] + " - " + lo;
        else if (x.kind == Section::UPPER)
            len = "(" + toks(p, x.hi, ctx) + ") - " + lo + " + 1";
        else
            len = toks(p, x.hi, ctx);
        sec += (j ? ", " : "") + ext[j] + ", (size_t)" + lo + ", (size_t)(" + len + ")";
    }
    return fn + "sections(" + head + base + ", " + elem + ", " + std::to_string(K) +
           ", (const size_t[]){" + sec + "}); ";
}

std::string Lowering::deps(const PragmaRec &p, const Ctx &ctx, const char *sink) const {
    std::string s;
    for (const Clause &c : p.dir.clauses) {
        if (!has_deps(c))
            continue;
        DepKind k = c.dep;
        if (c.id == C_reduction) {
            for (auto &v : c.vars) {
                Range r{v.second, v.second + 1};
                std::string R = "(" + toks(p, r, ctx) + ")";
                s += sink ? "ss_abi_dep_object(" + std::string(sink) + ", " + dep_name(DK_MUTEXINOUTSET) +
                            ", &" + R + ", sizeof " + R + "); "
                          : "ss_abi_release_object(&" + R + ", sizeof " + R + "); ";
            }
            continue;
        }
        for (const Ref &r : c.refs) {
            std::string loops;
            for (const Iter &it : r.iters) {
                std::string lo = toks(p, it.lo, ctx), hi = toks(p, it.hi, ctx);
                loops += "for (int " + it.name + " = (" + lo + "); " + it.name +
                         (it.upper ? " <= (" + hi + ")" : " < (" + lo + ") + (" + hi + ")") +
                         "; " + it.name + "++) ";
            }
            s += loops + one_ref(p, r, k, ctx, sink) + " ";
        }
    }
    return s;
}

std::string Lowering::flags(const PragmaRec &p, const Ctx &ctx) const {
    std::string f = "0u";
    if (const Clause *c = p.dir.find(C_if_))
        f += " | ((" + toks(p, c->expr, ctx) + ") ? 0u : (unsigned)SS_TASK_UNDEFERRED)";
    if (const Clause *c = p.dir.find(C_final))
        f += " | ((" + toks(p, c->expr, ctx) + ") ? (unsigned)SS_TASK_FINAL : 0u)";
    if (p.dir.find(C_wait))
        f += " | (unsigned)SS_TASK_WAIT";
    return f;
}

std::string Lowering::type_desc(const PragmaRec &p, unsigned num, const std::string &run,
                                const std::string &label) const {
    PresumedLoc pl = SM_.getPresumedLoc(SM_.getExpansionLoc(p.hash));
    std::string file = fname_;
    unsigned line = pl.isValid() ? pl.getLine() : 0, col = pl.isValid() ? pl.getColumn() : 0;
    if (pl.isValid()) {
        file.clear();
        for (const char *c = pl.getFilename(); *c; c++) {
            if (*c == '"' || *c == '\\')
                file += '\\';
            file += *c;
        }
    } else {
        file = quoted_file();
        file = file.substr(1, file.size() - 2);
    }
    std::string lab = label;
    if (const Clause *c = p.dir.find(C_label))
        lab = c->text;
    return "static ss_task_type_t __ss_tt_" + std::to_string(num) + " = { .label = " + lab +
           ", .file = \"" + file + "\", .line = " + std::to_string(line) + ", .col = " +
           std::to_string(col) + ", .run = " + run + " };\n";
}

// --- inline tasks ----------------------------------------------------------

Ctx Lowering::body_ctx(const Site &s, std::string &prologue, std::string &fields) {
    Ctx B;
    unsigned k = 0, kd = 0;
    std::string unused;
    for (const Capture &c : s.caps) {
        QualType t = c.var->getType();
        std::string name = c.var->getName().str();
        bool vm = t->isVariablyModifiedType();
        std::vector<std::string> sizes;
        switch (c.how) {
        case Sharing::Shared: {
            QualType pt = C_.getPointerType(t);
            std::string pn = "__ssp_" + name;
            if (vm) {
                vm_sizes(pt, "x", sizes);
                for (size_t i = 0; i < sizes.size(); i++, kd++) {
                    fields += "size_t __ss_vla" + std::to_string(kd) + "; ";
                    prologue += "size_t __ss_vla" + std::to_string(kd) + " = __ss_a->__ss_vla" + std::to_string(kd) + "; ";
                }
                fields += "void *" + c.field + "; ";
                prologue += vm_decl(pt, pn, k, false) + " = __ss_a->" + c.field + "; ";
            } else {
                fields += decl(pt, c.field) + "; ";
                prologue += decl(pt, pn) + " = __ss_a->" + c.field + "; ";
            }
            B.spell[c.var] = "(*" + pn + ")";
            unused += "(void)" + pn + "; ";
            break;
        }
        case Sharing::FirstPrivate:
            if (vm) {
                vm_sizes(t, "x", sizes);
                for (size_t i = 0; i < sizes.size(); i++, kd++) {
                    fields += "size_t __ss_vla" + std::to_string(kd) + "; ";
                    prologue += "size_t __ss_vla" + std::to_string(kd) + " = __ss_a->__ss_vla" + std::to_string(kd) + "; ";
                }
                fields += "void *" + c.field + "; ";
                prologue += vm_decl(t, name, k, false) + " = __ss_a->" + c.field + "; ";
            } else if (t->isArrayType()) {
                fields += decl(t.getUnqualifiedType(), c.field) + "; ";
                prologue += decl(t, name) + "; __builtin_memcpy(&" + name + ", &__ss_a->" + c.field +
                            ", sizeof " + name + "); ";
            } else {
                fields += decl(t.getUnqualifiedType(), c.field) + "; ";
                prologue += decl(t, name) + " = __ss_a->" + c.field + "; ";
            }
            unused += "(void)" + name + "; ";
            break;
        case Sharing::Private:
            prologue += decl(t, name) + "; ";
            unused += "(void)" + name + "; ";
            break;
        }
    }
    for (const Capture &c : s.caps)
        if (c.addr)
            fields += "void *" + c.field + "_addr; ";
    for (const Extra &x : extras_[int(&s - &sites_[0])]) {
        fields += x.type + " " + x.name + "; ";
        prologue += x.type + " " + x.name + " = __ss_a->" + x.name + "; ";
        unused += "(void)" + x.name + "; ";
    }
    if (fields.empty())
        fields = "char __ss_unused; ";
    prologue += unused;
    return B;
}

// Spellings that read captures straight from the argument block __ss_a.
Ctx Lowering::field_ctx(const Site &s, std::string &decls) {
    Ctx F;
    unsigned k = 0, kd = 0;
    for (const Capture &c : s.caps) {
        QualType t = c.var->getType();
        std::string name = c.var->getName().str();
        std::vector<std::string> sizes;
        if (t->isVariablyModifiedType()) {
            QualType dt = c.how == Sharing::Shared ? C_.getPointerType(t) : t;
            vm_sizes(dt, "x", sizes);
            for (size_t i = 0; i < sizes.size(); i++, kd++)
                decls += "size_t __ss_vla" + std::to_string(kd) + " = __ss_a->__ss_vla" +
                         std::to_string(kd) + "; ";
            std::string ln = c.how == Sharing::Shared ? "__ssp_" + name : name;
            if (c.how != Sharing::Private) {
                decls += vm_decl(dt, ln, k, false) + " = __ss_a->" + c.field + "; (void)" + ln + "; ";
                F.spell[c.var] = c.how == Sharing::Shared ? "(*" + ln + ")" : ln;
            }
            continue;
        }
        if (c.addr) {  // the dependence is on the creator's object, not the copy
            F.spell[c.var] = "(*(" + decl(C_.getPointerType(t), "") + ")__ss_a->" + c.field + "_addr)";
            continue;
        }
        switch (c.how) {
        case Sharing::Shared: F.spell[c.var] = "(*__ss_a->" + c.field + ")"; break;
        case Sharing::FirstPrivate: F.spell[c.var] = "(__ss_a->" + c.field + ")"; break;
        case Sharing::Private: decls += decl(t, name) + "; (void)" + name + "; "; break;
        }
    }
    return F;
}

std::string Lowering::fills(const Site &s, const Ctx &P) {
    std::string f;
    unsigned kd = 0;
    for (const Capture &c : s.caps) {
        QualType t = c.var->getType();
        std::string v = "(" + P.get(c.var) + ")";
        bool vm = t->isVariablyModifiedType();
        std::vector<std::string> sizes;
        if (c.addr)
            f += "__ss_a->" + c.field + "_addr = (void *)&" + v + "; ";
        if (c.local) {  // the hoisted copy of the type is another type to C
            if (c.how == Sharing::Shared)
                f += "__ss_a->" + c.field + " = (void *)&" + v + "; ";
            else if (c.how == Sharing::FirstPrivate && t->isPointerType())
                f += "__ss_a->" + c.field + " = (void *)" + v + "; ";
            else if (c.how == Sharing::FirstPrivate)
                f += "__builtin_memcpy(&__ss_a->" + c.field + ", &" + v + ", sizeof __ss_a->" + c.field + "); ";
            continue;
        }
        switch (c.how) {
        case Sharing::Shared:
            if (vm) {
                vm_sizes(C_.getPointerType(t), "(&" + v + ")", sizes);
                for (auto &z : sizes)
                    f += "__ss_a->__ss_vla" + std::to_string(kd++) + " = " + z + "; ";
                f += "__ss_a->" + c.field + " = (void *)&" + v + "; ";
            } else {
                f += "__ss_a->" + c.field + " = &" + v + "; ";
            }
            break;
        case Sharing::FirstPrivate:
            if (vm) {
                vm_sizes(t, v, sizes);
                for (auto &z : sizes)
                    f += "__ss_a->__ss_vla" + std::to_string(kd++) + " = " + z + "; ";
                f += "__ss_a->" + c.field + " = (void *)" + v + "; ";
            } else if (t->isArrayType()) {
                f += "__builtin_memcpy(&__ss_a->" + c.field + ", &" + v + ", sizeof __ss_a->" + c.field + "); ";
            } else {
                f += "__ss_a->" + c.field + " = " + v + "; ";
            }
            break;
        case Sharing::Private:
            break;
        }
    }
    for (const Extra &x : extras_[int(&s - &sites_[0])])
        f += "__ss_a->" + x.name + " = " + x.name + "; ";
    return f;
}

static bool has_deps(const Clause &c);

static bool any_deps(const PragmaRec &p) {
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
    o += type_desc(p, s.num, "__ss_run_" + N, "0");
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

// --- function tasks --------------------------------------------------------

std::string Lowering::gen_functask(FuncTask &ft, std::string &proto) {
    const FunctionDecl *fd = ft.fd;
    const PragmaRec &p = *ft.prag;
    std::string name = fd->getName().str(), N = std::to_string(ft.num);
    std::string params, args, fields, locals, vmlocals, fill, unused;
    for (unsigned i = 0; i < fd->getNumParams(); i++) {
        const ParmVarDecl *pv = fd->getParamDecl(i);
        std::string pn = pv->getName().empty() ? "__ss_p" + std::to_string(i) : pv->getName().str();
        QualType t = pv->getType();
        bool vm = t->isVariablyModifiedType();
        unsigned k = 0;
        std::string d = vm ? vm_decl(t, pn, k, true) : decl(t, pn);
        params += (i ? ", " : "") + d;
        args += (i ? ", " : "") + pn;
        std::string f = "f_" + std::to_string(i);
        if (vm) {
            fields += "void *" + f + "; ";
            vmlocals += d + " = __ss_a->" + f + "; ";
            fill += "__ss_a->" + f + " = (void *)" + pn + "; ";
        } else {
            fields += decl(t.getUnqualifiedType(), f) + "; ";
            locals += d + " = __ss_a->" + f + "; ";
            fill += "__ss_a->" + f + " = " + pn + "; ";
        }
        unused += "(void)" + pn + "; ";
    }
    if (fd->getNumParams() == 0)
        params = "void";
    if (fields.empty())
        fields = "char __ss_unused; ";
    std::string spawn = "__ss_spawn_" + name;
    proto = "static void " + spawn + "(" + params + ");";
    Ctx none;
    std::string o = "struct __ss_fargs_" + N + " { " + fields + "};\n";
    std::string head = "struct __ss_fargs_" + N + " *__ss_a = (struct __ss_fargs_" + N + " *)__ss_v; ";
    o += "__SS_GLUE void __ss_frun_" + N + "(void *__ss_v) { " + head;
    if (const Clause *c = p.dir.find(C_onready))  // with the parameters as locals
        o += locals + vmlocals + unused + "(void)(" + toks(p, c->expr, none) + "); ";
    o += name + "(";
    for (unsigned i = 0; i < fd->getNumParams(); i++)
        o += std::string(i ? ", " : "") + "__ss_a->f_" + std::to_string(i);
    o += "); }\n";
    if (any_deps(p))
        o += "__SS_GLUE void __ss_fdeps_" + N + "(ss_task_t __ss_t, void *__ss_v) { " + head + locals +
             vmlocals + unused + deps(p, none, "__ss_t") + "}\n";
    o += type_desc(p, ft.num, "__ss_frun_" + N, "\"" + name + "\"");
    std::string prio = "0";
    if (const Clause *pr = p.dir.find(C_priority))
        prio = "(int)(" + toks(p, pr->expr, none) + ")";
    o += "__SS_GLUE void " + spawn + "(" + params + ") { struct __ss_fargs_" + N + " __ss_s, *__ss_a = &__ss_s; " +
         fill + "ss_abi_spawn(&__ss_tt_" + N + ", __ss_a, sizeof __ss_s, " + dep_count(p, none) + ", " +
         flags(p, none) + ", " + prio + ", " + (any_deps(p) ? "__ss_fdeps_" + N : std::string("0")) + "); }\n";
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
            unsigned end;
            unsigned b;
            if (fd->doesThisDeclarationHaveABody()) {
                end = tok_end(SM_.getExpansionLoc(fd->getEndLoc()));
            } else {
                (void)b;
                end = tok_end(SM_.getExpansionLoc(fd->getEndLoc()));
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
        if (l.isMacroID()) {
            if (!SM_.isMacroArgExpansion(l)) {
                u_.warning(SM_.getExpansionLoc(l), "call of function task '" + callee->getName().str() +
                                                   "' inside a macro body runs as a plain call");
                continue;
            }
            l = SM_.getSpellingLoc(l);
        }
        if (!in_main(l))
            continue;
        const FuncTask &ft = *it->second;
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

bool Lowering::run(std::string &out) {
    Finder(found_).TraverseDecl(C_.getTranslationUnitDecl());
    for (const DeclRefExpr *r : found_.refs)
        tokvar_[r->getLocation().getRawEncoding()] = cast<VarDecl>(r->getDecl());
    collect_sites();
    std::set<const Stmt *> reported;
    for (size_t i = 0; i < sites_.size(); i++) {
        Site &s = sites_[i];
        if (is_task_like(s.prag->dir.id))
            collect_captures(s, int(i));
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

}  // namespace

bool Unit::lower(ASTContext &ctx, std::string &out) {
    Lowering l(*this, ctx);
    return l.run(out);
}

}  // namespace ssc
