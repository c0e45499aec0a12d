// lower.h - one translation unit: what the pragma handlers recorded, and the
// lowering of tasks into calls to the runtime (lower.cpp).
#ifndef SSC_LOWER_H
#define SSC_LOWER_H

#include "translate.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Frontend/CompilerInstance.h"

namespace ssc {

// The error for a target pragma without its task pragma and declaration.
extern const char *const kTargetAlone;

class Unit {
public:
    explicit Unit(clang::CompilerInstance &ci) : ci_(ci) {}

    // Declarations the injected tokens need, added to clang's predefines.
    static std::string predefines();

    void error(clang::SourceLocation l, const std::string &msg) { report(clang::DiagnosticsEngine::Error, l, msg); }
    void warning(clang::SourceLocation l, const std::string &msg) { report(clang::DiagnosticsEngine::Warning, l, msg); }
    void note(clang::SourceLocation l, const std::string &msg) { report(clang::DiagnosticsEngine::Note, l, msg); }

    // A top-level declaration was parsed: attach a pending function-task
    // pragma to it (the function task, or null).
    FuncTask *top_level(clang::Decl *d);
    // End of file: pragmas still pending had no declaration after them.
    void finish_pending();
    // Lower the whole unit into `out`; false after reporting errors.
    bool lower(clang::ASTContext &ctx, std::string &out);

    unsigned brace_depth = 0;  // kept by a token watcher
    std::vector<std::unique_ptr<PragmaRec>> pragmas;
    std::vector<PragmaRec *> pending;
    PragmaRec *pending_target = nullptr;   // '#pragma omp target' waiting for its task pragma
    DeclCapture capture;
    std::vector<FuncTask> functasks;
    clang::CompilerInstance &ci() { return ci_; }

private:
    void report(clang::DiagnosticsEngine::Level lv, clang::SourceLocation l, const std::string &msg);
    clang::CompilerInstance &ci_;
};

}  // namespace ssc
#endif
