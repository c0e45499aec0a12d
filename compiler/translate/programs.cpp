// programs.cpp - files, programs and failures (docs/failures.md): the checks
// of file dependences, binary and MPI tasks, failure policies and
// time-outs; the body of a binary task (its parameters as strings, the
// argument template and the program's options, handed to ss_abi_exec); the
// failure fields of a task type.
#include "lowering.h"

#include "clang/Lex/Lexer.h"
#include "clang/Lex/LiteralSupport.h"
#include "llvm/ADT/StringExtras.h"

#include <cmath>
#include <cstdio>

using namespace clang;

namespace ssc {

bool is_char_pointer(const ASTContext &C, QualType t) {
    if (const ArrayType *a = C.getAsArrayType(t))
        return a->getElementType()->isCharType();
    return t->isPointerType() && t->getPointeeType()->isCharType();
}

namespace {

std::string quoted(const std::string &s) { return "'" + s + "'"; }

std::string number(double d) {
    char b[40];
    snprintf(b, sizeof b, "%.17g", d);
    return b;
}

// How a parameter of a binary task becomes an argument: its printf format
// and the type it is converted to, or, for strings, no format.
struct Conv {
    bool ok = true;
    const char *fmt = nullptr, *cast = nullptr;
};

Conv conversion(const ASTContext &C, QualType t) {
    Conv c;
    t = t.getCanonicalType();
    if (t->isPointerType() && t->getPointeeType()->isCharType())
        return c;
    if (t->isBooleanType()) {
        c.fmt = "%d", c.cast = "int";
    } else if (t->isIntegerType() && C.getTypeSize(t) <= 64) {
        bool sgn = t->isSignedIntegerOrEnumerationType();
        c.fmt = sgn ? "%lld" : "%llu";
        c.cast = sgn ? "long long" : "unsigned long long";
    } else if (auto *b = t->getAs<BuiltinType>()) {
        if (b->getKind() == BuiltinType::LongDouble)
            c.fmt = "%.21Lg", c.cast = "long double";
        else if (b->getKind() == BuiltinType::Float || b->getKind() == BuiltinType::Double ||
                 b->getKind() == BuiltinType::Float16)
            c.fmt = "%.17g", c.cast = "double";
        else
            c.ok = false;
    } else {
        c.ok = false;
    }
    return c;
}

}  // namespace

// In clause order: each expression of infile, outfile and inoutfile names
// a file; on_failure and time_out go into the static task type, so the
// number of retries is an integer constant >= 0 and the time-out an
// arithmetic constant > 0. Records the fields of the type (fail_fields_).
void Lowering::check_files_failure(const PragmaRec &p) {
    Ctx none;
    std::string f;
    for (const Clause &c : p.dir.clauses) {
        SourceLocation l = tok_loc(p, c.expr.b);
        const Expr *e = slot_expr(p, c.expr);
        std::string type = e ? quoted(e->getType().getAsString(pol_)) : "";
        if (clause_is_file(c.id)) {
            for (const Range &r : c.exprs)
                if (const Expr *x = slot_expr(p, r))
                    if (!is_char_pointer(C_, x->getType()))
                        error(tok_loc(p, r.b), quoted(kClauses[c.id].name) + " needs a file name (a char pointer), not " +
                                                   quoted(x->getType().getAsString(pol_)));
        } else if (c.id == C_on_failure) {
            static const char *const names[] = {"SS_ON_FAILURE_FAIL", "SS_ON_FAILURE_RETRY",
                                                "SS_ON_FAILURE_CANCEL", "SS_ON_FAILURE_IGNORE"};
            f += std::string(", .on_failure = ") + names[c.policy];
            if (c.policy != FP_RETRY)
                continue;
            std::string n = "(unsigned)(" + toks(p, c.expr, none) + ")";
            llvm::Optional<llvm::APSInt> v;
            if (!e)
                ;
            else if (!e->getType()->isIntegerType())
                error(l, "the number of retries must be an integer, not " + type);
            else if (!(v = e->getIntegerConstantExpr(C_)))
                error(l, "the number of retries must be an integer constant: it is part of the task type");
            else if (v->isNegative())
                error(l, "the number of retries cannot be negative, not " + llvm::toString(*v, 10));
            else if (v->getActiveBits() > 32)
                error(l, "too many retries: " + llvm::toString(*v, 10));
            else
                n = llvm::toString(*v, 10) + "u";
            f += ", .retries = " + n;
        } else if (c.id == C_time_out) {
            std::string v = "(double)(" + toks(p, c.expr, none) + ")";
            Expr::EvalResult r;
            bool real = e && e->getType()->isRealType();
            bool constant = real && e->EvaluateAsRValue(r, C_) && !r.HasSideEffects &&
                            (r.Val.isInt() || r.Val.isFloat());
            double d = 0;
            if (constant && r.Val.isInt()) {
                d = r.Val.getInt().isSigned() ? double(r.Val.getInt().getSExtValue())
                                              : double(r.Val.getInt().getZExtValue());
            } else if (constant) {
                llvm::APFloat x = r.Val.getFloat();
                bool lost;
                x.convert(llvm::APFloat::IEEEdouble(), llvm::APFloat::rmNearestTiesToEven, &lost);
                d = x.convertToDouble();
            }
            if (!e)
                ;
            else if (!real)
                error(l, "'time_out' needs a number of seconds, not " + type);
            else if (!constant)
                error(l, "'time_out' needs a constant: the time-out is part of the task type");
            else if (!(d > 0) || !std::isfinite(d))
                error(l, "'time_out' must be a positive number of seconds, not " + number(d));
            else
                v = number(d);
            f += ", .time_out = " + v;
        }
    }
    if (!f.empty())
        fail_fields_[&p] = f;
}

// A binary task: binary(program) on a function declared without a body,
// its other clauses of the right types, mpi with processes, and an argument
// template whose {name}s are parameters that convert to strings. Sets
// ft.binary and the template and parameters its body passes.
bool Lowering::check_binary(FuncTask &ft) {
    const PragmaRec &p = *ft.prag;
    const FunctionDecl *fd = ft.fd;
    const Clause *bin = p.dir.find(C_binary), *mpi = p.dir.find(C_mpi);
    std::string name = fd->getName().str();
    bool ok = true;
    auto fail = [&](SourceLocation l, const std::string &m) {
        error(l, m);
        ok = false;
    };
    for (const Clause &c : p.dir.clauses) {
        std::string cn = quoted(kClauses[c.id].name);
        SourceLocation l = tok_loc(p, c.tok);
        switch (c.id) {
        case C_args: case C_workdir: case C_stdin_: case C_stdout_: case C_stderr_:
        case C_fail_by_exit_value: case C_mpi:
            if (!bin)
                fail(l, cn + " needs 'binary(program)': only a binary task runs a program");
            break;
        case C_processes: case C_processes_per_node:
            if (!mpi)
                fail(l, cn + " needs 'mpi(runner)': it applies to an MPI task");
            break;
        default:
            break;
        }
    }
    if (!bin)
        return ok;
    ft.binary = true;
    const FunctionDecl *def = nullptr;
    if (fd->hasBody(def))
        fail(def->getLocation(), "binary task '" + name + "' runs a program: declare it without a body");
    if (ft.device == DEV_CUDA)
        fail(tok_loc(p, p.dir.find(C_device)->tok), "a binary task runs a program: it cannot be device(cuda)");
    if (mpi && !p.dir.find(C_processes))
        fail(tok_loc(p, mpi->tok), "an MPI task needs 'processes(n)', the number of ranks it starts");
    for (const Clause &c : p.dir.clauses) {
        bool str = c.id == C_binary || c.id == C_workdir || c.id == C_stdin_ || c.id == C_stdout_ ||
                   c.id == C_stderr_ || c.id == C_mpi;
        bool num = c.id == C_fail_by_exit_value || c.id == C_processes || c.id == C_processes_per_node;
        const Expr *e = str || num ? slot_expr(p, c.expr) : nullptr;
        if (!e)
            continue;
        std::string cn = quoted(kClauses[c.id].name), type = quoted(e->getType().getAsString(pol_));
        SourceLocation l = tok_loc(p, c.expr.b);
        if (str && !is_char_pointer(C_, e->getType())) {
            fail(l, cn + " needs a char pointer, not " + type);
        } else if (num && !e->getType()->isIntegerType()) {
            fail(l, cn + " needs an integer, not " + type);
        } else if (num && c.id != C_fail_by_exit_value) {
            if (auto v = e->getIntegerConstantExpr(C_))
                if (!v->isStrictlyPositive())
                    fail(l, cn + " must be positive, not " + llvm::toString(*v, 10));
        }
    }
    // The parameters the template names (all of them without args).
    std::vector<std::string> pn;
    for (unsigned i = 0; i < fd->getNumParams(); i++)
        pn.push_back(fd->getParamDecl(i)->getName().empty() ? "__ss_p" + std::to_string(i)
                                                            : fd->getParamDecl(i)->getName().str());
    std::vector<bool> used(pn.size(), false);
    if (const Clause *a = p.dir.find(C_args)) {
        const Token &tk = p.toks[a->expr.b];
        StringLiteralParser lit(tk, PP_);
        if (lit.hadError)
            return false;
        if (!lit.isAscii() && !lit.isUTF8()) {
            fail(tk.getLocation(), "'args' needs a plain string literal");
            return false;
        }
        std::string s = lit.GetString().str();
        auto at = [&](size_t byte) {
            return Lexer::AdvanceToTokenCharacter(tk.getLocation(), lit.getOffsetOfStringByte(tk, unsigned(byte)),
                                                  SM_, C_.getLangOpts());
        };
        for (size_t i = 0; i < s.size();) {
            char ch = s[i];
            if ((ch == '{' || ch == '}') && i + 1 < s.size() && s[i + 1] == ch) {
                i += 2;
                continue;
            }
            if (ch == '}') {
                fail(at(i), "'}' without '{' in the argument template (write '}}' for a brace)");
                return false;
            }
            if (ch != '{') {
                i++;
                continue;
            }
            size_t j = i + 1;
            while (j < s.size() && s[j] != '}' && s[j] != ' ' && s[j] != '\t' && s[j] != '\n')
                j++;
            if (j == s.size() || s[j] != '}') {
                fail(at(i), "'{' without '}' in the argument template (write '{{' for a brace)");
                return false;
            }
            std::string nm = s.substr(i + 1, j - i - 1);
            size_t k = std::find(pn.begin(), pn.end(), nm) - pn.begin();
            if (k == pn.size()) {
                std::string list;
                for (unsigned q = 0; q < fd->getNumParams(); q++)
                    if (!fd->getParamDecl(q)->getName().empty())
                        list += (list.empty() ? "" : ", ") + pn[q];
                fail(at(i), nm.empty() ? std::string("'{}' names no parameter in the argument template")
                                       : "'" + nm + "' in the argument template is not a parameter of '" + name + "'");
                u_.note(at(i), list.empty() ? "'" + name + "' has no named parameters"
                                            : "parameters of '" + name + "': " + list);
                return false;
            }
            used[k] = true;
            i = j + 1;
        }
        ft.bin_tmpl = PP_.getSpelling(tk);
    } else {
        // As COMPSs does with stream parameters: a parameter that is just
        // the file of stdin/stdout/stderr or the working directory is not
        // also an argument.
        std::vector<bool> stream(pn.size(), false);
        for (const Clause &c : p.dir.clauses) {
            if (c.id != C_stdin_ && c.id != C_stdout_ && c.id != C_stderr_ && c.id != C_workdir)
                continue;
            const Expr *e = slot_expr(p, c.expr);
            auto *dr = e ? dyn_cast<DeclRefExpr>(e->IgnoreParenImpCasts()) : nullptr;
            if (auto *pv = dr ? dyn_cast<ParmVarDecl>(dr->getDecl()) : nullptr)
                if (pv->getFunctionScopeIndex() < stream.size())
                    stream[pv->getFunctionScopeIndex()] = true;
        }
        ft.bin_tmpl = "\"";
        for (size_t k = 0; k < pn.size(); k++) {
            if (stream[k])
                continue;
            ft.bin_tmpl += (ft.bin_tmpl.size() > 1 ? " {" : "{") + pn[k] + "}";
            used[k] = true;
        }
        ft.bin_tmpl += "\"";
    }
    ft.bin_params.clear();
    for (unsigned k = 0; k < pn.size(); k++) {
        if (!used[k])
            continue;
        const ParmVarDecl *pv = fd->getParamDecl(k);
        if (!conversion(C_, pv->getType()).ok) {
            fail(pv->getLocation(), "parameter " + (pv->getName().empty() ? std::to_string(k + 1) : quoted(pn[k])) +
                                    " of binary task '" + name + "' has type " +
                                    quoted(pv->getType().getAsString(pol_)) +
                                    ", which cannot be a program argument (a string, an integer or a "
                                    "floating type can)");
            continue;
        }
        ft.bin_params.push_back(k);
    }
    return ok;
}

// The body of binary task ft, inside its run function (the parameters are
// locals, __ss_a the argument block): each parameter the template names as
// a string, the options, and ss_abi_exec.
std::string Lowering::bin_call(const FuncTask &ft) const {
    const PragmaRec &p = *ft.prag;
    Ctx none;
    std::string o, names, vals;
    for (unsigned k : ft.bin_params) {
        const ParmVarDecl *pv = ft.fd->getParamDecl(k);
        std::string K = std::to_string(k), f = "__ss_a->f_" + K;
        Conv c = conversion(C_, pv->getType());
        names += std::string(names.empty() ? "" : ", ") + "\"" +
                 (pv->getName().empty() ? "__ss_p" + K : pv->getName().str()) + "\"";
        if (!c.fmt) {
            vals += std::string(vals.empty() ? "" : ", ") + "(const char *)" + f;
            continue;
        }
        o += "char __ss_b" + K + "[40]; __builtin_snprintf(__ss_b" + K + ", sizeof __ss_b" + K + ", \"" + c.fmt +
             "\", (" + c.cast + ")" + f + "); ";
        vals += std::string(vals.empty() ? "" : ", ") + "__ss_b" + K;
    }
    if (!names.empty())
        o += "static const char *const __ss_n[] = { " + names + " }; const char *const __ss_x[] = { " + vals + " }; ";
    std::string opts;
    auto opt = [&](ClauseId id, const char *field, const std::string &pre) {
        if (const Clause *c = p.dir.find(id))
            opts += std::string(opts.empty() ? "" : ", ") + "." + field + " = " + pre + "(" + toks(p, c->expr, none) + ")";
    };
    opt(C_workdir, "workdir", "(const char *)");
    opt(C_stdin_, "in", "(const char *)");
    opt(C_stdout_, "out", "(const char *)");
    opt(C_stderr_, "err", "(const char *)");
    opt(C_fail_by_exit_value, "status_ok", "!");
    opt(C_mpi, "mpi_runner", "(const char *)");
    opt(C_processes, "processes", "(unsigned)");
    opt(C_processes_per_node, "per_node", "(unsigned)");
    o += "ss_exec_t __ss_o = { " + (opts.empty() ? ".argv = 0" : opts) + " }; ";
    std::string n = std::to_string(ft.bin_params.size());
    return o + "ss_abi_exec((const char *)(" + toks(p, p.dir.find(C_binary)->expr, none) + "), " + ft.bin_tmpl +
           ", " + n + ", " + (names.empty() ? "0, 0" : "__ss_n, __ss_x") + ", &__ss_o); ";
}

}  // namespace ssc
