// parse_fuzz.cpp - libFuzzer target over the pragma parser (clauses.cpp).
//
// The input bytes are lexed into tokens the way the translator's pragma
// handler classifies Clang's (identifier, number, string literal,
// punctuator, anything else), then parsed as the text after `#pragma oss`
// and after `#pragma omp`. Besides the sanitizers' checks it aborts when a
// result breaks the parser's contract (clauses.h): an error points at most
// one past the last token; a parsed directive has only allowed clauses
// whose token indices and ranges lie within the tokens.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "clauses.h"

using namespace ssc;

namespace {

const size_t kMaxTokens = 256;

bool ident_start(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool ident_char(unsigned char c) { return ident_start(c) || digit(c); }

// C punctuators, longest first (digraphs left out).
const char *const kPuncts[] = {
    "...", "<<=", ">>=", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&",
    "||", "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=", "##", "[", "]", "(", ")",
    "{", "}", ".", "&", "*", "+", "-", "~", "!", "/", "%", "<", ">", "^", "|", "?",
    ":", ";", "=", ",", "#", nullptr};

std::vector<Tok> lex(const uint8_t *d, size_t size) {
    std::vector<Tok> out;
    size_t i = 0;
    while (i < size && out.size() < kMaxTokens) {
        unsigned char c = d[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
            i++;
            continue;
        }
        size_t j = i + 1;
        Tok::Kind kind = Tok::Other;
        if (ident_start(c)) {
            kind = Tok::Ident;
            while (j < size && ident_char(d[j]))
                j++;
        } else if (digit(c) || (c == '.' && i + 1 < size && digit(d[i + 1]))) {
            kind = Tok::Number;  // a pp-number: digits, letters, '.', exponent signs
            while (j < size && (ident_char(d[j]) || d[j] == '.' ||
                                ((d[j] == '+' || d[j] == '-') && strchr("eEpP", d[j - 1]))))
                j++;
        } else if (c == '"' || c == '\'') {
            kind = c == '"' ? Tok::String : Tok::Other;  // a char constant is no punctuator
            while (j < size && d[j] != c && d[j] != '\n')
                j += d[j] == '\\' ? 2 : 1;
            j = j < size ? j + 1 : size;
        } else {
            for (const char *const *p = kPuncts; *p; p++) {
                size_t len = strlen(*p);
                if (len <= size - i && memcmp(d + i, *p, len) == 0) {
                    kind = Tok::Punct;
                    j = i + len;
                    break;
                }
            }
        }
        out.push_back({kind, std::string(reinterpret_cast<const char *>(d) + i, j - i)});
        i = j;
    }
    return out;
}

[[noreturn]] void broken(const char *what, unsigned a, unsigned b) {
    fprintf(stderr, "parse_fuzz: contract broken: %s (%u, %u)\n", what, a, b);
    abort();
}

void check(bool ok, const char *what, unsigned a = 0, unsigned b = 0) {
    if (!ok)
        broken(what, a, b);
}

// r lies within [0, n) with b <= e, and inside `in` when given.
void check_range(Range r, size_t n, const char *what, const Range *in = nullptr) {
    check(r.b <= r.e, what, r.b, r.e);
    check(r.e <= n, what, r.e, unsigned(n));
    if (in && !r.empty())
        check(r.b >= in->b && r.e <= in->e, what, r.b, r.e);
}

void check_ref(const Ref &r, size_t n) {
    check_range(r.all, n, "ref.all");
    check(!r.all.empty(), "empty ref.all", r.all.b, r.all.e);
    for (const Range &s : r.shape) {
        check_range(s, n, "ref.shape", &r.all);
        check(!s.empty(), "empty shaping dimension", s.b, s.e);
    }
    check_range(r.root, n, "ref.root", &r.all);
    check(!r.root.empty(), "empty ref.root", r.root.b, r.root.e);
    for (const Section &s : r.secs) {
        check_range(s.lo, n, "section.lo", &r.all);
        check_range(s.hi, n, "section.hi", &r.all);
        if (s.kind == Section::INDEX)
            check(!s.lo.empty(), "empty index", s.lo.b, s.lo.e);
    }
    for (const Iter &it : r.iters) {
        check(it.name_tok < n, "iterator name token", it.name_tok, unsigned(n));
        check_range(it.lo, n, "iter.lo", &r.all);
        check_range(it.hi, n, "iter.hi", &r.all);
        check(!it.lo.empty() && !it.hi.empty(), "empty iterator bound", it.lo.b, it.hi.b);
    }
}

void check_directive(const std::vector<Tok> &toks, Spelling sp, const Directive &d) {
    size_t n = toks.size();
    check(d.id < D_COUNT && (kDirectives[d.id].spellings & sp), "directive id", d.id);
    check(d.tok < n && toks[d.tok].text == kDirectives[d.id].name, "directive token", d.tok);
    for (const Clause &c : d.clauses) {
        check(c.id < C_COUNT && clause_allowed(d.id, c.id), "clause not allowed", d.id, c.id);
        check(c.tok < n, "clause token", c.tok, unsigned(n));
        check(*kClauses[c.id].name ? toks[c.tok].text == kClauses[c.id].name
                                   : toks[c.tok].text == c.text,
              "clause token text", c.tok);
        check_range(c.expr, n, "clause.expr");
        if (kClauses[c.id].arg == A_EXPR)
            check(!c.expr.empty(), "empty expression", c.expr.b, c.expr.e);
        if (kClauses[c.id].arg == A_REFS || kClauses[c.id].arg == A_DEPEND)
            check(!c.refs.empty(), "no references", c.tok);
        for (const Ref &r : c.refs)
            check_ref(r, n);
        for (const auto &v : c.vars)
            check(v.second < n && toks[v.second].text == v.first, "variable token", v.second);
        for (const Range &e : c.exprs) {
            check_range(e, n, "clause.exprs");
            check(!e.empty(), "empty expression in a list", e.b, e.e);
        }
        for (const Constraint &k : c.cons) {
            check(k.id < K_COUNT && k.tok < n, "constraint key", k.tok, unsigned(n));
            check(toks[k.tok].text == kConstraints[k.id].name || toks[k.tok].text == kConstraints[k.id].alias,
                  "constraint key text", k.tok);
            check_range(k.value, n, "constraint value");
            check(!k.value.empty(), "empty constraint value", k.value.b, k.value.e);
        }
        if (kClauses[c.id].arg == A_POLICY)
            check((c.policy == FP_RETRY) == !c.expr.empty(), "retry(n) and its count", c.tok);
        if (kClauses[c.id].arg == A_FUNC)
            check(c.expr.e == c.expr.b + 1 && toks[c.expr.b].text == c.text, "implements name", c.expr.b);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    std::vector<Tok> toks = lex(data, size);
    for (Spelling sp : {SP_OSS, SP_OMP}) {
        Directive d;
        ParseError err;
        if (parse_directive(toks, sp, d, err))
            check_directive(toks, sp, d);
        else
            check(err.tok <= toks.size() && !err.message.empty(), "error token", err.tok,
                  unsigned(toks.size()));
    }
    return 0;
}
