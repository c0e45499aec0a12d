// Unit tests of core/config.h (the settings table, parsing, loading from the
// environment) through config_shim.c, and the docs check: docs/config.md
// lists exactly the settings of the table, with their type, default and
// range. Rows are integers, booleans, choices among words, or strings.
#include <gtest/gtest.h>

#include <cerrno>
#include <cctype>
#include <climits>
#include <cstring>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "config_shim.h"

namespace {

unsigned rows() { return shim_config_rows(); }

std::string name(unsigned r) { return shim_config_name(r); }

int kind(unsigned r) { return shim_config_kind(r); }

std::string take(char *p)
{
    std::string s = p ? p : "(null)";
    free(p);
    return s;
}

// The default as printed and as written in docs/config.md.
std::string def_text(unsigned r) { return take(shim_config_default_text(r)); }

std::vector<std::string> words(unsigned r)
{
    std::vector<std::string> w;
    for (unsigned i = 0; shim_config_word(r, i); i++)
        w.push_back(shim_config_word(r, i));
    return w;
}

// A value the row must refuse.
std::string bad_text(unsigned r)
{
    if (kind(r) == SHIM_STRING)
        return std::string(shim_config_max(r) + 1, 'x');
    return "garbage!";
}

// Unset every SS_ variable of the table around each test.
class Config : public ::testing::Test {
  protected:
    void SetUp() override
    {
        for (unsigned r = 0; r < rows(); r++) {
            if (const char *v = getenv(shim_config_name(r)))
                saved_[name(r)] = v;
            unsetenv(shim_config_name(r));
        }
    }
    void TearDown() override
    {
        for (unsigned r = 0; r < rows(); r++)
            unsetenv(shim_config_name(r));
        for (const auto &kv : saved_)
            setenv(kv.first.c_str(), kv.second.c_str(), 1);
    }

  private:
    std::map<std::string, std::string> saved_;
};

struct Loaded {
    int rc;
    std::vector<long> values;
    std::string warnings;
};

Loaded load()
{
    Loaded l;
    l.values.resize(rows());
    char *w = nullptr;
    l.rc = shim_config_load(l.values.data(), rows(), &w, 1);
    l.warnings = w ? w : "";
    free(w);
    return l;
}

size_t lines(const std::string &s)
{
    size_t n = 0;
    for (char c : s)
        n += c == '\n';
    return n;
}

TEST_F(Config, TableIsSane)
{
    ASSERT_GT(rows(), 0u);
    std::set<std::string> names;
    for (unsigned r = 0; r < rows(); r++) {
        SCOPED_TRACE(name(r));
        EXPECT_EQ(name(r).rfind("SS_", 0), 0u) << "not an SS_ variable";
        EXPECT_TRUE(names.insert(name(r)).second) << "listed twice";
        if (kind(r) != SHIM_STRING) {
            EXPECT_LE(shim_config_min(r), shim_config_def(r));
            EXPECT_LE(shim_config_def(r), shim_config_max(r));
        }
        EXPECT_STRNE(shim_config_help(r), "");
        if (shim_config_is_bool(r) || kind(r) == SHIM_CHOICE) {
            EXPECT_EQ(shim_config_min(r), 0);
            EXPECT_EQ(shim_config_max(r), shim_config_is_bool(r) ? 1 : (long)words(r).size() - 1);
        }
        if (kind(r) == SHIM_STRING) {
            ASSERT_NE(shim_config_sdef(r), nullptr);
            EXPECT_LE(shim_config_min(r), (long)strlen(shim_config_sdef(r)));
            EXPECT_LE((long)strlen(shim_config_sdef(r)), shim_config_max(r));
            EXPECT_LT(shim_config_max(r), (long)shim_config_str_max());
        }
    }
}

TEST_F(Config, NothingSetGivesDefaultsAndNoWarning)
{
    Loaded l = load();
    EXPECT_EQ(l.rc, 0);
    EXPECT_EQ(l.warnings, "");
    for (unsigned r = 0; r < rows(); r++) {
        if (kind(r) != SHIM_STRING) {
            EXPECT_EQ(l.values[r], shim_config_def(r)) << name(r);
        }
        EXPECT_EQ(take(shim_config_loaded_text(r)), def_text(r)) << name(r);
    }
}

TEST_F(Config, EveryBadValueWarnsOnceInTableOrder)
{
    for (unsigned r = 0; r < rows(); r++)
        setenv(shim_config_name(r), bad_text(r).c_str(), 1);
    Loaded l = load();
    EXPECT_EQ(l.rc, (int)rows());
    EXPECT_EQ(lines(l.warnings), (size_t)rows());
    std::istringstream in(l.warnings);
    std::string line;
    for (unsigned r = 0; r < rows() && std::getline(in, line); r++) {
        EXPECT_NE(line.find(name(r) + "='" + bad_text(r) + "'"), std::string::npos) << line;
        EXPECT_EQ(take(shim_config_loaded_text(r)), def_text(r)) << name(r);
    }
}

TEST_F(Config, NullWarnStreamStillKeepsDefaults)
{
    setenv(shim_config_name(0), "garbage!", 1);
    std::vector<long> v(rows());
    EXPECT_EQ(shim_config_load(v.data(), rows(), nullptr, 0), 1);
    EXPECT_EQ(v[0], shim_config_def(0));
}

TEST_F(Config, PrintListsEveryRow)
{
    char *p = shim_config_print_defaults();
    ASSERT_NE(p, nullptr);
    std::string out = p;
    free(p);
    EXPECT_EQ(lines(out), (size_t)rows());
    std::istringstream in(out);
    std::string line;
    for (unsigned r = 0; r < rows() && std::getline(in, line); r++)
        EXPECT_EQ(line, name(r) + "=" + def_text(r) + "  # " + shim_config_help(r));
}

// ---- per row ---------------------------------------------------------------

class ConfigRow : public Config, public ::testing::WithParamInterface<unsigned> {};

TEST_P(ConfigRow, ParsesItsDefault)
{
    unsigned r = GetParam();
    long v = -12345;
    ASSERT_EQ(shim_config_parse(r, def_text(r).c_str(), &v), 0);
    EXPECT_EQ(v, shim_config_def(r));
}

// Integers and booleans (a choice takes words: ConfigChoiceRow).
class ConfigRangeRow : public ConfigRow {};

TEST_P(ConfigRangeRow, AcceptsItsRangeAndRejectsOutside)
{
    unsigned r = GetParam();
    long lo = shim_config_min(r), hi = shim_config_max(r), v;
    EXPECT_EQ(shim_config_parse(r, std::to_string(lo).c_str(), &v), 0);
    EXPECT_EQ(v, lo);
    EXPECT_EQ(shim_config_parse(r, std::to_string(hi).c_str(), &v), 0);
    EXPECT_EQ(v, hi);
    if (lo > LONG_MIN) {
        EXPECT_EQ(shim_config_parse(r, std::to_string(lo - 1).c_str(), &v), -1) << lo - 1;
    }
    if (hi < LONG_MAX) {
        EXPECT_EQ(shim_config_parse(r, std::to_string(hi + 1).c_str(), &v), -1) << hi + 1;
    }
    EXPECT_EQ(shim_config_parse(r, "-99999999999999999999999", &v), -1);
    EXPECT_EQ(shim_config_parse(r, "99999999999999999999999", &v), -1);
}

TEST_P(ConfigRow, RejectsGarbage)
{
    unsigned r = GetParam();
    const char *garbage[] = {"",    " ",    "abc", "12abc", "1.5",  "0x",  "--1", "+",
                             "-",   "1 ",   "1e3", "one",   "0x1g", "1,0", "NaN", "\t",
                             "1\n", "++1", "y",   "ye",    "of",   "2",   "-1"};
    for (const char *g : garbage) {
        long v;
        // "2" and "-1" are fine integers for some rows.
        std::string s = g;
        if (kind(r) == SHIM_INT && (s == "2" || s == "-1")) {
            long n = std::stol(s);
            bool in = n >= shim_config_min(r) && n <= shim_config_max(r);
            EXPECT_EQ(shim_config_parse(r, g, &v), in ? 0 : -1) << "'" << g << "'";
            continue;
        }
        EXPECT_EQ(shim_config_parse(r, g, &v), -1) << "'" << g << "'";
    }
    long v;
    EXPECT_EQ(shim_config_parse(r, nullptr, &v), -1);
}

struct BoolCase {
    const char *text;
    long value;  // -1: rejected
};

const BoolCase bool_cases[] = {
    {"1", 1},     {"0", 0},      {"true", 1},  {"false", 0}, {"yes", 1},    {"no", 0},
    {"on", 1},    {"off", 0},    {"TRUE", 1},  {"False", 0}, {"YeS", 1},    {"NO", 0},
    {"On", 1},    {"OFF", 0},    {"2", -1},    {"-1", -1},   {"10", -1},    {"01", -1},
    {"y", -1},    {"n", -1},     {"t", -1},    {"f", -1},    {"truee", -1}, {"enable", -1},
    {" 1", -1},   {"1 ", -1},    {"o", -1},    {"", -1},     {"0x1", -1},   {"yes!", -1},
};

std::vector<unsigned> rows_of_kind(std::set<int> kinds)
{
    std::vector<unsigned> out;
    for (unsigned r = 0; r < shim_config_rows(); r++)
        if (kinds.count(shim_config_kind(r)))
            out.push_back(r);
    return out;
}

std::string row_name(const ::testing::TestParamInfo<unsigned> &i)
{
    return shim_config_name(i.param);
}

class ConfigBoolRow : public ConfigRow {};
class ConfigIntRow : public ConfigRow {};
class ConfigChoiceRow : public ConfigRow {};
class ConfigStringRow : public Config, public ::testing::WithParamInterface<unsigned> {};

TEST_P(ConfigBoolRow, AcceptsTheUsualWords)
{
    unsigned r = GetParam();
    for (const BoolCase &c : bool_cases) {
        long v = -7;
        int rc = shim_config_parse(r, c.text, &v);
        if (c.value < 0) {
            EXPECT_EQ(rc, -1) << "'" << c.text << "'";
        } else {
            EXPECT_EQ(rc, 0) << "'" << c.text << "'";
            EXPECT_EQ(v, c.value) << "'" << c.text << "'";
        }
    }
}

TEST_P(ConfigIntRow, AcceptsHexadecimal)
{
    unsigned r = GetParam();
    char text[64];
    snprintf(text, sizeof text, "0x%lx", shim_config_max(r));
    long v;
    ASSERT_EQ(shim_config_parse(r, text, &v), 0) << text;
    EXPECT_EQ(v, shim_config_max(r));
}

TEST_P(ConfigRow, BadEnvironmentValueWarnsOnceAndKeepsDefault)
{
    unsigned r = GetParam();
    std::vector<std::string> bad = {"garbage!", "12abc", ""};
    if (shim_config_is_bool(r))
        bad.push_back("maybe");
    else if (kind(r) == SHIM_INT)
        bad.push_back(std::to_string(shim_config_max(r) + 1));
    else
        bad.push_back(words(r)[0] + "x");
    for (const std::string &b : bad) {
        SCOPED_TRACE(name(r) + "='" + b + "'");
        setenv(shim_config_name(r), b.c_str(), 1);
        Loaded l = load();
        unsetenv(shim_config_name(r));
        EXPECT_EQ(l.rc, 1);
        EXPECT_EQ(lines(l.warnings), 1u) << l.warnings;
        ASSERT_FALSE(l.warnings.empty());
        EXPECT_EQ(l.warnings.back(), '\n');
        EXPECT_NE(l.warnings.find(name(r)), std::string::npos) << l.warnings;
        EXPECT_NE(l.warnings.find("'" + b + "'"), std::string::npos) << l.warnings;
        EXPECT_NE(l.warnings.find("default " + def_text(r)), std::string::npos)
            << l.warnings;
        for (unsigned k = 0; k < rows(); k++)
            EXPECT_EQ(take(shim_config_loaded_text(k)), def_text(k)) << name(k);
    }
}

TEST_P(ConfigRow, GoodEnvironmentValueIsUsed)
{
    unsigned r = GetParam();
    std::string text;
    long want;
    if (shim_config_is_bool(r)) {
        want = !shim_config_def(r);
        text = want ? "yes" : "off";
    } else if (kind(r) == SHIM_CHOICE) {
        want = shim_config_def(r) == shim_config_max(r) ? 0 : shim_config_max(r);
        text = words(r)[want];
        for (char &c : text)
            c = (char)toupper((unsigned char)c); // any letter case
    } else {
        want = shim_config_def(r) == shim_config_max(r) ? shim_config_min(r)
                                                          : shim_config_max(r);
        text = std::to_string(want);
    }
    setenv(shim_config_name(r), text.c_str(), 1);
    Loaded l = load();
    EXPECT_EQ(l.rc, 0);
    EXPECT_EQ(l.warnings, "");
    EXPECT_EQ(l.values[r], want);
    for (unsigned k = 0; k < rows(); k++) {
        if (k != r) {
            EXPECT_EQ(take(shim_config_loaded_text(k)), def_text(k)) << name(k);
        }
    }
}

TEST_P(ConfigChoiceRow, AcceptsEachWordInAnyCaseAndNothingElse)
{
    unsigned r = GetParam();
    std::vector<std::string> w = words(r);
    for (size_t i = 0; i < w.size(); i++) {
        std::string upper = w[i];
        for (char &c : upper)
            c = (char)toupper((unsigned char)c);
        for (const std::string &t : {w[i], upper}) {
            long v = -1;
            EXPECT_EQ(shim_config_parse(r, t.c_str(), &v), 0) << t;
            EXPECT_EQ(v, (long)i) << t;
        }
        long v;
        EXPECT_EQ(shim_config_parse(r, (w[i] + " ").c_str(), &v), -1);
        EXPECT_EQ(shim_config_parse(r, w[i].substr(0, w[i].size() - 1).c_str(), &v), -1);
    }
    long v;
    EXPECT_EQ(shim_config_parse(r, std::to_string(shim_config_def(r)).c_str(), &v), -1)
        << "a choice takes words, not their index";
}

TEST_P(ConfigStringRow, LengthsInRangeAreTakenAsIs)
{
    unsigned r = GetParam();
    std::vector<char> out(shim_config_str_max());
    long lo = shim_config_min(r), hi = shim_config_max(r);
    for (long n : {lo, lo + 1, hi}) {
        std::string text(n, 'a');
        if (n > 0)
            text[0] = '/';
        EXPECT_EQ(shim_config_parse_string(r, text.c_str(), out.data()), 0) << n;
        EXPECT_EQ(std::string(out.data()), text);
    }
    EXPECT_EQ(shim_config_parse_string(r, std::string(hi + 1, 'a').c_str(), out.data()), -1);
    if (lo > 0) {
        EXPECT_EQ(shim_config_parse_string(r, "", out.data()), -1);
    }
    EXPECT_EQ(shim_config_parse_string(r, nullptr, out.data()), -1);
    long v;
    EXPECT_EQ(shim_config_parse(r, "x", &v), -1) << "strings go through parse_string";
}

TEST_P(ConfigStringRow, EnvironmentValueIsUsedOrWarnedAbout)
{
    unsigned r = GetParam();
    setenv(shim_config_name(r), "dir with space/trace.x", 1);
    Loaded l = load();
    EXPECT_EQ(l.rc, 0);
    EXPECT_EQ(l.warnings, "");
    EXPECT_EQ(take(shim_config_loaded_text(r)), "dir with space/trace.x");

    std::string longer(shim_config_max(r) + 1, 'y');
    setenv(shim_config_name(r), longer.c_str(), 1);
    l = load();
    unsetenv(shim_config_name(r));
    EXPECT_EQ(l.rc, 1);
    EXPECT_EQ(lines(l.warnings), 1u) << l.warnings;
    EXPECT_NE(l.warnings.find(name(r) + "='" + longer + "'"), std::string::npos);
    EXPECT_NE(l.warnings.find("default " + def_text(r)), std::string::npos) << l.warnings;
    EXPECT_EQ(take(shim_config_loaded_text(r)), def_text(r));
}

INSTANTIATE_TEST_SUITE_P(Table, ConfigRow,
                         ::testing::ValuesIn(rows_of_kind({SHIM_INT, SHIM_BOOL, SHIM_CHOICE})),
                         row_name);
INSTANTIATE_TEST_SUITE_P(Table, ConfigRangeRow,
                         ::testing::ValuesIn(rows_of_kind({SHIM_INT, SHIM_BOOL})), row_name);
INSTANTIATE_TEST_SUITE_P(Table, ConfigBoolRow, ::testing::ValuesIn(rows_of_kind({SHIM_BOOL})),
                         row_name);
INSTANTIATE_TEST_SUITE_P(Table, ConfigIntRow, ::testing::ValuesIn(rows_of_kind({SHIM_INT})),
                         row_name);
INSTANTIATE_TEST_SUITE_P(Table, ConfigChoiceRow,
                         ::testing::ValuesIn(rows_of_kind({SHIM_CHOICE})), row_name);
INSTANTIATE_TEST_SUITE_P(Table, ConfigStringRow,
                         ::testing::ValuesIn(rows_of_kind({SHIM_STRING})), row_name);

// ---- docs/config.md --------------------------------------------------------

struct DocRow {
    std::string type, def, range;
    int line;
};

std::string trim(const std::string &s)
{
    size_t b = s.find_first_not_of(" \t`"), e = s.find_last_not_of(" \t`");
    return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

TEST(ConfigDocs, ListsEveryTableSettingAndNothingElse)
{
    const char *path = SS_DOCS_DIR "/config.md";
    std::ifstream in(path);
    ASSERT_TRUE(in.good()) << "cannot read " << path;
    std::map<std::string, DocRow> doc;
    std::string line, all;
    for (int n = 1; std::getline(in, line); n++) {
        all += line + "\n";
        if (line.rfind("| `SS_", 0) != 0)
            continue;
        // | `NAME` | Type | `default` | `min..max` | Meaning |
        std::vector<std::string> cells;
        std::stringstream ss(line.substr(1));
        std::string cell;
        while (std::getline(ss, cell, '|'))
            cells.push_back(trim(cell));
        ASSERT_GE(cells.size(), 5u) << path << ":" << n << ": " << line;
        EXPECT_TRUE(doc.count(cells[0]) == 0) << path << ":" << n << ": " << cells[0]
                                              << " listed twice";
        doc[cells[0]] = {cells[1], cells[2], cells[3], n};
    }
    std::set<std::string> table;
    for (unsigned r = 0; r < rows(); r++) {
        table.insert(name(r));
        auto it = doc.find(name(r));
        if (it == doc.end()) {
            ADD_FAILURE() << path << " does not list " << name(r);
            continue;
        }
        const DocRow &d = it->second;
        SCOPED_TRACE(std::string(path) + ":" + std::to_string(d.line) + ": " + name(r));
        static const char *const type_names[] = {"integer", "boolean", "choice", "string"};
        EXPECT_EQ(d.type, type_names[kind(r)]);
        EXPECT_EQ(d.def, def_text(r)) << "default";
        if (kind(r) == SHIM_CHOICE) {
            std::string all_words;
            for (const std::string &w : words(r))
                all_words += (all_words.empty() ? "" : ", ") + w;
            EXPECT_EQ(d.range, all_words) << "range (the words)";
        } else {
            EXPECT_EQ(d.range, std::to_string(shim_config_min(r)) + ".." +
                                   std::to_string(shim_config_max(r)))
                << "range (of a string: its length)";
        }
    }
    for (const auto &kv : doc)
        EXPECT_TRUE(table.count(kv.first))
            << path << ":" << kv.second.line << ": " << kv.first
            << " is not a setting of the runtime";
    // The introduction says how values are read.
    EXPECT_NE(all.find("SS_PRINT_CONFIG=1"), std::string::npos);
    EXPECT_NE(all.find("warning"), std::string::npos);
}

}  // namespace
