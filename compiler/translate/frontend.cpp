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

private:
    Preprocessor &pp_;
};

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
    std::vector<Tok> toks;
    for (const Token &ct : rec->toks) {
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
    if (!parse_directive(toks, sp_, rec->dir, err)) {
        SourceLocation l = err.tok < rec->toks.size() ? rec->toks[err.tok].getLocation() : rec->eod;
        u_.error(l, err.message);
        if (!err.note.empty())
            u_.note(l, err.note);
        return;
    }
    rec->file_scope = u_.brace_depth == 0;
    rec->id = unsigned(u_.pragmas.size());
    Form form = kDirectives[rec->dir.id].form;
    if (rec->file_scope) {
        if (form != F_TASK) {
            u_.error(intro.Loc, std::string("'") + kDirectives[rec->dir.id].name +
                                "' must appear inside a function body");
            return;
        }
        u_.pending.push_back(rec.get());
        u_.pragmas.push_back(std::move(rec));
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
    inj.word("__ss_mark", l);
    inj.punct(tok::l_paren, l);
    inj.number(rec->id);
    for (const Clause &c : rec->dir.clauses) {
        switch (kClauses[c.id].arg) {
        case A_EXPR: inj.expr_slot(rec->toks, c.expr); break;
        case A_REFS:
        case A_DEPEND:
            for (const Ref &r : c.refs)
                inj.ref_slot(rec->toks, r);
            break;
        case A_VARS:
        case A_REDUCTION: inj.vars_slot(rec->toks, c); break;
        default: break;
        }
    }
    inj.punct(tok::r_paren, l);
    if (standalone)
        inj.punct(tok::semi, l);
    else
        inj.punct(tok::r_paren, l);
    u_.pragmas.push_back(std::move(rec));
    auto buf = std::make_unique<Token[]>(inj.out.size());
    std::copy(inj.out.begin(), inj.out.end(), buf.get());
    PP.EnterTokenStream(std::move(buf), inj.out.size(),
                        /*DisableMacroExpansion=*/true, /*IsReinject=*/false);
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
            unit_.top_level(d);
        return true;
    }
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
};

class Action : public ASTFrontendAction {
public:
    explicit Action(const Options &o, bool &failed) : opt_(o), failed_(failed) {}

protected:
    std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &ci, StringRef) override {
        auto c = std::make_unique<Consumer>(ci, opt_);
        consumer_ = c.get();
        Preprocessor &PP = ci.getPreprocessor();
        PP.setPredefines(PP.getPredefines() + "\n" + Unit::predefines());
        unsigned *depth = &c->unit().brace_depth;
        PP.setTokenWatcher([depth](const Token &t) {
            if (t.is(tok::l_brace))
                ++*depth;
            else if (t.is(tok::r_brace) && *depth)
                --*depth;
        });
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
    Factory f(opt, failed);
    int rc = tool.run(&f);
    if (rc || failed)
        return 1;
    return 0;
}
