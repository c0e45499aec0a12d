// clauses.h - the pragma and clause parser of ssc-translate.
//
// Works on a plain token list (no Clang types), so the fuzz target can drive
// it directly. Expressions stay token ranges: the translator hands them back
// to Clang, which parses them in the scope of the pragma.
#ifndef SSC_CLAUSES_H
#define SSC_CLAUSES_H

#include <string>
#include <vector>

namespace ssc {

enum Spelling { SP_OSS = 1, SP_OMP = 2 };
enum Form { F_TASK, F_STMT, F_LOOP, F_STANDALONE, F_TARGET };
enum ArgKind { A_NONE, A_EXPR, A_STRING, A_REFS, A_DEPEND, A_VARS, A_DEFAULT,
               A_REDUCTION, A_NAME, A_DEVICE, A_EXPRS, A_FUNC, A_CONSTRAINTS, A_POLICY };
enum ConstraintType { K_INT, K_REAL, K_STRING, K_PTYPE };

enum DirId {
#define SS_DIRECTIVE(id, name, sp, form, summary) D_##id,
#include "pragmas.def"
    D_COUNT
};
enum ClauseId {
#define SS_CLAUSE(id, name, arg, summary) C_##id,
#include "pragmas.def"
    C_COUNT
};
enum ConstraintId {
#define SS_CONSTRAINT(id, name, alias, type, summary) K_##id,
#include "pragmas.def"
    K_COUNT
};

struct DirectiveSpec { const char *name; unsigned spellings; Form form; const char *summary; };
struct ClauseSpec { const char *name; ArgKind arg; const char *summary; };
extern const DirectiveSpec kDirectives[D_COUNT];
struct ConstraintSpec { const char *name, *alias; ConstraintType type; const char *summary; };
extern const ClauseSpec kClauses[C_COUNT];
extern const ConstraintSpec kConstraints[K_COUNT];
bool clause_allowed(DirId d, ClauseId c);
std::string allowed_clauses(DirId d);   // "in, out, ..." for messages
std::string constraint_keys();          // "computing_units (computingUnits), ..."

struct Tok {
    enum Kind { Ident, Number, String, Punct, Other } kind;
    std::string text;
};

// A half-open range of token indices [b, e) holding a C expression.
struct Range {
    unsigned b = 0, e = 0;
    bool empty() const { return b >= e; }
};

// One array section, outermost first. LEN: [lo;n]. UPPER: [lo:up], upper
// inclusive. INDEX: a plain [i] after a section, meaning [i;1].
struct Section {
    enum Kind { LEN, UPPER, INDEX } kind;
    Range lo, hi;
};

// A multidependence iterator: name = lo;len or name = lo:up (inclusive).
struct Iter {
    std::string name;
    unsigned name_tok;
    Range lo, hi;
    bool upper;
};

// A data reference: [shape]... root [section]..., maybe with iterators.
struct Ref {
    Range all;                 // the whole reference, for messages
    std::vector<Range> shape;  // shaping dimensions, outermost first
    Range root;                // the object (a pointer when shaped)
    std::vector<Section> secs; // sections applied to root, outermost first
    std::vector<Iter> iters;   // multidependence iterators, outermost first
};

enum DepKind { DK_IN = 1, DK_OUT, DK_INOUT, DK_INOUTSET, DK_MUTEXINOUTSET };
enum DefaultKind { DEF_NONE, DEF_SHARED, DEF_PRIVATE, DEF_FIRSTPRIVATE };
enum Device { DEV_SMP, DEV_CUDA };
// on_failure(...), in the order of ss_on_failure_t.
enum FailPolicy { FP_FAIL, FP_RETRY, FP_CANCEL, FP_IGNORE };
extern const char *const kPolicyNote;  // "failure policies: retry(n), ..."

// One key(value) of a constraints clause.
struct Constraint {
    ConstraintId id;
    unsigned tok;                    // the key
    Range value;
};

struct Clause {
    ClauseId id;
    unsigned tok;                    // the clause name
    DepKind dep = DK_IN;             // dependence clauses
    bool weak = false;
    std::vector<Ref> refs;           // A_REFS, A_DEPEND
    Range expr;                      // A_EXPR; A_FUNC: the name; A_STRING: the
                                     // literal; A_POLICY: n of retry(n)
    std::vector<Range> exprs;        // A_EXPRS
    std::vector<Constraint> cons;    // A_CONSTRAINTS
    Device device = DEV_SMP;         // A_DEVICE
    FailPolicy policy = FP_FAIL;     // A_POLICY
    std::vector<std::pair<std::string, unsigned>> vars;  // A_VARS, A_REDUCTION
    std::string text;                // A_STRING (with quotes), A_NAME, A_FUNC, reduction op
    DefaultKind def = DEF_SHARED;    // A_DEFAULT
};

struct Directive {
    DirId id;
    unsigned tok;
    std::vector<Clause> clauses;
    const Clause *find(ClauseId c) const {
        for (const Clause &cl : clauses)
            if (cl.id == c)
                return &cl;
        return nullptr;
    }
};

struct ParseError {
    unsigned tok;         // token the error points at (may equal toks.size())
    std::string message;
    std::string note;     // e.g. the allowed alternatives; may be empty
};

// Parse the tokens after `#pragma oss` / `#pragma omp`. Returns false and
// fills err on a malformed pragma. `spelling` is the namespace used.
bool parse_directive(const std::vector<Tok> &toks, Spelling spelling,
                     Directive &out, ParseError &err);

// Dependence kind and strength of a dependence clause (in, out, ..., weak*,
// concurrent, commutative, reduction, infile, outfile, inoutfile); false for
// other clauses.
bool clause_dep_kind(ClauseId c, DepKind &kind, bool &weak);
// A dependence on files by name (infile, outfile, inoutfile): its exprs.
inline bool clause_is_file(ClauseId c) { return c == C_infile || c == C_outfile || c == C_inoutfile; }

}  // namespace ssc
#endif
