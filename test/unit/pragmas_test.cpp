// Unit tests of the pragma parser (compiler/translate/clauses.cpp), driven by
// the table in pragmas-spec/pragmas.def: every directive, every allowed and
// disallowed clause, malformed pragmas, and the shape of data references.
#include <gtest/gtest.h>

#include <cctype>
#include <cstring>
#include <string>
#include <vector>

#include "clauses.h"

using namespace ssc;

namespace {

// A tiny C lexer for the tests: identifiers, numbers, string literals and
// punctuators (longest match first); whitespace separates.
std::vector<Tok> lex(const std::string &s) {
    static const char *const puncts[] = {
        "<<=", ">>=", "...", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=",
        "&&", "||", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "##", nullptr};
    std::vector<Tok> out;
    size_t i = 0;
    while (i < s.size()) {
        unsigned char c = s[i];
        size_t j = i + 1;
        if (isspace(c)) {
            i++;
            continue;
        }
        Tok::Kind k = Tok::Punct;
        if (isalpha(c) || c == '_') {
            k = Tok::Ident;
            while (j < s.size() && (isalnum((unsigned char)s[j]) || s[j] == '_'))
                j++;
        } else if (isdigit(c)) {
            k = Tok::Number;
            while (j < s.size() && (isalnum((unsigned char)s[j]) || s[j] == '.'))
                j++;
        } else if (c == '"') {
            k = Tok::String;
            while (j < s.size() && s[j] != '"')
                j += s[j] == '\\' ? 2 : 1;
            j = std::min(j + 1, s.size());
        } else {
            for (const char *const *p = puncts; *p; p++)
                if (s.compare(i, strlen(*p), *p) == 0) {
                    j = i + strlen(*p);
                    break;
                }
        }
        out.push_back({k, s.substr(i, j - i)});
        i = j;
    }
    return out;
}

std::string text(const std::vector<Tok> &t, Range r) {
    std::string s;
    for (unsigned i = r.b; i < r.e && i < t.size(); i++)
        s += t[i].text;
    return s;
}

struct Parsed {
    std::vector<Tok> toks;
    Directive dir;
    ParseError err;
    bool ok;
};

Parsed parse(const std::string &src, Spelling sp = SP_OSS) {
    Parsed p;
    p.toks = lex(src);
    p.ok = parse_directive(p.toks, sp, p.dir, p.err);
    return p;
}

// A well-formed argument for each kind of clause.
std::string sample_arg(ArgKind k) {
    switch (k) {
    case A_NONE: return "";
    case A_EXPR: return "(n + 1)";
    case A_STRING: return "(\"lbl\")";
    case A_REFS: return "(a[0;n], x)";
    case A_DEPEND: return "(in: a[0:n], x)";
    case A_VARS: return "(x, y)";
    case A_DEFAULT: return "(none)";
    case A_REDUCTION: return "(+: s)";
    case A_NAME: return "(lock)";
    case A_DEVICE: return "(cuda)";
    case A_EXPRS: return "(1, n, 128)";
    case A_FUNC: return "(base)";
    case A_CONSTRAINTS: return "(computing_units(2), memorySize(n * 1.5))";
    case A_POLICY: return "(retry(n + 1))";
    }
    return "";
}

// A spelling directive d has (target is #pragma omp only).
Spelling spelling_of(unsigned d) {
    return (kDirectives[d].spellings & SP_OSS) ? SP_OSS : SP_OMP;
}

// The pragma text for directive d with clause c.
std::string with_clause(unsigned d, unsigned c) {
    std::string s = kDirectives[d].name;
    if (kClauses[c].arg == A_NAME)
        return s + sample_arg(A_NAME);
    return s + " " + kClauses[c].name + sample_arg(kClauses[c].arg);
}

TEST(Pragmas, EveryDirectiveParsesInItsSpellings) {
    for (unsigned d = 0; d < D_COUNT; d++) {
        for (Spelling sp : {SP_OSS, SP_OMP}) {
            SCOPED_TRACE(std::string(kDirectives[d].name) + (sp == SP_OSS ? " (oss)" : " (omp)"));
            Parsed p = parse(kDirectives[d].name, sp);
            if (kDirectives[d].spellings & sp) {
                ASSERT_TRUE(p.ok) << p.err.message;
                EXPECT_EQ(p.dir.id, DirId(d));
                EXPECT_EQ(p.dir.tok, 0u);
                EXPECT_TRUE(p.dir.clauses.empty());
            } else {
                ASSERT_FALSE(p.ok);
                EXPECT_EQ(p.err.tok, 0u);
                EXPECT_NE(p.err.message.find("unknown or unsupported directive"), std::string::npos);
                EXPECT_EQ(p.err.note.find(kDirectives[d].name), std::string::npos) << p.err.note;
            }
        }
    }
}

TEST(Pragmas, OssOnlyDirectiveIsRefusedUnderOmpWithTheOmpList) {
    Parsed p = parse("release in(x)", SP_OMP);
    ASSERT_FALSE(p.ok);
    EXPECT_EQ(p.err.note, "directives of '#pragma omp': task, taskwait, critical, atomic, taskloop, target");
}

TEST(Pragmas, EveryAllowedClauseIsAccepted) {
    for (unsigned d = 0; d < D_COUNT; d++)
        for (unsigned c = 0; c < C_COUNT; c++) {
            if (!clause_allowed(DirId(d), ClauseId(c)))
                continue;
            std::string src = with_clause(d, c);
            SCOPED_TRACE(src);
            Parsed p = parse(src, spelling_of(d));
            ASSERT_TRUE(p.ok) << p.err.message << " at " << p.err.tok;
            EXPECT_EQ(p.dir.id, DirId(d));
            ASSERT_EQ(p.dir.clauses.size(), 1u);
            EXPECT_EQ(p.dir.clauses[0].id, ClauseId(c));
            // The clause's name; critical(name) points at the name.
            EXPECT_EQ(p.dir.clauses[0].tok, kClauses[c].arg == A_NAME ? 2u : 1u);
            EXPECT_EQ(p.dir.find(ClauseId(c)), &p.dir.clauses[0]);
        }
}

TEST(Pragmas, EveryDisallowedClauseIsRefusedListingTheAllowedOnes) {
    for (unsigned d = 0; d < D_COUNT; d++) {
        std::string allowed = allowed_clauses(DirId(d));
        for (unsigned a = 0; a < C_COUNT; a++) {
            if (clause_allowed(DirId(d), ClauseId(a)) && *kClauses[a].name) {
                EXPECT_NE(allowed.find(kClauses[a].name), std::string::npos)
                    << kClauses[a].name << " missing from the list of " << kDirectives[d].name;
            }
        }
        for (unsigned c = 0; c < C_COUNT; c++) {
            if (clause_allowed(DirId(d), ClauseId(c)) || kClauses[c].arg == A_NAME)
                continue;
            std::string src = with_clause(d, c);
            SCOPED_TRACE(src);
            Parsed p = parse(src, spelling_of(d));
            ASSERT_FALSE(p.ok);
            EXPECT_EQ(p.err.tok, 1u);
            EXPECT_EQ(p.err.message, std::string("clause '") + kClauses[c].name +
                                         "' is not allowed on '" + kDirectives[d].name + "'");
            EXPECT_EQ(p.err.note, std::string("clauses allowed on '") + kDirectives[d].name +
                                      "': " + allowed);
        }
    }
}

TEST(Pragmas, AllowedClauseListsMatchTheTable) {
    EXPECT_EQ(allowed_clauses(D_taskwait),
              "in, out, inout, input, output, depend, on, noflush, infile, outfile, inoutfile");
    EXPECT_EQ(allowed_clauses(D_release), "in, out, inout, depend, concurrent, commutative");
    EXPECT_EQ(allowed_clauses(D_atomic), "");
    EXPECT_EQ(allowed_clauses(D_critical), "");  // its name is not a clause keyword
}

struct Bad {
    const char *src;
    unsigned tok;     // the token the error points at
    const char *msg;  // a part of the message
};

const Bad kBad[] = {
    {"", 0, "expected a directive name"},
    {"42", 0, "expected a directive name"},
    {"tusk", 0, "unknown or unsupported directive 'tusk'"},
    {"task 42", 1, "expected a clause name"},
    {"task bogus(x)", 1, "unknown clause 'bogus' on 'task'"},
    {"task , in(x)", 1, "expected a clause name"},
    // unbalanced parentheses and brackets
    {"task in(a", 2, "expected ')' closing 'in('"},
    {"task in(a[0;n)", 2, "expected ')' closing 'in('"},
    {"task in(a]", 2, "expected ')' closing 'in('"},
    {"task in((a)", 2, "expected ')' closing 'in('"},
    {"task in([n p)", 2, "expected ')' closing 'in('"},
    {"task in(a))", 5, "expected a clause name"},
    {"task if", 2, "expected '(' after 'if'"},
    {"task if()", 3, "expected an expression"},
    {"task wait(1)", 2, "takes no argument"},
    {"task label(x)", 3, "expected a string literal"},
    {"task label(\"a\" \"b\")", 3, "expected a string literal"},
    // depend
    {"task depend(in a)", 3, "followed by ':'"},
    {"task depend(a[0:n])", 3, "followed by ':'"},
    {"task depend(: a)", 3, "followed by ':'"},
    {"task depend(sideways: a)", 3, "unknown dependence type 'sideways'"},
    {"task depend(in:)", 5, "expected a data reference"},
    // default
    {"task default(sometimes)", 3, "unknown default 'sometimes'"},
    {"task default(none shared)", 3, "expected 'none', 'shared', 'private' or 'firstprivate'"},
    {"task default()", 3, "expected 'none'"},
    // reduction
    {"task reduction(%: s)", 3, "unknown reduction operator '%'"},
    {"task reduction(s)", 3, "expected 'operator:' in reduction"},
    {"task reduction(: s)", 3, "expected 'operator:' in reduction"},
    {"task reduction(+:)", 5, "expected a variable name"},
    {"task reduction(+: a[0])", 6, "expected ',' or ')' after a variable name"},
    // empty references and lists, trailing commas
    {"task in()", 3, "expected a data reference"},
    {"task in(a, )", 5, "expected a data reference after ','"},
    {"task in(, a)", 3, "expected a data reference"},
    {"task private()", 3, "expected a variable name"},
    {"task private(x,)", 5, "expected a variable name after ','"},
    {"task private(x y)", 4, "expected ',' or ')'"},
    {"task private(1)", 3, "expected a variable name"},
    // sections and shaping
    {"task in(a[0;])", 7, "expected the length of the array section"},
    {"task in([]p)", 4, "expected a dimension size"},
    {"task in([n])", 6, "expected a data reference after the shaping expression"},
    {"task in([0;n])", 8, "expected a data reference after the shaping expression"},
    {"task in(([n]p[0;1])[0:1])", 9, "array section inside a parenthesized shaping"},
    // multidependences
    {"task in({a[i]})", 8, "expected ', iterator = lower;length'"},
    {"task in({a[i], i=0})", 12, "expected 'lower;length' or 'lower:upper'"},
    {"task in({a[i], 3=0;n})", 9, "expected an iterator name"},
    {"task in({a[i], i 0;n})", 10, "expected '=' after the iterator name"},
    {"task in({a[i], i=;n})", 11, "expected the iterator's lower bound"},
    {"task in({a[i], i=0:})", 13, "expected the iterator's upper bound"},
    {"task in({a[i], i=0;n,})", 15, "expected an iterator name"},
    {"task in({a[i], i=0;n} x)", 3, "expected '}' closing the multidependence"},
    // critical's name
    {"critical(", 2, "expected a name in 'critical(name)'"},
    {"critical(1)", 2, "expected a name in 'critical(name)'"},
    {"critical(a b)", 2, "expected a name in 'critical(name)'"},
    {"atomic seq_cst", 1, "unknown clause 'seq_cst' on 'atomic'"},
    // devices and versions
    {"task device(opencl)", 3, "unknown device 'opencl'"},
    {"task device()", 3, "expected 'smp' or 'cuda' in 'device'"},
    {"task device(smp cuda)", 3, "expected 'smp' or 'cuda' in 'device'"},
    {"task ndrange()", 3, "expected an expression"},
    {"task ndrange(1, n,)", 7, "expected an expression after ','"},
    {"task ndrange(1, , 4)", 5, "expected an expression after ','"},
    {"task implements()", 3, "expected a function name in 'implements'"},
    {"task implements(f, g)", 3, "expected a function name in 'implements'"},
    {"task implements(1)", 3, "expected a function name in 'implements'"},
    {"task device(smp) device(cuda)", 5, "clause 'device' given more than once"},
    // constraints
    {"task constraints()", 3, "expected a constraint"},
    {"task constraints(1)", 3, "expected a constraint"},
    {"task constraints(cores(2))", 3, "unknown constraint 'cores'"},
    {"task constraints(computing_units)", 4, "expected '(' after 'computing_units'"},
    {"task constraints(computing_units 2)", 4, "expected '(' after 'computing_units'"},
    {"task constraints(computing_units())", 5, "expected a value"},
    {"task constraints(computing_units(2) memory_size(1))", 7, "expected ',' between constraints"},
    {"task constraints(computing_units(2),)", 8, "expected a constraint after ','"},
    {"task constraints(computing_units(2), computingUnits(3))", 8,
     "constraint 'computing_units' given more than once"},
    {"task constraints(memory_size(1)) constraints(memory_size(2))", 8,
     "clause 'constraints' given more than once"},
    // files, programs, failures
    {"task infile()", 3, "expected an expression"},
    {"task args(x)", 3, "expected a string literal in 'args'"},
    {"task on_failure()", 3, "expected a failure policy"},
    {"task on_failure(3)", 3, "expected a failure policy"},
    {"task on_failure(retries(2))", 3, "unknown failure policy 'retries'"},
    {"task on_failure(retry)", 3, "'retry' needs the number of retries: retry(n)"},
    {"task on_failure(retry 2)", 3, "'retry' needs the number of retries: retry(n)"},
    {"task on_failure(retry())", 5, "expected the number of retries"},
    {"task on_failure(ignore(1))", 4, "failure policy 'ignore' takes no argument"},
    {"task on_failure(retry(1) ignore)", 7, "expected ')' after the failure policy"},
    {"task on_failure(fail, ignore)", 4, "expected ')' after the failure policy"},
    {"task on_failure(fail) on_failure(ignore)", 5, "clause 'on_failure' given more than once"},
};

TEST(Pragmas, MalformedPragmasGiveAnErrorAtTheRightToken) {
    for (const Bad &b : kBad) {
        SCOPED_TRACE(b.src);
        Parsed p = parse(b.src);
        ASSERT_FALSE(p.ok);
        EXPECT_EQ(p.err.tok, b.tok) << p.err.message;
        EXPECT_LE(p.err.tok, p.toks.size());
        EXPECT_NE(p.err.message.find(b.msg), std::string::npos) << p.err.message;
    }
}

TEST(Pragmas, UnknownChoicesNoteTheAllowedOnes) {
    EXPECT_EQ(parse("task device(fpga)").err.note, "allowed: smp, cuda");
    EXPECT_EQ(parse("task constraints(cores(1))").err.note,
              "constraints: computing_units (computingUnits), memory_size (memorySize), "
              "processor_architecture (processorArchitecture), processor_type (processorType), "
              "processor_name (processorName), processor_speed (processorSpeed), "
              "app_software (appSoftware)");
    EXPECT_EQ(parse("task depend(x: a)").err.note, "allowed: in, out, inout, inoutset, mutexinoutset");
    EXPECT_EQ(parse("task default(x)").err.note, "allowed: none, shared, private, firstprivate");
    EXPECT_EQ(parse("task on_failure(stop)").err.note,
              "failure policies: retry(n), cancel_successors, fail, ignore");
    EXPECT_EQ(parse("task reduction(/: s)").err.note, "allowed: +, -, *, &, |, ^, &&, ||, max, min");
    EXPECT_EQ(parse("taskwait bogus").err.note, "clauses allowed on 'taskwait': " +
                                                    allowed_clauses(D_taskwait));
}

// ---- data references ----------------------------------------------------

struct Sec {
    Section::Kind kind;
    const char *lo, *hi;
};
struct It {
    const char *name, *lo, *hi;
    bool upper;
};
struct RefCase {
    const char *src;  // one clause with one reference
    std::vector<const char *> shape;
    const char *root;
    std::vector<Sec> secs;
    std::vector<It> iters;
};

const char *kind_name(Section::Kind k) {
    return k == Section::LEN ? "LEN" : k == Section::UPPER ? "UPPER" : "INDEX";
}

const RefCase kRefs[] = {
    {"task in(x)", {}, "x", {}, {}},
    {"task in(*p)", {}, "*p", {}, {}},
    {"task in(s.f)", {}, "s.f", {}, {}},
    {"task in(a[i])", {}, "a[i]", {}, {}},
    {"task in(a[c?1:2])", {}, "a[c?1:2]", {}, {}},
    {"task in(a[i;n])", {}, "a", {{Section::LEN, "i", "n"}}, {}},
    {"task in(a[l:u])", {}, "a", {{Section::UPPER, "l", "u"}}, {}},
    {"task in(a[;n])", {}, "a", {{Section::LEN, "", "n"}}, {}},
    {"task in(a[l:])", {}, "a", {{Section::UPPER, "l", ""}}, {}},
    {"task in(a[c?1:2:u])", {}, "a", {{Section::UPPER, "c?1:2", "u"}}, {}},
    {"task depend(in: a[l:n])", {}, "a", {{Section::LEN, "l", "n"}}, {}},
    {"task depend(in: a[l;n])", {}, "a", {{Section::LEN, "l", "n"}}, {}},
    {"task in(a[i][j;m])", {}, "a[i]", {{Section::LEN, "j", "m"}}, {}},
    {"task in(a[0;n][i])", {}, "a", {{Section::LEN, "0", "n"}, {Section::INDEX, "i", ""}}, {}},
    {"task in(m[0;n][0:n-1])", {}, "m", {{Section::LEN, "0", "n"}, {Section::UPPER, "0", "n-1"}}, {}},
    {"task in(c->y[0:4])", {}, "c->y", {{Section::UPPER, "0", "4"}}, {}},
    {"task in(f(x)[0;2])", {}, "f(x)", {{Section::LEN, "0", "2"}}, {}},
    {"task in([n]p)", {"n"}, "p", {}, {}},
    {"task out([n][m]p)", {"n", "m"}, "p", {}, {}},
    {"task in([n*m]p[0])", {"n*m"}, "p[0]", {}, {}},
    {"task in(([10]v)[0:9])", {"10"}, "v", {{Section::UPPER, "0", "9"}}, {}},
    {"task in(([n][m]p)[0;k][0;m])", {"n", "m"}, "p",
     {{Section::LEN, "0", "k"}, {Section::LEN, "0", "m"}}, {}},
    {"task in({a[i], i=0;n})", {}, "a[i]", {}, {{"i", "0", "n", false}}},
    {"task in({b[i][j], i=0:M-1, j=0;N})", {}, "b[i][j]", {},
     {{"i", "0", "M-1", true}, {"j", "0", "N", false}}},
    {"task in({a[2*j;2], j=0:3})", {}, "a", {{Section::LEN, "2*j", "2"}}, {{"j", "0", "3", true}}},
    {"task in({a[f(i,j)], i=0;n})", {}, "a[f(i,j)]", {}, {{"i", "0", "n", false}}},
};

TEST(Pragmas, DataReferencesParseIntoTheirParts) {
    for (const RefCase &rc : kRefs) {
        SCOPED_TRACE(rc.src);
        Parsed p = parse(rc.src);
        ASSERT_TRUE(p.ok) << p.err.message << " at " << p.err.tok;
        ASSERT_EQ(p.dir.clauses.size(), 1u);
        ASSERT_EQ(p.dir.clauses[0].refs.size(), 1u);
        const Ref &r = p.dir.clauses[0].refs[0];
        // The reference spans everything between the clause's parentheses
        // (after "kind:" in depend).
        unsigned last = unsigned(p.toks.size()) - 1;
        EXPECT_EQ(r.all.e, last);
        EXPECT_EQ(p.toks[r.all.b - 1].text, p.dir.clauses[0].id == C_depend ? ":" : "(");
        ASSERT_EQ(r.shape.size(), rc.shape.size());
        for (size_t i = 0; i < rc.shape.size(); i++)
            EXPECT_EQ(text(p.toks, r.shape[i]), rc.shape[i]);
        EXPECT_EQ(text(p.toks, r.root), rc.root);
        ASSERT_EQ(r.secs.size(), rc.secs.size());
        for (size_t i = 0; i < rc.secs.size(); i++) {
            EXPECT_STREQ(kind_name(r.secs[i].kind), kind_name(rc.secs[i].kind)) << "section " << i;
            EXPECT_EQ(text(p.toks, r.secs[i].lo), rc.secs[i].lo) << "section " << i;
            if (rc.secs[i].kind != Section::INDEX) {
                EXPECT_EQ(text(p.toks, r.secs[i].hi), rc.secs[i].hi) << "section " << i;
            }
        }
        ASSERT_EQ(r.iters.size(), rc.iters.size());
        for (size_t i = 0; i < rc.iters.size(); i++) {
            const Iter &it = r.iters[i];
            EXPECT_EQ(it.name, rc.iters[i].name);
            EXPECT_EQ(p.toks[it.name_tok].text, rc.iters[i].name);
            EXPECT_EQ(text(p.toks, it.lo), rc.iters[i].lo);
            EXPECT_EQ(text(p.toks, it.hi), rc.iters[i].hi);
            EXPECT_EQ(it.upper, rc.iters[i].upper);
        }
    }
}

TEST(Pragmas, SeveralReferencesAndClauses) {
    Parsed p = parse("task in(x, a[0;n], {b[i], i=0;3}) out(y), inout([n]q) depend(inoutset: z)");
    ASSERT_TRUE(p.ok) << p.err.message;
    ASSERT_EQ(p.dir.clauses.size(), 4u);
    const Clause &in = p.dir.clauses[0];
    ASSERT_EQ(in.refs.size(), 3u);
    EXPECT_EQ(text(p.toks, in.refs[0].all), "x");
    EXPECT_EQ(text(p.toks, in.refs[1].all), "a[0;n]");
    EXPECT_EQ(text(p.toks, in.refs[2].all), "{b[i],i=0;3}");
    EXPECT_EQ(p.dir.clauses[1].id, C_out);
    EXPECT_EQ(p.dir.clauses[2].id, C_inout);
    EXPECT_EQ(p.dir.clauses[3].id, C_depend);
    EXPECT_EQ(p.dir.clauses[3].dep, DK_INOUTSET);
}

TEST(Pragmas, DependenceKinds) {
    struct {
        const char *src;
        DepKind kind;
        bool weak;
    } cases[] = {
        {"task in(x)", DK_IN, false},           {"task input(x)", DK_IN, false},
        {"task out(x)", DK_OUT, false},         {"task output(x)", DK_OUT, false},
        {"task inout(x)", DK_INOUT, false},     {"taskwait on(x)", DK_INOUT, false},
        {"task weakin(x)", DK_IN, true},        {"task weakout(x)", DK_OUT, true},
        {"task weakinout(x)", DK_INOUT, true},  {"task concurrent(x)", DK_INOUTSET, false},
        {"task commutative(x)", DK_MUTEXINOUTSET, false},
        {"task reduction(+: x)", DK_MUTEXINOUTSET, false},
        {"task depend(in: x)", DK_IN, false},   {"task depend(out: x)", DK_OUT, false},
        {"task depend(inout: x)", DK_INOUT, false},
        {"task depend(inoutset: x)", DK_INOUTSET, false},
        {"task depend(mutexinoutset: x)", DK_MUTEXINOUTSET, false},
        {"task infile(p)", DK_IN, false},       {"task outfile(p)", DK_OUT, false},
        {"taskwait inoutfile(p)", DK_INOUT, false},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.src);
        Parsed p = parse(c.src);
        ASSERT_TRUE(p.ok) << p.err.message;
        EXPECT_EQ(p.dir.clauses[0].dep, c.kind);
        EXPECT_EQ(p.dir.clauses[0].weak, c.weak);
    }
    DepKind k;
    bool weak;
    EXPECT_FALSE(clause_dep_kind(C_private_, k, weak));
    EXPECT_FALSE(clause_dep_kind(C_depend, k, weak));  // its kind is in the clause
}

TEST(Pragmas, OtherArguments) {
    Parsed p = parse("task reduction(max: s, t) default(firstprivate) label(\"step 1\") "
                     "private(a, b) if(n > 10 && m) wait");
    ASSERT_TRUE(p.ok) << p.err.message;
    const Clause *red = p.dir.find(C_reduction);
    ASSERT_NE(red, nullptr);
    EXPECT_EQ(red->text, "max");
    ASSERT_EQ(red->vars.size(), 2u);
    EXPECT_EQ(red->vars[0].first, "s");
    EXPECT_EQ(p.toks[red->vars[1].second].text, "t");
    EXPECT_EQ(p.dir.find(C_default_)->def, DEF_FIRSTPRIVATE);
    EXPECT_EQ(p.dir.find(C_label)->text, "\"step 1\"");
    EXPECT_EQ(p.dir.find(C_private_)->vars.size(), 2u);
    EXPECT_EQ(text(p.toks, p.dir.find(C_if_)->expr), "n>10&&m");
    EXPECT_NE(p.dir.find(C_wait), nullptr);
    EXPECT_EQ(p.dir.find(C_final), nullptr);

    for (const char *op : {"+", "-", "*", "&", "|", "^", "&&", "||", "max", "min"}) {
        Parsed r = parse(std::string("task reduction(") + op + ": s)");
        EXPECT_TRUE(r.ok) << op << ": " << r.err.message;
        EXPECT_EQ(r.dir.clauses[0].text, op);
    }
    struct {
        const char *kw;
        DefaultKind k;
    } defs[] = {{"none", DEF_NONE}, {"shared", DEF_SHARED}, {"private", DEF_PRIVATE},
                {"firstprivate", DEF_FIRSTPRIVATE}};
    for (const auto &d : defs)
        EXPECT_EQ(parse(std::string("task default(") + d.kw + ")").dir.clauses[0].def, d.k);

    Parsed crit = parse("critical(io)");
    ASSERT_TRUE(crit.ok);
    ASSERT_EQ(crit.dir.clauses.size(), 1u);
    EXPECT_EQ(crit.dir.clauses[0].id, C_name);
    EXPECT_EQ(crit.dir.clauses[0].text, "io");
    EXPECT_EQ(crit.dir.clauses[0].tok, 2u);
}

TEST(Pragmas, TargetClauses) {
    Parsed p = parse("target device(cuda) ndrange(2, n, m * 2, 16, (8)) copy_deps implements(base)",
                     SP_OMP);
    ASSERT_TRUE(p.ok) << p.err.message;
    EXPECT_EQ(p.dir.id, D_target);
    EXPECT_EQ(p.dir.find(C_device)->device, DEV_CUDA);
    const Clause *nd = p.dir.find(C_ndrange);
    ASSERT_EQ(nd->exprs.size(), 5u);
    const char *want[] = {"2", "n", "m*2", "16", "(8)"};
    for (size_t i = 0; i < 5; i++)
        EXPECT_EQ(text(p.toks, nd->exprs[i]), want[i]);
    EXPECT_NE(p.dir.find(C_copy_deps), nullptr);
    const Clause *im = p.dir.find(C_implements);
    EXPECT_EQ(im->text, "base");
    EXPECT_EQ(text(p.toks, im->expr), "base");
    EXPECT_EQ(parse("task device(smp)").dir.clauses[0].device, DEV_SMP);
    // target is OmpSs v1 only; OmpSs-2 writes the clauses on the task.
    EXPECT_FALSE(parse("target device(cuda)", SP_OSS).ok);
    Parsed t = parse("task device(cuda) ndrange(1, n, 64) implements(f) copy_in(a[0;n]) copy_out([n]b)");
    ASSERT_TRUE(t.ok) << t.err.message;
    EXPECT_EQ(t.dir.find(C_copy_out)->refs.size(), 1u);
}

TEST(Pragmas, FilesProgramsAndFailures) {
    Parsed p = parse("task binary(prog) args(\"-o {out} {in}\") infile(a, b[i]) outfile(out) "
                     "stdout(log) mpi(\"mpirun\") processes(n * 2) on_failure(retry(n + 1)) time_out(1.5)");
    ASSERT_TRUE(p.ok) << p.err.message;
    const Clause *in = p.dir.find(C_infile);
    ASSERT_EQ(in->exprs.size(), 2u);
    EXPECT_EQ(text(p.toks, in->exprs[1]), "b[i]");
    EXPECT_TRUE(clause_is_file(C_outfile));
    EXPECT_FALSE(clause_is_file(C_out));
    EXPECT_EQ(p.dir.find(C_args)->text, "\"-o {out} {in}\"");
    EXPECT_EQ(text(p.toks, p.dir.find(C_args)->expr), "\"-o {out} {in}\"");
    EXPECT_EQ(text(p.toks, p.dir.find(C_processes)->expr), "n*2");
    const Clause *f = p.dir.find(C_on_failure);
    EXPECT_EQ(f->policy, FP_RETRY);
    EXPECT_EQ(text(p.toks, f->expr), "n+1");
    EXPECT_EQ(text(p.toks, p.dir.find(C_time_out)->expr), "1.5");
    struct {
        const char *src;
        FailPolicy policy;
    } policies[] = {{"task on_failure(fail)", FP_FAIL},
                    {"task on_failure(cancel_successors)", FP_CANCEL},
                    {"taskloop on_failure(ignore)", FP_IGNORE}};
    for (const auto &c : policies) {
        SCOPED_TRACE(c.src);
        Parsed q = parse(c.src);
        ASSERT_TRUE(q.ok) << q.err.message;
        EXPECT_EQ(q.dir.clauses[0].policy, c.policy);
        EXPECT_TRUE(q.dir.clauses[0].expr.empty());
    }
    // Programs are function tasks: not on taskloop; files also on taskwait.
    EXPECT_FALSE(parse("taskloop binary(p)").ok);
    EXPECT_TRUE(parse("taskwait infile(p) outfile(q)").ok);
    EXPECT_TRUE(parse("task infile(p) infile(q) outfile(r) outfile(s)").ok);  // like in(), repeatable
    EXPECT_FALSE(parse("release infile(p)").ok);
    EXPECT_FALSE(parse("taskwait on_failure(ignore)").ok);
}

TEST(Pragmas, ConstraintsParseIntoKeysAndValues) {
    Parsed p = parse("task constraints(computing_units(n + 1), memorySize(2.5), "
                     "processor_type(\"GPU\"), appSoftware(feat), processorName(f(a, b)))");
    ASSERT_TRUE(p.ok) << p.err.message;
    const Clause *c = p.dir.find(C_constraints);
    ASSERT_NE(c, nullptr);
    ASSERT_EQ(c->cons.size(), 5u);
    struct {
        ConstraintId id;
        const char *key, *value;
    } want[] = {{K_computing_units, "computing_units", "n+1"},
                {K_memory_size, "memorySize", "2.5"},
                {K_processor_type, "processor_type", "\"GPU\""},
                {K_app_software, "appSoftware", "feat"},
                {K_processor_name, "processorName", "f(a,b)"}};
    for (size_t i = 0; i < 5; i++) {
        EXPECT_EQ(c->cons[i].id, want[i].id) << i;
        EXPECT_EQ(p.toks[c->cons[i].tok].text, want[i].key);
        EXPECT_EQ(text(p.toks, c->cons[i].value), want[i].value);
    }
}

TEST(Pragmas, EveryConstraintKeyParsesInBothSpellings) {
    for (unsigned k = 0; k < K_COUNT; k++)
        for (const char *key : {kConstraints[k].name, kConstraints[k].alias}) {
            SCOPED_TRACE(key);
            Parsed p = parse(std::string("task constraints(") + key + "(v))");
            ASSERT_TRUE(p.ok) << p.err.message;
            ASSERT_EQ(p.dir.clauses[0].cons.size(), 1u);
            EXPECT_EQ(p.dir.clauses[0].cons[0].id, ConstraintId(k));
        }
    EXPECT_EQ(K_COUNT, 7);
    EXPECT_STREQ(kConstraints[K_computing_units].alias, "computingUnits");
    EXPECT_EQ(kConstraints[K_computing_units].type, K_INT);
    EXPECT_EQ(kConstraints[K_memory_size].type, K_REAL);
    EXPECT_EQ(kConstraints[K_processor_speed].type, K_REAL);
    EXPECT_EQ(kConstraints[K_processor_type].type, K_PTYPE);
    EXPECT_EQ(kConstraints[K_app_software].type, K_STRING);
}

}  // namespace
