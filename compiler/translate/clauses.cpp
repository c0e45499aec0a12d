// clauses.cpp - the pragma and clause parser (see clauses.h).
#include "clauses.h"

#include <cstring>

namespace ssc {

const DirectiveSpec kDirectives[D_COUNT] = {
#define SS_DIRECTIVE(id, name, sp, form, summary) {name, sp, form, summary},
#include "pragmas.def"
};
const ClauseSpec kClauses[C_COUNT] = {
#define SS_CLAUSE(id, name, arg, summary) {name, arg, summary},
#include "pragmas.def"
};

const ConstraintSpec kConstraints[K_COUNT] = {
#define SS_CONSTRAINT(id, name, alias, type, summary) {name, alias, type, summary},
#include "pragmas.def"
};

std::string constraint_keys() {
    std::string s;
    for (const ConstraintSpec &k : kConstraints)
        s += std::string(s.empty() ? "" : ", ") + k.name + " (" + k.alias + ")";
    return s;
}

const char *const kPolicyNote = "failure policies: retry(n), cancel_successors, fail, ignore";

bool clause_allowed(DirId d, ClauseId c) {
#define SS_ALLOW(dir, cl) if (d == D_##dir && c == C_##cl) return true;
#include "pragmas.def"
    return false;
}

std::string allowed_clauses(DirId d) {
    std::string s;
    for (unsigned c = 0; c < C_COUNT; c++) {
        if (!clause_allowed(d, ClauseId(c)) || !*kClauses[c].name)
            continue;
        if (!s.empty())
            s += ", ";
        s += kClauses[c].name;
    }
    return s;
}

bool clause_dep_kind(ClauseId c, DepKind &kind, bool &weak) {
    weak = false;
    switch (c) {
    case C_in: case C_input: case C_infile: kind = DK_IN; return true;
    case C_out: case C_output: case C_outfile: kind = DK_OUT; return true;
    case C_inout: case C_on: case C_inoutfile: kind = DK_INOUT; return true;
    case C_weakin: kind = DK_IN; weak = true; return true;
    case C_weakout: kind = DK_OUT; weak = true; return true;
    case C_weakinout: kind = DK_INOUT; weak = true; return true;
    case C_concurrent: kind = DK_INOUTSET; return true;
    case C_commutative: case C_reduction: kind = DK_MUTEXINOUTSET; return true;
    default: return false;
    }
}

namespace {

class Parser {
public:
    Parser(const std::vector<Tok> &t, ParseError &e) : toks(t), err(e) {}

    bool directive(Spelling sp, Directive &out);

private:
    const std::vector<Tok> &toks;
    ParseError &err;
    unsigned p = 0;

    unsigned n() const { return unsigned(toks.size()); }
    bool is(unsigned i, const char *punct) const {
        return i < n() && toks[i].kind == Tok::Punct && toks[i].text == punct;
    }
    bool fail(unsigned tok, std::string msg, std::string note = "") {
        err.tok = tok;
        err.message = std::move(msg);
        err.note = std::move(note);
        return false;
    }
    static bool opener(const Tok &t) {
        return t.kind == Tok::Punct && (t.text == "(" || t.text == "[" || t.text == "{");
    }
    static bool closer(const Tok &t) {
        return t.kind == Tok::Punct && (t.text == ")" || t.text == "]" || t.text == "}");
    }
    // Index of the token closing the bracket at `open`, or n() if none.
    unsigned match(unsigned open, unsigned end) const;
    // First top-level token in [b, e) that is one of `seps` (a ':' that
    // closes a '?' does not count). Returns e if none.
    unsigned find_top(unsigned b, unsigned e, const char *const *seps) const;

    bool clause(DirId d, bool depend_lengths, Clause &c);
    bool refs(unsigned b, unsigned e, bool omp_len, std::vector<Ref> &out);
    bool ref(unsigned b, unsigned e, bool omp_len, Ref &r);
    bool plain_ref(unsigned b, unsigned e, bool omp_len, Ref &r);
    bool expr(unsigned b, unsigned e, Range &r, const char *what);
    bool exprs(unsigned b, unsigned e, std::vector<Range> &out);
    bool constraints(unsigned b, unsigned e, std::vector<Constraint> &out);
    bool policy(unsigned b, unsigned e, Clause &c);
};

unsigned Parser::match(unsigned open, unsigned end) const {
    std::vector<char> stack;
    for (unsigned i = open; i < end; i++) {
        const Tok &t = toks[i];
        if (opener(t)) {
            stack.push_back(t.text[0]);
        } else if (closer(t)) {
            char want = t.text == ")" ? '(' : t.text == "]" ? '[' : '{';
            if (stack.empty() || stack.back() != want)
                return n();
            stack.pop_back();
            if (stack.empty())
                return i;
        }
    }
    return n();
}

unsigned Parser::find_top(unsigned b, unsigned e, const char *const *seps) const {
    int depth = 0, quest = 0;
    for (unsigned i = b; i < e; i++) {
        const Tok &t = toks[i];
        if (opener(t)) {
            depth++;
        } else if (closer(t)) {
            depth--;
        } else if (depth == 0 && t.kind == Tok::Punct) {
            if (t.text == "?") {
                quest++;
                continue;
            }
            if (t.text == ":" && quest > 0) {
                quest--;
                continue;
            }
            for (const char *const *s = seps; *s; s++)
                if (t.text == *s)
                    return i;
        }
    }
    return e;
}

bool Parser::expr(unsigned b, unsigned e, Range &r, const char *what) {
    if (b >= e)
        return fail(b, std::string("expected ") + what);
    r.b = b;
    r.e = e;
    return true;
}

bool Parser::exprs(unsigned b, unsigned e, std::vector<Range> &out) {
    static const char *const comma[] = {",", nullptr};
    while (true) {
        unsigned c = find_top(b, e, comma);
        Range r;
        if (!expr(b, c, r, out.empty() ? "an expression" : "an expression after ','"))
            return false;
        out.push_back(r);
        if (c == e)
            return true;
        b = c + 1;
    }
}

bool Parser::constraints(unsigned b, unsigned e, std::vector<Constraint> &out) {
    if (b >= e)
        return fail(b, "expected a constraint", "constraints: " + constraint_keys());
    while (b < e) {
        if (toks[b].kind != Tok::Ident)
            return fail(b, "expected a constraint", "constraints: " + constraint_keys());
        Constraint k;
        k.tok = b;
        unsigned id = K_COUNT;
        for (unsigned i = 0; i < K_COUNT; i++)
            if (toks[b].text == kConstraints[i].name || toks[b].text == kConstraints[i].alias)
                id = i;
        if (id == K_COUNT)
            return fail(b, "unknown constraint '" + toks[b].text + "'", "constraints: " + constraint_keys());
        k.id = ConstraintId(id);
        for (const Constraint &o : out)
            if (o.id == k.id)
                return fail(b, std::string("constraint '") + kConstraints[id].name + "' given more than once");
        if (!is(b + 1, "("))
            return fail(b + 1, "expected '(' after '" + toks[b].text + "'");
        unsigned close = match(b + 1, e);
        if (close >= e)
            return fail(b + 1, "expected ')' closing '" + toks[b].text + "('");
        if (!expr(b + 2, close, k.value, "a value"))
            return false;
        out.push_back(k);
        b = close + 1;
        if (b < e && !is(b, ","))
            return fail(b, "expected ',' between constraints");
        if (b < e && ++b == e)
            return fail(e, "expected a constraint after ','");
    }
    return true;
}

// on_failure(retry(n) | cancel_successors | fail | ignore)
bool Parser::policy(unsigned b, unsigned e, Clause &c) {
    if (b >= e || toks[b].kind != Tok::Ident)
        return fail(b, "expected a failure policy", kPolicyNote);
    static const char *const names[] = {"fail", "retry", "cancel_successors", "ignore"};
    const std::string &w = toks[b].text;
    unsigned k = 0;
    while (k < 4 && w != names[k])
        k++;
    if (k == 4)
        return fail(b, "unknown failure policy '" + w + "'", kPolicyNote);
    c.policy = FailPolicy(k);
    unsigned next = b + 1;
    if (c.policy == FP_RETRY) {
        if (!is(b + 1, "("))
            return fail(b, "'retry' needs the number of retries: retry(n)");
        unsigned close = match(b + 1, e);
        if (close >= e)
            return fail(b + 1, "expected ')' closing 'retry('");
        if (!expr(b + 2, close, c.expr, "the number of retries"))
            return false;
        next = close + 1;
    } else if (is(b + 1, "(")) {
        return fail(b + 1, "failure policy '" + w + "' takes no argument");
    }
    if (next < e)
        return fail(next, "expected ')' after the failure policy");
    return true;
}

bool Parser::plain_ref(unsigned b, unsigned e, bool omp_len, Ref &r) {
    unsigned i = b;
    while (is(i, "[") && i < e) {
        unsigned close = match(i, e);
        if (close >= e)
            return fail(i, "unbalanced '[' in shaping expression");
        Range dim;
        if (!expr(i + 1, close, dim, "a dimension size in the shaping expression"))
            return false;
        r.shape.push_back(dim);
        i = close + 1;
    }
    if (i >= e)
        return fail(i, "expected a data reference after the shaping expression");
    // Trailing subscript groups of the postfix expression, left to right.
    std::vector<std::pair<unsigned, unsigned>> groups;
    unsigned end = e;
    while (end > i && is(end - 1, "]")) {
        int depth = 0;
        unsigned j = end - 1;
        for (;; j--) {
            if (closer(toks[j]))
                depth++;
            else if (opener(toks[j]))
                depth--;
            if (depth == 0 || j == i)
                break;
        }
        if (depth != 0 || !is(j, "["))
            return fail(end - 1, "unbalanced ']' in data reference");
        groups.insert(groups.begin(), {j, end - 1});
        end = j;
    }
    static const char *const secsep[] = {";", ":", nullptr};
    size_t first = groups.size();
    for (size_t g = 0; g < groups.size(); g++)
        if (find_top(groups[g].first + 1, groups[g].second, secsep) < groups[g].second) {
            first = g;
            break;
        }
    unsigned root_end = first < groups.size() ? groups[first].first : e;
    if (root_end <= i)
        return fail(i, "expected a data reference before the array section");
    r.root = {i, root_end};
    for (size_t g = first; g < groups.size(); g++) {
        unsigned ob = groups[g].first + 1, cb = groups[g].second;
        unsigned s = find_top(ob, cb, secsep);
        Section sec;
        if (s == cb) {
            sec.kind = Section::INDEX;
            if (!expr(ob, cb, sec.lo, "an index"))
                return false;
        } else {
            // a[lo:len:stride] (OpenMP's strided section): a dependence
            // covers a contiguous range in each dimension.
            unsigned s2 = find_top(s + 1, cb, secsep);
            if (s2 < cb)
                return fail(s2, "array sections with a stride are not supported in dependences");
            bool semi = toks[s].text == ";";
            sec.kind = semi || omp_len ? Section::LEN : Section::UPPER;
            sec.lo = {ob, s};  // may be empty: from 0
            sec.hi = {s + 1, cb};
            if (semi && sec.hi.empty())
                return fail(cb, "expected the length of the array section");
        }
        r.secs.push_back(sec);
    }
    // "([n]p)[...]": shaping inside parentheses.
    if (is(r.root.b, "(") && is(r.root.b + 1, "[") &&
        match(r.root.b, r.root.e) == r.root.e - 1 && r.shape.empty()) {
        Ref inner;
        if (!plain_ref(r.root.b + 1, r.root.e - 1, omp_len, inner))
            return false;
        if (!inner.secs.empty())
            return fail(inner.secs[0].lo.b, "an array section inside a parenthesized shaping expression is not supported");
        r.shape = inner.shape;
        r.root = inner.root;
    }
    if (!r.shape.empty() && r.secs.size() > r.shape.size())
        return fail(r.secs[r.shape.size()].lo.empty() ? r.root.b : r.secs[r.shape.size()].lo.b,
                    "more array sections than shaping dimensions");
    return true;
}

bool Parser::ref(unsigned b, unsigned e, bool omp_len, Ref &r) {
    r.all = {b, e};
    if (b >= e)
        return fail(b, "expected a data reference");
    if (!is(b, "{"))
        return plain_ref(b, e, omp_len, r);
    unsigned close = match(b, e);
    if (close != e - 1)
        return fail(b, "expected '}' closing the multidependence");
    static const char *const comma[] = {",", nullptr};
    unsigned c = find_top(b + 1, close, comma);
    if (c == close)
        return fail(close, "expected ', iterator = lower;length' in the multidependence");
    if (!plain_ref(b + 1, c, omp_len, r))
        return false;
    while (c < close) {
        unsigned ib = c + 1;
        c = find_top(ib, close, comma);
        Iter it;
        if (ib >= c || toks[ib].kind != Tok::Ident)
            return fail(ib, "expected an iterator name in the multidependence");
        it.name = toks[ib].text;
        it.name_tok = ib;
        if (!is(ib + 1, "="))
            return fail(ib + 1, "expected '=' after the iterator name");
        static const char *const sep[] = {";", ":", nullptr};
        unsigned s = find_top(ib + 2, c, sep);
        if (s == c)
            return fail(c, "expected 'lower;length' or 'lower:upper' for the iterator");
        it.upper = toks[s].text == ":";
        if (!expr(ib + 2, s, it.lo, "the iterator's lower bound") ||
            !expr(s + 1, c, it.hi, it.upper ? "the iterator's upper bound" : "the iterator's length"))
            return false;
        r.iters.push_back(it);
    }
    return true;
}

bool Parser::refs(unsigned b, unsigned e, bool omp_len, std::vector<Ref> &out) {
    static const char *const comma[] = {",", nullptr};
    if (b >= e)
        return fail(b, "expected a data reference");
    while (b < e) {
        unsigned c = find_top(b, e, comma);
        Ref r;
        if (!ref(b, c, omp_len, r))
            return false;
        out.push_back(r);
        b = c + 1;
        if (c + 1 == e)
            return fail(e, "expected a data reference after ','");
    }
    return true;
}

bool Parser::clause(DirId d, bool, Clause &c) {
    const Tok &name = toks[p];
    c.tok = p;
    unsigned id = C_COUNT;
    if (name.kind == Tok::Ident)
        for (unsigned k = 0; k < C_COUNT; k++)
            if (*kClauses[k].name && name.text == kClauses[k].name)
                id = k;
    std::string dname = kDirectives[d].name;
    if (id == C_COUNT)
        return fail(p, "unknown clause '" + name.text + "' on '" + dname + "'",
                    "clauses allowed on '" + dname + "': " + allowed_clauses(d));
    c.id = ClauseId(id);
    if (!clause_allowed(d, c.id))
        return fail(p, "clause '" + name.text + "' is not allowed on '" + dname + "'",
                    "clauses allowed on '" + dname + "': " + allowed_clauses(d));
    clause_dep_kind(c.id, c.dep, c.weak);
    ArgKind kind = kClauses[id].arg;
    p++;
    if (kind == A_NONE) {
        if (is(p, "("))
            return fail(p, "clause '" + name.text + "' takes no argument");
        return true;
    }
    if (!is(p, "("))
        return fail(p, "expected '(' after '" + name.text + "'");
    unsigned close = match(p, n());
    if (close >= n())
        return fail(p, "expected ')' closing '" + name.text + "('");
    unsigned b = p + 1, e = close;
    p = close + 1;
    switch (kind) {
    case A_EXPR:
        return expr(b, e, c.expr, "an expression");
    case A_STRING:
        if (e != b + 1 || toks[b].kind != Tok::String)
            return fail(b, "expected a string literal in '" + name.text + "'");
        c.text = toks[b].text;
        c.expr = {b, e};
        return true;
    case A_REFS:
        return refs(b, e, false, c.refs);
    case A_EXPRS:
        return exprs(b, e, c.exprs);
    case A_CONSTRAINTS:
        return constraints(b, e, c.cons);
    case A_POLICY:
        return policy(b, e, c);
    case A_DEVICE:
        if (e != b + 1 || toks[b].kind != Tok::Ident)
            return fail(b, "expected 'smp' or 'cuda' in 'device'");
        c.text = toks[b].text;
        if (c.text == "smp")
            c.device = DEV_SMP;
        else if (c.text == "cuda")
            c.device = DEV_CUDA;
        else
            return fail(b, "unknown device '" + c.text + "'", "allowed: smp, cuda");
        return true;
    case A_FUNC:
        if (e != b + 1 || toks[b].kind != Tok::Ident)
            return fail(b, "expected a function name in '" + name.text + "'");
        c.text = toks[b].text;
        c.expr = {b, e};
        return true;
    case A_DEPEND: {
        static const char *const colon[] = {":", nullptr};
        unsigned s = find_top(b, e, colon);
        if (s == e || s != b + 1 || toks[b].kind != Tok::Ident)
            return fail(b, "expected 'in', 'out', 'inout', 'inoutset' or 'mutexinoutset' followed by ':'");
        const std::string &k = toks[b].text;
        if (k == "in") c.dep = DK_IN;
        else if (k == "out") c.dep = DK_OUT;
        else if (k == "inout") c.dep = DK_INOUT;
        else if (k == "inoutset") c.dep = DK_INOUTSET;
        else if (k == "mutexinoutset") c.dep = DK_MUTEXINOUTSET;
        else
            return fail(b, "unknown dependence type '" + k + "'",
                        "allowed: in, out, inout, inoutset, mutexinoutset");
        return refs(s + 1, e, true, c.refs);
    }
    case A_VARS:
    case A_REDUCTION: {
        unsigned i = b;
        if (kind == A_REDUCTION) {
            static const char *const colon[] = {":", nullptr};
            unsigned s = find_top(b, e, colon);
            if (s == e || s == b)
                return fail(b, "expected 'operator:' in reduction");
            if (s != b + 1)
                return fail(b + 1, "a reduction operator is one token", "allowed: +, -, *, &, |, ^, &&, ||, max, min");
            for (unsigned k = b; k < s; k++)
                c.text += toks[k].text;
            static const char *const ops[] = {"+", "-", "*", "&", "|", "^", "&&", "||", "max", "min", nullptr};
            bool ok = false;
            for (const char *const *o = ops; *o; o++)
                ok |= c.text == *o;
            if (!ok)
                return fail(b, "unknown reduction operator '" + c.text + "'",
                            "allowed: +, -, *, &, |, ^, &&, ||, max, min");
            i = s + 1;
        }
        if (i >= e)
            return fail(i, "expected a variable name");
        while (i < e) {
            if (toks[i].kind != Tok::Ident)
                return fail(i, "expected a variable name");
            c.vars.push_back({toks[i].text, i});
            i++;
            if (i < e && !is(i, ","))
                return fail(i, "expected ',' or ')' after a variable name");
            if (i < e && ++i == e)
                return fail(e, "expected a variable name after ','");
        }
        return true;
    }
    case A_DEFAULT: {
        if (e != b + 1 || toks[b].kind != Tok::Ident)
            return fail(b, "expected 'none', 'shared', 'private' or 'firstprivate'");
        const std::string &k = toks[b].text;
        if (k == "none") c.def = DEF_NONE;
        else if (k == "shared") c.def = DEF_SHARED;
        else if (k == "private") c.def = DEF_PRIVATE;
        else if (k == "firstprivate") c.def = DEF_FIRSTPRIVATE;
        else
            return fail(b, "unknown default '" + k + "'",
                        "allowed: none, shared, private, firstprivate");
        return true;
    }
    default:
        return fail(b, "internal: unexpected argument kind");
    }
}

// The note listing the directives of one spelling.
static std::string directives_note(Spelling sp) {
    std::string names;
    for (unsigned k = 0; k < D_COUNT; k++)
        if (kDirectives[k].spellings & sp)
            names += std::string(names.empty() ? "" : ", ") + kDirectives[k].name;
    return std::string("directives of '#pragma ") + (sp == SP_OSS ? "oss" : "omp") + "': " + names;
}

bool Parser::directive(Spelling sp, Directive &out) {
    if (n() == 0 || toks[0].kind != Tok::Ident)
        return fail(0, "expected a directive name", directives_note(sp));
    unsigned id = D_COUNT;
    for (unsigned k = 0; k < D_COUNT; k++)
        if (toks[0].text == kDirectives[k].name && (kDirectives[k].spellings & sp))
            id = k;
    if (id == D_COUNT)
        return fail(0, "unknown or unsupported directive '" + toks[0].text + "'", directives_note(sp));
    out.id = DirId(id);
    out.tok = 0;
    p = 1;
    if (out.id == D_critical && is(p, "(")) {
        if (p + 2 >= n() || toks[p + 1].kind != Tok::Ident || !is(p + 2, ")"))
            return fail(p + 1, "expected a name in 'critical(name)'");
        Clause c;
        c.id = C_name;
        c.tok = p + 1;
        c.text = toks[p + 1].text;
        out.clauses.push_back(c);
        p += 3;
    }
    while (p < n()) {
        if (is(p, ",") && !out.clauses.empty()) {
            if (p + 1 >= n() || is(p + 1, ","))
                return fail(p + 1, "expected a clause after ','");
            p++;
            continue;
        }
        if (toks[p].kind != Tok::Ident)
            return fail(p, "expected a clause name", "clauses allowed on '" + std::string(kDirectives[id].name) + "': " + allowed_clauses(out.id));
        Clause c;
        if (!clause(out.id, false, c))
            return false;
        ArgKind k = kClauses[c.id].arg;
        if (k != A_REFS && k != A_DEPEND && k != A_VARS && k != A_REDUCTION && !clause_is_file(c.id) &&
            out.find(c.id))
            return fail(c.tok, "clause '" + toks[c.tok].text + "' given more than once");
        out.clauses.push_back(c);
    }
    return true;
}

}  // namespace

bool parse_directive(const std::vector<Tok> &toks, Spelling spelling,
                     Directive &out, ParseError &err) {
    Parser ps(toks, err);
    return ps.directive(spelling, out);
}

}  // namespace ssc
