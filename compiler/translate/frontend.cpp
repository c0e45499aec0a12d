// frontend.cpp - ssc-translate's command line, the pragma handlers and the
// Clang front-end action.
//
// A pragma cannot become an AST node from outside the parser, so the handler
// records it and injects ordinary C tokens in its place: inside a function,
//     while (__ss_mark(ID, <clause expressions>)) <the next statement>
// for directives that apply to a statement, and
//     __ss_mark(ID, <clause expressions>);
// for standalone ones. Clang then parses every clause expression in the
// scope of the pragma (names resolve, types check, diagnostics point at the
// user's text), and lower.cpp finds the marker by ID. At file scope (a
// function task) nothing is injected: the declaration that follows is the
// task.
#include "lower.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/Pragma.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Sema/Sema.h"
#include "clang/Sema/SemaConsumer.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdio>
#include <cstring>

#ifndef SSC_CLANG_RESOURCE_DIR
#define SSC_CLANG_RESOURCE_DIR "/usr/lib/llvm-14/lib/clang/14.0.6"
#endif

using namespace clang;

namespace ssc {
namespace {

struct Options {
    std::string input, output;
    unsigned spellings = SP_OSS | SP_OMP;
};

class Handler : public PragmaHandler {
public:
    Handler(const char *name, Spelling sp, Unit &u)
        : PragmaHandler(name), sp_(sp), u_(u) {}

    void HandlePragma(Preprocessor &PP, PragmaIntroducer intro, Token &) override;

private:
    Spelling sp_;
    Unit &u_;
};

// Builds the injected token stream.
class Injector {
public:
    explicit Injector(Preprocessor &pp) : pp_(pp) {}
    std::vector<Token> out;

    void word(const char *w, SourceLocation l) {
        Token t;
        t.startToken();
        IdentifierInfo *ii = pp_.getIdentifierInfo(w);
        t.setIdentifierInfo(ii);
        t.setKind(ii->getTokenID());
        t.setLocation(l);
        t.setLength(0);
        out.push_back(t);
    }
    void punct(tok::TokenKind k, SourceLocation l) {
        Token t;
        t.startToken();
        t.setKind(k);
        t.setLocation(l);
        t.setLength(0);
        out.push_back(t);
    }
    void number(unsigned v) {
        Token t;
        t.startToken();
        t.setKind(tok::numeric_constant);
        std::string s = std::to_string(v);
        pp_.CreateString(s, t);
        out.push_back(t);
    }
    void copy(const std::vector<Token> &toks, Range r) {
        for (unsigned i = r.b; i < r.e; i++)
            out.push_back(toks[i]);
    }
    // ((void)(expr), 0)
    void expr_slot(const std::vector<Token> &toks, Range r) {
        SourceLocation l = toks[r.b].getLocation();
        punct(tok::comma, l);
        punct(tok::l_paren, l);
        voidcast(toks, r, l);
        punct(tok::comma, l);
        number(0);
        punct(tok::r_paren, l);
    }
    void voidcast(const std::vector<Token> &toks, Range r, SourceLocation l) {
        punct(tok::l_paren, l);
        word("void", l);
        punct(tok::r_paren, l);
        punct(tok::l_paren, l);
        copy(toks, r);
        punct(tok::r_paren, l);
    }
    void stmt_voidcast(const std::vector<Token> &toks, Range r) {
        if (r.empty())
            return;
        voidcast(toks, r, toks[r.b].getLocation());
        punct(tok::semi, toks[r.b].getLocation());
    }
    // , ({ <iterators> <checks>; 0; })
    void ref_slot(const std::vector<Token> &toks, const Ref &ref) {
        SourceLocation l = toks[ref.all.b].getLocation();
        punct(tok::comma, l);
        punct(tok::l_paren, l);
        punct(tok::l_brace, l);
        for (const Iter &it : ref.iters) {
            SourceLocation il = toks[it.name_tok].getLocation();
            word("int", il);
            word(it.name.c_str(), il);
            punct(tok::equal, il);
            punct(tok::l_paren, il);
            copy(toks, it.lo);
            punct(tok::r_paren, il);
            punct(tok::semi, il);
            stmt_voidcast(toks, it.hi);
        }
        for (const Range &s : ref.shape)
            stmt_voidcast(toks, s);
        SourceLocation rl = toks[ref.root.b].getLocation();
        punct(tok::l_paren, rl);
        word("void", rl);
        punct(tok::r_paren, rl);
        if (!ref.shape.empty())
            punct(tok::star, rl);         // a pointer (or array) to shape
        else if (ref.secs.empty())
            punct(tok::amp, rl);          // an lvalue
        punct(tok::l_paren, rl);
        copy(toks, ref.root);
        punct(tok::r_paren, rl);
        if (ref.shape.empty() && !ref.secs.empty()) {  // subscriptable
            punct(tok::l_square, rl);
            number(0);
            punct(tok::r_square, rl);
        }
        punct(tok::semi, rl);
        for (const Section &s : ref.secs) {
            stmt_voidcast(toks, s.lo);
            stmt_voidcast(toks, s.hi);
        }
        number(0);
        punct(tok::semi, l);
        punct(tok::r_brace, l);
        punct(tok::r_paren, l);
    }
    // , ({ (void)sizeof(v); ... 0; })
    void vars_slot(const std::vector<Token> &toks, const Clause &c) {
        SourceLocation l = toks[c.tok].getLocation();
        punct(tok::comma, l);
        punct(tok::l_paren, l);
        punct(tok::l_brace, l);
        for (auto &v : c.vars) {
            SourceLocation vl = toks[v.second].getLocation();
            punct(tok::l_paren, vl);
            word("void", vl);
            punct(tok::r_paren, vl);
            word("sizeof", vl);
            punct(tok::l_paren, vl);
            out.push_back(toks[v.second]);
            punct(tok::r_paren, vl);
            punct(tok::semi, vl);
        }
        number(0);
        punct(tok::semi, l);
        punct(tok::r_brace, l);
        punct(tok::r_paren, l);
    }
    // __ss_mark(ID, <a slot per clause expression, reference or variable>)
    // (without data-sharing variables on a function task: they are ignored)
    void marker(const PragmaRec &rec, SourceLocation l, bool functask) {
        const std::vector<Token> &toks = rec.toks;
        word("__ss_mark", l);
        punct(tok::l_paren, l);
        number(rec.id);
        for (const Clause &c : rec.dir.clauses) {
            switch (kClauses[c.id].arg) {
            case A_EXPR:
            case A_FUNC: expr_slot(toks, c.expr); break;
            case A_EXPRS:
                for (const Range &r : c.exprs)
                    expr_slot(toks, r);
                break;
            case A_CONSTRAINTS:
                for (const Constraint &k : c.cons)
                    expr_slot(toks, k.value);
                break;
            case A_POLICY:
                if (!c.expr.empty())
                    expr_slot(toks, c.expr);
                break;
            case A_REFS:
            case A_DEPEND:
                for (const Ref &r : c.refs)
                    ref_slot(toks, r);
                break;
            case A_VARS:
                if (!functask)
                    vars_slot(toks, c);
                break;
            case A_REDUCTION: vars_slot(toks, c); break;
            default: break;
            }
        }
        punct(tok::r_paren, l);
    }
    void enter() {
        auto buf = std::make_unique<Token[]>(out.size());
        std::copy(out.begin(), out.end(), buf.get());
        pp_.EnterTokenStream(std::move(buf), out.size(),
                             /*DisableMacroExpansion=*/true, /*IsReinject=*/false);
    }

private:
    Preprocessor &pp_;
};

// Clauses that only a function task takes: devices, versions, programs.
bool functask_only(ClauseId c) {
    switch (c) {
    case C_device: case C_ndrange: case C_implements: case C_binary: case C_args:
    case C_workdir: case C_stdin_: case C_stdout_: case C_stderr_: case C_fail_by_exit_value:
    case C_mpi: case C_processes: case C_processes_per_node:
        return true;
    default:
        return false;
    }
}

// Parse the tokens of rec (rec->toks) into rec->dir; false after reporting.
bool parse_rec(Unit &u, Preprocessor &PP, PragmaRec &rec, Spelling sp) {
    std::vector<Tok> toks;
    for (const Token &ct : rec.toks) {
        Tok k;
        if (IdentifierInfo *ii = ct.getIdentifierInfo()) {
            k.kind = Tok::Ident;
            k.text = ii->getName().str();
        } else {
            k.text = PP.getSpelling(ct);
            k.kind = ct.is(tok::numeric_constant) ? Tok::Number
                   : tok::isStringLiteral(ct.getKind()) ? Tok::String
                   : tok::getPunctuatorSpelling(ct.getKind()) ? Tok::Punct : Tok::Other;
        }
        toks.push_back(k);
    }
    ParseError err;
    rec.dir = Directive();
    if (parse_directive(toks, sp, rec.dir, err))
        return true;
    SourceLocation l = err.tok < rec.toks.size() ? rec.toks[err.tok].getLocation() : rec.eod;
    u.error(l, err.message);
    if (!err.note.empty())
        u.note(l, err.note);
    return false;
}

void Handler::HandlePragma(Preprocessor &PP, PragmaIntroducer intro, Token &) {
    auto rec = std::make_unique<PragmaRec>();
    rec->spelling = sp_;
    rec->hash = intro.Loc;
    Token t;
    PP.Lex(t);
    while (t.isNot(tok::eod) && t.isNot(tok::eof)) {
        rec->toks.push_back(t);
        PP.Lex(t);
    }
    rec->eod = t.getLocation();
    rec->file_scope = u_.brace_depth == 0;
    PragmaRec *target = u_.pending_target;
    bool ok = parse_rec(u_, PP, *rec, sp_);
    if (ok && target && rec->dir.id == D_task && rec->file_scope) {
        // The target's clauses join the task's, as if written first on it.
        std::vector<Token> own = rec->toks;
        rec->toks.assign(own.begin(), own.begin() + 1);
        rec->toks.insert(rec->toks.end(), target->toks.begin() + 1, target->toks.end());
        rec->toks.insert(rec->toks.end(), own.begin() + 1, own.end());
        u_.pending_target = nullptr;
        rec->target = target;
        ok = parse_rec(u_, PP, *rec, sp_);
    } else if (target && ok) {
        u_.error(target->hash, kTargetAlone);
        u_.pending_target = nullptr;
    }
    if (!ok) {
        u_.pending_target = nullptr;  // its task pragma was wrong: one error is enough
        return;
    }
    rec->id = unsigned(u_.pragmas.size());
    Form form = kDirectives[rec->dir.id].form;
    if (form == F_TARGET) {
        if (!rec->file_scope) {
            u_.error(intro.Loc, kTargetAlone);
            return;
        }
        u_.pending_target = rec.get();
        u_.pragmas.push_back(std::move(rec));
        return;
    }
    if (rec->file_scope) {
        if (form != F_TASK) {
            u_.error(intro.Loc, std::string("'") + kDirectives[rec->dir.id].name +
                                "' must appear inside a function body");
            return;
        }
        if (!u_.capture.rec) {  // the check function follows the declaration
            u_.capture = DeclCapture();
            u_.capture.rec = rec.get();
        }
        u_.pending.push_back(rec.get());
        u_.pragmas.push_back(std::move(rec));
        return;
    }
    for (const Clause &c : rec->dir.clauses)
        if (functask_only(c.id)) {
            u_.error(rec->toks[c.tok].getLocation(),
                     std::string("'") + kClauses[c.id].name +
                     "' applies only to a function task (a task pragma before a function declaration)");
            return;
        }
    // Inside a function: inject the marker.
    Injector inj(PP);
    SourceLocation l = rec->toks.empty() ? intro.Loc : rec->toks[0].getLocation();
    bool standalone = form == F_STANDALONE;
    if (!standalone) {
        inj.word("while", l);
        inj.punct(tok::l_paren, l);
    }
    inj.marker(*rec, l, false);
    if (standalone)
        inj.punct(tok::semi, l);
    else
        inj.punct(tok::r_paren, l);
    u_.pragmas.push_back(std::move(rec));
    inj.enter();
}

// Takes over `omp` from clang's parser once it exists (see REFERENCE §8):
// remove by name, then add ours under the same name; the parser's own
// removal at the end then finds ours by name and only releases it.
class Consumer : public SemaConsumer {
public:
    Consumer(CompilerInstance &ci, const Options &o)
        : ci_(ci), opt_(o), unit_(ci), oss_("oss", SP_OSS, unit_), omp_("omp", SP_OMP, unit_) {}

    void InitializeSema(Sema &) override {
        Preprocessor &PP = ci_.getPreprocessor();
        PP.AddPragmaHandler(&oss_);
        if (opt_.spellings & SP_OMP) {
            EmptyPragmaHandler byname("omp");
            PP.RemovePragmaHandler(&byname);
            PP.AddPragmaHandler(&omp_);
        }
    }
    bool HandleTopLevelDecl(DeclGroupRef g) override {
        for (Decl *d : g)
            if (FuncTask *ft = unit_.top_level(d))
                check_function(*ft);
        return true;
    }
    // Every token the parser reads: the brace depth, and the capture of the
    // declaration after a function-task pragma.
    void on_token(const Token &t);
    void HandleTranslationUnit(ASTContext &ctx) override {
        ci_.getPreprocessor().RemovePragmaHandler(&oss_);
        unit_.finish_pending();
        if (ci_.getDiagnostics().hasErrorOccurred())
            return;
        std::string text;
        if (!unit_.lower(ctx, text))
            return;
        std::error_code ec;
        llvm::raw_fd_ostream os(opt_.output, ec);
        if (ec) {
            llvm::errs() << "ssc-translate: error: cannot write '" << opt_.output
                         << "': " << ec.message() << "\n";
            failed = true;
            return;
        }
        os << text;
    }
    bool failed = false;
    Unit &unit() { return unit_; }

private:
    CompilerInstance &ci_;
    const Options &opt_;
    Unit unit_;
    Handler oss_, omp_;

    bool find_params(DeclCapture &c) const;
    void check_function(const FuncTask &ft);
};

// The declaration's parameter list: the parentheses after the first plain
// identifier at the outer level, followed only by attributes or an asm
// label before the final ';' or '{' (no K&R declarations, no other
// declarator). False if there is none.
bool Consumer::find_params(DeclCapture &c) const {
    const std::vector<Token> &t = c.toks;
    size_t last = t.size() - 1, i = 0;
    auto close_of = [&](size_t open) {
        int depth = 0;
        for (size_t j = open; j < last; j++) {
            depth += t[j].is(tok::l_paren) ? 1 : t[j].is(tok::r_paren) ? -1 : 0;
            if (depth == 0)
                return j;
        }
        return last;
    };
    for (int depth = 0; i + 1 < last; i++) {
        if (depth == 0 && t[i].is(tok::identifier) && t[i + 1].is(tok::l_paren))
            break;
        depth += t[i].is(tok::l_paren) ? 1 : t[i].is(tok::r_paren) ? -1 : 0;
    }
    if (i + 1 >= last)
        return false;
    c.group_b = unsigned(i + 1);
    c.group_e = unsigned(close_of(i + 1));
    for (size_t j = c.group_e + 1; j < last; j = close_of(j + 1) + 1)
        if (!(t[j].is(tok::kw___attribute) || t[j].is(tok::kw_asm)) || !t[j + 1].is(tok::l_paren))
            return false;
    return c.group_e < last;
}

// At the end of the declaration (the ';' of a prototype or the '}' of a
// definition) one more ';' goes in: it is the parser's lookahead when it
// hands the declaration over, so the check function that HandleTopLevelDecl
// injects comes right after it, before the rest of the file.
void Consumer::on_token(const Token &t) {
    unsigned &depth = unit_.brace_depth;
    if (t.is(tok::l_brace))
        ++depth;
    else if (t.is(tok::r_brace) && depth)
        --depth;
    DeclCapture &c = unit_.capture;
    if (!c.rec)
        return;
    bool end = false;
    if (t.is(tok::eof)) {
        c.rec = nullptr;
        return;
    } else if (c.body) {
        end = t.is(tok::r_brace) && depth == 0;
    } else {
        c.toks.push_back(t);
        if (t.is(tok::l_paren) || t.is(tok::r_paren)) {
            c.paren += t.is(tok::l_paren) ? 1 : -1;
        } else if (c.paren == 0 && ((t.is(tok::semi) && depth == 0) || (t.is(tok::l_brace) && depth == 1))) {
            if (!find_params(c))
                c.rec = nullptr;  // not a function declaration: the lowering says so
            else if (t.is(tok::semi))
                end = true;
            else
                c.body = true;
        }
    }
    if (!end)
        return;
    Injector inj(ci_.getPreprocessor());
    inj.punct(tok::semi, t.getLocation());
    inj.enter();
    c.done = c.rec;
    c.rec = nullptr;
}

// After the declaration of a function task,
//     static void __ss_chk_ID(<its parameters>) { __ss_mark(ID, ...); }
// so that Clang parses the clause expressions with the parameters in scope
// (unnamed ones get the names the lowering gives them). It is not part of
// the output, which is made of the file's text.
void Consumer::check_function(const FuncTask &ft) {
    DeclCapture &c = unit_.capture;
    if (c.done != ft.prag)
        return;
    c.done = nullptr;
    // The parameter list with its ')', where the name of an unnamed last
    // parameter goes.
    std::vector<Token> params(c.toks.begin() + c.group_b + 1, c.toks.begin() + c.group_e + 1);
    Injector inj(ci_.getPreprocessor());
    for (unsigned i = 0; i < ft.fd->getNumParams(); i++) {
        const ParmVarDecl *pv = ft.fd->getParamDecl(i);
        if (!pv->getName().empty())
            continue;
        auto at = std::find_if(params.begin(), params.end(), [&](const Token &p) {
            return p.getLocation() == pv->getLocation();
        });
        if (at == params.end())
            return;  // not where clang says: no check
        inj.out.clear();
        inj.word(("__ss_p" + std::to_string(i)).c_str(), pv->getLocation());
        params.insert(at, inj.out[0]);
    }
    const PragmaRec &rec = *ft.prag;
    SourceLocation l = rec.toks.empty() ? rec.hash : rec.toks[0].getLocation();
    inj.out.clear();
    inj.word("static", l);
    inj.word("void", l);
    inj.word(("__ss_chk_" + std::to_string(rec.id)).c_str(), l);
    inj.punct(tok::l_paren, l);
    inj.out.insert(inj.out.end(), params.begin(), params.end());
    inj.punct(tok::l_brace, l);
    inj.marker(rec, l, true);
    inj.punct(tok::semi, l);
    inj.punct(tok::r_brace, l);
    inj.enter();
}

class Action : public ASTFrontendAction {
public:
    explicit Action(const Options &o, bool &failed) : opt_(o), failed_(failed) {}

protected:
    std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &ci, StringRef) override {
        auto c = std::make_unique<Consumer>(ci, opt_);
        consumer_ = c.get();
        Preprocessor &PP = ci.getPreprocessor();
        PP.setPredefines(PP.getPredefines() + "\n" + Unit::predefines());
        Consumer *cp = c.get();
        PP.setTokenWatcher([cp](const Token &t) { cp->on_token(t); });
        return c;
    }
    void EndSourceFileAction() override {
        if (consumer_ && consumer_->failed)
            failed_ = true;
    }

private:
    const Options &opt_;
    bool &failed_;
    Consumer *consumer_ = nullptr;
};

class Factory : public tooling::FrontendActionFactory {
public:
    Factory(const Options &o, bool &f) : opt_(o), failed_(f) {}
    std::unique_ptr<FrontendAction> create() override {
        return std::make_unique<Action>(opt_, failed_);
    }

private:
    const Options &opt_;
    bool &failed_;
};

int usage(int rc) {
    fprintf(rc ? stderr : stdout,
            "usage: ssc-translate INPUT.c -o OUTPUT.c [--spelling=oss|both] [-- CLANG_ARGS...]\n"
            "Translates OmpSs pragmas (#pragma oss, and #pragma omp with --spelling=both,\n"
            "the default) into calls to the ss runtime (ss_abi.h).\n");
    return rc;
}

}  // namespace
}  // namespace ssc

int main(int argc, char **argv) {
    using namespace ssc;
    Options opt;
    std::vector<std::string> cargs = {"-xc", "-Wno-unknown-pragmas"};
    bool have_resource = false, have_std = false;
    int i = 1;
    for (; i < argc; i++) {
        std::string a = argv[i];
        if (a == "--") {
            i++;
            break;
        }
        if (a == "-o" && i + 1 < argc)
            opt.output = argv[++i];
        else if (a == "--spelling=oss")
            opt.spellings = SP_OSS;
        else if (a == "--spelling=both")
            opt.spellings = SP_OSS | SP_OMP;
        else if (a == "--help" || a == "-h")
            return usage(0);
        else if (!a.empty() && a[0] == '-')
            return fprintf(stderr, "ssc-translate: error: unknown option '%s'\n", a.c_str()), usage(1);
        else if (opt.input.empty())
            opt.input = a;
        else
            return fprintf(stderr, "ssc-translate: error: more than one input\n"), 1;
    }
    for (; i < argc; i++) {
        std::string a = argv[i];
        have_resource |= a.rfind("-resource-dir", 0) == 0;
        have_std |= a.rfind("-std=", 0) == 0;
        cargs.push_back(a);
    }
    if (opt.input.empty() || opt.output.empty())
        return usage(1);
    // The C compiler warns about the user's code; the translator reports
    // only its own diagnostics and errors (no warning twice).
    cargs.push_back("-Wno-everything");
    if (!have_resource)
        cargs.push_back("-resource-dir=" SSC_CLANG_RESOURCE_DIR);
    if (!have_std)
        cargs.push_back("-std=gnu17");
    bool failed = false;
    std::vector<std::string> srcs = {opt.input};
    clang::tooling::FixedCompilationDatabase cdb(".", cargs);
    clang::tooling::ClangTool tool(cdb, srcs);
    // The diagnostics name the file already; no "Error while processing".
    tool.setPrintErrorMessage(false);
    Factory f(opt, failed);
    int rc = tool.run(&f);
    if (rc || failed)
        return 1;
    return 0;
}
