// regions.cpp - dependences: how many a task site has, the region of each
// data reference as runtime calls, the task flags and the task-type
// descriptor.
#include "lowering.h"

#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

using namespace clang;

namespace ssc {


const char *dep_name(DepKind k) {
    switch (k) {
    case DK_IN: return "SS_DEP_IN";
    case DK_OUT: return "SS_DEP_OUT";
    case DK_INOUT: return "SS_DEP_INOUT";
    case DK_INOUTSET: return "SS_DEP_INOUTSET";
    case DK_MUTEXINOUTSET: return "SS_DEP_MUTEXINOUTSET";
    }
    return "SS_DEP_INOUT";
}

bool has_deps(const Clause &c) {
    DepKind k;
    bool w;
    return clause_dep_kind(c.id, k, w) || c.id == C_depend;
}

// The nested for loops of a multidependence's iterators (empty without).
std::string Lowering::iter_loops(const PragmaRec &p, const Ref &r, const Ctx &ctx) const {
    std::string loops;
    for (const Iter &it : r.iters) {
        std::string lo = toks(p, it.lo, ctx), hi = toks(p, it.hi, ctx);
        loops += "for (int " + it.name + " = (" + lo + "); " + it.name +
                 (it.upper ? " <= (" + hi + ")" : " < (" + lo + ") + (" + hi + ")") + "; " +
                 it.name + "++) ";
    }
    return loops;
}

std::string Lowering::dep_count(const PragmaRec &p, const Ctx &ctx) const {
    unsigned fixed = 0;
    std::string dyn;
    for (const Clause &c : p.dir.clauses) {
        if (!has_deps(c))
            continue;
        if (c.id == C_reduction || clause_is_file(c.id)) {
            fixed += unsigned(c.id == C_reduction ? c.vars.size() : c.exprs.size());
            continue;
        }
        for (const Ref &r : c.refs) {
            if (r.iters.empty()) {
                fixed++;
                continue;
            }
            dyn += " + ({ unsigned __ss_c = 0; " + iter_loops(p, r, ctx) + "__ss_c++; __ss_c; })";
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
        if (clause_is_file(c.id)) {  // not on release: sink is a task
            for (const Range &r : c.exprs)
                s += "ss_abi_dep_file(" + std::string(sink) + ", " + dep_name(k) + ", (const char *)(" +
                     toks(p, r, ctx) + ")); ";
            continue;
        }
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
            s += iter_loops(p, r, ctx) + one_ref(p, r, k, ctx, sink) + " ";
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
                                const std::string &label, const std::string &more) const {
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
    auto fail = fail_fields_.find(&p);
    return "static ss_task_type_t __ss_tt_" + std::to_string(num) + " = { .label = " + lab +
           ", .file = \"" + file + "\", .line = " + std::to_string(line) + ", .col = " +
           std::to_string(col) + ", .run = " + run + more +
           (fail == fail_fields_.end() ? "" : fail->second) + " };\n";
}

}  // namespace ssc
