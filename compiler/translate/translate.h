// translate.h - shared state of ssc-translate: recorded pragmas, task sites
// and the edits that turn the user's file into the translated one.
#ifndef SSC_TRANSLATE_H
#define SSC_TRANSLATE_H

#include "clauses.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "clang/Lex/Token.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ssc {

// One pragma, as recorded by the pragma handler.
struct PragmaRec {
    unsigned id;                      // marker number
    Spelling spelling;
    Directive dir;
    std::vector<clang::Token> toks;   // the tokens after the namespace
    clang::SourceLocation hash, eod;  // '#' (or _Pragma) and end of line
    bool file_scope;                  // before a function declaration
    PragmaRec *target = nullptr;      // the '#pragma omp target' whose clauses joined these
};

// The tokens of the declaration after a file-scope task pragma, captured as
// the parser reads them (see frontend.cpp): the check function that makes
// Clang parse the pragma's expressions with the parameters in scope is built
// from its parameter list.
struct DeclCapture {
    PragmaRec *rec = nullptr;         // capturing the declaration after this pragma
    std::vector<clang::Token> toks;
    int paren = 0;
    bool body = false;                // inside the body of a definition
    unsigned group_b = 0, group_e = 0;  // toks[group_b] '(' and toks[group_e] ')' of the parameters
    PragmaRec *done = nullptr;        // toks hold the whole declaration after this pragma
};

enum class Sharing { Shared, FirstPrivate, Private };

struct Capture {
    const clang::VarDecl *var;
    Sharing how;
    std::string field;                // member of the argument struct
    bool local = false;               // its type is declared in the function (hoisted)
    bool addr = false;                // a private copy named by a dependence: the
                                      // dependence is on the original (its address travels too)
};

// An inline task, taskloop, critical, atomic, taskwait or release inside a
// function body.
struct Site {
    PragmaRec *prag = nullptr;
    const clang::Stmt *stmt = nullptr;      // the statement the pragma applies to
    const clang::CallExpr *mark = nullptr;  // the marker call holding the clause expressions
    unsigned begin = 0, end = 0;            // file offsets of the replaced text
    unsigned stmt_begin = 0, stmt_end = 0;  // the statement's own text
    const clang::FunctionDecl *func = nullptr;  // enclosing function
    std::vector<Capture> caps;
    std::vector<std::string> macro_shared;  // shared vars used from macro bodies
    unsigned num = 0;                        // task-site number in the unit
};

// A function task: a function declaration preceded by a task pragma.
struct FuncTask {
    PragmaRec *prag = nullptr;
    const clang::FunctionDecl *fd = nullptr;
    unsigned num = 0;
    Device device = DEV_SMP;
    unsigned ndims = 0;                     // device(cuda): of its ndrange
    const FuncTask *impl = nullptr;         // the function task it implements
    bool binary = false;                    // binary(program): runs a program
    std::string bin_tmpl;                   // its argument template, a C string literal
    std::vector<unsigned> bin_params;       // the parameters the template names
};

// Variable spellings for one rendering context.
struct Ctx {
    std::map<const clang::VarDecl *, std::string> spell;
    std::string get(const clang::VarDecl *v) const {
        auto it = spell.find(v);
        return it == spell.end() ? v->getName().str() : it->second;
    }
};

}  // namespace ssc
#endif
